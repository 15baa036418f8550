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


def test_degree_written_before_the_institution_on_one_line():
    text = "Meera Iyer\nmeera@example.org\n\nEDUCATION\nB.E Anna University, Chennai (2008-2012)\nM.Tech. Visveswaraya Technological University\n"
    edu = parse_text(text).education
    assert [(e.degree, e.institution) for e in edu] == [
        ("B.E", "Anna University"),
        ("M.Tech.", "Visveswaraya Technological University"),
    ]


def test_more_degree_abbreviations_and_ms_office_is_not_a_degree():
    from shortlist.profile.education import degree_level
    from shortlist.profile.model import DegreeLevel

    assert degree_level("Ed.D.") == DegreeLevel.DOCTORATE
    assert degree_level("Psy.D.") == DegreeLevel.DOCTORATE
    assert degree_level("Ed.S.") == DegreeLevel.MASTER
    assert degree_level("B.S.Ed.") == DegreeLevel.BACHELOR
    assert degree_level("BASc") == DegreeLevel.BACHELOR
    assert degree_level("MS-Office") is None
    assert degree_level("MS Excel, Word") is None
    assert degree_level("MS in Computer Science") == DegreeLevel.MASTER


def test_degrees_written_after_the_name():
    p = parse_text("Todd Kern, MBA, PMP\nBangor, ME\ntodd@example.org\n")
    assert [(e.degree, e.level.value) for e in p.education] == [("MBA", "master")]
    assert p.text[p.education[0].evidence.start:p.education[0].evidence.end] == "MBA"
    p = parse_text("Jody Fiorini, Ph.D.  Department of Counseling\n")
    assert [e.degree for e in p.education] == ["Ph.D."]
    # Already in the education section at that level: not repeated.
    p = parse_text("Ann Marie Lee, MBA\n\nEDUCATION\nMaster of Business Administration, Harvard University, 2010\n")
    assert [e.degree for e in p.education] == ["Master of Business Administration"]
    assert parse_text("Ann Marie Lee, Manager\n").education == []


def test_headline_title_under_or_after_the_name():
    p = parse_text("Meda Cronin\nAssociate Software Engineer\n\nPune, Maharashtra - meda@example.org\n")
    assert p.headline is not None and p.headline.value == "Associate Software Engineer"
    assert p.text[p.headline.evidence.start:p.headline.evidence.end] == p.headline.value
    p = parse_text("Tam Shah\nJava Developer - Northwind Limited\n\nIndore\n")
    assert p.headline.value == "Java Developer"
    p = parse_text("Allen Neal King ESB Integration Developer - Globex Systems\n\nHyderabad\n")
    assert p.name.value == "Allen Neal King" and p.headline.value == "ESB Integration Developer"


def test_no_headline_without_a_title_word():
    assert parse_text("John Smith\n12 Main Street\nSpringfield, IL\n").headline is None
    # After the first heading it is no longer the header block.
    assert parse_text("Jane Roe\njane@example.org\n\nSKILLS\nData Analyst\n").headline is None


def test_title_on_its_own_line_further_down_the_header():
    p = parse_text("Stevie Lehner\n62 Main Street | Oakland, CA 94607 | stevie@example.org\nBUSINESS TEACHER\n\nEXPERIENCE\n")
    assert p.headline is not None and p.headline.value == "BUSINESS TEACHER"
    p = parse_text("Ana Ruiz\nana@example.org\nTitle: Sr. Java Developer\n\nSKILLS\nJava\n")
    assert p.headline.value == "Sr. Java Developer"


def test_durations_and_job_terms_are_not_employers():
    from shortlist.profile.work import split_header

    assert split_header(["Senior Game Programmer", "1 Year 3 Months", "Twist Mobile Pvt. Ltd."])[0] == "Twist Mobile Pvt. Ltd."
    assert split_header(["Customer consultant, part-time", "Peppes Pizza"])[:2] == ("Peppes Pizza", "Customer consultant")
    assert split_header(["Counsellor", "Client: Harbor Health"]) == (None, "Counsellor", None)
    assert split_header(["Drupal Developer", "at McGraw Hill Education"])[0] == "McGraw Hill Education"


def test_a_sentence_is_not_an_employer():
    from shortlist.profile.work import split_header

    emp, title, _ = split_header(["Test Analyst", "worked on the migration of the billing platform for retail customers."])
    assert title == "Test Analyst" and emp is None


def test_longer_experience_headings_and_placements():
    assert heading_name("PUBLIC RELATIONS/EVENT PLANNING EXPERIENCE") == "work"
    assert heading_name("Adjunct Academic Positions") == "work"
    assert heading_name("Practical Teaching Placements") == "work"
    assert heading_name("Student Teaching:") == "work"
    assert heading_name("Career Objective") == "objective"
    assert heading_name("I have experience") is None
    assert heading_name("Years of experience") is None


def test_worked_as_title_with_company_sentence_is_a_job():
    text = (
        "Ravi Kumar\nravi@example.org\n\nWORK EXPERIENCE\n"
        "• Worked as Software Engineer with Prolifics Corporation Limited from Dec 2015 to Sept 2016\n"
        "-Working as Sr. Java programmer for Initech Solutions LTD., Pune, from April 2010 to till date.\n"
    )
    jobs = [(w.employer, w.title, w.start, w.end, w.current) for w in parse_text(text).work]
    assert jobs == [
        ("Prolifics Corporation Limited", "Software Engineer", "2015-12", "2016-09", False),
        ("Initech Solutions LTD", "Sr. Java programmer", "2010-04", None, True),
    ]


def test_ranges_whose_dash_was_lost():
    from shortlist.profile.dates import find_ranges

    assert [(r.start, r.end, r.current) for r in find_ranges("20132015  Staff Engineer")] == [("2013", "2015", False)]
    assert [(r.start, r.current) for r in find_ranges("2016present")] == [("2016", True)]
    assert find_ranges("Phone 20132015x") == []
    assert find_ranges("ID 2013201599") == []
    assert find_ranges("20152010") == []  # an end before the start is not a range


def test_two_roles_joined_by_a_slash_stay_one_title():
    from shortlist.profile.work import split_header

    assert split_header(["Project Manager / Technology Lead", "Infosys Limited"])[:2] == (
        "Infosys Limited", "Project Manager / Technology Lead")
    assert split_header(["Engineer / Acme Corp"])[:2] == ("Acme Corp", "Engineer")
    assert split_header(["Senior Account Executive / Junior Account Executive, 2005 to 2008"])[0] is None


def _flat_resume() -> str:
    parts = [
        "Priya Nair", "priya@example.org", "EXPERIENCE", "Data Analyst", "Contoso Retail Pvt Ltd",
        "Mar 2016  Present", "Built weekly sales dashboards for 40 stores", "EDUCATION",
        "B.Com, Kerala University, 2014", "SKILLS", "SQL, Excel, Tableau",
    ]
    return "  ".join(parts) + "  " + "Reference available on request. " * 8


def test_flat_view_restores_lines_at_the_same_offsets():
    from shortlist.profile.spans import flat_view

    text = _flat_resume()
    view = flat_view(text)
    assert len(view) == len(text) and "\n" not in text and view.count("\n") >= 9
    assert [i for i, c in enumerate(view) if c != text[i]] == [i for i, c in enumerate(view) if c == "\n"]
    assert "Mar 2016  Present" in view  # a date range split by blanks stays on one line


def test_flat_view_never_touches_ordinary_text():
    from shortlist.profile.spans import flat_view

    normal = (
        "Priya Nair\npriya@example.org\n\nEXPERIENCE\nData Analyst  |  Contoso Retail  |  Mar 2016 - Present\n"
        "- Built dashboards  (Tableau)  for 40 stores\n\nEDUCATION\nB.Com, Kerala University, 2014\n"
    )
    assert flat_view(normal) == normal
    assert flat_view("") == ""
    assert flat_view("one line with  two blanks") == "one line with  two blanks"


def test_flattened_resume_parses_like_a_multi_line_one():
    text = _flat_resume()
    p = parse_text(text)
    assert p.text == text
    assert p.name.value == "Priya Nair"
    assert [(w.employer, w.title, w.start, w.current) for w in p.work] == [
        ("Contoso Retail Pvt Ltd", "Data Analyst", "2016-03", True)
    ]
    assert [(e.degree, e.institution, e.end) for e in p.education] == [("B.Com", "Kerala University", "2014")]
    from shortlist.profile.spans import walk_evidence

    for ev in walk_evidence(p):
        assert text[ev.start:ev.end] == ev.text


def test_degree_lines_under_other_headings():
    text = (
        "Sam Ortiz\nsam@example.org\n\nONGOING TRAINING\n"
        "Bachelor of Science in General Engineering, Air Force Academy, 1993\n"
        "Taught a master class on welding\n\nCERTIFICATIONS\nMBA, Regis University, 2001\nCPR Certified\n"
    )
    edu = parse_text(text).education
    assert [(e.degree, e.institution, e.end) for e in edu] == [
        ("Bachelor of Science in General Engineering", "Air Force Academy", "1993"),
        ("MBA", "Regis University", "2001"),
    ]


def test_a_degree_word_inside_a_sentence_elsewhere_is_not_a_degree():
    text = (
        "Sam Ortiz\nsam@example.org\n\nEXPERIENCE\nTeacher, Lincoln High School, 2010 - 2014\n"
        "- Prepared graduate students for the high school diploma exam\n- Supervised a Masters thesis\n"
    )
    assert parse_text(text).education == []


def test_certificate_listed_in_education_is_an_entry_of_level_other():
    text = (
        "Jody Park\njody@example.org\n\nEDUCATION\nM.S. in Counseling, Syracuse University, 1995\n"
        "Certificate of University Teaching, Syracuse University\n"
    )
    edu = parse_text(text).education
    assert [(e.degree, e.level.value) for e in edu] == [("M.S. in Counseling", "master"), ("Certificate of University Teaching", "other")]


def test_certificate_does_not_enter_the_degree_pattern_used_by_the_job_parser():
    from shortlist.profile.education import degree_level

    assert degree_level("PMP certification preferred") is None


def test_month_with_apostrophe_and_lone_dash_line_above_the_dates():
    from shortlist.profile.dates import find_ranges

    assert [(r.start, r.end) for r in find_ranges("from Dec' 2015 to Sept' 2016")] == [("2015-12", "2016-09")]
    text = "Ria Sen\nria@example.org\n\nWORK EXPERIENCE\n\nMarketing Specialist\n\n-\n\nMarch 2017 to Present\n\n- Ran campaigns\n"
    assert [(w.title, w.start, w.current) for w in parse_text(text).work] == [("Marketing Specialist", "2017-03", True)]


def test_headline_is_the_json_resume_label():
    from shortlist.profile.jsonresume import to_json_resume

    doc = to_json_resume(parse_text("Meda Cronin\nAssociate Software Engineer\n\nPune - meda@example.org\n"))
    assert doc["basics"]["label"] == "Associate Software Engineer"
    assert doc["basics"]["x-evidence"]["headline"]["text"] == "Associate Software Engineer"


def test_a_name_without_a_title_word_is_a_title_only_next_to_a_known_employer():
    from shortlist.profile.work import split_header

    assert split_header(["Treasurer", "Greenacre Baseball Club"])[:2] == ("Greenacre Baseball Club", "Treasurer")
    assert split_header(["Northwind Holdings", "Night Shift Lead"])[:2] == ("Northwind Holdings", "Night Shift Lead")
    # Two unclassified names: neither is taken for a title.
    assert split_header(["Shelli Genaro Kuvalis", "Idrettstroppen"])[1] is None


def test_surnames_that_are_also_trades_still_read_as_names():
    from shortlist.profile.contact import looks_like_en_name

    assert all(looks_like_en_name(n) for n in ["John Baker", "Sam Cook", "Mary Dean", "Ann Judge"])


def test_table_rows_starting_with_dates_are_job_headers():
    text = (
        "Hana Kowal\nhana@example.org\n\nExperience\nDates | Employer | Role | Highlights\n"
        "Jan 2024 – Present | Tailspin Retail Group | Backend Developer | Python and Django services for store "
        "inventory; PostgreSQL tuning; Docker-based CI pipelines for the whole team.\n"
        "Aug 2022 – Dec 2023 | Lakeshore Freight | Junior Java Developer | Spring Boot REST APIs.\n"
    )
    assert [(w.employer, w.title, w.start) for w in parse_text(text).work] == [
        ("Tailspin Retail Group", "Backend Developer", "2024-01"),
        ("Lakeshore Freight", "Junior Java Developer", "2022-08"),
    ]


def test_a_sentence_with_a_company_word_is_not_an_employer():
    from shortlist.profile.work import split_header

    emp, title, _ = split_header(["Operations Manager", "sustainable improvement of the global organization and its services"])
    assert title == "Operations Manager" and emp is None
    assert split_header(["Analyst", "oracle"])[0] == "oracle"


def test_a_date_range_over_three_lines_is_one_range():
    from shortlist.profile.dates import join_split_ranges

    text = ("Ana Ruiz\nana@example.org\n\nExperience\nOctober 2011\nto\nAugust 2015\n"
            "Company Name City , State Accountant\n\nPrepared monthly forecasts.\n")
    assert len(join_split_ranges(text)) == len(text)
    w = parse_text(text).work
    assert [(x.title, x.start, x.end) for x in w] == [("Accountant", "2011-10", "2015-08")]
    assert w[0].location == "State"


def test_a_state_in_front_of_a_title_is_the_place():
    from shortlist.profile.work import split_header

    assert split_header(["Acme Corp, Austin, Texas Data Analyst"]) == ("Acme Corp", "Data Analyst", "Texas")
    assert split_header(["State Farm Agent", "Bloomington"])[1] == "State Farm Agent"  # the first piece is kept whole
