"""BENCHMARKS.md is shared by every benchmark script: writing one block must never clobber another."""
from pathlib import Path

import pytest
from benchmarks.common import markdown_table, replace_block, resolve_data, write_block


def test_write_block_creates_file_with_title(tmp_path: Path) -> None:
    target = tmp_path / "BENCHMARKS.md"
    write_block("speed", "| a |\n|---|\n| 1 |", path=target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n")
    assert "<!-- speed:start -->\n| a |\n|---|\n| 1 |\n<!-- speed:end -->" in text


def test_write_block_replaces_only_its_own_block(tmp_path: Path) -> None:
    target = tmp_path / "BENCHMARKS.md"
    target.write_text(
        "# Benchmarks\n\nhand-written notes\n\n<!-- a:start -->\nold a\n<!-- a:end -->\n\n"
        "<!-- b:start -->\nold b\n<!-- b:end -->\n",
        encoding="utf-8",
    )
    write_block("a", "new a", path=target)
    text = target.read_text(encoding="utf-8")
    assert "new a" in text and "old a" not in text
    assert "<!-- b:start -->\nold b\n<!-- b:end -->" in text
    assert "hand-written notes" in text
    assert text.count("<!-- a:start -->") == 1


def test_write_block_appends_missing_block_after_existing(tmp_path: Path) -> None:
    target = tmp_path / "BENCHMARKS.md"
    write_block("a", "first", path=target)
    write_block("b", "second", path=target)
    text = target.read_text(encoding="utf-8")
    assert text.index("first") < text.index("second")
    write_block("a", "again", path=target)
    assert target.read_text(encoding="utf-8").count("<!-- a:end -->") == 1


def test_block_content_with_backslashes_is_kept_literally() -> None:
    doc = replace_block("", "x", r"C:\new\table \1")
    assert replace_block(doc, "x", r"\g<0> \1").count(r"\g<0> \1") == 1


def test_bad_block_name_is_refused() -> None:
    with pytest.raises(ValueError):
        replace_block("", "a b", "x")


def test_resolve_data_relative_to_root_and_subpath(tmp_path: Path) -> None:
    assert resolve_data(tmp_path, "x", "y") == (tmp_path / "x" / "y").resolve()


def test_markdown_table_formats_floats_and_escapes_pipes() -> None:
    table = markdown_table(["f", "v"], [["a|b", 0.5]])
    assert table.splitlines()[2] == "| a\\|b | 0.500 |"
