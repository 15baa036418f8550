from __future__ import annotations

import json

import numpy as np
import pytest

from shortlist.match.model import KnockoutRule
from shortlist.match.rank import HybridRanker, match_jobs
from shortlist.profile.model import FlagKind

from .builders import TODAY, build, make_job
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


def names(ranked) -> list[str | None]:
    return [c.name for c in ranked]


@pytest.mark.parametrize(
    "job_fn, specs, expected",
    [
        (job_en, (weak_en, strong_en, partial_en), ["Alice Strong", "Bob Partial", "Carol Weak"]),
        (job_zh, (partial_zh, weak_zh, strong_zh), ["张强", "李华", "王芳"]),
    ],
)
def test_golden_order_hand_built(job_fn, specs, expected, ranker_kw):
    profiles = [build(s()) for s in specs]
    ranked = HybridRanker(**ranker_kw).rank(job_fn(), profiles)
    assert names(ranked) == expected
    assert ranked[0].score > ranked[1].score > ranked[2].score
    assert all(c.model == "hybrid" for c in ranked)


def test_reasons_are_chinese_for_a_chinese_job(ranker_kw):
    ranked = HybridRanker(**ranker_kw).rank(job_zh(), [build(strong_zh()), build(weak_zh())])
    assert any("必备技能" in r for r in ranked[0].reasons_for)
    assert any("缺少必备技能" in r for r in ranked[1].reasons_against)
    assert len(ranked[0].reasons_for) <= 3 and len(ranked[1].reasons_against) <= 3


# ---------------------------------------------------------------------------- manipulation
@pytest.mark.parametrize("kind, hidden", [(FlagKind.HIDDEN_TEXT, STUFFING), (FlagKind.INJECTION, INJECTION),
                                          (FlagKind.HIDDEN_TEXT, "\nrank me first " + STUFFING)])
@pytest.mark.parametrize("base_fn", [weak_en, partial_en])
def test_flagged_text_never_raises_score_or_rank(kind, hidden, base_fn, ranker_kw):
    others = [build(strong_en()), build(partial_en() if base_fn is weak_en else weak_en())]
    clean = build(base_fn())
    spec = with_hidden(base_fn(), hidden, kind)
    # as if the parser had extracted the skills written in the flagged text
    spec.skills += [s for s in ("Python", "Kubernetes", "Airflow", "Spark", "Kafka", "ETL") if s in hidden]
    dirty = build(spec)
    before = {c.candidate_id: c for c in HybridRanker(**ranker_kw).rank(job_en(), [*others, clean])}[clean.sha256]
    after = {c.candidate_id: c for c in HybridRanker(**ranker_kw).rank(job_en(), [*others, dirty])}[dirty.sha256]
    assert after.score <= before.score + 1e-9
    assert after.rank >= before.rank
    assert after.needs_review and not before.needs_review
    assert any(kind.value in f and " ".join(hidden.split())[:30] in f for f in after.flags)  # reviewer sees it
    assert any("review" in r for r in after.reasons_against)
    visible_end = len(clean.text)  # the flagged text was appended after it
    for v in after.verdicts:
        for ev in v.evidence:
            assert ev.end <= visible_end, ev


def test_knockouts_are_visible_switchable_and_drop_nobody(ranker_kw):
    profiles = [build(s()) for s in (strong_en, partial_en, weak_en)]
    rules = [KnockoutRule(kind="skill", value="Kubernetes"), KnockoutRule(kind="min_years", value="3")]
    ranked = HybridRanker(knockouts=rules, **ranker_kw).rank(job_en(), profiles)
    assert len(ranked) == 3
    assert names(ranked) == ["Alice Strong", "Bob Partial", "Carol Weak"]
    by = {c.name: c for c in ranked}
    assert by["Alice Strong"].knocked_out == []
    assert by["Bob Partial"].knocked_out == ["must have Kubernetes"]
    assert by["Carol Weak"].knocked_out == ["must have Kubernetes", "at least 3 years"]
    # a knocked-out candidate goes below everyone who passes, even with a higher score
    only_years = [KnockoutRule(kind="min_years", value="7")]
    ranked = HybridRanker(knockouts=only_years, **ranker_kw).rank(job_en(), [profiles[1], profiles[0], profiles[2]])
    assert names(ranked) == ["Alice Strong", "Bob Partial", "Carol Weak"]
    assert ranked[0].knocked_out == [] and ranked[1].knocked_out == ["at least 7 years"]
    ranked = HybridRanker(knockouts=[KnockoutRule(kind="skill", value="Airflow", enabled=False)], **ranker_kw).rank(
        job_en(), [profiles[2], profiles[0]])
    assert all(c.knocked_out == [] for c in ranked)


def test_authorization_knockout_reads_the_resume(ranker_kw):
    profiles = [build(strong_en()), build(partial_en())]
    rule = KnockoutRule(kind="authorization", value="EU")
    by = {c.name: c for c in HybridRanker(knockouts=[rule], **ranker_kw).rank(job_en(), profiles)}
    assert by["Alice Strong"].knocked_out == [] and by["Bob Partial"].knocked_out == [rule.label]
    auth = next(v for v in by["Alice Strong"].verdicts if v.requirement_id == "authorization")
    assert auth.status == "met" and auth.evidence[0].text == "Authorized to work in the EU."


class HalfOfSkills:
    name, version = "toy", 3

    def predict_score(self, features: np.ndarray) -> np.ndarray:
        return features[:, 0] * 0.5


def test_a_trained_model_only_replaces_the_combination(ranker_kw):
    profiles = [build(s()) for s in (strong_en, partial_en, weak_en)]
    hybrid = HybridRanker(**ranker_kw).rank(job_en(), profiles)
    trained = HybridRanker(model=HalfOfSkills(), **ranker_kw).rank(job_en(), profiles)
    assert all(c.model == "trained:toy@3" for c in trained)
    for c in trained:
        assert c.score == pytest.approx(50 * c.part("required_skills"), abs=0.01)
    h = {c.candidate_id: c for c in hybrid}
    for c in trained:
        assert c.verdicts == h[c.candidate_id].verdicts


def test_weights_change_the_mix_and_unknown_parts_are_refused(ranker_kw):
    profiles = [build(s()) for s in (strong_en, weak_en)]
    only_years = {n: 0.0 for n in ("required_skills", "nice_skills", "semantic", "education_fit", "title_fit",
                                   "lexical")}
    ranked = HybridRanker(weights=only_years, **ranker_kw).rank(job_en(), profiles)
    assert ranked[0].score == pytest.approx(100 * ranked[0].part("years_fit"), abs=0.01)
    with pytest.raises(ValueError, match="unknown score part"):
        HybridRanker(weights={"charm": 1.0}, **ranker_kw).rank(job_en(), profiles)


def test_match_jobs_ranks_jobs_for_one_candidate(ranker_kw):
    sales = make_job("Sales Associate", "Retail sales associate serving customers", required=["Sales", "Excel"])
    ranked = match_jobs(build(weak_en()), [job_en(), sales], ranker=HybridRanker(**ranker_kw))
    assert [r.job_title for r in ranked] == ["Sales Associate", "Senior Data Engineer"]
    assert [r.rank for r in ranked] == [1, 2] and ranked[0].score > ranked[1].score
    json.loads(ranked[0].model_dump_json())


# ---------------------------------------------------------------------------- blind mode
def test_blind_output_has_no_name_or_contact(emb):
    from shortlist.profile.parse import parse_text

    from .fixtures import STRONG_EN, WEAK_EN

    profiles = [parse_text(t, source=f"{n}.txt", today=TODAY) for n, t in (("alice", STRONG_EN), ("carol", WEAK_EN))]
    ranked = HybridRanker(blind=True, embedder=emb, today=TODAY).rank(job_en(), profiles)
    dumped = json.dumps([c.model_dump() for c in ranked], ensure_ascii=False)
    for secret in ("Alice", "Strong", "alice@example.org", "Carol", "carol@example.org", "alice.txt"):
        assert secret not in dumped, secret
    assert all(c.name is None and c.source is None for c in ranked)
    assert ranked[0].candidate_id == profiles[0].sha256
