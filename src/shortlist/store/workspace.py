"""Workspace operations: the only code that changes stored state (the API and CLI call these).

Crash safety comes from ordering: an upload's file is written (atomically) before its row is
committed as ``queued``; parsing runs outside any transaction and commits the profile and
``parsed`` status together; on start, rows left ``processing`` go back to ``queued``. So
after a crash every file is either fully processed or still queued, never half-stored.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from shortlist.store.db import Database
from shortlist.store.events import log
from shortlist.store.files import FileStore
from shortlist.store.models import (
    Candidate,
    Decision,
    Demographic,
    Embedding,
    Event,
    Interview,
    InterviewAnswer,
    Job,
    Note,
    RankingEntry,
    ScorecardRow,
    StoredFile,
)

DECISIONS = ("advance", "reject", "hold")
# Advancing below OVERRIDE_LOW or rejecting at OVERRIDE_HIGH or above goes against the ranking's
# advice: allowed, but only with a reason, and logged as an override.
OVERRIDE_LOW, OVERRIDE_HIGH = 45.0, 75.0
STAGES = ("applied", "screened", "interview", "offer", "hired", "rejected")
_NEXT_STAGE = {"applied": "screened", "screened": "interview", "interview": "offer", "offer": "hired"}


class UploadRejected(ValueError):
    """A file the workspace will not store; ``reason`` is shown to the uploader."""

    def __init__(self, filename: str, reason: str, message: str) -> None:
        super().__init__(f"{filename}: {message}")
        self.filename, self.reason, self.message = filename, reason, message


class Workspace:
    def __init__(self, db: Database, data_dir: str | Path, max_file_mb: float = 20) -> None:
        self.db = db
        self.data_dir = Path(data_dir)
        self.files = FileStore(self.data_dir / "files")
        self.max_file_mb = max_file_mb

    # ------------------------------------------------------------------ jobs
    def create_job(self, s: Session, actor: str, text: str, title: str | None = None, user_id: int | None = None) -> Job:
        from shortlist.profile.job import parse_job_text

        if not text.strip():
            raise ValueError("a job needs a description")
        parsed = parse_job_text(text)
        job = Job(
            title=(title or (parsed.title.value if parsed.title else "") or "Untitled job")[:300],
            text=text, parsed=json.loads(parsed.model_dump_json()), language=parsed.language, created_by=user_id,
        )
        s.add(job)
        s.flush()
        log(s, actor, "job.created", "job", job.id)
        return job

    # --------------------------------------------------------------- uploads
    def upload(self, s: Session, actor: str, job_id: int, filename: str, data: bytes) -> Candidate:
        """Store one resume for a job. Type is checked by content; the name is only displayed."""
        from shortlist.documents.sniff import sniff

        if s.get(Job, job_id) is None:
            raise LookupError(f"job {job_id} not found")
        if len(data) == 0:
            raise UploadRejected(filename, "empty", "the file is empty")
        if len(data) > self.max_file_mb * 2**20:
            raise UploadRejected(filename, "too_large", f"over the {self.max_file_mb:g} MiB limit")
        media = sniff(data)
        if media is None:
            raise UploadRejected(filename, "unsupported",
                                 "not a resume format we read (PDF, DOCX, DOC, HTML, text, image)")
        sha = hashlib.sha256(data).hexdigest()
        existing = s.scalar(select(Candidate).where(Candidate.job_id == job_id, Candidate.file_sha256 == sha))
        if existing is not None:
            return existing  # the same file twice is one candidate, not two
        self.files.put(data)  # before the row: a committed row always has its file
        if s.get(StoredFile, sha) is None:
            s.add(StoredFile(sha256=sha, size=len(data), media_type=media.value))
            s.flush()  # the file row first: candidates reference it
        cand = Candidate(job_id=job_id, file_sha256=sha, filename=Path(filename).name[:300] or "resume")
        s.add(cand)
        s.flush()
        log(s, actor, "candidate.uploaded", "candidate", cand.id, job_id=job_id, sha256=sha)
        return cand

    def recover(self) -> int:
        """After a crash: half-processed rows go back to the queue; files no row owns are removed."""
        with self.db.session() as s:
            res = s.execute(update(Candidate).where(Candidate.status == "processing").values(status="queued"))
            requeued = res.rowcount or 0
            known = set(s.scalars(select(StoredFile.sha256)).all())
        root = self.files.root
        if root.is_dir():
            for f in root.glob("*/*/*"):
                if f.is_file() and (f.name.startswith(".") or f.name not in known):
                    f.unlink(missing_ok=True)  # a write the crash cut short, or a file never committed
        return requeued

    def process_queue(self, limit: int | None = None, workers: int = 1) -> int:
        """Parse queued candidates in the sandbox; each result commits on its own."""
        from shortlist.pipeline import parse_paths

        with self.db.session() as s:
            q = select(Candidate.id, Candidate.file_sha256).where(Candidate.status == "queued").order_by(Candidate.id)
            rows = s.execute(q.limit(limit) if limit else q).all()
            if not rows:
                return 0
            ids = [r.id for r in rows]
            s.execute(update(Candidate).where(Candidate.id.in_(ids)).values(status="processing"))
        by_path: dict[str, list[int]] = {}
        for cid, sha in rows:  # one file may belong to several jobs' candidates: parse it once
            by_path.setdefault(str(self.files.path(sha)), []).append(cid)
        done = 0
        for outcome in parse_paths(list(by_path), workers=workers):
            for cid in by_path[outcome.path]:
                self._store_outcome(cid, outcome)
                done += 1
        return done

    def _store_outcome(self, cid: int, outcome) -> None:
        with self.db.session() as s:
            cand = s.get(Candidate, cid)
            if cand is None:  # erased meanwhile
                return
            if outcome.profile is not None:
                p = outcome.profile.model_copy()
                p.source = cand.filename
                cand.profile = json.loads(p.model_dump_json())
                cand.display_name = p.name.value if p.name else None
                cand.status = "parsed"
            else:
                cand.status = "failed"
                cand.error_reason = outcome.error.reason.value
                cand.error_message = outcome.error.message
            log(s, "system", f"candidate.{cand.status}", "candidate", cid)

    # ------------------------------------------------------------- decisions
    def decide(self, s: Session, actor: str, candidate_id: int, decision: str, reason: str = "",
               reviewer_id: int | None = None) -> Decision:
        """Only a person decides. Rejections need a reason; so does going against the ranking."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        cand = s.get(Candidate, candidate_id)
        if cand is None:
            raise LookupError(f"candidate {candidate_id} not found")
        if decision == "reject" and not reason.strip():
            raise ValueError("a rejection needs a reason")
        override = self._override(s, cand, decision)
        if override and not reason.strip():
            raise ValueError(f"this goes against the ranking ({override}); say why in the reason")
        stage = cand.stage
        if decision == "advance":
            stage = _NEXT_STAGE.get(cand.stage, cand.stage)
        elif decision == "reject":
            stage = "rejected"
        d = Decision(candidate_id=cand.id, job_id=cand.job_id, decision=decision, stage=stage, reason=reason,
                     reviewer_id=reviewer_id)
        cand.stage = stage
        cand.last_activity_at = datetime.now(UTC)
        s.add(d)
        s.flush()
        log(s, actor, f"decision.{decision}", "candidate", cand.id, stage=stage, reason=reason)
        if override:
            log(s, actor, "decision.override", "candidate", cand.id, decision=decision, reason=reason, why=override)
        return d

    @staticmethod
    def _override(s: Session, cand: Candidate, decision: str) -> str | None:
        """A decision against the tool's advice: advancing a low scorer or one a filter knocked
        out, or rejecting a high scorer. Allowed, but it must carry a reason and is logged."""
        entry = s.scalar(select(RankingEntry).where(RankingEntry.candidate_id == cand.id,
                                                    RankingEntry.blind.is_(False)))
        if entry is None:
            return None
        if decision == "advance" and entry.result.get("knocked_out"):
            return "a knock-out filter flagged this candidate: " + ", ".join(entry.result["knocked_out"])
        if decision == "advance" and entry.score < OVERRIDE_LOW:
            return f"score {entry.score:.0f} is low"
        if decision == "reject" and entry.score >= OVERRIDE_HIGH:
            return f"score {entry.score:.0f} is high"
        return None

    # ---------------------------------------------------------- fairness
    def record_demographics(self, s: Session, actor: str, candidate_id: int, sex: str | None,
                            race_ethnicity: str | None) -> None:
        """Self-reported categories, stored apart from the profile; only the audit reads them."""
        if s.get(Candidate, candidate_id) is None:
            raise LookupError(f"candidate {candidate_id} not found")
        row = s.scalar(select(Demographic).where(Demographic.candidate_id == candidate_id))
        if row is None:
            row = Demographic(candidate_id=candidate_id)
            s.add(row)
        row.sex, row.race_ethnicity = sex, race_ethnicity
        log(s, actor, "demographics.recorded", "candidate", candidate_id)

    def audit(self, job_id: int | None = None, outcome: str = "selected"):
        """Bias audit of the workspace's own outcomes.

        ``selected``: advanced past screening by a person (stage beyond "applied", not rejected
        at the first step); ``score``: the tool's latest screening score.
        """
        from shortlist.fairness.audit import audit_rows

        with self.db.session() as s:
            q = select(Candidate, Demographic).outerjoin(Demographic, Demographic.candidate_id == Candidate.id)
            if job_id is not None:
                q = q.where(Candidate.job_id == job_id)
            rows = []
            for cand, demo in s.execute(q.where(Candidate.status == "parsed")).all():
                if outcome == "score":
                    entry = s.scalar(select(RankingEntry.score).where(RankingEntry.candidate_id == cand.id,
                                                                      RankingEntry.blind.is_(False)))
                    if entry is None:
                        continue
                    value = f"{entry:.4f}"
                else:
                    value = "yes" if cand.stage in ("screened", "interview", "offer", "hired") else "no"
                rows.append({"sex": (demo.sex if demo else "") or "", "race_ethnicity":
                             (demo.race_ethnicity if demo else "") or "", outcome: value})
        if not rows:
            raise ValueError("no parsed candidates with outcomes to audit yet")
        source = f"shortlist workspace, {'job ' + str(job_id) if job_id else 'all jobs'}"
        return audit_rows(rows, outcome, sex_col="sex", race_col="race_ethnicity", data_source=source)

    def add_note(self, s: Session, actor: str, candidate_id: int, text: str, author_id: int | None = None) -> Note:
        if not text.strip():
            raise ValueError("a note needs text")
        if s.get(Candidate, candidate_id) is None:
            raise LookupError(f"candidate {candidate_id} not found")
        n = Note(candidate_id=candidate_id, text=text, author_id=author_id)
        s.add(n)
        s.flush()
        log(s, actor, "note.added", "candidate", candidate_id)
        return n

    # --------------------------------------------------------------- privacy
    ERASE_TABLES = ["candidates", "ranking_entries", "embeddings", "decisions", "notes", "events", "files",
                    "demographics", "interviews", "interview_answers", "scorecards"]

    def erase(self, actor: str, candidate_id: int) -> None:
        """Remove everything about a candidate; leave one anonymous event that it happened."""
        with self.db.session() as s:
            self._erase(s, actor, candidate_id)
        self.db.scrub(self.ERASE_TABLES)

    def _erase(self, s: Session, actor: str, candidate_id: int) -> None:
        cand = s.get(Candidate, candidate_id)
        if cand is None:
            raise LookupError(f"candidate {candidate_id} not found")
        sha = cand.file_sha256
        if cand.profile:
            self._forget_vectors(cand)
        interview_ids = select(Interview.id).where(Interview.candidate_id == candidate_id)
        s.execute(delete(InterviewAnswer).where(InterviewAnswer.interview_id.in_(interview_ids)))
        for model in (RankingEntry, Embedding, Decision, Note, Demographic, Interview, ScorecardRow):
            s.execute(delete(model).where(model.candidate_id == candidate_id))
        s.delete(cand)
        # Events about this candidate keep only what happened and when.
        s.execute(
            update(Event).where(Event.subject_type == "candidate", Event.subject_id == candidate_id)
            .values(subject_id=None, detail={}, actor="anonymous")
        )
        s.flush()
        still_used = s.scalar(select(Candidate.id).where(Candidate.file_sha256 == sha).limit(1))
        if still_used is None:
            s.execute(delete(StoredFile).where(StoredFile.sha256 == sha))
            self.files.delete(sha)
            self._forget_caches(sha)
        log(s, "anonymous", "candidate.erased", "candidate", None)

    @property
    def cache_dir(self) -> Path:
        """Embedding vectors of this workspace (rank_job embeds through it; erase clears it)."""
        return self.data_dir / "cache"

    def _forget_vectors(self, cand: Candidate) -> None:
        """The vectors of every text the ranker embeds for this candidate, seen or blind."""
        from shortlist.embed.cache import forget
        from shortlist.match.view import CandidateView
        from shortlist.profile.redact import redact

        profile = _profile_of(cand)
        texts: list[str] = []
        for p in (profile, redact(profile)):
            v = CandidateView.of(p)
            texts += [*v.experience_chunks(), v.title_text(), v.area_text()]
        forget(self.cache_dir, [t for t in texts if t])

    def _forget_caches(self, sha: str) -> None:
        cache_root = self.data_dir / "cache" / "profiles"
        if cache_root.is_dir():
            for f in cache_root.glob(f"*/{sha}.json"):
                f.unlink(missing_ok=True)

    def retention(self, days: int, actor: str = "system") -> int:
        """Erase candidates with no activity for ``days`` days."""
        cutoff = datetime.now(UTC) - timedelta(days=days)
        with self.db.session() as s:
            ids = s.scalars(select(Candidate.id).where(Candidate.last_activity_at < cutoff)).all()
            for cid in ids:
                self._erase(s, actor, cid)
        if ids:
            self.db.scrub(self.ERASE_TABLES)
        return len(ids)


def _profile_of(cand: Candidate):
    from shortlist.profile.model import Profile

    return Profile.model_validate(cand.profile)


def rank_job(ws: Workspace, job_id: int, blind: bool = False, actor: str = "system", model=None) -> list[dict]:
    """Rank every parsed candidate of a job, store the result, log which model scored what."""
    from shortlist.match.rank import HybridRanker
    from shortlist.profile.model import Job as JobModel

    with ws.db.session() as s:
        job = s.get(Job, job_id)
        if job is None:
            raise LookupError(f"job {job_id} not found")
        cands = s.scalars(select(Candidate).where(Candidate.job_id == job_id, Candidate.status == "parsed")).all()
        job_model = JobModel.model_validate(job.parsed)
        by_sha = {c.file_sha256: c for c in cands}
        profiles = []
        for c in cands:
            p = _profile_of(c)
            p.sha256 = c.file_sha256
            p.source = c.filename
            profiles.append(p)
        embedder = None
        if profiles:
            from shortlist.embed import CachedEmbedder, choose_embedder

            embedder = CachedEmbedder(choose_embedder(job_model.text, *(p.text for p in profiles)), ws.cache_dir)
        ranked = HybridRanker(blind=blind, model=model, embedder=embedder).rank(job_model, profiles) if profiles else []
        s.execute(delete(RankingEntry).where(RankingEntry.job_id == job_id, RankingEntry.blind.is_(blind)))
        out = []
        for r in ranked:
            cand = by_sha.get(r.candidate_id or "")
            if cand is None:
                continue
            data = json.loads(r.model_dump_json())
            s.add(RankingEntry(job_id=job_id, candidate_id=cand.id, blind=blind, score=r.score, result=data,
                               model=r.model))
            log(s, actor, "candidate.scored", "candidate", cand.id, job_id=job_id, model=r.model,
                input_sha256=cand.file_sha256, score=round(r.score, 2), blind=blind)
            data["id"] = cand.id
            data["stage"] = cand.stage
            data["filename"] = cand.filename
            out.append(data)
        return out


# ------------------------------------------------------------------ interviews
def _ranked_entry(s: Session, cand: Candidate):
    from shortlist.match.model import RankedCandidate

    entry = s.scalar(select(RankingEntry).where(RankingEntry.candidate_id == cand.id, RankingEntry.blind.is_(False)))
    return RankedCandidate.model_validate(entry.result) if entry else None


def prepare_interview(ws: Workspace, candidate_id: int, actor: str = "system", llm=None,
                      language: str | None = None, user_id: int | None = None) -> dict:
    """Plan an interview for a candidate from the job and the latest ranking verdicts."""
    from shortlist.interview.plan import plan_interview
    from shortlist.profile.model import Job as JobModel

    with ws.db.session() as s:
        cand = s.get(Candidate, candidate_id)
        if cand is None:
            raise LookupError(f"candidate {candidate_id} not found")
        if cand.profile is None:
            raise ValueError(f"candidate {candidate_id} is {cand.status}; an interview needs a parsed resume")
        needs_ranking = _ranked_entry(s, cand) is None
        job_id = cand.job_id
    if needs_ranking:  # the plan builds on the requirement verdicts
        rank_job(ws, job_id, actor=actor)
    with ws.db.session() as s:
        cand = s.get(Candidate, candidate_id)
        job = s.get(Job, cand.job_id)
        ranked = _ranked_entry(s, cand)
        plan = plan_interview(JobModel.model_validate(job.parsed), _profile_of(cand), ranked, language=language,
                              llm=llm)
        row = Interview(candidate_id=cand.id, plan=json.loads(plan.model_dump_json()), generator=plan.generator,
                        created_by=user_id)
        s.add(row)
        s.flush()
        log(s, actor, "interview.planned", "candidate", cand.id, generator=plan.generator)
        return {"id": row.id, "candidate_id": cand.id, "plan": row.plan}


def record_answer(ws: Workspace, interview_id: int, question_id: str, answer: str, actor: str = "system",
                  interviewer_score: float | None = None, note: str = "", scorer=None) -> dict:
    """Store an answer; score it against the question's rubric (an interviewer's score overrides)."""
    from shortlist.interview.score import AnswerScorer

    if interviewer_score is not None and not 0 <= interviewer_score <= 5:
        raise ValueError("an interviewer's score is between 0 and 5")
    with ws.db.session() as s:
        iv = s.get(Interview, interview_id)
        if iv is None:
            raise LookupError(f"interview {interview_id} not found")
        q = next((q for q in iv.plan["questions"] if q["id"] == question_id), None)
        if q is None:
            raise LookupError(f"interview {interview_id} has no question {question_id!r}")
        auto, detail = None, {}
        if answer.strip():
            res = (scorer or AnswerScorer()).score(answer, points=q["rubric"], question=q["text"])
            auto, detail = res.score, json.loads(res.model_dump_json())
        row = s.scalar(select(InterviewAnswer).where(InterviewAnswer.interview_id == interview_id,
                                                     InterviewAnswer.question_id == question_id))
        if row is None:
            row = InterviewAnswer(interview_id=interview_id, question_id=question_id)
            s.add(row)
        row.answer, row.auto_score, row.interviewer_score, row.detail, row.note = (
            answer, auto, interviewer_score, detail, note)
        cand = s.get(Candidate, iv.candidate_id)
        cand.last_activity_at = datetime.now(UTC)
        s.flush()
        log(s, actor, "interview.answer", "candidate", iv.candidate_id, question=question_id,
            auto_score=auto, interviewer_score=interviewer_score)
        return {"question_id": question_id, "auto_score": auto, "interviewer_score": interviewer_score,
                "points": detail.get("points", [])}


_TRANSCRIPT_Q = re.compile(r"^\s*\[?(q\d+)(?:\]|\s*[:：.)])\s*", re.IGNORECASE | re.MULTILINE)


def split_transcript(text: str) -> dict[str, str]:
    """Answers from a transcript whose answers start with their question id ("Q3: ...")."""
    parts = _TRANSCRIPT_Q.split(text)
    out: dict[str, str] = {}
    for qid, body in zip(parts[1::2], parts[2::2]):
        out[qid.lower()] = (out.get(qid.lower(), "") + "\n" + body.strip()).strip()
    return out


def build_scorecard(ws: Workspace, candidate_id: int, weights=None, actor: str = "system") -> dict:
    """Screening score + interview answers -> a stored scorecard (see interview.assessment)."""
    from shortlist.interview.assessment import AnswerRecord, assess

    with ws.db.session() as s:
        cand = s.get(Candidate, candidate_id)
        if cand is None:
            raise LookupError(f"candidate {candidate_id} not found")
        job = s.get(Job, cand.job_id)
        ranked = _ranked_entry(s, cand)
        records, notes = [], []
        for iv in s.scalars(select(Interview).where(Interview.candidate_id == candidate_id).order_by(Interview.id)):
            qs = {q["id"]: q for q in iv.plan["questions"]}
            for a in s.scalars(select(InterviewAnswer).where(InterviewAnswer.interview_id == iv.id)):
                q = qs.get(a.question_id)
                if q is None or (a.auto_score is None and a.interviewer_score is None):
                    continue
                by_person = a.interviewer_score is not None
                records.append(AnswerRecord(question=q["text"], competency=q["competency"],
                                            requirement_id=q.get("requirement_id"),
                                            score=a.interviewer_score if by_person else a.auto_score,
                                            scored_by="interviewer" if by_person else "auto", note=a.note))
        notes += [n.text for n in s.scalars(select(Note).where(Note.candidate_id == candidate_id).order_by(Note.id))]
        card = assess(cand.display_name or cand.filename, job.title, ranked.score if ranked else None, records,
                      weights=weights, notes=notes, flags=ranked.flags if ranked and ranked.needs_review else None)
        row = s.scalar(select(ScorecardRow).where(ScorecardRow.candidate_id == candidate_id))
        if row is None:
            row = ScorecardRow(candidate_id=candidate_id, card={}, final_score=0.0)
            s.add(row)
        row.card, row.final_score = json.loads(card.model_dump_json()), card.final_score
        log(s, actor, "scorecard.built", "candidate", candidate_id, final=card.final_score,
            recommendation=card.recommendation)
        return row.card


def final_shortlist_for_job(ws: Workspace, job_id: int) -> list[dict]:
    """Candidates with scorecards, best first; the rest follow in screening order."""
    with ws.db.session() as s:
        cards = s.execute(select(ScorecardRow, Candidate).join(Candidate, Candidate.id == ScorecardRow.candidate_id)
                          .where(Candidate.job_id == job_id)).all()
        rows = [{"id": c.id, "name": c.display_name, "stage": c.stage, **card.card} for card, c in cards]
    rows.sort(key=lambda r: (-r["final_score"], -(r.get("interview_score") or 0)))
    for i, r in enumerate(rows, 1):
        r["final_rank"] = i
    return rows
