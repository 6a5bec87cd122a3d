"""The contract form: what the caseworker agrees with the citizen (in Danish)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class ActivityForm(Form):
    """One activity or offer, with dates and hours (BEK 1307/2020 § 16; BEK 2024 § 11)."""

    title = StringField(_l("Activity or offer"), filters=[_strip],
                        validators=[Optional(), Length(max=200)])
    starts_on = DateField(_l("From"), validators=[Optional()])
    ends_on = DateField(_l("To"), validators=[Optional()])
    hours_per_week = IntegerField(
        _l("Hours a week"),
        validators=[Optional(), NumberRange(0, 60, message=_l("Enter hours from 0 to 60."))],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if self.title.data and not self.starts_on.data:
            self.starts_on.errors = [*self.starts_on.errors, _l("Enter the date it starts.")]
            ok = False
        if self.starts_on.data and self.ends_on.data and self.ends_on.data < self.starts_on.data:
            self.ends_on.errors = [*self.ends_on.errors,
                                   _l("Enter an end date on or after the start date.")]
            ok = False
        return ok


class ContractDraftForm(FlaskForm):
    goal = TextAreaField(
        _l("Employment or education goal"), filters=[_strip],
        validators=[DataRequired(message=_l("Enter the employment or education goal.")),
                    Length(max=2000)],
    )
    activities = FieldList(FormField(ActivityForm), min_entries=4, max_entries=8)
    danish_education = TextAreaField(
        _l("Danish education"), filters=[_strip],
        validators=[DataRequired(message=_l("Enter the Danish education and how it fits "
                                            "with the other activities.")), Length(max=2000)],
    )
    coordinating_department = StringField(
        _l("Coordinating department"), filters=[_strip],
        validators=[DataRequired(message=_l("Enter the department that coordinates the "
                                            "programme.")), Length(max=200)],
    )
    municipality_tasks = TextAreaField(
        _l("What the municipality will do"), filters=[_strip], validators=[Length(max=2000)]
    )
    change_note = TextAreaField(
        _l("What changed compared with the previous version"), filters=[_strip],
        validators=[Length(max=2000)],
    )

    def activity_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "title": row.title.data,
                "starts_on": row.starts_on.data.isoformat(),
                "ends_on": row.ends_on.data.isoformat() if row.ends_on.data else None,
                "hours_per_week": row.hours_per_week.data,
            }
            for row in (entry.form for entry in self.activities)
            if row.title.data and row.starts_on.data
        ]


class ConcludeForm(FlaskForm):
    """When the citizen cannot accept in the portal (BEK 1307/2020 § 4, stk. 2–3;
    BEK 2024 § 4) or there is no agreement (BEK 2024 § 9)."""

    how = RadioField(
        _l("How was the contract concluded?"),
        choices=[
            SelectChoice("accepted_other_way",
                         _l("Accepted another way: the citizen cannot sign physically")),
            SelectChoice("not_signed",
                         _l("Not signed: the citizen does not understand the contract")),
            SelectChoice("set_by_municipality",
                         _l("Set by the municipality: no agreement (BEK 2024 § 9)")),
        ],
        validators=[DataRequired(message=_l("Choose how the contract was concluded."))],
    )
    note = TextAreaField(
        _l("How acceptance was shown, or the reason"), filters=[_strip],
        validators=[DataRequired(message=_l("Write how the citizen showed acceptance, or the "
                                            "reason.")), Length(max=2000)],
    )


class SendForm(FlaskForm):
    """Send the draft to the citizen (a button, with CSRF)."""
