"""A small, safe Markdown subset for guidance content files.

Content is written by people, translated by others, and must never inject markup: every
character of the source is escaped, and only these constructs become HTML —
``## heading`` / ``### heading``, paragraphs, ``- `` and ``1. `` lists, ``**strong**`` and
``[text](https://… or /path)``. Raw HTML in a content file is shown as text. Glossary terms
(Danish words people meet in letters) are linked to their entry the first time they occur.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup, escape

_INLINE = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]+)\)|\*\*(?P<strong>[^*\n]+)\*\*")
_ORDERED = re.compile(r"^\d+\.\s+")
_SAFE_URL = re.compile(r"^(https://|/(?!/)|#)")


@dataclass
class GlossaryLinker:
    """Links the first occurrence of each term on a page to ``href(term)``."""

    terms: Mapping[str, str]  # lower-case term -> anchor id
    href: Callable[[str], str]
    linked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        words = sorted(self.terms, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
            if words
            else None
        )

    def __call__(self, text: str) -> Markup:
        if self._pattern is None:
            return escape(text)
        out: list[str] = []
        pos = 0
        for match in self._pattern.finditer(text):
            key = match.group(1).lower()
            if key in self.linked:
                continue
            self.linked.add(key)
            out.append(escape(text[pos : match.start()]))
            out.append(
                Markup('<a class="glossary-term" lang="da" href="{}">{}</a>').format(
                    self.href(self.terms[key]), match.group(1)
                )
            )
            pos = match.end()
        out.append(escape(text[pos:]))
        return Markup("").join(out)


def _plain(text: str) -> Markup:
    return escape(text)


def inline(text: str, link_terms: Callable[[str], Markup] = _plain) -> Markup:
    out: list[Markup] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(link_terms(text[pos : match.start()]))
        if match.group("strong") is not None:
            out.append(Markup("<strong>{}</strong>").format(link_terms(match.group("strong"))))
        elif match.group("url").startswith("https://"):
            out.append(
                Markup('<a href="{}" rel="external">{}</a>').format(
                    match.group("url"), match.group("text")
                )
            )
        elif _SAFE_URL.match(match.group("url")):
            out.append(
                Markup('<a href="{}">{}</a>').format(match.group("url"), match.group("text"))
            )
        else:  # javascript:, data:, protocol-relative … : keep the words, drop the link
            out.append(escape(match.group("text")))
        pos = match.end()
    out.append(link_terms(text[pos:]))
    return Markup("").join(out)


def _blocks(source: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in source.splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def render(source: str, link_terms: Callable[[str], Markup] = _plain) -> Markup:
    """HTML for ``source``; headings start at h2 (the page title is the h1)."""
    html: list[Markup] = []
    for block in _blocks(source):
        first = block[0]
        if first.startswith(("## ", "### ")) and len(block) == 1:
            level = 2 if first.startswith("## ") else 3
            text = first.split(" ", 1)[1]
            html.append(Markup("<h{0}>{1}</h{0}>").format(level, inline(text)))
        elif all(line.startswith("- ") for line in block):
            items = (Markup("<li>{}</li>").format(inline(li[2:], link_terms)) for li in block)
            html.append(Markup("<ul>{}</ul>").format(Markup("").join(items)))
        elif all(_ORDERED.match(line) for line in block):
            items = (
                Markup("<li>{}</li>").format(inline(_ORDERED.sub("", li), link_terms))
                for li in block
            )
            html.append(Markup("<ol>{}</ol>").format(Markup("").join(items)))
        else:
            html.append(Markup("<p>{}</p>").format(inline(" ".join(block), link_terms)))
    return Markup("\n").join(html)


def plain_text(source: str) -> str:
    """The words of ``source`` without Markdown marks (for readability measures)."""
    lines = []
    for line in source.splitlines():
        line = re.sub(r"^(#+|-|\d+\.)\s+", "", line.strip())
        line = _INLINE.sub(lambda m: m.group("text") or m.group("strong") or "", line)
        lines.append(line)
    return "\n".join(lines)
