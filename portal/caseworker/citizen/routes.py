"""A citizen seen by their caseworker: facts, full explanation, decisions, access log.

Each page is an audited read (who, role, whom, what, when, from where); each change is
an audited change. Citizens of another municipality are not found (404).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from portal.assessment.services import citizen_document
from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker import access
from portal.caseworker.citizen import forms, services
from portal.citizen.rights.services import DUTY_TITLES
from portal.clock import today_in_denmark
from portal.models import Citizen, DecisionKind, StaffRole
from portal.rules.render import caseworker_lines

bp = Blueprint("caseworker_citizen", __name__, url_prefix="/caseworker/citizens")
CASEWORKERS = (StaffRole.CASEWORKER, StaffRole.ADMIN)


def _citizen(citizen_id: int) -> Citizen:
    return access.citizen_or_404(citizen_id, with_facts=True)


def _lines_by_conclusion(citizen: Citizen, on: dt.date) -> dict[str, list[Any]]:
    assessment = services.assessment_on(citizen, on)
    grouped: dict[str, list[Any]] = {}
    for line in caseworker_lines(assessment, _, format_date=lambda d: format_date(d, "long")):
        grouped.setdefault(line.conclusion, []).append(line)
    return grouped


@bp.get("/<int:citizen_id>")
@staff_required(*CASEWORKERS)
def overview(citizen_id: int) -> Any:
    citizen = _citizen(citizen_id)
    staff = current_staff()
    as_of = forms.AsOfForm(request.args)
    today = today_in_denmark()
    on = as_of.on.data if as_of.validate() and as_of.on.data else today
    audit.record_staff_action(staff, "read:overview", citizen=citizen,
                              remote_addr=request.remote_addr, detail=f"on={on.isoformat()}")
    return render_template(
        "caseworker/citizen/overview.html",
        citizen=citizen,
        on=on,
        today=today,
        as_of=as_of,
        lines=_lines_by_conclusion(citizen, on),
        document=citizen_document(citizen, on, _),
        decision_labels=forms.DECISION_LABELS,
        titles=DUTY_TITLES,
    )


@bp.route("/<int:citizen_id>/facts", methods=["GET", "POST"])
@staff_required(*CASEWORKERS)
def edit_facts(citizen_id: int) -> Any:
    citizen = _citizen(citizen_id)
    staff = current_staff()
    form = forms.FactsForm(
        data=None if request.method == "POST" else services.form_data(citizen),
        today=today_in_denmark(),
        municipalities=services.municipality_choices(),
    )
    if request.method == "POST":
        valid = form.validate()
        valid = forms.past_date_errors(form) and valid
        if valid:
            changed = services.update_facts(citizen, form.data)
            audit.record_staff_action(staff, "change:facts", citizen=citizen,
                                      remote_addr=request.remote_addr,
                                      detail=",".join(changed) or "no change")
            flash(_("The facts are saved."))
            if citizen.municipality_id != staff.municipality_id:
                return redirect(url_for("caseworker.caseload"))
            return redirect(url_for(".overview", citizen_id=citizen.id))
    else:
        audit.record_staff_action(staff, "read:facts", citizen=citizen,
                                  remote_addr=request.remote_addr)
    return render_template("caseworker/citizen/facts.html", citizen=citizen, form=form,
                           past=forms.PAST_DATES, future=forms.FUTURE_ALLOWED,
                           tristate=forms.TRISTATE_FIELDS)


@bp.route("/<int:citizen_id>/decisions", methods=["GET", "POST"])
@staff_required(*CASEWORKERS)
def decisions(citizen_id: int) -> Any:
    citizen = _citizen(citizen_id)
    staff = current_staff()
    form = forms.DecisionForm()
    today = today_in_denmark()
    kind = DecisionKind(form.kind.data) if form.kind.data in set(DecisionKind) else None
    basis = services.propose_legal_basis(
        citizen, kind or DecisionKind.JOBLOG_EXEMPTION, form.valid_from.data or today
    )
    if form.validate_on_submit() and kind is not None:
        if not basis.citations:
            form.kind.errors = [
                *form.kind.errors,
                _("The rules give this decision no effect on that date. Check the kind and "
                  "the date."),
            ]
        else:
            services.add_decision(citizen, staff, kind, form.valid_from.data,
                                  form.valid_to.data, form.reason.data)
            audit.record_staff_action(staff, "change:decision", citizen=citizen,
                                      remote_addr=request.remote_addr, detail=str(kind))
            flash(_("The decision is recorded. The citizen's pages show it now."))
            return redirect(url_for(".decisions", citizen_id=citizen.id))
    if request.method == "GET":
        audit.record_staff_action(staff, "read:decisions", citizen=citizen,
                                  remote_addr=request.remote_addr)
    bases = {
        k: services.propose_legal_basis(citizen, k, today).citations for k in DecisionKind
    }
    return render_template("caseworker/citizen/decisions.html", citizen=citizen, form=form,
                           end_form=forms.EndDecisionForm(), bases=bases,
                           labels=forms.DECISION_LABELS, today=today)


@bp.post("/<int:citizen_id>/decisions/<int:decision_id>/end")
@staff_required(*CASEWORKERS)
def end_decision(citizen_id: int, decision_id: int) -> Any:
    citizen = _citizen(citizen_id)
    form = forms.EndDecisionForm()
    if not form.validate():
        flash(_("Enter the last day of the decision."))
        return redirect(url_for(".decisions", citizen_id=citizen.id))
    try:
        decision = services.end_decision(citizen, decision_id, form.valid_to.data)
    except ValueError:
        flash(_("The last day cannot be before the decision started."))
        return redirect(url_for(".decisions", citizen_id=citizen.id))
    if decision is None:
        abort(404)
    audit.record_staff_action(current_staff(), "change:decision-ended", citizen=citizen,
                              remote_addr=request.remote_addr, detail=str(decision.kind))
    flash(_("The decision is ended."))
    return redirect(url_for(".decisions", citizen_id=citizen.id))


@bp.get("/<int:citizen_id>/access-log")
@staff_required(*CASEWORKERS)
def access_log(citizen_id: int) -> Any:
    citizen = _citizen(citizen_id)
    rows = services.access_log(citizen)
    audit.record_staff_action(current_staff(), "read:access-log", citizen=citizen,
                              remote_addr=request.remote_addr)
    return render_template("caseworker/citizen/access_log.html", citizen=citizen, rows=rows)
