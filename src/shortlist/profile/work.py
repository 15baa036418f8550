"""Work entries: each date range in the experience section anchors one job.

The lines just above a date line (and the rest of the date line itself) form the entry's
header, from which employer, title and location are told apart by word lists; the lines
below, up to the next header, are the entry's bullets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from shortlist.profile.dates import DATE_RE, RANGE_RE, DateRange, find_ranges, months_between
from shortlist.profile.model import WorkItem
from shortlist.profile.sections import heading_name
from shortlist.profile.spans import Line, evidence

TITLE_WORDS = re.compile(
    r"\b(?:engineer|developer|programmer|manager|analyst|consultant|intern|internship|director|lead|architect"
    r"|designer|specialist|officer|associate|administrator|admin|executive|scientist|coordinator|assistant"
    r"|head|vp|vice president|president|representative|technician|teacher|professor|lecturer|accountant"
    r"|trainee|tester|supervisor|advisor|adviser|planner|writer|editor|recruiter|clerk|instructor|owner"
    r"|founder|co-founder|partner|cto|ceo|cfo|coo|member of technical staff|sde|sdet|qa|devops|agent|nurse"
    r"|therapist|worker|advertiser|fellow|researcher|auditor|operator|principal|strategist|controller"
    r"|buyer|cashier|attendant|secretary|receptionist|chef|driver|technologist|expert|mentor|tutor|freelancer"
    r"|contractor|staff|employee|trainer|merchandiser|marketer|marketing|sales|support|hr|member|coach"
    r"|counsell?or|musician|artist|pharmacist|physician|doctor|surgeon|paralegal|attorney|lawyer|banker"
    r"|teller|advocate|leader|mechanic|electrician|foreman|inspector|investigator|correspondent|journalist|producer|host"
    r"|economist|treasurer|aide|organi[sz]er|estimator|educator|copywriter|chair(?:man|person|woman)?|chief|sitter"
    r"|caregiver|apprentice|labou?rer|provost|registrar|librarian|dietitian|nutritionist|paramedic"
    r"|flight attendant|waiter|waitress|bartender|barista|janitor|security guard|dispatcher|translator"
    r"|interpreter|photographer|videographer|animator|illustrator|stylist|hairdresser|beautician|midwife|pharmacologist"
    r"|statistician|actuary|underwriter|realtor|negotiator|solicitor|barrister|counsel|notary)\b"
    r"|工程师|经理|主管|总监|专员|实习生|实习|助理|分析师|设计师|开发|顾问|主任|组长|架构师|运营|总裁|总经理|负责人"
    r"|研究员|会计|出纳|教师|讲师|销售|客服|测试|产品|专家|秘书|行政|前端|后端|算法|技术员|编辑",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|llp|plc|limited|pvt|private|corp|corporation|company|co|gmbh|ag|sa|bv|group|holdings"
    r"|technologies|technology|solutions|systems|services|software|labs?|consulting|consultancy|bank"
    r"|university|college|institute|school|hospital|clinic|agency|foundation|enterprises?|industries"
    r"|infotech|infosys|tcs|wipro|accenture|cognizant|capgemini|ibm|oracle|microsoft|google|amazon|deloitte"
    r"|international|global|partners|associates|networks|media|studios?|ventures|pharma|motors|airlines)\b"
    r"|公司|集团|有限|银行|科技|网络|研究院|大学|学院|医院|事务所|工作室|中心|厂",
    re.IGNORECASE,
)
LOCATION_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2} ?, ?(?:[A-Z]{2}|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)"
    r"|remote|[\u4e00-\u9fff]{2,3}市?)$"
)
_CN_CITIES = frozenset(
    "北京 上海 广州 深圳 杭州 南京 成都 武汉 西安 苏州 天津 重庆 长沙 郑州 青岛 厦门 合肥 济南 大连 宁波 无锡 福州 沈阳"
    " 哈尔滨 昆明 珠海 东莞 佛山 香港 台北".split()
)
BULLET = re.compile(r"^\s*(?:[•·●■◆▪‣\-*–✓✔➢►>○◦]|\d{1,2}[.、)]|[（(]?\d{1,2}[)）])\s*")
# "â€“" and "ï1⁄4": a dash and a full-width bar that reached us as mojibake (UTF-8 read as cp1252).
_MOJIBAKE_SEP = r"|\s(?:â€\S|ï1⁄4|ï¼\S?)\s"
_SPLIT = re.compile(r"\s*(?:\||｜|\t|\s{2,}|\s[-–—]+\s|\s[-–—]+$|，|/\s|\s@\s|\(|\)|（|）" + _MOJIBAKE_SEP + r")\s*")
# "Acme, Inc." keeps its legal suffix: no split before one.
_SPLIT_NO_SLASH = re.compile(r"\s*(?:\||｜|\t|\s{2,}|\s[-–—]+\s|\s[-–—]+$|，|\s@\s|\(|\)|（|）" + _MOJIBAKE_SEP + r")\s*")
_COMMA = re.compile(r"\s*,\s+(?!(?i:inc|ltd|llc|llp|plc|corp|co|gmbh|pvt|limited|l\.l\.c)\b\.?)")
_AT = re.compile(r"^(.{2,80}?)\s+(?:at|@)\s+(.{2,80})$", re.IGNORECASE)
_DESC_START = re.compile(
    r"^(?:responsibilit|roles?(?:\s*(?:and|&)\s*responsibilit\w*)?\s*[:：]|project\s*(?:name|title|description|details"
    r"|\d+)?\s*[:：]|description|environment\s*[:：]|technolog\w*\s*(?:used)?\s*[:：]|tools\s*[:：]|client\s*[:：]"
    r"|duration|team size|key (?:responsibilit|achievement|result|skills)|achievements?\b|工作内容|工作职责|职责|项目描述"
    r"|项目内容|主要工作|负责|参与|主导|协助|完成|带领|独立|通过|实现|推动|优化|维护|搭建|编写|制定|跟进|组织|管理团队)",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"^\s*(?:(?P<emp>公司名称|公司|单位名称|单位|工作单位|雇主|company|employer|organi[sz]ation|firm)"
    r"|(?P<title>职位|岗位|职务|担任职务|担任|title|job title|position|role|designation)"
    r"|(?P<loc>工作地点|地点|城市|location|city)|(?P<dept>所在部门|部门|department|dept|team|团队))"
    r"\s*[:：]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_IGNORED_LABEL = re.compile(
    r"^(?:时间|日期|起止时间|工作时间|在职时间|任职时间|duration|period|dates?|from|to|tenure|worked)\s*[:：]?$",
    re.IGNORECASE,
)
# A Chinese organisation name ends in one of these; a space after it ends the name even
# when a PDF kept only one blank ("某某科技有限公司 Java开发工程师").
_CJK_ORG_END = re.compile(r"(?:(?<=公司)|(?<=集团)|(?<=银行)|(?<=大学)|(?<=学院)|(?<=医院)|(?<=研究院)|(?<=研究所)"
                          r"|(?<=事务所)|(?<=中心)|(?<=工作室)|(?<=厂))[ \t\u3000]+")
# "Acme Corp, Pune, India", "Globex, New York, NY", "Initech, Canada": the place written
# after an employer, taken off before the rest is split on commas.
_COUNTRIES = (
    r"india|usa|u\.s\.a\.?|us|uk|u\.k\.|united states|united kingdom|canada|australia|new zealand|singapore"
    r"|germany|france|netherlands|ireland|uae|dubai|china|japan|malaysia|philippines|south africa|kenya"
    r"|nigeria|pakistan|sri lanka|bangladesh|nepal|qatar|saudi arabia|oman|kuwait|bahrain|italy|spain|norway"
    r"|sweden|denmark|switzerland|belgium|poland|brazil|mexico"
)
_TRAIL_LOC = re.compile(
    rf",\s*(?:(?:[A-Z][A-Za-z.'\-]+ ?){{1,3}},\s*(?:[A-Z]{{2}}|(?i:{_COUNTRIES}))|(?i:{_COUNTRIES}))\.?$"
)
_MONTH_WORDS = (
    r"(?:jan(?:uary|uar)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\.?"
)
_MAX_HEADER = 90
_MAX_ABOVE = 2  # header lines looked for above a date line ("Title" / "Company" / "City, ST")
# A labelled line naming the client or project of a consulting job: part of the entry, not
# its header; skipped when looking for the header above the dates.
_ASIDE = re.compile(r"^(?:(?:end\s+)?clients?|customers?|projects?(?:\s+name)?|account)\s*[:：-]\s*\S", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


def is_title_like(s: str) -> bool:
    """Whether ``s`` reads like a job title (has a title word)."""
    return TITLE_WORDS.search(s) is not None


_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$|^page \d+(?: of \d+)?$", re.IGNORECASE)


def _is_title_line(s: str) -> bool:
    """A short line that is a job title on its own ("Vice President, Sales")."""
    return len(s) <= 60 and _is_header_line(s) and not s.endswith(".") and _kind(s.split(",")[0]) == "title"


def _is_header_line(s: str) -> bool:
    """Short, not a bullet, not a sentence: could carry an employer or a title."""
    if not s or len(s) > _MAX_HEADER or BULLET.match(s) or _DESC_START.match(s):
        return False
    if s.endswith((":", "：")) and not _LABELLED.match(s):
        return False  # "Growth Path & Deputations:" introduces a list
    if s.endswith((".", "。", ";", "；")) and len(s) > 40:
        return False
    return True


_NOISE_PIECE = re.compile(
    r"^(?:\d+\+?\s*(?:years?|yrs?|months?|mos?|weeks?|hours?)\b.*|(?:part|full)[- ]time\b.*|temporary|permanent"
    r"|contract(?:ual)?|freelance|on[- ]?site|remote|hybrid|internal|current(?:[- ]job)?|present|till date|"
    + _MONTH_WORDS + r")$",
    re.IGNORECASE,
)
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    "|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming"
)
# A state (name, two-letter code, or the word "State" that anonymised resumes write) in front of a title.
_STATE_LEAD = re.compile(rf"^((?:{_US_STATES}|State))\s+(?=[A-Za-z])", re.IGNORECASE)
_AT_LEAD = re.compile(r"^(?:at|with|for)\s+(?=[A-Z])")


def _name_like(piece: str) -> bool:
    """An unclassified piece that could still name an employer or a title: short, capitalised,
    not a sentence ("Designed the billing system for 3 clients" is a bullet that lost its mark)."""
    words = piece.split()
    return (
        len(words) <= 8 and len(piece) <= 70
        and (piece[0].isupper() or piece[0].isdigit() or not piece[0].isalpha() or not piece[0].isascii())
        and not piece.endswith((".", ";", ":")) or (len(words) <= 4 and piece[:1].isupper())
    )


_SLASH = re.compile(r"\s*/\s+|\s+/\s*")


def _split_pieces(s: str) -> list[str]:
    """Header pieces; "Project Manager / Technology Lead" stays one title (two roles held
    together), while "Engineer / Acme Corp" splits into title and employer."""
    out: list[str] = []
    for x in _SPLIT_NO_SLASH.split(s):
        parts = [y for y in _SLASH.split(x) if y.strip()]
        if len(parts) > 1 and all(_kind(y.strip(" -–—,:|")) == "title" for y in parts):
            out.append(x)
        else:
            out += parts
    return out


@lru_cache(maxsize=8192)
def _kind(piece: str) -> str:
    if LOCATION_RE.match(piece) and not COMPANY_WORDS.search(piece) and not TITLE_WORDS.search(piece):
        if re.match(r"^[\u4e00-\u9fff]", piece) and piece.rstrip("市") not in _CN_CITIES:
            return "unknown"
        return "location"
    c = bool(COMPANY_WORDS.search(piece))
    t = bool(TITLE_WORDS.search(piece))
    if c and not t:
        return "company"
    if t and not c:
        return "title"
    if t and c:
        # "Software Engineer, Google" never lands here; "IT Services Manager" does: trust the
        # head word (last word for English titles, last chars for Chinese).
        last = piece.split()[-1] if " " in piece else piece[-3:]
        return "title" if TITLE_WORDS.search(last) else "company"
    return "unknown"


@dataclass(frozen=True, slots=True)
class _Header:
    employer: str | None
    title: str | None
    location: str | None
    sure_title: bool  # found by a title word or a label, not just by position


def split_header(pieces: list[str]) -> tuple[str | None, str | None, str | None]:
    """(employer, title, location) from the header pieces of one entry."""
    h = _read_header(pieces)
    return h.employer, h.title, h.location


def _read_header(pieces: list[str]) -> _Header:
    return _read_header_t(tuple(pieces))


@lru_cache(maxsize=4096)
def _read_header_t(pieces: tuple[str, ...]) -> _Header:
    flat: list[str] = []
    for p in pieces:
        m = _AT.match(p)
        if m and TITLE_WORDS.search(m.group(1)):
            flat += [m.group(1), "\x00company:" + m.group(2)]
            continue
        for x in _split_pieces(_CJK_ORG_END.sub("  ", p)):
            x = x.strip(" -–—,:|")
            if not x:
                continue
            tm = _TRAIL_LOC.search(x)
            if tm and tm.start() > 0 and _kind(x) != "location":
                head = [y for y in _COMMA.split(x[:tm.start()]) if y]
                if len(head) == 1 and _kind(head[0]) != "title":
                    head = ["\x00company:" + head[0]]  # an organisation is written with its place
                flat += head + ["\x00location:" + x[tm.start():].strip(" ,")]
                continue
            # "Pune, Maharashtra" is one location; "Engineer, Acme Inc" is two pieces.
            flat += [x] if _kind(x) == "location" else [y for y in _COMMA.split(x) if y]
    employer = title = location = None
    unknown: list[str] = []
    rest: list[str] = []
    for piece in flat:
        lm = _LABELLED.match(piece)
        if lm:
            value = lm.group("value").strip(" -–—,:|")
            if lm.group("emp") and employer is None and value:
                employer = value
            elif lm.group("title") and title is None and value:
                title = value
            elif lm.group("loc") and location is None and value:
                location = value
            continue
        if _IGNORED_LABEL.match(piece.strip(" -–—,:|·•")):
            continue
        rest.append(piece)
    for n_piece, piece in enumerate(rest):
        piece = piece.strip(" -–—,:|·•")
        if piece.startswith("\x00location:"):
            location = location or piece[len("\x00location:"):]
            continue
        if piece.startswith("\x00company:"):
            employer = employer or piece[len("\x00company:"):].strip(" -–—,")
            continue
        if not piece or len(piece) < 2 or not _LETTER.search(DATE_RE.sub(" ", RANGE_RE.sub(" ", piece))):
            continue  # a second date, a number: not a name or a title
        if _NOISE_PIECE.match(piece) or _ASIDE.match(piece):
            continue  # "1 Year 3 Months", "part-time", "Client: Acme": about the job, not its header
        piece = _AT_LEAD.sub("", piece)
        sm = _STATE_LEAD.match(piece) if n_piece else None
        if sm and TITLE_WORDS.search(piece[sm.end():]):
            # "..., City , State Accountant", "..., Texas Data Analyst": the place ends where the title begins
            location = location or sm.group(1)
            piece = piece[sm.end():]
        kind = _kind(piece)
        if kind == "company" and employer is None and (len(piece.split()) <= 3 or _name_like(piece.lstrip("{[(•·*- "))):
            employer = piece
        elif kind == "title" and title is None:
            title = piece
        elif kind == "location" and location is None:
            location = piece
        elif kind == "unknown" and _name_like(piece):
            unknown.append(piece)
    sure_title = title is not None
    # Unclassified pieces fill the empty slots: employer first when a title was found
    # (the usual "Title / Company" pairing), otherwise title first.
    for piece in unknown:
        if employer is None and title is not None:
            employer = piece
        elif title is None and employer is not None:
            title = piece  # next to a known employer, the other name is the title
    return _Header(employer, title, location, sure_title)


def parse_work(
    text: str, lines: list[Line], today: date | None = None, undated_ok: bool = True
) -> list[WorkItem]:
    """Entries of one experience section (``lines`` are that section's lines, heading excluded).

    ``undated_ok`` lets a section without any dated header still yield one entry from its
    first lines; it is off when scanning a whole resume that has no experience heading.
    """
    # Page furniture (a profile URL in the footer, "Page 2") may fall between a title and
    # its employer; it belongs to no entry.
    body = [ln for ln in lines if not ln.blank and not _URL_LINE.match(ln.text)]
    anchors: list[tuple[int, DateRange]] = []
    in_prose: list[tuple[int, DateRange]] = []
    for i, ln in enumerate(body):
        rngs = find_ranges(ln.text)
        if rngs:
            r = rngs[0]
            found = (i, DateRange(r.start, r.end, r.current, (r.span[0] + ln.start, r.span[1] + ln.start)))
            # A date inside a bullet or a long sentence is a detail of an entry, not its head.
            # A table row "Jan 2024 – Present | Employer | Role | Highlights" is a header however long.
            table_row = r.span[0] <= 2 and "|" in ln.text[r.span[1]:r.span[1] + 4]
            prose = (bool(BULLET.match(ln.text)) or len(ln.text) > 120) and not (_WORKED_AS.search(ln.text) or table_row)
            (in_prose if prose else anchors).append(found)
    if not anchors:
        # No dated header: one entry from the section's leading lines ("Title" / "Company -"),
        # dated by the first date in its text when there is one.
        return _undated_entry(text, body, in_prose[0][1] if in_prose else None, today) if undated_ok else []
    # The date line's own text first; when it lacks an employer or a title, up to 2 short
    # lines above it that no earlier entry owns (stopping at a bullet or a sentence), then
    # up to 2 short lines below it.
    rests = [_worked_as(body[i].text) or _rest_of(text, body[i], rng) for i, rng in anchors]
    heads: list[int] = []
    prev_anchor = -1
    for idx, (i, _) in enumerate(anchors):
        h = i
        own = _read_header([rests[idx]] if rests[idx] else [])
        if not (own.employer and own.title and own.sure_title):
            taken = 0
            while h - 1 > prev_anchor and taken < _MAX_ABOVE:
                above = body[h - 1].text
                if _ASIDE.match(above) or not re.search(r"\w", above):
                    # "Client: BC Hydro" or a lone "-" between the header and its dates
                    h -= 1
                    continue
                if not _is_header_line(above) or (idx > 0 and above.endswith((".", "。"))):
                    break
                h -= 1
                taken += _kind(above) != "location"  # "San Mateo, CA" under a title does not count
        heads.append(h)
        prev_anchor = i
    items: list[WorkItem] = []
    for idx, (i, rng) in enumerate(anchors):
        head = heads[idx]
        stop = heads[idx + 1] if idx + 1 < len(anchors) else len(body)
        date_line = body[i]
        # The date line's own text first: when it names both, lines above only add what it lacks.
        pieces: list[str] = ([rests[idx]] if rests[idx] else []) + [
            body[k].text for k in range(head, i) if not _ASIDE.match(body[k].text)
        ]
        after = i + 1
        while not _has_two(pieces) and after < stop and after - i <= 2 and _is_header_line(body[after].text):
            pieces.append(body[after].text)
            after += 1
        if (after == i + 1 and after + 1 < stop and not _read_header(pieces).title
                and _is_title_line(body[after + 1].text) and not _is_header_line(body[after].text)):
            # "Acme Corp, Boston, MA / 2000 to Present / One sentence about Acme. / Vice President":
            # the title sits under a line describing the employer.
            pieces.append(body[after + 1].text)
            after += 2
        employer, title, location = split_header(pieces)
        bullets = [BULLET.sub("", body[k].text).strip() for k in range(after, stop)]
        bullets = [b for b in bullets if b]
        found = sum(x is not None for x in (employer, title))
        conf = round(0.5 + 0.2 * found, 2)
        start_off = body[head].start
        end_off = body[stop - 1].end if stop > head else date_line.end
        items.append(
            WorkItem(
                employer=employer,
                title=title,
                location=location,
                start=rng.start,
                end=rng.end,
                current=rng.current,
                months=months_between(rng.start, rng.end, rng.current, today),
                bullets=bullets,
                evidence=evidence(text, start_off, end_off, conf),
                confidence=conf,
            )
        )
    return items


def _undated_entry(text: str, body: list[Line], rng: DateRange | None, today: date | None) -> list[WorkItem]:
    head: list[Line] = []
    for ln in body[:3]:
        if not _is_header_line(ln.text):
            break
        head.append(ln)
    h = _read_header([ln.text for ln in head])
    if not head or not (h.employer or h.title):
        return []
    bullets = [b for b in (BULLET.sub("", ln.text).strip() for ln in body[len(head):]) if b]
    conf = 0.4 if rng is None else 0.5
    return [
        WorkItem(
            employer=h.employer,
            title=h.title,
            location=h.location,
            start=rng.start if rng else None,
            end=rng.end if rng else None,
            current=rng.current if rng else False,
            months=months_between(rng.start, rng.end, rng.current, today) if rng else None,
            bullets=bullets,
            evidence=evidence(text, body[0].start, body[-1].end, conf),
            confidence=conf,
        )
    ]


# "Worked as Software Engineer with Acme Ltd from Dec 2015 to Sept 2016": the whole job in
# one sentence, common in Indian resumes (also "Working as ... in/at/for ...").
_WORKED_AS = re.compile(
    r"\b(?i:(?:work(?:ing|ed)|employed|serv(?:ing|ed)|associated)\s+as\s+(?:an?\s+)?)(?P<title>[A-Za-z][\w.&/ -]{1,60}?)"
    r"\s+(?:with|at|in|for)\s+(?:M/s\.?\s+)?(?P<emp>[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|&|of|and))*)",
)


def _worked_as(line: str) -> str | None:
    """Header pieces "Title | Company" from a "worked as ... with ..." sentence, when it has one."""
    m = _WORKED_AS.search(line)
    if not m or not is_title_like(m.group("title")):
        return None
    return f"{m.group('title')} | \x00company:{m.group('emp').strip(' .,')}"


def _rest_of(text: str, line: Line, rng: DateRange) -> str:
    """The date line without its date: often "Company, Title" or "Title | Company"."""
    rest = text[line.start:rng.span[0]] + "  " + text[rng.span[1]:line.end]
    return re.sub(r"^[\W_]+|[\W_]+$", "", rest.strip())


def _has_two(pieces: list[str]) -> bool:
    h = _read_header(pieces)
    return h.employer is not None and h.title is not None


_CONTACTISH = re.compile(r"@|https?://|www\.|\d{3}|email me|resume|curriculum|vitae|\bcv\b", re.IGNORECASE)


def find_headline(text: str, lines: list[Line], name_end: int) -> tuple[int, int] | None:
    """Span of the job title written right after the name: "Jane Roe / Data Analyst",
    "Jane Roe / Java Developer - Infosys Limited", "Jane Roe Data Analyst - Infosys". Only the
    rest of the name line or the next line is looked at, and only a piece with a title word counts."""
    for ln in [ln for ln in lines if not ln.blank and ln.end > name_end][:2]:
        start = max(ln.start, name_end)
        chunk = text[start:ln.end]
        body = chunk.strip(" ,-–—|:\t")
        rest_of_name_line = start > ln.start
        if not body:
            continue
        if len(body) > 80 or _CONTACTISH.search(body) or BULLET.match(body) or LOCATION_RE.match(body):
            if rest_of_name_line:
                continue  # "Jane Roe | jane@x.org": the next line may still hold the title
            break
        h = _read_header([body])
        if not (h.title and h.sure_title):
            break
        i = chunk.find(h.title)
        return (start + i, start + i + len(h.title)) if i >= 0 else None
    return _title_line_in_header(text, lines, name_end)


def _title_line_in_header(text: str, lines: list[Line], name_end: int) -> tuple[int, int] | None:
    """A title standing on its own line further down the header block ("SOCIAL MEDIA MANAGER"
    under the address, "Title: Sr. Java Developer"); the header ends at the first heading."""
    seen = 0
    for ln in lines:
        if ln.blank or ln.end <= name_end:
            continue
        seen += 1
        if seen > 10 or heading_name(ln.text):
            return None
        lm = _LABELLED.match(ln.text)
        if lm and lm.group("title"):
            value = lm.group("value").strip(" -–—,:|")
            i = ln.text.rfind(value)
            return (ln.start + i, ln.start + i + len(value)) if value and i >= 0 else None
        body = ln.text.strip(" -–—,:|•")
        if (len(body) <= 60 and len(body.split()) <= 7 and not _CONTACTISH.search(body) and not re.search(r"\d", body)
                and not body.endswith(".") and _kind(body) == "title"):
            i = ln.text.find(body)
            return (ln.start + i, ln.start + i + len(body))
    return None
