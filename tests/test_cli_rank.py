"""`shortlist rank` / `shortlist match` end to end: real parsing, taxonomy and embeddings."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from match.fixtures import JOB_EN_TEXT, PARTIAL_EN, STRONG_EN, WEAK_EN
from typer.testing import CliRunner

import shortlist.cli_rank  # noqa: F401  (registers the commands)
from shortlist.cli import app

runner = CliRunner()


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    resumes = tmp_path / "resumes"
    resumes.mkdir()
    paths = {}
    for name, text in (("alice", STRONG_EN), ("bob", PARTIAL_EN), ("carol", WEAK_EN)):
        paths[name] = resumes / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    paths["job"] = tmp_path / "job.txt"
    paths["job"].write_text(JOB_EN_TEXT, encoding="utf-8")
    paths["sales"] = tmp_path / "sales.txt"
    paths["sales"].write_text("Sales Associate\nRequirements\n- Retail sales experience and customer service\n"
                              "- Excel\n", encoding="utf-8")
    paths["resumes"] = resumes
    return paths


def _rank(*args: str):
    result = runner.invoke(app, ["rank", *args, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return result


def test_rank_json_orders_strong_partial_weak(files):
    result = _rank(str(files["job"]), str(files["resumes"]), "--format", "json")
    records = json.loads(result.stdout)
    assert [Path(r["source"]).stem for r in records] == ["alice", "bob", "carol"]
    assert records[0]["name"] == "Alice Strong"
    assert records[0]["verdicts"] and records[0]["parts"]


def test_rank_table_blind_and_top(files):
    result = _rank(str(files["job"]), str(files["resumes"]), "--blind", "--top", "2")
    assert "(blind)" in result.stdout and "Alice" not in result.stdout and "Carol" not in result.stdout
    assert "advice only" in result.stdout


def test_rank_knockouts_and_csv(files, tmp_path):
    out = tmp_path / "ranked.csv"
    _rank(str(files["job"]), str(files["resumes"]), "--format", "csv", "--out", str(out),
          "--require-skill", "Airflow", "--min-years", "3")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    by = {r["name"]: r for r in rows}
    assert by["Alice Strong"]["knocked_out"] == ""
    assert "must have Airflow" in by["Carol Weak"]["knocked_out"]
    _rank(str(files["job"]), str(files["resumes"]), "--format", "csv", "--out", str(out),
          "--require-skill", "Airflow", "--no-knockouts")
    assert all(r["knocked_out"] == "" for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


def test_rank_html_default_file(files, tmp_path):
    _rank(str(files["job"]), str(files["alice"]), str(files["carol"]), "--format", "html")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Alice Strong" in page


def test_rank_reports_a_missing_job_cleanly(files):
    result = runner.invoke(app, ["rank", "no-such-job.txt", str(files["alice"]), "--workers", "1"])
    assert result.exit_code == 2


def test_match_ranks_jobs_for_one_resume(files):
    result = runner.invoke(app, ["match", str(files["carol"]), str(files["job"]), str(files["sales"]),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [Path(r["job_source"]).stem for r in records] == ["sales", "job"]
