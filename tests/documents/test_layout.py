"""Document.layout: how each line looked, for the parser's labeller."""
import io

from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.normalize import normalize_styled
from shortlist.documents.raw import TextBuilder


def _pdf(lines: list[tuple[str, str, float, float]]) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    y = 780.0
    for text, font, size, x in lines:
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= size * 1.6
    c.save()
    return buf.getvalue()


def _by_line(doc) -> dict[str, object]:
    return {doc.text[s.start:s.end]: s for s in doc.layout}


def test_pdf_lines_carry_size_weight_and_indent():
    doc = extract_bytes(_pdf([
        ("Work History", "Helvetica-Bold", 16, 72),
        ("Data Analyst at Kalover Freight", "Helvetica", 10, 72),
        ("- Built the weekly dashboards for the board", "Helvetica", 10, 96),
    ]))
    seen = _by_line(doc)
    assert set(seen) == {ln for ln in doc.text.splitlines() if ln}  # one style per line, offsets exact
    head, job, bullet = (seen[k] for k in doc.text.splitlines())
    assert head.bold and not job.bold and not bullet.bold
    assert head.size > 1.3 * job.size and abs(job.size - bullet.size) < 0.01
    assert bullet.indent > job.indent + 0.02 and head.column == job.column == 0


def test_pdf_two_columns_say_which_column():
    doc = extract_bytes(F.pdf_two_column())
    seen = _by_line(doc)
    assert {seen[ln].column for ln in F.LEFT_COLUMN} == {1}
    assert {seen[ln].column for ln in F.RIGHT_COLUMN} == {2}
    assert seen[F.HEADER].column == 0


def test_docx_heading_styles_bold_runs_indents_and_table_rows():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_heading("EXPERIENCE", level=1)
    d.add_paragraph().add_run("Senior Accountant").bold = True
    d.add_paragraph("Belco Logistics, Denver").paragraph_format.left_indent = Pt(36)
    row = d.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = "2019 - 2021", "Payroll Clerk"
    buf = io.BytesIO()
    d.save(buf)
    doc = extract_bytes(buf.getvalue())
    seen = _by_line(doc)
    assert seen["EXPERIENCE"].bold and seen["EXPERIENCE"].size > seen["Belco Logistics, Denver"].size
    assert seen["Senior Accountant"].bold and not seen["Belco Logistics, Denver"].bold
    assert seen["Belco Logistics, Denver"].indent > 0.05
    assert "2019 - 2021 | Payroll Clerk" in seen


def test_plain_text_has_no_layout():
    assert extract_bytes(b"Jane Doe\nAccountant at Belco\n").layout == []


def test_layout_offsets_survive_normalisation():
    b = TextBuilder()
    for line, size in (("Data\u200b Analyst   at  Belco", 14.0), ("Caf\u0065\u0301 \t owner", 10.0)):
        start = len(b)
        b.add(line)
        b.style(start, size, False)
        b.newline()
    text, _, layout = normalize_styled(b.build(), b.hidden, b.layout)
    assert [text[s.start:s.end] for s in layout] == text.splitlines()
    assert [s.size for s in layout] == [14.0, 10.0]
