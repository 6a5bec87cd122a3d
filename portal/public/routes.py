"""Public pages (no login)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, make_response, redirect, render_template, request, url_for
from sqlalchemy import text

from portal.extensions import db
from portal.i18n import catalogues
from portal.i18n.locales import BY_CODE
from portal.i18n.selection import COOKIE
from portal.models import Citizen
from portal.security.redirects import safe_next

bp = Blueprint("public", __name__)


@bp.get("/")
def index() -> Any:
    if g.user is not None:
        return redirect(url_for("citizen.start" if isinstance(g.user, Citizen) else "public.home"))
    return render_template("public/index.html")


@bp.get("/home")
def home() -> Any:
    """Where a logged-in staff user lands from the front page."""
    if g.user is None:
        return redirect(url_for("public.index"))
    role = getattr(g.user, "role", None)
    return redirect(
        url_for("interpreter.sessions" if role == "interpreter" else "caseworker.caseload")
    )


@bp.get("/login")
def login() -> Any:
    return render_template("public/login.html", next=safe_next(request.args.get("next"), ""))


@bp.get("/locale/<code>")
def set_locale(code: str) -> Any:
    """Remember a language in a cookie (and on the user's record) and go back."""
    if code not in BY_CODE:
        abort(404)
    target = safe_next(request.args.get("next"))
    response = make_response(redirect(target))
    response.set_cookie(
        COOKIE,
        code,
        max_age=365 * 24 * 3600,
        secure=request.is_secure,
        httponly=True,
        samesite="Lax",
    )
    if g.user is not None and g.user.preferred_locale != code:
        g.user.preferred_locale = code
        db.session.commit()
    return response


@bp.get("/languages")
def languages() -> Any:
    return render_template("public/languages.html", statuses=catalogues.statuses())


@bp.get("/tilgaengelighedserklaering")
def accessibility_statement() -> Any:
    return render_template("public/accessibility.html")


@bp.get("/healthz")
def healthz() -> Any:
    """The process is up (for the load balancer's liveness check)."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> Any:
    """The database answers (readiness check)."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        db.session.rollback()
        return {"status": "unavailable", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}
