"""The dotin scorer: tag stripping must keep offsets exact, and span matching must be honest."""
from collections import defaultdict
from pathlib import Path

from benchmarks.parse_fields import FIELDS, Tally, norm, predictions, score_cv, strip_labels

from shortlist.profile.model import Education, Evidence, Profile, Val, WorkItem

XML = """<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Ada Quill</label>
<label type="Email Address">ada@example.org</label> &amp; more
<label type="Designation">Data Engineer</label> at <label type="Companies worked at">Blue Fern Ltd</label>
<label type="Degree">B.Sc.</label> in Physics, <label type="College Name">Northfield University</label> <label type="Graduation Year">2014 - 2018</label>
Again <label type="Name">Ada Quill</label>
</cv>"""


def _cv(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "1.xml"
    path.write_text(XML, encoding="utf-8")
    return strip_labels(path)


def _ev(text: str, needle: str) -> Evidence:
    i = text.index(needle)
    return Evidence(start=i, end=i + len(needle), text=needle)


def test_strip_labels_keeps_offsets_and_unescapes(tmp_path: Path) -> None:
    cv = _cv(tmp_path)
    assert "<label" not in cv.text and "& more" in cv.text
    for spans in cv.spans.values():
        for start, end, surface in spans:
            assert cv.text[start:end] == surface
    assert [s for _, _, s in cv.spans["Name"]] == ["Ada Quill", "Ada Quill"]


def test_norm_ignores_dots_case_and_spacing() -> None:
    assert norm("B.Sc.") == norm("BSc") == "bsc"
    assert norm("  Blue  Fern, Ltd. ") == "blue fern ltd"


def test_span_scoring_counts_unique_values_and_rejects_wrong_spans(tmp_path: Path) -> None:
    cv = _cv(tmp_path)
    text = cv.text
    entry = _ev(text, "B.Sc. in Physics, Northfield University 2014 - 2018")
    profile = Profile(
        text=text,
        name=Val(value="Ada Quill", evidence=_ev(text, "Ada Quill")),
        email=Val(value="ada@example.org", evidence=_ev(text, "ada@example.org")),
        education=[Education(degree="B.Sc.", institution="Physics", end="2018-06", evidence=entry)],
        work=[WorkItem(employer="Blue Fern Ltd", title="more", evidence=_ev(text, "Data Engineer at Blue Fern Ltd"))],
    )
    spans = {f: Tally() for f in FIELDS}
    values = {f: Tally() for f in FIELDS}
    errors: dict[str, list[str]] = defaultdict(list)
    score_cv(cv, predictions(profile, text), spans, values, errors)
    assert (spans["name"].tp_pred, spans["name"].n_gold) == (1, 1)  # annotated twice, one value
    assert spans["email"].prf() == (1.0, 1.0, 1.0)
    assert spans["degree"].prf()[2] == 1.0 and values["degree"].prf()[2] == 1.0
    assert spans["graduation_year"].tp_gold == 1
    assert spans["institution"].tp_pred == 0 and spans["institution"].tp_gold == 0
    assert spans["employer"].prf()[2] == 1.0
    # "more" is found outside the work entry, over no Designation span: a false positive and a miss.
    assert spans["title"].tp_pred == 0 and spans["title"].n_gold == 1
    assert any(line.startswith("FP") for line in errors["title"])
