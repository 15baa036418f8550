from __future__ import annotations

import numpy as np
import pytest

from shortlist.match import index as index_module
from shortlist.match.context import JobContext
from shortlist.match.index import CandidateIndex
from shortlist.match.parts import PART_NAMES, default_parts
from shortlist.match.rank import HybridRanker, features, resolve_weights, score_all, search
from shortlist.match.view import CandidateView
from shortlist.profile.model import FlagKind, Profile

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


def _pool(tax) -> list[Profile]:
    stuffed = with_hidden(weak_en(), STUFFING, FlagKind.HIDDEN_TEXT)
    stuffed.skills += ["Python", "Airflow"]
    return [build(s, tax) for s in (strong_en(), partial_en(), weak_en(), strong_zh(), partial_zh(), weak_zh(),
                                    stuffed, with_hidden(partial_en(), INJECTION, FlagKind.INJECTION))] + [Profile()]


@pytest.mark.parametrize("job_fn", [job_en, job_zh, lambda: make_job("Analyst", "reporting analyst")])
@pytest.mark.parametrize("batch", [2, 512])
def test_per_pair_and_vectorised_paths_agree(job_fn, batch, tax, emb, monkeypatch):
    monkeypatch.setattr(index_module, "BUILD_BATCH", batch)  # several build batches must join up exactly
    job = job_fn()
    profiles = _pool(tax)
    index = CandidateIndex.build(profiles, embedder=emb, taxonomy=tax, today=TODAY)
    ctx_index = index.context(job)
    views = [CandidateView.of(p, TODAY) for p in profiles]
    ctx_pair = JobContext.build(job, emb, tax, pool=views, today=TODAY)  # built independently of the index
    assert ctx_pair.lexical_max == pytest.approx(ctx_index.lexical_max, rel=1e-12)
    for part in default_parts():
        vec = part.values(ctx_index, index)
        pair = np.array([part.score(job, v, ctx_pair).value for v in views])
        np.testing.assert_allclose(vec, pair, atol=1e-6, err_msg=part.name)
    # and the combined scores
    _, eff, score = score_all(index, ctx_index, default_parts(), resolve_weights(None), None)
    by_pair = [sum(eff[p.name] * p.score(job, v, ctx_pair).value for p in default_parts()) for v in views]
    np.testing.assert_allclose(score, by_pair, atol=1e-6)


def test_search_explains_only_the_top(tax, emb):
    profiles = _pool(tax)
    index = CandidateIndex.build(profiles, embedder=emb, taxonomy=tax, today=TODAY)
    full = search(index, job_en())
    top2 = search(index, job_en(), top=2)
    assert [c.candidate_id for c in top2] == [c.candidate_id for c in full[:2]]
    assert [c.score for c in top2] == [c.score for c in full[:2]]
    assert len(full) == len(profiles) and [c.rank for c in full] == list(range(1, len(profiles) + 1))


def test_hybrid_ranker_matches_the_index(tax, emb):
    profiles = _pool(tax)
    ranked = HybridRanker(embedder=emb, taxonomy=tax, today=TODAY).rank(job_en(), profiles)
    index = CandidateIndex.build(profiles, embedder=emb, taxonomy=tax, today=TODAY)
    assert [(c.candidate_id, c.score) for c in ranked] == [(c.candidate_id, c.score) for c in index.search(job_en())]


def test_features_matrix_has_stable_columns(tax, emb):
    profiles = _pool(tax)
    X, names = features(job_en(), profiles, embedder=emb, taxonomy=tax, today=TODAY)
    assert names == list(PART_NAMES)
    assert X.shape == (len(profiles), len(PART_NAMES))
    assert np.all((X >= 0) & (X <= 1))
    ranker = HybridRanker(embedder=emb, taxonomy=tax, today=TODAY)
    X2, names2 = ranker.features(job_en(), profiles)  # what learn/ calls
    assert names2 == names and np.array_equal(X, X2)
    ranked = ranker.rank(job_en(), profiles)
    row = {c.candidate_id: c for c in ranked}[profiles[0].sha256]
    assert [row.part(n) for n in names] == pytest.approx(list(X[0]))


def test_empty_pool(tax, emb):
    index = CandidateIndex.build([], embedder=emb, taxonomy=tax, today=TODAY)
    assert index.size == 0 and search(index, job_en()) == []
    X, names = features(job_en(), index)
    assert X.shape == (0, len(names))


def test_index_stores_compact_arrays(tax, emb):
    index = CandidateIndex.build(_pool(tax), embedder=emb, taxonomy=tax, today=TODAY)
    vec = index.vectors
    assert vec.experience.dtype == np.int8 and vec.experience.shape[0] == index.size == len(vec.experience_scale)
    # titles and fields are embedded once per distinct text
    views = [index.view(i) for i in range(index.size)]
    distinct = {t for v in views for t in (v.title_text(), v.area_text()) if t}
    assert len(vec.table) == len(distinct)
    assert [vec.title_ids[i] >= 0 for i in range(index.size)] == [bool(v.title_text()) for v in views]
    assert index.tf.dtype == np.uint16
    # flagged text never reaches the index: the stuffed resume has no Python or Airflow cells
    stuffed = 6
    for name in ("Python", "Airflow"):
        j = index.skills.column(name)
        assert stuffed not in index.skills.rows[index.skills.indptr[j]:index.skills.indptr[j + 1]]
