"""Everything derived from a job once (not once per candidate), and the candidate vectors.

``JobContext`` holds the job's query vectors, its skill requirements resolved against the
taxonomy, its lexical query terms and the pool statistics BM25 needs. Both the per-pair
parts and the vectorised index read the same context, which is what makes their scores
agree. Candidate vectors are stored as int8 codes with one float32 scale per row (a quarter
of the memory of float32 and, unlike float16, quick to turn back into float32 with numpy);
the per-pair path quantises them the same way.
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

VECTOR_KINDS = ("experience", "title", "area")
MAX_JOB_CHUNKS = 40
_SIM_BLOCK = 16384  # rows per similarity call: bounds the float32 copy of the int8 codes


def mean_vector(rows: np.ndarray, dim: int) -> np.ndarray:
    """L2-normalised mean of row vectors; the zero vector when there are none."""
    if len(rows) == 0:
        return np.zeros(dim, dtype=np.float32)
    return l2_normalise(np.asarray(rows, dtype=np.float32).mean(axis=0, keepdims=True))[0]


@dataclass
class QuantVectors:
    """Row vectors as int8 codes times a per-row scale; a zero scale marks an absent vector."""

    codes: np.ndarray  # int8 (n, dim)
    scales: np.ndarray  # float32 (n,)

    @classmethod
    def zeros(cls, n: int, dim: int) -> QuantVectors:
        return cls(np.zeros((n, dim), dtype=np.int8), np.zeros(n, dtype=np.float32))

    @classmethod
    def of(cls, rows: np.ndarray) -> QuantVectors:
        rows = np.atleast_2d(np.asarray(rows, dtype=np.float32))
        peak = np.abs(rows).max(axis=1) if rows.size else np.zeros(len(rows), np.float32)
        scales = (peak / 127.0).astype(np.float32)
        safe = np.where(scales > 0, scales, 1.0).astype(np.float32)
        codes = np.clip(np.rint(rows / safe[:, None]), -127, 127).astype(np.int8)
        return cls(codes, scales)

    def __len__(self) -> int:
        return len(self.scales)

    def put(self, start: int, other: QuantVectors) -> None:
        self.codes[start:start + len(other)] = other.codes
        self.scales[start:start + len(other)] = other.scales

    def rows(self, start: int = 0, end: int | None = None) -> np.ndarray:
        """float32 rows ``start:end`` (zero rows where absent)."""
        block = self.codes[start:end].astype(np.float32)
        block *= self.scales[start:end, None]
        return block


def candidate_vectors(views: Sequence[CandidateView], embedder: Embedder) -> dict[str, QuantVectors]:
    """One experience, title and field-of-study vector per candidate (absent rows: scale 0).

    All texts go to the embedder in one call: with some engines each call has a fixed cost
    of seconds, far more than the texts themselves.
    """
    n, dim = len(views), embedder.dim
    dense = {k: np.zeros((n, dim), dtype=np.float32) for k in VECTOR_KINDS}
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
    if texts:
        enc = embedder.encode(texts, kind="passage")
        chunks: dict[int, list[int]] = {}
        for row, (kind, i) in enumerate(owner):
            if kind == "experience":
                chunks.setdefault(i, []).append(row)
            else:
                dense[kind][i] = enc[row]
        for i, rows in chunks.items():
            dense["experience"][i] = mean_vector(enc[rows], dim)
    return {k: QuantVectors.of(v) if n else QuantVectors.zeros(0, dim) for k, v in dense.items()}


def similarity_rows(embedder: Embedder, query: np.ndarray, vectors: QuantVectors) -> np.ndarray:
    """Calibrated similarity of ``query`` to each stored vector; 0 where a vector is absent."""
    out = np.zeros(len(vectors), dtype=np.float64)
    if not np.any(query):
        return out
    for a in range(0, len(vectors), _SIM_BLOCK):
        block = vectors.rows(a, a + _SIM_BLOCK)
        sim = np.asarray(embedder.similarity(query, block), dtype=np.float64).reshape(-1)
        out[a:a + len(block)] = np.where(vectors.scales[a:a + _SIM_BLOCK] > 0, sim, 0.0)
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
