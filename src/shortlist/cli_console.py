"""The two consoles every CLI module prints to: results on stdout, the rest on stderr.

A module of its own so that command modules import it rather than the module that
assembles the Typer app (which imports them)."""
from __future__ import annotations

from rich.console import Console

out = Console()  # results go to stdout
err = Console(stderr=True)  # progress, summaries and errors go to stderr, so stdout stays parseable
