"""The rule-based reading of a resume, computed once: lines, sections, name, and the rules'
work and education entries. The parser falls back on it; the labeller reads it as features
(which tokens the rules took for an employer, a title, a degree, an institution), so the
model learns where the rules can be trusted and where they cannot.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from shortlist.documents.model import LineStyle
from shortlist.profile.contact import find_en_name, find_zh_name
from shortlist.profile.dates import join_split_ranges
from shortlist.profile.education import degrees_elsewhere, parse_education
from shortlist.profile.lang import detect_language
from shortlist.profile.model import Education, Section, Val, WorkItem
from shortlist.profile.sections import detect_sections
from shortlist.profile.spans import Line, blank_byte_escapes, flat_view, is_flat, split_lines
from shortlist.profile.work import find_headline, parse_work


def section_lines(lines: list[Line], sec: Section, skip_heading: bool = True) -> list[Line]:
    out = [ln for ln in lines if sec.start <= ln.start < sec.end]
    if skip_heading and out and out[0].start == sec.start and sec.heading and out[0].text == sec.heading:
        out = out[1:]
    return out


def rule_work(text: str, lines: list[Line], sections: list[Section], today: date | None) -> list[WorkItem]:
    work: list[WorkItem] = []
    for sec in sections:
        if sec.name == "work":
            work += parse_work(text, section_lines(lines, sec), today)
    if not work and not any(s.name == "work" for s in sections):
        # No experience heading: take dated entries anywhere outside education.
        edu = [(s.start, s.end) for s in sections if s.name == "education"]
        rest = [ln for ln in lines if not any(a <= ln.start < b for a, b in edu)]
        work = parse_work(text, rest, today, undated_ok=False)
    return work


def rule_education(
    text: str, lines: list[Line], sections: list[Section], chinese: bool, flat: bool, name: Val[str] | None
) -> list[Education]:
    education: list[Education] = []
    for sec in sections:
        if sec.name == "education":
            education += parse_education(text, section_lines(lines, sec), chinese, guess_untitled=not flat)
    if not chinese:
        # Degree lines under other headings; the name line is left to the post-nominals.
        skip = [(s.start, s.end) for s in sections if s.name == "education"]
        if name is not None and name.evidence is not None:
            line_end = text.find("\n", name.evidence.end)
            skip.append((name.evidence.start, line_end if line_end >= 0 else len(text)))
        education += degrees_elsewhere(text, lines, skip, education)
    return education


@dataclass
class RuleView:
    text: str  # the parse view: screened, byte escapes read, lost line breaks restored
    flat: bool
    language: str
    lines: list[Line]
    sections: list[Section]
    header_lines: list[Line]
    name: Val[str] | None
    work: list[WorkItem]
    education: list[Education]
    headline: tuple[int, int] | None
    layout: list[LineStyle] = field(default_factory=list)  # how each line looked, where the file said

    @property
    def chinese(self) -> bool:
        return self.language != "en"

    def marks(self) -> list[tuple[int, int, str]]:
        """Spans of the values the rules found, in the labeller's label names."""
        out: list[tuple[int, int, str]] = []

        def put(value: str | None, within: tuple[int, int], label: str) -> None:
            if not value:
                return
            i = self.text.find(value, within[0], within[1])
            if i >= 0:
                out.append((i, i + len(value), label))

        for w in self.work:
            if w.evidence is not None:
                span = (w.evidence.start, w.evidence.end)
                put(w.title, span, "TITLE")
                put(w.employer, span, "ORG")
                put(w.location, span, "LOC")
        for e in self.education:
            if e.evidence is not None:
                span = (e.evidence.start, e.evidence.end)
                put(e.degree, span, "DEGREE")
                put(e.institution, span, "SCHOOL")
        if self.headline:
            out.append((self.headline[0], self.headline[1], "TITLE"))
        return sorted(out)


def rule_view(screened: str, today: date | None = None, layout: list[LineStyle] | None = None) -> RuleView:
    """Everything the rules read from the screened text (hidden and injected text blanked)."""
    text = blank_byte_escapes(screened)  # "\\xe2\\x80\\xa2" bullets read as the symbols they stand for
    flat = is_flat(text)
    text = flat_view(text)  # lost line breaks restored (same offsets); ordinary text unchanged
    text = join_split_ranges(text)  # "October 2011 / to / August 2015" read as one line
    language = detect_language(text)
    chinese = language != "en"
    lines = split_lines(text)
    sections = detect_sections(text, lines)
    header_end = next((s.end for s in sections if s.name == "contact"), min(len(text), 600))
    header_lines = [ln for ln in lines if ln.start < max(header_end, 1)] or lines
    name = (find_zh_name(text, header_lines) if chinese else None) or find_en_name(text, header_lines)
    headline = None
    if name is not None and name.evidence is not None and not chinese:
        headline = find_headline(text, header_lines, name.evidence.end)
    return RuleView(
        text=text, flat=flat, language=language, lines=lines, sections=sections, header_lines=header_lines,
        name=name, work=rule_work(text, lines, sections, today),
        education=rule_education(text, lines, sections, chinese, flat, name), headline=headline,
        layout=list(layout or []),
    )
