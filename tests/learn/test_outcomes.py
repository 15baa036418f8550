import json

import pytest

from shortlist.learn.outcomes import OutcomeFileError, load_outcomes, parse_label


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "resumes").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "resumes" / name).write_text("resume " + name)
    (tmp_path / "job.txt").write_text("a job")
    return tmp_path


@pytest.mark.parametrize(
    "raw, grade",
    [("hired", 3), (" Offer ", 3), ("ADVANCED", 2), ("interview", 2), ("rejected", 0), ("declined", 0),
     ("0", 0), ("1", 1), ("2", 2), ("3", 3), (2, 2), (3.0, 3)],
)
def test_accepted_labels(raw, grade):
    assert parse_label(raw) == grade


@pytest.mark.parametrize("raw", ["maybe", "4", "-1", "", None, "2.5", "hire"])
def test_rejected_labels(raw):
    with pytest.raises(ValueError, match="not one of"):
        parse_label(raw)


def test_csv_paths_relative_to_the_file(folder):
    (folder / "outcomes.csv").write_text(
        "resume,job,label\nresumes/a.txt,job.txt,hired\nresumes/b.txt,job.txt,rejected\nresumes/c.txt,job.txt,1\n"
    )
    out = load_outcomes(folder / "outcomes.csv")
    assert [o.resume.name for o in out] == ["a.txt", "b.txt", "c.txt"]
    assert all(o.job == (folder / "job.txt").resolve() for o in out)
    assert [o.grade for o in out] == [3, 0, 1]
    assert [o.positive for o in out] == [True, False, False]
    assert out[0].label == "hired"


def test_jsonl(folder):
    rows = [{"resume": "resumes/a.txt", "job": "job.txt", "label": 2}, {"resume": "resumes/b.txt", "job": "job.txt", "label": "declined"}]
    (folder / "o.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    out = load_outcomes(folder / "o.jsonl")
    assert [o.grade for o in out] == [2, 0]


def test_every_bad_row_is_listed(folder):
    (folder / "o.csv").write_text(
        "resume,job,label\n"
        "resumes/a.txt,job.txt,hired\n"
        "resumes/missing.txt,job.txt,hired\n"
        "resumes/b.txt,job.txt,perhaps\n"
        ",job.txt,2\n"
    )
    with pytest.raises(OutcomeFileError) as info:
        load_outcomes(folder / "o.csv")
    msg = str(info.value)
    assert "3 bad row(s)" in msg
    assert "line 3: resume file not found: resumes/missing.txt" in msg
    assert "line 4: label 'perhaps' is not one of" in msg
    assert "line 5: empty resume" in msg
    assert "line 2" not in msg


def test_missing_column(folder):
    (folder / "o.csv").write_text("resume,label\nresumes/a.txt,hired\n")
    with pytest.raises(OutcomeFileError, match="missing column"):
        load_outcomes(folder / "o.csv")


def test_bad_json_line(folder):
    (folder / "o.jsonl").write_text('{"resume": "resumes/a.txt", "job": "job.txt", "label": "hired"}\n{oops\n')
    with pytest.raises(OutcomeFileError, match="line 2: not JSON"):
        load_outcomes(folder / "o.jsonl")
