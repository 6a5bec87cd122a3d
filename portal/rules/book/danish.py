"""Danish tests for reunified spouses and cohabitants (DOMAIN.md § 2.6): A1 within 6 and
A2 within 9 months of CPR registration, a re-test up to 3 months after each deadline, and
the reduction of the economic security after each test (amounts in whole kroner from the
parameters file: BEK 1307/2020 § 19, stk. 12; BEK 2024 § 14, stk. 9)."""

from __future__ import annotations

from datetime import date
from typing import Any

from portal.rules.book.common import (
    B1307,
    B2024,
    BEFORE_1307,
    PREDECESSOR,
    b1307,
    b2024,
    declare,
    iso,
)
from portal.rules.dates import add_months
from portal.rules.i18n import N_
from portal.rules.model import APPLIES, BEK1307, BEK2024, UNKNOWN, Ctx, DateFn, DetailsFn, Rule, Tri
from portal.rules.parameters import PARAMS

SPOUSE = "family_reunified_spouse"


def _spouse(c: Ctx) -> Tri:
    r = c.f.residence_basis
    return None if r is None else r == SPOUSE


def _deadlines(c: Ctx, instrument: str) -> tuple[date, date, date, date] | None:
    cpr = c.f.cpr_registered_on
    if cpr is None:
        return None
    retest = PARAMS.get_int("danish_retest_months", instrument)
    a1 = add_months(cpr, PARAMS.get_int("danish_a1_months", instrument))
    a2 = add_months(cpr, PARAMS.get_int("danish_a2_months", instrument))
    return a1, a2, add_months(a1, retest), add_months(a2, retest)


def _deadline(instrument: str) -> DateFn:
    def deadline(c: Ctx) -> date | None:
        d = _deadlines(c, instrument)
        if d is None:
            return None
        return d[0] if c.on <= d[0] else d[1]

    return deadline


def _kr(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0")


def _details(instrument: str) -> DetailsFn:
    amounts = PARAMS.amounts("danish_security_reduction_dkk", instrument)

    def details(c: Ctx) -> dict[str, Any]:
        d = _deadlines(c, instrument)
        a1, a2, r1, r2 = d if d is not None else (None, None, None, None)
        return {
            "a1_deadline": iso(a1),
            "a2_deadline": iso(a2),
            "a1_retest_until": iso(r1),
            "a2_retest_until": iso(r2),
            "security_reduction_dkk": dict(amounts),
            "a1_amount": _kr(amounts["a1"]),
            "a2_amount": _kr(amounts["a2"]),
            "final_exam_amount": _kr(amounts["final_exam"]),
        }

    return details


MSG = N_(
    "As a reunified spouse or partner you must pass a Danish test at level A1 within 6 months "
    "and at level A2 within 9 months after you were registered in the CPR register. You can "
    "take a test again up to 3 months after each deadline. When you pass, the economic "
    "security can be reduced by %(a1_amount)s kr. (A1), %(a2_amount)s kr. (A2) and "
    "%(final_exam_amount)s kr. (final Danish exam)."
)
MSG_DATES = N_("Your deadlines: A1 by %(a1_deadline)s, A2 by %(a2_deadline)s.")

DANISH_TESTS: list[Rule] = [
    declare(
        "danish_tests.bek1307",
        "danish_tests",
        APPLIES,
        b1307("§ 19, stk. 12"),
        MSG,
        when=_spouse,
        reads=("residence_basis",),
        period=B1307,
        deadline=_deadline(BEK1307),
        deadline_reads=("cpr_registered_on",),
        details=_details(BEK1307),
        deadline_message=MSG_DATES,
        condition_text="reunified spouse or cohabitant (udlændingelovens § 9, stk. 1, nr. 1 / "
        "§ 9 c, stk. 1)",
    ),
    declare(
        "danish_tests.bek2024",
        "danish_tests",
        APPLIES,
        b2024("§ 14, stk. 9"),
        MSG,
        when=_spouse,
        reads=("residence_basis",),
        period=B2024,
        deadline=_deadline(BEK2024),
        deadline_reads=("cpr_registered_on",),
        details=_details(BEK2024),
        deadline_message=MSG_DATES,
        condition_text="reunified spouse or cohabitant",
    ),
    declare(
        "danish_tests.predecessor",
        "danish_tests",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "Before 8 September 2020 the guidance on Danish tests followed an older order that "
            "the portal does not have."
        ),
        when=_spouse,
        reads=("residence_basis",),
        period=BEFORE_1307,
        reason=PREDECESSOR,
    ),
]
