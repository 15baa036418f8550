"""What a format extractor returns before shared normalisation, and a builder for it."""
from __future__ import annotations

from dataclasses import dataclass, field

from shortlist.documents.model import HiddenKind, HiddenSpan, LineStyle


@dataclass
class RawText:
    """Unnormalised text plus the facts only the format reader can know."""

    text: str
    hidden: list[HiddenSpan] = field(default_factory=list)
    pages: int = 1
    ocr: bool = False
    images: int = 0
    warnings: list[str] = field(default_factory=list)
    layout: list[LineStyle] = field(default_factory=list)


class TextBuilder:
    """Appends pieces of text and records which of them a reader would not see.

    Consecutive hidden pieces of the same kind separated only by whitespace become one
    span, so a hidden sentence is one span rather than one per word.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.hidden: list[HiddenSpan] = []
        self.layout: list[LineStyle] = []

    def __len__(self) -> int:
        return self._len

    def add(self, piece: str, hidden: HiddenKind | None = None) -> None:
        if not piece:
            return
        start = self._len
        last = self.hidden[-1] if self.hidden else None
        joins = (
            hidden is not None
            and last is not None
            and last.kind == hidden
            and (start == last.end or (start - last.end <= 4 and self._tail(start - last.end).isspace()))
        )
        self._parts.append(piece)
        self._len += len(piece)
        if hidden is None:
            return
        if joins:
            last.end = self._len
        else:
            self.hidden.append(HiddenSpan(start=start, end=self._len, kind=hidden))

    def _tail(self, n: int) -> str:
        out = ""
        for part in reversed(self._parts):
            if len(out) >= n:
                break
            out = part + out
        return out[-n:] if n else ""

    def newline(self, blank: bool = False) -> None:
        """End the current line (idempotent); ``blank`` leaves an empty line (a block boundary)."""
        if not self._len:
            return
        want = 2 if blank else 1
        tail = self._tail(8).rstrip(" \t")  # spaces after a newline do not end a line
        have = len(tail) - len(tail.rstrip("\n"))
        if have < want:
            self.add("\n" * (want - have))

    def style(self, start: int, size: float, bold: bool, indent: float = 0.0, column: int = 0, page: int = 1) -> None:
        """Record how the text written since ``start`` looked (one line)."""
        if self._len > start:
            self.layout.append(
                LineStyle(start=start, end=self._len, size=round(size, 1), bold=bold, indent=round(indent, 3),
                          column=column, page=page)
            )

    def build(self) -> str:
        return "".join(self._parts)
