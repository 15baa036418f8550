"""Name, email, phone (E.164), location and links from the top of a resume."""
from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from shortlist.profile.model import Link, Val
from shortlist.profile.sections import heading_name
from shortlist.profile.spans import Line, evidence
from shortlist.profile.work import TITLE_WORDS, is_title_like

EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s,;<>\"'()|]+"
    r"|\b(?:[a-z]{2,3}\.)?(?:linkedin\.com|github\.com|gitlab\.com)/[^\s,;<>\"'()|]+",
    re.IGNORECASE,
)
# Candidate phone strings: digits with the usual separators, at least 7 digits in all.
_PHONE_CAND = re.compile(r"(?<![\w/.])(?:\+|00)?\(?\d[\d\s().\-]{5,20}\d(?![\w/])")
_DATEISH = re.compile(r"^\s*(?:19|20)\d{2}\s*[-–./]\s*(?:(?:19|20)\d{2}|\d{1,2})\s*$")
_CN_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")
_MAX_PHONE_TRIES = 40
_EN_REGIONS = ("US", "IN", "GB", "CA", "AU", "SG", "DE", "FR")


def find_email(text: str) -> Val[str] | None:
    m = EMAIL_RE.search(text)
    if not m:
        return None
    value = m.group(0).rstrip(".")
    return Val[str](value=value.lower(), evidence=evidence(text, m.start(), m.start() + len(value), 0.99))


def _parse_phone(raw: str, regions: tuple[str, ...]) -> tuple[str, float] | None:
    for i, region in enumerate(regions):
        try:
            num = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), 0.95 - 0.05 * min(i, 3)
    return None


def find_phone(text: str, chinese: bool) -> Val[str] | None:
    """First valid phone number, as E.164 (region CN for Chinese resumes, else US first)."""
    regions = ("CN",) + _EN_REGIONS if chinese else _EN_REGIONS + ("CN",)
    if chinese:
        m = _CN_MOBILE.search(text)
        if m:
            parsed = _parse_phone(m.group(0), ("CN",))
            if parsed:
                return Val[str](value=parsed[0], evidence=evidence(text, m.start(), m.end(), 0.98))
    fallback: Val[str] | None = None
    for n, m in enumerate(_PHONE_CAND.finditer(text)):
        if n >= _MAX_PHONE_TRIES:
            break  # a phone sits near the top; a wall of digits must not cost seconds
        raw = m.group(0)
        digits = sum(c.isdigit() for c in raw)
        if digits < 7 or digits > 15 or _DATEISH.match(raw):
            continue
        parsed = _parse_phone(raw, regions)
        if parsed:
            return Val[str](value=parsed[0], evidence=evidence(text, m.start(), m.end(), parsed[1]))
        if fallback is None and digits >= 10 and ("-" in raw or "(" in raw or " " in raw.strip()):
            # Written like a phone but not valid anywhere (e.g. a redacted "123-345-7890"):
            # keep the digits, with low confidence, rather than lose it.
            value = ("+" if raw.lstrip().startswith("+") else "") + re.sub(r"\D", "", raw)
            fallback = Val[str](value=value, evidence=evidence(text, m.start(), m.end(), 0.3))
    return fallback


def _link_kind(url: str) -> str:
    u = url.lower()
    if "linkedin.com" in u:
        return "linkedin"
    if "github.com" in u or "gitlab.com" in u:
        return "github"
    return "website"


_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def _url_matches(text: str):
    """``_URL_RE.finditer(text)``, but only tried where a match can start: at "http"/"www." or
    up to 4 characters before "linkedin.com" & co. With IGNORECASE only four non-ASCII letters
    match ASCII ones (İ ı ſ K); a text holding one, or whose lower() changes length, takes the
    plain scan."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _ODD_CASE.search(text)):
        yield from _URL_RE.finditer(text)
        return
    cands: set[int] = set()
    for lit, back in (("http", 0), ("www.", 0), ("linkedin.com", 4), ("github.com", 4), ("gitlab.com", 4)):
        i = low.find(lit)
        while i >= 0:
            cands.update(range(max(0, i - back), i + 1))
            i = low.find(lit, i + 1)
    end = 0
    for p in sorted(cands):
        if p < end:
            continue
        m = _URL_RE.match(text, p)
        if m:
            end = m.end()
            yield m


def find_links(text: str, emails: set[str]) -> list[Link]:
    """LinkedIn, GitHub and personal sites, each once; job-board links are "other"."""
    out: list[Link] = []
    seen: set[str] = set()
    for m in _url_matches(text):
        url = m.group(0).rstrip(".,:;")
        if "@" in url:
            continue
        key = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).rstrip("/")
        if key in seen or any(key.endswith(e.split("@")[-1]) and "/" not in key for e in emails):
            continue
        seen.add(key)
        kind = _link_kind(url)
        if kind == "website" and re.search(r"indeed\.com|monster\.com|naukri\.com", key):
            kind = "other"
        out.append(Link(kind=kind, url=url, evidence=evidence(text, m.start(), m.start() + len(url), 0.95)))
    return out


# --- names -----------------------------------------------------------------------------

_NAME_LABEL = re.compile(
    r"(?:^|\n|\s{2})[ \t]*(?:name|full name|candidate name)[ \t]*[:：][ \t]*([A-Z](?:[^\n|,\t ]| (?! ))*)", re.IGNORECASE
)
# Latin letters with their accents: "José García", "Zoë Ångström" are names like "Joe Garcia"
# (an unrecognised name stays in the text the ranker reads, so this is a fairness matter too).
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿā-ž"
_NAME_TOKEN = re.compile(rf"^(?:[{_UP}][{_UP}{_LOW}'’\-]+|[{_UP}]\.?)$")
_NOT_NAME_WORDS = {
    "resume", "curriculum", "vitae", "cv", "profile", "summary", "objective", "engineer", "developer",
    "manager", "analyst", "consultant", "email", "phone", "address", "street", "road", "university",
    "college", "school", "institute", "experience", "education", "skills", "contact", "page", "template",
    "indeed", "linkedin", "the", "and", "of", "for", "at", "in", "senior", "junior", "lead", "director",
    "officer", "executive", "assistant", "associate", "professional", "technologies", "software", "sales",
    "services", "solutions", "limited", "ltd", "inc", "pvt", "india", "your", "name", "job", "seeker",
    "intern", "specialist", "administrator", "designer", "architect", "accountant", "teacher", "nurse",
    "campus", "permanent", "present", "mobile", "tel", "state", "city", "objective:", "career",
    "avenue", "st", "drive", "lane", "nagar", "building", "apartments", "apt", "suite",
    "marketing", "management", "qualifications", "particulars", "personal", "kingdom", "department",
    "programmer", "student", "seeking", "internship", "example", "sample", "dear", "sir", "madam",
    "responsibilities", "projects", "technical", "core", "areas", "expertise", "revenue", "digital",
    "certified", "information", "details", "date", "birth", "male", "female", "nationality",
    "microsoft", "office", "excel", "word", "google", "adobe", "strengths", "highlights", "summary",
}
_QUOTES = "\"'“”‘’«»"


_SURNAME_LIKE_TITLES = {"driver", "head", "host", "fellow", "owner", "staff", "member"}


def looks_like_en_name(s: str) -> bool:
    """2-4 capitalised words, no digits or @, none of them a title/heading word."""
    if len(s) > 40 or any(c.isdigit() for c in s) or "@" in s or heading_name(s):
        return False
    words = s.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w.lower().strip(".") in _NOT_NAME_WORDS for w in words):
        return False
    if any(m.group(0).lower() not in _SURNAME_LIKE_TITLES for m in TITLE_WORDS.finditer(s)):
        return False  # "FRONT DESK CLERK", "HR BUSINESS PARTNER": a headline, not a person
    return all(_NAME_TOKEN.match(w) for w in words)


def _name_prefix(line: str) -> str | None:
    """"Allen Neal King ESB Integration Developer": the name before a job title on line 1."""
    if line.isupper():
        return None  # an all-caps line is one headline ("REGIONAL SCHEDULE MANAGER")
    words = line.split()
    for n in (3, 2):
        if len(words) > n and looks_like_en_name(" ".join(words[:n])) and is_title_like(" ".join(words[n:])):
            return " ".join(words[:n])
    return None


def find_en_name(text: str, lines: list[Line]) -> Val[str] | None:
    m = _NAME_LABEL.search(text[:2000])
    if m:
        value = m.group(1).strip()
        if looks_like_en_name(value):
            return Val[str](value=value, evidence=evidence(text, m.start(1), m.start(1) + len(value), 0.95))
    seen = 0
    for line in lines:
        if line.blank:
            continue
        seen += 1
        if seen > 8 or (seen > 1 and heading_name(line.text)):
            break  # a name sits in the header block, before the first section
        lead = len(line.text) - len(line.text.lstrip(_QUOTES + " "))
        body = line.text[lead:]
        cand = re.split(r"\s*(?:[|,•·(]|\s-\s|\t|\s{2,})\s*", body)[0].strip().rstrip(_QUOTES)
        if _CITY_STATE.match(body):
            continue  # "New York, NY 10022" is an address line
        if not looks_like_en_name(cand) and seen == 1:
            cand = _name_prefix(body) or cand
        if looks_like_en_name(cand):
            conf = 0.9 if seen == 1 else 0.75
            s = line.start + lead
            return Val[str](value=cand, evidence=evidence(text, s, s + len(cand), conf))
    return None


_ZH_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_ZH_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯")
# Two-character names are often written with a spacer: "叶　雪".
_ZH_SPACED = r"[\u4e00-\u9fff][ \u3000]{1,3}[\u4e00-\u9fff]{1,2}(?=[ \t\u3000]*(?:$|[|｜\n]|[ \t\u3000]{2}))"
_ZH_NAME_LABEL = re.compile(
    rf"姓\s*名\s*[:：]?\s*(?:[|｜]\s*)?({_ZH_SPACED}|[\u4e00-\u9fff·]{{2,5}})", re.MULTILINE
)
_ZH_SPACED_LINE = re.compile(rf"^{_ZH_SPACED}", re.MULTILINE)
_ZH_NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_ZH_NOT_NAME = re.compile(r"简历|个人|信息|求职|应聘|工程|经理|大学|学院|公司|技能|教育|经历|工作|项目|评价|电话|邮箱|地址|男|女")


@lru_cache(maxsize=1)
def _posseg():  # pragma: no cover - import side effect only
    import logging

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    return pseg


def _zh_is_person(s: str) -> bool:
    """jieba tags the string as a person name ('nr') - a signal, not a requirement."""
    try:
        return any(flag == "nr" for _, flag in _posseg().lcut(s))
    except ImportError:  # jieba missing: the surname rule still applies
        return False


def _zh_surname_ok(s: str) -> bool:
    return s[:2] in _ZH_COMPOUND or s[0] in _ZH_SURNAMES


def find_zh_name(text: str, lines: list[Line]) -> Val[str] | None:
    m = _ZH_NAME_LABEL.search(text)
    if m:
        value = re.sub(r"[ \u3000]", "", m.group(1))
        return Val[str](value=value, evidence=evidence(text, m.start(1), m.end(1), 0.97))
    seen = 0
    for line in lines:
        if line.blank:
            continue
        seen += 1
        if seen > 6:
            break
        spaced = _ZH_SPACED_LINE.match(line.text)
        if spaced and _zh_surname_ok(spaced.group(0)):
            value = re.sub(r"[ \u3000]", "", spaced.group(0))
            return Val[str](value=value, evidence=evidence(text, line.start, line.start + spaced.end(), 0.85))
        cand = re.split(r"[\s|｜/,，·]+", line.text)[0]
        if _ZH_NAME_LINE.match(cand) and _zh_surname_ok(cand) and not _ZH_NOT_NAME.search(cand):
            conf = 0.9 if _zh_is_person(cand) else 0.7
            return Val[str](value=cand, evidence=evidence(text, line.start, line.start + len(cand), conf))
    return None


# --- location --------------------------------------------------------------------------

_LOC_LABEL = re.compile(
    r"(?:现居住地|现居城市|现居地|现居|所在地|所在城市|居住城市|居住地|目前所在地|现住址|location|current location|address|city)"
    r"[ \t]*(?:[:：][ \t]*(?:[|｜][ \t]*)?|[|｜][ \t]*)([^\n|｜,，;；]{2,60}?)(?=[ \t]{2,}|[ \t]*[|｜;；\n]|[ \t]+[^\s:：]{1,12}[:：]|$)",
    re.IGNORECASE,
)
_CITY_STATE = re.compile(
    r"^([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3}, (?:[A-Z]{2}\b|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}))"
    r"(?:\s+\d{5}(?:-\d{4})?)?(?=\s*(?:$|[-|•·]|\s\d))"
)


_PIECES = re.compile(r"[^|•·\t]+")


def find_location(text: str, lines: list[Line]) -> Val[str] | None:
    m = _LOC_LABEL.search(text)
    if m:
        value = m.group(1).strip()
        if value:
            return Val[str](value=value, evidence=evidence(text, m.start(1), m.start(1) + len(value), 0.9))
    seen = 0
    for line in lines:
        if line.blank:
            continue
        seen += 1
        if seen > 10:
            break
        for piece in _PIECES.finditer(line.text):
            cm = _CITY_STATE.match(piece.group(0).strip())
            if cm and not heading_name(cm.group(1)):
                value = cm.group(1)
                s = line.start + piece.start() + (len(piece.group(0)) - len(piece.group(0).lstrip()))
                return Val[str](value=value, evidence=evidence(text, s, s + len(value), 0.75))
    return None
