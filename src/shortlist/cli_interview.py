"""`shortlist interview ...`: a Typer sub-app; `plan` writes an interview guide for one candidate.

Register it on the main app with one line in cli.py::

    from shortlist.cli_interview import interview_app; app.add_typer(interview_app, name="interview")

Other interview commands (answer scoring) are added as more ``@interview_app.command`` functions
and can reuse ``load_job_and_profile`` and ``llm_backend``.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from shortlist.errors import ShortlistError
from shortlist.match.model import RankedCandidate
from shortlist.profile.model import Job, Profile

interview_app = typer.Typer(help="Interview kit: question plans and score sheets.", no_args_is_help=True)
err = Console(stderr=True)


class PlanFmt(str, Enum):
    md = "md"
    html = "html"
    json = "json"


class Lang(str, Enum):
    en = "en"
    zh = "zh"


def load_job_and_profile(job_path: Path, resume: Path, cache: bool = True,
                         rank: bool = True) -> tuple[Job, Profile, RankedCandidate | None]:
    """Parse the job and one resume (sandboxed pipeline, profile cache) and rank it for the verdicts."""
    from shortlist.cli_rank import parse_profiles
    from shortlist.profile.job import parse_job_path

    job = parse_job_path(job_path)
    job.source = job.source or str(job_path)
    profiles, errors = parse_profiles([resume], 1, cache)
    if not profiles:
        err.print("[red]the resume could not be parsed[/red]: " + "; ".join(errors or [f"no file at {resume}"]))
        raise typer.Exit(1)
    ranked = None
    if rank:
        from shortlist.match.rank import HybridRanker

        ranked = HybridRanker().rank(job, profiles[:1])[0]
    return job, profiles[0], ranked


def llm_backend(url: str | None, model: str | None):
    """The chat backend from --llm/--model or the settings; None when no model is configured."""
    from shortlist.llm.client import backend_from_settings

    return backend_from_settings(base_url=url, model=model)


def write_text(text: str, out_file: Path | None) -> None:
    text = text if text.endswith("\n") else text + "\n"
    if out_file:
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        sys.stdout.write(text)


@interview_app.command("plan")
def plan(
    job_path: Annotated[Path, typer.Argument(metavar="JOB", help="Job description file (text, PDF, DOCX, HTML).")],
    resume: Annotated[Path, typer.Argument(metavar="RESUME", help="One resume file.")],
    format: Annotated[PlanFmt, typer.Option("--format", "-f", help="md, html or json.")] = PlanFmt.md,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
    language: Annotated[Lang | None, typer.Option(help="Questions in en or zh (default: the job's language).")] = None,
    llm: Annotated[str | None, typer.Option("--llm", help="OpenAI-compatible endpoint URL (default: settings).")] = None,
    model: Annotated[str | None, typer.Option(help="Model name at the endpoint.")] = None,
    max_questions: Annotated[int, typer.Option(min=1, max=40, help="Most questions in the plan.")] = 12,
    cache: Annotated[bool, typer.Option(help="Reuse profiles parsed before (by content hash).")] = True,
) -> None:
    """Interview guide: questions verifying the resume's claims and probing its gaps, with rubrics."""
    from shortlist.interview.plan import plan_interview
    from shortlist.interview.render import to_html, to_markdown

    try:
        job, profile, ranked = load_job_and_profile(job_path, resume, cache)
        backend = llm_backend(llm, model)
        result = plan_interview(job, profile, ranked, language=language.value if language else None, llm=backend,
                                max_questions=max_questions)
    except ShortlistError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    for note in result.notes:
        err.print(f"[yellow]note:[/yellow] {note}")
    if result.flags_note:
        err.print(f"[yellow]review:[/yellow] {result.flags_note}")
    if format is PlanFmt.json:
        text = result.model_dump_json(indent=2)
    elif format is PlanFmt.html:
        text = to_html(result)
    else:
        text = to_markdown(result)
    write_text(text, out_file)
