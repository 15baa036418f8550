import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.limits import Limits
from shortlist.documents.model import HiddenKind, MediaType
from shortlist.errors import ExtractionError, Reason


def test_single_column_text_and_metadata():
    data = F.pdf_single_column()
    doc = extract_bytes(data, name="cv.pdf")
    assert doc.media_type is MediaType.PDF and doc.pages == 1 and not doc.ocr
    assert doc.text.splitlines()[:2] == ["Jordan Okafor", "Backend developer with eight years of experience"]
    assert len(doc.sha256) == 64 and doc.source == "cv.pdf"
    assert doc.hidden == []


def test_two_columns_read_left_then_right_under_a_full_width_header():
    lines = extract_bytes(F.pdf_two_column()).text.splitlines()
    lines = [line for line in lines if line]
    assert lines == [F.HEADER, *F.LEFT_COLUMN, *F.RIGHT_COLUMN]


def test_chinese_text_layer_is_extracted():
    text = extract_bytes(F.pdf_chinese()).text
    assert text.splitlines() == [line.replace("：", ":") for line in F.CHINESE_LINES]


def test_hidden_text_is_kept_but_marked_by_kind():
    doc = extract_bytes(F.pdf_hidden())
    marked = {doc.text[s.start : s.end]: s.kind for s in doc.hidden}
    assert marked == {
        F.HIDDEN_WHITE: HiddenKind.BACKGROUND_COLOUR,
        F.HIDDEN_TINY: HiddenKind.TINY_FONT,
        F.HIDDEN_OFFPAGE: HiddenKind.OFF_PAGE,
        F.HIDDEN_INVISIBLE: HiddenKind.HIDDEN_STYLE,
    }
    visible = doc.visible_text()
    assert F.VISIBLE_ON_DARK in visible  # white on a dark box is legible, not hidden
    assert F.HIDDEN_WHITE not in visible and "Priya Raman" in visible


def test_encrypted_pdf_is_refused_with_a_reason():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.pdf_encrypted())
    assert err.value.reason is Reason.ENCRYPTED


def test_too_many_pages_is_refused_before_reading():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.pdf_many_pages(500), limits=Limits(max_pages=50))
    assert err.value.reason is Reason.TOO_LARGE and "500 pages" in err.value.message


def test_truncated_pdf_is_corrupt():
    data = F.pdf_single_column()
    with pytest.raises(ExtractionError) as err:
        extract_bytes(data[: len(data) // 3])
    assert err.value.reason in (Reason.CORRUPT, Reason.EMPTY)


def test_file_size_limit():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.pdf_single_column(), limits=Limits(max_file_mb=0.001))
    assert err.value.reason is Reason.TOO_LARGE


def test_scanned_pdf_without_tesseract_names_the_package(monkeypatch):
    from shortlist.documents import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.pdf_scanned(["Senior Nurse"]))
    assert err.value.reason is Reason.MISSING_TOOL and "tesseract-ocr" in (err.value.hint or "")


def test_a_two_column_list_inside_a_single_column_page():
    lines = [line for line in extract_bytes(F.pdf_list_then_heading()).text.splitlines() if line]
    assert lines == ["Summary", F.FULL_WIDTH_1, "Highlights", *F.LIST_LEFT, *F.LIST_RIGHT, "Accomplishments",
                     F.FULL_WIDTH_2]


def test_a_sidebar_is_read_whole_before_the_main_column():
    lines = [line for line in extract_bytes(F.pdf_sidebar()).text.splitlines() if line]
    main = [f"{line} {i}" for i, line in enumerate(F.LEFT_COLUMN * 2)]
    assert lines == [*F.RIGHT_COLUMN, *main]


def test_an_all_invisible_ocr_layer_is_not_flagged():
    lines = ["Jordan Okafor, backend developer", "Python and PostgreSQL since 2016"]
    doc = extract_bytes(F.pdf_ocr_layer(lines))
    assert doc.text.splitlines() == lines and doc.hidden == []


def test_embedded_pictures_are_counted():
    assert extract_bytes(F.pdf_with_photo()).images == 1
    assert extract_bytes(F.pdf_single_column()).images == 0


def test_word_breaks_are_found_from_gaps_when_there_are_no_space_characters():
    assert extract_bytes(F.pdf_positioned_chars()).text == F.POSITIONED_WORDS
