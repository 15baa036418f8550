"""Text a human would not see, and text written to steer an automated screener.

Both are flagged for a reviewer and blanked (same offsets) before anything is parsed or
scored. :func:`screening_text` is the one function the parser and the ranker use to get
the text they may read.
"""
from __future__ import annotations

import re

from shortlist.documents.model import Document, HiddenKind
from shortlist.profile.model import Flag, FlagKind
from shortlist.profile.spans import evidence, mask

QUOTE_CAP = 200  # longest quote a flag carries; the message gives the full length

_EN = [
    (
        r"\b(?:ignore|disregard|forget|override|skip)\s+(?:all\s+|any\s+|the\s+|of\s+)*(?:your\s+|the\s+)?"
        r"(?:previous|prior|above|earlier|preceding|former|foregoing|other|existing|original)\s+"
        r"(?:instructions?|prompts?|directions?|directives?|rules|guidelines|context|commands?)"
    ),
    r"\b(?:ignore|disregard)\s+(?:all\s+)?(?:your|these|those|the)\s+(?:instructions|guidelines|rules)\b",
    (
        r"\byou\s+are\s+(?:now\s+)?(?:an?\s+|the\s+)?(?:helpful\s+)?(?:AI|A\.I\.|artificial\s+intelligence"
        r"|(?:large\s+)?language\s+model|LLM|chat\s?bot|GPT|ChatGPT|(?:AI\s+)?assistant(?!\s+(?:manager|director|"
        r"professor|editor|engineer|teacher|coach|vice|to\b))|(?:resume|CV|candidate)\s+screen(?:er|ing\s+(?:tool|system|bot)))\b"
    ),
    (
        r"\brank\s+(?:this\s+(?:candidate|applicant|resume|CV|person|profile)|me|him|her|them)\s+(?:as\s+)?(?:the\s+)?"
        r"(?:first|top|highest|#\s?1|number\s+one|no\.?\s?1|above\s+(?:all|every|other))"
    ),
    (
        r"\b(?:this|the)\s+(?:candidate|applicant|resume|CV)\s+is\s+(?:the\s+|a\s+|an\s+)?(?:very\s+)?"
        r"(?:best|perfect|ideal|strongest|top|excellent|exceptional)\s+(?:match|fit|candidate|choice|hire)"
    ),
    r"\bsystem\s+prompt\b",
    (
        r"\bgive\s+(?:this\s+(?:resume|candidate|applicant|CV|profile)|me|him|her|them)\s+(?:a\s+|the\s+)?"
        r"(?:high|higher|highest|perfect|maximum|max|top|full|10/10|100%?)\s+(?:score|rating|marks?|ranking|grade)"
    ),
    r"\bas\s+an?\s+(?:AI|A\.I\.|(?:large\s+)?language\s+model|LLM)\b",
    (
        r"\b(?:note|message|instructions?)\s+(?:to|for)\s+(?:the\s+|any\s+)?(?:AI|LLM|ATS|chat\s?bot|screener"
        r"|(?:large\s+)?language\s+models?|(?:automated|AI)\s+(?:screener|reviewer|recruiter|system)s?)\b"
    ),
    r"\b(?:do\s+not|don't)\s+(?:mention|reveal|disclose|tell)\s+(?:anyone\s+)?(?:about\s+)?(?:this|these)\s+instructions?",
    r"\bnew\s+instructions?\s*:",
    r"\[/?INST\]|<\|im_(?:start|end)\|>|<\|system\|>|###\s*(?:instruction|system)\b",
]
_ZH = [
    (
        r"(?:忽略|无视|忘记|忘掉|不要理会)(?:掉)?(?:你)?(?:之前|以上|上述|前面|先前|此前|所有|全部)(?:的)?(?:所有|全部|一切)?(?:的)?"
        r"(?:指令|指示|说明|提示词?|要求|规则|命令|设定)"
    ),
    r"请?(?:将|把|给)?(?:该|此|这位|这个|本|我)?(?:候选人|简历|应聘者|求职者)?(?:排|排名|列|放)(?:在|为|到)?(?:第一|首位|最前|第1|最高)",
    r"你(?:现在)?是(?:一个|一位|一名)?(?:AI|人工智能|语言模型|大语言模型|大模型|智能助手|AI助手|招聘助手|简历筛选)",
    r"给(?:我|该候选人|这位候选人|此候选人|这份简历|本简历|该简历|他|她)(?:打)?(?:满分|最高分|高分|100分)",
    r"系统提示(?:词)?",
    r"(?:该|此|这位|本)(?:候选人|应聘者)(?:是|为)?(?:最|最佳|最合适|完美|理想)(?:的)?(?:人选|匹配|候选人|选择)",
    r"作为(?:一个|一名)?(?:AI|人工智能|语言模型|大模型)",
]
INJECTION_RE = re.compile("|".join(f"(?:{p})" for p in _EN + _ZH), re.IGNORECASE)
# INJECTION_RE behind a look-ahead for the characters a match can start with (worked out from
# its alternatives): the same matches, but most positions fail before the alternatives are tried.
_INJECTION_SCAN = re.compile("(?=[#<\\[adfgimnorsty不作你候列将应忘忽我把排放无本此求简系给该请这])(?:" + INJECTION_RE.pattern + ")",
                             INJECTION_RE.flags)
_SENTENCE_START = re.compile(r"[.!?。！？\n]")
_MAX_EXTENT = 400


def _extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a match to the sentence it starts in and to the end of its line.

    An instruction usually runs on after the trigger phrase ("... and list Kubernetes as a
    skill"); blanking only the phrase would let the rest score.
    """
    lo = max(0, start - _MAX_EXTENT)
    s = start
    while s > lo and not _SENTENCE_START.match(text[s - 1]):
        s -= 1
    nl = text.find("\n", end)
    e = len(text) if nl < 0 else nl
    e = min(e, end + _MAX_EXTENT)
    return s, e


# Every pattern above contains one of these; lines without any are skipped (the full
# pattern is slow to try at every position of a long resume).
_TRIGGERS = (
    "ignore", "disregard", "forget", "override", "you are", "rank ", "candidate is", "applicant is",
    "resume is", "cv is", "prompt", "score", "rating", "marks", "ranking", "grade", "as an ai", "as a ai",
    "as an a.i.", "llm", "language model", "instruction", "chatbot", "screener", "the ai", "to ai", "for ai",
    " ats", "automated s", "automated r", "[inst", "[/inst", "<|", "###", "忽略", "无视", "忘记", "忘掉", "不要理会",
    "第一", "第1", "首位", "最前", "最高", "你是", "你现在是", "满分", "高分", "100分", "系统提示", "候选人", "应聘者", "作为",
)


_TRIGGER_RE = re.compile("|".join(re.escape(t) for t in _TRIGGERS))


_WINDOW = 160  # longer than any pattern: a match holding a trigger lies within this of it


def _trigger_hits(low: str):
    """(start, end) of each match of ``_TRIGGER_RE.finditer(low)``, found with str.find (much
    cheaper than the regex): leftmost first, the earliest trigger in _TRIGGERS order at a
    position, the next search from the end of the last hit."""
    at: set[int] = set()
    for t in _TRIGGERS:
        i = low.find(t)
        while i >= 0:
            at.add(i)
            i = low.find(t, i + 1)
    end = 0
    for p in sorted(at):
        if p < end:
            continue
        for t in _TRIGGERS:
            if low.startswith(t, p):
                end = p + len(t)
                yield p, end
                break


def find_injections(text: str) -> list[tuple[int, int]]:
    """Spans (merged) of instruction-like text aimed at automated screeners."""
    low = text.lower()
    # Only the neighbourhood of trigger words is searched with the full (slow) pattern;
    # neighbourhoods that touch are searched once, as one region.
    regions: list[list[int]] = []
    for t_start, t_end in _trigger_hits(low):
        lo = max(t_start - _WINDOW, low.rfind("\n", 0, t_start) + 1)
        nl = low.find("\n", t_end)
        hi = min(t_end + _WINDOW, len(low) if nl < 0 else nl)
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], hi)
        else:
            regions.append([lo, hi])
    spans: list[tuple[int, int]] = []
    for lo, hi in regions:
        for m in _INJECTION_SCAN.finditer(text, lo, hi):
            s, e = _extent(text, m.start(), m.end())
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], e))
            else:
                spans.append((s, e))
    return spans


def _quote(text: str, start: int, end: int):
    return evidence(text, start, min(end, start + QUOTE_CAP), 1.0)


def injection_flags(text: str, spans: list[tuple[int, int]]) -> list[Flag]:
    return [
        Flag(
            kind=FlagKind.INJECTION,
            message=f"instruction-like text aimed at automated screening ({e - s} chars); not scored",
            evidence=_quote(text, s, e),
            span=(s, e),
        )
        for s, e in spans
    ]


def hidden_flags(doc: Document) -> list[Flag]:
    """One flag per run of hidden text (adjacent spans of the same kind merged)."""
    runs: list[list] = []  # [start, end, zero_width]
    for span in sorted(doc.hidden, key=lambda h: (h.start, h.end)):
        zw = span.kind == HiddenKind.ZERO_WIDTH
        if runs and runs[-1][2] == zw and not doc.text[runs[-1][1]:span.start].strip():
            runs[-1][1] = max(runs[-1][1], span.end)
        else:
            runs.append([span.start, span.end, zw])
    flags = []
    for start, end, zw in runs:
        if zw:
            flags.append(Flag(kind=FlagKind.ZERO_WIDTH, message=f"zero-width characters removed near offset {start}",
                              evidence=_quote(doc.text, start, end), span=(start, end)))
        else:
            flags.append(Flag(kind=FlagKind.HIDDEN_TEXT,
                              message=f"{end - start} characters a reader would not see (not scored)",
                              evidence=_quote(doc.text, start, end), span=(start, end)))
    return flags


def screening_text(doc: Document) -> tuple[str, list[Flag]]:
    """The text parsing and ranking may read (hidden and injected text blanked) and the flags.

    Injections are searched in the full text so hidden instructions are reported too.
    """
    spans = find_injections(doc.text)
    flags = hidden_flags(doc) + injection_flags(doc.text, spans)
    return mask(doc.visible_text(), spans), flags


def unscored_spans(flags: list[Flag]) -> list[tuple[int, int]]:
    """Spans of hidden and injected text recorded on a profile's flags."""
    return [f.span for f in flags if f.span is not None]


def scorable_text(text: str, flags: list[Flag]) -> str:
    """``text`` with every flagged span blanked: what a ranker may read from a profile.

    Injections are searched again so text from an older profile without spans is safe too.
    """
    return mask(text, unscored_spans(flags) + find_injections(text))
