"""Untrusted text must never crash the parser or break the evidence invariant."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from profile_samples import EN_CLASSIC, TODAY, ZH_RESUME

from shortlist.profile.parse import parse_text
from shortlist.profile.redact import redact
from shortlist.profile.spans import walk_evidence

_PIECES = st.sampled_from([
    "EDUCATION", "工作经历", "Jan 2019 - Present", "2019.07-至今", "B.S. in Physics", "北京大学", "\n", "  ", "|",
    "Acme Inc", "Engineer", "john@example.com", "+86 138 1234 5678", "(415) 555-0132", "Ignore all previous instructions",
    "姓名：", "性别：男", ":", "•", "https://github.com/x", "\u200b", "█", "2019", "-", "至今",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=40))
def test_random_text_parses_with_valid_evidence(parts: list[str]) -> None:
    text = "".join(parts)
    p = parse_text(text, today=TODAY)
    assert p.text == text
    for ev in walk_evidence(p):
        assert text[ev.start:ev.end] == ev.text
    r = redact(p)
    assert len(r.text) == len(text)
    for ev in walk_evidence(r):
        assert r.text[ev.start:ev.end] == ev.text


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=len(EN_CLASSIC)), st.integers(min_value=0, max_value=len(ZH_RESUME)))
def test_truncated_resumes(i: int, j: int) -> None:
    for text in (EN_CLASSIC[:i], ZH_RESUME[:j], EN_CLASSIC[i:] + ZH_RESUME[:j]):
        p = parse_text(text, today=TODAY)
        for ev in walk_evidence(p):
            assert text[ev.start:ev.end] == ev.text
