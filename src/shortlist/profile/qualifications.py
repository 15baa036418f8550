"""Spoken languages and certifications."""
from __future__ import annotations

import re
from bisect import bisect_left

from shortlist.profile.lang import has_cjk
from shortlist.profile.model import Section, Val
from shortlist.profile.spans import Line, evidence

_LANG_NAMES = {
    "english": "English", "mandarin": "Mandarin", "chinese": "Chinese", "cantonese": "Cantonese",
    "hindi": "Hindi", "spanish": "Spanish", "french": "French", "german": "German", "japanese": "Japanese",
    "korean": "Korean", "arabic": "Arabic", "portuguese": "Portuguese", "russian": "Russian",
    "italian": "Italian", "tamil": "Tamil", "telugu": "Telugu", "marathi": "Marathi", "bengali": "Bengali",
    "urdu": "Urdu", "dutch": "Dutch", "gujarati": "Gujarati", "kannada": "Kannada", "malayalam": "Malayalam",
    "punjabi": "Punjabi", "vietnamese": "Vietnamese", "thai": "Thai", "indonesian": "Indonesian",
    "malay": "Malay", "turkish": "Turkish", "polish": "Polish", "swedish": "Swedish", "greek": "Greek",
    "hebrew": "Hebrew", "persian": "Persian", "tagalog": "Tagalog",
}
_ZH_LANGS = {
    "英语": "English", "英文": "English", "普通话": "Mandarin", "汉语": "Chinese", "中文": "Chinese",
    "粤语": "Cantonese", "日语": "Japanese", "韩语": "Korean", "法语": "French", "德语": "German",
    "西班牙语": "Spanish", "俄语": "Russian", "意大利语": "Italian", "葡萄牙语": "Portuguese",
    "阿拉伯语": "Arabic",
}
_EN_LANG_RE = re.compile(r"\b(" + "|".join(_LANG_NAMES) + r")\b", re.IGNORECASE)
# Outside a languages section, only unambiguous wording counts.
_ZH_LANG_RE = re.compile("|".join(sorted(_ZH_LANGS, key=len, reverse=True)))
_EXAM_RE = re.compile(
    r"(?=[CcTtIiJjHh\u4e00-\u9fff])(?:(?<![A-Za-z])(?:CET|TEM)[\s-]?[468](?!\d)|大学英语[四六]级|英语[四六八]级|专业[四八]级|(?<![A-Za-z])TOEFL(?![A-Za-z])(?:\s*\d{2,3})?"
    r"|(?<![A-Za-z])IELTS(?![A-Za-z])(?:\s*\d(?:\.\d)?)?|托福(?:\s*\d{2,3})?|雅思(?:\s*\d(?:\.\d)?)?|\bJLPT\s*N[1-5]\b|日语N[1-5]|\bHSK\s*\d\b"
    r"|普通话(?:水平测试)?[一二三]级[甲乙]等)",
    re.IGNORECASE,
)
_LANG_CONTEXT = re.compile(r"\b(?:languages?(?:\s+known|\s+skills)?\s*[:：]|fluent\s+in|native\s+speaker\s+of|speak(?:s|ing)?|bilingual\s+in)", re.IGNORECASE)


# Lower-case literals that every match starts with (see _starts / _exam_matches).
_LANG_CONTEXT_STARTS = ("language", "fluent", "native", "speak", "bilingual")
_EXAM_STARTS = ("cet", "tem", "toefl", "ielts", "jlpt", "hsk", "大学英语", "英语", "专业", "托福", "雅思", "日语", "普通话")
# With IGNORECASE only these four non-ASCII letters match ASCII ones; a text holding one (or
# whose lower() changes length) gets no pre-check.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def _starts(low: str, lits: tuple[str, ...]) -> list[int]:
    """Sorted offsets in ``low`` where one of ``lits`` occurs."""
    at: set[int] = set()
    for lit in lits:
        i = low.find(lit)
        while i >= 0:
            at.add(i)
            i = low.find(lit, i + 1)
    return sorted(at)


def _exam_matches(text: str, low: str | None):
    """``_EXAM_RE.finditer(text)``, tried only where an exam name can start (``low`` is
    ``text.lower()``, or None for the plain scan)."""
    if low is None:
        yield from _EXAM_RE.finditer(text)
        return
    end = 0
    for p in _starts(low, _EXAM_STARTS):
        if p < end:
            continue
        m = _EXAM_RE.match(text, p)
        if m:
            end = m.end()
            yield m


def find_languages(text: str, lines: list[Line], sections: list[Section]) -> list[Val[str]]:
    out: list[Val[str]] = []
    seen: set[str] = set()
    lang_secs = [(s.start, s.end) for s in sections if s.name == "languages"]

    def add(value: str, s: int, e: int, conf: float) -> None:
        # One entry per language: "English (CET-6)" makes a bare "English" redundant.
        base = value.split(" (")[0]
        if value in seen or (value == base and any(v.value.startswith(base + " (") for v in out)):
            return
        seen.add(value)
        out[:] = [v for v in out if v.value != base]
        out.append(Val[str](value=value, evidence=evidence(text, s, e, conf)))

    low = text.lower()
    plain = len(low) == len(text) and (text.isascii() or not _ODD_CASE.search(text))
    ctx_at = _starts(low, _LANG_CONTEXT_STARTS) if plain else None
    for ln in lines:
        if ln.blank:
            continue
        in_sec = any(a <= ln.start < b for a, b in lang_secs)
        if not in_sec and ctx_at is not None and text.startswith(ln.text, ln.start):
            # Pre-check: a context phrase needs one of its first words inside the line.
            i = bisect_left(ctx_at, ln.start)
            if i == len(ctx_at) or ctx_at[i] >= ln.start + len(ln.text):
                continue
        if in_sec or _LANG_CONTEXT.search(ln.text):
            for m in _EN_LANG_RE.finditer(ln.text):
                add(_LANG_NAMES[m.group(1).lower()], ln.start + m.start(), ln.start + m.end(), 0.9 if in_sec else 0.75)
    exams: list[tuple[int, int]] = []
    for m in _exam_matches(text, low if plain else None):
        exam = m.group(0)
        exams.append((m.start(), m.end()))
        add("English (" + exam + ")" if not exam.startswith(("日语", "JLPT", "HSK", "普通话")) else exam,
            m.start(), m.end(), 0.9)
    if has_cjk(text):
        for m in _ZH_LANG_RE.finditer(text):
            if not any(a <= m.start() < b for a, b in exams):  # "英语" inside "英语六级"
                add(_ZH_LANGS[m.group(0)], m.start(), m.end(), 0.85)
    return out


_CERT_RE = re.compile(
    r"(?=[A-Z\u4e00-\u9fff])(?:\bAWS\s+Certified(?:\s+[A-Z][\w-]*){1,5}|\bMicrosoft\s+Certified\s*:?(?:\s+[A-Z][\w-]*){1,6}"
    r"|\bGoogle(?:\s+Cloud)?\s+(?:Certified\s+)?Professional(?:\s+[A-Z][\w-]*){1,4}"
    r"|\bOracle\s+Certified(?:\s+[A-Z][\w-]*){1,5}|\bCisco\s+Certified(?:\s+[A-Z][\w-]*){1,4}"
    r"|\bCertified\s+(?:[A-Z][\w-]*\s+){0,4}(?:Professional|Master|Analyst|Administrator|Developer|Architect|Engineer|Accountant|Auditor|Manager|Associate|Specialist)\b"
    r"|(?<![A-Za-z0-9])(?:PMP|CPA|CFA(?:\s+Level\s+(?:I{1,3}|[123]))?|CCNA|CCNP|CCIE|CISSP|CISA|CISM|CEH|OSCP|PRINCE2|ITIL(?:\s+v?[34])?(?:\s+Foundation)?"
    r"|CKA|CKAD|CSM|PSM\s?I*|ACCA|FRM|CMA|SHRM-(?:CP|SCP)|PHR|RHCE|RHCSA|MCSE|MCSA|OCJP|OCA|OCP|SCJP|TOGAF|CompTIA\s+[A-Z][\w+]*)(?![A-Za-z0-9])"
    r"|\bSix\s+Sigma(?:\s+(?:Green|Black|Yellow)\s+Belt)?"
    r"|注册会计师|注册税务师|法律职业资格证?书?|教师资格证书?|证券从业资格证?书?|基金从业资格证?书?|会计从业资格证?书?"
    r"|初级会计(?:职称|师)|中级会计(?:职称|师)|计算机(?:等级)?[一二三四]级(?:证书)?|软件设计师|系统架构设计师|系统分析师|信息系统项目管理师"
    r"|网络工程师证书?|人力资源管理师|驾驶证|医师资格证书?|护士执业证书?|建造师)"
)
_BULLET = re.compile(r"^[\s•·●■◆▪‣\-*–✓✔➢►>]+")


def find_certifications(text: str, lines: list[Line], sections: list[Section]) -> list[Val[str]]:
    """Named certifications anywhere, plus each line of a certifications section."""
    out: list[Val[str]] = []
    spans: list[tuple[int, int]] = []

    def add(value: str, s: int, e: int, conf: float) -> None:
        if any(a < e and s < b for a, b in spans):
            return
        spans.append((s, e))
        out.append(Val[str](value=value, evidence=evidence(text, s, e, conf)))

    cert_secs = [s for s in sections if s.name == "certifications"]
    for sec in cert_secs:
        for ln in lines:
            if ln.blank or not sec.start <= ln.start < sec.end or ln.start == sec.start and ln.text == sec.heading:
                continue
            body_start = ln.start
            if ln.start == sec.start:  # inline heading "证书：CET-6、计算机二级"
                body_start = ln.start + len(sec.heading)
                body_start += len(text[body_start:ln.end]) - len(text[body_start:ln.end].lstrip(" :：\t"))
            chunk = text[body_start:ln.end]
            lead = len(chunk) - len(_BULLET.sub("", chunk))
            for part in re.finditer(r"[^、;；，]+", chunk[lead:]) if len(chunk) < 200 else ():
                value = part.group(0).strip()
                if 2 <= len(value) <= 120:
                    s = body_start + lead + part.start()
                    add(value, s, s + len(part.group(0)), 0.85)
    for m in _CERT_RE.finditer(text):
        add(m.group(0).strip(), m.start(), m.end(), 0.8)
    return out
