"""WTForms fields shared by every area, with messages we translate ourselves.

- :class:`WholeNumberField`: a whole number, with our own message for text that is not one.
- :class:`ChoiceField`: WTForms' built-in "Not a valid choice." is English-only for several
  of our languages; this says what to do in the user's language, and treats a missing
  value as empty (a phone that drops an unchanged select sends nothing).
- :class:`RadioChoiceField`, :class:`MultiChoiceField`: the same for radio buttons and
  check boxes.
- :class:`TypedDateField`: a date typed the way people type it, or picked;
  :class:`DateRequired` when it must be there.
- :class:`ClockTimeField`: a time of day, with our own message.
- :class:`IdempotencyKeyField`: a hidden key so that a re-sent form is stored once.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l
from wtforms import (
    Field,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TimeField,
    ValidationError,
    widgets,
)
from wtforms.validators import StopValidation

from portal.clock import today_in_denmark
from portal.forms.typed_dates import parse_typed_date


class TypedDateField(StringField):
    """A text field that accepts ``3/4``, ``03.04.2025`` or an ISO date from a picker.

    ``data`` is a :class:`datetime.date` (or ``None``); the raw text is kept so that a
    wrong value is shown back as typed.
    """

    def __init__(self, *args: Any, future: bool = False, invalid_message: str = "",
                 **kwargs: Any) -> None:
        # static/js/date-picker.js adds a calendar next to the text box (progressive
        # enhancement); the attribute carries the calendar's accessible name
        kwargs.setdefault("render_kw", {"data-date-picker": _l("Choose the date in a calendar"),
                                        "autocomplete": "off"})
        super().__init__(*args, **kwargs)
        self.future = future
        self.invalid_message = invalid_message
        self.raw_text = ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.raw_text = str(valuelist[0]) if valuelist else ""
        self.data = (
            parse_typed_date(self.raw_text, today_in_denmark(), future=self.future)
            if self.raw_text.strip() else None
        )
        if self.raw_text.strip() and self.data is None:
            raise ValueError(str(self.invalid_message))

    def _value(self) -> str:
        if self.raw_text:
            return self.raw_text
        # shown day first, as the hint asks people to type it
        return self.data.strftime("%d.%m.%Y") if isinstance(self.data, dt.date) else ""


class IdempotencyKeyField(HiddenField):
    """A random key made when the form is rendered; the server stores an entry once per key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", lambda: secrets.token_urlsafe(24))
        super().__init__(*args, **kwargs)


def valid_key(_form: Any, field: Field) -> None:
    value = field.data or ""
    if not (16 <= len(value) <= 64) or not all(c.isalnum() or c in "-_" for c in value):
        # a hidden field the user cannot fix: say what to do, in their language
        raise ValidationError(_l("For your security, forms expire. Go back, reload the page "
                                 "and send the form again."))


class WholeNumberField(IntegerField):
    """A whole number; text that is not one gets ``invalid_message`` (translated) and no
    further messages. WTForms' own "Not a valid integer value." is English-only for
    several of our languages."""

    def __init__(self, *args: Any, invalid_message: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    #: more digits than any count we ask for; a longer number would only overflow
    #: comparisons (NumberRange turns it into a float)
    MAX_DIGITS = 9

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = str(valuelist[0]).strip() if valuelist else ""
        if not text:
            self.data = None
            return
        digits = text.lstrip("+-")
        # decimal digits of any script: ١٢ and ۱۲ are 12, as people with Arabic or Persian
        # keyboards type them
        if not digits.isdecimal() or len(digits) > self.MAX_DIGITS:
            self.data = None
            raise ValueError(str(self.invalid_message))
        self.data = int(text)

    def pre_validate(self, form: Any) -> None:
        if self.process_errors:
            raise StopValidation()  # one message: the one that says what to type


NOT_IN_LIST = _l("Choose one of the options in the list")


def _allowed(field: Any) -> set[str]:
    return {str(c.value) for c in field.iter_choices()} if field.choices else set()


class ChoiceField(SelectField):
    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = valuelist[0] if valuelist else ""

    def pre_validate(self, form: Any) -> None:
        if str(self.data) not in _allowed(self):
            raise ValidationError(NOT_IN_LIST)


class RadioChoiceField(RadioField):
    """Radio buttons; a value that was not offered gets our translated message (WTForms'
    "Not a valid choice." is English-only for several of our languages)."""

    def pre_validate(self, form: Any) -> None:
        if self.data is not None and str(self.data) not in _allowed(self):
            raise StopValidation(str(NOT_IN_LIST))


class MultiChoiceField(SelectMultipleField):
    """Check boxes (several values); values that were not offered get our message."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form: Any) -> None:
        if self.data and not {str(v) for v in self.data} <= _allowed(self):
            raise StopValidation(str(NOT_IN_LIST))


class ClockTimeField(TimeField):
    """A time of day (HH:MM); anything else gets ``invalid_message`` (translated)."""

    def __init__(self, *args: Any, invalid_message: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist or not str(valuelist[0]).strip():
            self.data = None
            return
        try:
            super().process_formdata([str(valuelist[0]).strip()])
        except ValueError:
            self.data = None
            raise ValueError(str(self.invalid_message)) from None


class DateRequired:
    """A required :class:`TypedDateField`: empty or blank gets ``message``; a date that does
    not exist keeps the field's own message (not two). ``InputRequired`` alone lets a
    blank " " through as no date at all."""

    field_flags: ClassVar[dict[str, bool]] = {"required": True}

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:
        if field.process_errors:
            raise StopValidation()
        if field.data is None:
            raise StopValidation(str(self.message))
