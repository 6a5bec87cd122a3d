"""Accepting the contract together with the residence and self-support declaration."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired


class AcceptContractForm(FlaskForm):
    accept = BooleanField(
        _l("I have read the contract and I accept it"),
        validators=[DataRequired(message=_l("Tick that you accept the contract."))],
    )
    declaration = BooleanField(
        _l("I accept the residence and self-support declaration"),
        validators=[DataRequired(message=_l(
            "Tick that you accept the residence and self-support declaration. It is "
            "accepted together with the contract."))],
    )
