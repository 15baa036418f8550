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
