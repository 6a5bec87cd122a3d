"""The contract form: what the caseworker agrees with the citizen (in Danish)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.contract.activity_kinds import KINDS, OTHER
from portal.forms.fields import ChoiceField, RadioChoiceField, TypedDateField, WholeNumberField

AT_MOST_200 = _l("Enter at most 200 characters")
AT_MOST_2000 = _l("Enter at most 2000 characters")
INVALID_DATE = _l("Enter a real date, for example 3.4.2026")
HOURS = _l("Enter hours from 0 to 60.")


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class ActivityForm(Form):
    """One activity or offer, with dates and hours (BEK 1307/2020 § 16; BEK 2024 § 11).

    The kind (portal.contract.activity_kinds) is shown in the citizen's language; the
    details are shown as written. A row needs one of them; "other" needs the details."""

    kind = ChoiceField(
        _l("Kind of activity"),
        choices=[SelectChoice("", _l("Not chosen")),
                 *(SelectChoice(key, name) for key, name in KINDS.items())],
    )
    title = StringField(_l("Details, e.g. the workplace or the course"), filters=[_strip],
                        validators=[Optional(), Length(max=200, message=AT_MOST_200)])
    starts_on = TypedDateField(_l("From"), future=True, invalid_message=INVALID_DATE,
                               validators=[Optional()])
    ends_on = TypedDateField(_l("To"), future=True, invalid_message=INVALID_DATE,
                             validators=[Optional()])
    hours_per_week = WholeNumberField(
        _l("Hours a week"), invalid_message=HOURS,
        validators=[Optional(), NumberRange(0, 60, message=HOURS)],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        described = bool(self.kind.data or self.title.data)
        if self.kind.data == OTHER and not self.title.data:
            self.title.errors = [*self.title.errors,
                                 _l("Enter the details of the other activity.")]
            ok = False
        if not described and (self.starts_on.data or self.ends_on.data
                              or self.hours_per_week.data is not None):
            self.kind.errors = [*self.kind.errors,
                                _l("Choose the kind of activity or describe it.")]
            ok = False
        if described and not self.starts_on.data:
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
                    Length(max=2000, message=AT_MOST_2000)],
    )
    activities = FieldList(FormField(ActivityForm), min_entries=4, max_entries=8)
    danish_education = TextAreaField(
        _l("Danish education"), filters=[_strip],
        validators=[DataRequired(message=_l("Enter the Danish education and how it fits "
                                            "with the other activities.")),
                    Length(max=2000, message=AT_MOST_2000)],
    )
    coordinating_department = StringField(
        _l("Coordinating department"), filters=[_strip],
        validators=[DataRequired(message=_l("Enter the department that coordinates the "
                                            "programme.")), Length(max=200, message=AT_MOST_200)],
    )
    municipality_tasks = TextAreaField(
        _l("What the municipality will do"), filters=[_strip],
        validators=[Length(max=2000, message=AT_MOST_2000)],
    )
    change_note = TextAreaField(
        _l("What changed compared with the previous version"), filters=[_strip],
        validators=[Length(max=2000, message=AT_MOST_2000)],
    )

    def activity_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "kind": row.kind.data or None,
                "title": row.title.data or "",
                "starts_on": row.starts_on.data.isoformat(),
                "ends_on": row.ends_on.data.isoformat() if row.ends_on.data else None,
                "hours_per_week": row.hours_per_week.data,
            }
            for row in (entry.form for entry in self.activities)
            if (row.kind.data or row.title.data) and row.starts_on.data
        ]


class ConcludeForm(FlaskForm):
    """When the citizen cannot accept in the portal (BEK 1307/2020 § 4, stk. 2–3;
    BEK 2024 § 4) or there is no agreement (BEK 2024 § 9)."""

    how = RadioChoiceField(
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
                                            "reason.")), Length(max=2000, message=AT_MOST_2000)],
    )


class SendForm(FlaskForm):
    """Send the draft to the citizen (a button, with CSRF)."""


class ActivityTranslationForm(Form):
    """The details of one activity, translated (the kind is translated by the portal)."""

    details = StringField(_l("Details, translated"), filters=[_strip],
                          validators=[Optional(), Length(max=200, message=AT_MOST_200)])


class ContractTranslationForm(FlaskForm):
    """The municipality's translation of the draft's free text for the citizen's language,
    e.g. written by an interpreter (portal.contract.translation). Empty parts stay in
    Danish for the citizen; saving an empty form removes the translation. Its names carry
    the prefix ``translation-`` (the draft form on the same page has the same fields)."""

    PREFIX = "translation"

    #: the language and the Danish text the form was made for (checked when it is saved)
    locale = HiddenField()
    source = HiddenField()
    goal = TextAreaField(_l("Employment or education goal"), filters=[_strip],
                         validators=[Length(max=2000, message=AT_MOST_2000)])
    activities = FieldList(FormField(ActivityTranslationForm), min_entries=0, max_entries=8)
    danish_education = TextAreaField(_l("Danish education"), filters=[_strip],
                                     validators=[Length(max=2000, message=AT_MOST_2000)])
    municipality_tasks = TextAreaField(_l("What the municipality will do"), filters=[_strip],
                                       validators=[Length(max=2000, message=AT_MOST_2000)])
    translated_by = StringField(_l("Translated by (name)"), filters=[_strip],
                                validators=[Length(max=120, message=_l(
                                    "Enter at most 120 characters"))])

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        written = any((self.goal.data, self.danish_education.data, self.municipality_tasks.data,
                       *(entry.form.details.data for entry in self.activities)))
        if written and not self.translated_by.data:
            self.translated_by.errors = [*self.translated_by.errors, _l(
                "Enter the name of the person who translated the text.")]
            ok = False
        return ok
