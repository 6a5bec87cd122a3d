"""Real files for upload tests: a PDF printed by Chromium, a Word document, and bad ones."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "uploads"
CONTENT_TYPES_DOCX = (FIXTURES / "cv.docx").read_bytes()


def pdf() -> bytes:
    return (FIXTURES / "cv.pdf").read_bytes()


def docx() -> bytes:
    return (FIXTURES / "cv.docx").read_bytes()


def executable() -> bytes:
    """A real program (this machine's ``true``), to be renamed ``cv.pdf``."""
    path = shutil.which("true")
    assert path is not None
    return Path(path).read_bytes()


def oversize_pdf() -> bytes:
    """A real PDF padded past 5 MB (a comment after the header; still a PDF)."""
    body = pdf()
    return body[:9] + b"%" + b"x" * (5 * 1024 * 1024) + b"\n" + body[9:]


def _rebuilt_docx(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = (replace or {}).get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data)
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A valid-looking DOCX whose one member inflates to 200 MB of zeros."""
    return _rebuilt_docx({"word/media/image1.png": b"\0" * (200 * 1024 * 1024)})


def macro_docx() -> bytes:
    """A DOCX carrying a VBA project (what Word saves as .docm, renamed .docx)."""
    with zipfile.ZipFile(io.BytesIO(docx())) as src:
        types = src.read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    return _rebuilt_docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512},
                         replace={"[Content_Types].xml": types})


def javascript_pdf() -> bytes:
    body = pdf()
    action = b" /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>"
    return body.replace(b"/Type /Catalog", b"/Type /Catalog" + action, 1)


def _with_object_stream(payload: bytes) -> bytes:
    """``pdf()`` plus a compressed object stream (PDF 1.5) carrying ``payload``."""
    import zlib

    body = pdf()
    packed = zlib.compress(payload)
    extra = (b"\n99 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode /Length "
             + str(len(packed)).encode() + b" >>\nstream\n" + packed + b"\nendstream\nendobj\n")
    cut = body.rindex(b"xref")
    return body[:cut] + extra + body[cut:]


def javascript_in_object_stream_pdf() -> bytes:
    """JavaScript only inside a compressed object stream (invisible without inflating)."""
    return _with_object_stream(b"98 0 << /S /JavaScript /JS (app.alert(1)) >>")


def bomb_stream_pdf() -> bytes:
    """A compressed stream that inflates to more than the limit."""
    return _with_object_stream(b"\0" * (60 * 1024 * 1024))


def zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return out.getvalue()


def post_file(client, path: str, fields: dict[str, str], data: bytes, name: str):
    """POST a file as a browser would (multipart), closing the encoded body afterwards
    (Werkzeug's test client leaves a large body's temporary file open)."""
    from werkzeug.test import EnvironBuilder

    builder = EnvironBuilder(path=path, method="POST",
                             data={**fields, "file": (io.BytesIO(data), name)},
                             content_type="multipart/form-data")
    environ = builder.get_environ()
    try:
        return client.open(environ)
    finally:
        environ["wsgi.input"].close()
        builder.close()
