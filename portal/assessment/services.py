"""Assess a citizen on a date: the one place the pages ask the rule module.

The date is always passed in (the caller decides "today" — usually
:func:`portal.clock.today_in_denmark`); the rule module never reads the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import flask_babel
from sqlalchemy.orm import object_session

from portal.assessment import document_cache
from portal.assessment.facts_from_citizen import facts_for
from portal.models import Citizen
from portal.rules.engine import Assessment, assess
from portal.rules.i18n import Translate, identity
from portal.rules.render import to_document


def assess_citizen(citizen: Citizen, on: dt.date, *, trace: bool = False) -> Assessment:
    """The rule module's assessment. Without a trace it is cached like the documents
    (:mod:`.document_cache`, key language ``"assessment"``); shared, so never changed."""

    def build() -> Assessment:
        return assess(facts_for(citizen, on), on, trace=trace)

    if trace or not _cacheable(citizen):
        return build()
    cached: Assessment = document_cache.cached(
        (citizen.id, citizen.facts_revision, on, "assessment"), build)
    return cached


def citizen_document(
    citizen: Citizen, on: dt.date, translate: Translate = identity, *, trace: bool = False
) -> dict[str, Any]:
    """The contract's assessment document for ``citizen`` on ``on``, explanations translated.

    Without a trace, and for the active language's ``gettext`` or no translation, the
    document is cached under the citizen's facts revision (:mod:`.document_cache`); the
    returned document is then shared and must not be changed.
    """

    def build() -> dict[str, Any]:
        return to_document(assess(facts_for(citizen, on), on, trace=trace),
                           translate=translate, trace=trace)

    language = _cache_language(translate)
    if trace or language is None or not _cacheable(citizen):
        return build()
    document: dict[str, Any] = document_cache.cached(
        (citizen.id, citizen.facts_revision, on, language), build)
    return document


def _cache_language(translate: Translate) -> str | None:
    """The cache's name for ``translate``: the active locale for Flask-Babel's gettext,
    ``""`` for no translation, None for anything else (not cached)."""
    if translate is identity:
        return ""
    if translate is flask_babel.gettext:
        return str(flask_babel.get_locale())
    return None


def _cacheable(citizen: Citizen) -> bool:
    """Only a stored citizen with nothing pending in this session: unflushed changes
    have not moved the revision yet."""
    if citizen.id is None or citizen.facts_revision is None:
        return False
    session = object_session(citizen)
    return session is None or not (session.new or session.dirty or session.deleted)
