"""Counterfactual consistency: rank the shipped example resumes for every shipped job, then
swap names, gendered words, personal details and photos one resume at a time, and report the
largest rank change (the target is none). Runs on the project's own examples, so it needs no
external data."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, write_block


def run(examples: Path) -> tuple[str, int]:
    from shortlist.documents.extract import extract_path
    from shortlist.fairness.consistency import consistency_audit
    from shortlist.match.rank import HybridRanker
    from shortlist.profile.job import parse_job_path

    paths = sorted((examples / "resumes").iterdir())
    docs = []
    for p in paths:
        d = extract_path(p)
        d.source = p.name
        docs.append(d)
    ranker = HybridRanker()
    rows, worst_all = [], 0
    t0 = time.perf_counter()
    for job_file in sorted((examples / "jobs").iterdir()):
        rep = consistency_audit(parse_job_path(job_file), docs, lambda j, ps: ranker.rank(j, ps))
        worst_all = max(worst_all, rep.largest_rank_change)
        w = rep.worst(1)[0] if rep.results else None
        rows.append(f"| {job_file.name} | {rep.candidates} | {rep.variants} | {rep.largest_rank_change} | "
                    f"{rep.largest_score_change:.2f} | {f'{w.source}: {w.variant}' if w else ''} |")
    md = "\n".join([
        "### Counterfactual consistency (`make bench-consistency`)", "",
        f"{machine()}. Each shipped example resume in turn is replaced by variants that differ only in the name "
        "(names read as other genders and ethnicities), gendered words, added personal details (gender, age, "
        "marital status, nationality / 民族, 政治面貌) or a photo; the pool is ranked again each time. "
        f"Target: no rank change. {time.perf_counter() - t0:.0f} s.", "",
        "| job | resumes | variants | largest rank change | largest score change (0-100) | largest change from |",
        "|---|---|---|---|---|---|", *rows, ""])
    return md, worst_all


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", type=Path, default=ROOT / "examples")
    args = ap.parse_args()
    md, _ = run(args.examples)
    print(md)
    write_block("consistency", md)


if __name__ == "__main__":
    main()
