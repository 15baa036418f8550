"""HTML pages. They render from the same store the API uses and call the API from the browser."""
from __future__ import annotations

import html
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select

from shortlist.store import auth
from shortlist.store.models import (
    Candidate,
    Interview,
    InterviewAnswer,
    Job,
    Note,
    RankingEntry,
    ScorecardRow,
    User,
)

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def highlight(text: str, marks: list[tuple[int, int, str]]) -> str:
    """Escape the text and wrap evidence spans in <mark>; overlapping spans are merged."""
    spans = sorted((max(0, s), min(len(text), e), cls) for s, e, cls in marks if e > s)
    out, pos = [], 0
    for s, e, cls in spans:
        s = max(s, pos)
        if e <= s:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{cls}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


class LoginRequired(Exception):
    """Raised by a page when nobody is logged in; answered with a redirect to /login."""


def register(app: FastAPI, user_from_request) -> None:
    db = app.state.ws.db
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, template: str, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, template, ctx)

    def who(request: Request) -> User:
        """The logged-in user; anyone else is sent to the login page (see the handler below)."""
        try:
            return user_from_request(request)
        except Exception:  # noqa: BLE001 - any auth failure means "log in"
            raise LoginRequired() from None

    app.add_exception_handler(LoginRequired, lambda request, exc: RedirectResponse("/login", status_code=303))

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request):
        return page(request, "login.html", user=None)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def jobs_page(request: Request):
        user = who(request)
        with db.session() as s:
            counts = dict(s.execute(select(Candidate.job_id, func.count(Candidate.id)).group_by(Candidate.job_id)).all())
            jobs = [{"id": j.id, "title": j.title, "language": j.language, "status": j.status,
                     "candidates": counts.get(j.id, 0)} for j in s.scalars(select(Job).order_by(Job.id.desc()))]
        return page(request, "jobs.html", user=user, jobs=jobs, can_write=auth.allowed(user.role, "write"))

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: int):
        from shortlist.profile.job import job_summary
        from shortlist.profile.model import Job as JobModel

        user = who(request)
        with db.session() as s:
            job = s.get(Job, job_id)
            if job is None:
                return HTMLResponse("<h1>Job not found</h1>", status_code=404)
            parsed = JobModel.model_validate(job.parsed)
            return page(request, "job.html", user=user, job=job, summary=job_summary(parsed),
                        requirements=parsed.requirements, can_write=auth.allowed(user.role, "write"))

    @app.get("/candidates/{cid}", response_class=HTMLResponse, include_in_schema=False)
    def candidate_page(request: Request, cid: int):
        from shortlist.profile.model import Profile

        user = who(request)
        with db.session() as s:
            cand = s.get(Candidate, cid)
            if cand is None:
                return HTMLResponse("<h1>Candidate not found</h1>", status_code=404)
            job = s.get(Job, cand.job_id)
            entry = s.scalar(select(RankingEntry).where(RankingEntry.candidate_id == cid,
                                                        RankingEntry.blind.is_(False)))
            notes = s.scalars(select(Note).where(Note.candidate_id == cid).order_by(Note.id)).all()
            profile = Profile.model_validate(cand.profile) if cand.profile else None
            ranking = entry.result if entry else None
            marks: list[tuple[int, int, str]] = []
            if profile is not None:
                for v in (ranking or {}).get("verdicts", []):
                    marks += [(e["start"], e["end"], "") for e in v.get("evidence", [])]
                for f in profile.flags:
                    span = f.span or ((f.evidence.start, f.evidence.end) if f.evidence else None)
                    if span:
                        marks.append((span[0], span[1], "hidden"))
            return page(
                request, "candidate.html", user=user, cand=cand, job_title=job.title if job else "",
                name=cand.display_name or cand.filename, profile=profile, ranking=ranking, notes=notes,
                highlighted=highlight(profile.text, marks) if profile else "",
                can_decide=auth.allowed(user.role, "decide"), can_comment=auth.allowed(user.role, "comment"),
            )

    @app.get("/candidates/{cid}/interview", response_class=HTMLResponse, include_in_schema=False)
    def interview_page(request: Request, cid: int):
        user = who(request)
        with db.session() as s:
            cand = s.get(Candidate, cid)
            if cand is None:
                return HTMLResponse("<h1>Candidate not found</h1>", status_code=404)
            iv = s.scalar(select(Interview).where(Interview.candidate_id == cid).order_by(Interview.id.desc()))
            answers = {}
            if iv is not None:
                answers = {a.question_id: a for a in
                           s.scalars(select(InterviewAnswer).where(InterviewAnswer.interview_id == iv.id))}
            card = s.scalar(select(ScorecardRow).where(ScorecardRow.candidate_id == cid))
            return page(request, "interview.html", user=user, cand=cand, name=cand.display_name or cand.filename,
                        interview=iv, answers=answers, scorecard=card.card if card else None,
                        can_write=auth.allowed(user.role, "write"), can_comment=auth.allowed(user.role, "comment"))

    @app.get("/analytics", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, job_id: str | None = None):
        from shortlist.analytics.funnel import funnel
        from shortlist.analytics.postings import postings_from_workspace
        from shortlist.analytics.supply import supply_demand
        from shortlist.profile.model import Job as JobModel
        from shortlist.profile.model import Profile

        user = who(request)
        jid = int(job_id) if job_id and job_id.isdigit() else None
        with db.session() as s:
            jobs = s.scalars(select(Job).order_by(Job.id.desc())).all()
            scoped = [j for j in jobs if jid is None or j.id == jid]
            cq = select(Candidate).where(Candidate.status == "parsed")
            if jid is not None:
                cq = cq.where(Candidate.job_id == jid)
            profiles = [Profile.model_validate(c.profile) for c in s.scalars(cq)]
            fun = funnel(s, job_id=jid)
            posts = len(postings_from_workspace(s))
            supply = supply_demand([JobModel.model_validate(j.parsed) for j in scoped], profiles) if scoped else None
            scarce = sorted((r for r in supply.requirements if r.required), key=lambda r: r.share_met)[:5] \
                if supply else []
            return page(request, "dashboard.html", user=user, jobs=jobs, job_id=jid, funnel=fun, supply=supply,
                        scarce=scarce, postings=posts)

    @app.get("/settings", response_class=HTMLResponse, include_in_schema=False)
    def settings_page(request: Request):
        from shortlist.settings import SETTINGS, load_settings

        user = who(request)
        if not auth.allowed(user.role, "admin"):
            return HTMLResponse("<h1>Only admins manage settings and users</h1>", status_code=403)
        values = load_settings()
        with db.session() as s:
            users = s.scalars(select(User).order_by(User.id)).all()
        rows = [{"name": x.name, "value": values[x.name], "help": x.help} for x in SETTINGS]
        return page(request, "settings.html", user=user, users=users, settings=rows)
