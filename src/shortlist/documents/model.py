"""What extraction hands to parsing: text in reading order plus what a human would not see."""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field


class MediaType(str, Enum):
    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"
    HTML = "html"
    TEXT = "text"
    IMAGE = "image"


class HiddenKind(str, Enum):
    """Why a human reader would not see a piece of text."""

    BACKGROUND_COLOUR = "background_colour"  # white or near-background text
    TINY_FONT = "tiny_font"  # under ~1pt
    OFF_PAGE = "off_page"  # outside the page box / clipped
    HIDDEN_STYLE = "hidden_style"  # DOCX w:vanish, CSS display:none / visibility:hidden
    ZERO_WIDTH = "zero_width"  # zero-width characters (stripped from text; span marks where)


class HiddenSpan(BaseModel):
    start: int
    end: int
    kind: HiddenKind


class LineStyle(BaseModel):
    """How one line of ``Document.text`` looked on the page.

    The words of a heading and of a job title can be the same; a reader tells them apart by
    size, weight and where the line sits (a sidebar, an indented bullet), so the parser's
    labeller reads these too. Formats without layout (plain text) have none.
    """

    start: int
    end: int
    size: float = 0.0  # font size in points (PDF: the line's glyph height; DOCX: w:sz)
    bold: bool = False
    indent: float = 0.0  # left edge, as a fraction of the page (or column) width
    column: int = 0  # 0: the page is one column; 1: left column; 2: right column
    page: int = 1


class Document(BaseModel):
    """Extracted text of one file.

    ``text`` is the single string every evidence span in a profile points into. Hidden
    text stays in ``text`` (so offsets are stable and a reviewer can see it) but is listed
    in ``hidden``; ``visible_text()`` blanks it out with spaces so nothing downstream
    scores it while offsets still line up.
    """

    source: str = ""
    sha256: str = ""
    media_type: MediaType
    text: str
    pages: int = 1
    ocr: bool = False
    images: int = 0  # embedded pictures (a photo on a resume is a blind-screening concern)
    hidden: list[HiddenSpan] = Field(default_factory=list)
    layout: list[LineStyle] = Field(default_factory=list)  # one per line, where the format has layout
    warnings: list[str] = Field(default_factory=list)

    def visible_text(self) -> str:
        if not self.hidden:
            return self.text
        chars = list(self.text)
        for span in self.hidden:
            for i in range(max(0, span.start), min(len(chars), span.end)):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)
