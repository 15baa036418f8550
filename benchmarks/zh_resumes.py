"""PDF and DOCX renderings of the generated Chinese resumes (``shortlist.labeller.synth_zh``),
for measuring the Chinese parser through real extraction."""
from __future__ import annotations

from pathlib import Path

from shortlist.labeller.synth_zh import (  # noqa: F401 - the benchmarks and tests import them from here
    LAYOUTS,
    EduTruth,
    Line,
    WorkTruth,
    ZhResume,
    generate,
    render_text,
)


def render_pdf(resume: ZhResume, path: Path) -> Path:
    """A4 PDF in the STSong-Light CID font (ships with reportlab, so no font files needed)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(f"{resume.name} 简历")
    margin, y = 56, height - 64

    def need(space: float, size: float) -> None:
        """Start a new page when the line does not fit; a new page forgets the font, so set it here."""
        nonlocal y
        if y - space < 56:
            pdf.showPage()
            y = height - 64
        pdf.setFont(font, size)

    for line in resume.lines:
        if line.kind == "blank":
            y -= 8
            continue
        if line.kind == "heading":
            need(26, 14)
            pdf.drawString(margin, y, line.text)
            pdf.line(margin, y - 4, width - margin, y - 4)
            y -= 24
            continue
        if line.kind == "kv":
            need(16, 10.5)
            for col, (k, v) in enumerate(line.pairs):
                pdf.drawString(margin + col * (width - 2 * margin) / 2, y, f"{k}：{v}")
            y -= 16
            continue
        for chunk in _wrap(line.text, font, 10.5, width - 2 * margin):
            need(16, 10.5)
            pdf.drawString(margin, y, chunk)
            y -= 16
    pdf.save()
    return path


def _wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, current = [], ""
    for ch in text:
        if stringWidth(current + ch, font, size) > max_width:
            out.append(current)
            current = ""
        current += ch
    return out + [current]


def render_docx(resume: ZhResume, path: Path) -> Path:
    """DOCX with headings as Heading 1 and the key/value rows as a real table."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    table = None
    for line in resume.lines:
        if line.kind != "kv":
            table = None
        if line.kind == "heading":
            doc.add_heading(line.text, level=1)
        elif line.kind == "text":
            doc.add_paragraph(line.text)
        elif line.kind == "kv":
            if table is None:
                table = doc.add_table(rows=0, cols=4)
            cells = table.add_row().cells
            for col, (k, v) in enumerate(line.pairs):
                cells[2 * col].text = f"{k}："
                cells[2 * col + 1].text = v
    doc.core_properties.title = f"{resume.name} 简历"
    doc.save(str(path))
    return path
