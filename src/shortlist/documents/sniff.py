"""Decide a file's type from its content, never from its name (names lie)."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from shortlist.documents.model import MediaType

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
    b"GIF87a",
    b"GIF89a",
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_RE = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6]|span|section|ul)\b",
    re.IGNORECASE | re.DOTALL,
)


_CLOSING_TAG_RE = re.compile(rb"</(p|div|span|td|li|b|i|u|font|a|strong|em)>|<br\s*/?>", re.IGNORECASE)


def decode_text(data: bytes) -> str | None:
    """Decode bytes that should be text: BOMs first, then UTF-8, then GB18030.

    Returns None when the result is not mostly printable (i.e. it is binary).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", data)]
    else:
        candidates = [("utf-8", data), ("gb18030", data)]
    for encoding, raw in candidates:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_printable(text):
            return text
    return None


def _mostly_printable(text: str) -> bool:
    if not text:
        return True
    sample = text[:20000]
    # format characters (zero-width, BOM, bidi marks) are not binary: they are handled later
    bad = sum(1 for c in sample if not (c.isprintable() or c in "\t\n\r\f\v" or unicodedata.category(c) == "Cf"))
    return bad <= 0.02 * len(sample)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False


def sniff(data: bytes) -> MediaType | None:
    """The media type of ``data``, or None when it is none we read."""
    head = data[:1024]
    if head.lstrip(b"\x00\t\n\r\f ")[:5] == b"%PDF-" or b"%PDF-" in head:
        return MediaType.PDF
    if head.startswith(b"PK\x03\x04"):
        return MediaType.DOCX if _is_docx(data) else None
    if head.startswith(_OLE_MAGIC):
        return MediaType.DOC
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return MediaType.IMAGE
    text_head = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_RE.match(text_head) or (text_head.lstrip().startswith(b"<") and _CLOSING_TAG_RE.search(data[:4096])):
        return MediaType.HTML
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = decode_text(data)
        if text is not None and _HTML_RE.match(text[:1024].encode("utf-8", "ignore")):
            return MediaType.HTML
        return MediaType.TEXT if text is not None else None
    return MediaType.TEXT if decode_text(data) is not None else None
