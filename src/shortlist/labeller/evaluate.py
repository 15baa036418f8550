"""Span-level scores and k-fold cross-validation for the labeller. Pure functions that return
dicts; the CLI and the benchmarks only print them."""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from shortlist.labeller.model import LabelledDoc, SequenceLabeller, Span


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred}


def _norm_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Spans compared without surrounding blanks and punctuation ("Ltd." vs "Ltd")."""
    strip = " \t\n\r\u3000.,;:|-–—()[]"
    while s < e and text[s] in strip:
        s += 1
    while e > s and text[e - 1] in strip:
        e -= 1
    return s, e


def span_scores(pairs: Iterable[tuple[LabelledDoc, list[Span]]], labels: Sequence[str]) -> dict[str, Any]:
    """Exact-match span P/R/F1 per label and micro-averaged (CoNLL style)."""
    tp: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    ngold: Counter[str] = Counter()
    keep = set(labels)
    for doc, pred in pairs:
        gold = {(*_norm_span(doc.text, s, e), lab) for s, e, lab in doc.spans if lab in keep}
        got = {(*_norm_span(doc.text, p.start, p.end), p.label) for p in pred if p.label in keep}
        for _, _, lab in gold:
            ngold[lab] += 1
        for _, _, lab in got:
            npred[lab] += 1
        for _, _, lab in gold & got:
            tp[lab] += 1
    out: dict[str, Any] = {lab: _prf(tp[lab], npred[lab], ngold[lab]) for lab in labels}
    out["micro"] = _prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    return out


def folds(n: int, k: int, seed: int = 0) -> list[list[int]]:
    """Document indices split into k folds after a seeded shuffle."""
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return [idx[i::k] for i in range(k)]


def cross_validate(
    docs: Sequence[LabelledDoc],
    k: int = 5,
    seed: int = 0,
    make: Callable[[], SequenceLabeller] = SequenceLabeller,
    on_fold: Callable[[int, SequenceLabeller, list[int]], None] | None = None,
    extra_train: Sequence[LabelledDoc] = (),
) -> dict[str, Any]:
    """Train on k-1 folds, score the held-out fold, pool the predictions over all folds.

    ``on_fold(i, model, held_out_indices)`` lets a caller score the held-out documents its own
    way (the benchmarks run the whole parser with each fold's model). ``extra_train`` joins
    every training fold and is never scored (generated resumes)."""
    if len(docs) < k:
        raise ValueError(f"{len(docs)} labelled documents cannot make {k} folds: label more, or lower --folds")
    pairs: list[tuple[LabelledDoc, list[Span]]] = []
    labels: Sequence[str] = ()
    per_fold: list[float] = []
    for i, held in enumerate(folds(len(docs), k, seed)):
        held_set = set(held)
        model = make().fit([d for j, d in enumerate(docs) if j not in held_set] + list(extra_train))
        labels = model.labels
        fold_pairs = [(docs[j], model.predict(docs[j].text, docs[j].layout)) for j in held]
        per_fold.append(span_scores(fold_pairs, labels)["micro"]["f1"])
        pairs += fold_pairs
        if on_fold is not None:
            on_fold(i, model, held)
    scores = span_scores(pairs, labels)
    scores["folds"] = k
    scores["per_fold_micro_f1"] = per_fold
    scores["documents"] = len(docs)
    return scores
