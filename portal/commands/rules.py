"""``flask rules`` — assess facts from a JSON file, or list the rulebook.

    flask --app app rules assess FACTS.json [--on YYYY-MM-DD] [--lang CODE] [--trace]
    flask --app app rules list [--json]

``assess`` prints one JSON document (RULES-CONTRACT.md) on stdout and exits 0; bad input
exits 2 with a message on stderr naming the field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import click
from flask import current_app
from flask.cli import AppGroup

from portal.rules.registry import list_rules
from portal.rules.service import AssessRequestError, assess_json, check_lang, parse_on

rules_cli = AppGroup(
    "rules", help="Assess a person's duties under the integration rules, or list the rules."
)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    raise click.exceptions.Exit(2)


@rules_cli.command("assess")
@click.argument("facts_file", metavar="FACTS.json", type=click.File("r", encoding="utf-8"))
@click.option("--on", "on", metavar="YYYY-MM-DD", help="Assessment date (overrides facts.on).")
@click.option("--lang", default="en", show_default=True, help="Language of the explanations.")
@click.option("--trace", is_flag=True, help="Include every candidate rule and its outcome.")
def assess_command(facts_file: IO[str], on: str | None, lang: str, trace: bool) -> None:
    """Assess FACTS.json (or - for stdin) and print the assessment as JSON."""
    try:
        data: Any = json.load(facts_file)
    except json.JSONDecodeError as exc:
        _fail(f"FACTS.json: not valid JSON ({exc.msg} at line {exc.lineno})")
    if not isinstance(data, dict):
        _fail("FACTS.json: the facts must be a JSON object")
    translations = Path(current_app.root_path).parent / "translations"
    try:
        when = parse_on(on, "--on") if on is not None else None
        check_lang(lang, "--lang")
        doc = assess_json(
            {**data, "lang": lang, "trace": trace}, on=when, translations_dir=translations
        )
    except AssessRequestError as exc:
        _fail(f"{exc.field}: {exc.message}" if exc.field else exc.message)
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))


@rules_cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_command(as_json: bool) -> None:
    """List every rule with its citation and validity."""
    rules = list_rules()
    if as_json:
        click.echo(json.dumps([r.as_json() for r in rules], ensure_ascii=False, indent=2))
        return
    width = max(len(r.id) for r in rules)
    click.echo(f"{'RULE':<{width}}  {'FROM':<10}  {'TO':<10}  CITATION")
    for r in rules:
        start = r.valid_from.isoformat() if r.valid_from else "…"
        end = r.valid_to.isoformat() if r.valid_to else "…"
        mark = " (interpretation)" if r.interpretation else ""
        click.echo(f"{r.id:<{width}}  {start:<10}  {end:<10}  {r.citation}{mark}")
