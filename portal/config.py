"""Configuration, read once from the environment.

Three environments: ``development`` (the default for ``make run``), ``test`` and
``production``. Production refuses to start with the default secret key or with
SQLite unless ``ALLOW_SQLITE_IN_PRODUCTION=1`` is set explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_KEY = "dev-only-secret-key-change-me"  # noqa: S105 - refused in production
DEFAULT_DEV_IDP = "http://127.0.0.1:9400"


class ConfigError(RuntimeError):
    """The environment does not describe a safe configuration."""


def _flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class OIDCProvider:
    """One OpenID Connect provider: discovery by issuer URL."""

    name: str
    issuer: str
    client_id: str
    client_secret: str
    scope: str = "openid profile"

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True)
class Settings:
    env: str
    secret_key: str
    database_url: str
    citizen_idp: OIDCProvider
    staff_idp: OIDCProvider
    ratelimit_storage_uri: str
    login_rate_limit: str
    session_idle: timedelta = timedelta(minutes=20)
    session_absolute: timedelta = timedelta(hours=8)
    citizen_min_assurance: str = "substantial"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    mail_from: str = "min-integration@example.invalid"
    #: uploaded files (CVs): outside the web root, never served as static files
    upload_dir: str = str(ROOT / "instance" / "uploads")
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    def flask_config(self) -> dict[str, object]:
        """The subset Flask and its extensions read from ``app.config``."""
        secure = self.is_production
        return {
            "ENV_NAME": self.env,
            "SECRET_KEY": self.secret_key,
            "TESTING": self.env == "test",
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "SESSION_COOKIE_NAME": "__Host-session" if secure else "session",
            "SESSION_COOKIE_SECURE": secure,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "PERMANENT_SESSION_LIFETIME": self.session_absolute,
            "SESSION_IDLE_TIMEOUT": self.session_idle,
            "SESSION_ABSOLUTE_TIMEOUT": self.session_absolute,
            "PREFERRED_URL_SCHEME": "https" if secure else "http",
            "WTF_CSRF_TIME_LIMIT": int(self.session_absolute.total_seconds()),
            "WTF_CSRF_SSL_STRICT": True,
            "MAX_CONTENT_LENGTH": 6 * 1024 * 1024,
            "BABEL_DEFAULT_LOCALE": "da",
            "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
            "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
            "RATELIMIT_STORAGE_URI": self.ratelimit_storage_uri,
            "RATELIMIT_HEADERS_ENABLED": True,
            "LOGIN_RATE_LIMIT": self.login_rate_limit,
            "CITIZEN_MIN_ASSURANCE": self.citizen_min_assurance,
            "HSTS": secure,
            "SMTP_HOST": self.smtp_host,
            "SMTP_PORT": self.smtp_port,
            "MAIL_FROM": self.mail_from,
            "UPLOAD_DIR": self.upload_dir,
            **self.extra,
        }


def _default_database_url(env: str) -> str:
    instance = ROOT / "instance"
    name = "portal-test.db" if env == "test" else "portal.db"
    return f"sqlite:///{instance / name}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from ``env`` (default: ``os.environ``) and validate them."""
    source: Mapping[str, str] = os.environ if env is None else env
    name = source.get("PORTAL_ENV", "development")
    if name not in {"development", "test", "production"}:
        raise ConfigError(f"PORTAL_ENV must be development, test or production, not {name!r}")

    secret_key = source.get("SECRET_KEY", DEFAULT_SECRET_KEY)
    database_url = source.get("DATABASE_URL") or _default_database_url(name)
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")

    if name == "production":
        if secret_key == DEFAULT_SECRET_KEY or len(secret_key) < 32:
            raise ConfigError("Production needs SECRET_KEY: at least 32 random characters.")
        if database_url.startswith("sqlite") and not _flag(source, "ALLOW_SQLITE_IN_PRODUCTION"):
            raise ConfigError(
                "Production refuses SQLite; set DATABASE_URL to PostgreSQL "
                "(or ALLOW_SQLITE_IN_PRODUCTION=1 to override explicitly)."
            )

    dev_idp = source.get("DEV_IDP_URL", DEFAULT_DEV_IDP)
    citizen = OIDCProvider(
        name="citizen",
        issuer=source.get("CITIZEN_OIDC_ISSUER", dev_idp),
        client_id=source.get("CITIZEN_OIDC_CLIENT_ID", "min-integration-citizen"),
        client_secret=source.get("CITIZEN_OIDC_CLIENT_SECRET", "dev-citizen-secret"),
    )
    staff = OIDCProvider(
        name="staff",
        issuer=source.get("STAFF_OIDC_ISSUER", dev_idp),
        client_id=source.get("STAFF_OIDC_CLIENT_ID", "min-integration-staff"),
        client_secret=source.get("STAFF_OIDC_CLIENT_SECRET", "dev-staff-secret"),
    )
    if name == "production" and "dev-" in citizen.client_secret + staff.client_secret:
        raise ConfigError("Production needs real OIDC client secrets.")

    default_limits_storage = "memory://"
    ratelimit = source.get("RATELIMIT_STORAGE_URI") or source.get("REDIS_URL") or (
        default_limits_storage
    )
    if name == "production" and ratelimit == default_limits_storage:
        ratelimit = "redis://127.0.0.1:6379/0"

    return Settings(
        env=name,
        secret_key=secret_key,
        database_url=database_url,
        citizen_idp=citizen,
        staff_idp=staff,
        ratelimit_storage_uri=ratelimit,
        login_rate_limit=source.get("LOGIN_RATE_LIMIT", "20 per minute;200 per hour"),
        citizen_min_assurance=source.get("CITIZEN_MIN_ASSURANCE", "substantial"),
        smtp_host=source.get("SMTP_HOST", "127.0.0.1"),
        smtp_port=int(source.get("SMTP_PORT", "8025")),
        mail_from=source.get("MAIL_FROM", "min-integration@example.invalid"),
        upload_dir=source.get("UPLOAD_DIR") or str(ROOT / "instance" / "uploads"),
    )
