"""The append-only event log."""
from __future__ import annotations

from sqlalchemy.orm import Session

from shortlist.store.models import Event


def log(session: Session, actor: str, action: str, subject_type: str, subject_id: int | None, **detail) -> Event:
    ev = Event(actor=actor, action=action, subject_type=subject_type, subject_id=subject_id, detail=detail)
    session.add(ev)
    return ev
