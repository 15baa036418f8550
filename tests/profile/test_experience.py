from datetime import date

from shortlist.profile.experience import merge_intervals, union_months, years_of_experience
from shortlist.profile.model import WorkItem


def test_merge_overlaps_once() -> None:
    assert merge_intervals([(0, 12), (6, 18), (30, 36)]) == [(0, 18), (30, 36)]
    assert union_months([(0, 12), (6, 18), (30, 36)]) == 24
    assert union_months([(0, 12), (12, 24)]) == 24  # touching, not double counted
    assert union_months([(5, 5)]) == 0


def test_years_from_overlapping_jobs() -> None:
    jobs = [
        WorkItem(start="2018-01", end="2019-12"),  # 24 months
        WorkItem(start="2019-01", end="2020-12"),  # overlaps 12 -> +12
        WorkItem(start="2023-01", current=True),  # to 2024-06 -> 18
    ]
    assert years_of_experience(jobs, date(2024, 6, 1)) == round((24 + 12 + 18) / 12, 1)


def test_no_dates_no_years() -> None:
    assert years_of_experience([WorkItem(employer="Acme")]) is None
