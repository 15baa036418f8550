"""One text clean-up shared by every format, keeping hidden-span offsets exact.

Extractors build a raw string (one ``\\n`` between lines, ``\\n\\n`` between blocks) and
the hidden spans they saw; :func:`normalize` then applies NFKC, strips zero-width and
control characters, and collapses whitespace. Each step is a list of edits so every span
is remapped rather than recomputed, which is what keeps ``Document.hidden`` trustworthy.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar

from shortlist.documents.model import HiddenKind, HiddenSpan, LineStyle

# Zero-width characters and the soft hyphen: invisible, often used to split keywords so
# that a filter misses them (or to hide them from a reader while a parser sees them).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZW_RE = re.compile(f"[{ZERO_WIDTH}]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]+")
_NON_ASCII_RE = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_WS_RE = re.compile(r"\s{2,}|[^\S \n]|^\s|\s$")  # only runs that need changing

Edit = tuple[int, int, str]  # (old_start, old_end, replacement)
_S = TypeVar("_S", HiddenSpan, LineStyle)


class _Remap:
    """Maps offsets of the text before a list of edits to offsets after it."""

    def __init__(self, edits: list[Edit]) -> None:
        self.starts = [e[0] for e in edits]
        self.edits = edits
        # new start of each edit, computed once
        self.new_starts: list[int] = []
        delta = 0
        for s, e, rep in edits:
            self.new_starts.append(s + delta)
            delta += len(rep) - (e - s)

    def __call__(self, pos: int, is_end: bool) -> int:
        k = bisect_right(self.starts, pos) - 1
        if k < 0:
            return pos
        s, e, rep = self.edits[k]
        ns = self.new_starts[k]
        if pos >= e:
            return ns + len(rep) + (pos - e)
        if pos == s:
            return ns
        return ns + len(rep) if is_end else ns


def _apply(
    text: str, edits: list[Edit], spans: list[HiddenSpan], styles: list[LineStyle]
) -> tuple[str, list[HiddenSpan], list[LineStyle], _Remap]:
    if not edits:
        return text, spans, styles, _Remap([])
    parts: list[str] = []
    last = 0
    for s, e, rep in edits:
        parts.append(text[last:s])
        parts.append(rep)
        last = e
    parts.append(text[last:])
    remap = _Remap(edits)
    return "".join(parts), _moved(spans, remap), _moved(styles, remap), remap


def _moved(spans: list[_S], remap: _Remap) -> list[_S]:
    out = []
    for sp in spans:
        a, b = remap(sp.start, False), remap(sp.end, True)
        if b > a:
            out.append(sp.model_copy(update={"start": a, "end": b}))
    return out


def _edits(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | None]) -> list[Edit]:
    edits: list[Edit] = []
    for m in pattern.finditer(text):
        rep = repl(m)
        if rep is not None and rep != m.group():
            edits.append((m.start(), m.end(), rep))
    return edits


def _nfkc(m: re.Match[str]) -> str | None:
    run = m.group()
    return None if unicodedata.is_normalized("NFKC", run) else unicodedata.normalize("NFKC", run)


def _whitespace(m: re.Match[str]) -> str:
    run = m.group()
    if m.start() == 0 or m.end() == len(m.string):
        return ""
    newlines = run.replace("\r\n", "\n").count("\n") + run.count("\r") - run.count("\r\n")
    newlines += sum(run.count(c) for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029")
    return " " if newlines == 0 else ("\n" if newlines == 1 else "\n\n")


def _word_around(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def merge_spans(spans: list[HiddenSpan]) -> list[HiddenSpan]:
    """Sort and merge overlapping or touching spans of the same kind."""
    out: list[HiddenSpan] = []
    for sp in sorted(spans, key=lambda s: (s.kind.value, s.start, s.end)):
        if out and out[-1].kind == sp.kind and sp.start <= out[-1].end:
            out[-1] = HiddenSpan(start=out[-1].start, end=max(out[-1].end, sp.end), kind=sp.kind)
        else:
            out.append(sp)
    return sorted(out, key=lambda s: (s.start, s.end))


def normalize(raw: str, spans: list[HiddenSpan] | None = None) -> tuple[str, list[HiddenSpan]]:
    """Return clean text and the spans remapped into it (plus ZERO_WIDTH spans)."""
    text, hidden, _ = normalize_styled(raw, spans)
    return text, hidden


def normalize_styled(
    raw: str, spans: list[HiddenSpan] | None = None, styles: list[LineStyle] | None = None
) -> tuple[str, list[HiddenSpan], list[LineStyle]]:
    """:func:`normalize`, also carrying the lines' layout through every edit.

    Zero-width characters are removed; the word each one sat in is recorded as a
    ZERO_WIDTH span so a reviewer can see that a keyword was tampered with.
    """
    spans = list(spans or [])
    lines = list(styles or [])
    text = raw
    # 1. remove zero-width characters, remembering where they were
    zw_edits = _edits(text, _ZW_RE, lambda m: "")
    text, spans, lines, remap = _apply(text, zw_edits, spans, lines)
    zw_positions = [remap(s, False) for s, _, _ in zw_edits]
    # 2. control characters (not tab/newline/CR/VT/FF, not the separators \x1c-\x1f)
    edits = _edits(text, _CONTROL_RE, lambda m: "")
    text, spans, lines, r2 = _apply(text, edits, spans, lines)
    zw_positions = [r2(p, False) for p in zw_positions]
    # 3. NFKC on non-ASCII runs (with one preceding char so combining marks compose)
    if not text.isascii():
        edits = _edits(text, _NON_ASCII_RE, _nfkc)
        text, spans, lines, r3 = _apply(text, edits, spans, lines)
        zw_positions = [r3(p, False) for p in zw_positions]
    # 4. whitespace: runs -> " ", "\n" or "\n\n"; none at the ends
    edits = _edits(text, _WS_RE, _whitespace)
    text, spans, lines, r4 = _apply(text, edits, spans, lines)
    zw_positions = [r4(p, False) for p in zw_positions]
    covered = -1
    for p in sorted(zw_positions):  # one expansion per word, so a word full of them stays linear
        if p < covered:
            continue
        a, b = _word_around(text, min(p, len(text)))
        covered = b
        if b > a:
            spans.append(HiddenSpan(start=a, end=b, kind=HiddenKind.ZERO_WIDTH))
    return text, merge_spans(spans), lines
