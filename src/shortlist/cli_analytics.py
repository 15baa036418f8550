"""`shortlist analytics ...`: skill trends in postings, supply against demand, the hiring funnel.

Register it on the main app with one line in cli.py::

    from shortlist.cli_analytics import analytics_app; app.add_typer(analytics_app, name="analytics")

Every command prints a table (or JSON) on stdout; ``--table`` writes the CSV behind it and
``--chart`` an SVG or PNG chosen by the file's extension.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from shortlist.errors import ShortlistError

analytics_app = typer.Typer(help="Talent analytics: skill trends, supply against demand, hiring funnel.",
                            no_args_is_help=True)
out = Console()
err = Console(stderr=True)


class OutFmt(str, Enum):
    table = "table"
    json = "json"


class PeriodOpt(str, Enum):
    month = "month"
    quarter = "quarter"


ChartOpt = Annotated[Path | None, typer.Option("--chart", help="Write a chart: .svg or .png.")]
TableOpt = Annotated[Path | None, typer.Option("--table", help="Write the table behind the output as CSV.")]
FormatOpt = Annotated[OutFmt, typer.Option("--format", "-f", help="Output format.")]


def _chart_format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise typer.BadParameter(f"--chart must end in .svg or .png, not {path.name}")
    return fmt


def _write_chart(path: Path | None, make) -> None:
    if path is None:
        return
    chart = make(_chart_format(path))
    path.write_bytes(chart.data)
    path.with_suffix(path.suffix + ".csv").write_text(chart.table_csv, encoding="utf-8")
    if chart.font_warning:
        err.print(f"[yellow]{chart.font_warning}[/yellow]")
    err.print(f"wrote {path} (and its table {path.name}.csv)")


def _write_table(path: Path | None, csv_text: str) -> None:
    if path is not None:
        path.write_text(csv_text, encoding="utf-8")
        err.print(f"wrote {path}")


def _pct(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.1f}%"


def _database():
    """The workspace database the settings name (the funnel only reads it)."""
    from shortlist.settings import load_settings
    from shortlist.store.db import Database, default_url

    st = load_settings()
    return Database(st["database_url"] or default_url(st["data_dir"])).open()


def _fail(e: Exception) -> None:
    err.print(f"[red]error[/red]: {e}")
    raise typer.Exit(2)


@analytics_app.command("trends")
def trends_cmd(
    postings: Annotated[Path | None, typer.Argument(help="CSV or JSONL of postings with a date and a text "
                                                            "column.")] = None,
    workspace: Annotated[bool, typer.Option("--workspace", help="Use the workspace's jobs as postings.")] = False,
    period: Annotated[PeriodOpt, typer.Option(help="Bucket postings by month or quarter.")] = PeriodOpt.month,
    top: Annotated[int, typer.Option(help="Rising and falling skills to show.")] = 10,
    min_postings: Annotated[int, typer.Option(help="Only test skills named in at least this many postings.")] = 20,
    min_period_postings: Annotated[int, typer.Option(help="Leave out periods with fewer postings.")] = 5,
    date_column: Annotated[str | None, typer.Option(help="Date column (default: date/createdAt/posted_at).")] = None,
    text_column: Annotated[str | None, typer.Option(help="Text column (default: text/content/body).")] = None,
    pairs: Annotated[int, typer.Option(help="Also list this many co-occurring skill pairs.")] = 0,
    chart: ChartOpt = None,
    table: TableOpt = None,
    format: FormatOpt = OutFmt.table,
) -> None:
    """Rising and falling skills in dated job postings, with a trend test over every period."""
    from shortlist.analytics import (
        cooccurrence,
        falling,
        load_postings,
        rising,
        skill_demand,
        trends,
        trends_csv,
    )

    if (postings is None) == (not workspace):
        err.print("[red]error[/red]: give POSTINGS or --workspace (one of them)")
        raise typer.Exit(2)
    if workspace:
        from shortlist.analytics import postings_from_workspace

        db = _database()
        try:
            with db.session() as s:
                items = postings_from_workspace(s)
        finally:
            db.close()
    else:
        try:
            items = load_postings(postings, date_column, text_column)
        except (OSError, ValueError, ShortlistError) as e:
            _fail(e)
    demand = skill_demand(items, period.value)
    found = trends(demand, min_postings=min_postings, min_period_postings=min_period_postings)
    up, down = rising(found, top), falling(found, top)
    pair_rows = cooccurrence(items, top=pairs) if pairs else []
    _write_table(table, trends_csv(found))
    if chart is not None:
        from shortlist.analytics.charts import trend_chart

        shown = [t.skill for t in up[:5] + down[:5]] or [s.skill for s in demand.skills[:5]]
        _write_chart(chart, lambda fmt: trend_chart(demand, shown, fmt, min_period_postings=min_period_postings))
    if format == OutFmt.json:
        sys.stdout.write(json.dumps({
            "postings": len(items), "periods": demand.periods, "postings_per_period": demand.totals,
            "rising": [t.model_dump() for t in up], "falling": [t.model_dump() for t in down],
            "tested": len(found), "pairs": [p.model_dump() for p in pair_rows],
        }, ensure_ascii=False, indent=2) + "\n")
        return
    kept = sum(1 for n in demand.totals if n >= min_period_postings)
    err.print(f"{len(items)} postings in {len(demand.periods)} {period.value}s ({kept} with {min_period_postings}+ "
              f"postings tested); {len(found)} skills with {min_postings}+ mentions tested")
    for name, rows in (("Rising", up), ("Falling", down)):
        t = Table(title=f"{name} skills (Mann-Kendall and Cochran-Armitage, BH-adjusted)")
        t.add_column("skill", no_wrap=True, min_width=max((len(r.skill) for r in rows), default=5))
        for col in ("postings", "first share", "last share", "change", "slope / yr", "tau", "q"):
            t.add_column(col, justify="right")
        for r in rows:
            change = "" if r.relative_change is None else f"{100 * r.relative_change:+.0f}%"
            t.add_row(r.skill, str(r.support), _pct(r.first_share), _pct(r.last_share), change,
                      f"{100 * r.slope_per_year:+.2f} pt", f"{r.tau:+.2f}", f"{r.q_value:.2g}")
        out.print(t if rows else f"no skill is significantly {name.lower()}")
    if pair_rows:
        t = Table(title="Skills named together more than chance")
        for col in ("skill A", "skill B", "together", "lift", "q"):
            t.add_column(col)
        for p in pair_rows:
            t.add_row(p.a, p.b, str(p.count), f"{p.lift:.2f}", f"{p.q_value:.2g}")
        out.print(t)


@analytics_app.command("supply")
def supply_cmd(
    job: Annotated[Path, typer.Argument(help="Job description file (text, Markdown, PDF, DOCX, HTML).")],
    resumes: Annotated[list[Path], typer.Argument(help="Resume files or folders (searched recursively).")],
    more_jobs: Annotated[list[Path] | None, typer.Option("--also-job", help="More jobs to aggregate over "
                                                                               "(repeatable).")] = None,
    ranker: Annotated[bool, typer.Option(help="Use the hybrid ranker's verdicts (all requirement kinds; "
                                                    "computes embeddings).")] = False,
    top: Annotated[int, typer.Option(help="Scarcest requirements and surplus skills to show.")] = 10,
    workers: Annotated[int, typer.Option(help="Parallel parsing processes (0: one per CPU core).")] = 0,
    cache: Annotated[bool, typer.Option(help="Reuse profiles parsed before (by content hash).")] = True,
    chart: ChartOpt = None,
    table: TableOpt = None,
    format: FormatOpt = OutFmt.table,
) -> None:
    """How many candidates in a pool meet each requirement of one or more jobs."""
    from shortlist.analytics import supply_demand
    from shortlist.cli_rank import parse_profiles
    from shortlist.profile.job import parse_job_path

    try:
        jobs = [parse_job_path(p) for p in [job, *(more_jobs or [])]]
    except (OSError, ShortlistError) as e:
        _fail(e)
    profiles, errors = parse_profiles(resumes, workers, cache)
    for line in errors:
        err.print(f"[yellow]not parsed[/yellow] {line}")
    if not profiles:
        err.print("[red]no resume could be parsed[/red]")
        raise typer.Exit(1)
    result = supply_demand(jobs, profiles, method="ranker" if ranker else "skills")
    _write_table(table, result.requirements_csv())
    if chart is not None:
        from shortlist.analytics.charts import gap_chart

        _write_chart(chart, lambda fmt: gap_chart(result, top=max(top, 15), fmt=fmt))
    if format == OutFmt.json:
        data = result.model_dump()
        data["scarcest"] = [r.requirement_id for r in result.scarcest(top)]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    t = Table(title=f"Scarcest requirements ({result.pool} candidates, {result.jobs} job(s))")
    many = result.jobs > 1
    for col in (("job",) if many else ()) + ("requirement", "must", "meet", "partly", "missing", "share meeting"):
        t.add_column(col)
    for r in result.scarcest(top):
        cells = [r.label, "yes" if r.required else "nice", str(r.met), str(r.partial), str(r.missing),
                 _pct(r.share_met)]
        t.add_row(*([r.job] if many else []), *cells)
    out.print(t)
    s = Table(title="Skills the pool has that the jobs rarely ask for")
    for col in ("skill", "candidates", "share of pool", "jobs asking"):
        s.add_column(col)
    for x in result.surplus[:top]:
        s.add_row(x.skill, str(x.candidates), _pct(x.share_pool), str(x.jobs_asking))
    out.print(s)


@analytics_app.command("funnel")
def funnel_cmd(
    job: Annotated[int | None, typer.Option("--job", help="Only this job id.")] = None,
    period: Annotated[PeriodOpt | None, typer.Option(help="Also one funnel per cohort month/quarter.")] = None,
    since: Annotated[str | None, typer.Option(help="Applied on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Applied before this date (YYYY-MM-DD).")] = None,
    chart: ChartOpt = None,
    table: TableOpt = None,
    format: FormatOpt = OutFmt.table,
) -> None:
    """Hiring funnel from the workspace's recorded decisions: counts, conversion, median days per stage."""
    from shortlist.analytics import funnel

    try:
        lo = date.fromisoformat(since) if since else None
        hi = date.fromisoformat(until) if until else None
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    db = _database()
    try:
        with db.session() as s:
            report = funnel(s, job_id=job, since=lo, until=hi, period=period.value if period else None)
    finally:
        db.close()
    _write_table(table, report.to_csv())
    if chart is not None:
        from shortlist.analytics.charts import funnel_chart

        _write_chart(chart, lambda fmt: funnel_chart(report.overall, fmt=fmt))
    if format == OutFmt.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return
    for f in [report.overall] + report.by_job + report.by_period:
        scope = f.job_title or (f"job {f.job_id}" if f.job_id else "all jobs")
        t = Table(title=f"{scope}{', ' + f.period if f.period else ''}: {f.candidates} candidates, "
                        f"{f.rejected} rejected")
        for col in ("stage", "reached", "now", "rejected here", "conversion", "of applied", "median days"):
            t.add_column(col)
        for r in f.stages:
            t.add_row(r.stage, str(r.reached), str(r.current), str(r.rejected_here), _pct(r.conversion),
                      _pct(r.overall), "" if r.median_days is None else f"{r.median_days:.1f} ({r.timed})")
        out.print(t)
