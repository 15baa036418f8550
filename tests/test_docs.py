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
    targets = re.findall(r"^(bench-[\w-]+):", (ROOT / "Makefile").read_text(), re.M)
    assert targets, "no benchmark targets found"
    assert [t for t in targets if t not in readme] == []
