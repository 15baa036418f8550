"""The parser with a labeller: the labeller decides work and education, every evidence span
quotes the text exactly, a job block is found without a heading, and the rules answer when
there is no model."""
from datetime import date

from shortlist.labeller.synth import generate
from shortlist.profile.parse import parse_text
from shortlist.profile.rules import rule_view
from shortlist.profile.spans import walk_evidence

TODAY = date(2026, 1, 1)

NO_HEADING = """Ana Lima
ana@example.com

EDUCATION
B.S. in Accounting, Westbrook University, 2014

Senior Accountant
Kalover Freight, Chicago, IL
Mar 2019 - Present
• Closed the books every month.
Staff Accountant
Trazen Foods, Austin, TX
Jun 2014 - Feb 2019
• Reconciled vendor accounts.
"""


def _exact(profile):
    for ev in walk_evidence(profile):
        assert profile.text[ev.start:ev.end] == ev.text


def test_generated_resumes_parse_into_their_jobs(small_model):
    right = total = 0
    for doc in generate(15, seed=123):
        p = parse_text(doc.text, today=TODAY, labeller=small_model)
        _exact(p)
        gold_titles = {doc.text[s:e] for s, e, lab in doc.spans if lab == "TITLE"}
        for w in p.work:
            total += 1
            right += w.title in gold_titles
    assert total and right / total >= 0.7


def test_jobs_without_an_experience_heading(small_model):
    p = parse_text(NO_HEADING, today=TODAY, labeller=small_model)
    _exact(p)
    assert [w.start for w in p.work] == ["2019-03", "2014-06"]
    assert p.work[0].current and p.work[1].end == "2019-02"
    assert p.work[0].title == "Senior Accountant" and p.work[1].title == "Staff Accountant"
    assert p.education and p.education[0].level is not None


def test_without_a_model_the_rules_parse():
    text = NO_HEADING.replace("EDUCATION", "EXPERIENCE", 1).replace("B.S. in Accounting, Westbrook University, 2014", "")
    rules = parse_text(text, today=TODAY, labeller=None)
    view = rule_view(text, TODAY)
    assert rules.work == view.work and rules.work
    assert [e.degree for e in rules.education] == [e.degree for e in view.education]


def test_odd_documents_parse(small_model):
    for text in ("", "\n" * 50, "Experience\n" * 200, "Engineer " * 3000, "2019-2020 Acme\n" * 100):
        p = parse_text(text, today=TODAY, labeller=small_model)
        _exact(p)


def test_confidence_comes_from_the_model(small_model):
    p = parse_text(NO_HEADING, today=TODAY, labeller=small_model)
    assert all(0.4 <= w.confidence <= 1.0 for w in p.work)
    assert p.work[0].evidence.confidence == p.work[0].confidence


def test_mojibake_dashes_separate_employer_and_place():
    text = ("Kim Lee\nkim@example.com\n\nExperience\nExecutive Chef 05/2012 to Current\nCompany Name \u00e2\u20ac\u201c City , State\n"
            "Managed kitchen staff.\nTeacher\nJuly 2004 to June 2014 Company Name \u00ef1\u20444 City , State\n"
            "Assigned lessons.\n")
    for model in (None,):
        p = parse_text(text, today=TODAY, labeller=model)
        assert [w.employer for w in p.work] == ["Company Name", "Company Name"]


def test_a_dated_job_the_labeller_missed_is_kept_from_the_rules(small_model):
    from shortlist.profile.entries import fill_from_rules
    from shortlist.profile.model import Evidence, WorkItem

    text = "A\n" * 400
    model_job = WorkItem(title="Teacher", start="2004-07", end="2014-06",
                         evidence=Evidence(start=0, end=600, text=text[0:600]), bullets=["A"])
    rule_same = WorkItem(title="Teacher", employer="Acme", start="2004-07", end="2014-06",
                         evidence=Evidence(start=0, end=100, text=text[0:100]))
    rule_other = WorkItem(title="Coach", start="2005-08", end="2014-02",
                          evidence=Evidence(start=300, end=400, text=text[300:400]))
    out = fill_from_rules([model_job], [rule_same, rule_other], text)
    assert [(w.title, w.employer) for w in out] == [("Teacher", "Acme"), ("Coach", None)]
    assert out[0].evidence.end <= 300  # the first job now ends where the added one begins
