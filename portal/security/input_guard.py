"""Refuse input no person types: NUL bytes in a form field or query string.

PostgreSQL cannot store NUL in text, and no form of ours has a use for it, so such a
request is answered with the translated 400 page before any view runs — nothing is
stored, and no database error becomes a 500.
"""

from __future__ import annotations

from flask import Flask, abort, request


def _has_nul() -> bool:
    for values in (request.args, request.form):
        for value in values.values():
            if "\x00" in value:
                return True
    return "\x00" in request.path


def init_app(app: Flask) -> None:
    @app.before_request
    def _refuse_nul() -> None:
        if _has_nul():
            abort(400)
