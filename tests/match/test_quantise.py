"""Experience vectors are held as int8 rows with a scale: cosines stay within 1e-2 of float32."""
import numpy as np

from shortlist.embed.base import l2_normalise
from shortlist.match.context import quantise, similarity_rows


class _Cos:
    def similarity(self, a, b):
        return np.clip(np.atleast_2d(a) @ np.atleast_2d(b).T, -1, 1)


def test_int8_rows_keep_cosines_and_zero_rows():
    rng = np.random.default_rng(0)
    rows = l2_normalise(rng.normal(size=(500, 384)).astype(np.float32))
    rows[7] = 0.0  # a candidate without experience text
    q, scale = quantise(rows)
    assert q.dtype == np.int8 and scale.dtype == np.float32 and scale[7] == 0 and not q[7].any()
    query = l2_normalise(rng.normal(size=(1, 384)).astype(np.float32))[0]
    exact = rows @ query
    approx = similarity_rows(_Cos(), query, q, scale)
    assert np.abs(approx - exact).max() < 1e-2 and approx[7] == 0.0
    assert np.array_equal(np.argsort(-approx)[:5], np.argsort(-exact)[:5])
