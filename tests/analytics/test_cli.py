"""`shortlist analytics ...` through Typer's runner, on a local app (the main CLI may not register it yet)."""
import csv
import io
import json
from datetime import date, timedelta

import pytest
import typer
from typer.testing import CliRunner

from shortlist.cli_analytics import analytics_app

app = typer.Typer()
app.add_typer(analytics_app, name="analytics")
runner = CliRunner()


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _postings_csv(path):
    """12 months x 10 postings: Kubernetes climbs from 1 to 10 of 10, PHP from 9 to 0; Python everywhere."""
    rows = []
    for m in range(12):
        start = date(2023, m + 1, 1)
        for k in range(10):
            words = ["Python"]
            if k < m - 1 or (m <= 1 and k == 0):
                words.append("Kubernetes")
            if k < 9 - m:
                words.append("PHP")
            rows.append({"posted_at": (start + timedelta(days=k)).isoformat(),
                         "body": "Backend engineer. Requirements: " + ", ".join(words) + "."})
    buf = io.StringIO()
    w = csv.DictWriter(buf, ["posted_at", "body"])
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_trends_json_table_and_chart(env):
    posts = env / "posts.csv"
    _postings_csv(posts)
    result = runner.invoke(app, ["analytics", "trends", str(posts), "--format", "json", "--min-postings", "10",
                                 "--table", "t.csv", "--pairs", "5"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["postings"] == 120 and len(data["periods"]) == 12
    assert [t["skill"] for t in data["rising"]] == ["Kubernetes"]
    assert [t["skill"] for t in data["falling"]] == ["PHP"]
    assert (env / "t.csv").read_text().startswith("skill,direction,")


def test_trends_chart_file_and_its_table(env):
    pytest.importorskip("matplotlib")
    posts = env / "posts.csv"
    _postings_csv(posts)
    result = runner.invoke(app, ["analytics", "trends", str(posts), "--min-postings", "10", "--chart", "t.png"])
    assert result.exit_code == 0, result.output
    assert (env / "t.png").read_bytes().startswith(b"\x89PNG")
    table = (env / "t.png.csv").read_text().splitlines()
    assert table[0] == "period,postings,skill,count,share"
    assert {line.split(",")[2] for line in table[1:]} == {"Kubernetes", "PHP"}  # the rising and falling skills


def test_trends_on_workspace_jobs(env):
    from shortlist.store.db import Database, default_url
    from shortlist.store.workspace import Workspace

    ws = Workspace(Database(default_url(env / "data")).open(), env / "data")
    with ws.db.session() as s:
        ws.create_job(s, "rec@example.com", "Backend Engineer\nRequirements\n- Python and Kubernetes\n")
    ws.db.close()
    result = runner.invoke(app, ["analytics", "trends", "--workspace", "--format", "json", "--min-period-postings", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["postings"] == 1 and data["tested"] == 0  # one month: nothing to test, but it ran
    missing = runner.invoke(app, ["analytics", "trends"])
    assert missing.exit_code == 2 and "POSTINGS or --workspace" in missing.output


def test_trends_table_and_bad_input(env):
    posts = env / "posts.csv"
    _postings_csv(posts)
    ok = runner.invoke(app, ["analytics", "trends", str(posts), "--period", "quarter", "--min-period-postings", "1",
                             "--min-postings", "10"])
    assert ok.exit_code == 0, ok.output
    assert "no skill is significantly rising" in ok.stdout  # four quarters are too few to call a trend
    monthly = runner.invoke(app, ["analytics", "trends", str(posts), "--min-postings", "10"])
    assert monthly.exit_code == 0, monthly.output
    assert "Kubernetes" in monthly.stdout and "PHP" in monthly.stdout
    bad = runner.invoke(app, ["analytics", "trends", str(posts), "--date-column", "when"])
    assert bad.exit_code == 2 and "no date column 'when'" in bad.output
    wrong = runner.invoke(app, ["analytics", "trends", str(posts), "--chart", "x.gif"])
    assert wrong.exit_code != 0


JOB = "Backend Engineer\n\nRequirements\n- Python and PostgreSQL\n- Kubernetes\n"
RESUMES = {
    "ann.txt": "Ann Lee\nann@example.com\n\nEXPERIENCE\nBackend Engineer, Acme\nJan 2019 - Present\n"
               "- Python services on PostgreSQL\n\nSKILLS\nPython, PostgreSQL, Excel\n",
    "bo.txt": "Bo Chen\nbo@example.com\n\nEXPERIENCE\nDeveloper, Beta\nMar 2018 - Present\n- Java and Excel\n\n"
              "SKILLS\nJava, Excel\n",
}


def test_supply_on_parsed_resumes(env):
    (env / "job.txt").write_text(JOB, encoding="utf-8")
    folder = env / "resumes"
    folder.mkdir()
    for name, text in RESUMES.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["analytics", "supply", "job.txt", str(folder), "--workers", "1", "--format", "json",
                                 "--table", "s.csv"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pool"] == 2
    reqs = {r["requirement_id"]: r for r in data["requirements"]}
    assert reqs["skill:PostgreSQL"]["met"] == 1 and reqs["skill:Kubernetes"]["met"] == 0
    assert data["scarcest"][0] == "skill:Kubernetes"
    assert "Microsoft Excel" in {s["skill"] for s in data["surplus"]}
    assert (env / "s.csv").read_text().count("\n") == 1 + len(reqs)


def test_funnel_on_the_workspace(env):
    from shortlist.store.db import Database, default_url
    from shortlist.store.workspace import Workspace

    ws = Workspace(Database(default_url(env / "data")).open(), env / "data")
    with ws.db.session() as s:
        job = ws.create_job(s, "rec@example.com", JOB)
        a = ws.upload(s, "rec@example.com", job.id, "ann.txt", RESUMES["ann.txt"].encode())
        b = ws.upload(s, "rec@example.com", job.id, "bo.txt", RESUMES["bo.txt"].encode())
        ws.decide(s, "rec@example.com", a.id, "advance")
        ws.decide(s, "rec@example.com", b.id, "reject", reason="no PostgreSQL")
        job_id = job.id
    ws.db.close()
    result = runner.invoke(app, ["analytics", "funnel", "--job", str(job_id), "--format", "json", "--period", "month"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["reached"] for r in data["overall"]["stages"]] == [2, 1, 0, 0, 0]
    assert data["overall"]["rejected"] == 1 and len(data["by_period"]) == 1
    table = runner.invoke(app, ["analytics", "funnel"])
    assert table.exit_code == 0 and "screened" in table.stdout
