"""A workspace on each database backend (see tests/conftest.py: ``database_url``)."""
import pytest

from shortlist.store.db import Database
from shortlist.store.workspace import Workspace


@pytest.fixture
def workspace(database_url, tmp_path):
    db = Database(database_url).open()
    yield Workspace(db, tmp_path / "data")
    db.close()
