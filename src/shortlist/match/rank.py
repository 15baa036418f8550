"""The hybrid ranker: weighted score parts (or a trained model over them), knock-out filters,
blind mode, and explanations for the candidates returned.

Knock-out rules are filters the recruiter set, not verdicts: a candidate who fails one is
still listed, with the rule's label, below everyone who passes. A trained model (from
``learn/``) only replaces how the parts are combined; the parts, verdicts and reasons a
recruiter reads are the same.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

import numpy as np
from pydantic import BaseModel, Field

from shortlist.embed.base import Embedder
from shortlist.match.context import JobContext
from shortlist.match.explain import reasons, verdicts
from shortlist.match.index import CandidateIndex
from shortlist.match.model import KnockoutRule, PartScore, RankedCandidate
from shortlist.match.parts import DEFAULT_WEIGHTS, PART_NAMES, Part, default_parts
from shortlist.match.skillmatch import TaxonomyLike
from shortlist.match.text import tokenize
from shortlist.profile.model import Job, Profile


class ScoreModel(Protocol):
    """What ``learn/`` provides: parts matrix (n x len(PART_NAMES)) -> scores in [0, 1]."""

    def predict_score(self, features: np.ndarray) -> np.ndarray: ...


def default_embedder(*texts: str) -> Embedder:
    """The model ``choose_embedder`` picks for these texts, behind the on-disk vector cache,
    with the matcher's trained projection on top where one exists for that model (the cache
    holds the encoder's own vectors, so a new projection does not re-embed anything)."""
    from shortlist.embed.cache import CachedEmbedder, default_cache_dir
    from shortlist.embed.project import projected
    from shortlist.embed.route import choose_embedder

    return projected(CachedEmbedder(choose_embedder(*texts), default_cache_dir()))


def resolve_weights(weights: dict[str, float] | None) -> dict[str, float]:
    """Defaults overridden by ``weights``; unknown part names are an error, not ignored."""
    merged = dict(DEFAULT_WEIGHTS)
    for name, w in (weights or {}).items():
        if name not in merged:
            raise ValueError(f"unknown score part {name!r}; known: {', '.join(PART_NAMES)}")
        if w < 0:
            raise ValueError(f"weight of {name} must not be negative")
        merged[name] = float(w)
    return merged


def effective_weights(parts: Sequence[Part], ctx: JobContext, weights: dict[str, float]) -> dict[str, float]:
    """Weights renormalised over the parts that apply to this job (they sum to 1, or all 0)."""
    raw = {p.name: weights[p.name] if p.applies(ctx) else 0.0 for p in parts}
    total = sum(raw.values())
    return {k: (v / total if total > 0 else 0.0) for k, v in raw.items()}


def model_label(model: object) -> str:
    """The model's own ``label`` (learn/'s ``TrainedRanker``), else ``trained:<name>@<version>``."""
    label = getattr(model, "label", None)
    if isinstance(label, str) and label:
        return label
    return f"trained:{getattr(model, 'name', type(model).__name__)}@{getattr(model, 'version', '0')}"


# ---------------------------------------------------------------------------- knock-outs
_AUTH_GENERIC = {"work", "authorization", "authorisation", "authorized", "authorised", "right", "permit", "stated", "any"}


def knockout_fails(index: CandidateIndex, rules: Sequence[KnockoutRule]) -> list[tuple[str, np.ndarray]]:
    """(label, fails per candidate) for each enabled rule."""
    out = []
    for rule in rules:
        if not rule.enabled:
            continue
        if rule.kind == "skill":
            fails = ~index.has_skill(rule.value)
        elif rule.kind == "min_years":
            with np.errstate(invalid="ignore"):
                fails = ~(index.years >= float(rule.value))
        else:
            words = {w for w in tokenize(rule.value) if w not in _AUTH_GENERIC}
            fails = np.ones(index.size, dtype=bool)
            for i, lines in index.auth.items():
                said = set(tokenize(" ".join(lines)))
                fails[i] = bool(words) and not words & said
        out.append((rule.label, fails))
    return out


# ---------------------------------------------------------------------------- search
TWO_STAGE_MIN = 200_000  # pools this large are searched in two stages (exact below: 0.3 s at 100k)
SHORTLIST = 5_000  # candidates the second stage scores exactly


def _combine(values: dict[str, np.ndarray], eff: dict[str, float], model: ScoreModel | None, n: int) -> np.ndarray:
    if model is not None:
        feats = np.column_stack([values[k] for k in PART_NAMES]) if n else np.zeros((0, len(PART_NAMES)))
        return np.clip(np.asarray(model.predict_score(feats), dtype=np.float64).reshape(-1), 0.0, 1.0)
    score = np.zeros(n)
    for name, w in eff.items():
        score += w * values[name]
    return score


def score_all(
    index: CandidateIndex, ctx: JobContext, parts: Sequence[Part], weights: dict[str, float], model: ScoreModel | None,
    shortlist: int = SHORTLIST,
) -> tuple[dict[str, np.ndarray], dict[str, float], np.ndarray]:
    """Part values, effective weights and the 0-1 score of every candidate.

    With ``ctx.approximate`` (a large pool) the experience similarity comes from the coarse
    vectors first; the ``shortlist`` best candidates by that score then get their exact
    values (parts with ``values_at``) and exact scores, so whoever is returned is scored as
    the exact path would score them."""
    values = {p.name: np.array(p.values(ctx, index), dtype=np.float64) for p in parts}
    eff = effective_weights(parts, ctx, weights)
    score = _combine(values, eff, model, index.size)
    if ctx.approximate and index.size:
        m = min(shortlist, index.size)
        rows = np.argpartition(-score, m - 1)[:m]
        for p in parts:
            at = getattr(p, "values_at", None)
            if at is not None:
                values[p.name][rows] = at(ctx, index, rows)
        score[rows] = _combine({k: v[rows] for k, v in values.items()}, eff, model, m)
    return values, eff, score


def search(
    index: CandidateIndex,
    job: Job,
    top: int | None = None,
    weights: dict[str, float] | None = None,
    knockouts: Sequence[KnockoutRule] | None = None,
    model: ScoreModel | None = None,
    blind: bool = False,
    parts: Sequence[Part] | None = None,
    select: Sequence[int] | None = None,
    two_stage_min: int = TWO_STAGE_MIN,
) -> list[RankedCandidate]:
    """Score everyone in ``index`` for ``job``; explain only the ``top`` returned.

    ``select`` limits the returned (and explained) candidates to these pool positions;
    their ranks stay their ranks in the whole pool. A pool of ``two_stage_min`` or more,
    asked for a ``top``, is searched in two stages (see :func:`score_all`); smaller pools,
    and every full ranking, are scored exactly.

    Order: candidates who pass every enabled knock-out rule by score, then the knocked-out
    ones by score; ties keep the pool order.
    """
    parts = list(parts or default_parts())
    ctx = index.context(job)
    if top is not None and select is None and index.size >= two_stage_min:
        ctx = replace(ctx, approximate=True)
    values, eff, score = score_all(index, ctx, parts, resolve_weights(weights), model, max(SHORTLIST, 50 * (top or 0)))
    fails = knockout_fails(index, knockouts or [])
    knocked = np.zeros(index.size, dtype=bool)
    for _, f in fails:
        knocked |= f
    order = np.lexsort((np.arange(index.size), -score, knocked))
    ranks = np.empty(index.size, dtype=np.int64)  # pool position -> rank (an array: no dict of 1M entries)
    ranks[order] = np.arange(1, index.size + 1)
    chosen = order if top is None else order[: max(0, top)]
    if select is not None:
        wanted = set(select)
        chosen = [i for i in chosen if int(i) in wanted]
    out = []
    for i in chosen:
        rank = int(ranks[int(i)])
        view = index.view(int(i))
        scored = []
        for p in parts:
            ps = p.score(job, view, ctx)
            scored.append(ps.model_copy(update={"value": float(values[p.name][i]), "weight": round(eff[p.name], 4)}))
        vs = verdicts(ctx, view)
        pro, con = reasons(ctx, view, scored, vs)
        profile = view.profile
        out.append(RankedCandidate(
            source=None if blind else profile.source,
            candidate_id=profile.sha256,
            name=None if blind or profile.name is None else profile.name.value,
            rank=rank,
            score=round(100.0 * float(score[i]), 2),
            parts=scored,
            verdicts=vs,
            reasons_for=pro,
            reasons_against=con,
            flags=view.review_flags(),
            needs_review=view.needs_review,
            knocked_out=[label for label, f in fails if f[i]],
            model="hybrid" if model is None else model_label(model),
        ))
    return out


def features(
    job: Job,
    profiles: Sequence[Profile] | CandidateIndex,
    embedder: Embedder | None = None,
    taxonomy: TaxonomyLike | None = None,
    today: date | None = None,
) -> tuple[np.ndarray, list[str]]:
    """The parts matrix (n x len(PART_NAMES), columns in ``PART_NAMES`` order) trained rankers fit on."""
    index = profiles if isinstance(profiles, CandidateIndex) else CandidateIndex.build(
        profiles, embedder=embedder or default_embedder(job.text, *(p.text for p in profiles)), taxonomy=taxonomy,
        today=today)
    ctx = index.context(job)
    parts = default_parts()
    values = {p.name: p.values(ctx, index) for p in parts}
    matrix = np.column_stack([values[n] for n in PART_NAMES]) if index.size else np.zeros((0, len(PART_NAMES)))
    return matrix.astype(np.float64), list(PART_NAMES)


def blind_profiles(profiles: Sequence[Profile]) -> list[Profile]:
    """Redacted copies: name, contact and personal details removed from fields and text."""
    from shortlist.profile.redact import redact

    return [redact(p) for p in profiles]


class HybridRanker:
    """Rank profiles for a job. ``weights`` override ``DEFAULT_WEIGHTS`` by part name."""

    def __init__(
        self,
        weights: dict[str, float] | None = None,
        blind: bool = False,
        knockouts: list[KnockoutRule] | None = None,
        model: ScoreModel | None = None,
        embedder: Embedder | None = None,
        taxonomy: TaxonomyLike | None = None,
        today: date | None = None,
    ) -> None:
        self.weights = weights
        self.blind = blind
        self.knockouts = knockouts
        self.model = model
        self.embedder = embedder
        self.taxonomy = taxonomy
        self.today = today

    def index(self, job: Job, profiles: Sequence[Profile]) -> CandidateIndex:
        pool = blind_profiles(profiles) if self.blind else list(profiles)
        embedder = self.embedder or default_embedder(job.text, *(p.text for p in pool))
        return CandidateIndex.build(pool, embedder=embedder, taxonomy=self.taxonomy, today=self.today)

    def features(self, job: Job, profiles: Sequence[Profile]) -> tuple[np.ndarray, list[str]]:
        """The parts matrix for these profiles, as this ranker sees them (blind or not)."""
        return features(job, self.index(job, profiles))

    def rank(self, job: Job, profiles: Sequence[Profile], top: int | None = None) -> list[RankedCandidate]:
        return search(self.index(job, profiles), job, top=top, weights=self.weights, knockouts=self.knockouts,
                      model=self.model, blind=self.blind)


class RankedJob(BaseModel):
    """One job as ranked for one candidate (``shortlist match``)."""

    job_source: str | None = None
    job_title: str | None = None
    rank: int = 0
    score: float = 0.0  # 0-100
    parts: list[PartScore] = Field(default_factory=list)
    result: RankedCandidate


def match_jobs(
    profile: Profile,
    jobs: Sequence[Job],
    ranker: HybridRanker | None = None,
    pool: Sequence[Profile] | None = None,
) -> list[RankedJob]:
    """Jobs ranked for one candidate, best first (jobs the candidate is knocked out of last).

    The candidate is indexed once (with ``pool``, if given, for BM25's IDF) and scored
    against each job. Without a pool the lexical part gets weight 0 unless the ranker sets
    weights: one resume alone would make every job term look equally rare.
    """
    ranker = ranker or HybridRanker()
    weights = ranker.weights if ranker.weights is not None or pool else {"lexical": 0.0}
    everyone = [profile, *(p for p in (pool or []) if p is not profile)]
    everyone = blind_profiles(everyone) if ranker.blind else everyone
    embedder = ranker.embedder or default_embedder(*(j.text for j in jobs), *(p.text for p in everyone))
    index = CandidateIndex.build(everyone, embedder=embedder, taxonomy=ranker.taxonomy, today=ranker.today)
    rows = []
    for j, job in enumerate(jobs):
        mine = search(index, job, weights=weights, knockouts=ranker.knockouts, model=ranker.model,
                      blind=ranker.blind, select=[0])[0]
        title = job.title.value if job.title else None
        rows.append((bool(mine.knocked_out), -mine.score, j,
                     RankedJob(job_source=job.source, job_title=title, score=mine.score, parts=mine.parts, result=mine)))
    rows.sort(key=lambda t: t[:3])
    return [r.model_copy(update={"rank": k}) for k, (*_, r) in enumerate(rows, start=1)]
