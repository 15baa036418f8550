"""Generated English resumes with exact labels: the layouts real resumes use (headings
present, absent or unusual; title/employer/date lines in every order; one line or several;
every date style; a sidebar block read before the main column; the whole CV flattened onto
one line as some extractors leave it), written with vocabulary this project wrote itself.

They teach the labeller shapes that dotin's 310 CVs rarely show, and make the tests' training
data. Nothing here comes from a data set.
"""
from __future__ import annotations

import random
from collections.abc import Sequence

from shortlist.labeller.model import LabelledDoc

TITLES = (
    "Software Engineer", "Senior Software Engineer", "Data Analyst", "Project Manager", "Accountant",
    "Marketing Coordinator", "Registered Nurse", "Sales Associate", "Operations Manager", "Web Developer",
    "HR Generalist", "Financial Analyst", "Graphic Designer", "Customer Service Representative", "Chef",
    "Teacher", "Mechanical Engineer", "Business Analyst", "Office Administrator", "Store Manager",
    "QA Engineer", "DevOps Engineer", "Product Manager", "Research Assistant", "Civil Engineer",
    "Executive Assistant", "Account Executive", "Java Developer", "Network Administrator", "Paralegal",
    "Pharmacist", "Warehouse Supervisor", "Content Writer", "Recruiter", "Electrician", "Data Scientist",
    "Team Lead", "Consultant", "Intern", "Assistant Manager", "Technical Support Specialist", "Buyer",
)
_ORG_HEAD = ("Northwind", "Bluepeak", "Cedar", "Harbor", "Ironleaf", "Quartz", "Maple", "Silverline", "Redwood",
             "Brightway", "Oakridge", "Summit", "Crescent", "Lakeshore", "Pinecrest", "Greenfield", "Falcon",
             "Orion", "Vertex", "Meridian", "Copperfield", "Westbrook", "Stonegate", "Riverside", "Aurora")
_ORG_MID = ("", "", "Data", "Health", "Logistics", "Foods", "Retail", "Capital", "Energy", "Software", "Media",
            "Engineering", "Analytics", "Medical", "Hospitality", "Consulting")
_ORG_TAIL = ("Inc.", "LLC", "Ltd", "Pvt Ltd", "Corporation", "Group", "Solutions", "Technologies", "", "", "Co.",
             "Partners", "Systems", "Services")
_CITIES = ("Chicago, IL", "Austin, TX", "Seattle, WA", "Boston, MA", "Denver, CO", "Atlanta, GA", "Pune, India",
           "Bangalore", "London", "Manchester, UK", "Toronto, ON", "Hyderabad", "New York, NY", "Remote",
           "San Jose, CA", "Phoenix, AZ", "Dublin", "Sydney")
_SCHOOL_HEAD = ("Westbrook", "Lakeshore", "Northern State", "Riverside", "Summit", "Eastfield", "Crescent Valley",
                "Pinecrest", "Harbor City", "Oakridge")
_SCHOOLS = ("{} University", "University of {}", "{} College", "{} Institute of Technology", "{} Community College",
            "{} State University")
_DEGREES = ("Bachelor of Science in {}", "B.S. in {}", "BA, {}", "Master of Business Administration", "MBA",
            "B.Tech in {}", "B.E. {}", "M.S. in {}", "Associate of Arts", "High School Diploma", "Ph.D. in {}",
            "Bachelor of Arts in {}", "M.Sc. {}", "Diploma in {}")
_AREAS = ("Computer Science", "Accounting", "Nursing", "Marketing", "Mechanical Engineering", "Economics",
          "Information Technology", "Psychology", "Finance", "Business Administration", "Biology", "English")
_BULLETS = (
    "Reduced monthly reporting time by 30% by automating the data pipeline.",
    "Managed a team of 6 and trained new hires on internal tools.",
    "Handled customer escalations and kept satisfaction above 95%.",
    "Built dashboards used by the leadership team every week.",
    "Prepared budgets and reconciled accounts at month end.",
    "Coordinated shipments with vendors across three regions.",
    "Wrote and maintained unit tests for the billing service.",
    "Planned campaigns that grew qualified leads by 40%.",
    "Worked with the client to gather requirements and write specifications.",
    "Led weekly meetings and tracked project milestones.",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_WORK_HEADINGS = ("EXPERIENCE", "Work Experience", "PROFESSIONAL EXPERIENCE", "Employment History",
                  "Career History", "Where I've Worked", None, None)
_EDU_HEADINGS = ("EDUCATION", "Education", "Academic Background", "Qualifications")
HEADINGS = frozenset(h for h in (*_WORK_HEADINGS, *_EDU_HEADINGS, "SUMMARY", "SKILLS") if h)
_FIRST = ("Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn")
_LAST = ("Rivera", "Nguyen", "Patel", "Okafor", "Schmidt", "Kowalski", "Haddad", "Larsen", "Moreau", "Tanaka")


class Writer:
    """Text built piece by piece, remembering where each labelled piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[tuple[int, int, str]] = []

    def add(self, s: str, label: str | None = None) -> None:
        if label and s:
            self.spans.append((self.pos, self.pos + len(s), label))
        self.parts.append(s)
        self.pos += len(s)

    def seq(self, pieces) -> None:
        for p in pieces:
            if isinstance(p, tuple):
                self.add(*p)
            else:
                self.add(p)

    def text(self) -> str:
        return "".join(self.parts)


def flatten(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Every line break becomes two blanks (as some PDF extractors leave a CV), spans moved."""
    shift = [0] * (len(text) + 1)
    extra = 0
    for i, ch in enumerate(text):
        shift[i] = extra
        if ch == "\n":
            extra += 1
    shift[len(text)] = extra
    return text.replace("\n", "  "), [(s + shift[s], e + shift[e], lab) for s, e, lab in spans]


def _date(rng: random.Random, year: int, month: int, style: int) -> str:
    if style == 0:
        return f"{_MONTHS[month]} {year}"
    if style == 1:
        return f"{month + 1:02d}/{year}"
    if style == 2:
        return f"{_LONG_MONTHS[month]} {year}"
    if style == 3:
        return str(year)
    return f"{year}-{month + 1:02d}"


_SYLLABLES = ("ka", "lo", "ver", "mi", "tra", "den", "sol", "ra", "quin", "bel", "tor", "an", "vel", "co", "zar",
              "nex", "ul", "pe", "dri", "mon", "sa", "fen", "gor", "li", "ber", "ton", "wick", "ham", "ley")
_PLAIN_TAIL = ("Freight", "Insurance", "Studio", "Bakery", "Clinic", "Motors", "Coffee", "Dental", "Builders",
               "Realty", "Logistics", "Foods", "Bank", "Hotel", "Labs", "Works", "Printing", "Pharmacy", "Markets")


def _pseudo(rng: random.Random) -> str:
    """An invented word ("Kalover"): employers the model cannot have memorised."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _org(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return " ".join(x for x in (rng.choice(_ORG_HEAD), rng.choice(_ORG_MID), rng.choice(_ORG_TAIL)) if x)
    if r < 0.7:
        return f"{_pseudo(rng)} {rng.choice(_PLAIN_TAIL)}"
    if r < 0.85:
        return f"{_pseudo(rng)} {_pseudo(rng)}"
    return " ".join(x for x in (_pseudo(rng), rng.choice(_ORG_MID), rng.choice(_ORG_TAIL)) if x)


def _job(w: Writer, title: str, org: str, city: str, dates: str, layout: int) -> None:
    t, o, c = (title, "TITLE"), (org, "ORG"), (city, "LOC")
    shapes = (
        (t, "\n", o, ", ", c, "\n" + dates + "\n"),  # Title / Company, City / dates
        (o, " | ", t, " | " + dates + "\n"),  # Company | Title | dates
        (t, " at ", o, f" ({dates})\n"),  # Title at Company (dates)
        (dates + "    ", t, ", ", o, "\n"),  # dates  Title, Company
        ((org.upper(), "ORG"), " — ", c, "\n", t, "    " + dates + "\n"),  # COMPANY — City / Title  dates
        (t, ", ", o, " - ", c, " - " + dates + "\n"),  # one line
        (t, "\n", o, ", ", c, "\n", dates, "\n"),  # Title / Employer, City / dates on their own line
        (dates + " | ", o, " | ", t, " | Highlights of the role\n"),  # a table row
        (o, "\n", t, ", " + dates + "\n"),  # Employer / Title, dates
    )
    w.seq(shapes[layout])


def _education(w: Writer, rng: random.Random, layout: int) -> None:
    area = rng.choice(_AREAS)
    d = (rng.choice(_DEGREES).format(area), "DEGREE")
    s = (rng.choice(_SCHOOLS).format(rng.choice(_SCHOOL_HEAD) if rng.random() < 0.5 else _pseudo(rng)), "SCHOOL")
    year = rng.randint(1995, 2022)
    shapes = (
        (d, ", ", s, f", {year}\n"),
        (s, "\n", d, f"    {year - 4} - {year}\n"),
        (f"{year}  ", d, " | ", s, "\n"),
    )
    w.seq(shapes[layout])


def _resume(rng: random.Random, titles: Sequence[str]) -> LabelledDoc:
    w = Writer()
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    current = rng.choice(titles)
    w.add(name + "\n")
    if rng.random() < 0.5:
        w.seq(((current, "TITLE"), "\n"))
    w.add(f"{name.split()[0].lower()}@example.com | (555) 01{rng.randint(10, 99)}-{rng.randint(1000, 9999)}\n\n")
    sidebar = rng.random() < 0.25  # a two-column CV read sidebar first: education before the jobs
    if rng.random() < 0.5:
        w.add("SUMMARY\n" + rng.choice(("Reliable professional with", "Analyst with", "Engineer with"))
              + f" {rng.randint(2, 15)} years of experience.\n\n")
    if sidebar:
        w.add(rng.choice(_EDU_HEADINGS) + "\n")
        _education(w, rng, rng.randint(0, 2))
        w.add("\n")
    heading = rng.choice(_WORK_HEADINGS)
    if heading and not sidebar:
        w.add(heading + "\n")
    layout = rng.randint(0, 8)
    style = rng.randint(0, 4)
    year = rng.randint(2012, 2024)
    month = rng.randint(0, 11)
    for k in range(rng.randint(1, 4)):
        start_year = year - rng.randint(1, 4)
        end = "Present" if k == 0 and rng.random() < 0.5 else _date(rng, year, month, style)
        sep = rng.choice((" - ", " – ", " to ", "–"))
        dates = _date(rng, start_year, rng.randint(0, 11), style) + sep + end
        _job(w, current if k == 0 else rng.choice(titles), _org(rng), rng.choice(_CITIES), dates, layout)
        for b in rng.sample(_BULLETS, rng.randint(1, 4)):
            w.add(rng.choice(("• ", "- ", "")) + b + "\n")
        w.add("\n")
        year = start_year
    if not sidebar:
        w.add(rng.choice(_EDU_HEADINGS) + "\n")
        for _ in range(rng.randint(1, 2)):
            _education(w, rng, rng.randint(0, 2))
    w.add("\nSKILLS\nExcel, SQL, Communication, Scheduling\n")
    text = w.text()
    spans = w.spans
    if rng.random() < 0.25:
        text, spans = flatten(text, spans)
    return LabelledDoc(text=text, spans=spans, source="synthetic")


def generate(n: int, seed: int = 7, titles: Sequence[str] = TITLES) -> list[LabelledDoc]:
    """``n`` labelled resumes, the same for the same seed."""
    rng = random.Random(seed)
    return [_resume(rng, titles) for _ in range(n)]
