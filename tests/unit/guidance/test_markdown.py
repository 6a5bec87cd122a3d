"""Guidance Markdown: a small subset, and never raw HTML from content."""

from __future__ import annotations

from portal.guidance.markdown import GlossaryLinker, plain_text, render


def test_raw_html_in_content_is_shown_as_text():
    html = render('<script>alert(1)</script> <b onclick="x">hi</b>')
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;" in html


def test_only_safe_links_become_links():
    html = render(
        "[law](https://www.retsinformation.dk/eli/lta/2020/1307) "
        "[bad](javascript:alert(1)) [page](/guidance/cv) [x](//evil.example)"
    )
    assert 'href="https://www.retsinformation.dk/eli/lta/2020/1307" rel="external"' in html
    assert 'href="/guidance/cv"' in html
    assert "javascript:" not in html and "//evil" not in html
    assert "bad" in html and "x" in html


def test_headings_lists_and_paragraphs():
    html = render("## Title\n\nOne line\nand more.\n\n- a\n- **b**\n\n1. first\n2. second")
    assert "<h2>Title</h2>" in html
    assert "<p>One line and more.</p>" in html
    assert "<ul><li>a</li><li><strong>b</strong></li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html


def test_a_single_hash_heading_is_not_an_h1():
    assert "<h1>" not in render("# Not the page title")


def test_glossary_term_is_linked_once_and_only_as_a_whole_word():
    linker = GlossaryLinker({"kontrakt": "term-kontrakt"}, lambda a: f"/g#{a}")
    html = render("Din kontrakt. Kontrakten er vigtig. Din kontrakt igen.", linker)
    assert html.count('class="glossary-term"') == 1
    assert 'href="/g#term-kontrakt">kontrakt</a>' in html


def test_glossary_terms_are_not_linked_inside_headings():
    linker = GlossaryLinker({"joblog": "term-joblog"}, lambda a: f"/g#{a}")
    html = render("## The joblog\n\nYour joblog.", linker)
    assert "<h2>The joblog</h2>" in html
    assert html.count("glossary-term") == 1


def test_plain_text_drops_marks():
    assert plain_text("## Head\n- **bold** and [link](/x)") == "Head\nbold and link"
