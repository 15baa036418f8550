import csv
import json

from typer.testing import CliRunner

from shortlist.cli import app

REF = "An index is a sorted structure such as a B-tree; it avoids full table scans but slows down writes."


def test_score_one_answer_json():
    res = CliRunner().invoke(app, ["interview", "score", "--answer", "A B-tree index avoids scanning the table; "
                                   "writes get slower.", "--reference", REF, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert 0 <= data[0]["score"] <= 5 and data[0]["points"]


def test_score_csv_relative_and_calibrate(tmp_path):
    f = tmp_path / "answers.csv"
    rows = [("What does an index cost?", REF, a, g) for a, g in [
        ("It avoids full scans using a B-tree, but every insert must update the index.", 5),
        ("It makes reads faster.", 2), ("I like databases.", 0)] * 4]
    with f.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["question", "reference", "answer", "grade"])
        w.writerows(rows)
    res = CliRunner().invoke(app, ["interview", "score", "--csv", str(f), "--format", "csv", "--relative"])
    assert res.exit_code == 0, res.output
    out = list(csv.DictReader(res.stdout.splitlines()))
    assert len(out) == 12 and float(out[0]["score"]) > float(out[2]["score"])
    cal = tmp_path / "cal.json"
    res = CliRunner().invoke(app, ["interview", "calibrate", str(f), "--out", str(cal)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(app, ["interview", "score", "--csv", str(f), "--calibration", str(cal), "-f", "json"])
    assert json.loads(res.stdout)[0]["method"] == "calibrated"


def test_score_needs_a_reference(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("question,answer\nQ,some answer\n")
    res = CliRunner().invoke(app, ["interview", "score", "--csv", str(f)])
    assert res.exit_code == 2 and "reference" in res.output


def test_assess_from_the_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    job = tmp_path / "job.md"
    job.write_text("Backend Engineer\n\nRequirements\n- 3+ years of Python\n- PostgreSQL\n")
    cv = tmp_path / "cv.txt"
    cv.write_text("Ana Costa\nana@example.com\n\nEXPERIENCE\nBackend Engineer, Acme\nJan 2016 - Present\n"
                  "- Python services on PostgreSQL\n")
    plan = tmp_path / "plan.json"
    res = CliRunner().invoke(app, ["interview", "plan", str(job), str(cv), "--format", "json", "--out", str(plan)])
    assert res.exit_code == 0, res.output
    qs = json.loads(plan.read_text())["questions"]
    answers = tmp_path / "answers.csv"
    answers.write_text("question_id,answer,score,note\n"
                       f"{qs[0]['id']},\"{' '.join(qs[0]['rubric'])}\",,\n{qs[1]['id']},not sure,1,weak\n")
    res = CliRunner().invoke(app, ["interview", "assess", str(job), str(cv), "--plan", str(plan),
                                   "--answers", str(answers), "--format", "json"])
    assert res.exit_code == 0, res.output
    card = json.loads(res.stdout)
    assert card["screening_score"] is not None and card["interview_score"] is not None
    assert {a["scored_by"] for a in card["answers"]} == {"auto", "interviewer"}
    bad = tmp_path / "bad.csv"
    bad.write_text("question_id,answer\nq99,hello\n")
    res = CliRunner().invoke(app, ["interview", "assess", str(job), str(cv), "--plan", str(plan), "--answers", str(bad)])
    assert res.exit_code == 2 and "q99" in res.output
