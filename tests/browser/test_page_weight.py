"""Page weight budgets on a first visit, in Danish and Arabic (DEVELOPERS.md)."""

from __future__ import annotations

import pytest

from tests.support.page_weight import BUDGET, measure

PAGES = [("/", None), ("/login", None), ("/citizen/", "citizen-amal")]


@pytest.mark.parametrize(("code", "script"), [("da", "latin"), ("ar", "arabic")])
@pytest.mark.parametrize(("path", "subject"), PAGES)
def test_first_visit_is_within_budget(visitor, browser, code, script, path, subject):
    if subject:
        visitor.login(subject)
    visitor.goto(f"/locale/{code}?next=/")
    state = visitor.page.context.storage_state()
    weight = measure(browser, visitor.base_url + path, storage_state=state)
    print(f"{code} {path}: {weight.by_kind} total={weight.total}")
    assert weight.by_kind.get("html", 0) > 0
    assert weight.over_budget() == {}, (weight.by_kind, BUDGET)
    assert weight.foreign_fonts(script) == []
    assert weight.by_kind.get("js", 0) == 0  # nothing needs JavaScript
