"""Our semgrep rules catch what they are for (so they cannot silently stop working)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from portal.config import ROOT

SEMGREP = shutil.which("semgrep") or str(Path(ROOT / ".venv/bin/semgrep"))

BAD = {
    "templates/page.html": "<p>{{ user_text|safe }}</p>\n",
    "portal/markup.py": "from markupsafe import Markup\n\ndef f(x):\n    return Markup(x)\n",
    "portal/sql.py": (
        "from sqlalchemy import text\n\ndef f(session, name):\n"
        "    return session.execute(text(f\"SELECT * FROM citizen WHERE name = '{name}'\"))\n"
    ),
    "portal/tpl.py": (
        "from flask import render_template_string, request\n\ndef view():\n"
        "    return render_template_string(request.args['t'])\n"
    ),
    "portal/rules/clock.py": "import datetime\n\ndef f():\n    return datetime.date.today()\n",
}


@pytest.mark.skipif(not Path(SEMGREP).exists(), reason="semgrep is installed by make install")
def test_each_rule_finds_its_bad_sample(tmp_path: Path) -> None:
    for name, text in BAD.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = subprocess.run(
        [SEMGREP, "scan", "--config", str(ROOT / ".semgrep/rules.yml"), "--metrics=off",
         "--disable-version-check", "--json", "--quiet", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    found = {r["check_id"].rsplit(".", 1)[-1] for r in json.loads(result.stdout)["results"]}
    assert found == {
        "no-safe-filter-in-templates", "no-markup-of-variables", "no-raw-sql-string-building",
        "no-render-template-string", "no-clock-in-rules",
    }
