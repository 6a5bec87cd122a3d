"""The portal's locales. Danish is the default and the binding language.

Each locale carries its name in its own language and script (for the language
switcher), its direction, and the script whose font the page loads — only that one.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError


@dataclass(frozen=True)
class Locale:
    code: str
    native_name: str
    english_name: str
    rtl: bool
    script: str  # latin | cyrillic | arabic | ethiopic — picks the font stylesheet

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


LOCALES: tuple[Locale, ...] = (
    Locale("da", "Dansk", "Danish", False, "latin"),
    Locale("en", "English", "English", False, "latin"),
    Locale("ar", "العربية", "Arabic", True, "arabic"),
    Locale("fa", "فارسی", "Persian", True, "arabic"),
    Locale("ps", "پښتو", "Pashto", True, "arabic"),
    Locale("uk", "Українська", "Ukrainian", False, "cyrillic"),
    Locale("ti", "ትግርኛ", "Tigrinya", False, "ethiopic"),
    Locale("so", "Soomaali", "Somali", False, "latin"),
)
BY_CODE: dict[str, Locale] = {loc.code: loc for loc in LOCALES}
CODES: tuple[str, ...] = tuple(BY_CODE)
DEFAULT = "da"


def get(code: str | None) -> Locale:
    """The locale for ``code``, or Danish when it is not one of ours."""
    return BY_CODE.get(code or "", BY_CODE[DEFAULT])


def display_name(code: str, in_locale: str) -> str:
    """The name of the language ``code`` in the language ``in_locale`` ("arabisk" in
    Danish), from CLDR through Babel; the English name if CLDR has none."""
    try:
        name = BabelLocale.parse(code).get_display_name(in_locale)
    except (UnknownLocaleError, ValueError):
        name = None
    return str(name or get(code).english_name)
