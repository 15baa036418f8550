import shutil

import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.limits import Limits
from shortlist.documents.model import MediaType

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
