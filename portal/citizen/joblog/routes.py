"""The citizen's joblog pages (IL § 26 a). Thin: parse, call the services, render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from portal.assessment.duty import duties
from portal.auth.current_user import citizen_required, current_citizen
from portal.citizen.joblog import services
from portal.citizen.joblog.forms import KIND_LABELS, STATUS_LABELS, JoblogEntryForm
from portal.clock import now_utc, today_in_denmark
from portal.models import ActivityKind, ActivityStatus, JoblogEntry

bp = Blueprint("joblog", __name__, url_prefix="/citizen/joblog")
# dates shown in the user's locale (Babel) in the joblog, CV and review templates
bp.add_app_template_global(format_date, "format_date")


def _data(form: JoblogEntryForm) -> services.EntryData:
    return services.EntryData(
        activity_on=form.activity_on.data,
        kind=ActivityKind(form.kind.data),
        employer=form.employer.data,
        status=ActivityStatus(form.status.data),
        job_title=form.job_title.data,
        source=form.source.data,
        note=form.note.data,
    )


def _own_entry(entry_id: int) -> JoblogEntry:
    entry = services.entry_of(current_citizen(), entry_id)
    if entry is None:
        abort(404)
    return entry


@bp.get("/")
@citizen_required
def index() -> Any:
    citizen = current_citizen()
    today = today_in_denmark()
    return render_template(
        "citizen/joblog/index.html",
        duty=duties(citizen, ("joblog",), today)["joblog"],
        weeks=services.weeks(citizen, today),
        agreed=services.agreed_per_week(citizen),
        silent_since=services.silent_since(citizen, today),
        kind_labels=KIND_LABELS,
        status_labels=STATUS_LABELS,
    )


@bp.route("/new", methods=["GET", "POST"])
@citizen_required
def new_entry() -> Any:
    form = JoblogEntryForm()
    if not form.is_submitted():
        form.activity_on.data = today_in_denmark()
    if form.validate_on_submit():
        _entry, created = services.add_entry(
            current_citizen(), _data(form), form.idempotency_key.data, now_utc()
        )
        flash(_("Your activity is saved in your joblog.") if created
              else _("This activity was already saved. It is in your joblog once."))
        return redirect(url_for("joblog.index"))
    return render_template("citizen/joblog/entry_form.html", form=form, entry=None)


@bp.route("/<int:entry_id>/edit", methods=["GET", "POST"])
@citizen_required
def edit_entry(entry_id: int) -> Any:
    entry = _own_entry(entry_id)
    if not entry.editable:
        flash(_("This activity has been reviewed by your caseworker and can no longer be changed."))
        return redirect(url_for("joblog.index"))
    form = JoblogEntryForm(obj=entry)
    if form.validate_on_submit():
        services.update_entry(entry, _data(form), now_utc())
        flash(_("Your changes are saved."))
        return redirect(url_for("joblog.index"))
    return render_template("citizen/joblog/entry_form.html", form=form, entry=entry)


@bp.post("/<int:entry_id>/withdraw")
@citizen_required
def withdraw_entry(entry_id: int) -> Any:
    entry = _own_entry(entry_id)
    try:
        services.withdraw_entry(entry, now_utc())
    except services.NotEditable:
        flash(_("This activity has been reviewed by your caseworker and can no longer be changed."))
    else:
        flash(_("The activity is withdrawn. It stays in your joblog, marked as withdrawn."))
    return redirect(url_for("joblog.index"))


@bp.app_context_processor
def _joblog_notice() -> dict[str, Any]:
    """``joblog_silent_since()`` for templates/citizen/_joblog_notice.html (the start page):
    the day the joblog went quiet, when the duty applies and it has been 30 days."""

    def joblog_silent_since(document: dict[str, Any] | None = None) -> dt.date | None:
        """``document``: the start page's assessment, when it has one (no second one)."""
        citizen = current_citizen()
        today = today_in_denmark()
        if document is not None:
            joblog = next((d for d in document["duties"] if d["code"] == "joblog"), None)
            applies = joblog is not None and joblog["status"] == "applies"
        else:
            applies = duties(citizen, ("joblog",), today)["joblog"].applies
        if not applies:
            return None
        return services.silent_since(citizen, today)

    return {"joblog_silent_since": joblog_silent_since}
