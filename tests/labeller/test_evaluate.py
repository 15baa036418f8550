import pytest

from shortlist.labeller.evaluate import cross_validate, folds, span_scores
from shortlist.labeller.model import LabelledDoc, SequenceLabeller, Span
from shortlist.labeller.synth import generate


def test_span_scores_count_exact_spans_ignoring_edge_punctuation():
    doc = LabelledDoc(text="Engineer, Acme Ltd.", spans=[(0, 8, "TITLE"), (10, 19, "ORG")])
    pred = [Span(0, 9, "TITLE", 1.0), Span(10, 14, "ORG", 1.0)]  # "Engineer," matches; "Acme" is short
    s = span_scores([(doc, pred)], ["TITLE", "ORG"])
    assert s["TITLE"]["f1"] == 1.0 and s["ORG"]["f1"] == 0.0
    assert s["micro"]["precision"] == 0.5 and s["micro"]["recall"] == 0.5


def test_folds_cover_every_document_once():
    parts = folds(23, 5, seed=1)
    assert sorted(i for p in parts for i in p) == list(range(23)) and len(parts) == 5
    assert parts == folds(23, 5, seed=1)


def test_cross_validation_reports_every_label_and_fold():
    docs = generate(15, seed=2)
    seen = []
    res = cross_validate(docs, k=3, make=lambda: SequenceLabeller(max_iterations=15),
                         on_fold=lambda i, m, held: seen.append(len(held)))
    assert res["folds"] == 3 and len(res["per_fold_micro_f1"]) == 3 and sum(seen) == 15
    assert {"TITLE", "ORG", "DEGREE", "SCHOOL", "LOC", "micro"} <= set(res)
    assert res["micro"]["gold"] == sum(len(d.spans) for d in docs)


def test_too_few_documents_for_the_folds():
    with pytest.raises(ValueError, match="cannot make 5 folds"):
        cross_validate(generate(3), k=5)
