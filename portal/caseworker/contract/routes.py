"""Caseworker pages for contracts: overview with deadlines, write, send, conclude.

Scoped to the caseworker's municipality (another municipality's citizen → 404) and
audit-logged on every read and change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker import access
from portal.caseworker import services as caseload
from portal.caseworker.contract.forms import (
    ConcludeForm,
    ContractDraftForm,
    ContractTranslationForm,
    SendForm,
)
from portal.clock import now_utc, today_in_denmark
from portal.contract import rendering, services, translation
from portal.contract.services import Content, ContractError
from portal.contract.translation import Translation
from portal.i18n.locales import display_name
from portal.i18n.locales import get as get_locale_info
from portal.models import Citizen, ContractStatus, ContractVersion, StaffRole
from portal.talks import eligibility

bp = Blueprint("caseworker_contract", __name__, url_prefix="/caseworker/contracts")
CASEWORKERS = (StaffRole.CASEWORKER, StaffRole.ADMIN)


@bp.get("/")
@staff_required(*CASEWORKERS)
def overview() -> Any:
    staff = current_staff()
    citizens = caseload.municipality_citizens(staff)
    today = today_in_denmark()
    known = services.versions_by_citizen([c.id for c in citizens])  # one query, not N
    rows = [(c, services.deadline(c, today, known[c.id]), services.current(c, known[c.id]))
            for c in citizens]
    audit.record_staff_read(staff, [c.id for c in citizens], "contracts", request.remote_addr)
    return render_template("caseworker/contract/overview.html", rows=rows, today=today)


def _citizen(citizen_id: int) -> Citizen:
    return access.citizen_or_404(citizen_id)


def _prefill(form: ContractDraftForm, citizen: Citizen) -> None:
    latest = next(iter(services.versions(citizen)), None)
    if latest is None:
        return
    form.goal.data = latest.goal
    form.danish_education.data = latest.danish_education
    form.coordinating_department.data = latest.coordinating_department
    form.municipality_tasks.data = latest.municipality_tasks
    if latest.status == ContractStatus.DRAFT:
        form.change_note.data = latest.change_note
    for entry, row in zip(form.activities, latest.activities, strict=False):
        entry.form.kind.data = row.get("kind") or ""
        entry.form.title.data = row.get("title") or ""
        entry.form.starts_on.data = dt.date.fromisoformat(row["starts_on"])
        entry.form.ends_on.data = (dt.date.fromisoformat(row["ends_on"])
                                   if row.get("ends_on") else None)
        entry.form.hours_per_week.data = row.get("hours_per_week")


def _translatable(draft: ContractVersion) -> list[int]:
    """Indexes of the draft's activities that have details to translate."""
    return [i for i, row in enumerate(draft.activities) if row.get("title")]


def _translation_form(citizen: Citizen, draft: ContractVersion,
                      versions: list[ContractVersion]) -> ContractTranslationForm:
    """The translation form for the draft, filled with the stored translation, or for a
    new revision with the parts of the previous version whose Danish text is unchanged."""
    language = services.citizen_language(citizen)
    form = ContractTranslationForm(formdata=None, prefix=ContractTranslationForm.PREFIX)
    form.locale.data = language
    form.source.data = translation.draft_source(draft)
    stored = translation.stored(draft, language)
    if stored is not None:  # stale parts too: shown so they can be checked and saved again
        text = translation.from_stored(stored)
    else:
        previous = next((v for v in versions if v.number < draft.number), None)
        text = (translation.carried_over(previous, draft, language) if previous else None
                ) or Translation()
    form.goal.data = text.goal
    form.danish_education.data = text.danish_education
    form.municipality_tasks.data = text.municipality_tasks
    form.translated_by.data = text.translated_by
    for index in _translatable(draft):
        form.activities.append_entry({"details": text.activities.get(index, "")})
    return form


def _page(citizen: Citizen, form: ContractDraftForm | None = None,
          conclude: ConcludeForm | None = None, error: object = None, status: int = 200,
          translate: ContractTranslationForm | None = None) -> Any:
    staff = current_staff()
    today = today_in_denmark()
    if form is None:
        form = ContractDraftForm()
        _prefill(form, citizen)
    versions = services.versions(citizen)
    audit.record_staff_read(staff, [citizen.id], "contract", request.remote_addr)
    draft = next((v for v in versions if v.status == ContractStatus.DRAFT), None)
    language = services.citizen_language(citizen)
    if draft is not None and language != "da" and translate is None:
        translate = _translation_form(citizen, draft, versions)
    return render_template(
        "caseworker/contract/citizen.html",
        citizen=citizen,
        versions=versions,
        draft=draft,
        draft_text=rendering.render(draft) if draft else None,
        sent=next((v for v in versions if v.status == ContractStatus.SENT), None),
        deadline=services.deadline(citizen, today),
        progress=eligibility.progress(citizen, today, _),
        form=form,
        conclude=conclude or ConcludeForm(),
        send_form=SendForm(),
        error=error,
        revision=any(v.status != ContractStatus.DRAFT for v in versions),
        status_label=rendering.status_label,
        translate=translate if draft is not None and language != "da" else None,
        translate_rows=list(zip(translate.activities, _translatable(draft), strict=False))
        if translate is not None and draft is not None else [],
        language_name=display_name(language, str(get_locale())),
        language_names=lambda code: display_name(code, str(get_locale())),
        language_info=get_locale_info(language),
        stale=services.stale_translation(draft) if draft is not None else (),
    ), status


@bp.get("/<int:citizen_id>")
@staff_required(*CASEWORKERS)
def citizen_contract(citizen_id: int) -> Any:
    return _page(_citizen(citizen_id))


@bp.post("/<int:citizen_id>/draft")
@staff_required(*CASEWORKERS)
def save_draft(citizen_id: int) -> Any:
    citizen = _citizen(citizen_id)
    form = ContractDraftForm()
    revision = any(v.status != ContractStatus.DRAFT for v in services.versions(citizen))
    ok = form.validate_on_submit()
    if ok and revision and not form.change_note.data:
        form.change_note.errors = [_("Write what changed compared with the previous version.")]
        ok = False
    if not ok:
        return _page(citizen, form=form, status=400)
    staff = current_staff()
    version = services.save_draft(staff, citizen, Content(
        goal=form.goal.data or "",
        activities=form.activity_rows(),
        danish_education=form.danish_education.data or "",
        coordinating_department=form.coordinating_department.data or "",
        municipality_tasks=form.municipality_tasks.data or "",
        change_note=form.change_note.data or None,
    ), now_utc())
    audit.record_staff_action(staff, "contract:draft", citizen=citizen,
                              remote_addr=request.remote_addr, detail=f"version {version.number}")
    flash(_("The draft is saved. Read it through, then send it to the citizen."))
    return redirect(url_for("caseworker_contract.citizen_contract", citizen_id=citizen.id), 303)


@bp.post("/<int:citizen_id>/<int:number>/send")
@staff_required(*CASEWORKERS)
def send(citizen_id: int, number: int) -> Any:
    citizen = _citizen(citizen_id)
    staff = current_staff()
    version = services.staff_version(staff, citizen, number)
    if version is None:
        abort(404)
    if not SendForm().validate_on_submit():
        abort(400)
    try:
        services.send(version, now_utc())
    except ContractError as exc:
        return _page(citizen, error=exc.message, status=409)
    audit.record_staff_action(staff, "contract:send", citizen=citizen,
                              remote_addr=request.remote_addr, detail=f"version {number}")
    flash(_("The contract is sent to the citizen."))
    return redirect(url_for("caseworker_contract.citizen_contract", citizen_id=citizen.id), 303)


@bp.post("/<int:citizen_id>/<int:number>/conclude")
@staff_required(*CASEWORKERS)
def conclude(citizen_id: int, number: int) -> Any:
    citizen = _citizen(citizen_id)
    staff = current_staff()
    version = services.staff_version(staff, citizen, number)
    if version is None:
        abort(404)
    form = ConcludeForm()
    if not form.validate_on_submit():
        return _page(citizen, conclude=form, status=400)
    try:
        services.record_conclusion(staff, version, ContractStatus(form.how.data),
                                   form.note.data or "", now_utc())
    except ContractError as exc:
        return _page(citizen, error=exc.message, status=409)
    audit.record_staff_action(staff, f"contract:{form.how.data}", citizen=citizen,
                              remote_addr=request.remote_addr, detail=f"version {number}")
    flash(_("Recorded."))
    return redirect(url_for("caseworker_contract.citizen_contract", citizen_id=citizen.id), 303)


@bp.post("/<int:citizen_id>/<int:number>/translation")
@staff_required(*CASEWORKERS)
def save_translation(citizen_id: int, number: int) -> Any:
    """The translation for the citizen of a draft's free text (portal.contract.translation)."""
    citizen = _citizen(citizen_id)
    staff = current_staff()
    version = services.staff_version(staff, citizen, number)
    if version is None:
        abort(404)
    if version.status != ContractStatus.DRAFT:  # a sent version never changes
        return _page(citizen, error=services.ONLY_DRAFTS_TRANSLATED, status=409)
    form = ContractTranslationForm(prefix=ContractTranslationForm.PREFIX)
    if not form.validate_on_submit():
        return _page(citizen, translate=form, status=400)
    indexes = _translatable(version)
    details = [entry.form.details.data or "" for entry in form.activities]
    text = Translation(
        goal=form.goal.data or "",
        danish_education=form.danish_education.data or "",
        municipality_tasks=form.municipality_tasks.data or "",
        activities={i: d for i, d in zip(indexes, details, strict=False) if d},
        translated_by=form.translated_by.data or "",
    )
    try:
        services.save_translation(staff, version, form.locale.data or "", form.source.data or "",
                                  text, now_utc())
    except ContractError as exc:
        return _page(citizen, error=exc.message, status=409)
    audit.record_staff_action(staff, "contract:translation", citizen=citizen,
                              remote_addr=request.remote_addr,
                              detail=f"version {number}, {form.locale.data}")
    flash(_("The translation is saved. The citizen sees it when the contract is sent."))
    return redirect(url_for("caseworker_contract.citizen_contract", citizen_id=citizen.id), 303)
