import pytest
from fixtures import documents as F

from shortlist.documents.model import MediaType
from shortlist.documents.sniff import decode_text, sniff


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (F.pdf_single_column(), MediaType.PDF),
        (F.docx_resume(), MediaType.DOCX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, MediaType.DOC),
        (F.png_text(["x"], size=(40, 20)), MediaType.IMAGE),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, MediaType.IMAGE),
        (b"RIFF\0\0\0\0WEBPVP8 ", MediaType.IMAGE),
        (b"<!DOCTYPE html><html><body>x</body></html>", MediaType.HTML),
        (b"\xef\xbb\xbf  <html><p>hi</p></html>", MediaType.HTML),
        (b"<b>Skills</b><br>Python", MediaType.HTML),
        (b"<3 Python, C++ and Go", MediaType.TEXT),
        (F.text_gb18030(), MediaType.TEXT),
        ("# Résumé\nPython".encode("utf-16"), MediaType.TEXT),
        (bytes(range(256)) * 8, None),
    ],
)
def test_type_comes_from_content(data, expected):
    assert sniff(data) is expected


def test_a_zip_without_word_document_is_not_docx():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert sniff(buf.getvalue()) is None


def test_decoding_order_bom_utf8_gb18030():
    assert decode_text("技能".encode("utf-8-sig")) == "技能"
    assert decode_text(F.GB_TEXT.encode("gb18030")) == F.GB_TEXT
    assert decode_text(b"\x00\x01\x02\x03" * 50) is None
