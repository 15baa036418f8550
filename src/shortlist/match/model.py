"""What ranking returns: a score made of inspectable parts, and a verdict per requirement."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from shortlist.profile.model import Evidence

Status = Literal["met", "partial", "missing"]


class PartScore(BaseModel):
    """One score part in [0, 1] with the evidence behind it (quotes from the resume text)."""

    name: str
    value: float
    weight: float = 0.0
    detail: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class Verdict(BaseModel):
    requirement_id: str
    label: str
    required: bool
    status: Status
    how: str = ""  # "exact", "synonym", "related: TensorFlow", "3.5 of 5 years" ...
    evidence: list[Evidence] = Field(default_factory=list)  # substrings of the resume text


class KnockoutRule(BaseModel):
    """A filter the recruiter set and can switch off. It never deletes a candidate."""

    kind: Literal["skill", "min_years", "authorization"]
    value: str  # skill name, number of years, or the authorisation phrase
    enabled: bool = True

    @property
    def label(self) -> str:
        return {"skill": "must have {}", "min_years": "at least {} years", "authorization": "work authorisation: {}"}[
            self.kind
        ].format(self.value)


class RankedCandidate(BaseModel):
    source: str | None = None
    candidate_id: str | None = None  # sha256 of the resume file
    name: str | None = None  # None in blind mode
    rank: int = 0
    score: float = 0.0  # 0-100
    parts: list[PartScore] = Field(default_factory=list)
    verdicts: list[Verdict] = Field(default_factory=list)
    reasons_for: list[str] = Field(default_factory=list)
    reasons_against: list[str] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    needs_review: bool = False  # flagged text found: a human must look before any decision
    knocked_out: list[str] = Field(default_factory=list)  # labels of enabled rules it fails
    model: str = "hybrid"  # which scorer produced the score ("hybrid" or "trained:<name>@<version>")

    def part(self, name: str) -> float:
        return next((p.value for p in self.parts if p.name == name), 0.0)
