"""Fields with our own translated messages.

WTForms' built-in "Not a valid choice." is English-only for several of our languages;
:class:`ChoiceField` says what to do in the user's language instead, and treats a
missing value as empty (a phone that drops an unchanged select sends nothing).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import ValidationError


class ChoiceField(SelectField):
    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = valuelist[0] if valuelist else ""

    def pre_validate(self, form: Any) -> None:
        allowed = {str(c.value) for c in self.iter_choices()} if self.choices else set()
        if str(self.data) not in allowed:
            raise ValidationError(_l("Choose one of the options in the list"))
