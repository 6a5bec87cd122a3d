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


def _scan(tmp_path: Path, config: str, files: dict[str, str]) -> list[dict]:
    """Write ``files`` under ``tmp_path`` (with our .semgrepignore: semgrep's default one
    would skip tests/) and return semgrep's findings with ``config``."""
    (tmp_path / ".semgrepignore").write_text((ROOT / ".semgrepignore").read_text())
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = subprocess.run(
        [SEMGREP, "scan", "--config", str(ROOT / ".semgrep" / config), "--metrics=off",
         "--disable-version-check", "--json", "--quiet", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    return json.loads(result.stdout)["results"]


@pytest.mark.skipif(not Path(SEMGREP).exists(), reason="semgrep is installed by make install")
def test_each_rule_finds_its_bad_sample(tmp_path: Path) -> None:
    results = _scan(tmp_path, "rules.yml", BAD)
    found = {r["check_id"].rsplit(".", 1)[-1] for r in results}
    assert found == {
        "no-safe-filter-in-templates", "no-markup-of-variables", "no-raw-sql-string-building",
        "no-render-template-string", "no-clock-in-rules",
    }


CLOCK_READS = {
    "portal/citizen/late.py": "import datetime as dt\n\ndef f():\n    return dt.date.today()\n",
    "portal/audit/stamp.py": (
        "from datetime import datetime, timezone\n\ndef f():\n"
        "    return datetime.now(timezone.utc)\n"
    ),
    "portal/models/row.py": "import datetime as dt\n\nDEFAULT = dt.datetime.now\n",
    "scripts/seed_more.py": "import time\n\nSTARTED = time.time()\n",
    "tests/test_late.py": "import datetime\n\ndef test():\n    assert datetime.datetime.utcnow()\n",
}
ALLOWED = {
    "portal/clock.py": "import datetime as dt\n\ndef now():\n    return dt.datetime.now(dt.UTC)\n",
    "tests/test_wait.py": "import time\n\ndef test():\n    assert time.monotonic() > 0\n",
}


@pytest.mark.skipif(not Path(SEMGREP).exists(), reason="semgrep is installed by make install")
def test_the_clock_rule_finds_every_planted_clock_read(tmp_path: Path) -> None:
    flagged = {r["path"] for r in _scan(tmp_path, "clock.yml", {**CLOCK_READS, **ALLOWED})}
    assert flagged == set(CLOCK_READS)
