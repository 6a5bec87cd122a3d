"""Translated error pages that leak nothing (no stack trace, no internals)."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request
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
    template = "errors/error.html"
    return render_template(template, code=code), code


def _is_disconnect(exc: DBAPIError) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError)


def init_app(app: Flask) -> None:
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
        db.session.rollback()
        if exc.connection_invalidated or _is_disconnect(exc):
            app.logger.warning("database unavailable: %s", exc.__class__.__name__)
            return _page(503)
        app.logger.exception("database error", exc_info=exc)
        return _page(500)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        app.logger.exception("unhandled error", exc_info=exc)
        db.session.rollback()
        return _page(500)
