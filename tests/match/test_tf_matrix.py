"""The index's term-count matrix, filled column by column, equals the plain triplet build; and its
embedder keeps one memory cache, not two."""
import numpy as np
from scipy import sparse

from shortlist.match.index import _tf_matrix


def test_column_fill_equals_the_triplet_build():
    rng = np.random.default_rng(0)
    n, v = 700, 120
    terms, rows, cols, vals = [], [], [], []
    for a in range(0, n, 128):
        lengths = rng.integers(0, 15, min(n, a + 128) - a).astype(np.int32)
        c = np.concatenate([rng.choice(v, k, replace=False) for k in lengths]).astype(np.int32)
        d = rng.integers(1, 9, len(c)).astype(np.uint16)
        terms.append((lengths, c, d))
        rows.append(np.repeat(np.arange(a, a + len(lengths)), lengths))
        cols.append(c)
        vals.append(d)
    got = _tf_matrix(terms, n, v)
    want = sparse.csc_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, v),
                             dtype=np.uint16)
    assert got.shape == want.shape and got.dtype == want.dtype
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)  # rows ascending within each column, as BM25 reads them


def test_empty_pool():
    assert _tf_matrix([], 0, 0).shape == (0, 0)


def test_a_projection_over_a_cached_encoder_is_not_cached_twice():
    from shortlist.embed.cache import CachedEmbedder
    from shortlist.embed.project import ProjectedEmbedder, Projection, ProjectionMeta
    from shortlist.match.index import _caches

    from .builders import FakeEmbedder

    eye = Projection(np.eye(128, dtype=np.float32), ProjectionMeta(base="fake-bow"))
    assert _caches(CachedEmbedder(FakeEmbedder()))
    assert _caches(ProjectedEmbedder(CachedEmbedder(FakeEmbedder()), eye))
    assert not _caches(ProjectedEmbedder(FakeEmbedder(), eye)) and not _caches(FakeEmbedder())
