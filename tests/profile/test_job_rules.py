"""Word-level rules of job parsing: cues, years, degrees, languages, place, seniority, headings."""
from __future__ import annotations

import pytest

from shortlist.profile import job_rules as rules
from shortlist.profile.job_sections import classify_heading, read_layout
from shortlist.profile.model import DegreeLevel


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with Kafka is a plus", False),
        ("Nice to have: Rust", False),
        ("Terraform preferred", False),
        ("Ideally some Scala", False),
        ("熟悉Rust者优先", False),
        ("有Kubernetes经验加分", False),
        ("Python is required", True),
        ("必须熟悉Linux", True),
        ("Python plus SQL", None),  # "plus" as "and" is no cue
        ("负责需求优先级排序", None),  # a priority, not a preference
        ("打造最好的产品", None),
        ("Strong C++ skills", None),
    ],
)
def test_cue(text: str, expected: bool | None) -> None:
    assert rules.cue(text) is expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of experience", [5.0]),
        ("at least 3 years of professional experience", [3.0]),
        ("3-5 years of experience in backend development", [3.0]),
        ("Minimum of two years working with clients", [2.0]),
        ("五年以上工作经验", [5.0]),
        ("3年以上工作经验", [3.0]),
        ("十年以上开发经验", [10.0]),
        ("1.5 years of experience", [1.5]),
        ("shipped twice in the last 2 years", []),
        ("年薪30万起，2019年成立", []),
        ("技术团队拥有十年以上嵌入式开发经验", []),  # about the employer
    ],
)
def test_find_years(text: str, years: list[float]) -> None:
    assert [p.years for p in rules.find_years(text)] == years
    for p in rules.find_years(text):
        assert p.start < p.end <= len(text)


@pytest.mark.parametrize(
    ("text", "level", "area"),
    [
        ("Bachelor's degree in Computer Science or related field", DegreeLevel.BACHELOR, "Computer Science"),
        ("BS/MS in Electrical Engineering, Physics, or a similar field", DegreeLevel.BACHELOR,
         "Electrical Engineering, Physics"),
        ("PhD in Statistics preferred", DegreeLevel.DOCTORATE, "Statistics"),
        ("A graduate degree in economics", DegreeLevel.MASTER, "economics"),
        ("本科及以上学历，计算机相关专业", DegreeLevel.BACHELOR, "计算机"),
        ("硕士及以上学历", DegreeLevel.MASTER, None),
        ("大专以上学历", DegreeLevel.ASSOCIATE, None),
    ],
)
def test_find_education(text: str, level: DegreeLevel, area: str | None) -> None:
    fact = rules.find_education(text)
    assert fact is not None
    assert fact.level == level
    assert fact.area == area


@pytest.mark.parametrize("text", ["学历不限", "北京锐本科技有限公司是全资子公司", "首席科学家张博士毕业于鲁汶大学", "Ship features fast"])
def test_no_education(text: str) -> None:
    assert rules.find_education(text) is None


def test_languages() -> None:
    found = rules.find_languages("Fluent English and Mandarin", in_requirements=False)
    assert [(f.name, f.detail) for f in found] == [("English", "fluent"), ("Mandarin", "fluent")]
    zh = rules.find_languages("英语六级，能阅读英文文档", in_requirements=True)
    assert [(f.name, f.detail) for f in zh] == [("English", "英语六级")]
    assert [f.name for f in rules.find_languages("CET-6", in_requirements=True)] == ["English"]
    # Outside a requirements section a language needs a cue word.
    assert rules.find_languages("Grow our English-speaking market", in_requirements=False) == []


@pytest.mark.parametrize(
    ("text", "remote", "hybrid"),
    [
        ("Remote, with quarterly on-site meetups", True, False),
        ("This is a fully remote role", True, False),
        ("No remote work, sorry", False, False),
        ("Hybrid (3 days in office)", False, True),
        ("Experience with hybrid cloud", None, False),
        ("Work with remote sensing data", None, False),
        ("支持远程办公", True, False),
        ("暂不支持远程", False, False),
        ("Full-time, on site", False, False),
    ],
)
def test_remote_status(text: str, remote: bool | None, hybrid: bool) -> None:
    got, hy, _ = rules.remote_status(text)
    assert got is remote
    assert hy is hybrid


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Location: Berlin, Germany (Hybrid)", "Berlin, Germany"),
        ("工作地点：上海（支持远程）", "上海"),
        ("坐标：杭州滨江", "杭州滨江"),
        ("We are based in Lisbon", "Lisbon"),
        ("base 北京", "北京"),
        ("an org based on trust", None),
    ],
)
def test_find_place(text: str, place: str | None) -> None:
    span = rules.find_place(text, labelled_section=False)
    assert (text[span[0]:span[1]] if span else None) == place


def test_header_line_and_bracket_places() -> None:
    line = "**Larkspur Analytics** · Seattle, WA (hybrid) · Full-time"
    a, b = rules.meta_place(line)
    assert line[a:b] == "Seattle, WA"
    line = "Fabrikam云服务 · 杭州 · 全职"
    a, b = rules.meta_place(line)
    assert line[a:b] == "杭州"
    assert rules.meta_place("Join a team of six data scientists") is None
    a, b = rules.bracket_place("【北京】数据分析实习生")
    assert "【北京】数据分析实习生"[a:b] == "北京"
    assert rules.bracket_place("【美团】后端开发") is None  # a company, not a place
    assert rules.bracket_place("【急招】后端开发") is None


def test_authorization() -> None:
    assert rules.find_authorization("Must be authorized to work in the US")
    assert rules.find_authorization("Visa sponsorship is not available for this role")
    assert rules.find_authorization("We are unable to sponsor work visas")
    assert not rules.find_authorization("We sponsor visas and relocation")


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Sr. Data Engineer", "senior"),
        ("Senior Engineering Manager", "manager"),
        ("Staff Machine Learning Engineer", "lead"),
        ("Staff Accountant", None),
        ("Head of Data", "director"),
        ("Product Manager", None),
        ("Principal Engineer", "principal"),
        ("VP of Engineering", "executive"),
        ("Junior QA Analyst", "junior"),
        ("Graduate Software Engineer Intern", "intern"),
        ("高级产品经理", "senior"),
        ("资深Java工程师", "senior"),
        ("技术专家", "principal"),
        ("研发总监", "director"),
        ("Java开发实习生", "intern"),
        ("初级测试工程师", "junior"),
        ("Backend Engineer", None),
    ],
)
def test_title_seniority(title: str, level: str | None) -> None:
    assert rules.title_seniority(title) == level


def test_text_seniority_needs_a_hiring_phrase() -> None:
    assert rules.text_seniority("You will mentor junior engineers.") is None
    assert rules.text_seniority("We are looking for a senior engineer to lead payments.") == "senior"
    assert rules.text_seniority("现招聘高级前端工程师一名") == "senior"


@pytest.mark.parametrize(
    ("heading", "strict", "kind"),
    [
        ("Requirements", True, "req"),
        ("Preferred Qualifications", True, "nice"),
        ("Requirements (must have)", True, "req"),
        ("What you'll do", True, "resp"),
        ("About us", True, "about"),
        ("About the role", True, "role"),
        ("What we offer", True, "benefits"),
        ("任职要求", True, "req"),
        ("加分项", True, "nice"),
        ("岗位职责", True, "resp"),
        ("Experience with Go", True, None),  # a bullet, not a heading
        ("熟悉Go优先", True, None),
    ],
)
def test_classify_heading(heading: str, strict: bool, kind: str | None) -> None:
    assert classify_heading(heading, strict) == kind


def test_layout_numbered_items_and_year_bullets() -> None:
    text = "岗位要求：\n1.3年以上前端开发经验；\n2、熟悉React\n"
    layout = read_layout(text)
    items = [text[it.start:it.end] for it in layout.items]
    assert items == ["3年以上前端开发经验；", "熟悉React"]
    assert {it.kind for it in layout.items} == {"req"}
    assert all(it.bulleted for it in layout.items)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# 阿里巴巴-前端【急招】\n岗位职责：写代码", "阿里巴巴-前端【急招】"),
        ("公司名称：星河科技\n# 高级Go工程师\n任职要求：熟悉Go", "高级Go工程师"),
        ("【高级Java工程师】\n任职要求", "高级Java工程师"),
        ("**Senior Data Engineer**\nRequirements:\n- SQL", "Senior Data Engineer"),
        ("Acme Corp\nJob Title: Payroll Specialist\n", "Payroll Specialist"),
        ("Requirements:\n- SQL", None),
        ("We build tools for clinics and need help with billing, scheduling and reporting across sites.\n", None),
    ],
)
def test_title(text: str, title: str | None) -> None:
    span = read_layout(text).title
    assert (text[span[0]:span[1]] if span else None) == title
