"""The typed resume profile. Every extracted value carries the evidence it came from.

Offsets (``start``/``end``) index into ``Profile.text``, which is the extracted document
text, so ``profile.text[ev.start:ev.end] == ev.text`` always holds: an explanation built
from a profile can only quote what the resume really says.
"""
from __future__ import annotations

from enum import Enum
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")

YearMonth = str  # "YYYY-MM" (or "YYYY" when the month is unknown), as JSON Resume uses ISO 8601


class Evidence(BaseModel):
    start: int
    end: int
    text: str
    confidence: float = 1.0


class Val(BaseModel, Generic[T]):
    """One extracted value and where it was found."""

    value: T
    evidence: Evidence | None = None


class DegreeLevel(str, Enum):
    """A fixed, ordered scale so that "at least a bachelor" can be compared."""

    HIGH_SCHOOL = "high_school"
    ASSOCIATE = "associate"  # incl. 大专 / diploma
    BACHELOR = "bachelor"
    MASTER = "master"  # incl. MBA
    DOCTORATE = "doctorate"
    OTHER = "other"

    @property
    def rank(self) -> int:
        return _DEGREE_RANK[self]


_DEGREE_RANK = {
    DegreeLevel.OTHER: 0,
    DegreeLevel.HIGH_SCHOOL: 1,
    DegreeLevel.ASSOCIATE: 2,
    DegreeLevel.BACHELOR: 3,
    DegreeLevel.MASTER: 4,
    DegreeLevel.DOCTORATE: 5,
}


class Link(BaseModel):
    kind: Literal["linkedin", "github", "website", "other"]
    url: str
    evidence: Evidence | None = None


class Education(BaseModel):
    institution: str | None = None
    degree: str | None = None  # as written: "B.Sc.", "硕士"
    level: DegreeLevel | None = None
    area: str | None = None  # field of study
    start: YearMonth | None = None
    end: YearMonth | None = None
    gpa: str | None = None
    evidence: Evidence | None = None  # the whole entry
    confidence: float = 1.0


class WorkItem(BaseModel):
    employer: str | None = None
    title: str | None = None
    location: str | None = None
    start: YearMonth | None = None
    end: YearMonth | None = None  # None with current=True means "present" / 至今
    current: bool = False
    months: int | None = None
    bullets: list[str] = Field(default_factory=list)
    evidence: Evidence | None = None  # the whole entry
    confidence: float = 1.0


SkillSource = Literal["skills_section", "work", "project", "summary", "education", "other"]


class SkillMention(BaseModel):
    source: SkillSource
    evidence: Evidence
    work_index: int | None = None  # which WorkItem the mention sits in, when it does


class Skill(BaseModel):
    name: str  # canonical taxonomy name
    skill_id: str | None = None
    category: str | None = None
    mentions: list[SkillMention] = Field(default_factory=list)
    months: int | None = None  # months of use, from the dates of the jobs that mention it
    last_used: YearMonth | None = None


class FlagKind(str, Enum):
    HIDDEN_TEXT = "hidden_text"
    INJECTION = "injection"
    ZERO_WIDTH = "zero_width"
    LOW_TEXT = "low_text"  # e.g. a scan with little OCR output
    OCR = "ocr"


class Flag(BaseModel):
    """Something a human reviewer should look at. Flagged text never scores."""

    kind: FlagKind
    message: str
    evidence: Evidence | None = None
    # Full extent of the flagged text in Profile.text (the evidence quote may be capped);
    # a ranker blanks these spans so flagged text never scores.
    span: tuple[int, int] | None = None


class Section(BaseModel):
    name: str  # normalised: contact, summary, education, work, projects, skills, languages, ...
    heading: str
    start: int
    end: int


# Fields removed by blind screening; kept apart so redaction is one dictionary drop.
SensitiveKey = Literal[
    "date_of_birth", "age", "gender", "marital_status", "nationality", "ethnicity",
    "political_status", "religion", "photo", "hukou",
]


class Profile(BaseModel):
    source: str | None = None
    sha256: str | None = None
    language: Literal["en", "zh", "mixed"] = "en"
    name: Val[str] | None = None
    email: Val[str] | None = None
    phone: Val[str] | None = None  # E.164 where possible
    location: Val[str] | None = None
    links: list[Link] = Field(default_factory=list)
    summary: Val[str] | None = None
    headline: Val[str] | None = None  # the job title written under the name ("Data Analyst")
    education: list[Education] = Field(default_factory=list)
    work: list[WorkItem] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Val[str]] = Field(default_factory=list)
    certifications: list[Val[str]] = Field(default_factory=list)
    years_experience: float | None = None  # merged date ranges, overlaps counted once
    sensitive: dict[str, Val[str]] = Field(default_factory=dict)  # keys: SensitiveKey
    sections: list[Section] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    redacted: bool = False
    text: str = ""  # the extracted text every Evidence points into

    def skill_names(self) -> list[str]:
        return [s.name for s in self.skills]


# --------------------------------------------------------------------------- jobs

Seniority = Literal["intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive"]
RequirementKind = Literal["skill", "years", "education", "language", "location", "authorization", "other"]


class Requirement(BaseModel):
    """One thing a job asks for. ``id`` is stable ("skill:Python", "years", "education")."""

    id: str
    kind: RequirementKind
    label: str  # what a recruiter reads: "Python, 3+ years"
    required: bool = True  # False: nice to have
    skill: str | None = None  # canonical taxonomy name, for kind == "skill"
    min_years: float | None = None  # overall (kind "years") or for this skill
    level: DegreeLevel | None = None  # for kind == "education"
    area: str | None = None  # field of study, for kind == "education"
    value: str | None = None  # language name, location, authorisation text
    evidence: Evidence | None = None  # where the job description says it


class Job(BaseModel):
    source: str | None = None
    sha256: str | None = None
    language: Literal["en", "zh", "mixed"] = "en"
    title: Val[str] | None = None
    seniority: Seniority | None = None
    requirements: list[Requirement] = Field(default_factory=list)
    responsibilities: list[Val[str]] = Field(default_factory=list)
    min_years: float | None = None
    education_level: DegreeLevel | None = None
    education_area: str | None = None
    languages: list[str] = Field(default_factory=list)
    location: Val[str] | None = None
    remote: bool | None = None
    text: str = ""

    def skill_requirements(self, required: bool | None = None) -> list[Requirement]:
        return [r for r in self.requirements if r.kind == "skill" and (required is None or r.required == required)]
