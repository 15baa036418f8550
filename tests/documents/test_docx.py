import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.limits import Limits
from shortlist.documents.model import HiddenKind, MediaType
from shortlist.errors import ExtractionError, Reason


def test_body_order_table_header_and_text_box_once():
    doc = extract_bytes(F.docx_resume())
    assert doc.media_type is MediaType.DOCX
    lines = [line for line in doc.text.splitlines() if line]
    assert lines[0] == F.DOCX_HEADER  # headers come first
    assert lines.index("Tomasz Wierzbicki") < lines.index("Skill | Years") < lines.index("Spark | 4")
    assert doc.text.count(F.TEXTBOX_TEXT) == 1  # the VML fallback copy is skipped
    assert lines.index("Spark | 4") < lines.index(F.TEXTBOX_TEXT) < lines.index("Education: MSc Computer Science")


def test_vanish_and_white_runs_are_hidden_spans():
    doc = extract_bytes(F.docx_resume())
    marked = {doc.text[s.start : s.end]: s.kind for s in doc.hidden}
    assert marked == {
        F.DOCX_HIDDEN: HiddenKind.HIDDEN_STYLE,
        F.DOCX_STYLE_HIDDEN: HiddenKind.HIDDEN_STYLE,
        "invisible white words": HiddenKind.BACKGROUND_COLOUR,
    }
    assert F.DOCX_HIDDEN not in doc.visible_text()


def test_zip_bomb_is_refused_before_unpacking():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.docx_zip_bomb(300), limits=Limits(zip_max_uncompressed_mb=100))
    assert err.value.reason is Reason.TOO_LARGE and "zip bomb" in err.value.message


def test_highly_compressed_member_is_refused_even_under_the_total():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.docx_zip_bomb(50), limits=Limits(zip_max_uncompressed_mb=100))
    assert err.value.reason is Reason.TOO_LARGE and "zip bomb" in err.value.message


def test_too_many_entries_is_refused():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.docx_resume(), limits=Limits(zip_max_entries=3))
    assert err.value.reason is Reason.TOO_LARGE


def test_entity_bomb_is_refused_with_a_clear_message():
    with pytest.raises(ExtractionError) as err:
        extract_bytes(F.docx_entity_bomb())
    assert err.value.reason is Reason.CORRUPT and "entit" in err.value.message


def test_images_are_counted():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(F.docx_resume())) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/image1.png", F.png_text(["x"], size=(20, 20)))
    assert extract_bytes(buf.getvalue()).images == 1
