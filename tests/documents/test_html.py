import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.model import MediaType
from shortlist.errors import ExtractionError, Reason


def test_html_structure_and_dropped_elements():
    doc = extract_bytes(F.html_resume())
    assert doc.media_type is MediaType.HTML
    assert doc.text.startswith("Amara Nwosu\n\nProduct designer in Lagos")
    assert "Figma\nUser research" in doc.text and "Role | Designer" in doc.text
    assert "ignored" not in doc.text


def test_every_kind_of_css_hiding_is_marked_and_dark_background_is_not():
    doc = extract_bytes(F.html_resume())
    visible = doc.visible_text()
    for phrase in F.HTML_HIDDEN:
        assert phrase in doc.text and phrase not in visible
    assert "Contact on dark" in visible and "visible tail" in visible


def test_absurdly_deep_nesting_is_a_clean_error():
    data = b"<html><body>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000 + b"</body></html>"
    with pytest.raises(ExtractionError) as err:
        extract_bytes(data)
    assert err.value.reason is Reason.CORRUPT
