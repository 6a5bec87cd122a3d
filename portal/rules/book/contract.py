"""The contract and the residence and self-support declaration (DOMAIN.md § 2.1)."""

from __future__ import annotations

from datetime import date
from typing import Any

from portal.rules.book.common import (
    B1307,
    B2024,
    BEFORE_1307,
    C_BEK1307_49_2,
    PREDECESSOR,
    b1307,
    b2024,
    decided,
    declare,
    iso,
)
from portal.rules.dates import add_months
from portal.rules.i18n import N_
from portal.rules.model import APPLIES, BEK1307, BEK2024, UNKNOWN, Ctx, DateFn, DetailsFn, Rule
from portal.rules.parameters import PARAMS


def _contract_deadline(instrument: str) -> DateFn:
    months = PARAMS.get_int("contract_months", instrument)

    def deadline(c: Ctx) -> date | None:
        t = c.f.municipality_took_over_on
        return None if t is None else add_months(t, months)

    return deadline


def _postponed_until(c: Ctx) -> date | None:
    for d in c.f.decisions:
        if d.kind == "contract_postponed" and d.active_on(c.on):
            return d.valid_to
    return None


def _contract_details(revision: str) -> DetailsFn:
    """Signed yet, and when the contract must be revised if the person is not in work 1 year
    after the programme started (BEK 1307/2020 § 20, stk. 2; BEK 2024 § 15, stk. 2)."""

    def details(c: Ctx) -> dict[str, Any]:
        s, started = c.f.contract_signed_on, c.f.programme_started_on
        return {
            "signed_on": iso(s),
            "met": None if s is None else s <= c.on,
            "revision_if_not_in_work_by": iso(None if started is None else add_months(started, 12)),
            "revision_basis": revision,
        }

    return details


_details_1307 = _contract_details(b1307("§ 20, stk. 2").text)
_details_2024 = _contract_details(b2024("§ 15, stk. 2").text)


def _postponed_details(c: Ctx) -> dict[str, Any]:
    return {**_details_1307(c), "content_expected_by": iso(_postponed_until(c))}


MSG_CONTRACT = N_(
    "You and the municipality must sign a written contract within 1 month after the "
    "municipality took over responsibility for you."
)
MSG_CONTRACT_BY = N_("Sign it by %(deadline)s.")

CONTRACT: list[Rule] = [
    declare(
        "contract.bek1307",
        "contract",
        APPLIES,
        b1307("§ 6, stk. 1"),
        MSG_CONTRACT,
        deadline_message=MSG_CONTRACT_BY,
        period=B1307,
        deadline=_contract_deadline(BEK1307),
        deadline_reads=("municipality_took_over_on",),
        details=_details_1307,
        also=(b1307("§ 4"),),
    ),
    declare(
        "contract.bek1307.postponed",
        "contract",
        APPLIES,
        b1307("§ 6, stk. 2"),
        N_(
            "Because of your personal situation, your contract may for now only say this and "
            "give a date when its content is expected to be agreed: %(content_expected_by)s."
        ),
        deadline_message=MSG_CONTRACT_BY,
        when=decided("contract_postponed"),
        reads=("decisions",),
        period=B1307,
        defeats=("contract.bek1307",),
        deadline=_contract_deadline(BEK1307),
        deadline_reads=("municipality_took_over_on",),
        details=_postponed_details,
        reason="contract_postponed",
        condition_text="decision: contract_postponed",
    ),
    declare(
        "contract.bek2024",
        "contract",
        APPLIES,
        b2024("§ 6"),
        MSG_CONTRACT,
        deadline_message=MSG_CONTRACT_BY,
        period=B2024,
        deadline=_contract_deadline(BEK2024),
        deadline_reads=("municipality_took_over_on",),
        details=_details_2024,
        also=(b2024("§ 4"),),
    ),
    declare(
        "contract.predecessor",
        "contract",
        UNKNOWN,
        C_BEK1307_49_2,
        N_(
            "Before 8 September 2020 the contract deadline followed an older order that the "
            "portal does not have."
        ),
        period=BEFORE_1307,
        reason=PREDECESSOR,
    ),
]

DECLARATION: list[Rule] = [
    declare(
        "declaration.bek1307",
        "declaration",
        APPLIES,
        b1307("§ 5"),
        N_(
            "When you sign the contract, you also sign a residence and self-support "
            "declaration. If you refuse, it can affect your benefit."
        ),
        period=B1307,
        deadline=_contract_deadline(BEK1307),
        deadline_reads=("municipality_took_over_on",),
        details=_details_1307,
    ),
    declare(
        "declaration.bek2024",
        "declaration",
        APPLIES,
        b2024("§ 5"),
        N_(
            "When you sign the contract, you also sign a residence and self-support "
            "declaration. If you refuse, it can affect your benefit."
        ),
        period=B2024,
        deadline=_contract_deadline(BEK2024),
        deadline_reads=("municipality_took_over_on",),
        details=_details_2024,
    ),
    declare(
        "declaration.predecessor",
        "declaration",
        UNKNOWN,
        C_BEK1307_49_2,
        N_(
            "Before 8 September 2020 the declaration followed an older order that the portal "
            "does not have."
        ),
        period=BEFORE_1307,
        reason=PREDECESSOR,
    ),
]
