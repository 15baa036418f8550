"""Field accuracy of the parser on synthetic Chinese resumes whose answers are known.

The resumes come from ``benchmarks/zh_resumes.py`` (the project's own writing, so this runs
without ../shared). A share is rendered to PDF (reportlab STSong-Light) and DOCX and goes
through ``extract_path`` + ``parse_document``, the rest goes to ``parse_text``. Each field is
scored as an exact match after normalisation (NFKC, spaces and case dropped); phones must be
E.164; years of experience must be within 0.25 years; a skill counts as recalled when a
predicted skill's name, one of its mention quotes, or the taxonomy's canonical form of the
written skill equals it. Education and work entries are paired by institution / employer,
then by order. Overall is the mean of the per-field accuracies. Mismatches go to
/tmp/parse_zh_errors.txt.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, markdown_table, skill_canonicaliser, skip, write_block
from benchmarks.zh_resumes import EduTruth, WorkTruth, ZhResume, generate, render_docx, render_pdf
from shortlist.profile.model import Profile

ERRORS_PATH = Path("/tmp/parse_zh_errors.txt")
TARGET = 0.95
YEARS_TOLERANCE = 0.25
FIELDS = ("name", "phone", "email", "city", "gender", "edu_count", "degree_level", "institution", "edu_start", "edu_end",
          "work_count", "employer", "title", "work_start", "work_end", "years_experience", "skills_recall")


def norm(value: object) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    return re.sub(r"[\s·•●|｜:：,，、;；.。()（）\[\]【】-]+", "", text)


class Scorer:
    """Accumulates per-field right/wrong counts and keeps the wrong ones for the error file."""

    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.by_group: dict[str, Counter[str]] = defaultdict(Counter)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def check(self, fld: str, ok: bool, resume: ZhResume, fmt: str, expected: object, got: object) -> None:
        self.total[fld] += 1
        self.right[fld] += ok
        for group in (f"format:{fmt}", f"layout:{resume.layout}"):
            self.by_group[group]["total"] += 1
            self.by_group[group]["right"] += ok
        if not ok:
            self.errors[fld].append(f"{resume.ident} [{fmt}, {resume.layout}] expected {expected!r} got {got!r}")

    def accuracy(self, fld: str) -> float:
        return self.right[fld] / self.total[fld] if self.total[fld] else 0.0

    def overall(self) -> float:
        present = [f for f in FIELDS if self.total[f]]
        return sum(self.accuracy(f) for f in present) / len(present) if present else 0.0


def _pair(truths: list, preds: list, keys: list[tuple[Callable, Callable]]) -> list[tuple[object, object | None]]:
    """Match each true entry to a predicted one: by each (truth key, prediction key) in turn
    (e.g. school and degree, then school alone, since 本科 and 硕士 are often at one school),
    then the remaining ones in order."""
    free = list(range(len(preds)))
    matched: dict[int, int] = {}
    for key_t, key_p in keys:
        for ti, t in enumerate(truths):
            if ti in matched:
                continue
            for pi in free:
                if norm(key_p(preds[pi])) and norm(key_p(preds[pi])) == norm(key_t(t)):
                    matched[ti] = pi
                    free.remove(pi)
                    break
    out = []
    for ti, t in enumerate(truths):
        if ti not in matched and free:
            matched[ti] = free.pop(0)
        out.append((t, preds[matched[ti]] if ti in matched else None))
    return out


def score(resume: ZhResume, profile: Profile | None, fmt: str, today: _dt.date, scorer: Scorer,
          canonical: Callable[[str], str | None]) -> None:
    """Compare one parsed profile with the resume's known answers."""
    got_name = profile.name.value if profile and profile.name else None
    scorer.check("name", norm(got_name) == norm(resume.name), resume, fmt, resume.name, got_name)
    got_phone = profile.phone.value if profile and profile.phone else None
    scorer.check("phone", got_phone == resume.phone_e164, resume, fmt, resume.phone_e164, got_phone)
    got_email = profile.email.value if profile and profile.email else None
    same_email = (got_email or "").strip().casefold() == resume.email.casefold()
    scorer.check("email", same_email, resume, fmt, resume.email, got_email)

    got_city = profile.location.value if profile and profile.location else None
    scorer.check("city", norm(got_city).removesuffix("市") == norm(resume.city), resume, fmt, resume.city, got_city)
    if resume.gender is not None:  # blind screening can only redact what parsing found
        found = profile.sensitive.get("gender") if profile else None
        got_gender = found.value if found else None
        accepted = {"男": {"男", "male", "m"}, "女": {"女", "female", "f"}}[resume.gender]
        ok = norm(got_gender) in accepted
        scorer.check("gender", ok, resume, fmt, resume.gender, got_gender)

    education = list(profile.education) if profile else []
    # Extra or merged entries (a project taken for a job, two degrees run together) show here.
    scorer.check("edu_count", len(education) == len(resume.education), resume, fmt,
                 len(resume.education), len(education))
    edu_keys = [(lambda t: t.school + t.degree, lambda p: f"{p.institution}{p.degree}"),
                (lambda t: t.school, lambda p: p.institution)]
    for t, p in _pair(resume.education, education, edu_keys):
        assert isinstance(t, EduTruth)
        level = p.level.value if p is not None and p.level is not None else None
        scorer.check("degree_level", level == t.level, resume, fmt, t.level, level)
        inst = p.institution if p is not None else None
        scorer.check("institution", norm(inst) == norm(t.school), resume, fmt, t.school, inst)
        for fld, want, have in (("edu_start", t.start, getattr(p, "start", None)),
                                ("edu_end", t.end, getattr(p, "end", None))):
            scorer.check(fld, have == want, resume, fmt, want, have)

    work = list(profile.work) if profile else []
    scorer.check("work_count", len(work) == len(resume.work), resume, fmt, len(resume.work), len(work))
    for t, p in _pair(resume.work, work, [(lambda t: t.company, lambda p: p.employer)]):
        assert isinstance(t, WorkTruth)
        employer = p.employer if p is not None else None
        scorer.check("employer", norm(employer) == norm(t.company), resume, fmt, t.company, employer)
        title = p.title if p is not None else None
        scorer.check("title", norm(title) == norm(t.title), resume, fmt, t.title, title)
        start = p.start if p is not None else None
        scorer.check("work_start", start == t.start, resume, fmt, t.start, start)
        if t.end is None:
            ok = p is not None and p.end is None and p.current
            got = None if p is None else ("至今" if p.current else p.end)
            scorer.check("work_end", ok, resume, fmt, "至今", got)
        else:
            end = p.end if p is not None else None
            scorer.check("work_end", end == t.end, resume, fmt, t.end, end)

    want_years = resume.years_experience(today)
    got_years = profile.years_experience if profile else None
    ok = got_years is not None and abs(got_years - want_years) <= YEARS_TOLERANCE
    scorer.check("years_experience", ok, resume, fmt, want_years, got_years)

    found: set[str] = set()
    for skill in (profile.skills if profile else []):
        found.add(norm(skill.name))
        found.update(norm(m.evidence.text) for m in skill.mentions)
    for written in resume.skills:
        ok = norm(written) in found or norm(canonical(written)) in found - {""}
        scorer.check("skills_recall", ok, resume, fmt, written, None if ok else "missing")


def _score_pass(items: list[tuple[ZhResume, str, Path | None]], today: _dt.date, canonical: Callable[[str], str],
                labeller: object) -> tuple[Scorer, list[str]]:
    """Every resume parsed once with ``labeller`` (AUTO: the shipped model; None: rules alone)."""
    from shortlist.documents.extract import extract_path
    from shortlist.profile.parse import parse_document, parse_text

    scorer = Scorer()
    crashes: list[str] = []
    for resume, fmt, path in items:
        try:
            if path is None:
                profile = parse_text(resume.text, labeller=labeller)
            else:
                profile = parse_document(extract_path(path), labeller=labeller)
        except Exception:  # noqa: BLE001 - a crash is scored as a miss and listed
            crashes.append(f"{resume.ident} [{fmt}]: {traceback.format_exc(limit=4)}")
            profile = None
        score(resume, profile, fmt, today, scorer, canonical)
    if crashes:
        scorer.errors["_crashes"] = crashes
    return scorer, crashes


def run(n: int, seed: int, pdf_share: float, docx_share: float) -> tuple[str, Scorer]:
    from shortlist.profile.parse import AUTO

    today = _dt.date.today()
    resumes = generate(n, seed=seed, today=today)
    n_pdf = int(n * pdf_share)
    n_docx = int(n * docx_share)
    canonical = skill_canonicaliser()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="parse_zh_") as tmp:
        items: list[tuple[ZhResume, str, Path | None]] = []
        for i, resume in enumerate(resumes):
            fmt = "pdf" if i < n_pdf else "docx" if i < n_pdf + n_docx else "text"
            path = None
            if fmt != "text":
                path = (render_pdf if fmt == "pdf" else render_docx)(resume, Path(tmp) / f"{resume.ident}.{fmt}")
            items.append((resume, fmt, path))
        rules, _ = _score_pass(items, today, canonical, None)
        scorer, crashes = _score_pass(items, today, canonical, AUTO)
    elapsed = time.perf_counter() - started

    rows = [[f, scorer.total[f], rules.accuracy(f), scorer.accuracy(f), "met" if scorer.accuracy(f) >= TARGET else "below"]
            for f in FIELDS]
    rows.append(["**overall** (mean of fields)", sum(scorer.total.values()), rules.overall(), scorer.overall(),
                 "met" if scorer.overall() >= TARGET else "below"])
    groups = [[g, c["total"], c["right"] / c["total"] if c["total"] else 0.0]
              for g, c in sorted(scorer.by_group.items())]
    report = "\n".join([
        (f"`make bench-parse-zh`: {n} synthetic Chinese resumes (seed {seed}; {n_pdf} PDF and {n_docx} "
        f"DOCX through extraction, {n - n_pdf - n_docx} as text), {machine()}; {elapsed:.1f} s in all. "
        f"Target >= {TARGET:.2f} per field. Each resume is parsed twice: by the rules alone and as the "
        "product does by default (the shipped Chinese labeller `parser-zh.slm` decides employers, titles, "
        "schools and degrees; the rules fill what it leaves). The labeller never saw these resumes: it "
        "learns from `shortlist.labeller.synth_zh`, another writer's templates and word lists."),
        "",
        markdown_table(["field", "checks", "rules alone", "default (labeller)", f"target {TARGET:.2f}"], rows),
        "",
        markdown_table(["group", "checks", "accuracy (all fields pooled, default)"], groups),
        "",
        ("Exact match after normalisation (NFKC, case, blanks and punctuation dropped); phone as E.164; "
        "city from `location` (a trailing 市 ignored); gender from `sensitive['gender']` (男/女 or "
        "male/female), only where the resume states it; "
        f"years of experience within {YEARS_TOLERANCE} years of the truth (months covered by a job, "
        "first and last month included, 至今 = this month); entries paired by institution / employer, "
        "then order; `*_count` = the number of entries is right; 至今 must come back as `current` "
        "with no end. Skills: the written form, a mention quote, or its taxonomy canonical name. "
        f"Parser or extraction crashes: {len(crashes)}."),
    ])
    return report, scorer


def write_errors(scorer: Scorer, per_field: int = 40) -> None:
    with ERRORS_PATH.open("w", encoding="utf-8") as fh:
        for fld, lines in scorer.errors.items():
            fh.write(f"===== {fld}: {len(lines)} wrong =====\n")
            fh.writelines(line.rstrip() + "\n" for line in lines[:per_field])
            fh.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="how many resumes (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pdf", type=float, default=0.2, help="share rendered to PDF (default 0.2)")
    parser.add_argument("--docx", type=float, default=0.2, help="share rendered to DOCX (default 0.2)")
    parser.add_argument("--data", help="ignored: this benchmark needs no shared data")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    try:
        import shortlist.profile.parse  # noqa: F401
    except ImportError as exc:
        skip(f"shortlist.profile.parse is not available yet ({exc})")
    report, scorer = run(args.n, args.seed, args.pdf, args.docx)
    write_errors(scorer)
    print(report)
    print(f"\nerror examples: {ERRORS_PATH}")
    if not args.no_write:
        print(f"written to {write_block('parse_zh', report)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
