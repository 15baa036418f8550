"""Everything derived from a job once (not once per candidate), and the candidate vectors.

``JobContext`` holds the job's query vectors, its skill requirements resolved against the
taxonomy, its lexical query terms and the pool statistics BM25 needs. Both the per-pair
parts and the vectorised index read the same context, which is what makes their scores
agree. Candidate vectors are stored as float16 (half the memory at 100,000 candidates);
the per-pair path rounds them the same way.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from shortlist.embed.base import Embedder, l2_normalise
from shortlist.match.skillmatch import RequirementSkills, TaxonomyLike, default_taxonomy
from shortlist.match.text import Lexicon, query_terms
from shortlist.match.view import CandidateView
from shortlist.profile.model import DegreeLevel, Job

VEC_DTYPE = np.float16
VECTOR_KINDS = ("experience", "title", "area")
MAX_JOB_CHUNKS = 40
_SIM_BLOCK = 16384  # rows per similarity call: bounds the float32 copy of a float16 matrix


def mean_vector(rows: np.ndarray, dim: int) -> np.ndarray:
    """L2-normalised mean of row vectors; the zero vector when there are none."""
    if len(rows) == 0:
        return np.zeros(dim, dtype=np.float32)
    return l2_normalise(np.asarray(rows, dtype=np.float32).mean(axis=0, keepdims=True))[0]


def candidate_vectors(views: Sequence[CandidateView], embedder: Embedder) -> dict[str, np.ndarray]:
    """One experience, title and field-of-study vector per candidate (zero rows when absent).

    All texts go to the embedder in one call: with some engines each call has a fixed cost
    of seconds, far more than the texts themselves.
    """
    n, dim = len(views), embedder.dim
    out = {k: np.zeros((n, dim), dtype=VEC_DTYPE) for k in VECTOR_KINDS}
    texts: list[str] = []
    owner: list[tuple[str, int]] = []
    for i, v in enumerate(views):
        for c in v.experience_chunks():
            texts.append(c)
            owner.append(("experience", i))
        for kind, text in (("title", v.title_text()), ("area", v.area_text())):
            if text:
                texts.append(text)
                owner.append((kind, i))
    if not texts:
        return out
    enc = embedder.encode(texts, kind="passage")
    chunks: dict[int, list[int]] = {}
    for row, (kind, i) in enumerate(owner):
        if kind == "experience":
            chunks.setdefault(i, []).append(row)
        else:
            out[kind][i] = enc[row]
    for i, rows in chunks.items():
        out["experience"][i] = mean_vector(enc[rows], dim)
    return out


def similarity_rows(embedder: Embedder, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Calibrated similarity of ``query`` to each row; 0 for zero rows (nothing to compare)."""
    out = np.zeros(len(rows), dtype=np.float64)
    if not np.any(query):
        return out
    for a in range(0, len(rows), _SIM_BLOCK):
        block = np.asarray(rows[a:a + _SIM_BLOCK], dtype=np.float32)
        sim = np.asarray(embedder.similarity(query, block), dtype=np.float64).reshape(-1)
        out[a:a + len(block)] = np.where(np.any(block != 0, axis=1), sim, 0.0)
    return out


def job_years(job: Job) -> float | None:
    """Minimum overall years: the job field, else a "years" requirement."""
    if job.min_years:
        return job.min_years
    return next((r.min_years for r in job.requirements if r.kind == "years" and r.min_years), None)


def job_education(job: Job) -> tuple[DegreeLevel | None, str | None]:
    """Required degree level and field: the job fields, else an "education" requirement."""
    req = next((r for r in job.requirements if r.kind == "education"), None)
    level = job.education_level or (req.level if req else None)
    area = job.education_area or (req.area if req else None)
    return level, area


def job_title(job: Job) -> str:
    return job.title.value.strip() if job.title and job.title.value else ""


def job_duties(job: Job) -> list[str]:
    """What the job does: title and responsibilities, else chunks of the job text."""
    from shortlist.embed.chunk import chunk_text

    duties = [r.value for r in job.responsibilities if r.value and r.value.strip()]
    if not duties and job.text.strip():
        duties = chunk_text(job.text, 300)[:MAX_JOB_CHUNKS]
    title = job_title(job)
    return ([title] if title else []) + duties


@dataclass
class JobContext:
    """A job made ready for scoring against one pool. Build with :meth:`build`."""

    job: Job
    embedder: Embedder
    taxonomy: TaxonomyLike
    today: date | None
    required: list[RequirementSkills]
    nice: list[RequirementSkills]
    queries: dict[str, np.ndarray]  # experience / title / area query vectors (zero when absent)
    terms: list[str]
    lexicon: Lexicon = field(default_factory=lambda: Lexicon({}, 0, 0.0))
    lexical_max: float = 0.0
    pool_bm25: np.ndarray | None = None  # raw BM25 of every indexed candidate, when built by an index

    @classmethod
    def build(
        cls,
        job: Job,
        embedder: Embedder,
        taxonomy: TaxonomyLike | None = None,
        pool: Sequence[CandidateView] | None = None,
        today: date | None = None,
    ) -> JobContext:
        """Resolve the job once. ``pool`` (the views being ranked) sets BM25's statistics."""
        tax = taxonomy if taxonomy is not None else default_taxonomy()
        duties = job_duties(job)
        queries = _queries(embedder, duties, job_title(job), job_education(job)[1] or "")
        ctx = cls(
            job=job, embedder=embedder, taxonomy=tax, today=today,
            required=[RequirementSkills(r, tax) for r in job.skill_requirements(required=True)],
            nice=[RequirementSkills(r, tax) for r in job.skill_requirements(required=False)],
            queries=queries, terms=query_terms(job.text or " ".join(duties)),
        )
        return ctx.with_pool(pool) if pool is not None else ctx

    def with_pool(self, pool: Sequence[CandidateView]) -> JobContext:
        """The same context with BM25 statistics and normaliser taken from ``pool``."""
        lex = Lexicon.of(v.counts for v in pool)
        best = max((lex.bm25(self.terms, v.counts) for v in pool), default=0.0)
        return replace(self, lexicon=lex, lexical_max=best)

    @property
    def chinese(self) -> bool:
        return self.job.language == "zh"


def _queries(embedder: Embedder, duties: list[str], title: str, area: str) -> dict[str, np.ndarray]:
    """The job's query vectors from one embedder call (zero vectors for what is absent)."""
    dim = embedder.dim
    texts = duties + [t for t in (title, area) if t]
    enc = embedder.encode(texts, kind="query") if texts else np.zeros((0, dim), np.float32)
    zero = np.zeros(dim, dtype=np.float32)
    pos = len(duties)
    title_vec = enc[pos] if title else zero
    area_vec = enc[pos + (1 if title else 0)] if area else zero
    return {"experience": mean_vector(enc[:pos], dim), "title": title_vec, "area": area_vec}
