"""Fairness: bias audits (impact ratios), blind screening support, consistency checks."""
