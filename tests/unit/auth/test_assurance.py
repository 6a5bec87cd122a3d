"""Citizens need NSIS "substantial" when the provider sends a level."""

import pytest

from portal.auth.assurance import level_of, sufficient

URI = "https://data.gov.dk/concept/core/nsis/loa/"


@pytest.mark.parametrize(
    ("claims", "ok"),
    [
        ({"acr": URI + "Substantial"}, True),
        ({"acr": URI + "High"}, True),
        ({"loa": "substantial"}, True),
        ({"acr": URI + "Low"}, False),
        ({"acr": "something-else"}, False),
        ({}, True),
    ],
)
def test_sufficient(claims, ok):
    assert sufficient(claims, "substantial") is ok


def test_level_is_read_from_uri():
    assert level_of({"acr": URI + "High/"}) == "high"
