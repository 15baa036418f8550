import re
from pathlib import Path

import pytest

from shortlist.settings import SETTINGS, load_settings, markdown_table

ROOT = Path(__file__).resolve().parents[1]


def test_readme_settings_table_matches_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- settings:start -->(.*)<!-- settings:end -->", readme, re.DOTALL)
    assert block, "README.md lost its settings block"
    assert markdown_table() in block.group(1), "README settings table drifted: regenerate it from settings.markdown_table()"


def test_defaults_env_and_toml_precedence(tmp_path):
    cfg = tmp_path / "shortlist.toml"
    cfg.write_text("max_pages = 7\ntimeout_s = 3\n")
    values = load_settings(cfg, env={"SHORTLIST_TIMEOUT_S": "9.5"})
    assert values["max_pages"] == 7  # from TOML
    assert values["timeout_s"] == 9.5  # env beats TOML
    assert values["max_file_mb"] == next(s.default for s in SETTINGS if s.name == "max_file_mb")


def test_unknown_toml_key_is_an_error(tmp_path):
    cfg = tmp_path / "shortlist.toml"
    cfg.write_text("max_pagez = 7\n")
    with pytest.raises(ValueError, match="unknown settings"):
        load_settings(cfg, env={})


def test_bad_env_value_says_which_setting():
    with pytest.raises(ValueError, match="max_pages"):
        load_settings(Path("/nonexistent.toml"), env={"SHORTLIST_MAX_PAGES": "many"})
