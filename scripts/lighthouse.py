"""Lighthouse mobile scores for pages of a running portal (``make run`` first).

    python scripts/lighthouse.py [--base http://127.0.0.1:5000] [--subject citizen-amal]
                                 [--locale da --locale ar] [PATH ...]

Logs in through the OIDC provider as ``--subject``, sets the language, and runs
``npx lighthouse`` (npm registry; Debian's Chromium via CHROME_PATH) once per page and
locale with the session cookie. Prints performance and accessibility scores; exits 1
when performance < 95 or accessibility < 100.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from urllib.parse import urljoin

import requests

LIGHTHOUSE = "lighthouse@13.5.0"
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage " \
        "--disable-background-networking"


def login(base: str, subject: str) -> requests.Session:
    session = requests.Session()
    start = session.get(urljoin(base, "/auth/citizen/login"), allow_redirects=False, timeout=10)
    answer = requests.post(start.headers["Location"], data={"sub": subject},
                           allow_redirects=False, timeout=10)
    session.get(answer.headers["Location"], allow_redirects=False, timeout=10)
    return session


def run(url: str, cookie: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--form-factor=mobile",
             "--only-categories=performance,accessibility", f"--chrome-flags={FLAGS}",
             f"--extra-headers={json.dumps({'Cookie': cookie})}",
             "--output=json", f"--output-path={out.name}"],
            check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        report = json.load(open(out.name, encoding="utf-8"))  # noqa: SIM115
    return {name: cat["score"] * 100 for name, cat in report["categories"].items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:5000")
    parser.add_argument("--subject", default="citizen-amal")
    parser.add_argument("--locale", action="append", default=[])
    parser.add_argument("paths", nargs="*", default=["/citizen/"])
    args = parser.parse_args()
    failed = False
    for code in args.locale or ["da", "ar"]:
        session = login(args.base, args.subject)
        session.get(urljoin(args.base, f"/locale/{code}"), allow_redirects=False, timeout=10)
        cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
        for path in args.paths:
            scores = run(urljoin(args.base, path), cookie)
            ok = scores["performance"] >= 95 and scores["accessibility"] >= 100
            failed |= not ok
            print(f"{code:3} {path:24} performance {scores['performance']:5.0f}  "
                  f"accessibility {scores['accessibility']:5.0f}  {'ok' if ok else 'BELOW TARGET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
