"""Field-level accuracy of the English resume parser on the dotin annotated CVs.

Each CV in ``resume_ner_en_dotin/545_cvs_train_v2/*.xml`` is the resume text with inline
``<label type="...">...</label>`` annotations. Stripping the tags gives exactly the text a
parser would see, and the offsets of every annotated span. We run ``parse_text`` on that
text and compare, per field, what it found with what the annotators marked.

Matching (both reported):

* span: a predicted value is correct when its evidence span overlaps an annotated span of
  that type. Education and work entries carry one evidence span for the whole entry, so a
  value's own span is found by locating its text inside the entry's span (falling back to
  the first occurrence in the document). A gold value counts as found when any of its
  annotated spans is overlapped by a predicted span.
* value: a predicted value is correct when, after normalisation (case-folded, punctuation
  dropped, spaces collapsed), it equals an annotated value of that type in the same CV.

Designations are compared with every ``work[].title`` and with ``Profile.headline`` (the title
written under the name, which dotin also labels as a Designation).

Annotators mark the same name or company several times in one CV, so both sides are counted
as unique normalised values per CV, then micro-averaged over CVs. The labels are partial, so
precision only counts CVs with at least one label of the field's type. Figures are also split
between multi-line CVs and "flattened" ones (the whole CV on one or two lines). Run from the repo root:
``python benchmarks/parse_fields.py --data ../shared/datasets``. Per-field error examples go
to /tmp/parse_fields_errors.txt (never into the repository: the CVs are not ours).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (
    data_arg,
    machine,
    markdown_table,
    resolve_data,
    skill_canonicaliser,
    skip,
    write_block,
)
from shortlist.profile.model import Evidence, Profile

ERRORS_PATH = Path("/tmp/parse_fields_errors.txt")
ERRORS_LEGEND = (
    "FP = predicted value overlapping no label of its type; FN0 = a labelled value missed while "
    "nothing at all was predicted for the field in that CV; FN = missed while other values were. "
    "[lines] = multi-line CV, [flat] = whole CV on one or two lines. [[...]] marks the span.\n\n"
)
SUBDIR = ("resume_ner_en_dotin", "545_cvs_train_v2")

# Our field -> (annotation types it is compared with, target F1 or None for "report only").
TARGET_FIELDS = ("degree", "institution", "employer", "title")
FIELDS: dict[str, tuple[tuple[str, ...], float | None]] = {
    "name": (("Name",), 0.90),
    "email": (("Email Address",), 0.99),
    "degree": (("Degree",), 0.90),
    "institution": (("College Name",), None),
    "employer": (("Companies worked at",), 0.80),
    "title": (("Designation",), 0.80),
    "graduation_year": (("Graduation Year",), None),
    "skills": (("Tech Tools", "Job Specific Skills"), None),
}
LABELS = {
    "name": "Name",
    "email": "Email Address",
    "degree": "Degree (education[].degree)",
    "institution": "College Name (education[].institution)",
    "employer": "Companies worked at (work[].employer)",
    "title": "Designation (work[].title + headline)",
    "graduation_year": "Graduation Year (education[].end)",
    "skills": "Skills (Tech Tools + Job Specific Skills)",
}

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


@dataclass
class AnnotatedCV:
    path: Path
    text: str
    spans: dict[str, list[tuple[int, int, str]]]  # annotation type -> (start, end, surface)


def strip_labels(xml_path: Path) -> AnnotatedCV:
    """The CV text with tags removed, plus each label's character offsets in that text."""
    from shortlist.labeller.corpus import inline_xml

    text, found = inline_xml(xml_path)
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for s, e, kind in found:
        spans[kind].append((s, e, text[s:e]))
    return AnnotatedCV(xml_path, text, dict(spans))


def norm(value: str) -> str:
    """Case-folded, accents and punctuation dropped, spaces collapsed: 'B.E.' == 'be'."""
    value = unicodedata.normalize("NFKD", value)
    value = "".join(c for c in value if not unicodedata.combining(c)).casefold()
    value = re.sub(r"[.'’]", "", value)
    value = re.sub(r"[^\w]+", " ", value)
    return re.sub(r"\s+", " ", value).strip()


def year_of(value: str | None) -> str | None:
    if not value:
        return None
    found = _YEAR.findall(value)
    return found[-1] if found else None


@dataclass
class Pred:
    value: str  # normalised
    raw: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def _locate(text: str, needle: str, within: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where ``needle`` sits in ``text``, preferring the entry it came from."""
    if not needle or not needle.strip():
        return None
    low, nl = text.casefold(), needle.strip().casefold()
    if within:
        i = low.find(nl, within[0], within[1])
        if i >= 0:
            return (i, i + len(nl))
    i = low.find(nl)
    return (i, i + len(nl)) if i >= 0 else None


def _ev(evidence: Evidence | None) -> tuple[int, int] | None:
    return (evidence.start, evidence.end) if evidence is not None else None


def predictions(profile: Profile, text: str) -> dict[str, list[Pred]]:
    """Per field, the unique predicted values with the spans they occupy in ``text``."""
    out: dict[str, dict[str, Pred]] = {f: {} for f in FIELDS}
    same_text = profile.text == text

    def add(fld: str, raw: str | None, span: tuple[int, int] | None, within: tuple[int, int] | None = None) -> None:
        if not raw or not norm(raw):
            return
        if span is None or not same_text:
            span = _locate(text, raw, within if same_text else None)
        pred = out[fld].setdefault(norm(raw), Pred(norm(raw), raw))
        if span is not None:
            pred.spans.append(span)

    if profile.name is not None:
        add("name", profile.name.value, _ev(profile.name.evidence))
    if profile.email is not None:
        add("email", profile.email.value, _ev(profile.email.evidence))
    for edu in profile.education:
        entry = _ev(edu.evidence)
        add("degree", edu.degree, None, entry)
        add("institution", edu.institution, None, entry)
        year = year_of(edu.end)
        if year:
            add("graduation_year", year, None, entry)
    if profile.headline is not None:
        add("title", profile.headline.value, _ev(profile.headline.evidence))  # the title under the name
    for job in profile.work:
        entry = _ev(job.evidence)
        add("employer", job.employer, None, entry)
        add("title", job.title, None, entry)
    for skill in profile.skills:
        spans = [(m.evidence.start, m.evidence.end) for m in skill.mentions] if same_text else []
        pred = out["skills"].setdefault(norm(skill.name), Pred(norm(skill.name), skill.name))
        pred.spans.extend(spans)
        if not spans:
            loc = _locate(text, skill.name, None)
            if loc:
                pred.spans.append(loc)
    return {f: list(v.values()) for f, v in out.items()}


def gold_values(cv: AnnotatedCV, fld: str) -> dict[str, list[tuple[int, int]]]:
    """Unique normalised annotated values of a field and all the spans each one occupies."""
    types, _ = FIELDS[fld]
    gold: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for kind in types:
        for start, end, surface in cv.spans.get(kind, []):
            if fld == "graduation_year":
                value = year_of(surface)
            elif fld == "skills":
                value = norm(skill_canonicaliser()(surface) or surface)
            else:
                value = norm(surface)
            if value:
                gold[value].append((start, end))
    return dict(gold)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


@dataclass
class Tally:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    unjudged: int = 0  # predictions in CVs with no annotation of the type

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def is_flattened(text: str) -> bool:
    """Most dotin CVs are one or two very long lines (a PDF dump whose fields are separated
    by runs of spaces); they are scored apart because line-based parsing behaves differently."""
    return text.count("\n") < 5


def _shape(cv: AnnotatedCV) -> str:
    return "flat" if is_flattened(cv.text) else "lines"


def score_cv(cv: AnnotatedCV, preds: dict[str, list[Pred]], span_tally: dict[str, Tally],
             value_tally: dict[str, Tally], errors: dict[str, list[str]] | None = None) -> None:
    """Add one CV's counts to the running tallies and note its misses and false alarms."""
    for fld in FIELDS:
        gold = gold_values(cv, fld)
        all_gold_spans = [s for spans in gold.values() for s in spans]
        pred = preds.get(fld, [])
        st, vt = span_tally[fld], value_tally[fld]
        if not gold:
            # The annotation is partial: a CV with no label of this type cannot judge a prediction.
            st.unjudged += len(pred)
            vt.unjudged += len(pred)
            continue
        st.n_pred += len(pred)
        vt.n_pred += len(pred)
        st.n_gold += len(gold)
        vt.n_gold += len(gold)
        pred_spans = [s for p in pred for s in p.spans]
        for p in pred:
            span_ok = any(_overlaps(s, all_gold_spans) for s in p.spans)
            st.tp_pred += span_ok
            vt.tp_pred += p.value in gold
            if not span_ok and errors is not None:
                where = p.spans[0] if p.spans else None
                ctx = _context(cv.text, where) if where else "(no span)"
                errors[fld].append(f"FP  [{_shape(cv)}] {cv.path.name}: predicted {p.raw!r} at {ctx}")
        for value, spans in gold.items():
            found_span = any(_overlaps(s, pred_spans) for s in spans)
            st.tp_gold += found_span
            vt.tp_gold += any(p.value == value for p in pred)
            if not found_span and errors is not None:
                got = ", ".join(repr(p.raw) for p in pred) or "nothing"
                kind = "FN0" if not pred else "FN "
                errors[fld].append(
                    f"{kind} [{_shape(cv)}] {cv.path.name}: missed {cv.text[spans[0][0]:spans[0][1]]!r} "
                    f"at {_context(cv.text, spans[0])}; predicted {got}"
                )


def _context(text: str, span: tuple[int, int], width: int = 40) -> str:
    s, e = span
    before = text[max(0, s - width):s].replace("\n", "⏎")
    inside = text[s:e].replace("\n", "⏎")
    after = text[e:e + width].replace("\n", "⏎")
    return f"…{before}[[{inside}]]{after}…"


def fold_models(files: list[Path], k: int, synthetic: int, seed: int = 0) -> tuple[dict[Path, object], dict]:
    """For each CV, the labeller trained on the other folds (plus generated resumes), and the
    labeller's own span scores pooled over the held-out folds."""
    from shortlist.labeller.corpus import read_inline_xml
    from shortlist.labeller.evaluate import folds, span_scores
    from shortlist.labeller.model import SequenceLabeller
    from shortlist.labeller.train import own_data

    docs = [read_inline_xml(f) for f in files]
    extra = own_data(synthetic, files=synthetic)[0]  # what the shipped model adds
    model_of: dict[Path, object] = {}
    pairs = []
    for i, held in enumerate(folds(len(files), k, seed)):
        held_set = set(held)
        t0 = time.perf_counter()
        model = SequenceLabeller().fit([d for j, d in enumerate(docs) if j not in held_set] + extra)
        print(f"fold {i + 1}/{k}: trained in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        for j in held:
            model_of[files[j]] = model
            pairs.append((docs[j], model.predict(docs[j].text, docs[j].layout)))
    return model_of, span_scores(pairs, SequenceLabeller().labels)


def run(data: Path, limit: int | None = None, folds: int = 5, synthetic: int = 300
        ) -> tuple[str, dict[str, Tally], dict[str, Tally], dict[str, list[str]]]:
    from shortlist.profile.parse import parse_text

    files = sorted(data.glob("*.xml"), key=lambda p: (len(p.stem), p.stem))
    if limit:
        files = files[:limit]
    t_train = time.perf_counter()
    model_of, label_scores = fold_models(files, folds, synthetic) if folds > 1 else ({}, {})
    t_train = time.perf_counter() - t_train
    rules_value = {f: Tally() for f in FIELDS}
    for path in files:
        cv = strip_labels(path)
        score_cv(cv, predictions(parse_text(cv.text, labeller=None), cv.text), {f: Tally() for f in FIELDS}, rules_value)
    span_tally = {f: Tally() for f in FIELDS}
    value_tally = {f: Tally() for f in FIELDS}
    by_shape = {shape: ({f: Tally() for f in FIELDS}, {f: Tally() for f in FIELDS})
                for shape in ("multi-line", "flattened")}
    errors: dict[str, list[str]] = defaultdict(list)
    failures: list[str] = []
    mismatched = 0
    started = time.perf_counter()
    for path in files:
        cv = strip_labels(path)
        try:
            profile = parse_text(cv.text, labeller=model_of.get(path) if folds > 1 else None)
        except Exception:  # noqa: BLE001 - a crash is a finding to report, not a reason to stop
            failures.append(f"{path.name}: {traceback.format_exc(limit=3)}")
            profile = None
        if profile is None:
            preds: dict[str, list[Pred]] = {f: [] for f in FIELDS}
        else:
            mismatched += profile.text != cv.text
            preds = predictions(profile, cv.text)
        score_cv(cv, preds, span_tally, value_tally, errors)
        score_cv(cv, preds, *by_shape["flattened" if is_flattened(cv.text) else "multi-line"])
    elapsed = time.perf_counter() - started

    rows = []
    for fld, (_types, target) in FIELDS.items():
        sp, sr, sf = span_tally[fld].prf()
        vp, vr, vf = value_tally[fld].prf()
        verdict = "" if target is None else ("met" if sf >= target else "below")
        rows.append([LABELS[fld], span_tally[fld].n_gold, span_tally[fld].n_pred, span_tally[fld].unjudged,
                     sp, sr, sf, vp, vr, vf,
                     "report only" if target is None else f">= {target:.2f} ({verdict})"])
    table = markdown_table(
        ["field", "gold", "pred", "unjudged", "span P", "span R", "span F1", "value P", "value R", "value F1", "target (span F1)"],
        rows,
    )
    shape_rows = [[LABELS[fld]] + [f"{tallies[0][fld].prf()[2]:.3f} ({tallies[0][fld].n_gold})"
                                   for tallies in by_shape.values()] for fld in FIELDS]
    n_flat = sum(is_flattened(strip_labels(f).text) for f in files)
    shape_table = markdown_table(
        ["field", f"span F1 (gold), multi-line CVs: {len(files) - n_flat}", f"span F1 (gold), flattened CVs: {n_flat}"],
        shape_rows,
    )
    compare = markdown_table(
        ["field", "rules alone: value F1", f"labeller, {folds}-fold CV: value F1", "target (value F1)"],
        [[LABELS[fld], rules_value[fld].prf()[2], value_tally[fld].prf()[2],
          (f">= 0.85 ({'met' if value_tally[fld].prf()[2] >= 0.85 else 'below'})" if fld in TARGET_FIELDS else "report only")]
         for fld in FIELDS],
    )
    macro = sum(value_tally[f].prf()[2] for f in TARGET_FIELDS) / len(TARGET_FIELDS)
    macro_rules = sum(rules_value[f].prf()[2] for f in TARGET_FIELDS) / len(TARGET_FIELDS)
    label_rows = [[lab, v["precision"], v["recall"], v["f1"], v["gold"]]
                  for lab, v in label_scores.items() if isinstance(v, dict)]
    label_table = markdown_table(["label", "P", "R", "F1", "gold spans"], label_rows) if label_rows else ""
    notes = [
        (f"`make bench-parse-fields`: {len(files)} annotated CVs of `resume_ner_en_dotin` (CC0), "
        f"{machine()}; {elapsed:.1f} s parsing, {t_train:.0f} s training the {folds} fold models "
        f"(each on the other folds plus {synthetic} generated resumes, as the shipped model)."),
        "",
        (f"Every CV is parsed by a labeller that never saw it ({folds}-fold cross-validation by CV, seed 0): "
         "the shipped model is trained on all 310, so its own figures on this set would be inflated."),
        "",
        compare,
        "",
        (f"Macro value F1 over companies, designations, degree and college: **{macro:.3f}** "
        f"(rules alone {macro_rules:.3f}; target >= 0.85)."),
        "",
        "The whole table for the cross-validated labeller:",
        "",
        table,
        "",
        shape_table,
        "",
        ("Matching: *span* counts a predicted value as correct when its evidence span overlaps an "
        "annotated span of that type (education and work values are located inside their entry's "
        "evidence span); a gold value counts as found when one of its spans is overlapped. *Value* "
        "compares case-folded, punctuation-free strings. Both sides are unique values per CV "
        "(annotators tag a name or company several times), micro-averaged over CVs. "
        "Precision is taken over CVs that carry at least one label of the type; predictions in "
        "the other CVs are listed as *unjudged* (the dotin labels are partial: e.g. every e-mail "
        "'false positive' on the whole set was an address the annotators left untagged). "
        "Flattened CVs are those with fewer than five line breaks (whole resume on one or two lines). "
        "Graduation year compares the last year in the annotated text with the year of "
        "`education[].end`. Skills: predicted canonical names against the taxonomy's canonical form "
        "of each labelled surface (the surface itself when the taxonomy does not know it)."),
        ("Designations are the titles of `work[]` plus `headline` (the title written under the name). "
         "Name, e-mail and skills are read by rules and the taxonomy, not by the labeller."),
        "",
        "The labeller's own token spans (exact match after trimming punctuation, pooled over the held-out folds):",
        "",
        label_table,
        f"Parser crashes: {len(failures)}. CVs where `Profile.text` differed from the input: {mismatched}.",
        ("Even in labelled CVs not every company or title is tagged, so precision is a lower bound; "
         "companies are also tagged inside bullets (clients, projects), which caps recall for a parser "
         "that reads employers from job headers."),
    ]
    report = "\n".join(notes)
    if failures:
        errors["_crashes"] = failures
    return report, span_tally, value_tally, errors


def write_errors(errors: dict[str, list[str]], per_field: int = 60) -> None:
    """Counts by kind and layout, then examples spread over the whole set (not just the first CVs)."""
    with ERRORS_PATH.open("w", encoding="utf-8") as fh:
        fh.write(ERRORS_LEGEND)
        for fld, lines in errors.items():
            counts = Counter(line[:3].strip() + " " + line.split("]", 1)[0].split("[", 1)[-1]
                             for line in lines if line[:2] in {"FP", "FN"})
            summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or f"{len(lines)} entries"
            fh.write(f"===== {fld}: {summary} =====\n")
            for kind in ("FP", "FN0", "FN "):
                chosen = [line for line in lines if line.startswith(kind)]
                step = max(1, len(chosen) // (per_field // 3))
                fh.writelines(line.rstrip() + "\n" for line in chosen[::step][: per_field // 3])
            if not counts:
                fh.writelines(line.rstrip() + "\n" for line in lines[:per_field])
            fh.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--limit", type=int, default=None, help="only the first N CVs (quick look)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for the labeller (1: rules only)")
    parser.add_argument("--synthetic", type=int, default=300, help="generated resumes added to each training fold")
    args = parser.parse_args(argv)
    data = resolve_data(args.data, *SUBDIR)
    if not data.is_dir():
        skip(f"{data} not found; pass --data pointing at the shared datasets folder")
    try:
        import shortlist.profile.parse  # noqa: F401
    except ImportError as exc:
        skip(f"shortlist.profile.parse is not available yet ({exc})")
    report, _span, _value, errors = run(data, args.limit, args.folds, args.synthetic)
    write_errors(errors)
    print(report)
    print(f"\nerror examples: {ERRORS_PATH}")
    if not args.no_write and not args.limit:
        print(f"written to {write_block('parse_fields', report)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
