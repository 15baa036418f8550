"""Score parts: small, separately inspectable measures of fit, each in [0, 1].

Every part has two entry points that must agree: ``score(job, cand, ctx)`` for one
candidate (with a detail line and resume quotes, used for explanations and tests) and
``values(ctx, index)`` scoring a whole :class:`~shortlist.match.index.CandidateIndex` with
numpy (used to rank 100,000 candidates). The formulas live in module-level functions that
take arrays, and both entry points call them.

A part that does not apply to a job (no years asked, no title) gets weight 0 and a neutral
value: 1.0 for requirement parts (nothing asked, nothing missing) and 0.0 for similarity
parts (nothing to compare). ``PART_NAMES`` fixes the feature order trained rankers use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np

from shortlist.match.context import (
    CandidateVectors,
    JobContext,
    job_education,
    job_title,
    job_years,
)
from shortlist.match.model import PartScore
from shortlist.match.skillmatch import RequirementSkills, SkillMatch
from shortlist.match.text import idf
from shortlist.match.view import SENIORITY_ORDER, CandidateView, seniority_rank
from shortlist.profile.model import Evidence, Job

if TYPE_CHECKING:
    from shortlist.match.index import CandidateIndex

MAX_QUOTES = 5


class Part(Protocol):
    name: str
    weight: float
    neutral: float

    def applies(self, ctx: JobContext) -> bool: ...

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore: ...

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray: ...


# ---------------------------------------------------------------------------- formulas
def years_curve(years: np.ndarray | float | None, min_years: float) -> np.ndarray:
    """Full at or above the minimum, smooth (x^1.5) falloff below it, 0 when unknown."""
    y = np.asarray(np.nan if years is None else years, dtype=np.float64)
    frac = np.clip(np.nan_to_num(y, nan=0.0) / min_years, 0.0, 1.0) ** 1.5
    return np.where(np.isnan(y), 0.0, frac)


def degree_score(candidate_rank: np.ndarray | int, required_rank: int) -> np.ndarray:
    """1 at or above the required level, 0.5 one level below, 0.2 two below, else 0."""
    gap = required_rank - np.asarray(candidate_rank, dtype=np.int64)
    score = np.select([gap <= 0, gap == 1, gap == 2], [1.0, 0.5, 0.2], 0.0)
    return np.where(np.asarray(candidate_rank) < 0, 0.0, score)


def seniority_match(candidate_rank: np.ndarray | int, job_rank: int) -> np.ndarray:
    """1 for the same level, minus a third per step on ``SENIORITY_ORDER``; 0 when unknown."""
    c = np.asarray(candidate_rank, dtype=np.int64)
    return np.where(c < 0, 0.0, np.clip(1.0 - np.abs(c - job_rank) / 3.0, 0.0, 1.0))


EDU_LEVEL_SHARE = 0.7  # of education_fit when the job names both a level and a field
TITLE_SIM_SHARE = 0.75  # of title_fit when the job states a seniority


def combine_education(level: np.ndarray | None, area: np.ndarray | None) -> np.ndarray:
    if level is not None and area is not None:
        return EDU_LEVEL_SHARE * level + (1 - EDU_LEVEL_SHARE) * area
    return level if level is not None else area  # type: ignore[return-value]


def combine_title(sim: np.ndarray, seniority: np.ndarray | None) -> np.ndarray:
    return sim if seniority is None else TITLE_SIM_SHARE * sim + (1 - TITLE_SIM_SHARE) * seniority


def candidate_seniority(cand: CandidateView) -> int:
    """Seniority rank from the latest title; a title with no level word reads as "mid"."""
    if not cand.titles:
        return -1
    return seniority_rank(cand.seniority or "mid")


# ---------------------------------------------------------------------------- helpers
def _context(job: Job, cand: CandidateView, ctx: JobContext | None) -> JobContext:
    if ctx is not None:
        return ctx
    from shortlist.match.rank import default_embedder

    return JobContext.build(job, default_embedder(job.text, cand.profile.text), pool=[cand])


def own_vectors(cand: CandidateView, ctx: JobContext) -> CandidateVectors:
    """One candidate's vectors (as the index computes them), once per view and embedder."""
    key = ("vectors", ctx.embedder)
    if key not in cand.memo:
        cand.memo[key] = CandidateVectors.build([cand], ctx.embedder)
    return cand.memo[key]


def _quotes(evs: list[Evidence | None]) -> list[Evidence]:
    seen, out = set(), []
    for ev in evs:
        if ev is not None and (ev.start, ev.end) not in seen:
            seen.add((ev.start, ev.end))
            out.append(ev)
    return out[:MAX_QUOTES]


def _neutral(part: Part, detail: str) -> PartScore:
    return PartScore(name=part.name, value=part.neutral, weight=0.0, detail=detail)


def _clip(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


# ---------------------------------------------------------------------------- parts
class SkillsPart:
    """Coverage of the job's skill requirements (required or nice-to-have), see skillmatch."""

    neutral = 1.0

    def __init__(self, name: str, weight: float, required: bool) -> None:
        self.name = name
        self.weight = weight
        self.required = required

    def requirements(self, ctx: JobContext) -> list[RequirementSkills]:
        return ctx.required if self.required else ctx.nice

    def applies(self, ctx: JobContext) -> bool:
        return bool(self.requirements(ctx))

    def matches(self, ctx: JobContext, cand: CandidateView) -> list[SkillMatch]:
        return [r.best(cand) for r in self.requirements(ctx)]

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore:
        ctx = _context(job, cand, ctx)
        if not self.applies(ctx):
            return _neutral(self, "the job lists no " + ("required" if self.required else "nice-to-have") + " skills")
        matches = self.matches(ctx, cand)
        value = float(np.mean([m.credit for m in matches]))
        met = [m.requirement.skill or m.requirement.label for m in matches if m.status == "met"]
        partial = [f"{m.requirement.skill or m.requirement.label} ({m.how})" for m in matches if m.status == "partial"]
        missing = [m.requirement.skill or m.requirement.label for m in matches if m.status == "missing"]
        detail = f"{len(met)} of {len(matches)} met"
        detail += "".join(f"; {k}: {', '.join(v)}" for k, v in (("met", met), ("partial", partial), ("missing", missing)) if v)
        quotes = _quotes([m.use.mentions[0].evidence for m in matches if m.use and m.use.mentions])
        return PartScore(name=self.name, value=_clip(value), weight=self.weight, detail=detail, evidence=quotes)

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray:
        reqs = self.requirements(ctx)
        if not reqs:
            return np.full(index.size, self.neutral)
        total = np.zeros(index.size, dtype=np.float64)
        for req in reqs:
            total += index.skill_credit(req)
        return np.clip(total / len(reqs), 0.0, 1.0)


class SemanticPart:
    """Sentence-embedding similarity of the candidate's experience to the job's duties."""

    name = "semantic"
    neutral = 0.0

    def __init__(self, weight: float = 0.2) -> None:
        self.weight = weight

    def applies(self, ctx: JobContext) -> bool:
        return bool(np.any(ctx.queries["experience"]))

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore:
        ctx = _context(job, cand, ctx)
        if not self.applies(ctx):
            return _neutral(self, "the job states no title or duties to compare with")
        value = float(own_vectors(cand, ctx).similarity("experience", ctx.embedder, ctx.queries["experience"])[0])
        quotes: list[Evidence | None] = []
        if cand.experience_spans:
            chunk_vecs = ctx.embedder.encode(cand.experience_chunks(), kind="passage")
            sims = np.asarray(ctx.embedder.similarity(ctx.queries["experience"], chunk_vecs)).reshape(-1)
            quotes = [cand.quote(*cand.experience_spans[i]) for i in np.argsort(-sims, kind="stable")[:2]]
        detail = "no experience text to compare" if not cand.experience_spans else f"experience similarity {value:.2f}"
        return PartScore(name=self.name, value=_clip(value), weight=self.weight, detail=detail, evidence=_quotes(quotes))

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray:
        if not self.applies(ctx):
            return np.full(index.size, self.neutral)
        sims = index.vectors.similarity("experience", ctx.embedder, ctx.queries["experience"], ctx.approximate)
        return np.clip(sims, 0, 1)

    def values_at(self, ctx: JobContext, index: CandidateIndex, rows: np.ndarray) -> np.ndarray:
        """Exact values of ``rows`` only: the second stage refines what ``approximate`` guessed."""
        if not self.applies(ctx):
            return np.full(len(rows), self.neutral)
        return np.clip(index.vectors.experience_at(ctx.embedder, ctx.queries["experience"], rows), 0, 1)


class YearsPart:
    """Years of experience against the job's minimum; more than asked is never a penalty."""

    name = "years_fit"
    neutral = 1.0

    def __init__(self, weight: float = 0.1) -> None:
        self.weight = weight

    def applies(self, ctx: JobContext) -> bool:
        return job_years(ctx.job) is not None

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore:
        ctx = _context(job, cand, ctx)
        min_years = job_years(ctx.job)
        if min_years is None:
            return _neutral(self, "the job asks for no minimum years")
        value = float(years_curve(cand.years, min_years))
        detail = "no dated work history" if cand.years is None else f"{cand.years:g} years ({min_years:g} asked)"
        quotes = [cand.first_line(w.evidence) for _, w in cand.work if w.evidence and w.start]
        return PartScore(name=self.name, value=_clip(value), weight=self.weight, detail=detail, evidence=_quotes(quotes[:3]))

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray:
        min_years = job_years(ctx.job)
        return np.full(index.size, self.neutral) if min_years is None else years_curve(index.years, min_years)


class EducationPart:
    """Degree level against the required level, and field-of-study similarity."""

    name = "education_fit"
    neutral = 1.0

    def __init__(self, weight: float = 0.07) -> None:
        self.weight = weight

    def applies(self, ctx: JobContext) -> bool:
        level, area = job_education(ctx.job)
        return level is not None or bool(area)

    def _combine(self, ctx: JobContext, ranks: np.ndarray, vectors: CandidateVectors) -> np.ndarray:
        level, area = job_education(ctx.job)
        lv = degree_score(ranks, level.rank) if level is not None else None
        ar = vectors.similarity("area", ctx.embedder, ctx.queries["area"]) if area else None
        return np.clip(combine_education(lv, ar), 0.0, 1.0)

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore:
        ctx = _context(job, cand, ctx)
        if not self.applies(ctx):
            return _neutral(self, "the job asks for no degree")
        value = float(self._combine(ctx, np.array([cand.degree_rank()]), own_vectors(cand, ctx))[0])
        level, area = job_education(ctx.job)
        best = max((e for e in cand.education if e.level), key=lambda e: e.level.rank, default=None)  # type: ignore[union-attr]
        have = best.level.value if best and best.level else "no degree stated"
        detail = f"{have}" + (f" ({level.value} asked)" if level else "")
        if area:
            detail += f"; field {cand.area_text() or 'not stated'} vs {area}"
        quotes = [cand.first_line(e.evidence) for e in cand.education if e.evidence]
        return PartScore(name=self.name, value=_clip(value), weight=self.weight, detail=detail, evidence=_quotes(quotes[:2]))

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray:
        if not self.applies(ctx):
            return np.full(index.size, self.neutral)
        return self._combine(ctx, index.degree_rank, index.vectors)


class TitlePart:
    """Similarity of the candidate's recent titles to the job title, plus seniority match."""

    name = "title_fit"
    neutral = 0.0

    def __init__(self, weight: float = 0.1) -> None:
        self.weight = weight

    def applies(self, ctx: JobContext) -> bool:
        return bool(job_title(ctx.job))

    def _combine(self, ctx: JobContext, seniority: np.ndarray, vectors: CandidateVectors) -> np.ndarray:
        sim = vectors.similarity("title", ctx.embedder, ctx.queries["title"])
        sen = seniority_match(seniority, seniority_rank(ctx.job.seniority)) if ctx.job.seniority else None
        return np.clip(combine_title(sim, sen), 0.0, 1.0)

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore:
        ctx = _context(job, cand, ctx)
        if not self.applies(ctx):
            return _neutral(self, "the job has no title")
        sen = candidate_seniority(cand)
        value = float(self._combine(ctx, np.array([sen]), own_vectors(cand, ctx))[0])
        if not cand.titles:
            detail = "no job titles found"
        else:
            detail = f"recent title '{cand.titles[0]}' vs '{job_title(ctx.job)}'"
            if ctx.job.seniority:
                detail += f"; seniority {SENIORITY_ORDER[sen]} vs {ctx.job.seniority}"
        return PartScore(name=self.name, value=_clip(value), weight=self.weight, detail=detail,
                         evidence=_quotes([cand.find(t) for t in cand.titles[:2]]))

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray:
        if not self.applies(ctx):
            return np.full(index.size, self.neutral)
        return self._combine(ctx, index.seniority, index.vectors)


class LexicalPart:
    """BM25 of the candidate's visible text for the job's terms, over the pool's best score.

    IDF comes from the pool being ranked, so a term few applicants have counts most.
    """

    name = "lexical"
    neutral = 0.0

    def __init__(self, weight: float = 0.1) -> None:
        self.weight = weight

    def applies(self, ctx: JobContext) -> bool:
        return bool(ctx.terms)

    def score(self, job: Job, cand: CandidateView, ctx: JobContext | None = None) -> PartScore:
        ctx = _context(job, cand, ctx)
        if not self.applies(ctx):
            return _neutral(self, "the job has no text")
        raw = ctx.lexicon.bm25(ctx.terms, cand.counts)
        value = raw / ctx.lexical_max if ctx.lexical_max > 0 else 0.0
        lex = ctx.lexicon
        hits = [t for t in ctx.terms if cand.counts.get(t) and t in lex.doc_freq]
        hits.sort(key=lambda t: (-float(idf(lex.doc_freq[t], lex.n_docs)), t))
        detail = f"{len(hits)} of {len(ctx.terms)} job terms" + (f", rarest: {', '.join(hits[:5])}" if hits else "")
        return PartScore(name=self.name, value=_clip(value), weight=self.weight, detail=detail,
                         evidence=_quotes([cand.find(t) for t in hits[:MAX_QUOTES]]))

    def values(self, ctx: JobContext, index: CandidateIndex) -> np.ndarray:
        if not self.applies(ctx):
            return np.full(index.size, self.neutral)
        raw = ctx.pool_bm25 if ctx.pool_bm25 is not None and len(ctx.pool_bm25) == index.size else index.bm25(ctx.terms)
        return np.clip(raw / ctx.lexical_max, 0.0, 1.0) if ctx.lexical_max > 0 else np.zeros(index.size)


def default_parts() -> list[Part]:
    """The registered parts with their default weights (they need not sum to 1).

    Skills alone proved a weak signal of fit on real resumes (a job's tool list names Excel and
    Outlook for half the professions), while what the person has been doing (experience text,
    recent titles) is a strong one: on the livecareer benchmark (BENCHMARKS.md, rank_quality)
    NDCG@10 alone was required_skills 0.31, semantic 0.57, title_fit 0.68. The weights keep
    skills a fifth of the score, because within one profession they are what separates people.
    """
    return [
        SkillsPart("required_skills", 0.2, required=True),
        SkillsPart("nice_skills", 0.05, required=False),
        SemanticPart(0.3),
        YearsPart(0.08),
        EducationPart(0.05),
        TitlePart(0.22),
        LexicalPart(0.1),
    ]


PART_NAMES: tuple[str, ...] = tuple(p.name for p in default_parts())
DEFAULT_WEIGHTS: dict[str, float] = {p.name: p.weight for p in default_parts()}
