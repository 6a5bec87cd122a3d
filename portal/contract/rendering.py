"""The contract in words, in the active language (and in Danish, the binding one).

Called in a request; ``bilingual`` renders the same version twice with
``flask_babel.force_locale``. What the caseworker wrote (goal, activities, …) is shown as
written, in Danish, in both columns; the sections the law requires are translated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask_babel import force_locale, format_date, format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

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
class Activity:
    title: str
    starts_on: dt.date
    ends_on: dt.date | None
    hours_per_week: int | None
    week: int

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


def activities(version: ContractVersion) -> list[Activity]:
    result = []
    for row in version.activities:
        start = dt.date.fromisoformat(row["starts_on"])
        end = dt.date.fromisoformat(row["ends_on"]) if row.get("ends_on") else None
        result.append(Activity(row["title"], start, end, row.get("hours_per_week"),
                               start.isocalendar().week))
    return sorted(result, key=lambda a: a.starts_on)


@dataclass(frozen=True)
class Week:
    """One calendar week (Monday first) of the plan: what runs and the hours in total."""

    number: int
    monday: dt.date
    items: list[tuple[str, int | None]]

    @property
    def hours(self) -> int:
        return sum(h or 0 for _title, h in self.items)


def weeks(acts: list[Activity], limit: int = 8) -> list[Week]:
    """The first ``limit`` weeks from the earliest activity, each with what runs then."""
    if not acts:
        return []
    monday = acts[0].starts_on - dt.timedelta(days=acts[0].starts_on.weekday())
    result = []
    for n in range(limit):
        start = monday + dt.timedelta(weeks=n)
        end = start + dt.timedelta(days=6)
        items = [(a.title, a.hours_per_week) for a in acts
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

    @property
    def language_name(self) -> str:
        return locales.get(self.locale).native_name

    @property
    def pairs(self) -> list[tuple[Activity, str]]:
        return list(zip(self.activities, self.activity_lines, strict=True))


def render(version: ContractVersion) -> Rendering:
    acts = activities(version)
    return Rendering(
        locale=str(get_locale()),
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
    )


def bilingual(version: ContractVersion) -> tuple[Rendering, Rendering]:
    """(in the active language, in Danish)."""
    mine = render(version)
    with force_locale("da"):
        danish = render(version)
    return mine, danish
