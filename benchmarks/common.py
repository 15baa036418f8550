"""Helpers every benchmark script shares: where the data is, what machine ran it, and
how its figures land in BENCHMARKS.md without disturbing the other benchmarks' blocks.

Scripts are run as ``python benchmarks/<name>.py`` from the repository root; they put the
root on ``sys.path`` first (see ``ROOT``) so that ``from benchmarks.common import ...`` works
both that way and as ``python -m benchmarks.<name>``.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import functools
import os
import platform
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "datasets"
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"

_TITLE = "# Benchmarks\n"
_INTRO = (
    "Figures written by the scripts in `benchmarks/` (one block per script; "
    "rerun a script to refresh its block).\n"
)


def data_arg(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``--data PATH`` option every benchmark takes (default ``../shared/datasets``)."""
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help=f"folder holding the public datasets (default: {DEFAULT_DATA})",
    )
    return parser


def resolve_data(path: str | os.PathLike[str] | None, *parts: str) -> Path:
    """The data folder (or a sub-path of it); relative paths are taken from the repo root.

    Resolving against the root rather than the working directory means ``--data
    ../shared/datasets`` names the same folder whether the script is started from the root
    (as ``make`` does) or from ``benchmarks/``.
    """
    base = DEFAULT_DATA if path is None else Path(path)
    if not base.is_absolute():
        cwd_candidate = Path.cwd() / base
        base = cwd_candidate if cwd_candidate.exists() else ROOT / base
    return base.joinpath(*parts).resolve()


def skip(message: str) -> NoReturn:
    """Missing data is not a failure: say what is missing and exit 0 so ``make bench`` goes on."""
    print(f"SKIP: {message}")
    sys.exit(0)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine() -> str:
    """One line saying where a figure came from, so numbers from different boxes are not compared blindly."""
    cpus = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = cpus
    cores = f"{usable} of {cpus} CPUs" if usable != cpus else f"{cpus} CPUs"
    today = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{cores}, {_cpu_model()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {today}"
    )


def _markers(name: str) -> tuple[str, str]:
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"block name must be letters, digits, '_', '.', '-': {name!r}")
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def replace_block(document: str, name: str, markdown: str) -> str:
    """``document`` with block ``name`` set to ``markdown``; appended when absent, others untouched."""
    start, end = _markers(name)
    block = f"{start}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(document):
        return pattern.sub(lambda _m: block, document, count=1)
    if not document.strip():
        document = _TITLE + "\n" + _INTRO
    return document.rstrip("\n") + "\n\n" + block + "\n"


def write_block(name: str, markdown: str, path: Path | None = None) -> Path:
    """Replace (or add) block ``name`` in BENCHMARKS.md, creating the file when missing."""
    target = BENCHMARKS_MD if path is None else Path(path)
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(replace_block(current, name, markdown), encoding="utf-8")
    return target


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    """A GitHub-flavoured table; floats are shown with three decimals."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


@functools.cache
def skill_canonicaliser() -> Callable[[str], str | None]:
    """The taxonomy's ``canonical`` (alias -> canonical skill name), or a no-op without one.

    Gold skill labels are written as the resume wrote them ("k8s", "Postgres") while the parser
    reports canonical names, so comparing values fairly needs the same mapping on both sides.
    """
    try:
        from shortlist.skills.taxonomy import Taxonomy

        return Taxonomy.default().canonical
    except Exception:  # noqa: BLE001 - the taxonomy is optional here; without it names compare as written
        return lambda _name: None
