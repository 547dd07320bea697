"""Bytes on disk -> Unicode text: encodings, HTML pages, and refusal of what cannot be read.

``read_file`` is the only function of the pipeline that touches input files.
It raises ``UnreadableInput`` with a one-line reason for a file that cannot be
an article (empty, binary, too large, undecodable).

Example:
    >>> decode("Hội nghị".encode("utf-16"), "a.txt")
    'Hội nghị'
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import UnreadableInput

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample and not (sample.startswith(codecs.BOM_UTF16_LE)
                                  or sample.startswith(codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 50)


def decode(data: bytes, name: str = "") -> str:
    """Decode an article's bytes (UTF-8 with or without BOM, UTF-16 with BOM)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if _looks_binary(data):
        raise UnreadableInput("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        raise UnreadableInput("not decodable as UTF-8, UTF-16 or Windows-1258") from None


_HTML = re.compile(r"<\s*(html|body|div|p|article|head)\b", re.I)


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura), paragraphs on their own lines."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True)
    if not text:
        raise UnreadableInput("HTML page without extractable article text")
    return text


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read one input file as text; raise UnreadableInput with the reason if it can't be."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(f"file too large ({size} bytes > limit {max_bytes})")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise UnreadableInput("empty file")
    text = decode(data, path.name)
    if _HTML.search(text[:5000]):
        text = html_to_text(text)
    if not text.strip():
        raise UnreadableInput("no text (whitespace only)")
    return text
