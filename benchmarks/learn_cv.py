"""Does learning from outcomes beat the hand-set weights? Cross-validated on real resumes.

Outcomes: every livecareer resume (1,247) against every O*NET-composed job (24, see
``benchmarks/jobs_onet.py``), labelled positive when the resume's category is the job's
category (about 1 in 24). Features are the hybrid ranker's score parts, computed over one
candidate index of the whole corpus. ``learn.cv.cross_validate`` runs 5-fold
cross-validation grouped by resume (a resume's 24 rows are always on the same side) and
compares each trained kind with the untrained hybrid score on the same folds; decision
thresholds for both are chosen on the training folds only. NDCG is per job over the test
fold's ~250 resumes (full list), averaged over jobs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, markdown_table, write_block
from benchmarks.rank_quality import build_index, load_corpus
from shortlist.learn.cv import Dataset, cross_validate


def corpus_dataset(data: str | Path | None, workers: int = 2, limit: int | None = None) -> Dataset:
    """One row per (resume, job): score parts, hybrid score, grade 3 when categories match."""
    from benchmarks.jobs_onet import onet_jobs
    from shortlist.learn.train import parts_and_scores
    from shortlist.match.rank import HybridRanker
    from shortlist.profile.job import parse_job_text

    jobs = onet_jobs(data)
    corpus = load_corpus(data, workers=workers, limit=limit)
    ranker = HybridRanker()
    index = build_index(ranker, corpus.profiles)
    cats = np.asarray(corpus.categories)
    ids = [p.sha256 or p.source or str(i) for i, p in enumerate(corpus.profiles)]
    X, grades, hybrid, resumes, job_ids = [], [], [], [], []
    names: list[str] = []
    for category, text in jobs.items():
        feats, names, scores = parts_and_scores(ranker, parse_job_text(text), index)
        X.append(feats)
        hybrid.append(scores)
        grades.append(np.where(cats == category, 3, 0))
        resumes += ids
        job_ids += [category] * len(ids)
    return Dataset(X=np.vstack(X), grades=np.concatenate(grades), hybrid=np.concatenate(hybrid),
                   resumes=resumes, jobs=job_ids, feature_names=names)


def full_pool_figures(data: Dataset, k: int, kind: str) -> list[list[object]]:
    """NDCG@10, P@10 and MAP per job over all resumes, as ``rank_quality`` reports them.

    The trained model's scores are out-of-fold: each resume is scored by the model of the
    fold that held it out (grouped by resume, as in the CV), so no score comes from a model
    that saw that resume. The hybrid row is the untrained score of the same rows.
    """
    from benchmarks.rank_quality import evaluate
    from shortlist.learn.cv import folds
    from shortlist.learn.model import TrainedRanker

    oof = np.zeros(len(data))
    for tr, te in folds(data.resumes, data.positive, k):
        model = TrainedRanker(kind=kind, feature_names=data.feature_names).fit(data.X[tr], data.positive[tr])
        oof[te] = model.predict_score(data.X[te])
    jobs = np.asarray(data.jobs)
    rows = []
    for name, scores in ((f"trained {kind} (out-of-fold)", oof), ("hybrid (untrained)", data.hybrid)):
        per_job = [evaluate(data.positive[jobs == j].astype(float), scores[jobs == j]) for j in dict.fromkeys(data.jobs)]
        rows.append([name] + [float(np.nanmean([m[x] for m in per_job])) for x in ("ndcg@10", "p@10", "map")])
    return rows


def main() -> None:
    from benchmarks.common import data_arg

    parser = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only this many resumes (quick look)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    data = corpus_dataset(args.data, workers=args.workers, limit=args.limit)
    print(f"dataset: {len(data)} rows, {int(data.positive.sum())} positive, {time.perf_counter() - t0:.0f} s", flush=True)
    blocks = [
        "## Learning from outcomes: cross-validated trained ranker vs the untrained hybrid",
        "",
        (f"{len(set(data.resumes))} livecareer resumes x {len(set(data.jobs))} O*NET-composed jobs = {len(data)} "
        f"outcomes ({int(data.positive.sum())} positive: same category). {args.k}-fold CV grouped by resume "
        "(`StratifiedGroupKFold`); thresholds chosen on training folds only; mean ± std over folds. "
         "The trained models learn from labels of these same 24 jobs (on other resumes), as a team's model learns "
         "from its own past jobs; the untrained hybrid and the `rank_quality` baselines use no labels, so the "
         "full-pool rows are not a like-for-like comparison with those baselines."),
    ]
    for kind in ("logistic", "gbm"):
        t = time.perf_counter()
        report = cross_validate(data, k=args.k, kind=kind, group_by="resume")
        seconds = time.perf_counter() - t
        header, rows = report.table()
        blocks += ["", f"**{kind}** (CV and final fit: {seconds:.0f} s)", "", markdown_table(header, rows)]
        pool = full_pool_figures(data, args.k, kind)
        blocks += ["", (f"Ranking all {len(set(data.resumes))} resumes per job (the `rank_quality` protocol; "
                   "means over jobs):"), "", markdown_table(["scorer", "NDCG@10", "P@10", "MAP"], pool)]
        if report.weights:
            w = ", ".join(f"{k} {v:+.2f}" for k, v in sorted(report.weights.items(), key=lambda kv: -abs(kv[1])))
            blocks += ["", f"Logistic weights per standard deviation of each part: {w}."]
        print("\n".join(blocks[-8:]), flush=True)
    blocks += ["", f"Total {time.perf_counter() - t0:.0f} s. Machine: {machine()}."]
    markdown = "\n".join(blocks)
    print(markdown)
    if not args.no_write and not args.limit:
        write_block("learn_cv", markdown)


if __name__ == "__main__":
    main()
