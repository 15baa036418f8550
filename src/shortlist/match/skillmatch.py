"""How well one candidate skill answers one skill requirement.

Credit = relation x use. Relation: the same canonical skill (written as the canonical name
or as an alias) is worth 1; a skill the taxonomy lists as related is worth half its
relatedness; a skill of the same family a fixed small share. Use: how long and how
recently the skill was used in dated jobs, against the requirement's years; a skill only
listed (no dated job mentions it) gets reduced but real credit, because many good resumes
list skills without tying each one to a job.

``use_credit`` takes arrays so the vectorised index and the per-pair path share it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

import numpy as np

from shortlist.match.view import CandidateView, SkillUse
from shortlist.profile.model import Requirement

RELATED_FACTOR = 0.5  # a related skill earns at most half of an exact one
FAMILY_RELATEDNESS = 0.4  # same family but not listed as related: 0.5 x 0.4 = 0.2
LISTED_CREDIT = 0.6  # listed only, the job names no years
LISTED_CREDIT_WITH_YEARS = 0.45  # listed only, the job asks for years that cannot be checked
MIN_DURATION_CREDIT = 0.4  # a dated skill used briefly still counts for this much
DEFAULT_TARGET_MONTHS = 12.0  # "has really used it" when the job names no years


class TaxonomyLike(Protocol):
    def canonical(self, name: str) -> str | None: ...

    def related(self, name: str) -> list[tuple[str, float]]: ...

    def family(self, name: str) -> str | None: ...


def default_taxonomy() -> TaxonomyLike:
    """The shipped taxonomy, loaded once per process."""
    from shortlist.skills.taxonomy import Taxonomy

    return Taxonomy.default()


def use_credit(months: np.ndarray | float, recency: np.ndarray | float, min_years: float | None) -> np.ndarray:
    """Credit in [0, 1] for having used a skill ``months`` (0: undated) with ``recency`` weight."""
    months = np.asarray(months, dtype=np.float64)
    recency = np.asarray(recency, dtype=np.float64)
    target = 12.0 * min_years if min_years else DEFAULT_TARGET_MONTHS
    duration = MIN_DURATION_CREDIT + (1.0 - MIN_DURATION_CREDIT) * np.minimum(1.0, months / target)
    listed = LISTED_CREDIT_WITH_YEARS if min_years else LISTED_CREDIT
    return np.where(months > 0, recency * duration, listed)


@dataclass(frozen=True)
class Relation:
    coef: float  # 1.0 exact/synonym, less for related or same-family skills
    kind: str  # "exact" | "related" | "family"
    via: str  # the candidate skill that answers the requirement


@dataclass(frozen=True)
class SkillMatch:
    requirement: Requirement
    credit: float
    relation: Relation | None
    use: SkillUse | None

    @property
    def how(self) -> str:
        """What a recruiter reads: "exact", "synonym of k8s", "related: TensorFlow", "2 of 5 years"."""
        if self.relation is None or self.use is None:
            return "not found"
        rel, use = self.relation, self.use
        if rel.kind == "related":
            return f"related: {rel.via}"
        if rel.kind == "family":
            return f"same family: {rel.via}"
        written_as_is = any(s.lower() == rel.via.lower() for s in use.surfaces)
        how = "exact" if written_as_is or not use.surfaces else f"synonym of {use.surfaces[0]}"
        req_years = self.requirement.min_years
        if req_years:
            if use.dated and (use.months or 0) < 12 * req_years:
                how += f", {_years(use.months or 0)} of {_years(req_years * 12)} years"
            elif use.dated:
                how += f", {_years(use.months or 0)} years ({_years(req_years * 12)}+ asked)"
            else:
                how += ", listed without dated use"
        elif not use.dated:
            how += ", listed only"
        return how

    @property
    def status(self) -> str:
        """met / partial / missing, as the verdict shows it."""
        if self.relation is None or self.use is None:
            return "missing"
        if self.relation.kind != "exact":
            return "partial"
        req_years = self.requirement.min_years
        if req_years and (not self.use.dated or (self.use.months or 0) < 12 * req_years):
            return "partial"
        return "met"


def _years(months: float) -> str:
    y = round(months / 12, 1)
    return str(int(y)) if y == int(y) else f"{y:.1f}"


class RequirementSkills:
    """The relations of one skill requirement to any candidate skill name (memoised)."""

    def __init__(self, requirement: Requirement, taxonomy: TaxonomyLike) -> None:
        self.requirement = requirement
        self.taxonomy = taxonomy

    @cached_property
    def target(self) -> str:
        name = self.requirement.skill or self.requirement.label
        return self.taxonomy.canonical(name) or name

    @cached_property
    def related(self) -> dict[str, float]:
        return {name: float(score) for name, score in self.taxonomy.related(self.target)}

    @cached_property
    def family(self) -> str | None:
        return self.taxonomy.family(self.target)

    @cached_property
    def _relations(self) -> dict[str, Relation | None]:
        return {}

    def relation(self, candidate_skill: str) -> Relation | None:
        """How ``candidate_skill`` answers this requirement (memoised: taxonomy lookups tokenise)."""
        if candidate_skill not in self._relations:
            self._relations[candidate_skill] = self._relation(candidate_skill)
        return self._relations[candidate_skill]

    def _relation(self, candidate_skill: str) -> Relation | None:
        target = self.target
        canon = self.taxonomy.canonical(candidate_skill) or candidate_skill
        if canon.lower() == target.lower():
            return Relation(1.0, "exact", target)
        score = self.related.get(canon)
        if score:
            return Relation(RELATED_FACTOR * float(score), "related", canon)
        if self.family is not None and self.taxonomy.family(canon) == self.family:
            return Relation(RELATED_FACTOR * FAMILY_RELATEDNESS, "family", canon)
        return None

    def best(self, view: CandidateView) -> SkillMatch:
        """The candidate skill giving the most credit; ties go to the closer relation."""
        # keyed by the object itself (not its id), so the entry keeps it alive and cannot be confused
        if self not in view.memo:
            view.memo[self] = self._best(view)
        return view.memo[self]

    def _best(self, view: CandidateView) -> SkillMatch:
        best = SkillMatch(self.requirement, 0.0, None, None)
        for name, use in view.skills.items():
            rel = self.relation(name)
            if rel is None:
                continue
            credit = float(rel.coef * use_credit(use.months or 0, use.recency, self.requirement.min_years))
            if credit > best.credit or (credit == best.credit and best.relation and rel.coef > best.relation.coef):
                best = SkillMatch(self.requirement, credit, rel, use)
        return best
