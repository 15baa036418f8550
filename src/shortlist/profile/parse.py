"""Resume text -> :class:`Profile`, in English and Chinese.

Everything is read from the *screened* text (hidden and injected spans blanked at the same
offsets), so text a human would not see, or text written to steer a screener, never
becomes a field or a skill; it is reported as flags instead.
"""
from __future__ import annotations

from datetime import date

from shortlist.documents.model import Document, MediaType
from shortlist.profile.contact import (
    find_email,
    find_en_name,
    find_links,
    find_location,
    find_phone,
    find_zh_name,
)
from shortlist.profile.education import degrees_elsewhere, parse_education, postnominal_degrees
from shortlist.profile.experience import years_of_experience
from shortlist.profile.lang import detect_language
from shortlist.profile.model import Profile, Section, Val
from shortlist.profile.qualifications import find_certifications, find_languages
from shortlist.profile.safety import screening_text
from shortlist.profile.sections import detect_sections
from shortlist.profile.sensitive import find_sensitive
from shortlist.profile.skilllink import link_skills
from shortlist.profile.spans import (
    Line,
    blank_byte_escapes,
    evidence,
    flat_view,
    is_flat,
    requote,
    split_lines,
)
from shortlist.profile.work import find_headline, parse_work


def _in(lines: list[Line], sec: Section, skip_heading: bool = True) -> list[Line]:
    out = [ln for ln in lines if sec.start <= ln.start < sec.end]
    if skip_heading and out and out[0].start == sec.start and sec.heading and out[0].text == sec.heading:
        out = out[1:]
    return out


def _summary(text: str, lines: list[Line], sections: list[Section]) -> Val[str] | None:
    sec = next((s for s in sections if s.name == "summary"), None) or next(
        (s for s in sections if s.name == "objective"), None
    )
    if sec is not None:
        start = sec.start + len(sec.heading) if sec.heading else sec.start
        body = text[start:sec.end].lstrip(" :：\t\n")
        ev = evidence(text, sec.end - len(body), sec.end, 0.9)
        if ev:
            return Val[str](value=" ".join(ev.text.split()), evidence=ev)
    contact = next((s for s in sections if s.name == "contact"), None)
    if contact is not None:
        # An untitled paragraph in the header block (long lines) reads as a summary.
        # Only the first run of long lines: the paragraph, not the whole document.
        run: list[Line] = []
        for ln in _in(lines, contact, False):
            if len(ln.text) >= 80 or (run and ln.text and not ln.blank and len(ln.text) >= 20):
                run.append(ln)
            elif run:
                break
        if run:
            ev = evidence(text, run[0].start, run[-1].end, 0.5)
            if ev:
                return Val[str](value=" ".join(ev.text.split()), evidence=ev)
    return None


def parse_document(doc: Document, today: date | None = None) -> Profile:
    """Parse one extracted document. ``today`` dates "present" (tests inject it)."""
    text = doc.text
    screened, flags = screening_text(doc)
    screened = blank_byte_escapes(screened)  # "\\xe2\\x80\\xa2" bullets read as the symbols they stand for
    flat = is_flat(screened)
    screened = flat_view(screened)  # lost line breaks restored (same offsets); ordinary text unchanged
    language = detect_language(screened)
    chinese = language != "en"
    lines = split_lines(screened)
    sections = detect_sections(screened, lines)
    header_end = next((s.end for s in sections if s.name == "contact"), min(len(screened), 600))
    header_lines = [ln for ln in lines if ln.start < max(header_end, 1)] or lines

    name = (find_zh_name(screened, header_lines) if chinese else None) or find_en_name(screened, header_lines)
    email = find_email(screened)
    work = []
    education = []
    for sec in sections:
        if sec.name == "work":
            work += parse_work(screened, _in(lines, sec), today)
        elif sec.name == "education":
            education += parse_education(screened, _in(lines, sec), chinese, guess_untitled=not flat)
    if not chinese:
        # Degree lines under other headings; the name line is left to the post-nominals below.
        skip = [(s.start, s.end) for s in sections if s.name == "education"]
        if name is not None and name.evidence is not None:
            line_end = screened.find("\n", name.evidence.end)
            skip.append((name.evidence.start, line_end if line_end >= 0 else len(screened)))
        education += degrees_elsewhere(screened, lines, skip, education)
    if name is not None and name.evidence is not None and not chinese:
        education += postnominal_degrees(screened, name.evidence.end, education)
    if not work and not any(s.name == "work" for s in sections):
        # No experience heading: take dated entries anywhere outside education.
        edu = [(s.start, s.end) for s in sections if s.name == "education"]
        rest = [ln for ln in lines if not any(a <= ln.start < b for a, b in edu)]
        work = parse_work(screened, rest, today, undated_ok=False)
    headline = None
    if name is not None and name.evidence is not None and not chinese:
        hs = find_headline(screened, header_lines, name.evidence.end)
        hev = evidence(screened, *hs, 0.7) if hs else None
        headline = Val[str](value=hev.text, evidence=hev) if hev else None
    summary = _summary(screened, lines, sections)
    summary_span = (summary.evidence.start, summary.evidence.end) if summary and summary.evidence else None
    profile = Profile(
        source=doc.source or None,
        sha256=doc.sha256 or None,
        language=language,
        name=name,
        email=email,
        phone=find_phone(screened, chinese),
        location=find_location(screened, header_lines),
        links=find_links(screened, {email.value} if email else set()),
        summary=summary,
        headline=headline,
        education=education,
        work=work,
        skills=link_skills(screened, sections, work, today, summary_span=summary_span),
        languages=find_languages(screened, lines, sections),
        certifications=find_certifications(screened, lines, sections),
        years_experience=years_of_experience(work, today),
        sensitive=find_sensitive(screened, header_lines if not chinese else lines, doc.images),
        sections=sections,
        flags=flags,
        text=text,
    )
    requote(profile, text)
    return profile


def parse_text(text: str, source: str | None = None, today: date | None = None) -> Profile:
    """Parse plain text (wrapped in a TEXT document)."""
    return parse_document(Document(source=source or "", media_type=MediaType.TEXT, text=text), today)
