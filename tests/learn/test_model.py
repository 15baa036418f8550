import json

import numpy as np
import pytest

from shortlist.learn.model import (
    FeatureMismatch,
    ModelFileError,
    TrainedRanker,
    latest_version,
    load_model,
)

from .conftest import FEATURES


def _fit(kind, data):
    X, grades, resumes, _ = data
    return TrainedRanker(kind=kind, feature_names=FEATURES).fit(X, grades >= 2, resumes)


@pytest.mark.parametrize("kind", ["logistic", "gbm"])
def test_scores_in_unit_interval_and_rank_positives_first(kind, data):
    X, grades, _, _ = data
    m = _fit(kind, data)
    s = m.predict_score(X)
    assert s.shape == (X.shape[0],)
    assert np.all((s >= 0) & (s <= 1))
    assert s[grades >= 2].mean() > s[grades < 2].mean() + 0.2
    assert m.predict(X).dtype == bool


def test_logistic_matches_scikit_learn(data):
    from sklearn.linear_model import LogisticRegression

    X, grades, _, _ = data
    m = _fit("logistic", data)
    mean, scale = X.mean(0), X.std(0)
    ref = LogisticRegression(class_weight="balanced", max_iter=2000).fit((X - mean) / scale, grades >= 2)
    np.testing.assert_allclose(m.predict_score(X), ref.predict_proba((X - mean) / scale)[:, 1], rtol=1e-6)


def test_gbm_stored_trees_match_scikit_learn(data):
    from sklearn.ensemble import GradientBoostingClassifier

    X, grades, _, _ = data
    m = TrainedRanker(kind="gbm", feature_names=FEATURES, n_estimators=40).fit(X, grades >= 2)
    y = grades >= 2
    w = np.where(y, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    ref = GradientBoostingClassifier(n_estimators=40, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=0)
    ref.fit(X, y, sample_weight=w)
    np.testing.assert_allclose(m.predict_score(X), ref.predict_proba(X)[:, 1], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("kind", ["logistic", "gbm"])
def test_save_load_round_trip_and_version_increment(kind, data, tmp_path):
    X = data[0]
    m = _fit(kind, data)
    m.data_hash = "abc"
    first = m.save(tmp_path / "models", name="acme")
    second = m.save(tmp_path / "models", name="acme")
    assert first.name == "acme-v1.json" and second.name == "acme-v2.json"
    assert latest_version(tmp_path / "models", "acme") == 2
    stored = json.loads(second.read_text())
    for key in ("kind", "version", "created", "feature_names", "training_data_sha256", "libraries", "cv_report"):
        assert key in stored
    assert stored["version"] == 2 and stored["kind"] == kind and stored["training_data_sha256"] == "abc"
    assert "scikit-learn" in stored["libraries"]
    back = TrainedRanker.load(first, feature_names=FEATURES)
    assert back.version == 1 and back.label == "trained:acme@v1"
    np.testing.assert_array_equal(back.predict_score(X), m.predict_score(X))
    assert back.threshold_ == m.threshold_
    # a bare name resolves to the newest version
    assert load_model(tmp_path / "models" / "acme").version == 2


def test_feature_mismatch_is_explained(data, tmp_path):
    path = _fit("logistic", data).save(tmp_path, name="m")
    with pytest.raises(FeatureMismatch, match=r"no longer produces \['lexical'\].*now also produces \['bm25'\]"):
        load_model(path, feature_names=FEATURES[:-1] + ["bm25"])
    with pytest.raises(FeatureMismatch, match="order differs"):
        load_model(path, feature_names=list(reversed(FEATURES)))
    with pytest.raises(FeatureMismatch, match="expects 7 score parts"):
        TrainedRanker.load(path).predict_score(np.zeros((2, 6)))


def test_bad_model_files(tmp_path):
    with pytest.raises(ModelFileError, match="no such model"):
        load_model(tmp_path / "nothing")
    (tmp_path / "x.json").write_text('{"hello": 1}')
    with pytest.raises(ModelFileError, match="not a shortlist"):
        load_model(tmp_path / "x.json")
    (tmp_path / "y.json").write_text("{")
    with pytest.raises(ModelFileError, match="cannot read"):
        load_model(tmp_path / "y.json")


def test_refuses_bad_input(data):
    X, grades, _, _ = data
    with pytest.raises(ValueError, match="both positive and negative"):
        TrainedRanker().fit(X, np.ones(len(X), dtype=bool))
    with pytest.raises(ValueError, match="not fitted"):
        TrainedRanker().predict_score(X)
    with pytest.raises(ValueError, match="kind must be"):
        TrainedRanker(kind="forest").fit(X, grades >= 2)
    with pytest.raises(ValueError, match="model name"):
        _fit("logistic", data).save("/tmp", name="../evil")
