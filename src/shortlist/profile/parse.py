"""Resume text -> :class:`Profile`, in English and Chinese.

Everything is read from the *screened* text (hidden and injected spans blanked at the same
offsets), so text a human would not see, or text written to steer a screener, never
becomes a field or a skill; it is reported as flags instead.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from shortlist.documents.model import Document, MediaType
from shortlist.labeller.default import current as current_labeller
from shortlist.labeller.model import SequenceLabeller
from shortlist.profile.contact import find_email, find_links, find_location, find_phone
from shortlist.profile.education import postnominal_degrees
from shortlist.profile.entries import (
    dates_from_rules,
    education_from_spans,
    fill_from_rules,
    headline_from_spans,
    labelled_regions,
    work_from_bio,
    work_from_spans,
)
from shortlist.profile.experience import years_of_experience
from shortlist.profile.model import Profile, Section, Val
from shortlist.profile.qualifications import find_certifications, find_languages
from shortlist.profile.rules import rule_view, section_lines
from shortlist.profile.safety import screening_text
from shortlist.profile.sensitive import find_sensitive
from shortlist.profile.skilllink import link_skills
from shortlist.profile.spans import Line, evidence, requote


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
        for ln in section_lines(lines, contact, False):
            if len(ln.text) >= 80 or (run and ln.text and not ln.blank and len(ln.text) >= 20):
                run.append(ln)
            elif run:
                break
        if run:
            ev = evidence(text, run[0].start, run[-1].end, 0.5)
            if ev:
                return Val[str](value=" ".join(ev.text.split()), evidence=ev)
    return None


AUTO: Any = object()  # "the labeller the settings name"


def parse_document(doc: Document, today: date | None = None, labeller: SequenceLabeller | None = AUTO) -> Profile:
    """Parse one extracted document. ``today`` dates "present" (tests inject it);
    ``labeller`` overrides the model the settings name (None: rules only)."""
    text = doc.text
    screened, flags = screening_text(doc)
    view = rule_view(screened, today, doc.layout)
    screened, lines, sections, language, chinese = view.text, view.lines, view.sections, view.language, view.chinese
    header_lines, name = view.header_lines, view.name
    email = find_email(screened)
    model = current_labeller(language=language) if labeller is AUTO else labeller
    spans = []
    if model is not None and model.reads(language):
        spans = model.predict_view(view, labelled_regions(sections, len(screened)))
    # The labeller decides work and education; the rules answer where it finds nothing.
    work = fill_from_rules(work_from_spans(screened, lines, sections, spans, today), view.work, screened) if spans else []
    if not work and chinese and spans:  # a biography tells its jobs as prose
        work = work_from_bio(screened, sections, spans, today)
    work = work or view.work
    education = dates_from_rules(education_from_spans(screened, lines, sections, spans, chinese), view.education) if spans else []
    education = education or view.education
    if name is not None and name.evidence is not None and not chinese:
        education += postnominal_degrees(screened, name.evidence.end, education)
    headline = None
    if name is not None and name.evidence is not None and not chinese:
        hs = (headline_from_spans(screened, sections, spans) if spans else None) or view.headline
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


def parse_text(
    text: str, source: str | None = None, today: date | None = None, labeller: SequenceLabeller | None = AUTO
) -> Profile:
    """Parse plain text (wrapped in a TEXT document)."""
    return parse_document(Document(source=source or "", media_type=MediaType.TEXT, text=text), today, labeller)
