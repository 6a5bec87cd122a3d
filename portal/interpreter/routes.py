"""The interpreter's list of assigned sessions (none can be assigned yet)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from portal.auth.current_user import staff_required
from portal.models import StaffRole

bp = Blueprint("interpreter", __name__, url_prefix="/interpreter")


@bp.get("/")
@staff_required(StaffRole.INTERPRETER)
def sessions() -> Any:
    return render_template("interpreter/sessions.html", sessions=[])
