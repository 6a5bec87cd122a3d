"""The sections every contract must contain, pre-filled from the rule module.

Which order governs (BEK 1307/2020 or BEK 2024), the contract deadline and the spouse's
Danish-test deadlines and security amounts come from the rule module's document for the
citizen and date (``citizen_document``); this module only maps each required section to
its paragraph in that order and its wording. The caseworker cannot remove these sections:
they are not fields of the form, and every version stores them as a snapshot.

Workaround (reported): for persons displaced from Ukraine after 2025-01-01 the rule
module answers ``regulation.id = "unknown"`` while its ``contract`` duty cites
BEK 1307/2020 (BEK 2024 § 41, stk. 3). We then take the order from that citation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from portal.assessment.services import citizen_document
from portal.models import Citizen

BEK1307 = "bek-1307-2020"
BEK2024 = "bek-2024"
TITLES = {
    BEK1307: "BEK nr. 1307 af 7. september 2020",
    BEK2024: "BEK af 30. december 2024",
}

#: section key -> paragraph in each order (official Danish form, shown in every language)
PARAGRAPHS: Mapping[str, Mapping[str, str]] = {
    "aim": {BEK1307: "§ 16", BEK2024: "§ 11"},
    "coordination": {BEK1307: "§ 16, stk. 5", BEK2024: "§ 11"},
    "duties_both_sides": {BEK1307: "§ 17", BEK2024: "§ 12"},
    "complaint": {BEK1307: "§ 17, stk. 3", BEK2024: "§ 12, stk. 3"},
    "sanctions": {BEK1307: "§ 18", BEK2024: "§ 13"},
    "permanent_residence": {BEK1307: "§ 18, stk. 3", BEK2024: "§ 13, stk. 3"},
    "danish_guidance": {BEK1307: "§ 19, stk. 11", BEK2024: "§ 14, stk. 8"},
    "spouse_danish": {BEK1307: "§ 19, stk. 12", BEK2024: "§ 14, stk. 9"},
    "declaration": {BEK1307: "§ 5", BEK2024: "§ 5"},
    "set_by_municipality": {BEK2024: "§ 9"},
}

HEADINGS = {
    "aim": _l("The aim of your programme"),
    "coordination": _l("Who coordinates your programme"),
    "duties_both_sides": _l("You and the municipality must both keep the contract"),
    "complaint": _l("Your right to complain"),
    "sanctions": _l("If you do not take part"),
    "permanent_residence": _l("Permanent residence and citizenship"),
    "danish_guidance": _l("Danish language"),
    "spouse_danish": _l("Danish tests for spouses and partners"),
    "declaration": _l("Residence and self-support declaration"),
    "set_by_municipality": _l("The municipality set the content"),
}

TEXTS = {
    "aim": _l(
        "The aim is that you get ordinary work as soon as possible, and at the latest "
        "within 1 year. Danish education and the offers in this contract are planned to "
        "fit together."
    ),
    "coordination": _l(
        "The department named in this contract coordinates your programme and your "
        "contact with the municipality."
    ),
    "duties_both_sides": _l(
        "You and the municipality must both do what this contract says. The municipality "
        "revises the contract when needed, and at the latest if you are not in work "
        "1 year after your programme started."
    ),
    "complaint": _l(
        "You can complain about the municipality's decisions to Ankestyrelsens "
        "Beskæftigelsesudvalg (the National Social Appeals Board). Ask your caseworker how "
        "to complain and by when."
    ),
    "sanctions": _l(
        "If you receive benefit and, without a reasonable cause, refuse work or an offer, "
        "or do not come to a talk, your benefit can be reduced or stopped."
    ),
    "permanent_residence": _l(
        "To get permanent residence you must, among other things, pass a Danish test and "
        "have ordinary work. To get Danish citizenship you must pass a Danish test and the "
        "citizenship test."
    ),
    "danish_guidance": _l(
        "You are offered Danish education. Passing a Danish test can help you get "
        "permanent residence and can give you a Danish bonus."
    ),
    "spouse_danish": _l(
        "You must pass a Danish test at level A1 by %(a1_deadline)s and at level A2 by "
        "%(a2_deadline)s. You can take a test again up to 3 months after each deadline. "
        "The economic security can be reduced by %(a1_amount)s kr. after A1, "
        "%(a2_amount)s kr. after A2 and %(final_amount)s kr. after a final Danish exam."
    ),
    "declaration": _l(
        "When you accept the contract, you also sign a residence and self-support "
        "declaration. If you refuse to sign it, it can affect your benefit."
    ),
    "set_by_municipality": _l(
        "You and the municipality did not agree on a contract, so the municipality has "
        "decided its content. You can complain about this decision to Ankestyrelsen."
    ),
}


def governing_order(document: Mapping[str, Any]) -> str:
    regulation = str(document.get("regulation", {}).get("id", "unknown"))
    if regulation in TITLES:
        return regulation
    for duty in document.get("duties", ()):
        if duty.get("code") == "contract":
            for citation in duty.get("citations", ()):
                for order, title in TITLES.items():
                    if str(citation).startswith(title):
                        return order
    raise LookupError("the rule module does not say which order governs the contract")


def _duty(document: Mapping[str, Any], code: str) -> Mapping[str, Any]:
    return next((d for d in document.get("duties", ()) if d.get("code") == code), {})


def required_sections(citizen: Citizen, on: dt.date) -> tuple[str, list[dict[str, Any]]]:
    """(order, sections) the contract must contain for ``citizen`` on ``on``."""
    document = citizen_document(citizen, on)
    order = governing_order(document)
    keys = ["aim", "coordination", "duties_both_sides", "complaint", "sanctions",
            "permanent_residence", "danish_guidance"]
    params: dict[str, dict[str, Any]] = {}
    danish = _duty(document, "danish_tests")
    if danish.get("status") == "applies":
        details = danish.get("details", {})
        amounts = details.get("security_reduction_dkk", {})
        keys.append("spouse_danish")
        params["spouse_danish"] = {
            "a1_deadline": details.get("a1_deadline"),
            "a2_deadline": details.get("a2_deadline"),
            "a1_amount": amounts.get("a1"),
            "a2_amount": amounts.get("a2"),
            "final_amount": amounts.get("final_exam"),
        }
    keys.append("declaration")
    sections = [
        {"key": key, "citation": f"{TITLES[order]} {PARAGRAPHS[key][order]}",
         "params": params.get(key, {})}
        for key in keys
        if order in PARAGRAPHS[key]
    ]
    return order, sections


def set_by_municipality_section(order: str) -> dict[str, Any]:
    return {"key": "set_by_municipality",
            "citation": f"{TITLES[order]} {PARAGRAPHS['set_by_municipality'][order]}",
            "params": {}}
