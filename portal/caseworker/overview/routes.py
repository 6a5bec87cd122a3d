"""The municipality overview page and its CSV export (team leads: role admin)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request

from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker.overview import services
from portal.clock import today_in_denmark
from portal.models import StaffRole

bp = Blueprint("caseworker_overview", __name__, url_prefix="/caseworker/overview")


@bp.get("/")
@staff_required(StaffRole.ADMIN)
def overview() -> Any:
    staff = current_staff()
    result = services.municipality_overview(staff, today_in_denmark())
    audit.record_staff_action(staff, "read:municipality-overview", citizen=None,
                              remote_addr=request.remote_addr)
    return render_template("caseworker/overview.html", overview=result)


@bp.get("/export.csv")
@staff_required(StaffRole.ADMIN)
def export_csv() -> Any:
    staff = current_staff()
    result = services.municipality_overview(staff, today_in_denmark())
    audit.record_staff_action(staff, "read:municipality-overview-csv", citizen=None,
                              remote_addr=request.remote_addr)
    body = services.to_csv(result, staff.municipality.code)
    filename = f"flags-{staff.municipality.code}-{result.on.isoformat()}.csv"
    return Response(body, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
