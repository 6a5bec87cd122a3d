"""Login, callback and logout for both audiences (thin: parse, call, render)."""

from __future__ import annotations

from typing import Any

from authlib.integrations.base_client.errors import OAuthError
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _

from portal.audit import services as audit
from portal.auth import assurance, providers, services
from portal.auth.providers import Audience
from portal.extensions import limiter
from portal.security import session_lifetime
from portal.security.redirects import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")
NEXT_KEY = "login_next"


def _login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _audience(name: str) -> Audience:
    try:
        return Audience(name)
    except ValueError:
        abort(404)


@bp.get("/<audience>/login")
@limiter.limit(_login_limit)
def login(audience: str) -> Any:
    aud = _audience(audience)
    session[NEXT_KEY] = safe_next(request.args.get("next"), default="")
    redirect_uri = url_for("auth.callback", audience=aud.value, _external=True)
    try:
        return providers.client(aud).authorize_redirect(redirect_uri)
    except (OSError, OAuthError, ValueError):
        current_app.logger.exception("identity provider unreachable")
        return render_template("auth/provider_down.html"), 503


@bp.get("/<audience>/callback")
@limiter.limit(_login_limit)
def callback(audience: str) -> Any:
    aud = _audience(audience)
    if "error" in request.args:
        flash(_("The login was cancelled. You can try again."))
        return redirect(url_for("public.login"))
    try:
        token = providers.client(aud).authorize_access_token()
    except (OAuthError, OSError, ValueError) as exc:
        current_app.logger.warning("login failed: %s", exc)
        flash(_("The login could not be completed. Try again."))
        return redirect(url_for("public.login"))
    claims = token.get("userinfo") or {}
    issuer, subject = str(claims.get("iss", "")), str(claims.get("sub", ""))
    next_url = session.pop(NEXT_KEY, "") or ""

    if aud is Audience.CITIZEN:
        if not assurance.sufficient(claims, current_app.config["CITIZEN_MIN_ASSURANCE"]):
            return render_template("auth/assurance_too_low.html"), 403
        citizen = services.find_citizen(issuer, subject)
        if citizen is None:
            session_lifetime.end()
            return render_template("auth/not_registered.html", audience="citizen"), 403
        session_lifetime.start({"kind": "citizen", "uid": citizen.id})
        return redirect(next_url or url_for("citizen.start"))

    staff = services.find_staff(issuer, subject)
    if staff is None:
        session_lifetime.end()
        return render_template("auth/not_registered.html", audience="staff"), 403
    session_lifetime.start({"kind": "staff", "uid": staff.id})
    audit.record_staff_action(staff, "login", citizen=None, remote_addr=request.remote_addr)
    home = "interpreter.sessions" if staff.role == "interpreter" else "caseworker.caseload"
    return redirect(next_url or url_for(home))


@bp.post("/logout")
def logout() -> Any:
    session_lifetime.end()
    flash(_("You are logged out."))
    return redirect(url_for("public.index"))
