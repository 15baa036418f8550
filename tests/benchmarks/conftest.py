"""Benchmark helpers live in the top-level ``benchmarks`` package, outside ``src``: put the
repository root on ``sys.path`` so the tests can import them."""
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
