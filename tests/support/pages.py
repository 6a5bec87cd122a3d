"""Checks every page fetched in tests: status, valid HTML, a title, lang/dir, unique ids.

Learnt from GOV.UK Notify's ``client_request``: a page that breaks any of these
breaks the test that fetched it, so no page can silently rot.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import html5lib
from werkzeug.test import TestResponse

from portal.i18n.locales import BY_CODE

NS = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Page:
    response: TestResponse
    root: Element

    @property
    def title(self) -> str:
        node = self.root.find(f".//{NS}title")
        return "".join(node.itertext()).strip() if node is not None else ""

    @property
    def lang(self) -> str:
        return self.root.get("lang", "")

    @property
    def dir(self) -> str:
        return self.root.get("dir", "")

    def text(self) -> str:
        body = self.root.find(f"{NS}body")
        return " ".join("".join(body.itertext()).split()) if body is not None else ""

    def find_all(self, tag: str) -> list[Element]:
        return self.root.findall(f".//{NS}{tag}")

    def links(self) -> list[str]:
        return [a.get("href", "") for a in self.find_all("a")]

    @property
    def h1(self) -> str:
        node = self.root.find(f".//{NS}h1")
        return " ".join("".join(node.itertext()).split()) if node is not None else ""


def check_page(response: TestResponse, status: int = 200) -> Page:
    assert response.status_code == status, (response.status_code, response.data[:500])
    assert response.mimetype == "text/html"
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    root = parser.parse(response.get_data(as_text=True))
    page = Page(response, root)
    assert page.title, "page has no <title>"
    assert page.lang in BY_CODE, f"html lang={page.lang!r}"
    assert page.dir == BY_CODE[page.lang].direction, f"dir={page.dir!r} for lang={page.lang}"
    ids = Counter(el.get("id") for el in root.iter() if el.get("id"))
    duplicates = [i for i, n in ids.items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    assert len(page.find_all("h1")) == 1, "a page has exactly one h1"
    return page
