"""The joblog entry form: one phone screen, today as the default date."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, StringField, TextAreaField, ValidationError
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from portal.clock import today_in_denmark
from portal.forms.fields import ChoiceField, IdempotencyKeyField, TypedDateField, valid_key
from portal.models import ActivityKind, ActivityStatus

KIND_LABELS = {
    ActivityKind.ADVERTISED: _l("Application to an advertised job"),
    ActivityKind.UNSOLICITED: _l("Unsolicited application"),
    ActivityKind.IN_PERSON: _l("Visit in person"),
    ActivityKind.PHONE: _l("Phone call"),
    ActivityKind.NETWORK: _l("Network contact"),
    ActivityKind.JOB_FAIR: _l("Job fair"),
    ActivityKind.OTHER: _l("Other"),
}
STATUS_LABELS = {
    ActivityStatus.SENT: _l("Sent"),
    ActivityStatus.INTERVIEW: _l("Invited to interview"),
    ActivityStatus.OFFER: _l("Job offer"),
    ActivityStatus.REJECTED: _l("Rejected"),
    ActivityStatus.NO_ANSWER: _l("No answer"),
}
DATE_HINT = _l("Day first, for example 3/4 or 03.04.2025")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class JoblogEntryForm(FlaskForm):
    idempotency_key = IdempotencyKeyField(validators=[valid_key])
    activity_on = TypedDateField(
        _l("Date"),
        validators=[InputRequired(_l("Enter the date of the activity"))],
        invalid_message=_l("Enter a real date, day first, for example 3/4 or 03.04.2025"),
    )
    kind = ChoiceField(
        _l("What did you do?"),
        choices=[SelectChoice(k.value, label) for k, label in KIND_LABELS.items()],
        default=ActivityKind.ADVERTISED.value,
        validators=[DataRequired(_l("Choose what you did"))],
    )
    employer = StringField(
        _l("Employer"),
        filters=[_strip],
        validators=[DataRequired(_l("Enter the employer's name")),
                    Length(max=200, message=_l("Enter at most 200 characters"))],
    )
    job_title = StringField(
        _l("Job title (optional)"),
        filters=[_strip],
        validators=[Optional(), Length(max=200, message=_l("Enter at most 200 characters"))],
    )
    source = StringField(
        _l("Where did you find the job? (optional)"),
        filters=[_strip],
        validators=[Optional(), Length(max=500, message=_l("Enter at most 500 characters"))],
    )
    status = ChoiceField(
        _l("Status"),
        choices=[SelectChoice(s.value, label) for s, label in STATUS_LABELS.items()],
        default=ActivityStatus.SENT.value,
        validators=[DataRequired(_l("Choose a status"))],
    )
    note = TextAreaField(
        _l("Note (optional)"),
        filters=[_strip],
        validators=[Optional(), Length(max=2000, message=_l("Enter at most 2000 characters"))],
    )

    def validate_activity_on(self, field: TypedDateField) -> None:
        if field.data is not None and field.data > today_in_denmark():
            raise ValidationError(str(_l("Enter a date that is today or earlier")))


