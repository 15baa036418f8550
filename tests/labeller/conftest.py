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


@pytest.fixture(scope="session")
def zh_model():
    """A small Chinese labeller on generated Chinese resumes, as the shipped one is trained."""
    from shortlist.labeller.synth_zh import generate as generate_zh

    model = SequenceLabeller(max_iterations=60).fit(generate_zh(80, seed=11))
    model.meta.languages = ["zh"]
    return model
