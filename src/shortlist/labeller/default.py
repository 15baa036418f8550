"""Which labeller the product uses: the shipped model, a team's own (``parser_model`` setting
or ``--parser-model PATH``), or none ("rules"). Loaded once per process and shared, so the
sandbox workers forked from a parent that already loaded it do not load it again."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from shortlist.labeller.model import SequenceLabeller

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "models" / "parser-en.slm"
RULES = "rules"


def spec_from_settings() -> str:
    from shortlist.settings import get

    return str(get("parser_model") or "").strip()


@lru_cache(maxsize=4)
def _load(spec: str) -> SequenceLabeller | None:
    if spec.lower() == RULES:
        return None
    path = Path(spec) if spec else SHIPPED
    if not spec and not path.is_file():
        return None  # a source checkout before `make train-parser`: the rules parse alone
    if not path.is_file():
        raise FileNotFoundError(f"parser model {path} not found; set parser_model to a file made by "
                                f"`shortlist train parser`, to '' for the shipped model, or to 'rules'")
    return SequenceLabeller.load(path)


def current(spec: str | None = None) -> SequenceLabeller | None:
    """The labeller the settings name (None: rules only)."""
    return _load(spec_from_settings() if spec is None else spec)


def model_digest(spec: str | None = None) -> str:
    """A short hash of a team's own model file, for the profile cache key ("" otherwise: the
    shipped model is part of the package data the cache key already covers)."""
    spec = spec_from_settings() if spec is None else spec
    if not spec or spec.lower() == RULES:
        return spec.lower()
    try:
        return hashlib.sha256(Path(spec).read_bytes()).hexdigest()[:12]
    except OSError:
        return "missing"
