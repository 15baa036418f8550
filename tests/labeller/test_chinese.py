"""The Chinese labeller: generated training resumes with exact spans, a model that learns their
shapes, and the shipped model chosen by the resume's language."""
import pytest

from shortlist.labeller import default
from shortlist.labeller.corpus import read_token_file
from shortlist.labeller.model import LABELS
from shortlist.labeller.render import render
from shortlist.labeller.synth_zh import generate
from shortlist.profile.parse import parse_text

from .test_model import ODD


def test_generated_spans_are_exact_and_seeded():
    docs = generate(200, seed=3)
    assert [d.text for d in docs[:5]] == [d.text for d in generate(5, seed=3)]
    labels = set()
    for d in docs:
        for s, e, label in d.spans:
            assert 0 <= s < e <= len(d.text) and d.text[s:e] == d.text[s:e].strip()
            labels.add(label)
    assert labels == set(LABELS)
    assert any("\n" not in d.text for d in docs)  # some flattened onto one line
    assert any("曾任" in d.text or "历任" in d.text for d in docs)  # biography prose


def test_rendered_chinese_files_keep_their_spans():
    docs = render(generate(8, seed=4), seed=1)
    assert len(docs) >= 4 and {d.source for d in docs} == {"synthetic-pdf", "synthetic-docx"}
    for d in docs:
        assert d.layout and d.spans
        assert all(d.text[s:e].strip() for s, e, _ in d.spans)


def test_small_model_learns_the_chinese_layouts(zh_model):
    hit = total = 0
    for doc in generate(20, seed=99):
        pred = {(s.start, s.end, s.label) for s in zh_model.predict(doc.text)}
        for s, e, lab in doc.spans:
            if lab in ("TITLE", "ORG", "SCHOOL"):
                total += 1
                hit += (s, e, lab) in pred
    assert total and hit / total > 0.6


@pytest.mark.parametrize("text", ODD + ["工作经历\n2019.07-至今 华兴科技 工程师", "，。、；" * 200])
def test_chinese_model_keeps_the_contract(zh_model, text):
    for s in zh_model.predict(text):
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end].strip()
        assert 0.0 <= s.confidence <= 1.0 and s.label in LABELS


def test_the_resume_language_picks_the_shipped_model(small_model, tmp_path, monkeypatch):
    if not (default.SHIPPED.is_file() and default.SHIPPED_ZH.is_file()):
        pytest.skip("shipped models not in this checkout (make train-parser)")
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "")
    zh = default.current(language="zh")
    assert zh is not None and zh.reads("zh") and not zh.reads("en") and zh.meta.shippable
    assert default.current(language="en").reads("en")
    assert default.current(language="mixed") is None  # English beside Chinese: the rules read it
    # a team's English model reads English; Chinese resumes keep the shipped Chinese labeller
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", str(small_model.save(tmp_path / "team.slm")))
    assert default.current(language="en").meta.trained_on == small_model.meta.trained_on
    assert default.current(language="zh").reads("zh")
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "rules")
    assert default.current(language="zh") is None


def test_shipped_chinese_model_reads_employers_without_a_company_form(monkeypatch):
    if not default.SHIPPED_ZH.is_file():
        pytest.skip("no shipped Chinese model in this checkout (make train-parser-zh)")
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "")
    text = ("李娜\n手机：13800001111\n\n工作经历\n2021.03-至今    星河智能    数据分析师\n负责会员数据分析\n\n"
            "2018.07-2021.02    远航（宁波）物流有限公司    运营专员\n\n教育背景\n2014.09-2018.06 宁波大学 物流管理 本科\n")
    p = parse_text(text)
    assert [(w.employer, w.title) for w in p.work] == [("星河智能", "数据分析师"), ("远航（宁波）物流有限公司", "运营专员")]
    assert [(e.institution, e.level.value if e.level else None) for e in p.education] == [("宁波大学", "bachelor")]


def test_character_files_are_read_without_inserted_blanks(tmp_path):
    f = tmp_path / "c.bmes"
    f.write_text("2 O\n0 O\n1 O\n0 O\n年 O\n任 O\nA B-ORG\nB M-ORG\n公 M-ORG\n司 E-ORG\n", encoding="utf-8")
    (doc,) = read_token_file(f, per_sentence=True, raw_labels=True)
    assert doc.text == "2010年任AB公司" and doc.spans == [(6, 10, "ORG")]


def test_a_biography_is_read_as_jobs(monkeypatch):
    if not default.SHIPPED_ZH.is_file():
        pytest.skip("no shipped Chinese model in this checkout (make train-parser-zh)")
    from datetime import date

    from shortlist.profile.parse import parse_text as parse

    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "")
    text = ("张明\n手机：13800001111\n\n个人简介\n张明，男，1972年5月出生，研究生学历。1995年毕业于华东大学经济系，"
            "获硕士学位。曾任江城市财政局科长、副局长；2008年至2014年任远航物流股份有限公司副总经理、财务总监。"
            "2015年3月至今任华兴科技股份有限公司董事长。\n")
    p = parse(text, today=date(2026, 12, 1))
    assert [(w.employer, w.title, w.start, w.end, w.current) for w in p.work] == [
        ("江城市财政局", "科长、副局长", None, None, False),
        ("远航物流股份有限公司", "副总经理、财务总监", "2008", "2014", False),
        ("华兴科技股份有限公司", "董事长", "2015-03", None, True),
    ]
    for w in p.work:
        assert w.evidence is not None and p.text[w.evidence.start:w.evidence.end] == w.evidence.text
    assert [(e.institution, e.end) for e in p.education] == [("华东大学经济系", "1995")]
    # the rules alone made one job of "高级经济师。1995年毕业于…" with the name as its title
    assert parse(text, today=date(2026, 12, 1), labeller=None).work != p.work
