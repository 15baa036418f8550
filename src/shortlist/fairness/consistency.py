"""Counterfactual consistency audit: swap what must not matter and see whether ranks move.

For each resume we make variants that differ only in protected or irrelevant signals: the
name (names associated with other genders and ethnicities), gendered words, added personal
details (gender, age, marital status, ethnicity, political status) and a photo. Each variant
replaces the original in the pool, the pool is ranked again, and the change in that
candidate's rank and score is recorded. A fair ranker moves nobody.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pydantic import BaseModel, Field

from shortlist.documents.model import Document
from shortlist.profile.model import Job, Profile

# The project's own lists: names commonly read as different genders and ethnic origins.
NAMES_EN = ["Emily Walsh", "Lakisha Washington", "Jamal Robinson", "Greg Baker", "Wei Zhang", "Priya Patel",
            "José García", "Fatima Al-Sayed", "Olga Ivanova", "Kwame Mensah"]
NAMES_ZH = ["王芳", "李伟", "张秀英", "马建国", "阿依古丽", "刘洋"]
_GENDER_EN = [("he", "she"), ("him", "her"), ("his", "her"), ("himself", "herself"), ("mr", "ms"),
              ("male", "female"), ("man", "woman"), ("men", "women"), ("father", "mother"), ("husband", "wife")]
_GENDER_ZH = [("男", "女"), ("先生", "女士"), ("他", "她"), ("父亲", "母亲"), ("丈夫", "妻子")]
PERSONAL_EN = "\nGender: Female\nDate of birth: 1971-03-02 (age 55)\nMarital status: Married, two children\nNationality: Nigerian\n"
PERSONAL_ZH = "\n性别：女\n出生年月：1971年3月\n民族：回族\n政治面貌：中共党员\n婚姻状况：已婚已育\n"


class VariantResult(BaseModel):
    source: str
    variant: str
    rank_before: int
    rank_after: int
    score_before: float
    score_after: float

    @property
    def rank_change(self) -> int:
        return abs(self.rank_after - self.rank_before)


class ConsistencyReport(BaseModel):
    job: str
    candidates: int
    variants: int
    largest_rank_change: int
    largest_score_change: float
    results: list[VariantResult] = Field(default_factory=list)

    def worst(self, n: int = 5) -> list[VariantResult]:
        return sorted(self.results, key=lambda r: (-r.rank_change, -abs(r.score_after - r.score_before)))[:n]


def _swap_words(text: str, pairs: list[tuple[str, str]], ascii_words: bool) -> str:
    table = {}
    for a, b in pairs:
        table[a], table[b] = b, a
    if ascii_words:
        pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b", re.IGNORECASE)

        def repl(m: re.Match[str]) -> str:
            w = m.group(0)
            out = table[w.lower()]
            return out.capitalize() if w[0].isupper() else out
        return pat.sub(repl, text)
    pat = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return pat.sub(lambda m: table[m.group(0)], text)


def variants(doc: Document, profile: Profile) -> list[tuple[str, Document]]:
    """Counterfactual copies of one document (name swaps, gender words, personal details, photo)."""
    zh = profile.language in ("zh", "mixed")
    out: list[tuple[str, Document]] = []
    name = profile.name.value if profile.name else None
    if name:
        for new in (NAMES_ZH if zh else NAMES_EN):
            if new != name:
                out.append((f"name -> {new}", doc.model_copy(update={"text": doc.text.replace(name, new)})))
    swapped = _swap_words(doc.text, _GENDER_EN, True)
    if zh:
        swapped = _swap_words(swapped, _GENDER_ZH, False)
    if swapped != doc.text:
        out.append(("gender words swapped", doc.model_copy(update={"text": swapped})))
    extra = PERSONAL_ZH if zh else PERSONAL_EN
    first_break = doc.text.find("\n")
    at = first_break if first_break > 0 else len(doc.text)
    out.append(("personal details added", doc.model_copy(update={
        "text": doc.text[:at] + extra + doc.text[at:],
        "hidden": [h.model_copy(update={"start": h.start + len(extra) * (h.start >= at),
                                         "end": h.end + len(extra) * (h.end > at)}) for h in doc.hidden]})))
    out.append(("photo added" if not doc.images else "photo removed",
                doc.model_copy(update={"images": 0 if doc.images else 1})))
    return out


def consistency_audit(job: Job, docs: Sequence[Document], rank: Callable[[Job, list[Profile]], list],
                      parse: Callable[[Document], Profile] | None = None) -> ConsistencyReport:
    """Rank the pool, then each variant in place of its original; report how far anyone moved.

    ``rank(job, profiles)`` returns ranked candidates with ``source``, ``rank`` and ``score``.
    """
    if parse is None:
        from shortlist.profile.parse import parse_document as parse
    base_profiles = []
    for i, d in enumerate(docs):
        p = parse(d)
        p.source = d.source or f"resume-{i}"
        base_profiles.append(p)
    base = {r.source: r for r in rank(job, base_profiles)}
    results: list[VariantResult] = []
    for i, (doc, prof) in enumerate(zip(docs, base_profiles)):
        for label, vdoc in variants(doc, prof):
            vp = parse(vdoc)
            vp.source = prof.source
            pool = base_profiles[:i] + [vp] + base_profiles[i + 1:]
            after = {r.source: r for r in rank(job, pool)}
            b, a = base[prof.source], after[prof.source]
            results.append(VariantResult(source=prof.source, variant=label, rank_before=b.rank, rank_after=a.rank,
                                         score_before=round(b.score, 4), score_after=round(a.score, 4)))
    return ConsistencyReport(
        job=job.title.value if job.title else (job.source or "job"), candidates=len(docs), variants=len(results),
        largest_rank_change=max((r.rank_change for r in results), default=0),
        largest_score_change=round(max((abs(r.score_after - r.score_before) for r in results), default=0.0), 4),
        results=results)
