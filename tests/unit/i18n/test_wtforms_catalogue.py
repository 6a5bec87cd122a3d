"""WTForms' catalogue is read once per language, not in every request."""

from __future__ import annotations

from portal.i18n import wtforms_catalogue


def test_the_same_catalogue_object_is_handed_out_again():
    first = wtforms_catalogue.catalogue("ar")
    assert wtforms_catalogue.catalogue("ar") is first
    assert first.gettext("Not a valid choice.") != "Not a valid choice."  # Arabic exists


def test_a_language_wtforms_lacks_falls_back_to_its_english():
    """WTForms has no Danish, Pashto, Tigrinya or Somali: our fields carry their own."""
    assert wtforms_catalogue.catalogue("so").gettext("Not a valid choice.") == \
        "Not a valid choice."
