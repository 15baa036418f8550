import pytest

from shortlist.profile.sections import detect_sections, heading_name
from shortlist.profile.spans import split_lines


@pytest.mark.parametrize(
    "line, name",
    [
        ("EDUCATION", "education"), ("Education:", "education"), ("Academic Background", "education"),
        ("WORK EXPERIENCE", "work"), ("Employment History", "work"), ("Professional Experience", "work"),
        ("PROJECTS", "projects"), ("Technical Skills", "skills"), ("Core Competencies", "skills"),
        ("SUMMARY", "summary"), ("Profile", "summary"), ("Objective", "objective"),
        ("Certifications", "certifications"), ("Licenses", "certifications"), ("LANGUAGES", "languages"),
        ("Awards", "awards"), ("Interests", "interests"), ("== Education ==", "education"),
        ("Career Experience/Job History", "work"), ("Education & Training", "education"),
        ("教育背景", "education"), ("【教育经历】", "education"), ("工作经历：", "work"), ("工作经验", "work"),
        ("实习经历", "work"), ("项目经验", "projects"), ("项目经历", "projects"), ("专业技能", "skills"),
        ("技能特长", "skills"), ("个人技能", "skills"), ("自我评价", "summary"), ("个人简介", "summary"),
        ("基本信息", "personal"), ("个人信息", "personal"), ("证书", "certifications"),
        ("资格证书", "certifications"), ("语言能力", "languages"), ("获奖情况", "awards"),
    ],
)
def test_headings(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line",
    ["Built the education platform for 3 schools", "• Skills", "Experience in Java and SQL development",
     "负责教育背景调查系统的开发与维护工作"],
)
def test_not_headings(line: str) -> None:
    assert heading_name(line) is None


def test_section_spans_and_inline_headings() -> None:
    text = (
        "Sam Lee\nsam@example.com\n\nSkills: Python, SQL\n\nEXPERIENCE\nEngineer, Acme Inc  2019 - 2021\n"
        "Technologies: Java, Kafka\nProject: Billing\n\n教育背景\n2015-2019 清华大学 本科\n"
    )
    secs = detect_sections(text, split_lines(text))
    assert [(s.name, s.heading) for s in secs] == [
        ("contact", ""), ("skills", "Skills"), ("work", "EXPERIENCE"), ("education", "教育背景"),
    ]
    for a, b in zip(secs, secs[1:]):
        assert a.end == b.start
    assert secs[-1].end == len(text)
    assert text[secs[2].start:secs[2].end].startswith("EXPERIENCE")


def test_flattened_text_is_split_on_blank_runs() -> None:
    text = "Jo Doe  jo@example.com  " + "  ".join(["EDUCATION", "BS in Physics, Lakeside University"] * 30)
    lines = split_lines(text)
    assert lines[0].text == "Jo Doe"
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)
    assert any(ln.text == "EDUCATION" for ln in lines)
