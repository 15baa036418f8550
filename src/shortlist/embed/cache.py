"""Content-addressed embedding cache: an in-memory LRU in front of one SQLite file.

Ranking the same pool against several jobs, or rerunning after a settings change, embeds
the same resume lines again and again; keying vectors by sha256(model, kind, text) means
each is computed once per machine. SQLite in WAL mode with a busy timeout lets a CLI run
and a notebook of the same user share the file; writes are ``INSERT OR REPLACE`` so two
writers racing on one key are harmless (the vectors are identical).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import numpy as np

from shortlist.embed.base import Embedder, Kind, check_kind, empty

CACHE_FILE = "embeddings.sqlite"
_SQL_BATCH = 500  # keys per SELECT ... IN (...), under SQLite's variable limit


@dataclass(frozen=True)
class CacheStats:
    """``misses``: texts the model embedded; ``hits``: texts served without it (memory or disk)."""

    hits: int
    misses: int
    disk_hits: int


def default_cache_dir() -> Path:
    """``<data_dir>/cache`` from the settings, where the SQLite file goes by default."""
    from shortlist import settings

    return Path(settings.get("data_dir")) / "cache"


def cache_key(model: str, kind: str, text: str) -> bytes:
    """sha256 over the model name, kind and text, NUL-separated so fields cannot run together."""
    return hashlib.sha256(f"{model}\x00{kind}\x00{text}".encode()).digest()


class CachedEmbedder:
    """An ``Embedder`` that asks the wrapped one only for texts it has never seen.

    ``cache_dir=None`` keeps vectors in memory only; ``memory_items`` bounds the in-memory LRU
    (20,000 vectors of 384 floats are ~31 MB). A disk cache that cannot be opened
    (read-only folder, corrupt file) degrades to memory-only with a warning rather than
    failing a ranking run.
    """

    def __init__(self, embedder: Embedder, cache_dir: Path | None = None, memory_items: int = 20_000) -> None:
        self.embedder = embedder
        self.cache_dir = None if cache_dir is None else Path(cache_dir)
        self.memory_items = memory_items
        self._memory: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._db_opened = False
        self._hits = self._misses = self._disk_hits = 0

    # The Embedder protocol, delegated.
    @property
    def name(self) -> str:
        return self.embedder.name

    @property
    def dim(self) -> int:
        return self.embedder.dim

    @property
    def asymmetric(self) -> bool:
        return getattr(self.embedder, "asymmetric", True)

    def similarity(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return self.embedder.similarity(a, b)

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(hits=self._hits, misses=self._misses, disk_hits=self._disk_hits)

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        """Vectors for ``texts`` in order; unseen texts go to the model in one batch."""
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return empty(self.dim)
        key_kind = kind if self.asymmetric else "passage"  # symmetric models: one entry per text
        keys = [cache_key(self.name, key_kind, t) for t in texts]
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            wanted: dict[bytes, list[int]] = {}
            for i, key in enumerate(keys):
                vec = self._memory.get(key)
                if vec is None:
                    wanted.setdefault(key, []).append(i)
                else:
                    self._memory.move_to_end(key)
                    out[i] = vec
            from_disk = self._disk_get(list(wanted)) if wanted else {}
            for key, vec in from_disk.items():
                self._remember(key, vec)
                out[wanted.pop(key)] = vec
                self._disk_hits += 1
            if wanted:
                todo = list(wanted)
                vectors = np.asarray(
                    self.embedder.encode([texts[wanted[k][0]] for k in todo], kind), np.float32
                )
                for key, vec in zip(todo, vectors):
                    self._remember(key, vec)
                    out[wanted[key]] = vec
                self._disk_put(list(zip(todo, vectors)))
            self._misses += len(wanted)
            self._hits += len(texts) - len(wanted)
        return out

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _remember(self, key: bytes, vec: np.ndarray) -> None:
        self._memory[key] = vec.copy()
        self._memory.move_to_end(key)
        while len(self._memory) > self.memory_items:
            self._memory.popitem(last=False)

    def _connection(self) -> sqlite3.Connection | None:
        if self._db_opened or self.cache_dir is None:
            return self._db
        self._db_opened = True
        path = self.cache_dir / CACHE_FILE
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, model TEXT NOT NULL,"
                " vec BLOB NOT NULL) WITHOUT ROWID"
            )
            db.commit()
        except (OSError, sqlite3.Error) as exc:
            warnings.warn(f"embedding cache {path} unusable ({exc}); caching in memory only", stacklevel=3)
            return None
        self._db = db
        return db

    def _disk_get(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        db = self._connection()
        if db is None:
            return {}
        found: dict[bytes, np.ndarray] = {}
        width = self.dim * 4
        try:
            for start in range(0, len(keys), _SQL_BATCH):
                part = keys[start : start + _SQL_BATCH]
                rows = db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                for key, blob in rows:
                    if len(blob) == width:  # anything else is damage: recompute it
                        found[bytes(key)] = np.frombuffer(blob, dtype=np.float32).copy()
        except sqlite3.Error as exc:
            warnings.warn(f"embedding cache read failed ({exc}); recomputing", stacklevel=3)
        return found

    def _disk_put(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        db = self._connection()
        if db is None or not items:
            return
        rows = [(key, self.name, np.ascontiguousarray(vec, dtype=np.float32).tobytes()) for key, vec in items]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO vectors (key, model, vec) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            warnings.warn(f"embedding cache write failed ({exc}); vectors kept in memory", stacklevel=3)


def forget(cache_dir: Path, texts: Sequence[str]) -> int:
    """Delete the cached vectors of ``texts`` for every model and kind; returns rows removed.

    Erasing a candidate must not leave vectors of their resume behind.
    """
    path = Path(cache_dir) / CACHE_FILE
    if not path.is_file() or not texts:
        return 0
    db = sqlite3.connect(path, timeout=30.0)
    try:
        models = [m for (m,) in db.execute("SELECT DISTINCT model FROM vectors")]
        keys = [cache_key(m, k, t) for m in models for k in ("passage", "query") for t in set(texts)]
        removed = 0
        with db:
            for start in range(0, len(keys), _SQL_BATCH):
                part = keys[start : start + _SQL_BATCH]
                removed += db.execute(f"DELETE FROM vectors WHERE key IN ({','.join('?' * len(part))})", part).rowcount
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed
    finally:
        db.close()
