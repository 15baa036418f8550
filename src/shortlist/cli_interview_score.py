"""`shortlist interview score` and `shortlist interview calibrate`: answer scoring from the CLI."""
from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shortlist.cli import err, out
from shortlist.cli_interview import interview_app


class ScoreFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _column(row: dict, *names: str) -> str:
    for n in names:
        for k, v in row.items():
            if k and k.strip().lower() == n:
                return v or ""
    return ""


def score_rows(rows: list[dict], scorer, relative: bool = False) -> list[dict]:
    """Score CSV rows (question, reference answer or rubric points, answer); returns result rows."""
    from shortlist.interview.score import relative_scores

    out_rows = []
    for i, row in enumerate(rows, 1):
        answer = _column(row, "answer", "candidate_answer", "response")
        reference = _column(row, "reference", "reference_answer", "model_answer", "expected")
        points = [p.strip() for p in _column(row, "rubric", "points").split(";") if p.strip()]
        if not reference and not points:
            raise ValueError(f"row {i}: needs a 'reference' (or 'reference_answer') or 'rubric' column value")
        res = scorer.score(answer, reference=reference, points=points or None,
                           question=_column(row, "question"))
        out_rows.append({"row": i, "question": _column(row, "question"), "score": res.score, "method": res.method,
                         **{f"f_{k}": v for k, v in res.features.items()},
                         "covered": sum(p.covered for p in res.points), "points": len(res.points),
                         "_features": res.features, "_points": [p.model_dump() for p in res.points],
                         "notes": "; ".join(res.notes)})
    if relative:
        by_q: dict[str, list[int]] = {}
        for k, r in enumerate(out_rows):
            by_q.setdefault(r["question"], []).append(k)
        for idx in by_q.values():
            rel = relative_scores([out_rows[k]["score"] for k in idx], [out_rows[k]["_features"] for k in idx])
            for k, v in zip(idx, rel):
                out_rows[k]["score"] = v
                out_rows[k]["method"] += "+relative"
    return out_rows


@interview_app.command("score")
def score_cmd(
    csv_file: Annotated[Path | None, typer.Option("--csv", help="Rows of question, reference (or rubric with ';' "
                                                     "between points) and answer.")] = None,
    answer: Annotated[str | None, typer.Option(help="One answer (with --reference or --rubric).")] = None,
    reference: Annotated[str, typer.Option(help="The reference answer.")] = "",
    rubric: Annotated[list[str], typer.Option(help="A rubric point (repeatable).")] = [],  # noqa: B006 - typer idiom
    question: Annotated[str, typer.Option(help="The question (anchors the 0-5 scale).")] = "",
    format: Annotated[ScoreFmt, typer.Option("--format", "-f")] = ScoreFmt.table,
    relative: Annotated[bool, typer.Option(help="Also grade answers to the same question against each other.")] = False,
    calibration: Annotated[Path | None, typer.Option(help="Weights from `interview calibrate`.")] = None,
    llm: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL for an LLM judge.")] = None,
    model: Annotated[str | None, typer.Option(help="Model name at --llm.")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", "-o")] = None,
) -> None:
    """Score interview answers 0-5 against a reference answer or rubric points."""
    from shortlist.interview.score import AnswerScorer, Calibration
    from shortlist.llm import backend_from_settings

    if (csv_file is None) == (answer is None):
        raise typer.BadParameter("give either --csv FILE or --answer TEXT")
    scorer = AnswerScorer(calibration=Calibration.load(calibration) if calibration else None,
                          llm=backend_from_settings(base_url=llm, model=model) if llm else None)
    try:
        if csv_file is not None:
            rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
        else:
            rows = [{"question": question, "reference": reference, "rubric": ";".join(rubric), "answer": answer}]
        results = score_rows(rows, scorer, relative)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if format is ScoreFmt.table:
        t = Table(title="Answer scores (0-5)")
        for c in ("row", "score", "semantic", "coverage", "ROUGE-L", "BLEU", "points covered", "question"):
            t.add_column(c, overflow="fold")
        for r in results:
            t.add_row(str(r["row"]), f"{r['score']:.2f}", f"{r['f_semantic']:.2f}", f"{r['f_coverage']:.2f}",
                      f"{r['f_rouge_l']:.2f}", f"{r['f_bleu']:.2f}", f"{r['covered']}/{r['points']}",
                      r["question"][:60])
        out.print(t)
        return
    if format is ScoreFmt.json:
        text = json.dumps([{k: v for k, v in r.items() if k != "_features"} | {"points": r["_points"]}
                           for r in results], ensure_ascii=False, indent=2)
    else:
        buf = io.StringIO()
        cols = [k for k in results[0] if not k.startswith("_")]
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(results)
        text = buf.getvalue()
    if out_file:
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))


@interview_app.command("calibrate")
def calibrate_cmd(
    graded: Annotated[Path, typer.Argument(help="CSV of question, reference, answer and the team's grade (0-5).")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="Where to write the calibration JSON.")] = Path(
        "answer-calibration.json"),
) -> None:
    """Fit the 0-5 mapping on answers your team has graded (use with `interview score --calibration`)."""
    from shortlist.interview.score import AnswerScorer, calibrate

    rows = list(csv.DictReader(io.StringIO(graded.read_text(encoding="utf-8-sig"))))
    scorer = AnswerScorer()
    pairs = []
    try:
        for i, row in enumerate(rows, 1):
            g = _column(row, "grade", "score", "human_score")
            try:
                grade = float(g)
            except ValueError:
                raise ValueError(f"row {i}: grade {g!r} is not a number") from None
            feats, _ = scorer.features(_column(row, "reference", "reference_answer"), _column(row, "answer"),
                                       None, _column(row, "question"))
            pairs.append((feats, grade))
        cal = calibrate(pairs)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    cal.save(out_file)
    err.print(f"fitted on {cal.fitted_on} answers; cross-validated Pearson r = {cal.pearson_cv}; wrote {out_file}")


@interview_app.command("assess")
def assess_cmd(
    job_path: Annotated[Path, typer.Argument(metavar="JOB", help="Job description file.")],
    resume: Annotated[Path, typer.Argument(metavar="RESUME", help="The candidate's resume.")],
    plan_file: Annotated[Path, typer.Option("--plan", help="The plan from `interview plan --format json`.")],
    answers: Annotated[Path, typer.Option(help="CSV: question_id, answer, and optionally score (0-5) and note.")],
    screening_weight: Annotated[float, typer.Option(help="Weight of the screening score.")] = 0.4,
    interview_weight: Annotated[float, typer.Option(help="Weight of the interview answers.")] = 0.6,
    format: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    llm: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL for an LLM judge.")] = None,
    model: Annotated[str | None, typer.Option(help="Model name at --llm.")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", "-o")] = None,
) -> None:
    """Final assessment: screening score + scored interview answers -> a scorecard with a recommendation."""
    from shortlist.cli_interview import llm_backend, load_job_and_profile, write_text
    from shortlist.interview.assessment import AnswerRecord, AssessmentWeights, assess, scorecard_markdown
    from shortlist.interview.model import InterviewPlan
    from shortlist.interview.score import AnswerScorer

    try:
        plan = InterviewPlan.model_validate_json(plan_file.read_text(encoding="utf-8"))
        rows = list(csv.DictReader(io.StringIO(answers.read_text(encoding="utf-8-sig"))))
        job, profile, ranked = load_job_and_profile(job_path, resume)
        questions = {q.id: q for q in plan.questions}
        scorer = AnswerScorer(llm=llm_backend(llm, model) if llm else None)
        records = []
        for i, row in enumerate(rows, 1):
            qid = _column(row, "question_id", "question", "id").strip().lower()
            q = questions.get(qid)
            if q is None:
                raise ValueError(f"row {i}: no question {qid!r} in the plan (ids: {', '.join(questions)})")
            own = _column(row, "score", "interviewer_score").strip()
            answer = _column(row, "answer")
            if own:
                score, by = float(own), "interviewer"
            else:
                score, by = scorer.score(answer, points=q.rubric, question=q.text).score, "auto"
            records.append(AnswerRecord(question=q.text, competency=q.competency, requirement_id=q.requirement_id,
                                        score=score, scored_by=by, note=_column(row, "note")))
        card = assess(profile.name.value if profile.name else resume.name,
                      job.title.value if job.title else job_path.name, ranked.score if ranked else None, records,
                      AssessmentWeights(screening=screening_weight, interview=interview_weight),
                      flags=ranked.flags if ranked and ranked.needs_review else None)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    write_text(card.model_dump_json(indent=2) if format == "json" else scorecard_markdown(card), out_file)
