"""Caseworker pages for job talks: publish and withdraw slots, see bookings, cancel a
booked talk with a reason, record outcomes.

Scoped to the caseworker's municipality (another's slot or booking is a 404); every page
that shows citizens is audit-logged, and so is every change.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker.talks.forms import (
    CancelBookedTalkForm,
    OutcomeForm,
    PublishSlotsForm,
    WithdrawSlotForm,
)
from portal.clock import now_utc, today_in_denmark
from portal.models import Booking, BookingStatus, StaffRole, TalkSlot
from portal.talks import notify, publishing
from portal.talks.clock import as_utc
from portal.talks.services import BookingError
from portal.talks.wording import form_name

bp = Blueprint("caseworker_talks", __name__, url_prefix="/caseworker/talks")
CASEWORKERS = (StaffRole.CASEWORKER, StaffRole.ADMIN)


def _page(form: PublishSlotsForm, status: int = 200) -> Any:
    staff = current_staff()
    now = now_utc()
    rows = publishing.municipality_slots(staff, now)
    citizens = [b.citizen for r in rows for b in (r.booking, r.cancelled) if b is not None]
    if citizens:
        audit.record_staff_read(staff, [c.id for c in citizens], "talk_bookings",
                                request.remote_addr)
    return render_template(
        "caseworker/talks/index.html", form=form, rows=rows, now=now,
        outcome_form=OutcomeForm(), form_name=form_name,
        started=lambda slot: as_utc(slot.starts_at) <= now,
    ), status


@bp.get("/")
@staff_required(*CASEWORKERS)
def index() -> Any:
    form = PublishSlotsForm()
    if form.first_day.data is None:
        form.first_day.data = today_in_denmark()
    return _page(form)


@bp.post("/")
@staff_required(*CASEWORKERS)
def publish() -> Any:
    form = PublishSlotsForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    spec = publishing.SlotSpec(
        first_day=form.first_day.data,
        weeks=form.weeks.data,
        start=form.start_time.data,
        end=form.end_time.data,
        minutes=int(form.minutes.data),
        forms=tuple(form.talk_forms.data),
        address=form.address.data or None,
        phone_note=form.phone_note.data or None,
        video_url=form.video_url.data or None,
        interpreter_languages=tuple(form.interpreter_languages.data or ()),
        book_by_hours=form.book_by_hours.data,
        change_by_hours=form.change_by_hours.data,
    )
    if len(publishing.starts(spec)) > publishing.MAX_SLOTS_AT_ONCE:
        form.weeks.errors.append(_("That is too many times at once. Publish fewer weeks."))
        return _page(form, 400)
    slots = publishing.create_slots(current_staff(), spec, now_utc())
    flash(ngettext("%(num)d time published.", "%(num)d times published.", len(slots)))
    return redirect(url_for("caseworker_talks.index"), 303)


@bp.post("/bookings/<int:booking_id>/outcome")
@staff_required(*CASEWORKERS)
def record_outcome(booking_id: int) -> Any:
    staff = current_staff()
    booking = publishing.staff_booking(staff, booking_id)
    if booking is None:
        abort(404)
    form = OutcomeForm()
    if not form.validate_on_submit():
        flash(_("Choose whether the talk was held."))
        return redirect(url_for("caseworker_talks.index"), 303)
    try:
        publishing.record_outcome(
            staff, booking, form.outcome.data == "held", form.talk_form.data or "in_person",
            now_utc(),
        )
    except BookingError as exc:
        flash(str(exc.message))
        return redirect(url_for("caseworker_talks.index"), 303)
    audit.record_staff_action(
        staff, f"talk:{form.outcome.data}", citizen=booking.citizen,
        remote_addr=request.remote_addr, detail=f"booking {booking.id}",
    )
    flash(_("The outcome is recorded."))
    return redirect(url_for("caseworker_talks.index"), 303)


def _own_slot(slot_id: int) -> TalkSlot:
    slot = publishing.staff_slot(current_staff(), slot_id)
    if slot is None:
        abort(404)
    return slot


def _own_booking(booking_id: int) -> Booking:
    booking = publishing.staff_booking(current_staff(), booking_id)
    if booking is None:
        abort(404)
    return booking


def _withdraw_page(slot: TalkSlot, error: object = None, status: int = 200) -> Any:
    booking = publishing.active_booking(slot)
    now = now_utc()
    series_free = (publishing.free_in_series(current_staff(), slot, now)
                   if slot.series and not slot.withdrawn and booking is None else 0)
    return render_template(
        "caseworker/talks/withdraw.html", slot=slot, booking=booking, form=WithdrawSlotForm(),
        error=error, started=as_utc(slot.starts_at) <= now, form_name=form_name,
        later_in_series=max(series_free - 1, 0),
    ), status


@bp.get("/slots/<int:slot_id>/withdraw")
@staff_required(*CASEWORKERS)
def withdraw_form(slot_id: int) -> Any:
    return _withdraw_page(_own_slot(slot_id))


@bp.post("/slots/<int:slot_id>/withdraw")
@staff_required(*CASEWORKERS)
def withdraw(slot_id: int) -> Any:
    staff = current_staff()
    slot = _own_slot(slot_id)
    form = WithdrawSlotForm()
    if not form.validate_on_submit():
        abort(400)
    if form.series.data and slot.series:
        return _withdraw_series(slot)
    try:
        done = publishing.withdraw_slot(staff, slot, now_utc())
    except BookingError as exc:
        return _withdraw_page(slot, exc.message, 409)
    if done:
        audit.record_staff_action(staff, "talk:withdraw", citizen=None,
                                  remote_addr=request.remote_addr, detail=f"slot {slot.id}")
        flash(_("The time is withdrawn. Citizens can no longer see or book it."))
    return redirect(url_for("caseworker_talks.index"), 303)


def _withdraw_series(slot: TalkSlot) -> Any:
    staff = current_staff()
    withdrawn, kept = publishing.withdraw_series(staff, slot, now_utc())
    if withdrawn:
        audit.record_staff_action(staff, "talk:withdraw", citizen=None,
                                  remote_addr=request.remote_addr,
                                  detail=f"series {slot.series} from slot {slot.id}: {withdrawn}")
    flash(ngettext("%(num)d time is withdrawn. Citizens can no longer see or book it.",
                   "%(num)d times are withdrawn. Citizens can no longer see or book them.",
                   withdrawn))
    if kept:
        flash(ngettext(
            "%(num)d booked time in the series was kept. Cancel that talk if it cannot "
            "take place.",
            "%(num)d booked times in the series were kept. Cancel those talks if they cannot "
            "take place.", kept))
    return redirect(url_for("caseworker_talks.index"), 303)


def _cancel_page(
    booking: Booking, form: CancelBookedTalkForm, error: object = None, status: int = 200
) -> Any:
    staff = current_staff()
    audit.record_staff_read(staff, [booking.citizen_id], "talk_booking", request.remote_addr)
    now = now_utc()
    return render_template(
        "caseworker/talks/cancel.html", booking=booking, form=form, error=error,
        can_cancel=booking.status == BookingStatus.BOOKED and as_utc(booking.starts_at) > now,
        form_name=form_name,
    ), status


@bp.get("/bookings/<int:booking_id>/cancel")
@staff_required(*CASEWORKERS)
def cancel_form(booking_id: int) -> Any:
    return _cancel_page(_own_booking(booking_id), CancelBookedTalkForm())


@bp.post("/bookings/<int:booking_id>/cancel")
@staff_required(*CASEWORKERS)
def cancel(booking_id: int) -> Any:
    staff = current_staff()
    booking = _own_booking(booking_id)
    form = CancelBookedTalkForm()
    if not form.validate_on_submit():
        return _cancel_page(booking, form, status=400)
    try:
        done = publishing.cancel_talk(staff, booking, form.reason.data or "", now_utc())
    except BookingError as exc:
        return _cancel_page(booking, form, exc.message, 409)
    if done:
        audit.record_staff_action(staff, "talk:cancel", citizen=booking.citizen,
                                  remote_addr=request.remote_addr, detail=f"booking {booking.id}")
        if notify.cancelled_by_jobcentre(booking):
            flash(_("The talk is cancelled and its time withdrawn. The citizen has been told "
                    "by e-mail."))
        else:
            flash(_("The talk is cancelled and its time withdrawn. We could not send the "
                    "citizen an e-mail; they see the cancellation on Min integration."))
    return redirect(url_for("caseworker_talks.index"), 303)
