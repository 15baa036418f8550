import json
from datetime import date

import pytest

from shortlist.analytics.postings import load_postings, parse_date, postings_from_workspace
from shortlist.store.models import Job as JobRow

ROWS = [
    ("2024-01-05", "Backend engineer: Python and PostgreSQL required, Docker a plus."),
    ("2024-01-20T09:30:00Z", "招聘后端工程师：熟悉 Go 语言和 MySQL，了解 Kubernetes、Docker。"),
    ("2024-02-03", "Data scientist. Python, machine learning, SQL."),
    ("2024-04-11", "岗位要求：精通Python，熟悉机器学习，有React经验者优先"),
]


def test_csv_guesses_columns_and_extracts_canonical_skills(tmp_path):
    path = tmp_path / "posts.csv"
    lines = ["id,createdAt,content"] + [f'{i},{d},"{t}"' for i, (d, t) in enumerate(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    posts = load_postings(path)
    assert [p.date for p in posts] == [date(2024, 1, 5), date(2024, 1, 20), date(2024, 2, 3), date(2024, 4, 11)]
    assert {"Python", "PostgreSQL", "Docker"} <= set(posts[0].skills)
    assert {"Go", "MySQL", "Kubernetes", "Docker"} <= set(posts[1].skills)
    assert {"Python", "Machine learning", "React"} <= set(posts[3].skills)
    assert all(len(p.skills) == len(set(p.skills)) for p in posts)


def test_jsonl_with_named_columns_and_skip_empty_text(tmp_path):
    path = tmp_path / "posts.jsonl"
    rows = [{"when": d, "desc": t} for d, t in ROWS] + [{"when": "2024-05-01", "desc": "  "}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    posts = load_postings(path, date_column="when", text_column="desc")
    assert len(posts) == 4
    assert posts[1].id == "2"
    with pytest.raises(ValueError, match="no date column"):
        load_postings(path)


def test_unreadable_date_names_its_row(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps({"date": "someday", "text": "Python"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 1"):
        load_postings(path)


def test_parse_date_forms():
    assert parse_date("2020-02") == date(2020, 2, 1)
    assert parse_date("2020-02-27T23:53:28-08:00") == date(2020, 2, 28)  # read in UTC
    assert parse_date("2020-02-27 10:00") == date(2020, 2, 27)


def test_workspace_jobs_become_postings(workspace):
    with workspace.db.session() as s:
        workspace.create_job(s, "rec@example.com", "Backend Engineer\nRequirements\n- Python and PostgreSQL\n")
        workspace.create_job(s, "rec@example.com", "前端工程师\n任职要求\n- 熟悉 React 和 TypeScript\n")
    with workspace.db.session() as s:
        posts = postings_from_workspace(s)
        created = [j.created_at for j in s.query(JobRow).order_by(JobRow.id)]
    assert [p.job_id for p in posts] == [1, 2]
    assert {"Python", "PostgreSQL"} <= set(posts[0].skills)
    assert {"React", "TypeScript"} <= set(posts[1].skills)
    assert [p.date for p in posts] == [parse_date(c) for c in created]
    assert posts[1].text.startswith("前端工程师")
