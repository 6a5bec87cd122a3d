"""Catalogue tool: extract, update, compile and check the translations.

    python scripts/i18n.py extract   # templates + code -> translations/messages.pot
    python scripts/i18n.py update    # messages.pot -> every locale's messages.po
    python scripts/i18n.py compile   # .po -> .mo (built, never committed)
    python scripts/i18n.py check     # fails on a stale .pot, untranslated, fuzzy or
                                     # placeholder-broken entries, or a missing review header

The POT file is written without dates or line numbers, so it changes only when a
message changes and "stale" can be checked by regenerating it.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.i18n.catalogue_check import catalogue_problems  # noqa: E402
from portal.i18n.catalogues import NOT_REVIEWED, REVIEW_HEADER, po_path, review_status  # noqa: E402
from portal.i18n.locales import CODES  # noqa: E402

POT = ROOT / "translations" / "messages.pot"
TRANSLATED = tuple(c for c in CODES if c != "en")  # English is the source language
KEYWORDS = ["_", "_l", "N_", "gettext", "lazy_gettext", "ngettext:1,2", "lazy_ngettext:1,2"]


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def extract(target: Path = POT) -> None:
    kw = [a for k in KEYWORDS for a in ("-k", k)]
    _pybabel(
        "extract", "-F", "babel.cfg", *kw, "--no-location", "--omit-header",
        "--sort-output", "--no-wrap", "-o", str(target), "portal", "templates",
    )


def update() -> None:
    for code in TRANSLATED:
        status = review_status(code) or NOT_REVIEWED
        path = po_path(code)
        if not path.exists():
            _pybabel("init", "-i", str(POT), "-d", "translations", "-l", code, "--no-wrap")
        _pybabel(
            "update", "-i", str(POT), "-d", "translations", "-l", code,
            "--ignore-obsolete", "--no-wrap", "--no-fuzzy-matching",
        )
        _set_review_header(path, status)


def _set_review_header(path: Path, status: str) -> None:
    """Babel drops unknown headers when it rewrites a catalogue; put ours back."""
    text = path.read_text(encoding="utf-8")
    line = f'"{REVIEW_HEADER}: {status}\\n"\n'
    text = re.sub(rf'^"{REVIEW_HEADER}: [^\n]*\n', "", text, flags=re.MULTILINE)
    text = text.replace('"Generated-By:', line + '"Generated-By:', 1)
    path.write_text(text, encoding="utf-8")


def compile_all() -> None:
    _pybabel("compile", "-d", "translations", "--statistics")


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        extract(fresh)
        if not POT.exists() or fresh.read_text("utf-8") != POT.read_text("utf-8"):
            problems.append("translations/messages.pot is stale: run `make i18n-extract`.")
    template = read_po(io.BytesIO(POT.read_bytes())) if POT.exists() else None
    for code in TRANSLATED:
        path = po_path(code)
        if not path.exists():
            problems.append(f"{code}: no catalogue at {path.relative_to(ROOT)}")
            continue
        problems += catalogue_problems(code, path.read_text("utf-8"), template)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"i18n-check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"i18n-check: {len(TRANSLATED)} catalogues complete, none fuzzy, placeholders match")
    return 0


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
