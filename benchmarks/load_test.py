"""Load test of the workspace: N concurrent clients uploading and reading for a bounded time.

Runs a real `shortlist serve` process on loopback (127.0.0.1 only), so the figures include
HTTP, the database and background parsing. Reports throughput, latency percentiles, 5xx
count, and whether every acknowledged upload was stored exactly once.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx

from benchmarks.common import machine, write_block

JOB = """Backend Engineer

Requirements
- 3+ years of Python
- PostgreSQL, Docker
Nice to have
- Kubernetes
"""


def resume(client: int, i: int) -> bytes:
    skills = ["Python", "PostgreSQL", "Docker", "Kubernetes", "Java", "React"]
    picked = ", ".join(skills[(client + i + k) % len(skills)] for k in range(3))
    return (f"Load Tester {client}-{i}\nload{client}.{i}@example.com\n\nEXPERIENCE\n"
            f"Software Engineer, Company {client}\nJan {2010 + i % 10} - Present\n- Built services with {picked}\n"
            f"\nSKILLS\n{picked}\n").encode()


def start_server(data: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, SHORTLIST_DATA_DIR=str(data), SHORTLIST_PORT=str(port), SHORTLIST_WORKERS="1")
    proc = subprocess.Popen([sys.executable, "-m", "shortlist", "serve"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--no-write", action="store_true", help="print only; do not touch BENCHMARKS.md")
    args = ap.parse_args()

    from shortlist.store.auth import add_user, issue_token
    from shortlist.store.db import Database, default_url

    tmp = Path(tempfile.mkdtemp(prefix="shortlist-load-"))
    db = Database(default_url(tmp)).open()
    with db.session() as s:
        token = issue_token(s, add_user(s, "load@example.com", "password123", "recruiter"))
    db.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = start_server(tmp, port)
    h = {"authorization": f"Bearer {token}"}
    jid = httpx.post(f"{base}/api/jobs", json={"text": JOB}, headers=h, timeout=60).json()["id"]

    lat: dict[str, list[float]] = {"upload": [], "read": []}
    errors_5xx = 0
    other_errors = 0
    accepted: list[int] = []
    lock = threading.Lock()
    stop_at = time.time() + args.seconds

    def client(n: int) -> None:
        nonlocal errors_5xx, other_errors
        with httpx.Client(base_url=base, headers=h, timeout=60) as c:
            i = 0
            while time.time() < stop_at and i < 10_000:  # bounded in count and time
                i += 1
                t0 = time.perf_counter()
                try:
                    if i % 3 == 1:
                        r = c.post(f"/api/jobs/{jid}/resumes", files=[("files", (f"c{n}_{i}.txt", resume(n, i), "text/plain"))])
                        kind = "upload"
                        if r.status_code == 201:
                            with lock:
                                accepted.extend(a["id"] for a in r.json()["accepted"])
                    else:
                        url = (f"/api/jobs/{jid}/progress", f"/api/jobs/{jid}/candidates", f"/api/jobs/{jid}")[i % 3]
                        r = c.get(url)
                        kind = "read"
                    dt = time.perf_counter() - t0
                    with lock:
                        lat[kind].append(dt)
                        if r.status_code >= 500:
                            errors_5xx += 1
                except httpx.HTTPError:
                    with lock:
                        other_errors += 1

    load_before = os.getloadavg()[0]
    t_start = time.time()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - t_start
    # one ranked shortlist read at the end, and the stored count
    t0 = time.perf_counter()
    sl = httpx.get(f"{base}/api/jobs/{jid}/shortlist", headers=h, timeout=300)
    shortlist_s = time.perf_counter() - t0
    cands = httpx.get(f"{base}/api/jobs/{jid}/candidates", headers=h, timeout=60).json()
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)

    stored_ids = [c["id"] for c in cands]
    lost = len(set(accepted) - set(stored_ids))
    duplicated = len(stored_ids) - len(set(stored_ids)) + (len(accepted) - len(set(accepted)))

    def pct(xs: list[float], q: float) -> str:
        if not xs:
            return "-"
        xs = sorted(xs)
        return f"{1000 * xs[min(len(xs) - 1, int(q * len(xs)))]:.0f} ms"

    total = len(lat["upload"]) + len(lat["read"])
    rows = [
        "| measure | value |", "|---|---|",
        f"| clients / duration | {args.clients} / {elapsed:.0f} s |",
        f"| requests (uploads + reads) | {total} ({len(lat['upload'])} + {len(lat['read'])}) |",
        f"| throughput | {total / elapsed:.1f} requests/s |",
        f"| upload latency p50 / p95 / p99 | {pct(lat['upload'], .5)} / {pct(lat['upload'], .95)} / {pct(lat['upload'], .99)} |",
        f"| read latency p50 / p95 / p99 | {pct(lat['read'], .5)} / {pct(lat['read'], .95)} / {pct(lat['read'], .99)} |",
        f"| 5xx responses | {errors_5xx} |",
        f"| connection errors | {other_errors} |",
        f"| uploads acknowledged / stored | {len(accepted)} / {len(stored_ids)} |",
        f"| lost / duplicated candidates | {lost} / {duplicated} |",
        f"| ranked shortlist of all {len(stored_ids)} candidates afterwards | {shortlist_s:.2f} s (HTTP {sl.status_code}) |",
    ]
    md = (f"### Workspace load test (`make bench-load`)\n\n{machine()}. A `shortlist serve` process on "
          f"127.0.0.1 with SQLite (WAL) and one parsing worker; {args.clients} client threads, each "
          f"uploading one resume then reading twice, for {args.seconds:.0f} s. Load average before the run "
          f"(other work on this shared machine): {load_before:.1f}.\n\n" + "\n".join(rows) + "\n")
    print(md)
    if not args.no_write:
        write_block("load_test", md)


if __name__ == "__main__":
    main()
