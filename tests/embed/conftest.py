"""Shared fixtures: each real model is loaded once per test session; a fake embedder
counts calls so cache behaviour is checked without any model."""

from __future__ import annotations

import pytest
from embed_fakes import FakeEmbedder

from shortlist.embed import E5Embedder, MiniLMEmbedder


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder(threads=1)


@pytest.fixture(scope="session")
def e5() -> E5Embedder:
    return E5Embedder(threads=1)


@pytest.fixture
def fake() -> FakeEmbedder:
    return FakeEmbedder()
