"""The contract in words, in the active language (and in Danish, the binding one).

Called in a request; ``bilingual`` renders the same version twice with
``flask_babel.force_locale``. The sections the law requires and the kinds of activity are
translated from the catalogues. What the caseworker wrote (goal, activity details, Danish
education, the municipality's tasks) is shown in the citizen's language where the
municipality translated it for this version (``portal.contract.translation``), and
otherwise in Danish, marked ``lang="da"`` with a note that says so. The Danish column
always shows the binding Danish text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask_babel import force_locale, format_date, format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.contract import activity_kinds, translation
from portal.contract.legal_sections import HEADINGS, TEXTS
from portal.i18n import locales
from portal.models import ContractVersion

STATUS_LABELS = {
    "draft": _l("Draft"),
    "sent": _l("Sent, waiting for the citizen"),
    "accepted": _l("Accepted by the citizen"),
    "accepted_other_way": _l("Accepted another way"),
    "not_signed": _l("Not signed, reason recorded"),
    "set_by_municipality": _l("Set by the municipality"),
    "superseded": _l("Replaced by a later version"),
}


def status_label(status: object) -> str:
    return str(STATUS_LABELS.get(str(status), str(status)))


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str
    citation: str


@dataclass(frozen=True)
class Written:
    """A part the caseworker wrote, as one column shows it: the municipality's translation
    (``lang`` is the column's locale) or the binding Danish text (``lang`` is ``da``)."""

    text: str
    lang: str = "da"

    @property
    def dir(self) -> str:
        return locales.get(self.lang).direction

    @property
    def translated(self) -> bool:
        return self.lang != "da"


@dataclass(frozen=True)
class Activity:
    title: str  # the details as the caseworker wrote them, in Danish ("" if none)
    starts_on: dt.date
    ends_on: dt.date | None
    hours_per_week: int | None
    week: int
    kind: str | None = None
    #: the kind's name in the column's language ("" for rows without a kind)
    kind_label: str = ""
    #: the details in this column: translated, or the Danish text (None if there are none)
    details: Written | None = None

    def line(self) -> str:
        start = format_date(self.starts_on, "d MMMM y")
        if self.ends_on:
            period = _("week %(week)d: from %(start)s to %(end)s", week=self.week, start=start,
                       end=format_date(self.ends_on, "d MMMM y"))
        else:
            period = _("week %(week)d: from %(start)s", week=self.week, start=start)
        if self.hours_per_week:
            return _("%(period)s, %(hours)d hours a week", period=period,
                     hours=self.hours_per_week)
        return period


def _param(value: Any) -> str:
    if isinstance(value, int):
        return str(format_decimal(value, "#,##0"))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return str(format_date(dt.date.fromisoformat(value), "d MMMM y"))
        except ValueError:
            return value
    return "–" if value is None else str(value)


def sections(version: ContractVersion) -> list[Section]:
    result = []
    for item in version.legal_sections:
        key = item["key"]
        params = {k: _param(v) for k, v in item.get("params", {}).items()}
        text = str(TEXTS[key]) % params if params else str(TEXTS[key])
        result.append(Section(key, str(HEADINGS[key]), text, item["citation"]))
    return result


def _written(danish: str, translated: str | None, locale: str) -> Written:
    return Written(translated, locale) if translated else Written(danish)


def activities(version: ContractVersion,
               tr: translation.Current | None = None) -> list[Activity]:
    """The activities in date order, kind names in the active language, details translated
    where ``tr`` has them."""
    locale = str(get_locale())
    result = []
    for index, row in enumerate(version.activities):
        start = dt.date.fromisoformat(row["starts_on"])
        end = dt.date.fromisoformat(row["ends_on"]) if row.get("ends_on") else None
        title = row.get("title") or ""
        details = (_written(title, tr.activities.get(index) if tr else None, locale)
                   if title else None)
        kind = row.get("kind")
        result.append(Activity(title, start, end, row.get("hours_per_week"),
                               start.isocalendar().week, kind, activity_kinds.label(kind),
                               details))
    return sorted(result, key=lambda a: a.starts_on)


def activity_names(rows: list[dict[str, Any]]) -> str:
    """Stored activity rows as one line of Danish ("Virksomhedspraktik: Netto, …"), for
    the version history, which shows what changed in the binding text."""
    with force_locale("da"):
        names = [": ".join(p for p in (activity_kinds.label(row.get("kind")),
                                       row.get("title") or "") if p)
                 for row in rows]
    return ", ".join(names)


@dataclass(frozen=True)
class Week:
    """One calendar week (Monday first) of the plan: what runs and the hours in total."""

    number: int
    monday: dt.date
    items: list[Activity]

    @property
    def hours(self) -> int:
        return sum(a.hours_per_week or 0 for a in self.items)


def weeks(acts: list[Activity], limit: int = 8) -> list[Week]:
    """The first ``limit`` weeks from the earliest activity, each with what runs then."""
    if not acts:
        return []
    monday = acts[0].starts_on - dt.timedelta(days=acts[0].starts_on.weekday())
    result = []
    for n in range(limit):
        start = monday + dt.timedelta(weeks=n)
        end = start + dt.timedelta(days=6)
        items = [a for a in acts
                 if a.starts_on <= end and (a.ends_on is None or a.ends_on >= start)]
        if items:
            result.append(Week(start.isocalendar().week, start, items))
    return result


@dataclass(frozen=True)
class Rendering:
    locale: str
    sections: list[Section]
    activities: list[Activity]
    activity_lines: list[str]
    labels: dict[str, str]
    goal: Written
    danish_education: Written
    municipality_tasks: Written
    coordinating_department: Written
    #: some of the caseworker's text is shown translated in this column, and by whom
    translated: bool
    translated_by: str
    #: the notes, in this column's language ("" where they do not apply)
    notes: dict[str, str]

    @property
    def language_name(self) -> str:
        return locales.get(self.locale).native_name

    @property
    def direction(self) -> str:
        return locales.get(self.locale).direction

    @property
    def pairs(self) -> list[tuple[Activity, str]]:
        return list(zip(self.activities, self.activity_lines, strict=True))

    def in_danish(self, *parts: Written | None) -> bool:
        """Shown in Danish in a column of another language: the note must say so."""
        return self.locale != "da" and any(p is not None and not p.translated for p in parts)

    def activities_in_danish(self) -> bool:
        return self.in_danish(*(a.details for a in self.activities))

    def plan_in_danish(self, plan: list[Week]) -> bool:
        return self.in_danish(*(a.details for week in plan for a in week.items))


def render(version: ContractVersion) -> Rendering:
    locale = str(get_locale())
    tr = translation.current(version, locale)
    fields = tr.fields if tr else {}
    acts = activities(version, tr)
    used = tr is not None and tr.used
    translated_by = tr.translated_by if tr is not None and used else ""
    notes = {
        # the service refuses a translation without the translator's name
        "translated": _("Translated by the municipality (%(name)s). The Danish text is "
                        "binding.", name=translated_by) if used else "",
        "in_danish": _("Your caseworker wrote this part in Danish. Ask your caseworker or an "
                       "interpreter to explain it.") if locale != "da" else "",
    }
    return Rendering(
        locale=locale,
        sections=sections(version),
        activities=acts,
        activity_lines=[a.line() for a in acts],
        labels={
            "goal": _("Employment or education goal"),
            "activities": _("Activities and offers"),
            "danish_education": _("Danish education"),
            "coordinating_department": _("Coordinating department"),
            "municipality_tasks": _("What the municipality will do"),
            "binding": _("the binding text"),
        },
        goal=_written(version.goal, fields.get("goal"), locale),
        danish_education=_written(version.danish_education, fields.get("danish_education"),
                                  locale),
        municipality_tasks=_written(version.municipality_tasks or "",
                                    fields.get("municipality_tasks"), locale),
        # a name (of a department), not a sentence: always as written
        coordinating_department=Written(version.coordinating_department),
        translated=used,
        translated_by=translated_by,
        notes=notes,
    )


def bilingual(version: ContractVersion) -> tuple[Rendering, Rendering]:
    """(in the active language, in Danish)."""
    mine = render(version)
    with force_locale("da"):
        danish = render(version)
    return mine, danish
