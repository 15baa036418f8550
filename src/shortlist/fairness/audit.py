"""Bias audit in the form New York City's Local Law 144 rules ask for, with the EEOC
four-fifths rule as the flag.

For binary outcomes the rate is the selection rate; for scores it is the scoring rate (the
share of a category scoring above the full-sample median). Each category's impact ratio is
its rate over the highest rate among categories that hold at least ``min_share`` of the
data. Ratios are computed with exact fractions so that 0.48 / 0.60 is exactly 0.80 and is
not flagged by floating-point noise.
"""
from __future__ import annotations

import csv
import io
import math
from collections import Counter
from datetime import date
from fractions import Fraction
from pathlib import Path
from statistics import median
from typing import Literal

from pydantic import BaseModel, Field

UNKNOWN = {"", "unknown", "na", "n/a", "none", "prefer not to say", "declined", "decline", "not disclosed", "?"}
FOUR_FIFTHS = Fraction(4, 5)
SEX_COLUMNS = ("sex", "gender")
RACE_COLUMNS = ("race_ethnicity", "race", "ethnicity")
TRUE_WORDS = {"1", "true", "yes", "y", "selected", "advanced", "advance", "hired", "pass", "passed"}
FALSE_WORDS = {"0", "false", "no", "n", "rejected", "reject", "not selected", "declined", "fail", "failed"}


class CategoryRow(BaseModel):
    dimension: str  # "sex", "race_ethnicity" or "sex x race_ethnicity"
    category: str
    count: int
    selected: int  # selected (binary) or scored above the median (scores)
    rate: float
    impact_ratio: float | None = None  # None: excluded (under min_share) or no reference
    flagged: bool = False  # impact ratio below 0.80
    excluded: bool = False  # under min_share of the data: listed, not rated
    p_value: float | None = None  # Fisher's exact test against the reference category
    z: float | None = None  # two-proportion z statistic against the reference category
    small_sample: bool = False
    reference: bool = False


class AuditReport(BaseModel):
    audit_date: str
    data_source: str
    outcome: str
    outcome_type: Literal["selection", "score"]
    total: int
    unknown: dict[str, int] = Field(default_factory=dict)
    median_score: float | None = None
    min_share: float
    rows: list[CategoryRow]
    warnings: list[str] = Field(default_factory=list)

    def flagged(self) -> list[CategoryRow]:
        return [r for r in self.rows if r.flagged]


def _norm(v: str | None) -> str:
    return (v or "").strip()


def _is_unknown(v: str) -> bool:
    return v.strip().lower() in UNKNOWN


def _outcome_values(raw: list[str], outcome: str) -> tuple[Literal["selection", "score"], list[float]]:
    lowered = [r.strip().lower() for r in raw]
    if all(v in TRUE_WORDS | FALSE_WORDS for v in lowered):
        return "selection", [1.0 if v in TRUE_WORDS else 0.0 for v in lowered]
    try:
        return "score", [float(v) for v in lowered]
    except ValueError:
        bad = next(v for v in raw if v.strip().lower() not in TRUE_WORDS | FALSE_WORDS and not _floaty(v))
        raise ValueError(f"column {outcome!r}: {bad!r} is neither a selection (yes/no, 1/0, selected/rejected) "
                         "nor a number") from None


def _floaty(v: str) -> bool:
    try:
        float(v)
        return True
    except ValueError:
        return False


def _fisher(a: int, n1: int, b: int, n2: int) -> float | None:
    try:
        from scipy.stats import fisher_exact
    except ImportError:  # pragma: no cover - scipy is a core dependency
        return None
    return float(fisher_exact([[a, n1 - a], [b, n2 - b]])[1])


def _z(a: int, n1: int, b: int, n2: int) -> float | None:
    if n1 == 0 or n2 == 0:
        return None
    p = (a + b) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return None if se == 0 else (a / n1 - b / n2) / se


def audit_rows(records: list[dict[str, str]], outcome: str, sex_col: str | None = None, race_col: str | None = None,
               data_source: str = "", min_share: float = 0.02, audit_date: str | None = None) -> AuditReport:
    """Compute the audit from rows of strings (as read from CSV)."""
    if not records:
        raise ValueError("the table has no rows")
    cols = list(records[0].keys())
    if outcome not in cols:
        raise ValueError(f"no column {outcome!r}; columns are: {', '.join(cols)}")
    sex_col = sex_col or next((c for c in cols if c.lower() in SEX_COLUMNS), None)
    race_col = race_col or next((c for c in cols if c.lower() in RACE_COLUMNS), None)
    if not sex_col and not race_col:
        raise ValueError("no demographic column found: name one with --sex-column or --race-column "
                         f"(looked for {', '.join(SEX_COLUMNS + RACE_COLUMNS)})")
    kind, values = _outcome_values([r.get(outcome, "") for r in records], outcome)
    med = median(values) if kind == "score" else None
    hits = [v > med for v in values] if kind == "score" else [v == 1.0 for v in values]

    dims: list[tuple[str, list[str | None]]] = []
    unknown: dict[str, int] = {}
    for name, col in (("sex", sex_col), ("race_ethnicity", race_col)):
        if col:
            vals = [_norm(r.get(col)) for r in records]
            unknown[name] = sum(_is_unknown(v) for v in vals)
            dims.append((name, [None if _is_unknown(v) else v for v in vals]))
    if len(dims) == 2:
        (_, a), (_, b) = dims
        dims.append(("sex x race_ethnicity", [f"{x} / {y}" if x and y else None for x, y in zip(a, b)]))

    total = len(records)
    rows: list[CategoryRow] = []
    warnings: list[str] = []
    for dim, vals in dims:
        counts = Counter(v for v in vals if v)
        sel = Counter(v for v, h in zip(vals, hits) if v and h)
        cats = sorted(counts)
        eligible = [c for c in cats if counts[c] >= min_share * total]
        rates = {c: Fraction(sel[c], counts[c]) for c in cats}
        ref = max(eligible, key=lambda c: (rates[c], counts[c]), default=None)
        for c in cats:
            row = CategoryRow(dimension=dim, category=c, count=counts[c], selected=sel[c], rate=float(rates[c]),
                              excluded=c not in eligible, reference=c == ref,
                              small_sample=counts[c] < 30 or min(sel[c], counts[c] - sel[c]) < 5)
            if c in eligible and ref is not None and rates[ref] > 0:
                ratio = rates[c] / rates[ref]
                row.impact_ratio = round(float(ratio), 4)
                row.flagged = ratio < FOUR_FIFTHS
                if c != ref:
                    row.p_value = _fisher(sel[c], counts[c], sel[ref], counts[ref])
                    row.z = _z(sel[c], counts[c], sel[ref], counts[ref])
            rows.append(row)
        if any(r.small_sample for r in rows if r.dimension == dim and not r.excluded):
            warnings.append(f"{dim}: some categories have fewer than 30 people or fewer than 5 selected/not "
                            "selected; their ratios and tests are unstable")
    if kind == "score":
        warnings.append(f"scores: scoring rate = share above the full-sample median ({med:g})")
    return AuditReport(audit_date=audit_date or date.today().isoformat(), data_source=data_source or "(not stated)",
                       outcome=outcome, outcome_type=kind, total=total, unknown=unknown, median_score=med,
                       min_share=min_share, rows=rows, warnings=warnings)


def audit_csv(path: str | Path, outcome: str, **kwargs) -> AuditReport:
    text = Path(path).read_text(encoding="utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    kwargs.setdefault("data_source", str(path))
    return audit_rows(records, outcome, **kwargs)


def to_html(report: AuditReport) -> str:
    """A self-contained summary page in the shape of an LL144 bias-audit summary."""
    from html import escape

    def fmt(x: float | None, nd: int = 3) -> str:
        return "" if x is None else f"{x:.{nd}f}"

    body = []
    for dim in dict.fromkeys(r.dimension for r in report.rows):
        body.append(f"<h2>{escape(dim)}</h2><table><tr><th>Category</th><th>Count</th>"
                    f"<th>{'Selected' if report.outcome_type == 'selection' else 'Above median'}</th>"
                    f"<th>{'Selection' if report.outcome_type == 'selection' else 'Scoring'} rate</th>"
                    "<th>Impact ratio</th><th>Fisher p</th><th>Notes</th></tr>")
        for r in (x for x in report.rows if x.dimension == dim):
            notes = []
            if r.reference:
                notes.append("reference (highest rate)")
            if r.flagged:
                notes.append("<b>below 0.80</b>")
            if r.excluded:
                notes.append(f"under {report.min_share:.0%} of data: not rated")
            if r.small_sample:
                notes.append("small sample")
            cls = ' class="flag"' if r.flagged else ""
            body.append(f"<tr{cls}><td>{escape(r.category)}</td><td>{r.count}</td><td>{r.selected}</td>"
                        f"<td>{fmt(r.rate)}</td><td>{fmt(r.impact_ratio)}</td><td>{fmt(r.p_value)}</td>"
                        f"<td>{'; '.join(notes)}</td></tr>")
        body.append("</table>")
    unknown = ", ".join(f"{k}: {v}" for k, v in report.unknown.items())
    warn = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bias audit</title>
<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2433}}
table{{border-collapse:collapse;width:100%;margin-bottom:1rem}}th,td{{border-bottom:1px solid #dde2ea;padding:.4rem;text-align:left}}
tr.flag td{{background:#fdecea}}</style></head><body>
<h1>Bias audit summary</h1>
<p><b>Audit date:</b> {escape(report.audit_date)}<br><b>Data source:</b> {escape(report.data_source)}<br>
<b>Outcome:</b> {escape(report.outcome)} ({report.outcome_type})<br><b>Individuals:</b> {report.total}<br>
<b>Unknown category:</b> {escape(unknown)}</p>
<p>Impact ratio = a category's rate / the highest category's rate. Ratios under 0.80 (the four-fifths rule) are
flagged. Categories under {report.min_share:.0%} of the data are listed but not rated.</p>
{''.join(body)}<ul>{warn}</ul></body></html>"""
