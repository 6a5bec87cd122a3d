"""Use cases of the guidance pages: a topic in the reader's language, and the glossary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from portal.guidance import content, glossary
from portal.guidance.markdown import GlossaryLinker, render
from portal.guidance.sources import law_url


@dataclass(frozen=True, slots=True)
class SourceLink:
    citation: str
    url: str | None


@dataclass(frozen=True, slots=True)
class GuidancePage:
    guidance: content.Guidance
    html: Markup
    requested_locale: str
    sources: tuple[SourceLink, ...]

    @property
    def fallback(self) -> bool:
        """The reader's language has no text yet; this is the English one."""
        return self.guidance.locale != self.requested_locale


def guidance_page(
    topic: str, locale: str, glossary_href: Callable[[str], str]
) -> GuidancePage | None:
    """``topic`` for a reader of ``locale``; ``None`` for an unknown topic."""
    found = content.load_with_fallback(topic, locale)
    if found is None:
        return None
    linker = GlossaryLinker(glossary.terms(), glossary_href)
    return GuidancePage(
        guidance=found,
        html=render(found.body, linker),
        requested_locale=locale,
        sources=tuple(SourceLink(c, law_url(c)) for c in found.sources),
    )


def glossary_entries(locale: str) -> list[glossary.Entry]:
    return glossary.entries(locale)
