"""Load and fault suite (``make soak``): loopback only, bounded in time.

    python scripts/soak.py [--users 200] [--seconds 120] [--no-faults]

200 simulated citizens (threads) log in through the OIDC provider and for two minutes do,
with 3–8 s of reading between clicks as people do, a realistic mix (read the start page,
add joblog entries, book and move talks, edit the CV) against gunicorn workers with
PostgreSQL and Redis. The script keeps its own ledger
of every write the server acknowledged and afterwards compares it with the database:
nothing lost, nothing doubled, no slot double-booked.

Faults (unless ``--no-faults``): at 1/3 of the run one gunicorn worker is killed with
SIGKILL; at 2/3 PostgreSQL is restarted. A probe measures how long the service takes to
answer again; requests in flight must fail cleanly (a translated error page, never a
stack trace). Exits 1 when any of these checks fails.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadlib import ROOT, Session, free_port, portal

from portal.clock import SystemClock, danish_date

SLOT = re.compile(r'name="slot_id" value="(\d+)"')
KEY = re.compile(r'name="request_key" value="([^"]+)"')


@dataclass
class Ledger:
    """What the server acknowledged, and every answer it gave."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    joblog_keys: dict[str, str] = field(default_factory=dict)  # key -> subject
    bookings: dict[int, str] = field(default_factory=dict)  # booking id -> expected status
    profiles: dict[str, str] = field(default_factory=dict)  # subject -> last saved text
    statuses: Counter[str] = field(default_factory=Counter)
    server_errors: list[tuple[float, str, int]] = field(default_factory=list)
    tracebacks: int = 0
    connection_errors: list[float] = field(default_factory=list)

    def answer(self, path: str, response: requests.Response, t: float) -> None:
        with self.lock:
            self.statuses[str(response.status_code)] += 1
            if response.status_code >= 500:
                self.server_errors.append((t, path, response.status_code))
            if "Traceback" in response.text:
                self.tracebacks += 1


class User(threading.Thread):
    def __init__(self, index: int, base: str, ledger: Ledger, until: float, t0: float) -> None:
        super().__init__(daemon=True)
        self.subject = f"soak-{index:03d}"
        self.session = Session(base)
        self.ledger = ledger
        self.until = until
        self.t0 = t0
        self.rng = random.Random(index)  # noqa: S311 - load mix, not secrets
        self.booking: int | None = None

    def _do(self, method: str, path: str, data: dict[str, str] | None = None
            ) -> requests.Response | None:
        try:
            if method == "GET":
                response = self.session.get(path)
            else:
                response = self.session.post(path, data or {})
        except requests.RequestException:
            with self.ledger.lock:
                self.ledger.connection_errors.append(time.monotonic() - self.t0)
            return None
        self.ledger.answer(path, response, time.monotonic() - self.t0)
        return response

    def run(self) -> None:
        try:
            self.session.login(self.subject)
        except (requests.RequestException, RuntimeError, KeyError):
            return
        actions = [(self.read_start, 40), (self.add_joblog, 25), (self.book_or_move, 15),
                   (self.edit_cv, 10), (self.read_talks, 10)]
        weights = [w for _, w in actions]
        while time.monotonic() < self.until:
            action = self.rng.choices([a for a, _ in actions], weights)[0]
            action()
            time.sleep(self.rng.uniform(3.0, 8.0))  # a person reads before the next click

    def read_start(self) -> None:
        self._do("GET", "/citizen/")

    def read_talks(self) -> None:
        self._do("GET", "/citizen/talks/")

    def add_joblog(self) -> None:
        page = self._do("GET", "/citizen/joblog/new")
        if page is None or page.status_code != 200:
            return
        fields = dict(re.findall(r'name="(csrf_token|idempotency_key)"[^>]*value="([^"]+)"',
                                 page.text))
        data = {**fields, "activity_on": danish_date(SystemClock().now()).isoformat(),
                "kind": "advertised", "employer": f"Firma {self.rng.randint(1, 999)}",
                "job_title": "Lagermedarbejder", "source": "", "status": "sent", "note": ""}
        for _attempt in range(3):  # a phone re-sends the same form when nothing came back
            answer = self._do("POST", "/citizen/joblog/new", data)
            if answer is not None and answer.status_code in (302, 303):
                with self.ledger.lock:
                    self.ledger.joblog_keys[data["idempotency_key"]] = self.subject
                return
            if answer is not None and answer.status_code < 500:
                return

    def book_or_move(self) -> None:
        page = self._do("GET", "/citizen/talks/" if self.booking is None
                        else f"/citizen/talks/{self.booking}/move")
        if page is None or page.status_code != 200:
            return
        slots, keys = SLOT.findall(page.text), KEY.findall(page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        if not slots or not token:
            return
        pick = self.rng.randrange(len(slots))
        data = {"csrf_token": token.group(1), "slot_id": slots[pick], "talk_form": "phone",
                "request_key": keys[pick] if pick < len(keys) else f"{self.subject}-{pick}"}
        path = "/citizen/talks/book" if self.booking is None else \
            f"/citizen/talks/{self.booking}/move"
        answer = self._do("POST", path, data)
        if answer is not None and answer.status_code in (302, 303):
            match = re.search(r"/citizen/talks/(\d+)", answer.headers.get("Location", ""))
            if match:
                new = int(match.group(1))
                with self.ledger.lock:
                    if self.booking is not None and new != self.booking:
                        self.ledger.bookings[self.booking] = "moved"
                    self.ledger.bookings[new] = "booked"
                self.booking = new

    def edit_cv(self) -> None:
        page = self._do("GET", "/citizen/cv/profile")
        if page is None or page.status_code != 200:
            return
        fields = dict(re.findall(r'name="(csrf_token|idempotency_key)"[^>]*value="([^"]+)"',
                                 page.text))
        text = f"Erfaren lagermedarbejder {self.rng.randint(1, 10**9)}"
        answer = self._do("POST", "/citizen/cv/profile",
                          {**fields, "profile": text, "competences": "Truckkort",
                           "driving_licence": "", "phone": ""})
        if answer is not None and answer.status_code in (302, 303):
            with self.ledger.lock:
                self.ledger.profiles[self.subject] = text


def seed(running, users: int) -> None:
    """Citizens soak-000… in København (job-ready, presumed) and 600 free talk times."""
    code = f"""
import datetime as dt
from portal import create_app
from portal.extensions import db
from portal.models import Citizen, Municipality, StaffUser, TalkSlot
from portal.clock import now_utc, today_in_denmark
app = create_app()
with app.app_context():
    kbh = db.session.query(Municipality).filter_by(code="101").one()
    worker = db.session.query(StaffUser).filter_by(oidc_subject="caseworker-kbh").one()
    today = today_in_denmark()
    for i in range({users}):
        db.session.add(Citizen(oidc_issuer="{running.idp}", oidc_subject=f"soak-{{i:03d}}",
            name=f"Soak {{i:03d}}", municipality=kbh, residence_basis="refugee",
            benefit="self_support_and_return_benefit",
            municipality_took_over_on=today - dt.timedelta(days=20),
            registered_as_job_seeker_on=today - dt.timedelta(days=5),
            has_phone_or_computer=True, preferred_locale="da"))
    start = now_utc().replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    for i in range(600):
        db.session.add(TalkSlot(municipality_id=kbh.id, caseworker_id=worker.id,
            starts_at=start + dt.timedelta(minutes=30 * i), minutes=30, forms="phone,video",
            address="", phone_note="", video_url="https://video.example.invalid/x",
            interpreter_languages="", book_by_hours=24, change_by_hours=24,
            created_at=now_utc()))
    db.session.commit()
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=running.env, check=True)


def probe(base: str, stop: threading.Event, log: list[tuple[float, bool]], t0: float) -> None:
    while not stop.is_set():
        try:
            ok = requests.get(base + "/readyz", timeout=2).status_code == 200
        except requests.RequestException:
            ok = False
        log.append((time.monotonic() - t0, ok))
        time.sleep(0.2)


def recovery(log: list[tuple[float, bool]], at: float, until: float) -> float | None:
    """Seconds from ``at`` until the probe saw the service ready again (0 when it never saw
    it down), looking only up to ``until`` (the next fault)."""
    after = [(t, ok) for t, ok in log if at <= t < until]
    failed = [t for t, ok in after if not ok]
    if not failed:
        return 0.0
    back = [t for t, ok in after if ok and t > failed[0]]
    return (back[0] - at) if back else None


def restart_postgresql() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
                   check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-faults", action="store_true")
    args = parser.parse_args()
    smtp_port = free_port()
    smtp = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l",
                             f"127.0.0.1:{smtp_port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.environ["SMTP_PORT"] = str(smtp_port)
    failures: list[str] = []
    try:
        with portal("soak", workers=args.workers) as running:
            seed(running, args.users)
            ledger = Ledger()
            t0 = time.monotonic()
            until = t0 + args.seconds
            users = [User(i, running.base, ledger, until, t0) for i in range(args.users)]
            stop = threading.Event()
            probe_log: list[tuple[float, bool]] = []
            prober = threading.Thread(target=probe, args=(running.base, stop, probe_log, t0),
                                      daemon=True)
            prober.start()
            for user in users:
                user.start()
                time.sleep(0.01)
            kill_at = restart_at = None
            if not args.no_faults:
                time.sleep(max(0.0, t0 + args.seconds / 3 - time.monotonic()))
                victim = running.worker_pids()[0]
                os.kill(victim, signal.SIGKILL)
                kill_at = time.monotonic() - t0
                print(f"{kill_at:6.1f} s  SIGKILL gunicorn worker {victim}")
                time.sleep(max(0.0, t0 + 2 * args.seconds / 3 - time.monotonic()))
                restart_at = time.monotonic() - t0
                restart_postgresql()
                print(f"{restart_at:6.1f} s  PostgreSQL restarted")
            for user in users:
                user.join(args.seconds + 60)
            stop.set()
            prober.join(5)
            elapsed = time.monotonic() - t0

            total = sum(ledger.statuses.values())
            print(f"\n{args.users} users, {elapsed:.0f} s, {total} responses "
                  f"({total / elapsed:.0f}/s): {dict(sorted(ledger.statuses.items()))}")
            print(f"connection errors: {len(ledger.connection_errors)}; responses with a "
                  f"stack trace: {ledger.tracebacks}")
            fault_windows = [(t, t + 10) for t in (kill_at, restart_at) if t is not None]

            def in_fault(t: float) -> bool:
                return any(a <= t <= b for a, b in fault_windows)

            normal_errors = [e for e in ledger.server_errors if not in_fault(e[0])]
            fault_errors = [e for e in ledger.server_errors if in_fault(e[0])]
            print(f"server errors outside the fault windows: {len(normal_errors)}; "
                  f"inside (10 s after a fault): {len(fault_errors)} "
                  f"{Counter((code, path) for _, path, code in fault_errors)}")
            if normal_errors:
                failures.append(f"{len(normal_errors)} server errors under normal load: "
                                f"{normal_errors[:5]}")
            if ledger.tracebacks:
                failures.append(f"{ledger.tracebacks} responses showed a stack trace")
            late = [t for t in ledger.connection_errors if not in_fault(t)]
            if late:
                failures.append(f"{len(late)} connection errors outside the fault windows")
            faults = [("worker SIGKILL", kill_at), ("PostgreSQL restart", restart_at)]
            for i, (name, at) in enumerate(faults):
                if at is None:
                    continue
                nxt = faults[i + 1][1] if i + 1 < len(faults) and faults[i + 1][1] else elapsed
                seconds = recovery(probe_log, at, nxt)
                shown = "never" if seconds is None else f"{seconds:.1f} s"
                print(f"recovery after {name}: {shown}")
                if seconds is None or seconds > 10:
                    failures.append(f"no recovery within 10 s after {name} ({shown})")

            # the ledger against the database
            keys = list(ledger.joblog_keys)
            stored = 0
            doubled = 0
            for key in keys:
                n = int(running.scalar("SELECT count(*) FROM joblog_entry WHERE "
                                       "idempotency_key = :k", k=key) or 0)
                stored += n == 1
                doubled += n > 1
            print(f"joblog: {len(keys)} acknowledged, {stored} stored once, "
                  f"{len(keys) - stored - doubled} missing, {doubled} doubled")
            if stored != len(keys):
                failures.append("acknowledged joblog entries lost or doubled")
            lost_bookings = 0
            for booking_id, status in ledger.bookings.items():
                found = running.scalar("SELECT status FROM booking WHERE id = :i", i=booking_id)
                lost_bookings += found != status
            print(f"bookings: {len(ledger.bookings)} acknowledged (incl. moves), "
                  f"{lost_bookings} not as acknowledged")
            if lost_bookings:
                failures.append(f"{lost_bookings} bookings not as acknowledged")
            double = int(running.scalar(
                "SELECT count(*) FROM (SELECT active_slot_id FROM booking WHERE active_slot_id "
                "IS NOT NULL GROUP BY active_slot_id HAVING count(*) > 1) d") or 0)
            print(f"slots with more than one active booking: {double}")
            if double:
                failures.append("a slot is double-booked")
            wrong_cv = 0
            for subject, text in ledger.profiles.items():
                found = running.scalar(
                    "SELECT cv.profile FROM cv JOIN citizen ON citizen.id = cv.citizen_id "
                    "WHERE citizen.oidc_subject = :s", s=subject)
                wrong_cv += found != text
            print(f"CV profiles: {len(ledger.profiles)} acknowledged, {wrong_cv} not as last "
                  "saved")
            if wrong_cv:
                failures.append(f"{wrong_cv} CV profiles lost")
    finally:
        smtp.terminate()
    print("\nsoak: " + ("PASSED" if not failures else "FAILED\n  " + "\n  ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
