"""Translated error pages that leak nothing (no stack trace, no internals)."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException

from portal.extensions import db

HANDLED = (400, 403, 404, 405, 413, 429, 500, 503)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _page(code: int) -> Any:
    if _wants_json():
        return {"error": {"status": code}}, code
    try:
        return render_template("errors/error.html", code=code), code
    except DBAPIError:
        # the page needed the database (the user's name in the header) and it is gone:
        # the same page without the user bar, rather than the server's bare 500
        g.user = None
        return render_template("errors/error.html", code=code), code


def _rollback_keeping_user() -> None:
    """Roll back, but keep what the page header shows of the logged-in user: a rollback
    expires every loaded object, and refreshing it would need the database that just
    failed."""
    user = g.get("user")
    if user is not None and user in db.session:
        db.session.expunge(user)
    try:
        db.session.rollback()
    except DBAPIError:
        db.session.registry.clear()


def _is_disconnect(exc: DBAPIError) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError)


def _end_session_safely(app: Flask) -> None:
    """Replace Flask-SQLAlchemy's end-of-request ``session.remove()`` with one that survives
    a lost connection. When PostgreSQL restarts between the page being made and the final
    ROLLBACK, that ROLLBACK fails; unguarded, the error escapes the app after the response
    was ready and the server answers a bare 500 instead of the finished page. The
    connection is already invalidated by SQLAlchemy, so the pool drops it; the page the
    user asked for is sent as it was."""
    original = db._teardown_session
    funcs = app.teardown_appcontext_funcs
    if original in funcs:
        funcs.remove(original)

    @app.teardown_appcontext
    def _remove_session(_exc: BaseException | None) -> None:
        try:
            db.session.remove()
        except DBAPIError as exc:
            if not (exc.connection_invalidated or _is_disconnect(exc)):
                raise
            app.logger.warning("database connection lost at the end of a request: %s",
                               exc.__class__.__name__)
            db.session.registry.clear()


def init_app(app: Flask) -> None:
    _end_session_safely(app)

    @app.errorhandler(CSRFError)
    def _csrf(_exc: CSRFError) -> Any:
        if _wants_json():
            return {"error": {"status": 400, "reason": "csrf"}}, 400
        return render_template("errors/csrf.html"), 400

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Any:
        code = exc.code or 500
        if code not in HANDLED:
            return exc
        return _page(code)

    @app.errorhandler(DBAPIError)
    def _database(exc: DBAPIError) -> Any:
        """The database went away (restart, failover): 503, so clients and the load
        balancer retry; a real bug in a query is still a 500."""
        _rollback_keeping_user()
        if exc.connection_invalidated or _is_disconnect(exc):
            app.logger.warning("database unavailable: %s", exc.__class__.__name__)
            return _page(503)
        app.logger.exception("database error", exc_info=exc)
        return _page(500)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        app.logger.exception("unhandled error", exc_info=exc)
        _rollback_keeping_user()
        return _page(500)
