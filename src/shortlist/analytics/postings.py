"""Job postings as analytics input: a date, the text, and the canonical skills it mentions.

Postings come from a CSV/JSONL export (any scraper's: the date and text column names are
guessed from common ones or given) or from the workspace's own jobs. Skills are found by the
same extractor resumes use, so demand and supply are counted in the same vocabulary.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel, Field

DATE_COLUMNS = ("date", "createdAt", "created_at", "posted_at", "postedAt", "published", "time")
TEXT_COLUMNS = ("text", "content", "body", "description", "rawContent")
ID_COLUMNS = ("id", "posting_id", "commentId")

SkillNames = Callable[[str], list[str]]


class Posting(BaseModel):
    """One posting: when it was published and which canonical skills its text names (once each)."""

    id: str
    date: date
    text: str = ""
    skills: list[str] = Field(default_factory=list)
    job_id: int | None = None  # set when the posting is a workspace job


def skill_names(text: str) -> list[str]:
    """Canonical skill names mentioned in ``text``, deduplicated, in order of first mention."""
    from shortlist.skills.extract import extract_skills  # loads the taxonomy on first use

    return list(dict.fromkeys(h.name for h in extract_skills(text)))


def parse_date(value: object) -> date:
    """An ISO date or datetime ('2020-02-27', '2020-02-27T05:53:28Z', '2020-02'), or a datetime."""
    if isinstance(value, datetime):
        return (value if value.tzinfo is None else value.astimezone(UTC)).date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        raise ValueError("empty date")
    if len(s) == 7 and s[4] == "-":  # "YYYY-MM": a monthly export
        return date(int(s[:4]), int(s[5:7]), 1)
    try:
        dt = datetime.fromisoformat(s)  # 3.11 reads a trailing Z
    except ValueError:
        return date.fromisoformat(s[:10])
    return (dt.astimezone(UTC) if dt.tzinfo else dt).date()


def _pick(columns: Iterable[str], wanted: str | None, defaults: Sequence[str], what: str) -> str:
    cols = list(columns)
    if wanted is not None:
        if wanted not in cols:
            raise ValueError(f"no {what} column {wanted!r}; columns are: {', '.join(cols)}")
        return wanted
    lower = {c.lower(): c for c in cols}
    for d in defaults:
        if d.lower() in lower:
            return lower[d.lower()]
    raise ValueError(f"no {what} column (tried {', '.join(defaults)}); columns are: {', '.join(cols)}; name one")


def _records(path: Path) -> list[dict]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a JSON list of postings")
        return data
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def load_postings(
    path: str | Path,
    date_column: str | None = None,
    text_column: str | None = None,
    *,
    skills: SkillNames | None = None,
) -> list[Posting]:
    """Read postings from CSV, JSONL (or a JSON list) and extract each one's skills.

    Rows with an empty text are dropped; a row whose date cannot be read raises with its line
    number, because silently dropping dated rows would bias every trend.
    """
    rows = _records(Path(path))
    if not rows:
        return []
    keys = list(dict.fromkeys(k for r in rows[:50] for k in r))
    dcol = _pick(keys, date_column, DATE_COLUMNS, "date")
    tcol = _pick(keys, text_column, TEXT_COLUMNS, "text")
    icol = next((c for c in ID_COLUMNS if c in keys), None)
    find = skills or skill_names
    out: list[Posting] = []
    for i, r in enumerate(rows, start=1):
        text = str(r.get(tcol) or "")
        if not text.strip():
            continue
        try:
            day = parse_date(r.get(dcol))
        except ValueError as e:
            raise ValueError(f"{path}: row {i}: cannot read date {r.get(dcol)!r} ({e})") from None
        pid = str(r[icol]) if icol and r.get(icol) not in (None, "") else str(i)
        out.append(Posting(id=pid, date=day, text=text, skills=find(text)))
    return out


def postings_from_texts(items: Iterable[tuple[str, object, str]], *, skills: SkillNames | None = None) -> list[Posting]:
    """Postings from (id, date, text) triples, e.g. a dataset read by a benchmark."""
    find = skills or skill_names
    return [Posting(id=pid, date=parse_date(d), text=t, skills=find(t)) for pid, d, t in items if t.strip()]


def postings_from_workspace(session, *, skills: SkillNames | None = None) -> list[Posting]:
    """The workspace's jobs as postings (dated by creation), so trends cover what was hired for."""
    from sqlalchemy import select

    from shortlist.store.models import Job as JobRow

    find = skills or skill_names
    rows = session.scalars(select(JobRow).order_by(JobRow.created_at, JobRow.id)).all()
    return [Posting(id=str(j.id), date=parse_date(j.created_at), text=j.text, skills=find(j.text), job_id=j.id)
            for j in rows]
