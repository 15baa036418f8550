"""A small labeller trained once per test session on generated resumes (seconds, not minutes)."""
import pytest

from shortlist.labeller.model import SequenceLabeller
from shortlist.labeller.synth import generate


@pytest.fixture(scope="session")
def train_docs():
    return generate(80, seed=11)


@pytest.fixture(scope="session")
def small_model(train_docs):
    return SequenceLabeller(max_iterations=60).fit(train_docs)
