"""Contract versions: required sections from the rule module, acceptance, revisions."""

from __future__ import annotations

import pytest

from portal.contract import services
from portal.contract.services import ContractError
from portal.extensions import db
from portal.models import ContractStatus
from portal.talks.clock import local
from tests.support import clock, contracts, talks

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def test_required_sections_are_prefilled_for_the_governing_order(app, personas):
    with app.app_context():
        version = contracts.sent_contract()
        keys = [s["key"] for s in version.legal_sections]
        assert version.regulation_id == "bek-2024"
        for key in ("sanctions", "complaint", "permanent_residence", "danish_guidance",
                    "declaration"):
            assert key in keys
        assert "spouse_danish" not in keys  # Amal is a refugee, not a reunified spouse
        complaint = next(s for s in version.legal_sections if s["key"] == "complaint")
        assert complaint["citation"] == "BEK af 30. december 2024 § 12, stk. 3"


def test_spouse_section_has_the_amounts_of_the_governing_order(app, personas):
    with app.app_context():
        version = contracts.sent_contract("citizen-mariam", "caseworker-aarhus")
        spouse = next(s for s in version.legal_sections if s["key"] == "spouse_danish")
        assert spouse["params"]["a1_amount"] == 11400  # BEK 2024 § 14, stk. 9
        assert spouse["params"]["a2_amount"] == 7500
        assert spouse["citation"].endswith("§ 14, stk. 9")


def test_ukrainian_contract_follows_bek_1307(app, personas):
    with app.app_context():
        olena = talks.citizen("citizen-olena")
        staff = talks.staff("caseworker-kbh")
        staff_municipality = staff.municipality_id
        staff.municipality_id = olena.municipality_id  # a caseworker of Odense
        version = services.save_draft(staff, olena, contracts.content(), clock.now())
        assert version.regulation_id == "bek-1307-2020"
        sanctions = next(s for s in version.legal_sections if s["key"] == "sanctions")
        assert sanctions["citation"] == "BEK nr. 1307 af 7. september 2020 § 18"
        staff.municipality_id = staff_municipality
        db.session.rollback()


def test_accept_needs_the_declaration_and_records_the_signing(app, personas):
    with app.app_context():
        version = contracts.sent_contract()
        amal = talks.citizen("citizen-amal")
        with app.test_request_context(), pytest.raises(ContractError):
            services.accept(amal, version.number, False, clock.now())
        accepted = services.accept(amal, version.number, True, clock.now())
        assert accepted.status == ContractStatus.ACCEPTED
        assert accepted.declaration_accepted
        assert amal.contract_signed_on == local(clock.now()).date()
        # a re-sent form is harmless
        assert services.accept(amal, version.number, True, clock.now()).id == accepted.id
        assert len(accepted.fingerprint) == 64


def test_a_revision_supersedes_the_accepted_version_and_shows_what_changed(app, personas):
    with app.app_context():
        first = contracts.sent_contract()
        amal = talks.citizen("citizen-amal")
        services.accept(amal, first.number, True, clock.now())
        second = contracts.sent_contract(goal="Uddannelse som SOSU-hjælper")
        assert first.status == ContractStatus.ACCEPTED  # still in force until accepted
        services.accept(amal, second.number, True, clock.now())
        assert first.status == ContractStatus.SUPERSEDED
        changed = services.changes(first, second)
        assert [c.field for c in changed] == ["goal"]
        assert second.fingerprint != first.fingerprint


def test_caseworker_records_acceptance_another_way_with_who_and_when(app, personas):
    with app.app_context():
        version = contracts.sent_contract()
        staff = talks.staff("caseworker-kbh")
        done = services.record_conclusion(staff, version, ContractStatus.ACCEPTED_OTHER_WAY,
                                          "Accepteret mundtligt med tolk", clock.now())
        assert done.concluded_by_id == staff.id and done.concluded_at is not None
        assert done.declaration_accepted


def test_set_by_municipality_adds_the_appeal_section(app, personas):
    with app.app_context():
        version = contracts.sent_contract()
        staff = talks.staff("caseworker-kbh")
        done = services.record_conclusion(staff, version, ContractStatus.SET_BY_MUNICIPALITY,
                                          "Udeblev fra samtalen 3 gange", clock.now())
        assert done.legal_sections[-1]["key"] == "set_by_municipality"
        assert done.legal_sections[-1]["citation"] == "BEK af 30. december 2024 § 9"


def test_deadline_is_one_month_after_takeover_and_flagged_overdue(app, personas):
    with app.app_context():
        yonas = talks.citizen("citizen-yonas")  # taken over 90 days ago, no contract
        today = local(clock.now()).date()
        deadline = services.deadline(yonas, today)
        assert deadline.due is not None and deadline.overdue
        amal = talks.citizen("citizen-amal")  # taken over 20 days ago
        assert not services.deadline(amal, today).overdue


def test_sending_keeps_the_translation_for_the_citizens_language_only(app, personas):
    from portal.contract.translation import draft_source

    with app.app_context():
        amal = talks.citizen("citizen-amal")
        staff = talks.staff("caseworker-kbh")
        draft = services.save_draft(staff, amal, contracts.content(), clock.now())
        services.save_translation(staff, draft, "ar", draft_source(draft), contracts.ARABIC,
                                  clock.now())
        draft.translations = {**draft.translations, "fa": {"goal": "…"}}  # an older language
        before = services.fingerprint(draft)
        sent = services.send(draft, clock.now())
        assert set(sent.translations) == {"ar"}
        assert sent.fingerprint == before  # the translation is not in the fingerprint
        with app.test_request_context(), pytest.raises(ContractError):
            services.save_translation(staff, sent, "ar", draft_source(sent),
                                      contracts.ARABIC, clock.now())


def test_setting_the_content_from_a_draft_needs_a_translation_that_fits(app, personas):
    from portal.contract.translation import draft_source

    with app.app_context():
        amal = talks.citizen("citizen-amal")
        staff = talks.staff("caseworker-kbh")
        draft = services.save_draft(staff, amal, contracts.content(), clock.now())
        services.save_translation(staff, draft, "ar", draft_source(draft), contracts.ARABIC,
                                  clock.now())
        draft = services.save_draft(staff, amal, contracts.content("Et andet mål"), clock.now())
        assert services.stale_translation(draft) == ("goal",)
        with pytest.raises(ContractError):
            services.record_conclusion(staff, draft, ContractStatus.SET_BY_MUNICIPALITY,
                                       "Udeblev", clock.now())
        assert draft.status == ContractStatus.DRAFT
