"""Education entries: institution, degree (as written + normalised level), area, dates, GPA."""
from __future__ import annotations

import re

from shortlist.profile.dates import find_dates, find_ranges
from shortlist.profile.model import DegreeLevel, Education
from shortlist.profile.spans import Line, evidence

# Degree as written -> level. Order matters: longer / more specific forms first.
_LEVELS: list[tuple[str, DegreeLevel]] = [
    (r"ph\.?\s?d\.?|d\.?phil\.?|ed\.\s?d\.?|EdD|psy\.\s?d\.?|PsyD|m\.\s?d\.|d\.\s?sc\.|doctor(?:ate)?(?:\s+of\s+(?-i:[A-Z][a-z]+))?|博士(?:研究生)?", DegreeLevel.DOCTORATE),
    (
        (
            r"m\.?\s?b\.?\s?a\.?|m\.?[\s-]?tech\.?|m\.?\s?sc\.?|m\.\s?s\.?(?:\s?w\.?)?|m\.\s?a\.?|m\.\s?e\.?|m\.?\s?eng\.?"
            r"|m\.?\s?com\.?|m\.?\s?c\.?\s?a\.?|m\.?\s?phil\.?|m\.\s?ed\.?|ll\.?\s?m\.?|pgdbm|pgdba|pgdm|p\.?g\.?\s?d\.?m?|post[- ]?graduat(?:e|ion)"
            r"|MEd|ed\.\s?s\.|m\.?\s?s\.?\s?ed\.|MASc|MFA|MPH|MPA|MSN|MSW|masters?(?:'s)?(?:\s+of\s+(?-i:[A-Z][a-z]+(?:\s+(?!In\b)[A-Z][a-z]+)?)|\s+degree)?|MA|MS|ME|硕士(?:研究生)?|研究生|工学硕士|MBA"
        ),
        DegreeLevel.MASTER,
    ),
    (
        (
            r"b\.?[\s-]?tech\.?|b\.?\s?sc\.?|b\.\s?s\.?|b\.\s?a\.?|b\.\s?e\.?|b\.?\s?eng\.?|b\.?\s?com\.?|b\.?\s?c\.?\s?a\.?"
            r"|b\.?\s?b\.?\s?a\.?|b\.\s?ed\.?|ll\.?\s?b\.?|b\.?\s?arch\.?|b\.?\s?pharm\.?|mbbs|bachelors?(?:'s)?(?:\s+of\s+(?-i:[A-Z][a-z]+"
            r"(?:\s+(?!In\b)[A-Z][a-z]+)?)|\s+degree)?|graduat(?:e|ion)|b\.?\s?s\.?\s?ed\.|BASc|BFA|BSN|BBA|BA|BS|BE|BEd|本科|学士|统招本科|全日制本科"
        ),
        DegreeLevel.BACHELOR,
    ),
    (r"associate(?:'s)?\s+(?:degree|of\s+(?-i:[A-Z][a-z]+))|a\.\s?a\.|a\.\s?s\.|diploma|大专|专科|高职", DegreeLevel.ASSOCIATE),
    (
        (
            r"high\s+school|higher\s+secondary|senior\s+secondary|secondary(?:\s+school)?|hsc|ssc|ged|12th|10th"
            r"|intermediate|matriculation|高中|中专|职高"
        ),
        DegreeLevel.HIGH_SCHOOL,
    ),
]
_CASE_SENSITIVE = {
    "MA", "MS", "ME", "BA", "BS", "BE", "MBA", "BEd", "MEd", "BSc", "MSc", "EdD", "PsyD", "MASc", "MFA", "MPH", "MPA",
    "MSN", "MSW", "BASc", "BFA", "BSN", "BBA",
}


def _alt(pat: str) -> str:
    # Short all-caps abbreviations only count in upper case ("BE", not "be").
    parts = pat.split("|")
    return "|".join(f"(?-i:{p}){_NOT_SOFTWARE}" if p in _CASE_SENSITIVE else p for p in parts)


# "MS Office", "MS-Excel": Microsoft, not a Master of Science.
_NOT_SOFTWARE = (
    r"(?![\s-]*(?i:office|word|excel|access|project|sql|dos|windows|visio|outlook|power\s?point|teams|dynamics|paint))"
)


DEGREE_RE = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(f"(?P<l{i}>{_alt(p)})" for i, (p, _) in enumerate(_LEVELS)) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
INSTITUTION_RE = re.compile(
    r"(?:[A-Z][\w.&'’\-]*\s+){0,6}(?i:University|College|Institute|School|Academy|Polytechnic|Vidyalaya|Vidyapeeth)\b"
    r"(?:\s+(?:of|for|and|&|at)(?:\s+(?:and|&|of)?\s*[A-Z][\w.&'’\-]*){1,5})?"
    r"|[\u4e00-\u9fff（）()]{2,20}?(?:大学|学院|学校|中学|研究院|研究所)(?:[\u4e00-\u9fff]{0,6}(?:校区|分校))?",
)
_AREA_EN = re.compile(r"\s*\(?\s*(?:in|of)\s+([A-Z][A-Za-z&/,\-. ]{2,60}?)(?=\s*(?:[,|\-–(\n]|from\b|at\b|$|\d))")
_AREA_LABEL = re.compile(r"(?:专业|major|field of study|specialization|specialisation)\s*[:：]\s*([^\s|｜,，;；]{2,40})", re.IGNORECASE)
_AREA_ZH = re.compile(r"[\u4e00-\u9fff]{2,16}(?:专业|工程|科学|技术|管理|学|设计|经济|金融|会计|法学|医学)(?![\u4e00-\u9fff])")
_GPA = re.compile(r"(?:GPA|CGPA|CPI|绩点|平均绩点|Percentage|Score)\s*[:：]?\s*(?:of\s+)?(\d{1,2}(?:\.\d{1,2})?\s*(?:/\s*\d{1,3}(?:\.\d+)?|%)?)", re.IGNORECASE)


_ZH_TOKEN = re.compile(r"[^\s|｜/,，;；]+")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff（）()]{2,20}$")


def _zh_area(line: str, im: re.Match | None) -> str | None:
    """The field of study in "2013.09-2017.06  武汉大学  信息管理与信息系统  学士": the CJK token
    that is neither the school, the degree nor a date; else a word ending like a discipline."""
    for tok in _ZH_TOKEN.findall(line):
        if im and (tok in im.group(0) or im.group(0) in tok):
            continue
        if _CJK_ONLY.match(tok) and not DEGREE_RE.search(tok) and not INSTITUTION_RE.search(tok):
            return tok
    rest = line.replace(im.group(0), " ") if im else line
    zm = _AREA_ZH.search(rest)
    return zm.group(0) if zm and not DEGREE_RE.fullmatch(zm.group(0)) else None


def degree_level(s: str) -> DegreeLevel | None:
    """Normalised level of a degree string ("B.Sc." -> bachelor, "硕士" -> master)."""
    m = DEGREE_RE.search(s)
    if not m:
        return None
    return _level_of(m)


def _level_of(m: re.Match) -> DegreeLevel:
    for i, (_, level) in enumerate(_LEVELS):
        if m.group(f"l{i}"):
            return level
    return DegreeLevel.OTHER


def _degree_phrase(line: str, m: re.Match) -> tuple[int, int]:
    """Extend "B.E." to "B.E. in Computer Science" / "Bachelor of Science in X" when written so."""
    end = m.end()
    tail = line[end:]
    am = re.match(r"\s*(?:\(?\s*(?:in|of)\s+[A-Z][A-Za-z&/\-. ]{1,60}?\)?)(?=\s*(?:[,|\-–(]|from\b|at\b|$|\d|\s{2}))", tail)
    if am:
        end += am.end()
    return m.start(), end


_PLAIN_REJECT = re.compile(r"[:：@/|]|\d|^[A-Z][a-z]+, [A-Z]{2}\b|^(?:certificate|institute|board|year|percentage|grade)\b", re.IGNORECASE)


# A certificate listed among degrees: "Certificate of University Teaching", "Teaching Certificate",
# "Certificate in English and Comparative Law". Kept apart from DEGREE_RE (the job parser
# reads that one, and "certification preferred" is no degree requirement).
_CERT_LINE = re.compile(
    r"^(?:[A-Z][\w&'-]*\s+){0,4}(?:Certificate|Certification)(?:\s+(?:in|of|for)\s+(?:[A-Z][\w&'-]*|and|&)(?:\s+(?:[A-Z][\w&'-]*|and|&|of)){0,6})?"
)


def _is_plain(s: str, dm: re.Match | None, im: re.Match | None) -> bool:
    """A short line that is neither degree, institution, date nor label: maybe a degree name."""
    return not dm and not im and 2 <= len(s) <= 60 and not _PLAIN_REJECT.search(s)


def parse_education(text: str, lines: list[Line], chinese: bool, guess_untitled: bool = True) -> list[Education]:
    """Entries in one education section: a new entry starts at each new degree or institution.

    ``guess_untitled`` takes an unrecognised line above an institution as its degree; it is
    off for flattened text, where such "lines" are fragments.
    """
    entries: list[dict] = []
    plain: Line | None = None  # the previous line, when it matched nothing
    for line in lines:
        if line.blank:
            continue
        s = line.text
        dm = DEGREE_RE.search(s)
        im = INSTITUTION_RE.search(s)
        inst = im.group(0) if im else None
        cert = None if dm else _CERT_LINE.match(s)  # "Teaching Certificate, K-12": a qualification too
        if dm and im and dm.start() >= im.start() and dm.end() <= im.end():
            lead = s[im.start():dm.start()].strip()
            rest = s[dm.end():im.end()].strip(" .,")
            if not lead and rest[:1].isupper() and INSTITUTION_RE.search(rest):
                inst = INSTITUTION_RE.search(rest).group(0)  # "B.E Anna University": degree, then school
            else:
                dm = None  # "Institute of Technology" holds no degree; "School of X" is the institution
        last = entries[-1] if entries else None
        # "Electrical engineering" / "VSSUT University": an unrecognised line right above an
        # institution is that entry's degree (low confidence).
        untitled = plain if (guess_untitled and im and not dm and plain is not None) else None
        if last is None or ((dm or cert) and last.get("degree")) or (im and last.get("institution") and not (dm or cert)):
            start = untitled.start if untitled is not None else line.start
            entries.append({"start_off": start, "end_off": line.end})
        e = entries[-1]
        e["end_off"] = line.end
        if untitled is not None and not e.get("degree"):
            e["degree"] = untitled.text.strip(" ,-–—")
            e["level"] = degree_level(untitled.text)
            e["guessed"] = True
        plain = line if _is_plain(s, dm, im) else None
        if cert is not None and not e.get("degree"):
            e["degree"] = cert.group(0).strip().rstrip(",")
            e["level"] = DegreeLevel.OTHER
        if dm and not e.get("degree"):
            ds, de = _degree_phrase(s, dm)
            e["degree"] = s[ds:de].strip().rstrip(",")
            e["level"] = _level_of(dm)
            am = _AREA_EN.match(s, dm.end(), de) if de > dm.end() else None
            if am:
                e["area"] = am.group(1).strip().rstrip(",.")
        if inst and not e.get("institution"):
            e["institution"] = inst.strip().rstrip(",")
        lm = _AREA_LABEL.search(s)
        if lm and not e.get("area"):
            e["area"] = lm.group(1)
        elif chinese and not e.get("area") and (im or dm):  # only on an entry's own line
            area = _zh_area(s, im)
            if area:
                e["area"] = area
        rngs = find_ranges(s)
        if rngs and not e.get("start"):
            e["start"], e["end"] = rngs[0].start, rngs[0].end
            e["current"] = rngs[0].current
        elif not e.get("end") and not e.get("start"):
            ds_ = find_dates(s)
            if ds_:
                e["end"] = ds_[-1][0]
        gm = _GPA.search(s)
        if gm and not e.get("gpa"):
            e["gpa"] = gm.group(1).replace(" ", "")
    out: list[Education] = []
    for e in entries:
        if not (e.get("degree") or e.get("institution")):
            continue
        found = sum(bool(e.get(k)) for k in ("degree", "institution", "end")) - bool(e.get("guessed"))
        out.append(
            Education(
                institution=e.get("institution"),
                degree=e.get("degree"),
                level=e.get("level"),
                area=e.get("area"),
                start=e.get("start"),
                end=e.get("end"),
                gpa=e.get("gpa"),
                evidence=evidence(text, e["start_off"], e["end_off"], 0.5 + 0.15 * found),
                confidence=round(0.5 + 0.15 * found, 2),
            )
        )
    return out


_POSTNOMINAL = re.compile(r"\s*,\s*([A-Za-z][A-Za-z.\s]{0,9}?\.?)(?=\s*(?:,|\(|\s{2}|\||$))")


def postnominal_degrees(text: str, name_end: int, known: list[Education]) -> list[Education]:
    """Degrees written after the name ("Jane Roe, MBA, PMP", "J. Doe, Ph.D."): the candidate
    holds them even when the education section spells them out differently or is missing.
    Only levels no education entry already has are added (low confidence, no institution)."""
    line_end = text.find("\n", name_end)
    tail_end = min(len(text), name_end + 80, line_end if line_end >= 0 else len(text))
    pos = name_end
    out: list[Education] = []
    have = {e.level for e in known if e.level is not None}
    while pos < tail_end:
        m = _POSTNOMINAL.match(text, pos, tail_end)
        if not m:
            break
        pos = m.end()
        token = m.group(1).strip()
        dm = DEGREE_RE.fullmatch(token)
        if not dm:
            if re.fullmatch(r"[A-Z]{2,5}", token):
                continue  # "PMP", "CSM": a credential, not a degree; the list goes on
            break
        level = _level_of(dm)
        if level in have:
            continue
        have.add(level)
        ev = evidence(text, m.start(1), m.start(1) + len(token), 0.6)
        out.append(Education(degree=token, level=level, evidence=ev, confidence=0.6))
    return out


_WEAK_DEGREE = re.compile(
    r"^(?:graduat(?:e|ion)|post[- ]?graduat(?:e|ion)|secondary(?: school)?|higher secondary|senior secondary"
    r"|high school|intermediate|diploma|masters?|bachelors?|doctor(?:ate)?|MA|MS|ME|BA|BS|BE|m\.d\.)$",
    re.IGNORECASE,
)
_LEAD_MARK = re.compile(r"^[\W_]*(?:\d{4}\s*[-–:]?\s*(?:\d{4})?\s*[:–-]?\s*)?")


# DEGREE_RE behind a look-ahead for the characters a degree can start with (worked out from
# its alternatives; the look-behind alone enters every alternative at each word start): matches
# on the same lines, at half the cost. A pre-check only; the match itself comes from DEGREE_RE.
_DEGREE_QUICK = re.compile("(?=[1BEMPabdeghilmps专中全博大学工本研硕统职高])" + DEGREE_RE.pattern, DEGREE_RE.flags)


def degrees_elsewhere(text: str, lines: list[Line], skip: list[tuple[int, int]], known: list[Education]) -> list[Education]:
    """Degree lines outside the education section(s) ("ONGOING TRAINING: Bachelor of Science in
    General Engineering, 1993", a degree listed under certifications or in a two-column layout
    whose heading went astray). Only a line that starts with a degree written in full or as a
    distinctive abbreviation ("B.Tech", "MBA"), or that also names an institution, counts."""
    have = {(e.degree or "").casefold() for e in known}
    out: list[Education] = []
    for ln in lines:
        if ln.blank or len(ln.text) > 150 or any(a <= ln.start < b for a, b in skip):
            continue
        if not _DEGREE_QUICK.search(ln.text):
            continue
        dm = DEGREE_RE.search(ln.text)
        if not dm:
            continue
        im = INSTITUTION_RE.search(ln.text)
        lead = _LEAD_MARK.match(ln.text).end()
        starts = dm.start() <= lead
        ds, de = _degree_phrase(ln.text, dm)
        phrase = ln.text[ds:de].strip().rstrip(",")
        weak = _WEAK_DEGREE.match(phrase) is not None
        if not ((starts and not weak) or (im and (starts or not weak) and not (dm.start() >= im.start() and dm.end() <= im.end()))):
            continue
        if phrase.casefold() in have:
            continue
        found = parse_education(text, [ln], chinese=False, guess_untitled=False)
        for e in found:
            if e.degree and e.degree.casefold() not in have:
                have.add(e.degree.casefold())
                e.confidence = round(e.confidence * 0.8, 2)
                out.append(e)
    return out
