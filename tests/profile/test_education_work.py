from datetime import date

import pytest

from shortlist.profile.education import degree_level, parse_education
from shortlist.profile.model import DegreeLevel
from shortlist.profile.spans import split_lines
from shortlist.profile.work import parse_work, split_header

B, M, D, A, H = (DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.DOCTORATE, DegreeLevel.ASSOCIATE,
                 DegreeLevel.HIGH_SCHOOL)


@pytest.mark.parametrize(
    "s, level",
    [
        ("B.S. in Biology", B), ("BS Computer Science", B), ("BSc Physics", B), ("B.A. English", B),
        ("BA History", B), ("B.E. Mechanical", B), ("B.E in ECE", B), ("B.Tech", B), ("B-Tech", B),
        ("Bachelor of Arts", B), ("M.S. Statistics", M), ("MS in CS", M), ("MSc Data Science", M),
        ("M.A. Economics", M), ("MBA", M), ("M.Tech", M), ("M.E. Civil", M), ("Master of Science", M),
        ("Ph.D. Chemistry", D), ("PhD", D), ("Doctorate in Education", D), ("Associate of Arts", A),
        ("A.A. General Studies", A), ("Diploma in Nursing", A), ("High School Diploma", H), ("GED", H),
        ("Secondary School Certificate", H), ("本科", B), ("学士", B), ("硕士", M), ("研究生", M),
        ("博士", D), ("大专", A), ("专科", A), ("高中", H), ("中专", H),
    ],
)
def test_degree_levels(s: str, level: DegreeLevel) -> None:
    assert degree_level(s) == level


def test_lowercase_words_are_not_degrees() -> None:
    assert degree_level("we be ms ba") is None


def test_education_entries() -> None:
    text = (
        "Bachelor of Science in Computer Science, May 2008\nIllinois State University, Normal, IL  GPA: 3.6/4.0\n"
        "M.Tech in Data Science\nNorthgate Institute of Technology\n2010 - 2012\n"
    )
    (bs, mt) = parse_education(text, split_lines(text), chinese=False)
    assert (bs.level, bs.degree, bs.area, bs.institution, bs.end, bs.gpa) == (
        B, "Bachelor of Science in Computer Science", "Computer Science", "Illinois State University", "2008-05",
        "3.6/4.0")
    assert (mt.level, mt.institution, mt.start, mt.end) == (M, "Northgate Institute of Technology", "2010", "2012")


def test_chinese_education_entry_with_label() -> None:
    text = "北京理工大学 | 硕士 | 2016.09-2019.06\n专业：计算机科学与技术\n"
    (e,) = parse_education(text, split_lines(text), chinese=True)
    assert (e.institution, e.level, e.area, e.start, e.end) == ("北京理工大学", M, "计算机科学与技术", "2016-09", "2019-06")


@pytest.mark.parametrize(
    "pieces, expected",
    [
        (["Software Engineer, Google"], ("Google", "Software Engineer", None)),
        (["Google | Software Engineer"], ("Google", "Software Engineer", None)),
        (["Data Scientist at Foo Labs"], ("Foo Labs", "Data Scientist", None)),
        (["Acme Corp — Austin, TX"], ("Acme Corp", None, "Austin, TX")),
        (["Senior Analyst", "Initech Pvt Ltd - Pune, Maharashtra -"], ("Initech Pvt Ltd", "Senior Analyst",
                                                                      "Pune, Maharashtra")),
        (["阿里巴巴集团  高级工程师"], ("阿里巴巴集团", "高级工程师", None)),
        (["深圳星河科技有限公司 Java开发工程师"], ("深圳星河科技有限公司", "Java开发工程师", None)),
        (["公司：上海千帆数据科技有限公司", "职位：前端开发工程师"], ("上海千帆数据科技有限公司", "前端开发工程师", None)),
    ],
)
def test_split_header(pieces: list[str], expected: tuple) -> None:
    assert split_header(pieces) == expected


def test_work_entries_months_and_bullets() -> None:
    text = (
        "Staff Engineer\nNorthwind Traders Inc - Seattle, WA -\nMarch 2022 to Present\n"
        "• Led the payments team.\n• Cut latency 40%.\n"
        "2018.07-2022.02  蓝鲸科技有限公司  后端工程师\n- 负责订单服务\n"
        "Analyst (2016 - 2018) | Contoso Bank\n"
    )
    items = parse_work(text, split_lines(text), today=date(2024, 6, 1))
    assert [(w.employer, w.title, w.start, w.end, w.current, w.months) for w in items] == [
        ("Northwind Traders Inc", "Staff Engineer", "2022-03", None, True, 28),
        ("蓝鲸科技有限公司", "后端工程师", "2018-07", "2022-02", False, 44),
        ("Contoso Bank", "Analyst", "2016", "2018", False, 24),
    ]
    assert items[0].bullets == ["Led the payments team.", "Cut latency 40%."]
    assert items[0].location == "Seattle, WA"
    for w in items:
        assert w.evidence and text[w.evidence.start:w.evidence.end] == w.evidence.text


def test_unlabelled_line_above_institution_is_its_degree() -> None:
    text = "Electrical engineering\nKalinga State University\n2016\n"
    (e,) = parse_education(text, split_lines(text), chinese=False)
    assert (e.degree, e.level, e.institution, e.end) == ("Electrical engineering", None, "Kalinga State University", "2016")
    assert e.confidence < 0.95
    (f,) = parse_education(text, split_lines(text), chinese=False, guess_untitled=False)
    assert f.degree is None


def test_undated_work_section_gives_one_entry() -> None:
    text = "Data Entry Operator\nNorthwind Traders Ltd - Patna, Bihar\n• Typed invoices (since 2019).\n"
    (w,) = parse_work(text, split_lines(text), today=date(2024, 6, 1))
    assert (w.title, w.employer, w.location) == ("Data Entry Operator", "Northwind Traders Ltd", "Patna, Bihar")
    assert (w.start, w.current) == ("2019", True) and w.confidence < 0.9
    assert parse_work(text, split_lines(text), undated_ok=False) == []


def test_upper_case_institution_and_pg_diplomas() -> None:
    text = "C.S.\nCENTRAL PLAINS TECHNICAL UNIVERSITY\n2011\nPGDBM in Business Management\nLakeview College\n"
    (a, b) = parse_education(text, split_lines(text), chinese=False)
    assert (a.degree, a.institution, a.end) == ("C.S.", "CENTRAL PLAINS TECHNICAL UNIVERSITY", "2011")
    assert (b.level, b.institution) == (M, "Lakeview College")
