"""Verdicts per requirement and plain-language reasons, quoting only the resume.

A recruiter must be able to check every claim: each verdict's evidence is a span of
``Profile.text`` in text the view considers clean (never hidden or injected text), found
through the profile's own evidence (skill mentions, work and education entries) or by
locating the exact words in the visible text. Nothing is paraphrased into a quote.
Reasons are short sentences built from the parts and verdicts, in Chinese for Chinese jobs.
"""
from __future__ import annotations

from shortlist.match.context import JobContext, job_education, job_years
from shortlist.match.model import PartScore, Verdict
from shortlist.match.skillmatch import RequirementSkills
from shortlist.match.text import tokenize
from shortlist.match.view import CandidateView
from shortlist.profile.model import DegreeLevel, Evidence, Requirement

MAX_EVIDENCE = 3
N_REASONS = 3
# On the embedders' calibrated scale ~0.9 means "same thing" and ~0.5 "same field"; short
# titles score generously, so only a near-match is named as a reason.
HIGH_SIMILARITY = 0.85
LOW_SIMILARITY = 0.4
_ZH_LEVEL = {
    DegreeLevel.HIGH_SCHOOL: "高中", DegreeLevel.ASSOCIATE: "大专", DegreeLevel.BACHELOR: "本科",
    DegreeLevel.MASTER: "硕士", DegreeLevel.DOCTORATE: "博士", DegreeLevel.OTHER: "其他",
}


def _level_name(level: DegreeLevel | None, zh: bool) -> str:
    if level is None:
        return "无" if zh else "none stated"
    return _ZH_LEVEL[level] if zh else level.value.replace("_", " ")


def _evidence(evs: list[Evidence | None]) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    out = []
    for ev in evs:
        if ev is not None and (ev.start, ev.end) not in seen:
            seen.add((ev.start, ev.end))
            out.append(ev)
    return out[:MAX_EVIDENCE]


def _listing(items: list[str], zh: bool, most: int = 4) -> str:
    """"a, b, c, d and 3 more": a reason stays one readable line."""
    sep = "、" if zh else ", "
    if len(items) <= most:
        return sep.join(items)
    rest = len(items) - most
    return sep.join(items[:most]) + (f" 等 {len(items)} 项" if zh else f" and {rest} more")


def _fmt(x: float) -> str:
    return f"{x:g}" if x == int(x) else f"{x:.1f}"


# ---------------------------------------------------------------------------- verdicts
def _skill(ctx: JobContext, view: CandidateView, req: Requirement) -> Verdict:
    rs = next((r for r in ctx.required + ctx.nice if r.requirement.id == req.id), None)
    rs = rs or RequirementSkills(req, ctx.taxonomy)
    m = rs.best(view)
    mentions = sorted(m.use.mentions, key=lambda x: x.source != "work") if m.use else []
    return Verdict(requirement_id=req.id, label=req.label, required=req.required, status=m.status, how=m.how,
                   evidence=_evidence([view.in_context(x.evidence) for x in mentions if view.clean(x.evidence)]))


def _years(ctx: JobContext, view: CandidateView, req: Requirement) -> Verdict:
    need = req.min_years or job_years(ctx.job) or 0.0
    have = view.years
    if have is None:
        status, how = "missing", "no dated work history"
    else:
        status = "met" if have >= need else ("partial" if have > 0 else "missing")
        how = f"{_fmt(have)} of {_fmt(need)} years"
    quotes = [view.first_line(w.evidence) for _, w in view.work if w.evidence and w.start]
    return Verdict(requirement_id=req.id, label=req.label, required=req.required, status=status, how=how,
                   evidence=_evidence(quotes))


def _education(ctx: JobContext, view: CandidateView, req: Requirement) -> Verdict:
    level = req.level or job_education(ctx.job)[0]
    entries = sorted((e for e in view.education if e.level), key=lambda e: -e.level.rank)  # type: ignore[union-attr]
    best = entries[0] if entries else None
    if level is None:
        status = "met" if view.education else "missing"
        how = best.level.value if best and best.level else ("education listed" if view.education else "none stated")
    elif best is None:
        status, how = "missing", "no degree stated"
    else:
        assert best.level is not None
        status = "met" if best.level.rank >= level.rank else "partial"
        how = f"{best.level.value} ({level.value} asked)"
    area = req.area or job_education(ctx.job)[1]
    if area and view.area_text():
        how += f"; field: {view.area_text()}"
    quotes = [view.first_line(e.evidence) for e in ([best] if best else view.education) if e.evidence]
    return Verdict(requirement_id=req.id, label=req.label, required=req.required, status=status, how=how,
                   evidence=_evidence(quotes))


def _stated(view: CandidateView, req: Requirement, candidates: list[Evidence | None]) -> Verdict:
    """Language / location: met when the asked value is written in a clean, relevant place."""
    value = (req.value or req.label).strip()
    hits = [ev for ev in candidates if ev is not None and view.clean(ev) and value.lower() in ev.text.lower()]
    if not hits and value:
        hits = [view.find(value)]
    hits = [h for h in hits if h is not None]
    status = "met" if hits else "missing"
    how = f"states {value}" if hits else f"{value} not found in the resume"
    return Verdict(requirement_id=req.id, label=req.label, required=req.required, status=status, how=how,
                   evidence=_evidence(hits))


def _authorization(view: CandidateView, req: Requirement) -> Verdict:
    lines = [ev for ev in view.auth_lines if view.clean(ev)]
    status = "met" if lines else "missing"
    how = "stated in the resume" if lines else "not stated; ask the candidate"
    return Verdict(requirement_id=req.id, label=req.label, required=req.required, status=status, how=how,
                   evidence=_evidence(lines))


def _other(view: CandidateView, req: Requirement) -> Verdict:
    """Free-text requirement: the share of its words the visible resume uses (no inference)."""
    words = list(dict.fromkeys(tokenize(req.value or req.label)))
    found = [w for w in words if view.counts.get(w)]
    share = len(found) / len(words) if words else 0.0
    status = "met" if share >= 0.6 else ("partial" if found else "missing")
    how = (f"{len(found)} of {len(words)} key words found" if words else "nothing to check") + \
        ("" if status == "met" else "; check by hand")
    return Verdict(requirement_id=req.id, label=req.label, required=req.required, status=status, how=how,
                   evidence=_evidence([view.find(w) for w in found]))


def verdicts(ctx: JobContext, view: CandidateView) -> list[Verdict]:
    """One verdict per job requirement, in the job's order."""
    out = []
    for req in ctx.job.requirements:
        if req.kind == "skill":
            out.append(_skill(ctx, view, req))
        elif req.kind == "years":
            out.append(_years(ctx, view, req))
        elif req.kind == "education":
            out.append(_education(ctx, view, req))
        elif req.kind == "language":
            out.append(_stated(view, req, [v.evidence for v in view.profile.languages]))
        elif req.kind == "location":
            loc = view.profile.location
            out.append(_stated(view, req, [loc.evidence if loc else None]))
        elif req.kind == "authorization":
            out.append(_authorization(view, req))
        else:
            out.append(_other(view, req))
    return out


# ---------------------------------------------------------------------------- reasons
def reasons(ctx: JobContext, view: CandidateView, parts: list[PartScore], vs: list[Verdict]) -> tuple[list[str], list[str]]:
    """Up to three reasons for and three against, strongest first."""
    zh = ctx.chinese
    part = {p.name: p for p in parts}
    skills = [v for v in vs if _is_skill(ctx, v)]
    req_sk = [v for v in skills if v.required]
    nice_sk = [v for v in skills if not v.required]
    name = {r.id: r.skill or r.label for r in ctx.job.requirements}
    met = [name[v.requirement_id] for v in req_sk if v.status == "met"]
    partial = [f"{name[v.requirement_id]} ({v.how})" for v in req_sk if v.status == "partial"]
    missing = [name[v.requirement_id] for v in req_sk if v.status == "missing"]
    pro: list[str] = []
    con: list[str] = []

    if view.needs_review:
        con.append("简历含隐藏或诱导性文字，需人工复核（这些文字未计分）" if zh
                   else "Hidden or instruction-like text found (not scored): a person must review this resume")
    if met:
        pro.append(f"满足 {len(met)}/{len(req_sk)} 项必备技能：{_listing(met, zh)}" if zh
                   else f"Meets {len(met)} of {len(req_sk)} required skills: {_listing(met, zh)}")
    if missing:
        con.append(f"缺少必备技能：{_listing(missing, zh)}" if zh else f"Missing required skills: {_listing(missing, zh)}")
    if partial:
        con.append(f"部分满足：{_listing(partial, zh, 3)}" if zh else f"Only partly meets: {_listing(partial, zh, 3)}")

    need = job_years(ctx.job)
    if need:
        if view.years is not None and view.years >= need:
            pro.append(f"{_fmt(view.years)} 年工作经验（要求 {_fmt(need)} 年）" if zh
                       else f"{_fmt(view.years)} years of experience ({_fmt(need)} asked)")
        else:
            have = "未注明" if zh and view.years is None else ("not stated" if view.years is None else _fmt(view.years))
            con.append(f"工作年限 {have}（要求 {_fmt(need)} 年）" if zh else f"Years of experience: {have} ({_fmt(need)} asked)")

    level = job_education(ctx.job)[0]
    if level is not None:
        rank = view.degree_rank()
        best = max((e.level for e in view.education if e.level), key=lambda x: x.rank, default=None)
        if rank >= level.rank:
            pro.append(f"学历{_level_name(best, zh)}（要求{_level_name(level, zh)}）" if zh
                       else f"Degree: {_level_name(best, zh)} ({_level_name(level, zh)} asked)")
        else:
            con.append(f"学历{_level_name(best, zh)}，低于要求的{_level_name(level, zh)}" if zh
                       else f"Degree: {_level_name(best, zh)}, below the {_level_name(level, zh)} asked")

    sem = part.get("semantic")
    if sem and sem.weight > 0:
        if sem.value >= HIGH_SIMILARITY:
            pro.append("工作经历与岗位职责高度相关" if zh else "Experience closely matches the role's duties")
        elif sem.value < LOW_SIMILARITY:
            con.append("工作经历与岗位职责关联较弱" if zh else "Experience is far from the role's duties")
    title = part.get("title_fit")
    if title and title.weight > 0 and view.titles and title.value >= HIGH_SIMILARITY:
        pro.append(f"近期职位“{view.titles[0]}”与岗位相近" if zh else f"Recent title '{view.titles[0]}' is close to the role")
    nice_met = [name[v.requirement_id] for v in nice_sk if v.status == "met"]
    if nice_met:
        pro.append(f"加分技能：{_listing(nice_met, zh)}" if zh else f"Also has nice-to-have skills: {_listing(nice_met, zh)}")
    if not pro and not view.profile.text.strip():
        con.append("简历没有可读文字" if zh else "The resume has no readable text")
    return pro[:N_REASONS], con[:N_REASONS]


def _is_skill(ctx: JobContext, v: Verdict) -> bool:
    return any(r.id == v.requirement_id and r.kind == "skill" for r in ctx.job.requirements)
