"""Interview kit: evidence-linked interview plans (questions, rubrics, a forecast per requirement).

Public API: ``plan_interview(job, profile, ranked=None, language=None, llm=None, max_questions=12)``
-> ``InterviewPlan``; ``forecast(job, profile, ranked)``; ``render.to_markdown`` / ``render.to_html``.
"""
from shortlist.interview.model import InterviewPlan, Question, RequirementForecast
from shortlist.interview.plan import forecast, plan_interview

__all__ = ["InterviewPlan", "Question", "RequirementForecast", "forecast", "plan_interview"]
