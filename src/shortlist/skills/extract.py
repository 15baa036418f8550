"""Find taxonomy skills in resume or job text (English, Chinese and mixed), with exact spans.

Precision matters as much as recall: a skill that is also an everyday word ("Go", "Excel",
"Spark", "Chef", "R") is only taken when it is written with the product's casing AND sits
in a skill context: a list of other skills ("Python, Go, Rust"), a cue ("R programming",
"proficient in Excel."), or a line labelled "Technical skills:". Everything else is a
dictionary lookup of token n-grams, longest first. Chinese aliases must start and end on
word boundaries from jieba, so a short alias does not fire inside a longer, unrelated word.
"""
from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from shortlist.skills.taxonomy import SkillEntry, Taxonomy
from shortlist.skills.tokens import has_cjk, iter_cjk_runs, scan

# Families of tools and specialist terms. An ambiguous name from one of these ("Chef", "AP")
# only takes its list context from a neighbour of the same kind, so "Sous Chef, cooking" stays
# a job and "Chef, Puppet" is software. O*NET products always count as tools.
TOOL_FAMILIES = frozenset({
    "Programming languages", "Databases", "Web development", "Mobile development", "Software engineering",
    "Software testing", "Cloud and DevOps", "Operating systems", "Data engineering", "Data science and AI",
    "Business intelligence", "Office software", "Security", "Networking", "IT support", "Design",
    "Digital media", "Accounting and finance", "Healthcare", "Human resources", "Customer service",
})
# Words right after an ambiguous name that make it a technology ("R programming", "Spark cluster").
_CUE_AFTER = frozenset({
    "programming", "language", "lang", "developer", "developers", "development", "script", "scripts",
    "scripting", "framework", "code", "coding", "sdk", "studio", "server", "servers", "database",
    "cluster", "clusters", "stack", "api", "apis", "spreadsheets", "spreadsheet", "sheets", "macros",
    "vba", "formulas", "workbooks", "pivot", "library", "libraries", "packages", "jobs", "pipelines",
    "applications", "apps", "app", "modules", "templates", "dashboards", "reports", "certified",
})
# Words before an ambiguous name that make it a tool when nothing but punctuation follows it.
_CUE_BEFORE = frozenset({"in", "using", "with", "via", "use", "used", "knowledge", "proficient", "experience"})
_NEVER_AFTER = frozenset({"at", "of", "to", "the", "a", "an"})  # "Excel at", "Office of the"
_SEPARATOR_CHARS = set(",;/|\\•·▪●◦○■□◆◇►➢✓✔*+&()[]{}:：-–—、，；（）【】")
_SEPARATOR_WORDS = frozenset({"", "and", "or", "和", "及", "与", "或"})
_LABEL_WORDS = (
    r"(?:skills?|skill set|technologies|technology|tools?|languages?|programming|frameworks?|libraries|"
    r"databases?|platforms?|environments?|stack|software|proficiencies|systems?|ides?|packages|servers?|"
    r"methodologies|applications|utilities|control|scripting|services|os|protocols|"
    r"技能|专业技能|技术栈|编程语言|开发工具|开发环境)"
)
# "Technical skills: ...", "IDE/Tools: ...", "Database: ..." before the name, on the same line
# and with no full stop between the label and the name.
_SKILL_LABEL = re.compile(_LABEL_WORDS + r"\s*[:：][^.:：\n]*$", re.IGNORECASE)
_VERSION_TOKEN = re.compile(r"\d[\d.x]*|xp|vista|nt|server|ce|ee|se")
_DATE_AFTER = re.compile(r"\s*[/\-–—]\s*\d|\s+(?:to|until|-)\s")
_VERSIONED = re.compile(r"([a-z][a-z+#]*?)v?\d+(?:\.\d+)*")
_MAX_GAP = 12  # characters between two list items
_PAREN_NOTE = re.compile(r"\s*\([^()\n]{1,30}\)")  # "(3 years)" after a list item


@dataclass(frozen=True, slots=True)
class SkillHit:
    """One mention of a skill. ``surface == text[start:end]`` always holds."""

    name: str
    skill_id: str
    start: int
    end: int
    surface: str
    confidence: float
    category: str | None = None


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: SkillEntry
    exact: frozenset[str] | None  # None: any casing; else the casings that count
    needs_context: bool  # ambiguous: exact casing is not enough, a skill context is needed too
    weak: bool
    tokens: int


@dataclass(slots=True)
class _Cand:
    alias: _Alias
    start: int
    end: int
    confidence: float
    pending: bool  # ambiguous, waiting for context

    @property
    def tool(self) -> bool:
        e = self.alias.entry
        return e.source == "onet" or (e.category in TOOL_FAMILIES)


class _Index:
    """Lookup tables built once per taxonomy."""

    def __init__(self, tax: Taxonomy) -> None:
        en: dict[str, _Alias] = {}
        zh: dict[str, SkillEntry] = {}
        self.zh_weak: set[str] = set()
        self.jieba = None  # built on first use by _jieba()
        for e in tax:
            amb = set(e.ambiguous)
            cased = amb | set(e.cased)
            weak = set(e.weak)
            for a in e.aliases:
                key = tax.key_of(a)
                if not key or key in tax.blocked:
                    continue
                if has_cjk(a):
                    zh.setdefault(key, e)
                    if a in weak:
                        self.zh_weak.add(key)
                    continue
                prev = en.get(key)
                if prev is not None and prev.entry is not e:
                    continue
                n = key.count(" ") + 1
                exact = frozenset({a}) if a in cased else None
                if prev is not None:  # another casing of the same alias: any plain casing wins
                    exact = None if (prev.exact is None or exact is None) else prev.exact | exact
                    en[key] = _Alias(e, exact, prev.needs_context and a in amb, prev.weak and a in weak, n)
                else:
                    en[key] = _Alias(e, exact, a in amb, a in weak, n)
        self.en = en
        # every proper prefix of a multi-token key, so a scan can stop as soon as it leaves them
        self.prefixes: set[str] = set()
        # follow[prefix]: the words that may come next in some name (keys: exactly the prefixes)
        self.follow: dict[str, set[str]] = {}
        for key in en:
            parts = key.split(" ")
            for k in range(1, len(parts)):
                self.prefixes.add(" ".join(parts[:k]))
                self.follow.setdefault(" ".join(parts[:k]), set()).add(parts[k])
        # words that can start a match: a name, or the first words of a longer one
        self.first = frozenset(en).union(prefixes for prefixes in self.prefixes if " " not in prefixes)
        self.zh = zh
        self.zh_lengths: dict[str, list[int]] = {}
        for key in zh:
            self.zh_lengths.setdefault(key[0], []).append(len(key))
        for lst in self.zh_lengths.values():
            lst.sort(reverse=True)


@lru_cache(maxsize=4)
def _index(tax: Taxonomy) -> _Index:
    return _Index(tax)


_jieba_lock = threading.Lock()


def _jieba(index: _Index):
    """A jieba tokenizer that also knows our Chinese aliases, made once per index.

    It starts from a shallow copy of the default tokenizer's word table rather than adding
    words to the shared ``jieba.dt``: other parts segment with ``jieba.dt`` and must not see
    their results change with whether skills were extracted first. Copying the table (strings
    shared) is far cheaper than loading jieba's dictionary a second time.
    """
    with _jieba_lock:
        if index.jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.dt.check_initialized()
            tok = jieba.Tokenizer()
            tok.FREQ = dict(jieba.dt.FREQ)
            tok.total = jieba.dt.total
            tok.initialized = True
            for key in sorted(index.zh):
                word = "".join(ch for ch in key if has_cjk(ch))
                if len(word) >= 2:
                    tok.add_word(word)
            index.jieba = tok
        return index.jieba


def _gap_is_separator(gap: str, allow_plain_space: bool) -> bool:
    gap = _PAREN_NOTE.sub(",", gap)  # "Java (3 years), Oracle": the note is part of the list item
    if len(gap) > _MAX_GAP:
        return False
    core = "".join(ch for ch in gap if ch not in _SEPARATOR_CHARS).strip().lower()
    if core not in _SEPARATOR_WORDS:
        return False
    if core == "" and gap.strip() == "":
        return allow_plain_space and "\n" not in gap
    return True


_DIGITS = frozenset("0123456789")


def _match_en(text: str, starts: list[int], ends: list[int], lows: list[str], index: _Index) -> list[_Cand]:
    """Dictionary matches over the tokens (parallel lists from :func:`tokens.scan`)."""
    out: list[_Cand] = []
    n_tok = len(lows)
    en_get, follow_get, first, digits = index.en.get, index.follow.get, index.first, _DIGITS
    # Only a token that is (or begins) a name, or ends in a digit ("Python3"), can yield a
    # match; every other token is skipped without a look-up. Tokens are ASCII.
    i = 0
    for j in [j for j, w in enumerate(lows) if w in first or w[-1] in digits]:
        if j < i:
            continue  # inside the previous match
        i = j
        key = lows[i]
        al = en_get(key)
        hit: tuple[_Alias, int] | None = (al, 1) if al is not None else None
        n = 1
        # extend while the words so far begin some multi-word name; keep the longest match.
        # A multi-token name never spans a comma or a full stop: it only grows over tokens
        # joined by spaces or hyphens.
        follow = follow_get(key)
        while follow is not None and i + n < n_tok and lows[i + n] in follow \
                and not text[ends[i + n - 1]:starts[i + n]].strip(" \t\n-'’"):
            key = key + " " + lows[i + n]
            n += 1
            follow = follow_get(key)
            al = en_get(key)
            if al is not None:
                hit = (al, n)
        if hit is None:
            low = lows[i]
            m = _VERSIONED.fullmatch(low) if low[-1].isdigit() else None  # "Python3.8", "Vue3"
            if m and len(m.group(1)) >= 3:
                al = en_get(m.group(1))
                if al is not None and al.exact is None and not al.weak and not al.needs_context:
                    out.append(_Cand(al, starts[i], ends[i], 0.85, False))
            i += 1
            continue
        al, n = hit
        start, end = starts[i], ends[i + n - 1]
        surface = text[start:end]
        if al.exact is not None and surface not in al.exact and not (al.needs_context and (
                (len(surface) > 2 and surface.isupper()) or _near_chinese(text, start, end))):
            # wrong casing. An ambiguous name in capitals ("ORACLE, JAVA") or in Chinese text,
            # where writers often use lower case ("熟悉react或vue"), still gets a context check.
            pass
        elif (al.weak or al.needs_context) and n == 1 and _in_compound(text, start, end):
            pass  # "parent-teacher", "C-section": part of a hyphenated word, not the skill
        elif al.needs_context:
            out.append(_Cand(al, start, end, 0.8, True))
        else:
            conf = 0.6 if al.weak else (0.95 if n > 1 or len(surface) > 3 else 0.9)
            if al.entry.source == "esco":
                conf = min(conf, 0.7)
            out.append(_Cand(al, start, end, conf, False))
        i += n
    return out


_URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()（）\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII
)


def _masked(text: str) -> bytearray | None:
    """1 for each character inside a URL or an e-mail address (None when there are none)."""
    spans = _masked_spans(text)
    if spans is None:
        return None
    mask = bytearray(len(text))
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


def _masked_spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each URL or e-mail address, in order (None when the text can hold none)."""
    if "@" not in text and "://" not in text and "www." not in text:
        return None
    return [m.span() for m in _URL_OR_EMAIL.finditer(text)]


def _in_compound(text: str, start: int, end: int) -> bool:
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    return before or after


def _match_zh(text: str, index: _Index) -> list[_Cand]:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found: list[tuple[int, int, SkillEntry, bool]] = []
    lengths, zh = index.zh_lengths, index.zh
    i, n = 0, len(low)
    while i < n:
        lens = lengths.get(low[i])
        if lens:
            for ln in lens:
                if i + ln <= n and low[i:i + ln] in zh:
                    found.append((i, i + ln, zh[low[i:i + ln]], low[i:i + ln] in index.zh_weak))
                    i += ln - 1
                    break
        i += 1
    if not found:
        return []
    tok = _jieba(index)
    bounds: set[int] = set()
    edges = {p for s, e, _, _ in found for p in (s, e - 1)}
    for rs, re_ in iter_cjk_runs(text):
        if any(p in edges for p in range(rs, re_)):  # segment only runs that hold a match edge
            bounds.add(rs)
            for _, _, e in tok.tokenize(text[rs:re_], HMM=False):
                bounds.add(rs + e)
    out = []
    for s, e, entry, weak in found:
        left_ok = (s in bounds) if has_cjk(text[s]) else (s == 0 or not text[s - 1].isascii() or not text[s - 1].isalnum())
        right_ok = (e in bounds) if has_cjk(text[e - 1]) else (e == n or not text[e].isascii() or not text[e].isalnum())
        if left_ok and right_ok:
            out.append(_Cand(_Alias(entry, None, False, weak, 1), s, e, 0.6 if weak else 0.9, False))
    return out


_CJK_PUNCT = set("，。、；：（）【】“”《》！？,.;:()/\n")


def _near_chinese(text: str, start: int, end: int) -> bool:
    return has_cjk(text[max(0, start - 12):start]) or has_cjk(text[end:end + 12])


def _in_chinese_prose(text: str, start: int, end: int) -> bool:
    """A capitalised English name inside Chinese text ("熟悉React开发") is a technology:
    Chinese prose does not borrow everyday English words."""
    left = text[:start].rstrip(" \t")[-1:]
    right = text[end:end + 4].lstrip(" \t")[:1]
    if not (has_cjk(left) or has_cjk(right)):
        return False
    return all(ch == "" or has_cjk(ch) or ch in _CJK_PUNCT for ch in (left, right))


def _line_is_skill_list(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    window = text[max(line_start, pos - 80):pos]
    if ":" not in window and "：" not in window:  # the label pattern needs a colon
        return False
    return _SKILL_LABEL.search(window) is not None


def _resolve_ambiguous(text: str, cands: list[_Cand], starts: list[int], ends: list[int], lows: list[str]) -> None:
    """Accept pending (ambiguous) candidates that have a skill context; leave others pending."""
    n_tok = len(lows)
    by_start = dict(zip(starts, range(n_tok)))
    for c in cands:
        if not c.pending:
            continue
        k = by_start.get(c.start)
        k_end = next((j for j in range(k, n_tok) if ends[j] == c.end), None) if k is not None else None
        nxt = k_end + 1 if k_end is not None and k_end + 1 < n_tok else None  # index of the next token
        prev = k - 1 if k else None  # index of the token before
        if nxt is not None and lows[nxt] in _NEVER_AFTER and not text[c.end:starts[nxt]].strip():
            c.confidence = -1.0  # "Excel at", "Office of": the ordinary word, never a skill
            continue
        version = nxt is not None and _VERSION_TOKEN.fullmatch(lows[nxt]) is not None and not (
            _DATE_AFTER.match(text, ends[nxt])  # "Chef 01/2011 to ...": a date, not a version
            or (c.alias.entry.name == "Spring" and re.fullmatch(r"(?:19|20)\d\d", lows[nxt]))  # a semester
        )
        if nxt is not None and (lows[nxt] in _CUE_AFTER or version) \
                and not text[c.end:starts[nxt]].strip(" -"):
            c.pending, c.confidence = False, 0.8
        elif prev is not None and lows[prev] in _CUE_BEFORE and not text[ends[prev]:c.start].strip() and (
            nxt is None or re.match(r"\s*(?:[,.;:)\n]|and\b|or\b|$)", text[c.end:c.end + 6])
        ):
            c.pending, c.confidence = False, 0.7
        elif _line_is_skill_list(text, c.start):
            c.pending, c.confidence = False, 0.8
        elif (c.end - c.start >= 3 or c.alias.entry.category == "Programming languages") and \
                _in_chinese_prose(text, c.start, c.end):
            c.pending, c.confidence = False, 0.75
    # List context, to a fixpoint: a pending name next to an accepted one (same realm) is accepted.
    ordered = sorted((c for c in cands if c.confidence >= 0), key=lambda c: c.start)
    changed = True
    while changed:
        changed = False
        for idx, c in enumerate(ordered):
            if not c.pending:
                continue
            for j in (idx - 1, idx + 1):
                if not 0 <= j < len(ordered):
                    continue
                o = ordered[j]
                gap = text[o.end:c.start] if j < idx else text[c.end:o.start]
                if c.tool and not o.tool:
                    continue
                # plain spaces separate list items only between two tools ("Java Spring")
                plain_ok = c.tool and o.tool and not o.alias.weak
                if not o.pending and _gap_is_separator(gap, allow_plain_space=plain_ok):
                    c.pending, changed = False, True
                elif o.pending and gap.strip() and _gap_is_separator(gap, False) and \
                        gap.strip().lower() not in _SEPARATOR_WORDS:
                    # two ambiguous names in a punctuated list ("Word, Excel") vouch for each other
                    c.pending = o.pending = False
                    changed = True
                if not c.pending:
                    break


def extract_skills(text: str, taxonomy: Taxonomy | None = None) -> list[SkillHit]:
    """All skill mentions in ``text``, in order, non-overlapping (longest match wins)."""
    if not text:
        return []
    tax = taxonomy or Taxonomy.default()
    index = _index(tax)
    starts, ends, lows = scan(text)
    spans = _masked_spans(text)
    if spans:  # URLs and e-mail addresses: "https://..." is not HTTP, "hr@..." not HR
        for s, e in reversed(spans):  # drop the tokens that start inside a span
            a = bisect_left(starts, s)
            b = bisect_left(starts, e, a)
            if a < b:
                del starts[a:b], ends[a:b], lows[a:b]
    cands = _match_en(text, starts, ends, lows, index)
    if has_cjk(text):
        masked = _masked(text) if spans else None
        cands += [c for c in _match_zh(text, index) if masked is None or not masked[c.start]]
    if any(c.pending for c in cands):
        _resolve_ambiguous(text, cands, starts, ends, lows)
    kept: list[_Cand] = []
    taken = bytearray(len(text))
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if c.pending or c.confidence < 0 or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return [
        SkillHit(c.alias.entry.name, c.alias.entry.id, c.start, c.end, text[c.start:c.end],
                 round(c.confidence, 2), c.alias.entry.category)
        for c in kept
    ]
