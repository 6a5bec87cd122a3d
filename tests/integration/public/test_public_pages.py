"""Public pages render in every locale with the right lang and dir."""

import pytest

from portal.i18n.locales import CODES, LOCALES
from tests.support.pages import check_page

PUBLIC = ["/", "/login", "/languages", "/tilgaengelighedserklaering"]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", PUBLIC)
def test_public_page_in_every_locale(client, path, code):
    client.set_cookie("locale", code)
    page = check_page(client.get(path))
    assert page.lang == code


def test_default_language_is_danish(client):
    page = check_page(client.get("/"))
    assert page.lang == "da"
    assert page.dir == "ltr"
    assert "Log ind med MitID" in page.text()


def test_accept_language_is_used_without_a_cookie(client):
    page = check_page(client.get("/", headers={"Accept-Language": "ar,en;q=0.5"}))
    assert (page.lang, page.dir) == ("ar", "rtl")


def test_language_switcher_names_each_language_in_its_own_script(client):
    page = check_page(client.get("/"))
    nav = [a for a in page.find_all("a") if a.get("hreflang")]
    assert {a.get("hreflang"): "".join(a.itertext()) for a in nav} == {
        loc.code: loc.native_name for loc in LOCALES
    }


def test_locale_route_sets_cookie_and_redirects_same_site_only(client):
    response = client.get("/locale/fa?next=/languages")
    assert response.status_code == 302
    assert response.location == "/languages"
    assert "locale=fa" in response.headers["Set-Cookie"]
    page = check_page(client.get("/languages"))
    assert (page.lang, page.dir) == ("fa", "rtl")
    evil = client.get("/locale/fa?next=//evil.example/")
    assert evil.location == "/"


def test_unknown_locale_is_404(client):
    check_page(client.get("/locale/xx"), status=404)


def test_translation_status_page_lists_every_language_and_review_state(client):
    client.set_cookie("locale", "en")
    page = check_page(client.get("/languages"))
    text = page.text()
    for loc in LOCALES:
        assert loc.native_name in text
    assert "Not yet reviewed by a translator" in text


def test_rtl_locale_loads_rtl_stylesheet_and_only_its_script_font(client):
    client.set_cookie("locale", "ar")
    page = check_page(client.get("/"))
    sheets = [link.get("href") for link in page.find_all("link") if link.get("rel") == "stylesheet"]
    assert any(s.endswith("portal.rtl.css") for s in sheets)
    assert [s for s in sheets if "fonts-" in s] == ["/static/dist/fonts-arabic.css"]
    client.set_cookie("locale", "ti")
    page = check_page(client.get("/"))
    sheets = [link.get("href") for link in page.find_all("link") if link.get("rel") == "stylesheet"]
    assert [s for s in sheets if "fonts-" in s] == ["/static/dist/fonts-ethiopic.css"]


def test_not_found_page_is_translated_and_leaks_nothing(client):
    client.set_cookie("locale", "uk")
    page = check_page(client.get("/no/such/page"), status=404)
    assert page.lang == "uk"
    assert "Traceback" not in page.text()
    assert page.h1 != "Page not found"  # translated, not the English source


def test_healthz_and_readyz(client):
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json["database"] == "ok"
