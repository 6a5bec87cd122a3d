"""A whole number typed wrong gets one message, in the user's language."""

from __future__ import annotations

import pytest
from flask import Flask
from flask_babel import Babel, force_locale
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import Form
from wtforms.validators import NumberRange, Optional

from portal.config import ROOT
from portal.forms.fields import WholeNumberField
from tests.support.catalogue import t

MESSAGE = "Enter a number from 1 to 50"


class AgreementLike(Form):
    number = WholeNumberField("n", invalid_message=_l(MESSAGE),
                              validators=[Optional(), NumberRange(1, 50, message=_l(MESSAGE))])


@pytest.fixture()
def request_context():
    app = Flask(__name__)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    Babel(app)
    with app.test_request_context():
        yield


@pytest.mark.parametrize("locale", ["ps", "ti", "so", "ar"])
@pytest.mark.parametrize("typed", ["abc", "1.5", "٣x", "\u200b", "9" * 400])
def test_text_that_is_not_a_number_gets_one_translated_message(request_context, locale, typed):
    with force_locale(locale):
        form = AgreementLike(MultiDict({"number": typed}))
        assert not form.validate()
        assert [str(e) for e in form.number.errors] == [t(locale, MESSAGE)]
        assert form.number.data is None


def test_a_number_in_range_is_taken_and_empty_is_none(request_context):
    assert AgreementLike(MultiDict({"number": "12"})).validate()
    for typed in ("١٢", "۱۲", " 12 "):  # Arabic and Persian digits, spaces around
        form = AgreementLike(MultiDict({"number": typed}))
        assert form.validate() and form.number.data == 12
    form = AgreementLike(MultiDict({"number": ""}))
    assert form.validate() and form.number.data is None
