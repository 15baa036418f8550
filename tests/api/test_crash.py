"""Kill the server (SIGKILL) in the middle of a batch upload, restart it, and check nothing is half-stored."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from shortlist.store.auth import add_user, issue_token
from shortlist.store.db import Database, default_url
from shortlist.store.models import Candidate, StoredFile

JOB = "Backend Engineer\n\nRequirements\n- Python\n- PostgreSQL\n"


def _resume(i: int) -> bytes:
    return (f"Candidate Number{i}\ncandidate{i}@example.com\n\nEXPERIENCE\nEngineer, Firm {i}\n"
            f"Jan 2015 - Present\n- Python and PostgreSQL work item {i}\n").encode()


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, SHORTLIST_DATA_DIR=str(data), SHORTLIST_PORT=str(port), SHORTLIST_WORKERS="1")
    proc = subprocess.Popen([sys.executable, "-m", "shortlist", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("server did not start")


def test_kill_mid_batch_then_restart(tmp_path):
    data = tmp_path / "data"
    db = Database(default_url(data)).open()
    with db.session() as s:
        token = issue_token(s, add_user(s, "rec@example.com", "password123", "recruiter"))
    db.close()
    h = {"authorization": f"Bearer {token}"}
    port = _port()
    base = f"http://127.0.0.1:{port}"
    proc = _start(data, port)
    try:
        jid = httpx.post(f"{base}/api/jobs", json={"text": JOB}, headers=h, timeout=30).json()["id"]
        acknowledged: set[str] = set()
        # several batches; the server is killed while one of them is in flight
        batches = [[(f"r{b}_{i}.txt", _resume(b * 100 + i)) for i in range(15)] for b in range(6)]
        import threading

        def killer():
            time.sleep(1.5)
            os.killpg(proc.pid, signal.SIGKILL)

        threading.Thread(target=killer, daemon=True).start()
        for batch in batches:
            try:
                r = httpx.post(f"{base}/api/jobs/{jid}/resumes", headers=h, timeout=30,
                               files=[("files", (n, d, "text/plain")) for n, d in batch])
                acknowledged |= {a["filename"] for a in r.json()["accepted"]}
            except httpx.HTTPError:
                break
        proc.wait(timeout=10)
        assert acknowledged, "the kill came before any upload was acknowledged; nothing was tested"

        proc = _start(data, port)  # restart: recovery requeues and drains
        deadline = time.time() + 120
        while time.time() < deadline:
            p = httpx.get(f"{base}/api/jobs/{jid}/progress", headers=h, timeout=30).json()
            if p["queued"] + p["processing"] == 0:
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"queue did not drain after restart: {p}")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    db = Database(default_url(data)).open()
    with db.session() as s:
        cands = s.scalars(select(Candidate)).all()
        files = set(s.scalars(select(StoredFile.sha256)).all())
    db.close()
    names = {c.filename for c in cands}
    assert acknowledged <= names, "an acknowledged upload was lost"
    assert len(names) == len(cands), "a file was stored twice"
    for c in cands:
        assert c.status in ("parsed", "failed"), (c.filename, c.status)  # fully processed, nothing stuck
        assert c.file_sha256 in files
        assert (data / "files" / c.file_sha256[:2] / c.file_sha256[2:4] / c.file_sha256).is_file()
    on_disk = {f.name for f in (data / "files").glob("*/*/*")}
    assert on_disk == files, "a stored file without a row (or a row without its file)"
