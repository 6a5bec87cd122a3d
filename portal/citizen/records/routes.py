"""``/citizen/decisions`` and ``/citizen/access-log``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from portal.auth.current_user import citizen_required, current_citizen
from portal.caseworker.citizen.forms import DECISION_LABELS
from portal.citizen.records import services

bp = Blueprint("citizen_records", __name__, url_prefix="/citizen")


@bp.get("/decisions")
@citizen_required
def decisions() -> Any:
    citizen = current_citizen()
    return render_template("citizen/decisions.html", decisions=services.decisions(citizen),
                           labels=DECISION_LABELS)


@bp.get("/access-log")
@citizen_required
def access_log() -> Any:
    return render_template("citizen/access_log.html",
                           accesses=services.accesses(current_citizen()))
