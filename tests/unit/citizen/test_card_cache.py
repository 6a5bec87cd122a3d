"""The duty-card cache: same document and language → same HTML, rendered once."""

from markupsafe import Markup

from portal.citizen.rights import card_cache


def test_renders_once_per_document_and_language():
    card_cache.clear()
    calls = []

    def render(text: str):
        def inner() -> Markup:
            calls.append(text)
            return Markup(text)
        return inner

    document = {"on": "2026-11-21", "duties": [{"code": "cv", "status": "applies"}]}
    da = card_cache.key_of("da", document)
    assert card_cache.cached(da, render("da")) == "da"
    assert card_cache.cached(da, render("da again")) == "da"
    ar = card_cache.key_of("ar", document)
    assert card_cache.cached(ar, render("ar")) == "ar"
    later = card_cache.key_of("da", {**document, "on": "2026-11-22"})
    assert later != da  # a new day is a new document: "in 9 days" changes
    assert calls == ["da", "ar"]


def test_the_cache_is_bounded():
    card_cache.clear()
    for i in range(card_cache.MAX_ENTRIES + 10):
        card_cache.cached(str(i), lambda i=i: Markup(str(i)))
    assert len(card_cache._entries) == card_cache.MAX_ENTRIES
