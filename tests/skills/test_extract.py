"""extract_skills: precision on everyday-word traps, recall on aliases, exact offsets."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shortlist.skills.extract import SkillHit, extract_skills


def names(text: str) -> list[str]:
    hits = extract_skills(text)
    for h in hits:
        assert text[h.start:h.end] == h.surface
    return [h.name for h in hits]


# Sentences where every would-be skill is an ordinary English word: nothing may fire.
TRAPS = [
    "I go to the gym before work and go home late.",
    "She wanted to excel at science and excel in maths.",
    "Excel at customer retention was my goal.",
    "John Doe, Jane Doe and the doe in the forest.",
    "Word of mouth brought new clients; a word with the manager.",
    "Access to the building was restricted; wheelchair access provided.",
    "Worked in the Office of the Dean; office hours 9 to 5.",
    "Led the project with two teams across three sites. The teams met weekly.",
    "Packed every box, moved the box to storage.",
    "The talk sparked interest; a spark of creativity.",
    "Shell Oil contract; collected a shell from the beach.",
    "Executive Chef and Sous Chef; the chef prepared the menu.",
    "Gave swift service and a swift response.",
    "Removed rust from the hull; rust-proofing of cars.",
    "Ruby wedding anniversary; a ruby ring.",
    "Plan B, grade C, section R, vitamin C, R&D department.",
    "Sage advice from a mentor; planted sage.",
    "Took notes during meetings and kept notes.",
    "Met the monthly target and exceeded target numbers.",
    "Ordered supplies from Amazon and Target.",
    "Kept the windows clean and replaced broken windows.",
    "She will react quickly; an express delivery; took the rails.",
    "Led 27 parent-teacher conferences.",
    "Picked up prescriptions at CVS. Posted on Facebook about the trip.",
    "Contact hr@example.com or see https://example.com/ui/python-docs for details.",
    "ACM chapter chair, Spring 2004; networking with alumni.",
    "Gave the keynote at the millennium gala after a safari.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_common_words_do_not_fire(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skills: Python, Go, Rust, C/C++, C#", ["Python", "Go", "Rust", "C", "C++", "C#"]),
        ("Built services in .NET and ASP.NET with Node.js", [".NET", "ASP.NET", "Node.js"]),
        ("Set up CI/CD with Jenkins and Docker on k8s", ["CI/CD", "Jenkins", "Docker", "Kubernetes"]),
        ("JS, TypeScript and ML pipelines", ["JavaScript", "TypeScript", "Machine learning"]),
        ("PYTHON, java, JavaScript", ["Python", "Java", "JavaScript"]),
        ("Statistical modelling in R programming and Go (golang)", ["R", "Go", "Go"]),
        ("Proficient in Excel.", ["Microsoft Excel"]),
        ("Microsoft Word, Excel, PowerPoint and Outlook", [
            "Microsoft Word", "Microsoft Excel", "Microsoft PowerPoint", "Microsoft Outlook"]),
        ("Chef, Puppet, Ansible", ["Chef", "Puppet", "Ansible"]),
        ("Used scikit-learn, PyTorch and TensorFlow with Python3.8", [
            "scikit-learn", "PyTorch", "TensorFlow", "Python"]),
        ("bookkeeping, payroll and accounts payable; food safety", [
            "Bookkeeping", "Payroll", "Accounts payable", "Food safety"]),
        ("Languages: Java, C, R", ["Java", "C", "R"]),
        ("Apache Spark cluster on AWS, Spark SQL", ["Apache Spark", "Amazon Web Services", "Apache Spark"]),
        ("SKILLS\nORACLE (3 years), JAVA (3 years)", ["Oracle Database", "Java"]),
        ("• Languages: Java\n• Ides: Eclipse, PyCharm", ["Java", "Eclipse IDE"]),
        ("Stack: Java Spring Hibernate Docker", ["Java", "Spring", "Hibernate", "Docker"]),
        ("Extensible markup language XML and xml files", ["XML", "XML"]),
    ],
)
def test_english_recall(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("熟悉Python和k8s", ["Python", "Kubernetes"]),
        ("精通机器学习、深度学习和自然语言处理", ["Machine learning", "Deep learning", "Natural language processing"]),
        ("负责前端开发与微服务架构，熟悉数据分析", ["Frontend development", "Microservices", "Data analysis"]),
        ("会计、财务分析、税务、项目管理", ["Accounting", "Financial analysis", "Taxation", "Project management"]),
        ("后端使用Go语言和Spring Boot", ["Backend development", "Go", "Spring Boot"]),
    ],
)
def test_chinese_and_mixed_recall(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_chinese_text_context() -> None:
    # lower-case names are common in Chinese posts; short acronyms need more than that
    assert names("熟悉react或vue，了解go") == ["React", "Vue.js", "Go"]
    assert names("3D/AR创新交互") == []
    hits = extract_skills("安排现场面试的时间")
    assert [h.name for h in hits] == ["Interviewing"] and hits[0].confidence < 0.7


def test_chinese_alias_needs_word_boundaries() -> None:
    # 研究生 (graduate student) and 税务局 (tax bureau) contain no skill; 会计师事务所 is an employer.
    assert "Taxation" not in names("就职于税务局")
    assert names("研究生学历") == []


def test_hit_fields_and_offsets() -> None:
    text = "Résumé — Data: 熟悉Python; used Node.js and C++ daily."
    hits = extract_skills(text)
    assert [h.surface for h in hits] == ["Python", "Node.js", "C++"]
    for h in hits:
        assert isinstance(h, SkillHit)
        assert text[h.start:h.end] == h.surface
        assert 0 < h.confidence <= 1
        assert h.skill_id


def test_hits_do_not_overlap_and_longest_wins() -> None:
    hits = extract_skills("Microsoft SQL Server, Apache Spark Streaming")
    assert [h.name for h in hits] == ["Microsoft SQL Server", "Apache Spark"]
    assert hits[0].surface == "Microsoft SQL Server"
    spans = [(h.start, h.end) for h in hits]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_empty_and_no_skill_text() -> None:
    assert extract_skills("") == []
    assert extract_skills("Hello, my name is Alex and I like walking.") == []


_ALPHABET = "abcXYZ +#./-,;:()&'\n熟悉和机器学习会计前端" + "CGoRJavaPythonk8s"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Python", "C++", "C#", ".NET", "Go", "R", "Excel", "机器学习", "k8s",
                                 "Node.js", "CI/CD", "https://x.io/go", "a@b.cn", "前端开发", "excel at"]),
                max_size=8),
       st.text(alphabet=_ALPHABET, max_size=40))
def test_offsets_always_quote_the_text(words: list[str], noise: str) -> None:
    text = noise.join(words) if words else noise
    hits = extract_skills(text)
    for h in hits:
        assert text[h.start:h.end] == h.surface
    spans = [(h.start, h.end) for h in hits]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_dates_and_plain_words_after_names() -> None:
    assert names("Chef 01/2011 to 01/2012 Company Name") == []
    assert names("Culture set forth by the company; front desk duties.") == []
    assert names("Windows 7, Office 2010") == ["Microsoft Windows", "Microsoft Office"]
