"""Skills in a profile: taxonomy hits grouped by canonical name, tied to sections and jobs.

Months of use come from the dates of the jobs that mention a skill (overlaps once), so
"Python, 5 years" is something the resume shows rather than claims.
"""
from __future__ import annotations

from datetime import date
from operator import attrgetter
from typing import Any

from shortlist.profile.dates import index_to_ym
from shortlist.profile.experience import union_months, work_interval
from shortlist.profile.model import Section, Skill, SkillMention, WorkItem
from shortlist.profile.spans import evidence

try:
    from shortlist.skills.extract import extract_skills as _extract_skills
except ImportError:  # pragma: no cover - the skills package ships with the profile package
    _extract_skills = None

_SOURCE_OF_SECTION = {
    "skills": "skills_section", "work": "work", "projects": "project", "summary": "summary", "objective": "summary",
    "education": "education", "training": "education", "certifications": "skills_section",
}


def _extract(text: str) -> list[Any]:
    """Skill hits from the skills package; empty (not an error) until that package exists."""
    if _extract_skills is None:
        return []
    return list(_extract_skills(text))


_hit_start = attrgetter("start")


def link_skills(
    text: str,
    sections: list[Section],
    work: list[WorkItem],
    today: date | None = None,
    hits: list[Any] | None = None,
    summary_span: tuple[int, int] | None = None,
) -> list[Skill]:
    """Group skill hits (from ``text``, already screened) into :class:`Skill` entries."""
    hits = _extract(text) if hits is None else hits
    work_spans = [(w.evidence.start, w.evidence.end) if w.evidence else (-1, -1) for w in work]
    by_name: dict[str, Skill] = {}
    intervals: dict[str, list[tuple[int, int]]] = {}
    sec_spans = [(s.start, s.end, s.name) for s in sections]
    work_ivs: dict[int, tuple[int, int] | None] = {}  # work_interval of each job, computed once
    for hit in sorted(hits, key=_hit_start):
        start = hit.start
        ev = evidence(text, start, hit.end, float(getattr(hit, "confidence", 1.0)))
        if ev is None:
            continue
        source = "other"
        for a, b, sec_name in sec_spans:  # the first section holding the hit
            if a <= start < b:
                source = _SOURCE_OF_SECTION.get(sec_name, "other")
                break
        work_index = None
        for i, (a, b) in enumerate(work_spans):
            if a <= start < b:
                work_index = i
                break
        if work_index is not None and source == "other":
            source = "work"
        elif source == "other" and summary_span and summary_span[0] <= start < summary_span[1]:
            source = "summary"  # an untitled summary paragraph in the header block
        skill = by_name.get(hit.name)
        if skill is None:
            skill = by_name[hit.name] = Skill(
                name=hit.name, skill_id=getattr(hit, "skill_id", None), category=getattr(hit, "category", None)
            )
            intervals[hit.name] = []
        skill.mentions.append(SkillMention(source=source, evidence=ev, work_index=work_index))
        if work_index is not None:
            if work_index in work_ivs:
                iv = work_ivs[work_index]
            else:
                iv = work_ivs[work_index] = work_interval(work[work_index], today)
            if iv:
                intervals[hit.name].append(iv)
    for name, skill in by_name.items():
        ivs = intervals[name]
        if ivs:
            skill.months = union_months(ivs)
            skill.last_used = index_to_ym(max(b for _, b in ivs) - 1)
    return list(by_name.values())
