"""Ranking and classification metrics, written out so that each one can be checked by hand.

The same functions score cross-validation folds (``learn.cv``) and the ranking benchmarks,
so a figure in a training report and one in BENCHMARKS.md mean the same thing.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel


def _order(scores: Sequence[float] | np.ndarray) -> np.ndarray:
    """Indices by descending score; ties keep input order (a stable sort), so results are reproducible."""
    s = np.asarray(scores, dtype=np.float64)
    return np.argsort(-s, kind="stable")


def dcg(relevance_in_rank_order: Sequence[float] | np.ndarray, k: int | None = None) -> float:
    """Discounted cumulative gain with the exponential gain ``2**rel - 1`` and ``log2(rank + 1)`` discount."""
    rel = np.asarray(relevance_in_rank_order, dtype=np.float64)
    if k is not None:
        rel = rel[:k]
    if rel.size == 0:
        return 0.0
    discounts = np.log2(np.arange(2, rel.size + 2))
    return float(np.sum((2.0**rel - 1.0) / discounts))


def ndcg_at_k(relevance: Sequence[float] | np.ndarray, scores: Sequence[float] | np.ndarray, k: int | None = None) -> float:
    """NDCG of ranking items by ``scores``, against graded ``relevance`` (0 = not relevant).

    Returns ``nan`` when no item is relevant: such a query says nothing about the ranking and
    must be left out of averages rather than counted as 0 or 1.
    """
    rel = np.asarray(relevance, dtype=np.float64)
    if rel.size == 0 or not np.any(rel > 0):
        return float("nan")
    ideal = dcg(np.sort(rel)[::-1], k)
    return dcg(rel[_order(scores)], k) / ideal


def precision_at_k(relevance: Sequence[float] | np.ndarray, scores: Sequence[float] | np.ndarray, k: int) -> float:
    """Share of the top ``k`` (by score) that are relevant (relevance > 0)."""
    rel = np.asarray(relevance, dtype=np.float64)
    top = rel[_order(scores)][:k]
    return float(np.mean(top > 0)) if top.size else float("nan")


def average_precision(relevance: Sequence[float] | np.ndarray, scores: Sequence[float] | np.ndarray) -> float:
    """Mean of precision@rank over the ranks of the relevant items; ``nan`` when none is relevant."""
    hits = np.asarray(relevance, dtype=np.float64)[_order(scores)] > 0
    if not hits.any():
        return float("nan")
    ranks = np.flatnonzero(hits) + 1
    return float(np.mean(np.cumsum(hits)[hits] / ranks))


class BinaryMetrics(BaseModel):
    accuracy: float
    precision: float
    recall: float
    f1: float


def binary_metrics(truth: Sequence[bool] | np.ndarray, predicted: Sequence[bool] | np.ndarray) -> BinaryMetrics:
    """Accuracy, precision, recall and F1 for the positive class; an undefined ratio is 0."""
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(predicted, dtype=bool)
    if t.shape != p.shape:
        raise ValueError(f"truth has shape {t.shape}, predictions {p.shape}")
    tp = int(np.sum(t & p))
    fp = int(np.sum(~t & p))
    fn = int(np.sum(t & ~p))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float(np.mean(t == p)) if t.size else 0.0
    return BinaryMetrics(accuracy=accuracy, precision=precision, recall=recall, f1=f1)


def best_f1_threshold(truth: Sequence[bool] | np.ndarray, scores: Sequence[float] | np.ndarray) -> float:
    """The score cut (predict positive when ``score >= t``) that maximises F1 on these examples.

    Used on training folds only, so that a score with no natural cut (the hybrid score) and a
    probability are turned into decisions the same way. Ties go to the higher threshold.
    """
    t = np.asarray(truth, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    if s.size == 0:
        raise ValueError("no examples to choose a threshold on")
    order = np.argsort(-s, kind="stable")
    s_sorted, t_sorted = s[order], t[order]
    tp = np.cumsum(t_sorted)
    predicted = np.arange(1, s.size + 1)
    positives = max(int(t.sum()), 1)
    f1 = 2 * tp / (predicted + positives)
    # Only a cut between two different scores is realisable: take the last index of each run of equal scores.
    last_of_run = np.append(s_sorted[1:] != s_sorted[:-1], True)
    f1 = np.where(last_of_run, f1, -1.0)
    best = int(np.argmax(f1))
    return float(s_sorted[best])


def mean_std(values: Sequence[float]) -> tuple[float, float]:
    """Mean and population std over the finite values (folds with an undefined metric are skipped)."""
    v = np.asarray([x for x in values if x is not None and np.isfinite(x)], dtype=np.float64)
    if v.size == 0:
        return float("nan"), float("nan")
    return float(v.mean()), float(v.std())
