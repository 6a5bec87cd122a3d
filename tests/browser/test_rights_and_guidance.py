"""'What applies to me' and the guidance pages on a phone, in Tigrinya and in Pashto (RTL)."""

from __future__ import annotations

from playwright.sync_api import expect

from portal.guidance import content


def _no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide at 360px"


def test_tigrinya_start_page_cards_and_guidance(visitor):
    page = visitor.page
    visitor.login("citizen-yonas")  # saved language: Tigrinya
    assert page.locator("html").get_attribute("lang") == "ti"
    cards = page.locator("li.duty-card")
    assert cards.count() >= 5
    joblog = page.locator("#duty-joblog")
    expect(joblog.locator(".badge.status-exempt")).to_be_visible()
    _no_horizontal_scroll(page)

    joblog.locator("a[href='/guidance/joblog']").click()
    visitor.check()
    expected = content.load("joblog", "ti")
    assert expected is not None
    expect(page.locator("h1")).to_have_text(expected.title)
    assert page.locator("html").get_attribute("dir") == "ltr"
    _no_horizontal_scroll(page)

    page.locator("a.glossary-term").first.click()
    visitor.check()
    assert "/guidance/glossary#term-" in page.url


def test_pashto_right_to_left_start_page_and_guidance(visitor):
    page = visitor.page
    visitor.login("citizen-amal")
    visitor.goto("/locale/ps?next=/citizen/")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ps" and html.get_attribute("dir") == "rtl"
    expect(page.locator("#duty-cv time")).to_be_visible()
    # official Danish citations keep their own language inside the RTL page
    page.locator("#duty-cv summary").click()
    expect(page.locator("#duty-cv li[lang='da']").first).to_be_visible()
    visitor.check()
    _no_horizontal_scroll(page)

    visitor.goto("/guidance/availability")
    expected = content.load("availability", "ps")
    assert expected is not None
    expect(page.locator("h1")).to_have_text(expected.title)
    expect(page.locator(".translation-status")).to_be_visible()
    _no_horizontal_scroll(page)
    visitor.goto("/guidance/glossary")
    _no_horizontal_scroll(page)


FAKE_SPEECH = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  getVoices: function () { return [{lang: "da-DK", name: "Test"}]; },
  speak: function (u) { window.__spoken.push("speak:" + u.lang); },
  pause: function () { window.__spoken.push("pause"); },
  resume: function () { window.__spoken.push("resume"); },
  cancel: function () { window.__spoken.push("cancel"); },
  addEventListener: function () {}
}});
"""


def test_read_aloud_appears_with_a_voice_and_can_pause(visitor):
    page = visitor.page
    page.add_init_script(FAKE_SPEECH)
    visitor.goto("/locale/da?next=/guidance/contract")
    box = page.locator(".read-aloud")
    expect(box).to_be_visible()
    play = box.locator("[data-read-aloud=play]")
    play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    play.click()  # pause
    expect(play).to_have_attribute("aria-pressed", "false")
    play.click()  # continue
    box.locator("[data-read-aloud=stop]").click()
    assert page.evaluate("window.__spoken") == [
        "cancel",
        "speak:da-DK",
        "pause",
        "resume",
        "cancel",
    ]
    visitor.check()


def test_read_aloud_stays_hidden_without_a_voice_for_the_language(visitor):
    page = visitor.page
    page.add_init_script(FAKE_SPEECH)  # a Danish voice only
    visitor.goto("/locale/ti?next=/guidance/contract")
    expect(page.locator(".read-aloud")).to_be_hidden()
