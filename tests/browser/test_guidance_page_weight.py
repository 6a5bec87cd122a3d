"""Page weight of a guidance page on a first visit (DEVELOPERS.md budgets): the read-aloud
script is the only JavaScript, far inside the 30 KB budget."""

from __future__ import annotations

import pytest

from tests.support.page_weight import BUDGET, measure


@pytest.mark.parametrize(("code", "script"), [("da", "latin"), ("ar", "arabic")])
def test_guidance_page_within_budget(visitor, browser, code, script):
    visitor.goto(f"/locale/{code}?next=/guidance/")
    state = visitor.page.context.storage_state()
    weight = measure(browser, visitor.base_url + "/guidance/availability", storage_state=state)
    print(f"{code} /guidance/availability: {weight.by_kind} total={weight.total}")
    assert weight.over_budget() == {}, (weight.by_kind, BUDGET)
    assert weight.foreign_fonts(script) == []
    assert 0 < weight.by_kind.get("js", 0) <= 2 * 1024
