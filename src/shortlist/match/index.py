"""Precomputed per-candidate arrays, so a job is scored against everyone with numpy.

Parsing and embedding a resume is slow; scoring one against a job should not be. The
index keeps only what the parts need, in compact arrays: a sparse candidate x skill table
(months of use and recency weight per cell), years, degree rank, seniority, one int8-quantised
experience vector per candidate, title and field-of-study ids into a table of the distinct
texts' vectors, and a sparse
term-count matrix for BM25 with document frequencies from the pool. ``search`` scores all
candidates at once and builds explanations only for the ones it returns.

Profiles are read again (through the sequence given to ``build``) only for the returned
candidates, so the sequence may be a lazy store that loads each profile on demand.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from scipy import sparse

from shortlist.embed.base import Embedder
from shortlist.embed.cache import CachedEmbedder
from shortlist.embed.project import ProjectedEmbedder
from shortlist.match.context import CandidateVectors, JobContext
from shortlist.match.model import RankedCandidate
from shortlist.match.skillmatch import RequirementSkills, TaxonomyLike, default_taxonomy, use_credit
from shortlist.match.text import Lexicon, bm25_term, idf
from shortlist.match.view import CandidateView
from shortlist.profile.model import Job, Profile, Requirement

BUILD_BATCH = 512  # profiles turned into views and embedded at a time (bounds build memory)
_TF_MAX = np.iinfo(np.uint16).max


@dataclass
class SkillTable:
    """Candidate x skill cells in column-major order: ``rows[indptr[j]:indptr[j+1]]`` have skill j."""

    names: list[str]  # canonical names, one per column
    indptr: np.ndarray
    rows: np.ndarray  # int32
    months: np.ndarray  # float32, 0 = undated
    recency: np.ndarray  # float32
    families: list[str | None]

    def column(self, name: str) -> int | None:
        return self._by_lower().get(name.lower())

    def _by_lower(self) -> dict[str, int]:
        cache = self.__dict__.get("_lower")
        if cache is None:
            cache = {n.lower(): j for j, n in enumerate(self.names)}
            self.__dict__["_lower"] = cache
        return cache

    def family_columns(self, family: str | None) -> list[int]:
        if family is None:
            return []
        return [j for j, f in enumerate(self.families) if f == family]


@dataclass
class CandidateIndex:
    """Arrays for ``size`` candidates; build with :meth:`build`."""

    profiles: Sequence[Profile]
    embedder: Embedder
    taxonomy: TaxonomyLike
    today: date | None
    years: np.ndarray  # float64, NaN when unknown
    degree_rank: np.ndarray  # int8, -1 when no degree stated
    seniority: np.ndarray  # int8, -1 when no title
    vectors: CandidateVectors
    skills: SkillTable
    tf: sparse.csc_matrix  # size x vocabulary term counts (uint16)
    doc_len: np.ndarray  # float64 tokens per candidate
    lexicon: Lexicon
    vocab: dict[str, int]
    auth: dict[int, list[str]]  # candidate -> lines stating work authorisation

    @property
    def size(self) -> int:
        return len(self.years)

    @classmethod
    def build(
        cls,
        profiles: Sequence[Profile],
        embedder: Embedder | None = None,
        taxonomy: TaxonomyLike | None = None,
        today: date | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> CandidateIndex:
        """Read every profile once (in batches) and keep only the arrays scoring needs."""
        from shortlist.match.parts import candidate_seniority

        tax = taxonomy if taxonomy is not None else default_taxonomy()
        if embedder is None:
            from shortlist.match.rank import default_embedder

            embedder = default_embedder(*(p.text for p in profiles))
        if not _caches(embedder):
            # explanations re-read the texts the index embedded: serve them from memory
            embedder = CachedEmbedder(embedder, None)
        n = len(profiles)
        years = np.full(n, np.nan)
        degree = np.full(n, -1, dtype=np.int8)
        seniority = np.full(n, -1, dtype=np.int8)
        batches: list[CandidateVectors] = []
        known_texts: dict[str, int] = {}
        cells: list[tuple[np.ndarray, ...]] = []  # (rows, cols, months, recency) per batch
        terms: list[tuple[np.ndarray, ...]] = []  # (rows, cols, counts) per batch
        doc_len = np.zeros(n, dtype=np.float64)
        skill_cols: dict[str, int] = {}
        vocab: dict[str, int] = {}
        auth: dict[int, list[str]] = {}
        canonical: dict[str, str] = {}
        for a in range(0, n, BUILD_BATCH):
            views = [CandidateView.of(profiles[i], today) for i in range(a, min(n, a + BUILD_BATCH))]
            batches.append(CandidateVectors.build(views, embedder, known_texts))
            s_rows, s_cols, s_months, s_rec, t_rows, t_cols, t_counts = [], [], [], [], [], [], []
            for off, v in enumerate(views):
                i = a + off
                years[i] = np.nan if v.years is None else v.years
                degree[i] = v.degree_rank()
                seniority[i] = candidate_seniority(v)
                for name, use in v.skills.items():
                    canon = canonical.get(name)
                    if canon is None:
                        canon = canonical[name] = tax.canonical(name) or name
                    s_rows.append(i)
                    s_cols.append(skill_cols.setdefault(canon, len(skill_cols)))
                    s_months.append(use.months or 0)
                    s_rec.append(use.recency)
                for term, count in v.counts.items():
                    t_rows.append(i)
                    t_cols.append(vocab.setdefault(term, len(vocab)))
                    t_counts.append(min(count, _TF_MAX))
                doc_len[i] = sum(v.counts.values())
                if v.auth_lines:
                    auth[i] = [ev.text for ev in v.auth_lines]
            cells.append((np.array(s_rows, np.int32), np.array(s_cols, np.int32),
                          np.array(s_months, np.float32), np.array(s_rec, np.float32)))
            # per candidate its number of terms, not a row per posting: rows are rebuilt when assembled
            lengths = np.bincount(np.asarray(t_rows, np.int64) - a, minlength=len(views)).astype(np.int32)
            terms.append((lengths, np.array(t_cols, np.int32), np.array(t_counts, np.uint16)))
            if progress:
                progress(len(views))
        vectors = CandidateVectors.concat(batches, embedder.dim)
        skills = _skill_table(cells, skill_cols, tax)
        tf = _tf_matrix(terms, n, len(vocab))
        df = np.diff(tf.indptr)
        names = sorted(vocab, key=vocab.__getitem__)
        lexicon = Lexicon({t: int(df[j]) for j, t in enumerate(names)}, n, float(doc_len.sum() / n) if n else 0.0)
        return cls(profiles, embedder, tax, today,
                   years, degree, seniority, vectors, skills, tf, doc_len, lexicon, vocab, auth)

    # ------------------------------------------------------------------ scoring primitives
    def context(self, job: Job) -> JobContext:
        """The job resolved against this pool (BM25 statistics and normaliser included)."""
        ctx = JobContext.build(job, self.embedder, self.taxonomy, today=self.today)
        ctx.lexicon = self.lexicon
        ctx.pool_bm25 = self.bm25(ctx.terms)
        ctx.lexical_max = float(ctx.pool_bm25.max(initial=0.0))
        return ctx

    def skill_credit(self, req: RequirementSkills) -> np.ndarray:
        """Best credit per candidate for one skill requirement (same rule as ``req.best``)."""
        t = self.skills
        cols = set(t.family_columns(req.family))
        cols.update(j for name in [req.target, *req.related] if (j := t.column(name)) is not None)
        credit = np.zeros(self.size, dtype=np.float64)
        picked = [(j, rel.coef) for j in sorted(cols) if (rel := req.relation(t.names[j])) is not None]
        if not picked:
            return credit
        min_years = req.requirement.min_years
        for j, coef in picked:  # a candidate appears at most once per column: plain fancy indexing
            lo, hi = t.indptr[j], t.indptr[j + 1]
            rows = t.rows[lo:hi]
            credit[rows] = np.maximum(credit[rows], coef * use_credit(t.months[lo:hi], t.recency[lo:hi], min_years))
        return credit

    def has_skill(self, name: str) -> np.ndarray:
        """True where the candidate has the skill itself (or an alias of it), dated or listed."""
        req = RequirementSkills(Requirement(id=f"skill:{name}", kind="skill", label=name, skill=name), self.taxonomy)
        out = np.zeros(self.size, dtype=bool)
        j = self.skills.column(req.target)
        if j is not None:
            out[self.skills.rows[self.skills.indptr[j]:self.skills.indptr[j + 1]]] = True
        return out

    def bm25(self, terms: list[str]) -> np.ndarray:
        """Raw BM25 per candidate, summed term by term in query order (as ``Lexicon.bm25``)."""
        scores = np.zeros(self.size, dtype=np.float64)
        lex = self.lexicon
        for term in terms:
            j = self.vocab.get(term)
            if j is None:
                continue
            lo, hi = self.tf.indptr[j], self.tf.indptr[j + 1]
            rows = self.tf.indices[lo:hi]
            term_idf = float(idf(lex.doc_freq[term], lex.n_docs))
            scores[rows] += bm25_term(self.tf.data[lo:hi], self.doc_len[rows], lex.avgdl, term_idf)
        return scores

    def view(self, i: int) -> CandidateView:
        return CandidateView.of(self.profiles[i], self.today)

    def search(self, job: Job, top: int | None = None, **options: Any) -> list[RankedCandidate]:
        """Rank everyone for ``job``; see :func:`shortlist.match.rank.search` for the options."""
        from shortlist.match.rank import search

        return search(self, job, top=top, **options)


def _caches(embedder: Embedder) -> bool:
    """Whether ``embedder`` already keeps vectors in memory (a projection over a cached
    encoder does: its base holds them, and projecting again is one small product)."""
    if isinstance(embedder, ProjectedEmbedder):
        embedder = embedder.base
    return isinstance(embedder, CachedEmbedder)


def _skill_table(cells: list[tuple[np.ndarray, ...]], cols: dict[str, int], tax: TaxonomyLike) -> SkillTable:
    rows = np.concatenate([c[0] for c in cells]) if cells else np.zeros(0, np.int32)
    col = np.concatenate([c[1] for c in cells]) if cells else np.zeros(0, np.int32)
    months = np.concatenate([c[2] for c in cells]) if cells else np.zeros(0, np.float32)
    rec = np.concatenate([c[3] for c in cells]) if cells else np.zeros(0, np.float32)
    order = np.lexsort((rows, col))
    indptr = np.zeros(len(cols) + 1, dtype=np.int64)
    np.cumsum(np.bincount(col, minlength=len(cols)), out=indptr[1:])
    names = sorted(cols, key=cols.__getitem__)
    return SkillTable(names, indptr, rows[order], months[order], rec[order], [tax.family(n) for n in names])


def _tf_matrix(terms: list[tuple[np.ndarray, ...]], n: int, v: int) -> sparse.csc_matrix:
    """The candidates x terms count matrix, column by column (BM25 reads a term's column), filled
    batch by batch into arrays sized once, consuming ``terms`` (each batch freed once placed):
    about 6 bytes a posting at the peak, where building it from (row, col, count) triplets held
    about 30 (100k candidates: about 32M postings)."""
    counts = np.zeros(v, dtype=np.int64)
    for _, cols, _ in terms:
        counts += np.bincount(cols, minlength=v)
    indptr = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    data = np.empty(int(indptr[-1]), dtype=np.uint16)
    fill = indptr[:-1].copy()
    row0 = 0
    terms.reverse()
    while terms:  # each batch is dropped once placed: the matrix grows as the batches go
        lengths, cols, values = terms.pop()
        rows = np.repeat(np.arange(row0, row0 + len(lengths), dtype=np.int32), lengths)
        row0 += len(lengths)
        order = np.argsort(cols, kind="stable")  # rows stay ascending within a column
        cs = cols[order]
        per = np.bincount(cs, minlength=v)
        first = np.cumsum(per) - per
        pos = fill[cs] + (np.arange(len(cs)) - first[cs])
        indices[pos] = rows[order]
        data[pos] = values[order]
        fill += per
    return sparse.csc_matrix((data, indices, indptr), shape=(n, v))
