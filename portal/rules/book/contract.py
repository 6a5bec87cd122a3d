"""The contract, the residence and self-support declaration, and the follow-up on the
contract after a move to another municipality (DOMAIN.md § 2.1 and § 2.6)."""

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
    il,
    iso,
)
from portal.rules.dates import add_months
from portal.rules.i18n import N_
from portal.rules.model import (
    APPLIES,
    BEK1307,
    BEK2024,
    NOT_APPLICABLE,
    UNKNOWN,
    Ctx,
    DateFn,
    DetailsFn,
    Rule,
    Tri,
    and3,
    not3,
)
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


# --- moving to another municipality ----------------------------------------------------
MOVE_READS = ("moved_in_on", "new_municipality_accepted")


def _moved(c: Ctx) -> bool:
    """A move to the current municipality is recorded, on or before the date."""
    moved = c.f.moved_in_on
    return moved is not None and moved <= c.on


def _move_accepted(c: Ctx) -> Tri:
    return and3(_moved(c), c.f.new_municipality_accepted)


def _move_not_accepted(c: Ctx) -> Tri:
    return and3(_moved(c), not3(c.f.new_municipality_accepted), c.benefit)


def _move_details(c: Ctx) -> dict[str, Any]:
    return {
        "moved_in_on": iso(c.f.moved_in_on),
        "new_municipality_accepted": c.f.new_municipality_accepted,
    }


def _not_accepted_details(c: Ctx) -> dict[str, Any]:
    return {**_move_details(c), "benefit_may_be_reduced_or_stopped": True}


MSG_MOVE = N_(
    "You have moved to another municipality, and it has taken over responsibility for your "
    "programme. The new municipality must follow up on your contract."
)
MOVE_TEXT = "moved to another municipality, which took over responsibility"

MOVE_FOLLOW_UP: list[Rule] = [
    declare(
        "move_follow_up.bek1307",
        "move_follow_up",
        APPLIES,
        b1307("§ 21"),
        MSG_MOVE,
        when=_move_accepted,
        reads=MOVE_READS,
        period=B1307,
        details=_move_details,
        condition_text=MOVE_TEXT,
    ),
    declare(
        "move_follow_up.bek2024",
        "move_follow_up",
        APPLIES,
        b2024("§ 16"),
        MSG_MOVE,
        when=_move_accepted,
        reads=MOVE_READS,
        period=B2024,
        details=_move_details,
        condition_text=MOVE_TEXT,
    ),
    declare(
        "move_follow_up.predecessor",
        "move_follow_up",
        UNKNOWN,
        C_BEK1307_49_2,
        N_(
            "Before 8 September 2020 the follow-up on the contract after a move followed an "
            "older order that the portal does not have."
        ),
        when=_move_accepted,
        reads=MOVE_READS,
        period=BEFORE_1307,
        reason=PREDECESSOR,
        condition_text=MOVE_TEXT,
    ),
    declare(
        "move_follow_up.il32.not_accepted",
        "move_follow_up",
        NOT_APPLICABLE,
        il("§ 32, stk. 1"),
        N_(
            "You have moved to a municipality that has not agreed to take over responsibility "
            "for your programme. That municipality can decide to reduce or stop your "
            "self-support and return benefit or transition benefit."
        ),
        when=_move_not_accepted,
        reads=(*MOVE_READS, "benefit"),
        details=_not_accepted_details,
        reason="new_municipality_not_accepted",
        condition_text="moved; the new municipality has not accepted responsibility; benefit",
    ),
]
