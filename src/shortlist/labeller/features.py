"""Token features for the CRF: the word itself and its shape, the parser's rules as signals
(which section a line is in, whether it is a heading, a bullet, holds a date range; title
words, company words, degree and institution patterns), frozen MiniLM word classes
(``clusters.py``), each line's layout where the file had one, and the same for the neighbours.

Features are plain strings ("w=engineer", "sec=work"): crfsuite hashes them, and building
strings is the cheapest thing Python can do per token. Lexical features of a word are cached
per word, since resumes repeat their vocabulary.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Any, Protocol

from shortlist.documents.model import LineStyle
from shortlist.labeller.tokens import Token
from shortlist.profile.dates import find_ranges
from shortlist.profile.education import _DEGREE_QUICK, INSTITUTION_RE
from shortlist.profile.rules import RuleView
from shortlist.profile.sections import heading_name
from shortlist.profile.spans import Line
from shortlist.profile.work import BULLET, COMPANY_WORDS, TITLE_WORDS

FEATURE_VERSION = "resume-v7"  # v7: blanks around CJK characters (Chinese has no other word gaps)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SHAPE_SUB = (re.compile(r"[A-Z]+"), re.compile(r"[a-z]+"), re.compile(r"\d+"))
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december|present|current|till|date|now|至今|今)\.?$",
    re.IGNORECASE,
)


def _shape(w: str) -> str:
    s = _SHAPE_SUB[0].sub("A", w)
    s = _SHAPE_SUB[1].sub("a", s)
    return _SHAPE_SUB[2].sub("0", s)[:8]


@lru_cache(maxsize=65536)
def word_features(w: str) -> tuple[str, ...]:
    """What a word says on its own (cached): form, shape, affixes, word lists."""
    low = w.lower()
    if _CJK.match(w):
        return ("c=" + w, "cjk")
    out = ["w=" + low, "sh=" + _shape(w)]
    if len(low) > 3:
        out += ["p3=" + low[:3], "s3=" + low[-3:]]
    if w[:1].isupper():
        out.append("cap")
    if w.isupper() and len(w) > 1:
        out.append("upper")
    if any(c.isdigit() for c in w):
        out.append("digit")
        if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
            out.append("year")
    if TITLE_WORDS.fullmatch(low.rstrip(".")):
        out.append("lex:title")
    if COMPANY_WORDS.fullmatch(low.rstrip(".")):
        out.append("lex:org")
    if _MONTH.match(low):
        out.append("lex:month")
    return tuple(out)


_NEIGHBOUR_KEEP = ("w=", "lex:", "cap", "upper", "year", "c=")


@lru_cache(maxsize=65536)
def _neighbour(w: str, prefix: str) -> tuple[str, ...]:
    return tuple(prefix + f for f in word_features(w) if f.startswith(_NEIGHBOUR_KEEP))


# Necessary conditions checked before the rules' large patterns run (same matches, less time).
_INST_WORDS = re.compile(
    r"(?i:universit|college|institut|school|academy|polytechnic|vidyalaya|vidyapeeth)|大学|学院|学校|中学|研究院|研究所"
)


def _marks(line: str) -> list[tuple[int, int, str]]:
    """Spans of one line that the rules recognise (offsets within the line)."""
    out: list[tuple[int, int, str]] = []
    for r in find_ranges(line):
        out.append((r.span[0], r.span[1], "rx:daterange"))
    if any(c.isalpha() for c in line):
        if _DEGREE_QUICK.search(line):
            for m in _DEGREE_QUICK.finditer(line):
                out.append((m.start(), m.end(), "rx:degree"))
        if _INST_WORDS.search(line):
            for m in INSTITUTION_RE.finditer(line):
                out.append((m.start(), m.end(), "rx:inst"))
        for m in TITLE_WORDS.finditer(line):
            out.append((m.start(), m.end(), "rx:titlew"))
        if _CJK_RUN.search(line):
            for m in COMPANY_WORDS.finditer(line):
                if _CJK.match(m.group(0)):  # 公司, 集团, 大学: in English the word list is too loose in prose
                    out.append((m.start(), m.end(), "rx:orgw"))
    return out


@lru_cache(maxsize=4096)
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for i, e in enumerate(edges):
        if n <= e:
            return str(i)
    return str(len(edges))


_TL = tuple("tl=" + _b for _b in ("0", "1", "2", "3", "3", "4", "4", "4", "4"))  # token's place in its line


def doc_features(view: RuleView, tokens: list[Token]) -> list[list[str]]:
    """One feature list per token. Lines, sections and the rules' values come from the
    parser's own reading (``view``), so the model sees the document as the rules do."""
    text, lines, sections = view.text, view.lines, view.sections
    rule_of = _rule_marks(tokens, view.marks())
    run_of = _cap_runs(tokens)
    zh_of = _cjk_features(text, tokens)
    words = [t.text for t in tokens]
    cls = _word_classes(words)
    sec_names = ["sec=" + s.name for s in sections]
    feats: list[list[str]] = []
    n = len(tokens)
    li = 0
    si = 0
    nonblank = [ln for ln in lines if not ln.blank] or [Line(0, len(text), text)]
    look = _layout_features(view.layout, nonblank)
    last_line = len(nonblank) - 1
    last_sec = len(sections) - 1
    prev_line_idx = -1
    since_heading = 0
    tok_in_line = 0
    lf: list[str] = []
    marks: list[tuple[int, int, str]] = []
    ln = nonblank[0]
    for i, tok in enumerate(tokens):
        start = tok.start
        while li < last_line and nonblank[li].end <= start:
            li += 1
        while si < last_sec and sections[si].end <= start:
            si += 1
        if li != prev_line_idx:
            ln = nonblank[li]
            tok_in_line = 0
            lf = _line_features(ln)
            if look is not None:
                lf += look[li]
            if "hd" in lf:
                since_heading = 0
            else:
                since_heading += 1
            lf.append("lsh=" + _bucket(since_heading, (0, 1, 2, 4)))
            marks = _marks(ln.text)
            prev_line_idx = li
        f = ["b", *word_features(words[i]), *lf]
        if sections:
            f.append(sec_names[si])
        f.append(_TL[tok_in_line] if tok_in_line < 9 else "tl=5")
        if tok.end >= ln.end:
            f.append("last")
        if marks:
            off = start - ln.start
            for s, e, name in marks:
                if s <= off < e:
                    f.append(name + (":b" if off == s else ":i"))
        c = cls[i]  # frozen MiniLM word classes: +0.6 span-F1 micro on two dotin folds
        if c:
            f += ["cl1=" + c[0], "cl2=" + c[1]]
        if i + 1 < n and cls[i + 1]:
            f.append("+1cl2=" + cls[i + 1][1])
        if i > 0 and cls[i - 1]:
            f.append("-1cl2=" + cls[i - 1][1])
        r = rule_of[i]
        if r:
            f.append(r)
        if run_of[i]:
            f += run_of[i]
        if zh_of is not None and zh_of[i]:
            f += zh_of[i]
        if i > 0:
            f += _neighbour(words[i - 1], "-1")
            if tokens[i - 1].end <= ln.start:
                f.append("-1:nl")
        else:
            f.append("BOS")
        if i > 1:
            f += _neighbour(words[i - 2], "-2")
        if i + 1 < n:
            f += _neighbour(words[i + 1], "+1")
            if tokens[i + 1].start >= ln.end:
                f.append("+1:nl")
        else:
            f.append("EOS")
        if i + 2 < n:
            f += _neighbour(words[i + 2], "+2")
        feats.append(f)
        tok_in_line += 1
    return feats


def _word_classes(words: list[str]) -> list[tuple[str, str] | None]:
    """MiniLM word classes per token ("Kalover" has none; "Bakery" shares one with "Pharmacy")."""
    from shortlist.labeller.clusters import table

    classes = table()
    return [classes.get(w.lower()) for w in words]


def _rule_marks(tokens: list[Token], marks: list[tuple[int, int, str]]) -> list[str]:
    """"rule=ORG:b" for the first token of a value the rules read as an employer, ":i" after."""
    out = [""] * len(tokens)
    j = 0
    for s, e, label in marks:
        while j < len(tokens) and tokens[j].end <= s:
            j += 1
        k = j
        while k < len(tokens) and tokens[k].start < e:
            if not out[k]:
                out[k] = f"rule={label}:" + ("b" if k == j else "i")
            k += 1
    return out


def _cjk_features(text: str, tokens: list[Token]) -> list[list[str]] | None:
    """Character bigrams and the jieba word each CJK character sits in (its position in the
    word and, for short words, the word): a Chinese name, school or company is a word run."""
    if not any(_CJK.match(t.text) for t in tokens):
        return None
    import jieba

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    word_at: dict[int, tuple[str, str]] = {}
    for m in _CJK_RUN.finditer(text):
        pos = m.start()
        for w in jieba.cut(m.group(0), HMM=True):
            L = len(w)
            for k in range(L):
                tag = "S" if L == 1 else ("B" if k == 0 else ("E" if k == L - 1 else "M"))
                word_at[pos + k] = (tag, w if L <= 4 else "")
            pos += L
    out: list[list[str]] = [[] for _ in tokens]
    for i, t in enumerate(tokens):
        if not _CJK.match(t.text):
            continue
        f = out[i]
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # a blank between two characters is a field gap ("上海 千帆科技" is a place, then a company)
        f.append("gap-" if prev is not None and prev.end < t.start else "nogap-")
        f.append("gap+" if nxt is not None and nxt.start > t.end else "nogap+")
        if prev is not None and prev.end == t.start:
            f.append("bg-=" + prev.text + t.text)
        if nxt is not None and nxt.start == t.end:
            f.append("bg+=" + t.text + nxt.text)
        if prev is not None and nxt is not None and prev.end == t.start and nxt.start == t.end:
            f.append("tg=" + prev.text + t.text + nxt.text)
        tag, word = word_at.get(t.start, ("S", ""))
        f.append("jp=" + tag)
        if word:
            f.append("jw=" + word)
        # the lattice: every dictionary word of 2-4 characters that starts or ends here
        for L in (2, 3, 4):
            if freq.get(text[t.start:t.start + L]):
                f.append(f"lx>{L}")
            if t.end - L >= 0 and freq.get(text[t.end - L:t.end]):
                f.append(f"lx<{L}")
    return out


_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_CONNECT = frozenset({"&", "of", "and", "the", "de", "for", "-", "'s"})


def _cap_runs(tokens: list[Token]) -> list[tuple[str, ...]]:
    """Features shared by every token of a run of capitalised words ("Petersen Publishing Co"):
    its length and whether it holds a company or title word, so a name is read as a whole,
    beyond the two-word window. (The words around the run were tried too and cost 0.01 F1.)"""
    out: list[tuple[str, ...]] = [()] * len(tokens)
    i, n = 0, len(tokens)
    while i < n:
        w = tokens[i].text
        if not (w[:1].isupper() and not _CJK.match(w)):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = tokens[j].text
            if (t[:1].isupper() and not _CJK.match(t)) or (t.lower() in _CONNECT and j + 1 < n and tokens[j + 1].text[:1].isupper()):
                if tokens[j].start - tokens[j - 1].end > 1 or "\n" in t:
                    break  # a column gap or a line break ends the name
                j += 1
                continue
            break
        words = [tokens[k].text.lower().rstrip(".") for k in range(i, j)]
        feats = ["run=" + _bucket(j - i, (1, 2, 3, 5))]
        if any(COMPANY_WORDS.fullmatch(x) for x in words):
            feats.append("run:org")
        if any(TITLE_WORDS.fullmatch(x) for x in words):
            feats.append("run:title")
        tup = tuple(feats)
        for k in range(i, j):
            out[k] = tup
        i = j
    return out


def _layout_features(layout: list[LineStyle], lines: list[Line]) -> list[tuple[str, ...]] | None:
    """Per line, how it looked against the document's usual line: bigger or smaller type,
    bold where most lines are not, indented or outdented within its column, which column.
    None when the file had no layout (plain text): the model then reads words alone."""
    if not layout:
        return None
    starts = [s.start for s in layout]
    styles: list[LineStyle | None] = []
    for ln in lines:
        k = bisect_right(starts, ln.start) - 1
        styles.append(layout[k] if k >= 0 and layout[k].start <= ln.start < layout[k].end else None)
    seen = [s for s in styles if s is not None]
    if not seen:
        return None
    weighted = sorted((s.size, s.end - s.start) for s in seen)
    half, acc, body = sum(w for _, w in weighted) / 2, 0, weighted[-1][0]
    for size, w in weighted:
        acc += w
        if acc >= half:
            body = size
            break
    bold_common = sum(s.bold for s in seen) > 0.5 * len(seen)
    usual: dict[int, float] = {}
    for col in {s.column for s in seen}:
        counts = Counter(round(s.indent, 2) for s in seen if s.column == col)
        usual[col] = counts.most_common(1)[0][0]
    out: list[tuple[str, ...]] = []
    for s in styles:
        if s is None:
            out.append(())
            continue
        f: list[str] = []
        r = s.size / body if body else 1.0
        if r >= 1.3:
            f.append("L:huge")
        elif r >= 1.08:
            f.append("L:big")
        elif r <= 0.92:
            f.append("L:small")
        if s.bold and not bold_common:
            f.append("L:bold")
        d = s.indent - usual[s.column]
        if d > 0.02:
            f.append("L:in")
        elif d < -0.02:
            f.append("L:out")
        if s.column:
            f.append(f"L:col{s.column}")
        out.append(tuple(f))
    return out


def _line_features(ln: Line) -> list[str]:
    s = ln.text
    out = ["ll=" + _bucket(len(s), (15, 30, 60, 100, 160))]
    name = heading_name(s)
    if name:
        out += ["hd", "hd=" + name]
    if BULLET.match(s):
        out.append("bul")
    if s.endswith((".", "。")):
        out.append("dot")
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters[:40]):
        out.append("lupper")
    if "|" in s or "\t" in s:
        out.append("pipe")
    if find_ranges(s):
        out.append("ldate")
    return out


class Featurizer(Protocol):
    """What a sequence labeller needs from its domain: a view of the text (computed once),
    the text tokens come from, and one feature list per token. ``version`` travels in the
    model file; a model is only read by the featurizer version it was trained with."""

    version: str

    def view(self, text: str, layout: list[LineStyle] | None = None) -> Any: ...

    def text(self, view: Any) -> str: ...

    def features(self, view: Any, tokens: list[Token]) -> list[list[str]]: ...


class ResumeFeaturizer:
    version = FEATURE_VERSION

    def view(self, text: str, layout: list[LineStyle] | None = None) -> RuleView:
        from shortlist.profile.rules import rule_view

        return rule_view(text, layout=layout)

    def text(self, view: RuleView) -> str:
        return view.text

    def features(self, view: RuleView, tokens: list[Token]) -> list[list[str]]:
        return doc_features(view, tokens)


@lru_cache(maxsize=1)
def featurizers() -> dict[str, Featurizer]:
    """Featurizers by name (built on first use: the skill one imports the skill matcher)."""
    from shortlist.labeller.skill_features import SkillFeaturizer

    return {"resume": ResumeFeaturizer(), "skills": SkillFeaturizer()}
