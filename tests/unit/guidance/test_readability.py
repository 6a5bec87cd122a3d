"""LIX and Flesch reading ease, checked against hand-counted texts."""

from __future__ import annotations

import pytest

from portal.guidance.readability import counts, english_syllables, flesch_reading_ease, lix


def test_lix_by_hand():
    # 8 words, 2 sentences, 2 long words (kommunen, kontrakt): 8/2 + 100*2/8 = 29
    assert lix("Du og kommunen laver. En kontrakt med dig.") == pytest.approx(29.0)


def test_lines_end_sentences():
    assert counts("## Overskrift\n- et punkt\n- to punkter").sentences == 3


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("time", 1),
        ("people", 2),
        ("contract", 2),
        ("every", 3),
        ("benefit", 3),
        ("municipality", 6),
        ("asked", 1),
        ("2020", 1),
    ],
)
def test_english_syllables(word, syllables):
    assert english_syllables(word) == syllables


def test_flesch_by_hand():
    # "The cat sat. The dog ran." 6 words, 2 sentences, 6 syllables
    expected = 206.835 - 1.015 * 3 - 84.6 * 1
    assert flesch_reading_ease("The cat sat. The dog ran.") == pytest.approx(expected)


def test_hard_text_scores_worse():
    easy = "You sign the plan. You get a job."
    hard = (
        "The municipality's administrative determination necessitates comprehensive "
        "documentation concerning individualised employment interventions."
    )
    assert flesch_reading_ease(easy) > 60 > flesch_reading_ease(hard)
    assert (
        lix("Du får et job.")
        < 40
        < lix(
            "Kommunalbestyrelsens afgørelse forudsætter dokumentation "
            "vedrørende beskæftigelsesindsatsen."
        )
    )
