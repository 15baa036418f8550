"""Personal details a blind screen must not see (date of birth, gender, hukou, ...).

They are collected apart from the rest (``Profile.sensitive``) so redaction is one drop
and a ranker can be shown never to read them.
"""
from __future__ import annotations

import re

from shortlist.profile.model import Val
from shortlist.profile.spans import Line, evidence

_LABELS: dict[str, str] = {
    "date_of_birth": r"出生年月|出生日期|生日|date\s+of\s+birth|d\.?o\.?b\.?|birth\s?date|born(?:\s+on)?",
    "age": r"年龄|age",
    "gender": r"性别|gender|sex",
    "marital_status": r"婚姻状况|婚姻状态|婚否|婚姻|marital\s+status",
    "nationality": r"国籍|nationality|citizenship",
    "ethnicity": r"民族|ethnicity|race",
    "political_status": r"政治面貌",
    "religion": r"宗教信仰|宗教|religion",
    "hukou": r"籍贯|户口所在地|户籍所在地|户口|户籍|hometown|native\s+place",
}
# Label, colon, value up to the next field on the same line.
_LABEL_RE = re.compile(
    r"(?<![A-Za-z])(?P<label>" + "|".join(f"(?P<{k}>{p})" for k, p in _LABELS.items()) + r")(?![A-Za-z])"
    r"[ \t]*(?:[:：][ \t]*(?:[|｜][ \t]*)?|[|｜][ \t]*)(?P<value>[^\s|｜,，;；:：/]+(?:[ \t](?![^\s]*[:：])[A-Za-z0-9][\w.,/\-]*){0,3})",
    re.IGNORECASE,
)
# Bare values in a header line such as "张三 | 男 | 28岁 | 已婚 | 中共党员".
_BARE: list[tuple[str, re.Pattern[str]]] = [
    ("gender", re.compile(r"(?:(?<=^)|(?<=[\s|｜/,，]))(男|女)(?=$|[\s|｜/,，])")),
    ("age", re.compile(r"(?<!\d)(\d{2})\s*岁")),
    ("marital_status", re.compile(r"(已婚(?:已育|未育)?|未婚|离异)")),
    ("political_status", re.compile(r"(中共党员|中共预备党员|共青团员|预备党员|党员|团员|群众)")),
    ("ethnicity", re.compile(r"(?:(?<=^)|(?<=[\s|｜/,，]))([\u4e00-\u9fff]{1,3}族)(?=$|[\s|｜/,，])")),
    ("date_of_birth", re.compile(r"((?:19|20)\d{2}\s*[年./-]\s*\d{1,2}\s*月?\s*(?:\d{1,2}\s*日)?\s*出生)")),
]


# Every _LABEL_RE match starts with one of these (lower case); see _label_matches.
_LABEL_STARTS = (
    "出生", "生日", "date", "d.o", "do", "birth", "born", "年龄", "age", "性别", "gender", "sex", "婚", "marital",
    "国籍", "nationality", "citizenship", "民族", "ethnicity", "race", "政治面貌", "宗教", "religion", "籍贯", "户",
    "hometown", "native",
)
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def _label_matches(text: str):
    """``_LABEL_RE.finditer(text)``, tried only where a label can start. With IGNORECASE only
    four non-ASCII letters match ASCII ones (İ ı ſ K); a text holding one, or whose lower()
    changes length, takes the plain scan."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _ODD_CASE.search(text)):
        yield from _LABEL_RE.finditer(text)
        return
    cands: set[int] = set()
    for lit in _LABEL_STARTS:
        i = low.find(lit)
        while i >= 0:
            cands.add(i)
            i = low.find(lit, i + 1)
    end = 0
    for p in sorted(cands):
        if p < end:
            continue
        m = _LABEL_RE.match(text, p)
        if m:
            end = m.end()
            yield m


def find_sensitive(text: str, lines: list[Line], images: int = 0) -> dict[str, Val[str]]:
    """Sensitive fields with evidence; the first occurrence of each wins."""
    out: dict[str, Val[str]] = {}
    for m in _label_matches(text):
        key = next(k for k in _LABELS if m.group(k))
        value = m.group("value").strip()
        if key == "age" and not re.match(r"^\d{1,2}\s*岁?$", value):
            continue  # "Age: " only counts with a number; "age" is a common word
        if key not in out and value:
            out[key] = Val[str](value=value, evidence=evidence(text, m.start(), m.end("value"), 0.95))
    header = [ln for ln in lines if not ln.blank][:12]
    for ln in header:
        for key, rx in _BARE:
            if key in out:
                continue
            bm = rx.search(ln.text)
            if bm:
                s = ln.start + bm.start(1)
                out[key] = Val[str](value=bm.group(1), evidence=evidence(text, s, s + len(bm.group(1)), 0.8))
    if images > 0:
        out["photo"] = Val[str](value=f"{images} embedded image(s)")
    return out
