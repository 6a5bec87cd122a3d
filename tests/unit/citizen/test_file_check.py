"""CV uploads are judged by their content (magic bytes, ZIP directory), not by their name."""

from __future__ import annotations

import pytest

from portal.citizen.cv.file_check import UploadRejected, check_upload
from tests.support import uploads


def test_a_real_pdf_is_accepted():
    assert check_upload(uploads.pdf()) == "pdf"


def test_a_real_docx_is_accepted():
    assert check_upload(uploads.docx()) == "docx"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (uploads.executable, "wrong_type"),
        (uploads.oversize_pdf, "too_large"),
        (uploads.zip_bomb_docx, "zip_bomb"),
        (uploads.macro_docx, "active_content"),
        (uploads.javascript_pdf, "active_content"),
        (uploads.javascript_in_object_stream_pdf, "active_content"),
        (uploads.bomb_stream_pdf, "zip_bomb"),
        (uploads.zip_without_word, "wrong_type"),
        (lambda: b"", "empty"),
        (lambda: b"PK\x03\x04 not really a zip", "damaged"),
        (lambda: b"<html><script>alert(1)</script></html>", "wrong_type"),
    ],
)
def test_bad_files_are_refused(make, reason):
    with pytest.raises(UploadRejected) as refused:
        check_upload(make())
    assert refused.value.reason == reason


def test_the_zip_bomb_is_judged_without_extracting_it():
    bomb = uploads.zip_bomb_docx()
    assert len(bomb) < 1024 * 1024  # small on the wire, 200 MB inflated
    with pytest.raises(UploadRejected):
        check_upload(bomb)


def test_a_plain_pdf_with_compressed_streams_is_still_accepted():
    """Chromium's PDFs compress their content streams; inflating them finds nothing active."""
    data = uploads.pdf()
    assert b"/FlateDecode" in data
    assert check_upload(data) == "pdf"
