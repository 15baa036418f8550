import pytest

from shortlist.interview.assessment import (
    AnswerRecord,
    AssessmentWeights,
    assess,
    final_shortlist,
    scorecard_markdown,
)


def _answers(*scores, competency="technical depth"):
    return [AnswerRecord(question=f"{competency} q{i}", competency=competency, score=s) for i, s in enumerate(scores)]


def test_weights_combine_screening_and_interview():
    card = assess("A", "Backend", 80.0, _answers(4, 5), AssessmentWeights(screening=1, interview=1))
    assert card.interview_score == 4.5
    assert card.final_score == pytest.approx(0.5 * 80 + 0.5 * 90)
    assert card.recommendation == "strong_hire" and card.recommendation_label == "Strong hire"
    only_screen = assess("A", "Backend", 80.0, _answers(4, 5), AssessmentWeights(screening=1, interview=0))
    assert only_screen.final_score == 80.0


def test_a_very_weak_competency_caps_the_recommendation():
    answers = _answers(5, 5, 5) + _answers(1, competency="communication")
    card = assess("B", "Backend", 90.0, answers)
    assert card.final_score >= 62 and card.recommendation == "no_hire"


def test_interviewer_score_overrides_auto_for_the_same_question():
    answers = [AnswerRecord(question="q", score=1.0, scored_by="auto"),
               AnswerRecord(question="q", score=4.0, scored_by="interviewer", note="great follow-up")]
    card = assess("C", "Backend", None, answers)
    assert card.interview_score == 4.0 and card.answers[0].scored_by == "interviewer"


def test_screening_only_is_noted_and_flags_carry_over():
    card = assess("D", "Backend", 55.0, [], flags=["hidden_text"])
    assert card.recommendation == "no_hire"
    assert any("screening alone" in n for n in card.notes) and any("flagged" in n for n in card.notes)
    with pytest.raises(ValueError):
        assess("E", "Backend", None, [])


def test_final_shortlist_order_and_markdown():
    cards = [assess(n, "J", s, _answers(i)) for n, s, i in [("low", 30, 1), ("high", 90, 5), ("mid", 60, 3)]]
    assert [c.candidate for c in final_shortlist(cards)] == ["high", "mid", "low"]
    md = scorecard_markdown(cards[1])
    assert "Scorecard: high" in md and "advice" in md
