"""Interview plan, answers and scorecard stored in the workspace; erased with the candidate."""
import pytest
from sqlalchemy import func, select

from shortlist.store.models import Interview, InterviewAnswer, ScorecardRow
from shortlist.store.workspace import (
    build_scorecard,
    final_shortlist_for_job,
    prepare_interview,
    record_answer,
    split_transcript,
)

JOB = "Backend Engineer\n\nRequirements\n- 3+ years of Python\n- PostgreSQL\n- Kubernetes\n"
RESUME = (b"Ana Costa\nana@example.com\n\nEXPERIENCE\nBackend Engineer, Acme Works\nJan 2016 - Present\n"
          b"- Built Python services on PostgreSQL\n")


def test_plan_answer_scorecard_and_erase(workspace):
    with workspace.db.session() as s:
        job = workspace.create_job(s, "rec@example.com", JOB)
        cid = workspace.upload(s, "rec@example.com", job.id, "ana.txt", RESUME).id
        job_id = job.id
    workspace.process_queue()
    iv = prepare_interview(workspace, cid, "rec@example.com")
    questions = iv["plan"]["questions"]
    assert questions and iv["plan"]["forecast"]
    q = questions[0]
    good = " ".join(q["rubric"])  # an answer that says every rubric point
    res = record_answer(workspace, iv["id"], q["id"], good, "rec@example.com")
    assert res["auto_score"] is not None and res["auto_score"] >= 3
    record_answer(workspace, iv["id"], questions[1]["id"], "I am not sure.", "rec@example.com",
                  interviewer_score=1.0, note="could not explain")
    with pytest.raises(LookupError):
        record_answer(workspace, iv["id"], "q999", "x")
    card = build_scorecard(workspace, cid, actor="rec@example.com")
    assert card["interview_score"] is not None and card["screening_score"] is not None
    assert card["recommendation"] in {"strong_hire", "hire", "no_hire", "strong_no_hire"}
    assert any(a["scored_by"] == "interviewer" for a in card["answers"])
    final = final_shortlist_for_job(workspace, job_id)
    assert final[0]["id"] == cid and final[0]["final_rank"] == 1

    workspace.erase("rec@example.com", cid)
    with workspace.db.session() as s:
        for model in (Interview, InterviewAnswer, ScorecardRow):
            assert s.scalar(select(func.count()).select_from(model)) == 0


def test_split_transcript():
    t = "Q1: We sharded by tenant.\nIt worked.\n[q2] 用了消息队列\nQ3. Not sure"
    assert split_transcript(t) == {"q1": "We sharded by tenant.\nIt worked.", "q2": "用了消息队列", "q3": "Not sure"}
