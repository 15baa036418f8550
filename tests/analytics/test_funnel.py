from datetime import UTC, date, datetime

import pytest

from shortlist.analytics.funnel import funnel
from shortlist.store.models import Candidate

ACTOR = "rec@example.com"


def _day(month: int, day: int) -> datetime:
    return datetime(2024, month, day, 9, 0, tzinfo=UTC)


def _build(ws) -> dict[str, int]:
    """Job A: c1 hired, c2 rejected after screening, c3 rejected at once, c4 on hold then screened.
    Job B: c5 applied, nothing decided."""
    plan = {
        "c1": ("A", (1, 1), [("advance", (1, 3)), ("advance", (1, 10)), ("advance", (1, 20)), ("advance", (1, 25))]),
        "c2": ("A", (1, 2), [("advance", (1, 4)), ("reject", (1, 8))]),
        "c3": ("A", (1, 5), [("reject", (1, 6))]),
        "c4": ("A", (2, 1), [("hold", (2, 2)), ("advance", (2, 5))]),
        "c5": ("B", (2, 10), []),
    }
    with ws.db.session() as s:
        jobs = {"A": ws.create_job(s, ACTOR, "Backend Engineer\nRequirements\n- Python\n").id,
                "B": ws.create_job(s, ACTOR, "Data Analyst\nRequirements\n- SQL\n").id}
        ids = {}
        for name, (job, applied, steps) in plan.items():
            cand = ws.upload(s, ACTOR, jobs[job], f"{name}.txt", f"{name}\nPython developer\n".encode())
            cand.created_at = _day(*applied)
            for decision, when in steps:
                d = ws.decide(s, ACTOR, cand.id, decision, reason="not a fit" if decision == "reject" else "")
                d.created_at = _day(*when)
            ids[name] = cand.id
        ids.update({f"job{k}": v for k, v in jobs.items()})
    return ids


def _stages(f):
    return {r.stage: r for r in f.stages}


def test_counts_conversion_and_median_days(workspace):
    ids = _build(workspace)
    with workspace.db.session() as s:
        assert s.get(Candidate, ids["c4"]).stage == "screened"
        report = funnel(s)
    f = report.overall
    st = _stages(f)
    assert f.candidates == 5 and f.rejected == 2
    assert [r.reached for r in f.stages] == [5, 3, 1, 1, 1]
    assert st["screened"].conversion == pytest.approx(0.6)
    assert st["interview"].conversion == pytest.approx(1 / 3) and st["interview"].overall == pytest.approx(0.2)
    assert st["applied"].conversion is None
    assert (st["applied"].current, st["screened"].current, st["hired"].current) == (1, 1, 1)
    assert (st["applied"].rejected_here, st["screened"].rejected_here) == (1, 1)
    # applied stays: c1 2 d, c2 2 d, c3 1 d, c4 4 d (the hold is not a move); c5 still open
    assert st["applied"].median_days == pytest.approx(2.0) and st["applied"].timed == 4
    assert st["screened"].median_days == pytest.approx(5.5)  # c1 7 d, c2 4 d; c4 still there
    assert st["hired"].median_days is None
    assert [(j.job_id, j.candidates) for j in report.by_job] == [(ids["jobA"], 4), (ids["jobB"], 1)]
    assert report.by_job[0].job_title == "Backend Engineer"


def test_filters_by_job_dates_and_period(workspace):
    ids = _build(workspace)
    with workspace.db.session() as s:
        only_a = funnel(s, job_id=ids["jobA"])
        february = funnel(s, since=date(2024, 2, 1))
        january = funnel(s, until=date(2024, 2, 1))
        cohorts = funnel(s, period="month")
    assert only_a.overall.candidates == 4 and only_a.by_job == [] and only_a.overall.job_title == "Backend Engineer"
    assert february.overall.candidates == 2 and [r.reached for r in february.overall.stages][:2] == [2, 1]
    assert january.overall.candidates == 3 and january.overall.rejected == 2
    assert [(c.period, c.candidates) for c in cohorts.by_period] == [("2024-01", 3), ("2024-02", 2)]
    csv_lines = cohorts.to_csv().splitlines()
    assert csv_lines[0].startswith("scope,job_id,job_title,period,stage,reached")
    assert sum(1 for line in csv_lines if line.startswith("period,")) == 10  # 2 cohorts x 5 stages


def test_empty_workspace(workspace):
    with workspace.db.session() as s:
        report = funnel(s, period="quarter")
    assert report.overall.candidates == 0
    assert all(r.reached == 0 and r.conversion is None for r in report.overall.stages)
