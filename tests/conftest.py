"""Fixtures shared across packages.

``database_url``: every test that takes it runs on SQLite, and again on PostgreSQL when
SHORTLIST_TEST_PG_URL names a server (``.ci/run`` starts one on loopback). Each PostgreSQL test
gets a fresh database, dropped afterwards.
"""
import os
import uuid

import pytest

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("SHORTLIST_TEST_PG_URL") else [])


def _admin_engine():
    from sqlalchemy import create_engine

    return create_engine(os.environ["SHORTLIST_TEST_PG_URL"], isolation_level="AUTOCOMMIT")


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        from shortlist.store.db import default_url

        yield default_url(tmp_path / "data")
        return
    from sqlalchemy import text

    name = "sl_test_" + uuid.uuid4().hex[:10]
    eng = _admin_engine()
    with eng.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    yield os.environ["SHORTLIST_TEST_PG_URL"].rsplit("/", 1)[0] + "/" + name
    eng = _admin_engine()
    with eng.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    eng.dispose()
