"""Shared fixtures: a real OIDC provider, the app on SQLite or PostgreSQL, a clean database.

The database is chosen by ``DATABASE_URL`` (``make test`` runs the suite once on
SQLite and once on PostgreSQL). The schema is built by the Alembic migrations, not
by ``create_all``, so the migrations are what is tested.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from portal import create_app
from portal.demo.personas import NSIS_LOW
from portal.extensions import db
from tests.support import clock, smtp
from tests.support.clock import SEED_DAY

os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
KEEP_TABLES = {"municipality", "alembic_version"}


LOW_ASSURANCE_USER = {"sub": "citizen-amal-low", "name": "Amal Low", "acr": NSIS_LOW}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def idp() -> Iterator[str]:
    """The real OpenID Connect provider (oidc-provider-mock), as ``make run`` starts it."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "portal.demo.idp", "--port", str(port),
         "--user-claims", json.dumps(LOW_ASSURANCE_USER)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{url}/.well-known/openid-configuration", timeout=1)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the OIDC provider did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _database_url(tmp: Path) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'test.db'}"


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[smtp.Mailbox]:
    """A real SMTP server on loopback; the app sends its e-mail there."""
    controller, mailbox = smtp.start(_free_port())
    yield mailbox
    controller.stop()


@pytest.fixture()
def mailbox(smtp_server: smtp.Mailbox) -> Iterator[smtp.Mailbox]:
    smtp_server.clear()
    yield smtp_server
    smtp_server.clear()


def make_app(idp_url: str, database_url: str, **extra: str) -> Flask:
    """The portal as the tests run it: on the tests' frozen clock (tests/support/clock.py)."""
    return create_app(
        {
            "PORTAL_ENV": "test",
            "SMTP_HOST": "127.0.0.1",
            "DATABASE_URL": database_url,
            "DEV_IDP_URL": idp_url,
            "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "LOGIN_RATE_LIMIT": "1000 per minute",
            **extra,
        },
        clock=clock.CLOCK,
    )


def reset_schema(app: Flask) -> None:
    """Drop everything and rebuild the schema from the migrations."""
    from flask_migrate import upgrade

    with app.app_context():
        meta = sa.MetaData()
        meta.reflect(bind=db.engine)
        meta.drop_all(bind=db.engine)
        upgrade()


@pytest.fixture(scope="session")
def app(
    idp: str, smtp_server: smtp.Mailbox, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    from portal.demo.seeding import seed_municipalities

    application = make_app(
        idp, _database_url(tmp_path_factory.mktemp("db")), SMTP_PORT=str(smtp_server.port),
        UPLOAD_DIR=str(tmp_path_factory.mktemp("uploads")),
    )
    reset_schema(application)
    from portal.assessment import document_cache

    document_cache.VERIFY = True  # a test fails if any page changes a shared document
    with application.app_context():
        seed_municipalities()
    yield application
    with application.app_context():
        db.engine.dispose()


def _clean(app: Flask) -> None:
    from portal.assessment import document_cache
    from portal.citizen.rights import card_cache

    document_cache.clear()  # ids start again after the tables are emptied
    card_cache.clear()
    with app.app_context():
        db.session.remove()
        tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in KEEP_TABLES]
        with db.engine.begin() as conn:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture(autouse=True)
def _seed_moment() -> None:
    """Every test starts at the seed moment, whatever the machine's clock says."""
    clock.reset()


@pytest.fixture()
def frozen_clock() -> clock.FrozenClock:
    """The application's clock, for a test that lets time pass."""
    return clock.CLOCK


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "app" in request.fixturenames:
        _clean(request.getfixturevalue("app"))


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def personas(app: Flask) -> None:
    """The demo personas in the database, dated relative to ``SEED_DAY``."""
    from portal.demo.seeding import seed_personas

    with app.app_context():
        seed_personas(app.extensions["portal_settings"], SEED_DAY)
