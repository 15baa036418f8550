"""CachedEmbedder: nothing is embedded twice, in memory or across instances via SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from embed_fakes import FakeEmbedder

from shortlist.embed import CachedEmbedder, Embedder, cache_key
from shortlist.embed.cache import CACHE_FILE


def test_is_an_embedder(fake: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake)
    assert isinstance(cached, Embedder)
    assert (cached.name, cached.dim) == (fake.name, fake.dim)


def test_second_call_hits_memory(fake: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake)
    first = cached.encode(["a", "b"])
    second = cached.encode(["b", "a"])
    assert fake.calls == [["a", "b"]]
    np.testing.assert_array_equal(second, first[::-1])
    stats = cached.stats()
    assert (stats.hits, stats.misses, stats.disk_hits) == (2, 2, 0)


def test_only_new_texts_reach_the_model_and_duplicates_once(fake: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake)
    cached.encode(["a"])
    out = cached.encode(["c", "a", "c", "d"])
    assert fake.calls == [["a"], ["c", "d"]]
    np.testing.assert_array_equal(out[0], out[2])
    np.testing.assert_array_equal(out, fake.encode(["c", "a", "c", "d"]))


def test_kind_is_part_of_the_key_for_asymmetric_models(fake: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake)
    q, p = cached.encode(["a"], "query"), cached.encode(["a"], "passage")
    assert fake.texts_embedded == ["a", "a"]
    assert not np.array_equal(q, p)


def test_symmetric_models_share_one_entry_per_text() -> None:
    fake = FakeEmbedder(asymmetric=False)
    cached = CachedEmbedder(fake)
    cached.encode(["a"], "query")
    cached.encode(["a"], "passage")
    assert fake.texts_embedded == ["a"]


def test_disk_cache_survives_a_new_instance(tmp_path: Path) -> None:
    first_model = FakeEmbedder()
    with CachedEmbedder(first_model, tmp_path) as cached:
        expected = cached.encode(["alpha", "beta"], "query")
    assert (tmp_path / CACHE_FILE).is_file()
    second_model = FakeEmbedder()
    with CachedEmbedder(second_model, tmp_path) as reopened:
        got = reopened.encode(["beta", "alpha", "gamma"], "query")
        assert reopened.stats().disk_hits == 2
    assert second_model.calls == [["gamma"]]
    np.testing.assert_array_equal(got[:2], expected[::-1])


def test_two_instances_share_one_file(tmp_path: Path) -> None:
    model_a, model_b = FakeEmbedder(), FakeEmbedder()
    a, b = CachedEmbedder(model_a, tmp_path), CachedEmbedder(model_b, tmp_path)
    a.encode(["x"])
    b.encode(["x", "y"])
    a.encode(["y"])
    assert model_a.texts_embedded == ["x"] and model_b.texts_embedded == ["y"]


def test_memory_is_bounded_lru(fake: FakeEmbedder) -> None:
    cached = CachedEmbedder(fake, memory_items=2)
    cached.encode(["a", "b"])
    cached.encode(["a"])  # a is now the most recent
    cached.encode(["c"])  # evicts b
    cached.encode(["a", "b"])
    assert fake.calls == [["a", "b"], ["c"], ["b"]]


def test_damaged_row_is_recomputed_and_repaired(tmp_path: Path, fake: FakeEmbedder) -> None:
    with CachedEmbedder(fake, tmp_path) as cached:
        good = cached.encode(["a"])
    key = cache_key(fake.name, "passage", "a")
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE vectors SET vec = ? WHERE key = ?", (b"\x00" * 3, key))
    with CachedEmbedder(fake, tmp_path) as cached:
        np.testing.assert_array_equal(cached.encode(["a"]), good)
        assert cached.stats().misses == 1
    with CachedEmbedder(FakeEmbedder(), tmp_path) as cached:
        cached.encode(["a"])
        assert cached.stats().disk_hits == 1


def test_unusable_cache_file_degrades_to_memory(tmp_path: Path, fake: FakeEmbedder) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    cached = CachedEmbedder(fake, tmp_path)
    with pytest.warns(UserWarning, match="memory only"):
        cached.encode(["a"])
    cached.encode(["a"])
    assert fake.calls == [["a"]]


def test_cache_key_separates_fields() -> None:
    assert cache_key("m", "query", "a") != cache_key("m", "passage", "a")
    assert cache_key("m1", "query", "a") != cache_key("m", "query", "1a")
    assert len(cache_key("m", "query", "a")) == 32


def test_empty_input(fake: FakeEmbedder) -> None:
    assert CachedEmbedder(fake).encode([]).shape == (0, fake.dim)
    assert fake.calls == []


def test_concurrent_writers_on_one_file(tmp_path: Path) -> None:
    """Several instances (as several processes would) fill one file at once without errors."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"line {i}" for i in range(60)]

    def fill(worker: int) -> np.ndarray:
        with CachedEmbedder(FakeEmbedder(), tmp_path) as cached:
            for start in range(worker * 7 % 20, 60, 20):  # overlapping slices, different orders
                cached.encode(texts[start : start + 20])
            return cached.encode(texts)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(fill, range(4)))
    for got in results:
        np.testing.assert_array_equal(got, results[0])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == len(texts)
