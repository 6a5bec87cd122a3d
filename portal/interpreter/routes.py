"""Interpreter mode: the assigned sessions, and one citizen's session view side by side in
Danish and the citizen's language — read-only, inside the time window only."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, request
from flask_babel import force_locale, gettext
from markupsafe import Markup

from portal.assessment.services import citizen_document
from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.clock import now_utc, today_in_denmark
from portal.contract import rendering
from portal.contract import services as contracts
from portal.guidance.topics import TOPICS
from portal.i18n.locales import get as get_locale_info
from portal.interpreter import services
from portal.models import InterpreterAssignment, StaffRole

bp = Blueprint("interpreter", __name__, url_prefix="/interpreter")


@bp.get("/")
@staff_required(StaffRole.INTERPRETER)
def sessions() -> Any:
    now = now_utc()
    rows = [(a, services.window(a.booking)) for a in services.assignments_of(current_staff())]
    return render_template("interpreter/sessions.html", rows=rows, now=now)


def _panel(assignment: InterpreterAssignment, code: str) -> Markup:
    """One language's column, rendered from our own autoescaped template in that locale."""
    citizen = assignment.booking.citizen
    version = contracts.current(citizen)
    with force_locale(code):
        document = citizen_document(citizen, today_in_denmark(), gettext)
        text = rendering.render(version) if version is not None else None
        html = render_template(
            "interpreter/_panel.html", code=code, locale_info=get_locale_info(code),
            assignment=assignment, booking=assignment.booking, document=document,
            version=version, text=text, topics=TOPICS,
            plan=rendering.weeks(text.activities) if text else [],
            sections={s.key: s for s in text.sections} if text else {},
        )
    # our own template file, autoescaped when rendered: safe to embed as it is
    return Markup(html)  # noqa: S704  # nosemgrep: no-markup-of-variables


@bp.get("/sessions/<int:assignment_id>")
@staff_required(StaffRole.INTERPRETER)
def session_view(assignment_id: int) -> Any:
    interpreter = current_staff()
    assignment = services.assignment_for(interpreter, assignment_id)
    if assignment is None:
        audit.record_staff_action(interpreter, "denied:interpreter-session", citizen=None,
                                  remote_addr=request.remote_addr,
                                  detail=f"assignment={assignment_id} not theirs")
        abort(404)
    citizen = assignment.booking.citizen
    window = services.window(assignment.booking)
    refused = services.refusal(assignment, now_utc())
    if refused:
        audit.record_staff_action(interpreter, "denied:interpreter-session", citizen=citizen,
                                  remote_addr=request.remote_addr,
                                  detail=f"assignment={assignment.id} {refused}")
        abort(403)
    audit.record_staff_action(interpreter, "read:interpreter-session", citizen=citizen,
                              remote_addr=request.remote_addr, detail=f"assignment={assignment.id}")
    languages = ["da", assignment.language] if assignment.language != "da" else ["da"]
    panels = [(get_locale_info(code), _panel(assignment, code)) for code in languages]
    return render_template("interpreter/session.html", assignment=assignment, citizen=citizen,
                           panels=panels, window=window)
