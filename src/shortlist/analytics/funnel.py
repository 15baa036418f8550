"""The hiring funnel from what recruiters recorded: candidates and their decisions.

A candidate enters "applied" when uploaded and each later stage at the decision that moved it
there (the workspace only advances one stage at a time, so reaching "offer" means passing
"screened" and "interview"). Time in a stage runs from entering it to the next decision that
moved the candidate on or out; stays still open are not timed (they would bias the median down).
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime

from pydantic import BaseModel, Field

from shortlist.analytics.demand import Period, period_of
from shortlist.analytics.table import to_csv

FUNNEL_STAGES = ("applied", "screened", "interview", "offer", "hired")
REJECTED = "rejected"


class StageRow(BaseModel):
    stage: str
    reached: int  # candidates that got at least this far
    current: int  # candidates in this stage now
    rejected_here: int  # rejected while in this stage
    conversion: float | None  # reached / reached of the stage before (None for "applied")
    overall: float | None  # reached / applied
    median_days: float | None  # median completed stay in this stage, in days
    timed: int  # completed stays behind the median


class Funnel(BaseModel):
    """One funnel: all jobs, one job, or one cohort (candidates who applied in one period)."""

    job_id: int | None = None
    job_title: str | None = None
    period: str | None = None
    candidates: int
    rejected: int
    stages: list[StageRow] = Field(default_factory=list)


class FunnelReport(BaseModel):
    overall: Funnel
    by_job: list[Funnel] = Field(default_factory=list)
    by_period: list[Funnel] = Field(default_factory=list)

    def to_csv(self) -> str:
        """Every funnel in one long table (scope columns first, then the stage row)."""
        rows = []
        for scope, fs in (("overall", [self.overall]), ("job", self.by_job), ("period", self.by_period)):
            for f in fs:
                for r in f.stages:
                    rows.append([scope, f.job_id, f.job_title, f.period, r.stage, r.reached, r.current,
                                 r.rejected_here, r.conversion, r.overall, r.median_days, r.timed])
        return to_csv(["scope", "job_id", "job_title", "period", "stage", "reached", "current", "rejected_here",
                       "conversion", "overall", "median_days", "timed"], rows)


class CandidatePath(BaseModel):
    """One candidate's stages in order: (stage, entered at)."""

    job_id: int
    applied: datetime
    current: str
    steps: list[tuple[str, datetime]]


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _at(bound: date | datetime | None) -> datetime | None:
    if bound is None:
        return None
    if not isinstance(bound, datetime):
        bound = datetime(bound.year, bound.month, bound.day)
    return _utc(bound)


def funnel_from_paths(paths: Sequence[CandidatePath], **scope) -> Funnel:
    """Counts, conversions and median stays over a set of candidate paths."""
    index = {s: i for i, s in enumerate(FUNNEL_STAGES)}
    reached = [0] * len(FUNNEL_STAGES)
    current = defaultdict(int)
    rejected_at = defaultdict(int)
    stays: dict[str, list[float]] = defaultdict(list)
    for p in paths:
        furthest = max((index[s] for s, _ in p.steps if s in index), default=0)
        for i in range(furthest + 1):
            reached[i] += 1
        current[p.current] += 1
        for (stage, start), (nxt, end) in zip(p.steps, p.steps[1:]):
            stays[stage].append((end - start).total_seconds() / 86400)
            if nxt == REJECTED:
                rejected_at[stage] += 1
    rows = []
    for i, s in enumerate(FUNNEL_STAGES):
        rows.append(StageRow(
            stage=s, reached=reached[i], current=current[s], rejected_here=rejected_at[s],
            conversion=None if i == 0 else (reached[i] / reached[i - 1] if reached[i - 1] else None),
            overall=None if i == 0 else (reached[i] / reached[0] if reached[0] else None),
            median_days=statistics.median(stays[s]) if stays[s] else None, timed=len(stays[s]),
        ))
    return Funnel(candidates=len(paths), rejected=current[REJECTED], stages=rows, **scope)


def funnel(session, job_id: int | None = None, since: date | datetime | None = None,
           until: date | datetime | None = None, period: Period | None = None) -> FunnelReport:
    """The funnel of candidates who applied between ``since`` (inclusive) and ``until`` (exclusive).

    ``by_job`` has one funnel per job (when no ``job_id`` is given); ``by_period`` one per cohort
    of candidates who applied in the same month or quarter (when ``period`` is given).
    """
    from sqlalchemy import select

    from shortlist.store.models import Candidate, Decision, Job

    q = select(Candidate.id, Candidate.job_id, Candidate.created_at, Candidate.stage)
    if job_id is not None:
        q = q.where(Candidate.job_id == job_id)
    lo, hi = _at(since), _at(until)
    cands = [r for r in session.execute(q).all()
             if (lo is None or _utc(r.created_at) >= lo) and (hi is None or _utc(r.created_at) < hi)]
    ids = [r.id for r in cands]
    decisions: dict[int, list[tuple[datetime, int, str | None]]] = defaultdict(list)
    for start in range(0, len(ids), 500):  # bounded IN lists
        chunk = ids[start:start + 500]
        for d in session.execute(select(Decision.candidate_id, Decision.created_at, Decision.id, Decision.stage)
                                 .where(Decision.candidate_id.in_(chunk))).all():
            decisions[d.candidate_id].append((_utc(d.created_at), d.id, d.stage))
    paths = []
    for c in cands:
        applied = _utc(c.created_at)
        steps: list[tuple[str, datetime]] = [("applied", applied)]
        for at, _, stage in sorted(decisions[c.id]):
            if stage and stage != steps[-1][0]:  # "hold" keeps the stage: not a move
                steps.append((stage, at))
        paths.append(CandidatePath(job_id=c.job_id, applied=applied, current=c.stage, steps=steps))
    titles = dict(session.execute(select(Job.id, Job.title)).all())
    scope = {"job_id": job_id, "job_title": titles.get(job_id)} if job_id is not None else {}
    report = FunnelReport(overall=funnel_from_paths(paths, **scope))
    if job_id is None:
        for jid in sorted({p.job_id for p in paths}):
            report.by_job.append(funnel_from_paths([p for p in paths if p.job_id == jid], job_id=jid,
                                                   job_title=titles.get(jid)))
    if period is not None:
        cohorts: dict[str, list[CandidatePath]] = defaultdict(list)
        for p in paths:
            cohorts[period_of(p.applied.date(), period)].append(p)
        for key in sorted(cohorts):
            report.by_period.append(funnel_from_paths(cohorts[key], period=key, **scope))
    return report
