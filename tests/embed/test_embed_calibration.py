"""Calibrated similarity: inside [0, 1], monotone in cosine, comparable across models."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shortlist.embed import Calibration, Embedder
from shortlist.embed.calibrate import fit_calibration, ordering_accuracy
from shortlist.embed.e5 import E5_CALIBRATION, E5_RAW_CALIBRATION
from shortlist.embed.minilm import MINILM_CALIBRATION

SHIPPED = [MINILM_CALIBRATION, E5_CALIBRATION, E5_RAW_CALIBRATION]
cosines = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)


@pytest.mark.parametrize("calibration", SHIPPED)
@given(a=cosines, b=cosines)
def test_shipped_calibrations_are_monotone_and_bounded(calibration: Calibration, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    s_lo, s_hi = calibration(lo), calibration(hi)
    assert 0.0 <= s_lo <= s_hi <= 1.0


def test_extreme_slopes_do_not_overflow() -> None:
    with np.errstate(all="raise"):
        out = Calibration(slope=1e6, offset=0.0)(np.array([-1.0, 0.0, 1.0]))
    np.testing.assert_allclose(out, [0.0, 0.5, 1.0])


def test_fit_recovers_a_known_curve() -> None:
    truth = Calibration(slope=12.0, offset=-3.0)
    cos = np.linspace(-0.2, 0.8, 41)
    fitted = fit_calibration(cos, truth(cos).astype(np.float64))
    assert fitted.slope == pytest.approx(12.0, rel=0.02)
    assert fitted.offset == pytest.approx(-3.0, rel=0.02)


def test_ordering_accuracy_counts_pairs() -> None:
    scores = np.array([0.9, 0.4, 0.5, 0.1])
    grades = np.array([1.0, 1.0, 0.0, 0.0])
    assert ordering_accuracy(scores, grades, 1.0, 0.0) == pytest.approx(0.5 * (1 + 0.5))


@pytest.fixture(params=["minilm", "e5"])
def model(request: pytest.FixtureRequest) -> Embedder:
    return request.getfixturevalue(request.param)


def test_similarity_shapes(model: Embedder) -> None:
    a = model.encode(["data engineer", "nurse"], kind="query")
    b = model.encode(["Built Spark pipelines", "Cared for patients", "Sold cars"])
    assert model.similarity(a, b).shape == (2, 3)
    assert model.similarity(a[0], b).shape == (3,)
    assert model.similarity(a, b[0]).shape == (2,)
    assert model.similarity(a[0], b[0]).shape == ()


def test_calibrated_scale_is_shared(model: Embedder) -> None:
    """Both models put a clear match above 0.5 and an unrelated line below it."""
    (query,) = model.encode(["registered nurse"], kind="query")
    related, unrelated = model.encode(
        ["Cared for patients on a hospital ward as a nurse", "Repaired car engines in a garage"]
    )
    match, miss = model.similarity(query, related), model.similarity(query, unrelated)
    assert 0.0 <= miss < 0.5 < match <= 1.0
