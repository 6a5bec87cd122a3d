"""The evaluation engine: default logic over the rulebook.

For each conclusion, the rules in force on the date are evaluated (bases before
exceptions). A rule *applies* when its region, group and condition hold; an exception
takes effect only when a rule it names applies, and then defeats it. The answer is the
outcome of the applying, undefeated rules:

- two of them disagree (outcome or deadline)  → ``ConflictError`` (a rulebook bug);
- an exception is unknown while the rule it names applies → ``unknown`` with the facts
  that would decide it; likewise an unknown rule that would give another answer;
- no rule applies → the conclusion's default (e.g. ``not_applicable``).

``assess`` is pure: the date is an argument, nothing reads the clock. Without ``trace``
no per-rule record is built.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Final, NamedTuple

from portal.rules.errors import ConflictError
from portal.rules.facts import Facts
from portal.rules.model import UNKNOWN, ConclusionSpec, Ctx, Rule
from portal.rules.registry import RULEBOOK, Compiled, Rulebook

APPLIED: Final = "applied"
NOT_IN_FORCE: Final = "not_in_force"
OTHER_REGION: Final = "other_region"
OTHER_GROUP: Final = "other_group"
CONDITION_FALSE: Final = "condition_false"
TRACE_UNKNOWN: Final = "unknown"
READINESS: Final = "readiness"


class Result(NamedTuple):
    """The answer to one conclusion (immutable; cheap to create)."""

    conclusion: str
    value: Any  # a duty status / the conclusion's value; "unknown" when not known
    known: bool
    deadline: date | None = None
    winners: tuple[Rule, ...] = ()  # the applying, undefeated rules (decisive first)
    chain: tuple[Rule, ...] = ()  # applying rules they defeated, then the winners
    missing: tuple[str, ...] = ()  # facts that would decide an unknown answer
    deadline_missing: tuple[str, ...] = ()  # facts needed to compute the deadline
    reason: str = ""

    @property
    def primary(self) -> Rule | None:
        return self.winners[0] if self.winners else None

    @property
    def deadline_free(self) -> bool:
        """True when the answer has no deadline to compute (it can be reused as it is)."""
        w = self.winners
        return not w or not self.known or (len(w) == 1 and w[0].deadline is None)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.chain)

    @property
    def citations(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r in self.chain:
            for c in r.citations:
                seen.setdefault(c, None)
        return tuple(seen)

    @property
    def interpretation(self) -> bool:
        return any(r.interpretation for r in self.winners)


class TraceEntry(NamedTuple):
    conclusion: str
    rule: Rule
    outcome: str  # applied | defeated_by:<id> | not_in_force | other_region | ...
    note: str = ""  # not_yet_in_force | ended | replaced | base_not_applicable | base_unknown
    facts: Mapping[str, Any] = MappingProxyType({})
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    facts: Facts
    on: date
    results: Mapping[str, Result]
    ctx: Ctx
    rulebook: Rulebook
    trace: tuple[TraceEntry, ...] | None = None

    def __getitem__(self, conclusion: str) -> Result:
        return self.results[conclusion]

    def __iter__(self) -> Iterator[Result]:
        return iter(self.results.values())

    def details(self, conclusion: str) -> dict[str, Any]:
        """The decisive rule's details (counts, amounts …), computed on demand."""
        result = self.results[conclusion]
        out: dict[str, Any] = {}
        for r in result.winners:
            if r.details is not None:
                out.update(r.details(self.ctx))
        return out


# --- resolution ---------------------------------------------------------------------------
def _evaluate(ctx: Ctx, cl: Compiled) -> list[bool | None]:
    """Applicability of each rule in ``cl``: True, False or None (unknown)."""
    targets, scoped = cl.targets, cl.scoped
    app: list[bool | None] = []
    i = 0
    for cond in cl.conds:
        a = cond(ctx)
        if a is not False:
            if scoped[i]:
                a = None
            tp = targets[i]
            if tp is not None:
                tv: bool | None = False
                for j in tp:
                    v = app[j]
                    if v is True:
                        tv = True
                        break
                    if v is None:
                        tv = None
                if tv is False:
                    a = False
                elif tv is None:
                    a = None
        app.append(a)
        i += 1  # noqa: SIM113 - zip/enumerate cost more on this hot path
    return app


def _defeaters(cl: Compiled, app: list[bool | None]) -> list[int]:
    """Position of the first exception that defeats each rule, or -1."""
    by = [-1] * len(app)
    for i, tp in enumerate(cl.targets):
        if tp and app[i] is True:
            for j in tp:
                if by[j] < 0:
                    by[j] = i
    return by


def _blocking(cl: Compiled, app: list[bool | None], blockers: list[int]) -> tuple[int, ...]:
    """The unknown rules behind ``blockers``: themselves and their unknown targets."""
    out: list[int] = []
    todo = list(blockers)
    while todo:
        i = todo.pop()
        if i in out:
            continue
        out.append(i)
        tp = cl.targets[i]
        if tp:
            todo.extend(j for j in tp if app[j] is None)
    return tuple(sorted(out))


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class _Blocked:
    """Unknown rules block the answer: their positions, and the facts they read."""

    __slots__ = ("indices", "names")

    def __init__(self, cl: Compiled, indices: tuple[int, ...]) -> None:
        self.indices = indices
        names: list[str] = []
        for i in indices:
            r = cl.rules[i]
            if cl.scoped[i]:
                if r.regions is not None:
                    names.append("municipality_code")
                if r.groups is not None:
                    names.append("residence_basis")
            names.extend(r.reads)
        self.names = tuple(dict.fromkeys(names))


def _skeleton(cl: Compiled, spec: ConclusionSpec, app: list[bool | None]) -> Result | _Blocked:
    """The answer without deadlines, from the applicability vector alone (memoised).

    ``_Blocked`` means unknown rules block the answer (the caller lists the facts that would
    decide them).
    """
    rules = cl.rules
    by = _defeaters(cl, app) if cl.has_exceptions else None
    winners = [i for i, a in enumerate(app) if a is True and (by is None or by[i] < 0)]
    blockers: list[int] = []
    for i, a in enumerate(app):
        if a is not None or (by is not None and by[i] >= 0):
            continue
        tp = cl.targets[i]
        if tp is not None:
            if not winners or any(j in winners for j in tp):
                blockers.append(i)
        elif not winners or rules[i].outcome != rules[winners[0]].outcome:
            blockers.append(i)
    if blockers:
        return _Blocked(cl, _blocking(cl, app, blockers))
    if not winners:
        return Result(spec.name, spec.default, True, reason=spec.default_reason)
    first = rules[winners[0]]
    for i in winners[1:]:
        if rules[i].outcome != first.outcome:
            raise ConflictError(
                spec.name, [rules[k].id for k in winners], [rules[k].outcome for k in winners]
            )
    # decisive first: lists are ordered by (exception depth, id), so the last winner is the
    # deepest exception
    win_rules = tuple(rules[k] for k in reversed(winners))
    chain = tuple(
        rules[j]
        for j, a in enumerate(app)
        if a is True and (by is None or by[j] < 0 or by[j] in winners)
    )
    primary = win_rules[0]
    if primary.outcome == UNKNOWN:
        return Result(spec.name, UNKNOWN, False, None, win_rules, chain, reason=primary.reason_code)
    return Result(
        spec.name, primary.outcome, True, None, win_rules, chain, reason=primary.reason_code
    )


_MEMO_LIMIT: Final = 4096
_new = tuple.__new__  # builds a Result without NamedTuple's slower generated __new__


def resolve(
    ctx: Ctx,
    cl: Compiled,
    spec: ConclusionSpec,
    app: list[bool | None] | None = None,
    key: tuple[bool | None, ...] | None = None,
) -> Result:
    """Resolve one conclusion for ``ctx`` from the rules in force (``cl``).

    The answer depends on the applicability vector ``app`` (memoised per compiled list:
    ``cl.memo`` holds final answers, ``cl.skeletons`` answers whose deadline or missing
    facts are computed per person).
    """
    if app is None:
        app = _evaluate(ctx, cl)
    if key is None:
        key = tuple(app)
        hit: Result | None = cl.memo.get(key)
        if hit is not None:
            return hit
    sk = cl.skeletons.get(key)
    if sk is None:
        sk = _skeleton(cl, spec, app)
        if len(cl.skeletons) < _MEMO_LIMIT:
            cl.skeletons[key] = sk
            if isinstance(sk, Result) and sk.deadline_free:
                cl.memo[key] = sk
    if isinstance(sk, _Blocked):
        missing = tuple(dict.fromkeys(ctx.missing(sk.names)))
        return _new(Result, (spec.name, UNKNOWN, False, None, (), (), missing, (), "missing_facts"))
    winners = sk.winners
    if not winners or not sk.known:
        return sk
    primary = winners[0]
    deadline = primary.deadline(ctx) if primary.deadline is not None else None
    if len(winners) > 1:
        for r in winners[1:]:
            d = r.deadline(ctx) if r.deadline is not None else None
            if d != deadline:
                raise ConflictError(
                    spec.name,
                    [w.id for w in winners],
                    [(w.outcome, w.deadline(ctx) if w.deadline else None) for w in winners],
                )
    elif primary.deadline is None:
        return sk
    missing = ()
    if deadline is None and primary.deadline_reads:
        missing = _unique(ctx.missing(primary.deadline_reads))
    return _new(
        Result, (spec.name, sk.value, True, deadline, winners, sk.chain, (), missing, sk.reason)
    )


# --- assessment -------------------------------------------------------------------------
def assess(
    facts: Facts, on: date, *, trace: bool = False, rulebook: Rulebook = RULEBOOK
) -> Assessment:
    """Evaluate every conclusion for ``facts`` on ``on`` (pure; never reads the clock)."""
    ctx = Ctx(facts, on, rulebook)
    lists = rulebook.compiled(on, ctx.region, ctx.residence)
    if trace:
        return _assess_traced(ctx, lists, rulebook)
    results: dict[str, Result] = {}
    for spec in rulebook.conclusions:
        name = spec.name
        cl = lists[name]
        app = _evaluate(ctx, cl)
        key = tuple(app)
        result = cl.memo.get(key)
        if result is None:
            result = resolve(ctx, cl, spec, app, key)
        results[name] = result
        if name is READINESS:
            ctx.set_readiness(
                result.value if result.known else None,
                result.reason == "presumed",
                result.missing,
            )
    return Assessment(facts, on, results, ctx, rulebook)


def _assess_traced(ctx: Ctx, lists: dict[str, Compiled], rulebook: Rulebook) -> Assessment:
    results: dict[str, Result] = {}
    entries: list[TraceEntry] = []
    for spec in rulebook.conclusions:
        name = spec.name
        cl = lists[name]
        app = _evaluate(ctx, cl)
        result = results[name] = resolve(ctx, cl, spec, app)
        entries.extend(_trace(ctx, rulebook, name, cl, app))
        if name is READINESS:
            ctx.set_readiness(
                result.value if result.known else None,
                result.reason == "presumed",
                result.missing,
            )
    return Assessment(ctx.f, ctx.on, results, ctx, rulebook, tuple(entries))


def _trace(
    ctx: Ctx, rulebook: Rulebook, name: str, cl: Compiled, app: list[bool | None]
) -> list[TraceEntry]:
    by = _defeaters(cl, app)
    position = {r.id: i for i, r in enumerate(cl.rules)}
    out: list[TraceEntry] = []
    for r in rulebook.by_conclusion[name]:
        facts = {n: ctx.read(n) for n in r.reads}
        i = position.get(r.id)
        if i is None:
            if not r.in_force(ctx.on):
                ended = r.valid_to is not None and r.valid_to < ctx.on
                note = r.ended if ended else "not_yet_in_force"
                out.append(TraceEntry(name, r, NOT_IN_FORCE, note, facts))
            elif r.regions is not None and ctx.region not in r.regions:
                out.append(TraceEntry(name, r, OTHER_REGION, "", facts))
            else:
                out.append(TraceEntry(name, r, OTHER_GROUP, "", facts))
            continue
        a = app[i]
        defeated = f"defeated_by:{cl.rules[by[i]].id}" if by[i] >= 0 else ""
        if a is True:
            out.append(TraceEntry(name, r, defeated or APPLIED, "", facts))
        elif a is None:
            missing = _Blocked(cl, _blocking(cl, app, [i])).names
            missing = tuple(dict.fromkeys(ctx.missing(missing)))
            note = "base_unknown" if r.condition(ctx) is True and not cl.scoped[i] else ""
            out.append(TraceEntry(name, r, defeated or TRACE_UNKNOWN, note, facts, missing))
        elif r.condition(ctx) is not False and cl.targets[i] is not None:
            out.append(TraceEntry(name, r, CONDITION_FALSE, "base_not_applicable", facts))
        else:
            out.append(TraceEntry(name, r, CONDITION_FALSE, "", facts))
    return out
