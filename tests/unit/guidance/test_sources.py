"""Legal sources: the rule module's citations, and links to where they can be read."""

from __future__ import annotations

from portal.guidance.sources import GUIDANCE_ONLY_SOURCES, law_url, rule_module_sources


def test_rule_module_sources_include_the_joblog_paragraph():
    assert "Integrationsloven § 26 a, stk. 4" in rule_module_sources()
    assert "BEK nr. 1307 af 7. september 2020 § 13, stk. 2" in rule_module_sources()


def test_guidance_only_sources_are_not_already_in_the_rule_module():
    assert not (GUIDANCE_ONLY_SOURCES & rule_module_sources())


def test_bek_1307_links_to_its_eli():
    assert law_url("BEK nr. 1307 af 7. september 2020 § 13, stk. 2") == (
        "https://www.retsinformation.dk/eli/lta/2020/1307"
    )


def test_every_instrument_but_the_letter_has_a_link():
    for citation in rule_module_sources():
        url = law_url(citation)
        if citation.startswith("Udlændinge- og Integrationsministeriets brev"):
            assert url is None
        else:
            assert url and url.startswith("https://www.retsinformation.dk/"), citation
