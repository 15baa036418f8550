import shutil

import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.limits import Limits
from shortlist.documents.model import MediaType
from shortlist.errors import ExtractionError, Reason

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
LINES = ["Registered Nurse", "Intensive Care 2015 2023"]


def test_scanned_pdf_is_read_by_ocr():
    doc = extract_bytes(F.pdf_scanned(LINES), limits=Limits(ocr_languages="eng"))
    assert doc.ocr and doc.media_type is MediaType.PDF and doc.warnings
    assert "Registered Nurse" in doc.text and "Intensive Care" in doc.text


def test_image_is_read_by_ocr():
    doc = extract_bytes(F.png_text(LINES), limits=Limits(ocr_languages="eng"))
    assert doc.ocr and doc.media_type is MediaType.IMAGE and doc.images == 1
    assert "Registered Nurse" in doc.text


def test_a_decompression_bomb_image_is_refused_before_decoding():
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)  # 900 megapixels, grey
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    with pytest.raises(ExtractionError) as err:
        extract_bytes(png)
    assert err.value.reason is Reason.TOO_LARGE
