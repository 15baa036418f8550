"""Demographic data stays apart: the audit reads it, nothing that scores or prompts ever does."""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from shortlist.store.models import Candidate, Event, RankingEntry
from shortlist.store.workspace import OVERRIDE_LOW, rank_job

SRC = Path(__file__).resolve().parents[2] / "src" / "shortlist"
JOB = "Backend Engineer\n\nRequirements\n- 3+ years of Python\n- PostgreSQL\n"


def _resume(name: str, skills: str, since: int, title: str = "Software Engineer, Acme Works") -> bytes:
    return (f"{name}\n{name.split()[0].lower()}@example.com\n\nEXPERIENCE\n{title}\n"
            f"Jan {since} - Present\n- {skills}\n").encode()


def _pool(ws):
    with ws.db.session() as s:
        job = ws.create_job(s, "rec@example.com", JOB)
        ids = [ws.upload(s, "rec@example.com", job.id, f"{n}.txt", _resume(n, sk, y, *t)).id
               for n, sk, y, *t in [("Ana Costa", "Built services with Python and PostgreSQL", 2015),
                                    ("Ben Okoro", "Built services with Python", 2021),
                                    ("Chloe Dubois", "Served customers, made coffee and ran the till", 2024,
                                     "Barista, Corner Coffee")]]
        job_id = job.id
    ws.process_queue()
    return job_id, ids


def test_demographics_never_reach_ranking_embeddings_or_files(workspace):
    job_id, ids = _pool(workspace)
    with workspace.db.session() as s:
        for cid in ids:
            workspace.record_demographics(s, "rec@example.com", cid, "SexMarkerQ7", "RaceMarkerZ9")
    ranked = rank_job(workspace, job_id)
    assert ranked
    blob = repr(ranked)
    with workspace.db.session() as s:
        blob += repr([e.result for e in s.scalars(select(RankingEntry))])
        blob += repr([c.profile for c in s.scalars(select(Candidate))])
        blob += repr([e.detail for e in s.scalars(select(Event))])
    assert "Marker" not in blob
    for f in workspace.data_dir.rglob("*"):
        if f.is_file() and not f.name.startswith("shortlist.db"):
            assert b"Marker" not in f.read_bytes(), f  # caches, embeddings, stored files


def test_only_the_audit_and_the_store_touch_demographics():
    allowed = {"store", "fairness", "api"}
    offenders = []
    for py in SRC.rglob("*.py"):
        rel = py.relative_to(SRC)
        if rel.parts[0] in allowed:
            continue
        if re.search(r"\bDemographic\b|\bdemographics\b|record_demographics", py.read_text(encoding="utf-8")):
            offenders.append(str(rel))
    assert offenders == [], f"demographic data must stay out of scoring and prompts: {offenders}"


def test_workspace_audit_and_override_logging(workspace):
    job_id, ids = _pool(workspace)
    ranked = rank_job(workspace, job_id)
    by_id = {r["id"]: r for r in ranked}
    with workspace.db.session() as s:
        for cid, (sex, race) in zip(ids, [("F", "A"), ("M", "B"), ("F", "B")]):
            workspace.record_demographics(s, "rec@example.com", cid, sex, race)
    top, low = ranked[0]["id"], ranked[-1]["id"]
    with workspace.db.session() as s:
        workspace.decide(s, "rec@example.com", top, "advance")
    assert by_id[low]["score"] < OVERRIDE_LOW, by_id[low]["score"]
    with pytest.raises(ValueError, match="against the ranking"), workspace.db.session() as s:
        workspace.decide(s, "rec@example.com", low, "advance")
    with workspace.db.session() as s:
        workspace.decide(s, "rec@example.com", low, "advance", reason="strong referral; check Python depth")
    with workspace.db.session() as s:
        ev = s.scalars(select(Event).where(Event.action == "decision.override")).one()
        assert ev.detail["reason"].startswith("strong referral")
    rep = workspace.audit(job_id, "selected")
    assert rep.total == 3 and {r.dimension for r in rep.rows} >= {"sex", "race_ethnicity"}
    rep_scores = workspace.audit(job_id, "score")
    assert rep_scores.outcome_type == "score"
