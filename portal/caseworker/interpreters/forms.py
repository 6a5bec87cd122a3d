"""The form to assign an interpreter."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import DataRequired

from portal.forms.fields import ChoiceField


class AssignInterpreterForm(FlaskForm):
    interpreter = ChoiceField(_l("Interpreter"),
                              validators=[DataRequired(_l("Choose an interpreter"))])
    language = ChoiceField(_l("Language"), validators=[DataRequired(_l("Choose the language"))])
