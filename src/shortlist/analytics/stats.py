"""Trend tests for a share observed over ordered periods.

Two complementary tests, both over every period (not a first-vs-last comparison):

- Mann-Kendall on the per-period shares (with the tie-corrected variance) and Sen's slope: a
  rank test, so one odd month or a few huge months do not decide the answer;
- Cochran-Armitage test for trend in proportions: uses the counts, so a period with many
  postings weighs more than one with three.

p-values over many skills are adjusted with Benjamini-Hochberg before a skill is called rising
or falling, because testing hundreds of skills at 5% would otherwise "find" a dozen by chance.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel
from scipy import stats


class MannKendall(BaseModel):
    tau: float  # Kendall's tau between time and value, in [-1, 1]
    z: float
    p_value: float  # two-sided
    sen_slope: float  # median pairwise slope, value units per time unit
    sen_intercept: float  # so that value ~ intercept + slope * t


def mann_kendall(t: Sequence[float], y: Sequence[float]) -> MannKendall:
    """Mann-Kendall trend test of ``y`` against time ``t`` with Sen's slope (ties corrected)."""
    t_arr = np.asarray(t, dtype=np.float64)
    y_arr = np.asarray(y, dtype=np.float64)
    n = len(y_arr)
    if n < 3:
        return MannKendall(tau=0.0, z=0.0, p_value=1.0, sen_slope=0.0, sen_intercept=float(y_arr.mean()) if n else 0.0)
    order = np.argsort(t_arr, kind="stable")
    t_arr, y_arr = t_arr[order], y_arr[order]
    i, j = np.triu_indices(n, k=1)
    diff = y_arr[j] - y_arr[i]
    s = float(np.sign(diff).sum())
    _, counts = np.unique(y_arr, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - float((counts * (counts - 1) * (2 * counts + 5)).sum())) / 18.0
    z = 0.0 if var <= 0 else (s - np.sign(s)) / np.sqrt(var)
    p = float(2 * stats.norm.sf(abs(z)))
    pairs = n * (n - 1) / 2
    dt = t_arr[j] - t_arr[i]
    ok = dt != 0
    slope = float(np.median(diff[ok] / dt[ok])) if ok.any() else 0.0
    intercept = float(np.median(y_arr - slope * t_arr))
    return MannKendall(tau=s / pairs, z=float(z), p_value=min(1.0, p), sen_slope=slope, sen_intercept=intercept)


class ArmitageTest(BaseModel):
    z: float  # positive: the proportion grows with t
    p_value: float  # two-sided


def cochran_armitage(t: Sequence[float], hits: Sequence[float], totals: Sequence[float]) -> ArmitageTest:
    """Cochran-Armitage test for a linear trend in proportions ``hits/totals`` over scores ``t``."""
    x = np.asarray(t, dtype=np.float64)
    k = np.asarray(hits, dtype=np.float64)
    n = np.asarray(totals, dtype=np.float64)
    big_n, big_k = n.sum(), k.sum()
    if big_n <= 0 or big_k <= 0 or big_k >= big_n:
        return ArmitageTest(z=0.0, p_value=1.0)
    p = big_k / big_n
    xbar = (n * x).sum() / big_n
    num = (k * (x - xbar)).sum()
    var = p * (1 - p) * (n * (x - xbar) ** 2).sum()
    if var <= 0:
        return ArmitageTest(z=0.0, p_value=1.0)
    z = float(num / np.sqrt(var))
    return ArmitageTest(z=z, p_value=float(2 * stats.norm.sf(abs(z))))


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """False-discovery-rate adjusted p-values (q-values), in the input order."""
    p = np.asarray(p_values, dtype=np.float64)
    m = len(p)
    if m == 0:
        return []
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return [float(v) for v in out]
