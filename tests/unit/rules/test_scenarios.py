"""The scenario tables (scenarios/*.yaml): expectations worked out from the law."""

from __future__ import annotations

import pytest

from portal.rules.registry import RULEBOOK
from tests.unit.rules.scenario_support import Scenario, check, load_scenarios, rule_ids

SCENARIOS = list(load_scenarios())


def test_there_are_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 80
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS), "scenario names must be unique"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_scenario(scenario: Scenario) -> None:
    problems = check(scenario.document(), scenario.expect)
    assert not problems, "\n".join(problems)


def test_every_rule_is_cited_by_a_scenario() -> None:
    cited: set[str] = set()
    for scenario in SCENARIOS:
        cited |= rule_ids(scenario.document())
    uncited = sorted(r.id for r in RULEBOOK.rules if r.id not in cited)
    assert not uncited, f"{len(uncited)} rules no scenario reaches: {uncited}"
