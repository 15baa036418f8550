from dataclasses import dataclass
from datetime import date

from profile_samples import EN_CLASSIC, TODAY

from shortlist.profile.model import Section, WorkItem
from shortlist.profile.parse import parse_text
from shortlist.profile.skilllink import link_skills
from shortlist.profile.spans import evidence


@dataclass
class Hit:  # the shape of shortlist.skills.extract.SkillHit
    name: str
    skill_id: str
    start: int
    end: int
    surface: str
    confidence: float = 0.9


def test_mentions_sources_work_index_and_months() -> None:
    text = "SKILLS\nPython, SQL\nEXPERIENCE\nAcme 2018-01 - 2019-12 Python\nBeta 2019-06 - 2020-12 Python SQL\n"
    sk_end = text.index("EXPERIENCE")
    a, b = text.index("Acme"), text.index("Beta")
    sections = [Section(name="skills", heading="SKILLS", start=0, end=sk_end),
                Section(name="work", heading="EXPERIENCE", start=sk_end, end=len(text))]
    work = [WorkItem(start="2018-01", end="2019-12", evidence=evidence(text, a, b)),
            WorkItem(start="2019-06", end="2020-12", evidence=evidence(text, b, len(text)))]

    def hit(name: str, at: int) -> Hit:
        return Hit(name, name.lower(), at, at + len(name), name)

    hits = [hit("Python", text.index("Python")), hit("SQL", text.index("SQL")),
            hit("Python", text.index("Python", a)), hit("Python", text.index("Python", b)),
            hit("SQL", text.index("SQL", b))]
    skills = {s.name: s for s in link_skills(text, sections, work, date(2024, 1, 1), hits=hits)}
    py, sql = skills["Python"], skills["SQL"]
    assert [(m.source, m.work_index) for m in py.mentions] == [("skills_section", None), ("work", 0), ("work", 1)]
    assert py.months == 36 and py.last_used == "2020-12"  # 2018-01..2020-12, the overlap once
    assert sql.months == 19 and sql.last_used == "2020-12"
    for s in skills.values():
        for m in s.mentions:
            assert text[m.evidence.start:m.evidence.end] == m.evidence.text == s.name


def test_parse_links_real_skills() -> None:
    p = parse_text(EN_CLASSIC, today=TODAY)
    k8s = next(s for s in p.skills if s.name == "Kubernetes")
    assert {m.source for m in k8s.mentions} == {"work", "skills_section"}
    assert k8s.last_used == "2024-06" and k8s.months
