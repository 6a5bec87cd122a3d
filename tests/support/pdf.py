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


_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.DOTALL)
_REF = re.compile(rb"/([A-Za-z0-9+_.-]+)\s+(\d+) 0 R")
#: a font selection (``/F1 9.5 Tf``) or a text-showing operator (``[<…>] TJ``, ``<…> Tj``)
_TEXT_OPS = re.compile(
    rb"/([A-Za-z0-9+_.-]+)\s+[\d.]+\s+Tf|(\[.*?\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)", re.DOTALL)


def _objects(data: bytes) -> dict[int, bytes]:
    """Every object's text (stream contents inflated), including objects packed in object
    streams — enough for the PDFs WeasyPrint writes, not a general PDF parser."""
    found: dict[int, bytes] = {}
    for match in _OBJECT.finditer(data):
        number, body = int(match[1]), match[2]
        head, _, rest = body.partition(b"stream")
        if rest:
            raw = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
            try:
                content = zlib.decompress(raw) if b"/FlateDecode" in head else raw
            except zlib.error:
                content = raw
            found[number] = head + b"stream\n" + content
            if b"/ObjStm" in head:
                first = int(re.search(rb"/First\s+(\d+)", head)[1])
                pairs = content[:first].split()
                offsets = [(int(pairs[i]), int(pairs[i + 1])) for i in range(0, len(pairs), 2)]
                for k, (num, off) in enumerate(offsets):
                    end = offsets[k + 1][1] if k + 1 < len(offsets) else len(content) - first
                    found[num] = content[first + off:first + end]
        else:
            found[number] = body
    return found


def _cmap(text: bytes) -> dict[str, str]:
    """A ToUnicode CMap: glyph code (hex) → text."""
    out: dict[str, str] = {}

    def chars(hexes: bytes) -> str:
        return bytes.fromhex(hexes.decode()).decode("utf-16-be")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.DOTALL):
        for code, value in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            out[code.decode().lower()] = chars(value)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.DOTALL):
        for lo, hi, value in re.findall(
                rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            width, start = len(lo), int(value, 16)
            for n in range(int(lo, 16), int(hi, 16) + 1):
                out[f"{n:0{width}x}"] = chr(start + n - int(lo, 16))
    return out


def pdf_text(data: bytes) -> str:
    """The text a PDF shows, one line per text-showing operator (glyphs mapped back to
    characters through the fonts' ToUnicode maps). Right-to-left runs come out in visual
    order; use left-to-right text when a test looks for words."""
    objects = _objects(data)
    cmaps = {}
    for number, body in objects.items():
        to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", body)
        if to_unicode and int(to_unicode[1]) in objects:
            cmaps[number] = _cmap(objects[int(to_unicode[1])])
    fonts: dict[str, dict[str, str]] = {}
    for body in objects.values():
        for name, ref in _REF.findall(body):
            if int(ref) in cmaps:
                fonts[name.decode()] = cmaps[int(ref)]
    lines = []
    for body in objects.values():
        if b"BT" not in body or b"Tf" not in body:
            continue
        current: dict[str, str] = {}
        for token in _TEXT_OPS.finditer(body):
            if token[1]:
                current = fonts.get(token[1].decode(), {})
                continue
            line = ""
            for hexes in re.findall(rb"<([0-9a-fA-F]*)>", token[2]):
                code = hexes.decode().lower()
                line += "".join(current.get(code[i:i + 4], "") for i in range(0, len(code), 4))
            lines.append(line)
    return "\n".join(lines)
