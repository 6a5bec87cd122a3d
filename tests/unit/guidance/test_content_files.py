"""CI checks on the guidance content: every topic in every locale, well-formed front matter,
every cited paragraph known to the rule module, a glossary entry for every term in every
language, and plain language (Danish LIX ≤ 40, English Flesch reading ease ≥ 60)."""

from __future__ import annotations

import pytest

from portal.guidance import content, glossary
from portal.guidance.markdown import plain_text
from portal.guidance.readability import flesch_reading_ease, lix
from portal.guidance.sources import known_sources
from portal.guidance.topics import TOPICS
from portal.i18n.locales import CODES

PAIRS = [(t, c) for t in TOPICS for c in CODES]
MAX_LIX_DA = 40
MIN_FLESCH_EN = 60


@pytest.mark.parametrize(("topic", "code"), PAIRS)
def test_every_topic_exists_in_every_locale(topic, code):
    assert content.path_for(topic, code).is_file(), f"missing content/guidance/{code}/{topic}.md"
    page = content.load(topic, code)
    assert page is not None
    assert page.topic == topic and page.locale == code
    assert page.title.strip() and page.body.strip()


@pytest.mark.parametrize(("topic", "code"), PAIRS)
def test_translations_cite_what_the_original_cites(topic, code):
    page, english = content.load(topic, code), content.load(topic, "en")
    assert page is not None and english is not None
    assert page.sources == english.sources


@pytest.mark.parametrize("topic", TOPICS)
def test_every_cited_paragraph_exists_in_the_rule_module_sources(topic):
    page = content.load(topic, "en")
    assert page is not None and page.sources, f"{topic} cites nothing"
    unknown = [s for s in page.sources if s not in known_sources()]
    assert not unknown, f"{topic} cites paragraphs the rule module does not know: {unknown}"


@pytest.mark.parametrize(("topic", "code"), PAIRS)
def test_only_danish_and_english_are_originals(topic, code):
    page = content.load(topic, code)
    assert page is not None
    if code in ("da", "en"):
        assert page.translation_status == content.ORIGINAL
        assert page.last_reviewed is not None
    else:
        assert page.translation_status in (content.NOT_REVIEWED, content.REVIEWED)


@pytest.mark.parametrize("code", CODES)
def test_glossary_explains_every_term_in_every_language(code):
    english = {e.term for e in glossary.entries("en")}
    entries = glossary.entries(code)
    assert {e.term for e in entries} == english
    assert all(e.locale == code and e.explanation.strip() for e in entries), code


def _text(topic: str, code: str) -> str:
    page = content.load(topic, code)
    assert page is not None
    return page.title + "\n" + plain_text(page.body)


@pytest.mark.parametrize("topic", TOPICS)
def test_danish_text_is_easy_to_read(topic):
    score = lix(_text(topic, "da"))
    print(f"LIX da/{topic}: {score:.1f}")
    assert score <= MAX_LIX_DA, f"da/{topic}: LIX {score:.1f} > {MAX_LIX_DA}"


@pytest.mark.parametrize("topic", TOPICS)
def test_english_text_is_plain(topic):
    score = flesch_reading_ease(_text(topic, "en"))
    print(f"Flesch en/{topic}: {score:.1f}")
    assert score >= MIN_FLESCH_EN, f"en/{topic}: Flesch {score:.1f} < {MIN_FLESCH_EN}"
