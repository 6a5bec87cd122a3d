"""``/caseworker/talks/bookings/<id>/interpreter``: assign an interpreter to a booked talk."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from portal.audit import services as audit
from portal.auth.current_user import current_staff, staff_required
from portal.caseworker.interpreters import services
from portal.caseworker.interpreters.forms import AssignInterpreterForm
from portal.clock import now_utc
from portal.i18n.locales import LOCALES
from portal.models import StaffRole

bp = Blueprint("caseworker_interpreters", __name__, url_prefix="/caseworker/talks/bookings")


@bp.route("/<int:booking_id>/interpreter", methods=["GET", "POST"])
@staff_required(StaffRole.CASEWORKER, StaffRole.ADMIN)
def assign(booking_id: int) -> Any:
    staff = current_staff()
    booking = services.booking_for_staff(staff, booking_id)
    if booking is None:
        abort(404)
    form = AssignInterpreterForm()
    form.interpreter.choices = [
        SelectChoice("", _("Choose an interpreter")),
        *(SelectChoice(str(i.id), f"{i.name} ({i.languages})")
          for i in services.interpreters(staff)),
    ]
    form.language.choices = [SelectChoice(loc.code, loc.native_name) for loc in LOCALES
                             if loc.code != "da"]
    if request.method == "GET":
        form.language.data = booking.interpreter_language or booking.citizen.preferred_locale
    if form.validate_on_submit():
        try:
            services.assign(staff, booking, int(form.interpreter.data), form.language.data,
                            now_utc())
        except services.AssignmentError:
            form.interpreter.errors = [_("Only a booked talk can get an interpreter.")]
        else:
            audit.record_staff_action(staff, "change:interpreter-assigned",
                                      citizen=booking.citizen, remote_addr=request.remote_addr,
                                      detail=f"booking={booking.id}")
            flash(_("The interpreter is assigned."))
            return redirect(url_for("caseworker_talks.index"))
    return render_template("caseworker/interpreters/assign.html", form=form, booking=booking,
                           current=services.current(booking))
