"""The municipality's translation of the free text: which parts still fit the Danish text,
what a revision carries over, and that the fingerprint stays over the Danish text only."""

from __future__ import annotations

import copy

from portal.contract import translation
from portal.contract.services import fingerprint
from portal.contract.translation import Translation
from portal.models import ContractVersion

ACTIVITIES = [
    {"title": "Virksomhedspraktik i Netto", "starts_on": "2026-11-23",
     "ends_on": "2027-01-18", "hours_per_week": 15},
    {"title": "Danskuddannelse 2, modul 1", "starts_on": "2026-11-23", "ends_on": None,
     "hours_per_week": 10},
]


def version(**changes: object) -> ContractVersion:
    fields: dict[str, object] = {
        "citizen_id": 7, "number": 2, "regulation_id": "bek-2024",
        "goal": "Job som lagermedarbejder inden for 1 år",
        "activities": copy.deepcopy(ACTIVITIES),
        "danish_education": "Danskuddannelse 2 på sprogcentret, tirsdag og torsdag.",
        "coordinating_department": "Jobcenter København, Integrationsteamet",
        "municipality_tasks": "Vi finder en praktikplads og holder jobsamtaler hver måned.",
        "legal_sections": [{"key": "sanctions", "citation": "BEK af 30. december 2024 § 13",
                            "params": {}}],
    }
    fields.update(changes)
    return ContractVersion(**fields)


ARABIC = Translation(goal="وظيفة في مستودع خلال سنة", danish_education="دروس اللغة الدنماركية",
                     activities={0: "تدريب في نتو"}, translated_by="Ahmad Karimi")


def translated(v: ContractVersion, text: Translation = ARABIC) -> ContractVersion:
    v.translations = {"ar": translation.entry(v, text, saved_by=1,
                                              saved_at="2026-11-21T10:00:00+00:00")}
    return v


def test_fingerprint_of_a_version_written_before_translations_is_unchanged():
    # computed with the code before kinds and translations existed (commit c53efa3)
    expected = "c62e1c665c8eda26a75717fbbee5b1c6cac1e491509a00378dd794c4015f65ec"
    assert fingerprint(version()) == expected
    assert fingerprint(translated(version())) == expected  # not part of the binding text


def test_translated_parts_are_used_and_empty_parts_are_not():
    current = translation.current(translated(version()), "ar")
    assert current is not None and current.used and not current.stale
    assert current.fields == {"goal": ARABIC.goal, "danish_education": ARABIC.danish_education}
    assert current.activities == {0: "تدريب في نتو"}
    assert current.translated_by == "Ahmad Karimi"


def test_no_translation_for_danish_or_another_language():
    v = translated(version())
    assert translation.current(v, "da") is None
    assert translation.current(v, "fa") is None
    assert translation.current(version(), "ar") is None  # none stored (old versions: None)


def test_a_part_whose_danish_text_changed_is_stale_and_not_used():
    v = translated(version())
    v.goal = "Uddannelse som SOSU-hjælper"
    v.activities = [{**ACTIVITIES[0], "title": "Virksomhedspraktik i Føtex"}, ACTIVITIES[1]]
    current = translation.current(v, "ar")
    assert current is not None
    assert current.stale == ("goal", "activities.0")
    assert "goal" not in current.fields and current.activities == {}
    assert current.fields == {"danish_education": ARABIC.danish_education}


def test_moving_an_activity_makes_its_translation_stale():
    v = translated(version())
    v.activities = [ACTIVITIES[1], ACTIVITIES[0]]  # the Netto internship is now row 1
    current = translation.current(v, "ar")
    assert current is not None and current.stale == ("activities.0",)


def test_the_form_source_changes_with_any_translatable_danish_part_only():
    v = version()
    source = translation.draft_source(v)
    assert translation.draft_source(version(coordinating_department="Jobcenter KBH")) == source
    moved = [{**ACTIVITIES[0], "starts_on": "2026-12-01"}, ACTIVITIES[1]]
    assert translation.draft_source(version(activities=moved)) == source  # dates: not text
    assert translation.draft_source(version(goal="Et andet mål")) != source
    renamed = [{**ACTIVITIES[0], "title": "Praktik"}, ACTIVITIES[1]]
    assert translation.draft_source(version(activities=renamed)) != source


def test_an_activity_translation_without_danish_details_is_not_stored():
    v = version(activities=[{**ACTIVITIES[0], "title": "", "kind": "company_internship"}])
    stored = translation.entry(v, Translation(activities={0: "x", 5: "y"}, translated_by="A"),
                               saved_by=1, saved_at="2026-11-21T10:00:00+00:00")
    assert stored["activities"] == {}


def test_a_revision_carries_over_the_parts_whose_danish_text_it_keeps():
    previous = translated(version())
    revision = version(number=3, goal="Uddannelse som SOSU-hjælper",
                       activities=[ACTIVITIES[1], ACTIVITIES[0]])
    carried = translation.carried_over(previous, revision, "ar")
    assert carried is not None
    assert carried.goal == ""  # the goal changed: to be translated again
    assert carried.danish_education == ARABIC.danish_education
    assert carried.activities == {1: "تدريب في نتو"}  # follows the activity to its new row
    assert carried.translated_by == "Ahmad Karimi"
    assert translation.carried_over(version(), revision, "ar") is None


def test_an_empty_translation_is_empty():
    assert Translation(translated_by="A").empty
    assert not Translation(activities={0: "x"}).empty


def test_a_stored_translation_reads_back_as_written_even_when_stale():
    v = translated(version())
    v.goal = "Et andet mål"  # the goal's translation is now stale, but kept for checking
    assert translation.from_stored(translation.stored(v, "ar")) == ARABIC
