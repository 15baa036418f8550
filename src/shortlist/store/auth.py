"""Users, roles and API tokens. Passwords are hashed with argon2; tokens are stored as sha256."""
from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from shortlist.store.events import log
from shortlist.store.models import ApiToken, User

ROLES = ("admin", "recruiter", "hiring_manager")

# What each role may do. Hiring managers read and comment; only admins manage users.
PERMISSIONS: dict[str, set[str]] = {
    "admin": {"read", "comment", "write", "decide", "erase", "admin"},
    "recruiter": {"read", "comment", "write", "decide", "erase"},
    "hiring_manager": {"read", "comment"},
}

_hasher = PasswordHasher()


def allowed(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, set())


def add_user(session: Session, email: str, password: str, role: str, name: str = "", actor: str = "system") -> User:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    email = email.strip().lower()
    if session.scalar(select(User).where(User.email == email)):
        raise ValueError(f"a user with email {email} already exists")
    user = User(email=email, name=name, role=role, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    log(session, actor, "user.created", "user", user.id, role=role)
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.email == email.strip().lower(), User.active.is_(True)))
    if user is None:
        _hasher.hash(password)  # same work either way: no user-enumeration by timing
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return None
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user: User, name: str = "") -> str:
    """Returns the secret once; only its hash is stored."""
    secret = "sl_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, name=name, token_hash=_digest(secret)))
    log(session, user.email, "token.issued", "user", user.id, name=name)
    return secret


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None or not row.user.active:
        return None
    row.last_used_at = datetime.now(UTC)
    return row.user


def revoke_token(session: Session, token: str) -> None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is not None:
        session.delete(row)
