"""Benchmark scripts; each one is run as ``python benchmarks/<name>.py`` from the repo root."""
