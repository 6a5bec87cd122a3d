"""Server time and SQL statement counts of the caseload and the municipality overview.

    python scripts/bench_caseworker.py [--database-url URL] [--citizens 5000] [--caseload 500]

Builds a fresh schema in the given database (default: PostgreSQL database ``bench`` on
127.0.0.1, created if missing), seeds the 98 municipalities, the demo personas and the
synthetic citizens, then requests each page through the WSGI app (no network) several
times and prints the median and worst server time and the number of SQL statements.
A benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal import create_app  # noqa: E402
from portal.caseworker.query_counter import count_queries  # noqa: E402
from portal.clock import SystemClock, today_in_denmark  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import StaffUser  # noqa: E402


def _ensure_database(url: str) -> None:
    if not url.startswith("postgresql"):
        return
    base, name = url.rsplit("/", 1)
    engine = sa.create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname=:n"), {"n": name})
        if not exists.scalar():
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url",
                        default="postgresql+psycopg://postgres@127.0.0.1:5432/bench")
    parser.add_argument("--citizens", type=int, default=5000)
    parser.add_argument("--caseload", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    _ensure_database(args.database_url)
    app = create_app({"PORTAL_ENV": "test", "DATABASE_URL": args.database_url,
                      "SECRET_KEY": "bench-secret-key-long-enough-0123456789abcdef"})
    from flask_migrate import upgrade

    from portal.demo.seeding import seed_municipalities, seed_personas
    from portal.demo.synthetic import seed_synthetic

    with app.app_context():
        meta = sa.MetaData()
        meta.reflect(bind=db.engine)
        meta.drop_all(bind=db.engine)
        upgrade()
        seed_municipalities()
        seed_personas(app.extensions["portal_settings"], today_in_denmark())
        staff = db.session.scalar(sa.select(StaffUser).filter_by(oidc_subject="caseworker-kbh"))
        lead = db.session.scalar(sa.select(StaffUser).filter_by(oidc_subject="teamlead-kbh"))
        started = time.perf_counter()
        seed_synthetic("101", args.citizens, caseworker=staff, caseload=args.caseload,
                       today=today_in_denmark())
        print(f"seeded {args.citizens} citizens in {time.perf_counter() - started:.1f} s "
              f"({db.engine.dialect.name})")
        staff_id, lead_id = staff.id, lead.id

    def measure(user_id: int, path: str) -> tuple[float, float, int]:
        client = app.test_client()
        with client.session_transaction() as session:  # a logged-in staff session
            now = int(SystemClock().now().timestamp())
            session.update({"kind": "staff", "uid": user_id, "sid": "bench", "login_at": now,
                            "seen_at": now})
        times, statements = [], 0
        for _ in range(args.repeat):
            with app.app_context(), count_queries(db.engine) as counted:
                begin = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - begin)
            assert response.status_code == 200, response.status_code
            statements = counted.count
        return statistics.median(times) * 1000, max(times) * 1000, statements

    for label, user, path in [
        (f"caseload ({args.caseload} citizens)", staff_id, "/caseworker/"),
        (f"municipality overview ({args.citizens} citizens)", lead_id, "/caseworker/overview/"),
        (f"overview CSV ({args.citizens} citizens)", lead_id, "/caseworker/overview/export.csv"),
    ]:
        median, worst, statements = measure(user, path)
        print(f"{label:45} median {median:7.1f} ms  worst {worst:7.1f} ms  "
              f"SQL statements {statements}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
