"""Skill taxonomy and extraction."""
