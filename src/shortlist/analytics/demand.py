"""Skill demand over time: counts and shares per period, trend tests, co-occurring pairs.

A skill's share in a period is the fraction of that period's postings that mention it, so a
month with twice the postings does not look like twice the demand.
"""
from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field
from scipy import stats as sps

from shortlist.analytics.postings import Posting
from shortlist.analytics.stats import benjamini_hochberg, cochran_armitage, mann_kendall
from shortlist.analytics.table import to_csv

Period = Literal["month", "quarter"]
Direction = Literal["rising", "falling", "flat"]


def period_of(day: date, period: Period) -> str:
    """'2024-03' for a month, '2024Q1' for a quarter."""
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}Q{(day.month - 1) // 3 + 1}"


def period_time(key: str) -> float:
    """A period key as a year number (its start), so slopes read 'per year' for either period."""
    if "Q" in key:
        y, q = key.split("Q")
        return int(y) + (int(q) - 1) / 4
    y, m = key.split("-")[:2]
    return int(y) + (int(m) - 1) / 12


def period_range(first: str, last: str, period: Period) -> list[str]:
    """Every period from ``first`` to ``last``, so an empty month is a gap, not missing."""
    step = 12 if period == "month" else 4
    a, b = round(period_time(first) * step), round(period_time(last) * step)
    out = []
    for i in range(a, b + 1):
        y, r = divmod(i, step)
        out.append(f"{y:04d}-{r + 1:02d}" if period == "month" else f"{y:04d}Q{r + 1}")
    return out


class SkillSeries(BaseModel):
    skill: str
    counts: list[int]  # postings mentioning the skill, per period
    support: int  # postings mentioning it overall


class DemandTable(BaseModel):
    """Postings per period and, per skill, how many of them mention it."""

    period: Period
    periods: list[str]
    totals: list[int]  # postings per period
    skills: list[SkillSeries] = Field(default_factory=list)  # most-mentioned first

    def series(self, skill: str) -> SkillSeries | None:
        return next((s for s in self.skills if s.skill == skill), None)

    def shares(self, skill: str) -> list[float | None]:
        """Share of each period's postings that mention ``skill`` (None for an empty period)."""
        s = self.series(skill)
        counts = s.counts if s else [0] * len(self.periods)
        return [c / n if n else None for c, n in zip(counts, self.totals)]

    def rows(self, skills: Sequence[str] | None = None) -> list[list[object]]:
        """Long format: period, postings, skill, count, share."""
        chosen = [s for s in self.skills if skills is None or s.skill in skills]
        out: list[list[object]] = []
        for s in chosen:
            for p, n, c in zip(self.periods, self.totals, s.counts):
                out.append([p, n, s.skill, c, (c / n) if n else None])
        return out

    def to_csv(self, skills: Sequence[str] | None = None) -> str:
        return to_csv(["period", "postings", "skill", "count", "share"], self.rows(skills))

    def window(self, start: str | None = None, end: str | None = None) -> DemandTable:
        """The same table cut to periods ``start``..``end`` (inclusive), e.g. to test a recent trend."""
        keep = [i for i, p in enumerate(self.periods) if (start is None or p >= start) and (end is None or p <= end)]
        series = [SkillSeries(skill=s.skill, counts=[s.counts[i] for i in keep], support=sum(s.counts[i] for i in keep))
                  for s in self.skills]
        series = [s for s in series if s.support]
        series.sort(key=lambda s: (-s.support, s.skill))
        return DemandTable(period=self.period, periods=[self.periods[i] for i in keep],
                           totals=[self.totals[i] for i in keep], skills=series)

    @classmethod
    def from_counts(cls, period: Period, periods: list[str], totals: list[int],
                    counts: dict[str, list[int]]) -> DemandTable:
        """A table from published aggregates (e.g. monthly volume and keyword counts)."""
        series = [SkillSeries(skill=k, counts=[int(c) for c in v], support=int(sum(v))) for k, v in counts.items()]
        series.sort(key=lambda s: (-s.support, s.skill))
        return cls(period=period, periods=periods, totals=totals, skills=series)


def skill_demand(postings: Sequence[Posting], period: Period = "month") -> DemandTable:
    """Count, per period, the postings that mention each skill (each posting counts a skill once)."""
    if not postings:
        return DemandTable(period=period, periods=[], totals=[])
    keys = [period_of(p.date, period) for p in postings]
    periods = period_range(min(keys), max(keys), period)
    pos = {k: i for i, k in enumerate(periods)}
    totals = [0] * len(periods)
    counts: dict[str, list[int]] = {}
    for p, k in zip(postings, keys):
        i = pos[k]
        totals[i] += 1
        for s in dict.fromkeys(p.skills):
            counts.setdefault(s, [0] * len(periods))[i] += 1
    return DemandTable.from_counts(period, periods, totals, counts)


class Trend(BaseModel):
    """One skill's share over time, tested over every period with enough postings."""

    skill: str
    support: int  # postings mentioning the skill
    periods: int  # periods tested
    first_share: float  # pooled share over the first quarter of the tested periods
    last_share: float  # pooled share over the last quarter
    relative_change: float | None  # (last - first) / first; None when first is 0
    slope_per_year: float  # Sen's slope of the share, per year (0.01 = one percentage point)
    tau: float  # Mann-Kendall tau
    p_value: float  # Mann-Kendall, two-sided
    q_value: float  # p_value adjusted over all tested skills (Benjamini-Hochberg)
    armitage_z: float  # Cochran-Armitage z (counts-weighted trend in proportion)
    armitage_q: float  # its p-value, adjusted over all tested skills
    direction: Direction


def _pooled(hits: list[int], totals: list[int]) -> float:
    n = sum(totals)
    return sum(hits) / n if n else 0.0


def trends(demand: DemandTable, min_postings: int = 20, min_period_postings: int = 5,
           alpha: float = 0.05) -> list[Trend]:
    """Trend test per skill with at least ``min_postings`` mentions; rising first, falling last.

    Only periods with at least ``min_period_postings`` postings are tested (a share out of two
    postings is noise). A skill is rising or falling when both the Mann-Kendall test and the
    Cochran-Armitage test are significant at ``alpha`` after Benjamini-Hochberg adjustment and
    agree on the sign; otherwise it is flat.
    """
    keep = [i for i, n in enumerate(demand.totals) if n >= min_period_postings]
    if len(keep) < 3:
        return []
    t = [period_time(demand.periods[i]) for i in keep]
    totals = [demand.totals[i] for i in keep]
    quarter = max(1, len(keep) // 4)
    raw = []
    for s in demand.skills:
        hits = [s.counts[i] for i in keep]
        if sum(hits) < min_postings:
            continue
        shares = [h / n for h, n in zip(hits, totals)]
        mk = mann_kendall(t, shares)
        ca = cochran_armitage(t, hits, totals)
        first, last = _pooled(hits[:quarter], totals[:quarter]), _pooled(hits[-quarter:], totals[-quarter:])
        raw.append((s, mk, ca, first, last, sum(hits)))
    q_mk = benjamini_hochberg([r[1].p_value for r in raw])
    q_ca = benjamini_hochberg([r[2].p_value for r in raw])
    out = []
    for (s, mk, ca, first, last, support), qm, qc in zip(raw, q_mk, q_ca):
        direction: Direction = "flat"
        if qm < alpha and qc < alpha and mk.tau * ca.z > 0:
            direction = "rising" if mk.tau > 0 else "falling"
        out.append(Trend(
            skill=s.skill, support=support, periods=len(keep), first_share=first, last_share=last,
            relative_change=(last - first) / first if first > 0 else None, slope_per_year=mk.sen_slope,
            tau=mk.tau, p_value=mk.p_value, q_value=qm, armitage_z=ca.z, armitage_q=qc, direction=direction,
        ))
    out.sort(key=lambda r: (-r.slope_per_year, -r.tau, r.skill))
    return out


def rising(items: Sequence[Trend], top: int = 10) -> list[Trend]:
    """The fastest-rising skills called rising, steepest first."""
    return [r for r in items if r.direction == "rising"][:top]


def falling(items: Sequence[Trend], top: int = 10) -> list[Trend]:
    """The fastest-falling skills called falling, steepest first."""
    return sorted((r for r in items if r.direction == "falling"), key=lambda r: (r.slope_per_year, r.tau))[:top]


TREND_HEADER = ["skill", "direction", "support", "periods", "first_share", "last_share", "relative_change",
                "slope_per_year", "tau", "p_value", "q_value", "armitage_z", "armitage_q"]


def trends_csv(items: Sequence[Trend]) -> str:
    return to_csv(TREND_HEADER, [[getattr(r, h) for h in TREND_HEADER] for r in items])


class Pair(BaseModel):
    """Two skills named in the same postings more often than their frequencies predict."""

    a: str
    b: str
    count: int  # postings naming both
    support_a: int
    support_b: int
    expected: float  # support_a * support_b / postings
    lift: float  # count / expected
    pmi: float  # log2(lift)
    p_value: float  # hypergeometric P(count or more by chance)
    q_value: float  # adjusted over all tested pairs (Benjamini-Hochberg)


def cooccurrence(postings: Sequence[Posting], top: int = 20, min_count: int = 3,
                 alpha: float = 0.05) -> list[Pair]:
    """Skill pairs that co-occur more than chance, highest lift first (only significant pairs)."""
    n = len(postings)
    if n == 0:
        return []
    single: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for p in postings:
        names = sorted(set(p.skills))
        single.update(names)
        pairs.update(itertools.combinations(names, 2))
    tested = [(ab, c) for ab, c in pairs.items() if c >= min_count]
    pvals = [float(sps.hypergeom.sf(c - 1, n, single[a], single[b])) for (a, b), c in tested]
    qvals = benjamini_hochberg(pvals)
    out = []
    for ((a, b), c), pv, qv in zip(tested, pvals, qvals):
        expected = single[a] * single[b] / n
        lift = c / expected
        if lift <= 1 or qv >= alpha:
            continue
        out.append(Pair(a=a, b=b, count=c, support_a=single[a], support_b=single[b], expected=expected,
                        lift=lift, pmi=math.log2(lift), p_value=pv, q_value=qv))
    out.sort(key=lambda r: (-r.lift, -r.count, r.a, r.b))
    return out[:top]


PAIR_HEADER = ["a", "b", "count", "support_a", "support_b", "expected", "lift", "pmi", "p_value", "q_value"]


def pairs_csv(items: Sequence[Pair]) -> str:
    return to_csv(PAIR_HEADER, [[getattr(r, h) for h in PAIR_HEADER] for r in items])
