"""Job descriptions (English and Chinese) -> ``Job``: title, seniority, and requirements
that each quote the sentence of the job text they come from.

Rule for required vs nice-to-have skills (and years, degree, languages), per clause:

1. A cue word in the clause decides: "nice to have", "preferred", "a plus", "bonus",
   "ideally", "优先", "加分", "更佳" (and "our stack:") make it optional; "must",
   "required", "必须" make it required. A cue inside brackets ("Go (Rust a plus)") only
   covers the bracket; a clause with both kinds of cue is read comma by comma. Clauses
   end at sentence ends, semicolons and Chinese commas ("熟悉Go，有Kafka经验者优先").
2. Otherwise the section decides: "Nice to have"/"Preferred"/"加分项" sections and a
   "Tech stack" section (tools the team uses) are optional; requirement sections,
   responsibilities, the title, the text before the first heading and sections of unknown
   kind are required. So a skill mentioned only under responsibilities is required.
3. "About us", "Benefits" and "How to apply" sections never produce requirements.
4. A skill both required somewhere and optional elsewhere is required.

Years: "3+ years of Go" / "Python (3+ years)" / "3年以上Go开发经验" set that skill's
``min_years``; other figures give the overall minimum (the largest required one, those in a
requirements section first). When a job states years only for skills in an "experience"
sentence ("3+ years of experience in data science"), that figure is the overall one too.

Requirement ids are stable: "skill:<Canonical>", "years", "education", "language:<name>",
"location", "authorization". Every ``Evidence`` satisfies ``job.text[e.start:e.end] == e.text``.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from shortlist.documents.model import Document
from shortlist.profile import job_rules as rules
from shortlist.profile.job_sections import IGNORED_KINDS, Clause, Layout, read_layout
from shortlist.profile.lang import detect_language
from shortlist.profile.model import DegreeLevel, Evidence, Job, Requirement, Val
from shortlist.profile.spans import evidence

# A clause longer than this is quoted only around the skill mention (a one-paragraph job).
_MAX_QUOTE = 240
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_OPTIONAL_KINDS = frozenset({"nice", "stack"})


class SkillHitLike(Protocol):
    """What the skill extractor returns (``shortlist.skills.extract.SkillHit``)."""

    name: str
    start: int
    end: int
    surface: str
    confidence: float


SkillExtractor = Callable[[str], Sequence[SkillHitLike]]


@dataclass(frozen=True, slots=True)
class _Repeat:
    """A later mention of a skill the extractor found elsewhere in the same job."""

    name: str
    start: int
    end: int
    surface: str
    confidence: float


def _with_repeats(visible: str, hits: Sequence[SkillHitLike]) -> list[SkillHitLike]:
    """Add the other occurrences of each surface the extractor accepted somewhere in the job.

    The extractor rightly wants context before it reads "Go" as a language; once the job has
    used it as one ("Go, PostgreSQL"), "3+ years of Go" in the same job means the same thing.
    Matching is case-sensitive on the exact surface, on word boundaries.
    """
    out: list[SkillHitLike] = list(hits)
    taken = bytearray(len(visible) + 1)  # 1 where a mention already sits
    for h in hits:
        taken[h.start:h.end] = b"\x01" * (h.end - h.start)
    by_surface: dict[str, SkillHitLike] = {}
    for h in hits:
        if len(h.surface.strip()) >= 2:
            by_surface.setdefault(h.surface, h)
    for surface, h in by_surface.items():
        rx = re.compile(rf"(?<![A-Za-z0-9+#.]){re.escape(surface)}(?![A-Za-z0-9+#])")
        for m in rx.finditer(visible):
            if any(taken[m.start():m.end()]):
                continue
            out.append(_Repeat(h.name, m.start(), m.end(), m.group(0), round(h.confidence * 0.9, 3)))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return out


def _default_extractor() -> SkillExtractor:
    from shortlist.skills.extract import extract_skills  # imported late: it loads the taxonomy

    return extract_skills


# ----------------------------------------------------------------------------- public API


def parse_job_text(text: str, source: str | None = None, *, skills: SkillExtractor | None = None) -> Job:
    """Parse a job description given as plain text or Markdown. ``skills`` replaces the
    skill extractor (e.g. one built on a custom taxonomy)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _parse(text, text, source, sha, skills or _default_extractor())


def parse_job_document(doc: Document, *, skills: SkillExtractor | None = None) -> Job:
    """Parse an extracted document. Hidden text stays in ``Job.text`` but is blanked
    before parsing, so it never becomes a requirement."""
    return _parse(doc.text, doc.visible_text(), doc.source or None, doc.sha256 or None, skills or _default_extractor())


def parse_job_path(path: str | Path, *, skills: SkillExtractor | None = None) -> Job:
    """Extract a file (text, Markdown, PDF, DOCX, HTML) and parse it as a job description.
    Extraction failures raise ``ExtractionError`` with a reason."""
    from shortlist.documents.extract import extract_path

    return parse_job_document(extract_path(Path(path)), skills=skills)


# ----------------------------------------------------------------------------- parsing


@dataclass
class _SkillAcc:
    name: str
    required: bool
    first: int  # document order
    ev: Evidence | None
    years: float | None = None


@dataclass
class _Ctx:
    text: str  # Job.text (quotes come from here)
    visible: str  # what is parsed (hidden text blanked, same offsets)
    layout: Layout
    req: list[bool | None] = field(default_factory=list)  # per clause; None: ignored section

    def clause_text(self, c: Clause) -> str:
        return self.visible[c.start:c.end]

    def quote(self, c: Clause, around: tuple[int, int] | None = None, confidence: float = 1.0) -> Evidence | None:
        if around is not None and c.end - c.start > _MAX_QUOTE:
            return evidence(self.text, around[0], around[1], confidence)
        return evidence(self.text, c.start, c.end, confidence)


def _clause_required(c: Clause, text: str) -> bool | None:
    if c.kind in IGNORED_KINDS:
        return None
    said = rules.cue(_PAREN.sub(" ", text))
    if said is not None:
        return said
    return c.kind not in _OPTIONAL_KINDS


def _required_at(ctx: _Ctx, i: int, pos: int) -> bool | None:
    """Required-ness at one offset: a cue inside the bracket around ``pos`` wins; a clause
    holding both kinds of cue ("Python required, Go a plus") is read comma by comma, each
    part without a cue taking the one before it ("Must have Python, Go, and ideally Rust")."""
    base = ctx.req[i]
    if base is None:
        return None
    c = ctx.layout.clauses[i]
    for m in _PAREN.finditer(ctx.visible, c.start, c.end):
        if m.start() <= pos < m.end():
            said = rules.cue(m.group(0))
            if said is not None:
                return said
    bare = _PAREN.sub(lambda m: " " * len(m.group(0)), ctx.clause_text(c))
    if rules.REQUIRED_CUE.search(bare) and (rules.NICE_CUE.search(bare) or rules.STACK_CUE.search(bare)):
        default = c.kind not in _OPTIONAL_KINDS
        state: bool | None = None
        offset = c.start
        for part in re.split(r"(?<=,)", bare):
            said = rules.cue(part)
            state = said if said is not None else state
            if offset <= pos < offset + len(part):
                return default if state is None else state
            offset += len(part)
    return base


def _parse(text: str, visible: str, source: str | None, sha: str | None, extract: SkillExtractor) -> Job:
    layout = read_layout(visible)
    ctx = _Ctx(text, visible, layout)
    ctx.req = [_clause_required(c, ctx.clause_text(c)) for c in layout.clauses]
    starts = [c.start for c in layout.clauses]

    def clause_of(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and layout.clauses[i].start <= pos < layout.clauses[i].end:
            return i
        return None

    hits = sorted(_with_repeats(visible, extract(visible)), key=lambda h: (h.start, -h.end))
    per_clause: dict[int, list[SkillHitLike]] = {}
    for h in hits:
        i = clause_of(h.start)
        if i is not None and h.end <= layout.clauses[i].end:
            per_clause.setdefault(i, []).append(h)

    skills = _skills(ctx, per_clause)
    overall = _years(ctx, per_clause, skills)

    job = Job(source=source, sha256=sha, language=detect_language(visible), text=text)
    if layout.title:
        ev = evidence(text, *layout.title)
        if ev:
            job.title = Val[str](value=ev.text, evidence=ev)
            job.seniority = rules.title_seniority(ev.text)
    if job.seniority is None:
        job.seniority = rules.text_seniority(visible)

    reqs: list[Requirement] = []
    ordered = sorted(skills.values(), key=lambda a: (not a.required, a.first))
    for acc in ordered:
        label = acc.name + (f", {_fmt_years(acc.years)}+ years" if acc.years else "")
        reqs.append(Requirement(
            id=f"skill:{acc.name}", kind="skill", label=label, required=acc.required, skill=acc.name,
            min_years=acc.years, evidence=acc.ev,
        ))
    if overall is not None:
        years, required, ev = overall
        job.min_years = years
        reqs.append(Requirement(
            id="years", kind="years", label=f"{_fmt_years(years)}+ years of experience", required=required,
            min_years=years, evidence=ev,
        ))
    edu = _education(ctx)
    if edu is not None:
        reqs.append(edu)
        job.education_level, job.education_area = edu.level, edu.area
    for lang in _languages(ctx):
        reqs.append(lang)
        job.languages.append(lang.value or "")
    place, remote, hybrid, remote_ev = _location(ctx)
    job.location, job.remote = place, remote
    if place is not None or remote:
        where = place.value if place else "Remote"
        extra = " (hybrid)" if hybrid else (" (remote possible)" if remote and place else "")
        reqs.append(Requirement(
            id="location", kind="location", label=f"Location: {where}{extra}", value=where,
            evidence=place.evidence if place else remote_ev,
        ))
    auth = _authorization(ctx)
    if auth is not None:
        reqs.append(auth)
    job.requirements = reqs
    job.responsibilities = _responsibilities(ctx)
    return job


def _skills(ctx: _Ctx, per_clause: dict[int, list[SkillHitLike]]) -> dict[str, _SkillAcc]:
    """One requirement per canonical skill. The field of a degree ("in Computer Science")
    is the education requirement's area, not a skill."""
    out: dict[str, _SkillAcc] = {}
    for i, hs in sorted(per_clause.items()):
        c = ctx.layout.clauses[i]
        area = _clause_area(ctx.clause_text(c))
        for h in hs:
            if area and h.surface.lower() in area.lower():
                continue
            required = _required_at(ctx, i, h.start)
            if required is None:
                continue
            ev = ctx.quote(c, (h.start, h.end), h.confidence)
            acc = out.get(h.name)
            if acc is None:
                out[h.name] = _SkillAcc(h.name, required, h.start, ev)
            elif required and not acc.required:
                acc.required, acc.ev = True, ev
    return out


def _bound_skills(ctx: _Ctx, c: Clause, hs: list[SkillHitLike], ph: rules.YearsPhrase) -> list[SkillHitLike]:
    """Skills a years phrase is about: right after it ("3+ years of Go or Rust",
    "3年以上Java开发经验") or right before it ("Python (3+ years)", "Java开发经验3年以上")."""
    a, b = c.start + ph.start, c.start + ph.end
    after = [h for h in hs if h.start >= b]
    bound: list[SkillHitLike] = []
    if after and rules.years_to_skill_gap(ctx.visible[b:after[0].start]):
        bound.append(after[0])
        for prev, nxt in itertools.pairwise(after):
            if not rules.skill_list_gap(ctx.visible[prev.end:nxt.start]):
                break
            bound.append(nxt)
        return bound
    before = [h for h in hs if h.end <= a]
    if before and rules.skill_to_years_gap(ctx.visible[before[-1].end:a]):
        bound = [before[-1]]
        for nxt, prev in zip(before[::-1], before[-2::-1]):
            if not rules.skill_list_gap(ctx.visible[prev.end:nxt.start]):
                break
            bound.append(prev)
    return bound


def _years(
    ctx: _Ctx, per_clause: dict[int, list[SkillHitLike]], skills: dict[str, _SkillAcc]
) -> tuple[float, bool, Evidence | None] | None:
    """Per-skill minimum years go onto the skill; the rest is the overall minimum: the
    largest required figure ("5+ years, incl. 2+ years leading" -> 5), preferring one
    stated in a requirements section, else the largest optional one."""
    overall: list[tuple[bool, bool, float, Evidence | None]] = []
    # "3+ years of experience in data science" / "5年以上Java开发经验": years of experience in
    # one skill. They set the overall minimum only when the job states no other one.
    fallback: list[tuple[bool, bool, float, Evidence | None]] = []
    for i, c in enumerate(ctx.layout.clauses):
        if ctx.req[i] is None:
            continue
        for ph in rules.find_years(ctx.clause_text(c)):
            required = _required_at(ctx, i, c.start + ph.start)
            if required is None:
                continue
            bound = _bound_skills(ctx, c, per_clause.get(i, []), ph)
            specific = [h for h in bound if not rules.GENERIC_SKILL_SURFACE.fullmatch(h.surface.strip())]
            for h in specific:
                acc = skills.get(h.name)
                # A preferred figure ("5+ years of Python preferred") is no hard minimum for a
                # skill that is required elsewhere.
                if acc is None or (acc.required and not required):
                    continue
                if acc.years is None or ph.years > acc.years:
                    acc.years = ph.years
                    acc.ev = ctx.quote(c, (h.start, c.start + ph.end), h.confidence)  # the sentence with the years
            quote = ctx.quote(c, (c.start + ph.start, c.start + ph.end))
            if not specific and ph.context:
                overall.append((required, c.kind == "req", ph.years, quote))
            elif specific and rules.EXPERIENCE_WORD.search(ctx.clause_text(c)):
                fallback.append((required, c.kind == "req", ph.years, quote))
    overall = overall or fallback
    if not overall:
        return None
    required, _, years, ev = max(overall, key=lambda t: t[:3])
    return years, required, ev


def _clause_area(text: str) -> str | None:
    """Field of study named in a clause ("degree in Computer Science", "计算机相关专业")."""
    fact = rules.find_education(text)
    if fact is not None:
        return fact.area
    return rules.find_area(text) if re.search(r"专业|\bmajor\b|\bdegree\b", text, re.IGNORECASE) else None


_LEVEL_LABEL = {
    DegreeLevel.HIGH_SCHOOL: "High school diploma",
    DegreeLevel.ASSOCIATE: "Associate degree",
    DegreeLevel.BACHELOR: "Bachelor's degree",
    DegreeLevel.MASTER: "Master's degree",
    DegreeLevel.DOCTORATE: "Doctorate",
    DegreeLevel.OTHER: "Degree",
}


def _education(ctx: _Ctx) -> Requirement | None:
    """The lowest degree level asked for in a required clause (else in an optional one),
    and the first field of study named anywhere ("计算机相关专业优先" keeps its field)."""
    levels: list[tuple[bool, DegreeLevel, Evidence | None]] = []
    area: str | None = None
    area_required = False
    for i, c in enumerate(ctx.layout.clauses):
        if ctx.req[i] is None or c.kind == "title":
            continue
        t = ctx.clause_text(c)
        fact = rules.find_education(t)
        if fact is not None:
            levels.append((bool(ctx.req[i]), fact.level, ctx.quote(c)))
        found = _clause_area(t)
        if found and area is None:
            area, area_required = found, bool(ctx.req[i])
    if not levels:
        return None
    required = any(r for r, _, _ in levels)
    pool = [t for t in levels if t[0] == required]
    _, level, ev = min(pool, key=lambda t: t[1].rank)
    label = f"{_LEVEL_LABEL[level]} or higher"
    if area:
        label += f" in {area}" + ("" if area_required or not required else " (field preferred)")
    return Requirement(id="education", kind="education", label=label, required=required, level=level, area=area, evidence=ev)


def _languages(ctx: _Ctx) -> list[Requirement]:
    found: dict[str, Requirement] = {}
    for i, c in enumerate(ctx.layout.clauses):
        if ctx.req[i] is None or c.kind == "title":
            continue
        for fact in rules.find_languages(ctx.clause_text(c), c.kind in ("req", "nice")):
            required = bool(_required_at(ctx, i, c.start + fact.start))
            old = found.get(fact.name)
            if old is not None and (old.required or not required):
                continue
            label = fact.name + (f" ({fact.detail})" if fact.detail else "")
            found[fact.name] = Requirement(
                id=f"language:{fact.name}", kind="language", label=label, required=required, value=fact.name,
                evidence=ctx.quote(c, (c.start + fact.start, c.start + fact.end)),
            )
    return list(found.values())


def _location(ctx: _Ctx) -> tuple[Val[str] | None, bool | None, bool, Evidence | None]:
    """Place (labelled line, "Location" section, header line, "【北京】" in the title, a
    known city), whether the job is remote, whether hybrid, and the quote saying remote."""
    place: Val[str] | None = None
    layout = ctx.layout
    if layout.title:
        line_start = ctx.visible.rfind("\n", 0, layout.title[0]) + 1
        line_end = ctx.visible.find("\n", layout.title[0])
        line_end = len(ctx.visible) if line_end < 0 else line_end
        br = rules.bracket_place(ctx.visible[line_start:line_end])
        if br:
            ev = evidence(ctx.text, line_start + br[0], line_start + br[1])
            if ev and not re.fullmatch(r"remote|远程", ev.text, re.IGNORECASE):
                place = Val[str](value=ev.text, evidence=ev)
    if place is None and layout.items:
        # The header line(s) right under the title: "Acme · Seattle, WA (hybrid) · Full-time".
        for it in layout.items[:3]:
            if it.kind not in ("intro", "role"):
                break
            span = rules.meta_place(ctx.visible[it.start:it.end])
            if span:
                ev = evidence(ctx.text, it.start + span[0], it.start + span[1])
                if ev:
                    place = Val[str](value=ev.text, evidence=ev)
                break
    if place is None:
        place = _city_place(ctx)
    yes = no = explicit_no = hybrid = False
    remote_ev: Evidence | None = None
    for i, c in enumerate(layout.clauses):
        if c.kind in ("apply", "benefits"):
            continue
        t = ctx.clause_text(c)
        if place is None and c.kind != "about":
            span = rules.find_place(t, c.kind == "location")
            if span:
                ev = evidence(ctx.text, c.start + span[0], c.start + span[1])
                if ev:
                    place = Val[str](value=ev.text, evidence=ev)
        remote, hy, neg = rules.remote_status(t)
        if remote is True and remote_ev is None:
            remote_ev = ctx.quote(c)
        yes |= remote is True
        no |= remote is False
        explicit_no |= neg
        hybrid |= hy
    if layout.title:  # the whole title line: "[Remote] Backend Engineer", "后端开发（可远程）"
        a = ctx.visible.rfind("\n", 0, layout.title[0]) + 1
        b = ctx.visible.find("\n", layout.title[1])
        b = len(ctx.visible) if b < 0 else b
        line = ctx.visible[a:b]
        if re.search(r"\bremote\b|远程", line, re.IGNORECASE) and rules.remote_status(line)[0] is not False:
            yes = True
            remote_ev = remote_ev or evidence(ctx.text, a, b)
    remote = False if explicit_no else True if yes else False if no else None
    return place, remote, hybrid and not (remote and not no), remote_ev if remote else None


def _city_place(ctx: _Ctx) -> Val[str] | None:
    """Last resort for Chinese posts: the first known city named in the title or in the
    body (not in "About us"/"Benefits"), e.g. "# 北京 - 作业帮 - iOS", "坐落于杭州"."""
    spans = [ctx.layout.title] if ctx.layout.title else []
    spans += [(c.start, c.end) for c in ctx.layout.clauses if c.kind not in IGNORED_KINDS and c.kind != "title"]
    for a, b in spans:
        run = rules.city_run(ctx.visible[a:b])
        if run:
            ev = evidence(ctx.text, a + run[0], a + run[1])
            if ev:
                return Val[str](value=ev.text, evidence=ev)
    return None


def _authorization(ctx: _Ctx) -> Requirement | None:
    """The first work-authorisation condition, quoted with its neighbours in the same item
    ("Must be authorized to work in the EU; visa sponsorship is not available")."""
    clauses = ctx.layout.clauses
    for i, c in enumerate(clauses):
        if c.kind == "benefits" or not rules.find_authorization(ctx.clause_text(c)):
            continue
        end = c.end
        for d in clauses[i + 1:]:
            if d.item != c.item or not rules.find_authorization(ctx.clause_text(d)):
                break
            end = d.end
        ev = evidence(ctx.text, c.start, end)
        if ev is not None:
            value = ev.text
            short = value.rstrip(".;。；") if len(value) <= 100 else value[:97] + "..."
            return Requirement(
                id="authorization", kind="authorization", label=f"Work authorisation: {short}", value=value, evidence=ev,
            )
    return None


def _responsibilities(ctx: _Ctx) -> list[Val[str]]:
    """Items of the responsibilities sections; where a section has bullets, only those
    (the sentence introducing the list is not a duty)."""
    out: list[Val[str]] = []
    items = [it for it in ctx.layout.items if it.kind == "resp"]
    listed = {it.section for it in items if it.bulleted}
    for it in items:
        if it.section in listed and not it.bulleted:
            continue
        s, e = it.start, it.end
        while e > s and ctx.text[e - 1] in ";；,，":
            e -= 1
        ev = evidence(ctx.text, s, e)
        if ev is None or len(re.findall(r"\w+", ev.text)) < 2 and len(ev.text) < 4:
            continue
        out.append(Val[str](value=ev.text, evidence=ev))
    return out


# ----------------------------------------------------------------------------- summary


def _fmt_years(y: float) -> str:
    return str(int(y)) if float(y).is_integer() else f"{y:g}"


def _short_label(r: Requirement) -> str:
    if r.kind == "skill" and r.min_years:
        return f"{r.skill} ({_fmt_years(r.min_years)}+ years)"
    return r.label


def job_summary(job: Job) -> str:
    """One paragraph a recruiter can read in a report: what the job asks for, split into
    must-haves and nice-to-haves, in the order the parser found them."""
    title = job.title.value if job.title else "Untitled job"
    head = title + (f" ({job.seniority})" if job.seniority else "")
    parts = [head + "."]
    loc = next((r for r in job.requirements if r.kind == "location"), None)
    if loc is not None:
        parts.append(loc.label + ".")
    musts: list[str] = []
    for r in job.requirements:
        if r.required and r.kind in ("years", "education", "language"):
            musts.append(r.label if r.kind != "language" else f"{r.label} language")
    if musts:
        parts.append("Requires " + "; ".join(musts) + ".")
    req = [_short_label(r) for r in job.skill_requirements(True)]
    if req:
        parts.append("Must-have skills: " + ", ".join(req) + ".")
    nice = [_short_label(r) for r in job.requirements if not r.required]
    if nice:
        parts.append("Nice to have: " + ", ".join(nice) + ".")
    auth = next((r for r in job.requirements if r.kind == "authorization"), None)
    if auth is not None:
        parts.append(auth.label + ("" if auth.label.endswith(".") else "."))
    if job.responsibilities:
        n = len(job.responsibilities)
        parts.append(f"{n} responsibilit{'y' if n == 1 else 'ies'} listed.")
    return " ".join(parts)
