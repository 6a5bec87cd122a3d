"""Shared by the benchmark and the soak suite: a production-shaped portal on loopback.

Starts the development OIDC provider, prepares a PostgreSQL database (migrations, the
demo personas, job talk times), starts gunicorn workers with production settings, and
logs people in through the OIDC provider. Loopback only; everything stops on exit.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def ensure_database(url: str, fresh: bool = True) -> None:
    base, name = url.rsplit("/", 1)
    admin = sa.create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if fresh:
            conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"),
                              {"n": name}).scalar()
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


@dataclass
class Portal:
    base: str
    idp: str
    database_url: str
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    gunicorn: subprocess.Popen[bytes] | None = None
    #: gunicorn's log (warnings and errors), read by the scripts after a run
    log_path: Path | None = None

    def log_lines(self, needle: str) -> list[str]:
        if self.log_path is None or not self.log_path.exists():
            return []
        text = self.log_path.read_text(errors="replace")
        return [line for line in text.splitlines() if needle in line]

    def flask(self, *args: str) -> str:
        result = subprocess.run([str(VENV_BIN / "flask"), "--app", "app", *args], cwd=ROOT,
                                env=self.env, capture_output=True, text=True, check=True)
        return result.stdout

    def scalar(self, sql: str, **params: object) -> object:
        """One value from the database (read-only checks after a run)."""
        engine = sa.create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return conn.execute(sa.text(sql), params).scalar()
        finally:
            engine.dispose()

    def worker_pids(self) -> list[int]:
        assert self.gunicorn is not None
        out = subprocess.run(["pgrep", "-P", str(self.gunicorn.pid)], capture_output=True,
                             text=True, check=False).stdout
        return [int(p) for p in out.split()]


@contextmanager
def portal(database: str, *, workers: int = 4, threads: int = 1,
           idp_port: int | None = None) -> Iterator[Portal]:
    """A running portal (gunicorn, production settings) with PostgreSQL and Redis."""
    database_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}"
    ensure_database(database_url)
    idp_port = idp_port or free_port()
    idp = f"http://127.0.0.1:{idp_port}"
    port = free_port()
    env = {
        **os.environ,
        "PORTAL_ENV": "production",
        "DATABASE_URL": database_url,
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "SECRET_KEY": "load-test-secret-key-0123456789abcdefghij",
        "CITIZEN_OIDC_ISSUER": idp, "STAFF_OIDC_ISSUER": idp,
        "CITIZEN_OIDC_CLIENT_SECRET": "load-citizen", "STAFF_OIDC_CLIENT_SECRET": "load-staff",
        "AUTHLIB_INSECURE_TRANSPORT": "1",  # the development OIDC provider is plain HTTP
        "LOGIN_RATE_LIMIT": "100000 per minute",  # the load logs in many users at once
        "UPLOAD_DIR": str(ROOT / "instance" / "load-uploads"),
    }
    running = Portal(f"http://127.0.0.1:{port}", idp, database_url, env)
    running.log_path = ROOT / "instance" / f"{database}-gunicorn.log"
    running.log_path.parent.mkdir(exist_ok=True)
    log = running.log_path.open("wb")  # a file, not a pipe nobody reads (a full pipe blocks)
    try:
        running.processes.append(subprocess.Popen(
            [sys.executable, "-m", "portal.demo.idp", "--port", str(idp_port)], cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_until_up(f"{idp}/.well-known/openid-configuration")
        running.flask("db", "upgrade")
        running.flask("seed", "demo")
        running.gunicorn = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--workers", str(workers), "--no-control-socket",
             *(["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []),
             "--bind", f"127.0.0.1:{port}", "--timeout", "30", "--graceful-timeout", "5",
             "--log-level", "warning", "app:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
        running.processes.append(running.gunicorn)
        wait_until_up(running.base + "/healthz")
        yield running
    finally:
        for process in reversed(running.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in running.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


class Session:
    """A person's browser: keeps the (Secure, ``__Host-``) session cookie itself, because
    the load balancer in front would speak HTTPS while these processes speak HTTP."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}
        self.http = requests.Session()

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _keep(self, response: requests.Response) -> requests.Response:
        for header in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return self._keep(self.http.get(self.base + path, headers={"Cookie": self.cookie_header},
                                        allow_redirects=False, timeout=30, **kwargs))

    def post(self, path: str, data: dict[str, str], **kwargs: object) -> requests.Response:
        return self._keep(self.http.post(self.base + path, data=data,
                                         headers={"Cookie": self.cookie_header},
                                         allow_redirects=False, timeout=30, **kwargs))

    def login(self, subject: str, audience: str = "citizen") -> None:
        start = self.get(f"/auth/{audience}/login")
        answer = requests.post(start.headers["Location"], data={"sub": subject},
                               allow_redirects=False, timeout=30)
        back = urlsplit(answer.headers["Location"])
        done = self.get(f"{back.path}?{back.query}")
        if done.status_code != 302 or "/login" in done.headers.get("Location", ""):
            raise RuntimeError(f"login of {subject} failed: {done.status_code}")

    def csrf(self, path: str) -> str:
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', self.get(path).text)
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1)
