"""Template globals for the duty cards, so any page (citizen, caseworker, interpreter)
can render ``templates/components/duty_cards.html`` from a rule-module document."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, url_for

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


def init_app(app: Flask) -> None:
    app.add_template_global(action_url, "duty_action_url")
    app.add_template_global(overview, "duty_overview")
    app.add_template_global(topic_title, "guidance_topic_title")


__all__: list[Any] = ["action_url", "init_app"]
