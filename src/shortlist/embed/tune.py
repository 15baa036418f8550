"""Training the matcher's projection (``embed.project``) contrastively over the frozen encoder.

Pairs come from O*NET 29.2 (CC BY 4.0: attribute O*NET), which describes ~1,000
occupations three ways: titles (with alternate titles), task statements written the way a
resume's duties are, and a description. Two texts of one occupation are a positive pair;
the other pairs in the batch are negatives (InfoNCE, both directions), except pairs of the
same occupation, which are masked. The matrix starts at the identity and is pulled back to
it (``reg``), so what the base model knows is kept and only what the pairs teach moves.

A tenth of the occupations is held out; the model file records task -> title retrieval on
them (recall@1/@5 among held-out titles) before and after, the figure that says whether the
projection learned something general rather than the training occupations.

``python -m shortlist.embed.tune`` (``make train-encoder``) builds the shipped file; a team's
own (job, resume) pairs go through :func:`fit_projection` the same way. Plain numpy (the
gradient of a 384 x 384 matrix is short): no torch needed to train or to run.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from shortlist.embed.base import Embedder
from shortlist.embed.project import Projection, ProjectionMeta

ONET = "taxonomy_onet"
SEED = 2026


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def onet_occupations(folder: Path, exclude: Iterable[str] = ()) -> dict[str, dict[str, list[str]]]:
    """O*NET-SOC code -> {"titles": [title, alternate titles...], "tasks": [...]}."""
    skip = set(exclude)
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"titles": [], "tasks": []})
    for r in _rows(folder / "Occupation Data.txt"):
        if r["O*NET-SOC Code"] not in skip:
            out[r["O*NET-SOC Code"]]["titles"].append(r["Title"].strip())
    for r in _rows(folder / "Alternate Titles.txt"):
        code = r["O*NET-SOC Code"]
        if code in out:
            out[code]["titles"].append(r["Alternate Title"].strip())
    for r in _rows(folder / "Task Statements.txt"):
        code = r["O*NET-SOC Code"]
        if code in out:
            out[code]["tasks"].append(r["Task"].strip())
    return {c: v for c, v in out.items() if v["titles"] and v["tasks"]}


def occupation_pairs(occupations: dict[str, dict[str, list[str]]], seed: int = SEED, titles: int = 8,
                     tasks: int = 12) -> list[tuple[str, str, int]]:
    """(anchor, positive, occupation number): title-task, title-title and task-task pairs."""
    rng = random.Random(seed)
    out: list[tuple[str, str, int]] = []
    for gi, code in enumerate(sorted(occupations)):
        occ = occupations[code]
        ts = [occ["titles"][0], *rng.sample(occ["titles"][1:], min(titles - 1, len(occ["titles"]) - 1))]
        ks = rng.sample(occ["tasks"], min(tasks, len(occ["tasks"])))
        for k in ks:
            out.append((rng.choice(ts), k, gi))
        for t in ts[1:]:
            out.append((ts[0], t, gi))
        for a, b in pairwise(ks):
            out.append((a, b, gi))
    return out


def info_nce(w: np.ndarray, a_raw: np.ndarray, p_raw: np.ndarray, groups: np.ndarray, temperature: float,
             reg: float, anchor_w: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """Symmetric InfoNCE of one batch and its gradient with respect to ``w`` (numpy, no torch:
    the matrix is small and the gradient short, so training runs wherever the product does)."""
    n, dim = a_raw.shape
    a, p = a_raw @ w, p_raw @ w
    na = np.linalg.norm(a, axis=1, keepdims=True).clip(1e-12)
    np_ = np.linalg.norm(p, axis=1, keepdims=True).clip(1e-12)
    ah, ph = a / na, p / np_
    logits = ah @ ph.T / temperature
    same = (groups[:, None] == groups[None, :]) & ~np.eye(n, dtype=bool)
    logits = np.where(same, -np.inf, logits)

    def softmax(x: np.ndarray) -> np.ndarray:
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    sr, sc = softmax(logits), softmax(logits.T)
    idx = np.arange(n)
    loss = -(np.log(sr[idx, idx].clip(1e-30)).mean() + np.log(sc[idx, idx].clip(1e-30)).mean()) / 2
    g = (sr - np.eye(n)) / (2 * n) + (sc - np.eye(n)).T / (2 * n)  # d loss / d logits
    g = g / temperature
    d_ah, d_ph = g @ ph, g.T @ ah
    d_a = (d_ah - ah * (d_ah * ah).sum(1, keepdims=True)) / na  # through the normalisation
    d_p = (d_ph - ph * (d_ph * ph).sum(1, keepdims=True)) / np_
    diff = w - (np.eye(dim, dtype=w.dtype) if anchor_w is None else anchor_w)
    grad = a_raw.T @ d_a + p_raw.T @ d_p + 2 * reg * diff / dim
    return float(loss + reg * (diff ** 2).sum() / dim), grad


def fit_projection(anchors: np.ndarray, positives: np.ndarray, groups: np.ndarray, *, epochs: int = 8,
                   batch: int = 256, lr: float = 2e-3, temperature: float = 0.1, reg: float = 0.2,
                   seed: int = SEED, init: np.ndarray | None = None) -> np.ndarray:
    """The matrix that brings each anchor nearest its positive among the batch (InfoNCE,
    Adam), started from and pulled back toward ``init`` (the identity: the base model).
    Seeded: the same inputs give the same matrix."""
    a_all = np.ascontiguousarray(anchors, np.float64)
    p_all = np.ascontiguousarray(positives, np.float64)
    g_all = np.asarray(groups)
    dim = a_all.shape[1]
    start = np.eye(dim) if init is None else np.asarray(init, np.float64)
    w = start.copy()
    m, v = np.zeros_like(w), np.zeros_like(w)
    beta1, beta2, eps, t = 0.9, 0.999, 1e-8, 0
    rng = np.random.default_rng(seed)
    n = len(a_all)
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            if len(idx) < 2:
                continue
            _, grad = info_nce(w, a_all[idx], p_all[idx], g_all[idx], temperature, reg, start)
            t += 1
            m = beta1 * m + (1 - beta1) * grad
            v = beta2 * v + (1 - beta2) * grad ** 2
            w -= lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    return w.astype(np.float32)


def retrieval(tasks: np.ndarray, task_group: np.ndarray, titles: np.ndarray, title_group: np.ndarray) -> dict[str, float]:
    """Task -> title retrieval: is a title of the task's own occupation first (top 5)?"""
    sims = tasks @ titles.T
    best = np.full((len(tasks), int(max(title_group.max(), task_group.max())) + 1), -np.inf)
    for j, g in enumerate(title_group):  # an occupation's score: its best-matching title
        best[:, g] = np.maximum(best[:, g], sims[:, j])
    present = np.unique(title_group)
    best = best[:, present]
    rank = (best > best[np.arange(len(tasks)), np.searchsorted(present, task_group)][:, None]).sum(1)
    return {"recall@1": round(float((rank < 1).mean()), 4), "recall@5": round(float((rank < 5).mean()), 4),
            "occupations": len(present), "tasks": len(tasks)}


def train_projection(base: Embedder, occupations: dict[str, dict[str, list[str]]], out: Path | None, *,
                     seed: int = SEED, params: dict[str, Any] | None = None,
                     sources: Sequence[tuple[str, str]] = (("O*NET 29.2 titles and tasks", "CC-BY-4.0"),)) -> Projection:
    """Hold out a tenth of the occupations, fit, measure on them, refit on all, save."""
    from shortlist.embed.calibrate import EN_PAIRS, fit_calibration, pair_cosines

    params = dict(params or {})
    codes = sorted(occupations)
    rng = random.Random(seed)
    held = set(rng.sample(codes, max(1, len(codes) // 10)))
    t0 = time.perf_counter()
    pairs = occupation_pairs(occupations, seed)
    texts = sorted({t for a, b, _ in pairs for t in (a, b)})
    vec = dict(zip(texts, base.encode(texts, kind="passage"), strict=True))
    t1 = time.perf_counter()
    code_of = {gi: code for gi, code in enumerate(sorted(occupations))}

    def arrays(keep) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        sel = [(a, b, g) for a, b, g in pairs if keep(code_of[g])]
        return (np.stack([vec[a] for a, _, _ in sel]), np.stack([vec[b] for _, b, _ in sel]),
                np.array([g for _, _, g in sel]))

    # held-out occupations: their task statements against all their titles
    h_tasks = [(t, gi) for gi, c in code_of.items() if c in held for t in occupations[c]["tasks"][:10]]
    h_titles = [(t, gi) for gi, c in code_of.items() if c in held for t in occupations[c]["titles"][:10]]
    ht = base.encode([t for t, _ in h_tasks], kind="passage")
    hl = base.encode([t for t, _ in h_titles], kind="passage")
    tg, lg = np.array([g for _, g in h_tasks]), np.array([g for _, g in h_titles])
    before = retrieval(ht, tg, hl, lg)
    w_cv = fit_projection(*arrays(lambda c: c not in held), seed=seed, **params)
    after = retrieval(Projection(w_cv, ProjectionMeta(base=base.name)).apply(ht), tg,
                      Projection(w_cv, ProjectionMeta(base=base.name)).apply(hl), lg)
    t2 = time.perf_counter()
    matrix = fit_projection(*arrays(lambda c: True), seed=seed, **params)
    t3 = time.perf_counter()
    licences = sorted({lic for _, lic in sources})
    meta = ProjectionMeta(
        base=base.name, trained_on=[f"{name} ({lic})" for name, lic in sources], licence=", ".join(licences),
        shippable=all(lic in {"CC0-1.0", "CC-BY-4.0", "MIT", "Apache-2.0", "own"} for lic in licences),
        params={"seed": seed, **params}, created=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        metrics={"held_out_occupations": {"before": before, "after": after}, "pairs": len(pairs),
                 "occupations": len(codes)},
        seconds={"embedding": round(t1 - t0, 1), "held_out_fit": round(t2 - t1, 1), "fit": round(t3 - t2, 1)},
    )
    proj = Projection(matrix, meta)
    # the calibration refitted in the new space, on the same hand-written pairs as the base model's
    from shortlist.embed.project import ProjectedEmbedder

    cos, grades = pair_cosines(ProjectedEmbedder(base, proj), [p for p in EN_PAIRS])
    cal = fit_calibration(cos, grades)
    proj.meta.calibration = (cal.slope, cal.offset)
    if out is not None:
        proj.save(out)
    return proj


# ------------------------------------------------------------------ a team's own outcomes

def outcome_pairs(rows: Sequence[tuple[Any, Any, int]], seed: int = SEED, per_row: int = 6) -> list[tuple[str, str, int]]:
    """(job text, resume text, job number) pairs from (Profile, Job, grade) rows with grade > 0:
    the job's title with the candidate's titles, its duties with the candidate's experience
    chunks. Resumes are read through the neutral view, as the ranker reads them (no names,
    contact, personal details or hidden text), so nothing the ranker may not see is learned."""
    from shortlist.match.context import job_duties, job_title
    from shortlist.match.view import CandidateView

    rng = random.Random(seed)
    job_no: dict[int, int] = {}
    out: list[tuple[str, str, int]] = []
    for profile, job, grade in rows:
        if grade <= 0:
            continue
        g = job_no.setdefault(id(job), len(job_no))
        view = CandidateView.of(profile)
        title, duties, chunks = job_title(job), job_duties(job), view.experience_chunks()
        if title and view.title_text():
            out.append((title, view.title_text(), g))
        for _ in range(min(per_row, len(chunks))):
            if duties:
                out.append((rng.choice(duties), rng.choice(chunks), g))
    return out


def tune_on_outcomes(base: Embedder, rows: Sequence[tuple[Any, Any, int]], *, start: Projection | None = None,
                     folds: int = 5, seed: int = SEED, params: dict[str, Any] | None = None,
                     source: str = "own outcomes") -> tuple[Projection, dict[str, Any]]:
    """Fine-tune ``start`` (the shipped projection, or none) on a team's outcomes.

    Cross-validated by job (each job's candidates on one side of every split): for the held-out
    jobs, NDCG@10 and ROC AUC of the hybrid score against the outcome labels, with the starting
    space and with the fold's fine-tuned space. Returns the projection fitted on every job and
    the figures."""
    from shortlist.learn.metrics import ndcg_at_k
    from shortlist.learn.train import dataset_from_profiles
    from shortlist.match.rank import HybridRanker

    params = {"epochs": 6, "reg": 1.0, **(params or {})}
    init = start.matrix if start is not None else np.eye(base.dim, dtype=np.float32)
    jobs = list(dict.fromkeys(id(j) for _, j, _ in rows))
    if len(jobs) < max(2, folds):
        raise ValueError(f"{len(jobs)} jobs cannot make {folds} folds grouped by job: add outcomes for more jobs, "
                         f"or lower --folds")
    order = list(jobs)
    random.Random(seed).shuffle(order)
    fold_of = {j: i % folds for i, j in enumerate(order)}

    def arrays(sel_rows):
        pairs = outcome_pairs(sel_rows, seed)
        if not pairs:
            raise ValueError("no positive outcome with a title or experience text to learn from")
        texts = sorted({t for a, b, _ in pairs for t in (a, b)})
        vec = dict(zip(texts, base.encode(texts, kind="passage"), strict=True))
        return (np.stack([vec[a] for a, _, _ in pairs]), np.stack([vec[b] for _, b, _ in pairs]),
                np.array([g for _, _, g in pairs]))

    def scores(matrix: np.ndarray, held_rows) -> dict[str, float]:
        emb = ProjectedEmbedder(base, Projection(matrix, ProjectionMeta(base=base.name, calibration=cal)))
        ndcg, auc = [], []
        by_job: dict[int, list] = {}
        for r in held_rows:
            by_job.setdefault(id(r[1]), []).append(r)
        for group in by_job.values():
            data = dataset_from_profiles(group, ranker=HybridRanker(embedder=emb))
            y = (data.grades > 0).astype(float)
            ndcg.append(ndcg_at_k(y, data.hybrid, 10))
            if 0 < y.sum() < len(y):
                auc.append(_auc(y, data.hybrid))
        return {"ndcg@10": round(float(np.mean(ndcg)), 4), "auc": round(float(np.mean(auc)), 4) if auc else float("nan")}

    from shortlist.embed.project import ProjectedEmbedder

    cal = start.meta.calibration if start is not None else ProjectionMeta(base=base.name).calibration
    before, after = [], []
    for f in range(folds):
        train_rows = [r for r in rows if fold_of[id(r[1])] != f]
        held_rows = [r for r in rows if fold_of[id(r[1])] == f]
        w = fit_projection(*arrays(train_rows), seed=seed, init=init, **params)
        before.append(scores(init, held_rows))
        after.append(scores(w, held_rows))
    metrics = {"folds": folds, "jobs": len(jobs), "rows": len(rows),
               "before": {k: round(float(np.nanmean([b[k] for b in before])), 4) for k in ("ndcg@10", "auc")},
               "after": {k: round(float(np.nanmean([a[k] for a in after])), 4) for k in ("ndcg@10", "auc")}}
    matrix = fit_projection(*arrays(rows), seed=seed, init=init, **params)
    meta = ProjectionMeta(
        base=base.name, calibration=cal, params={"seed": seed, **params},
        trained_on=[*(start.meta.trained_on if start is not None else []), f"{source} (own)"],
        licence=", ".join(sorted({*(start.meta.licence.split(", ") if start is not None and start.meta.licence else []), "own"})),
        shippable=False, metrics={"outcomes": metrics}, created=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    return Projection(matrix, meta), metrics


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y > 0], s[y <= 0]
    return float(((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])).mean())


DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "models" / "match-en.npz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the matcher's projection over MiniLM (make train-encoder).")
    ap.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--exclude", default="", help="comma-separated O*NET-SOC codes to leave out (benchmarks)")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    folder = args.data / ONET
    if not folder.is_dir():
        print(f"{folder} not found: pass --data PATH to the datasets folder", file=sys.stderr)
        return 2
    from shortlist.embed.cache import CachedEmbedder, default_cache_dir
    from shortlist.embed.minilm import MiniLMEmbedder

    base = MiniLMEmbedder()
    occupations = onet_occupations(folder, [c for c in args.exclude.split(",") if c])
    with CachedEmbedder(base, default_cache_dir()) as cached:
        proj = train_projection(cached, occupations, args.out, seed=args.seed)
    m = proj.meta.metrics["held_out_occupations"]
    print(f"held-out occupations ({m['before']['occupations']}): task->title recall@1 {m['before']['recall@1']:.3f} "
          f"-> {m['after']['recall@1']:.3f}, recall@5 {m['before']['recall@5']:.3f} -> {m['after']['recall@5']:.3f}")
    print(f"wrote {args.out} ({proj.meta.metrics['pairs']} pairs; {proj.meta.seconds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
