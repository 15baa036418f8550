"""Job descriptions for the 24 livecareer resume categories, composed at run time from O*NET.

The ranking benchmarks need one realistic job per category. Rather than writing 24 jobs by
hand (and unconsciously tuning them to our ranker), each is composed mechanically from the
public O*NET 29.2 database (CC BY 4.0, https://www.onetcenter.org, used with attribution):

* title: the job title in ``CATEGORIES`` below (ours), with the O*NET occupation named;
* responsibilities: the occupation's Core task statements (``Task Statements.txt``), in the
  order O*NET lists them: the first 5 of the primary occupation, then up to 3 of the
  secondary one (8 at most);
* required skills: its Technology Skills, In Demand and Hot first, then the most specific
  (listed for the fewest occupations); office software every occupation lists is capped;
* nice to have: the next few technology skills;
* education: the most common "Required Level of Education" answer, falling back to the Job
  Zone; years: the most common "Related Work Experience" answer.

Only this mapping table and the composer are in the repository; the job texts are derived
when a benchmark runs and are never committed. ``python benchmarks/jobs_onet.py --out DIR``
writes them out for reading.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import data_arg, resolve_data, skip

ONET = "taxonomy_onet"


@dataclass(frozen=True)
class Category:
    title: str  # the job title we advertise
    codes: tuple[str, ...]  # O*NET-SOC codes, primary first
    area: str  # field of study asked for


# Chosen by hand: the occupation(s) a livecareer resume of that category most often describes.
CATEGORIES: dict[str, Category] = {
    "ACCOUNTANT": Category("Staff Accountant", ("13-2011.00",), "Accounting"),
    "ADVOCATE": Category("Attorney / Legal Advocate", ("23-1011.00", "23-2011.00"), "Law"),
    "AGRICULTURE": Category("Agricultural Operations Manager", ("11-9013.00", "19-4012.00"), "Agricultural Science"),
    "APPAREL": Category("Apparel Designer", ("27-1022.00", "51-6052.00"), "Fashion Design"),
    "ARTS": Category("Artist and Arts Instructor", ("27-1013.00", "25-1121.00"), "Fine Arts"),
    "AUTOMOBILE": Category("Automotive Service Technician", ("49-3023.00", "17-2141.02"), "Automotive Technology"),
    "AVIATION": Category("Aircraft Maintenance Technician", ("49-3011.00", "53-2011.00"), "Aviation"),
    "BANKING": Category("Banking Officer", ("13-2072.00", "43-3071.00"), "Finance"),
    "BPO": Category("Customer Service Representative (BPO)", ("43-4051.00",), "Business"),
    "BUSINESS-DEVELOPMENT": Category("Business Development Manager", ("11-2022.00", "13-1161.00"), "Business Administration"),
    "CHEF": Category("Executive Chef", ("35-1011.00", "35-2014.00"), "Culinary Arts"),
    "CONSTRUCTION": Category("Construction Manager", ("11-9021.00", "47-1011.00"), "Construction Management"),
    "CONSULTANT": Category("Management Consultant", ("13-1111.00",), "Business Administration"),
    "DESIGNER": Category("Graphic Designer", ("27-1024.00", "27-1025.00"), "Graphic Design"),
    "DIGITAL-MEDIA": Category("Digital Media Specialist", ("13-1161.01", "27-1014.00"), "Digital Media"),
    "ENGINEERING": Category("Mechanical Engineer", ("17-2141.00", "17-2071.00"), "Mechanical Engineering"),
    "FINANCE": Category("Financial Analyst", ("13-2051.00", "11-3031.00"), "Finance"),
    "FITNESS": Category("Fitness Trainer", ("39-9031.00",), "Exercise Science"),
    "HEALTHCARE": Category("Healthcare Services Manager", ("11-9111.00", "29-1141.00"), "Health Administration"),
    "HR": Category("Human Resources Specialist", ("13-1071.00", "11-3121.00"), "Human Resources"),
    "INFORMATION-TECHNOLOGY": Category("IT Manager", ("11-3021.00", "15-1244.00"), "Information Technology"),
    "PUBLIC-RELATIONS": Category("Public Relations Specialist", ("27-3031.00", "11-2032.00"), "Communications"),
    "SALES": Category("Sales Representative", ("41-4012.00", "41-3091.00"), "Business"),
    "TEACHER": Category("Teacher", ("25-2021.00", "25-2031.00"), "Education"),
}

# O*NET "Required Level of Education" categories -> how a job ad says it.
EDUCATION = {
    1: None, 2: "High school diploma", 3: "Post-secondary certificate", 4: "Some college",
    5: "Associate's degree", 6: "Bachelor's degree", 7: "Bachelor's degree", 8: "Master's degree",
    9: "Master's degree", 10: "Professional degree", 11: "Doctoral degree", 12: "Doctoral degree",
}
JOB_ZONE_EDUCATION = {1: None, 2: "High school diploma", 3: "Associate's degree", 4: "Bachelor's degree", 5: "Master's degree"}
# O*NET "Related Work Experience" categories -> minimum whole years asked for.
EXPERIENCE_YEARS = {6: 1, 7: 2, 8: 4, 9: 6, 10: 8, 11: 10}
GENERIC_DF = 150  # a technology listed for this many occupations says little about the job
MAX_GENERIC = 2


@dataclass
class Onet:
    titles: dict[str, str]
    tasks: dict[str, list[str]]
    tech: dict[str, list[tuple[str, bool, bool]]]  # code -> (example, hot, in demand)
    tech_df: Counter
    education: dict[str, dict[int, float]]  # code -> RL category -> share
    experience: dict[str, dict[int, float]]  # code -> RW category -> share
    zones: dict[str, int] = field(default_factory=dict)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=2)
def load_onet(folder: Path) -> Onet:
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in _rows(folder / "Occupation Data.txt")}
    tasks: dict[str, list[str]] = defaultdict(list)
    for r in _rows(folder / "Task Statements.txt"):
        if r["Task Type"] == "Core":
            tasks[r["O*NET-SOC Code"]].append(r["Task"].strip())
    tech: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
    df: Counter = Counter()
    for r in _rows(folder / "Technology Skills.txt"):
        tech[r["O*NET-SOC Code"]].append((r["Example"].strip(), r["Hot Technology"] == "Y", r["In Demand"] == "Y"))
        df[r["Example"].strip()] += 1
    education: dict[str, dict[int, float]] = defaultdict(dict)
    experience: dict[str, dict[int, float]] = defaultdict(dict)
    for r in _rows(folder / "Education, Training, and Experience.txt"):
        target = {"RL": education, "RW": experience}.get(r["Scale ID"])
        if target is not None:
            target[r["O*NET-SOC Code"]][int(r["Category"])] = float(r["Data Value"])
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in _rows(folder / "Job Zones.txt")}
    return Onet(titles, dict(tasks), dict(tech), df, dict(education), dict(experience), zones)


def _modal(shares: dict[int, float] | None) -> int | None:
    return max(shares, key=lambda c: (shares[c], -c)) if shares else None


def pick_skills(onet: Onet, codes: tuple[str, ...], n_required: int = 6, n_nice: int = 4) -> tuple[list[str], list[str]]:
    """Required and nice-to-have technology skills, In Demand/Hot first, then most specific."""
    seen: dict[str, tuple[int, int, int]] = {}
    for rank, code in enumerate(codes):
        for example, hot, demand in onet.tech.get(code, []):
            key = (-(int(demand) + int(hot)) + rank, onet.tech_df[example], rank)
            if example not in seen or key < seen[example]:
                seen[example] = key
    ordered = sorted(seen, key=lambda e: (seen[e], e))
    picked: list[str] = []
    generic = 0
    for e in ordered:
        if onet.tech_df[e] >= GENERIC_DF:
            if generic >= MAX_GENERIC:
                continue
            generic += 1
        picked.append(e)
    return picked[:n_required], picked[n_required : n_required + n_nice]


def compose(category: str, onet: Onet, n_tasks: int = 8) -> str:
    """The job description text for one livecareer category."""
    cat = CATEGORIES[category]
    primary = cat.codes[0]
    tasks = list(onet.tasks.get(primary, []))[: max(n_tasks - 3, 5)]
    for code in cat.codes[1:]:
        tasks += [t for t in onet.tasks.get(code, []) if t not in tasks][:3]
    tasks = tasks[:n_tasks]
    required, nice = pick_skills(onet, cat.codes)
    level = _modal(onet.education.get(primary))
    degree = EDUCATION.get(level) if level else JOB_ZONE_EDUCATION.get(onet.zones.get(primary, 0))
    years = EXPERIENCE_YEARS.get(_modal(onet.experience.get(primary)) or 0)
    occupation = onet.titles.get(primary, primary)
    article = "an" if cat.title[0].upper() in "AEIOU" else "a"
    lines = [cat.title, "", f"We are hiring {article} {cat.title} ({occupation}).", "", "Responsibilities:"]
    lines += [f"- {t}" for t in tasks]
    lines += ["", "Requirements:"]
    if years:
        lines.append(f"- {years}+ years of experience as {article} {cat.title} or in a similar role")
    if degree:
        field_of_study = f" in {cat.area} or a related field" if "degree" in degree else ""
        lines.append(f"- {degree}{field_of_study}")
    lines += [f"- Experience with {s}" for s in required]
    if nice:
        lines += ["", "Nice to have:"]
        lines += [f"- {s}" for s in nice]
    return "\n".join(lines) + "\n"


def onet_jobs(data: str | Path | None = None) -> dict[str, str]:
    """Category -> job text for all 24 categories; skips (exit 0) when O*NET is absent."""
    folder = resolve_data(data, ONET)
    if not (folder / "Task Statements.txt").is_file():
        skip(f"O*NET not found at {folder}")
    onet = load_onet(folder)
    missing = [c for cat in CATEGORIES.values() for c in cat.codes if c not in onet.titles]
    if missing:
        raise SystemExit(f"O*NET codes not in this O*NET release: {missing}")
    return {category: compose(category, onet) for category in CATEGORIES}


def main() -> None:
    parser = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--out", type=Path, help="write one <CATEGORY>.txt per job here (not inside the repository)")
    parser.add_argument("--show", default=None, help="print the job for this category")
    args = parser.parse_args()
    jobs = onet_jobs(args.data)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for category, text in jobs.items():
            (args.out / f"{category}.txt").write_text(text, encoding="utf-8")
        print(f"wrote {len(jobs)} jobs to {args.out}")
    for category, text in jobs.items():
        if args.show is None or args.show == category:
            print(text if args.show else text.splitlines()[0] + f"  [{category}]")


if __name__ == "__main__":
    main()
