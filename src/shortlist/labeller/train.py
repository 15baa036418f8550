"""Training a parser model: a team's own annotations (``shortlist train parser``) or the
shipped model (``make train-parser``: dotin, CC0, plus resumes the project generates).

Both go through :func:`train_parser`, which cross-validates, fits on everything and writes
one model file whose metadata carries the data, its licence and the cross-validated figures.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shortlist.labeller.evaluate import cross_validate
from shortlist.labeller.model import LabelledDoc, SequenceLabeller

# Licences that allow shipping a model derived from the data.
PERMISSIVE = {"CC0-1.0", "CC-BY-4.0", "MIT", "Apache-2.0", "own"}


def train_parser(
    docs: Sequence[LabelledDoc],
    out: Path | None,
    *,
    folds: int = 5,
    seed: int = 0,
    sources: Sequence[tuple[str, str]] = (("own annotations", "own"),),
    languages: Sequence[str] = ("en",),
    params: dict[str, Any] | None = None,
    cv_docs: Sequence[LabelledDoc] | None = None,
    cv_extra: Sequence[LabelledDoc] = (),
) -> dict[str, Any]:
    """Cross-validate on ``cv_docs`` (default: ``docs``), then fit on ``docs`` and save to ``out``.

    Returns the metrics dict (per label P/R/F1 pooled over the held-out folds). ``folds`` 0
    or 1 skips cross-validation."""
    params = dict(params or {})

    def make() -> SequenceLabeller:
        return SequenceLabeller(**params)

    t0 = time.perf_counter()
    metrics: dict[str, Any] = {}
    if folds and folds > 1:
        metrics = cross_validate(list(cv_docs if cv_docs is not None else docs), k=folds, seed=seed, make=make,
                                 extra_train=cv_extra)
    t1 = time.perf_counter()
    model = make().fit(docs)
    t2 = time.perf_counter()
    licences = [lic for _, lic in sources]
    model.meta.trained_on = [f"{name} ({lic})" for name, lic in sources]
    model.meta.shippable = all(lic in PERMISSIVE for lic in licences)
    model.meta.licence = ", ".join(sorted(set(licences)))
    model.meta.languages = list(languages)
    model.meta.metrics = metrics
    model.meta.created = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    model.meta.seconds = {"cross_validation": round(t1 - t0, 1), "fit": round(t2 - t1, 1)}
    if out is not None:
        model.save(out)
    return {"metrics": metrics, "documents": len(docs), "cv_seconds": round(t1 - t0, 1),
            "fit_seconds": round(t2 - t1, 1), "model": str(out) if out else None,
            "shippable": model.meta.shippable}


TRAIN_SEED = 1007


def generated(n: int, seed: int = TRAIN_SEED) -> list[LabelledDoc]:
    """``n`` generated English resumes (our own word lists and layouts)."""
    from shortlist.labeller import synth

    return synth.generate(n, seed=seed)


def rendered(n: int, seed: int = TRAIN_SEED + 1) -> list[LabelledDoc]:
    """``n`` generated resumes written as PDF/DOCX and read back through extraction (fewer
    come back: flattened ones are skipped, as is any whose spans cannot be found again)."""
    from shortlist.labeller import render, synth

    return render.render(synth.generate(n, seed=seed), seed=seed)


def own_data(synthetic: int = 300, files: int = 300, seed: int = TRAIN_SEED) -> tuple[list[LabelledDoc], list[tuple[str, str]]]:
    """What the project adds to dotin: generated resumes as text and as PDF/DOCX files read
    back through the product's extraction (the benchmarks' training folds add the same)."""
    docs: list[LabelledDoc] = []
    sources: list[tuple[str, str]] = []
    if synthetic:
        docs += generated(synthetic, seed=seed)
        sources.append((f"{synthetic} generated English resumes (shortlist.labeller.synth)", "own"))
    if files:
        as_files = rendered(files, seed=seed + 1)
        docs += as_files
        sources.append((f"{len(as_files)} generated resumes as PDF/DOCX files (shortlist.labeller.render)", "own"))
    return docs, sources


def shipped_corpus(
    data: Path, synthetic: int = 300, seed: int = TRAIN_SEED, files: int = 300
) -> tuple[list[LabelledDoc], list[tuple[str, str]]]:
    """The shipped model's training data: dotin (CC0) and :func:`own_data`."""
    from shortlist.labeller.corpus import read_inline_xml

    dotin = data / "resume_ner_en_dotin" / "545_cvs_train_v2"
    docs = [read_inline_xml(p) for p in sorted(dotin.glob("*.xml"))]
    own, own_sources = own_data(synthetic, files, seed)
    return docs + own, [("dotin resume NER, 310 CVs", "CC0-1.0"), *own_sources]


ZH_SEED = 2011


def chinese_corpus(synthetic: int = 500, files: int = 250, seed: int = ZH_SEED) -> tuple[list[LabelledDoc], list[tuple[str, str]]]:
    """The shipped Chinese model's training data: generated Chinese resumes as text and as
    PDF/DOCX files read back through extraction (no Chinese resume set allows shipping)."""
    from shortlist.labeller import render, synth_zh

    docs = synth_zh.generate(synthetic, seed=seed)
    sources = [(f"{synthetic} generated Chinese resumes (shortlist.labeller.synth_zh)", "own")]
    if files:
        as_files = render.render(synth_zh.generate(files, seed=seed + 1), seed=seed + 2)
        docs += as_files
        sources.append((f"{len(as_files)} generated Chinese resumes as PDF/DOCX files (shortlist.labeller.render)", "own"))
    return docs, sources


def _print(result: dict[str, Any]) -> None:
    for label, v in result["metrics"].items():
        if isinstance(v, dict):
            print(f"{label:8s} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} (gold {v['gold']})")
    print(f"wrote {result['model']} ({result['documents']} documents; CV {result['cv_seconds']} s, fit {result['fit_seconds']} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the shipped resume labellers (make train-parser).")
    ap.add_argument("--language", choices=("en", "zh"), default="en",
                    help="en: dotin + generated English resumes; zh: generated Chinese resumes (needs no data)")
    ap.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    ap.add_argument("--out", type=Path, default=None, help="default: the shipped parser-<language>.slm")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--synthetic", type=int, default=None, help="generated text resumes (en 300, zh 500)")
    ap.add_argument("--files", type=int, default=None, help="generated resumes to write as PDF/DOCX and read back (en 300, zh 250)")
    ap.add_argument("--seed", type=int, default=0)

    args = ap.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent.parent / "data" / "models" / f"parser-{args.language}.slm"
    if args.language == "zh":
        docs, sources = chinese_corpus(500 if args.synthetic is None else args.synthetic,
                                       250 if args.files is None else args.files)
        # Cross-validated on generated resumes only, so the figures are optimistic: the honest
        # ones are bench-parse-zh (another generator) and bench-resume-ner (real text).
        _print(train_parser(docs, out, folds=args.folds, seed=args.seed, sources=sources, languages=("zh",)))
        return 0
    args.synthetic = 300 if args.synthetic is None else args.synthetic
    args.files = 300 if args.files is None else args.files
    if not (args.data / "resume_ner_en_dotin").is_dir():
        print(f"{args.data}/resume_ner_en_dotin not found: pass --data PATH to the datasets folder", file=sys.stderr)
        return 2
    docs, sources = shipped_corpus(args.data, args.synthetic, files=args.files)
    dotin = [d for d in docs if d.source.endswith(".xml")]
    synthetic = [d for d in docs if not d.source.endswith(".xml")]
    # Scored on the real CVs only; the generated resumes join every training fold.
    _print(train_parser(docs, out, folds=args.folds, seed=args.seed, sources=sources,
                        cv_docs=dotin, cv_extra=synthetic, languages=("en",)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
