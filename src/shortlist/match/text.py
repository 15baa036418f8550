"""Lexical matching: one tokeniser for English and Chinese, and the BM25 formula.

Embeddings blur rare exact terms ("Kafka", "SOX 404", "FPGA") into their neighbourhood;
BM25 with IDF taken from the candidate pool makes such a term count in proportion to how
rare it is among the applicants. The same ``bm25_term`` is used by the per-pair path and
by the vectorised index so the two agree to the last bit.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from shortlist.skills.tokens import iter_cjk_runs

K1 = 1.2
B = 0.75

# Words that say nothing about a job; kept short on purpose (IDF already damps the rest).
_EN_STOP = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or", "our", "the", "this", "to", "we", "will", "with", "you", "your", "who", "what", "which", "that", "their", "they", "i", "me", "my", "he", "she", "his", "her", "was", "were", "been", "being", "also", "etc", "per", "all", "any", "can", "may", "must", "should", "would", "able", "plus", "years", "year", "experience", "work", "working"]
)
_ZH_STOP = frozenset(["的", "和", "与", "及", "或", "等", "在", "了", "是", "有", "对", "为", "以", "并", "中", "上", "下", "及其", "以及", "我们", "负责", "能够", "具有", "相关", "工作", "经验", "年"])

# ASCII words keeping what skill names need: internal dots (Node.js) and a +/# tail (C++, C#).
_WORD = re.compile(r"(?<![A-Za-z0-9])\.?[A-Za-z0-9]+(?:[.&][A-Za-z0-9]+)*[+#]*")
_jieba = None


def _cut(text: str) -> list[str]:
    """jieba word segmentation, loaded once (its dictionary takes about a second)."""
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return _jieba.lcut(text)


def _keep(word: str) -> bool:
    """Drop stop words and one-letter tokens, except the languages C and R."""
    return word in {"c", "r"} or (len(word) > 1 and word not in _EN_STOP)


def tokenize(text: str) -> list[str]:
    """Lower-case lexical terms: ASCII words (keeping C++, Node.js) plus jieba words for Chinese."""
    out = [w for w in (m.lower() for m in _WORD.findall(text)) if _keep(w)]
    for start, end in iter_cjk_runs(text):
        out.extend(w for w in _cut(text[start:end]) if w.strip() and w not in _ZH_STOP)
    return out


def term_counts(text: str) -> Counter[str]:
    return Counter(tokenize(text))


def query_terms(text: str) -> list[str]:
    """Distinct query terms in first-seen order (a term repeated in a job ad counts once)."""
    return list(dict.fromkeys(tokenize(text)))


def idf(df: int | np.ndarray, n_docs: int) -> float | np.ndarray:
    """BM25+ style IDF that never goes negative, even for a term every candidate has."""
    return np.log1p((n_docs - np.asarray(df, dtype=np.float64) + 0.5) / (np.asarray(df, dtype=np.float64) + 0.5))


def bm25_term(tf: float | np.ndarray, doc_len: float | np.ndarray, avgdl: float, term_idf: float) -> np.ndarray:
    """Contribution of one query term to the BM25 score of a document (vectorises over docs)."""
    tf = np.asarray(tf, dtype=np.float64)
    norm = K1 * (1.0 - B + B * np.asarray(doc_len, dtype=np.float64) / max(avgdl, 1e-9))
    return term_idf * tf * (K1 + 1.0) / (tf + norm)


@dataclass(frozen=True)
class Lexicon:
    """Pool statistics BM25 needs: document frequency per term, pool size, mean length."""

    doc_freq: dict[str, int]
    n_docs: int
    avgdl: float

    @classmethod
    def of(cls, docs: Iterable[Counter[str]]) -> Lexicon:
        df: Counter[str] = Counter()
        n = total = 0
        for counts in docs:
            n += 1
            total += sum(counts.values())
            df.update(counts.keys())
        return cls(doc_freq=dict(df), n_docs=n, avgdl=total / n if n else 0.0)

    def bm25(self, terms: list[str], counts: Counter[str]) -> float:
        """BM25 of one document; terms unknown to the pool add nothing."""
        doc_len = sum(counts.values())
        score = 0.0
        for t in terms:
            tf = counts.get(t, 0)
            if tf and t in self.doc_freq:
                score += float(bm25_term(tf, doc_len, self.avgdl, float(idf(self.doc_freq[t], self.n_docs))))
        return score
