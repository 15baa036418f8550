"""Skills in a profile: taxonomy hits grouped by canonical name, tied to sections and jobs.

Months of use come from the dates of the jobs that mention a skill (overlaps once), so
"Python, 5 years" is something the resume shows rather than claims.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from shortlist.profile.dates import index_to_ym
from shortlist.profile.experience import union_months, work_interval
from shortlist.profile.model import Section, Skill, SkillMention, WorkItem
from shortlist.profile.spans import evidence

_SOURCE_OF_SECTION = {
    "skills": "skills_section", "work": "work", "projects": "project", "summary": "summary", "objective": "summary",
    "education": "education", "training": "education", "certifications": "skills_section",
}


def _extract(text: str) -> list[Any]:
    """Skill hits from the skills package; empty (not an error) until that package exists."""
    try:
        from shortlist.skills.extract import extract_skills
    except ImportError:
        return []
    return list(extract_skills(text))


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
    for hit in sorted(hits, key=lambda h: h.start):
        ev = evidence(text, hit.start, hit.end, float(getattr(hit, "confidence", 1.0)))
        if ev is None:
            continue
        sec = next((s for s in sections if s.start <= hit.start < s.end), None)
        source = _SOURCE_OF_SECTION.get(sec.name, "other") if sec else "other"
        work_index = next((i for i, (a, b) in enumerate(work_spans) if a <= hit.start < b), None)
        if work_index is not None and source == "other":
            source = "work"
        elif source == "other" and summary_span and summary_span[0] <= hit.start < summary_span[1]:
            source = "summary"  # an untitled summary paragraph in the header block
        skill = by_name.get(hit.name)
        if skill is None:
            skill = by_name[hit.name] = Skill(
                name=hit.name, skill_id=getattr(hit, "skill_id", None), category=getattr(hit, "category", None)
            )
            intervals[hit.name] = []
        skill.mentions.append(SkillMention(source=source, evidence=ev, work_index=work_index))
        if work_index is not None:
            iv = work_interval(work[work_index], today)
            if iv:
                intervals[hit.name].append(iv)
    for name, skill in by_name.items():
        ivs = intervals[name]
        if ivs:
            skill.months = union_months(ivs)
            skill.last_used = index_to_ym(max(b for _, b in ivs) - 1)
    return list(by_name.values())
