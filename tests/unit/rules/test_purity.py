"""The rule module is pure: no clock, no Flask, no database."""

from __future__ import annotations

import ast
from pathlib import Path

import portal.rules

RULES_DIR = Path(portal.rules.__file__).parent
FORBIDDEN_MODULES = {"flask", "flask_babel", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "click"}
CLOCK = ("date.today", "datetime.now", "datetime.utcnow", "datetime.today", "time.time(")


def _sources() -> list[Path]:
    return sorted(RULES_DIR.rglob("*.py"))


def test_no_flask_or_database_imports() -> None:
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top not in FORBIDDEN_MODULES, f"{path.name} imports {name}"
                if top == "portal":
                    assert name.startswith("portal.rules"), f"{path.name} imports {name}"


def test_the_clock_is_never_read() -> None:
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for needle in CLOCK:
            assert needle not in text, f"{path.name} reads the clock ({needle})"
