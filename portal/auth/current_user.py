"""The logged-in user of a request (``g.user``) and the guards for each audience."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Flask, abort, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _

from portal.extensions import db
from portal.models import Citizen, StaffRole, StaffUser
from portal.security import session_lifetime

F = TypeVar("F", bound=Callable[..., Any])


def load_user() -> None:
    g.user = None
    g.session_expired = False
    if session_lifetime.expired():
        session_lifetime.end()
        g.session_expired = True
        return
    kind, uid = session.get("kind"), session.get("uid")
    if kind == "citizen" and isinstance(uid, int):
        g.user = db.session.get(Citizen, uid)
    elif kind == "staff" and isinstance(uid, int):
        staff = db.session.get(StaffUser, uid)
        g.user = staff if staff is not None and staff.active else None
    if g.user is None and kind is not None:
        session_lifetime.end()
        return
    session_lifetime.touch()


def current_citizen() -> Citizen:
    return cast(Citizen, g.user)


def current_staff() -> StaffUser:
    return cast(StaffUser, g.user)


def _to_login() -> Any:
    if g.get("session_expired"):
        flash(_("You were logged out because you were inactive for a while. Log in again."))
    return redirect(url_for("public.login", next=request.full_path.rstrip("?")))


def citizen_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if g.user is None:
            return _to_login()
        if not isinstance(g.user, Citizen):
            abort(403)
        return view(*args, **kwargs)

    return cast(F, wrapped)


def staff_required(*roles: StaffRole) -> Callable[[F], F]:
    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if g.user is None:
                return _to_login()
            if not isinstance(g.user, StaffUser) or (roles and g.user.role not in roles):
                abort(403)
            return view(*args, **kwargs)

        return cast(F, wrapped)

    return decorator


def init_app(app: Flask) -> None:
    app.before_request(load_user)

    @app.context_processor
    def _inject_user() -> dict[str, Any]:
        user = g.get("user")
        return {
            "current_user": user,
            "is_citizen": isinstance(user, Citizen),
            "is_staff": isinstance(user, StaffUser),
        }
