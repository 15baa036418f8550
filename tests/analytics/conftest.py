"""Analytics fixtures: postings built in code and a temporary SQLite workspace."""
from __future__ import annotations

from datetime import date

import pytest

from shortlist.analytics.postings import Posting
from shortlist.store.db import Database, default_url
from shortlist.store.workspace import Workspace


def planted_postings(months: int = 24, per_month: int = 20) -> list[Posting]:
    """Rust rises from 10% to ~80% of postings, Java stays near 50%, Perl falls, Python is everywhere."""
    out = []
    flat = [9, 11, 10, 10, 11, 9]  # Java per month: no direction
    for m in range(months):
        day = date(2020 + m // 12, m % 12 + 1, 1)
        rust = round(per_month * (0.1 + 0.03 * m))
        perl = round(per_month * max(0.0, 0.6 - 0.025 * m))
        java = flat[m % len(flat)]
        for k in range(per_month):
            skills = ["Python"]
            if k < rust:
                skills.append("Rust")
            if k >= per_month - java:
                skills.append("Java")
            if k % 2 == 1 and k // 2 < perl:
                skills.append("Perl")
            out.append(Posting(id=f"{m}-{k}", date=day.replace(day=1 + k), skills=skills))
    return out


@pytest.fixture
def workspace(tmp_path):
    db = Database(default_url(tmp_path / "data")).open()
    ws = Workspace(db, tmp_path / "data")
    yield ws
    db.close()
