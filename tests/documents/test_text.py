import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes, extract_path
from shortlist.documents.model import HiddenKind, MediaType
from shortlist.errors import ExtractionError, Reason


def test_gb18030_text_is_decoded():
    doc = extract_bytes(F.text_gb18030(), name="cv.txt")
    assert doc.media_type is MediaType.TEXT and doc.text == F.GB_TEXT.strip().replace("：", ":")


def test_zero_width_in_plain_text():
    doc = extract_bytes("Skills: Kuber\u200bnetes, SQL".encode())
    assert doc.text == "Skills: Kubernetes, SQL"
    assert [(doc.text[s.start : s.end], s.kind) for s in doc.hidden] == [("Kubernetes,", HiddenKind.ZERO_WIDTH)]


@pytest.mark.parametrize(("data", "reason"), [(b"", Reason.EMPTY), (b"  \n ", Reason.EMPTY),
                                              (bytes(range(256)) * 4, Reason.UNSUPPORTED)])
def test_failures_have_reasons(data, reason):
    with pytest.raises(ExtractionError) as err:
        extract_bytes(data)
    assert err.value.reason is reason


def test_extract_path_reads_files_and_reports_missing_ones(tmp_path):
    path = tmp_path / "resume.pdf"  # the name lies: content decides
    path.write_bytes(b"Plain resume text")
    assert extract_path(path).media_type is MediaType.TEXT
    with pytest.raises(ExtractionError):
        extract_path(tmp_path / "nope.pdf")
