"""Which legal sources exist, and where a citizen can read them.

Citations stay in official Danish form in every language (DOMAIN.md). The canonical list
of sources is the rule module's own citations (``portal.rules``); guidance pages may cite
only those, plus the few paragraphs in ``GUIDANCE_ONLY_SOURCES`` that the rule module does
not (yet) encode because no duty is decided by them — each one is quoted in DOMAIN.md.
"""

from __future__ import annotations

from functools import cache
from typing import Final
from urllib.parse import quote

from portal.rules.registry import RULEBOOK

# Paragraphs guidance explains but no rule decides (DOMAIN.md § 2.1, § 2.6).
GUIDANCE_ONLY_SOURCES: Final[frozenset[str]] = frozenset(
    {
        # the right to complain to Ankestyrelsens Beskæftigelsesudvalg
        "BEK nr. 1307 af 7. september 2020 § 17, stk. 3",
        "BEK af 30. december 2024 § 12, stk. 3",
        # moving to a municipality that has not accepted (the rule module cites stk. 1 only;
        # the follow-up after a move, BEK 1307/2020 § 21 and BEK 2024 § 16, is a rule now)
        "Integrationsloven § 32",
        # permanent residence needs a Danish test and employment
        "BEK nr. 1307 af 7. september 2020 § 19, stk. 9",
        "BEK af 30. december 2024 § 14, stk. 7",
    }
)

# Instrument (official short title, as the rule module writes it) -> where to read it.
# ELI links where the number is known; otherwise Retsinformation's search for the title.
_RETSINFORMATION: Final = "https://www.retsinformation.dk"
LAW_URLS: Final[dict[str, str]] = {
    "BEK nr. 1307 af 7. september 2020": f"{_RETSINFORMATION}/eli/lta/2020/1307",
    "BEK nr. 685 af 26. maj 2020": f"{_RETSINFORMATION}/eli/lta/2020/685",
    "BEK nr. 300 af 28. marts 2020": f"{_RETSINFORMATION}/eli/lta/2020/300",
}
_SEARCH_TERMS: Final[dict[str, str]] = {
    "Integrationsloven": "integrationsloven",
    "BEK af 30. december 2024": (
        "bekendtgørelse om udarbejdelse af kontrakt og om introduktionsprogrammet"
    ),
    "Udlændinge- og Integrationsministeriets brev af 26. maj 2020": "",
}


@cache
def rule_module_sources() -> frozenset[str]:
    """Every citation the rule module can give (its rules' sources and ``also_cites``)."""
    return frozenset(c for rule in RULEBOOK.rules for c in rule.citations)


def known_sources() -> frozenset[str]:
    return rule_module_sources() | GUIDANCE_ONLY_SOURCES


def _instrument(citation: str) -> str:
    for title in (*LAW_URLS, *_SEARCH_TERMS):
        if citation == title or citation.startswith((title + " ", title + ",")):
            return title
    return ""


def law_url(citation: str) -> str | None:
    """A link to the instrument a citation is from, or ``None`` (the ministry's letter)."""
    title = _instrument(citation)
    if title in LAW_URLS:
        return LAW_URLS[title]
    term = _SEARCH_TERMS.get(title)
    if term:
        return f"{_RETSINFORMATION}/documents?t={quote(term)}"
    return None
