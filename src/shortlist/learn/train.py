"""From an outcomes file to a cross-validated, saved model.

``build_dataset`` turns outcomes into the matrix the model learns from: the same score parts
``HybridRanker.features`` computes when ranking, so the trained model sees at training time
exactly what it will see at ranking time. ``train`` cross-validates it (``learn.cv``) and
returns a ``TrainReport`` holding the model fitted on every row.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from shortlist.learn.cv import Dataset, GroupBy, TrainReport, check_enough, cross_validate
from shortlist.learn.model import ModelKind
from shortlist.learn.outcomes import Outcome
from shortlist.profile.model import Job, Profile


def _parse_resumes(paths: Sequence[Path], workers: int, cache: Any) -> tuple[dict[Path, Profile], dict[Path, str]]:
    from shortlist.pipeline import parse_paths

    profiles: dict[Path, Profile] = {}
    errors: dict[Path, str] = {}
    for o in parse_paths(paths, workers=workers, cache=cache):
        key = Path(o.path)
        if o.profile is not None:
            profiles[key] = o.profile
        else:
            assert o.error is not None
            errors[key] = f"{o.error.reason.value}: {o.error.message}"
    return profiles, errors


def _parse_jobs(paths: Sequence[Path]) -> tuple[dict[Path, Job], dict[Path, str]]:
    from shortlist.errors import ShortlistError
    from shortlist.profile.job import parse_job_path

    jobs: dict[Path, Job] = {}
    errors: dict[Path, str] = {}
    for p in paths:
        try:
            jobs[p] = parse_job_path(p)
        except (ShortlistError, OSError, ValueError) as exc:
            errors[p] = str(exc)
    return jobs, errors


def dataset_from_profiles(
    rows: Sequence[tuple[Profile, Job, int]], ranker: Any = None, skipped: Sequence[str] = ()
) -> Dataset:
    """Score parts and hybrid scores for (profile, job, grade) rows, computed one job at a time.

    Each job's candidates are indexed together, as ``HybridRanker.rank`` would index them (the
    lexical part's statistics depend on the pool). A profile is identified by its content hash
    (``sha256``, falling back to ``source``), so one resume saved under two names still counts
    as one person when folds are grouped.
    """
    from shortlist.match.rank import HybridRanker

    ranker = ranker if ranker is not None else HybridRanker()
    by_job: dict[int, list[int]] = defaultdict(list)
    jobs: dict[int, Job] = {}
    for i, (_, job, _) in enumerate(rows):
        by_job[id(job)].append(i)
        jobs[id(job)] = job
    n = len(rows)
    X: np.ndarray | None = None
    hybrid = np.zeros(n)
    names: list[str] = []
    for key, idx in by_job.items():
        feats, names_j, scores = parts_and_scores(ranker, jobs[key], [rows[i][0] for i in idx])
        if X is None:
            names = names_j
            X = np.zeros((n, len(names)))
        X[idx] = feats
        hybrid[idx] = scores
    return Dataset(
        X=X if X is not None else np.zeros((0, 0)),
        grades=np.asarray([g for _, _, g in rows], dtype=np.int64),
        hybrid=hybrid,
        resumes=[p.sha256 or p.source or f"row{i}" for i, (p, _, _) in enumerate(rows)],
        jobs=[j.sha256 or j.source or f"job{id(j)}" for _, j, _ in rows],
        feature_names=names,
        skipped=list(skipped),
    )


def parts_and_scores(ranker: Any, job: Job, profiles: Sequence[Profile] | Any) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(parts matrix, part names, untrained 0-1 score) for ``profiles`` in input order.

    ``profiles`` may be a ``CandidateIndex`` already built over them (one index can serve many
    jobs). The score is the ranker's weighted combination of the same parts (``score_all``
    without a model), i.e. ``RankedCandidate.score / 100``, without building explanations.
    """
    from shortlist.match.index import CandidateIndex
    from shortlist.match.parts import default_parts
    from shortlist.match.rank import features, resolve_weights, score_all

    index = profiles if isinstance(profiles, CandidateIndex) else ranker.index(job, profiles)
    X, names = features(job, index)
    _, _, score = score_all(index, index.context(job), default_parts(), resolve_weights(ranker.weights), None)
    return np.asarray(X, dtype=np.float64), list(names), np.asarray(score, dtype=np.float64)


def build_dataset(
    outcomes: Sequence[Outcome], ranker: Any = None, workers: int = 2, cache: Any = None
) -> Dataset:
    """Parse every resume and job named in ``outcomes`` and compute their score parts.

    Rows whose resume or job cannot be parsed are left out and listed in ``Dataset.skipped``
    (a batch is never aborted by one bad file).
    """
    rows, skipped = outcome_rows(outcomes, workers, cache)
    return dataset_from_profiles(rows, ranker=ranker, skipped=skipped)


def outcome_rows(
    outcomes: Sequence[Outcome], workers: int = 2, cache: Any = None
) -> tuple[list[tuple[Profile, Job, int]], list[str]]:
    """(profile, job, grade) for every outcome whose files parse, and a line per one that did not."""
    resume_paths = sorted({o.resume for o in outcomes})
    job_paths = sorted({o.job for o in outcomes})
    profiles, resume_errors = _parse_resumes(resume_paths, workers, cache)
    jobs, job_errors = _parse_jobs(job_paths)
    rows: list[tuple[Profile, Job, int]] = []
    skipped: list[str] = []
    for o in outcomes:
        why = resume_errors.get(o.resume) or job_errors.get(o.job)
        if why or o.resume not in profiles or o.job not in jobs:
            skipped.append(f"{o.resume.name} for {o.job.name}: {why or 'not parsed'}")
            continue
        rows.append((profiles[o.resume], jobs[o.job], o.grade))
    return rows, skipped


def train(
    outcomes: Sequence[Outcome],
    k: int = 5,
    kind: ModelKind = "logistic",
    group_by: GroupBy = "auto",
    ranker: Any = None,
    workers: int = 2,
    cache: Any = None,
    **model_params: Any,
) -> TrainReport:
    """Cross-validate a ``TrainedRanker`` on a team's outcomes; ``report.model`` is the final fit.

    Raises ``NotEnoughData`` (saying how many more of which label) before any model is fitted
    when the outcomes are too few to validate with ``k`` folds.
    """
    # Refuse before parsing anything when the file alone is too small (grouping by resume is the
    # finest grouping, so if it cannot be validated no grouping can); re-checked after parsing.
    check_enough(np.asarray([o.grade for o in outcomes]), [str(o.resume) for o in outcomes], k)
    data = build_dataset(outcomes, ranker=ranker, workers=workers, cache=cache)
    return cross_validate(data, k=k, kind=kind, group_by=group_by, **model_params)
