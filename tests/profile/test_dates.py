from datetime import date

import pytest

from shortlist.profile.dates import find_ranges, months_between, parse_date

TODAY = date(2024, 6, 15)


@pytest.mark.parametrize(
    "text, start, end, current",
    [
        ("Jan 2019 - Present", "2019-01", None, True),
        ("January 2019 – Mar 2021", "2019-01", "2021-03", False),
        ("01/2019 - 03/2021", "2019-01", "2021-03", False),
        ("2019 - 2021", "2019", "2021", False),
        ("2019.07-至今", "2019-07", None, True),
        ("2019年7月 - 2021年3月", "2019-07", "2021-03", False),
        ("2019/07 – 2020/01", "2019-07", "2020-01", False),
        ("September 2017 onwards", "2017-09", None, True),
        ("Feb 2016 to date", "2016-02", None, True),
        ("Feb 2016 - current", "2016-02", None, True),
        ("2018 - now", "2018", None, True),
        ("2020.03 - 今", "2020-03", None, True),
        ("Sept. 2015 to June 2016", "2015-09", "2016-06", False),
        ("since March 2022", "2022-03", None, True),
        ("09/14-Present", "2014-09", None, True),
        ("1/09 to Present", "2009-01", None, True),
        ("Mar 2011  Present", "2011-03", None, True),  # dash lost in PDF text
        ("2001  2006", "2001", "2006", False),
    ],
)
def test_range_forms(text: str, start: str, end: str | None, current: bool) -> None:
    ranges = find_ranges(f"Acme Corp  {text}  Engineer")
    assert len(ranges) == 1
    r = ranges[0]
    assert (r.start, r.end, r.current) == (start, end, current)


def test_range_span_points_at_text() -> None:
    s = "Engineer (Jan 2019 - Mar 2020) at Acme"
    (r,) = find_ranges(s)
    assert s[r.span[0]:r.span[1]] == "Jan 2019 - Mar 2020"


def test_not_ranges() -> None:
    assert find_ranges("Phone 2123-456789 and room 12-14") == []
    assert find_ranges("I ranked first in 2015") == []
    assert find_ranges("2021 - 2019") == []  # end before start


def test_months_inclusive_and_present_uses_today() -> None:
    assert months_between("2019-01", "2019-03", False) == 3
    assert months_between("2019-01", "2021-03", False) == 27
    assert months_between("2019", "2021", False) == 24
    assert months_between("2019", "2019", False) == 12
    assert months_between("2024-01", None, True, TODAY) == 6
    assert months_between("2024-01", None, False) is None


@pytest.mark.parametrize("s, v", [("Mar 2019", "2019-03"), ("2019.7", "2019-07"), ("2019年", "2019"), ("13/2019", None)])
def test_parse_date(s: str, v: str | None) -> None:
    assert parse_date(s) == v
