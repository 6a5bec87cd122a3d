"""First-visit page weight (gzip) of the joblog and CV pages, in Danish and Farsi."""

from __future__ import annotations

import pytest

from tests.support.page_weight import BUDGET, measure

PAGES = ["/citizen/joblog/", "/citizen/joblog/new", "/citizen/cv/", "/citizen/cv/job_goals/new"]


@pytest.mark.parametrize(("code", "script"), [("da", "latin"), ("fa", "arabic")])
@pytest.mark.parametrize("path", PAGES)
def test_joblog_and_cv_pages_are_within_budget(visitor, browser, code, script, path):
    visitor.login("citizen-amal")
    visitor.goto(f"/locale/{code}?next=/")
    state = visitor.page.context.storage_state()
    weight = measure(browser, visitor.base_url + path, storage_state=state)
    print(f"{code} {path}: {weight.by_kind} total={weight.total}")
    assert weight.by_kind.get("html", 0) > 0
    assert weight.over_budget() == {}, (weight.by_kind, BUDGET)
    assert weight.foreign_fonts(script) == []
    if path.endswith("/new"):
        assert 0 < weight.by_kind.get("js", 0) <= 30 * 1024  # the offline-draft helper
    else:
        assert weight.by_kind.get("js", 0) == 0
