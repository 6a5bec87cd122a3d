"""Readability measures for the guidance texts (plain language, tested in ``make test``).

- LIX (Björnsson 1968), used for Danish: words per sentence + percentage of long words
  (more than 6 letters). ≤ 40 is "easy" (children's books, plain-language public texts).
- Flesch reading ease (Flesch 1948), for English:
  206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words). ≥ 60 is "plain English".

A sentence ends with ``.``, ``!``, ``?`` or ``:``, or at the end of a heading or list item
(a line); both measures count every line break as a sentence end, as LIX tools do for
lists. Numbers and citations are words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True, slots=True)
class Counts:
    words: int
    sentences: int
    long_words: int
    syllables: int


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def english_syllables(word: str) -> int:
    """Syllables of an English word by vowel groups, with the usual silent-e fixes."""
    w = word.lower()
    if not w.isalpha():
        return 1
    if len(w) <= 3:
        return 1
    extra = 1 if re.search(r"[^aeiouy]re$", w) else 0  # centre, theatre
    w = re.sub(r"(?:[^laeiouyscgzx]es|[^td]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(_VOWEL_GROUPS.findall(w)) + extra)


def counts(text: str) -> Counts:
    found = words(text)
    return Counts(
        words=len(found),
        sentences=max(1, len(_sentences(text))),
        long_words=sum(1 for w in found if len(w) > 6),
        syllables=sum(english_syllables(w) for w in found),
    )


def lix(text: str) -> float:
    c = counts(text)
    if c.words == 0:
        return 0.0
    return c.words / c.sentences + 100 * c.long_words / c.words


def flesch_reading_ease(text: str) -> float:
    c = counts(text)
    if c.words == 0:
        return 100.0
    return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)
