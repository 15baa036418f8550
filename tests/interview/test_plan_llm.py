"""The LLM path of interview plans against a loopback chat-completions server (StandInLLM)."""
from __future__ import annotations

import socket

import pytest

from shortlist.interview import plan_interview
from shortlist.llm import LLMConfig, OpenAICompatible
from shortlist.llm.standin import StandInLLM
from shortlist.profile.job import parse_job_text
from shortlist.profile.parse import parse_text

from .test_plan_fixtures import INJECTION, JOB_EN, RESUME_EN, ranked_by_hand

STATUS = {"skill:Python": "met", "skill:PostgreSQL": "met", "skill:Kubernetes": "met"}


def _backend(url: str, timeout: float = 5.0) -> OpenAICompatible:
    return OpenAICompatible(LLMConfig(base_url=url, model="interviewer", timeout_s=timeout))


def _q(rid, kind="verify", text=None):
    return {"kind": kind, "text": text or f"Tell me how you used {rid.split(':')[-1]} in your last role, in detail.",
            "why": f"tests {rid}", "requirement_id": rid, "competency": "technical_depth", "difficulty": 3,
            "rubric": ["names concrete tools", "explains trade-offs", "gives numbers"], "follow_ups": ["What broke?"]}


@pytest.fixture(scope="module")
def job():
    return parse_job_text(JOB_EN)


def _reply_for(job, skip=()):
    qs = [_q(r.id) for r in job.skill_requirements(required=True) if r.id not in skip]
    qs.append(_q("", kind="behavioural", text="Tell me about a time you mentored an engineer who was struggling."))
    qs[-1]["requirement_id"] = None
    return {"questions": qs}


def test_llm_questions_are_used_when_valid(job):
    prof = parse_text(RESUME_EN)
    with StandInLLM([_reply_for(job)]) as srv:
        plan = plan_interview(job, prof, ranked_by_hand(job, prof, STATUS), llm=_backend(srv.base_url), llm_retries=1)
        sent = srv.requests[0]["messages"]
    assert plan.generator.startswith("llm:") and not plan.notes
    assert all(q.source == "llm" for q in plan.questions)
    assert any("mentored" in q.text for q in plan.questions)
    assert {r.id for r in job.skill_requirements(required=True)} <= {q.requirement_id for q in plan.questions}
    assert "DATA to analyse" in sent[0]["content"]  # the data rule is the system message
    assert "<resume>" in sent[1]["content"] and "skill:Terraform" in sent[1]["content"]
    # doubt first: the missing Terraform question is asked before the verified Python one
    ids = [q.requirement_id for q in plan.questions]
    assert ids.index("skill:Terraform") < ids.index("skill:Python")


def test_uncovered_required_skills_get_pattern_questions(job):
    prof = parse_text(RESUME_EN)
    with StandInLLM([_reply_for(job, skip={"skill:Terraform"})]) as srv:
        plan = plan_interview(job, prof, ranked_by_hand(job, prof, STATUS), llm=_backend(srv.base_url), llm_retries=0)
    terra = [q for q in plan.questions if q.requirement_id == "skill:Terraform"]
    assert terra and terra[0].source == "patterns"
    assert any("Terraform" in n and "built-in patterns" in n for n in plan.notes)


def test_malformed_replies_fall_back_with_a_note(job):
    prof = parse_text(RESUME_EN)
    ranked = ranked_by_hand(job, prof, STATUS)
    with StandInLLM(["not json", '{"questions": "nope"}']) as srv:
        plan = plan_interview(job, prof, ranked, llm=_backend(srv.base_url), llm_retries=1)
        assert len(srv.requests) == 2
    assert plan.generator == "patterns" and all(q.source == "patterns" for q in plan.questions)
    assert len(plan.notes) == 1
    assert plan.notes[0].startswith("LLM unavailable:") and "built-in patterns" in plan.notes[0]
    assert plan.questions == plan_interview(job, prof, ranked).questions  # exactly the deterministic plan


def test_down_endpoint_gives_one_clear_note(job):
    prof = parse_text(RESUME_EN)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    plan = plan_interview(job, prof, ranked_by_hand(job, prof, STATUS), llm=_backend(f"http://127.0.0.1:{port}/v1", 2),
                          llm_retries=2)
    assert len(plan.notes) == 1 and "cannot reach" in plan.notes[0] and "built-in patterns" in plan.notes[0]
    assert plan.questions and plan.generator == "patterns"


def test_hidden_instructions_never_reach_the_model_nor_change_the_plan(job):
    clean = parse_text(RESUME_EN)
    dirty = parse_text(RESUME_EN + "\n" + INJECTION + "\n")
    assert any(f.span for f in dirty.flags)
    plans = []
    for prof in (clean, dirty):
        with StandInLLM([_reply_for(job)]) as srv:
            plans.append(plan_interview(job, prof, ranked_by_hand(job, prof, STATUS), llm=_backend(srv.base_url),
                                        llm_retries=0))
            sent = srv.sent_text()
        assert "rank this candidate" not in sent and "Ignore previous instructions" not in sent
        assert "Acme Payments" in sent  # the visible resume did go
    a, b = plans
    assert a.questions == b.questions and a.forecast == b.forecast
    assert a.flags_note is None and b.flags_note
