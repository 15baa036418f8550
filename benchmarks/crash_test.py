"""Crash safety of the workspace, measured: kill the server (SIGKILL) in the middle of batch
uploads several times, restart it each time, and count what was acknowledged, stored,
processed, and half-stored (the target is zero half-stored and zero lost)."""
from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx

from benchmarks.common import machine, write_block
from benchmarks.load_test import resume, start_server

JOB = "Backend Engineer\n\nRequirements\n- Python\n- PostgreSQL\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=20, help="files per upload request")
    args = ap.parse_args()
    from sqlalchemy import select

    from shortlist.store.auth import add_user, issue_token
    from shortlist.store.db import Database, default_url
    from shortlist.store.models import Candidate, StoredFile

    data = Path(tempfile.mkdtemp(prefix="shortlist-crash-"))
    db = Database(default_url(data)).open()
    with db.session() as s:
        token = issue_token(s, add_user(s, "crash@example.com", "password123", "recruiter"))
    db.close()
    h = {"authorization": f"Bearer {token}"}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = start_server(data, port)
    jid = httpx.post(f"{base}/api/jobs", json={"text": JOB}, headers=h, timeout=60).json()["id"]
    acknowledged: set[str] = set()
    sent = 0
    recoveries = []
    for rnd in range(args.rounds):
        delay = 0.5 + 0.4 * rnd
        threading.Thread(target=lambda p=proc, d=delay: (time.sleep(d), os.killpg(p.pid, signal.SIGKILL)),
                         daemon=True).start()
        n = 0
        while True:
            batch = [(f"r{rnd}_{n}_{i}.txt", resume(rnd * 1000 + n, i)) for i in range(args.batch)]
            n += 1
            sent += len(batch)
            try:
                r = httpx.post(f"{base}/api/jobs/{jid}/resumes", headers=h, timeout=60,
                               files=[("files", (name, body, "text/plain")) for name, body in batch])
                acknowledged |= {a["filename"] for a in r.json()["accepted"]}
            except httpx.HTTPError:
                break
        proc.wait(timeout=30)
        t0 = time.perf_counter()
        proc = start_server(data, port)
        while httpx.get(f"{base}/api/jobs/{jid}/progress", headers=h, timeout=60).json()["queued"] + \
                httpx.get(f"{base}/api/jobs/{jid}/progress", headers=h, timeout=60).json()["processing"]:
            time.sleep(0.3)
        recoveries.append(time.perf_counter() - t0)
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    db = Database(default_url(data)).open()
    with db.session() as s:
        cands = s.scalars(select(Candidate)).all()
        files = set(s.scalars(select(StoredFile.sha256)).all())
    db.close()
    names = {c.filename for c in cands}
    on_disk = {f.name for f in (data / "files").glob("*/*/*")}
    half = sum(1 for c in cands if c.status not in ("parsed", "failed")) + len(on_disk ^ files) + \
        sum(1 for c in cands if c.file_sha256 not in files)
    md = "\n".join([
        "### Workspace crash test (`make bench-crash`)", "",
        f"{machine()}. `shortlist serve` on 127.0.0.1 killed with SIGKILL {args.rounds} times while clients were "
        f"uploading batches of {args.batch} files, restarted each time; the queue drained before the next round.",
        "", "| measure | value |", "|---|---|",
        f"| files sent (including the batches cut by a kill) | {sent} |",
        f"| uploads acknowledged | {len(acknowledged)} |",
        f"| candidates stored | {len(cands)} |",
        f"| acknowledged but lost | {len(acknowledged - names)} |",
        f"| stored twice | {len(cands) - len(names)} |",
        f"| half-stored (row without file, file without row, stuck in processing) | {half} |",
        f"| fully processed after restarts (parsed or failed with a reason) | "
        f"{sum(c.status in ('parsed', 'failed') for c in cands)} |",
        f"| restart to queue drained, median | {sorted(recoveries)[len(recoveries) // 2]:.1f} s |", ""])
    print(md)
    write_block("crash_test", md)


if __name__ == "__main__":
    main()
