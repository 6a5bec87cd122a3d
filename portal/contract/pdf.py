"""The contract as an A4 PDF in the citizen's language and in Danish (WeasyPrint).

Fonts come from Debian's fonts-noto-core (Noto Sans, Noto Sans Arabic, Noto Sans
Ethiopic) through fontconfig, so the PDF embeds a font that has the script; right-to-left
languages get ``dir="rtl"`` on their column. ``make system-deps`` installs pango and the
fonts.
"""

from __future__ import annotations

from flask import render_template
from weasyprint import CSS, HTML

from portal.config import ROOT
from portal.contract import rendering
from portal.i18n.locales import get as get_locale_info
from portal.models import ContractVersion

STYLESHEET = ROOT / "static" / "pdf" / "contract.css"


def contract_pdf(version: ContractVersion) -> bytes:
    mine, danish = rendering.bilingual(version)
    html = render_template(
        "citizen/contract/pdf.html",
        version=version,
        mine=mine,
        danish=danish,
        mine_locale=get_locale_info(mine.locale),
        status_label=rendering.status_label,
    )
    document = HTML(string=html, base_url=str(ROOT))
    data: bytes = document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
    return data
