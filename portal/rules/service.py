"""One call from a JSON payload to the contract document (used by ``POST /api/rules/assess``).

Pure: no Flask. The payload is the facts JSON plus optional ``lang`` and ``trace``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from portal.rules.dates import parse_iso_date
from portal.rules.engine import assess
from portal.rules.errors import FactsError
from portal.rules.facts import parse_facts
from portal.rules.i18n import Translate, load_translate
from portal.rules.render import to_document

TRANSLATIONS: Final = Path(__file__).resolve().parents[2] / "translations"
LANG: Final = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


class AssessRequestError(ValueError):
    """Bad request: ``field`` names the offending field, ``message`` says what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


@lru_cache(maxsize=32)
def translator(lang: str, translations_dir: Path = TRANSLATIONS) -> Translate:
    return load_translate(lang, translations_dir)


def parse_on(value: Any, field: str = "on") -> date:
    if not isinstance(value, str):
        raise AssessRequestError(field, "must be a date written as YYYY-MM-DD")
    try:
        return parse_iso_date(value)
    except ValueError:
        raise AssessRequestError(field, f"{value!r} is not a valid date (YYYY-MM-DD)") from None


def check_lang(lang: Any, field: str = "lang") -> str:
    if not isinstance(lang, str) or not LANG.match(lang):
        raise AssessRequestError(field, "must be a language code such as 'da' or 'ar'")
    return lang


def assess_json(
    payload: Mapping[str, Any],
    *,
    on: date | None = None,
    translations_dir: Path = TRANSLATIONS,
) -> dict[str, Any]:
    """Assess the facts in ``payload`` and return the contract document.

    ``on`` (if given) overrides ``payload["on"]``. Raises ``AssessRequestError`` naming the
    field for bad input.
    """
    if not isinstance(payload, Mapping):
        raise AssessRequestError("", "send a JSON object")
    lang = check_lang(payload.get("lang", "en"))
    trace = payload.get("trace", False)
    if not isinstance(trace, bool):
        raise AssessRequestError("trace", "must be true or false")
    try:
        facts = parse_facts({k: v for k, v in payload.items() if k not in ("lang", "trace")})
    except FactsError as exc:
        raise AssessRequestError(exc.field, exc.message) from None
    when = on or facts.on
    if when is None:
        raise AssessRequestError("on", "is required: the date to assess")
    assessment = assess(facts, when, trace=trace)
    return to_document(assessment, translate=translator(lang, translations_dir), trace=trace)
