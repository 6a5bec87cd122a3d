"""The citizen's start page."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from portal.auth.current_user import citizen_required, current_citizen

bp = Blueprint("citizen", __name__, url_prefix="/citizen")


@bp.get("/")
@citizen_required
def start() -> Any:
    return render_template("citizen/start.html", citizen=current_citizen())
