"""The learned resume labeller: a linear-chain CRF (crfsuite) that tags the tokens of a
resume with field roles (job title, employer, degree, institution, location).

The parser's rules are not thrown away: their signals (section headings, date ranges, title
and company word lists, degree and institution patterns) are features of the model, and the
rules remain the fallback when no model is available or it finds nothing. A model is one file
(:class:`~shortlist.labeller.model.SequenceLabeller`) that carries its version, the licence
of its training data and its cross-validated metrics.
"""
from shortlist.labeller.model import LABELS, SequenceLabeller, Span

__all__ = ["LABELS", "SequenceLabeller", "Span"]
