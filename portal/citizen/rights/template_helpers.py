"""Template globals for the duty cards, so any page (citizen, caseworker, interpreter)
can render ``templates/components/duty_cards.html`` from a rule-module document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app, get_template_attribute, url_for
from flask_babel import get_locale
from markupsafe import Markup

from portal.citizen.rights import card_cache
from portal.citizen.rights.services import Action, overview
from portal.guidance.topics import topic_title


def action_url(action: Action | None) -> str | None:
    """The URL of the first endpoint of ``action`` the app has (features land separately)."""
    if action is None:
        return None
    for endpoint in action.endpoints:
        if endpoint in current_app.view_functions:
            return url_for(endpoint)
    return None


def cached_duty_cards(document: Mapping[str, Any], **options: Any) -> Markup:
    """``duty_cards(document, **options)`` from templates/components/duty_cards.html, rendered
    once per document and language (:mod:`portal.citizen.rights.card_cache`)."""
    key = card_cache.key_of(str(get_locale()), document, **options)

    def render() -> Markup:
        macro = get_template_attribute("components/duty_cards.html", "duty_cards")
        html: Markup = macro(document, **options)  # a macro's output is already Markup
        return html

    return card_cache.cached(key, render)


def init_app(app: Flask) -> None:
    app.add_template_global(cached_duty_cards, "cached_duty_cards")
    app.add_template_global(action_url, "duty_action_url")
    app.add_template_global(overview, "duty_overview")
    app.add_template_global(topic_title, "guidance_topic_title")


__all__: list[Any] = ["action_url", "init_app"]
