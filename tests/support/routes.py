"""Every URL rule of the app, filled with guessable ids — for the matrix and walkers.

A route whose parameters cannot be filled makes the walkers fail until its ids are
declared in :func:`guessable_ids`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, Decision

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
PUBLIC = {"public.", "static", "auth.", "guidance."}


#: Parameters that name public things, not somebody's data: one value is enough.
FIXED = {"audience": "citizen", "code": "da", "slug": "joblog"}


@dataclass(frozen=True)
class Target:
    """One filled-in URL: whose data it is about (``owner``: a, b, other, none)."""

    url: str
    owner: str


def guessable_ids(app: Flask) -> dict[str, dict[str, int]]:
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


def targets(app: Flask) -> list[tuple[str, str, Target]]:
    ids = guessable_ids(app)
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
        unknown = [p for p in params if p not in ids and p not in FIXED]
        assert not unknown, f"{rule.rule}: declare guessable ids for {unknown}"
        choices = []
        for p in params:
            if p in FIXED:
                choices.append([(FIXED[p], "none")])
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


