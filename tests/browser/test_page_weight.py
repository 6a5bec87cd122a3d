"""Page weight of every citizen page on a first visit (gzip, all resources), in Danish and
Arabic, against the budgets in DEVELOPERS.md. ``make page-weight`` prints the table.

The pages are found by walking the URL map (every GET page of the citizen's areas without
URL parameters, plus the public pages), so a new page is weighed the day it is added.
"""

from __future__ import annotations

import pytest
from flask import Flask

from tests.support.page_weight import BUDGET, measure

AREAS = ("public.", "citizen", "joblog.", "cv.", "guidance.")
NOT_PAGES = {"public.healthz", "public.readyz", "public.set_locale", "cv.json_resume",
             "public.home"}
EXTRA = ["/citizen/cv/job_goals/new", "/guidance/joblog"]


def citizen_pages(app: Flask) -> list[str]:
    pages = sorted(
        rule.rule for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(AREAS) and not rule.arguments
        and "GET" in (rule.methods or ()) and rule.endpoint not in NOT_PAGES
    )
    return pages + EXTRA


@pytest.mark.parametrize(("code", "script"), [("da", "latin"), ("ar", "arabic")])
def test_every_citizen_page_is_within_budget(app, visitor, browser, code, script):
    visitor.login("citizen-amal")
    visitor.goto(f"/locale/{code}?next=/citizen/")
    state = visitor.page.context.storage_state()
    problems = []
    print(f"\n{'page':34} {'lang':4} {'HTML':>7} {'CSS':>7} {'JS':>6} {'fonts':>7} {'total':>8}")
    for path in citizen_pages(app):
        weight = measure(browser, visitor.base_url + path, storage_state=state)
        kinds = weight.by_kind
        print(f"{path:34} {code:4} {kinds.get('html', 0):7} {kinds.get('css', 0):7} "
              f"{kinds.get('js', 0):6} {kinds.get('font', 0):7} {weight.total:8}")
        if not kinds.get("html"):
            problems.append(f"{path}: no HTML measured")
        if weight.over_budget():
            problems.append(f"{path}: over budget {weight.over_budget()} (budget {BUDGET})")
        if weight.foreign_fonts(script):
            problems.append(f"{path}: fonts of another script {weight.foreign_fonts(script)}")
        if path == "/citizen/" and kinds.get("js", 0):
            problems.append("the start page loads JavaScript")
    assert not problems, "\n".join(problems)
