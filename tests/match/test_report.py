from __future__ import annotations

import csv
import io
import json
import re

from shortlist.match.model import KnockoutRule
from shortlist.match.rank import HybridRanker
from shortlist.match.report import ADVICE_EN, csv_text, to_html, to_json, to_rows
from shortlist.profile.model import FlagKind

from .builders import build
from .fixtures import INJECTION, job_en, job_zh, partial_en, strong_en, strong_zh, weak_en, with_hidden

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _ranked(ranker_kw):
    spec = weak_en()
    spec.text = spec.text.replace("Carol Weak", "Carol " + EVIL)  # resume text is untrusted
    spec.name = "Carol " + EVIL
    profiles = [build(strong_en()), build(partial_en()), build(with_hidden(spec, INJECTION, FlagKind.INJECTION))]
    rules = [KnockoutRule(kind="skill", value="Kubernetes")]
    return HybridRanker(knockouts=rules, **ranker_kw).rank(job_en(), profiles)


def test_html_is_self_contained_escaped_and_says_a_human_decides(ranker_kw):
    ranked = _ranked(ranker_kw)
    page = to_html(job_en(), ranked)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "Carol &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x" in page  # shown, escaped
    # no resource from anywhere: no src/href with a scheme or a protocol-relative URL
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:|//)""", page, re.IGNORECASE)
    assert "http" not in page.lower().replace("http-equiv", "")
    assert "<link" not in page and "@import" not in page
    assert ADVICE_EN in page
    assert page.count("<details>") == len(ranked)
    for c in ranked:
        assert f"<td>{c.rank}</td>" in page
    assert "knocked out: must have Kubernetes" in page and "needs review" in page
    assert "Senior Data Engineer" in page.split("<table>")[0]  # job summary on top


def test_html_in_chinese_for_a_chinese_job(ranker_kw):
    ranked = HybridRanker(**ranker_kw).rank(job_zh(), [build(strong_zh())])
    page = to_html(job_zh(), ranked)
    assert "lang='zh'" in page and "所有决定由人作出" in page


def test_json_has_source_rank_score_parts_and_verdicts(ranker_kw):
    ranked = _ranked(ranker_kw)
    records = json.loads(json.dumps(to_json(ranked), ensure_ascii=False))
    assert [r["rank"] for r in records] == [1, 2, 3]
    for r in records:
        assert r["source"].endswith(".txt") and 0 <= r["score"] <= 100
        assert {p["name"] for p in r["parts"]} >= {"required_skills", "semantic", "lexical"}
        assert all({"requirement_id", "status", "evidence"} <= set(v) for v in r["verdicts"])


def test_csv_rows(ranker_kw):
    ranked = _ranked(ranker_kw)
    rows = to_rows(ranked)
    assert rows[0]["name"] == "Alice Strong" and "part_required_skills" in rows[0]
    parsed = list(csv.DictReader(io.StringIO(csv_text(ranked))))
    assert [r["rank"] for r in parsed] == ["1", "2", "3"]
    assert parsed[2]["needs_review"] == "True" and "must have Kubernetes" in parsed[1]["knocked_out"] + parsed[2]["knocked_out"]


def test_csv_defuses_formulas_from_resume_text(ranker_kw):
    ranked = _ranked(ranker_kw)
    evil = ranked[0].model_copy(update={"name": "=HYPERLINK(\"x\",\"y\")"})
    parsed = list(csv.DictReader(io.StringIO(csv_text([evil]))))
    assert parsed[0]["name"] == "'=HYPERLINK(\"x\",\"y\")"
    assert to_rows([evil])[0]["name"].startswith("=")  # rows stay raw; only the CSV text is defused


def test_display_name_says_why_there_is_no_name(ranker_kw):
    from shortlist.match.report import display_name

    c = _ranked(ranker_kw)[0]
    assert display_name(c) == "Alice Strong"
    assert display_name(c.model_copy(update={"name": None})) == "(alice.txt)"  # parser found no name
    assert display_name(c.model_copy(update={"name": None, "source": None})) == "(blind)"
