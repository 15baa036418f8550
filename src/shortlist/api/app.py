"""The workspace over HTTP: jobs, uploads, candidates, shortlists, decisions, notes, erasure.

Every endpoint names the permission it needs; roles map to permissions in store.auth.
Uploads are accepted per file: each rejected file gets a 4xx reason and leaves no state.
"""

import csv
import io
import json
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, Response, UploadFile, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from shortlist import __version__
from shortlist.settings import load_settings
from shortlist.store import auth
from shortlist.store.db import Database, default_url
from shortlist.store.models import Candidate, Event, Job, Note, RankingEntry, User
from shortlist.store.workspace import UploadRejected, Workspace, rank_job

TOKEN_COOKIE = "shortlist_token"


# ----------------------------------------------------------------- schemas
class LoginIn(BaseModel):
    email: str
    password: str


class TokenOut(BaseModel):
    token: str
    role: str


class JobIn(BaseModel):
    text: str = Field(min_length=1, description="The job description (English or Chinese).")
    title: str | None = None


class JobOut(BaseModel):
    id: int
    title: str
    language: str
    status: str
    candidates: int = 0
    parsed: dict | None = None
    text: str | None = None


class UploadResult(BaseModel):
    accepted: list[dict]
    rejected: list[dict]


class DecisionIn(BaseModel):
    decision: Literal["advance", "reject", "hold"]
    reason: str = ""


class NoteIn(BaseModel):
    text: str = Field(min_length=1)


class DemographicsIn(BaseModel):
    """Self-reported by the candidate; stored apart from the profile and used only by the audit."""

    sex: str | None = None
    race_ethnicity: str | None = None


class InterviewIn(BaseModel):
    language: Literal["en", "zh"] | None = None
    use_llm: bool = True  # use the configured LLM, if any; falls back to the built-in patterns


class AnswerIn(BaseModel):
    question_id: str
    answer: str = ""
    score: float | None = Field(None, ge=0, le=5, description="The interviewer's own 0-5 score (overrides)")
    note: str = ""


class TranscriptIn(BaseModel):
    text: str = Field(min_length=1, description="Answers each starting with their question id: 'Q1: ...'")


class WeightsIn(BaseModel):
    screening: float = Field(0.4, ge=0)
    interview: float = Field(0.6, ge=0)


class UserIn(BaseModel):
    email: str
    password: str = Field(min_length=8)
    role: Literal["admin", "recruiter", "hiring_manager"]
    name: str = ""


# ------------------------------------------------------------- the worker
class QueueWorker:
    """Parses queued uploads in the background so uploads return at once."""

    def __init__(self, ws: Workspace, workers: int = 1, poll_s: float = 0.3) -> None:
        self.ws, self.workers, self.poll_s = ws, workers, poll_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.ws.recover()
        self._thread = threading.Thread(target=self._run, name="shortlist-queue", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                n = self.ws.process_queue(limit=16, workers=self.workers)
            except Exception:  # noqa: BLE001 - the worker must survive; rows stay queued
                n = 0
            if n == 0:
                self._wake.wait(self.poll_s)
                self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=10)


def create_app(database_url: str | None = None, data_dir: str | Path | None = None,
               background: bool = True, workers: int = 1) -> FastAPI:
    settings = load_settings()
    data = Path(data_dir or settings["data_dir"])
    db = Database(database_url or settings["database_url"] or default_url(data))
    ws = Workspace(db, data, max_file_mb=settings["max_file_mb"])
    worker = QueueWorker(ws, workers=workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        db.open()
        if background:
            worker.start()
        yield
        worker.stop()
        db.close()

    app = FastAPI(title="shortlist", version=__version__, lifespan=lifespan,
                  description="Recruiting workspace API. Scores are advice: every decision is a person's.")
    app.state.ws = ws
    app.state.worker = worker

    # ------------------------------------------------------------ auth
    def current_user(request: Request) -> User:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(TOKEN_COOKIE)
        if not token:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "log in or send 'Authorization: Bearer <token>'")
        with db.session() as s:
            user = auth.user_for_token(s, token)
            if user is None:
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown or revoked token")
            s.expunge(user)
            return user

    def need(permission: str):
        def dep(user: Annotated[User, Depends(current_user)]) -> User:
            if not auth.allowed(user.role, permission):
                raise HTTPException(status.HTTP_403_FORBIDDEN, f"your role ({user.role}) may not {permission}")
            return user

        return dep

    Reader = Annotated[User, Depends(need("read"))]
    Writer = Annotated[User, Depends(need("write"))]
    Commenter = Annotated[User, Depends(need("comment"))]
    Decider = Annotated[User, Depends(need("decide"))]
    Eraser = Annotated[User, Depends(need("erase"))]
    Admin = Annotated[User, Depends(need("admin"))]

    @app.post("/api/login", response_model=TokenOut, tags=["auth"])
    def login(body: LoginIn, response: Response) -> TokenOut:
        with db.session() as s:
            user = auth.authenticate(s, body.email, body.password)
            if user is None:
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong email or password")
            token = auth.issue_token(s, user, "login")
            role = user.role
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return TokenOut(token=token, role=role)

    @app.post("/api/logout", tags=["auth"])
    def logout(request: Request, response: Response) -> dict:
        token = request.cookies.get(TOKEN_COOKIE)
        if token:
            with db.session() as s:
                auth.revoke_token(s, token)
        response.delete_cookie(TOKEN_COOKIE)
        return {"ok": True}

    @app.get("/api/me", tags=["auth"])
    def me(user: Reader) -> dict:
        return {"email": user.email, "role": user.role, "name": user.name}

    # ------------------------------------------------------------ users
    @app.get("/api/users", tags=["users"])
    def list_users(user: Admin) -> list[dict]:
        with db.session() as s:
            return [{"id": u.id, "email": u.email, "role": u.role, "name": u.name, "active": u.active}
                    for u in s.scalars(select(User).order_by(User.id))]

    @app.post("/api/users", status_code=201, tags=["users"])
    def create_user(body: UserIn, user: Admin) -> dict:
        with db.session() as s:
            try:
                u = auth.add_user(s, body.email, body.password, body.role, body.name, actor=user.email)
            except ValueError as exc:
                raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
            return {"id": u.id, "email": u.email, "role": u.role}

    # ------------------------------------------------------------- jobs
    def _job_out(s, job: Job, full: bool = False) -> JobOut:
        n = s.scalar(select(func.count(Candidate.id)).where(Candidate.job_id == job.id)) or 0
        return JobOut(id=job.id, title=job.title, language=job.language, status=job.status, candidates=n,
                      parsed=job.parsed if full else None, text=job.text if full else None)

    @app.get("/api/jobs", response_model=list[JobOut], tags=["jobs"])
    def list_jobs(user: Reader) -> list[JobOut]:
        with db.session() as s:
            return [_job_out(s, j) for j in s.scalars(select(Job).order_by(Job.id.desc()))]

    @app.post("/api/jobs", response_model=JobOut, status_code=201, tags=["jobs"])
    def create_job(body: JobIn, user: Writer) -> JobOut:
        with db.session() as s:
            job = ws.create_job(s, user.email, body.text, body.title, user_id=user.id)
            return _job_out(s, job, full=True)

    def _job(s, job_id: int) -> Job:
        job = s.get(Job, job_id)
        if job is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"job {job_id} not found")
        return job

    @app.get("/api/jobs/{job_id}", response_model=JobOut, tags=["jobs"])
    def get_job(job_id: int, user: Reader) -> JobOut:
        with db.session() as s:
            return _job_out(s, _job(s, job_id), full=True)

    @app.put("/api/jobs/{job_id}", response_model=JobOut, tags=["jobs"])
    def update_job(job_id: int, body: JobIn, user: Writer) -> JobOut:
        import json as _json

        from shortlist.profile.job import parse_job_text
        from shortlist.store.events import log

        with db.session() as s:
            job = _job(s, job_id)
            parsed = parse_job_text(body.text)
            job.text, job.parsed, job.language = body.text, _json.loads(parsed.model_dump_json()), parsed.language
            job.title = body.title or (parsed.title.value if parsed.title else job.title)
            log(s, user.email, "job.updated", "job", job.id)
            return _job_out(s, job, full=True)

    @app.delete("/api/jobs/{job_id}", status_code=204, tags=["jobs"])
    def delete_job(job_id: int, user: Writer) -> Response:
        with db.session() as s:
            ids = s.scalars(select(Candidate.id).where(Candidate.job_id == _job(s, job_id).id)).all()
        for cid in ids:  # candidates' data goes the way an erasure does
            ws.erase(user.email, cid)
        with db.session() as s:
            s.delete(_job(s, job_id))
        return Response(status_code=204)

    # ---------------------------------------------------------- uploads
    @app.post("/api/jobs/{job_id}/resumes", response_model=UploadResult, tags=["candidates"],
              responses={400: {"description": "every file was rejected; each with its reason"}})
    async def upload(job_id: int, user: Writer, files: Annotated[list[UploadFile], File()]) -> JSONResponse:
        accepted, rejected = [], []
        limit = int(ws.max_file_mb * 2**20)
        for f in files:
            data = await f.read(limit + 1)
            name = f.filename or "resume"
            try:
                with db.session() as s:
                    _job(s, job_id)
                    cand = ws.upload(s, user.email, job_id, name, data)
                    accepted.append({"id": cand.id, "filename": cand.filename, "status": cand.status})
            except UploadRejected as exc:
                rejected.append({"filename": exc.filename, "reason": exc.reason, "message": exc.message})
        worker.kick()
        code = 201 if accepted else (404 if not files else 400)
        if not accepted and rejected and all(r["reason"] == "too_large" for r in rejected):
            code = 413
        elif not accepted and rejected and all(r["reason"] == "unsupported" for r in rejected):
            code = 415
        return JSONResponse({"accepted": accepted, "rejected": rejected}, status_code=code)

    @app.get("/api/jobs/{job_id}/progress", tags=["candidates"])
    def progress(job_id: int, user: Reader) -> dict:
        with db.session() as s:
            _job(s, job_id)
            rows = s.execute(select(Candidate.status, func.count(Candidate.id))
                             .where(Candidate.job_id == job_id).group_by(Candidate.status)).all()
        counts = {k: 0 for k in ("queued", "processing", "parsed", "failed")} | dict(rows)
        counts["total"] = sum(counts.values())
        counts["done"] = counts["parsed"] + counts["failed"]
        return counts

    @app.get("/api/jobs/{job_id}/candidates", tags=["candidates"])
    def list_candidates(job_id: int, user: Reader, status_: Annotated[str | None, Query(alias="status")] = None,
                        stage: str | None = None, q: str | None = None) -> list[dict]:
        with db.session() as s:
            _job(s, job_id)
            query = select(Candidate).where(Candidate.job_id == job_id)
            if status_:
                query = query.where(Candidate.status == status_)
            if stage:
                query = query.where(Candidate.stage == stage)
            rows = s.scalars(query.order_by(Candidate.id)).all()
            out = [_cand_summary(c) for c in rows]
        if q:
            out = [c for c in out if q.lower() in (c["name"] or "").lower() or q.lower() in c["filename"].lower()]
        return out

    @app.get("/api/jobs/{job_id}/shortlist", tags=["candidates"])
    def shortlist(job_id: int, user: Reader, blind: bool = False, top: int | None = None) -> dict:
        try:
            ranked = rank_job(ws, job_id, blind=blind, actor=user.email)
        except LookupError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
        return {"job_id": job_id, "blind": blind, "advice": "Scores are advice. A person makes every decision.",
                "candidates": ranked[:top] if top else ranked}

    @app.get("/api/jobs/{job_id}/export.csv", tags=["export"])
    def export_csv(job_id: int, user: Reader) -> Response:
        with db.session() as s:
            _job(s, job_id)
            rows = s.execute(select(Candidate, RankingEntry.score)
                             .outerjoin(RankingEntry, (RankingEntry.candidate_id == Candidate.id)
                                        & RankingEntry.blind.is_(False))
                             .where(Candidate.job_id == job_id).order_by(Candidate.id)).all()
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(["id", "filename", "name", "email", "status", "stage", "score"])
            for c, score in rows:
                p = c.profile or {}
                w.writerow([c.id, c.filename, c.display_name or "", ((p.get("email") or {}).get("value") or ""),
                            c.status, c.stage, "" if score is None else f"{score:.1f}"])
        return Response(buf.getvalue(), media_type="text/csv",
                        headers={"content-disposition": f'attachment; filename="job-{job_id}.csv"'})

    # ------------------------------------------------------- candidates
    def _cand(s, cid: int) -> Candidate:
        c = s.get(Candidate, cid)
        if c is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"candidate {cid} not found")
        return c

    @app.get("/api/candidates/{cid}", tags=["candidates"])
    def get_candidate(cid: int, user: Reader) -> dict:
        with db.session() as s:
            c = _cand(s, cid)
            notes = [{"id": n.id, "text": n.text, "at": n.created_at.isoformat()}
                     for n in s.scalars(select(Note).where(Note.candidate_id == cid).order_by(Note.id))]
            entry = s.scalar(select(RankingEntry).where(RankingEntry.candidate_id == cid,
                                                        RankingEntry.blind.is_(False)))
            return _cand_summary(c) | {"profile": c.profile, "notes": notes,
                                       "ranking": entry.result if entry else None,
                                       "error": {"reason": c.error_reason, "message": c.error_message}
                                       if c.status == "failed" else None}

    @app.get("/api/candidates/{cid}/file", tags=["candidates"])
    def get_file(cid: int, user: Reader) -> Response:
        with db.session() as s:
            c = _cand(s, cid)
            sha = c.file_sha256
        data = ws.files.read(sha)
        from shortlist.documents.sniff import sniff

        kind = sniff(data)
        types = {"pdf": "application/pdf", "html": "text/plain; charset=utf-8", "text": "text/plain; charset=utf-8",
                 "image": "application/octet-stream"}
        # Never serve uploaded HTML as HTML: it is untrusted. PDFs render inline in a sandboxed frame.
        ctype = types.get(kind.value if kind else "", "application/octet-stream")
        disp = "inline" if ctype.startswith(("application/pdf", "text/plain")) else "attachment"
        return Response(data, media_type=ctype, headers={
            "content-disposition": f'{disp}; filename="candidate-{cid}"',
            "x-content-type-options": "nosniff", "content-security-policy": "sandbox"})

    @app.get("/api/candidates/{cid}/jsonresume", tags=["export"])
    def jsonresume(cid: int, user: Reader) -> dict:
        from shortlist.profile.jsonresume import to_json_resume
        from shortlist.profile.model import Profile

        with db.session() as s:
            c = _cand(s, cid)
            if not c.profile:
                raise HTTPException(status.HTTP_409_CONFLICT, f"candidate {cid} is {c.status}, not parsed")
            return to_json_resume(Profile.model_validate(c.profile))

    @app.post("/api/candidates/{cid}/decisions", status_code=201, tags=["decisions"])
    def decide(cid: int, body: DecisionIn, user: Decider) -> dict:
        with db.session() as s:
            _cand(s, cid)
            try:
                d = ws.decide(s, user.email, cid, body.decision, body.reason, reviewer_id=user.id)
            except ValueError as exc:
                raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
            return {"id": d.id, "decision": d.decision, "stage": d.stage, "reason": d.reason}

    @app.post("/api/candidates/{cid}/notes", status_code=201, tags=["notes"])
    def add_note(cid: int, body: NoteIn, user: Commenter) -> dict:
        with db.session() as s:
            _cand(s, cid)
            n = ws.add_note(s, user.email, cid, body.text, author_id=user.id)
            return {"id": n.id, "text": n.text}

    @app.delete("/api/candidates/{cid}", status_code=204, tags=["privacy"])
    def erase(cid: int, user: Eraser) -> Response:
        try:
            ws.erase(user.email, cid)
        except LookupError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
        return Response(status_code=204)

    @app.put("/api/candidates/{cid}/demographics", status_code=204, tags=["fairness"])
    def demographics(cid: int, body: DemographicsIn, user: Writer) -> Response:
        with db.session() as s:
            _cand(s, cid)
            ws.record_demographics(s, user.email, cid, body.sex, body.race_ethnicity)
        return Response(status_code=204)

    @app.get("/api/audit", tags=["fairness"])
    def bias_audit(user: Reader, job_id: int | None = None,
                   outcome: Literal["selected", "score"] = "selected", format: Literal["json", "html"] = "json"):
        from fastapi.responses import HTMLResponse

        from shortlist.fairness.audit import to_html

        try:
            report = ws.audit(job_id, outcome)
        except ValueError as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
        return HTMLResponse(to_html(report)) if format == "html" else json.loads(report.model_dump_json())

    # ------------------------------------------------------- interviews
    from shortlist.store.models import Interview
    from shortlist.store.workspace import (
        build_scorecard,
        final_shortlist_for_job,
        prepare_interview,
        record_answer,
        split_transcript,
    )

    def _interview(s, iid: int) -> Interview:
        iv = s.get(Interview, iid)
        if iv is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"interview {iid} not found")
        return iv

    @app.post("/api/candidates/{cid}/interviews", status_code=201, tags=["interviews"])
    def create_interview(cid: int, body: InterviewIn, user: Writer) -> dict:
        from shortlist.llm import backend_from_settings

        llm = backend_from_settings() if body.use_llm else None
        try:
            return prepare_interview(ws, cid, user.email, llm=llm, language=body.language, user_id=user.id)
        except LookupError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None

    @app.get("/api/candidates/{cid}/interviews", tags=["interviews"])
    def list_interviews(cid: int, user: Reader) -> list[dict]:
        from shortlist.store.models import InterviewAnswer

        with db.session() as s:
            _cand(s, cid)
            out = []
            for iv in s.scalars(select(Interview).where(Interview.candidate_id == cid).order_by(Interview.id)):
                answers = {a.question_id: {"answer": a.answer, "auto_score": a.auto_score,
                                           "interviewer_score": a.interviewer_score, "note": a.note,
                                           "points": (a.detail or {}).get("points", [])}
                           for a in s.scalars(select(InterviewAnswer).where(InterviewAnswer.interview_id == iv.id))}
                out.append({"id": iv.id, "generator": iv.generator, "plan": iv.plan, "answers": answers,
                            "created_at": iv.created_at.isoformat()})
            return out

    @app.get("/api/interviews/{iid}/guide", tags=["interviews"])
    def interview_guide(iid: int, user: Reader, format: Literal["html", "md"] = "html") -> Response:
        from shortlist.interview.model import InterviewPlan
        from shortlist.interview.render import to_html, to_markdown

        with db.session() as s:
            plan = InterviewPlan.model_validate(_interview(s, iid).plan)
        if format == "md":
            return Response(to_markdown(plan), media_type="text/markdown; charset=utf-8")
        return Response(to_html(plan), media_type="text/html; charset=utf-8")

    @app.post("/api/interviews/{iid}/answers", status_code=201, tags=["interviews"])
    def add_answer(iid: int, body: AnswerIn, user: Commenter) -> dict:
        try:
            return record_answer(ws, iid, body.question_id, body.answer, user.email, body.score, body.note)
        except LookupError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None

    @app.post("/api/interviews/{iid}/transcript", status_code=201, tags=["interviews"])
    def add_transcript(iid: int, body: TranscriptIn, user: Commenter) -> dict:
        answers = split_transcript(body.text)
        if not answers:
            raise HTTPException(status.HTTP_400_BAD_REQUEST,
                                "no answers found: start each answer with its question id, e.g. 'Q1: ...'")
        done, unknown = [], []
        for qid, text in answers.items():
            try:
                done.append(record_answer(ws, iid, qid, text, user.email))
            except LookupError:
                unknown.append(qid)
        return {"recorded": done, "unknown_questions": unknown}

    @app.post("/api/candidates/{cid}/scorecard", tags=["interviews"])
    def scorecard(cid: int, body: WeightsIn, user: Commenter) -> dict:
        from shortlist.interview.assessment import AssessmentWeights

        try:
            return build_scorecard(ws, cid, AssessmentWeights(**body.model_dump()), user.email)
        except LookupError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None

    @app.get("/api/jobs/{job_id}/final", tags=["interviews"])
    def final_list(job_id: int, user: Reader) -> dict:
        with db.session() as s:
            _job(s, job_id)
        return {"job_id": job_id, "advice": "Advice only: a person makes every decision.",
                "candidates": final_shortlist_for_job(ws, job_id)}

    # -------------------------------------------------------- analytics
    def _chart_or_table(result_json: dict, chart, table_csv: str, format: str) -> Response:
        if format == "csv":
            return Response(table_csv, media_type="text/csv; charset=utf-8",
                            headers={"content-disposition": 'attachment; filename="table.csv"'})
        if format in ("svg", "png"):
            c = chart(format)
            return Response(c.data, media_type=c.media_type)
        return JSONResponse(result_json)

    @app.get("/api/analytics/funnel", tags=["analytics"])
    def analytics_funnel(user: Reader, job_id: int | None = None,
                         format: Literal["json", "csv", "svg", "png"] = "json") -> Response:
        from shortlist.analytics.charts import funnel_chart
        from shortlist.analytics.funnel import funnel

        with db.session() as s:
            rep = funnel(s, job_id=job_id)
        return _chart_or_table(json.loads(rep.model_dump_json()), lambda f: funnel_chart(rep.overall, fmt=f),
                               rep.to_csv(), format)

    @app.get("/api/analytics/supply", tags=["analytics"])
    def analytics_supply(user: Reader, job_id: int | None = None,
                         format: Literal["json", "csv", "svg", "png"] = "json") -> Response:
        from shortlist.analytics.charts import gap_chart
        from shortlist.analytics.supply import supply_demand
        from shortlist.profile.model import Job as JobModel
        from shortlist.profile.model import Profile

        with db.session() as s:
            jq = select(Job) if job_id is None else select(Job).where(Job.id == job_id)
            jobs = [JobModel.model_validate(j.parsed) for j in s.scalars(jq)]
            cq = select(Candidate).where(Candidate.status == "parsed")
            if job_id is not None:
                cq = cq.where(Candidate.job_id == job_id)
            profiles = [Profile.model_validate(c.profile) for c in s.scalars(cq)]
        if not jobs:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no jobs to compare the pool with")
        sd = supply_demand(jobs, profiles)
        return _chart_or_table(json.loads(sd.model_dump_json()), lambda f: gap_chart(sd, fmt=f), sd.requirements_csv(), format)

    @app.get("/api/analytics/trends", tags=["analytics"])
    def analytics_trends(user: Reader, period: Literal["month", "quarter"] = "month", top: int = 8,
                         format: Literal["json", "csv", "svg", "png"] = "json") -> Response:
        from shortlist.analytics.charts import trend_chart
        from shortlist.analytics.demand import falling, rising, skill_demand, trends, trends_csv
        from shortlist.analytics.postings import postings_from_workspace

        with db.session() as s:
            posts = postings_from_workspace(s)
        if not posts:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no jobs in the workspace yet")
        demand = skill_demand(posts, period=period)
        tr = trends(demand, min_postings=2, min_period_postings=1)
        up, down = rising(tr, top), falling(tr, top)
        shown = [t.skill for t in up[:4] + down[:4]] or [x.skill for x in demand.skills[:top]]
        return _chart_or_table({"periods": demand.periods, "rising": [json.loads(t.model_dump_json()) for t in up],
                                "falling": [json.loads(t.model_dump_json()) for t in down],
                                "postings": len(posts)},
                               lambda f: trend_chart(demand, shown, fmt=f),
                               demand.to_csv(shown) if format == "csv" else trends_csv(tr), format)

    @app.get("/api/events", tags=["audit"])
    def events(user: Admin, limit: int = 200) -> list[dict]:
        with db.session() as s:
            return [{"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "subject_type": e.subject_type,
                     "subject_id": e.subject_id, "detail": e.detail}
                    for e in s.scalars(select(Event).order_by(Event.id.desc()).limit(limit))]

    from shortlist.web.routes import register as register_web

    register_web(app, current_user)

    @app.get("/api/health", tags=["meta"])
    def health() -> dict:
        return {"ok": True, "version": __version__}

    return app


def _cand_summary(c: Candidate) -> dict:
    return {"id": c.id, "job_id": c.job_id, "filename": c.filename, "name": c.display_name, "status": c.status,
            "stage": c.stage, "created_at": c.created_at.isoformat()}
