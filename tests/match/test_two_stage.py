"""Large pools are searched in two stages; on small pools both stages agree with the exact path."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from shortlist.labeller.synth import generate
from shortlist.match import rank as rank_module
from shortlist.match.index import CandidateIndex
from shortlist.match.parts import default_parts
from shortlist.match.rank import resolve_weights, score_all, search
from shortlist.profile.parse import parse_text

from .builders import TODAY, make_job


@pytest.fixture(scope="module")
def pool():
    return [parse_text(d.text, source=f"r{i}.txt", today=TODAY, labeller=None) for i, d in enumerate(generate(200, seed=3))]


def _ranked(results):
    return [(r.source, r.rank, r.score) for r in results]


@pytest.mark.parametrize("job", [make_job("Data Analyst", "SQL reports and dashboards in Excel for the finance team"),
                                 make_job("Chef", "plan menus, train cooks, order food")])
def test_two_stage_agrees_with_the_exact_path(pool, tax, emb, job, monkeypatch):
    index = CandidateIndex.build(pool, embedder=emb, taxonomy=tax, today=TODAY)
    exact = search(index, job, top=20)
    # the shortlist covers the pool: every candidate is refined, so the result is the exact one
    assert _ranked(search(index, job, top=20, two_stage_min=0)) == _ranked(exact)
    # a shortlist of a quarter of the pool still finds the exact top 10, scored exactly
    monkeypatch.setattr(rank_module, "SHORTLIST", 50)
    two = search(index, job, top=1, two_stage_min=0)  # 50 refined
    assert two[0].source == exact[0].source and two[0].score == exact[0].score
    ctx = index.context(job)
    _, _, s_exact = score_all(index, ctx, default_parts(), resolve_weights(None), None)
    _, _, s_two = score_all(index, replace(ctx, approximate=True), default_parts(), resolve_weights(None), None, 50)
    top_exact, top_two = set(np.argsort(-s_exact)[:10]), set(np.argsort(-s_two)[:10])
    assert len(top_exact & top_two) >= 9
    refined = np.argsort(-s_two)[:10]
    np.testing.assert_allclose(s_two[refined], s_exact[refined], atol=1e-9)  # returned ones are exact


def test_full_rankings_are_always_exact(pool, tax, emb):
    index = CandidateIndex.build(pool[:30], embedder=emb, taxonomy=tax, today=TODAY)
    job = make_job("Data Analyst", "SQL reports")
    assert _ranked(search(index, job, two_stage_min=0)) == _ranked(search(index, job))
