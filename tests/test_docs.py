"""Documentation must not drift from the code: every command is in the README, and so is every make target."""
import re
from pathlib import Path

import typer

from shortlist.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(a: typer.Typer, prefix: str = "") -> list[str]:
    names = [prefix + (c.name or c.callback.__name__).replace("_", "-") for c in a.registered_commands]
    for g in a.registered_groups:
        names += _commands(g.typer_instance, prefix + g.name + " ")
    return names


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands(app) if c not in ("version", "demo")
               and not re.search(rf"(\$S|shortlist) {re.escape(c)}\b", readme)]
    assert missing == [], f"commands not shown in README.md: {missing}"


def test_every_benchmark_target_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"^(bench-[\w-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert targets, "no benchmark targets found"
    assert [t for t in targets if t not in readme] == []


def test_every_command_the_readme_shows_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    known = set(_commands(app))
    shown = set()
    for m in re.finditer(r"(?:\$S|shortlist) ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?", readme):
        two = f"{m.group(1)} {m.group(2)}" if m.group(2) else None
        shown.add(two if two in known else m.group(1))
    assert sorted(c for c in shown if c not in known and c.split()[0] not in known) == []
    groups = {c.split()[0] for c in known if " " in c}
    assert sorted(c for c in shown if c in groups) == [], "README names a command group without its command"


def test_user_add_and_erase_from_the_cli(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path))
    res = CliRunner().invoke(app, ["user", "add", "ada@example.com", "--role", "admin", "--password", "longenough1"])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(app, ["user", "add", "ada@example.com", "--password", "longenough1"])
    assert res.exit_code == 2 and "already exists" in res.output
    assert CliRunner().invoke(app, ["erase", "999"]).exit_code == 2
    assert CliRunner().invoke(app, ["retention", "--days", "30"]).exit_code == 0


def test_readme_names_every_parser_label_and_annotation_format():
    from shortlist.labeller.corpus import _SOURCE_SUFFIXES
    from shortlist.labeller.model import LABELS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**The parsing model.**"):]
    assert [lab for lab in LABELS if lab not in section] == []
    assert all(ext in section for ext in (".bio", ".bmes", ".conll", "cv.json", "<label"))
    assert ".pdf" in _SOURCE_SUFFIXES and "cv.pdf" in section
