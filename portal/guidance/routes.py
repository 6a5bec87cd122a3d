"""Guidance on rights and duties: public pages, readable without logging in."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, url_for
from flask_babel import get_locale

from portal.guidance import services
from portal.guidance.topics import TOPICS

bp = Blueprint("guidance", __name__, url_prefix="/guidance")


def _locale() -> str:
    return str(get_locale())


@bp.get("/")
def index() -> Any:
    return render_template("guidance/index.html", topics=TOPICS)


@bp.get("/glossary")
def glossary() -> Any:
    return render_template("guidance/glossary.html", entries=services.glossary_entries(_locale()))


@bp.get("/<slug>")
def topic(slug: str) -> Any:
    page = services.guidance_page(
        slug, _locale(), lambda anchor: url_for("guidance.glossary", _anchor=anchor)
    )
    if page is None:
        abort(404)
    return render_template("guidance/topic.html", page=page, topics=TOPICS)
