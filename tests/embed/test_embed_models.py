"""The two real models: shapes, normalisation, determinism and semantic sanity."""

from __future__ import annotations

import numpy as np
import pytest

from shortlist.embed import Embedder, cosine

TEXTS = [
    "Senior Python developer with Django and PostgreSQL experience",
    "Led a team of five engineers building data pipelines in Spark.",
    "",
    "负责推荐系统的模型训练与上线",
    "x " * 300,  # longer than MiniLM's 256 tokens: must be truncated, not fail
]


@pytest.fixture(params=["minilm", "e5"])
def model(request: pytest.FixtureRequest) -> Embedder:
    return request.getfixturevalue(request.param)


def test_satisfies_protocol(model: Embedder) -> None:
    assert isinstance(model, Embedder)
    assert model.dim == 384 and model.name


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_shape_dtype_and_unit_rows(model: Embedder, kind: str) -> None:
    vectors = model.encode(TEXTS, kind=kind)
    assert vectors.shape == (len(TEXTS), model.dim)
    assert vectors.dtype == np.float32
    assert np.all(np.isfinite(vectors))
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_empty_matrix(model: Embedder) -> None:
    assert model.encode([]).shape == (0, model.dim)


def test_unknown_kind_is_refused(model: Embedder) -> None:
    with pytest.raises(ValueError, match="kind"):
        model.encode(["a"], kind="document")  # type: ignore[arg-type]


def test_deterministic_and_independent_of_batching(model: Embedder) -> None:
    together = model.encode(TEXTS)
    again = model.encode(TEXTS)
    one_by_one = np.vstack([model.encode([t]) for t in TEXTS])
    np.testing.assert_array_equal(together, again)
    # int8 activations are quantised per batch, so padding may move the last digits only
    assert np.min(np.sum(together * one_by_one, axis=1)) > 0.999


def test_order_is_kept(model: Embedder) -> None:
    forward = model.encode(TEXTS)
    backward = model.encode(TEXTS[::-1])
    assert np.min(np.sum(forward * backward[::-1], axis=1)) > 0.999


def test_english_paraphrase_beats_unrelated(model: Embedder) -> None:
    a, b, c = model.encode(
        ["The cat sits on the mat", "A cat is sitting on a mat", "Quarterly tax filing for small businesses"]
    )
    assert cosine(a, b) > cosine(a, c) + 0.2


def test_minilm_english_is_well_spread(minilm: Embedder) -> None:
    a, b, c = minilm.encode(
        ["The cat sits on the mat", "A cat is sitting on a mat", "Quarterly tax filing for small businesses"]
    )
    assert cosine(a, b) > 0.8
    assert cosine(a, c) < 0.3


def test_minilm_ignores_kind(minilm: Embedder) -> None:
    np.testing.assert_array_equal(minilm.encode(TEXTS[:2], "query"), minilm.encode(TEXTS[:2], "passage"))


def test_e5_kind_changes_the_vector(e5: Embedder) -> None:
    assert cosine(e5.encode(TEXTS[:1], "query")[0], e5.encode(TEXTS[:1], "passage")[0]) < 0.9999


def test_e5_cross_language(e5: Embedder) -> None:
    (query,) = e5.encode(["机器学习工程师"], kind="query")
    same, other = e5.encode(["machine learning engineer", "会计"], kind="passage")
    assert cosine(query, same) > cosine(query, other) + 0.1
    (en_query,) = e5.encode(["accountant"], kind="query")
    zh_same, zh_other = e5.encode(["会计", "机器学习工程师"], kind="passage")
    assert cosine(en_query, zh_same) > cosine(en_query, zh_other) + 0.1


def test_e5_centring_removes_the_language_gap(e5: Embedder) -> None:
    """A related cross-language pair must outscore an unrelated same-language pair."""
    queries = e5.encode(["电工", "护士"], kind="query")
    passages = e5.encode(["Installed and repaired wiring in homes", "负责财务报表和税务申报"], kind="passage")
    related_cross = cosine(queries[0], passages[0])
    unrelated_same_language = cosine(queries[1], passages[1])
    assert related_cross > unrelated_same_language


def test_minilm_token_embeddings(minilm: Embedder) -> None:
    tokens, vectors = minilm.token_embeddings("Kubernetes clusters")  # type: ignore[attr-defined]
    assert tokens[0] != "[CLS]" and tokens[-1] != "[SEP]" and len(tokens) >= 2
    assert vectors.shape == (len(tokens), minilm.dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert minilm.token_embeddings("")[1].shape == (0, minilm.dim)  # type: ignore[attr-defined]
