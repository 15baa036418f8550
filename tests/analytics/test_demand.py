from datetime import date

import numpy as np
import pytest
from scipy import stats

from shortlist.analytics.demand import (
    DemandTable,
    cooccurrence,
    falling,
    period_of,
    period_range,
    rising,
    skill_demand,
    trends,
)
from shortlist.analytics.postings import Posting
from shortlist.analytics.stats import benjamini_hochberg, cochran_armitage, mann_kendall

from .conftest import planted_postings


def _p(i, day, *skills):
    return Posting(id=str(i), date=day, skills=list(skills))


def test_counts_and_shares_per_month_with_an_empty_month():
    posts = [
        _p(1, date(2024, 1, 3), "Python", "SQL"),
        _p(2, date(2024, 1, 9), "Python", "Python"),  # a skill counts once per posting
        _p(3, date(2024, 1, 30), "Go"),
        _p(4, date(2024, 3, 1), "Python"),
        _p(5, date(2024, 3, 2), "机器学习"),
    ]
    d = skill_demand(posts, "month")
    assert d.periods == ["2024-01", "2024-02", "2024-03"]
    assert d.totals == [3, 0, 2]
    assert d.series("Python").counts == [2, 0, 1]
    assert d.series("Python").support == 3
    assert d.shares("Python") == [pytest.approx(2 / 3), None, 0.5]
    assert d.shares("机器学习") == [0.0, None, 0.5]
    assert d.skills[0].skill == "Python"  # most mentioned first
    csv_text = d.to_csv(["SQL"])
    assert csv_text.splitlines() == ["period,postings,skill,count,share", "2024-01,3,SQL,1,0.333333",
                                     "2024-02,0,SQL,0,", "2024-03,2,SQL,0,0"]


def test_quarters():
    assert period_of(date(2023, 11, 2), "quarter") == "2023Q4"
    assert period_range("2023Q3", "2024Q2", "quarter") == ["2023Q3", "2023Q4", "2024Q1", "2024Q2"]
    d = skill_demand([_p(1, date(2023, 8, 1), "Go"), _p(2, date(2024, 5, 1), "Go", "Rust")], "quarter")
    assert d.totals == [1, 0, 0, 1]
    assert d.series("Rust").counts == [0, 0, 0, 1]


def test_planted_rising_and_falling_skills_are_found_flat_ones_are_not():
    found = {t.skill: t for t in trends(skill_demand(planted_postings(), "month"), min_postings=20)}
    rust, perl, java = found["Rust"], found["Perl"], found["Java"]
    assert rust.direction == "rising" and rust.p_value < 1e-6 and rust.q_value < 1e-5
    assert rust.slope_per_year == pytest.approx(0.36, abs=0.03)  # 3 points a month
    assert rust.last_share > rust.first_share and rust.relative_change > 2
    assert perl.direction == "falling" and perl.slope_per_year < 0 and perl.armitage_z < 0
    assert java.direction == "flat" and java.p_value > 0.1
    assert found["Python"].direction == "flat"  # in every posting: no change
    ranked = trends(skill_demand(planted_postings(), "month"))
    assert [t.skill for t in rising(ranked)] == ["Rust"]
    assert [t.skill for t in falling(ranked)] == ["Perl"]


def test_too_little_support_or_too_few_periods_is_not_tested():
    d = skill_demand(planted_postings(months=24, per_month=20), "month")
    assert "Perl" not in {t.skill for t in trends(d, min_postings=10_000)}
    assert trends(d, min_period_postings=21) == []  # every month has 20 postings: nothing left to test


def test_mann_kendall_matches_kendall_tau_and_sen_slope_on_a_line():
    rng = np.random.default_rng(3)
    t = np.arange(30, dtype=float)
    y = 0.5 * t + rng.normal(0, 0.1, 30)
    mk = mann_kendall(t, y)
    tau, _ = stats.kendalltau(t, y)
    assert mk.tau == pytest.approx(tau)
    assert mk.sen_slope == pytest.approx(0.5, abs=0.02)
    assert mk.p_value < 1e-8
    flat = mann_kendall(t, np.tile([1.0, 2.0, 3.0], 10))
    assert flat.p_value > 0.3


def test_cochran_armitage_sign_and_no_trend():
    up = cochran_armitage([0, 1, 2, 3], [5, 10, 15, 20], [50, 50, 50, 50])
    assert up.z > 3 and up.p_value < 0.001
    same = cochran_armitage([0, 1, 2, 3], [10, 10, 10, 10], [50, 50, 50, 50])
    assert same.z == 0 and same.p_value == 1


def test_benjamini_hochberg_known_values():
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    # sorted: 0.01*4/1=0.04, 0.03*4/2=0.06, 0.04*4/3=0.0533, 0.5; then the running minimum from the top
    assert q == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])


def test_cooccurrence_lift():
    posts = []
    for i in range(40):  # React and TypeScript always together in 10 postings; Go alone elsewhere
        skills = ["React", "TypeScript"] if i < 10 else (["Go"] if i < 30 else ["React"])
        posts.append(_p(i, date(2024, 1, 1), *skills))
    pairs = cooccurrence(posts, min_count=3)
    assert len(pairs) == 1
    p = pairs[0]
    assert (p.a, p.b, p.count, p.support_a, p.support_b) == ("React", "TypeScript", 10, 20, 10)
    assert p.expected == pytest.approx(20 * 10 / 40)
    assert p.lift == pytest.approx(2.0) and p.pmi == pytest.approx(1.0)
    assert p.q_value < 0.05


def test_from_counts_matches_skill_demand():
    posts = planted_postings(months=6)
    d = skill_demand(posts, "month")
    again = DemandTable.from_counts("month", d.periods, d.totals, {s.skill: s.counts for s in d.skills})
    assert again == d


def test_window_cuts_periods_and_recounts_support():
    d = skill_demand(planted_postings(months=24), "month")
    w = d.window("2021-01", "2021-06")
    assert w.periods == ["2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06"] and w.totals == [20] * 6
    assert w.series("Rust").counts == d.series("Rust").counts[12:18]
    assert w.series("Rust").support == sum(d.series("Rust").counts[12:18])
    assert d.window("2021-12").series("Perl") is None  # no mention left in the window
