"""The municipality -> region table (all 98 municipalities)."""

from __future__ import annotations

from collections import Counter

import pytest

from portal.rules.regions import EAST, MUNICIPALITIES, REGIONS


def test_98_municipalities_in_5_regions() -> None:
    assert len(MUNICIPALITIES) == 98
    assert Counter(m.region for m in MUNICIPALITIES.values()) == {
        "hovedstaden": 29,
        "sjaelland": 17,
        "syddanmark": 22,
        "midtjylland": 19,
        "nordjylland": 11,
    }
    assert all(len(c) == 3 and c.isdigit() for c in MUNICIPALITIES)
    assert set(REGIONS) == {"hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"}


@pytest.mark.parametrize(
    ("code", "name", "region"),
    [
        ("101", "København", "hovedstaden"),
        ("147", "Frederiksberg", "hovedstaden"),
        ("400", "Bornholm", "hovedstaden"),
        ("265", "Roskilde", "sjaelland"),
        ("370", "Næstved", "sjaelland"),
        ("461", "Odense", "syddanmark"),
        ("482", "Langeland", "syddanmark"),
        ("492", "Ærø", "syddanmark"),
        ("563", "Fanø", "syddanmark"),
        ("630", "Vejle", "syddanmark"),
        ("615", "Horsens", "midtjylland"),
        ("751", "Aarhus", "midtjylland"),
        ("741", "Samsø", "midtjylland"),
        ("773", "Morsø", "nordjylland"),
        ("825", "Læsø", "nordjylland"),
        ("851", "Aalborg", "nordjylland"),
    ],
)
def test_known_codes(code: str, name: str, region: str) -> None:
    m = MUNICIPALITIES[code]
    assert (m.code, m.name, m.region) == (code, name, region)
    assert m.zone == ("east" if region in EAST else "west")


def test_christianso_is_not_a_municipality() -> None:
    assert "411" not in MUNICIPALITIES


def test_names_are_unique() -> None:
    assert len({m.name for m in MUNICIPALITIES.values()}) == 98
