import pytest

from shortlist.documents.extract import extract_bytes
from shortlist.errors import ExtractionError, Reason

FAKE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048


def test_missing_converter_names_the_package(monkeypatch):
    from shortlist.documents import doc

    monkeypatch.setattr(doc.shutil, "which", lambda name: None)
    with pytest.raises(ExtractionError) as err:
        extract_bytes(FAKE_DOC)
    assert err.value.reason is Reason.MISSING_TOOL and "antiword" in (err.value.hint or "")


def test_broken_ole_file_is_corrupt():
    import shutil

    if not (shutil.which("antiword") or shutil.which("catdoc")):
        pytest.skip("antiword/catdoc not installed")
    with pytest.raises(ExtractionError) as err:
        extract_bytes(FAKE_DOC)
    assert err.value.reason in (Reason.CORRUPT, Reason.EMPTY)
