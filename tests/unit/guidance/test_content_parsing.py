"""Content files: front matter is required and checked; a missing locale falls back to English."""

from __future__ import annotations

import pytest

from portal.guidance import content

GOOD = """---
topic: cv
locale: en
title: Your CV
sources:
  - Integrationsloven § 26 b, stk. 4
translation_status: original
last_reviewed: 2026-11-21
---
Body text.
"""


def test_front_matter_is_parsed():
    page = content.parse(GOOD)
    assert page.title == "Your CV"
    assert page.sources == ("Integrationsloven § 26 b, stk. 4",)
    assert page.body == "Body text." and page.reviewed


@pytest.mark.parametrize(
    "broken",
    [
        "no front matter",
        GOOD.replace("translation_status: original", "translation_status: maybe"),
        GOOD.replace("title: Your CV\n", ""),
        GOOD.replace("last_reviewed: 2026-11-21", "last_reviewed: soon"),
    ],
)
def test_malformed_front_matter_is_refused(broken):
    with pytest.raises(content.ContentError):
        content.parse(broken)


def test_missing_locale_falls_back_to_english(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "cv.md").write_text(GOOD, encoding="utf-8")
    page = content.load_with_fallback("cv", "ti", tmp_path)
    assert page is not None and page.locale == "en"
    assert content.load_with_fallback("nonsense", "en", tmp_path) is None
