"""A team's past hiring outcomes: which resume, for which job, and how far the candidate got.

The file is CSV (with a header) or JSONL, one row per (resume, job) decision, columns
``resume``, ``job`` and ``label``. Paths are taken relative to the outcomes file, so a folder
of outcomes, resumes and jobs can be moved as a whole.

Accepted labels (case and surrounding spaces ignored), each mapped to a fit grade 0-3:

=====================================  =====  ========
label                                  grade  positive
=====================================  =====  ========
``rejected``, ``declined``             0      no
``interview``, ``advanced``            2      yes
``offer``, ``hired``                   3      yes
``0``, ``1``, ``2``, ``3``             same   grade >= 2
=====================================  =====  ========

Every bad row is reported at once (line number and why), so a file is fixed in one pass.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from pydantic import BaseModel

from shortlist.errors import ShortlistError

LABEL_GRADES: dict[str, int] = {
    "rejected": 0,
    "declined": 0,
    "interview": 2,
    "advanced": 2,
    "offer": 3,
    "hired": 3,
    "0": 0,
    "1": 1,
    "2": 2,
    "3": 3,
}
POSITIVE_GRADE = 2  # a grade at or above this counts as a positive outcome
COLUMNS = ("resume", "job", "label")
ACCEPTED = "rejected, declined (negative); interview, advanced, offer, hired (positive); or a grade 0-3 (2-3 positive)"


class OutcomeFileError(ShortlistError):
    """The outcomes file cannot be used; the message lists every bad row."""


class Outcome(BaseModel):
    resume: Path  # absolute (resolved against the outcomes file's folder)
    job: Path
    label: str  # as written in the file, for reports
    grade: int  # 0-3

    @property
    def positive(self) -> bool:
        return self.grade >= POSITIVE_GRADE


def parse_label(raw: object) -> int:
    """The fit grade for one label; ``ValueError`` naming what is accepted otherwise."""
    key = str(raw).strip().lower() if raw is not None else ""
    if isinstance(raw, float) and raw.is_integer():  # JSON 2.0
        key = str(int(raw))
    if key not in LABEL_GRADES:
        raise ValueError(f"label {raw!r} is not one of: {ACCEPTED}")
    return LABEL_GRADES[key]


def _rows(path: Path) -> list[tuple[int, dict]]:
    """(line number, row) pairs; the line number is what an editor shows."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
        rows = []
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                rows.append((i, {"__error__": f"not JSON: {exc.msg}"}))
                continue
            rows.append((i, obj if isinstance(obj, dict) else {"__error__": "not a JSON object"}))
        return rows
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise OutcomeFileError(
            f"{path}: missing column(s) {', '.join(missing)}; the header must name {', '.join(COLUMNS)} "
            f"(found: {', '.join(reader.fieldnames or []) or 'no header'})"
        )
    return [(reader.line_num, dict(row)) for row in reader]


def load_outcomes(path: str | Path) -> list[Outcome]:
    """Read and check an outcomes file. Raises ``OutcomeFileError`` listing every bad row."""
    path = Path(path)
    if not path.is_file():
        raise OutcomeFileError(f"{path}: no such file")
    base = path.resolve().parent
    outcomes: list[Outcome] = []
    problems: list[str] = []
    for line, row in _rows(path):
        if "__error__" in row:
            problems.append(f"line {line}: {row['__error__']}")
            continue
        why: list[str] = []
        paths: dict[str, Path] = {}
        for col in ("resume", "job"):
            value = str(row.get(col) or "").strip()
            if not value:
                why.append(f"empty {col}")
                continue
            p = Path(value)
            p = p if p.is_absolute() else base / p
            if not p.is_file():
                why.append(f"{col} file not found: {value}")
            paths[col] = p
        try:
            grade = parse_label(row.get("label"))
        except ValueError as exc:
            why.append(str(exc))
            grade = -1
        if why:
            problems.append(f"line {line}: " + "; ".join(why))
            continue
        outcomes.append(Outcome(resume=paths["resume"], job=paths["job"], label=str(row["label"]).strip(), grade=grade))
    if problems:
        shown = problems[:20]
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise OutcomeFileError(f"{path}: {len(problems)} bad row(s):\n  " + "\n  ".join(shown) + more)
    if not outcomes:
        raise OutcomeFileError(f"{path}: no outcome rows")
    return outcomes
