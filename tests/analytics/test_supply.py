from shortlist.analytics.supply import supply_demand
from shortlist.profile.model import Job, Profile, Requirement, Skill, Val


def _req(skill: str, required: bool = True, years: float | None = None) -> Requirement:
    return Requirement(id=f"skill:{skill}", kind="skill", label=skill, required=required, skill=skill, min_years=years)


def _profile(name: str, *skills: str) -> Profile:
    return Profile(source=f"{name}.txt", skills=[Skill(name=s) for s in skills])


JOB = Job(title=Val[str](value="Backend engineer"), requirements=[
    _req("Python"), _req("PostgreSQL"), _req("Kubernetes"), _req("Rust", required=False),
    Requirement(id="years", kind="years", label="5+ years", min_years=5),
])
POOL = [
    _profile("a", "Python", "PostgreSQL", "Excel"),
    _profile("b", "Python", "Postgres", "Excel"),  # a synonym is a match
    _profile("c", "Python", "MySQL", "Excel"),  # a related database: partly
    _profile("d", "Java", "Excel", "Photoshop"),
]


def test_counts_per_requirement():
    sd = supply_demand([JOB], POOL)
    by_id = {r.requirement_id: r for r in sd.requirements}
    assert set(by_id) == {"skill:Python", "skill:PostgreSQL", "skill:Kubernetes", "skill:Rust"}  # skills only
    py = by_id["skill:Python"]
    assert (py.met, py.partial, py.missing) == (3, 1, 0)  # Java is related to Python in the taxonomy
    pg = by_id["skill:PostgreSQL"]
    assert (pg.met, pg.partial, pg.missing, pg.pool) == (2, 1, 1, 4)
    assert pg.share_met == 0.5 and pg.share_covered == 0.75
    k8s = by_id["skill:Kubernetes"]
    assert k8s.met == 0
    assert sd.scarcest(2)[0].requirement_id == "skill:Kubernetes"  # must-have before the nice-to-have Rust
    assert not by_id["skill:Rust"].required


def test_aggregate_over_jobs_and_surplus():
    other = Job(title=Val[str](value="Data engineer"), requirements=[_req("Python"), _req("Apache Spark")])
    sd = supply_demand([JOB, other], POOL, rare_share=0.0)
    py = next(s for s in sd.skills if s.skill == "Python")
    assert (py.jobs_asking, py.jobs_requiring, py.met, py.pool) == (2, 2, 3, 4)
    assert sd.skills[0].share_met == 0.0  # scarcest first
    surplus = {s.skill: s for s in sd.surplus}
    assert surplus["Microsoft Excel"].candidates == 4 and surplus["Microsoft Excel"].share_pool == 1.0
    assert "Adobe Photoshop" in surplus and "Python" not in surplus and "PostgreSQL" not in surplus
    assert sd.surplus[0].skill == "Microsoft Excel"
    assert sd.requirements_csv().splitlines()[0].startswith("job,requirement_id,label")
    assert "Microsoft Excel,4,1,0" in sd.surplus_csv()


def test_ranker_verdicts_agree_on_skills_and_cover_other_kinds():
    by_skills = {r.requirement_id: (r.met, r.partial) for r in supply_demand([JOB], POOL).requirements}
    sd = supply_demand([JOB], POOL, method="ranker")
    by_ranker = {r.requirement_id: (r.met, r.partial) for r in sd.requirements}
    assert "years" in by_ranker  # every requirement kind, not only skills
    assert {k: v for k, v in by_ranker.items() if k.startswith("skill:")} == by_skills
