"""Min integration: the application factory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask, g
from werkzeug.middleware.proxy_fix import ProxyFix

from portal.clock import Clock
from portal.clock import install as install_clock
from portal.config import ROOT, load_settings


def create_app(
    overrides: Mapping[str, str] | None = None, *, clock: Clock | None = None
) -> Flask:
    """Build the portal. ``overrides`` are environment variables (tests pass them);
    ``clock`` is the application's one source of "now" (the system clock by default)."""
    settings = load_settings({**os.environ, **(overrides or {})})
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.update(settings.flask_config())
    app.extensions["portal_settings"] = settings
    install_clock(app.extensions, clock)
    if settings.database_url.startswith("sqlite:///"):
        os.makedirs(app.instance_path, exist_ok=True)
    if not settings.is_production:
        # the development/test identity provider speaks plain HTTP on loopback
        os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
    if settings.is_production:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]

    _init_extensions(app, settings)
    _register_blueprints(app)
    _register_commands(app)
    return app


def _init_extensions(app: Flask, settings: Any) -> None:
    from portal import errors
    from portal.auth import current_user, providers
    from portal.extensions import babel, csrf, db, limiter, migrate
    from portal.i18n import locales
    from portal.i18n.selection import select_locale
    from portal.security import headers, input_guard

    db.init_app(app)
    from portal.assessment import facts_revision

    facts_revision.install()  # cached assessments follow every change to a citizen's facts
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    babel.init_app(app, locale_selector=select_locale)
    input_guard.init_app(app)
    current_user.init_app(app)  # before CSRF, so its error page knows the user's language
    from portal.i18n import wtforms_catalogue

    wtforms_catalogue.init_app(app)  # after the user is known: their language decides
    from portal.i18n import font_preloads

    font_preloads.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    providers.register(app, settings.citizen_idp, settings.staff_idp)
    headers.init_app(app)
    errors.init_app(app)

    from flask_babel import get_locale

    @app.context_processor
    def _inject_locale() -> dict[str, Any]:
        code = str(get_locale() or locales.DEFAULT)
        return {"locale": locales.get(code), "locales": locales.LOCALES}

    @app.teardown_request
    def _forget_user(_exc: BaseException | None) -> None:
        g.pop("user", None)


def _register_blueprints(app: Flask) -> None:
    from portal.api.routes import bp as api_bp
    from portal.auth.routes import bp as auth_bp
    from portal.caseworker.citizen.routes import bp as caseworker_citizen_bp
    from portal.caseworker.contract.routes import bp as caseworker_contract_bp
    from portal.caseworker.interpreters.routes import bp as caseworker_interpreters_bp
    from portal.caseworker.overview.routes import bp as caseworker_overview_bp
    from portal.caseworker.review.routes import bp as review_bp
    from portal.caseworker.routes import bp as caseworker_bp
    from portal.caseworker.talks.routes import bp as caseworker_talks_bp
    from portal.citizen.contract.routes import bp as citizen_contract_bp
    from portal.citizen.cv.routes import bp as cv_bp
    from portal.citizen.joblog.routes import bp as joblog_bp
    from portal.citizen.records.routes import bp as citizen_records_bp
    from portal.citizen.rights import template_helpers as duty_cards
    from portal.citizen.routes import bp as citizen_bp
    from portal.citizen.talks.routes import bp as citizen_talks_bp
    from portal.guidance.routes import bp as guidance_bp
    from portal.interpreter.routes import bp as interpreter_bp
    from portal.public.routes import bp as public_bp

    for bp in (
        public_bp, auth_bp, citizen_bp, citizen_records_bp, caseworker_bp, caseworker_citizen_bp,
        caseworker_overview_bp, interpreter_bp, api_bp, guidance_bp,
    ):
        app.register_blueprint(bp)
    for bp in (citizen_contract_bp, citizen_talks_bp, caseworker_contract_bp,
               caseworker_talks_bp, caseworker_interpreters_bp, joblog_bp, cv_bp, review_bp):
        app.register_blueprint(bp)
    duty_cards.init_app(app)


def _register_commands(app: Flask) -> None:
    from portal.commands.joblog import joblog_cli
    from portal.commands.rules import rules_cli
    from portal.commands.seed import seed_cli
    from portal.commands.talks import talks_cli

    app.cli.add_command(seed_cli)
    app.cli.add_command(talks_cli)
    app.cli.add_command(joblog_cli)
    app.cli.add_command(rules_cli)
