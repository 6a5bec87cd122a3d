"""The caseworker's review queue and a citizen's joblog and CV (IL § 26 a, stk. 7).

Every page that shows a citizen's joblog or CV is written to the audit log.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal.assessment.duty import duties
from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker.review import services
from portal.caseworker.review.forms import AgreementForm, ExemptionForm, ReviewForm
from portal.citizen.cv import services as cv_services
from portal.citizen.cv.forms import CEFR_LEVELS, EDUCATION_LEVELS
from portal.citizen.cv.routes import send_cv_file
from portal.citizen.joblog.forms import KIND_LABELS, STATUS_LABELS
from portal.clock import now_utc, today_in_denmark
from portal.models import Citizen, DecisionKind, StaffRole

bp = Blueprint("review", __name__, url_prefix="/caseworker/review")
STAFF = (StaffRole.CASEWORKER, StaffRole.ADMIN)


def _citizen(citizen_id: int) -> Citizen:
    try:
        return services.citizen_for(current_staff(), citizen_id)
    except services.NotFound:
        abort(404)


@bp.get("/")
@staff_required(*STAFF)
def queue() -> Any:
    staff = current_staff()
    items = services.queue(staff)
    quiet = services.quiet_joblogs(staff, today_in_denmark())
    seen = list({c.id: c for c in [i.citizen for i in items] + [c for c, _ in quiet]}.values())
    audit.record_staff_read(staff, seen, "review_queue", request.remote_addr)
    return render_template("caseworker/review/queue.html", items=items, quiet=quiet,
                           kind_labels=KIND_LABELS)


def _render_citizen(citizen: Citizen, status: int = 200, **forms: Any) -> Any:
    staff = current_staff()
    today = today_in_denmark()
    audit.record_staff_read(staff, [citizen], "joblog", request.remote_addr)
    audit.record_staff_read(staff, [citizen], "cv", request.remote_addr)
    exemption = forms.get("exemption") or ExemptionForm(valid_from=today)
    return render_template(
        "caseworker/review/citizen.html",
        citizen=citizen,
        entries=services.joblog_entries(citizen),
        cv=cv_services.cv_of(citizen),
        file=cv_services.current_file(citizen),
        duty=duties(citizen, ("joblog", "cv"), today),
        proposed={k.value: services.proposed_basis(citizen, k, today)
                  for k in services.EXEMPTION_DUTIES},
        exemption=exemption,
        form=forms.get("form", exemption),
        agreement=forms.get("agreement") or AgreementForm(
            applications_per_week=services.agreement_of(citizen)),
        review_form=ReviewForm(),
        kind_labels=KIND_LABELS, status_labels=STATUS_LABELS,
        cefr=dict(CEFR_LEVELS), levels=dict(EDUCATION_LEVELS),
    ), status


@bp.get("/citizens/<int:citizen_id>")
@staff_required(*STAFF)
def citizen(citizen_id: int) -> Any:
    return _render_citizen(_citizen(citizen_id))


def _review(citizen_id: int, what: str, run: Any, done: dict[str, str],
            detail: str | None = None) -> Any:
    """Mark something as reviewed or send it back with a comment (one shape for the joblog
    entry and the CV): ``run(staff, person, send_back, comment, now)`` does it."""
    person = _citizen(citizen_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        flash(_("Write a comment that tells the citizen what to change"))
        return redirect(url_for("review.citizen", citizen_id=person.id))
    try:
        run(current_staff(), person, form.action.data == "return", form.comment.data, now_utc())
    except services.NotFound:
        abort(404)
    audit.record_staff_action(current_staff(), f"review:{what}:{form.action.data}",
                              citizen=person, remote_addr=request.remote_addr, detail=detail)
    flash(done["reviewed"] if form.action.data == "reviewed" else done["return"])
    return redirect(url_for("review.citizen", citizen_id=person.id))


@bp.post("/citizens/<int:citizen_id>/joblog/<int:entry_id>")
@staff_required(*STAFF)
def review_entry(citizen_id: int, entry_id: int) -> Any:
    def run(staff: Any, person: Any, send_back: bool, comment: str, now: Any) -> None:
        services.review_entry(staff, person, entry_id, send_back=send_back, comment=comment,
                              now=now)

    return _review(citizen_id, "joblog", run, {
        "reviewed": _("The joblog entry is marked as reviewed."),
        "return": _("The joblog entry is sent back to the citizen."),
    }, detail=f"entry {entry_id}")


@bp.post("/citizens/<int:citizen_id>/cv")
@staff_required(*STAFF)
def review_cv(citizen_id: int) -> Any:
    def run(staff: Any, person: Any, send_back: bool, comment: str, now: Any) -> None:
        services.review_cv(staff, person, send_back=send_back, comment=comment, now=now)

    return _review(citizen_id, "cv", run, {
        "reviewed": _("The CV is marked as reviewed."),
        "return": _("The CV is sent back to the citizen."),
    })


@bp.post("/citizens/<int:citizen_id>/exemptions")
@staff_required(*STAFF)
def record_exemption(citizen_id: int) -> Any:
    person = _citizen(citizen_id)
    form = ExemptionForm()
    if not form.validate_on_submit():
        return _render_citizen(person, 400, exemption=form, form=form)
    decision = services.record_exemption(
        current_staff(), person, DecisionKind(form.kind.data), valid_from=form.valid_from.data,
        valid_to=form.valid_to.data, reason=form.reason.data,
        other_documentation=form.other_documentation.data)
    audit.record_staff_action(current_staff(), f"decide:{decision.kind}", citizen=person,
                              remote_addr=request.remote_addr, detail=f"decision {decision.id}")
    flash(_("The exemption is recorded. The citizen's pages show it now."))
    return redirect(url_for("review.citizen", citizen_id=person.id))


@bp.post("/citizens/<int:citizen_id>/agreement")
@staff_required(*STAFF)
def set_agreement(citizen_id: int) -> Any:
    person = _citizen(citizen_id)
    form = AgreementForm()
    if not form.validate_on_submit():
        return _render_citizen(person, 400, agreement=form, form=form)
    services.set_agreement(current_staff(), person, form.applications_per_week.data)
    audit.record_staff_action(current_staff(), "change:joblog_agreement", citizen=person,
                              remote_addr=request.remote_addr)
    flash(_("The agreed number of applications is saved."))
    return redirect(url_for("review.citizen", citizen_id=person.id))


@bp.get("/citizens/<int:citizen_id>/cv-file/<int:file_id>")
@staff_required(*STAFF)
def download_cv_file(citizen_id: int, file_id: int) -> Any:
    """The uploaded CV file: for the citizen's own caseworker (and team leads) only."""
    person = _citizen(citizen_id)
    staff = current_staff()
    if staff.role != StaffRole.ADMIN and person.caseworker_id != staff.id:
        audit.record_staff_action(staff, "denied:cv_file", citizen=person,
                                  remote_addr=request.remote_addr, detail="not their citizen")
        abort(403)
    record = cv_services.file_of(person, file_id)
    if record is None:
        abort(404)
    audit.record_staff_read(current_staff(), [person], "cv_file", request.remote_addr)
    return send_cv_file(record)
