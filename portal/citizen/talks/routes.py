"""Citizen pages for job talks: list and book, receipt, calendar file, move, cancel."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from portal.auth.current_user import citizen_required, current_citizen
from portal.citizen.talks.forms import BookTalkForm, CancelTalkForm
from portal.clock import danish_date, now_utc, today_in_denmark
from portal.interpreter import services as interpreter_access
from portal.models import Booking, BookingStatus
from portal.talks import clock, eligibility, ics, notify, services
from portal.talks.clock import as_utc
from portal.talks.services import BookingError
from portal.talks.weeks import WeekChoice, parse_week
from portal.talks.wording import form_name, where

bp = Blueprint("citizen_talks", __name__, url_prefix="/citizen/talks")
bp.add_app_template_filter(clock.clock, "clock")
bp.add_app_template_filter(clock.local_day, "localday")
#: a talk the jobcentre cancelled stays on the citizen's page this long after its time
CANCELLED_SHOWN_FOR = dt.timedelta(days=30)


def _rules() -> eligibility.TalkRules:
    return eligibility.TalkRules(current_citizen(), _)


def _week(raw: object) -> WeekChoice:
    """The week asked for in ``?week=`` or the booking form (validated in ``weeks``)."""
    return parse_week(raw, today_in_denmark())


def _index(
    form: BookTalkForm | None = None, error: object = None, status: int = 200,
    week: WeekChoice | None = None,
) -> Any:
    citizen = current_citizen()
    rules = _rules()
    now = now_utc()
    today = danish_date(now)
    self_booking = rules.self_booking(today)
    bookings = services.citizen_bookings(citizen)
    upcoming = sorted((b for b in bookings if b.status == BookingStatus.BOOKED),
                      key=lambda b: b.starts_at)
    choice = week or _week(request.args.get("week"))
    free = services.free_week(citizen, rules, now, choice) if self_booking.may_book else None
    return (
        render_template(
            "citizen/talks/index.html",
            self_booking=self_booking,
            progress=eligibility.progress(citizen, today, rules.translate),
            upcoming=upcoming,
            past=[b for b in bookings if b.status in (BookingStatus.HELD, BookingStatus.NO_SHOW)],
            cancelled=[b for b in bookings if b.cancelled_by_jobcentre
                       and as_utc(b.starts_at) >= now - CANCELLED_SHOWN_FOR],
            week=free,
            week_url=lambda param: url_for("citizen_talks.index", week=param),
            form=form or BookTalkForm(),
            error=error,
            page_key=secrets.token_hex(8),
            action=url_for("citizen_talks.book"),
            now=now,
            can_change=lambda b: services.can_change(b, now),
            form_name=form_name,
        ),
        status,
    )


@bp.get("/")
@citizen_required
def index() -> Any:
    return _index()


@bp.post("/book")
@citizen_required
def book() -> Any:
    form = BookTalkForm()
    if not form.validate_on_submit():
        return _index(form, status=400, week=_week(form.week.data))
    try:
        booking, created = services.book(
            current_citizen(), form.slot_id.data, form.talk_form.data or "",
            bool(form.interpreter.data), form.request_key.data or "", _rules(), now_utc(),
        )
    except BookingError as exc:
        return _index(None, exc.message, status=409, week=_week(form.week.data))
    if created and not notify.booked(booking):
        flash(_("We could not send the e-mail. Your talk is booked; the details are below."))
    return redirect(url_for("citizen_talks.receipt", booking_id=booking.id), 303)


def _own(booking_id: int) -> Booking:
    booking = services.citizen_booking(current_citizen(), booking_id)
    if booking is None:
        abort(404)
    return booking


@bp.get("/<int:booking_id>")
@citizen_required
def receipt(booking_id: int) -> Any:
    booking = _own(booking_id)
    return render_template(
        "citizen/talks/receipt.html",
        booking=booking,
        can_change=services.can_change(booking, now_utc()),
        changeable_until=services.changeable_until(booking),
        form_name=form_name,
        where=where(booking),
        interpreter=interpreter_access.assignment_for_booking(booking.id),
    )


@bp.get("/<int:booking_id>/job-talk.ics")
@citizen_required
def calendar_file(booking_id: int) -> Any:
    booking = _own(booking_id)
    data = ics.calendar(
        booking,
        summary=_("Job talk with the jobcentre"),
        description=form_name(booking.form),
        location=where(booking),
        cancelled=booking.status == BookingStatus.CANCELLED,
    )
    return Response(
        data,
        mimetype="text/calendar",
        headers={"Content-Disposition": "attachment; filename=job-talk.ics"},
    )


def _move_page(
    booking: Booking, form: BookTalkForm | None = None, error: object = None, status: int = 200,
    week: WeekChoice | None = None,
) -> Any:
    rules = _rules()
    now = now_utc()
    choice = week or _week(request.args.get("week"))
    free = services.free_week(current_citizen(), rules, now, choice)
    return (
        render_template(
            "citizen/talks/move.html",
            booking=booking,
            week=free,
            week_url=lambda param: url_for("citizen_talks.move_form", booking_id=booking.id,
                                           week=param),
            form=form or BookTalkForm(),
            error=error,
            page_key=secrets.token_hex(8),
            action=url_for("citizen_talks.move", booking_id=booking.id),
            can_change=services.can_change(booking, now),
            form_name=form_name,
        ),
        status,
    )


@bp.get("/<int:booking_id>/move")
@citizen_required
def move_form(booking_id: int) -> Any:
    return _move_page(_own(booking_id))


@bp.post("/<int:booking_id>/move")
@citizen_required
def move(booking_id: int) -> Any:
    booking = _own(booking_id)
    form = BookTalkForm()
    if not form.validate_on_submit():
        return _move_page(booking, form, status=400, week=_week(form.week.data))
    try:
        new, created = services.move(
            current_citizen(), booking, form.slot_id.data, form.talk_form.data or "",
            bool(form.interpreter.data), form.request_key.data or "", _rules(), now_utc(),
        )
    except BookingError as exc:
        return _move_page(booking, None, exc.message, status=409, week=_week(form.week.data))
    if created:
        notify.moved(booking, new)
        flash(_("Your talk has been moved."))
    return redirect(url_for("citizen_talks.receipt", booking_id=new.id), 303)


@bp.get("/<int:booking_id>/cancel")
@citizen_required
def cancel_form(booking_id: int) -> Any:
    booking = _own(booking_id)
    return render_template(
        "citizen/talks/cancel.html", booking=booking, form=CancelTalkForm(), error=None,
        can_change=services.can_change(booking, now_utc()), form_name=form_name,
    )


@bp.post("/<int:booking_id>/cancel")
@citizen_required
def cancel(booking_id: int) -> Any:
    booking = _own(booking_id)
    form = CancelTalkForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        done = services.cancel(booking, now_utc())
    except BookingError as exc:
        return render_template(
            "citizen/talks/cancel.html", booking=booking, form=form, error=exc.message,
            can_change=False, form_name=form_name,
        ), 409
    if done:
        notify.cancelled(booking)
        flash(_("Your talk has been cancelled."))
    return redirect(url_for("citizen_talks.index"), 303)
