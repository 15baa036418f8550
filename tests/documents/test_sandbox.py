import os
import time

import pytest
from fixtures import documents as F

from shortlist.documents.extract import extract_bytes
from shortlist.documents.limits import Limits
from shortlist.documents.model import Document
from shortlist.documents.sandbox import Sandbox, run_one
from shortlist.errors import ExtractionError, Reason


def behave(item: str) -> str:
    """A worker function that misbehaves on request."""
    if item == "sleep":
        time.sleep(60)
    elif item == "exit":
        os._exit(3)
    elif item == "alloc":
        blob = bytearray(4 * 2**30)  # far past the address-space limit
        return str(len(blob))
    elif item == "crash":
        import ctypes

        ctypes.string_at(0)  # segfault
    elif item == "raise":
        raise ValueError("boom")
    return item.upper()


def _run(items, **limits):
    with Sandbox(2, Limits(**limits)) as sandbox:
        return dict(sandbox.imap(behave, items))


def test_a_timed_out_item_is_killed_and_the_next_still_works():
    results = _run(["sleep", "a", "b", "c"], timeout_s=2.0)
    assert isinstance(results["sleep"], ExtractionError) and results["sleep"].reason is Reason.TIMED_OUT
    assert [results[k] for k in "abc"] == ["A", "B", "C"]


def test_memory_limit_gives_a_clean_error():
    results = _run(["alloc", "ok"], memory_mb=512)
    assert isinstance(results["alloc"], ExtractionError) and results["alloc"].reason is Reason.TOO_LARGE
    assert results["ok"] == "OK"


@pytest.mark.parametrize("item", ["exit", "crash"])
def test_a_dying_worker_becomes_an_error_and_is_replaced(item):
    results = _run([item, "x", "y", "z"])
    assert isinstance(results[item], ExtractionError) and results[item].reason is Reason.CORRUPT
    assert [results[k] for k in "xyz"] == ["X", "Y", "Z"]


def test_unexpected_exceptions_are_reported_per_item():
    results = _run(["raise", "q"])
    assert results["raise"].reason is Reason.INTERNAL and "boom" in results["raise"].message
    assert results["q"] == "Q"


def test_stopping_early_does_not_leak_results_into_the_next_run():
    with Sandbox(1, Limits()) as sandbox:
        first = next(iter(sandbox.imap(behave, ["a", "b", "c"])))
        assert first == ("a", "A")
        assert dict(sandbox.imap(behave, ["d"])) == {"d": "D"}


def test_run_one_returns_or_raises():
    doc = run_one(extract_bytes, F.pdf_two_column())
    assert isinstance(doc, Document) and F.HEADER in doc.text
    with pytest.raises(ExtractionError) as err:
        run_one(extract_bytes, F.pdf_encrypted())
    assert err.value.reason is Reason.ENCRYPTED
