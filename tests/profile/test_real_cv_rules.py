"""Rules added for resumes as they arrive in practice: flattened text, escaped bytes,
letter-spaced headings, Indian degree names, header layouts (all texts written here)."""
from __future__ import annotations

from shortlist.profile.parse import parse_text
from shortlist.profile.sections import heading_name
from shortlist.profile.spans import blank_byte_escapes


def test_escaped_multibyte_symbols_are_blanked_at_the_same_offsets():
    text = r"Skills \xe2\x80\xa2 Python \xef\x82\xa7 SQL  Caf\xc3\xa9"
    out = blank_byte_escapes(text)
    assert len(out) == len(text)
    assert "\\xe2" not in out and "\\xef" not in out
    assert out.endswith(r"Caf\xc3\xa9")  # a 2-byte letter stays inside its word
    plain = "C:\\xfiles is a path"
    assert blank_byte_escapes(plain) == plain


def test_escaped_bullets_do_not_become_employers():
    text = (
        "Ravi Kumar  ravi@example.org  WORK EXPERIENCE  "
        r"\xe2\x80\xa2  2016 - 2019: Senior Analyst, Northwind Traders Ltd  \xe2\x80\xa2  Built reports  "
        "EDUCATION  B.Com, Mumbai University, 2012" + " " * 300
    )
    p = parse_text(text)
    assert p.work and all("\\x" not in (w.employer or "") for w in p.work)
    assert p.work[0].title == "Senior Analyst"
    for ev in (w.evidence for w in p.work):
        assert ev is None or text[ev.start:ev.end] == ev.text


def test_letter_spaced_and_quoted_headings():
    assert heading_name("E D U C AT IO N") == "education"
    assert heading_name("P ROFESSIONAL E XPERIENCE") == "work"
    assert heading_name('"Education') == "education"
    assert heading_name("I am a b c") is None


def test_any_short_experience_heading_is_work_but_volunteer_and_research_keep_theirs():
    assert heading_name("Student Teaching Experience") == "work"
    assert heading_name("Related Experience") == "work"
    assert heading_name("Volunteer Experience") == "volunteer"
    assert heading_name("Research Experience") == "publications"
    assert heading_name("Project Experience") == "projects"
    assert heading_name("10 years experience") is None


def test_more_heading_names():
    assert heading_name("Education & Credentials") == "education"
    assert heading_name("Personal Summary") == "summary"
    assert heading_name("Summary of Skills") == "skills"
    assert heading_name("Professional Affiliations") == "activities"


def test_place_after_employer_is_location_and_marks_the_employer():
    from shortlist.profile.work import split_header

    assert split_header(["GLOBEX, New York, NY"]) == ("GLOBEX", None, "New York, NY")
    assert split_header(["Team Lead, QA", "Initech Systems, Canada"]) == ("Initech Systems", "Team Lead", "Canada")
    assert split_header(["Senior Engineer, Pune, India"]) == (None, "Senior Engineer", "Pune, India")


def test_legal_suffix_after_a_comma_stays_with_the_employer():
    from shortlist.profile.work import split_header

    assert split_header(["Hooli, Inc., Austin, TX", "Sales Director"]) == ("Hooli, Inc.", "Sales Director", "Austin, TX")


def test_client_line_between_header_and_dates_is_skipped():
    text = (
        "Asha Rao\nasha@example.org\n\nEXPERIENCE\n\nProject Lead, QA\nUmbrella Systems, Canada\n"
        "Client: Wayne Retail\nSeptember 2008 - September 2011\n- Led testing of the billing suite\n"
    )
    p = parse_text(text)
    assert len(p.work) == 1
    w = p.work[0]
    assert (w.employer, w.title, w.location) == ("Umbrella Systems", "Project Lead", "Canada")


def test_title_under_a_line_describing_the_employer():
    text = (
        "Dana Holt\ndana@example.org\n\nPROFESSIONAL EXPERIENCE\n\nVANDELAY INDUSTRIES, Boston, MA\n2000 to Present\n"
        "Importer of latex goods serving clients in twelve countries and three continents.\n"
        "Vice President of Sales\n- Grew revenue by 40% in three years\n"
    )
    w = parse_text(text).work[0]
    assert (w.employer, w.title) == ("VANDELAY INDUSTRIES", "Vice President of Sales")
