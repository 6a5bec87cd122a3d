"""The hidden idempotency key: a damaged one is refused with a message in the user's
language (it is hidden, so the message says what to do, not what is wrong)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask import Flask
from flask_babel import Babel, force_locale
from wtforms import ValidationError

from portal.config import ROOT
from portal.forms.fields import valid_key
from tests.support.catalogue import t

MESSAGE = "For your security, forms expire. Go back, reload the page and send the form again."


@pytest.fixture()
def babel_app():
    app = Flask(__name__)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    Babel(app)
    with app.test_request_context():
        yield app


@pytest.mark.parametrize("value", ["", "short", "x" * 65, "has space in it 123",
                                   "nul\x00key-0123456789"])
def test_a_damaged_key_is_refused_in_the_users_language(babel_app, value):
    with force_locale("so"):
        with pytest.raises(ValidationError) as refused:
            valid_key(None, SimpleNamespace(data=value))
        assert str(refused.value) == t("so", MESSAGE)


def test_a_key_the_form_made_is_accepted():
    valid_key(None, SimpleNamespace(data="abcdefghijklmnop-_0123456789"))
