"""What the ranker may read of one profile, built once per profile.

Hidden and injected text stays in ``Profile.text`` for reviewers, but nothing in it may
add to a score: the view blanks every flagged span (same offsets), drops skill mentions,
work entries and education entries whose quote touches blanked text, and re-dates skills
from the mentions that remain. Every part and every explanation reads the view, never the
raw profile, so the rule is enforced in one place.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from shortlist.embed.chunk import chunk_spans
from shortlist.match.text import term_counts
from shortlist.profile.dates import index_to_ym, today_ym, ym_index
from shortlist.profile.experience import union_months, work_interval
from shortlist.profile.model import Education, Evidence, FlagKind, Profile, Seniority, SkillMention, WorkItem
from shortlist.profile.safety import scorable_text
from shortlist.profile.spans import evidence, mask

# Flags that mean someone tried to hide or steer: a human must review before any decision.
REVIEW_FLAGS = frozenset({FlagKind.HIDDEN_TEXT, FlagKind.INJECTION, FlagKind.ZERO_WIDTH})
EXPERIENCE_SECTIONS = frozenset({"summary", "work", "experience", "projects", "project"})
MAX_CHUNKS = 80  # experience chunks embedded per candidate (long CVs: the first pages matter most)
CHUNK_CHARS = 300
FLAG_QUOTE = 80  # characters of flagged text shown on a flag line

SENIORITY_ORDER: tuple[Seniority, ...] = (
    "intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive",
)
# Title words -> seniority, most senior first so "Senior Engineering Manager" reads as manager.
_SENIORITY_WORDS: tuple[tuple[Seniority, str], ...] = (
    ("executive", r"\b(?:chief|cto|ceo|cfo|coo|cio|vp|vice president|president)\b|副总裁|总裁|首席\S*官|CTO|CEO"),
    ("director", r"\b(?:director|head of)\b|总监|负责人"),
    ("manager", r"\bmanager\b|经理"),
    ("principal", r"\b(?:principal|distinguished|architect)\b|架构师|专家"),
    ("lead", r"\b(?:lead|staff|team lead|tech lead)\b|组长|主管|技术负责人"),
    ("senior", r"\b(?:senior|sr\.?)\b|高级|资深"),
    ("junior", r"\b(?:junior|jr\.?|associate|graduate|trainee|assistant)\b|初级|助理|助教"),
    ("intern", r"\b(?:intern|internship)\b|实习"),
)
_SENIORITY_RES = tuple((s, re.compile(p, re.IGNORECASE)) for s, p in _SENIORITY_WORDS)

# A statement that the candidate may work somewhere (knock-out "authorization" reads these).
AUTH_RE = re.compile(
    r"authori[sz]ed to work|work(?:ing)? (?:authori[sz]ation|permit|visa|rights?)|right to work"
    r"|green card|permanent resident|citizen(?:ship)?\b|no sponsorship|sponsorship not required"
    r"|工作签证|工作许可|绿卡|永久居留|户口",
    re.IGNORECASE,
)


# Words that say nothing about skill but carry gender; the scoring text blanks them (so do
# names, contact details and personal data, via redaction) so that none of it can move a score.
_GENDERED = re.compile(
    r"\b(?:he|she|him|her|his|hers|himself|herself|mr|mrs|ms|miss|male|female|man|woman|men|women|"
    r"father|mother|husband|wife|boyfriend|girlfriend)\b|他|她|先生|女士",
    re.IGNORECASE,
)


def neutral_text(profile: Profile, text: str) -> str:
    """``text`` with identity, personal details and gendered words blanked (same offsets).

    Scores read this, never the raw text: a candidate's name, gender, age, nationality or
    photo cannot change their rank (the counterfactual consistency audit checks it).
    """
    from shortlist.profile.redact import MASK, redact

    chars = list(text)
    red = redact(profile).text
    if len(red) == len(text):
        for i, c in enumerate(red):
            if c == MASK and chars[i] != "\n":
                chars[i] = " "
    for m in _GENDERED.finditer(text):
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def auth_line_spans(text: str) -> list[tuple[int, int]]:
    """Whole lines that state work authorisation (a keyword search, then the line around it)."""
    spans: list[tuple[int, int]] = []
    for m in AUTH_RE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        span = (start, len(text) if end < 0 else end)
        if not spans or spans[-1] != span:
            spans.append(span)
    return spans


def seniority_of(title: str | None) -> Seniority | None:
    """Seniority a title states; None when it says nothing (most titles are "mid")."""
    if not title:
        return None
    for level, rx in _SENIORITY_RES:
        if rx.search(title):
            return level
    return None


def seniority_rank(level: Seniority | None) -> int:
    """Position on ``SENIORITY_ORDER``; -1 for unknown."""
    return SENIORITY_ORDER.index(level) if level in SENIORITY_ORDER else -1


def recency_weight(months_ago: float | None, current: bool) -> np.float32:
    """1.0 for a skill used now or in the last two years, falling to 0.5 twelve years ago.

    Undated use (``months_ago`` None) is not penalised here; the listed-only discount in
    :func:`shortlist.match.skillmatch.use_credit` covers it.
    """
    if current or months_ago is None:
        return np.float32(1.0)
    return np.float32(max(0.5, 1.0 - 0.05 * max(0.0, months_ago - 24.0) / 12.0))


@dataclass(frozen=True)
class SkillUse:
    """One canonical skill as the view sees it: dated use, recency, and clean mentions."""

    name: str
    months: int | None  # months in dated jobs that mention it (None: only listed / undated)
    last_used: str | None
    current: bool
    recency: np.float32
    mentions: tuple[SkillMention, ...]
    surfaces: tuple[str, ...]  # how the resume wrote it ("k8s" for Kubernetes)

    @property
    def dated(self) -> bool:
        return bool(self.months)


@dataclass
class CandidateView:
    """The scorable content of one profile. Build with :meth:`of`; fields are plain data."""

    profile: Profile
    text: str  # Profile.text with flagged spans blanked (same offsets)
    neutral: str  # ``text`` with identity, personal details and gendered words blanked too: what scores read
    skills: dict[str, SkillUse]
    work: list[tuple[int, WorkItem]]  # (index in profile.work, entry) of clean entries
    education: list[Education]
    years: float | None
    titles: list[str]  # clean titles, most recent first
    seniority: Seniority | None
    experience_spans: list[tuple[int, int]]
    auth_lines: list[Evidence]
    counts: Counter[str] = field(default_factory=Counter)  # lexical terms of the visible text
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-view results (skill matches)

    @classmethod
    def of(cls, profile: Profile, today: date | None = None) -> CandidateView:
        # flags from before spans were recorded still carry their evidence: blank that too
        legacy = [(f.evidence.start, f.evidence.end) for f in profile.flags if f.span is None and f.evidence]
        text = scorable_text(mask(profile.text, legacy), profile.flags) if profile.text else ""
        view = cls(profile=profile, text=text, neutral=neutral_text(profile, text), skills={}, work=[], education=[],
                   years=None, titles=[],
                   seniority=None, experience_spans=[], auth_lines=[])
        view.work = [(i, w) for i, w in enumerate(profile.work) if view.clean_head(w.evidence)]
        view.education = [e for e in profile.education if view.clean_head(e.evidence)]
        view.years = view._years(today)
        view.skills = view._skills(today)
        view.titles = view._titles()
        view.seniority = seniority_of(view.titles[0]) if view.titles else None
        view.experience_spans = view._experience_spans()
        view.auth_lines = [ev for a, b in auth_line_spans(text) if (ev := view.quote(a, b))]
        view.counts = term_counts(view.neutral)
        return view

    # ------------------------------------------------------------------ evidence helpers
    def clean(self, ev: Evidence | None) -> bool:
        """True when the quote lies in text a reader sees and nobody flagged (or there is none)."""
        if ev is None:
            return True
        return self.text[ev.start:ev.end] == self.profile.text[ev.start:ev.end] == ev.text

    def clean_head(self, ev: Evidence | None) -> bool:
        """An entry counts when its first line is clean (a hidden line inside it is dropped elsewhere)."""
        return ev is None or self.clean(self.first_line(ev))

    def first_line(self, ev: Evidence) -> Evidence | None:
        nl = self.profile.text.find("\n", ev.start, ev.end)
        return self.quote(ev.start, ev.end if nl < 0 else nl)

    def quote(self, start: int, end: int) -> Evidence | None:
        """Evidence for ``profile.text[start:end]`` (trimmed) if that text is clean."""
        ev = evidence(self.profile.text, start, end)
        return ev if ev is not None and self.clean(ev) else None

    def in_context(self, ev: Evidence, reach: int = 110) -> Evidence:
        """The line around a short quote (at most ``reach`` characters either side), so a reader
        sees how the resume used a skill, not just its name; the quote itself if that line
        touches flagged text."""
        text = self.profile.text
        start = max(text.rfind("\n", 0, ev.start) + 1, ev.start - reach)
        end = text.find("\n", ev.end)
        end = min(len(text) if end < 0 else end, ev.end + reach)
        return self.quote(start, end) or ev

    def find(self, needle: str, start: int = 0, end: int | None = None) -> Evidence | None:
        """First clean occurrence of ``needle`` (case-insensitive) in the visible text."""
        if not needle:
            return None
        hay = self.text.lower()
        pos = hay.find(needle.lower(), start, len(hay) if end is None else end)
        return self.quote(pos, pos + len(needle)) if pos >= 0 else None

    # ------------------------------------------------------------------ builders
    def _years(self, today: date | None) -> float | None:
        dropped = len(self.work) < len(self.profile.work)
        if self.profile.years_experience is not None and not dropped:
            return self.profile.years_experience
        ivs = [iv for _, w in self.work if (iv := work_interval(w, today))]
        return round(union_months(ivs) / 12, 1) if ivs else (None if dropped else self.profile.years_experience)

    def _skills(self, today: date | None) -> dict[str, SkillUse]:
        clean_work = dict(self.work)
        now = ym_index(today_ym(today))
        out: dict[str, SkillUse] = {}
        for skill in self.profile.skills:
            mentions = tuple(m for m in skill.mentions if self.clean(m.evidence))
            if skill.mentions and not mentions:
                continue  # every mention was hidden or injected: the skill does not exist for scoring
            months, last_used = skill.months, skill.last_used
            in_work = [clean_work[m.work_index] for m in mentions if m.work_index in clean_work]
            if len(mentions) < len(skill.mentions) or (months is None and in_work):
                ivs = [iv for w in in_work if (iv := work_interval(w, today))]
                months = union_months(ivs) or None
                last_used = index_to_ym(max(b for _, b in ivs) - 1) if ivs else None
            current = any(w.current for w in in_work)
            ago = None if last_used is None else max(0, now - ym_index(last_used))
            surfaces = tuple(dict.fromkeys(m.evidence.text for m in mentions))
            use = SkillUse(skill.name, months, last_used, current, recency_weight(ago, current), mentions, surfaces)
            prev = out.get(skill.name)
            if prev is None or (use.months or 0) > (prev.months or 0):
                out[skill.name] = use
        return out

    def _titles(self) -> list[str]:
        def recency(item: tuple[int, WorkItem]) -> tuple[int, int, int]:
            i, w = item
            end = 10**6 if w.current else (ym_index(w.end) if w.end else (ym_index(w.start) if w.start else -1))
            return (-end, -(ym_index(w.start) if w.start else -1), i)

        titles = []
        for _, w in sorted(self.work, key=recency):
            if w.title and w.title.strip() and self._title_visible(w):
                titles.append(w.title.strip())
        return list(dict.fromkeys(titles))

    def _title_visible(self, w: WorkItem) -> bool:
        if w.evidence is None or not self.profile.text:
            return True
        return self.find(w.title or "", w.evidence.start, w.evidence.end) is not None

    def _experience_spans(self) -> list[tuple[int, int]]:
        regions = [(s.start, s.end) for s in self.profile.sections if s.name in EXPERIENCE_SECTIONS]
        if not regions:
            regions = [(w.evidence.start, w.evidence.end) for _, w in self.work if w.evidence]
        if not regions and self.profile.summary and self.profile.summary.evidence:
            regions = [(self.profile.summary.evidence.start, self.profile.summary.evidence.end)]
        if not regions and not self.profile.sections:
            regions = [(0, len(self.text))]
        spans: list[tuple[int, int]] = []
        for a, b in sorted(set(regions)):
            spans.extend((a + s, a + e) for s, e in chunk_spans(self.text[a:b], CHUNK_CHARS))
        return [(a, b) for a, b in spans if self.text[a:b] == self.profile.text[a:b]][:MAX_CHUNKS]

    # ------------------------------------------------------------------ read-outs
    def experience_chunks(self) -> list[str]:
        return [self.neutral[a:b] for a, b in self.experience_spans]

    def title_text(self) -> str:
        """The two most recent titles: what "is this person already doing this job" compares."""
        return " / ".join(self.titles[:2])

    def area_text(self) -> str:
        return "; ".join(dict.fromkeys(e.area.strip() for e in self.education if e.area and e.area.strip()))

    def degree_rank(self) -> int:
        """Highest clean degree on the ``DegreeLevel.rank`` scale; -1 when none is stated."""
        ranks = [e.level.rank for e in self.education if e.level is not None]
        return max(ranks) if ranks else -1

    def review_flags(self) -> list[str]:
        """One line per flag a reviewer should see, with the start of the flagged text quoted.

        All kinds are listed; ``needs_review`` uses REVIEW_FLAGS. The quote is for the reviewer
        only: flagged text is never verdict evidence.
        """
        lines = []
        for f in self.profile.flags:
            quote = " ".join(f.evidence.text.split()) if f.evidence else ""
            quote = quote if len(quote) <= FLAG_QUOTE else quote[:FLAG_QUOTE] + "..."
            lines.append(f"{f.kind.value}: {f.message}" + (f' ("{quote}")' if quote else ""))
        return lines

    @property
    def needs_review(self) -> bool:
        return any(f.kind in REVIEW_FLAGS for f in self.profile.flags)
