"""Review and exemption forms for caseworkers."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    SelectChoice,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.forms.fields import (
    ChoiceField,
    DateRequired,
    RadioChoiceField,
    TypedDateField,
    WholeNumberField,
)
from portal.models import DecisionKind


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class ReviewForm(FlaskForm):
    action = RadioChoiceField(
        _l("Decision"),
        choices=[SelectChoice("reviewed", _l("Mark as reviewed")),
                 SelectChoice("return", _l("Send back with a comment"))],
        default="reviewed",
        validators=[InputRequired(_l("Choose whether to mark it reviewed or send it back"))],
    )
    comment = TextAreaField(_l("Comment to the citizen"), filters=[_strip],
                            validators=[Length(max=1000)])

    def validate_comment(self, field: TextAreaField) -> None:
        if self.action.data == "return" and not field.data:
            raise ValidationError(str(_l("Write a comment that tells the citizen what to change")))


class ExemptionForm(FlaskForm):
    kind = ChoiceField(
        _l("Exemption from"),
        choices=[SelectChoice(DecisionKind.JOBLOG_EXEMPTION.value, _l("Joblog")),
                 SelectChoice(DecisionKind.CV_EXEMPTION.value, _l("CV"))],
    )
    reason = TextAreaField(_l("Reason"), filters=[_strip], validators=[
        DataRequired(_l("Enter the reason for the exemption")), Length(max=1000)])
    other_documentation = TextAreaField(
        _l("Agreed other way to document the job search"), filters=[_strip],
        validators=[DataRequired(_l("Enter how the citizen documents their job search instead")),
                    Length(max=1000)])
    valid_from = TypedDateField(_l("From"), validators=[DateRequired(_l("Enter the start date"))],
                                invalid_message=_l("Enter a real date, for example 3.4.2025"))
    valid_to = TypedDateField(_l("Until (optional)"), future=True, validators=[Optional()],
                              invalid_message=_l("Enter a real date, for example 3.4.2026"))

    def validate_valid_to(self, field: TypedDateField) -> None:
        if field.data and self.valid_from.data and field.data < self.valid_from.data:
            raise ValidationError(str(_l("Enter an end date after the start date")))


class AgreementForm(FlaskForm):
    applications_per_week = WholeNumberField(
        _l("Agreed applications per week (leave empty for none)"),
        invalid_message=_l("Enter a number from 1 to 50"),
        validators=[Optional(),
                    NumberRange(min=1, max=50, message=_l("Enter a number from 1 to 50"))],
    )
