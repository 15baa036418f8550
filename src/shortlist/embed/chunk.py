"""Split long text into embeddable pieces that point back into the original.

A whole resume as one vector blurs every skill together, and MiniLM only reads 256
tokens anyway; the ranker embeds lines (bullets) and, when a line is long, groups of
sentences. Chunks are returned as ``(start, end)`` offsets so a matched chunk can be shown
as evidence at its exact place in ``Profile.text``.
"""

from __future__ import annotations

import re

# Sentence ends: Latin punctuation followed by space, or CJK full-width punctuation.
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|[。！？；]")
# Where a too-long sentence may be cut, best first: clause punctuation, then any space.
_SOFT_BREAK = re.compile(r"[,，、:：)）]\s*|\s+")
_BULLET = re.compile(r"[\s•·▪◦●○■□➢►\-–—*]+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding space and a leading bullet marker from ``text[start:end]``."""
    lead = _BULLET.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut one over-long sentence at the last soft break that fits, else hard at max_chars."""
    spans = []
    while end - start > max_chars:
        limit = start + max_chars
        cut = max((m.end() for m in _SOFT_BREAK.finditer(text, start + 1, limit + 1)), default=limit)
        cut = min(cut, limit)
        piece = _trim(text, start, cut)
        if piece[1] > piece[0]:
            spans.append(piece)
        start = cut
    piece = _trim(text, start, end)
    if piece[1] > piece[0]:
        spans.append(piece)
    return spans


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[1] > s[0]]


def chunk_spans(text: str, max_chars: int = 400) -> list[tuple[int, int]]:
    """Offsets of the chunks of ``text``: one per non-empty line, long lines split into
    runs of whole sentences of at most ``max_chars`` characters (a sentence longer than
    that is cut at a comma or space). Chunks never cross a line break."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, line.start(), line.end())
        if end <= start:
            continue
        if end - start <= max_chars:
            spans.append((start, end))
            continue
        current: tuple[int, int] | None = None
        for s_start, s_end in _sentences(text, start, end):
            if current and s_end - current[0] <= max_chars:
                current = (current[0], s_end)
                continue
            if current:
                spans.append(current)
                current = None
            if s_end - s_start <= max_chars:
                current = (s_start, s_end)
            else:
                spans.extend(_cut_long(text, s_start, s_end, max_chars))
        if current:
            spans.append(current)
    return spans


def chunk_text(text: str, max_chars: int = 400) -> list[str]:
    """The chunks of ``chunk_spans`` as strings."""
    return [text[a:b] for a, b in chunk_spans(text, max_chars)]
