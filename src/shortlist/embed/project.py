"""A learned projection over a frozen sentence encoder: the matcher's fine-tuned space.

Fine-tuning the whole MiniLM would mean shipping a second 23 MB ONNX file and keeping torch
in every training run's memory for an hour; a linear map ``W`` (dim x dim, 0.6 MB) trained
contrastively on top of the frozen int8 encoder gets the part that matters for ranking
(which titles and duties belong to one occupation) at a fraction of the cost, and it can be
re-trained on a team's own pairs in minutes. Vectors are ``l2_normalise(base(x) @ W)``.

The file (``.npz``) carries the matrix, the base model it was trained over (a projection
is refused over any other), its calibration (cosine -> [0, 1], refitted in the new space),
and metadata: training data with licences, shippable, metrics, seconds.
"""
from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from shortlist.embed.base import CalibratedSimilarity, Calibration, Embedder, Kind, l2_normalise
from shortlist.errors import ShortlistError

FORMAT_VERSION = 1


class ProjectionMeta(BaseModel):
    format: int = FORMAT_VERSION
    base: str  # the Embedder.name the matrix was trained over
    trained_on: list[str] = Field(default_factory=list)
    licence: str = ""
    shippable: bool = False
    params: dict[str, Any] = Field(default_factory=dict)
    metrics: dict[str, Any] = Field(default_factory=dict)
    seconds: dict[str, float] = Field(default_factory=dict)
    created: str = ""
    calibration: tuple[float, float] = (10.0, -2.5)  # slope, offset


class Projection:
    """A trained matrix and its metadata. ``ProjectedEmbedder`` applies it."""

    def __init__(self, matrix: np.ndarray, meta: ProjectionMeta) -> None:
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        self.meta = meta

    @property
    def digest(self) -> str:
        """Short hash of the matrix: part of the embedder's name, so cached vectors never mix."""
        return hashlib.sha256(self.matrix.tobytes()).hexdigest()[:10]

    def apply(self, vectors: np.ndarray) -> np.ndarray:
        if len(vectors) == 0:
            return np.zeros((0, self.matrix.shape[1]), np.float32)
        return l2_normalise(np.asarray(vectors, np.float32) @ self.matrix)

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.savez_compressed(buf, matrix=self.matrix, meta=np.frombuffer(self.meta.model_dump_json().encode(), np.uint8))
        return buf.getvalue()

    def save(self, path: str | Path) -> Path:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(self.to_bytes())
        return p

    @classmethod
    def load(cls, path: str | Path) -> Projection:
        try:
            with np.load(Path(path), allow_pickle=False) as z:
                matrix = z["matrix"]
                meta = ProjectionMeta.model_validate(json.loads(z["meta"].tobytes().decode()))
        except (OSError, KeyError, ValueError) as exc:
            raise ValueError(f"{path}: not a shortlist projection file ({exc}); retrain it with `make train-encoder`") from None
        if meta.format != FORMAT_VERSION:
            raise ValueError(f"{path}: projection format {meta.format}, this shortlist reads {FORMAT_VERSION}; retrain it")
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
            raise ValueError(f"{path}: the matrix is {matrix.shape}, not square")
        return cls(matrix, meta)


SHIPPED = Path(__file__).resolve().parent.parent / "data" / "models" / "match-en.npz"


class MatchModelError(ShortlistError, ValueError):
    """The ``match_model`` setting names no usable projection file (the CLI prints this line)."""


NONE = "none"


def spec_from_settings() -> str:
    from shortlist.settings import get

    return str(get("match_model") or "").strip()


_loaded: dict[str, Projection | None] = {}


def current(spec: str | None = None) -> Projection | None:
    """The projection the ``match_model`` setting names (None: the plain encoder). Loaded once."""
    spec = spec_from_settings() if spec is None else spec
    if spec not in _loaded:
        if spec.lower() == NONE:
            _loaded[spec] = None
        else:
            path = Path(spec) if spec else SHIPPED
            if not path.is_file():
                if not spec:
                    _loaded[spec] = None  # a source checkout before `make train-encoder`
                    return None
                raise MatchModelError(f"match model {path} not found; set match_model to a file made by "
                                        f"`make train-encoder`, to '' for the shipped one, or to 'none'")
            try:
                _loaded[spec] = Projection.load(path)
            except ValueError as exc:
                raise MatchModelError(str(exc)) from None
    return _loaded[spec]


def projected(base: Embedder, spec: str | None = None) -> Embedder:
    """``base`` with the current projection where one was trained over it, else ``base``."""
    proj = current(spec)
    if proj is None or proj.meta.base != base.name:
        return base
    return ProjectedEmbedder(base, proj)


class ProjectedEmbedder(CalibratedSimilarity):
    """``base`` followed by a projection; an Embedder like any other (and cached like one)."""

    def __init__(self, base: Embedder, projection: Projection) -> None:
        if projection.meta.base != base.name:
            raise ValueError(f"this projection was trained over {projection.meta.base}, not {base.name}")
        if projection.matrix.shape[0] != base.dim:
            raise ValueError(f"projection is {projection.matrix.shape}, the encoder gives {base.dim} dimensions")
        self.base = base
        self.projection = projection
        self.name = f"{base.name}+proj-{projection.digest}"
        self.dim = projection.matrix.shape[1]
        self.asymmetric = base.asymmetric
        slope, offset = projection.meta.calibration
        self.calibration = Calibration(slope=slope, offset=offset)

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        return self.projection.apply(self.base.encode(texts, kind=kind))
