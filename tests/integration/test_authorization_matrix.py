"""The authorization matrix: every URL rule × every role × every object id we can guess.

Walks the app's URL map, so a new route is covered the day it is added: a route whose
parameters this file cannot fill makes the test fail until its ids are declared in
``ID_SOURCES``. For each (URL, role) the expected answer comes from ``POLICY``; a refused
request must also not leak the other citizen's name into the page.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask

from tests.support.oidc import login
from tests.support.routes import PUBLIC, ROLES
from tests.support.routes import targets as route_targets


def expected(endpoint: str, role: str, owner: str) -> str:
    """'ok' (2xx/3xx allowed), 'login' (redirect to login) or 'deny' (403/404)."""
    if endpoint.startswith(tuple(PUBLIC)) or endpoint == "api.assess_rules":
        return "any"
    if role == "anonymous":
        return "login"
    if endpoint.startswith(("citizen", "joblog.", "cv.")):
        if not role.startswith("citizen"):
            return "deny"
        own = {"citizen_a": "a", "citizen_b": "b"}[role]
        return "ok" if owner in ("none", own) else "deny"
    if endpoint.startswith("caseworker_overview."):
        return "ok" if role == "team_lead" else "deny"
    if endpoint.startswith(("caseworker", "review.")):
        if not role.startswith(("caseworker", "team_lead")):
            return "deny"
        if owner == "none":  # the staff member's own municipality's pages
            return "ok"
        same = role in ("caseworker_same", "team_lead")  # København, like Amal and Yonas
        return "ok" if same and owner in ("a", "b") else "deny"
    if endpoint.startswith("interpreter."):
        # the interpreter's own session inside its window only (see tests/support/routes.py)
        return "ok" if role == "interpreter" and owner in ("none", "a") else "deny"
    raise AssertionError(f"no policy for {endpoint}")


def test_authorization_matrix(app: Flask, personas: None) -> None:
    targets = route_targets(app)
    names = {"a": "Amal Hassan", "b": "Yonas Tesfay", "other": "Olena Kovalenko"}
    checked = 0
    problems: list[str] = []
    for role, who in ROLES.items():
        client = app.test_client()
        if who:
            login(client, *who)
        for endpoint, method, target in targets:
            if method != "GET":
                continue
            rule = expected(endpoint, role, target.owner)
            if rule == "any":
                continue
            response = client.get(target.url)
            checked += 1
            status = response.status_code
            body = response.get_data()
            if rule == "login":
                ok = status == 302 and "/login" in (response.location or "")
            elif rule == "deny":
                ok = status in (403, 404)
                leaked = names.get(target.owner)
                own = {"citizen_a": "a", "citizen_b": "b"}.get(role)
                if leaked and target.owner != own and leaked.encode() in body:
                    problems.append(f"{role} {target.url}: leaks {leaked}")
            else:
                ok = status in (200, 302) and "/login" not in (response.location or "")
            if not ok:
                problems.append(f"{role} GET {target.url} ({endpoint}): {status}, expected {rule}")
    print(f"authorization matrix: {checked} requests "
          f"({len({t.url for _, _, t in targets})} URLs × {len(ROLES)} roles)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["anonymous", "citizen_a", "caseworker_other", "interpreter"])
def test_state_changing_routes_refuse_the_wrong_role(app: Flask, personas: None, role: str) -> None:
    """POSTs with a valid CSRF token from the wrong role change nothing."""
    targets = [t for t in route_targets(app) if t[1] == "POST"]
    client = app.test_client()
    who = ROLES[role]
    if who:
        login(client, *who)
    home = {"citizen_a": "/citizen/", "interpreter": "/interpreter/",
            "caseworker_other": "/caseworker/"}.get(role, "/")
    html = client.get(home).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)
    headers = {"X-CSRFToken": token.group(1)} if token else {}
    for endpoint, _method, target in targets:
        rule = expected(endpoint, role, target.owner)
        if rule in ("any", "ok"):
            continue
        response = client.post(target.url, data={}, headers=headers)
        assert response.status_code in (302, 400, 403, 404), (role, target.url,
                                                              response.status_code)
        if response.status_code == 302:
            assert "/login" in (response.location or ""), (role, target.url)
