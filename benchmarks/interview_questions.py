"""Interview plans: coverage, relevance, diversity, closeness to real interview questions, speed.

Pairs: every example job x every example resume (``examples/``, the project's own), plus a
sample of 20 livecareer resume PDFs (8 INFORMATION-TECHNOLOGY, 12 from other categories)
each against the job composed from O*NET for its category (``benchmarks/jobs_onet.py``).
Resumes are parsed with the pipeline and ranked with ``HybridRanker`` for the verdicts.

Figures per plan (built-in patterns, no LLM; default ``max_questions=12``):

* coverage: share of the job's required skills with at least one question;
* relevance: calibrated embedding similarity (``shortlist.embed``) of each skill question to
  its own requirement, next to its similarity to the job's other skill requirements, and how
  often its own requirement is the most similar one (top-1);
* diversity: self-BLEU, mean BLEU of each question against each other question of the plan
  (lower is more varied), with ``bleu`` from ``interview/score.py``;
* ROUGE-L against real interview questions of the same topic (``interview_qa_it``, 7
  topics): for each question on a skill whose family maps to a topic, the best ROUGE-L
  against that topic's questions (resume quotes removed from ours first), next to the best
  against the other topics. Read at run time, never stored;
* latency of ``plan_interview`` given the ranking (median, p95), and of ranking + plan.

Samples printed into the block come only from the example files the project wrote.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, data_arg, machine, markdown_table, resolve_data, skip, write_block

EXAMPLES = ROOT / "examples"
CACHE = ROOT / ".shortlist" / "bench-cache"
LIVECAREER = "resumes_pdf_livecareer"
QA = "interview_qa_it"
IT_SAMPLE, OTHER_SAMPLE = 8, 12
# Our question families -> the interview_qa_it topic (DOMAIN column) they belong to.
FAMILY_TOPIC = {"programming_language": "Programming", "database": "Database", "frontend": "Web", "backend": "Web",
                "cloud_devops": "ETC", "testing": "ETC", "security": "ETC", "data_ml": "ETC"}
SKILL_TOPIC = {"Java": "Java", "Spring": "JavaTech", "Spring Boot": "JavaTech", "Hibernate": "JavaTech",
               "JSP": "JavaTech", "Servlets": "JavaTech", "Struts": "JavaTech", "C": "C", "C++": "C", "C#": "C"}
_QUOTE = re.compile(r"[“\"][^”\"]*[”\"]")


def parse(paths: list[Path]):
    from shortlist.pipeline import ProfileCache, parse_paths

    outs = list(parse_paths(paths, workers=2, cache=ProfileCache(CACHE)))
    return {o.path: o.profile for o in outs if o.profile is not None}


def livecareer_sample(data) -> list[tuple[Path, str]]:
    folder = resolve_data(data, LIVECAREER)
    labels = folder / "labels.csv"
    if not labels.is_file():
        return []
    with labels.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    rng = random.Random(7)
    it = [r for r in rows if r["category"] == "INFORMATION-TECHNOLOGY"]
    cats = sorted({r["category"] for r in rows} - {"INFORMATION-TECHNOLOGY"})
    picked = rng.sample(it, IT_SAMPLE)
    for c in rng.sample(cats, OTHER_SAMPLE):
        picked.append(rng.choice([r for r in rows if r["category"] == c]))
    return [((folder / r["path"]).resolve(), r["category"]) for r in picked]


def qa_topics(data) -> dict[str, list[str]]:
    path = resolve_data(data, QA, "it_qa_6318.csv")
    if not path.is_file():
        return {}
    out: dict[str, list[str]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["DOMAIN"], []).append(r["QUESTION"])
    return out


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))] if xs else float("nan")


def mean(xs) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


def main() -> None:
    parser = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()

    from shortlist.embed.route import choose_embedder
    from shortlist.interview import plan_interview
    from shortlist.interview.patterns import family_of
    from shortlist.llm.client import backend_from_settings
    from shortlist.match.rank import HybridRanker
    from shortlist.profile.job import parse_job_path, parse_job_text

    try:
        from shortlist.interview.score import bleu, rouge_l
    except ImportError:
        bleu = rouge_l = None  # the scoring module is another part of the project

    # ------------------------------------------------------------------ pairs
    job_files = sorted((EXAMPLES / "jobs").iterdir())
    resume_files = sorted(p for p in (EXAMPLES / "resumes").iterdir() if p.suffix in {".pdf", ".docx", ".txt"})
    sample = livecareer_sample(args.data)
    if not sample:
        skip(f"{resolve_data(args.data, LIVECAREER)} not found")
    profiles = parse([*resume_files, *(p for p, _ in sample)])
    ex_profiles = [profiles[str(p)] for p in resume_files if str(p) in profiles]
    from benchmarks.jobs_onet import onet_jobs

    onet = onet_jobs(args.data)
    ranker = HybridRanker()
    pairs = []  # (group, job, profile, ranked)
    for jf in job_files:
        job = parse_job_path(jf)
        for rc in ranker.rank(job, ex_profiles):
            prof = next(p for p in ex_profiles if p.sha256 == rc.candidate_id)
            pairs.append(("examples", job, prof, rc))
    lc_parsed = 0
    for path, cat in sample:
        prof = profiles.get(str(path))
        if prof is None:
            continue
        lc_parsed += 1
        job = parse_job_text(onet[cat], source=f"onet:{cat}")
        pairs.append(("livecareer", job, prof, ranker.rank(job, [prof])[0]))

    # ------------------------------------------------------------------ plans and latency
    plans, latency = [], []
    for group, job, prof, rc in pairs:
        plan_interview(job, prof, rc)  # warm caches once per pair
        t0 = time.perf_counter()
        plan = plan_interview(job, prof, rc)
        latency.append(time.perf_counter() - t0)
        plans.append((group, job, prof, plan))
    full = []
    for group, job, prof, _ in pairs[:: max(1, len(pairs) // 10)]:
        t0 = time.perf_counter()
        plan_interview(job, prof)
        full.append(time.perf_counter() - t0)

    # ------------------------------------------------------------------ metrics
    topics = qa_topics(args.data)
    rows = []
    samples: list[str] = []
    for group in ("examples", "livecareer"):
        cov, own, other, top1, selfbleu, rl_same, rl_other, nq = [], [], [], [], [], [], [], []
        for g, job, prof, plan in plans:
            if g != group:
                continue
            nq.append(len(plan.questions))
            req = [r for r in job.skill_requirements(required=True)]
            asked = {q.requirement_id for q in plan.questions}
            if req:
                cov.append(sum(r.id in asked for r in req) / len(req))
            skill_reqs = job.skill_requirements()
            sq = [q for q in plan.questions if q.requirement_id and q.requirement_id.startswith("skill:")]
            if sq and len(skill_reqs) > 1:
                emb = choose_embedder(*(q.text for q in sq), *(r.label for r in skill_reqs))
                qv = emb.encode([_QUOTE.sub("", q.text) for q in sq], kind="passage")
                rv = emb.encode([r.skill or r.label for r in skill_reqs], kind="query")
                sim = emb.similarity(qv, rv)
                ids = [r.id for r in skill_reqs]
                for i, q in enumerate(sq):
                    if q.requirement_id not in ids:
                        continue
                    j = ids.index(q.requirement_id)
                    own.append(float(sim[i, j]))
                    other.append(float(mean(sim[i, k] for k in range(len(ids)) if k != j)))
                    top1.append(float(int(sim[i].argmax()) == j))
            if bleu is not None and len(plan.questions) > 1:
                texts = [q.text for q in plan.questions]
                selfbleu.append(mean(bleu(texts[b], texts[a]) for a in range(len(texts)) for b in range(len(texts))
                                     if a != b))
            if rouge_l is not None and topics:
                for q in sq:
                    skill = q.requirement_id.split(":", 1)[1]
                    topic = SKILL_TOPIC.get(skill) or FAMILY_TOPIC.get(family_of(skill))
                    if topic is None or plan.language != "en":
                        continue
                    ours = _QUOTE.sub("", q.text)
                    rl_same.append(max(rouge_l(ref, ours) for ref in topics[topic]))
                    rl_other.append(mean(max(rouge_l(ref, ours) for ref in topics[t]) for t in topics if t != topic))
        rows.append([group, len(nq), f"{mean(nq):.1f}", f"{mean(cov):.3f}", f"{sum(c == 1 for c in cov)}/{len(cov)}",
                     f"{mean(own):.3f} vs {mean(other):.3f}", f"{mean(top1):.3f}",
                     f"{mean(selfbleu):.3f}" if selfbleu else "n/a",
                     f"{mean(rl_same):.3f} vs {mean(rl_other):.3f} (n={len(rl_same)})" if rl_same else "n/a"])

    # ------------------------------------------------------------------ samples (examples only)
    picks = [("senior_backend_engineer.md", "daniel_okafor_backend"), ("data_scientist.md", "priya_raman"),
             ("staff_accountant.txt", "margaret_lindqvist"), ("senior_backend_engineer_zh.md", "chen_zhiyuan")]
    for jname, rname in picks:
        for g, job, prof, plan in plans:
            if g == "examples" and job.source and job.source.endswith(jname) and rname in (prof.source or ""):
                kinds: dict[str, object] = {}
                for q in plan.questions:
                    kinds.setdefault(q.kind, q)
                chosen = [kinds[k] for k in ("verify", "probe", "behavioural") if k in kinds]
                for q in chosen[:3 if jname.startswith("senior") else 2]:
                    samples.append(f"- *{jname} x {rname}* ({q.kind}, {q.competency}, difficulty {q.difficulty}, "
                                   f"{q.requirement_id or 'no requirement'}): {q.text}  \n  rubric: "
                                   + "; ".join(q.rubric[:3]))
                break

    llm = backend_from_settings()
    llm_line = "not run: no LLM configured" if llm is None else f"configured ({llm.name}); not measured by this script"
    lines = [
        "## Interview questions (built-in patterns)",
        "",
        f"Machine: {machine()}",
        "",
        (f"Pairs: {len(job_files)} example jobs x {len(ex_profiles)} example resumes, and {lc_parsed} of "
         f"{len(sample)} livecareer PDFs (8 INFORMATION-TECHNOLOGY, 12 other categories, seed 7) against the "
         "O*NET-composed job of their category. Plans of at most 12 questions, no LLM."),
        "",
        markdown_table(["pairs", "plans", "questions/plan", "required-skill coverage", "plans fully covered",
                        "relevance own vs other requirement", "own requirement top-1", "self-BLEU (lower better)",
                        "ROUGE-L vs same-topic vs other-topic IT questions"], rows),
        "",
        (f"Latency of `plan_interview` given the ranking: median {1000 * statistics.median(latency):.1f} ms, "
         f"p95 {1000 * pct(latency, 0.95):.1f} ms over {len(latency)} plans (target < 1 s). Ranking included "
         f"(`ranked=None`; the first call loads the embedder): median {1000 * statistics.median(full):.0f} ms, "
         f"p95 {1000 * pct(full, 0.95):.0f} ms over {len(full)} plans."),
        "",
        f"With an LLM: {llm_line}.",
        "",
        ("Relevance is the calibrated similarity of the question (quotes removed) to the requirement's skill name; "
         "ROUGE-L is the best match among the `interview_qa_it` questions of the topic our skill family maps to "
         "(English plans only), next to the mean best match in the other topics. Self-BLEU uses `bleu` from "
         "`interview/score.py`; shared framing (\"Your resume says ...\") keeps it above zero."),
        "",
        "Sample questions (example files only):",
        "",
        *samples,
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_block("interview_questions", text)


if __name__ == "__main__":
    main()
