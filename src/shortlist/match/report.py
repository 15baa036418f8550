"""Ranking results as CSV rows, JSON records and one self-contained HTML file.

The HTML report is meant to be opened offline and passed around by e-mail: inline CSS and
a few lines of inline JS, no external URL of any kind. Resume text is untrusted, so every
value goes through ``html.escape``; nothing from a resume is ever inserted as markup.
"""
from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from shortlist.match.model import RankedCandidate
from shortlist.profile.model import Job

ADVICE_EN = ("The score is advice to help a person read resumes in a sensible order. "
             "A person makes every decision; check the quoted evidence before acting on it.")
ADVICE_ZH = "分数仅供参考，用于帮助招聘人员安排阅读顺序；所有决定由人作出，请先核对引用的原文证据。"


def display_name(c: RankedCandidate) -> str:
    """The name; else the file name (no name was found); "(blind)" when both were withheld."""
    if c.name:
        return c.name
    return f"({PurePath(c.source).name})" if c.source else "(blind)"


def _status_count(c: RankedCandidate, status: str, required: bool | None = None) -> list[str]:
    return [v.label for v in c.verdicts if v.status == status and (required is None or v.required == required)]


def to_rows(ranked: Sequence[RankedCandidate]) -> list[dict[str, Any]]:
    """Flat rows for CSV: one per candidate, one column per score part."""
    rows = []
    for c in ranked:
        row: dict[str, Any] = {
            "rank": c.rank, "score": c.score, "name": display_name(c), "source": c.source or "",
            "candidate_id": c.candidate_id or "",
            "met": "; ".join(_status_count(c, "met")),
            "partial": "; ".join(_status_count(c, "partial")),
            "missing": "; ".join(_status_count(c, "missing")),
            "knocked_out": "; ".join(c.knocked_out),
            "needs_review": c.needs_review,
            "flags": "; ".join(c.flags),
            "reasons_for": "; ".join(c.reasons_for),
            "reasons_against": "; ".join(c.reasons_against),
            "model": c.model,
        }
        for p in c.parts:
            row[f"part_{p.name}"] = round(p.value, 4)
        rows.append(row)
    return rows


def to_json(ranked: Sequence[RankedCandidate]) -> list[dict[str, Any]]:
    """One JSON object per candidate: the full result, with ``name`` shown as in the table."""
    return [json.loads(c.model_dump_json()) for c in ranked]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(ranked: Sequence[RankedCandidate]) -> str:
    """CSV of ``to_rows``; resume text is untrusted, so formula-like cells are defused."""
    import csv
    import io

    rows = [{k: _cell(v) for k, v in r.items()} for r in to_rows(ranked)]
    buf = io.StringIO()
    fields: list[str] = []
    for r in rows:
        fields.extend(k for k in r if k not in fields)
    writer = csv.DictWriter(buf, fieldnames=fields or ["rank"])
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}.advice{background:#fff7e0;border:1px solid #e6c96b;padding:8px 12px;border-radius:6px}
.job{color:#444;margin:8px 0 16px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e6ec;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f9;position:sticky;top:0}.score{font-weight:600;font-variant-numeric:tabular-nums}
.chip{display:inline-block;border-radius:10px;padding:1px 8px;margin:1px 2px;font-size:12px}
.met{background:#dff3e4;color:#14532d}.partial{background:#fff1c2;color:#713f12}.missing{background:#fde2e1;color:#7f1d1d}
.flag{background:#fde2e1;color:#7f1d1d;font-weight:600}.ko{background:#e5e7eb;color:#374151}
tr.knocked td{opacity:.65}details{margin-top:4px}summary{cursor:pointer;color:#1e40af}
blockquote{margin:2px 0 2px 8px;padding-left:8px;border-left:3px solid #cbd5e1;color:#334155;white-space:pre-wrap}
.parts td{border:none;padding:1px 6px}.muted{color:#6b7280}
"""

_JS = """
function toggleAll(open){document.querySelectorAll('details').forEach(function(d){d.open=open;});}
"""


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _chips(c: RankedCandidate) -> str:
    out = []
    for v in c.verdicts:
        tip = f"{v.label}: {v.status}" + (f" ({v.how})" if v.how else "")
        star = "" if v.required else " (nice)"
        out.append(f'<span class="chip {_e(v.status)}" title="{_e(tip)}">{_e(v.label)}{_e(star)}</span>')
    return "".join(out)


def _details(c: RankedCandidate) -> str:
    parts = "".join(
        f"<tr><td>{_e(p.name)}</td><td class='score'>{p.value:.2f}</td><td class='muted'>x{p.weight:.2f}</td>"
        f"<td>{_e(p.detail)}</td></tr>" for p in c.parts
    )
    verdicts = []
    for v in c.verdicts:
        quotes = "".join(f"<blockquote>{_e(ev.text)}</blockquote>" for ev in v.evidence)
        verdicts.append(f"<li><span class='chip {_e(v.status)}'>{_e(v.status)}</span> {_e(v.label)}"
                        f" <span class='muted'>{_e(v.how)}</span>{quotes}</li>")
    pro = "".join(f"<li>{_e(r)}</li>" for r in c.reasons_for)
    con = "".join(f"<li>{_e(r)}</li>" for r in c.reasons_against)
    flags = "".join(f"<li>{_e(f)}</li>" for f in c.flags)
    return (
        "<details><summary>evidence</summary>"
        + (f"<p><b>For</b></p><ul>{pro}</ul>" if pro else "")
        + (f"<p><b>Against</b></p><ul>{con}</ul>" if con else "")
        + f"<p><b>Requirements</b></p><ul>{''.join(verdicts) or '<li>none stated</li>'}</ul>"
        + f"<p><b>Score parts</b></p><table class='parts'>{parts}</table>"
        + (f"<p><b>Flags</b></p><ul>{flags}</ul>" if flags else "")
        + f"<p class='muted'>model: {_e(c.model)}</p></details>"
    )


def _job_summary(job: Job) -> str:
    title = job.title.value if job.title else "(untitled job)"
    req = [r.label for r in job.requirements if r.required]
    nice = [r.label for r in job.requirements if not r.required]
    bits = [f"<h1>{_e(title)}</h1>", "<div class='job'>"]
    if job.source:
        bits.append(f"<div class='muted'>{_e(job.source)}</div>")
    if req:
        bits.append("<div><b>Required:</b> " + ", ".join(_e(r) for r in req) + "</div>")
    if nice:
        bits.append("<div><b>Nice to have:</b> " + ", ".join(_e(r) for r in nice) + "</div>")
    bits.append("</div>")
    return "".join(bits)


def to_html(job: Job, ranked: Sequence[RankedCandidate]) -> str:
    """A self-contained HTML page: job summary, advice line, one row per candidate."""
    zh = job.language == "zh"
    rows = []
    for c in ranked:
        badges = "".join(f"<span class='chip ko'>{_e('knocked out: ' + k)}</span>" for k in c.knocked_out)
        if c.needs_review:
            badges += "<span class='chip flag'>needs review</span>"
        source = f"<div class='muted'>{_e(c.source)}</div>" if c.source else ""
        rows.append(
            f"<tr class='{'knocked' if c.knocked_out else ''}'><td>{c.rank}</td><td class='score'>{c.score:.1f}</td>"
            f"<td>{_e(display_name(c))}{source}</td><td>{_chips(c)}</td><td>{badges}</td>"
            f"<td>{_details(c)}</td></tr>"
        )
    body = "".join(rows) or "<tr><td colspan='6'>No candidates.</td></tr>"
    title = job.title.value if job.title else "ranking"
    return (
        "<!DOCTYPE html><html lang='" + ("zh" if zh else "en") + "'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{_e(title)} - shortlist</title>"
        f"<style>{_CSS}</style></head><body>"
        + _job_summary(job)
        + f"<p class='advice'>{_e(ADVICE_ZH if zh else ADVICE_EN)}</p>"
        + "<p><button type='button' onclick='toggleAll(true)'>expand all</button> "
          "<button type='button' onclick='toggleAll(false)'>collapse all</button></p>"
        + "<table><thead><tr><th>rank</th><th>score</th><th>candidate</th><th>requirements</th><th>flags</th>"
          "<th>details</th></tr></thead><tbody>" + body + "</tbody></table>"
        + f"<script>{_JS}</script></body></html>"
    )
