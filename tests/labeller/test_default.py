"""Which labeller the product uses comes from one setting, everywhere (CLI, API, workspace)."""
import pytest

from shortlist.labeller import default
from shortlist.pipeline import ProfileCache


def test_setting_chooses_the_labeller(small_model, tmp_path, monkeypatch):
    path = small_model.save(tmp_path / "team.slm")
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "rules")
    assert default.current() is None
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", str(path))
    assert default.current().meta.features == small_model.meta.features
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", str(tmp_path / "missing.slm"))
    with pytest.raises(FileNotFoundError, match="train parser"):
        default.current()


def test_shipped_model_is_the_default_and_may_ship(monkeypatch):
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "")  # restored after the test: the CLI sets it for its run
    if not default.SHIPPED.is_file():
        pytest.skip("no shipped model in this checkout (make train-parser)")
    model = default.current()
    assert model is not None and model.meta.shippable
    assert "CC0-1.0" in model.meta.licence and model.meta.metrics  # data licence and CV figures travel with it
    assert model.reads("en")


def test_a_teams_model_gets_its_own_profile_cache(small_model, tmp_path, monkeypatch):
    cache = ProfileCache(tmp_path / "cache")
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "rules")
    rules_dir = cache._file("abc").parent
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", str(small_model.save(tmp_path / "a.slm")))
    own_dir = cache._file("abc").parent
    assert rules_dir != own_dir
