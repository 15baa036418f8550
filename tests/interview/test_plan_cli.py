"""`shortlist interview plan` end to end: the pipeline parses both files, the ranker gives verdicts."""
from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from shortlist.cli_interview import interview_app

from .test_plan_fixtures import JOB_EN, RESUME_EN

app = typer.Typer()
app.add_typer(interview_app, name="interview")


@app.callback()
def _root() -> None:
    """Test root: the sub-app mounted as the real CLI mounts it."""


def test_plan_command_writes_json_and_html(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    job, resume = tmp_path / "job.md", tmp_path / "alex.txt"
    job.write_text(JOB_EN, encoding="utf-8")
    resume.write_text(RESUME_EN, encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["interview", "plan", str(job), str(resume), "--format", "json", "--no-cache",
                              "--max-questions", "6"])
    assert res.exit_code == 0, res.output
    plan = json.loads(res.stdout)
    assert len(plan["questions"]) == 6 and plan["language"] == "en"
    assert any(q["kind"] == "verify" for q in plan["questions"])
    out = tmp_path / "guide.html"
    res = runner.invoke(app, ["interview", "plan", str(job), str(resume), "--format", "html", "--out", str(out),
                              "--language", "zh", "--no-cache"])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "面试指南" in page


def test_plan_command_reports_an_unparseable_resume(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    job = tmp_path / "job.md"
    job.write_text(JOB_EN, encoding="utf-8")
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    res = CliRunner().invoke(app, ["interview", "plan", str(job), str(bad), "--no-cache"])
    assert res.exit_code == 1


def test_plan_command_with_an_unreachable_llm_falls_back(tmp_path, monkeypatch):
    import socket

    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SHORTLIST_LLM_TIMEOUT_S", "2")
    job, resume = tmp_path / "job.md", tmp_path / "alex.txt"
    job.write_text(JOB_EN, encoding="utf-8")
    resume.write_text(RESUME_EN, encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = CliRunner().invoke(app, ["interview", "plan", str(job), str(resume), "--format", "json", "--no-cache",
                                   "--llm", f"http://127.0.0.1:{port}/v1", "--model", "m"])
    assert res.exit_code == 0, res.output
    plan = json.loads(res.stdout)
    assert plan["generator"] == "patterns" and plan["questions"]
    assert len(plan["notes"]) == 1 and plan["notes"][0].startswith("LLM unavailable")
