"""Page weight of a first visit: every resource the page loads, gzip-compressed.

The budgets (DEVELOPERS.md): HTML ≤ 15 KB, CSS ≤ 20 KB, JS ≤ 30 KB (gzip), and fonts
only for the active script. Fonts (woff2) are already compressed and count as sent.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Response

BUDGET = {"html": 15 * 1024, "css": 20 * 1024, "js": 30 * 1024}
SCRIPT_FONTS = {
    "latin": ("ibm-plex-sans-latin",),
    "cyrillic": ("ibm-plex-sans-cyrillic", "ibm-plex-sans-latin"),
    "arabic": ("noto-sans-arabic",),
    "ethiopic": ("noto-sans-ethiopic",),
}


@dataclass
class Weight:
    url: str
    by_kind: dict[str, int] = field(default_factory=dict)
    fonts: list[str] = field(default_factory=list)

    def add(self, kind: str, size: int) -> None:
        self.by_kind[kind] = self.by_kind.get(kind, 0) + size

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    def over_budget(self) -> dict[str, int]:
        return {k: v for k, v in self.by_kind.items() if k in BUDGET and v > BUDGET[k]}

    def foreign_fonts(self, script: str) -> list[str]:
        allowed = SCRIPT_FONTS[script]
        return [f for f in self.fonts if not f.rsplit("/", 1)[-1].startswith(allowed)]


def _kind(response: Response) -> str:
    ctype = response.headers.get("content-type", "").split(";")[0]
    if ctype == "text/html":
        return "html"
    if ctype == "text/css":
        return "css"
    if "javascript" in ctype:
        return "js"
    if ctype.startswith("font/") or response.url.endswith(".woff2"):
        return "font"
    return "other"


def measure(browser: Browser, url: str, storage_state: dict | None = None) -> Weight:
    """Load ``url`` in a fresh context (empty cache) and weigh everything it fetched."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, storage_state=storage_state
    )
    weight = Weight(url)
    responses: list[Response] = []
    page = context.new_page()
    page.on("response", lambda r: responses.append(r))
    page.goto(url)
    # every resource, fonts included, before weighing; on a loaded CI machine (both
    # database suites run at once) a page can take longer than Playwright's default 30 s
    page.wait_for_load_state("networkidle", timeout=120_000)
    for response in responses:
        if response.status >= 300:
            continue
        body = response.body()
        kind = _kind(response)
        size = len(body) if kind == "font" else len(gzip.compress(body, compresslevel=6))
        weight.add(kind, size)
        if kind == "font":
            weight.fonts.append(response.url)
    context.close()
    return weight
