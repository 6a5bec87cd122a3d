"""Forms for publishing talk slots, withdrawing them, cancelling talks and recording outcomes."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, InputRequired, Length, NumberRange, Optional

from portal.forms.fields import (
    ChoiceField,
    ClockTimeField,
    DateRequired,
    MultiChoiceField,
    RadioChoiceField,
    TypedDateField,
    WholeNumberField,
)
from portal.i18n.locales import LOCALES
from portal.talks.eligibility import BOOKABLE_FORMS
from portal.talks.wording import FORM_NAMES


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


BAD_TIME = _l("Enter a time as hours and minutes, for example 09:30.")
HOURS = _l("Enter a number of hours from 0 to 336.")


class PublishSlotsForm(FlaskForm):
    """One or more slots: a day (repeated weekly), a time span cut into talks of a length."""

    first_day = TypedDateField(_l("Day"), future=True,
                               invalid_message=_l("Enter a real date, for example 3.4.2026"),
                               validators=[DateRequired(_l("Enter the day."))])
    weeks = WholeNumberField(
        _l("Repeat every week for this many weeks"),
        default=1, invalid_message=_l("Enter a number of weeks from 1 to 26."),
        validators=[
            InputRequired(message=_l("Enter how many weeks, 1 for only this day.")),
            NumberRange(1, 26, message=_l("Enter a number of weeks from 1 to 26.")),
        ],
    )
    start_time = ClockTimeField(
        _l("From"), invalid_message=BAD_TIME,
        validators=[InputRequired(message=_l("Enter the start time."))]
    )
    end_time = ClockTimeField(_l("To"), invalid_message=BAD_TIME,
                              validators=[InputRequired(message=_l("Enter the end time."))])
    minutes = ChoiceField(
        _l("Length of each talk"),
        choices=[SelectChoice(m, m) for m in ("15", "20", "30", "45", "60")],
        default="30",
        coerce=str,
    )
    talk_forms = MultiChoiceField(
        _l("Forms offered"),
        choices=[SelectChoice(f, FORM_NAMES[f]) for f in BOOKABLE_FORMS],
        validators=[DataRequired(message=_l("Choose at least one form of talk."))],
    )
    address = StringField(
        _l("Address (talks in person)"), filters=[_strip], validators=[Optional(), Length(max=200)]
    )
    phone_note = StringField(
        _l("Phone: what the citizen should know"), filters=[_strip],
        validators=[Optional(), Length(max=200)],
    )
    video_url = URLField(
        _l("Video: link for joining"), filters=[_strip],
        validators=[Optional(), URL(message=_l("Enter the full link, starting with https://")),
                    Length(max=300)],
    )
    interpreter_languages = MultiChoiceField(
        _l("Interpreter available in"),
        choices=[
            SelectChoice(loc.code, loc.native_name)
            for loc in LOCALES
            if loc.code not in ("da", "en")
        ],
    )
    book_by_hours = WholeNumberField(
        _l("Booking closes this many hours before"), default=24, invalid_message=HOURS,
        validators=[InputRequired(message=_l("Enter a number of hours.")),
                    NumberRange(0, 336, message=HOURS)],
    )
    change_by_hours = WholeNumberField(
        _l("Moving and cancelling close this many hours before"), default=24,
        invalid_message=HOURS,
        validators=[InputRequired(message=_l("Enter a number of hours.")),
                    NumberRange(0, 336, message=HOURS)],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        start, end = self.start_time.data, self.end_time.data
        if start and end and end <= start:
            self.end_time.errors.append(_l("Enter an end time after the start time."))
            ok = False
        chosen = self.talk_forms.data or []
        if "in_person" in chosen and not self.address.data:
            self.address.errors.append(_l("Enter the address for talks in person."))
            ok = False
        if "video" in chosen and not self.video_url.data:
            self.video_url.errors.append(_l("Enter the link for joining the video talk."))
            ok = False
        if self.video_url.data and not self.video_url.data.startswith("https://"):
            self.video_url.errors.append(_l("Enter the full link, starting with https://"))
            ok = False
        return ok


class OutcomeForm(FlaskForm):
    """Held (and in which form) or no-show."""

    outcome = RadioChoiceField(
        _l("Outcome"),
        choices=[
            SelectChoice("held", _l("Held")),
            SelectChoice("no_show", _l("The citizen did not come")),
        ],
        validators=[InputRequired(message=_l("Choose whether the talk was held."))],
    )
    talk_form = ChoiceField(
        _l("Form of the talk"), choices=[SelectChoice(f, FORM_NAMES[f]) for f in FORM_NAMES]
    )


class WithdrawSlotForm(FlaskForm):
    """Confirming that a free time is withdrawn (a button, with CSRF); optionally the later
    free times of its recurring series too (the label, with their number, is in the page)."""

    series = BooleanField()


class CancelBookedTalkForm(FlaskForm):
    """The jobcentre cancels a booked talk; the reason is shown to the citizen."""

    reason = TextAreaField(
        _l("Reason, shown to the citizen"), filters=[_strip],
        validators=[DataRequired(message=_l("Enter the reason the talk is cancelled.")),
                    Length(max=500, message=_l("Write at most 500 characters."))],
    )
