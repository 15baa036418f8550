"""A fake embedder for cache tests: deterministic vectors, and a record of every call."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from shortlist.embed.base import CalibratedSimilarity, Calibration, Kind, check_kind


class FakeEmbedder(CalibratedSimilarity):
    """Deterministic vectors from a hash of (kind, text); records every text it is asked for."""

    name = "fake"
    dim = 8

    def __init__(self, asymmetric: bool = True) -> None:
        self.asymmetric = asymmetric
        self.calibration = Calibration(1.0, 0.0)
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        check_kind(kind)
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            seed = abs(hash((kind if self.asymmetric else "", text))) % (2**32)
            v = np.random.default_rng(seed).normal(size=self.dim)
            rows.append(v / np.linalg.norm(v))
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)

    @property
    def texts_embedded(self) -> list[str]:
        return [t for call in self.calls for t in call]
