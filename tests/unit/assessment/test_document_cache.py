"""The per-process assessment cache: hits, bounds, and no shared document changed."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.assessment import document_cache

DAY = dt.date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _empty():
    document_cache.clear()
    yield
    document_cache.clear()


def test_a_second_ask_is_served_from_the_cache():
    built = []

    def build():
        built.append(1)
        return {"duties": []}

    first = document_cache.cached((1, 0, DAY, "da"), build)
    assert document_cache.cached((1, 0, DAY, "da"), build) is first
    assert len(built) == 1


@pytest.mark.parametrize("other", [(1, 1, DAY, "da"), (2, 0, DAY, "da"),
                                   (1, 0, DAY + dt.timedelta(days=1), "da"), (1, 0, DAY, "ar")])
def test_another_revision_day_citizen_or_language_is_another_entry(other):
    document_cache.cached((1, 0, DAY, "da"), lambda: {"v": "first"})
    assert document_cache.cached(other, lambda: {"v": "second"}) == {"v": "second"}


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(document_cache, "MAX_ENTRIES", 3)
    for n in range(10):
        document_cache.cached((n, 0, DAY, "da"), lambda: {})
    assert document_cache.size() == 3


def test_a_caller_changing_a_shared_document_is_caught(monkeypatch):
    monkeypatch.setattr(document_cache, "VERIFY", True)
    document = document_cache.cached((1, 0, DAY, "da"), lambda: {"duties": []})
    document["duties"].append({"code": "joblog"})
    with pytest.raises(AssertionError, match="changed"):
        document_cache.cached((1, 0, DAY, "da"), lambda: {"duties": []})
