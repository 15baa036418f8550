"""Generated resumes written out as real PDF and DOCX files and read back through the
product's own extraction, so the labeller learns from what extraction really hands it: the
reading order of two columns, wrapped lines, table rows, and each line's size, weight,
indent and column (``Document.layout``).

Templates: one column with bold or large headings; a two-column PDF whose sidebar holds
education and skills; a DOCX with Word heading styles, bold titles, indented bullets, and
job lines as table rows. Gold spans are found again in the extracted text by their words
(whitespace may change: a wrapped line, a cell separator); a document where any span
cannot be found is dropped, never guessed.
"""
from __future__ import annotations

import io
import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from shortlist.documents.extract import extract_bytes
from shortlist.errors import MissingExtra
from shortlist.labeller import synth, synth_zh
from shortlist.labeller.model import LabelledDoc

HEADINGS = synth.HEADINGS | synth_zh.HEADINGS
_DECOR = "【】■：: 一二三四五、"
_CJK = re.compile(r"[\u3400-\u9fff]")

_SIDEBAR = ("education", "academic", "qualifications", "skills")
_FONTS = (("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold"), ("Courier", "Courier-Bold"))


@dataclass
class _Line:
    text: str
    role: str  # name, heading, title, bullet, body


def _lines(doc: LabelledDoc) -> list[list[_Line]]:
    """The document's blocks (runs of lines between blank lines), each line with its role."""
    title_starts = {s for s, _, lab in doc.spans if lab == "TITLE"}
    blocks: list[list[_Line]] = [[]]
    pos = 0
    for i, raw in enumerate(doc.text.split("\n")):
        start, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        if i == 0:
            role = "name"
        elif raw.strip().strip(_DECOR) in HEADINGS:
            role = "heading"
        elif start in title_starts:
            role = "title"
        elif raw.startswith(("• ", "- ")):
            role = "bullet"
        else:
            role = "body"
        blocks[-1].append(_Line(raw, role))
    return [b for b in blocks if b]


def _pdf(blocks: list[list[_Line]], rng: random.Random) -> bytes:
    try:
        from reportlab.lib.pagesizes import A4, letter
        from reportlab.lib.utils import simpleSplit
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise MissingExtra("reportlab", "train", "Writing generated resumes as PDF") from exc
    size = rng.choice((A4, letter))
    regular, bold = rng.choice(_FONTS)
    if any(_CJK.search(ln.text) for b in blocks for ln in b):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        regular = bold = "STSong-Light"  # the one CJK font reportlab carries (no bold face)
    body_pt = rng.choice((9, 10, 10.5, 11))
    head_pt = body_pt * rng.choice((1.0, 1.2, 1.4))
    bold_titles = rng.random() < 0.6
    two_col = rng.random() < 0.5 and len(blocks) > 3
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    width, height = size
    margin = 50
    side_w = width * 0.3

    def column(blocks_: list[list[_Line]], x0: float, x1: float, y: float) -> float:
        for block in blocks_:
            for ln in block:
                font, pt, indent = regular, body_pt, 0.0
                if ln.role == "name":
                    font, pt = bold, body_pt * 1.8
                elif ln.role == "heading":
                    font, pt = bold, head_pt
                elif ln.role == "title" and bold_titles:
                    font = bold
                elif ln.role == "bullet":
                    indent = 12.0
                for piece in simpleSplit(ln.text, font, pt, x1 - x0 - indent) or [""]:
                    if y < margin:
                        c.showPage()
                        y = height - margin
                    c.setFont(font, pt)
                    c.drawString(x0 + indent, y, piece)
                    y -= pt * 1.3
            y -= body_pt * 0.9
        return y

    top = height - margin
    if two_col:
        head, rest = blocks[0], blocks[1:]
        side = [b for b in rest if b[0].text.strip().lower().startswith(_SIDEBAR)]
        main = [b for b in rest if b not in side]
        y = column([head], margin, width - margin, top)
        column(side, margin, margin + side_w - 15, y)
        column(main, margin + side_w + 15, width - margin, y)
    else:
        column(blocks, margin, width - margin, top)
    c.save()
    return buf.getvalue()


def _docx(blocks: list[list[_Line]], rng: random.Random) -> bytes:
    try:
        import docx
        from docx.shared import Pt
    except ImportError as exc:
        raise MissingExtra("python-docx", "train", "Writing generated resumes as DOCX") from exc
    d = docx.Document()
    heading_styles = rng.random() < 0.6
    bold_titles = rng.random() < 0.6
    tables = rng.random() < 0.5
    for bi, block in enumerate(blocks):
        for ln in block:
            if ln.role == "name":
                p = d.add_paragraph()
                run = p.add_run(ln.text)
                run.bold = True
                run.font.size = Pt(20)
            elif ln.role == "heading":
                if heading_styles:
                    d.add_heading(ln.text, level=1)
                else:
                    d.add_paragraph().add_run(ln.text).bold = True
            elif tables and " | " in ln.text:
                cells = ln.text.split(" | ")
                row = d.add_table(rows=1, cols=len(cells)).rows[0]
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
            else:
                p = d.add_paragraph()
                run = p.add_run(ln.text)
                if ln.role == "title" and bold_titles:
                    run.bold = True
                if ln.role == "bullet":
                    p.paragraph_format.left_indent = Pt(18)
        if bi + 1 < len(blocks):
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _relocate(doc: LabelledDoc, text: str) -> list[tuple[int, int, str]] | None:
    """The gold spans found again in ``text`` by their words, in order where possible."""
    out: list[tuple[int, int, str]] = []
    used: set[int] = set()
    cursor = 0
    for s, e, label in sorted(doc.spans):
        words = unicodedata.normalize("NFKC", doc.text[s:e]).split()  # extraction normalises: （ -> (
        if not words:
            continue
        # a word may not continue past the span's ends; Chinese has no word gaps to test
        lead = "" if _CJK.match(words[0][0]) else r"(?<![^\W\u3400-\u9fff])"
        trail = "" if _CJK.match(words[-1][-1]) else r"(?![^\W\u3400-\u9fff])"
        pattern = re.compile(lead + r"[\s|]+".join(map(re.escape, words)) + trail)
        found = [m for m in pattern.finditer(text) if m.start() not in used]
        if not found:
            return None
        m = next((m for m in found if m.start() >= cursor), found[0])
        used.add(m.start())
        cursor = m.end()
        out.append((m.start(), m.end(), label))
    return out


def render(docs: Iterable[LabelledDoc], seed: int = 0) -> list[LabelledDoc]:
    """Each document written as a PDF or a DOCX (alternately) and extracted again, with its
    spans and the file's layout; documents with no line breaks (flattened text) are skipped."""
    rng = random.Random(seed)
    out: list[LabelledDoc] = []
    for i, doc in enumerate(docs):
        if "\n" not in doc.text:
            continue
        blocks = _lines(doc)
        kind = "pdf" if i % 2 == 0 else "docx"
        data = _pdf(blocks, rng) if kind == "pdf" else _docx(blocks, rng)
        extracted = extract_bytes(data, f"generated-{i}.{kind}")
        spans = _relocate(doc, extracted.text)
        if spans is None:
            continue
        out.append(LabelledDoc(text=extracted.text, spans=spans, source=f"synthetic-{kind}", layout=extracted.layout))
    return out
