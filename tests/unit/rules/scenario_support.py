"""Loading the YAML scenario tables and checking an assessment document against them.

A scenario file has ``defaults.facts`` and a list of ``scenarios``; each scenario has a
``name``, an ``on`` date, ``facts`` (merged over the defaults; ``null`` removes a
default), a ``why`` (the legal reasoning) and ``expect``:

    expect:
      regulation: unknown | bek-1307-2020 | bek-2024
      readiness: {value: job_ready, presumed: true, visitation_due: 2021-06-15}
      talks: {allowed_forms: [...], required: 4, held_counting: 1, next_due: ...}
      attendance: {in_person: east_restricted, risk_group_precaution: true}
      duties:
        joblog: suspended                 # status only
        cv: {status: applies, deadline: 2020-08-15,
             cites: ["BEK nr. 685 af 26. maj 2020"],   # each must be among the citations
             missing: [applied_for_benefit_on],          # exactly the missing facts
             details: {sanction_possible: false}}         # a subset of details
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from portal.rules.engine import assess
from portal.rules.facts import parse_facts
from portal.rules.render import to_document

SCENARIOS = Path(__file__).with_name("scenarios")


class _Loader(yaml.SafeLoader):
    """YAML 1.1 reads ``on``/``off``/``yes``/``no`` as booleans; here only true/false are."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@dataclass(frozen=True)
class Scenario:
    file: str
    name: str
    on: dt.date
    facts: Mapping[str, Any]
    expect: Mapping[str, Any]

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"

    def document(self) -> dict[str, Any]:
        return to_document(assess(parse_facts(self.facts), self.on))


def _iso(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_iso(v) for v in value]
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    return value


def load_scenarios() -> Iterator[Scenario]:
    for path in sorted(SCENARIOS.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        defaults = data.get("defaults", {}).get("facts", {})
        for item in data["scenarios"]:
            facts = {**defaults, **(item.get("facts") or {})}
            facts = {k: _iso(v) for k, v in facts.items() if v is not None}
            yield Scenario(path.stem, item["name"], item["on"], facts, item["expect"])


def check(doc: Mapping[str, Any], expect: Mapping[str, Any]) -> list[str]:
    """The differences between the document and the expectations (empty: all met)."""
    problems: list[str] = []
    if "regulation" in expect:
        got = doc["regulation"]["id"]
        if got != expect["regulation"]:
            problems.append(f"regulation: expected {expect['regulation']}, got {got}")
    for block in ("readiness", "talks", "attendance", "region"):
        for key, want in (expect.get(block) or {}).items():
            got = doc[block][key]
            if got != _iso(want):
                problems.append(f"{block}.{key}: expected {_iso(want)!r}, got {got!r}")
    duties = {d["code"]: d for d in doc["duties"]}
    for code, want in (expect.get("duties") or {}).items():
        duty = duties[code]
        spec = {"status": want} if isinstance(want, str) else want
        if duty["status"] != spec["status"]:
            problems.append(
                f"{code}: expected {spec['status']}, got {duty['status']} "
                f"({duty['rules']}, missing {duty['missing_facts']})"
            )
        if "deadline" in spec and duty["deadline"] != _iso(spec["deadline"]):
            problems.append(
                f"{code}.deadline: expected {_iso(spec['deadline'])}, got {duty['deadline']}"
            )
        for citation in spec.get("cites", ()):
            if citation not in duty["citations"]:
                problems.append(f"{code}: {citation!r} not among {duty['citations']}")
        for rule in spec.get("rules", ()):
            if rule not in duty["rules"]:
                problems.append(f"{code}: rule {rule!r} not among {duty['rules']}")
        if "missing" in spec and sorted(duty["missing_facts"]) != sorted(spec["missing"]):
            problems.append(
                f"{code}.missing_facts: expected {spec['missing']}, got {duty['missing_facts']}"
            )
        if "reason" in spec and duty["reason_code"] != spec["reason"]:
            problems.append(
                f"{code}.reason_code: expected {spec['reason']}, got {duty['reason_code']}"
            )
        for key, value in (spec.get("details") or {}).items():
            if duty["details"].get(key) != _iso(value):
                problems.append(
                    f"{code}.details.{key}: expected {_iso(value)!r}, "
                    f"got {duty['details'].get(key)!r}"
                )
    return problems


def rule_ids(doc: Mapping[str, Any]) -> set[str]:
    """Every rule id the document cites as decisive (all blocks)."""
    ids = set(doc["regulation"]["rules"]) | set(doc["readiness"]["rules"])
    ids |= set(doc["talks"]["rules"]) | set(doc["attendance"]["rules"])
    for duty in doc["duties"]:
        ids |= set(duty["rules"])
    return ids
