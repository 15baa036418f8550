"""The model card: what each model in shortlist is, its data, its measured accuracy (pulled
from BENCHMARKS.md, so the card never states a figure nobody measured), its known limits and
its intended use. Regenerate with `shortlist model-card` after running the benchmarks."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import BaseModel


class ModelEntry(BaseModel):
    name: str
    what: str
    data: str
    benchmarks: list[str]  # BENCHMARKS.md block names holding its measured figures
    limits: list[str]
    use: str


MODELS: tuple[ModelEntry, ...] = (
    ModelEntry(
        name="Document extraction and resume parser",
        what="pypdfium2/DOCX/HTML readers with reading-order and hidden-text detection; then a learned labeller "
             "(linear-chain CRF, python-crfsuite, `src/shortlist/data/models/parser-en.slm` for English and "
             "`parser-zh.slm` for Chinese) tags job titles, "
             "employers, locations, degrees and institutions, with the rules' sections, dates, word lists and "
             "own readings as its features, and each line's size, weight, indent and column from PDF and DOCX; "
             "entries are assembled from its spans and the rules fill what it "
             "leaves empty. Contact, dates and skills stay rule-based, as do resumes mixing English and Chinese "
             "lines. Every field keeps "
             "its evidence span; confidences come from the CRF's marginals.",
        data="dotin resume NER (310 CVs, CC0-1.0) plus 300 English resumes the project generates from its own "
             "word lists (`shortlist.labeller.synth`) and about 230 more written as PDF/DOCX files and read back "
             "through the product's extraction (`shortlist.labeller.render`). ResumeNER (no licence) is used only in a benchmark; that "
             "model is never shipped. The Chinese labeller learns only from about 500 Chinese resumes the project "
             "generates (`shortlist.labeller.synth_zh`: entry lines, labelled lines, tables and biography prose) "
             "and about 220 of them written as PDF/DOCX and read back.",
        benchmarks=["parse_fields", "resume_ner", "parse_zh", "parse_speed"],
        limits=[("Employer/title extraction is weakest on unusual or flattened layouts; dotin value F1 is far below "
                "the 0.85 target (see parse_fields)."),
                ("The Chinese labeller has seen no real resume: on ResumeNER's real biography text it reaches an "
                 "entity F1 far below a model trained there (see resume_ner); prose bios are not assembled into jobs."),
                "Scans depend on tesseract's OCR quality; rotated pages are read in stream order.",
                "Only English and Chinese resumes are parsed with language-specific rules."],
        use="Turning resumes into structured profiles for a recruiter to review; not a final record.",
    ),
    ModelEntry(
        name="Skill taxonomy and extractor",
        what="Dictionary matcher over a taxonomy built from O*NET 29.2 Technology Skills (CC BY 4.0), filtered "
             "ESCO labels and the project's own alias table (English and Chinese), with precision guards for "
             "ambiguous names.",
        data="O*NET 29.2, ESCO v1.1.0 labels, hand-written aliases.",
        benchmarks=["skills_extract"],
        limits=["Soft skills are mostly not covered.",
                "Generic words (Sales, Teaching) match with lower confidence in prose."],
        use="Naming skills in resumes and job descriptions with canonical names.",
    ),
    ModelEntry(
        name="Sentence embeddings",
        what="all-MiniLM-L6-v2 (int8 ONNX, English) and multilingual-e5-small (4-bit, Chinese and "
             "cross-language), with calibrated similarity. For matching, MiniLM's vectors go through a learned "
             "384x384 projection (`src/shortlist/data/models/match-en.npz`, InfoNCE over the frozen encoder); "
             "e5 is used as published.",
        data="The models' published training data (see their model cards); calibration pairs written by the project; "
             "the projection: O*NET 29.2 occupation titles, alternate titles and task statements (CC BY 4.0), or a "
             "team's own outcomes (`shortlist train encoder`).",
        benchmarks=["embed_speed", "rank_quality"],
        limits=["Calibration rests on small hand-written pair sets.",
                "The projection covers English (MiniLM) only; Chinese and mixed pools use e5 unchanged.",
                "Languages other than English and Chinese are handled poorly."],
        use="Semantic similarity of experience to job duties; answer scoring.",
    ),
    ModelEntry(
        name="Hybrid ranker",
        what="A weighted sum of inspectable parts (required and nice-to-have skill coverage, semantic similarity, "
             "years, education, title, BM25), with a verdict and resume quote per requirement.",
        data="Weights set by hand; no training on candidate outcomes.",
        benchmarks=["rank_quality", "rank_xlang", "rank_scale", "consistency"],
        limits=["Scores are advice: relevance by category is a proxy for fit.",
                "Knock-out rules are filters a recruiter sets and sees, never automatic rejections."],
        use="Ordering resumes for a recruiter to read first; never rejecting anyone.",
    ),
    ModelEntry(
        name="Trained ranker (optional)",
        what="Logistic regression or gradient boosting over the hybrid ranker's parts, trained on a team's own "
             "labelled outcomes, reported with grouped cross-validation against the untrained score.",
        data="The team's own decisions; nothing ships pre-trained.",
        benchmarks=["learn_cv"],
        limits=["Learns the team's past decisions, including their biases: audit it before use.",
                "Refuses to train on fewer examples than it can validate."],
        use="Adapting the ranking to how a team actually hires.",
    ),
    ModelEntry(
        name="Interview question generator",
        what="Deterministic question patterns per skill family and competency written by the project "
             "(English and Chinese); optionally an LLM through an OpenAI-compatible endpoint, schema-checked, "
             "with fallback.",
        data="No training data.",
        benchmarks=["interview_questions"],
        limits=["Pattern questions are generic within a skill family.",
                "LLM output quality depends on the model the user configures."],
        use="Preparing a structured interview; the interviewer chooses what to ask.",
    ),
    ModelEntry(
        name="Answer scorer",
        what="Token-alignment recall of the reference with MiniLM token vectors (Chinese: clause alignment with "
             "e5), rubric coverage with answer spans, ROUGE-L and BLEU; optional LLM judge; optional team "
             "calibration.",
        data="Unsupervised by default; the mapping's two constants were set after looking at a public grading set.",
        benchmarks=["answer_grading"],
        limits=["Measured on short technical answers; long transcripts are truncated to 256 tokens per answer.",
                "A grade is a suggestion for the interviewer, who can override it."],
        use="A first-pass grade of interview answers against a rubric.",
    ),
)


def benchmark_blocks(markdown: str) -> dict[str, str]:
    return {m.group(1): m.group(2).strip() for m in
            re.finditer(r"<!-- (\w+):start -->(.*?)<!-- \1:end -->", markdown, re.DOTALL)}


def render(benchmarks_md: str, today: str | None = None) -> str:
    blocks = benchmark_blocks(benchmarks_md)
    lines = ["# shortlist model card", "",
             f"Generated {today or date.today().isoformat()} from BENCHMARKS.md by `shortlist model-card`.",
             "", "Intended use: helping recruiters and hiring managers read, compare and interview candidates. "
             "Every score is advice; a person makes and records every decision. Not intended for automated "
             "rejection, for inferring protected characteristics, or for use without the bias audit "
             "(`shortlist audit`).", ""]
    for m in MODELS:
        lines += [f"## {m.name}", "", f"**What it is.** {m.what}", "", f"**Data.** {m.data}", "",
                  f"**Intended use.** {m.use}", "", "**Known limits.**", *[f"- {x}" for x in m.limits], "",
                  "**Measured.**", ""]
        for b in m.benchmarks:
            body = blocks.get(b)
            if body:
                body = re.sub(r"^(#+) ", lambda h: "#" * (len(h.group(1)) + 1) + " ", body, flags=re.MULTILINE)
                lines += [body, ""]
            else:
                lines += [f"- `{b}`: not measured yet (run its benchmark; see BENCHMARKS.md).", ""]
    return "\n".join(lines)


def write(benchmarks: Path, out: Path) -> Path:
    text = benchmarks.read_text(encoding="utf-8") if benchmarks.is_file() else ""
    out.write_text(render(text), encoding="utf-8")
    return out
