"""Hand-built profiles, jobs, a tiny taxonomy and a tiny embedder for ranking tests.

Profiles are built from a resume text plus where things are in it, so every Evidence is a
real span of the text (as the parser guarantees) without depending on the parser.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import numpy as np

from shortlist.embed.base import cosine
from shortlist.match.text import tokenize
from shortlist.profile.dates import index_to_ym
from shortlist.profile.experience import union_months, work_interval, years_of_experience
from shortlist.profile.model import (
    DegreeLevel,
    Education,
    Evidence,
    Flag,
    FlagKind,
    Job,
    Profile,
    Requirement,
    Section,
    Skill,
    SkillMention,
    Val,
    WorkItem,
)

TODAY = date(2026, 11, 1)


def ev(text: str, needle: str, start: int = 0) -> Evidence:
    i = text.index(needle, start)
    return Evidence(start=i, end=i + len(needle), text=needle)


class FakeEmbedder:
    """Hashed bag of words, L2-normalised; similarity is cosine clipped to [0, 1]."""

    name = "fake-bow"
    dim = 128
    asymmetric = False

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts, kind="passage"):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in tokenize(t):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def similarity(self, a, b):
        return np.clip(cosine(a, b), 0.0, 1.0)


class FakeTaxonomy:
    """Enough of the taxonomy contract: aliases, related pairs, families."""

    aliases: ClassVar[dict[str, str]] = {"k8s": "Kubernetes", "golang": "Go", "postgres": "PostgreSQL", "py": "Python", "sklearn": "scikit-learn"}
    names: ClassVar[set[str]] = {"Python", "SQL", "Kubernetes", "Docker", "Airflow", "Go", "Java", "PostgreSQL", "TensorFlow",
             "PyTorch", "Excel", "Spark", "Kafka", "Terraform", "scikit-learn", "Tableau", "ETL", "Sales"}
    rel: ClassVar[dict[str, list[tuple[str, float]]]] = {"PyTorch": [("TensorFlow", 0.8)], "TensorFlow": [("PyTorch", 0.8)], "Kubernetes": [("Docker", 0.6)],
           "Docker": [("Kubernetes", 0.6)], "Airflow": [("Spark", 0.4)]}
    fam: ClassVar[dict[str, str]] = {"Python": "lang", "Go": "lang", "Java": "lang", "SQL": "data", "PostgreSQL": "data", "Spark": "data",
           "Kafka": "data", "Airflow": "data", "ETL": "data", "Kubernetes": "ops", "Docker": "ops", "Terraform": "ops",
           "TensorFlow": "ml", "PyTorch": "ml", "scikit-learn": "ml"}

    def canonical(self, name: str) -> str | None:
        if name.lower() in self.aliases:
            return self.aliases[name.lower()]
        return next((n for n in self.names if n.lower() == name.lower()), None)

    def related(self, name: str) -> list[tuple[str, float]]:
        return self.rel.get(self.canonical(name) or name, [])

    def family(self, name: str) -> str | None:
        return self.fam.get(self.canonical(name) or name)


@dataclass
class W:
    """A work entry: ``entry`` is its exact text in the resume (its first line is the header)."""

    entry: str
    title: str
    start: str
    end: str | None = None
    current: bool = False


@dataclass
class E:
    entry: str
    level: DegreeLevel | None
    area: str | None = None


@dataclass
class Spec:
    text: str
    name: str | None = None
    work: list[W] = field(default_factory=list)
    education: list[E] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)  # canonical names; every alias occurrence is a mention
    sections: dict[str, str] = field(default_factory=dict)  # name -> exact text of the section
    flags: list[tuple[FlagKind, str]] = field(default_factory=list)  # (kind, exact flagged text)
    language: str = "en"
    source: str | None = None


def build(spec: Spec, tax: FakeTaxonomy | None = None) -> Profile:
    """A Profile whose evidence all points into ``spec.text``; skill months from the jobs mentioning them."""
    tax = tax or FakeTaxonomy()
    text = spec.text
    work = []
    for w in spec.work:
        e = ev(text, w.entry)
        work.append(WorkItem(title=w.title, start=w.start, end=w.end, current=w.current, evidence=e,
                             bullets=[b.strip("- ") for b in w.entry.splitlines()[1:]]))
    edu = [Education(level=e.level, area=e.area, evidence=ev(text, e.entry)) for e in spec.education]
    skills = []
    surfaces = {s: [s] + [a for a, c in tax.aliases.items() if c == s] for s in spec.skills}
    for name in spec.skills:
        mentions = []
        for surf in surfaces[name]:
            pos = text.find(surf)
            while pos >= 0:
                before, after = text[pos - 1:pos], text[pos + len(surf):pos + len(surf) + 1]
                if not (before.isalnum() or after.isalnum()):
                    wi = next((i for i, w in enumerate(work) if w.evidence.start <= pos < w.evidence.end), None)
                    mentions.append(SkillMention(source="work" if wi is not None else "skills_section",
                                                 evidence=Evidence(start=pos, end=pos + len(surf), text=surf),
                                                 work_index=wi))
                pos = text.find(surf, pos + 1)
        ivs = [iv for m in mentions if m.work_index is not None if (iv := work_interval(work[m.work_index], TODAY))]
        skills.append(Skill(name=name, mentions=mentions, months=union_months(ivs) or None,
                            last_used=index_to_ym(max(b for _, b in ivs) - 1) if ivs else None))
    sections = []
    for sname, stext in spec.sections.items():
        e = ev(text, stext)
        sections.append(Section(name=sname, heading=stext.splitlines()[0], start=e.start, end=e.end))
    flags = []
    for kind, flagged in spec.flags:
        e = ev(text, flagged)
        flags.append(Flag(kind=kind, message=f"{kind.value} in test", evidence=e, span=(e.start, e.end)))
    return Profile(
        source=spec.source, sha256=hashlib.sha256(text.encode()).hexdigest(), language=spec.language,
        name=Val[str](value=spec.name, evidence=ev(text, spec.name)) if spec.name else None,
        work=work, education=edu, skills=skills, years_experience=years_of_experience(work, TODAY),
        sections=sections, flags=flags, text=text,
    )


def skill_req(name: str, required: bool = True, min_years: float | None = None) -> Requirement:
    label = name + (f", {min_years:g}+ years" if min_years else "")
    return Requirement(id=f"skill:{name}", kind="skill", label=label, required=required, skill=name,
                       min_years=min_years)


def make_job(
    title: str,
    text: str,
    required: list[str | tuple[str, float]] = (),  # type: ignore[assignment]
    nice: list[str] = (),  # type: ignore[assignment]
    min_years: float | None = None,
    level: DegreeLevel | None = None,
    area: str | None = None,
    responsibilities: list[str] = (),  # type: ignore[assignment]
    seniority: str | None = None,
    language: str = "en",
    extra: list[Requirement] = (),  # type: ignore[assignment]
) -> Job:
    reqs = [skill_req(r) if isinstance(r, str) else skill_req(r[0], min_years=r[1]) for r in required]
    reqs += [skill_req(n, required=False) for n in nice]
    if min_years:
        reqs.append(Requirement(id="years", kind="years", label=f"{min_years:g}+ years", min_years=min_years))
    if level or area:
        reqs.append(Requirement(id="education", kind="education", label=f"{level.value if level else ''} {area or ''}".strip(),
                                level=level, area=area))
    reqs += list(extra)
    return Job(title=Val[str](value=title), text=text, requirements=reqs, min_years=min_years, education_level=level,
               education_area=area, responsibilities=[Val[str](value=r) for r in responsibilities],
               seniority=seniority, language=language)
