"""Ranking at scale: index build time, search latency and memory at 1k, 10k and 100k candidates.

Candidates are synthesised (deterministic seed) from the parsed livecareer resumes: each
synthetic candidate starts from one real profile (its text and sections, shared, not copied)
and then

* drops a random 0-30 % of its skills and gains 1-5 skills of a donor resume of another
  category (added without evidence: the synthetic text does not mention them);
* has its years of experience scaled by a random factor in [0.6, 1.4];
* with probability 0.3, gets the most recent job title of a same-category donor as an extra,
  most recent work item (without evidence), so title vectors vary too.

Candidates are made when the index reads them (``SyntheticPool``), as a workspace's store
hands them over, so memory is the index's, not a list of 100,000 profiles. Every size is
measured in a fresh child process, so the peak RSS (``ru_maxrss``) belongs to that size
alone: loading the 1,247 real profiles, synthesising, building the
``CandidateIndex`` (MiniLM, on-disk vector cache: experience chunks repeat real ones, so
mostly cache hits; a cold cache is the separate throughput line) and searching. Search is
``CandidateIndex.search(job, top=10)``: all candidates scored, the top 10 explained; median
of 5 runs after one warm-up, over 3 O*NET-composed jobs.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from benchmarks.common import ROOT, data_arg, machine, markdown_table, write_block
from shortlist.profile.model import Profile, Skill, WorkItem

SIZES = (1_000, 10_000, 100_000)
JOBS = ("ACCOUNTANT", "INFORMATION-TECHNOLOGY", "SALES")
RUNS = 5
RESULTS = ROOT / ".shortlist" / "bench-cache" / "rank_scale.json"  # per-size figures, git-ignored


class SyntheticPool(Sequence[Profile]):
    """``n`` perturbed recombinations of ``base`` (see the module docstring), made when read:
    candidate ``i`` is the same every time (its own seeded generator), and nothing is held, as
    a workspace's store would hand profiles to the index. The index reads each once to build
    and again only for the candidates a search returns."""

    def __init__(self, base: list[Profile], categories: list[str], n: int, seed: int = 0) -> None:
        self.base, self.categories, self.n, self.seed = base, categories, n, seed
        cats = np.asarray(categories)
        self.by_cat = {c: np.flatnonzero(cats == c) for c in set(categories)}

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.n))]
        if not 0 <= i < self.n:
            raise IndexError(i)
        base, categories = self.base, self.categories
        rng = np.random.default_rng((self.seed, i))
        a = int(rng.integers(len(base)))
        p = base[a]
        keep = [s for s in p.skills if rng.random() >= rng.uniform(0.0, 0.3)]
        have = {s.name for s in keep}
        donor = base[int(rng.integers(len(base)))]
        extra = [Skill(name=s.name, skill_id=s.skill_id, category=s.category, months=s.months, last_used=s.last_used)
                 for s in donor.skills if s.name not in have][: int(rng.integers(1, 6))]
        work = list(p.work)
        if rng.random() < 0.3:
            peer = base[int(rng.choice(self.by_cat[categories[a]]))]
            title = next((w.title for w in peer.work if w.title), None)
            if title:
                work = [WorkItem(title=title, current=True), *work]
        years = None if p.years_experience is None else round(p.years_experience * rng.uniform(0.6, 1.4), 1)
        return p.model_copy(update={
            "skills": keep + extra, "work": work, "years_experience": years,
            "source": f"synthetic-{i}", "sha256": f"synthetic-{self.seed}-{i}",
        })


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(size: int, data: str | None) -> dict:
    """Runs in a child process: synthesise ``size`` candidates, index, time searches."""
    from benchmarks.jobs_onet import onet_jobs
    from benchmarks.rank_quality import load_corpus
    from shortlist.match.index import CandidateIndex
    from shortlist.match.rank import default_embedder
    from shortlist.profile.job import parse_job_text

    corpus = load_corpus(data)
    rss_loaded = rss_mb()
    pool = SyntheticPool(corpus.profiles, corpus.categories, size)
    jobs = onet_jobs(data)
    embedder = default_embedder(*(jobs[j] for j in JOBS))  # English jobs: MiniLM
    t0 = time.perf_counter()
    index = CandidateIndex.build(pool, embedder=embedder)
    build_s = time.perf_counter() - t0
    search_s = []
    for name in JOBS:
        job = parse_job_text(jobs[name])
        index.search(job, top=10)  # warm-up: the job's own vectors are embedded once
        runs = []
        for _ in range(RUNS):
            t = time.perf_counter()
            top = index.search(job, top=10)
            runs.append(time.perf_counter() - t)
        assert len(top) == 10
        search_s.append(statistics.median(runs))
    return {"size": size, "build_s": build_s, "search_s": search_s, "rss_loaded_mb": rss_loaded,
            "peak_rss_mb": rss_mb(), "embedder": embedder.name}


def throughput(data: str | None, n: int = 128) -> list[list[object]]:
    """Sentences per second of each model on real resume chunks, cold (no cache), one thread pool."""
    from benchmarks.rank_quality import load_corpus
    from shortlist.embed.chunk import chunk_text
    from shortlist.embed.e5 import E5Embedder
    from shortlist.embed.minilm import MiniLMEmbedder

    corpus = load_corpus(data)
    sentences: list[str] = []
    for p in corpus.profiles[::7]:
        sentences += chunk_text(p.text)[:3]
        if len(sentences) >= n:
            break
    sentences = sentences[:n]
    rows = []
    for model in (MiniLMEmbedder(), E5Embedder()):
        model.encode(sentences[:8])  # load the model outside the timing
        t = time.perf_counter()
        model.encode(sentences)
        s = time.perf_counter() - t
        rows.append([model.name, len(sentences), round(float(np.mean([len(x) for x in sentences]))), s, len(sentences) / s])
    return rows


def main() -> None:
    parser = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    data = None if args.data is None else str(args.data)
    if args.child is not None:
        print("RESULT " + json.dumps(measure(args.child, data)))
        return
    from benchmarks.rank_quality import load_corpus

    load_corpus(data)  # skips when the data is absent; warms the profile cache once
    t0 = time.perf_counter()
    stored = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    for size in args.sizes:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(size)]
        if data:
            cmd += ["--data", data]
        proc = subprocess.run(cmd, check=False, cwd=ROOT, capture_output=True, text=True)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            print(proc.stdout[-2000:], proc.stderr[-4000:])
            raise SystemExit(f"size {size} failed")
        r = json.loads(line[len("RESULT "):])
        r["measured"] = machine()
        stored[str(size)] = r
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(stored, indent=1))  # a later run with other --sizes adds to these
        print(r, flush=True)
    results = [stored[k] for k in sorted(stored, key=int)]
    rows = []
    for r in results:
        med = statistics.median(r["search_s"])
        rows.append([f"{r['size']:,}", r["build_s"], med, max(r["search_s"]), round(r["peak_rss_mb"]),
                     round(r["rss_loaded_mb"]), "yes" if med < 0.5 and r["peak_rss_mb"] < 1024 else "no"])
    growth = []
    for a, b in itertools.pairwise(results):
        fa, fb = statistics.median(a["search_s"]), statistics.median(b["search_s"])
        growth.append(f"{a['size']:,} -> {b['size']:,}: search x{fb / fa:.1f}, build x{b['build_s'] / a['build_s']:.1f}")
    tp = throughput(data)
    markdown = "\n".join([
        "## Ranking at scale (synthetic candidates from real resumes)",
        "",
        markdown_table(["candidates", "index build s", "search s (median of 3 jobs)", "search s (slowest job)",
                       "peak RSS MB", "RSS after loading real profiles MB", "< 0.5 s and < 1 GB"], rows),
        "",
        "Growth: " + "; ".join(growth) + "." if growth else "",
        "",
        "Embedding throughput (cold, no cache, real resume chunks):",
        "",
        markdown_table(["model", "sentences", "mean chars", "seconds", "sentences/s"], tp),
        "",
        f"Embedder for the index: {results[0]['embedder'] if results else 'n/a'}; vectors from the on-disk cache "
        + "where a chunk repeats. Machine per size: "
        + "; ".join(f"{r['size']:,}: {r['measured']}" for r in results)
        + f". This run: {time.perf_counter() - t0:.0f} s; throughput measured on {machine()}.",
    ])
    print(markdown)
    if not args.no_write:
        write_block("rank_scale", markdown)


if __name__ == "__main__":
    main()
