from hypothesis import given
from hypothesis import strategies as st

from shortlist.labeller.tokens import bio_tags, spans_from_tags, tokenize


def test_tokens_keep_abbreviations_and_split_cjk():
    text = "B.E. in CS, Acme Pvt. Ltd — 北京大学"
    toks = [t.text for t in tokenize(text)]
    assert toks[:3] == ["B.E.", "in", "CS"]
    assert "Pvt." in toks and "—" in toks
    assert toks[-4:] == ["北", "京", "大", "学"]


@given(st.text(max_size=300))
def test_token_offsets_are_exact(text):
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text and t.text.strip()


def test_bio_round_trip():
    text = "Senior Engineer at Acme Corp. since 2019"
    spans = [(0, 15, "TITLE"), (19, 29, "ORG")]
    toks = tokenize(text)
    tags = bio_tags(toks, spans)
    assert tags[:5] == ["B-TITLE", "I-TITLE", "O", "B-ORG", "I-ORG"]
    got = [(text[s:e], lab) for s, e, lab, _, _ in spans_from_tags(toks, tags)]
    assert got == [("Senior Engineer", "TITLE"), ("Acme Corp.", "ORG")]


def test_stray_inside_tag_opens_a_span():
    toks = tokenize("a b c")
    assert [x[2] for x in spans_from_tags(toks, ["O", "I-ORG", "I-ORG"])] == ["ORG"]
