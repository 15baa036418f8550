from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from shortlist.documents.model import HiddenKind, HiddenSpan
from shortlist.documents.normalize import normalize


def test_whitespace_collapses_and_blocks_keep_one_blank_line():
    text, _ = normalize("  Name \t Surname \r\n\r\n\r\n\nSkills:   Python  \n  SQL  ")
    assert text == "Name Surname\n\nSkills: Python\nSQL"


def test_nfkc_turns_fullwidth_and_ligatures_into_plain_forms():
    text, _ = normalize("ＰＹＴＨＯＮ ﬁnance 技能：数据")
    assert text == "PYTHON finance 技能:数据"


def test_zero_width_chars_are_removed_and_their_word_marked():
    text, spans = normalize("Expert in Py\u200bthon and Ja\u00adva")
    assert text == "Expert in Python and Java"
    marked = [text[s.start : s.end] for s in spans if s.kind is HiddenKind.ZERO_WIDTH]
    assert marked == ["Python", "Java"]


def test_hidden_spans_follow_the_text_through_every_edit():
    raw = "   Ａ\u200b  visible   \n\n\n\nsecret  words  here\t\tend"
    start = raw.index("secret")
    end = raw.index("here") + len("here")
    text, spans = normalize(raw, [HiddenSpan(start=start, end=end, kind=HiddenKind.HIDDEN_STYLE)])
    (style,) = [s for s in spans if s.kind is HiddenKind.HIDDEN_STYLE]
    assert text[style.start : style.end] == "secret words here"
    assert text.startswith("A visible\n\nsecret")


def test_combining_marks_compose_with_the_preceding_letter():
    text, _ = normalize("Jose\u0301 Marti\u0301")
    assert text == "José Martí"


_ALPHABET = st.sampled_from(list("ab Z9\n\t\r") + ["\u200b", "\u00ad", "\ufeff", "\u3000", "ﬁ", "Ａ", "\u0301", "é", "\x07"])


@settings(max_examples=200, deadline=None)
@given(chars=st.lists(_ALPHABET, max_size=60), cuts=st.lists(st.integers(0, 60), max_size=6))
def test_normalised_text_is_clean_and_spans_stay_inside_it(chars, cuts):
    raw = "".join(chars)
    points = sorted({min(c, len(raw)) for c in cuts})
    spans = [HiddenSpan(start=a, end=b, kind=HiddenKind.HIDDEN_STYLE) for a, b in pairwise(points) if b > a]
    text, out = normalize(raw, spans)
    assert not any(c in text for c in "\u200b\u00ad\ufeff\r\t\x07")
    assert "  " not in text and "\n\n\n" not in text and text == text.strip()
    assert all(0 <= s.start < s.end <= len(text) for s in out)
    assert normalize(text)[0] == text  # idempotent
