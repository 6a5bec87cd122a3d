"""``POST /api/rules/assess`` — the rule module's HTTP door (../shared/RULES-CONTRACT.md).

Same input and output as ``flask rules assess``: the facts JSON plus optional ``lang``
and ``trace``. 400 with a JSON error naming the field for bad input; staff login
required (401 without a login, 403 for citizens). CSRF applies: send ``X-CSRFToken``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, request

from portal.models import StaffUser
from portal.rules.service import AssessRequestError, assess_json

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.post("/rules/assess")
def assess_rules() -> Any:
    if g.user is None:
        return {"error": {"status": 401, "message": "Log in as staff."}}, 401
    if not isinstance(g.user, StaffUser):
        return {"error": {"status": 403, "message": "Staff only."}}, 403
    payload = request.get_json(silent=True)
    try:
        return assess_json(payload)
    except AssessRequestError as exc:
        return {"error": {"status": 400, "field": exc.field, "message": exc.message}}, 400
