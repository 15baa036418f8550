"""chunk_text / chunk_spans: pieces fit, point back into the text, and respect lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shortlist.embed import chunk_spans, chunk_text


def test_one_chunk_per_line_and_bullets_dropped() -> None:
    text = "Jane Doe\n\n  • Built pipelines in Spark.\n- Led a team of four.\n"
    assert chunk_text(text, 200) == ["Jane Doe", "Built pipelines in Spark.", "Led a team of four."]


def test_long_line_is_split_into_sentence_runs() -> None:
    text = "Built pipelines in Spark. Reduced cost by 30%. Led a team of 4 engineers."
    assert chunk_text(text, 50) == [
        "Built pipelines in Spark. Reduced cost by 30%.",
        "Led a team of 4 engineers.",
    ]


def test_decimal_points_do_not_end_sentences() -> None:
    assert chunk_text("Raised accuracy to 97.5 percent. Shipped v2.1 to users.", 40) == [
        "Raised accuracy to 97.5 percent.",
        "Shipped v2.1 to users.",
    ]


def test_chinese_sentences_split_on_full_width_punctuation() -> None:
    assert chunk_text("负责推荐系统。优化了模型，提升点击率。", 10) == [
        "负责推荐系统。",
        "优化了模型，",
        "提升点击率。",
    ]


def test_overlong_sentence_is_cut_at_spaces() -> None:
    chunks = chunk_text("word " * 30, 24)
    assert all(len(c) <= 24 for c in chunks)
    assert " ".join(chunks).split() == ["word"] * 30


def test_empty_and_invalid() -> None:
    assert chunk_text("") == [] and chunk_text(" \n\n ") == []
    with pytest.raises(ValueError):
        chunk_spans("x", 0)


@given(
    text=st.text(alphabet="ab .,。，\n•-工程", max_size=300),
    max_chars=st.integers(min_value=1, max_value=60),
)
def test_chunks_are_ordered_nonempty_trimmed_slices_within_lines(text: str, max_chars: int) -> None:
    spans = chunk_spans(text, max_chars)
    previous_end = 0
    for start, end in spans:
        piece = text[start:end]
        assert previous_end <= start < end
        assert len(piece) <= max_chars
        assert piece == piece.strip() and "\n" not in piece
        previous_end = end
    covered = "".join(text[a:b] for a, b in spans)
    assert set(covered) <= set(text)
    # nothing but separators, bullets and space is left out
    kept = sum(c.isalnum() for c in covered)
    assert kept == sum(c.isalnum() for c in text)
