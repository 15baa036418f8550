"""`shortlist train`: models a team fits on its own data.

- ``train ranker OUTCOMES``: how to weigh the score parts, from past hiring outcomes.
- ``train parser ANNOTATIONS``: the resume labeller, from labelled resumes.
- ``train encoder OUTCOMES``: the matcher's projection over MiniLM, from hiring outcomes.

``cli.py`` adds ``train_app`` to the main app; this module never imports ``cli``. Like the
rest of the CLI it only calls ``learn`` / ``labeller`` functions and prints what they return.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shortlist.cli_console import err, out

train_app = typer.Typer(help="Fit models on your own data: the ranker and the matcher's encoder on hiring outcomes, "
                        "the parser on labelled resumes.",
                        no_args_is_help=True)


class ModelKindOpt(str, Enum):
    logistic = "logistic"
    gbm = "gbm"


class GroupByOpt(str, Enum):
    auto = "auto"
    resume = "resume"
    job = "job"


def report_table(report) -> Table:  # report: learn.cv.TrainReport
    header, rows = report.table()
    t = Table(title=f"{report.k}-fold cross-validation, grouped by {report.group_by} (mean ± std over folds)")
    for col in header:
        t.add_column(col, justify="left" if col == "metric" else "right")
    for row in rows:
        t.add_row(*map(str, row))
    return t


@train_app.command("ranker")
def train_ranker(
    outcomes: Annotated[Path, typer.Argument(help="CSV or JSONL with columns resume, job, label (paths relative to it).")],
    k: Annotated[int, typer.Option(help="Cross-validation folds.", min=2)] = 5,
    kind: Annotated[ModelKindOpt, typer.Option(help="logistic: readable weights; gbm: boosted trees.")] = ModelKindOpt.logistic,
    name: Annotated[str, typer.Option(help="Model name; files are <models-dir>/<name>-v<N>.json.")] = "ranker",
    models_dir: Annotated[Path | None, typer.Option(help="Where models are saved (default: <data_dir>/models).")] = None,
    group_by: Annotated[GroupByOpt, typer.Option(help="Keep each resume (or job) on one side of every split.")] = GroupByOpt.auto,
    workers: Annotated[int, typer.Option(help="Parallel parsing processes (0: one per CPU core).")] = 0,
) -> None:
    """Train a ranker on past outcomes, report cross-validated figures against the untrained ranker, save it."""
    from shortlist.learn.outcomes import load_outcomes
    from shortlist.learn.train import train as run_train
    from shortlist.pipeline import ProfileCache
    from shortlist.settings import load_settings

    settings = load_settings()
    data_dir = Path(settings["data_dir"])
    rows = load_outcomes(outcomes)
    err.print(f"{len(rows)} outcomes: {sum(o.positive for o in rows)} positive, {sum(not o.positive for o in rows)} negative")
    report = run_train(
        rows, k=k, kind=kind.value, group_by=group_by.value, workers=workers or settings["workers"],
        cache=ProfileCache(data_dir / "cache" / "profiles"), name=name,
    )
    for line in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {line}")
    out.print(report_table(report))
    if report.weights:
        weights = ", ".join(f"{f} {w:+.2f}" for f, w in sorted(report.weights.items(), key=lambda kv: -abs(kv[1])))
        out.print(f"weights (per standard deviation of each part): {weights}")
    path = report.model.save(models_dir or data_dir / "models", name=name)
    out.print(f"saved {report.model.label} to {path} (use: shortlist rank --model {path})")


@train_app.command("parser")
def train_parser_cmd(
    annotations: Annotated[Path, typer.Argument(
        help="A file or folder of labelled resumes: JSON Resume files beside their documents (cv.json + cv.pdf), "
        "BIO/BMES token files (.bio .bmes .conll), or inline-XML labels (.xml).")],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="Model file to write.")] = Path("parser.slm"),
    folds: Annotated[int, typer.Option(help="Cross-validation folds (0: no cross-validation).", min=0)] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the fold split.")] = 0,
    with_shipped_data: Annotated[bool, typer.Option(
        help="Also train on the generated resumes the shipped model learns from (helps small sets).")] = True,
) -> None:
    """Fine-tune the resume labeller on your own labelled resumes; prints cross-validated P/R/F1 per field."""
    from shortlist.labeller.corpus import read_annotations
    from shortlist.labeller.train import chinese_corpus, own_data, train_parser
    from shortlist.profile.lang import has_cjk

    docs, problems = read_annotations(annotations)
    for line in problems:
        err.print(f"[yellow]skipped[/yellow] {line}")
    if not docs:
        err.print("[red]error:[/red] no labelled documents to learn from")
        raise typer.Exit(2)
    n_spans = sum(len(d.spans) for d in docs)
    err.print(f"{len(docs)} labelled documents, {n_spans} labelled spans; training (this takes a minute or two)")
    chinese = any(has_cjk(d.text) for d in docs)
    extra, extra_sources = own_data(300, files=300) if with_shipped_data else ([], [])
    if with_shipped_data and chinese:  # ... and the generated Chinese resumes the shipped zh model learns from
        zh, zh_sources = chinese_corpus()
        extra, extra_sources = extra + zh, extra_sources + zh_sources
    sources = [(f"{len(docs)} documents from {annotations}", "own"), *extra_sources]
    if folds > 1 and len(docs) < folds:
        err.print(f"[yellow]{len(docs)} documents are too few for {folds} folds: no cross-validation[/yellow]")
        folds = 0
    languages = ("en", "zh", "mixed") if chinese else ("en",)
    result = train_parser(docs + extra, out_path, folds=folds, seed=seed, sources=sources, cv_docs=docs,
                          cv_extra=extra, languages=languages)
    metrics = result["metrics"]
    if metrics:
        t = Table(title=f"{folds}-fold cross-validation on your documents (exact spans, pooled over held-out folds)")
        for col in ("field", "precision", "recall", "F1", "gold spans"):
            t.add_column(col, justify="left" if col == "field" else "right")
        for label, v in metrics.items():
            if isinstance(v, dict) and (v["gold"] or v["predicted"]):
                t.add_row(label, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["gold"]))
        out.print(t)
    out.print(f"saved the parser model to {result['model']} "
              f"(use: shortlist --parser-model {result['model']} parse ..., or set parser_model)")


@train_app.command("encoder")
def train_encoder_cmd(
    outcomes: Annotated[Path, typer.Argument(help="CSV or JSONL with columns resume, job, label (as for `train ranker`).")],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="Projection file to write.")] = Path("match.npz"),
    folds: Annotated[int, typer.Option(help="Cross-validation folds, grouped by job.", min=2)] = 5,
    from_shipped: Annotated[bool, typer.Option(
        help="Start from the shipped projection (O*NET) rather than the plain encoder.")] = True,
    workers: Annotated[int, typer.Option(help="Parallel parsing processes (0: one per CPU core).")] = 0,
) -> None:
    """Fine-tune the matcher's embedding space on your hiring outcomes; prints held-out NDCG@10 and AUC."""
    from shortlist.embed.cache import CachedEmbedder, default_cache_dir
    from shortlist.embed.minilm import MiniLMEmbedder
    from shortlist.embed.project import current
    from shortlist.embed.tune import tune_on_outcomes
    from shortlist.learn.outcomes import load_outcomes
    from shortlist.learn.train import outcome_rows
    from shortlist.pipeline import ProfileCache
    from shortlist.settings import load_settings

    settings = load_settings()
    rows, skipped = outcome_rows(load_outcomes(outcomes), workers or settings["workers"],
                                 ProfileCache(Path(settings["data_dir"]) / "cache" / "profiles"))
    for line in skipped:
        err.print(f"[yellow]skipped[/yellow] {line}")
    err.print(f"{len(rows)} outcomes parsed; fine-tuning with {folds}-fold cross-validation grouped by job")
    with CachedEmbedder(MiniLMEmbedder(), default_cache_dir()) as base:
        try:
            proj, metrics = tune_on_outcomes(base, rows, start=current("") if from_shipped else None, folds=folds,
                                             source=f"{len(rows)} outcomes from {outcomes.name}")
        except ValueError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    t = Table(title=f"{folds}-fold cross-validation grouped by job (held-out jobs, mean over jobs)")
    for col in ("space", "NDCG@10", "ROC AUC"):
        t.add_column(col, justify="left" if col == "space" else "right")
    t.add_row("starting space", f"{metrics['before']['ndcg@10']:.3f}", f"{metrics['before']['auc']:.3f}")
    t.add_row("fine-tuned on the other folds", f"{metrics['after']['ndcg@10']:.3f}", f"{metrics['after']['auc']:.3f}")
    out.print(t)
    proj.save(out_path)
    out.print(f"saved the projection to {out_path} (use: SHORTLIST_MATCH_MODEL={out_path} shortlist rank ..., "
              "or set match_model)")
