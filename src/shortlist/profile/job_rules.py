"""Word-level rules for job descriptions (English and Chinese): cue words, years, degrees,
languages, location, remote work, work authorisation and seniority.

Each function reads one clause (or the title) and returns values with offsets relative to
the string it was given; ``job.py`` turns them into evidence-linked requirements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from shortlist.profile.education import DEGREE_RE, degree_level
from shortlist.profile.model import DegreeLevel, Seniority
from shortlist.profile.work import _CN_CITIES as _WORK_CITIES

# ----------------------------------------------------------------------------- cue words

# A nice-to-have cue anywhere in a clause makes the skills in it optional. "优先级" is a
# priority, not a preference; "最好的" is "the best", not "ideally".
NICE_CUE = re.compile(
    r"nice[\s-]*to[\s-]*have|\bpreferred\b|\bpreferabl[ey]\b|\bprefer\b|\bbonus\b|\bideally\b|\bdesir(?:able|ed)\b"
    r"|\ban?\s+(?:big\s+|huge\s+|strong\s+|major\s+|definite\s+|real\s+)?plus\b|\bplus\s*[:!]|^\W*plus\b"
    r"|\bpluses\b|\badvantage(?:ous)?\b|\bgood\s+to\s+have\b|\bnot\s+(?:strictly\s+)?(?:required|mandatory|a\s+must)\b"
    r"|\boptional\b|\bhelpful\b|\bbeneficial\b|\bappreciated\b|\bwould\s+be\s+(?:great|nice)\b|\bextra\s+(?:credit|points)\b"
    r"|优先(?!级)|加分|更佳|尤佳|为佳|更好|最好(?!的)|者优先|择优",
    re.IGNORECASE,
)
# In a nice-to-have section, these make one clause required again.
REQUIRED_CUE = re.compile(r"\bmust\b|\brequired\b|\bmandatory\b|\bessential\b|必须|必备|必需", re.IGNORECASE)


# "Our stack: Go, Postgres" lists the team's tools; it does not demand them.
STACK_CUE = re.compile(r"\b(?:our|the)\s+(?:tech(?:nology)?\s+)?stack\b|\btech(?:nology)?\s+stack\b|技术栈", re.IGNORECASE)


def cue(text: str) -> bool | None:
    """True (required), False (nice to have) or None (no cue) for one clause."""
    if NICE_CUE.search(text) or STACK_CUE.search(text):
        return False
    if REQUIRED_CUE.search(text):
        return True
    return None


# ----------------------------------------------------------------------------- years

_EN_NUMS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_NUM = r"(?:\d{1,2}(?:\.5)?|" + "|".join(_EN_NUMS) + r")"
_ZH_NUM = r"(?:\d{1,2}(?:\.5)?|十[一二三四五六七八九]?|[一二两三四五六七八九]十?)"
_YEARS_EN = re.compile(
    rf"(?:(?P<least>at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|no\s+less\s+than|a\s+minimum\s+of)\s+)?"
    rf"(?<![\d.])(?P<a>{_EN_NUM})\s*(?:\+|plus)?\s*(?:(?:-|–|—|to)\s*(?P<b>{_EN_NUM})\s*\+?\s*)?"
    rf"(?:years?|yrs?)\b(?:\s*\+|\s+or\s+more)?(?!\s*old)(?!-)",
    re.IGNORECASE,
)
_YEARS_EN_BAD_BEFORE = re.compile(r"(?:last|past|next|first|within|every|for\s+the)\s*$", re.IGNORECASE)
_YEARS_EN_CONTEXT = re.compile(
    r"experience|\bexp\b|\bof\b|\bin\b|\bwith\b|working|professional|industry|hands[- ]on|building|developing"
    r"|programming|coding|writing|using",
    re.IGNORECASE,
)
_YEARS_ZH = re.compile(
    rf"(?<![\d.])(?P<a>{_ZH_NUM})\s*(?:(?:-|–|~|～|到|至)\s*(?P<b>{_ZH_NUM})\s*)?(?:个)?年(?:以上|及以上|或以上|\+)?"
    r"(?![级底薪终假度龄内前后初中末月份])"
)
_YEARS_ZH_CONTEXT = re.compile(r"经验|工作|开发|从业|经历|年限|资历")
EXPERIENCE_WORD = re.compile(r"\bexperience\b|经验", re.IGNORECASE)


def _num(s: str) -> float:
    s = s.strip().lower()
    if s in _EN_NUMS:
        return float(_EN_NUMS[s])
    if re.fullmatch(r"\d+(?:\.\d)?", s):
        return float(s)
    # Chinese numerals up to 99: 五, 十, 十二, 二十
    if "十" in s:
        tens, _, ones = s.partition("十")
        return float(_ZH_DIGITS.get(tens, 1) * 10 + _ZH_DIGITS.get(ones, 0))
    return float(_ZH_DIGITS[s])


@dataclass(frozen=True, slots=True)
class YearsPhrase:
    years: float  # the minimum ("3-5 years" -> 3)
    start: int
    end: int
    context: bool  # the clause speaks of experience ("of", "经验"): it may be an overall figure


# Figures about the employer, not the hire: "技术团队拥有十年以上…经验", "founded 10 years ago".
_ABOUT_EMPLOYER = re.compile(r"团队拥有|我们拥有|公司成立|成立于|拥有.{0,6}团队|\bfounded\b|\bour\s+team\s+has\b|\bago\b", re.IGNORECASE)


def find_years(text: str) -> list[YearsPhrase]:
    """Year phrases in one clause: "5+ years", "at least 3 years", "3-5 years", "五年以上",
    "3年以上工作经验". Ages, "the last 2 years" and "年薪" are not; ``context`` says whether
    the clause is about experience (needed for an overall minimum, not for "Python (3+ years)")."""
    out: list[YearsPhrase] = []
    if _ABOUT_EMPLOYER.search(text):
        return out
    for m in _YEARS_EN.finditer(text):
        if _YEARS_EN_BAD_BEFORE.search(text[max(0, m.start() - 12): m.start()]):
            continue
        out.append(YearsPhrase(_num(m.group("a")), m.start(), m.end(), bool(_YEARS_EN_CONTEXT.search(text))))
    for m in _YEARS_ZH.finditer(text):
        out.append(YearsPhrase(_num(m.group("a")), m.start(), m.end(), bool(_YEARS_ZH_CONTEXT.search(text))))
    return out


# Words allowed between "3+ years" and the skill it is about ("3+ years of hands-on Go").
_YEARS_TO_SKILL = re.compile(
    r"(?:\s|[,:(（]|of|in|with|using|on|experience|professional|hands[- ]on|industry|commercial|production|working"
    r"|programming|development|developing|coding|writing|software|solid|strong|relevant|practical|the|an?"
    r"|的|使用|从事|相关|基于|以上|开发|编程|工作|经验|及)*",
    re.IGNORECASE,
)
# ... and between a skill and the years written after it ("Python (3+ years)", "Java开发经验3年以上").
_SKILL_TO_YEARS = re.compile(
    r"(?:\s|[,:：(（\-–—]|experience|的|开发|使用|工作|编程|相关|经验)*", re.IGNORECASE
)
# Between two skills of one list ("3+ years of Go or Rust").
_SKILL_LIST_GAP = re.compile(r"(?:\s|[,/、&]|or|and|或|和|及|以及)*", re.IGNORECASE)
# A "skill" that names the whole trade: years bound to it are years of experience overall.
GENERIC_SKILL_SURFACE = re.compile(
    r"(?:software|backend|back-end|frontend|front-end|full[- ]?stack|web|mobile|it|engineering|programming"
    r"|development|industry|professional)(?:\s+(?:engineering|development|programming|experience))?"
    r"|后端|前端|软件|开发|研发|编程|互联网|软件开发|后端开发|前端开发",
    re.IGNORECASE,
)


def years_to_skill_gap(gap: str) -> bool:
    return len(gap) <= 40 and _YEARS_TO_SKILL.fullmatch(gap) is not None


def skill_to_years_gap(gap: str) -> bool:
    return len(gap) <= 12 and _SKILL_TO_YEARS.fullmatch(gap) is not None


def skill_list_gap(gap: str) -> bool:
    return len(gap) <= 8 and _SKILL_LIST_GAP.fullmatch(gap) is not None


# ----------------------------------------------------------------------------- education

_EDU_CONTEXT = re.compile(
    r"degree|diploma|bachelor|master|ph\.?\s?d|doctor|graduate|education|学历|本科|硕士|博士|大专|专科|学位"
    r"|(?-i:\b[BM]\.?S\.?c?\b|\bB\.?A\.?\b|\bMBA\b)",
    re.IGNORECASE,
)
_AREA_EN = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|ph\.?\s?d\.?|(?-i:B\.?S\.?c?|M\.?S\.?c?|BA|MA))\b"
    r"[^.;\n]{0,30}?\b(?:in|of)\s+(?!a\s+related|related|relevant|any\b|science\s+or\b)"
    r"(?P<area>[A-Za-z][A-Za-z&/,\- ]{1,60}?)"
    r"(?=\s*(?:,?\s+or\s+(?:an?\s+)?(?:related|similar|equivalent|relevant|other|another|comparable|any)|,\s*or\b"
    r"|,\s*(?:an?\s+)?(?:related|similar|equivalent|relevant|other|another|comparable)\b|[(;.\n]|$"
    r"|\s+(?:with|and/or|or\s+equivalent|preferred|required|is|are)\b))",
    re.IGNORECASE,
)
_AREA_ZH = re.compile(r"(?P<area>[\u4e00-\u9fff、/／和与及或]{2,24}?)(?:等)?(?:相关)?专业(?!不限)")
_AREA_ZH_PREFIX = re.compile(r"^(?:(?:统招|全日制|本科|硕士|博士|研究生|大专|专科|学历|学位|及以上|以上|或|及)+)")
# A Chinese degree word is a requirement only with one of these ("博士毕业于…" is a bio,
# "锐本科技" a company name).
_ZH_EDU_CUE = re.compile(r"学历|学位|以上|优先|或同等|本科生|硕士生|博士生|应届|毕业生|要求|放宽")
_NO_DEGREE = re.compile(r"学历不限|no\s+degree\s+required|degree\s+not\s+required", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EducationFact:
    level: DegreeLevel
    area: str | None


def find_education(text: str) -> EducationFact | None:
    """The lowest degree a clause names ("BS/MS" -> bachelor) and the field of study."""
    if _NO_DEGREE.search(text) or not _EDU_CONTEXT.search(text):
        return None
    levels = [
        lv for m in DEGREE_RE.finditer(text)
        if (lv := degree_level(m.group(0))) and lv != DegreeLevel.OTHER and (m.group(0).isascii() or _ZH_EDU_CUE.search(text))
    ]
    # "graduate degree" reads as a master's in a job ad, while a resume's "graduation" is a bachelor's.
    if re.search(r"\b(?:post)?graduate\s+degree\b", text, re.IGNORECASE):
        levels = [lv if lv != DegreeLevel.BACHELOR else DegreeLevel.MASTER for lv in levels]
    if not levels:
        return None
    level = min(levels, key=lambda lv: lv.rank)
    return EducationFact(level, find_area(text))


def find_area(text: str) -> str | None:
    m = _AREA_EN.search(text)
    if m:
        area = re.sub(r"[\s,]+(?:or|and)?\s*$", "", m.group("area")).strip(" ,")
        return area or None
    m = _AREA_ZH.search(text)
    if m:
        area = _AREA_ZH_PREFIX.sub("", m.group("area")).strip("、/／和与及或")
        return area if len(area) >= 2 else None
    return None


# ----------------------------------------------------------------------------- languages

_LANG_NAMES: dict[str, str] = {
    "english": "English", "mandarin": "Mandarin", "chinese": "Chinese", "cantonese": "Cantonese",
    "japanese": "Japanese", "korean": "Korean", "german": "German", "french": "French", "spanish": "Spanish",
    "portuguese": "Portuguese", "italian": "Italian", "dutch": "Dutch", "russian": "Russian", "arabic": "Arabic",
    "hindi": "Hindi", "vietnamese": "Vietnamese", "thai": "Thai", "indonesian": "Indonesian", "polish": "Polish",
    "swedish": "Swedish", "turkish": "Turkish",
    "英语": "English", "英文": "English", "普通话": "Mandarin", "中文": "Chinese", "汉语": "Chinese",
    "粤语": "Cantonese", "日语": "Japanese", "日文": "Japanese", "韩语": "Korean", "韩文": "Korean",
    "德语": "German", "法语": "French", "西班牙语": "Spanish", "俄语": "Russian",
}
_LANG_RE = re.compile(
    r"\b(?:" + "|".join(k for k in _LANG_NAMES if k.isascii()) + r")\b|"
    + "|".join(k for k in _LANG_NAMES if not k.isascii()),
    re.IGNORECASE,
)
_CERT_RE = re.compile(r"CET[- ]?[46]|TEM[- ]?[48]|专[四八]|英语[四六八]级|[四六]级|IELTS|TOEFL|雅思|托福|HSK\s*\d?", re.IGNORECASE)
_LANG_LEVEL = re.compile(
    r"native|fluent|fluency|bilingual|proficient|proficiency|business[- ]level|professional\s+working|working\s+knowledge"
    r"|流利|熟练|精通|良好|母语",
    re.IGNORECASE,
)
_LANG_CUE = re.compile(
    r"fluen|proficien|native|bilingual|(?<!-)speak|spoken|written|verbal|business[- ]level|working\s+knowledge|language"
    r"|communicat|command\s+of|\bread|\bwrit|读写|听说|口语|流利|熟练|精通|良好|能力|阅读|交流|沟通|水平|文档|母语"
    r"|CET|TEM|[四六八]级|IELTS|TOEFL",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LanguageFact:
    name: str
    detail: str | None  # "CET-6", "fluent"
    start: int
    end: int


def find_languages(text: str, in_requirements: bool) -> list[LanguageFact]:
    """Spoken languages a clause asks for. Outside requirement sections a cue word
    ("fluent", "读写") is needed, so "the English-speaking market" is not one."""
    if not (in_requirements or _LANG_CUE.search(text)):
        return []
    cert = _CERT_RE.search(text)
    level = _LANG_LEVEL.search(text)
    out: list[LanguageFact] = []
    seen: set[str] = set()
    for m in _LANG_RE.finditer(text):
        name = _LANG_NAMES[m.group(0).lower()]
        if name in seen:
            continue
        seen.add(name)
        detail = None
        if cert and name == "English" and not cert.group(0).upper().startswith("HSK"):
            detail = cert.group(0)
        elif level:
            detail = level.group(0).lower() if level.group(0).isascii() else level.group(0)
        out.append(LanguageFact(name, detail, m.start(), m.end()))
    if not out and cert and re.match(r"CET|TEM|专|英语|[四六]级|IELTS|TOEFL|雅思|托福", cert.group(0), re.IGNORECASE):
        out.append(LanguageFact("English", cert.group(0), cert.start(), cert.end()))
    return out


# ----------------------------------------------------------------------------- place, remote

_REMOTE_NEGATED = re.compile(
    r"\b(?:no|not(?:\s+(?:open\s+to|a|available))?)\s+remote\b|\bremote\s+(?:is\s+)?not\s+(?:possible|available|an\s+option)"
    r"|不支持远程|不接受远程|不可远程|无远程|不远程|暂不支持远程",
    re.IGNORECASE,
)
_ONSITE = re.compile(r"\bon[- ]?site\b|\bin[- ]office\b|\boffice[- ]based\b|\bin[- ]person\b|坐班|驻场", re.IGNORECASE)
_REMOTE_YES = re.compile(
    r"\b(?:fully|100%|completely|full[- ]time)\s+remote\b|\bremote[- ](?:first|friendly|only|ok|possible|position|role|job"
    r"|work(?:ing)?|opportunity|option|eligible)\b|\bwork(?:ing)?\s+(?:from\s+home|remotely)\b|\bWFH\b|\bor\s+remote\b"
    r"|^\W*remote\b|\bremote\s*(?:[(/,|;\-–—]|$)"
    r"|远程办公|远程工作|可远程|支持远程|全远程|完全远程|接受远程|居家办公|^\W*远程\W*$",
    re.IGNORECASE,
)
_HYBRID = re.compile(
    r"\bhybrid\b(?=\s*(?:[()]|work|working|role|position|model|schedule|setup|remote|[,/;|\-–—]|$))"
    r"|\b(?:location|based)\b[^\n]{0,40}\bhybrid\b|混合办公",
    re.IGNORECASE,
)
_PLACE_LABEL = re.compile(
    r"(?:(?:\b(?:work\s+|job\s+|office\s+)?location|\boffice|\bcity|工作地点|办公地点|办公地址|公司地址|工作城市|工作地"
    r"|地点|城市|坐标|地址)\s*[:：]\s*"
    r"|\bbased\s+in\s+|\bbase(?:地)?(?:\s*[:：]\s*|\s+(?:in\s+)?|(?=[\u4e00-\u9fff]))|坐标\s*|地点在|位于)"
    r"(?P<v>[^\n;；。|｜]{1,60})",
    re.IGNORECASE,
)
_PLACE_TRIM = re.compile(
    r"\s*[(（][^()（）]*(?:hybrid|remote|on[- ]?site|远程|混合|坐班)[^()（）]*[)）]\s*$"
    r"|\s*[,/|\-–—]?\s*(?:hybrid|remote|on[- ]?site)\s*$|[\s,，.。*]+$",
    re.IGNORECASE,
)
_BRACKET_PLACE = re.compile(r"^\s*(?:#+\s*)?[【\[]\s*(?P<v>[^】\]]{2,12}?)\s*[】\]]")
_NOT_PLACE = re.compile(r"急招|急聘|内推|招聘|社招|校招|热招|直招|hiring|urgent|job|全职|兼职|实习", re.IGNORECASE)


# Cities a Chinese job post names; resume parsing's list plus the rest of the big ones.
_MORE_CITIES = frozenset(re.findall(r"\S+", 
    "石家庄 太原 南昌 南宁 贵阳 兰州 长春 呼和浩特 乌鲁木齐 海口 三亚 温州 常州 徐州 烟台 泉州 惠州 中山 嘉兴 绍兴"
    " 金华 台州 扬州 南通 昆山 澳门 新加坡 东京 西雅图 硅谷 旧金山 纽约 伦敦 多伦多 悉尼 柏林 湾区"
))
_CITIES = sorted(_WORK_CITIES | _MORE_CITIES, key=len, reverse=True)
_CITY = "(?:" + "|".join(_CITIES) + ")"
CITY_RUN = re.compile(rf"{_CITY}(?:\s*[/／、&,，·]\s*{_CITY})*")


def city_run(text: str) -> tuple[int, int] | None:
    """First run of known city names ("北京/上海/成都") in ``text``."""
    m = CITY_RUN.search(text)
    return (m.start(), m.end()) if m else None


_META_SPLIT = re.compile(r"\s+[·•|｜]\s+|\s+[-–—]\s+|\s*[·•|｜]\s*")
_META_EN_PLACE = re.compile(
    r"(?P<v>[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,3},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}))"
    r"(?:\s*[(（][^()（）]*[)）]|\s+or\s+remote\b.*)?"
)
_META_ZH_PLACE = re.compile(r"(?P<v>[\u4e00-\u9fff]{2,4}(?:市)?)(?:\s*[(（][^()（）]*[)）])?")
_NOT_ZH_PLACE = re.compile(r"全职|兼职|实习|远程|公司|集团|科技|团队|招聘|内推|急招|校招|社招|不限|面议")


def meta_place(line: str) -> tuple[int, int] | None:
    """A place in a header line under the title: "Acme · Seattle, WA (hybrid) · Full-time",
    "Great Plains - Minneapolis, MN - Full-time", "Fabrikam · 杭州 · 全职"."""
    bounds = [0]
    for m in _META_SPLIT.finditer(line):
        bounds += [m.start(), m.end()]
    bounds.append(len(line))
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if len(parts) < 2:
        return None
    for a, b in parts:
        part = line[a:b]
        lead = len(part) - len(part.lstrip(" *"))
        core = part.strip(" *")
        m = _META_EN_PLACE.fullmatch(core) or _META_ZH_PLACE.fullmatch(core)
        if m and not _NOT_ZH_PLACE.search(m.group("v")) and (m.re is _META_EN_PLACE or CITY_RUN.search(core)):
            return a + lead + m.start("v"), a + lead + m.end("v")
    return None


def remote_status(text: str) -> tuple[bool | None, bool, bool]:
    """(remote, hybrid, explicit_no) for one clause: "no remote" is explicit; "on-site"
    only counts when nothing in the clause says remote ("Remote, quarterly on-site meetups")."""
    hybrid = bool(_HYBRID.search(text))
    if _REMOTE_NEGATED.search(text):
        return False, hybrid, True
    if _REMOTE_YES.search(text):
        return True, hybrid, False
    if hybrid or _ONSITE.search(text):
        return False, hybrid, False
    return None, False, False


def find_place(text: str, labelled_section: bool) -> tuple[int, int] | None:
    """Span of a place in "Location: Berlin", "工作地点：上海", "based in Paris", "base 北京",
    or the whole clause when it sits under a "Location" heading."""
    m = _PLACE_LABEL.search(text)
    if m:
        a, b = m.start("v"), m.end("v")
    elif labelled_section:
        a, b = 0, len(text)
    else:
        return None
    value = text[a:b]
    cut = _PLACE_TRIM.search(value)
    if cut:
        b = a + cut.start()
        value = text[a:b]
    if not value.strip() or re.fullmatch(r"\W*(?:remote|远程)\W*", value, re.IGNORECASE):
        return None
    return a, b


def bracket_place(title_line: str) -> tuple[int, int] | None:
    """"【北京】后端开发" / "[Remote] Backend Engineer": a place written in brackets in the title."""
    m = _BRACKET_PLACE.match(title_line)
    if not m or _NOT_PLACE.search(m.group("v")):
        return None
    value = m.group("v")
    # "【北京】" is a place, "【Apifox】" / "【美团】" a company.
    if not (CITY_RUN.search(value) or _META_EN_PLACE.fullmatch(value) or re.fullmatch(r"remote|远程", value, re.IGNORECASE)):
        return None
    return m.start("v"), m.end("v")


# ----------------------------------------------------------------------------- authorisation

_AUTH = re.compile(
    r"authori[sz]ed\s+to\s+work|authori[sz]ation\s+to\s+work|work(?:ing)?\s+authori[sz]ation|right\s+to\s+work"
    r"|eligib(?:le|ility)\s+to\s+work|legally\s+(?:able|permitted|eligible|allowed)\s+to\s+work"
    r"|(?:no|not|unable\s+to|cannot|can't|won't|will\s+not|do\s+not|does\s+not|don't|doesn't|are\s+not\s+able\s+to)"
    r"\s+(?:\w+\s+){0,3}sponsor|sponsorship\s+(?:is\s+)?(?:not|unavailable|isn't)|without\s+(?:the\s+need\s+for\s+)?"
    r"(?:\w+\s+){0,2}sponsorship|\b(?:us|u\.s\.|uk|eu)\s+citizen(?:ship)?\b|security\s+clearance|green\s+card"
    r"|工作签证|工作许可",
    re.IGNORECASE,
)


def find_authorization(text: str) -> bool:
    """Whether a clause sets a work-authorisation condition ("we sponsor visas" does not)."""
    return _AUTH.search(text) is not None


# ----------------------------------------------------------------------------- seniority

# Most senior first: "Senior Engineering Manager" is a manager, "Lead Senior Engineer" a lead.
_SENIORITY: list[tuple[Seniority, str]] = [
    ("executive", r"\bchief\b|\bC[TEIOFP]O\b|\bvice\s+president\b|\bVP\b|副总裁|首席|合伙人|\bpartner\b"),
    ("director", r"\bdirector\b|\bhead\s+of\b|总监|负责人"),
    ("manager", r"(?<!product\s)(?<!project\s)(?<!program\s)(?<!account\s)\bmanager\b|(?<!产品)(?<!项目)经理"),
    ("principal", r"\bprincipal\b|\bdistinguished\b|\bfellow\b|专家"),
    # "Staff Engineer" is a level in tech; a "Staff Accountant" is not.
    ("lead", (r"\blead\b|\bstaff\s+(?:[\w/-]+\s+){0,3}(?:engineer|scientist|developer|designer|architect|researcher|sre)\b"
             r"|\bteam\s+leader\b|组长|主管|\bTL\b")),
    ("senior", r"\bsenior\b|\bsr\.?(?=\s|$)|高级|资深|(?-i:\bIII\b)"),
    ("mid", r"\bmid[- ]?level\b|\bintermediate\b|\bmid\b|中级|(?-i:\bII\b)"),
    ("junior", r"\bjunior\b|\bjr\.?(?=\s|$)|\bentry[- ]level\b|\bgraduate\b|\bnew\s+grad\b|初级|应届|校招"),
    ("intern", r"\bintern(?:ship)?\b|\bco-?op\b|实习"),
]
_SENIORITY_RE = [(s, re.compile(p, re.IGNORECASE)) for s, p in _SENIORITY]
# Outside the title, only "we are hiring a senior ..." counts (not "mentor junior engineers").
_HIRING = re.compile(
    r"(?:(?:looking\s+for|hiring|seeking|recruiting|join\s+us\s+as)\s+|(?:招聘|招募|寻找)\s*)(?:an?\s+|one\s+|多名|一名|\d+名)?"
    r"(?P<w>[^\s,.;，。；]+)",
    re.IGNORECASE,
)


def title_seniority(title: str) -> Seniority | None:
    """Seniority named in a job title; interns beat "graduate" only when both appear."""
    found = [s for s, rx in _SENIORITY_RE if rx.search(title)]
    if not found:
        return None
    if "intern" in found:  # "Graduate Intern", "Senior Intern Program": the intern is the hire
        return "intern"
    return found[0]


def text_seniority(text: str) -> Seniority | None:
    """Seniority from "we are looking for a Senior ..." / "招聘高级..." in the body."""
    for m in _HIRING.finditer(text):
        window = text[m.start("w"): m.start("w") + 40]
        window = re.split(r"\s(?:to|who|that|for|with|and|in|at)\s|[,.;，。；]", window, maxsplit=1)[0]
        level = title_seniority(window)
        if level:
            return level
    return None
