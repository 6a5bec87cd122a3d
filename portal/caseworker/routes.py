"""The caseworker's caseload (first version: the municipality's citizens)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker import services
from portal.models import StaffRole

bp = Blueprint("caseworker", __name__, url_prefix="/caseworker")


@bp.get("/")
@staff_required(StaffRole.CASEWORKER, StaffRole.ADMIN)
def caseload() -> Any:
    staff = current_staff()
    citizens = services.caseload(staff)
    audit.record_staff_read(staff, citizens, "caseload", request.remote_addr)
    return render_template("caseworker/caseload.html", citizens=citizens)
