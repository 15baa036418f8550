"""The ranking benchmarks' own logic (baselines, job composer, synthetic pools), on hand-made data.

The benchmarks live in the top-level ``benchmarks`` package; the root goes on ``sys.path``.
"""
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.jobs_onet import CATEGORIES, Onet, compose, pick_skills
from benchmarks.rank_quality import BM25, KeywordCoverage, tokens
from benchmarks.rank_scale import SyntheticPool
from benchmarks.rank_xlang import ZH_JOBS, rank_correlations

from shortlist.profile.model import Profile, Skill, WorkItem


def test_bm25_by_hand():
    docs = ["python python sql", "java", "python"]
    s = BM25(docs, k1=1.5, b=0.75).scores("python")
    n, df = 3, 2
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    avgdl = (3 + 1 + 1) / 3
    expected0 = idf * 2 * 2.5 / (2 + 1.5 * (1 - 0.75 + 0.75 * 3 / avgdl))
    expected2 = idf * 1 * 2.5 / (1 + 1.5 * (1 - 0.75 + 0.75 * 1 / avgdl))
    np.testing.assert_allclose(s, [expected0, 0.0, expected2])


def test_tokens_drop_stopwords_and_keep_tech_words():
    assert tokens("The C++ and C# developer, with Node.js") == ["c++", "c#", "developer", "node.js"]


def test_keyword_coverage_counts_whole_words_and_phrases(monkeypatch):
    monkeypatch.setattr("benchmarks.rank_quality.job_keywords", lambda text: ["general ledger", "excel", "audit"])
    cov = KeywordCoverage(["Kept the general ledger in Excel", "auditing only", "excellent audit"])
    np.testing.assert_allclose(cov.scores("job"), [2 / 3, 0.0, 1 / 3])


def _onet() -> Onet:
    tech = {
        "13-2011.00": [("Microsoft Excel", True, True), ("Intuit QuickBooks", True, True), ("Microsoft Word", True, False),
                       ("Microsoft Outlook", True, True), ("Oracle Hyperion", True, False), ("Rare Ledger Tool", False, False)],
    }
    df = Counter({"Microsoft Excel": 800, "Microsoft Word": 700, "Microsoft Outlook": 600, "Intuit QuickBooks": 40,
                  "Oracle Hyperion": 30, "Rare Ledger Tool": 1})
    return Onet(
        titles={"13-2011.00": "Accountants and Auditors"},
        tasks={"13-2011.00": [f"Task number {i}." for i in range(12)]},
        tech=tech, tech_df=df,
        education={"13-2011.00": {2: 5.0, 6: 70.0, 8: 25.0}},
        experience={"13-2011.00": {6: 10.0, 7: 60.0}},
        zones={"13-2011.00": 4},
    )


def test_pick_skills_in_demand_first_and_generic_capped():
    required, nice = pick_skills(_onet(), ("13-2011.00",), n_required=3, n_nice=2)
    # hot + in demand first, the most specific of them first; at most two ubiquitous office tools
    assert required == ["Intuit QuickBooks", "Microsoft Outlook", "Microsoft Excel"]
    assert nice == ["Oracle Hyperion", "Rare Ledger Tool"]  # Word is the third generic tool: dropped


def test_compose_reads_like_a_job():
    text = compose("ACCOUNTANT", _onet())
    assert text.startswith("Staff Accountant\n")
    assert "- 2+ years of experience as a Staff Accountant" in text
    assert "- Bachelor's degree in Accounting or a related field" in text
    assert "- Experience with Intuit QuickBooks" in text
    # one occupation: its first 5 core tasks; the 5 usable skills all go to requirements
    assert text.count("- Task number") == 5 and "Task number 5." not in text
    assert "Nice to have:" not in text


def test_every_category_maps_to_an_onet_code_and_zh_jobs_exist_for_real_categories():
    assert len(CATEGORIES) == 24
    assert all(cat.codes and all(len(c) == 10 for c in cat.codes) for cat in CATEGORIES.values())
    assert set(ZH_JOBS) <= set(CATEGORIES)


def _profile(i: int) -> Profile:
    return Profile(
        text=f"resume {i}", years_experience=float(i + 1),
        skills=[Skill(name=n) for n in ("Python", "SQL", "Excel", "Go")[: i + 2]],
        work=[WorkItem(title=f"Title {i}")],
    )


def test_synthetic_pool_is_deterministic_lazy_and_shares_text():
    base = [_profile(i) for i in range(3)]
    cats = ["A", "A", "B"]
    one, two = SyntheticPool(base, cats, 50, seed=3), SyntheticPool(base, cats, 50, seed=3)
    assert len(one) == 50 and one[7].model_dump() == one[7].model_dump()  # made again, the same
    assert [p.model_dump() for p in one] == [p.model_dump() for p in two]
    with pytest.raises(IndexError):
        one[50]
    assert len({p.sha256 for p in one}) == 50
    assert all(any(p.text is b.text for b in base) for p in one)  # text shared, not copied
    assert any(p.years_experience not in {b.years_experience for b in base} for p in one)


def test_rank_correlations_identical_and_reversed():
    a = np.arange(60, dtype=float)
    same = rank_correlations(a, a * 2)
    assert same["spearman"] == pytest.approx(1.0) and same["top10 overlap"] == 1.0
    rev = rank_correlations(a, -a)
    assert rev["kendall"] == pytest.approx(-1.0) and rev["top10 overlap"] == 0.0
