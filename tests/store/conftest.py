"""Workspace fixtures: SQLite in a temp dir by default; PostgreSQL too when SHORTLIST_TEST_PG_URL is set."""
import os
import uuid

import pytest

from shortlist.store.db import Database, default_url
from shortlist.store.workspace import Workspace

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("SHORTLIST_TEST_PG_URL") else [])


def _pg_url() -> str:
    """A fresh database per test on the server CI started, dropped afterwards."""
    from sqlalchemy import create_engine, text

    admin = os.environ["SHORTLIST_TEST_PG_URL"]
    name = "sl_test_" + uuid.uuid4().hex[:10]
    eng = create_engine(admin, isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return admin.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=BACKENDS)
def workspace(request, tmp_path):
    url = default_url(tmp_path / "data") if request.param == "sqlite" else _pg_url()
    db = Database(url).open()
    ws = Workspace(db, tmp_path / "data")
    yield ws
    db.close()
    if request.param == "postgresql":
        from sqlalchemy import create_engine, text

        eng = create_engine(os.environ["SHORTLIST_TEST_PG_URL"], isolation_level="AUTOCOMMIT")
        with eng.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
        eng.dispose()
