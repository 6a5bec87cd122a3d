"""The rule registry: import-time checks and the precomputed evaluation index.

``RULES`` is every rule declaration (``book/``). ``Rulebook`` checks them when it is
built — unique ids, every exception's target exists and decides the same conclusion, no
cycles among exceptions, every rule has a source and a message with named placeholders —
and precomputes, for every stretch of time between two validity edges, the rules in
force per conclusion, ordered bases before exceptions, with each exception's targets as
positions. An assessment then only bisects the date and runs those lists.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final

from portal.rules.book import CONCLUSIONS, DUTY_CODES, RULES
from portal.rules.errors import RulebookError
from portal.rules.model import INSTRUMENTS, STATUSES, Citation, ConclusionSpec, Rule
from portal.rules.parameters import PARAMS

if TYPE_CHECKING:
    from portal.rules.model import Ctx

RULEBOOK_EDITION: Final = "2025.1"
_PLACEHOLDER = re.compile(r"%(?!\(\w+\)s)")


class Compiled:
    """The rules of one conclusion in force in one stretch of time, for one region and
    group (``None``: unknown, then rules limited to a region or group stay, marked)."""

    __slots__ = ("conds", "has_exceptions", "memo", "rules", "scoped", "skeletons", "targets")

    def __init__(
        self,
        rules: tuple[Rule, ...],
        scoped: tuple[bool, ...],
        targets: tuple[tuple[int, ...] | None, ...],
    ) -> None:
        self.rules = rules
        self.conds = tuple(r.condition for r in rules)
        self.scoped = scoped  # True: the region or group it needs is unknown
        self.targets = targets
        self.has_exceptions = any(t is not None for t in targets)
        # applicability vector -> final answer (when it needs no per-person deadline)
        self.memo: dict[tuple[bool | None, ...], Any] = {}
        # applicability vector -> answer without deadline, or the unknown rules blocking it
        self.skeletons: dict[tuple[bool | None, ...], Any] = {}


def _check(rules: tuple[Rule, ...], conclusions: Mapping[str, ConclusionSpec]) -> None:
    by_id: dict[str, Rule] = {}
    for r in rules:
        if r.id in by_id:
            raise RulebookError(f"duplicate rule id {r.id!r}")
        by_id[r.id] = r
    for r in rules:
        spec = conclusions.get(r.conclusion)
        if spec is None:
            raise RulebookError(f"{r.id}: unknown conclusion {r.conclusion!r}")
        if not isinstance(r.source, Citation) or r.source.instrument not in INSTRUMENTS:
            raise RulebookError(f"{r.id}: a rule needs a legal source")
        if not r.source.paragraph and r.source.instrument in ("il", "bek-1307-2020", "bek-2024"):
            raise RulebookError(f"{r.id}: cite the paragraph of {r.source.instrument}")
        if not isinstance(r.message, str) or not r.message.strip():
            raise RulebookError(f"{r.id}: a rule needs an explanation message")
        if r.deadline_message and "%(" not in r.deadline_message:
            raise RulebookError(f"{r.id}: a deadline message must show the date")
        if _PLACEHOLDER.search(r.message) or _PLACEHOLDER.search(r.deadline_message):
            raise RulebookError(f"{r.id}: messages use named placeholders %(name)s only")
        if spec.duty and r.outcome not in STATUSES:
            raise RulebookError(f"{r.id}: {r.outcome!r} is not a duty status")
        if r.valid_from and r.valid_to and r.valid_to < r.valid_from:
            raise RulebookError(f"{r.id}: valid_to before valid_from")
        for t in r.defeats:
            target = by_id.get(t)
            if target is None:
                raise RulebookError(f"{r.id}: defeats unknown rule {t!r}")
            if target.conclusion != r.conclusion:
                raise RulebookError(f"{r.id}: defeats {t!r}, which decides another conclusion")
            if t == r.id:
                raise RulebookError(f"{r.id}: defeats itself")
        if r.conclusion == "talk_forms" and r.reads:
            raise RulebookError(f"{r.id}: talk forms may depend only on date, region and group")
    for spec in conclusions.values():
        if not spec.default_message.strip():
            raise RulebookError(f"conclusion {spec.name}: a default message is required")
    # cycles among exceptions
    state: dict[str, int] = {}

    def visit(rule_id: str, path: tuple[str, ...]) -> None:
        if state.get(rule_id) == 2:
            return
        if state.get(rule_id) == 1:
            raise RulebookError(f"cycle among exceptions: {' -> '.join((*path, rule_id))}")
        state[rule_id] = 1
        for t in by_id[rule_id].defeats:
            visit(t, (*path, rule_id))
        state[rule_id] = 2

    for r in rules:
        visit(r.id, ())


class Rulebook:
    """A checked set of rules with its evaluation index."""

    def __init__(
        self, rules: Iterable[Rule], conclusions: Iterable[ConclusionSpec] = CONCLUSIONS
    ) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.conclusions: tuple[ConclusionSpec, ...] = tuple(conclusions)
        self.specs: dict[str, ConclusionSpec] = {c.name: c for c in self.conclusions}
        _check(self.rules, self.specs)
        self.by_id: dict[str, Rule] = {r.id: r for r in self.rules}
        self.depth: dict[str, int] = {}
        for r in self.rules:
            self._depth(r.id)
        self.by_conclusion: dict[str, tuple[Rule, ...]] = {
            name: tuple(
                sorted(
                    (r for r in self.rules if r.conclusion == name),
                    key=lambda r: (self.depth[r.id], r.id),
                )
            )
            for name in self.specs
        }
        edges: set[date] = set()
        for r in self.rules:
            if r.valid_from is not None:
                edges.add(r.valid_from)
            if r.valid_to is not None:
                edges.add(r.valid_to + timedelta(days=1))
        self.bounds: list[date] = sorted(edges)
        self._reps: list[date] = [date.min, *self.bounds]
        self._compiled: dict[tuple[int, str | None, str | None], dict[str, Compiled]] = {}
        self._forms: dict[tuple[int, str | None, str | None], frozenset[str] | None] = {}
        self.version = self._version()

    def _depth(self, rule_id: str) -> int:
        d = self.depth.get(rule_id)
        if d is None:
            targets = self.by_id[rule_id].defeats
            d = 1 + max(self._depth(t) for t in targets) if targets else 0
            self.depth[rule_id] = d
        return d

    def _compile(self, i: int, region: str | None, residence: str | None) -> dict[str, Compiled]:
        rep = self._reps[i]
        out: dict[str, Compiled] = {}
        for name, rules in self.by_conclusion.items():
            live: list[Rule] = []
            scoped: list[bool] = []
            for r in rules:
                if not r.in_force(rep):
                    continue
                if r.regions is not None and region is not None and region not in r.regions:
                    continue
                if r.groups is not None and residence is not None and residence not in r.groups:
                    continue
                live.append(r)
                scoped.append(
                    (r.regions is not None and region is None)
                    or (r.groups is not None and residence is None)
                )
            pos = {r.id: k for k, r in enumerate(live)}
            targets = tuple(
                tuple(pos[t] for t in r.defeats if t in pos) if r.defeats else None for r in live
            )
            out[name] = Compiled(tuple(live), tuple(scoped), targets)
        return out

    def _version(self) -> str:
        h = hashlib.sha256(PARAMS.digest.encode())
        for r in sorted(self.rules, key=lambda r: r.id):
            h.update(
                f"{r.id}|{r.conclusion}|{r.outcome}|{r.source.text}|{r.valid_from}|"
                f"{r.valid_to}|{sorted(r.regions or ())}|{sorted(r.groups or ())}|"
                f"{r.defeats}|{r.message}\n".encode()
            )
        return f"{RULEBOOK_EDITION}+{h.hexdigest()[:12]}"

    def compiled(self, on: date, region: str | None, residence: str | None) -> dict[str, Compiled]:
        """The evaluation lists for a date, region and group (built once, then cached)."""
        key = (bisect_right(self.bounds, on), region, residence)
        hit = self._compiled.get(key)
        if hit is None:
            hit = self._compiled[key] = self._compile(*key)
        return hit

    def forms_on(self, ctx: Ctx, day: date) -> frozenset[str] | None:
        """The talk forms that count on ``day`` for this person's region and group."""
        key = (bisect_right(self.bounds, day), ctx.region, ctx.residence)
        if key in self._forms:
            return self._forms[key]
        from portal.rules.engine import resolve

        cl = self.compiled(day, ctx.region, ctx.residence)["talk_forms"]
        result = resolve(ctx, cl, self.specs["talk_forms"])
        forms = frozenset(result.value) if result.known and result.value is not None else None
        self._forms[key] = forms
        return forms


RULEBOOK: Final = Rulebook(RULES)


@dataclass(frozen=True, slots=True)
class RuleListing:
    id: str
    conclusion: str
    citation: str
    valid_from: date | None
    valid_to: date | None
    regions: tuple[str, ...]
    groups: tuple[str, ...]
    defeats: tuple[str, ...]
    outcome: str
    interpretation: bool
    condition: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "conclusion": self.conclusion,
            "citation": self.citation,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "regions": list(self.regions),
            "groups": list(self.groups),
            "defeats": list(self.defeats),
            "outcome": self.outcome,
            "interpretation": self.interpretation,
            "condition": self.condition,
        }


def list_rules(rulebook: Rulebook = RULEBOOK) -> list[RuleListing]:
    """Every rule with its citation and validity, for ``flask rules list``."""
    return [
        RuleListing(
            id=r.id,
            conclusion=r.conclusion,
            citation=r.citation,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
            regions=tuple(sorted(r.regions or ())),
            groups=tuple(sorted(r.groups or ())),
            defeats=r.defeats,
            outcome=r.outcome if isinstance(r.outcome, str) else repr(r.outcome),
            interpretation=r.interpretation,
            condition=r.condition_text,
        )
        for name in rulebook.specs
        for r in rulebook.by_conclusion[name]
    ]


def all_messages(rulebook: Rulebook = RULEBOOK) -> set[str]:
    """Every explanation msgid the rule module can produce (rules, defaults, renderings)."""
    from portal.rules.render import RENDER_MESSAGES

    messages = {r.message for r in rulebook.rules}
    messages.update(r.deadline_message for r in rulebook.rules if r.deadline_message)
    messages.update(c.default_message for c in rulebook.conclusions)
    messages.update(RENDER_MESSAGES)
    return messages


__all__ = [
    "DUTY_CODES",
    "RULEBOOK",
    "RULES",
    "Compiled",
    "RuleListing",
    "Rulebook",
    "all_messages",
    "list_rules",
]
