"""Every guidance topic renders in every locale: a title, the law cited, the right direction."""

from __future__ import annotations

import pytest

from portal.guidance import content
from portal.guidance.topics import TOPICS
from portal.i18n.locales import BY_CODE, CODES
from tests.support.pages import NS, check_page


def _in(client, code: str, path: str):
    return check_page(client.get(f"/locale/{code}?next={path}", follow_redirects=True))


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("topic", TOPICS)
def test_topic_renders_in_locale(client, topic, code):
    page = _in(client, code, f"/guidance/{topic}")
    expected = content.load(topic, code)
    assert expected is not None
    assert page.lang == code and page.dir == BY_CODE[code].direction
    assert page.h1 == expected.title
    assert page.title.startswith(expected.title)
    cited = [
        " ".join("".join(li.itertext()).split())
        for li in page.find_all("li")
        if li.get("lang") == "da"
    ]
    assert cited == list(expected.sources)
    assert "<script>" not in page.response.get_data(as_text=True).split("</head>")[1]


def test_translation_not_yet_reviewed_is_marked(client):
    page = _in(client, "ar", "/guidance/joblog")
    hint = [p for p in page.find_all("p") if "translation-status" in (p.get("class") or "")]
    assert len(hint) == 1
    danish = _in(client, "da", "/guidance/joblog")
    assert not [p for p in danish.find_all("p") if "translation-status" in (p.get("class") or "")]


def test_missing_translation_falls_back_to_english_with_a_note(client, monkeypatch, tmp_path):
    english = content.path_for("cv", "en").read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "cv.md").write_text(english, encoding="utf-8")
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    page = _in(client, "ps", "/guidance/cv")
    assert page.lang == "ps" and page.dir == "rtl"
    article = page.root.find(f".//{NS}article")
    assert article is not None and article.get("lang") == "en" and article.get("dir") == "ltr"
    assert page.h1 == "Your CV"
    warning = [d for d in page.find_all("div") if "alert-warning" in (d.get("class") or "")]
    assert len(warning) == 1 and warning[0].get("lang") == "ps"


def test_glossary_terms_link_to_their_entry(client):
    page = _in(client, "da", "/guidance/availability")
    links = [a.get("href") for a in page.find_all("a") if "glossary-term" in (a.get("class") or "")]
    assert "/guidance/glossary#term-raadighed" in links
    glossary = _in(client, "da", "/guidance/glossary")
    ids = {dt.get("id") for dt in glossary.find_all("dt")}
    assert {"term-raadighed", "term-kontrakt", "term-ankestyrelsen"} <= ids


@pytest.mark.parametrize("code", CODES)
def test_glossary_and_index_render_in_every_locale(client, code):
    glossary = _in(client, code, "/guidance/glossary")
    assert len(glossary.find_all("dt")) == len(glossary.find_all("dd")) >= 15
    index = _in(client, code, "/guidance/")
    hrefs = index.links()
    assert all(f"/guidance/{t}" in hrefs for t in TOPICS)


def test_read_aloud_is_hidden_until_the_browser_has_a_voice(client):
    page = _in(client, "en", "/guidance/contract")
    box = [d for d in page.find_all("div") if "read-aloud" in (d.get("class") or "")]
    assert len(box) == 1 and box[0].get("hidden") is not None
    scripts = [s for s in page.find_all("script")]
    assert [s.get("src") for s in scripts] == ["/static/read-aloud.js"]
    assert scripts[0].get("nonce")


def test_unknown_topic_is_404(client):
    assert client.get("/guidance/nonsense").status_code == 404
