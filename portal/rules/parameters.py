"""Dated parameters (amounts, durations, dates) loaded from ``data/parameters.json``.

Every value carries its legal source; the loader checks, at import time, that each
value has a source, that money is whole kroner (``int``, never ``float``), that dates
are ISO dates, and that the periods of one parameter do not overlap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from portal.rules.dates import parse_iso_date
from portal.rules.errors import RulebookError

DATA = Path(__file__).with_name("data") / "parameters.json"
UNITS = frozenset({"date", "months", "weeks", "days", "count", "hours", "dkk"})


@dataclass(frozen=True, slots=True)
class ParameterValue:
    value: Any  # date | int | Mapping[str, int] | None
    source: str
    instrument: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None  # inclusive
    note: str | None = None

    def covers(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    unit: str
    description: str
    values: tuple[ParameterValue, ...]


def _date_or_none(name: str, raw: Any) -> date | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise RulebookError(f"parameter {name}: dates must be 'YYYY-MM-DD' strings")
    try:
        return parse_iso_date(raw)
    except ValueError as exc:
        raise RulebookError(f"parameter {name}: {exc}") from None


def _check_value(name: str, unit: str, nullable: bool, raw: Any) -> Any:
    if raw is None:
        if not nullable:
            raise RulebookError(f"parameter {name}: null is only allowed when nullable")
        return None
    if unit == "date":
        return _date_or_none(name, raw)
    if unit == "dkk":
        amounts = raw if isinstance(raw, dict) else {"amount": raw}
        for key, amount in amounts.items():
            if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
                raise RulebookError(
                    f"parameter {name}.{key}: money must be whole kroner (int), got {amount!r}"
                )
        return MappingProxyType(dict(amounts)) if isinstance(raw, dict) else raw
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise RulebookError(f"parameter {name}: {unit} must be a non-negative int, got {raw!r}")
    return raw


def _parse(raw: Mapping[str, Any]) -> dict[str, Parameter]:
    params: dict[str, Parameter] = {}
    for name, spec in raw["parameters"].items():
        unit = spec.get("unit")
        if unit not in UNITS:
            raise RulebookError(f"parameter {name}: unknown unit {unit!r}")
        nullable = bool(spec.get("nullable", False))
        values: list[ParameterValue] = []
        for i, v in enumerate(spec.get("values") or ()):
            source = v.get("source")
            if not isinstance(source, str) or not source.strip():
                raise RulebookError(f"parameter {name}.values[{i}]: a legal source is required")
            if "value" not in v:
                raise RulebookError(f"parameter {name}.values[{i}]: missing value")
            pv = ParameterValue(
                value=_check_value(name, unit, nullable, v["value"]),
                source=source,
                instrument=v.get("instrument"),
                valid_from=_date_or_none(name, v.get("valid_from")),
                valid_to=_date_or_none(name, v.get("valid_to")),
                note=v.get("note"),
            )
            if pv.valid_from and pv.valid_to and pv.valid_to < pv.valid_from:
                raise RulebookError(f"parameter {name}.values[{i}]: valid_to before valid_from")
            values.append(pv)
        if not values:
            raise RulebookError(f"parameter {name}: no values")
        _check_overlaps(name, values)
        params[name] = Parameter(name, unit, str(spec.get("description", "")), tuple(values))
    return params


def _check_overlaps(name: str, values: list[ParameterValue]) -> None:
    lo, hi = date.min, date.max
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if a.instrument != b.instrument:
                continue
            start = max(a.valid_from or lo, b.valid_from or lo)
            if start <= min(a.valid_to or hi, b.valid_to or hi):
                raise RulebookError(f"parameter {name}: overlapping periods for {a.instrument}")


class Parameters:
    """Look-ups by name, optionally by instrument and date."""

    def __init__(self, params: Mapping[str, Parameter], digest: str) -> None:
        self._params = dict(params)
        self.digest = digest

    def __contains__(self, name: object) -> bool:
        return name in self._params

    def __iter__(self) -> Any:
        return iter(self._params.values())

    def entry(
        self, name: str, *, instrument: str | None = None, on: date | None = None
    ) -> ParameterValue:
        try:
            param = self._params[name]
        except KeyError:
            raise RulebookError(f"unknown parameter {name!r}") from None
        for pv in param.values:
            if pv.instrument == instrument and (on is None or pv.covers(on)):
                return pv
        raise RulebookError(f"parameter {name!r} has no value for {instrument!r} on {on}")

    def get(self, name: str, *, instrument: str | None = None, on: date | None = None) -> Any:
        return self.entry(name, instrument=instrument, on=on).value

    def get_date(self, name: str) -> date:
        value = self.get(name)
        if not isinstance(value, date):
            raise RulebookError(f"parameter {name!r} is not a date")
        return value

    def get_optional_date(self, name: str) -> date | None:
        value = self.get(name)
        if value is not None and not isinstance(value, date):
            raise RulebookError(f"parameter {name!r} is not a date")
        return value

    def get_int(self, name: str, instrument: str | None = None) -> int:
        value = self.get(name, instrument=instrument)
        if not isinstance(value, int):
            raise RulebookError(f"parameter {name!r} is not an int")
        return value

    def amounts(self, name: str, instrument: str) -> Mapping[str, int]:
        value = self.get(name, instrument=instrument)
        if not isinstance(value, Mapping):
            raise RulebookError(f"parameter {name!r} is not a set of amounts")
        return value


def load(path: Path = DATA) -> Parameters:
    data = path.read_bytes()
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise RulebookError(f"{path.name}: {exc}") from None
    return Parameters(_parse(raw), hashlib.sha256(data).hexdigest())


PARAMS = load()
