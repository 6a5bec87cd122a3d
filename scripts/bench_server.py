"""Server throughput and latency under gunicorn with PostgreSQL (``make bench``).

    python scripts/bench_server.py [--workers 4] [--seconds 10] [--clients 10,50,200]

Measures, with wrk from Debian, the bare ``/healthz`` endpoint of the same app (the
floor), the citizen start page, the booking page and a joblog POST (every request a new
entry with its own idempotency key), at each number of concurrent clients. Prints
requests per second, p50/p95/p99 latency, errors, and each page's throughput as a ratio
of the floor. A benchmark: it prints figures; the targets (start page ≥ 0.25 of the
floor, p95 ≤ 100 ms at 50 clients) are reported as met or not, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadlib import ROOT, Session, portal

from portal.clock import SystemClock, danish_date

LUA = ROOT / "scripts" / "wrk"
RESULT = re.compile(r"RESULT (.*)")


def wrk(url: str, script: str, clients: int, seconds: int, env: dict[str, str]) -> dict[str, float]:
    threads = min(2, clients)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(LUA / script), url],
        capture_output=True, text=True, env={**os.environ, **env, "BENCH_LUA_DIR": str(LUA)},
        check=True,
    ).stdout
    match = RESULT.search(out)
    if not match:
        raise RuntimeError(out)
    return {k: float(v) for k, v in (pair.split("=") for pair in match.group(1).split())}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per worker (>1: gthread workers, which keep connections)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", default="10,50,200")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    levels = [int(c) for c in args.clients.split(",")]
    with portal("bench_http", workers=args.workers, threads=args.threads) as running:
        amal = Session(running.base)
        amal.login("citizen-amal")
        assert amal.get("/citizen/").status_code == 200
        token = amal.csrf("/citizen/joblog/new")
        form = amal.get("/citizen/joblog/new").text
        kind = re.search(r'name="kind"[^>]*>\s*<option[^>]*value="([^"]+)"', form)
        status = re.search(r'name="status"[^>]*>\s*<option[^>]*value="([^"]+)"', form)
        env = {
            "BENCH_COOKIE": amal.cookie_header, "BENCH_CSRF": token,
            "BENCH_TODAY": danish_date(SystemClock().now()).isoformat(),
            "BENCH_RUN": str(int(SystemClock().now().timestamp())),
            "BENCH_KIND": kind.group(1) if kind else "advertised_job",
            "BENCH_STATUS": status.group(1) if status else "sent",
        }
        targets = [
            ("floor: /healthz", "/healthz", "get.lua"),
            ("start page", "/citizen/", "get.lua"),
            ("booking page", "/citizen/talks/", "get.lua"),
            ("joblog POST", "/citizen/joblog/new", "joblog_post.lua"),
        ]
        kind = (f"gthread workers × {args.threads} threads" if args.threads > 1
                else "sync workers")
        print(f"gunicorn {args.workers} {kind}, PostgreSQL, Redis; wrk {args.seconds} s "
              f"per run; {os.cpu_count()} cores shared by wrk and the server\n")
        print(f"{'page':16} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'p99 ms':>8} {'errors':>6} {'× floor':>8}")
        floor: dict[int, float] = {}
        results: dict[tuple[str, int], dict[str, float]] = {}
        for label, path, script in targets:
            for clients in levels:
                r = wrk(running.base + path, script, clients, args.seconds, env)
                results[(label, clients)] = r
                if path == "/healthz":
                    floor[clients] = r["rps"]
                ratio = r["rps"] / floor[clients] if floor.get(clients) else 1.0
                print(f"{label:16} {clients:7d} {r['rps']:9.1f} {r['p50']:8.1f} {r['p95']:8.1f} "
                      f"{r['p99']:8.1f} {int(r['errors']):6d} {ratio:8.2f}")
        entries = running.scalar("SELECT count(*) FROM joblog_entry")
        start = results.get(("start page", 50))
        if start and 50 in floor:
            ratio = start["rps"] / floor[50]
            print(f"\nstart page at 50 clients: {ratio:.2f} of the floor (target ≥ 0.25: "
                  f"{'met' if ratio >= 0.25 else 'NOT met'}), p95 {start['p95']:.1f} ms "
                  f"(target ≤ 100 ms: {'met' if start['p95'] <= 100 else 'NOT met'})")
        print(f"joblog entries stored during the run: {entries}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
