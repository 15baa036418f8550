"""Years of experience from work periods, with overlapping jobs counted once."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from shortlist.profile.dates import interval
from shortlist.profile.model import WorkItem


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open month intervals, sorted; touching intervals are joined."""
    merged: list[list[int]] = []
    for a, b in sorted(intervals):
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def union_months(intervals: Iterable[tuple[int, int]]) -> int:
    """Months covered by at least one interval (two parallel jobs count once)."""
    return sum(b - a for a, b in merge_intervals(intervals))


def work_interval(item: WorkItem, today: date | None = None) -> tuple[int, int] | None:
    if not item.start:
        return None
    return interval(item.start, item.end, item.current, today)


def years_of_experience(items: Iterable[WorkItem], today: date | None = None) -> float | None:
    """Total years over the merged work periods; None when no entry has dates."""
    ivs = [iv for iv in (work_interval(w, today) for w in items) if iv]
    if not ivs:
        return None
    return round(union_months(ivs) / 12, 1)
