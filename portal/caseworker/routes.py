"""The caseworker's caseload: who needs what today, filterable and sortable by flag."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker import services
from portal.caseworker.flags import KINDS
from portal.clock import today_in_denmark
from portal.models import StaffRole

bp = Blueprint("caseworker", __name__, url_prefix="/caseworker")


@bp.get("/")
@staff_required(StaffRole.CASEWORKER, StaffRole.ADMIN)
def caseload() -> Any:
    staff = current_staff()
    scope = request.args.get("scope", "mine")
    flag = request.args.get("flag") or None
    sort = request.args.get("sort", "flags")
    if sort not in services.SORTS:
        sort = "flags"
    today = today_in_denmark()
    rows = services.caseload(staff, today, mine_only=scope != "all", flag=flag, sort=sort)
    audit.record_staff_read(staff, [r.citizen_id for r in rows], "caseload", request.remote_addr)
    return render_template(
        "caseworker/caseload.html",
        rows=rows,
        kinds=KINDS,
        scope=scope,
        flag=flag,
        sort=sort,
        today=today,
    )
