"""The head preloads the active script's own font files, one per weight, nothing else."""

from __future__ import annotations

from portal.i18n.font_preloads import _files


def test_arabic_pages_preload_the_arabic_font_only():
    files = _files("arabic")
    assert len(files) == 2 and all("noto-sans-arabic-arabic-" in f for f in files)


def test_latin_pages_do_not_preload_the_extended_subset():
    files = _files("latin")
    assert len(files) == 2 and not any("latin-ext" in f for f in files)


def test_an_unbuilt_script_preloads_nothing(tmp_path):
    assert _files("klingon", tmp_path) == ()
