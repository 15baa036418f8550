"""Generated resumes written as PDF/DOCX and read back: spans found again, layout kept."""
from shortlist.labeller.features import featurizers
from shortlist.labeller.render import render
from shortlist.labeller.synth import generate
from shortlist.labeller.tokens import tokenize


def test_rendered_files_keep_every_span_and_their_layout():
    source = [d for d in generate(24, seed=5) if "\n" in d.text]
    out = render(source, seed=5)
    assert len(out) >= len(source) * 0.8  # only documents whose spans cannot be found are dropped
    assert {d.source for d in out} == {"synthetic-pdf", "synthetic-docx"}
    for doc in out:
        assert doc.layout and doc.spans
        for s, e, _label in doc.spans:
            assert doc.text[s:e].strip() and doc.text[s:e] == doc.text[s:e].strip()
    pdf_cols = {st.column for d in out if d.source == "synthetic-pdf" for st in d.layout}
    assert pdf_cols >= {0, 1, 2}  # some PDFs are two columns


def test_layout_reaches_the_features():
    doc = next(d for d in render(generate(6, seed=5), seed=5) if d.source == "synthetic-docx")
    fz = featurizers()["resume"]
    view = fz.view(doc.text, doc.layout)
    tokens = tokenize(fz.text(view))
    with_layout = fz.features(view, tokens)
    assert "L:huge" in with_layout[0]  # the first token is the name, written large
    plain = fz.features(fz.view(doc.text), tokens)
    assert not any(f.startswith("L:") for fs in plain for f in fs)
