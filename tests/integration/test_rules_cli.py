"""``flask rules assess`` and ``flask rules list`` (RULES-CONTRACT.md, door 1).

Runs against a minimal Flask app with the command group registered, so it does not need
the database; the translations directory is the app's ``root_path/../translations``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask
from flask.testing import FlaskCliRunner

from portal.commands.rules import rules_cli

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days

FACTS = {
    "on": "2020-06-15",
    "municipality_code": "101",
    "residence_basis": "refugee",
    "benefit": "self_support_and_return_benefit",
    "municipality_took_over_on": "2020-04-08",
    "readiness": "job_ready",
    "visitation_on": "2020-05-01",
    "applied_for_benefit_on": "2020-04-08",
    "registered_as_job_seeker_on": "2020-04-09",
    "has_phone_or_computer": True,
    "contract_goals_met": False,
}
CV_MESSAGE = (
    "You applied for benefit or registered as unemployed between 1 March and 26 May 2020. "
    "Your CV must be registered and visible on Jobnet as soon as possible, and by "
    "15 August 2020 at the latest."
)


@pytest.fixture()
def runner(tmp_path: Path) -> FlaskCliRunner:
    app = Flask(__name__)
    app.root_path = str(tmp_path / "portal")
    catalog = Catalog(locale="da")
    catalog.add(CV_MESSAGE, "Dit cv skal være registreret senest 15. august 2020.")
    target = tmp_path / "translations" / "da" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as fh:
        write_mo(fh, catalog)
    app.cli.add_command(rules_cli)
    return app.test_cli_runner()


@pytest.fixture()
def facts_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS), encoding="utf-8")
    return path


def _duty(doc: dict[str, object], code: str) -> dict[str, object]:
    duties = doc["duties"]
    assert isinstance(duties, list)
    return next(d for d in duties if d["code"] == code)


def test_assess_prints_one_json_document(runner: FlaskCliRunner, facts_file: Path) -> None:
    result = runner.invoke(args=["rules", "assess", str(facts_file)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["on"] == "2020-06-15"
    assert doc["region"] == {
        "code": "hovedstaden",
        "zone": "east",
        "name": "Region Hovedstaden",
        "municipality_code": "101",
        "municipality": "København",
    }
    cv = _duty(doc, "cv")
    assert (cv["status"], cv["deadline"]) == ("applies", "2020-08-15")
    assert "trace" not in doc


def test_assess_reads_stdin_and_on_overrides(runner: FlaskCliRunner) -> None:
    result = runner.invoke(
        args=["rules", "assess", "-", "--on", "2020-08-15", "--trace"], input=json.dumps(FACTS)
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["on"] == "2020-08-15"
    assert _duty(doc, "self_booking")["status"] == "applies"
    assert doc["trace"]


def test_assess_translates_explanations(runner: FlaskCliRunner, facts_file: Path) -> None:
    result = runner.invoke(args=["rules", "assess", str(facts_file), "--lang", "da"])
    assert result.exit_code == 0, result.output
    cv = _duty(json.loads(result.stdout), "cv")
    assert cv["explanation"] == "Dit cv skal være registreret senest 15. august 2020."
    assert cv["citations"][0] == "Integrationsloven § 26 b, stk. 4"


@pytest.mark.parametrize(
    ("facts", "args", "field"),
    [
        ({**FACTS, "municipality_code": "411"}, [], "municipality_code"),
        (
            {
                **FACTS,
                "decisions": [{"kind": "cv_exemption", "from": "2020-05-01", "to": "2020-04-01"}],
            },
            [],
            "decisions[0].to",
        ),
        ({**FACTS, "readiness": "sleepy"}, [], "readiness"),
        (FACTS, ["--on", "2020-02-30"], "--on"),
        (FACTS, ["--lang", "Danish"], "--lang"),
        ({k: v for k, v in FACTS.items() if k != "on"}, [], "on"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    runner: FlaskCliRunner, tmp_path: Path, facts: dict[str, object], args: list[str], field: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    result = runner.invoke(args=["rules", "assess", str(path), *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {field}: ")


def test_malformed_json_exits_2(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["rules", "assess", "-"], input="{not json")
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr


def test_list_shows_every_rule(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["rules", "list"])
    assert result.exit_code == 0
    assert "self_booking.bek1307" in result.stdout
    assert "BEK nr. 1307 af 7. september 2020 § 13, stk. 2" in result.stdout
    listed = json.loads(runner.invoke(args=["rules", "list", "--json"]).stdout)
    row = next(r for r in listed if r["id"] == "self_booking.bek1307")
    assert (row["valid_from"], row["valid_to"]) == ("2020-09-08", "2024-12-31")
    assert next(r for r in listed if r["id"] == "talk_forms.covid.east")["valid_to"] is None
