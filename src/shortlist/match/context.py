"""Everything derived from a job once (not once per candidate), and the candidate vectors.

``JobContext`` holds the job's query vectors, its skill requirements resolved against the
taxonomy, its lexical query terms and the pool statistics BM25 needs. Both the per-pair
parts and the vectorised index read the same context, which is what makes their scores
agree. Candidate vectors (see ``CandidateVectors``) are computed by one function for both
paths.
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

MAX_JOB_CHUNKS = 40
_SIM_BLOCK = 32768  # rows per similarity call: bounds the temporary arrays


def mean_vector(rows: np.ndarray, dim: int) -> np.ndarray:
    """L2-normalised mean of row vectors; the zero vector when there are none."""
    if len(rows) == 0:
        return np.zeros(dim, dtype=np.float32)
    return l2_normalise(np.asarray(rows, dtype=np.float32).mean(axis=0, keepdims=True))[0]


@dataclass
class CandidateVectors:
    """Embeddings of a pool: one experience vector per candidate, and a table of distinct
    short texts (titles, fields of study) that candidates point into.

    Titles and fields repeat across a pool ("Software Engineer", "Computer Science"), so
    each distinct text is embedded and compared once, then gathered per candidate; at
    100,000 candidates this keeps scoring to one matrix-vector product for experience.
    """

    experience: np.ndarray  # int8 (n, dim): each row scaled so its largest component is 127
    has_experience: np.ndarray  # bool (n,); False rows are zero
    experience_scale: np.ndarray  # float32 (n,): the row's largest component / 127
    table: np.ndarray  # float32 (u, dim): vectors of distinct titles / fields
    title_ids: np.ndarray  # int32 (n,) row of ``table``, -1 when none
    area_ids: np.ndarray  # int32 (n,)

    @classmethod
    def build(cls, views: Sequence[CandidateView], embedder: Embedder, known: dict[str, int] | None = None,
              ) -> CandidateVectors:
        """Embed ``views`` in one embedder call. ``known`` maps texts already in an earlier
        table to their rows (updated in place); the returned ``table`` holds only new texts."""
        known = {} if known is None else known
        n, dim = len(views), embedder.dim
        texts: list[str] = []
        owner: list[int] = []
        new: list[str] = []
        first_new = len(known)
        ids = {"title": np.full(n, -1, dtype=np.int32), "area": np.full(n, -1, dtype=np.int32)}
        for i, v in enumerate(views):
            for c in v.experience_chunks():
                texts.append(c)
                owner.append(i)
            for kind, text in (("title", v.title_text()), ("area", v.area_text())):
                if text:
                    if text not in known:
                        known[text] = len(known)
                        new.append(text)
                    ids[kind][i] = known[text]
        enc = embedder.encode(texts + new, kind="passage") if texts or new else np.zeros((0, dim), np.float32)
        experience = np.zeros((n, dim), dtype=np.float32)
        rows: dict[int, list[int]] = {}
        for row, i in enumerate(owner):
            rows.setdefault(i, []).append(row)
        for i, r in rows.items():
            experience[i] = mean_vector(enc[r], dim)
        has = np.zeros(n, dtype=bool)
        has[list(rows)] = True
        # a copy: a view would keep every chunk vector of the batch alive with the table
        table = np.array(enc[len(texts):], dtype=np.float32).reshape(len(new), dim)
        assert first_new + len(new) == len(known)
        q, scale = quantise(experience)
        return cls(q, has, scale, table, ids["title"], ids["area"])

    @classmethod
    def concat(cls, parts: list[CandidateVectors], dim: int) -> CandidateVectors:
        """Batches built with one shared ``known`` dict, joined in order. Consumes ``parts``:
        each batch is freed once copied, so the build never holds two copies of the vectors."""
        n = sum(len(p) for p in parts)
        u = sum(len(p.table) for p in parts)
        out = cls(np.empty((n, dim), np.int8), np.empty(n, bool), np.empty(n, np.float32),
                  np.empty((u, dim), np.float32), np.empty(n, np.int32), np.empty(n, np.int32))
        i = j = 0
        parts.reverse()
        while parts:
            p = parts.pop()
            k, t = len(p), len(p.table)
            out.experience[i:i + k] = p.experience
            out.has_experience[i:i + k] = p.has_experience
            out.experience_scale[i:i + k] = p.experience_scale
            out.title_ids[i:i + k] = p.title_ids
            out.area_ids[i:i + k] = p.area_ids
            out.table[j:j + t] = p.table
            i, j = i + k, j + t
        return out

    def __len__(self) -> int:
        return len(self.has_experience)

    def coarse(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(basis, int8 coarse rows, scales), computed on first use and kept."""
        cached = self.__dict__.get("_coarse")
        if cached is None:
            cached = self.__dict__["_coarse"] = _coarse_of(self)
        return cached

    def experience_at(self, embedder: Embedder, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Exact experience similarity of ``rows`` only (the second stage of a large search)."""
        sims = similarity_rows(embedder, query, self.experience[rows], self.experience_scale[rows])
        return np.where(self.has_experience[rows], sims, 0.0)

    def similarity(self, kind: str, embedder: Embedder, query: np.ndarray, approximate: bool = False) -> np.ndarray:
        """Calibrated similarity of ``query`` to each candidate's ``kind`` vector; 0 where absent.
        ``approximate``: experience from the coarse vectors (the first stage of a large search)."""
        if kind == "experience":
            if approximate:
                basis, coarse, scale = self.coarse()
                sims = similarity_rows(embedder, query @ basis, coarse, scale)
            else:
                sims = similarity_rows(embedder, query, self.experience, self.experience_scale)
            return np.where(self.has_experience, sims, 0.0)
        ids = self.title_ids if kind == "title" else self.area_ids
        per_text = similarity_rows(embedder, query, self.table)
        return np.where(ids >= 0, per_text[np.maximum(ids, 0)] if len(per_text) else 0.0, 0.0)


COARSE_DIMS = 64
_COARSE_SAMPLE = 20_000


def _coarse_of(vectors: CandidateVectors) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An orthonormal basis of the experience vectors' main directions (SVD of a sample, no
    centring: it is dot products that must survive) and every row projected on it, in int8."""
    n, dim = vectors.experience.shape
    k = min(COARSE_DIMS, dim)
    step = max(1, n // _COARSE_SAMPLE)
    sample = vectors.experience[::step].astype(np.float32) * vectors.experience_scale[::step, None]
    _, _, vt = np.linalg.svd(sample, full_matrices=False)
    basis = np.ascontiguousarray(vt[:k].T, dtype=np.float32)  # (dim, k)
    out = np.empty((n, k), np.float32)
    for a in range(0, n, _SIM_BLOCK):
        block = vectors.experience[a:a + _SIM_BLOCK].astype(np.float32) * vectors.experience_scale[a:a + _SIM_BLOCK, None]
        out[a:a + len(block)] = block @ basis
    q, scale = quantise(out)
    return basis, q, scale


def quantise(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and their scales: a quarter of the memory of float32 at 1M candidates (cosine
    error about 1e-3, far below what moves a rank)."""
    peak = np.abs(rows).max(axis=1) if len(rows) else np.zeros(0, np.float32)
    scale = (peak / 127.0).astype(np.float32)
    q = np.rint(rows / np.where(scale > 0, scale, 1.0)[:, None]).clip(-127, 127).astype(np.int8)
    return q, scale


def similarity_rows(embedder: Embedder, query: np.ndarray, rows: np.ndarray, scale: np.ndarray | None = None,
                    ) -> np.ndarray:
    """Calibrated similarity of ``query`` to each row (blocks bound the temporary arrays);
    int8 rows are scaled back by ``scale`` block by block."""
    out = np.zeros(len(rows), dtype=np.float64)
    if not np.any(query):
        return out
    for a in range(0, len(rows), _SIM_BLOCK):
        block = rows[a:a + _SIM_BLOCK]
        if scale is not None:
            block = block.astype(np.float32) * scale[a:a + _SIM_BLOCK, None]
        out[a:a + len(block)] = np.asarray(embedder.similarity(query, block), dtype=np.float64).reshape(-1)
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
    approximate: bool = False  # first stage of a large search: experience similarity from the coarse vectors

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
