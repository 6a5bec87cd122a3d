"""Security baseline on every route: headers, CSRF on every state-changing route, cookies.

The walkers read the app's URL map, so routes added later are covered automatically.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask

from portal.extensions import db
from tests.support import clock
from tests.support.oidc import login
from tests.support.routes import targets

REQUIRED_CSP = ("base-uri 'none'", "frame-ancestors 'none'")


def _check_headers(response, url: str) -> list[str]:
    problems = []
    csp = response.headers.get("Content-Security-Policy", "")
    locked = "default-src 'none'" in csp  # file downloads: nothing may load at all
    if not locked and not ("default-src 'self'" in csp and "object-src 'none'" in csp):
        problems.append(f"{url}: CSP lacks default-src 'self' and object-src 'none'")
    for directive in REQUIRED_CSP:
        if directive not in csp:
            problems.append(f"{url}: CSP lacks {directive}")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append(f"{url}: CSP allows unsafe-inline/eval")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"{url}: no nosniff")
    if response.headers.get("Referrer-Policy") != "strict-origin-when-cross-origin":
        problems.append(f"{url}: Referrer-Policy")
    return problems


def test_security_headers_on_every_get_route(app: Flask, personas: None) -> None:
    problems: list[str] = []
    checked = 0
    for who in (None, ("citizen-amal", "citizen"), ("caseworker-kbh", "staff")):
        client = app.test_client()
        if who:
            login(client, *who)
        for _endpoint, method, target in targets(app):
            if method != "GET" or target.url.startswith("/auth/"):
                continue
            problems += _check_headers(client.get(target.url), target.url)
            checked += 1
    assert checked > 50
    assert not problems, "\n".join(problems)


def _row_counts() -> dict[str, int]:
    return {
        table.name: db.session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for table in db.metadata.sorted_tables
    }


def test_every_state_changing_route_requires_a_csrf_token(app: Flask, personas: None) -> None:
    """POST/PUT/DELETE without a token from a user allowed to use the route: 400, no change."""
    clients = {}
    for name, who in {"citizen": ("citizen-amal", "citizen"),
                      "staff": ("teamlead-kbh", "staff"),
                      "interpreter": ("interpreter-ahmad", "staff")}.items():
        clients[name] = app.test_client()
        login(clients[name], *who)
    posts = [(e, m, t) for e, m, t in targets(app) if m in ("POST", "PUT", "PATCH", "DELETE")]
    assert posts
    with app.app_context():
        before = _row_counts()
    for endpoint, method, target in posts:
        client = clients["citizen" if endpoint.startswith(("citizen", "joblog.", "cv.")) else
                         "interpreter" if endpoint.startswith("interpreter") else "staff"]
        response = client.open(target.url, method=method, data={"anything": "x"})
        assert response.status_code == 400, (endpoint, target.url, response.status_code)
    with app.app_context():
        after = _row_counts()
    after.pop("audit_event", None)
    before.pop("audit_event", None)
    assert after == before


def test_session_cookie_flags(app: Flask, personas: None) -> None:
    client = app.test_client()
    response = login(client, "citizen-amal")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert re.search(r"SameSite=Lax", cookie)
    assert "Path=/" in cookie


def test_nul_bytes_are_refused_before_any_view(app: Flask, personas: None) -> None:
    from tests.support.forms import csrf_token
    from tests.support.pages import check_page

    client = app.test_client()
    login(client, "caseworker-kbh", audience="staff")
    with app.app_context():
        before = _row_counts()
    response = client.post("/caseworker/citizens/1/decisions", data={
        "csrf_token": csrf_token(client, "/caseworker/"), "kind": "joblog_exemption",
        "valid_from": clock.day(-20).isoformat(), "reason": "a\x00b"})
    check_page(response, status=400)
    assert client.get("/languages?q=%00").status_code == 400
    with app.app_context():
        after = _row_counts()
    after.pop("audit_event"), before.pop("audit_event")
    assert after == before


def test_path_traversal_on_every_file_route_finds_nothing(app: Flask, personas: None) -> None:
    """Static files, CV downloads and the contract PDF: ``..`` never escapes."""
    client = app.test_client()
    login(client, "citizen-amal")
    attempts = [
        "/static/../portal/config.py", "/static/%2e%2e/portal/config.py",
        "/static/..%2f..%2fetc%2fpasswd", "/static/dist/../../pyproject.toml",
        "/static//etc/passwd", "/citizen/cv/file/..%2f..%2fetc%2fpasswd",
        "/citizen/cv/file/1%2f..%2f..%2fetc", "/citizen/contract/1/..%2f..%2fcontract.pdf",
        "/caseworker/review/citizens/1/cv-file/..%2f1",
    ]
    for path in attempts:
        response = client.get(path)
        body = response.get_data()
        if response.status_code == 308:  # "//" merged into "/": the same folder, then 404
            target = response.location.removeprefix("http://localhost")
            assert target == "/static/etc/passwd", response.location
            response = client.get(target)
            body = response.get_data()
        assert response.status_code in (302, 403, 404), (path, response.status_code)
        assert b"SECRET_KEY" not in body and b"root:" not in body and b"[project]" not in body
