"""Resume and job models and parsing (text -> profile)."""
