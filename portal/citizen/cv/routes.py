"""The citizen's CV pages (IL § 26 b). Thin: parse, call the services, render."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from portal.assessment.duty import duties
from portal.auth.current_user import citizen_required, current_citizen
from portal.citizen.cv import forms, services
from portal.citizen.cv.file_check import MAX_BYTES, UploadRejected
from portal.citizen.cv.json_resume import to_json_resume
from portal.clock import now_utc, today_in_denmark
from portal.models import CvFile

bp = Blueprint("cv", __name__, url_prefix="/citizen/cv")
bp.add_app_template_filter(dt.date.fromisoformat, "isodate")

UPLOAD_ERRORS = {
    "empty": _l("The file is empty. Choose your CV file again."),
    "too_large": _l("The file is larger than 5 MB. Choose a smaller file."),
    "wrong_type": _l("The file is not a PDF or a Word (.docx) file. Choose a PDF or .docx file."),
    "active_content": _l(
        "The file contains macros or other active content. Save it as a plain PDF or .docx "
        "and try again."
    ),
    "damaged": _l("The file is damaged or protected. Save it again as PDF or .docx and try again."),
    "zip_bomb": _l("The file cannot be read safely. Save it again as PDF or .docx and try again."),
}
SECTION_FORMS: dict[str, type[FlaskForm]] = {
    "job_goals": forms.JobGoalForm,
    "experience": forms.ExperienceForm,
    "education": forms.EducationForm,
    "languages": forms.LanguageForm,
}
SECTION_TITLES = {
    "job_goals": _l("Add a job goal"),
    "experience": _l("Add work experience"),
    "education": _l("Add an education"),
    "languages": _l("Add a language"),
}


def upload_dir() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def _item(section: str, form: Any) -> dict[str, Any]:
    if section == "job_goals":
        return {"title": form.title.data, "isco": form.isco.data or None}
    if section == "experience":
        return {"employer": form.employer.data, "title": form.title.data,
                "country": form.country.data, "from": form.started_on.data.isoformat(),
                "to": form.ended_on.data.isoformat() if form.ended_on.data else None,
                "tasks": form.tasks.data or None}
    if section == "education":
        return {"institution": form.institution.data, "field": form.field_of_study.data or None,
                "country": form.country.data, "level": form.level.data,
                "completed": bool(form.completed.data),
                "completed_year": form.completed_year.data}
    return {"language": form.language.data, "level": form.level.data}


@bp.get("/")
@citizen_required
def index() -> Any:
    citizen = current_citizen()
    today = today_in_denmark()
    cv = services.cv_of(citizen)
    visibility = forms.VisibilityForm(visible=bool(cv and cv.visible_to_employers))
    return render_template(
        "citizen/cv/index.html",
        cv=cv,
        duty=duties(citizen, ("cv", "cv_job_goal"), today),
        today=today,
        visibility=visibility,
        upload=forms.UploadForm(),
        file=services.current_file(citizen),
        cefr=dict(forms.CEFR_LEVELS),
        levels=dict(forms.EDUCATION_LEVELS),
    )


@bp.route("/profile", methods=["GET", "POST"])
@citizen_required
def edit_profile() -> Any:
    citizen = current_citizen()
    cv = services.cv_of(citizen)
    form = forms.ProfileForm(obj=cv)
    if form.validate_on_submit():
        services.update_profile(citizen, {n: getattr(form, n).data
                                          for n in services.PROFILE_FIELDS}, now_utc())
        flash(_("Your CV is saved."))
        return redirect(url_for("cv.index"))
    return render_template("citizen/cv/profile_form.html", form=form)


@bp.route("/<section>/new", methods=["GET", "POST"])
@citizen_required
def add_item(section: str) -> Any:
    form_class = SECTION_FORMS.get(section)
    if form_class is None:
        abort(404)
    form = form_class()
    if form.validate_on_submit():
        added = services.add_item(current_citizen(), section, _item(section, form),
                                  form.idempotency_key.data, now_utc())
        flash(_("Your CV is saved.") if added
              else _("This was already saved. It is in your CV once."))
        return redirect(url_for("cv.index"))
    return render_template("citizen/cv/item_form.html", form=form, section=section,
                           title=SECTION_TITLES[section])


@bp.post("/<section>/<key>/remove")
@citizen_required
def remove_item(section: str, key: str) -> Any:
    if section not in SECTION_FORMS or not FlaskForm().validate_on_submit():
        abort(404)
    if not services.remove_item(current_citizen(), section, key, now_utc()):
        abort(404)
    flash(_("Removed from your CV."))
    return redirect(url_for("cv.index"))


@bp.post("/visibility")
@citizen_required
def set_visibility() -> Any:
    form = forms.VisibilityForm()
    if form.validate_on_submit():
        citizen = current_citizen()
        goal = duties(citizen, ("cv_job_goal",), today_in_denmark())["cv_job_goal"]
        try:
            services.set_visible(citizen, bool(form.visible.data), now_utc(),
                                 goal_required=goal.applies)
        except services.JobGoalMissing:
            flash(_("Add at least one job goal before you make your CV visible."))
        else:
            flash(_("Your CV is now visible to employers.") if form.visible.data
                  else _("Your CV is now hidden from employers."))
    return redirect(url_for("cv.index"))


@bp.post("/file")
@citizen_required
def upload_file() -> Any:
    form = forms.UploadForm()
    error: str | None = None
    if form.validate_on_submit():
        storage = form.file.data
        try:
            data = storage.stream.read(MAX_BYTES + 1)
        finally:
            storage.close()
        try:
            services.store_file(current_citizen(), data, storage.filename or "cv",
                                upload_dir(), now_utc())
        except UploadRejected as rejected:
            error = str(UPLOAD_ERRORS[rejected.reason])
        else:
            flash(_("Your CV file is uploaded."))
            return redirect(url_for("cv.index"))
    else:
        error = next((e for errs in form.errors.values() for e in errs), None)
    citizen = current_citizen()
    cv = services.cv_of(citizen)
    today = today_in_denmark()
    if error:
        form.file.errors = [error]
    return render_template(
        "citizen/cv/index.html", cv=cv, duty=duties(citizen, ("cv", "cv_job_goal"), today),
        today=today, visibility=forms.VisibilityForm(visible=bool(cv and cv.visible_to_employers)),
        upload=form, form=form, file=services.current_file(citizen),
        cefr=dict(forms.CEFR_LEVELS), levels=dict(forms.EDUCATION_LEVELS),
    ), 400


def send_cv_file(record: CvFile) -> Any:
    """A download (never shown inline) with the checked type, sandboxed."""
    response = send_file(
        io.BytesIO(services.file_path(record, upload_dir()).read_bytes()),
        mimetype=services.CONTENT_TYPES[record.file_type],
        as_attachment=True,
        download_name=record.original_name,
        max_age=0,
    )
    response.headers["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/file/<int:file_id>")
@citizen_required
def download_file(file_id: int) -> Any:
    record = services.file_of(current_citizen(), file_id)
    if record is None:
        abort(404)
    return send_cv_file(record)


@bp.post("/file/<int:file_id>/remove")
@citizen_required
def remove_file(file_id: int) -> Any:
    record = services.file_of(current_citizen(), file_id)
    if record is None or not FlaskForm().validate_on_submit():
        abort(404)
    services.remove_file(record, upload_dir(), now_utc())
    flash(_("Your CV file is removed."))
    return redirect(url_for("cv.index"))


@bp.get("/print")
@citizen_required
def print_cv() -> Any:
    citizen = current_citizen()
    return render_template("citizen/cv/print.html", cv=services.cv_of(citizen),
                           cefr=dict(forms.CEFR_LEVELS), levels=dict(forms.EDUCATION_LEVELS))


@bp.get("/resume.json")
@citizen_required
def json_resume() -> Any:
    citizen = current_citizen()
    response = jsonify(to_json_resume(citizen, services.cv_of(citizen)))
    response.headers["Content-Disposition"] = 'attachment; filename="resume.json"'
    return response


