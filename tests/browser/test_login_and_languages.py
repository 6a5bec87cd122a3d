"""A citizen logs in through the OIDC provider, switches to Arabic, logs out — at 360 px."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from portal.config import ROOT
from tests.support.catalogue import t


def _foreign_ui_strings(target: str) -> set[str]:
    """English and Danish UI strings (two words or more, no placeholders) that the
    ``target`` language translates — names kept as they are, like "Min integration",
    are not foreign."""
    path = ROOT / "translations" / "da" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    strings: set[str] = set()
    for message in catalog:
        if not message.id or isinstance(message.id, tuple):
            continue
        translated = t(target, message.id)
        for text in (message.id, message.string):
            if text and "%" not in text and len(text.split()) >= 2 and text not in translated:
                strings.add(text)
    return strings


def test_citizen_login_switch_to_arabic_and_logout(visitor):
    page = visitor.page
    visitor.login("citizen-olena")
    assert page.url.endswith("/citizen/")
    assert page.locator("html").get_attribute("lang") == "uk"  # her saved language

    page.locator("a[hreflang='ar']").click()
    visitor.check()
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    body = page.locator("body").inner_text()
    leaked = sorted(s for s in _foreign_ui_strings("ar") if s in body)
    assert not leaked, f"Danish or English UI strings on the Arabic page: {leaked}"
    assert "Olena Kovalenko" in body

    # mirrored layout: the service name sits at the right edge in RTL
    name = page.locator(".service-name").bounding_box()
    assert name is not None and name["x"] + name["width"] > 360 - 40

    page.get_by_role("button", name=t("ar", "Log out")).click()
    visitor.check()
    assert page.locator("html").get_attribute("dir") == "rtl"  # the cookie keeps Arabic
    page.goto(visitor.base_url + "/citizen/")
    assert re.search(r"/login\?next=", page.url)


def test_unregistered_citizen_sees_clear_page(visitor):
    visitor.login("citizen-unregistered")
    assert visitor.page.locator("h1").inner_text() == t("da", "You are not registered yet")


def test_public_pages_are_accessible_in_every_direction(visitor):
    for code in ("da", "ar", "ti"):
        visitor.goto(f"/locale/{code}?next=/")
        for path in ("/login", "/languages", "/tilgaengelighedserklaering"):
            visitor.goto(path)
