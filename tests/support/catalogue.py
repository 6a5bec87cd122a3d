"""Look up what a UI string is in a locale, from the compiled catalogues."""

from __future__ import annotations

from functools import cache

from babel.support import Translations

from portal.config import ROOT


@cache
def _translations(code: str) -> Translations:
    return Translations.load(str(ROOT / "translations"), [code])


def t(code: str, msgid: str) -> str:
    return str(_translations(code).gettext(msgid))


def nt(code: str, singular: str, plural: str, num: int) -> str:
    """A counted string (``ngettext``) in a locale, with ``%(num)d`` filled in."""
    return str(_translations(code).ngettext(singular, plural, num)) % {"num": num}
