import pytest

from shortlist.profile.contact import find_email, find_links, find_phone
from shortlist.profile.lang import detect_language
from shortlist.profile.parse import parse_text


@pytest.mark.parametrize(
    "text, chinese, e164",
    [
        ("Phone: (415) 555-0132", False, "+14155550132"),
        ("Tel +1 212-555-0199", False, "+12125550199"),
        ("Mobile: +44 20 7946 0958", False, "+442079460958"),
        ("+91 98450 12345", False, "+919845012345"),
        ("电话：13812345678", True, "+8613812345678"),
        ("手机：138-1234-5678", True, "+8613812345678"),
        ("手机：+86 139 1234 5678", True, "+8613912345678"),
        ("座机：010-62345678", True, "+861062345678"),
    ],
)
def test_phone_e164(text: str, chinese: bool, e164: str) -> None:
    val = find_phone(text, chinese)
    assert val is not None and val.value == e164
    assert val.evidence is not None and text[val.evidence.start:val.evidence.end] == val.evidence.text


def test_date_ranges_are_not_phones() -> None:
    assert find_phone("2015-2019  2019 - 2021", False) is None


def test_email_and_links() -> None:
    text = "Mail: Ann.Lee@Example.co.uk. Site: https://annlee.dev, github.com/annlee, www.linkedin.com/in/annlee"
    email = find_email(text)
    assert email and email.value == "ann.lee@example.co.uk" and email.evidence.text == "Ann.Lee@Example.co.uk"
    links = find_links(text, {email.value})
    assert [(lk.kind, lk.url) for lk in links] == [
        ("website", "https://annlee.dev"), ("github", "github.com/annlee"), ("linkedin", "www.linkedin.com/in/annlee"),
    ]


@pytest.mark.parametrize(
    "text, lang",
    [("Software engineer with Python", "en"), ("软件工程师，熟悉Python和Java开发", "zh"),
     ("Software engineer 软件工程师 with many English words here and there", "mixed")],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text, name",
    [
        ('"Jon Feest  12 Main St.  Springfield, IL', "Jon Feest"),
        ("CURRICULUM VITAE\nName: Maria Gomez\nAddress: 1 Elm Road", "Maria Gomez"),
        ("Allen Neal King ESB Integration Developer - Cisco Systems\nHyderabad", "Allen Neal King"),
        ("José García\n\nSenior Backend Engineer\nAustin, TX", "José García"),  # accents: a name all the same
        ("Łukasz Żółć | Kraków", "Łukasz Żółć"),
        ("王小明\n电话：13812345678", "王小明"),
        ("姓名: | 欧阳娜娜 | 性别: | 女", "欧阳娜娜"),
        ("叶\u3000雪\n电话：13812345678", "叶雪"),
        ("姓名：张三 性别：男", "张三"),
    ],
)
def test_names(text: str, name: str) -> None:
    p = parse_text(text)
    assert p.name is not None and p.name.value == name


@pytest.mark.parametrize(
    "text", ["New York, NY 10022\njane@example.com", "FRONT DESK CLERK\nSummary\nFriendly clerk.",
             "REGIONAL SCHEDULE MANAGER\nSummary\nPlans schedules."],
)
def test_address_or_headline_is_not_a_name(text: str) -> None:
    assert parse_text(text).name is None
