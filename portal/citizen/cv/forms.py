"""CV forms: one small form per section, so each fits one phone screen (IL § 26 b)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    SelectChoice,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from portal.forms.fields import (
    ChoiceField,
    IdempotencyKeyField,
    TypedDateField,
    WholeNumberField,
    valid_key,
)

CEFR_LEVELS = [
    ("native", _l("Mother tongue")),
    ("C2", _l("C2 – proficient")),
    ("C1", _l("C1 – advanced")),
    ("B2", _l("B2 – upper intermediate")),
    ("B1", _l("B1 – intermediate")),
    ("A2", _l("A2 – elementary")),
    ("A1", _l("A1 – beginner")),
]
EDUCATION_LEVELS = [
    ("primary", _l("Primary or lower secondary school")),
    ("upper_secondary", _l("Upper secondary school")),
    ("vocational", _l("Vocational education")),
    ("short_higher", _l("Short higher education")),
    ("bachelor", _l("Bachelor or professional bachelor")),
    ("master", _l("Master's degree")),
    ("phd", _l("PhD")),
    ("other", _l("Other")),
]
DRIVING_LICENCES = [
    ("", _l("No driving licence")),
    ("B", _l("Car (B)")),
    ("C", _l("Lorry (C)")),
    ("D", _l("Bus (D)")),
    ("other", _l("Other")),
]


def _choices(pairs: list[tuple[str, object]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _text(label: object, message: object, max_len: int = 200) -> StringField:
    return StringField(label, filters=[_strip], validators=[
        DataRequired(message), Length(max=max_len, message=_l("Enter fewer characters"))])


def _optional(label: object, max_len: int = 200) -> StringField:
    return StringField(label, filters=[_strip], validators=[
        Optional(), Length(max=max_len, message=_l("Enter fewer characters"))])


class ProfileForm(FlaskForm):
    profile = TextAreaField(_l("About you (short)"), filters=[_strip], validators=[
        Optional(), Length(max=1500, message=_l("Enter at most 1500 characters"))])
    competences = TextAreaField(_l("Competences"), filters=[_strip], validators=[
        Optional(), Length(max=1500, message=_l("Enter at most 1500 characters"))])
    driving_licence = ChoiceField(_l("Driving licence"), choices=_choices(DRIVING_LICENCES),
                                  default="")
    phone = StringField(_l("Phone number (optional)"), filters=[_strip], validators=[
        Optional(), Regexp(r"^\+?[0-9 ]{8,16}$",
                           message=_l("Enter a phone number, for example 12 34 56 78"))])
    show_email = BooleanField(_l("Employers may see my e-mail address"))
    show_phone = BooleanField(_l("Employers may see my phone number"))


class JobGoalForm(FlaskForm):
    idempotency_key = IdempotencyKeyField(validators=[valid_key])
    title = _text(_l("Occupation"), _l("Enter the occupation you want to work in"))
    isco = StringField(_l("ISCO-08 code (optional)"), filters=[_strip], validators=[
        Optional(),
        Regexp(r"^[0-9]{1,4}$", message=_l("Enter an ISCO-08 code of 1 to 4 digits"))])


class ExperienceForm(FlaskForm):
    idempotency_key = IdempotencyKeyField(validators=[valid_key])
    employer = _text(_l("Employer"), _l("Enter the employer's name"))
    title = _text(_l("Job title"), _l("Enter your job title"))
    country = _text(_l("Country"), _l("Enter the country"), 80)
    started_on = TypedDateField(_l("From"),
                                validators=[DataRequired(_l("Enter when you started"))],
                                invalid_message=_l("Enter a real date, for example 1.3.2019"))
    ended_on = TypedDateField(_l("To (leave empty if you still work there)"),
                              validators=[Optional()],
                              invalid_message=_l("Enter a real date, for example 31.8.2022"))
    tasks = TextAreaField(_l("Tasks (optional)"), filters=[_strip], validators=[
        Optional(), Length(max=1500, message=_l("Enter at most 1500 characters"))])

    def validate_ended_on(self, field: TypedDateField) -> None:
        if field.data and self.started_on.data and field.data < self.started_on.data:
            raise ValidationError(str(_l("Enter an end date after the start date")))


class EducationForm(FlaskForm):
    idempotency_key = IdempotencyKeyField(validators=[valid_key])
    institution = _text(_l("School or institution"), _l("Enter the name of the school"))
    field_of_study = _optional(_l("Subject or field (optional)"))
    country = _text(_l("Country"), _l("Enter the country"), 80)
    level = ChoiceField(_l("Level"), choices=_choices(EDUCATION_LEVELS), default="other")
    completed = BooleanField(_l("I completed this education"))
    completed_year = WholeNumberField(_l("Year completed (optional)"),
                                      invalid_message=_l("Enter a year, for example 2015"),
                                      validators=[
        Optional(),
        NumberRange(min=1950, max=2100, message=_l("Enter a year, for example 2015"))])


class LanguageForm(FlaskForm):
    idempotency_key = IdempotencyKeyField(validators=[valid_key])
    language = _text(_l("Language"), _l("Enter the language"), 60)
    level = ChoiceField(_l("Level (CEFR)"), choices=_choices(CEFR_LEVELS), default="B1")


class VisibilityForm(FlaskForm):
    visible = BooleanField(_l("Show my CV to employers"))


class UploadForm(FlaskForm):
    file = FileField(_l("CV file (PDF or Word .docx, at most 5 MB)"),
                     validators=[FileRequired(_l("Choose a PDF or Word file"))])


