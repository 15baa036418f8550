"""Untrusted bytes never escape as anything but a Document or an ExtractionError."""
import pytest
from fixtures import documents as F
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shortlist.documents.extract import extract_bytes
from shortlist.documents.limits import Limits
from shortlist.documents.model import Document
from shortlist.documents.sandbox import Sandbox
from shortlist.errors import ExtractionError, Reason

SEEDS = [F.pdf_two_column(), F.pdf_hidden(), F.docx_resume(), F.html_resume(), F.text_gb18030()]
LIMITS = Limits(timeout_s=20, ocr_languages="eng")


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(2, LIMITS) as sb:
        yield sb


def _extract(data: bytes):
    return extract_bytes(data, limits=LIMITS)


def _check(sandbox, data: bytes) -> None:
    ((item, result),) = list(sandbox.imap(_extract, [data]))
    assert item == data
    assert isinstance(result, (Document, ExtractionError))
    if isinstance(result, ExtractionError):
        assert result.reason is not Reason.INTERNAL, result.message  # an unclassified failure is a bug
    else:
        assert all(0 <= s.start < s.end <= len(result.text) for s in result.hidden)
        assert all(0 <= s.start < s.end <= len(result.text) for s in result.layout)
        assert all(b.start >= a.end for a, b in zip(result.layout, result.layout[1:], strict=False))


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[pos : pos + draw(st.integers(1, 4096))]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif data:
            data[pos : pos + 512] = bytes(min(512, len(data) - pos))
    return bytes(data)


common = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@common
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes(sandbox, data):
    _check(sandbox, data)


@common
@given(data=st.one_of(st.just(b"%PDF-1.4\n"), st.just(b"PK\x03\x04")).flatmap(
    lambda head: st.binary(max_size=2048).map(lambda tail: head + tail)))
def test_bytes_with_a_valid_magic_number(sandbox, data):
    _check(sandbox, data)


@common
@given(data=mutated())
def test_mutated_real_documents(sandbox, data):
    _check(sandbox, data)
