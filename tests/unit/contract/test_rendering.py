"""The contract in words: kinds of activity from the catalogues, the municipality's
translation where there is one, and the Danish text marked as Danish where there is none."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

import html5lib
import pytest
from flask import Flask, get_template_attribute
from flask_babel import force_locale

from portal import create_app
from portal.contract import rendering
from tests.unit.contract.test_translation import ACTIVITIES, ARABIC, translated, version

NS = "{http://www.w3.org/1999/xhtml}"
KINDS = [{**ACTIVITIES[0], "kind": "company_internship"},
         {**ACTIVITIES[1], "kind": "danish_education", "title": ""},
         {"kind": None, "title": "Mentor hos Netto", "starts_on": "2026-11-30", "ends_on": None,
          "hours_per_week": None}]


@pytest.fixture(scope="module")
def flask_app() -> Flask:
    return create_app({"PORTAL_ENV": "test", "DATABASE_URL": "sqlite://",
                       "SECRET_KEY": "unit-test-secret-key-that-is-long-enough-0123"})


@pytest.fixture()
def in_request(flask_app: Flask) -> Iterator[None]:
    with flask_app.test_request_context():
        yield


def column(v, locale: str) -> Element:
    """The full-text column of ``v`` rendered in ``locale``, parsed."""
    with force_locale(locale):
        html = get_template_attribute("citizen/contract/_text.html", "column")(
            v, rendering.render(v), binding=locale == "da")
    return html5lib.parseFragment(str(html), namespaceHTMLElements=True)


def goal_paragraph(root: Element) -> Element:
    heading = next(e for e in root.iter(f"{NS}h3"))
    children = list(next(root.iter(f"{NS}div")))
    return children[children.index(heading) + 1]


def notes(root: Element) -> list[str]:
    return ["".join(p.itertext()) for p in root.iter(f"{NS}p") if p.get("class") == "form-hint"
            and p.get("lang") is None]


def test_without_translation_the_danish_text_is_marked_and_explained(in_request):
    with force_locale("ar"):
        r = rendering.render(version())
    assert (r.goal.text, r.goal.lang, r.goal.dir) == (version().goal, "da", "ltr")
    assert not r.translated and r.in_danish(r.goal)
    assert r.notes["in_danish"] and r.notes["translated"] == ""
    root = column(version(), "ar")
    paragraph = goal_paragraph(root)
    assert (paragraph.get("lang"), paragraph.get("dir")) == ("da", "ltr")
    # goal, activities, Danish education and the municipality's tasks: each says so
    assert notes(root) == [r.notes["in_danish"]] * 4


def test_with_translation_the_citizens_column_shows_it_with_the_note(in_request):
    v = translated(version())
    with force_locale("ar"):
        r = rendering.render(v)
    assert (r.goal.text, r.goal.lang, r.goal.dir) == (ARABIC.goal, "ar", "rtl")
    assert r.translated and r.translated_by == "Ahmad Karimi"
    assert "Ahmad Karimi" in r.notes["translated"]
    internship = next(a for a in r.activities if a.title.startswith("Virksomhedspraktik"))
    assert internship.details == rendering.Written("تدريب في نتو", "ar")
    root = column(v, "ar")
    paragraph = goal_paragraph(root)
    assert (paragraph.get("lang"), paragraph.get("dir")) == ("ar", "rtl")
    assert "".join(paragraph.itertext()) == ARABIC.goal
    # the translation note once; still in Danish: one activity and the municipality's tasks
    assert notes(root) == [r.notes["translated"], r.notes["in_danish"], r.notes["in_danish"]]


def test_the_danish_column_shows_the_binding_text_only(in_request):
    v = translated(version())
    with force_locale("da"):
        r = rendering.render(v)
    assert r.goal == rendering.Written(version().goal)
    assert not r.translated and not r.in_danish(r.goal) and r.notes["in_danish"] == ""
    root = column(v, "da")
    assert "".join(goal_paragraph(root).itertext()) == version().goal
    assert notes(root) == []


def test_kinds_are_named_in_each_language_and_details_stay_as_written(in_request):
    v = version(activities=KINDS)
    with force_locale("da"):
        danish = {a.kind: a for a in rendering.render(v).activities}
    with force_locale("ar"):
        arabic = {a.kind: a for a in rendering.render(v).activities}
    assert danish["company_internship"].kind_label == "Virksomhedspraktik"
    assert danish["danish_education"].kind_label == "Danskuddannelse"
    label = arabic["company_internship"].kind_label
    assert label != "Company internship" and "virksomhedspraktik" in label
    assert arabic["company_internship"].details == rendering.Written(ACTIVITIES[0]["title"])
    assert arabic["danish_education"].details is None  # a kind only: nothing in Danish
    assert arabic[None].kind_label == "" and arabic[None].details is not None  # an old row


def test_week_plan_lists_activities_with_their_names(in_request):
    v = version(activities=KINDS)
    with force_locale("ar"):
        r = rendering.render(v)
    plan = rendering.weeks(r.activities)
    assert [a.kind for a in plan[0].items] == ["company_internship", "danish_education"]
    assert plan[0].hours == 25
    assert r.plan_in_danish(plan)  # the internship's details are in Danish
    only_kinds = version(activities=[KINDS[1]])
    with force_locale("ar"):
        r = rendering.render(only_kinds)
    assert not r.plan_in_danish(rendering.weeks(r.activities))


def test_history_names_activities_in_danish(in_request):
    with force_locale("ar"):
        assert rendering.activity_names(KINDS) == (
            "Virksomhedspraktik: Virksomhedspraktik i Netto, Danskuddannelse, Mentor hos Netto")
