from __future__ import annotations

import pytest

from shortlist.match.rank import HybridRanker
from shortlist.profile.model import FlagKind

from .builders import build
from .fixtures import (
    INJECTION,
    STUFFING,
    job_en,
    job_zh,
    partial_en,
    partial_zh,
    strong_en,
    strong_zh,
    weak_en,
    weak_zh,
    with_hidden,
)


def _fixture_sets():
    stuffed = with_hidden(weak_en(), STUFFING, FlagKind.HIDDEN_TEXT)
    stuffed.skills += ["Python", "Airflow"]
    return [
        (job_en, [strong_en(), partial_en(), weak_en(), stuffed, with_hidden(strong_en(), INJECTION, FlagKind.INJECTION)]),
        (job_zh, [strong_zh(), partial_zh(), weak_zh()]),
        (job_en, [strong_zh(), weak_en()]),  # a Chinese resume against an English job
    ]


@pytest.mark.parametrize("case", range(3))
def test_every_quote_is_resume_text_and_never_flagged(case, ranker_kw):
    job_fn, specs = _fixture_sets()[case]
    profiles = {p.sha256: p for p in (build(s) for s in specs)}
    ranked = HybridRanker(**ranker_kw).rank(job_fn(), list(profiles.values()))
    assert len(ranked) == len(profiles)
    for c in ranked:
        p = profiles[c.candidate_id]
        flagged = [f.span for f in p.flags]
        quotes = [ev for v in c.verdicts for ev in v.evidence] + [ev for part in c.parts for ev in part.evidence]
        for ev in quotes:
            assert p.text[ev.start:ev.end] == ev.text, ev
            assert not any(a < ev.end and ev.start < b for a, b in flagged), ("quoted flagged text", ev)
        assert len(c.verdicts) == len(job_fn().requirements)
        assert {v.requirement_id for v in c.verdicts} == {r.id for r in job_fn().requirements}


def test_verdicts_say_how(ranker_kw):
    ranked = HybridRanker(**ranker_kw).rank(job_en(), [build(strong_en()), build(partial_en())])
    strong = {v.requirement_id: v for v in ranked[0].verdicts}
    assert strong["skill:Kubernetes"].status == "met"
    assert strong["skill:Python"].status == "met" and "asked" in strong["skill:Python"].how
    assert strong["years"].status == "met" and strong["years"].how == "8.9 of 5 years"
    assert strong["education"].status == "met" and strong["education"].how.startswith("master (bachelor asked)")
    partial = {v.requirement_id: v for v in ranked[1].verdicts}
    assert partial["skill:Kubernetes"].status == "partial" and partial["skill:Kubernetes"].how == "related: Docker"
    assert partial["skill:Airflow"].status == "partial" and partial["skill:Airflow"].how == "same family: SQL"
    assert partial["skill:Python"].status == "met" and partial["skill:Python"].how == "exact, 3.9 years (3+ asked)"
    assert partial["years"].status == "partial"
    assert partial["authorization"].status == "missing"
    weak = HybridRanker(**ranker_kw).rank(job_en(), [build(weak_en())])[0]
    airflow = next(v for v in weak.verdicts if v.requirement_id == "skill:Airflow")
    assert airflow.status == "missing" and airflow.evidence == [] and airflow.how == "not found"
    # every met skill verdict quotes where the resume says it
    for v in ranked[0].verdicts:
        if v.requirement_id.startswith("skill:") and v.status == "met":
            assert v.evidence


def test_reasons_for_and_against_in_plain_english(ranker_kw):
    ranked = HybridRanker(**ranker_kw).rank(job_en(), [build(strong_en()), build(weak_en())])
    strong, weak = ranked
    assert strong.reasons_for[0].startswith("Meets 4 of 4 required skills")
    assert 1 <= len(strong.reasons_for) <= 3 and len(weak.reasons_against) == 3
    assert weak.reasons_against[0] == "Missing required skills: Python, SQL, Kubernetes, Airflow"
