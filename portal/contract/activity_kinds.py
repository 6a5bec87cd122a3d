"""The kinds of activity a contract lists: the offers of the programme and Danish education.

Why: the contract must state the goal, the activities that reach it, which offers the
citizen gets and how Danish education and the employment offers fit together
(BEK 1307/2020 § 16, stk. 1; BEK 2024 § 11, stk. 1). The caseworker picks a kind per
activity; its name is shown from the catalogues, so the citizen reads it in their own
language and the binding column shows the Danish word. What the caseworker writes about
the activity (the workplace, the course) stays as written.

The offers, as the orders name them (DOMAIN.md § 2.5):

- ``guidance_upskilling`` — vejledning og opkvalificering: integrationslovens § 23 a;
  BEK 1307/2020 §§ 28–33; BEK 2024 §§ 18–22.
- ``company_internship`` — virksomhedspraktik: integrationslovens § 23 b;
  BEK 1307/2020 §§ 35–41; BEK 2024 §§ 23–28.
- ``utility_work`` — nytteindsats, up to 13 weeks: BEK 1307/2020 § 36 (integrationslovens
  § 23 b, stk. 1 and 6); BEK 2024 §§ 31–32 (integrationslovens § 23 g).
- ``wage_subsidy`` — ansættelse med løntilskud, up to 1 year: integrationslovens § 23 c;
  BEK 1307/2020 §§ 43–45; BEK 2024 §§ 29–30.
- ``danish_education`` — danskuddannelse (integrationslovens § 21), which the contract
  must fit together with the offers (BEK 1307/2020 §§ 16 and 26; BEK 2024 § 11).
- ``other`` — anything else agreed (e.g. a mentor, BEK 1307/2020 §§ 46–47); the caseworker
  must describe it in words.

The first four keys are the values of :class:`portal.models.OfferKind`, so a contract's
activities and the rule module's offers speak the same language.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from portal.models import OfferKind

OTHER = "other"

#: key → name (English msgid; Danish and the citizens' languages in the catalogues)
KINDS: dict[str, Any] = {
    OfferKind.GUIDANCE_UPSKILLING.value: _l("Guidance and upskilling"),
    OfferKind.COMPANY_INTERNSHIP.value: _l("Company internship"),
    OfferKind.WAGE_SUBSIDY.value: _l("Wage-subsidy job"),
    OfferKind.UTILITY_WORK.value: _l("Utility work"),
    "danish_education": _l("Danish education"),
    OTHER: _l("Other activity"),
}


def label(kind: str | None) -> str:
    """The kind's name in the active language; "" for a row without a (known) kind."""
    return str(KINDS[kind]) if kind in KINDS else ""
