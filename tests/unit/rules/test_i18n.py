"""Explanation messages: marked with N_, extractable by Babel, translatable per locale."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo

import portal.rules
from portal.rules.i18n import N_, identity, load_translate
from portal.rules.registry import all_messages

RULES_DIR = Path(portal.rules.__file__).parent


def test_n_is_a_no_op_marker() -> None:
    assert N_("Hello") == "Hello"


def test_pybabel_extract_with_k_n_finds_exactly_the_messages() -> None:
    extracted = {
        message
        for _, _, message, _, _ in extract_from_dir(
            str(RULES_DIR), method_map=[("**.py", "python")], keywords={"N_": None}
        )
    }
    missing = all_messages() - extracted
    assert not missing, f"not marked with N_(): {sorted(missing)[:5]}"
    unused = extracted - all_messages()
    assert not unused, f"marked but never used (dead messages): {sorted(unused)[:5]}"


def test_messages_use_named_placeholders_only() -> None:
    for message in all_messages():
        assert not re.search(r"%(?!\(\w+\)s)", message), message
        assert "{" not in message, message  # no str.format / f-string leftovers


def test_there_are_many_messages() -> None:
    assert len(all_messages()) > 100


def test_load_translate_falls_back_to_identity(tmp_path: Path) -> None:
    assert load_translate("en", tmp_path) is identity
    assert load_translate("da", tmp_path)("Hello") == "Hello"


def test_load_translate_uses_a_compiled_catalogue(tmp_path: Path) -> None:
    msgid = "Your deadline is %(deadline)s."
    catalog = Catalog(locale="da")
    catalog.add(msgid, "Din frist er %(deadline)s.")
    target = tmp_path / "da" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as fh:
        write_mo(fh, catalog)
    translate = load_translate("da", tmp_path)
    assert translate(msgid) % {"deadline": "2025-02-25"} == "Din frist er 2025-02-25."
