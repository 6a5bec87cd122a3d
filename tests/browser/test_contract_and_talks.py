"""A citizen on a phone (360 px), in Danish and in Arabic: reads the contract summary,
accepts it, downloads the PDF, books a job talk, gets the e-mail and the .ics file,
moves the talk and cancels it. axe runs on every page visited."""

from __future__ import annotations

import pytest

from portal.extensions import db
from tests.support import contracts, talks
from tests.support.page_weight import BUDGET, measure

SCREENSHOTS = "/tmp"


@pytest.fixture()
def amal_in(app, visitor):
    def setup(code: str) -> dict[str, int]:
        with app.app_context():
            amal = talks.citizen("citizen-amal")
            amal.preferred_locale = code
            db.session.commit()
            # in Arabic with the caseworker's translation of the free text
            number = contracts.sent_contract(
                translation=contracts.ARABIC if code == "ar" else None).number
            first = talks.make_slot(hours_ahead=72)
            second = talks.make_slot(hours_ahead=120)
        return {"contract": number, "first": first, "second": second}

    return setup


@pytest.mark.parametrize(("code", "direction"), [("da", "ltr"), ("ar", "rtl")])
def test_contract_and_talk_on_a_phone(visitor, amal_in, mailbox, code, direction):
    ids = amal_in(code)
    page = visitor.page
    visitor.login("citizen-amal")
    assert page.locator("html").get_attribute("dir") == direction

    # the contract: summary first, then the full text with the binding Danish column
    page.locator("nav a[href='/citizen/contract/']").click()  # the start page's menu
    visitor.check()
    assert page.locator("h3").first.is_visible()
    goal = "Job som lagermedarbejder" if code == "da" else contracts.ARABIC.goal
    assert goal in page.locator("main").inner_text()
    if code == "ar":
        page.screenshot(path=f"{SCREENSHOTS}/contract-ar-360-top.png")
        page.screenshot(path=f"{SCREENSHOTS}/contract-ar-360.png", full_page=True)
        assert not page.locator(".contract-column[lang='da']").is_visible()  # one at a time
        page.locator(".contract-switch a").click()
        visitor.check()
        assert page.locator(".contract-column[lang='da']").is_visible()
        assert not page.locator(".contract-column[lang='ar']").is_visible()
        danish = page.locator(".contract-column[lang='da']").inner_text()
        assert "Job som lagermedarbejder" in danish
        page.locator("#full-text").scroll_into_view_if_needed()
        page.screenshot(path=f"{SCREENSHOTS}/contract-ar-360-danish.png")
    page.locator("#accept").check()
    page.locator("#declaration").check()
    page.locator("form[action$='/accept'] button[type=submit]").click()
    visitor.check()
    assert page.url.endswith(f"/citizen/contract/{ids['contract']}/receipt")
    assert page.locator(".fingerprint").inner_text().strip().__len__() == 64

    with page.expect_download() as download:
        page.locator("a[href$='contract.pdf']").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")

    # book a talk: København allows phone or video only
    visitor.goto("/citizen/talks/")
    slot = page.locator(f"form:has(input[name=slot_id][value='{ids['first']}'])")
    assert slot.locator("input[value=in_person]").count() == 0
    slot.locator("input[value=video]").check()
    slot.locator("button[type=submit]").click()
    visitor.check()
    assert "/citizen/talks/" in page.url
    [message] = mailbox.to("citizen-amal@example.invalid")
    assert any(p.get_content_type() == "text/calendar" for p in message.iter_attachments())
    with page.expect_download() as download:
        page.locator("a[href$='job-talk.ics']").click()
    ics = download.value.path().read_text()
    assert "TZID=Europe/Copenhagen" in ics and "URL:https://video.example.invalid" in ics

    # move it
    page.locator("a[href$='/move']").click()
    visitor.check()
    other = page.locator(f"form:has(input[name=slot_id][value='{ids['second']}'])")
    other.locator("button[type=submit]").click()
    visitor.check()
    assert len(mailbox.to("citizen-amal@example.invalid")) == 2

    # cancel it
    page.locator("a[href$='/cancel']").click()
    visitor.check()
    page.locator("form[action$='/cancel'] button[type=submit]").click()
    visitor.check()
    assert page.url.endswith("/citizen/talks/")
    assert len(mailbox.to("citizen-amal@example.invalid")) == 3
    assert mailbox.to("caseworker-kbh@example.invalid")


@pytest.mark.parametrize(("code", "script"), [("da", "latin"), ("ar", "arabic")])
@pytest.mark.parametrize("path", ["/citizen/contract/", "/citizen/talks/"])
def test_contract_and_booking_pages_within_budget(visitor, amal_in, browser, code, script, path):
    amal_in(code)
    visitor.login("citizen-amal")
    visitor.goto(path)
    state = visitor.page.context.storage_state()
    weight = measure(browser, visitor.base_url + path, storage_state=state)
    print(f"{code} {path}: {weight.by_kind} total={weight.total}")
    assert weight.over_budget() == {}, (weight.by_kind, BUDGET)
    assert weight.foreign_fonts(script) == []
    assert weight.by_kind.get("js", 0) == 0
