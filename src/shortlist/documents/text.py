"""Plain text and Markdown files."""
from __future__ import annotations

from shortlist.documents.raw import RawText
from shortlist.documents.sniff import decode_text
from shortlist.errors import ExtractionError, Reason


def extract_text(data: bytes) -> RawText:
    text = decode_text(data)
    if text is None:
        raise ExtractionError(Reason.UNSUPPORTED, "the file is neither a known document format nor readable text")
    return RawText(text)
