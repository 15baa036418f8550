"""Scoring parts, the hybrid ranker and explanations."""
