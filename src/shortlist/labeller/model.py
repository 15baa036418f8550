"""The sequence labeller: fit on labelled documents, predict spans with confidences, and
travel as one file that says what it is.

A model file is a zip holding ``model.crfsuite`` (the weights) and ``meta.json`` (format
version, feature set, labels, training data and its licence, parameters, cross-validated
metrics). Nothing else is needed to run it: python-crfsuite is a small wheel, no torch.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from shortlist.documents.model import LineStyle
from shortlist.labeller.features import FEATURE_VERSION, Featurizer, featurizers
from shortlist.labeller.tokens import bio_tags, spans_from_tags, tokenize

FORMAT_VERSION = 1
# A value never runs across a column gap, a line break, or a dash or bar that reached us as
# mojibake ("Company Name â€“ City" is UTF-8 read as cp1252; "ï1⁄4" a full-width bar after NFKC).
_COLUMN_GAP = re.compile(r"[ \t\u3000]{2,}|\t|\n|\s(?:â€\S|ï1⁄4|ï¼\S?)(?=\s)")
# Field roles the labeller tags inside a line; line roles (heading, bullet, contact) stay
# with the rules and reach the model as features.
LABELS = ("TITLE", "ORG", "DEGREE", "SCHOOL", "LOC")


def _featurizer(name: str) -> Featurizer:
    try:
        return featurizers()[name]
    except KeyError:
        raise ValueError(f"unknown featurizer {name!r}; known: {sorted(featurizers())}") from None


def _crfsuite():
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - a declared dependency of shortlist
        raise ImportError("the learned parser needs python-crfsuite (a dependency of shortlist): "
                          "pip install python-crfsuite") from exc
    return pycrfsuite


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    confidence: float


class LabelledDoc(BaseModel):
    """A training document: text and gold character spans (start, end, label)."""

    text: str
    spans: list[tuple[int, int, str]] = Field(default_factory=list)
    source: str = ""
    layout: list[LineStyle] = Field(default_factory=list)  # from the file it was extracted from, if any


class ModelMeta(BaseModel):
    format: int = FORMAT_VERSION
    features: str = FEATURE_VERSION
    labels: list[str] = Field(default_factory=lambda: list(LABELS))
    languages: list[str] = Field(default_factory=lambda: ["en"])  # profile languages it was trained for
    trained_on: list[str] = Field(default_factory=list)  # data set names with their licences
    licence: str = ""  # the most restrictive licence among the training data
    shippable: bool = False  # every training set allows shipping a derived model
    documents: int = 0
    params: dict[str, Any] = Field(default_factory=dict)
    metrics: dict[str, Any] = Field(default_factory=dict)
    created: str = ""
    seconds: dict[str, float] = Field(default_factory=dict)  # training time: cross-validation, final fit


class SequenceLabeller:
    """Linear-chain CRF over tokens. The constructor stores parameters; ``fit`` trains."""

    def __init__(self, c1: float = 0.05, c2: float = 0.01, max_iterations: int = 150,
                 labels: Iterable[str] = LABELS, min_freq: int = 1, featurizer: str = "resume") -> None:
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.labels = tuple(labels)
        self.min_freq = min_freq
        self.featurizer = featurizer
        self.meta = ModelMeta(labels=list(self.labels), features=_featurizer(featurizer).version)
        self._model: bytes | None = None
        self._tagger = None

    def get_params(self) -> dict[str, Any]:
        return {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                "labels": list(self.labels), "min_freq": self.min_freq, "featurizer": self.featurizer}

    def reads(self, language: str) -> bool:
        """Whether this model was trained on text of ``language`` ("en", "zh", "mixed")."""
        langs = set(self.meta.languages)
        return language in langs or (language == "mixed" and bool(langs & {"zh", "mixed"}))

    # ----------------------------------------------------------------- training
    def fit(self, docs: Iterable[LabelledDoc]) -> SequenceLabeller:
        crf = _crfsuite()
        trainer = crf.Trainer(verbose=False)
        keep = set(self.labels)
        count = 0
        fz = _featurizer(self.featurizer)
        for doc in docs:
            view = fz.view(doc.text, doc.layout)
            tokens = tokenize(fz.text(view))
            if not tokens:
                continue
            tags = bio_tags(tokens, [s for s in doc.spans if s[2] in keep])
            trainer.append(fz.features(view, tokens), tags)
            count += 1
        if count == 0:
            raise ValueError("no training documents with text: nothing to learn from")
        trainer.set_params({
            "c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
            "feature.possible_transitions": True, "feature.minfreq": self.min_freq,
        })
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "m.crfsuite")
            trainer.train(path)
            self._model = Path(path).read_bytes()
        self._tagger = None
        self.meta.documents = count
        self.meta.params = self.get_params()
        return self

    # ---------------------------------------------------------------- predicting
    def _get_tagger(self):
        if self._tagger is None:
            if self._model is None:
                raise RuntimeError("the labeller is not trained: call fit() or load() first")
            tagger = _crfsuite().Tagger()
            tagger.open_inmemory(self._model)
            self._tagger = tagger
        return self._tagger

    def predict(self, text: str, layout: list[LineStyle] | None = None) -> list[Span]:
        """Spans in ``text`` offsets with the model's marginal probability as confidence
        (``layout``: how the lines looked, from ``Document.layout``)."""
        return self.predict_view(_featurizer(self.featurizer).view(text, layout))

    def predict_view(self, view: Any, regions: list[tuple[int, int]] | None = None) -> list[Span]:
        """The same, on a view already computed (the parser's :class:`RuleView`). ``regions``
        limits tagging to the parts of the text whose labels are used (the rest costs time)."""
        fz = _featurizer(self.featurizer)
        text = fz.text(view)
        tokens = tokenize(text)
        runs = [tokens]
        if regions is not None:
            runs = []
            for a, b in sorted(regions):
                run = [t for t in tokens if a <= t.start < b]
                if run:
                    runs.append(run)
        out: list[Span] = []
        for run in runs:
            for chunk in _chunks(text, run):
                out += self._predict_chunk(fz, view, text, chunk)
        return out

    def _predict_chunk(self, fz: Featurizer, view: Any, text: str, tokens: list) -> list[Span]:
        tagger = self._get_tagger()
        tags = list(tagger.tag(fz.features(view, tokens)))
        out: list[Span] = []
        for s, e, label, a, b in spans_from_tags(tokens, tags):
            gap = _COLUMN_GAP.search(text, s, e)
            if gap:  # a value never runs across a column gap: "Ph.D.  Department of ..."
                e = gap.start()
                b = next(k for k in range(a, b + 1) if k == b or tokens[k].start >= e)
            conf = min(tagger.marginal(tags[k], k) for k in range(a, b))
            out.append(Span(s, e, label, round(float(conf), 3)))
        return out

    # ------------------------------------------------------------------ file I/O
    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.to_bytes())
        return path

    @classmethod
    def load(cls, path: str | Path) -> SequenceLabeller:
        path = Path(path)
        try:
            with zipfile.ZipFile(path) as zf:
                meta = ModelMeta.model_validate_json(zf.read("meta.json"))
                weights = zf.read("model.crfsuite")
        except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
            raise ValueError(f"{path}: not a shortlist parser model ({exc}); train one with `shortlist train parser`") from exc
        name = meta.features.rsplit("-v", 1)[0]
        known = featurizers().get(name)
        if meta.format != FORMAT_VERSION or known is None or meta.features != known.version:
            raise ValueError(
                f"{path}: model format {meta.format}/{meta.features}, this shortlist reads "
                f"{FORMAT_VERSION}/{known.version if known else FEATURE_VERSION}; retrain it "
                f"(`shortlist train parser` for the parser)"
            )
        params = {k: v for k, v in meta.params.items() if k in ("c1", "c2", "max_iterations", "min_freq")}
        params["featurizer"] = name
        obj = cls(labels=meta.labels, **params)
        obj.meta = meta
        obj._model = weights
        return obj

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        if self._model is None:
            raise RuntimeError("nothing to save: the labeller is not trained")
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("meta.json", self.meta.model_dump_json(indent=2))
            zf.writestr("model.crfsuite", self._model)
        return buf.getvalue()


CHUNK_TOKENS = 4000  # memory stays bounded on a 50-page document: features are built per chunk


def _chunks(text: str, tokens: list) -> list[list]:
    """Token runs of about CHUNK_TOKENS, cut at a line break where there is one."""
    if len(tokens) <= CHUNK_TOKENS:
        return [tokens] if tokens else []
    out, start = [], 0
    while start < len(tokens):
        end = min(len(tokens), start + CHUNK_TOKENS)
        if end < len(tokens):
            for k in range(end, max(start + CHUNK_TOKENS // 2, start + 1), -1):
                if "\n" in text[tokens[k - 1].end:tokens[k].start]:
                    end = k
                    break
        out.append(tokens[start:end])
        start = end
    return out
