"""Assess a citizen on a date: the one place the pages ask the rule module.

The date is always passed in (the caller decides "today" — usually
:func:`portal.assessment.today.today_in_denmark`); the rule module never reads the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from portal.assessment.facts_from_citizen import facts_for
from portal.models import Citizen
from portal.rules.engine import Assessment, assess
from portal.rules.i18n import Translate, identity
from portal.rules.render import to_document


def assess_citizen(citizen: Citizen, on: dt.date, *, trace: bool = False) -> Assessment:
    return assess(facts_for(citizen, on), on, trace=trace)


def citizen_document(
    citizen: Citizen, on: dt.date, translate: Translate = identity, *, trace: bool = False
) -> dict[str, Any]:
    """The contract's assessment document for ``citizen`` on ``on``, explanations translated."""
    return to_document(assess_citizen(citizen, on, trace=trace), translate=translate, trace=trace)
