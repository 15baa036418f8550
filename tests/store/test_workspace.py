import json

import pytest
from sqlalchemy import func, select, text

from shortlist.store.auth import add_user, authenticate, issue_token, user_for_token
from shortlist.store.models import Candidate, Decision, Event, Note, StoredFile
from shortlist.store.workspace import UploadRejected

JOB = """Senior Backend Engineer

Requirements
- 5+ years of experience building backend services
- Python and PostgreSQL
"""

RESUME = """Priya Raman
priya.raman@example.com | +1 206 555 0187 | Seattle, WA

EXPERIENCE
Backend Engineer, Cascade Freight
Mar 2017 - Present
- Python services on PostgreSQL

EDUCATION
B.S. Computer Science, University of Washington, 2016
"""


def _job_and_candidate(ws):
    with ws.db.session() as s:
        job = ws.create_job(s, "rec@example.com", JOB)
        cand = ws.upload(s, "rec@example.com", job.id, "priya.txt", RESUME.encode())
        ids = job.id, cand.id
    assert ws.process_queue() == 1
    return ids


def test_upload_process_and_profile_stored(workspace):
    job_id, cid = _job_and_candidate(workspace)
    with workspace.db.session() as s:
        cand = s.get(Candidate, cid)
        assert cand.status == "parsed"
        assert cand.profile["email"]["value"] == "priya.raman@example.com"
        assert cand.display_name == "Priya Raman"


def test_same_file_twice_is_one_candidate(workspace):
    job_id, cid = _job_and_candidate(workspace)
    with workspace.db.session() as s:
        again = workspace.upload(s, "rec@example.com", job_id, "copy.txt", RESUME.encode())
        assert again.id == cid
        assert s.scalar(select(func.count(Candidate.id))) == 1


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"\x00\x01\x02\x03" * 500, "unsupported"), (b"x" * (2 * 2**20), "too_large")],
)
def test_rejected_uploads_leave_nothing(workspace, data, reason):
    workspace.max_file_mb = 1
    with workspace.db.session() as s:
        job = workspace.create_job(s, "rec@example.com", JOB)
        job_id = job.id
    with pytest.raises(UploadRejected) as info, workspace.db.session() as s:
        workspace.upload(s, "rec@example.com", job_id, "bad.pdf", data)
    assert info.value.reason == reason
    with workspace.db.session() as s:
        assert s.scalar(select(func.count(Candidate.id))) == 0
        assert s.scalar(select(func.count(StoredFile.sha256))) == 0
    assert not any((workspace.data_dir / "files").rglob("*")) if (workspace.data_dir / "files").exists() else True


def test_rejection_needs_reason_and_is_logged(workspace):
    _, cid = _job_and_candidate(workspace)
    with workspace.db.session() as s, pytest.raises(ValueError, match="reason"):
        workspace.decide(s, "rec@example.com", cid, "reject")
    with workspace.db.session() as s:
        workspace.decide(s, "rec@example.com", cid, "reject", reason="no PostgreSQL depth")
    with workspace.db.session() as s:
        assert s.get(Candidate, cid).stage == "rejected"
        ev = s.scalars(select(Event).where(Event.action == "decision.reject")).one()
        assert ev.detail["reason"] == "no PostgreSQL depth" and ev.actor == "rec@example.com"


def test_recover_requeues_half_processed(workspace):
    with workspace.db.session() as s:
        job = workspace.create_job(s, "rec@example.com", JOB)
        cand = workspace.upload(s, "rec@example.com", job.id, "p.txt", RESUME.encode())
        cand.status = "processing"  # as if the server died mid-parse
        cid = cand.id
    assert workspace.recover() == 1
    assert workspace.process_queue() == 1
    with workspace.db.session() as s:
        assert s.get(Candidate, cid).status == "parsed"


def test_erase_leaves_nothing_but_an_anonymous_event(workspace):
    job_id, cid = _job_and_candidate(workspace)
    with workspace.db.session() as s:
        workspace.add_note(s, "rec@example.com", cid, "Strong on Python; ask about PostgreSQL tuning")
        workspace.decide(s, "rec@example.com", cid, "advance")
        sha = s.get(Candidate, cid).file_sha256
    workspace.erase("rec@example.com", cid)
    with workspace.db.session() as s:
        assert s.get(Candidate, cid) is None
        assert s.scalar(select(func.count(Note.id))) == 0
        assert s.scalar(select(func.count(Decision.id))) == 0
        assert s.get(StoredFile, sha) is None
        events = s.scalars(select(Event)).all()
        assert any(e.action == "candidate.erased" and e.subject_id is None for e in events)
        assert all(e.subject_id != cid for e in events if e.subject_type == "candidate")
        dump = json.dumps([[e.actor, e.action, e.detail] for e in events])
        # nothing that identifies the person or the file survives in the database
        for needle in ("Priya", "priya", "555 0187", sha):
            assert needle not in dump
        for table in ("candidates", "notes", "decisions", "ranking_entries", "embeddings", "files"):
            rows = s.execute(text(f"SELECT * FROM {table}")).all()
            assert not any("Priya" in str(r) or sha in str(r) for r in rows)
    leftovers = [p for p in workspace.data_dir.rglob("*") if p.is_file() and sha in p.name]
    assert leftovers == []
    # not even in the raw bytes of the database files (free pages, WAL) or any cache
    for p in workspace.data_dir.rglob("*"):
        if p.is_file():
            raw = p.read_bytes()
            assert b"Priya" not in raw and b"priya.raman" not in raw, p


def test_retention_erases_inactive(workspace):
    from datetime import UTC, datetime, timedelta

    _, cid = _job_and_candidate(workspace)
    assert workspace.retention(days=30) == 0
    with workspace.db.session() as s:
        s.get(Candidate, cid).last_activity_at = datetime.now(UTC) - timedelta(days=40)
    assert workspace.retention(days=30) == 1
    with workspace.db.session() as s:
        assert s.get(Candidate, cid) is None


def test_users_passwords_and_tokens(workspace):
    with workspace.db.session() as s:
        with pytest.raises(ValueError, match="role"):
            add_user(s, "x@example.com", "longenough", "boss")
        u = add_user(s, "Ada@Example.com", "correct horse", "recruiter")
        assert u.password_hash.startswith("$argon2")
        token = issue_token(s, u, "ats")
    with workspace.db.session() as s:
        assert authenticate(s, "ada@example.com", "correct horse").role == "recruiter"
        assert authenticate(s, "ada@example.com", "wrong password") is None
        assert user_for_token(s, token).email == "ada@example.com"
        assert user_for_token(s, token + "x") is None


def test_erase_removes_the_candidates_vectors_from_the_embedding_cache(workspace):
    import sqlite3

    from shortlist.embed.cache import CACHE_FILE, cache_key
    from shortlist.match.view import CandidateView
    from shortlist.profile.model import Profile
    from shortlist.store.workspace import rank_job

    job_id, cid = _job_and_candidate(workspace)
    with workspace.db.session() as s:
        other = workspace.upload(s, "rec@example.com", job_id, "tom.txt",
                                 b"Tom Lee\ntom@example.com\n\nEXPERIENCE\nChef, Bistro Nine\n2019 - Present\n"
                                 b"- Ran the kitchen line\n").id
    workspace.process_queue()
    rank_job(workspace, job_id)
    with workspace.db.session() as s:
        views = {c: CandidateView.of(Profile.model_validate(s.get(Candidate, c).profile)) for c in (cid, other)}
    db = sqlite3.connect(workspace.cache_dir / CACHE_FILE)
    models = [m for (m,) in db.execute("SELECT DISTINCT model FROM vectors")]

    def cached(c: int) -> int:
        keys = [cache_key(m, "passage", t) for m in models for t in views[c].experience_chunks()]
        return sum(db.execute("SELECT COUNT(*) FROM vectors WHERE key = ?", (k,)).fetchone()[0] for k in keys)

    assert cached(cid) > 0 and cached(other) > 0
    workspace.erase("rec@example.com", cid)
    assert cached(cid) == 0
    assert cached(other) > 0  # only the erased candidate's vectors go
    db.close()
