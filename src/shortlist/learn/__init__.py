"""Training rankers on a team's own outcomes and evaluating them.

``load_outcomes`` reads who advanced for which job; ``train`` cross-validates a
``TrainedRanker`` over the hybrid ranker's score parts against the untrained hybrid score and
returns a ``TrainReport`` (its ``model`` is fitted on every row); ``TrainedRanker.save`` writes
a versioned JSON model that ``load_model`` reads back for ``rank --model``.
"""
from shortlist.learn.cv import Dataset, NotEnoughData, TrainReport, cross_validate
from shortlist.learn.model import FeatureMismatch, ModelFileError, TrainedRanker, load_model
from shortlist.learn.outcomes import Outcome, OutcomeFileError, load_outcomes
from shortlist.learn.train import build_dataset, train

__all__ = [
    "Dataset", "FeatureMismatch", "ModelFileError", "NotEnoughData", "Outcome", "OutcomeFileError", "TrainReport",
    "TrainedRanker", "build_dataset", "cross_validate", "load_model", "load_outcomes", "train",
]
