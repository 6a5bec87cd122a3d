"""The engine: default logic, explicit exceptions, conflicts, unknowns, import-time checks."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from portal.rules.book import RULES
from portal.rules.engine import assess
from portal.rules.errors import ConflictError, RulebookError
from portal.rules.facts import Facts, parse_facts
from portal.rules.model import APPLIES, EXEMPT, IL, Citation, Ctx, Rule, cite
from portal.rules.registry import RULEBOOK, Rulebook
from portal.rules.render import to_document
from tests.unit.rules.scenario_support import load_scenarios

JOB_READY = {
    "municipality_code": "751",
    "residence_basis": "refugee",
    "benefit": "self_support_and_return_benefit",
    "municipality_took_over_on": "2021-03-15",
    "readiness": "job_ready",
    "visitation_on": "2021-05-10",
    "registered_as_job_seeker_on": "2021-03-16",
    "has_phone_or_computer": True,
    "contract_goals_met": False,
    "guidance_given_on": "2021-03-20",
}
ON = date(2021, 6, 1)


def facts(**overrides: object) -> Facts:
    return parse_facts({**JOB_READY, **overrides})


def extra_rule(**fields: object) -> Rule:
    base: dict[str, object] = {
        "id": "test.extra",
        "conclusion": "joblog",
        "outcome": EXEMPT,
        "source": cite(IL, "§ 26 a, stk. 4"),
        "message": "Test message.",
    }
    return Rule(**{**base, **fields})  # type: ignore[arg-type]


# --- order independence ---------------------------------------------------------------
def test_shuffling_the_registry_changes_nothing() -> None:
    shuffled = list(RULES)
    random.Random(20200527).shuffle(shuffled)
    other = Rulebook(shuffled)
    assert other.version == RULEBOOK.version
    for scenario in list(load_scenarios())[::3]:
        f = parse_facts(scenario.facts)
        a = to_document(assess(f, scenario.on), trace=True)
        b = to_document(assess(f, scenario.on, rulebook=other), trace=True)
        assert a == b, scenario.id


# --- conflicts ----------------------------------------------------------------------------
def test_two_applying_rules_that_disagree_raise_a_conflict() -> None:
    book = Rulebook([*RULES, extra_rule()])  # 'exempt' next to joblog.il's 'applies', no priority
    with pytest.raises(ConflictError) as caught:
        assess(facts(), ON, rulebook=book)
    assert caught.value.conclusion == "joblog"
    assert "test.extra" in caught.value.rule_ids


def test_same_status_but_another_deadline_is_a_conflict() -> None:
    rule = extra_rule(
        conclusion="cv",
        outcome=APPLIES,
        source=cite(IL, "§ 26 b, stk. 4"),
        deadline=lambda c: date(2030, 1, 1),
    )
    with pytest.raises(ConflictError):
        assess(facts(), ON, rulebook=Rulebook([*RULES, rule]))


def test_rules_that_agree_are_not_a_conflict() -> None:
    rule = extra_rule(outcome=APPLIES, condition=lambda c: c.job_ready)
    result = assess(facts(), ON, rulebook=Rulebook([*RULES, rule]))["joblog"]
    assert result.value == APPLIES
    assert "test.extra" in result.rule_ids


# --- exceptions ---------------------------------------------------------------------------
def test_an_exception_defeats_the_rule_it_names() -> None:
    a = assess(
        facts(decisions=[{"kind": "joblog_exemption", "from": "2021-04-01"}]), ON, trace=True
    )
    assert a["joblog"].value == EXEMPT
    outcomes = {e.rule.id: e.outcome for e in a.trace or () if e.conclusion == "joblog"}
    assert outcomes["joblog.il"] == "defeated_by:joblog.bek1307.exemption"
    assert outcomes["joblog.bek1307"].startswith("defeated_by:")
    assert outcomes["joblog.il.exemption"] == "applied"
    assert outcomes["joblog.covid.suspended"] == "not_in_force"


def test_an_unknown_exception_over_an_applying_rule_gives_unknown() -> None:
    rule = extra_rule(
        condition=lambda c: c.f.covid_risk_group,
        reads=("covid_risk_group",),
        defeats=("joblog.il", "joblog.bek1307"),
    )
    book = Rulebook([*RULES, rule])
    result = assess(facts(), ON, rulebook=book)["joblog"]
    assert (result.value, result.known, result.missing) == ("unknown", False, ("covid_risk_group",))
    assert assess(facts(covid_risk_group=True), ON, rulebook=book)["joblog"].value == EXEMPT
    assert assess(facts(covid_risk_group=False), ON, rulebook=book)["joblog"].value == APPLIES


def test_an_unknown_exception_does_not_matter_when_its_rule_does_not_apply() -> None:
    rule = extra_rule(
        condition=lambda c: c.f.covid_risk_group,
        reads=("covid_risk_group",),
        defeats=("joblog.il", "joblog.bek1307"),
    )
    result = assess(facts(readiness="activity_ready"), ON, rulebook=Rulebook([*RULES, rule]))
    assert result["joblog"].value == "not_applicable"


def test_an_exception_whose_rule_does_not_apply_is_traced_as_such() -> None:
    a = assess(
        facts(
            readiness="activity_ready",
            decisions=[{"kind": "joblog_exemption", "from": "2021-04-01"}],
        ),
        ON,
        trace=True,
    )
    assert a["joblog"].value == "not_applicable"
    entry = next(e for e in a.trace or () if e.rule.id == "joblog.il.exemption")
    assert (entry.outcome, entry.note) == ("condition_false", "base_not_applicable")


def test_trace_names_other_region_and_other_group() -> None:
    a = assess(facts(), date(2025, 6, 2), trace=True)
    outcomes = {e.rule.id: e.outcome for e in a.trace or ()}
    assert outcomes["talk_forms.covid.east"] == "other_region"
    assert outcomes["self_booking.bek1307.ua"] == "other_group"
    assert outcomes["self_booking.bek1307"] == "not_in_force"
    entry = next(e for e in a.trace or () if e.rule.id == "self_booking.bek1307")
    assert entry.note == "replaced"


def test_untraced_assessments_build_no_trace() -> None:
    assert assess(facts(), ON).trace is None


# --- import-time checks ----------------------------------------------------------------------
def _copy(rule_id: str, **changes: object) -> Rule:
    return replace(RULEBOOK.by_id[rule_id], **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([_copy("joblog.il")], "duplicate rule id"),
        ([extra_rule(defeats=("no.such.rule",))], "defeats unknown rule"),
        ([extra_rule(defeats=("cv.il.job_ready",))], "another conclusion"),
        ([extra_rule(id="t.a", defeats=("t.b",)), extra_rule(id="t.b", defeats=("t.a",))], "cycle"),
        ([extra_rule(message=" ")], "explanation message"),
        ([extra_rule(message="Due %s.")], "named placeholders"),
        ([extra_rule(source=Citation(IL))], "cite the paragraph"),
        ([extra_rule(source="Integrationsloven")], "legal source"),
        ([extra_rule(outcome="maybe")], "not a duty status"),
        ([extra_rule(conclusion="nonsense")], "unknown conclusion"),
        ([extra_rule(valid_from=date(2021, 1, 2), valid_to=date(2021, 1, 1))], "valid_to"),
    ],
)
def test_malformed_rulebooks_are_rejected(extra: list[Rule], message: str) -> None:
    with pytest.raises(RulebookError, match=message):
        Rulebook([*RULES, *extra])


def test_the_rulebook_passes_its_checks() -> None:
    assert len(RULEBOOK.rules) == len({r.id for r in RULEBOOK.rules})
    for r in RULEBOOK.rules:
        assert r.citation and r.message
        for target in r.defeats:
            assert RULEBOOK.by_id[target].conclusion == r.conclusion


def test_context_reads_derived_facts() -> None:
    ctx = Ctx(facts(), ON)
    assert ctx.region == "midtjylland" and ctx.benefit is True and ctx.visited is True
    assert ctx.missing(("benefit", "cpr_registered_on", "decisions")) == ["cpr_registered_on"]
