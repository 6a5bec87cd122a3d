"""The authorization matrix: every URL rule × every role × every object id we can guess.

Walks the app's URL map, so a new route is covered the day it is added: a route whose
parameters this file cannot fill makes the test fail until its ids are declared in
``ID_SOURCES``. For each (URL, role) the expected answer comes from ``POLICY``; a refused
request must also not leak the other citizen's name into the page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask
from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, Decision
from tests.support.oidc import login

ROLES = {
    "anonymous": None,
    "citizen_a": ("citizen-amal", "citizen"),
    "citizen_b": ("citizen-yonas", "citizen"),
    "caseworker_same": ("caseworker-kbh", "staff"),
    "caseworker_other": ("caseworker-aarhus", "staff"),
    "team_lead": ("teamlead-kbh", "staff"),
    "interpreter": ("interpreter-ahmad", "staff"),
}
#: Routes that take no login at all.
PUBLIC = {"public.", "static", "auth."}


@dataclass(frozen=True)
class Target:
    """One filled-in URL: whose data it is about (``owner``: a, b, other, none)."""

    url: str
    owner: str


def _ids(app: Flask) -> dict[str, dict[str, int]]:
    """Guessable ids per URL parameter: Amal's (a), Yonas' (b), another municipality's
    citizen (other) and an id that does not exist (missing)."""
    with app.app_context():
        def citizen(subject: str) -> Citizen:
            return db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()

        a, b, other = citizen("citizen-amal"), citizen("citizen-yonas"), citizen("citizen-olena")
        decision_b = db.session.scalars(select(Decision).filter_by(citizen_id=b.id)).first()
        return {
            "citizen_id": {"a": a.id, "b": b.id, "other": other.id, "missing": 999_999},
            "decision_id": {"b": decision_b.id, "missing": 999_999},
        }


ID_SOURCES: dict[str, Callable[[Flask], dict[str, int]]] = {}


def _targets(app: Flask) -> list[tuple[str, str, Target]]:
    ids = _ids(app)
    found: list[tuple[str, str, Target]] = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
        params = sorted(rule.arguments)
        if not params:
            for method in methods:
                found.append((rule.endpoint, method, Target(rule.rule, "none")))
            continue
        unknown = [p for p in params if p not in ids and p not in ("audience", "code")]
        assert not unknown, f"{rule.rule}: declare guessable ids for {unknown}"
        choices = []
        for p in params:
            if p == "audience":
                choices.append([("citizen", "none")])
            elif p == "code":
                choices.append([("da", "none")])
            else:
                choices.append([(str(v), k) for k, v in ids[p].items()])
        for combo in itertools.product(*choices):
            url = rule.rule
            owners = {owner for _, owner in combo} - {"none"}
            for p, (value, _owner) in zip(params, combo, strict=True):
                url = re.sub(rf"<(?:\w+:)?{p}>", value, url)
            owner = "missing" if "missing" in owners else (sorted(owners)[0] if owners else "none")
            for method in methods:
                found.append((rule.endpoint, method, Target(url, owner)))
    return found


def expected(endpoint: str, role: str, owner: str) -> str:
    """'ok' (2xx/3xx allowed), 'login' (redirect to login) or 'deny' (403/404)."""
    if endpoint.startswith(tuple(PUBLIC)) or endpoint == "api.assess_rules":
        return "any"
    if role == "anonymous":
        return "login"
    if endpoint.startswith(("citizen.", "citizen_records.")):
        return "ok" if role.startswith("citizen") else "deny"
    if endpoint.startswith("caseworker_overview."):
        return "ok" if role == "team_lead" else "deny"
    if endpoint.startswith("caseworker"):
        if not role.startswith(("caseworker", "team_lead")):
            return "deny"
        if owner == "none":  # the staff member's own municipality's pages
            return "ok"
        same = role in ("caseworker_same", "team_lead")  # København, like Amal and Yonas
        return "ok" if same and owner in ("a", "b") else "deny"
    if endpoint.startswith("interpreter."):
        return "ok" if role == "interpreter" else "deny"
    raise AssertionError(f"no policy for {endpoint}")


def test_authorization_matrix(app: Flask, personas: None) -> None:
    targets = _targets(app)
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
            body = response.get_data(as_text=True)
            if rule == "login":
                ok = status == 302 and "/login" in (response.location or "")
            elif rule == "deny":
                ok = status in (403, 404)
                leaked = names.get(target.owner)
                own = {"citizen_a": "a", "citizen_b": "b"}.get(role)
                if leaked and target.owner != own and leaked in body:
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
    targets = [t for t in _targets(app) if t[1] == "POST"]
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
