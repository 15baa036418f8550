"""Scoring parts, the hybrid ranker and explanations.

- ``view.CandidateView``: what the ranker may read of a profile (flagged text blanked).
- ``parts``: the score parts (``PART_NAMES`` is the stable feature order for ``learn/``).
- ``index.CandidateIndex``: per-candidate arrays; ``search`` scores a pool with numpy.
- ``rank``: ``HybridRanker``, ``search``, ``features``, ``match_jobs``, knock-out filters.
- ``explain``: a verdict per requirement quoting the resume, reasons for and against.
- ``report``: CSV rows, JSON records and the self-contained HTML report.
"""
