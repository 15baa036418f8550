"""Bytes -> Document: sniff the type, run the format reader, normalise once.

This runs in-process; callers that handle untrusted files in bulk run it inside
:class:`shortlist.documents.sandbox.Sandbox`, which adds the wall-clock and memory limits.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from shortlist.documents.limits import Limits
from shortlist.documents.model import Document, MediaType
from shortlist.documents.normalize import normalize_styled
from shortlist.documents.raw import RawText
from shortlist.documents.sniff import sniff
from shortlist.errors import ExtractionError, Reason, ShortlistError

_SUPPORTED = "PDF, DOCX, DOC, HTML, plain text or an image"


def _read(media: MediaType, data: bytes, limits: Limits) -> RawText:
    if media is MediaType.PDF:
        from shortlist.documents.pdf import extract_pdf

        return extract_pdf(data, limits)
    if media is MediaType.DOCX:
        from shortlist.documents.docx import extract_docx

        return extract_docx(data, limits)
    if media is MediaType.DOC:
        from shortlist.documents.doc import extract_doc

        return extract_doc(data, limits)
    if media is MediaType.HTML:
        from shortlist.documents.html import extract_html

        return extract_html(data)
    if media is MediaType.IMAGE:
        from shortlist.documents.ocr import ocr_image

        return ocr_image(data, limits)
    from shortlist.documents.text import extract_text

    return extract_text(data)


def extract_bytes(data: bytes, name: str = "", limits: Limits | None = None) -> Document:
    """Turn one file's bytes into a Document, or raise ExtractionError saying why not.

    The type comes from the content; ``name`` is only recorded as the source.
    """
    limits = limits or Limits.from_settings()
    if len(data) > limits.max_file_mb * 2**20:
        raise ExtractionError(
            Reason.TOO_LARGE,
            f"the file is {len(data) / 2**20:.1f} MiB, more than the limit of {limits.max_file_mb:g} MiB",
            "raise max_file_mb if this is really a resume",
        )
    if not data.strip():
        raise ExtractionError(Reason.EMPTY, "the file is empty")
    media = sniff(data)
    if media is None:
        raise ExtractionError(Reason.UNSUPPORTED, f"unrecognised file type; expected {_SUPPORTED}")
    try:
        raw = _read(media, data, limits)
    except (ShortlistError, MemoryError):
        raise
    except RecursionError:
        raise ExtractionError(Reason.CORRUPT, f"this {media.value} file is nested too deeply to read") from None
    except Exception as exc:  # a malformed file tripping a parser is a property of the file
        raise ExtractionError(
            Reason.CORRUPT, f"could not read this {media.value} file ({type(exc).__name__}: {exc})"
        ) from exc
    text, hidden, layout = normalize_styled(raw.text, raw.hidden, raw.layout)
    if not text.strip():
        hint = "it may be a scan without a text layer" if media is MediaType.PDF else None
        raise ExtractionError(Reason.EMPTY, f"no text found in this {media.value} file", hint)
    return Document(
        source=name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media,
        text=text,
        pages=raw.pages,
        ocr=raw.ocr,
        images=raw.images,
        hidden=hidden,
        layout=layout,
        warnings=raw.warnings,
    )


def extract_path(path: str | Path, limits: Limits | None = None) -> Document:
    """Read a file (refusing oversized ones before loading them) and extract it."""
    limits = limits or Limits.from_settings()
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_file_mb * 2**20:
            raise ExtractionError(
                Reason.TOO_LARGE,
                f"the file is {size / 2**20:.1f} MiB, more than the limit of {limits.max_file_mb:g} MiB",
                "raise max_file_mb if this is really a resume",
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(Reason.CORRUPT, f"{p} does not exist") from None
    except IsADirectoryError:
        raise ExtractionError(Reason.UNSUPPORTED, f"{p} is a directory") from None
    except PermissionError:
        raise ExtractionError(Reason.CORRUPT, f"{p} cannot be read (permission denied)") from None
    return extract_bytes(data, name=str(p), limits=limits)
