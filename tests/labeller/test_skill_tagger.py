"""The skill tagger is the same labeller with the ``skills`` featurizer: it trains, keeps exact
offsets, and its model file names its featurizer so the parser never reads it by mistake."""
import pytest

from shortlist.labeller.model import LabelledDoc, SequenceLabeller
from shortlist.labeller.skill_features import SKILL_FEATURES_VERSION, SKILL_LABELS

SENTENCES = [
    ("You will work independently and manage stakeholders .", [("work independently", "SKILL"), ("manage stakeholders", "SKILL")]),
    ("Experience with Python and SQL is required .", [("Python", "KNOWLEDGE"), ("SQL", "KNOWLEDGE")]),
    ("Strong knowledge of Java and Kubernetes .", [("Java", "KNOWLEDGE"), ("Kubernetes", "KNOWLEDGE")]),
    ("Able to communicate clearly with customers .", [("communicate clearly", "SKILL")]),
]


def _docs():
    out = []
    for text, spans in SENTENCES * 5:
        out.append(LabelledDoc(text=text, spans=[(text.index(s), text.index(s) + len(s), lab) for s, lab in spans]))
    return out


@pytest.fixture(scope="module")
def tagger():
    return SequenceLabeller(labels=SKILL_LABELS, featurizer="skills", max_iterations=40).fit(_docs())


def test_skill_tagger_learns_and_quotes_exactly(tagger):
    text = "Experience with Python and SQL is required ."
    got = {(text[s.start:s.end], s.label) for s in tagger.predict(text)}
    assert ("Python", "KNOWLEDGE") in got and ("SQL", "KNOWLEDGE") in got
    for s in tagger.predict("Go , Rust & C++ ; communicate clearly"):
        assert 0 <= s.start < s.end and s.label in SKILL_LABELS


def test_model_file_names_its_featurizer(tagger, tmp_path):
    path = tagger.save(tmp_path / "skills.slm")
    loaded = SequenceLabeller.load(path)
    assert loaded.meta.features == SKILL_FEATURES_VERSION and loaded.featurizer == "skills"
    text = "Strong knowledge of Java and Kubernetes ."
    assert loaded.predict(text) == tagger.predict(text)


def test_unknown_featurizer_is_refused():
    with pytest.raises(ValueError, match="unknown featurizer"):
        SequenceLabeller(featurizer="nope")


def test_word_classes_ship_with_the_package():
    from shortlist.labeller.clusters import TABLE, table

    classes = table()
    assert TABLE.is_file() and len(classes) > 10000
    assert classes["nurse"][1] == classes["hospital"][1]  # near in MiniLM's embedding space
    assert all(c.isdigit() and f.isdigit() for c, f in list(classes.values())[:50])
