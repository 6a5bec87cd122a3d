"""make i18n-check fails on untranslated, fuzzy and placeholder-broken entries."""

import io

from babel.messages.pofile import read_po

from portal.i18n.catalogue_check import catalogue_problems

HEADER = """msgid ""
msgstr ""
"Language: da\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"X-Translation-Review: not yet reviewed by a translator\\n"

"""
TEMPLATE = read_po(io.StringIO('msgid "Hello %(name)s"\nmsgstr ""\n\nmsgid "Bye"\nmsgstr ""\n'))


def po(body: str, header: str = HEADER) -> str:
    return header + body


def test_complete_catalogue_passes():
    text = po('msgid "Hello %(name)s"\nmsgstr "Hej %(name)s"\n\nmsgid "Bye"\nmsgstr "Farvel"\n')
    assert catalogue_problems("da", text, TEMPLATE) == []


def test_untranslated_entry_fails():
    text = po('msgid "Hello %(name)s"\nmsgstr "Hej %(name)s"\n\nmsgid "Bye"\nmsgstr ""\n')
    assert catalogue_problems("da", text, TEMPLATE) == ["da: untranslated: 'Bye'"]


def test_fuzzy_entry_fails():
    text = po(
        'msgid "Hello %(name)s"\nmsgstr "Hej %(name)s"\n\n#, fuzzy\nmsgid "Bye"\nmsgstr "Farvel"\n'
    )
    assert catalogue_problems("da", text, TEMPLATE) == ["da: fuzzy: 'Bye'"]


def test_broken_placeholder_fails():
    text = po('msgid "Hello %(name)s"\nmsgstr "Hej %(navn)s"\n\nmsgid "Bye"\nmsgstr "Farvel"\n')
    problems = catalogue_problems("da", text, TEMPLATE)
    assert problems == ["da: placeholders differ in 'Hello %(name)s': 'Hej %(navn)s'"]


def test_entry_missing_from_catalogue_fails():
    text = po('msgid "Bye"\nmsgstr "Farvel"\n')
    assert catalogue_problems("da", text, TEMPLATE) == [
        "da: not in catalogue (run make i18n-update): 'Hello %(name)s'"
    ]


def test_missing_review_header_fails():
    header = HEADER.replace('"X-Translation-Review: not yet reviewed by a translator\\n"\n', "")
    text = po('msgid "Hello %(name)s"\nmsgstr "Hej %(name)s"\n\nmsgid "Bye"\nmsgstr "Farvel"\n',
              header)
    assert catalogue_problems("da", text, TEMPLATE) == [
        "da: missing header X-Translation-Review"
    ]
