"""`shortlist rank` and `shortlist match`: thin commands over ``match.rank`` and ``match.report``.

Registered on ``shortlist.cli.app`` when this module is imported (cli.py imports it).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shortlist.cli import app, err, out, parse_outcomes
from shortlist.errors import ShortlistError
from shortlist.match.model import KnockoutRule, RankedCandidate
from shortlist.match.report import display_name
from shortlist.profile.model import Job, Profile

DEFAULT_HTML = Path("report.html")


class RankFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"


def parse_profiles(paths: list[Path], workers: int = 0, use_cache: bool = True) -> tuple[list[Profile], list[str]]:
    """Parse resumes through the sandboxed pipeline and profile cache; (profiles in input order, error lines)."""
    outcomes = parse_outcomes(paths, workers, use_cache=use_cache)
    errors = [f"{o.path}: {o.error.reason.value}: {o.error.message}" for o in outcomes if o.error is not None]
    return [o.profile for o in outcomes if o.profile is not None], errors


def knockout_rules(
    job: Job, skills: list[str], min_years: float | None, authorization: bool, enabled: bool
) -> list[KnockoutRule]:
    """The recruiter's filters from the command line (kept, but switched off, with --no-knockouts)."""
    rules = [KnockoutRule(kind="skill", value=s, enabled=enabled) for s in skills]
    if min_years is not None:
        rules.append(KnockoutRule(kind="min_years", value=f"{min_years:g}", enabled=enabled))
    if authorization:
        stated = next((r.value or r.label for r in job.requirements if r.kind == "authorization"), None)
        rules.append(KnockoutRule(kind="authorization", value=stated or "stated", enabled=enabled))
    return rules


def ranking_table(job: Job, ranked: list[RankedCandidate]) -> Table:
    title = job.title.value if job.title else "job"
    t = Table(title=f"Candidates for {title} (advice only: a person decides)")
    for col in ("rank", "score", "candidate", "met", "missing (required)", "flags"):
        t.add_column(col, overflow="fold")
    for c in ranked:
        met = sum(v.status == "met" for v in c.verdicts)
        missing = [v.label for v in c.verdicts if v.status == "missing" and v.required]
        shown = ", ".join(missing[:4]) + (f" +{len(missing) - 4}" if len(missing) > 4 else "")
        notes = [f"knocked out: {k}" for k in c.knocked_out] + (["needs review"] if c.needs_review else [])
        t.add_row(str(c.rank), f"{c.score:.1f}", display_name(c), f"{met}/{len(c.verdicts)}", shown,
                  "[yellow]" + "; ".join(notes) + "[/yellow]" if notes else "")
    return t


def _write(text: str, out_file: Path | None) -> None:
    if out_file:
        out_file.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _fail(exc: ShortlistError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(2)


@app.command()
def rank(
    job_path: Annotated[Path, typer.Argument(metavar="JOB", help="Job description file (text, PDF, DOCX, HTML).")],
    resumes: Annotated[list[Path], typer.Argument(help="Resume files or folders (searched recursively).")],
    top: Annotated[int | None, typer.Option(help="Show only the best N.")] = None,
    blind: Annotated[bool, typer.Option(help="Rank redacted profiles; output has no names or contact details.")] = False,
    model: Annotated[Path | None, typer.Option(help="Trained model file (from `shortlist train ranker`).")] = None,
    format: Annotated[RankFmt, typer.Option("--format", "-f", help="Output format.")] = RankFmt.table,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
    require_skill: Annotated[list[str] | None, typer.Option("--require-skill", help="Knock-out: must have this skill.")] = None,
    min_years: Annotated[float | None, typer.Option(help="Knock-out: at least this many years.")] = None,
    require_authorization: Annotated[bool, typer.Option(help="Knock-out: resume states work authorisation.")] = False,
    knockouts: Annotated[bool, typer.Option(help="Apply knock-out filters (--no-knockouts lists them off).")] = True,
    workers: Annotated[int, typer.Option(help="Parallel parsing processes (0: one per CPU core).")] = 0,
    cache: Annotated[bool, typer.Option(help="Reuse profiles parsed before (by content hash).")] = True,
) -> None:
    """Rank resumes for a job, with a verdict and quoted evidence per requirement."""
    from shortlist.match.parts import PART_NAMES
    from shortlist.match.rank import HybridRanker
    from shortlist.match.report import csv_text, to_html, to_json
    from shortlist.profile.job import parse_job_path

    try:
        job = parse_job_path(job_path)
        job.source = job.source or str(job_path)
        trained = None
        if model is not None:
            from shortlist.learn.model import TrainedRanker

            trained = TrainedRanker.load(model, feature_names=PART_NAMES)
        profiles, errors = parse_profiles(resumes, workers, cache)
        for line in errors:
            err.print(f"[red]failed[/red] {line}")
        if not profiles:
            err.print("[red]no resume could be parsed[/red]")
            raise typer.Exit(1)
        rules = knockout_rules(job, require_skill or [], min_years, require_authorization, knockouts)
        ranked = HybridRanker(blind=blind, knockouts=rules, model=trained).rank(job, profiles, top=top)
    except ShortlistError as exc:
        raise _fail(exc) from None
    if format is RankFmt.table:
        if out_file:
            raise typer.BadParameter("--out needs --format json, csv or html")
        out.print(ranking_table(job, ranked))
    elif format is RankFmt.json:
        _write(json.dumps(to_json(ranked), ensure_ascii=False, indent=2), out_file)
    elif format is RankFmt.csv:
        _write(csv_text(ranked), out_file)
    else:
        _write(to_html(job, ranked), out_file or DEFAULT_HTML)
    err.print(f"ranked {len(profiles)} resumes" + (f", {len(errors)} failed" if errors else ""))


@app.command()
def match(
    resume: Annotated[Path, typer.Argument(help="One resume file.")],
    jobs: Annotated[list[Path], typer.Argument(help="Job description files or folders.")],
    format: Annotated[RankFmt, typer.Option("--format", "-f", help="Output format (table or json).")] = RankFmt.table,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (json).")] = None,
    cache: Annotated[bool, typer.Option(help="Reuse profiles parsed before (by content hash).")] = True,
) -> None:
    """Rank jobs for one candidate: which openings fit this resume best."""
    from shortlist.match.rank import match_jobs
    from shortlist.pipeline import collect_paths
    from shortlist.profile.job import parse_job_path

    if format in (RankFmt.csv, RankFmt.html):
        raise typer.BadParameter("match prints a table or json")
    try:
        profiles, errors = parse_profiles([resume], 1, cache)
        if not profiles:
            err.print("[red]the resume could not be parsed[/red]: " + "; ".join(errors))
            raise typer.Exit(1)
        parsed = []
        for p in collect_paths(jobs):
            j = parse_job_path(p)
            j.source = j.source or str(p)
            parsed.append(j)
        results = match_jobs(profiles[0], parsed)
    except ShortlistError as exc:
        raise _fail(exc) from None
    if format is RankFmt.json:
        _write(json.dumps([json.loads(r.model_dump_json()) for r in results], ensure_ascii=False, indent=2), out_file)
        return
    t = Table(title=f"Jobs for {resume.name} (advice only: a person decides)")
    for col in ("rank", "score", "job", "met", "missing"):
        t.add_column(col, overflow="fold")
    for r in results:
        met = [v.label for v in r.result.verdicts if v.status == "met"]
        missing = [v.label for v in r.result.verdicts if v.status == "missing" and v.required]
        t.add_row(str(r.rank), f"{r.score:.1f}", r.job_title or r.job_source or "", ", ".join(met), ", ".join(missing))
    out.print(t)
