"""Answer scoring against human grades: Pearson r and RMSE on the Mohler & Mihalcea set
(data structures course: questions with reference answers, student answers graded 0-5,
average of two graders). No LLM. The data has no licence, so nothing fitted on it ships:
the "default" rows use the shipped unsupervised mapping; the "fitted" row is a 12-fold
cross-validation by question of `interview.score.calibrate`, refitted at benchmark time.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np

from benchmarks.common import data_arg, machine, resolve_data, skip, write_block


def main() -> None:
    ap = data_arg(argparse.ArgumentParser(description=__doc__))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N answers (quick check)")
    args = ap.parse_args()
    folder = resolve_data(args.data, "answer_grading_mohler")
    if not (folder / "answers.csv").is_file():
        skip(f"{folder} not found (answer_grading_mohler)")
    from scipy.stats import pearsonr

    from shortlist.interview.score import FEATURES, AnswerScorer, calibrate, relative_scores

    questions = {r["id"]: r for r in csv.DictReader((folder / "questions.csv").open(encoding="utf-8"))}
    answers = list(csv.DictReader((folder / "answers.csv").open(encoding="utf-8")))
    if args.limit:
        answers = answers[: args.limit]
    y = np.array([float(a["score"]) for a in answers])
    scorer = AnswerScorer()
    t0 = time.perf_counter()
    results = [scorer.score(a["answer"], reference=questions[a["id"]]["answer"], question=questions[a["id"]]["question"])
               for a in answers]
    secs = time.perf_counter() - t0
    default = np.array([r.score for r in results])
    feats = [r.features for r in results]
    # relative grading: answers to the same question scored together
    rel = np.zeros_like(default)
    qids = np.array([a["id"] for a in answers])
    for q in sorted(set(qids)):
        m = np.where(qids == q)[0]
        rel[m] = relative_scores(default[m].tolist(), [feats[i] for i in m])
    # cross-validated calibration by question (12 folds), fitted only on training questions
    qlist = sorted(set(qids))
    fitted = np.zeros_like(default)
    for k in range(12):
        test_q = set(qlist[k::12])
        train = [(feats[i], y[i]) for i in range(len(y)) if qids[i] not in test_q]
        cal = calibrate(train)
        for i in range(len(y)):
            if qids[i] in test_q:
                fitted[i] = np.clip(cal.apply(feats[i]), 0, 5)

    # the two constants of the default mapping, chosen on training questions only (12-fold CV)
    sem = np.array([f["semantic"] for f in feats])
    anchor = {q: scorer.semantic(questions[q]["answer"], questions[q]["question"]) for q in qlist}
    lo_q = np.array([anchor[q] for q in qids])
    grid = [(k, full) for k in (0.3, 0.4, 0.5, 0.6, 0.7) for full in (0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0)]

    def mapped(k: float, full: float, idx: np.ndarray) -> np.ndarray:
        lo = np.minimum(k * lo_q[idx], full - 0.05)
        return np.clip(5 * (sem[idx] - lo) / (full - lo), 0, 5)

    tuned = np.zeros_like(default)
    chosen = []
    for k in range(12):
        test_q = set(qlist[k::12])
        tr = np.array([q not in test_q for q in qids])
        best = max(grid, key=lambda g: pearsonr(mapped(*g, np.where(tr)[0]), y[tr])[0])
        chosen.append(best)
        tuned[~tr] = mapped(*best, np.where(~tr)[0])

    def row(name: str, pred: np.ndarray) -> str:
        r = pearsonr(pred, y)[0]
        rmse = float(np.sqrt(np.mean((pred - y) ** 2)))
        return f"| {name} | {r:.3f} | {rmse:.3f} |"

    per_feature = " · ".join(f"{k} r={pearsonr([f[k] for f in feats], y)[0]:.3f}" for k in FEATURES)
    md = "\n".join([
        "### Answer scoring against human grades (`make bench-answers`)",
        "",
        f"{machine()}. {len(answers)} answers to {len(set(qids))} questions "
        "(answer_grading_mohler), no LLM. Target: Pearson r >= 0.60 without an LLM "
        "(published unsupervised: Mohler 2011 ~0.52, Sultan 2016 ~0.59).",
        "",
        "| method | Pearson r | RMSE (0-5) |",
        "|---|---|---|",
        row("default, each answer alone (shipped unsupervised mapping)", default),
        row("default, answers to a question scored together (relative)", rel),
        row("default mapping's two constants tuned on training questions (12-fold CV by question)", tuned),
        row("linear weights over all features fitted on training questions (12-fold CV)", fitted),
        "",
        f"Single features: {per_feature}. Scoring took {1000 * secs / len(answers):.1f} ms per answer. "
        f"Constants picked in the CV folds (floor share, full-marks recall): {sorted(set(chosen))}; the shipped "
        f"default is ({scorer.floor}, {scorer.full_marks}). The first two rows use the shipped default, which was "
        "set after looking at this data, so they are optimistic; the CV rows are the unbiased figures.",
        "",
    ])
    print(md)
    write_block("answer_grading", md)


if __name__ == "__main__":
    main()
