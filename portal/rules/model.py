"""Rule declarations and the evaluation context.

A ``Rule`` states one legal statement: the conclusion it decides (e.g. the ``cv`` duty),
its outcome (``applies``, ``exempt`` …), its source (instrument + paragraph, official
Danish form), its validity, the regions and groups it covers, its condition, and the
plain-language message of its explanation. An exception names the rules it defeats
(``defeats``); the engine (``engine.py``) resolves them with default logic.

Conditions are plain functions of a ``Ctx`` returning ``True``, ``False`` or ``None``
(unknown); ``reads`` names the facts a condition reads, so that an unknown result can
say which facts are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from portal.rules.facts import COMPANY_OFFERS, RECORDS, Facts
from portal.rules.regions import MUNICIPALITIES

Tri = bool | None

# --- duty statuses (RULES-CONTRACT.md) -------------------------------------------------
APPLIES: Final = "applies"
EXEMPT: Final = "exempt"
SUSPENDED: Final = "suspended"
NOT_APPLICABLE: Final = "not_applicable"
UNKNOWN: Final = "unknown"
STATUSES: Final = (APPLIES, EXEMPT, SUSPENDED, NOT_APPLICABLE, UNKNOWN)

# --- instruments and citations ----------------------------------------------------------
IL: Final = "il"
BEK1307: Final = "bek-1307-2020"
BEK2024: Final = "bek-2024"
BEK685: Final = "bek-685-2020"
BEK300: Final = "bek-300-2020"
LETTER: Final = "uim-letter-2020-05-26"


@dataclass(frozen=True, slots=True)
class Instrument:
    key: str
    title: str  # official Danish short form used in citations
    joiner: str = " "  # between title and paragraph


INSTRUMENTS: Final[Mapping[str, Instrument]] = {
    IL: Instrument(IL, "Integrationsloven"),
    BEK1307: Instrument(BEK1307, "BEK nr. 1307 af 7. september 2020"),
    BEK2024: Instrument(BEK2024, "BEK af 30. december 2024"),
    BEK685: Instrument(BEK685, "BEK nr. 685 af 26. maj 2020"),
    BEK300: Instrument(BEK300, "BEK nr. 300 af 28. marts 2020"),
    LETTER: Instrument(
        LETTER, "Udlændinge- og Integrationsministeriets brev af 26. maj 2020", ", "
    ),
}


@dataclass(frozen=True, slots=True)
class Citation:
    instrument: str
    paragraph: str = ""
    text: str = field(init=False, compare=False)  # official Danish form, built once

    def __post_init__(self) -> None:
        inst = INSTRUMENTS[self.instrument]
        text = f"{inst.title}{inst.joiner}{self.paragraph}" if self.paragraph else inst.title
        object.__setattr__(self, "text", text)

    def __str__(self) -> str:
        return self.text


def cite(instrument: str, paragraph: str = "") -> Citation:
    if instrument not in INSTRUMENTS:
        raise ValueError(f"unknown instrument {instrument!r}")
    return Citation(instrument, paragraph)


# --- the rule declaration ---------------------------------------------------------------
Condition = Callable[["Ctx"], Tri]
DateFn = Callable[["Ctx"], date | None]
DetailsFn = Callable[["Ctx"], dict[str, Any]]


def always(_: Ctx) -> Tri:
    return True


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    conclusion: str
    outcome: Any  # a duty status, or the value of a non-duty conclusion
    source: Citation
    message: str  # English msgid, marked with N_, named placeholders only
    condition: Condition = always
    reads: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None  # inclusive
    regions: frozenset[str] | None = None  # region codes; None = all
    groups: frozenset[str] | None = None  # residence bases; None = all
    defeats: tuple[str, ...] = ()  # ids of the rules this exception overrides
    deadline: DateFn | None = None
    deadline_reads: tuple[str, ...] = ()
    deadline_message: str = ""  # appended when there is a deadline
    details: DetailsFn | None = None
    also_cites: tuple[Citation, ...] = ()
    reason_code: str = ""
    interpretation: bool = False  # the text does not settle it; the explanation says so
    ended: str = "ended"  # "replaced" when a newer instrument took over
    condition_text: str = ""  # short English description for the caseworker listing

    @property
    def citation(self) -> str:
        return self.source.text

    @property
    def citations(self) -> tuple[str, ...]:
        return (self.source.text, *[c.text for c in self.also_cites])

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class ConclusionSpec:
    """A question the rulebook answers, with its answer when no rule applies."""

    name: str
    duty: bool
    default: Any
    default_message: str
    default_reason: str = ""


# --- three-valued helpers ----------------------------------------------------------------
def and3(*values: Tri) -> Tri:
    result: Tri = True
    for v in values:
        if v is False:
            return False
        if v is None:
            result = None
    return result


def or3(*values: Tri) -> Tri:
    result: Tri = False
    for v in values:
        if v is True:
            return True
        if v is None:
            result = None
    return result


def not3(value: Tri) -> Tri:
    return None if value is None else not value


# --- the evaluation context -------------------------------------------------------------
BENEFIT_RECEIVED: Final = frozenset({"self_support_and_return_benefit", "transition_benefit"})


class Ctx:
    """Facts on one date, with the derived values conditions use.

    Built once per assessment; the engine fills in ``readiness`` after resolving the
    readiness conclusion (conditions of later conclusions read it).
    """

    __slots__ = (
        "_cache",
        "activity_ready",
        "benefit",
        "book",
        "f",
        "job_ready",
        "kinds",
        "on",
        "presumed",
        "readiness",
        "readiness_missing",
        "region",
        "residence",
        "visited",
    )

    def __init__(self, facts: Facts, on: date, book: Any = None) -> None:
        self.book = book  # the Rulebook (talk forms on past dates are looked up through it)
        self.f = facts
        self.on = on
        code = facts.municipality_code
        self.region: str | None = MUNICIPALITIES[code].region if code is not None else None
        self.residence: str | None = facts.residence_basis
        b = facts.benefit
        self.benefit: Tri = None if b is None else b in BENEFIT_RECEIVED
        self.kinds: frozenset[str] = (
            frozenset(d.kind for d in facts.decisions if d.active_on(on))
            if facts.decisions
            else frozenset()
        )
        v = facts.visitation_on
        if v is not None:
            self.visited: Tri = v <= on
        else:
            self.visited = False if facts.readiness is None else None
        # filled in by the engine from the readiness conclusion
        self.readiness: str | None = None
        self.presumed = False
        self.job_ready: Tri = None
        self.activity_ready: Tri = None
        self.readiness_missing: tuple[str, ...] = ("readiness",)
        self._cache: dict[str, Any] | None = None

    def set_readiness(self, value: str | None, presumed: bool, missing: tuple[str, ...]) -> None:
        self.readiness = value
        self.presumed = presumed
        if value is None:
            self.job_ready = self.activity_ready = None
            self.readiness_missing = missing or ("readiness",)
        else:
            self.job_ready = value == "job_ready"
            self.activity_ready = not self.job_ready
            self.readiness_missing = ()

    def cache(self) -> dict[str, Any]:
        if self._cache is None:
            self._cache = {}
        return self._cache

    # -- derived facts used by several rules --
    def between(self, value: date | None, start: date, end: date) -> Tri:
        return None if value is None else start <= value <= end

    def missing(self, names: tuple[str, ...]) -> list[str]:
        """The fact names among ``names`` whose values are unknown here."""
        out: list[str] = []
        f = self.f
        for name in names:
            if name == "readiness":
                out.extend(self.readiness_missing)
            elif name == "visitation_on":
                if self.visited is None:
                    out.append("visitation_on")
            elif name in ("decisions", "talks", "offers") or name in RECORDS:
                continue
            elif getattr(f, name, None) is None:
                out.append(name)
        return out

    def read(self, name: str) -> Any:
        """A fact's value for the trace (derived names included)."""
        if name == "readiness":
            return self.readiness
        if name == "decisions":
            return sorted(self.kinds)
        if name == "talks":
            return len(self.f.talks)
        if name == "offers":
            return sorted({o.kind for o in self.f.offers if o.active_on(self.on)})
        value = getattr(self.f, name)
        return value.isoformat() if isinstance(value, date) else value

    def company_offers(self) -> list[Any]:
        return [o for o in self.f.offers if o.kind in COMPANY_OFFERS]
