"""Renderings of an assessment.

``to_document`` builds the contract JSON (RULES-CONTRACT.md) with the citizen's
explanation of each duty: the message of the decisive rule in plain language,
translated with ``translate(msgid) % params``. ``caseworker_lines`` lists every
candidate rule of every conclusion with its outcome and citation, e.g.
"BEK nr. 1307 af 7. september 2020 § 13, stk. 2 — not applied: replaced 1 January 2025".
Citations stay in official Danish form in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from portal.rules.book import DUTY_CODES
from portal.rules.book.talks import ALL_FORMS
from portal.rules.dates import format_date_en
from portal.rules.engine import (
    APPLIED,
    CONDITION_FALSE,
    NOT_IN_FORCE,
    OTHER_GROUP,
    OTHER_REGION,
    Assessment,
    Result,
    TraceEntry,
    assess,
)
from portal.rules.i18n import N_, Translate, identity
from portal.rules.model import BEK1307, BEK2024, INSTRUMENTS
from portal.rules.regions import MUNICIPALITIES, REGIONS

DASH: Final = "\u2013"

MSG_INTERPRETATION: Final = N_(
    "This is the portal's reading of the rules; the legal text does not settle it."
)
MSG_MISSING: Final = N_("We cannot work this out yet. Your jobcentre needs to record: %(facts)s.")
MSG_DEADLINE_MISSING: Final = N_(
    "The date cannot be worked out until your jobcentre has recorded: %(facts)s."
)

FACT_LABELS: Final[Mapping[str, str]] = {
    "municipality_code": N_("your municipality"),
    "residence_basis": N_("the basis of your residence permit"),
    "benefit": N_("which benefit you receive"),
    "municipality_took_over_on": N_("when the municipality took over responsibility for you"),
    "readiness": N_("whether you are job-ready or activity-ready"),
    "visitation_on": N_("the date of your assessment"),
    "applied_for_benefit_on": N_("when you applied for benefit"),
    "registered_as_job_seeker_on": N_("when you registered as a job seeker"),
    "cpr_registered_on": N_("when you were registered in the CPR register"),
    "has_phone_or_computer": N_("whether you have a phone, tablet or computer"),
    "guidance_given_on": N_("when you had written guidance on your rights and duties"),
    "in_ordinary_work_or_education": N_("whether you are in ordinary work or education"),
    "contract_goals_met": N_("whether you have met the goals in your contract"),
    "contract_signed_on": N_("when you signed your contract"),
    "programme_started_on": N_("when your programme started"),
    "child_born_on": N_("your child's date of birth"),
    "parental_leave_until": N_("when your parental leave ends"),
    "covid_risk_group": N_("whether you are in a COVID-19 risk group"),
    "doubt_about_stays_abroad": N_(
        "whether the doubt about your availability is about stays abroad"
    ),
    "new_municipality_accepted": N_(
        "whether your new municipality has accepted responsibility for your programme"
    ),
}

LINE_APPLIED: Final = N_("applied")
LINE_DEFEATED: Final = N_("not applied: overridden by %(citation)s")
LINE_NOT_YET: Final = N_("not applied: in force from %(date)s")
LINE_REPLACED: Final = N_("not applied: replaced %(date)s")
LINE_ENDED: Final = N_("not applied: ended %(date)s")
LINE_OTHER_REGION: Final = N_("not applied: applies only in %(regions)s")
LINE_OTHER_GROUP: Final = N_("not applied: applies to another group of people")
LINE_CONDITION: Final = N_("not applied: its conditions are not met")
LINE_NO_BASE: Final = N_("not applied: the rule it makes an exception to does not apply")
LINE_UNKNOWN: Final = N_("undecided: missing %(facts)s")
LINE_INTERPRETATION: Final = N_("(interpretation)")

RENDER_MESSAGES: Final[frozenset[str]] = frozenset(
    {
        MSG_INTERPRETATION,
        MSG_MISSING,
        MSG_DEADLINE_MISSING,
        *FACT_LABELS.values(),
        LINE_APPLIED,
        LINE_DEFEATED,
        LINE_NOT_YET,
        LINE_REPLACED,
        LINE_ENDED,
        LINE_OTHER_REGION,
        LINE_OTHER_GROUP,
        LINE_CONDITION,
        LINE_NO_BASE,
        LINE_UNKNOWN,
        LINE_INTERPRETATION,
    }
)

REGULATION_CITATIONS: Final[Mapping[str, str]] = {
    BEK1307: INSTRUMENTS[BEK1307].title,
    BEK2024: INSTRUMENTS[BEK2024].title,
}


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _param(value: Any) -> str:
    if value is None:
        return DASH
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _facts_text(names: tuple[str, ...], translate: Translate) -> str:
    return ", ".join(translate(FACT_LABELS.get(n, n)) for n in names)


def _message(msgid: str, params: Mapping[str, Any], translate: Translate) -> str:
    return translate(msgid) % params


def explain(assessment: Assessment, name: str, translate: Translate = identity) -> str:
    """The citizen's explanation of one conclusion (the decisive rule, translated)."""
    result = assessment[name]
    details = assessment.details(name)
    params: dict[str, str] = {k: _param(v) for k, v in details.items()}
    params["deadline"] = _param(result.deadline)
    parts: list[str] = []
    primary = result.primary
    if primary is not None:
        parts.append(_message(primary.message, params, translate))
        if result.deadline is not None and primary.deadline_message:
            parts.append(_message(primary.deadline_message, params, translate))
    elif not result.known:
        parts.append(
            _message(MSG_MISSING, {"facts": _facts_text(result.missing, translate)}, translate)
        )
    else:
        parts.append(translate(assessment.rulebook.specs[name].default_message))
    if result.deadline_missing:
        parts.append(
            _message(
                MSG_DEADLINE_MISSING,
                {"facts": _facts_text(result.deadline_missing, translate)},
                translate,
            )
        )
    if result.interpretation:
        parts.append(translate(MSG_INTERPRETATION))
    return " ".join(parts)


def _duty(assessment: Assessment, code: str, translate: Translate) -> dict[str, Any]:
    result = assessment[code]
    citations = list(result.citations)
    rules = list(result.rule_ids)
    explanation = explain(assessment, code, translate)
    details = assessment.details(code)
    if code == "availability" and result.known and result.value == "applies":
        sanctions = assessment["sanctions"]
        explanation += " " + explain(assessment, "sanctions", translate)
        details["sanction_possible"] = sanctions.value if sanctions.known else None
        details["guidance_given_on"] = _iso(assessment.facts.guidance_given_on)
        for c in sanctions.citations:
            if c not in citations:
                citations.append(c)
        rules.extend(sanctions.rule_ids)
    missing = list(result.missing or result.deadline_missing)
    return {
        "code": code,
        "status": result.value if result.known else "unknown",
        "deadline": _iso(result.deadline),
        "citations": citations,
        "rules": rules,
        "explanation": explanation,
        "missing_facts": missing,
        "reason_code": result.reason,
        "interpretation": result.interpretation,
        "details": {k: v for k, v in details.items() if not k.endswith("_amount")},
    }


def _value(result: Result) -> Any:
    return result.value if result.known else None


def to_document(
    assessment: Assessment, *, translate: Translate = identity, trace: bool = False
) -> dict[str, Any]:
    """The contract JSON document for ``assessment``."""
    if trace and assessment.trace is None:
        assessment = assess(
            assessment.facts, assessment.on, trace=True, rulebook=assessment.rulebook
        )
    ctx = assessment.ctx
    reg = assessment["regulation"]
    readiness = assessment["readiness"]
    visitation = assessment["visitation"]
    forms = assessment["talk_forms"]
    follow = assessment["follow_up_talks"]
    follow_details = assessment.details("follow_up_talks") if follow.known else {}
    code = assessment.facts.municipality_code
    region = REGIONS[ctx.region] if ctx.region else None
    doc: dict[str, Any] = {
        "on": assessment.on.isoformat(),
        "rulebook_version": assessment.rulebook.version,
        "regulation": {
            "id": reg.value if reg.known else "unknown",
            "citation": REGULATION_CITATIONS.get(reg.value) if reg.known else None,
            "rules": list(reg.rule_ids),
            "reason_code": reg.reason,
            "missing_facts": list(reg.missing),
            "explanation": explain(assessment, "regulation", translate),
        },
        "region": {
            "code": region.code if region else None,
            "zone": region.zone if region else None,
            "name": region.name if region else None,
            "municipality_code": code,
            "municipality": MUNICIPALITIES[code].name if code else None,
        },
        "readiness": {
            "value": _value(readiness),
            "presumed": readiness.reason == "presumed",
            "visitation_due": _iso(visitation.deadline),
            "citations": list(dict.fromkeys((*readiness.citations, *visitation.citations))),
            "rules": [*readiness.rule_ids, *visitation.rule_ids],
            "missing_facts": list(readiness.missing),
            "explanation": explain(assessment, "readiness", translate),
        },
        "talks": {
            "allowed_forms": (
                [f for f in ALL_FORMS if f in forms.value]
                if forms.known and forms.value is not None
                else None
            ),
            "required": follow_details.get("required"),
            "window_ends": follow_details.get("window_ends"),
            "held_counting": follow_details.get("held_counting"),
            "next_due": follow_details.get("next_due"),
            "citations": list(forms.citations),
            "rules": list(forms.rule_ids),
        },
        "attendance": _attendance(assessment, translate),
        "duties": [_duty(assessment, c, translate) for c in DUTY_CODES],
    }
    if trace:
        doc["trace"] = [_trace_json(e) for e in assessment.trace or ()]
    return doc


def _attendance(assessment: Assessment, translate: Translate) -> dict[str, Any]:
    att, risk = assessment["attendance"], assessment["risk_group"]
    explanation = explain(assessment, "attendance", translate)
    if risk.known and risk.value is True:
        explanation += " " + explain(assessment, "risk_group", translate)
    return {
        "in_person": _value(att),
        "risk_group_precaution": _value(risk),
        "citations": list(dict.fromkeys((*att.citations, *risk.citations))),
        "rules": [*att.rule_ids, *risk.rule_ids],
        "missing_facts": list(risk.missing),
        "explanation": explanation,
    }


def _trace_json(e: TraceEntry) -> dict[str, Any]:
    out: dict[str, Any] = {
        "conclusion": e.conclusion,
        "rule": e.rule.id,
        "outcome": e.outcome,
        "citation": e.rule.citation,
        "facts": dict(e.facts),
    }
    if e.note:
        out["note"] = e.note
    if e.missing:
        out["missing_facts"] = list(e.missing)
    if e.rule.interpretation:
        out["interpretation"] = True
    return out


@dataclass(frozen=True, slots=True)
class CaseworkerLine:
    conclusion: str
    rule_id: str
    citation: str
    outcome: str  # the trace outcome (applied, defeated_by:<id>, not_in_force, ...)
    text: str  # "<citation> — <status>", translated

    def __str__(self) -> str:
        return self.text


def caseworker_lines(
    assessment: Assessment,
    translate: Translate = identity,
    *,
    format_date: Callable[[date], str] = format_date_en,
) -> list[CaseworkerLine]:
    """Every candidate rule of every conclusion, with its outcome and citation."""
    if assessment.trace is None:
        assessment = assess(
            assessment.facts, assessment.on, trace=True, rulebook=assessment.rulebook
        )
    by_id = assessment.rulebook.by_id
    lines: list[CaseworkerLine] = []
    if len(_LINE_CACHE) > 50_000:
        _LINE_CACHE.clear()
    for e in assessment.trace or ():
        r = e.rule
        key = (translate, format_date, r.id, e.outcome, e.note, e.missing)
        text = _LINE_CACHE.get(key)
        if text is None:
            text = _LINE_CACHE[key] = _line(e, by_id, translate, format_date)
        lines.append(CaseworkerLine(e.conclusion, r.id, r.citation, e.outcome, text))
    return lines


_LINE_CACHE: dict[tuple[Any, ...], str] = {}


def _line(
    e: TraceEntry,
    by_id: Mapping[str, Any],
    translate: Translate,
    format_date: Callable[[date], str],
) -> str:
    """``"<citation> — <outcome>"`` for one trace entry, translated."""
    r = e.rule
    if e.outcome == APPLIED:
        status = translate(LINE_APPLIED)
    elif e.outcome.startswith("defeated_by:"):
        other = by_id[e.outcome.split(":", 1)[1]]
        status = translate(LINE_DEFEATED) % {"citation": other.citation}
    elif e.outcome == NOT_IN_FORCE and e.note == "not_yet_in_force":
        assert r.valid_from is not None
        status = translate(LINE_NOT_YET) % {"date": format_date(r.valid_from)}
    elif e.outcome == NOT_IN_FORCE:
        assert r.valid_to is not None
        if e.note == "replaced":
            day = format_date(r.valid_to + timedelta(days=1))
            status = translate(LINE_REPLACED) % {"date": day}
        else:
            status = translate(LINE_ENDED) % {"date": format_date(r.valid_to)}
    elif e.outcome == OTHER_REGION:
        names = ", ".join(REGIONS[c].name for c in sorted(r.regions or ()))
        status = translate(LINE_OTHER_REGION) % {"regions": names}
    elif e.outcome == OTHER_GROUP:
        status = translate(LINE_OTHER_GROUP)
    elif e.outcome == CONDITION_FALSE:
        status = translate(LINE_NO_BASE if e.note == "base_not_applicable" else LINE_CONDITION)
    else:
        status = translate(LINE_UNKNOWN) % {"facts": ", ".join(e.missing)}
    if r.interpretation:
        status += " " + translate(LINE_INTERPRETATION)
    return f"{r.citation} \u2014 {status}"
