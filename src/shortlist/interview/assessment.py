"""Final assessment: screening and interview combined, with weights the team sets.

The result is a scorecard an interview panel recognises: a rating per competency, an
overall recommendation on a four-point scale, the evidence (answers and their scores), and
the interviewers' notes. It is advice for the hiring decision, which stays a person's.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, Field

Recommendation = Literal["strong_hire", "hire", "no_hire", "strong_no_hire"]
RECOMMENDATION_LABELS = {"strong_hire": "Strong hire", "hire": "Hire", "no_hire": "No hire",
                         "strong_no_hire": "Strong no hire"}


class AssessmentWeights(BaseModel):
    screening: float = Field(0.4, ge=0)
    interview: float = Field(0.6, ge=0)

    def normalised(self) -> tuple[float, float]:
        total = self.screening + self.interview
        if total <= 0:
            raise ValueError("assessment weights must not both be zero")
        return self.screening / total, self.interview / total


class AnswerRecord(BaseModel):
    question: str
    competency: str = "general"
    requirement_id: str | None = None
    score: float = Field(ge=0, le=5)  # 0-5, by the scorer or the interviewer
    scored_by: Literal["auto", "interviewer"] = "auto"
    note: str = ""


class CompetencyRating(BaseModel):
    competency: str
    rating: float  # mean 0-5
    answers: int


class Scorecard(BaseModel):
    candidate: str
    job: str
    screening_score: float | None  # 0-100, from ranking
    interview_score: float | None  # 0-5, mean over answers
    final_score: float  # 0-100
    recommendation: Recommendation
    recommendation_label: str
    competencies: list[CompetencyRating]
    answers: list[AnswerRecord]
    notes: list[str] = Field(default_factory=list)
    weights: AssessmentWeights
    advice: str = "This scorecard is advice. The hiring decision is made and recorded by a person."


def recommend(final_score: float, competencies: list[CompetencyRating]) -> Recommendation:
    """Four-point scale. A very weak competency caps the result at 'no hire' whatever the mean."""
    if final_score >= 80:
        rec: Recommendation = "strong_hire"
    elif final_score >= 62:
        rec = "hire"
    elif final_score >= 40:
        rec = "no_hire"
    else:
        rec = "strong_no_hire"
    if rec in ("strong_hire", "hire") and any(c.rating < 1.5 and c.answers >= 1 for c in competencies):
        rec = "no_hire"
    return rec


def assess(candidate: str, job: str, screening_score: float | None, answers: list[AnswerRecord],
           weights: AssessmentWeights | None = None, notes: list[str] | None = None,
           flags: list[str] | None = None) -> Scorecard:
    """Combine a screening score (0-100) and answer scores (0-5) into a scorecard.

    Interviewer-entered scores override automatic ones for the same question.
    """
    w = weights or AssessmentWeights()
    by_q: dict[str, AnswerRecord] = {}
    for a in answers:
        prev = by_q.get(a.question)
        if prev is None or (a.scored_by == "interviewer" and prev.scored_by == "auto"):
            by_q[a.question] = a
    kept = list(by_q.values())
    groups: dict[str, list[float]] = defaultdict(list)
    for a in kept:
        groups[a.competency].append(a.score)
    comps = [CompetencyRating(competency=c, rating=round(sum(v) / len(v), 2), answers=len(v))
             for c, v in sorted(groups.items())]
    interview = round(sum(a.score for a in kept) / len(kept), 2) if kept else None
    ws, wi = w.normalised()
    if interview is None and screening_score is None:
        raise ValueError("an assessment needs a screening score or at least one scored answer")
    if interview is None:
        final = float(screening_score)
    elif screening_score is None:
        final = interview * 20
    else:
        final = ws * screening_score + wi * interview * 20
    final = round(final, 1)
    rec = recommend(final, comps)
    out_notes = list(notes or [])
    if flags:
        out_notes.append("Resume was flagged for review (" + ", ".join(flags) + "): check before deciding.")
    if interview is None:
        out_notes.append("No interview answers scored yet: the recommendation rests on screening alone.")
    return Scorecard(candidate=candidate, job=job, screening_score=screening_score, interview_score=interview,
                     final_score=final, recommendation=rec, recommendation_label=RECOMMENDATION_LABELS[rec],
                     competencies=comps, answers=kept, notes=out_notes, weights=w)


def final_shortlist(cards: list[Scorecard]) -> list[Scorecard]:
    """Candidates ordered by final score (ties: interview score, then screening score)."""
    return sorted(cards, key=lambda c: (-c.final_score, -(c.interview_score or 0), -(c.screening_score or 0)))


def scorecard_markdown(card: Scorecard) -> str:
    lines = [f"# Scorecard: {card.candidate}", "", f"Job: {card.job}", "",
             f"**{card.recommendation_label}** (final {card.final_score:.1f}/100; screening "
             f"{'-' if card.screening_score is None else f'{card.screening_score:.1f}'}, interview "
             f"{'-' if card.interview_score is None else f'{card.interview_score:.2f}/5'}; weights "
             f"{card.weights.screening:g}/{card.weights.interview:g})", "", "| competency | rating (0-5) | answers |",
             "|---|---|---|"]
    lines += [f"| {c.competency} | {c.rating:.2f} | {c.answers} |" for c in card.competencies]
    lines += ["", "| question | competency | score | by | note |", "|---|---|---|---|---|"]
    lines += [f"| {a.question.replace('|', '/')} | {a.competency} | {a.score:.1f} | {a.scored_by} | "
              f"{a.note.replace('|', '/')} |" for a in card.answers]
    if card.notes:
        lines += ["", *[f"- {n}" for n in card.notes]]
    lines += ["", f"_{card.advice}_", ""]
    return "\n".join(lines)
