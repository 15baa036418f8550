"""The contract every trained labeller must keep: offsets exact, confidences in [0, 1], no
crash on empty, huge or odd input, a file that round-trips and says what it is."""
import zipfile

import pytest

from shortlist.labeller.model import LABELS, SequenceLabeller
from shortlist.labeller.synth import generate

ODD = [
    "", " ", "\n\n\n", "\x00\x01", "••••", "a" * 5000, "北京 上海\t深圳", "2019 - 2020 " * 300,
    "Engineer\u200b at\u00a0Acme", "🙂 emoji résumé ﬁ ligature", "\\xe2\\x80\\xa2 bullet",
]


def test_constructor_only_stores_parameters():
    m = SequenceLabeller(c1=0.3, max_iterations=7)
    assert m.get_params()["c1"] == 0.3 and m.get_params()["max_iterations"] == 7
    with pytest.raises(RuntimeError, match="not trained"):
        m.predict("Engineer")


@pytest.mark.parametrize("text", ODD)
def test_odd_input_never_crashes_and_offsets_are_exact(small_model, text):
    for s in small_model.predict(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip()
        assert 0.0 <= s.confidence <= 1.0
        assert s.label in LABELS


def test_learns_the_generated_layouts(small_model):
    held = generate(20, seed=99)
    hit = total = 0
    for doc in held:
        pred = {(s.start, s.end, s.label) for s in small_model.predict(doc.text)}
        for s, e, lab in doc.spans:
            if lab in ("TITLE", "ORG"):
                total += 1
                hit += (s, e, lab) in pred
    assert total and hit / total > 0.6  # a 60-iteration model on 80 documents; the shipped one does far better


def test_file_round_trip_and_metadata(small_model, tmp_path):
    small_model.meta.licence = "own"
    small_model.meta.metrics = {"micro": {"f1": 0.5}}
    path = small_model.save(tmp_path / "m.slm")
    loaded = SequenceLabeller.load(path)
    text = generate(1, seed=5)[0].text
    assert loaded.predict(text) == small_model.predict(text)
    assert loaded.meta.licence == "own" and loaded.meta.metrics["micro"]["f1"] == 0.5
    assert loaded.meta.format == 1 and loaded.meta.features.startswith("resume-")
    assert loaded.reads("en") and not loaded.reads("zh")


def test_not_a_model_says_what_to_do(tmp_path):
    bad = tmp_path / "bad.slm"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="train parser"):
        SequenceLabeller.load(bad)


def test_other_feature_version_is_refused(small_model, tmp_path):
    path = small_model.save(tmp_path / "m.slm")
    old = tmp_path / "old.slm"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(old, "w") as dst:
        meta = src.read("meta.json").decode().replace(small_model.meta.features, "resume-v0")
        dst.writestr("meta.json", meta)
        dst.writestr("model.crfsuite", src.read("model.crfsuite"))
    with pytest.raises(ValueError, match="retrain"):
        SequenceLabeller.load(old)


def test_fit_without_documents_is_an_error():
    with pytest.raises(ValueError, match="no training documents"):
        SequenceLabeller(max_iterations=2).fit([])


def test_long_documents_are_tagged_in_chunks_with_the_same_offsets(small_model, monkeypatch):
    import shortlist.labeller.model as m

    doc = generate(1, seed=21)[0].text * 6
    whole = small_model.predict(doc)
    monkeypatch.setattr(m, "CHUNK_TOKENS", 150)
    chunked = small_model.predict(doc)
    assert len(m._chunks(doc, m.tokenize(doc))) > 3
    for s in chunked:
        assert doc[s.start:s.end].strip()
    # cut at line breaks, so nearly every span is found the same way
    same = len({(s.start, s.end, s.label) for s in whole} & {(s.start, s.end, s.label) for s in chunked})
    assert same >= 0.9 * len(whole)
