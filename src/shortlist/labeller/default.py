"""Which labeller the product uses: the shipped model for the resume's language, a team's own
(``parser_model`` setting or ``--parser-model PATH``), or none ("rules"). A team's model reads
the languages it was trained on; a resume in another language gets the shipped model for that
language (a team that labels English resumes keeps the Chinese labeller). Loaded once per
process and shared, so sandbox workers forked from a parent that loaded them do not again."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from shortlist.labeller.model import SequenceLabeller

_MODELS = Path(__file__).resolve().parent.parent / "data" / "models"
SHIPPED = _MODELS / "parser-en.slm"
SHIPPED_ZH = _MODELS / "parser-zh.slm"
# profile language -> shipped model. "mixed" (English and Chinese side by side) has none: the
# Chinese model never saw English lines and read worse than the rules on a mixed resume.
SHIPPED_FOR = {"en": SHIPPED, "zh": SHIPPED_ZH}
RULES = "rules"


def spec_from_settings() -> str:
    from shortlist.settings import get

    return str(get("parser_model") or "").strip()


@lru_cache(maxsize=8)
def _load(spec: str, language: str) -> SequenceLabeller | None:
    if spec.lower() == RULES:
        return None
    if spec:
        path = Path(spec)
        if not path.is_file():
            raise FileNotFoundError(f"parser model {path} not found; set parser_model to a file made by "
                                    f"`shortlist train parser`, to '' for the shipped model, or to 'rules'")
        own = _read(str(path))
        if own.reads(language):
            return own
    shipped = SHIPPED_FOR.get(language)
    if shipped is None or not shipped.is_file():
        return None  # a source checkout before `make train-parser`: the rules parse alone
    return _read(str(shipped))


@lru_cache(maxsize=4)
def _read(path: str) -> SequenceLabeller:
    return SequenceLabeller.load(Path(path))


def current(spec: str | None = None, language: str = "en") -> SequenceLabeller | None:
    """The labeller the settings name for a resume in ``language`` (None: rules only)."""
    return _load(spec_from_settings() if spec is None else spec, language)


def preload(spec: str | None = None) -> None:
    """Load every labeller a parse may need, e.g. before forking workers."""
    for language in (*SHIPPED_FOR, "mixed"):
        current(spec, language)


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
