"""The `shortlist` command: a thin layer that calls pure functions and only prints."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from shortlist import __version__
from shortlist.cli_console import err, out
from shortlist.errors import ShortlistError

app = typer.Typer(
    name="shortlist",
    help="Offline recruiting assistant: parse resumes, rank candidates with checkable reasons.",
    no_args_is_help=True,
    add_completion=False,
)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@app.callback()
def _options(
    parser_model: Annotated[Path | None, typer.Option(
        "--parser-model", help="Resume labeller model file from `shortlist train parser` (or 'rules'); "
        "sets the parser_model setting for this run.")] = None,
) -> None:
    """Offline recruiting assistant: parse resumes, rank candidates with checkable reasons."""
    if parser_model is not None:
        import os

        if str(parser_model) != "rules" and not parser_model.is_file():
            err.print(f"[red]error:[/red] --parser-model {parser_model}: no such file "
                      "(train one with `shortlist train parser ANNOTATIONS`)")
            raise typer.Exit(2)
        # the environment carries it to the sandbox workers and to `serve`
        os.environ["SHORTLIST_PARSER_MODEL"] = str(parser_model)


class Fmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def _profile_table(records: list[dict]) -> Table:
    t = Table(title="Parsed resumes", show_lines=False)
    for col in ("file", "name", "email", "phone", "years", "education", "top skills", "flags"):
        t.add_column(col, overflow="fold")
    for r in records:
        meta = r.get("meta", {})
        src = Path(meta.get("source", "")).name
        if meta.get("status") == "failed":
            e = meta["error"]
            t.add_row(src, f"[red]failed: {e['reason']}[/red]", e["message"], "", "", "", "", "")
            continue
        b = r.get("basics", {})
        edu = r.get("education") or []
        levels = [e.get("x-level") or e.get("studyType") or "" for e in edu]
        skills = ", ".join(s["name"] for s in (r.get("skills") or [])[:6])
        flags = ", ".join(sorted({f["kind"] for f in meta.get("flags", [])}))
        years = meta.get("years_experience")
        t.add_row(
            src, b.get("name", ""), b.get("email", ""), b.get("phone", ""),
            "" if years is None else f"{years:.1f}", ", ".join(x for x in levels if x), skills,
            f"[yellow]{flags}[/yellow]" if flags else "",
        )
    return t


def _emit(records: list[dict], fmt: Fmt, out_file: Path | None) -> None:
    if fmt is Fmt.json:
        text = json.dumps(records, ensure_ascii=False, indent=2)
    elif fmt is Fmt.jsonl:
        text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    else:
        if out_file:
            raise typer.BadParameter("--out needs --format json or jsonl")
        out.print(_profile_table(records))
        return
    if out_file:
        out_file.write_text(text + "\n", encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        sys.stdout.write(text + "\n")


def parse_outcomes(paths: list[Path], workers: int = 0, redact: bool = False, use_cache: bool = True) -> list:
    """Parse files and folders through the sandboxed pipeline and profile cache, with a progress
    bar; one outcome per file, in input order."""
    from shortlist.pipeline import ProfileCache, collect_paths, parse_paths
    from shortlist.settings import load_settings

    settings = load_settings()
    files = collect_paths(paths)
    cache = ProfileCache(Path(settings["data_dir"]) / "cache" / "profiles") if use_cache else None
    outcomes = []
    with _progress() as progress:
        task = progress.add_task("parsing", total=len(files))
        for o in parse_paths(files, workers=workers or settings["workers"], redact=redact, cache=cache):
            outcomes.append(o)
            progress.advance(task)
    order = {str(p): i for i, p in enumerate(files)}
    outcomes.sort(key=lambda o: order.get(o.path, len(order)))
    return outcomes


def run_parse(paths: list[Path], workers: int, redact: bool, use_cache: bool) -> tuple[list[dict], dict]:
    """Parse files and folders; returns (records in input order, summary dict)."""
    from shortlist.pipeline import outcome_record, summarise

    outcomes = parse_outcomes(paths, workers, redact, use_cache)
    return [outcome_record(o) for o in outcomes], summarise(outcomes).model_dump()


def _print_summary(summary: dict) -> None:
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary["failures_by_reason"].items()))
    colour = "green" if not summary["failed"] else "yellow"
    err.print(
        f"[{colour}]{summary['parsed']} parsed[/{colour}], {summary['failed']} failed"
        + (f" ({reasons})" if reasons else "") + f" of {summary['total']} files"
        + (f"; {summary['cached']} from cache" if summary.get("cached") else "")
    )


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Resume files or folders (searched recursively).")],
    format: Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")] = Fmt.table,
    redact: Annotated[bool, typer.Option(help="Blind view: drop name, contact and personal details.")] = False,
    workers: Annotated[int, typer.Option(help="Parallel processes (0: one per CPU core).")] = 0,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
    cache: Annotated[bool, typer.Option(help="Reuse profiles parsed before (by content hash).")] = True,
) -> None:
    """Parse resumes into structured, evidence-linked profiles."""
    records, summary = run_parse(paths, workers, redact, cache)
    if not records:
        err.print("[red]no files found[/red] in " + ", ".join(map(str, paths)))
        raise typer.Exit(2)
    for r in records:
        m = r["meta"]
        if m["status"] == "failed":
            e = m["error"]
            err.print(f"[red]failed[/red] {m['source']}: {e['reason']}: {e['message']}"
                      + (f" ({e['hint']})" if e.get("hint") else ""))
    _emit(records, format, out_file)
    _print_summary(summary)
    if summary["parsed"] == 0:
        raise typer.Exit(1)


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option(help="Where the HTML reports go.")] = Path("out"),
) -> None:
    """Run the main job on the shipped examples: parse every resume, rank them for each job, write reports."""
    from shortlist.cli_rank import parse_profiles, ranking_table
    from shortlist.match.rank import HybridRanker
    from shortlist.match.report import to_html
    from shortlist.profile.job import parse_job_path

    resumes, jobs = EXAMPLES / "resumes", EXAMPLES / "jobs"
    if not resumes.is_dir() or not jobs.is_dir():
        raise typer.BadParameter(f"examples not found under {EXAMPLES}; run from a source checkout")
    records, summary = run_parse([resumes], workers=0, redact=False, use_cache=True)
    out.print(_profile_table(records))
    _print_summary(summary)
    profiles, _ = parse_profiles([resumes], workers=0, use_cache=True)  # from the cache just filled
    out_dir.mkdir(parents=True, exist_ok=True)
    for job_file in sorted(jobs.iterdir()):
        job = parse_job_path(job_file)
        job.source = str(job_file)
        ranked = HybridRanker().rank(job, profiles)
        out.print(ranking_table(job, ranked))
        report = out_dir / f"{job_file.stem}.html"
        report.write_text(to_html(job, ranked), encoding="utf-8")
        err.print(f"report: {report}")
    err.print("Next: [bold]shortlist interview plan examples/jobs/senior_backend_engineer.md "
              "examples/resumes/daniel_okafor_backend.pdf[/bold], or the web workspace: "
              "[bold]shortlist user add you@example.com --role admin && shortlist serve[/bold]")


def _workspace():
    from shortlist.settings import load_settings
    from shortlist.store.db import Database, default_url
    from shortlist.store.workspace import Workspace

    st = load_settings()
    db = Database(st["database_url"] or default_url(st["data_dir"])).open()
    return Workspace(db, st["data_dir"], max_file_mb=st["max_file_mb"]), st


user_app = typer.Typer(help="Workspace users.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    email: Annotated[str, typer.Argument(help="Login email.")],
    role: Annotated[str, typer.Option(help="admin, recruiter or hiring_manager.")] = "admin",
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    password: Annotated[str | None, typer.Option(help="Omit to be prompted (not echoed).")] = None,
) -> None:
    """Create a user (the first one should be an admin)."""
    from shortlist.store.auth import add_user

    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    ws, _ = _workspace()
    try:
        with ws.db.session() as s:
            add_user(s, email, password, role, name)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    err.print(f"created {role} {email}")


@app.command()
def erase(candidate: Annotated[int, typer.Argument(help="Candidate id in the workspace.")]) -> None:
    """Erase a candidate everywhere (file, profile, scores, notes, caches); logs only that it happened."""
    ws, _ = _workspace()
    try:
        ws.erase("cli", candidate)
    except LookupError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    err.print(f"erased candidate {candidate}")


@app.command()
def retention(days: Annotated[int | None, typer.Option(help="Override retention_days.")] = None) -> None:
    """Erase candidates with no activity for the retention period."""
    ws, st = _workspace()
    n = ws.retention(days if days is not None else st["retention_days"])
    err.print(f"erased {n} inactive candidate(s)")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Listen address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
) -> None:
    """Start the recruiter workspace (web UI and REST API) on this machine."""
    import uvicorn

    from shortlist.api.app import create_app
    from shortlist.settings import load_settings
    from shortlist.store.db import Database, default_url

    st = load_settings()
    host, port = host or st["host"], port or st["port"]
    url = st["database_url"] or default_url(st["data_dir"])
    db = Database(url).open()
    from sqlalchemy import func, select

    from shortlist.store.models import User as UserRow

    with db.session() as s:
        users = s.scalar(select(func.count(UserRow.id)))
    db.close()
    err.print(f"shortlist workspace on [bold]http://{host}:{port}/[/bold]  (API docs: http://{host}:{port}/docs)")
    err.print(f"database: {url}")
    if not users:
        err.print("no users yet: create the first admin with [bold]shortlist user add you@example.com --role admin[/bold]")
    uvicorn.run(create_app(url, st["data_dir"]), host=host, port=port, log_level="warning")


class AuditFmt(str, Enum):
    table = "table"
    json = "json"
    html = "html"


@app.command()
def audit(
    table: Annotated[Path, typer.Argument(help="CSV: one row per candidate, an outcome column and self-reported categories.")],
    outcome: Annotated[str, typer.Option(help="Column with the tool's outcome: selected yes/no (1/0) or a score.")],
    format: Annotated[AuditFmt, typer.Option("--format", "-f")] = AuditFmt.table,
    sex_column: Annotated[str | None, typer.Option(help="Column of sex/gender (default: found by name).")] = None,
    race_column: Annotated[str | None, typer.Option(help="Column of race/ethnicity (default: found by name).")] = None,
    source: Annotated[str, typer.Option(help="Data source to state in the report.")] = "",
    min_share: Annotated[float, typer.Option(help="Categories under this share are listed but not rated.")] = 0.02,
    out_file: Annotated[Path | None, typer.Option("--out", "-o")] = None,
) -> None:
    """Bias audit: selection or scoring rates and impact ratios per category and intersection."""
    from shortlist.fairness.audit import audit_csv, to_html

    try:
        rep = audit_csv(table, outcome, sex_col=sex_column, race_col=race_column,
                        data_source=source or str(table), min_share=min_share)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if format is AuditFmt.table:
        t = Table(title=f"Bias audit of {rep.outcome} ({rep.outcome_type}), {rep.total} people, {rep.audit_date}")
        for col in ("dimension", "category", "count", "rate", "impact ratio", "p", "notes"):
            t.add_column(col)
        for r in rep.rows:
            notes = "; ".join(x for x in ("reference" if r.reference else "", "[red]below 0.80[/red]" if r.flagged else "",
                                          "not rated (<2%)" if r.excluded else "", "small sample" if r.small_sample else "") if x)
            t.add_row(r.dimension, r.category, str(r.count), f"{r.rate:.3f}",
                      "" if r.impact_ratio is None else f"{r.impact_ratio:.3f}",
                      "" if r.p_value is None else f"{r.p_value:.3f}", notes)
        out.print(t)
        for w in rep.warnings:
            err.print(f"[yellow]note:[/yellow] {w}")
        return
    text = rep.model_dump_json(indent=2) if format is AuditFmt.json else to_html(rep)
    if out_file:
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        sys.stdout.write(text + "\n")


@app.command("model-card")
def model_card(
    benchmarks: Annotated[Path, typer.Option(help="BENCHMARKS.md to take the measured figures from.")] = Path(
        "BENCHMARKS.md"),
    out_file: Annotated[Path, typer.Option("--out", "-o")] = Path("MODEL_CARD.md"),
) -> None:
    """Write the model card (what each model is, its data, measured accuracy, limits, intended use)."""
    from shortlist.fairness.model_card import write

    err.print(f"wrote {write(benchmarks, out_file)}")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


# Commands that live in their own modules register themselves on ``app`` (or are added here).
from shortlist import (  # noqa: F401
    cli_interview_score,
    cli_rank,
)
from shortlist.cli_analytics import analytics_app
from shortlist.cli_interview import interview_app
from shortlist.cli_train import train_app

app.add_typer(train_app, name="train")
app.add_typer(interview_app, name="interview")
app.add_typer(analytics_app, name="analytics")


def main() -> None:  # pragma: no cover - entry point wrapper
    try:
        app()
    except ShortlistError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise SystemExit(2) from None


if __name__ == "__main__":  # pragma: no cover
    main()
