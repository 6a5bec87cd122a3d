"""Which order governs the contract, from the rule module's document."""

from __future__ import annotations

import pytest

from portal.contract.legal_sections import BEK1307, BEK2024, PARAGRAPHS, governing_order


def test_regulation_id_is_used_when_known():
    assert governing_order({"regulation": {"id": "bek-2024"}}) == BEK2024


def test_unknown_regulation_falls_back_to_the_contract_citation():
    document = {
        "regulation": {"id": "unknown"},
        "duties": [{"code": "contract",
                    "citations": ["BEK nr. 1307 af 7. september 2020 § 6, stk. 1"]}],
    }
    assert governing_order(document) == BEK1307


def test_no_answer_is_an_error_not_a_guess():
    with pytest.raises(LookupError):
        governing_order({"regulation": {"id": "unknown"}, "duties": []})


def test_every_required_section_has_a_paragraph_in_both_orders():
    for key, paragraphs in PARAGRAPHS.items():
        if key != "set_by_municipality":
            assert set(paragraphs) == {BEK1307, BEK2024}, key


def test_week_by_week_plan_starts_on_monday_and_sums_hours():
    import datetime as dt

    from portal.contract.rendering import Activity, weeks

    acts = [
        Activity("Praktik", dt.date(2026, 11, 25), dt.date(2026, 12, 6), 15, 48),
        Activity("Dansk", dt.date(2026, 11, 23), None, 10, 48),
    ]
    acts.sort(key=lambda a: a.starts_on)
    plan = weeks(acts, limit=3)
    assert [w.monday for w in plan] == [dt.date(2026, 11, 23), dt.date(2026, 11, 30),
                                        dt.date(2026, 12, 7)]
    assert [w.hours for w in plan] == [25, 25, 10]
    assert plan[0].number == 48
