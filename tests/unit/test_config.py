"""The configuration refuses unsafe production settings."""

import pytest

from portal.config import DEFAULT_SECRET_KEY, ConfigError, load_settings

GOOD_SECRET = "x" * 48
PG = "postgresql://portal@db/portal"
SECRETS = {"CITIZEN_OIDC_CLIENT_SECRET": "real-1", "STAFF_OIDC_CLIENT_SECRET": "real-2"}


def test_development_defaults_to_embedded_sqlite():
    settings = load_settings({})
    assert settings.env == "development"
    assert settings.database_url.startswith("sqlite:///")
    assert settings.flask_config()["SESSION_COOKIE_NAME"] == "session"


def test_production_refuses_the_default_secret_key():
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings({"PORTAL_ENV": "production", "DATABASE_URL": PG, **SECRETS})
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings(
            {"PORTAL_ENV": "production", "SECRET_KEY": DEFAULT_SECRET_KEY, "DATABASE_URL": PG}
        )


def test_production_refuses_sqlite_unless_explicitly_allowed():
    env = {"PORTAL_ENV": "production", "SECRET_KEY": GOOD_SECRET, **SECRETS}
    with pytest.raises(ConfigError, match="SQLite"):
        load_settings(env)
    allowed = load_settings({**env, "ALLOW_SQLITE_IN_PRODUCTION": "1"})
    assert allowed.database_url.startswith("sqlite")


def test_production_uses_host_prefixed_secure_cookie_and_hsts():
    settings = load_settings(
        {"PORTAL_ENV": "production", "SECRET_KEY": GOOD_SECRET, "DATABASE_URL": PG, **SECRETS}
    )
    cfg = settings.flask_config()
    assert cfg["SESSION_COOKIE_NAME"] == "__Host-session"
    assert cfg["SESSION_COOKIE_SECURE"] is True
    assert cfg["HSTS"] is True
    assert settings.database_url.startswith("postgresql+psycopg://")
    assert settings.ratelimit_storage_uri.startswith("redis://")


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError):
        load_settings({"PORTAL_ENV": "staging"})
