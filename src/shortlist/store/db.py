"""Engines and sessions for any SQLAlchemy URL; the schema is created by Alembic migrations."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def default_url(data_dir: str | Path) -> str:
    path = Path(data_dir).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path / 'shortlist.db'}"


def make_engine(url: str, **kwargs) -> Engine:
    """SQLite gets WAL, foreign keys and a busy timeout; other databases are used as they come."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every sqlite test
            cur = dbapi_conn.cursor()
            if ":memory:" not in url:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA secure_delete=ON")  # erased rows are overwritten, not left in free pages
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def migrate(url: str) -> None:
    """Bring the database to the newest schema (idempotent)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


class Database:
    """One workspace database. Constructing it does nothing; ``open()`` migrates and connects."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    def open(self) -> Database:
        migrate(self.url)
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self

    @contextmanager
    def session(self) -> Iterator[Session]:
        if self._sessions is None:
            self.open()
        assert self._sessions is not None
        with self._sessions() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    def scrub(self, tables: list[str]) -> None:
        """Make deleted rows physically unrecoverable (used after an erasure).

        SQLite: secure_delete zeroes freed pages; a TRUNCATE checkpoint empties the WAL that
        still holds old page images. PostgreSQL: VACUUM removes dead tuples.
        """
        from sqlalchemy import text

        assert self.engine is not None
        if self.url.startswith("sqlite"):
            with self.engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        elif self.url.startswith("postgresql"):
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                for t in tables:
                    c.execute(text(f"VACUUM {t}"))

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
