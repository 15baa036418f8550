"""Dates and date ranges as resumes write them, in English and Chinese.

Values are ``YearMonth`` strings ("2019-07", or "2019" when the month is unknown). A range
found in text keeps its offsets so work entries can be anchored on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# One date, most specific forms first. No capture groups: _parse_one re-reads the match.
DATE = (
    rf"(?:\b{_MONTH_NAME}\.?['’]?,?\s*'?{_YEAR}(?!\d)"  # Jan 2019, January, 2019, Sept. 2019, Dec' 2015
    rf"|(?<!\d){_YEAR}\s*年\s*\d{{1,2}}\s*月?"  # 2019年7月
    rf"|(?<!\d){_YEAR}\s*年"  # 2019年
    rf"|(?<![\d.]){_YEAR}\s*[./-]\s*(?:0?[1-9]|1[0-2])(?![\d])(?:\s*月)?"  # 2019.07 2019/07 2019-07
    rf"|(?<![\d./-])(?:0?[1-9]|1[0-2])\s*[./-]\s*{_YEAR}(?!\d)"  # 01/2019
    rf"|(?<![\d./-])(?:0?[1-9]|1[0-2])/\d{{2}}(?![\d/])"  # 09/14, 1/09 (month/two-digit year)
    rf"|(?<![\d.]){_YEAR}(?![\d]))"  # 2019
)
PRESENT = (
    r"(?:present|current(?:ly)?|now|to\s+date|till\s+date|until\s+now|date|today|ongoing"
    r"|至今|迄今|现在|目前|今)"
)
_SEP = r"\s*(?:-{1,2}|–|—|~|～|－|to|till|until|through|thru|至|到|—)\s*"
# Text pulled from PDFs often loses the dash: "Mar 2011  Present", "2015 Present".
_BLANK_SEP = (
    rf"\s{{1,4}}(?=(?:present|current|till\s+date|to\s+date|{_MONTH_NAME}\.?,?\s*{_YEAR})\b)"
    rf"|(?<=\d{{4}})\s{{2,4}}(?={_YEAR}\b)"  # "2001  2006"
)
RANGE_RE = re.compile(
    rf"(?P<start>{DATE})(?:(?:{_SEP}|{_BLANK_SEP})(?:(?P<present>{PRESENT})\b|(?P<end>{DATE}))"
    rf"|\s*(?P<onwards>onwards?|\(?\s*current\s*\)?|-\s*(?=\n|$)))",
    re.IGNORECASE,
)
_GLUED_RE = re.compile(rf"(?<![\d.,/-])({_YEAR})({_YEAR}|present|current|till date|to date)(?![\d.,/-]|[a-z])", re.IGNORECASE)
SINCE_RE = re.compile(rf"\bsince\s+(?P<start>{DATE})", re.IGNORECASE)
DATE_RE = re.compile(DATE, re.IGNORECASE)
# "October 2011 / to / August 2015" on three lines (a PDF column of dates): one range.
_SPLIT_RANGE = re.compile(
    rf"(?m)^([ \t]*{DATE}[ \t]*)\n([ \t]*(?:to|till|until|through|-{{1,2}}|–|—|~)[ \t]*)\n"
    rf"(?=[ \t]*(?:{DATE}|{PRESENT})[ \t]*$)",
    re.IGNORECASE,
)


def join_split_ranges(text: str) -> str:
    """``text`` with a date range written over three lines joined onto one (same length: the
    two line breaks become blanks), so every line-based reader sees one range."""
    if "\n" not in text or not _SPLIT_RANGE.search(text):
        return text
    return _SPLIT_RANGE.sub(lambda m: m.group(1) + " " + m.group(2) + " ", text)

_NUM = re.compile(r"\d+")
_MM_YY = re.compile(r"(\d{1,2})/(\d{2})")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A period found in text: ``end`` None with ``current`` True means "to the present"."""

    start: str
    end: str | None
    current: bool
    span: tuple[int, int]


def parse_date(s: str) -> str | None:
    """One written date -> "YYYY-MM" or "YYYY"; None when it is not a plausible date."""
    nums = [int(x) for x in _NUM.findall(s)]
    year = next((n for n in nums if 1950 <= n <= 2049), None)
    if year is None:
        short = _MM_YY.fullmatch(s.strip())
        if not short:
            return None
        yy = int(short.group(2))
        return f"{2000 + yy if yy < 50 else 1900 + yy:04d}-{int(short.group(1)):02d}"
    month: int | None = None
    word = _WORD.search(s)
    if word and word.group(0)[:3].lower() in _MONTHS:
        month = _MONTHS[word.group(0)[:3].lower()]
    else:
        rest = list(nums)
        rest.remove(year)
        month = rest[0] if rest else None
    if month is not None and not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def find_ranges(text: str) -> list[DateRange]:
    """Every date range in ``text`` (non-overlapping, in order)."""
    out: list[DateRange] = []
    if not _HAS_YEAR.search(text) and "/" not in text:
        return out
    for m in RANGE_RE.finditer(text):
        start = parse_date(m.group("start"))
        if start is None:
            continue
        if m.group("end"):
            end = parse_date(m.group("end"))
            if end is None or ym_index(end) < ym_index(start):
                continue
            out.append(DateRange(start, end, False, (m.start(), m.end())))
        else:
            span_end = m.end("present") if m.group("present") else m.end()
            out.append(DateRange(start, None, True, (m.start(), span_end)))
    covered = [r.span for r in out]
    for m in _GLUED_RE.finditer(text):
        # "20132015", "2016present": a range whose dash was lost in extraction.
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        a = int(m.group(1))
        if m.group(2).isdigit():
            if not a <= int(m.group(2)) <= a + 40:
                continue
            out.append(DateRange(m.group(1), m.group(2), False, (m.start(), m.end())))
        else:
            out.append(DateRange(m.group(1), None, True, (m.start(), m.end())))
        covered.append((m.start(), m.end()))
    for m in SINCE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        start = parse_date(m.group("start"))
        if start:
            out.append(DateRange(start, None, True, (m.start(), m.end())))
    out.sort(key=lambda r: r.span)
    return out


def find_dates(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Every single date in ``text`` with its span (for graduation years and the like)."""
    out = []
    for m in DATE_RE.finditer(text):
        value = parse_date(m.group(0))
        if value:
            out.append((value, (m.start(), m.end())))
    return out


def ym_index(ym: str) -> int:
    """Months since year 0 of the first month of ``ym`` ("2019" counts as January)."""
    year = int(ym[:4])
    month = int(ym[5:7]) if len(ym) >= 7 else 1
    return year * 12 + month - 1


def today_ym(today: date | None = None) -> str:
    today = today or date.today()
    return f"{today.year:04d}-{today.month:02d}"


def interval(start: str, end: str | None, current: bool, today: date | None = None) -> tuple[int, int] | None:
    """Half-open month interval ``[a, b)`` of a period; None when it cannot be bounded.

    Known months count inclusively (Jan-Mar = 3 months). A year-only end means "by the
    start of that year" ("2019 - 2021" = 24 months) unless it is the start year itself.
    """
    a = ym_index(start)
    if current:
        b = ym_index(today_ym(today)) + 1
    elif end is None:
        return None
    elif len(end) >= 7:
        b = ym_index(end) + 1
    else:
        b = ym_index(end) if int(end[:4]) > int(start[:4]) else ym_index(end) + 12
    if b <= a:
        b = a + 1
    return a, b


def months_between(start: str, end: str | None, current: bool, today: date | None = None) -> int | None:
    """Inclusive length of a period in months (see :func:`interval`)."""
    iv = interval(start, end, current, today)
    return None if iv is None else iv[1] - iv[0]


def index_to_ym(index: int) -> str:
    """Inverse of :func:`ym_index`."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
