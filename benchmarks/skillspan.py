"""SkillSpan (Zhang et al., NAACL 2022, MIT): skill and knowledge spans in job-posting sentences.

Trains the skill tagger (``shortlist.labeller`` CRF with the ``skills`` featurizer: words, their
neighbours, MiniLM word classes and the taxonomy matcher's hits) on the house + tech train splits, picks the
regularisation on dev, and reports span-F1 on dev (exact spans, per type and micro over both) beside
the published test figure (ESCOXLM-R 62.6). Also scores the taxonomy matcher alone on the same
spans. Run: ``make bench-skillspan``.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import data_arg, machine, markdown_table, resolve_data, skip, write_block

SPLITS = ("house", "tech")
TARGET = 63.0


def read_conll(path: Path) -> list:
    """Sentences as LabelledDoc: columns token, skill tag, knowledge tag (BIO)."""
    from shortlist.labeller.model import LabelledDoc

    docs: list = []
    toks: list[tuple[str, str, str]] = []

    def flush() -> None:
        if not toks:
            return
        text, spans, pos = "", [], 0
        open_: dict[str, list[int] | None] = {"SKILL": None, "KNOWLEDGE": None}
        for i, (tok, sk, kn) in enumerate(toks):
            if i:
                text += " "
                pos += 1
            start, pos = pos, pos + len(tok)
            text += tok
            for label, tag in (("SKILL", sk), ("KNOWLEDGE", kn)):
                cur = open_[label]
                if tag.startswith("B") or (tag.startswith("I") and cur is None):
                    if cur is not None:
                        spans.append((cur[0], cur[1], label))
                    open_[label] = [start, pos]
                elif tag.startswith("I") and cur is not None:
                    cur[1] = pos
                else:
                    if cur is not None:
                        spans.append((cur[0], cur[1], label))
                    open_[label] = None
        for label, cur in open_.items():
            if cur is not None:
                spans.append((cur[0], cur[1], label))
        docs.append(LabelledDoc(text=text, spans=sorted(spans), source=str(path)))
        toks.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or not line.strip():
            flush()
            continue
        toks.append((cols[0], cols[1], cols[2]))
    flush()
    return docs


def _single_layer(docs: list) -> list:
    """One tag per token for the CRF: where a span is both a skill and knowledge (rare), skill wins."""
    from shortlist.labeller.model import LabelledDoc

    out = []
    for d in docs:
        kept: list[tuple[int, int, str]] = []
        for s in sorted(d.spans, key=lambda x: (x[0], x[2] != "SKILL")):
            if kept and s[0] < kept[-1][1]:
                continue
            kept.append(s)
        out.append(LabelledDoc(text=d.text, spans=kept, source=d.source))
    return out


def _taxonomy_scores(dev: list) -> dict:
    """The dictionary matcher alone: every hit predicted as a skill span."""
    from shortlist.labeller.evaluate import span_scores
    from shortlist.labeller.model import Span
    from shortlist.skills.extract import extract_skills

    pairs = []
    for d in dev:
        hits = extract_skills(d.text)
        pairs.append((d, [Span(h.start, h.end, lab, 1.0) for h in hits for lab in ("SKILL", "KNOWLEDGE")]))
    return span_scores(pairs, ("SKILL", "KNOWLEDGE"))


def main(argv: list[str] | None = None) -> int:
    ap = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    ap.add_argument("--quick", action="store_true", help="one setting, fewer iterations; leave BENCHMARKS.md alone")
    args = ap.parse_args(argv)
    data = resolve_data(args.data, "skillspan")
    if not (data / "skillspan_house_train.conll").is_file():
        skip(f"{data}/skillspan_house_train.conll not found; pass --data pointing at the shared datasets folder")
    from shortlist.labeller.evaluate import span_scores
    from shortlist.labeller.model import SequenceLabeller
    from shortlist.labeller.skill_features import SKILL_LABELS

    t_all = time.perf_counter()
    train = [d for sp in SPLITS for d in read_conll(data / f"skillspan_{sp}_train.conll")]
    dev = {sp: read_conll(data / f"skillspan_{sp}_dev.conll") for sp in SPLITS}
    dev_all = [d for sp in SPLITS for d in dev[sp]]
    grid = [(0.05, 0.01)] if args.quick else [(0.05, 0.01), (0.2, 0.05)]
    iters = 60 if args.quick else 200
    best = None
    tried = []
    for c1, c2 in grid:
        t0 = time.perf_counter()
        model = SequenceLabeller(c1=c1, c2=c2, max_iterations=iters, labels=SKILL_LABELS, featurizer="skills")
        model.fit(_single_layer(train))
        fit_s = time.perf_counter() - t0
        preds = {id(d): model.predict(d.text) for d in dev_all}
        micro = span_scores([(d, preds[id(d)]) for d in dev_all], SKILL_LABELS)["micro"]["f1"]
        tried.append((c1, c2, micro, fit_s))
        print(f"c1={c1} c2={c2}: dev span-F1 {100 * micro:.1f} (fit {fit_s:.0f} s)", file=sys.stderr)
        if best is None or micro > best[0]:
            best = (micro, c1, c2, preds)
    assert best is not None
    _, c1, c2, preds = best
    rows = []
    for name, docs in [*dev.items(), ("house + tech", dev_all)]:
        sc = span_scores([(d, preds[id(d)]) for d in docs], SKILL_LABELS)
        rows.append([name, len(docs)] + [f"{100 * sc[t]['f1']:.1f}" for t in SKILL_LABELS]
                    + [f"**{100 * sc['micro']['f1']:.1f}**" if name == "house + tech" else f"{100 * sc['micro']['f1']:.1f}"])
    micro = span_scores([(d, preds[id(d)]) for d in dev_all], SKILL_LABELS)["micro"]["f1"] * 100
    tax = _taxonomy_scores(dev_all)
    text = "\n".join([
        (f"`make bench-skillspan`: SkillSpan (MIT) house + tech, {len(train)} train / {len(dev_all)} dev sentences, "
        f"{machine()}; {time.perf_counter() - t_all:.0f} s in all."),
        "",
        "Skill tagger: linear-chain CRF (python-crfsuite) over words, their neighbours, MiniLM word classes "
        "(k-means over the frozen input embeddings, `make word-clusters`) and the taxonomy matcher's hits "
        "(category, confidence). Trained here, not yet used by the product's skill extraction. "
        "Regularisation picked on dev ("
        + ", ".join(f"c1 {a} / c2 {b}: {100 * f:.1f}" for a, b, f, _ in tried)
        + f"); chosen c1 {c1}, c2 {c2}; fit {max(t[3] for t in tried):.0f} s on one core.",
        "",
        markdown_table(["dev split", "sentences", "skill span-F1", "knowledge span-F1", "micro span-F1"], rows),
        "",
        (f"Span-F1 on **dev** {micro:.1f} against the target {TARGET} ({'met' if micro >= TARGET else 'not met'}); "
        "the published ESCOXLM-R figure, 62.6, is on the test split, which is held back here. "
        f"The taxonomy matcher alone, each hit scored against the skill spans: "
        f"P {100 * tax['SKILL']['precision']:.1f}, R {100 * tax['SKILL']['recall']:.1f}, F1 {100 * tax['SKILL']['f1']:.1f}; "
        f"against the knowledge spans: P {100 * tax['KNOWLEDGE']['precision']:.1f}, "
        f"R {100 * tax['KNOWLEDGE']['recall']:.1f}, F1 {100 * tax['KNOWLEDGE']['f1']:.1f} (it names tools and "
        "technologies; SkillSpan's skills are mostly phrases such as \"work independently\")."),
    ])
    print(text)
    if not args.quick:
        print(f"written to {write_block('skillspan', text)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
