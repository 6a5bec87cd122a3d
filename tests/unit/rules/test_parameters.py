"""Dated parameters: a legal source for every value, whole kroner, checked at load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from portal.rules.errors import RulebookError
from portal.rules.parameters import DATA, PARAMS, load


def test_every_value_has_a_legal_source() -> None:
    for param in PARAMS:
        for value in param.values:
            assert value.source.strip(), param.name


def test_key_values() -> None:
    assert PARAMS.get_date("covid_suspension_from").isoformat() == "2020-03-13"
    assert PARAMS.get_date("covid_suspension_to").isoformat() == "2020-05-26"
    assert PARAMS.get_date("self_booking_reinstated_on").isoformat() == "2020-08-15"
    assert PARAMS.get_date("cv_transition_deadline").isoformat() == "2020-08-15"
    assert PARAMS.get_optional_date("east_west_split_to") is None  # open end, kept as data
    assert dict(PARAMS.amounts("danish_security_reduction_dkk", "bek-1307-2020")) == {
        "a1": 20000,
        "a2": 10000,
        "final_exam": 10000,
    }
    assert dict(PARAMS.amounts("danish_security_reduction_dkk", "bek-2024")) == {
        "a1": 11400,
        "a2": 7500,
        "final_exam": 7500,
    }
    entry = PARAMS.entry("danish_security_reduction_dkk", instrument="bek-2024")
    assert entry.source == "BEK af 30. december 2024 § 14, stk. 9"


def _write(tmp_path: Path, mutate: Any) -> Path:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    mutate(raw["parameters"])
    path = tmp_path / "parameters.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _drop_source(p: dict[str, Any]) -> None:
    del p["cv_deadline_weeks"]["values"][0]["source"]


def _float_money(p: dict[str, Any]) -> None:
    p["danish_security_reduction_dkk"]["values"][0]["value"]["a1"] = 20000.0


def _overlap(p: dict[str, Any]) -> None:
    p["follow_up_count"]["values"].append(
        {"value": 4, "instrument": "bek-1307-2020", "valid_from": "2024-01-01", "source": "x"}
    )


def _bad_date(p: dict[str, Any]) -> None:
    p["covid_suspension_from"]["values"][0]["value"] = "13-03-2020"


def _null_not_allowed(p: dict[str, Any]) -> None:
    p["covid_suspension_to"]["values"][0]["value"] = None


@pytest.mark.parametrize(
    "mutate", [_drop_source, _float_money, _overlap, _bad_date, _null_not_allowed]
)
def test_malformed_parameters_are_rejected_at_load(tmp_path: Path, mutate: Any) -> None:
    with pytest.raises(RulebookError):
        load(_write(tmp_path, mutate))


def test_the_shipped_file_loads(tmp_path: Path) -> None:
    assert load(_write(tmp_path, lambda p: None)).digest
