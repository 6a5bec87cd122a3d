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

from portal.i18n.catalogues import NOT_REVIEWED, REVIEW_HEADER, po_path, review_status  # noqa: E402
from portal.i18n.locales import CODES  # noqa: E402

POT = ROOT / "translations" / "messages.pot"
TRANSLATED = tuple(c for c in CODES if c != "en")  # English is the source language
KEYWORDS = ["_", "_l", "N_", "gettext", "lazy_gettext", "ngettext:1,2", "lazy_ngettext:1,2"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|%[sdifr]")


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


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text) or [])


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
        if not review_status(code):
            problems.append(f"{code}: missing header {REVIEW_HEADER}")
        catalog = read_po(io.BytesIO(path.read_bytes()), locale=code)
        if template is not None:
            missing = {m.id for m in template if m.id} - {m.id for m in catalog if m.id}
            for msgid in sorted(map(str, missing)):
                problems.append(f"{code}: not in catalogue (run make i18n-update): {msgid!r}")
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
            strs = message.string if isinstance(message.string, tuple | list) else (
                message.string,)
            if message.fuzzy:
                problems.append(f"{code}: fuzzy: {ids[0]!r}")
            if not all(strs):
                problems.append(f"{code}: untranslated: {ids[0]!r}")
                continue
            want = _placeholders(ids[-1])
            for s in strs:
                if set(_placeholders(s)) != set(want) and set(_placeholders(s)) != set(
                    _placeholders(ids[0])
                ):
                    problems.append(f"{code}: placeholders differ in {ids[0]!r}: {s!r}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"i18n-check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"i18n-check: {len(TRANSLATED)} catalogues complete, no fuzzy entries, placeholders match")
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
