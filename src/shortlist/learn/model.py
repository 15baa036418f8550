"""A ranker trained on a team's outcomes, stored as plain, versioned JSON.

The model maps the hybrid ranker's score parts (one row per candidate, one column per part)
to a score in [0, 1]. Two kinds:

* ``logistic``: standardised parts, L2 logistic regression with balanced class weights
  (hiring data has few positives). Its coefficients are readable: how much each part counts.
* ``gbm``: gradient-boosted shallow trees (scikit-learn ``GradientBoostingClassifier``), for
  interactions such as "semantic fit only matters once the required skills are met".

Why JSON and not pickle/joblib: a model file is shared between people, and unpickling runs
code. Both kinds are small (a coefficient vector, or a few hundred depth-3 trees), so they are
written out as numbers and evaluated here with numpy; tests check that the stored model
predicts exactly what scikit-learn predicted. Files are ``<models-dir>/<name>-v<N>.json`` with
N counting up per name, so an older model stays loadable for comparison.
"""
from __future__ import annotations

import datetime as _dt
import json
import platform
import re
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import numpy as np

from shortlist.errors import ShortlistError
from shortlist.learn.metrics import best_f1_threshold

ModelKind = Literal["logistic", "gbm"]
KINDS: tuple[str, ...] = ("logistic", "gbm")
FORMAT = "shortlist.trained-ranker"
FORMAT_VERSION = 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class ModelFileError(ShortlistError):
    """A model file is missing, unreadable or not a shortlist model."""


class FeatureMismatch(ShortlistError):
    """The model was trained on different score parts than the ranker now produces."""


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _library_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("shortlist", "numpy", "scikit-learn", "scipy"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def check_features(model_features: Sequence[str], ranker_features: Sequence[str], source: str = "model") -> None:
    """Raise ``FeatureMismatch`` unless both lists are equal, saying what differs."""
    a, b = list(model_features), list(ranker_features)
    if a == b:
        return
    missing = [f for f in a if f not in b]
    extra = [f for f in b if f not in a]
    parts = []
    if missing:
        parts.append(f"the ranker no longer produces {missing}")
    if extra:
        parts.append(f"the ranker now also produces {extra}")
    if not parts:
        parts.append(f"the order differs: model {a}, ranker {b}")
    raise FeatureMismatch(
        f"{source} was trained on score parts {a}, but " + "; ".join(parts) + ". Retrain it with `shortlist train ranker`."
    )


class TrainedRanker:
    """Scores candidates from their score parts; ``predict_score(X)`` is what ``HybridRanker`` calls.

    Constructor arguments are only stored (scikit-learn style); ``fit`` does the work. After
    ``fit`` (or ``load``), ``threshold_`` is the score at or above which a candidate is
    predicted to advance, chosen to maximise F1 on the training rows.
    """

    def __init__(
        self,
        kind: ModelKind = "logistic",
        feature_names: Sequence[str] | None = None,
        C: float = 1.0,
        n_estimators: int = 150,
        max_depth: int = 3,
        learning_rate: float = 0.05,
        random_state: int = 0,
        name: str = "ranker",
    ) -> None:
        self.kind = kind
        self.feature_names = list(feature_names) if feature_names is not None else None
        self.C = C
        self.n_estimators = n_estimators
        self.max_depth = max_depth
        self.learning_rate = learning_rate
        self.random_state = random_state
        self.name = name
        # Set by fit/load/save; kept as attributes so a saved model reads back identically.
        self.params_: dict[str, Any] | None = None
        self.threshold_: float = 0.5
        self.version: int | None = None
        self.created: str | None = None
        self.data_hash: str | None = None
        self.report: dict[str, Any] | None = None
        self.libraries: dict[str, str] | None = None

    # ------------------------------------------------------------------ fitting
    def fit(self, X: np.ndarray, y: Sequence[bool] | np.ndarray, groups: Sequence[Any] | None = None) -> TrainedRanker:
        """Fit on rows ``X`` with outcomes ``y`` (bool, or grades where >= 2 is positive).

        ``groups`` (resume or job per row) is accepted so that the call matches the
        cross-validation splitter's; a final model is fitted on all rows, so it is not used here.
        """
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        X = self._check_X(X, fitting=True)
        target = _as_positive(y)
        if target.shape[0] != X.shape[0]:
            raise ValueError(f"X has {X.shape[0]} rows but y has {target.shape[0]}")
        if target.all() or not target.any():
            raise ValueError("training needs both positive and negative outcomes")
        if groups is not None and len(groups) != X.shape[0]:
            raise ValueError(f"X has {X.shape[0]} rows but groups has {len(groups)}")
        if self.kind == "logistic":
            self.params_ = self._fit_logistic(X, target)
        else:
            self.params_ = self._fit_gbm(X, target)
        self.threshold_ = best_f1_threshold(target, self.predict_score(X))
        self.libraries = _library_versions()
        return self

    def _fit_logistic(self, X: np.ndarray, y: np.ndarray) -> dict[str, Any]:
        from sklearn.linear_model import LogisticRegression

        mean = X.mean(axis=0)
        scale = X.std(axis=0)
        scale[scale == 0] = 1.0  # a constant part carries no information; keep it harmless
        clf = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)
        clf.fit((X - mean) / scale, y)
        return {
            "mean": mean.tolist(),
            "scale": scale.tolist(),
            "coef": clf.coef_[0].tolist(),
            "intercept": float(clf.intercept_[0]),
        }

    def _fit_gbm(self, X: np.ndarray, y: np.ndarray) -> dict[str, Any]:
        from sklearn.ensemble import GradientBoostingClassifier

        clf = GradientBoostingClassifier(
            n_estimators=self.n_estimators,
            max_depth=self.max_depth,
            learning_rate=self.learning_rate,
            subsample=0.8,
            random_state=self.random_state,
        )
        # Balance the classes as the logistic model does, so both rank the rare positives up.
        pos = y.mean()
        weights = np.where(y, 0.5 / pos, 0.5 / (1.0 - pos))
        clf.fit(X, y, sample_weight=weights)
        prior = float(np.clip(clf.init_.class_prior_[1], 1e-12, 1 - 1e-12))
        trees = []
        for est in clf.estimators_[:, 0]:
            t = est.tree_
            trees.append(
                {
                    "feature": t.feature.tolist(),
                    "threshold": t.threshold.tolist(),
                    "left": t.children_left.tolist(),
                    "right": t.children_right.tolist(),
                    "value": t.value[:, 0, 0].tolist(),
                }
            )
        return {"init": float(np.log(prior / (1.0 - prior))), "learning_rate": self.learning_rate, "trees": trees}

    # --------------------------------------------------------------- prediction
    def predict_score(self, X: np.ndarray) -> np.ndarray:
        """Scores in [0, 1], one per row; higher means more likely to advance."""
        if self.params_ is None:
            raise ValueError("this TrainedRanker is not fitted; call fit() or load a model")
        X = self._check_X(X)
        p = self.params_
        if self.kind == "logistic":
            z = ((X - np.asarray(p["mean"])) / np.asarray(p["scale"])) @ np.asarray(p["coef"]) + p["intercept"]
        else:
            z = np.full(X.shape[0], p["init"], dtype=np.float64)
            Xf = X.astype(np.float32)  # scikit-learn's trees compare float32 inputs with their thresholds
            for tree in p["trees"]:
                z += p["learning_rate"] * _tree_predict(tree, Xf)
        return _sigmoid(z)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """True where the candidate is predicted to advance (``score >= threshold_``)."""
        return self.predict_score(X) >= self.threshold_

    def _check_X(self, X: np.ndarray, fitting: bool = False) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2:
            raise ValueError(f"X must be 2-D (candidates x score parts), got shape {X.shape}")
        if not np.all(np.isfinite(X)):
            raise ValueError("X holds NaN or infinite values")
        n = len(self.feature_names) if self.feature_names is not None else None
        if n is not None and X.shape[1] != n:
            raise FeatureMismatch(f"model expects {n} score parts {self.feature_names}, got {X.shape[1]} columns")
        if fitting and n is None:
            self.feature_names = [f"f{i}" for i in range(X.shape[1])]
        return X

    @property
    def label(self) -> str:
        """What ``RankedCandidate.model`` shows: ``trained:<name>@v<N>``."""
        return f"trained:{self.name}@v{self.version}" if self.version is not None else f"trained:{self.name}"

    # ------------------------------------------------------------- persistence
    def to_dict(self) -> dict[str, Any]:
        if self.params_ is None:
            raise ValueError("cannot save an unfitted model")
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "name": self.name,
            "version": self.version,
            "kind": self.kind,
            "created": self.created,
            "feature_names": self.feature_names,
            "threshold": self.threshold_,
            "hyperparameters": {
                "C": self.C,
                "n_estimators": self.n_estimators,
                "max_depth": self.max_depth,
                "learning_rate": self.learning_rate,
                "random_state": self.random_state,
            },
            "training_data_sha256": self.data_hash,
            "libraries": self.libraries or _library_versions(),
            "cv_report": self.report,
            "params": self.params_,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "model") -> TrainedRanker:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelFileError(f"{source} is not a shortlist trained-ranker file")
        if data.get("format_version", 0) > FORMAT_VERSION:
            raise ModelFileError(
                f"{source} uses model format {data['format_version']}; this shortlist reads up to {FORMAT_VERSION}: upgrade"
            )
        try:
            model = cls(kind=data["kind"], feature_names=data["feature_names"], name=data["name"], **data["hyperparameters"])
            model.params_ = data["params"]
            model.threshold_ = float(data["threshold"])
        except (KeyError, TypeError) as exc:
            raise ModelFileError(f"{source} is incomplete: {exc}") from exc
        if model.kind not in KINDS:
            raise ModelFileError(f"{source}: unknown model kind {model.kind!r}")
        model.version = data.get("version")
        model.created = data.get("created")
        model.data_hash = data.get("training_data_sha256")
        model.report = data.get("cv_report")
        model.libraries = data.get("libraries")
        return model

    def save(self, models_dir: str | Path, name: str | None = None) -> Path:
        """Write ``<models_dir>/<name>-v<N>.json`` with N one above the newest version there."""
        name = name or self.name
        if not _NAME.match(name):
            raise ValueError(f"model name {name!r}: use letters, digits, '_', '.', '-'")
        directory = Path(models_dir)
        directory.mkdir(parents=True, exist_ok=True)
        version = latest_version(directory, name) + 1
        while True:  # exclusive create: two trainings at once never overwrite each other
            path = directory / f"{name}-v{version}.json"
            self.name, self.version = name, version
            self.created = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
            try:
                with path.open("x", encoding="utf-8") as fh:
                    json.dump(self.to_dict(), fh, indent=1)
                return path
            except FileExistsError:
                version += 1

    @classmethod
    def load(cls, path: str | Path, feature_names: Sequence[str] | None = None) -> TrainedRanker:
        """Read a model file; with ``feature_names``, check they are the ones it was trained on."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelFileError(f"{path}: no such model file") from exc
        except (OSError, ValueError) as exc:
            raise ModelFileError(f"{path}: cannot read model: {exc}") from exc
        model = cls.from_dict(data, source=str(path))
        if feature_names is not None:
            check_features(model.feature_names or [], feature_names, source=str(path))
        return model


def _tree_predict(tree: dict[str, list], X: np.ndarray) -> np.ndarray:
    """Leaf values of one regression tree for every row, walking all rows down level by level."""
    feature = np.asarray(tree["feature"])
    threshold = np.asarray(tree["threshold"])
    left = np.asarray(tree["left"])
    right = np.asarray(tree["right"])
    value = np.asarray(tree["value"])
    node = np.zeros(X.shape[0], dtype=np.int64)
    rows = np.arange(X.shape[0])
    while True:
        inner = left[node] != -1
        if not inner.any():
            return value[node]
        idx = rows[inner]
        n = node[idx]
        go_left = X[idx, feature[n]] <= threshold[n]
        node[idx] = np.where(go_left, left[n], right[n])


def _as_positive(y: Sequence[bool] | np.ndarray) -> np.ndarray:
    y = np.asarray(y)
    if y.dtype == bool:
        return y
    from shortlist.learn.outcomes import POSITIVE_GRADE

    return y >= POSITIVE_GRADE


def latest_version(models_dir: str | Path, name: str) -> int:
    """Highest N among ``<name>-v<N>.json`` in the folder; 0 when there is none."""
    pattern = re.compile(re.escape(name) + r"-v(\d+)\.json$")
    directory = Path(models_dir)
    if not directory.is_dir():
        return 0
    versions = [int(m.group(1)) for p in directory.iterdir() if (m := pattern.match(p.name))]
    return max(versions, default=0)


def resolve_model_path(path: str | Path) -> Path:
    """A model file, or ``<dir>/<name>`` meaning the newest ``<dir>/<name>-v<N>.json``."""
    p = Path(path)
    if p.is_file():
        return p
    version = latest_version(p.parent, p.name)
    if version:
        return p.parent / f"{p.name}-v{version}.json"
    raise ModelFileError(f"{p}: no such model file, and no {p.name}-v<N>.json in {p.parent}")


def load_model(path: str | Path, feature_names: Sequence[str] | None = None) -> TrainedRanker:
    """Load a model for ranking (``rank --model``). ``path`` may name a version or just the model.

    The model's feature names are checked against ``feature_names`` (default: the hybrid
    ranker's ``PART_NAMES``); ``FeatureMismatch`` explains what changed since training.
    """
    if feature_names is None:
        from shortlist.match.parts import PART_NAMES

        feature_names = PART_NAMES
    return TrainedRanker.load(resolve_model_path(path), feature_names=feature_names)
