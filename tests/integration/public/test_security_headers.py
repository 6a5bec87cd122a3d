"""The security baseline on every response."""

from tests.support.catalogue import t
from tests.support.oidc import login
from tests.support.pages import check_page


def test_strict_csp_and_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "script-src 'self' 'nonce-" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in response.headers  # only in production


def test_nonce_changes_per_request(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second


def test_post_without_csrf_token_gets_translated_expired_page(client, personas):
    login(client, "citizen-amal")
    page = check_page(client.post("/auth/logout"), status=400)
    assert page.lang == "ar"  # Amal's saved language
    assert page.h1 == t("ar", "The form has expired")
    # still logged in: nothing happened
    assert client.get("/citizen/").status_code == 200
