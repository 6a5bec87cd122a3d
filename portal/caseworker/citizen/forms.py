"""Forms for the facts the rule module needs (RULES-CONTRACT.md) and for decisions.

Validation refuses what cannot be true: a date in the future where the law needs a past
event, an end before its start, an unknown municipality. Empty means *unknown*.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.forms.fields import ChoiceField, DateRequired, TypedDateField
from portal.models import Benefit, DecisionKind, Readiness, ResidenceBasis

UNKNOWN = SelectChoice("", _l("Unknown / not recorded"))
TRISTATE = [UNKNOWN, SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]

RESIDENCE_LABELS = {
    ResidenceBasis.REFUGEE: _l("Refugee"),
    ResidenceBasis.FAMILY_REUNIFIED_SPOUSE: _l("Family-reunified spouse or partner"),
    ResidenceBasis.FAMILY_REUNIFIED_OTHER: _l("Family-reunified, other"),
    ResidenceBasis.DISPLACED_FROM_UKRAINE: _l("Displaced from Ukraine"),
    ResidenceBasis.OTHER: _l("Other"),
}
BENEFIT_LABELS = {
    Benefit.SELF_SUPPORT_AND_RETURN_BENEFIT: _l("Self-support and return benefit"),
    Benefit.TRANSITION_BENEFIT: _l("Transition benefit"),
    Benefit.NONE: _l("No benefit"),
}
READINESS_LABELS = {
    Readiness.JOB_READY: _l("Job-ready"),
    Readiness.ACTIVITY_READY: _l("Activity-ready"),
}
DECISION_LABELS = {
    DecisionKind.JOBLOG_EXEMPTION: _l("Exempt from the joblog"),
    DecisionKind.CV_EXEMPTION: _l("Exempt from the CV duty"),
    DecisionKind.SELF_BOOKING_EXEMPTION: _l("Exempt from booking talks digitally"),
    DecisionKind.SELF_BOOKING_REVOKED: _l("Right to book talks digitally taken away"),
    DecisionKind.OFFERS_WAIVED: _l("Offers waived"),
    DecisionKind.CONTRACT_POSTPONED: _l("Contract content postponed"),
    DecisionKind.PENSION_AGE_EXEMPTION: _l("Exempt: pension age"),
    DecisionKind.EARLY_RETIREMENT_EXEMPTION: _l("Exempt: early-retirement conditions"),
}

#: Events that must have happened already (a date in the future is refused).
PAST_DATES: dict[str, Any] = {
    "municipality_took_over_on": _l("Date the municipality took over"),
    "visitation_on": _l("Date of the readiness assessment"),
    "applied_for_benefit_on": _l("Date of the benefit application"),
    "registered_as_job_seeker_on": _l("Date of registration as a job seeker"),
    "cpr_registered_on": _l("Date of registration in the CPR register (or of the permit)"),
    "guidance_given_on": _l("Date written guidance on rights and duties was given"),
    "contract_signed_on": _l("Date the contract was signed"),
    "programme_started_on": _l("Date the programme started"),
    "child_born_on": _l("Child's date of birth"),
    "control_action_on": _l("Information from a control action received (availability)"),
    "first_availability_talk_on": _l("First availability talk held"),
    "moved_in_on": _l("Moved here from another municipality"),
}
FUTURE_ALLOWED: dict[str, Any] = {"parental_leave_until": _l("Parental leave ends")}
TRISTATE_FIELDS: dict[str, Any] = {
    "has_phone_or_computer": _l("Has a phone, tablet or computer"),
    "in_ordinary_work_or_education": _l("In ordinary work or education"),
    "contract_goals_met": _l("The contract's goals are met"),
    "covid_risk_group": _l("In a COVID-19 risk group"),
    "doubt_about_stays_abroad": _l("The doubt is about stays abroad"),
    "new_municipality_accepted": _l("This municipality accepted responsibility after the move"),
}


def _choices(labels: dict[Any, Any]) -> list[SelectChoice]:
    return [UNKNOWN, *(SelectChoice(str(k), v) for k, v in labels.items())]


class FactsForm(FlaskForm):
    municipality_code = ChoiceField(
        _l("Municipality"), validators=[DataRequired(_l("Choose the citizen's municipality"))]
    )
    residence_basis = ChoiceField(_l("Residence basis"), choices=_choices(RESIDENCE_LABELS))
    benefit = ChoiceField(_l("Benefit"), choices=_choices(BENEFIT_LABELS))
    readiness = ChoiceField(_l("Readiness"), choices=_choices(READINESS_LABELS))

    def __init__(self, *args: Any, today: dt.date, municipalities: list[tuple[str, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.municipality_code.choices = [
            SelectChoice("", _l("Choose a municipality")),
            *(SelectChoice(code, name) for code, name in municipalities),
        ]
        self.known_codes = {code for code, _name in municipalities}

    def validate_municipality_code(self, field: ChoiceField) -> None:
        if field.data not in self.known_codes:
            raise ValidationError(_l("Choose a municipality from the list"))


#: WTForms' own DateField says "Not a valid date value." in English for da, ps, ti and so
INVALID_DATE = _l("Enter a real date, for example 3.4.2025")

for _name, _label in PAST_DATES.items():
    setattr(FactsForm, _name, TypedDateField(_label, validators=[Optional()],
                                             invalid_message=INVALID_DATE))
for _name, _label in FUTURE_ALLOWED.items():
    setattr(FactsForm, _name, TypedDateField(_label, future=True, validators=[Optional()],
                                             invalid_message=INVALID_DATE))
for _name, _label in TRISTATE_FIELDS.items():
    setattr(FactsForm, _name, ChoiceField(_label, choices=TRISTATE))


def past_date_errors(form: FactsForm) -> bool:
    """Refuse a date in the future for an event that must already have happened."""
    ok = True
    for name in PAST_DATES:
        field = getattr(form, name)
        if field.data is not None and field.data > form.today:
            field.errors = [*field.errors, _l("The date cannot be in the future")]
            ok = False
    return ok


class DecisionForm(FlaskForm):
    kind = ChoiceField(_l("Decision"),
                       choices=[SelectChoice(str(k), v) for k, v in DECISION_LABELS.items()],
                       validators=[DataRequired(_l("Choose a decision"))])
    valid_from = TypedDateField(_l("From"), future=True, invalid_message=INVALID_DATE,
                                validators=[DateRequired(_l("Enter the start date"))])
    valid_to = TypedDateField(_l("Until (optional)"), future=True, invalid_message=INVALID_DATE,
                              validators=[Optional()])
    reason = TextAreaField(
        _l("Reason (the citizen is told this)"),
        validators=[DataRequired(_l("Enter the reason")), Length(max=2000)],
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
    )

    def validate_valid_to(self, field: TypedDateField) -> None:
        if field.data and self.valid_from.data and field.data < self.valid_from.data:
            raise ValidationError(_l("The end date must be on or after the start date"))


class EndDecisionForm(FlaskForm):
    valid_to = TypedDateField(_l("Last day"), future=True, invalid_message=INVALID_DATE,
                              validators=[DateRequired(_l("Enter the last day"))])


class AsOfForm(FlaskForm):
    class Meta:
        csrf = False

    on = TypedDateField(_l("Assess as of date"), future=True, invalid_message=INVALID_DATE,
                        validators=[Optional()])
