from __future__ import annotations

import pytest

from .builders import TODAY, FakeEmbedder, FakeTaxonomy


@pytest.fixture
def tax() -> FakeTaxonomy:
    return FakeTaxonomy()


@pytest.fixture
def emb() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def ranker_kw(tax, emb) -> dict:
    """Keyword arguments for a HybridRanker that needs no model files and no real taxonomy."""
    return {"embedder": emb, "taxonomy": tax, "today": TODAY}
