import pytest
from profile_samples import EN_CLASSIC, EN_INDEED, TODAY, ZH_COMPACT, ZH_RESUME

from shortlist.documents.model import Document, HiddenKind, HiddenSpan, MediaType
from shortlist.profile.model import DegreeLevel, Profile
from shortlist.profile.parse import parse_document, parse_text
from shortlist.profile.spans import walk_evidence


def assert_evidence_invariant(p: Profile) -> None:
    n = 0
    for ev in walk_evidence(p):
        assert p.text[ev.start:ev.end] == ev.text
        assert 0.0 <= ev.confidence <= 1.0
        n += 1
    assert n > 0


@pytest.mark.parametrize("text", [EN_INDEED, EN_CLASSIC, ZH_RESUME, ZH_COMPACT])
def test_evidence_invariant(text: str) -> None:
    assert_evidence_invariant(parse_text(text, today=TODAY))


def test_english_indeed_layout() -> None:
    p = parse_text(EN_INDEED, source="jordan.txt", today=TODAY)
    assert p.language == "en"
    assert p.source == "jordan.txt"
    assert p.name and p.name.value == "Jordan Ellison"
    assert p.email and p.email.value == "jordan.ellison@example.com"
    assert p.location and p.location.value == "Austin, TX"
    assert [s.name for s in p.sections] == ["contact", "work", "education", "skills", "links"]
    assert [(w.employer, w.title) for w in p.work] == [
        ("Northwind Analytics", "Senior Data Engineer"),
        ("Contoso Retail Pvt Ltd", "Data Analyst"),
    ]
    assert p.work[0].current and p.work[0].months == 42  # Jan 2021 .. Jun 2024
    assert p.work[1].months == 43  # Jun 2017 .. Dec 2020
    assert p.work[0].bullets[0].startswith("Built streaming ingestion")
    assert p.years_experience == round((42 + 43) / 12, 1)
    (edu,) = p.education
    assert edu.level == DegreeLevel.BACHELOR and edu.degree == "B.S. in Computer Science"
    assert edu.institution == "Lakeshore State University" and edu.end == "2017"
    assert edu.area == "Computer Science"
    assert {(lk.kind, lk.url) for lk in p.links} == {
        ("linkedin", "https://www.linkedin.com/in/jordan-ellison-data"),
        ("github", "https://github.com/jellison"),
    }
    assert p.summary and p.summary.value.startswith("Data engineer with six years")


def test_english_classic_layout() -> None:
    p = parse_text(EN_CLASSIC, today=TODAY)
    assert p.name and p.name.value == "PRIYA RAMANATHAN"
    assert p.phone and p.phone.value == "+14155550132"
    assert p.location and p.location.value == "San Francisco, CA"
    assert {lk.kind for lk in p.links} == {"linkedin", "website"}
    assert p.summary and p.summary.value == "Product-minded backend engineer who ships reliable payment services."
    assert [(w.employer, w.title, w.start, w.end, w.current) for w in p.work] == [
        ("Globex Corporation", "Software Engineer", "2020-03", None, True),
        ("Initech Inc", "Junior Developer", "2018-01", "2020-02", False),
    ]
    assert [(e.level, e.institution, e.end) for e in p.education] == [
        (DegreeLevel.MASTER, "Bayview Institute of Technology", "2017"),
        (DegreeLevel.BACHELOR, "Hillcrest College", "2015"),
    ]
    assert p.education[0].gpa == "3.8/4.0"
    certs = [c.value for c in p.certifications]
    assert "AWS Certified Solutions Architect Associate" in certs and "PMP" in certs
    assert [lang.value for lang in p.languages] == ["English", "Spanish"]
    assert p.sensitive == {}


def test_chinese_resume() -> None:
    p = parse_text(ZH_RESUME, today=TODAY)
    assert p.language == "zh"
    assert p.name and p.name.value == "李明"
    assert p.phone and p.phone.value == "+8613912345678"
    assert p.email and p.email.value == "liming@example.cn"
    assert p.location and p.location.value == "深圳"
    assert [(e.institution, e.level, e.area, e.start, e.end) for e in p.education] == [
        ("华南理工大学", DegreeLevel.BACHELOR, "软件工程", "2013-09", "2017-06"),
        ("中山大学", DegreeLevel.MASTER, "计算机技术", "2017-09", "2020-06"),
    ]
    assert p.education[1].gpa == "3.7/4.0"
    assert [(w.employer, w.title, w.start, w.end, w.current) for w in p.work] == [
        ("深圳星河科技有限公司", "高级后端工程师", "2020-07", None, True),
        ("广州云帆网络有限公司", "实习生", "2019-07", "2019-12", False),
    ]
    assert p.work[0].bullets == ["负责支付系统的设计与开发", "使用Go和MySQL重构订单服务"]
    assert p.summary and p.summary.value == "认真负责，喜欢钻研技术。"
    sens = {k: v.value for k, v in p.sensitive.items()}
    assert sens == {
        "gender": "男", "age": "29岁", "date_of_birth": "1995年3月", "ethnicity": "汉族",
        "political_status": "中共党员", "marital_status": "未婚", "hukou": "四川成都",
    }
    assert "注册会计师" in [c.value for c in p.certifications]
    assert "English (CET-6)" in [lang.value for lang in p.languages]


def test_photo_is_sensitive() -> None:
    doc = Document(media_type=MediaType.PDF, text=EN_CLASSIC, images=1)
    assert "photo" in parse_document(doc, today=TODAY).sensitive


def test_hidden_text_never_becomes_a_field() -> None:
    text = "Hidden Person\n" + EN_CLASSIC
    doc = Document(media_type=MediaType.PDF, text=text,
                   hidden=[HiddenSpan(start=0, end=13, kind=HiddenKind.BACKGROUND_COLOUR)])
    p = parse_document(doc, today=TODAY)
    assert p.name and p.name.value == "PRIYA RAMANATHAN"
    assert p.text == text
    assert_evidence_invariant(p)


def test_english_sensitive_fields() -> None:
    text = (
        "Maria Gomez\nmaria@example.com\nDate of Birth: 12 March 1990\nGender: Female\n"
        "Marital Status: Single\nNationality: Indian\nReligion: Hindu\n\nEXPERIENCE\nAnalyst, Acme Inc  2019 - 2021\n"
    )
    p = parse_text(text, today=TODAY)
    assert {k: v.value for k, v in p.sensitive.items()} == {
        "date_of_birth": "12 March 1990", "gender": "Female", "marital_status": "Single",
        "nationality": "Indian", "religion": "Hindu",
    }
    assert_evidence_invariant(p)


def test_untitled_summary_is_one_paragraph() -> None:
    para = "Operations lead with ten years of running warehouses, fleets and vendor contracts across regions."
    text = f"Kim Park\nkim@example.com\n\n{para}\n\nShort line\n" + ("Another long line that is not the summary. " * 3)
    p = parse_text(text, today=TODAY)
    assert p.summary and p.summary.value == para


def test_chinese_compact_resume() -> None:
    p = parse_text(ZH_COMPACT, today=TODAY)
    assert p.name and p.name.value == "王芳"
    assert p.location is None  # 求职意向's city is where she wants to work, not where she lives
    assert [(w.employer, w.title, w.start, w.end, w.current) for w in p.work] == [
        ("字节跳动", "高级产品经理", "2020-03", None, True),
        ("美团", "产品经理", "2017-07", "2020-02", False),
    ]
    assert p.work[0].bullets == ["负责抖音电商产品规划"]
    (e,) = p.education
    assert (e.institution, e.level, e.area, e.gpa) == ("武汉大学", DegreeLevel.BACHELOR, "信息管理与信息系统", "3.6")
    assert [v.value for v in p.languages][0] == "English (CET-6)"
    assert any("PMP" in c.value for c in p.certifications)
    assert {k: v.value for k, v in p.sensitive.items()} == {"date_of_birth": "1992-05", "hukou": "河北"}
    assert p.summary is None
