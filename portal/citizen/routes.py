"""The citizen's start page: "what applies to me" today, from the rule module."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_babel import gettext

from portal.assessment.services import citizen_document
from portal.auth.current_user import citizen_required, current_citizen
from portal.clock import today_in_denmark

bp = Blueprint("citizen", __name__, url_prefix="/citizen")


@bp.get("/")
@citizen_required
def start() -> Any:
    citizen = current_citizen()
    today = today_in_denmark()
    document = citizen_document(citizen, today, gettext)
    return render_template("citizen/start.html", citizen=citizen, document=document, today=today)
