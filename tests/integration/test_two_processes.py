"""Two app processes (gunicorn, production settings) behind one PostgreSQL and Redis:
a session started on one continues on the other, and a write on one is seen on the
other. Nothing per-process: sessions are signed cookies, rate limits live in Redis."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from flask import Flask

from portal.config import ROOT
from tests.conftest import _free_port
from tests.support import clock

HTTPS = {"X-Forwarded-Proto": "https"}  # as the load balancer terminating TLS would send


@pytest.fixture()
def two_processes(app: Flask, idp: str, personas: None) -> Iterator[list[str]]:
    from tests.support.talks import make_slot

    with app.app_context():
        make_slot("caseworker-kbh", forms="phone,video")
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("postgresql"):
        pytest.skip("the production shape needs PostgreSQL (make test runs this on PostgreSQL)")
    env = {
        **os.environ,
        "PORTAL_ENV": "production",
        "DATABASE_URL": url,
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "SECRET_KEY": "two-processes-secret-key-0123456789abcdef",
        "CITIZEN_OIDC_ISSUER": idp, "STAFF_OIDC_ISSUER": idp,
        "CITIZEN_OIDC_CLIENT_SECRET": "prod-citizen", "STAFF_OIDC_CLIENT_SECRET": "prod-staff",
        "AUTHLIB_INSECURE_TRANSPORT": "1",  # the test identity provider speaks plain HTTP
        "WORKERS": "1",
    }
    ports = [_free_port(), _free_port()]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    processes = [
        subprocess.Popen(
            [gunicorn, "--workers", "1", "--no-control-socket", "--bind", f"127.0.0.1:{port}",
             "tests.support.frozen_wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base in bases:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if requests.get(base + "/healthz", timeout=2).ok:
                        break
                except (requests.ConnectionError, requests.Timeout):
                    pass
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)


class Browser:
    """Keeps the session cookie itself: the cookie is Secure (``__Host-``), and the load
    balancer in front of these processes speaks HTTPS to the browser."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> requests.Response:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.get(url, headers={**HTTPS, "Cookie": cookie},
                                allow_redirects=False, timeout=10)
        for header in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
            assert "Secure" in header and "HttpOnly" in header
        return response

    def login(self, base: str, subject: str, audience: str) -> None:
        start = self.get(f"{base}/auth/{audience}/login")
        answer = requests.post(start.headers["Location"], data={"sub": subject},
                               allow_redirects=False, timeout=10)
        back = urlsplit(answer.headers["Location"])
        assert self.get(f"{base}{back.path}?{back.query}").status_code == 302


def test_session_and_writes_cross_processes(two_processes: list[str]) -> None:
    first, second = two_processes
    citizen = Browser()
    citizen.login(first, "citizen-yonas", "citizen")
    assert "__Host-session" in citizen.cookies
    page = citizen.get(f"{second}/citizen/")
    assert page.status_code == 200
    assert "Yonas Tesfay" in page.text

    staff = Browser()
    staff.login(second, "caseworker-kbh", "staff")
    caseload = staff.get(f"{first}/caseworker/?scope=all").text
    yonas = re.search(r'/caseworker/citizens/(\d+)">Yonas Tesfay', caseload).group(1)
    form = staff.get(f"{first}/caseworker/citizens/{yonas}/decisions").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    cookie = "; ".join(f"{k}={v}" for k, v in staff.cookies.items())
    written = requests.post(
        f"{first}/caseworker/citizens/{yonas}/decisions",
        data={"csrf_token": token, "kind": "cv_exemption", "valid_from": clock.day(-20).isoformat(),
              "reason": "Recorded on process one"},
        headers={**HTTPS, "Cookie": cookie,
                 "Referer": first.replace("http://", "https://") + f"/caseworker/citizens/{yonas}"},
        allow_redirects=False, timeout=10,
    )
    assert written.status_code == 302, written.text[:500]
    assert "Recorded on process one" in citizen.get(f"{second}/citizen/decisions").text

    # a job talk booked on process one is on the citizen's page served by process two
    amal = Browser()
    amal.login(first, "citizen-amal", "citizen")
    talks = amal.get(f"{first}/citizen/talks/").text
    slot = re.search(r'name="slot_id" value="(\d+)"', talks).group(1)
    key = re.search(r'name="request_key" value="([^"]+)"', talks).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', talks).group(1)
    booked = requests.post(
        f"{first}/citizen/talks/book",
        data={"csrf_token": token, "slot_id": slot, "talk_form": "phone", "request_key": key},
        headers={**HTTPS, "Cookie": "; ".join(f"{k}={v}" for k, v in amal.cookies.items()),
                 "Referer": first.replace("http://", "https://") + "/citizen/talks/"},
        allow_redirects=False, timeout=10,
    )
    assert booked.status_code == 303, booked.text[:300]
    receipt = booked.headers["Location"].split("127.0.0.1", 1)[-1].split("/", 1)[-1]
    assert amal.get(f"{second}/{receipt}").status_code == 200
