"""Grouped k-fold cross-validation of a trained ranker against the untrained hybrid score.

Why grouped: the same resume often appears for several jobs (or twice for one job). If it sat
in a training fold and a test fold at once, the model could memorise the person rather than
learn what a good fit looks like, and the figures would flatter it. Rows are grouped by resume,
or by job (merged with any job sharing a resume, so the resume rule still holds), and a group
never straddles train and test.

Both scorers are judged on the same test rows. Each turns scores into advance/reject
decisions with a threshold picked on the training folds only (the F1-best cut), so neither
sees its test rows before being scored.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from shortlist.errors import ShortlistError
from shortlist.learn.metrics import best_f1_threshold, binary_metrics, mean_std, ndcg_at_k
from shortlist.learn.model import ModelKind, TrainedRanker
from shortlist.learn.outcomes import POSITIVE_GRADE

GroupBy = Literal["auto", "resume", "job"]
METRICS: tuple[str, ...] = ("accuracy", "precision", "recall", "f1", "ndcg", "ndcg@10")
POSITIVE_WORDS = "positive (interview/advanced/offer/hired, or grade 2-3)"
NEGATIVE_WORDS = "negative (rejected/declined, or grade 0-1)"


class NotEnoughData(ShortlistError):
    """Too few examples to cross-validate; the message says how many more of which label."""


@dataclass
class Dataset:
    """One row per (resume, job) outcome: score parts, grade, untrained hybrid score, ids."""

    X: np.ndarray
    grades: np.ndarray  # int 0-3
    hybrid: np.ndarray  # the untrained hybrid score in [0, 1], same rows
    resumes: list[str]  # resume id per row (content hash or path)
    jobs: list[str]  # job id per row
    feature_names: list[str]
    skipped: list[str] = field(default_factory=list)  # rows left out, with why

    def __post_init__(self) -> None:
        self.X = np.asarray(self.X, dtype=np.float64)
        self.grades = np.asarray(self.grades, dtype=np.int64)
        self.hybrid = np.asarray(self.hybrid, dtype=np.float64)
        n = self.X.shape[0]
        sizes = {len(self.grades), len(self.hybrid), len(self.resumes), len(self.jobs)}
        if sizes != {n}:
            raise ValueError(f"dataset columns differ in length: X {n}, others {sorted(sizes)}")
        if self.X.ndim != 2 or self.X.shape[1] != len(self.feature_names):
            raise ValueError(f"X has shape {self.X.shape} but there are {len(self.feature_names)} feature names")

    @property
    def positive(self) -> np.ndarray:
        return self.grades >= POSITIVE_GRADE

    def __len__(self) -> int:
        return self.X.shape[0]

    def sha256(self) -> str:
        """Hash of what the model learns from, so a model file says which data made it."""
        h = hashlib.sha256()
        h.update(",".join(self.feature_names).encode())
        h.update(np.ascontiguousarray(self.X.round(6)).tobytes())
        h.update(self.grades.tobytes())
        h.update("\n".join(f"{r}\t{j}" for r, j in zip(self.resumes, self.jobs)).encode())
        return h.hexdigest()


class Stat(BaseModel):
    mean: float
    std: float


class FoldMetrics(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    accuracy: float
    precision: float
    recall: float
    f1: float
    ndcg: float  # mean over the test fold's jobs that have a relevant candidate; nan if none
    ndcg_at_10: float = Field(alias="ndcg@10")  # the same, of each job's top 10 only
    threshold: float  # decision cut chosen on the training folds


class FoldResult(BaseModel):
    fold: int
    n_train: int
    n_test: int
    n_test_positive: int
    n_test_jobs: int  # jobs contributing an NDCG
    model: FoldMetrics
    hybrid: FoldMetrics


class TrainReport(BaseModel):
    """What ``train`` returns and the CLI prints; also stored inside the model file."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: str
    k: int
    group_by: Literal["resume", "job"]
    n_examples: int
    n_positive: int
    n_negative: int
    n_resumes: int
    n_jobs: int
    feature_names: list[str]
    data_sha256: str
    folds: list[FoldResult]
    summary: dict[str, dict[str, Stat]]  # "model"/"hybrid" -> metric -> mean/std over folds
    skipped: list[str] = Field(default_factory=list)
    weights: dict[str, float] | None = None  # logistic coefficients per standardised part
    model: Any = Field(default=None, exclude=True)  # the TrainedRanker fitted on all rows

    def table(self) -> tuple[list[str], list[list[object]]]:
        """Header and rows: one row per metric, trained vs hybrid as mean ± std, and the gain."""
        header = ["metric", f"trained ({self.kind})", "hybrid (untrained)", "difference"]
        rows: list[list[object]] = []
        for m in METRICS:
            a, b = self.summary["model"][m], self.summary["hybrid"][m]
            rows.append([m, f"{a.mean:.3f} ± {a.std:.3f}", f"{b.mean:.3f} ± {b.std:.3f}", f"{a.mean - b.mean:+.3f}"])
        return header, rows


def check_enough(grades: np.ndarray, groups: Sequence[Any], k: int) -> None:
    """Refuse (``NotEnoughData``) unless every one of ``k`` folds can be trained and tested.

    Needs: at least 2k examples; at least k of each label; the positives and the negatives
    each spread over at least k groups (a group is never split, so fewer groups means some
    training fold would lack that label); and at least k groups.
    """
    if k < 2:
        raise ValueError("k must be at least 2")
    pos = np.asarray(grades) >= POSITIVE_GRADE
    groups_arr = np.asarray([str(g) for g in groups])
    needs: list[str] = []
    n = len(pos)
    if n < 2 * k:
        needs.append(f"{2 * k - n} more example(s) (have {n}, need at least {2 * k} for k={k})")
    for label, mask, words in (("positive", pos, POSITIVE_WORDS), ("negative", ~pos, NEGATIVE_WORDS)):
        count = int(mask.sum())
        if count < k:
            needs.append(f"{k - count} more {words} example(s) (have {count}, need {k})")
            continue
        spread = len(set(groups_arr[mask]))
        if spread < k:
            needs.append(
                f"{label} outcomes from {k - spread} more different resume(s)/job(s) "
                f"(the {count} {label} examples come from only {spread}, need {k})"
            )
    n_groups = len(set(groups_arr))
    if n_groups < k and not needs:
        needs.append(f"{k - n_groups} more different resume(s) (have {n_groups}, need {k} for k={k})")
    if needs:
        raise NotEnoughData(
            f"not enough outcomes to cross-validate with k={k}: need " + "; ".join(needs)
            + ". Add outcomes or lower --k."
        )


def group_ids(resumes: Sequence[str], jobs: Sequence[str], group_by: GroupBy, k: int) -> tuple[list[str], str]:
    """A group label per row and which grouping was used.

    ``job``: rows of one job form a group, and jobs that share a resume are merged (union-find),
    so no resume can be on both sides. ``auto`` groups by job when that leaves at least ``k``
    groups, testing the model on jobs it never saw; otherwise by resume.
    """
    if group_by == "resume":
        return list(resumes), "resume"
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_job: dict[str, str] = {}
    for r, j in zip(resumes, jobs):
        find("job:" + j)
        if r in first_job:
            a, b = find("job:" + first_job[r]), find("job:" + j)
            if a != b:
                parent[a] = b
        else:
            first_job[r] = j
    by_job = [find("job:" + j) for j in jobs]
    if group_by == "job" or len(set(by_job)) >= k:
        return by_job, "job"
    return list(resumes), "resume"


def folds(groups: Sequence[str], y: np.ndarray, k: int, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train rows, test rows) per fold; groups never straddle, label shares kept close to equal."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    codes = np.unique(np.asarray(groups), return_inverse=True)[1]
    dummy = np.zeros((len(codes), 1))
    return [(tr, te) for tr, te in splitter.split(dummy, np.asarray(y, dtype=int), codes)]


def _fold_metrics(
    truth: np.ndarray, grades: np.ndarray, jobs: np.ndarray, scores: np.ndarray, threshold: float
) -> tuple[FoldMetrics, int]:
    b = binary_metrics(truth, scores >= threshold)
    full, top = [], []
    for j in np.unique(jobs):
        rows = jobs == j
        if rows.sum() >= 2:
            v = ndcg_at_k(grades[rows], scores[rows])
            if np.isfinite(v):
                full.append(v)
                top.append(ndcg_at_k(grades[rows], scores[rows], 10))
    nan = float("nan")
    return FoldMetrics(
        **b.model_dump(), ndcg=float(np.mean(full)) if full else nan, ndcg_at_10=float(np.mean(top)) if top else nan,
        threshold=threshold,
    ), len(full)


def _metric(m: FoldMetrics, name: str) -> float:
    return m.ndcg_at_10 if name == "ndcg@10" else getattr(m, name)


def cross_validate(
    data: Dataset, k: int = 5, kind: ModelKind = "logistic", group_by: GroupBy = "auto", seed: int = 0,
    **model_params: Any,
) -> TrainReport:
    """k-fold grouped CV of ``TrainedRanker(kind)`` vs the hybrid score; then fits on all rows.

    The returned report's ``model`` is the ranker fitted on every row (what gets saved); its
    figures are the cross-validated ones, never scores on rows the model was fitted on.
    """
    y = data.positive
    groups, used = group_ids(data.resumes, data.jobs, group_by, k)
    check_enough(data.grades, groups, k)
    jobs = np.asarray(data.jobs)
    results: list[FoldResult] = []
    for i, (tr, te) in enumerate(folds(groups, y, k, seed)):
        if y[tr].all() or not y[tr].any():
            raise NotEnoughData(f"fold {i + 1} has only one label in its training rows; add outcomes or lower --k")
        model = TrainedRanker(kind=kind, feature_names=data.feature_names, **model_params).fit(data.X[tr], y[tr])
        m, n_jobs = _fold_metrics(y[te], data.grades[te], jobs[te], model.predict_score(data.X[te]), model.threshold_)
        h_threshold = best_f1_threshold(y[tr], data.hybrid[tr])
        h, _ = _fold_metrics(y[te], data.grades[te], jobs[te], data.hybrid[te], h_threshold)
        results.append(
            FoldResult(fold=i + 1, n_train=len(tr), n_test=len(te), n_test_positive=int(y[te].sum()),
                       n_test_jobs=n_jobs, model=m, hybrid=h)
        )
    summary = {
        scorer: {m: Stat(**dict(zip(("mean", "std"), mean_std([_metric(getattr(f, scorer), m) for f in results]))))
                 for m in METRICS}
        for scorer in ("model", "hybrid")
    }
    final = TrainedRanker(kind=kind, feature_names=data.feature_names, **model_params).fit(data.X, y)
    final.data_hash = data.sha256()
    weights = None
    if kind == "logistic" and final.params_ is not None:
        weights = dict(zip(data.feature_names, map(float, final.params_["coef"])))
    report = TrainReport(
        kind=kind, k=k, group_by=used, n_examples=len(data), n_positive=int(y.sum()), n_negative=int((~y).sum()),
        n_resumes=len(set(data.resumes)), n_jobs=len(set(data.jobs)), feature_names=data.feature_names,
        data_sha256=final.data_hash, folds=results, summary=summary, skipped=data.skipped, weights=weights,
        model=final,
    )
    final.report = json.loads(report.model_dump_json())  # NaN -> null: the model file stays strict JSON
    return report

