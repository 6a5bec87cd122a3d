"""The guidance topics, in the order a newcomer meets them (DOMAIN.md § 2).

Titles here are short UI strings (the catalogue); the pages themselves are per-language
content files, ``content/guidance/<locale>/<slug>.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from flask_babel import lazy_gettext as _l

TOPICS: Final[Mapping[str, Any]] = {
    "contract": _l("Your contract"),
    "job-talks": _l("Job talks and how to book them"),
    "joblog": _l("The joblog"),
    "cv": _l("Your CV"),
    "offers": _l("Offers: internships, wage-subsidy jobs and more"),
    "danish": _l("Danish education and tests"),
    "availability": _l("Availability, reasonable causes and sanctions"),
    "exemptions": _l("Exemptions"),
    "complaints": _l("How to complain"),
    "moving": _l("Moving to another municipality"),
    "covid-2020": _l("COVID-19 in 2020: East and West"),
}


def topic_title(slug: str) -> Any:
    return TOPICS[slug]
