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
