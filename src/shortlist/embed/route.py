"""Pick the encoder for a set of texts that will be compared with each other.

Vectors from different models cannot be compared, so the choice is made once for *all*
the texts of a comparison: one Chinese resume among English jobs sends the whole
comparison to the multilingual model. MiniLM is English-only but faster (see BENCHMARKS.md,
block embed_speed) and better on English, so it stays the choice whenever nothing needs more.
"""

from __future__ import annotations

import threading

from shortlist.embed.base import Embedder
from shortlist.embed.e5 import E5Embedder
from shortlist.embed.lang import needs_multilingual
from shortlist.embed.minilm import MiniLMEmbedder

_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def choose_embedder(*texts: str) -> Embedder:
    """The process-wide MiniLM when every text is English, else the process-wide E5.

    Shared instances mean each model is loaded at most once per process however often
    this is called; wrap the result in ``CachedEmbedder`` for persistence.
    """
    key = "e5" if any(needs_multilingual(t) for t in texts) else "minilm"
    with _shared_lock:
        if key not in _shared:
            _shared[key] = E5Embedder() if key == "e5" else MiniLMEmbedder()
        return _shared[key]
