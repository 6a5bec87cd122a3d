"""Reading what a PDF embeds, without a PDF library: inflate every stream, find /BaseFont."""

from __future__ import annotations

import re
import zlib


def pdf_font_names(data: bytes) -> str:
    """The /BaseFont names in a PDF (from plain and Flate-compressed objects), joined."""
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        try:
            chunks.append(zlib.decompress(data[start:end]))
        except zlib.error:
            continue
    names = set()
    for chunk in chunks:
        names.update(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", chunk))
    return " ".join(sorted(n.decode() for n in names))
