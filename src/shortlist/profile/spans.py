"""Offsets, lines and evidence: the one place that turns a span of text into ``Evidence``.

Every value a profile reports must quote ``Profile.text`` exactly, so all parsers return
spans and only :func:`evidence` builds the quote (trimming surrounding blanks).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from shortlist.profile.model import Evidence

_WS = " \t\r\n\u3000\u00a0"
# A flattened document (one huge line, fields separated by runs of spaces) is split on
# runs of 2+ spaces or tabs so that headings and headers still stand on their own "line".
_FLAT_SPLIT = re.compile(r"[ \t\u3000]{2,}")
_FLAT_AVG_LINE = 300
_LONG_LINE = 160  # a line this long holding runs of blanks is a flattened block of its own
_KEEP_JOINED = re.compile(r"(?:(?:19|20)\d{2}|[-–—~]|\bto)\s*$")
_KEEP_NEXT = re.compile(
    r"(?:present|current|till date|to date|now|to\b|[-–—~]|(?:19|20)\d{2}\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(?:19|20)\d{2}\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Line:
    """One (possibly virtual) line: ``text`` is ``source[start:end]`` with blanks trimmed."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def evidence(text: str, start: int, end: int, confidence: float = 1.0) -> Evidence | None:
    """Evidence quoting ``text[start:end]`` (trimmed); None when the span is empty."""
    start, end = trim(text, max(0, start), min(len(text), end))
    if start >= end:
        return None
    return Evidence(start=start, end=end, text=text[start:end], confidence=round(min(1.0, max(0.0, confidence)), 3))


def is_flat(text: str) -> bool:
    """True for documents whose line breaks were lost (average line longer than ~300 chars)."""
    return len(text) > _FLAT_AVG_LINE and len(text) / (text.count("\n") + 1) > _FLAT_AVG_LINE


# Text that went through a naive ``str(bytes)`` keeps multi-byte characters as literal
# escapes ("\\xe2\\x80\\xa2" for a bullet). In the parse view each 3- or 4-byte escape
# becomes blanks followed by the character it stands for (private-use symbol-font bullets
# become "•"), so bullets still open bullet lines and dashes still join date ranges; the
# offsets do not move. 2-byte escapes (accented letters) stay: they sit inside words.
_BYTE_ESCAPES = re.compile(r"\\x(?:e[0-9a-f]|f[0-4])(?:\\x[89ab][0-9a-f]){2,3}", re.IGNORECASE)


def _unescape(m: re.Match) -> str:
    raw = m.group(0)
    try:
        ch = bytes.fromhex(raw.replace("\\x", "")).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return raw
    if len(ch) != 1 or not ch.isprintable() or "\ue000" <= ch <= "\uf8ff":
        ch = "•"
    return " " * (len(raw) - 1) + ch


def blank_byte_escapes(text: str) -> str:
    """``text`` with literal escaped multi-byte symbols replaced in place (offsets kept)."""
    if "\\x" not in text:
        return text
    return _BYTE_ESCAPES.sub(_unescape, text)


def split_lines(text: str) -> list[Line]:
    """Lines with their offsets (blank lines kept, as they separate blocks).

    In a flattened document (or a very long line), runs of two or more spaces also end a line.
    """
    flat = is_flat(text)
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        if flat or len(raw) > _LONG_LINE:
            seg_start = pos
            for m in _FLAT_SPLIT.finditer(raw):
                if _KEEP_JOINED.search(raw, max(0, m.start() - 8), m.start()) and _KEEP_NEXT.match(raw, m.end()):
                    continue  # "Mar 2011  Present": one date range, not two lines
                s, e = trim(text, seg_start, pos + m.start())
                if s < e:
                    out.append(Line(s, e, text[s:e]))
                seg_start = pos + m.end()
            s, e = trim(text, seg_start, end)
            out.append(Line(s, e, text[s:e]) if s < e else Line(end, end, ""))
        else:
            s, e = trim(text, pos, end)
            out.append(Line(s, e, text[s:e]) if s < e else Line(pos, pos, ""))
        pos = end + 1
    return out


def flat_view(text: str) -> str:
    """``text`` with line breaks restored where a flattened document lost them (same length).

    Only in a flattened document (:func:`is_flat`) or on a very long line holding runs of
    blanks: the first blank of each run of two or more becomes "\\n" (except inside a date
    range such as "Mar 2011  Present"), so every rule that reads lines, or anchors on line
    ends, sees the lines the author wrote. Ordinary text is returned unchanged.
    """
    flat = is_flat(text)
    if not flat and not any(len(raw) > _LONG_LINE for raw in text.split("\n")):
        return text
    chars = list(text)
    pos = 0
    for raw in text.split("\n"):
        if flat or len(raw) > _LONG_LINE:
            for m in _FLAT_SPLIT.finditer(raw):
                if _KEEP_JOINED.search(raw, max(0, m.start() - 8), m.start()) and _KEEP_NEXT.match(raw, m.end()):
                    continue
                chars[pos + m.start()] = "\n"
        pos += len(raw) + 1
    return "".join(chars)


def mask(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    """``text`` with every span overwritten by ``fill`` (newlines kept): offsets do not move.

    Used to blank hidden and injected text before parsing and ranking, and by redaction.
    """
    if not spans:
        return text
    chars = list(text)
    n = len(chars)
    for start, end in spans:
        for i in range(max(0, start), min(n, end)):
            if chars[i] != "\n":
                chars[i] = fill
    return "".join(chars)


def walk_evidence(obj: object):
    """Yield every Evidence inside a pydantic model / list / dict tree."""
    if isinstance(obj, Evidence):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from walk_evidence(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from walk_evidence(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from walk_evidence(x)


def requote(obj: object, text: str) -> None:
    """Make every Evidence in ``obj`` quote ``text`` at its offsets (in place).

    Parsing reads a screened copy of the text (hidden and injected parts blanked); the
    quotes must come from the real text so ``text[e.start:e.end] == e.text`` holds.
    """
    _requote(obj, text)


# Values that can hold no Evidence: skipped without a call (exact types only).
_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _requote(obj: object, text: str) -> None:
    """:func:`requote` by direct recursion: the same tree walk as :func:`walk_evidence`."""
    if isinstance(obj, Evidence):
        quote = text[obj.start:obj.end]
        if obj.text != quote:  # most quotes already match: skip pydantic's __setattr__
            obj.text = quote
        return
    if isinstance(obj, BaseModel):
        cls = type(obj)
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(cls.model_fields)
        values = [getattr(obj, name) for name in names]
    elif isinstance(obj, (list, tuple)):
        values = obj
    elif isinstance(obj, dict):
        values = obj.values()
    else:
        return
    leaves = _LEAVES
    for x in values:
        if type(x) not in leaves:
            _requote(x, text)
