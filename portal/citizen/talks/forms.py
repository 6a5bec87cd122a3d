"""Forms for booking, moving and cancelling a job talk."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Regexp

from portal.forms.fields import RadioChoiceField
from portal.talks.eligibility import BOOKABLE_FORMS
from portal.talks.wording import FORM_NAMES


class BookTalkForm(FlaskForm):
    """One free time: how the talk should take place, and whether to bring an interpreter."""

    slot_id = HiddenField(validators=[DataRequired(message=_l("Choose a time."))])
    talk_form = RadioChoiceField(
        _l("How do you want the talk?"),
        choices=[SelectChoice(f, FORM_NAMES[f]) for f in BOOKABLE_FORMS],
        validators=[DataRequired(message=_l("Choose how you want the talk."))],
    )
    interpreter = BooleanField(_l("I need an interpreter in my language"))
    request_key = HiddenField(
        validators=[DataRequired(), Length(max=64), Regexp(r"^[A-Za-z0-9-]+$")]
    )
    #: the week the form was on (``2026-W48``), shown again if the booking fails
    week = HiddenField()


class CancelTalkForm(FlaskForm):
    """Confirming a cancellation (a button, with CSRF)."""
