"""Supply against demand: how much of a candidate pool meets each thing the jobs ask for.

Matching is the match package's own: a skill requirement is judged by
``RequirementSkills.best`` (the same relation the ranker's verdicts use: exact or synonym is
"met", a related skill or too few years "partial"), so this table never disagrees with the
ranking screen. ``method="ranker"`` instead runs ``HybridRanker`` and counts its verdicts for
every requirement kind (years, degree, language...), at the cost of computing embeddings.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from shortlist.analytics.table import to_csv
from shortlist.profile.model import Job, Profile

Method = Literal["skills", "ranker"]


class RequirementSupply(BaseModel):
    """One requirement of one job and how the pool answers it."""

    job: str  # job title or source
    requirement_id: str
    label: str
    kind: str
    required: bool
    met: int
    partial: int
    missing: int
    pool: int

    @property
    def share_met(self) -> float:
        return self.met / self.pool if self.pool else 0.0

    @property
    def share_covered(self) -> float:
        """Met or partly met (a related skill, or the skill with fewer years)."""
        return (self.met + self.partial) / self.pool if self.pool else 0.0


class SkillSupply(BaseModel):
    """One skill over all jobs: how many jobs ask for it and how many candidates meet it."""

    skill: str
    jobs_asking: int
    jobs_requiring: int  # of those, as a must-have
    met: int  # candidates meeting it (best verdict over the jobs asking)
    partial: int
    pool: int

    @property
    def share_met(self) -> float:
        return self.met / self.pool if self.pool else 0.0


class SurplusSkill(BaseModel):
    """A skill the pool has that the jobs rarely ask for."""

    skill: str
    candidates: int
    share_pool: float
    jobs_asking: int


class SupplyDemand(BaseModel):
    pool: int
    jobs: int
    method: Method
    requirements: list[RequirementSupply] = Field(default_factory=list)  # per job, in the job's order
    skills: list[SkillSupply] = Field(default_factory=list)  # aggregated, scarcest first
    surplus: list[SurplusSkill] = Field(default_factory=list)  # most common first

    def scarcest(self, top: int = 10) -> list[RequirementSupply]:
        """Requirements the smallest share of the pool meets (must-haves before nice-to-haves)."""
        return sorted(self.requirements, key=lambda r: (r.share_met, r.share_covered, not r.required, r.label))[:top]

    def requirements_csv(self) -> str:
        return to_csv(
            ["job", "requirement_id", "label", "kind", "required", "met", "partial", "missing", "pool",
             "share_met", "share_covered"],
            [[r.job, r.requirement_id, r.label, r.kind, r.required, r.met, r.partial, r.missing, r.pool,
              r.share_met, r.share_covered] for r in self.requirements],
        )

    def skills_csv(self) -> str:
        return to_csv(["skill", "jobs_asking", "jobs_requiring", "met", "partial", "pool", "share_met"],
                      [[s.skill, s.jobs_asking, s.jobs_requiring, s.met, s.partial, s.pool, s.share_met]
                       for s in self.skills])

    def surplus_csv(self) -> str:
        return to_csv(["skill", "candidates", "share_pool", "jobs_asking"],
                      [[s.skill, s.candidates, s.share_pool, s.jobs_asking] for s in self.surplus])


def _job_name(job: Job, i: int) -> str:
    return (job.title.value if job.title else None) or job.source or f"job {i + 1}"


def _statuses_skills(job: Job, views: list) -> list[tuple[object, list[str]]]:
    from shortlist.match.skillmatch import RequirementSkills, default_taxonomy

    tax = default_taxonomy()
    out = []
    for req in job.skill_requirements():
        rs = RequirementSkills(req, tax)
        out.append((req, [rs.best(v).status for v in views]))
    return out


def _statuses_ranker(job: Job, profiles: Sequence[Profile]) -> list[tuple[object, list[str]]]:
    """The ranker's own verdicts (every requirement kind), per candidate in pool order."""
    from shortlist.match.explain import verdicts
    from shortlist.match.rank import HybridRanker

    index = HybridRanker().index(job, profiles)
    ctx = index.context(job)
    status: dict[str, list[str]] = {r.id: ["missing"] * len(profiles) for r in job.requirements}
    for i in range(index.size):
        for v in verdicts(ctx, index.view(i)):
            if v.requirement_id in status:
                status[v.requirement_id][i] = v.status
    return [(r, status[r.id]) for r in job.requirements]


def supply_demand(jobs: Sequence[Job], profiles: Sequence[Profile], method: Method = "skills",
                  rare_share: float = 0.1) -> SupplyDemand:
    """Per requirement and per skill, how many candidates meet what the jobs ask for.

    ``surplus`` lists skills held by candidates that at most ``rare_share`` of the jobs ask for
    (with one job: skills it does not ask for), most widely held first.
    """
    from shortlist.match.view import CandidateView

    pool = len(profiles)
    views = [CandidateView.of(p) for p in profiles] if method == "skills" else []
    reqs: list[RequirementSupply] = []
    best: dict[str, list[int]] = {}  # skill -> per candidate best status (2 met, 1 partial, 0 missing)
    asking: Counter[str] = Counter()
    requiring: Counter[str] = Counter()
    rank = {"met": 2, "partial": 1}
    for j, job in enumerate(jobs):
        judged = _statuses_skills(job, views) if method == "skills" else _statuses_ranker(job, profiles)
        for req, statuses in judged:
            c = Counter(statuses)
            reqs.append(RequirementSupply(
                job=_job_name(job, j), requirement_id=req.id, label=req.label, kind=req.kind, required=req.required,
                met=c["met"], partial=c["partial"], missing=pool - c["met"] - c["partial"], pool=pool,
            ))
            if req.kind == "skill" and req.skill:
                asking[req.skill] += 1
                requiring[req.skill] += int(req.required)
                cur = best.setdefault(req.skill, [0] * pool)
                for i, st in enumerate(statuses):
                    cur[i] = max(cur[i], rank.get(st, 0))
    skills = [SkillSupply(skill=s, jobs_asking=asking[s], jobs_requiring=requiring[s], met=v.count(2),
                          partial=v.count(1), pool=pool) for s, v in best.items()]
    skills.sort(key=lambda s: (s.share_met, -s.jobs_requiring, s.skill))
    from shortlist.match.skillmatch import default_taxonomy

    canonical = default_taxonomy().canonical
    held: Counter[str] = Counter()
    for p in profiles:
        held.update({canonical(n) or n for n in p.skill_names()})
    limit = rare_share * len(jobs)
    surplus = [SurplusSkill(skill=s, candidates=n, share_pool=n / pool if pool else 0.0, jobs_asking=asking[s])
               for s, n in held.items() if asking[s] <= limit]
    surplus.sort(key=lambda s: (-s.candidates, s.skill))
    return SupplyDemand(pool=pool, jobs=len(jobs), method=method, requirements=reqs, skills=skills, surplus=surplus)
