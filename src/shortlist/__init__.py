"""shortlist: an offline recruiting assistant."""
__version__ = "0.1.0"
