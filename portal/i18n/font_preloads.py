"""The web fonts of the active script, to preload in the page head.

Long right-to-left text laid out first in a fallback font and again when Noto Sans Arabic
arrives moved the Arabic contract page (Lighthouse: layout shift 0.15). Preloading the
script's own font files — the ones its stylesheet uses first, nothing more — lets them
arrive with the stylesheet. Read once from the built ``static/dist/fonts-<script>.css``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from flask import Flask, url_for

from portal.config import ROOT

DIST = ROOT / "static" / "dist"
_URL = re.compile(r"url\((fonts/[^)]+\.woff2)\)")


@cache
def _files(script: str, dist: Path = DIST) -> tuple[str, ...]:
    """The first subset's files (one per weight) of the script's font stylesheet."""
    try:
        css = (dist / f"fonts-{script}.css").read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    names = _URL.findall(css)
    if not names:
        return ()
    first_subset = names[0].rsplit("-", 1)[0]  # fonts/ibm-plex-sans-latin(-400.<hash>)
    return tuple(n for n in names if n.rsplit("-", 1)[0] == first_subset)


def font_preloads(script: str) -> list[str]:
    return [url_for("static", filename=f"dist/{name}") for name in _files(script)]


def init_app(app: Flask) -> None:
    app.add_template_global(font_preloads, "font_preloads")
