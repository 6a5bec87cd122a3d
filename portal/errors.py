"""Translated error pages that leak nothing (no stack trace, no internals)."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
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

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        app.logger.exception("unhandled error", exc_info=exc)
        db.session.rollback()
        return _page(500)
