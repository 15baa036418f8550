"""Job description parsing: requirements, cues, years, degree, languages, place, evidence.

The job descriptions below were written for these tests. Skills come from the real
extractor (``shortlist.skills.extract``).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shortlist.profile.job import job_summary, parse_job_document, parse_job_path, parse_job_text
from shortlist.profile.model import DegreeLevel, Job

EN_SENIOR = """\
# Senior Backend Engineer

Northwind Ledger is hiring a Senior Backend Engineer to grow our settlement platform.
Location: Lisbon, Portugal (Hybrid)

## What you'll do
- Design and run high-volume services in Go and PostgreSQL
- Own our Kubernetes deployments and the on-call rotation
- Mentor the engineers around you

## Requirements
- 5+ years of professional software engineering experience
- 3+ years of Go
- Strong SQL skills
- Bachelor's degree in Computer Science or related field
- Fluent English
- Must be authorized to work in the EU; visa sponsorship is not available

## Nice to have
- Experience with Kafka
- Terraform is a plus

## Benefits
- Yearly budget for Java conference tickets
"""

ZH_SENIOR = """\
职位名称：高级后端开发工程师
工作地点：杭州（支持远程）

岗位职责：
1、负责清结算系统后端服务的设计与开发；
2、使用 Go 和 MySQL 构建高并发服务，持续优化系统性能；
3、参与技术方案评审，带领初级工程师成长。

任职要求：
1、本科及以上学历，计算机相关专业；
2、5年以上后端开发经验，3年以上Go开发经验；
3、熟悉 Redis、MySQL 等常用组件；
4、英语六级，能阅读英文资料。

加分项：
1、有 Kubernetes 使用经验；
2、熟悉 Elasticsearch 者优先。

福利待遇：五险一金，年终奖金。
"""

NO_HEADINGS = (
    "Data Engineer\n"
    "We are looking for a data engineer who builds pipelines in Python and PostgreSQL. "
    "Experience with Tableau is a plus. You should have at least 3 years of experience. "
    "A master's degree is preferred. This is a fully remote role.\n"
)


def _ids(job: Job) -> dict[str, object]:
    return {r.id: r for r in job.requirements}


def _all_evidence(job: Job):
    if job.title and job.title.evidence:
        yield job.title.evidence
    if job.location and job.location.evidence:
        yield job.location.evidence
    for r in job.requirements:
        if r.evidence:
            yield r.evidence
    for v in job.responsibilities:
        if v.evidence:
            yield v.evidence


def _assert_evidence(job: Job) -> None:
    evs = list(_all_evidence(job))
    assert evs
    for ev in evs:
        assert job.text[ev.start:ev.end] == ev.text


# ----------------------------------------------------------------------------- English


@pytest.fixture(scope="module")
def en() -> Job:
    return parse_job_text(EN_SENIOR, source="en.md")


def test_english_title_seniority_language(en: Job) -> None:
    assert en.title is not None and en.title.value == "Senior Backend Engineer"
    assert en.seniority == "senior"
    assert en.language == "en"
    assert en.source == "en.md" and en.sha256


def test_english_required_and_nice_skills(en: Job) -> None:
    reqs = _ids(en)
    for name in ("Go", "PostgreSQL", "Kubernetes", "SQL"):
        assert reqs[f"skill:{name}"].required, name
        assert reqs[f"skill:{name}"].skill == name
    for name in ("Kafka", "Terraform"):
        assert not reqs[f"skill:{name}"].required, name
    # The benefits section names Java; that is no requirement.
    assert "skill:Java" not in reqs


def test_english_years_overall_and_per_skill(en: Job) -> None:
    reqs = _ids(en)
    assert en.min_years == 5
    assert reqs["years"].min_years == 5 and reqs["years"].required
    assert reqs["years"].evidence.text == "5+ years of professional software engineering experience"
    go = reqs["skill:Go"]
    assert go.min_years == 3
    assert go.label == "Go, 3+ years"
    assert go.evidence.text == "3+ years of Go"


def test_english_education_language_location_authorization(en: Job) -> None:
    reqs = _ids(en)
    assert en.education_level == DegreeLevel.BACHELOR
    assert en.education_area == "Computer Science"
    assert reqs["education"].level == DegreeLevel.BACHELOR and reqs["education"].required
    # The degree's field is the education requirement, not a skill.
    assert not any(r.skill and r.skill.lower() == "computer science" for r in en.requirements)
    assert en.languages == ["English"]
    assert reqs["language:English"].evidence.text == "Fluent English"
    assert en.location is not None and en.location.value == "Lisbon, Portugal"
    assert en.remote is False
    assert "hybrid" in reqs["location"].label
    auth = reqs["authorization"]
    assert auth.kind == "authorization"
    assert "authorized to work in the EU" in auth.value and "sponsorship" in auth.value


def test_english_responsibilities(en: Job) -> None:
    assert [v.value for v in en.responsibilities] == [
        "Design and run high-volume services in Go and PostgreSQL",
        "Own our Kubernetes deployments and the on-call rotation",
        "Mentor the engineers around you",
    ]


def test_summary_mentions_musts_and_nices(en: Job) -> None:
    text = job_summary(en)
    assert text.startswith("Senior Backend Engineer (senior).")
    assert "Go (3+ years)" in text
    must, nice = text.split("Nice to have:")
    assert "Kafka" in nice and "Kafka" not in must
    assert "5+ years of experience" in must


# ----------------------------------------------------------------------------- Chinese


@pytest.fixture(scope="module")
def zh() -> Job:
    return parse_job_text(ZH_SENIOR)


def test_chinese_title_seniority(zh: Job) -> None:
    assert zh.title is not None and zh.title.value == "高级后端开发工程师"
    assert zh.seniority == "senior"
    assert zh.language == "zh"


def test_chinese_sections_and_cues(zh: Job) -> None:
    reqs = _ids(zh)
    assert reqs["skill:Go"].required and reqs["skill:Go"].min_years == 3
    assert reqs["skill:Redis"].required and reqs["skill:MySQL"].required
    assert not reqs["skill:Kubernetes"].required
    assert not reqs["skill:Elasticsearch"].required


def test_chinese_years_degree_language_place(zh: Job) -> None:
    reqs = _ids(zh)
    assert zh.min_years == 5
    assert reqs["years"].evidence.text == "5年以上后端开发经验"
    assert zh.education_level == DegreeLevel.BACHELOR
    assert zh.education_area == "计算机"
    assert "English" in zh.languages
    assert "六级" in reqs["language:English"].label
    assert zh.location is not None and zh.location.value == "杭州"
    assert zh.remote is True


def test_chinese_responsibilities_numbered(zh: Job) -> None:
    values = [v.value for v in zh.responsibilities]
    assert len(values) == 3
    assert values[0] == "负责清结算系统后端服务的设计与开发"
    assert values[2].startswith("参与技术方案评审")


def test_chinese_inline_items_and_comma_cues() -> None:
    job = parse_job_text(
        "【深圳】数据分析实习生\n"
        "职位描述：负责用户行为数据分析；搭建数据报表。\n"
        "任职要求：1、统招本科及以上学历，统计学、数学等相关专业，硕士优先；2、熟练使用SQL和Python；"
        "3、熟悉Tableau者优先。\n"
    )
    reqs = _ids(job)
    assert job.title.value == "数据分析实习生"
    assert job.seniority == "intern"
    assert job.location.value == "深圳"
    assert [v.value for v in job.responsibilities] == ["负责用户行为数据分析", "搭建数据报表。"]
    assert reqs["skill:SQL"].required and reqs["skill:Python"].required
    assert not reqs["skill:Tableau"].required
    # "硕士优先" is optional; the required degree stays the bachelor's.
    assert reqs["education"].level == DegreeLevel.BACHELOR and reqs["education"].required
    assert reqs["education"].area == "统计学、数学"
    _assert_evidence(job)


# ----------------------------------------------------------------------------- cues without headings


def test_no_headings_cues_do_the_work() -> None:
    job = parse_job_text(NO_HEADINGS)
    reqs = _ids(job)
    assert job.title.value == "Data Engineer"
    assert reqs["skill:Python"].required and reqs["skill:PostgreSQL"].required
    assert not reqs["skill:Tableau"].required
    assert job.min_years == 3 and reqs["years"].required
    assert reqs["education"].level == DegreeLevel.MASTER and not reqs["education"].required
    assert job.remote is True


def test_skill_only_under_nice_to_have_is_not_required() -> None:
    job = parse_job_text(
        "Platform Engineer\n\nRequirements:\n- Python and Docker\n\nNice to have:\n- Rust\n- Elasticsearch\n"
    )
    reqs = _ids(job)
    assert reqs["skill:Python"].required and reqs["skill:Docker"].required
    assert not reqs["skill:Elasticsearch"].required
    assert not reqs["skill:Elasticsearch"].required
    assert {r.skill for r in job.skill_requirements(required=False)} == {"Rust", "Elasticsearch"}


def test_skill_required_anywhere_wins_over_nice() -> None:
    job = parse_job_text("Requirements:\n- Python\n\nPreferred:\n- Python 3 and Django\n")
    reqs = _ids(job)
    assert reqs["skill:Python"].required
    assert not reqs["skill:Django"].required


def test_responsibility_only_skill_is_required_bracket_cue_is_local() -> None:
    job = parse_job_text("Responsibilities:\n- Build services in Java (Kotlin a plus)\n")
    reqs = _ids(job)
    assert reqs["skill:Java"].required
    assert not reqs["skill:Kotlin"].required


# ----------------------------------------------------------------------------- evidence invariant


@pytest.mark.parametrize("text", [EN_SENIOR, ZH_SENIOR, NO_HEADINGS, EN_SENIOR.replace("\n", "\r\n")])
def test_every_evidence_quotes_the_job_text(text: str) -> None:
    job = parse_job_text(text)
    assert job.text == text
    _assert_evidence(job)


def test_hidden_text_never_becomes_a_requirement() -> None:
    from shortlist.documents.model import Document, HiddenKind, HiddenSpan, MediaType

    text = "Requirements:\n- Python\n- Haskell\n"
    start = text.index("Haskell")
    doc = Document(
        media_type=MediaType.TEXT, text=text, source="x.txt",
        hidden=[HiddenSpan(start=start, end=start + len("Haskell"), kind=HiddenKind.TINY_FONT)],
    )
    job = parse_job_document(doc)
    assert job.text == text
    assert "skill:Python" in _ids(job) and "skill:Haskell" not in _ids(job)


# ----------------------------------------------------------------------------- files


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "job.md"
    path.write_text(EN_SENIOR, encoding="utf-8")
    job = parse_job_path(path)
    assert job.title.value == "Senior Backend Engineer"
    assert _ids(job)["skill:Go"].min_years == 3
    _assert_evidence(job)


def test_html_file(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><title>Careers</title></head><body>
    <h1>Staff Machine Learning Engineer</h1>
    <p>Location: Toronto, Canada</p>
    <h2>Responsibilities</h2>
    <ul><li>Train and ship ranking models with PyTorch</li><li>Own feature pipelines on Spark clusters</li></ul>
    <h2>Qualifications</h2>
    <ul><li>4+ years of industry experience building ranking systems</li><li>PhD or MS in Statistics, or equivalent</li></ul>
    <h2>Preferred qualifications</h2>
    <ul><li>Experience with Kubernetes</li></ul>
    </body></html>"""
    path = tmp_path / "job.html"
    path.write_text(html, encoding="utf-8")
    job = parse_job_path(path)
    reqs = _ids(job)
    assert job.title.value == "Staff Machine Learning Engineer"
    assert job.seniority == "lead"
    assert job.location.value == "Toronto, Canada"
    assert reqs["skill:PyTorch"].required
    assert not reqs["skill:Kubernetes"].required
    assert job.min_years == 4
    assert job.education_level == DegreeLevel.MASTER and job.education_area == "Statistics"
    assert len(job.responsibilities) == 2
    _assert_evidence(job)


def test_docx_file(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Junior Frontend Developer", level=1)
    d.add_paragraph("Remote (Europe)")
    d.add_heading("What you'll do", level=2)
    d.add_paragraph("Build UI components in React and TypeScript", style="List Bullet")
    d.add_heading("What you bring", level=2)
    d.add_paragraph("1-2 years of experience with JavaScript", style="List Bullet")
    d.add_paragraph("Good written English", style="List Bullet")
    d.add_heading("Bonus", level=2)
    d.add_paragraph("Figma", style="List Bullet")
    path = tmp_path / "job.docx"
    d.save(str(path))
    job = parse_job_path(path)
    reqs = _ids(job)
    assert job.title.value == "Junior Frontend Developer"
    assert job.seniority == "junior"
    assert job.remote is True
    assert reqs["skill:React"].required and reqs["skill:TypeScript"].required
    assert reqs["skill:JavaScript"].required and reqs["skill:JavaScript"].min_years == 1
    assert not reqs["skill:Figma"].required
    assert job.languages == ["English"]
    assert [v.value for v in job.responsibilities] == ["Build UI components in React and TypeScript"]
    _assert_evidence(job)


def test_our_stack_is_not_a_demand_and_levels_from_roman_numerals() -> None:
    job = parse_job_text(
        "Site Reliability Engineer II\n\nAbout the job\nWe run clinics' scheduling. Our stack: Go, Terraform.\n\n"
        "Minimum qualifications:\n4 years of experience with Linux.\n"
    )
    reqs = _ids(job)
    assert job.seniority == "mid"
    assert not reqs["skill:Go"].required and not reqs["skill:Terraform"].required
    assert reqs["skill:Linux"].required and reqs["skill:Linux"].min_years == 4
    assert job.min_years == 4  # stated only for one skill: it is the overall figure too


_PIECES = [
    "# Senior Go Developer", "## Requirements", "Nice to have:", "- 3+ years of Python", "任职要求：",
    "1、熟悉MySQL；2、Redis优先", "Location: Berlin (Hybrid)", "远程办公", "Bachelor's degree in CS",
    "(Kafka a plus)", "", "   ", "\t- Docker", "岗位职责", "英语六级", "【北京】", "工作地点：上海",
    "Must be authorized to work in the US", "**Benefits**", "- Java lunch", "5年以上工作经验", "..", "：",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(["\n", "\r\n", " ", "；", "\n\n"]))
def test_random_layouts_keep_the_evidence_invariant(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    job = parse_job_text(text)
    assert job.text == text
    for ev in _all_evidence(job):
        assert text[ev.start:ev.end] == ev.text and ev.text.strip() == ev.text
    assert len({r.id for r in job.requirements}) == len(job.requirements)


def test_pdf_file(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "job.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 11)
    lines = [
        "Principal Data Engineer",
        "Location: Denver, CO",
        "Requirements",
        "- 7+ years of experience building data platforms",
        "- Expert SQL and Python",
        "Nice to have",
        "- Experience with Snowflake",
    ]
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 16 * i, line)
    c.save()
    job = parse_job_path(path)
    reqs = _ids(job)
    assert job.title.value == "Principal Data Engineer"
    assert job.seniority == "principal"
    assert job.location.value == "Denver, CO"
    assert job.min_years == 7
    assert reqs["skill:SQL"].required and reqs["skill:Python"].required
    assert not reqs["skill:Snowflake"].required
    _assert_evidence(job)


def test_title_line_remote_tag() -> None:
    job = parse_job_text("[Remote] Backend Engineer\nRequirements:\n- Python\n")
    assert job.title.value == "Backend Engineer"
    assert job.remote is True
    assert parse_job_text("Backend Engineer\nWe study remote sensing with Python.\n").remote is None


def test_preferred_years_are_no_minimum_for_a_required_skill() -> None:
    job = parse_job_text("Requirements:\n- Python and Docker\n\nPreferred:\n- 5+ years of Python\n- 2+ years of Docker required\n")
    reqs = _ids(job)
    assert reqs["skill:Python"].required and reqs["skill:Python"].min_years is None
    assert reqs["skill:Docker"].min_years == 2  # "required" overrides the section


def test_remote_only_location_quotes_the_remote_sentence() -> None:
    job = parse_job_text("Backend Engineer\n\nThis is a fully remote role across Europe.\n")
    loc = _ids(job)["location"]
    assert job.remote is True and job.location is None
    assert loc.value == "Remote" and loc.evidence.text == "This is a fully remote role across Europe."


def test_mixed_cues_in_one_sentence_are_read_comma_by_comma() -> None:
    job = parse_job_text("Requirements:\n- Python and Docker required, Kubernetes a plus\n- Must have SQL, Redis, and ideally Elasticsearch\n")
    reqs = _ids(job)
    assert reqs["skill:Python"].required and reqs["skill:Docker"].required
    assert not reqs["skill:Kubernetes"].required
    assert reqs["skill:SQL"].required and reqs["skill:Redis"].required
    assert not reqs["skill:Elasticsearch"].required
