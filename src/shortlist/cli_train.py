"""`shortlist train`: learn how to weigh the score parts from a team's own hiring outcomes.

Registered on ``shortlist.cli.app`` when this module is imported (cli.py imports it). Like
the rest of the CLI it only calls ``learn`` functions and prints what they return.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shortlist.cli import app, err, out


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


@app.command()
def train(
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
