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
