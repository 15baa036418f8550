"""The layout of a job description: title, sections, bullet items and clauses.

A job description is read as a list of clauses (the unit a cue word such as "a plus" or
"优先" applies to), each knowing which kind of section it sits in. Everything keeps
offsets into the job text so requirements can quote it.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from shortlist.profile.spans import Line, split_lines, trim

SectionKind = Literal[
    "title", "intro", "role", "resp", "req", "nice", "stack", "about", "benefits", "apply", "location", "other"
]
# Sections whose words never become requirements: they describe the employer, not the hire.
IGNORED_KINDS: frozenset[str] = frozenset({"about", "benefits", "apply"})

# Heading keywords per section kind, tried in this order (so "Preferred Qualifications" is
# nice-to-have before "Qualifications" makes it required).
_HEADINGS: list[tuple[SectionKind, str]] = [
    ("nice", (r"nice[\s-]*to[\s-]*haves?|preferred(?:\s+\w+)?|bonus(?:\s+points)?|pluses|plus|good[\s-]*to[\s-]*haves?"
             r"|desirable|desired(?:\s+\w+)?|extra\s+credit|ideally|optional|加分项?|优先条件|优先考虑|更佳|加分条件")),
    ("benefits", (r"benefits|perks|what\s+we\s+offer|we\s+offer|compensation|salary(?:\s+range)?|pay|why\s+join\s+us"
                 r"|why\s+you'?ll\s+love|福利待遇|薪资福利|薪酬福利|福利|待遇|薪资|薪酬")),
    ("apply", r"how\s+to\s+apply|to\s+apply|apply|application|contact|联系方式|投递方式|简历投递|应聘方式|联系我们|投递"),
    ("stack", r"(?:our\s+|the\s+)?tech(?:nology)?\s+stack|our\s+stack|tools\s+we\s+use|技术栈"),
    ("resp", (r"(?:key\s+|main\s+|core\s+|your\s+)?responsibilit(?:y|ies)|what\s+you(?:'ll|\s+will)\s+(?:be\s+)?do(?:ing)?"
             r"|duties|in\s+this\s+role|day[\s-]to[\s-]day|your\s+mission|(?:job\s+)?description"
             r"|岗位职责|工作职责|工作内容|职位描述|岗位描述|职责描述|职位职责|主要职责|你将负责|你的职责|工作描述|职责")),
    # Prose about the position: required like the body, but not a list of responsibilities.
    ("role", (r"(?:the|your)\s+role|about\s+the\s+(?:role|job|position)|role\s+overview|the\s+opportunity|overview"
             r"|summary|职位概述|岗位概述")),
    ("req", (r"(?:job\s+|key\s+|minimum\s+|basic\s+|required\s+)?requirements?|(?:minimum\s+|basic\s+|required\s+)?qualifications?"
            r"|must[\s-]*haves?|what\s+you(?:'ll|\s+will)?\s+bring|what\s+we(?:'re|\s+are)\s+looking\s+for"
            r"|who\s+you\s+are|you\s+have|you\s+are|about\s+you|your\s+profile|your\s+background|(?:required\s+)?skills"
            r"|experience|what\s+you\s+need|required|任职要求|岗位要求|任职资格|职位要求|技能要求|能力要求|任职条件"
            r"|我们希望你|我们期望|要求")),
    ("about", (r"about\s+us|about\s+the\s+(?:company|team)|who\s+we\s+are|our\s+company|the\s+company|company"
              r"|公司介绍|公司简介|关于我们|团队介绍|企业介绍")),
    ("location", r"(?:work\s+|job\s+)?location|工作地点|办公地点|工作城市|地点"),
]
_KIND_RE = [(kind, re.compile(rf"(?:{pat})", re.IGNORECASE)) for kind, pat in _HEADINGS]
_FILLER = r"(?:(?:key|main|core|our|your|the|job|minimum|basic|additional|other|general|technical|professional|what|and|&)\s+){0,2}"
_TAIL = r"(?:\s*(?:&|and|/|,)\s*[\w' ]{1,30})?(?:\s*[(（][^()（）]{1,30}[)）])?"

_DECOR = re.compile(r"^(?:#{1,6}\s*|\*{1,3}|_{2,3}|[【\[「『<]|[一二三四五六七八九十]+\s*[、.．]\s*|\d{1,2}\s*[.、．)]\s+)+")
_DECOR_END = re.compile(r"(?:\*{1,3}|_{2,3}|[】\]」』>]|\s|[:：])+$")
_MD_HEADING = re.compile(r"^#{1,6}\s")
_TAG = re.compile(r"^\s*(?:#{1,6}\s*)?[【\[][^】\]\n]{1,12}[】\]]\s*(?=\S)")  # "【北京】" before a title
_COLON = re.compile(r"[:：]")
_CJK = re.compile(r"[\u3400-\u9fff]")

BULLET = re.compile(
    r"^\s*(?:[-*+•·●○◦▪■□◆◇►▶➢➤✓✔–—>]|\d{1,2}\s*(?:、|[.)．:：](?!\d)|[.．](?=[0-46-9]\s*年))|[（(]\d{1,2}[)）]|[a-hA-H][.)](?=\s)"
    r"|[一二三四五六七八九十]{1,2}[、.．]|[①-⑳])\s*"
)
# A new item inside one line: "1、熟悉Go；2、有Kafka经验" or "(1) ... (2) ...".
_INLINE_ENUM = re.compile(
    r"(?<=[；;。，,\s])\d{1,2}[、．](?!\d)|(?<=[；;。])\s*\d{1,2}[.)](?!\d)|(?<=[；;。，,\s])[（(]\d{1,2}[)）]|[①-⑳]"
)
# Clause ends: sentences, semicolons, the Chinese comma (also as "," once NFKC-normalised,
# when it touches Chinese), and English ", but"/", ideally".
_CLAUSE_END = re.compile(
    r"[；;。！？!?]|，|(?<=[\u3400-\u9fff]),|,(?=\s*[\u3400-\u9fff])|(?<!\b[Ee]\.g)(?<!\b[Ii]\.e)(?<!\betc)(?<!\b[SJ]r)(?<!\bvs)\.(?=\s|$)"
    r"|,(?=\s+(?:but|while|though|although|ideally|preferably|bonus|plus|with\s+\w+\s+(?:a\s+)?plus)\b)",
)
_META_LABEL = re.compile(
    r"^\W*(?:company(?:\s+name)?|employer|公司名称|公司|企业名称|salary|薪资|薪酬|联系方式|contact)\W*[:：]", re.IGNORECASE
)
_TITLE_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:job\s*title|position(?:\s+title)?|role(?:\s+title)?|title|职位名称|岗位名称|招聘职位|招聘岗位|职位|岗位)"
    r"\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Heading:
    kind: SectionKind | None  # None: a heading of no known kind (keeps the current section)
    content_start: int | None  # inline content after "Requirements:" (offset), if any


@dataclass(slots=True)
class Clause:
    """A stretch of text one cue applies to. ``item`` numbers the bullet item it belongs to."""

    start: int
    end: int
    kind: SectionKind
    item: int


@dataclass(frozen=True, slots=True)
class Item:
    """A bullet item, or a line of prose, in the section numbered ``section``."""

    start: int
    end: int
    kind: SectionKind
    section: int
    bulleted: bool


@dataclass(slots=True)
class Layout:
    title: tuple[int, int] | None
    items: list[Item]
    clauses: list[Clause]
    kinds_seen: set[str]


def classify_heading(core: str, strict: bool) -> SectionKind | None:
    """Section kind named by a heading text. ``strict`` (no heading decoration) wants the
    keyword to be the whole line give or take filler words, so "Experience with Go" is no
    heading while "Experience" is."""
    core = core.strip()
    if not core:
        return None
    cjk = bool(_CJK.search(core))
    if cjk:
        if len(core) > (10 if strict else 16):
            return None
    elif len(core.split()) > (6 if strict else 8):
        return None
    for kind, rx in _KIND_RE:
        if strict:
            pat = (rf"[\u3400-\u9fff]{{0,2}}(?:{rx.pattern})[\u3400-\u9fff]{{0,2}}" if cjk
                   else rf"{_FILLER}(?:{rx.pattern}){_TAIL}")
            if re.fullmatch(pat, core, re.IGNORECASE):
                return kind
        elif rx.search(core):
            return kind
    return None


def _strip_decor(text: str) -> str:
    return _DECOR_END.sub("", _DECOR.sub("", text)).strip()


def read_heading(line: Line) -> Heading | None:
    """The heading a line is, if any: "## Requirements", "**Nice to have**", "任职要求：",
    "【岗位职责】", or an inline "Requirements: 5+ years ..." whose content follows the colon."""
    raw = line.text
    if BULLET.match(raw) and not _MD_HEADING.match(raw):
        body = BULLET.sub("", raw, count=1)
        # "1. Requirements:" numbered headings, but never "- Experience with Go".
        if not re.fullmatch(r"[^:：]{1,30}[:：]", body.strip()):
            return None
    marked = bool(_MD_HEADING.match(raw) or raw.startswith(("**", "【", "[", "__")) or raw.rstrip().endswith((":", "：")))
    colon = _COLON.search(raw)
    if colon and raw[colon.end():].strip():
        prefix = _strip_decor(raw[: colon.start()])
        kind = classify_heading(prefix, strict=True) if prefix else None
        if kind is None and prefix and len(prefix) <= 24:
            kind = classify_heading(prefix, strict=False)
        if kind is None:
            return None
        return Heading(kind, line.start + colon.end())
    core = _strip_decor(raw)
    kind = classify_heading(core, strict=not marked)
    if kind is not None:
        return Heading(kind, None)
    if _MD_HEADING.match(raw):
        return Heading(None, None)
    return None


def _title(text: str, lines: list[Line]) -> tuple[int, int] | None:
    """An explicit "Job Title:" line anywhere, else the first line when it reads like a title."""
    for line in lines[:40]:
        m = _TITLE_LABEL.match(line.text)
        if m and line.text[m.end():].strip():
            s, e = trim(text, line.start + m.end(), line.end)
            e -= len(line.text) - len(line.text.rstrip("*"))
            return (s, e) if s < e else None
    for line in [ln for ln in lines if not ln.blank][:3]:
        head = read_heading(line)
        if head is not None and head.kind is not None:
            return None  # the text opens with a section: no title line
        if _META_LABEL.match(line.text):
            continue  # "公司名称：…", "Company: …" above the title
        return _title_span(text, line)
    return None


def _title_span(text: str, line: Line) -> tuple[int, int] | None:
    """The title in its line: without Markdown marks, a leading "【北京】" tag, or brackets
    around the whole title; a bracket the title itself closes ("前端【急招】") stays."""
    raw = _TAG.sub("", line.text)
    core = re.sub(r"^(?:#{1,6}\s*|\*{1,3}|_{2,3})+|(?:\*{1,3}|_{2,3}|\s|[:：])+$", "", raw).strip()
    wrapped = re.fullmatch(r"[【\[「『](.+)[】\]」』]", core)
    if wrapped and not re.search(r"[【\[「『]", wrapped.group(1)):
        core = wrapped.group(1).strip()
    # A Markdown heading on the first line is the title even when long (forum posts).
    limit = 150 if _MD_HEADING.match(line.text) else 40 if _CJK.search(core) else 90
    if not core or len(core) > limit or core.endswith((".", "。")):
        return None
    s = line.start + line.text.find(core)
    return s, s + len(core)


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """One line -> items: the line itself, or its parts at inline enumerators ("1、 2、")
    and, in Chinese, at semicolons ("负责数据分析；搭建报表。")."""
    seg = text[start:end]
    cuts = [m.start() for m in _INLINE_ENUM.finditer(seg) if m.start() > 0]
    if _CJK.search(seg):
        cuts += [m.end() for m in re.finditer(r"[；;]", seg) if m.end() < len(seg)]
    bounds = sorted({0, *cuts, len(seg)})
    out = []
    for a, b in itertools.pairwise(bounds):
        m = BULLET.match(seg[a:b])
        if m:
            a += m.end()
        s, e = trim(text, start + a, start + b)
        if s < e:
            out.append((s, e, bool(m) or len(bounds) > 2))
    return out


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of one item: cut at sentence ends, semicolons and the Chinese comma."""
    out = []
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        # The delimiter itself is left out of the clause: quotes end on a word.
        s, e = trim(text, pos, m.start() if text[m.start()] in "；;，," else m.end())
        if s < e and text[s:e].strip("；;。，,.!?！？ "):
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, end)
    if s < e:
        out.append((s, e))
    return out


def read_layout(text: str) -> Layout:
    """Title, then every non-heading line as items under the kind of section it sits in.

    Text before the first heading is "intro"; a "## Something" heading of no known kind
    opens an "other" section (treated like the body of the job).
    """
    lines = split_lines(text)
    title = _title(text, lines)
    kind: SectionKind = "intro"
    section = 0
    kinds_seen: set[str] = set()
    items: list[Item] = []
    for line in lines:
        if line.blank or (title and line.start <= title[0] < max(line.end, line.start + 1)):
            continue
        head = read_heading(line)
        if head is not None:
            if head.kind == "location" and head.content_start is not None:
                s, e = trim(text, head.content_start, line.end)
                items.append(Item(s, e, "location", -1, False))
                continue
            kind = head.kind or "other"
            section += 1
            kinds_seen.add(kind)
            if head.kind is None:  # "## Backend (Go, remote)": its words still count
                items.append(Item(*trim(text, line.start, line.end), "other", section, False))
                continue
            if head.content_start is None:
                continue
            start = head.content_start
        else:
            start = line.start
        for s, e, bulleted in _split_items(text, start, line.end):
            items.append(Item(s, e, kind, section, bulleted))
    clauses: list[Clause] = []
    if title:
        clauses.append(Clause(title[0], title[1], "title", -1))
    for i, it in enumerate(items):
        for cs, ce in split_clauses(text, it.start, it.end):
            clauses.append(Clause(cs, ce, it.kind, i))
    clauses.sort(key=lambda c: c.start)
    return Layout(title, items, clauses, kinds_seen)
