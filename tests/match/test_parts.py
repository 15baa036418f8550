from __future__ import annotations

import numpy as np
import pytest

from shortlist.match.context import JobContext
from shortlist.match.parts import (
    EducationPart,
    LexicalPart,
    SemanticPart,
    SkillsPart,
    TitlePart,
    YearsPart,
    default_parts,
    degree_score,
    years_curve,
)
from shortlist.match.skillmatch import LISTED_CREDIT, RELATED_FACTOR, use_credit
from shortlist.match.view import CandidateView
from shortlist.profile.model import DegreeLevel, FlagKind, Job, Profile, Val

from .builders import TODAY, Spec, W, build, make_job
from .fixtures import (
    INJECTION,
    STUFFING,
    job_en,
    job_zh,
    partial_en,
    strong_en,
    strong_zh,
    weak_en,
    weak_zh,
    with_hidden,
)


def ctx_for(job: Job, views: list[CandidateView], emb, tax) -> JobContext:
    return JobContext.build(job, emb, tax, pool=views, today=TODAY)


def view(spec_or_profile, tax=None) -> CandidateView:
    p = spec_or_profile if isinstance(spec_or_profile, Profile) else build(spec_or_profile, tax)
    return CandidateView.of(p, TODAY)


# ---------------------------------------------------------------------------- the contract
def _profiles(tax) -> list[Profile]:
    flagged = with_hidden(weak_en(), STUFFING, FlagKind.HIDDEN_TEXT)
    flagged.skills += ["Python", "Kubernetes", "Airflow"]
    return [
        Profile(),  # empty
        Profile(text="just some words, no structure at all"),
        build(strong_en(), tax), build(partial_en(), tax), build(weak_en(), tax), build(flagged, tax),
        build(strong_zh(), tax), build(weak_zh(), tax),
        build(with_hidden(partial_en(), INJECTION, FlagKind.INJECTION), tax),
    ]


def _jobs() -> list[Job]:
    return [
        job_en(), job_zh(),
        Job(),  # nothing at all
        Job(title=Val[str](value="Data Engineer")),  # a title and nothing else
        make_job("Analyst", "Analyst wanted for reporting."),  # text, no requirements
    ]


def test_every_part_keeps_the_contract(tax, emb):
    profiles = _profiles(tax)
    views = [CandidateView.of(p, TODAY) for p in profiles]
    for job in _jobs():
        ctx = ctx_for(job, views, emb, tax)
        for part in default_parts():
            for p, v in zip(profiles, views):
                a = part.score(job, v, ctx)
                b = part.score(job, CandidateView.of(p, TODAY), ctx)
                assert a == b, (part.name, "not deterministic")
                assert a.name == part.name
                assert 0.0 <= a.value <= 1.0, (part.name, a.value)
                assert a.weight >= 0.0
                for ev in a.evidence:
                    assert p.text[ev.start:ev.end] == ev.text, (part.name, ev)
                    assert v.clean(ev), (part.name, "quoted flagged text", ev.text)
                if not part.applies(ctx):
                    assert a.weight == 0.0 and a.value == part.neutral


def test_part_names_are_stable():
    # Trained models are fitted on these columns in this order: renaming one breaks them.
    assert [p.name for p in default_parts()] == [
        "required_skills", "nice_skills", "semantic", "years_fit", "education_fit", "title_fit", "lexical"]


# ---------------------------------------------------------------------------- skills
def _skills_text(job, cand, emb, tax, required=True):
    ctx = ctx_for(job, [cand], emb, tax)
    return SkillsPart("required_skills" if required else "nice_skills", 1.0, required).score(job, cand, ctx)


def _dev(years_text: str, start: str, skills: list[str], *, current=True, end=None, skills_line="") -> CandidateView:
    entry = f"Developer, Acme    {years_text}\n- Built services with {' and '.join(skills)}"
    text = f"Experience\n{entry}\n\nSkills\n{skills_line}\n"
    return view(Spec(text, work=[W(entry, "Developer", start, end, current)], skills=skills + (
        [s.strip() for s in skills_line.split(",") if s.strip() and s.strip() not in skills])))


def test_exact_skill_used_long_enough_gets_full_credit(emb, tax):
    job = make_job("Dev", "Python developer", required=[("Python", 3)])
    part = _skills_text(job, _dev("2019-01 - Present", "2019-01", ["Python"]), emb, tax)
    assert part.value == pytest.approx(1.0)
    assert "1 of 1 met" in part.detail


def test_alias_is_a_full_synonym(emb, tax):
    job = make_job("Ops", "Kubernetes", required=["Kubernetes"])
    cand = _dev("2020-01 - Present", "2020-01", ["Kubernetes"])
    # the resume only ever writes "k8s"
    text = cand.profile.text.replace("Kubernetes", "k8s")
    cand = view(Spec(text, work=[W(text.splitlines()[1] + "\n" + text.splitlines()[2], "Developer", "2020-01",
                                   current=True)], skills=["Kubernetes"]))
    ctx = ctx_for(job, [cand], emb, tax)
    match = ctx.required[0].best(cand)
    assert match.status == "met" and match.how == "synonym of k8s"
    assert _skills_text(job, cand, emb, tax).value == pytest.approx(1.0)


def test_related_skill_gets_partial_credit(emb, tax):
    job = make_job("ML", "TensorFlow", required=["TensorFlow"])
    cand = _dev("2019-01 - Present", "2019-01", ["PyTorch"])
    part = _skills_text(job, cand, emb, tax)
    assert part.value == pytest.approx(RELATED_FACTOR * 0.8)
    match = ctx_for(job, [cand], emb, tax).required[0].best(cand)
    assert match.status == "partial" and match.how == "related: PyTorch"


def test_same_family_gets_less_than_related(emb, tax):
    job = make_job("Dev", "Go", required=["Go"])
    fam = _skills_text(job, _dev("2019-01 - Present", "2019-01", ["Java"]), emb, tax).value
    assert 0 < fam < RELATED_FACTOR * 0.8


def test_years_and_recency_weigh_the_credit(emb, tax):
    job = make_job("Dev", "Python", required=[("Python", 5)])
    long_now = _skills_text(job, _dev("2015-01 - Present", "2015-01", ["Python"]), emb, tax).value
    short_now = _skills_text(job, _dev("2024-11 - Present", "2024-11", ["Python"]), emb, tax).value
    long_ago = _skills_text(job, _dev("2008-01 - 2014-12", "2008-01", ["Python"], current=False, end="2014-12"),
                            emb, tax).value
    assert long_now == pytest.approx(1.0)
    assert 0 < short_now < long_now
    assert 0 < long_ago < long_now
    cand = _dev("2024-12 - Present", "2024-12", ["Python"])  # 24 months up to TODAY
    assert ctx_for(job, [cand], emb, tax).required[0].best(cand).how == "exact, 2 of 5 years"


def test_listed_only_skill_gets_reduced_but_real_credit(emb, tax):
    job = make_job("Dev", "Docker", required=["Docker"])
    cand = _dev("2020-01 - Present", "2020-01", ["Python"], skills_line="Python, Docker")
    value = _skills_text(job, cand, emb, tax).value
    assert value == pytest.approx(LISTED_CREDIT)
    dated = _skills_text(job, _dev("2020-01 - Present", "2020-01", ["Docker"]), emb, tax).value
    assert value < dated


def test_use_credit_vectorises():
    months = np.array([0, 6, 60])
    got = use_credit(months, np.array([1.0, 1.0, 0.5], dtype=np.float32), 5)
    assert got.shape == (3,) and got[0] > 0 and got[1] < 1 and got[2] == pytest.approx(0.5)


def test_nice_skills_use_the_nice_requirements(emb, tax):
    job = make_job("Dev", "Python, Docker", required=["Python"], nice=["Docker"])
    cand = _dev("2020-01 - Present", "2020-01", ["Python"])
    assert _skills_text(job, cand, emb, tax, required=False).value == 0.0
    assert _skills_text(job, cand, emb, tax, required=True).value == pytest.approx(1.0)


def test_a_skill_found_only_in_flagged_text_does_not_exist(emb, tax):
    spec = with_hidden(weak_en(), STUFFING, FlagKind.HIDDEN_TEXT)
    spec.skills += ["Python", "Kubernetes"]
    cand = view(spec, tax)
    assert "Python" not in cand.skills and "Kubernetes" not in cand.skills
    assert _skills_text(job_en(), cand, emb, tax).value == 0.0


# ---------------------------------------------------------------------------- years / education / title
def test_years_curve_is_full_at_minimum_and_smooth_below():
    assert years_curve(5, 5) == 1.0 and years_curve(12, 5) == 1.0
    vals = [float(years_curve(y, 5)) for y in (0, 1, 2, 3, 4, 4.9)]
    assert vals == sorted(vals) and vals[0] == 0.0 and vals[-1] < 1.0
    assert years_curve(None, 5) == 0.0


def test_years_part(emb, tax):
    job = make_job("Dev", "dev", min_years=5)
    cands = [view(strong_en(), tax), view(partial_en(), tax), view(Profile())]
    ctx = ctx_for(job, cands, emb, tax)
    vals = [YearsPart().score(job, c, ctx).value for c in cands]
    assert vals[0] == 1.0 and 0 < vals[1] < 1 and vals[2] == 0.0


def test_degree_score_levels():
    b = DegreeLevel.BACHELOR.rank
    assert degree_score(DegreeLevel.MASTER.rank, b) == 1.0
    assert degree_score(DegreeLevel.ASSOCIATE.rank, b) == 0.5
    assert degree_score(-1, b) == 0.0


def test_education_part_level_and_field(emb, tax):
    job = make_job("Dev", "dev", level=DegreeLevel.MASTER)
    master = view(strong_en(), tax)
    bachelor = view(partial_en(), tax)
    nothing = view(weak_en(), tax)
    ctx = ctx_for(job, [master, bachelor, nothing], emb, tax)
    part = EducationPart()
    assert part.score(job, master, ctx).value == 1.0
    assert part.score(job, bachelor, ctx).value == 0.5
    assert part.score(job, nothing, ctx).value == 0.0
    job2 = make_job("Dev", "dev", level=DegreeLevel.BACHELOR, area="Computer Science")
    ctx2 = ctx_for(job2, [master, bachelor], emb, tax)
    # both meet the level; only the field differs
    assert part.score(job2, master, ctx2).value > part.score(job2, bachelor, ctx2).value


def test_title_part_prefers_the_same_job_and_level(emb, tax):
    job = make_job("Senior Data Engineer", "data engineer", seniority="senior")
    strong, partial, weak = view(strong_en(), tax), view(partial_en(), tax), view(weak_en(), tax)
    ctx = ctx_for(job, [strong, partial, weak], emb, tax)
    vals = [TitlePart().score(job, c, ctx).value for c in (strong, partial, weak)]
    assert vals[0] > vals[1] > vals[2]
    assert "seniority senior vs senior" in TitlePart().score(job, strong, ctx).detail


# ---------------------------------------------------------------------------- semantic / lexical
def test_semantic_prefers_related_experience_and_quotes_it(emb, tax):
    job = job_en()
    strong, weak = view(strong_en(), tax), view(weak_en(), tax)
    ctx = ctx_for(job, [strong, weak], emb, tax)
    s, w = SemanticPart().score(job, strong, ctx), SemanticPart().score(job, weak, ctx)
    assert s.value > w.value
    assert s.evidence and all(strong.profile.text[e.start:e.end] == e.text for e in s.evidence)


def test_lexical_normalises_within_the_pool_and_rare_terms_count_more(emb, tax):
    job = make_job("Dev", "Kafka engineer with SQL")
    common = "SQL developer\nSQL reports\n"
    rare = "Kafka developer\nstreams\n"
    pool = [view(Spec(common)), view(Spec(rare)), view(Spec("SQL only\n")), view(Spec("SQL and more SQL\n"))]
    ctx = ctx_for(job, pool, emb, tax)
    vals = [LexicalPart().score(job, v, ctx).value for v in pool]
    assert max(vals) == pytest.approx(1.0)
    assert vals[1] > vals[0]  # "kafka" is rarer in this pool than "sql"


def test_lexical_tokenises_chinese(emb, tax):
    job = job_zh()
    strong, weak = view(strong_zh(), tax), view(weak_zh(), tax)
    ctx = ctx_for(job, [strong, weak], emb, tax)
    assert LexicalPart().score(job, strong, ctx).value > LexicalPart().score(job, weak, ctx).value


def test_flags_without_a_span_are_masked_by_their_evidence(tax):
    spec = with_hidden(weak_en(), STUFFING, FlagKind.HIDDEN_TEXT)
    spec.skills += ["Python"]
    p = build(spec, tax)
    p.flags = [f.model_copy(update={"span": None}) for f in p.flags]
    v = CandidateView.of(p, TODAY)
    assert "Python" not in v.skills and "python" not in v.counts
