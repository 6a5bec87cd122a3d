"""Is an uploaded CV file a plain PDF or DOCX? Decided by content, never by the file name.

- PDF: starts with ``%PDF-``; refused if it carries active content (JavaScript, launch
  actions, embedded files, rich media, XFA forms). Names may be hex-escaped in PDF
  (``/J#61vaScript``); they are unescaped before looking.
- DOCX: a ZIP (``PK\\x03\\x04``) with ``[Content_Types].xml`` and ``word/document.xml``;
  refused with macros (``vbaProject.bin``, macro-enabled content types) or ActiveX
  controls, encrypted members, and zip bombs — judged from the ZIP directory (total
  uncompressed size, compression ratio, number of members) without extracting.
- At most 5 MB.

Compressed streams (FlateDecode, including the object streams of PDF 1.5+, where a
``/JavaScript`` action can hide) are inflated — at most ``MAX_INFLATED`` bytes in all, a
bomb is refused — and searched the same way. The file is only ever served as a download.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Final

MAX_BYTES: Final = 5 * 1024 * 1024
MAX_UNCOMPRESSED: Final = 30 * 1024 * 1024
MAX_RATIO: Final = 100  # uncompressed : compressed, for the whole archive and per member
MAX_MEMBERS: Final = 500
MAX_CONTENT_TYPES: Final = 256 * 1024

PDF_ACTIVE: Final = re.compile(
    rb"/(JavaScript|JS|Launch|EmbeddedFile|EmbeddedFiles|RichMedia|XFA|SubmitForm|ImportData)\b"
)
_PDF_HEX_NAME: Final = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM: Final = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
MAX_INFLATED: Final = 50 * 1024 * 1024
DOCX_MACRO_PARTS: Final = ("vbaproject.bin", "vbadata.xml", "activex", "/embeddings/")
DOCX_MACRO_TYPES: Final = (b"macroenabled", b"vbaproject", b"activex", b"ms-office.vba")


class UploadRejected(Exception):
    """The file is refused; ``reason`` is one of: empty, too_large, wrong_type,
    active_content, damaged, zip_bomb."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_upload(data: bytes) -> str:
    """Return ``"pdf"`` or ``"docx"``, or raise :class:`UploadRejected`."""
    if not data:
        raise UploadRejected("empty")
    if len(data) > MAX_BYTES:
        raise UploadRejected("too_large")
    if data.startswith(b"%PDF-"):
        _check_pdf(data)
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        _check_docx(data)
        return "docx"
    raise UploadRejected("wrong_type")


def _active(chunk: bytes) -> bool:
    return PDF_ACTIVE.search(_PDF_HEX_NAME.sub(lambda m: bytes([int(m[1], 16)]), chunk)) is not None


def _inflated_streams(data: bytes) -> list[bytes]:
    """Every zlib-compressed stream, inflated (bounded: a bomb raises)."""
    out: list[bytes] = []
    budget = MAX_INFLATED
    for match in _PDF_STREAM.finditer(data):
        raw = match.group(1)
        if not raw.startswith((b"x\x01", b"x\x5e", b"x\x9c", b"x\xda")):
            continue  # not zlib (an image, or another filter)
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(raw, budget + 1)
        except zlib.error:
            continue  # damaged stream: nothing a reader would run
        if len(chunk) > budget or inflater.unconsumed_tail:
            raise UploadRejected("zip_bomb")
        budget -= len(chunk)
        out.append(chunk)
    return out


def _check_pdf(data: bytes) -> None:
    if _active(data) or any(_active(chunk) for chunk in _inflated_streams(data)):
        raise UploadRejected("active_content")
    if b"%%EOF" not in data[-2048:]:
        raise UploadRejected("damaged")


def _check_docx(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UploadRejected("damaged") from None
    if len(members) > MAX_MEMBERS:
        raise UploadRejected("zip_bomb")
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise UploadRejected("damaged")  # encrypted
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UploadRejected("zip_bomb")
    if total > MAX_UNCOMPRESSED or total > MAX_RATIO * len(data):
        raise UploadRejected("zip_bomb")
    names = {info.filename for info in members}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise UploadRejected("wrong_type")
    lowered = [n.lower() for n in names]
    if any(part in name for name in lowered for part in DOCX_MACRO_PARTS):
        raise UploadRejected("active_content")
    try:
        with archive.open("[Content_Types].xml") as handle:
            content_types = handle.read(MAX_CONTENT_TYPES).lower()
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
        raise UploadRejected("damaged") from None
    if any(t in content_types for t in DOCX_MACRO_TYPES):
        raise UploadRejected("active_content")
    if b"wordprocessingml.document.main+xml" not in content_types:
        raise UploadRejected("wrong_type")
