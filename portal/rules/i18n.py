"""Translation helpers for the rule module's explanation messages.

Messages are English source strings used as Babel msgids. They are marked with the
no-op ``N_`` so that ``pybabel extract -k N_`` finds them; they are translated at
render time with ``translate(msgid) % params`` (named placeholders only).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Translate = Callable[[str], str]


def N_(message: str) -> str:
    """Mark ``message`` for extraction; return it unchanged."""
    return message


def identity(message: str) -> str:
    return message


def load_translate(lang: str, translations_dir: Path) -> Translate:
    """``gettext`` of the compiled catalogue for ``lang``, or identity if there is none.

    English is the source language, so ``en`` (or a missing catalogue) is identity.
    """
    from babel.support import NullTranslations, Translations

    if lang == "en":
        return identity
    translations = Translations.load(str(translations_dir), [lang], domain="messages")
    if type(translations) is NullTranslations:
        return identity
    gettext: Translate = translations.gettext
    return gettext
