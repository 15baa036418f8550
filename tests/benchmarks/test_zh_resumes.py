"""The synthetic Chinese resumes are a yardstick: they must be reproducible and carry their answers."""
import datetime as dt
import re

import pytest
from benchmarks.parse_zh import FIELDS, Scorer, score
from benchmarks.zh_resumes import LAYOUTS, generate

from shortlist.profile.model import (
    DegreeLevel,
    Education,
    Evidence,
    Profile,
    Skill,
    SkillMention,
    Val,
    WorkItem,
)

TODAY = dt.date(2026, 1, 1)


def test_same_seed_same_resumes_different_seed_different() -> None:
    a = [r.text for r in generate(20, seed=3, today=TODAY)]
    b = [r.text for r in generate(20, seed=3, today=TODAY)]
    c = [r.text for r in generate(20, seed=4, today=TODAY)]
    assert a == b
    assert a != c


def test_every_answer_is_written_in_the_text() -> None:
    for r in generate(60, seed=1, today=TODAY):
        text = r.text
        assert (r.name in text or "\u3000".join(r.name) in text) and r.email in text and r.phone_written in text
        assert re.fullmatch(r"\+861[3-9]\d{9}", r.phone_e164)
        for e in r.education:
            assert e.school in text and e.degree in text and e.major in text
            assert e.start < e.end
        for w in r.work:
            assert w.company in text and w.title in text
            assert w.end is None or w.start < w.end
        assert all(s in text for s in r.skills)
        assert r.work and r.education


def test_generator_covers_layouts_and_date_styles() -> None:
    resumes = generate(120, seed=0, today=TODAY)
    assert {r.layout for r in resumes} == set(LAYOUTS)
    joined = "\n".join(r.text for r in resumes)
    for pattern in (r"\d{4}\.\d{2}", r"\d{4}年\d{1,2}月", r"\d{4}/\d{2}", "至今", "姓名：", r"\+86"):
        assert re.search(pattern, joined), pattern
    assert any(w.end is None for r in resumes for w in r.work)
    assert {e.degree for r in resumes for e in r.education} >= {"本科", "硕士"}


def test_years_experience_counts_present_jobs_to_today() -> None:
    r = next(r for r in generate(40, seed=2, today=TODAY) if r.work[0].end is None)
    later = dt.date(TODAY.year + 1, TODAY.month, 1)
    assert r.years_experience(later) == pytest.approx(r.years_experience(TODAY) + 1, abs=0.01)


def _perfect_profile(r) -> Profile:  # type: ignore[no-untyped-def]
    text = r.text

    def ev(s: str) -> Evidence:
        i = text.index(s)
        return Evidence(start=i, end=i + len(s), text=s)

    return Profile(
        text=text, language="zh", name=Val(value=r.name), email=Val(value=r.email), phone=Val(value=r.phone_e164),
        location=Val(value=r.city + "市"), sensitive={"gender": Val(value=r.gender)} if r.gender else {},
        education=[Education(institution=e.school, degree=e.degree, level=DegreeLevel(e.level), start=e.start,
                             end=e.end) for e in r.education],
        work=[WorkItem(employer=w.company, title=w.title, start=w.start, end=w.end, current=w.end is None)
              for w in r.work],
        skills=[Skill(name=s, mentions=[SkillMention(source="skills_section", evidence=ev(s))]) for s in r.skills],
        years_experience=r.years_experience(TODAY),
    )


def test_scoring_a_perfect_profile_gives_one_and_a_wrong_field_is_caught() -> None:
    resumes = generate(10, seed=5, today=TODAY)
    scorer = Scorer()
    for r in resumes:
        score(r, _perfect_profile(r), "text", TODAY, scorer, lambda _n: None)
    assert all(scorer.accuracy(f) == 1.0 for f in FIELDS)

    broken = _perfect_profile(resumes[0])
    broken.work = list(reversed(broken.work))  # order must not matter: entries pair by employer
    broken.work[0].title = "产品经理"
    broken.phone = Val(value="+8613800000000")
    scorer = Scorer()
    score(resumes[0], broken, "text", TODAY, scorer, lambda _n: None)
    assert scorer.accuracy("phone") == 0.0
    assert scorer.right["title"] == len(resumes[0].work) - 1
    assert scorer.accuracy("employer") == 1.0


def test_missing_profile_scores_zero_not_crash() -> None:
    r = generate(1, seed=9, today=TODAY)[0]
    scorer = Scorer()
    score(r, None, "pdf", TODAY, scorer, lambda _n: None)
    assert scorer.overall() == 0.0


def test_pdf_and_docx_renderings_carry_every_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A rendering that loses text (e.g. a font lost at a page break) would blame the parser."""
    pytest.importorskip("reportlab")
    docx = pytest.importorskip("docx")
    from benchmarks.zh_resumes import render_docx, render_pdf
    from pdfminer.high_level import extract_text

    longest = max(generate(40, seed=7, today=TODAY), key=lambda r: len(r.lines))
    raw_pdf_text = extract_text(str(render_pdf(longest, tmp_path / "r.pdf")))
    assert raw_pdf_text.strip().count("\x0c") >= 1  # the case that matters spans a page break
    pdf_text = re.sub(r"\s", "", raw_pdf_text)
    document = docx.Document(str(render_docx(longest, tmp_path / "r.docx")))
    docx_text = "".join(p.text for p in document.paragraphs)
    docx_text += "".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    docx_text = re.sub(r"\s", "", docx_text)
    for line in longest.lines:
        pieces = [f"{k}：{v}" for k, v in line.pairs] if line.kind == "kv" else [line.text]
        for piece in pieces:
            piece = re.sub(r"\s", "", piece)
            assert piece in pdf_text, piece
            assert piece in docx_text, piece
