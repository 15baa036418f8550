"""The matcher's projection: file round trip, its contract as an Embedder, and the trainer."""
from __future__ import annotations

import numpy as np
import pytest
from embed_fakes import FakeEmbedder

from shortlist.embed.project import ProjectedEmbedder, Projection, ProjectionMeta, projected
from shortlist.embed.tune import fit_projection, info_nce, occupation_pairs, retrieval


def _clusters(n_groups: int = 8, per: int = 60, dim: int = 16, seed: int = 0):
    """Vectors whose group lives in 3 quiet directions under louder noise: a projection that
    turns those up separates the groups, which the raw vectors do poorly."""
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(n_groups), per)
    x = rng.normal(size=(len(groups), dim))
    x[:, :3] = 0.3 * x[:, :3] + rng.normal(size=(n_groups, 3))[groups]
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), groups


def test_round_trip_keeps_matrix_meta_and_calibration(tmp_path):
    w = np.eye(8, dtype=np.float32) * 2
    meta = ProjectionMeta(base="fake", trained_on=["own (own)"], shippable=True, calibration=(7.0, -1.0))
    path = Projection(w, meta).save(tmp_path / "m.npz")
    back = Projection.load(path)
    assert np.array_equal(back.matrix, w) and back.meta == meta


def test_refuses_other_files_and_other_encoders(tmp_path):
    bad = tmp_path / "x.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="retrain"):
        Projection.load(bad)
    proj = Projection(np.eye(8, dtype=np.float32), ProjectionMeta(base="another-model"))
    with pytest.raises(ValueError, match="trained over another-model"):
        ProjectedEmbedder(FakeEmbedder(), proj)
    assert projected(FakeEmbedder(), "none").name == "fake"


def test_projected_embedder_is_an_embedder():
    base = FakeEmbedder()
    rng = np.random.default_rng(1)
    proj = Projection(np.eye(8, dtype=np.float32) + 0.3 * rng.normal(size=(8, 8)).astype(np.float32),
                      ProjectionMeta(base="fake", calibration=(5.0, -2.0)))
    emb = ProjectedEmbedder(base, proj)
    vecs = emb.encode(["a", "b", "c"])
    assert vecs.shape == (3, 8) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert emb.encode([]).shape == (0, 8)
    assert emb.name.startswith("fake+proj-") and emb.name != ProjectedEmbedder(
        base, Projection(np.eye(8, dtype=np.float32), proj.meta)).name  # cached vectors never mix
    sims = emb.similarity(vecs[0], vecs)
    assert sims.shape == (3,) and np.all((sims >= 0) & (sims <= 1))


def test_identity_projection_changes_nothing():
    base = FakeEmbedder()
    emb = ProjectedEmbedder(base, Projection(np.eye(8, dtype=np.float32), ProjectionMeta(base="fake")))
    assert np.allclose(emb.encode(["x", "y"]), base.encode(["x", "y"]), atol=1e-6)


def test_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    a, p = rng.normal(size=(6, 5)), rng.normal(size=(6, 5))
    groups = np.array([0, 1, 2, 2, 3, 4])  # two pairs of one group: masked as negatives
    w = np.eye(5) + 0.1 * rng.normal(size=(5, 5))
    _, grad = info_nce(w, a, p, groups, 0.1, 0.2)
    num = np.zeros_like(w)
    for i in range(5):
        for j in range(5):
            d = np.zeros_like(w)
            d[i, j] = 1e-6
            num[i, j] = (info_nce(w + d, a, p, groups, 0.1, 0.2)[0] - info_nce(w - d, a, p, groups, 0.1, 0.2)[0]) / 2e-6
    assert np.abs(num - grad).max() < 1e-6


def test_training_brings_each_group_together_on_held_out_items_and_is_seeded():
    x, groups = _clusters()
    rng = np.random.default_rng(1)
    train = rng.random(len(x)) < 0.7
    ti = np.flatnonzero(train)
    a_idx = rng.choice(ti, 600)
    p_idx = np.array([rng.choice(ti[groups[ti] == groups[i]]) for i in a_idx])  # pairs within a group
    args = (x[a_idx], x[p_idx], groups[a_idx])
    w = fit_projection(*args, epochs=10, batch=64, lr=0.01, reg=0.01, seed=3)
    assert np.array_equal(w, fit_projection(*args, epochs=10, batch=64, lr=0.01, reg=0.01, seed=3))
    held = ~train
    before = retrieval(x[held], groups[held], x[train], groups[train])["recall@1"]
    proj = Projection(w, ProjectionMeta(base="fake"))
    after = retrieval(proj.apply(x[held]), groups[held], proj.apply(x[train]), groups[train])["recall@1"]
    assert after > before + 0.15  # measured: 0.49 -> 0.79


def test_occupation_pairs_pair_texts_of_one_occupation():
    occ = {"11-1": {"titles": ["Chef", "Head Cook", "Sous Chef"], "tasks": ["Plan menus.", "Order food.", "Train cooks."]},
           "22-2": {"titles": ["Nurse", "RN"], "tasks": ["Give medication.", "Record vitals."]}}
    pairs = occupation_pairs(occ, seed=1)
    by_group = {0: {*occ["11-1"]["titles"], *occ["11-1"]["tasks"]}, 1: {*occ["22-2"]["titles"], *occ["22-2"]["tasks"]}}
    assert pairs and all(a in by_group[g] and b in by_group[g] for a, b, g in pairs)
    assert pairs == occupation_pairs(occ, seed=1)


def test_a_bad_match_model_setting_is_a_clear_error(tmp_path):
    from shortlist.embed.project import MatchModelError, current

    with pytest.raises(MatchModelError, match="not found"):
        current(str(tmp_path / "missing.npz"))
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"nonsense")
    with pytest.raises(MatchModelError, match="retrain"):
        current(str(bad))
    assert current("none") is None
