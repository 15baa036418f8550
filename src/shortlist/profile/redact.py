"""Blind screening: a copy of a profile without identity and sensitive details.

Removed values are also masked in ``Profile.text`` (same-length "█", so every offset still
holds) and in every other string of the profile, so nothing identifying survives anywhere
in the redacted copy.
"""
from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel

from shortlist.profile.model import Profile
from shortlist.profile.spans import requote

MASK = "█"


def _patterns(p: Profile) -> list[re.Pattern[str]]:
    """What to mask wherever it occurs: the removed values, their quotes, the name's parts."""
    strings: set[str] = set()
    for val in (p.name, p.email, p.phone, p.location):
        if val is not None:
            strings.add(val.value)
            if val.evidence:
                strings.add(val.evidence.text)
    for link in p.links:
        strings.add(link.url)
        if link.evidence:
            strings.add(link.evidence.text)
    for val in p.sensitive.values():
        if val.evidence:
            strings.add(val.evidence.text)
        if len(val.value) >= 2 and val.evidence:
            strings.add(val.value)
    if p.name:
        # Each part of the name on its own ("Dr. Ellison", an email "jordan.e@...").
        parts = re.split(r"[\s.,'’\-]+", p.name.value)
        strings.update(x for x in parts if len(x) >= 2)
    if p.email:
        strings.add(p.email.value.split("@")[0])
    out = []
    for s in sorted((s.strip() for s in strings), key=len, reverse=True):
        if not s:
            continue
        body = re.escape(s)
        if s.isascii():
            # Letters next to the match would make it part of another word ("Will" in "willing").
            out.append(re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.IGNORECASE))
        else:
            out.append(re.compile(body))
    return out


def _mask_str(s: str, pats: list[re.Pattern[str]]) -> str:
    for pat in pats:
        s = pat.sub(lambda m: MASK * len(m.group(0)), s)
    return s


def _mask_all(obj: object, pats: list[re.Pattern[str]]) -> object:
    """Mask every string inside a model tree, in place where possible."""
    if isinstance(obj, Enum):
        return obj
    if isinstance(obj, str):
        return _mask_str(obj, pats)
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            new = _mask_all(value, pats)
            if new is not value:
                object.__setattr__(obj, name, new)
        return obj
    if isinstance(obj, list):
        for i, x in enumerate(obj):
            obj[i] = _mask_all(x, pats)
        return obj
    if isinstance(obj, tuple):
        return tuple(_mask_all(x, pats) for x in obj)
    if isinstance(obj, dict):
        for k in list(obj):
            obj[k] = _mask_all(obj[k], pats)
        return obj
    return obj


def redact(profile: Profile) -> Profile:
    """Copy without name, contact details, links, photo and every sensitive field."""
    pats = _patterns(profile)
    spans = [v.evidence for v in profile.sensitive.values() if v.evidence]
    out = profile.model_copy(deep=True)
    out.name = out.email = out.phone = out.location = None
    out.links = []
    out.sensitive = {}
    # Sensitive lines are masked by position too (a value like "男" is too short to hunt), the
    # whole line, so "Date of birth: 1971-03-02 (age 55)" leaves no "(age 55)" behind.
    chars = list(out.text)
    for ev in spans:
        start = out.text.rfind("\n", 0, ev.start) + 1
        end = out.text.find("\n", ev.end)
        end = len(chars) if end < 0 or end - start > 200 else end
        for i in range(start if ev.start - start <= 200 else ev.start, end):
            if chars[i] not in "\n":
                chars[i] = MASK
    out.text = "".join(chars)
    _mask_all(out, pats)
    requote(out, out.text)
    out.redacted = True
    return out
