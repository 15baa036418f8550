"""Export to the JSON Resume schema (jsonresume.org), with our evidence beside each item.

Schema keys are spelled exactly as the schema does; our additions live in the schema's
``meta`` object and in ``x-``-prefixed keys, which JSON Resume tools ignore.
"""
from __future__ import annotations

import re
from typing import Any

from shortlist.profile.model import Evidence, Profile, Val


def _ev(e: Evidence | None) -> dict[str, Any] | None:
    return None if e is None else e.model_dump()


def _val(v: Val[str] | None) -> str | None:
    return None if v is None else v.value


def _location(p: Profile) -> dict[str, Any]:
    if p.location is None:
        return {}
    value = p.location.value
    parts = [x.strip() for x in re.split(r"[,，]", value) if x.strip()]
    loc: dict[str, Any] = {"address": value, "x-evidence": _ev(p.location.evidence)}
    if len(parts) >= 2:
        loc["city"], loc["region"] = parts[0], parts[1]
        if len(parts[1]) == 2 and parts[1].isupper():
            loc["countryCode"] = "US"
    else:
        loc["city"] = value
    if p.language == "zh" and "countryCode" not in loc:
        loc["countryCode"] = "CN"
    return loc


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


def to_json_resume(profile: Profile) -> dict[str, Any]:
    """A JSON Resume document for ``profile``."""
    p = profile
    website = next((lk for lk in p.links if lk.kind == "website"), None)
    basics = _drop_none({
        "name": _val(p.name),
        "label": _val(p.headline),
        "email": _val(p.email),
        "phone": _val(p.phone),
        "url": website.url if website else None,
        "summary": _val(p.summary),
        "location": _location(p),
        "profiles": [
            {"network": {"linkedin": "LinkedIn", "github": "GitHub"}.get(lk.kind, "Other"), "url": lk.url,
             "x-evidence": _ev(lk.evidence)}
            for lk in p.links if lk.kind in ("linkedin", "github", "other")
        ],
        "x-evidence": _drop_none({k: _ev(getattr(p, k).evidence) for k in ("name", "headline", "email", "phone", "summary")
                                  if getattr(p, k) is not None}),
    })
    work = [
        _drop_none({
            "name": w.employer,
            "position": w.title,
            "location": w.location,
            "startDate": w.start,
            "endDate": w.end,
            "summary": None,
            "highlights": w.bullets,
            "x-current": w.current,
            "x-months": w.months,
            "x-confidence": w.confidence,
            "x-evidence": _ev(w.evidence),
        })
        for w in p.work
    ]
    education = [
        _drop_none({
            "institution": e.institution,
            "area": e.area,
            "studyType": e.degree,
            "startDate": e.start,
            "endDate": e.end,
            "score": e.gpa,
            "x-level": e.level.value if e.level else None,
            "x-confidence": e.confidence,
            "x-evidence": _ev(e.evidence),
        })
        for e in p.education
    ]
    skills = [
        _drop_none({
            "name": s.name,
            "keywords": sorted({m.evidence.text for m in s.mentions}),
            "x-id": s.skill_id,
            "x-category": s.category,
            "x-months": s.months,
            "x-lastUsed": s.last_used,
            "x-mentions": [m.model_dump() for m in s.mentions],
        })
        for s in p.skills
    ]
    return _drop_none({
        "basics": basics,
        "work": work,
        "education": education,
        "skills": skills,
        "languages": [{"language": v.value, "x-evidence": _ev(v.evidence)} for v in p.languages],
        "certificates": [{"name": v.value, "x-evidence": _ev(v.evidence)} for v in p.certifications],
        "meta": _drop_none({
            "canonical": "https://raw.githubusercontent.com/jsonresume/resume-schema/master/schema.json",
            "source": p.source,
            "sha256": p.sha256,
            "language": p.language,
            "yearsExperience": p.years_experience,
            "redacted": p.redacted,
            "flags": [f.model_dump(mode="json") for f in p.flags],
            "sections": [s.model_dump() for s in p.sections],
        }),
    })
