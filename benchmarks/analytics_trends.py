"""Skill trends on real postings, and a check of the trend test on published shares.

Two public sets (read from ``--data``, never copied into the repository):

(a) ``job_posts_zh_whoishiring``: Chinese monthly "who is hiring" threads (2019-2026). The raw
    comments carry ``createdAt``; the parsed postings (joined on ``commentId``) carry an
    LLM-extracted ``techStack`` list (silver labels). Skills are extracted from the RAW comment
    text and compared per posting with the labels mapped to canonical names through the
    taxonomy (micro precision/recall/F1 over postings), once for every skill we extract and
    once for technology skills only (``techStack`` lists tools, not soft skills). Then the
    quarterly demand table and the trend test (Mann-Kendall + Sen's slope and
    Cochran-Armitage, Benjamini-Hochberg adjusted) name the rising and falling skills.
(b) ``job_posts_en_hn_aggregates``: monthly HN "Who is hiring" posting volume and the share
    of 51 keywords. Counts are rebuilt as share x volume and the same trend test runs on
    them; its direction is compared with first-year vs last-year average shares and with
    well-known history (React, Kubernetes, TypeScript rising; Hadoop, Ruby/Rails, PHP falling).
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import data_arg, machine, markdown_table, resolve_data, skip, write_block
from shortlist.analytics.demand import DemandTable, Trend, falling, period_range, rising, skill_demand, trends
from shortlist.analytics.postings import postings_from_texts
from shortlist.skills.extract import TOOL_FAMILIES
from shortlist.skills.taxonomy import Taxonomy

# Direction the published history of HN hiring posts makes plain over 2011-2026.
KNOWN = {"React": "rising", "Kubernetes": "rising", "TypeScript": "rising", "Rust": "rising", "Terraform": "rising",
         "LLM": "rising", "Hadoop": "falling", "Ruby/Rails": "falling", "PHP": "falling"}


def _is_tech(tax: Taxonomy, name: str) -> bool:
    e = tax.get(name)
    return e is not None and (e.source == "onet" or e.category in TOOL_FAMILIES)


def load_zh(root: Path) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    """(id, createdAt, raw text) per parsed posting, and its techStack labels by id."""
    raw: dict[int, dict] = {}
    for f in glob.glob(str(root / "data" / "raw" / "*.json")):
        for c in json.loads(Path(f).read_text(encoding="utf-8"))["comments"]:
            raw[c["id"]] = c
    items, labels = [], {}
    for f in sorted(glob.glob(str(root / "data" / "parsed" / "*.json"))):
        for p in json.loads(Path(f).read_text(encoding="utf-8"))["postings"]:
            c = raw.get(p["commentId"])
            if c is None:
                continue
            pid = str(p["commentId"])
            items.append((pid, c["createdAt"], c["body"]))
            labels[pid] = list(p.get("techStack") or [])
    return items, labels


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _trend_rows(items: list[Trend]) -> list[list[object]]:
    rows = []
    for t in items:
        change = "" if t.relative_change is None else f"{100 * t.relative_change:+.0f}%"
        rows.append([t.skill, t.support, f"{100 * t.first_share:.1f}%", f"{100 * t.last_share:.1f}%", change,
                     f"{100 * t.slope_per_year:+.2f}", f"{t.tau:+.2f}", f"{t.q_value:.1e}", f"{t.armitage_z:+.1f}"])
    return rows


TREND_HEADER = ["skill", "postings", "first share", "last share", "change", "Sen slope (pt/yr)", "MK tau",
                "MK q", "CA z"]


def bench_zh(root: Path, tax: Taxonomy) -> str:
    items, labels = load_zh(root)
    t0 = time.perf_counter()
    posts = postings_from_texts(items)
    secs = time.perf_counter() - t0
    known = Counter()
    all_labels = Counter()
    counts = {"all": [0, 0, 0], "tech": [0, 0, 0]}
    extra, missed = Counter(), Counter()  # tech skills we add / labels we miss, to read the figures
    for p in posts:
        gold_raw = labels.get(p.id, [])
        gold = set()
        for lab in gold_raw:
            all_labels[lab] += 1
            c = tax.canonical(lab)
            if c:
                known[lab] += 1
                gold.add(c)
        for kind, pred in (("all", set(p.skills)), ("tech", {s for s in p.skills if _is_tech(tax, s)})):
            counts[kind][0] += len(pred & gold)
            counts[kind][1] += len(pred - gold)
            counts[kind][2] += len(gold - pred)
            if kind == "tech":
                extra.update(pred - gold)
                missed.update(gold - pred)
    inst_known = sum(known.values()) / max(1, sum(all_labels.values()))
    distinct_known = len(known) / max(1, len(all_labels))
    rows = []
    for kind, name in (("all", "every extracted skill"), ("tech", "technology skills only")):
        tp, fp, fn = counts[kind]
        p, r, f = _prf(tp, fp, fn)
        rows.append([name, tp, fp, fn, p, r, f])
    demand = skill_demand(posts, "quarter")
    found = trends(demand, min_postings=30, min_period_postings=15)
    up, down = rising(found, 10), falling(found, 10)
    years = Counter(p.date.year for p in posts)
    kept = [f"{q} ({n})" for q, n in zip(demand.periods, demand.totals) if n >= 15]
    n_dir = Counter(t.direction for t in found)
    return "\n".join([
        f"**(a) `job_posts_zh_whoishiring`**: {len(posts)} postings (raw comments joined to the parsed set on "
        f"commentId; 2 parsed postings have no raw comment), skills extracted from the raw text in {secs:.1f} s "
        f"({1000 * secs / max(1, len(posts)):.1f} ms per posting). Postings per year: "
        + ", ".join(f"{y}: {n}" for y, n in sorted(years.items())) + ".",
        "",
        (f"Silver `techStack` labels: {sum(all_labels.values())} labels, {len(all_labels)} distinct; the taxonomy "
         f"knows {100 * inst_known:.1f}% of label occurrences ({100 * distinct_known:.1f}% of distinct labels). "
         "Per-posting sets, micro-averaged over postings, against the labels the taxonomy knows:"),
        "",
        markdown_table(["our skills", "TP", "FP", "FN", "precision", "recall", "F1"], rows),
        "",
        "Most frequent technology skills we find that the posting's labels lack: "
        + ", ".join(f"{k} ({n})" for k, n in extra.most_common(12))
        + ". Most frequent labelled skills we miss: " + ", ".join(f"{k} ({n})" for k, n in missed.most_common(8))
        + ".",
        "",
        (f"Trend test over quarters with 15+ postings ({len(kept)} quarters: {kept[0]} .. {kept[-1]}), skills named "
         f"in 30+ postings ({len(found)} tested; {n_dir['rising']} rising, {n_dir['falling']} falling, "
         f"{n_dir['flat']} flat: q < 0.05 on both tests). Top 10 each way by Sen slope. "
         "Shares are pooled over the first and last quarter of the tested periods."),
        "",
        "Rising:",
        "",
        markdown_table(TREND_HEADER, _trend_rows(up)) if up else "none significant",
        "",
        "Falling:",
        "",
        markdown_table(TREND_HEADER, _trend_rows(down)) if down else "none significant",
    ])


def load_hn(root: Path) -> tuple[DemandTable, dict[str, list[float | None]]]:
    """Monthly counts rebuilt as share x volume, on a gap-filled month axis; and the shares as published."""
    data = root / "data"
    volume = {r["month"]: int(float(r["0"])) for r in csv.DictReader((data / "volume.csv").open(encoding="utf-8"))}
    share_rows = list(csv.DictReader((data / "keyword_share.csv").open(encoding="utf-8")))
    keywords = [k for k in share_rows[0] if k != "month"]
    months = period_range(min(volume), max(volume), "month")
    by_month = {r["month"]: r for r in share_rows}
    totals = [volume.get(m, 0) if m in by_month else 0 for m in months]
    counts, shares = {}, {}
    for k in keywords:
        counts[k] = [round(float(by_month[m][k]) / 100 * n) if m in by_month else 0 for m, n in zip(months, totals)]
        shares[k] = [float(by_month[m][k]) / 100 if m in by_month and n else None for m, n in zip(months, totals)]
    return DemandTable.from_counts("month", months, totals, counts), shares


def bench_hn(root: Path) -> str:
    demand, shares = load_hn(root)
    found = {t.skill: t for t in trends(demand, min_postings=50, min_period_postings=50)}
    kept = [i for i, n in enumerate(demand.totals) if n >= 50]
    first, last = kept[:12], kept[-12:]
    agree = disagree = 0
    mismatches, rows = [], []
    for k, t in found.items():
        s = shares[k]
        a = sum(s[i] for i in first) / len(first)
        b = sum(s[i] for i in last) / len(last)
        simple = "rising" if b > a else "falling" if b < a else "flat"
        if t.direction != "flat":
            if t.direction == simple:
                agree += 1
            else:
                disagree += 1
                mismatches.append(f"{k} (test: {t.direction}, first {100 * a:.1f}% vs last {100 * b:.1f}%)")
    called = {d: sorted(k for k, t in found.items() if t.direction == d) for d in ("rising", "falling", "flat")}
    for k, want in KNOWN.items():
        t = found.get(k)
        rows.append([k, want, t.direction if t else "not tested", "yes" if t and t.direction == want else "no",
                     f"{100 * t.slope_per_year:+.2f}" if t else "", f"{t.q_value:.1e}" if t else ""])
    top_up = sorted((t for t in found.values() if t.direction == "rising"), key=lambda t: -t.slope_per_year)[:8]
    top_down = sorted((t for t in found.values() if t.direction == "falling"), key=lambda t: t.slope_per_year)[:8]
    recent_start = demand.periods[kept[-36]]
    recent = trends(demand.window(recent_start), min_postings=50, min_period_postings=50)
    r_up, r_down = rising(recent, 8), falling(recent, 8)
    return "\n".join([
        (f"**(b) `job_posts_en_hn_aggregates`**: {len(kept)} months with 50+ postings "
         f"({demand.periods[kept[0]]} .. {demand.periods[kept[-1]]}), {len(found)} keywords tested on counts "
         "rebuilt as published share x monthly volume."),
        "",
        f"Called rising ({len(called['rising'])}): {', '.join(called['rising'])}.",
        "",
        f"Called falling ({len(called['falling'])}): {', '.join(called['falling'])}.",
        "",
        f"Flat ({len(called['flat'])}): {', '.join(called['flat']) or 'none'}.",
        "",
        f"Direction against first-12-months vs last-12-months average share: {agree} of {agree + disagree} "
        "keywords called rising/falling agree"
        + (f"; disagreements: {'; '.join(mismatches)}." if mismatches else "."),
        "",
        "Known history:",
        "",
        markdown_table(["keyword", "expected", "test says", "agrees", "Sen slope (pt/yr)", "MK q"], rows),
        "",
        "Steepest rising / falling (Sen slope over the whole period):",
        "",
        markdown_table(TREND_HEADER, _trend_rows(top_up + top_down)),
        "",
        ("Sen's slope is a median of pairwise slopes, so a term that was absent for most of 15 years (LLM, RAG, "
         f"Agentic) gets a slope near 0 although it is called rising. The last 36 months ({recent_start} on) "
         "tested alone:"),
        "",
        markdown_table(TREND_HEADER, _trend_rows(r_up + r_down)),
    ])


def main(argv: list[str] | None = None) -> None:
    args = data_arg(argparse.ArgumentParser(description=__doc__)).parse_args(argv)
    zh = resolve_data(args.data, "job_posts_zh_whoishiring")
    hn = resolve_data(args.data, "job_posts_en_hn_aggregates")
    if not (zh / "data" / "raw").is_dir() and not (hn / "data").is_dir():
        skip(f"neither {zh} nor {hn} found")
    t0 = time.perf_counter()
    tax = Taxonomy.default()
    parts = [f"`python benchmarks/analytics_trends.py`: {machine()}.", ""]
    parts.append(bench_zh(zh, tax) if (zh / "data" / "raw").is_dir() else f"(a) skipped: {zh} not found")
    parts.append("")
    parts.append(bench_hn(hn) if (hn / "data").is_dir() else f"(b) skipped: {hn} not found")
    parts.append("")
    parts.append(f"Total {time.perf_counter() - t0:.1f} s.")
    md = "\n".join(parts)
    write_block("analytics_trends", md)
    print(md)


if __name__ == "__main__":
    main()
