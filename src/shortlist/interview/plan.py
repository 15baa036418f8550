"""Interview plans: questions that verify what a resume claims, probe what it does not show,
and ask for behavioural evidence tied to the job's responsibilities, ordered by doubt.

The ranker's verdicts say, per requirement, whether the resume meets it and with which quotes;
``forecast`` turns each verdict into the chance the candidate will show the requirement in the
interview, and the plan spends its questions and minutes where that chance is lowest. Without
an LLM the questions come from the project's own patterns (``patterns.py``); with one, the
model's questions are used after they validate, and any required skill they leave uncovered
still gets a pattern question. Hidden or injected resume text never reaches the model and never
shapes a question; the plan only notes that it was there.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from shortlist.interview import patterns as pt
from shortlist.interview.model import (
    InterviewPlan,
    Language,
    LLMQuestionSet,
    Question,
    QuestionKind,
    RequirementForecast,
)
from shortlist.match.model import RankedCandidate, Verdict
from shortlist.profile.model import Evidence, FlagKind, Job, Profile, Requirement, Skill
from shortlist.profile.safety import unscored_spans
from shortlist.skills.taxonomy import Taxonomy

MAX_QUOTE = 160
_LEVEL = {"intern": 1, "junior": 2, "mid": 3, "senior": 4, "lead": 5, "principal": 5, "manager": 5,
          "director": 5, "executive": 5}
_SENIOR = {"senior", "lead", "principal", "manager", "director", "executive"}
_BULLET = " \t-•*·●▪◦–—>"
_REVIEW_FLAGS = {FlagKind.HIDDEN_TEXT, FlagKind.INJECTION, FlagKind.ZERO_WIDTH}


def plan_language(job: Job, language: str | None = None) -> Language:
    """The guide's language: as asked, else the job's (a mixed job is read as English)."""
    if language in ("en", "zh"):
        return language  # type: ignore[return-value]
    return "zh" if job.language == "zh" else "en"


def target_level(job: Job) -> int:
    """Question difficulty the job's seniority calls for (3 when the job does not say)."""
    return _LEVEL.get(job.seniority or "", 3)


# ----------------------------------------------------------------------------- evidence
def _clean(profile: Profile, start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in unscored_spans(profile.flags))


def _line_quote(profile: Profile, ev: Evidence) -> Evidence | None:
    """The resume line around a mention (bullet marks stripped, capped around the mention)."""
    text = profile.text
    if not (0 <= ev.start < ev.end <= len(text)):
        return None
    s = text.rfind("\n", 0, ev.start) + 1
    e = text.find("\n", ev.end)
    e = len(text) if e == -1 else e
    # a sentence wrapped over lines (PDF layout): follow lines that continue in lower case
    while s > 1 and text[s:s + 1].islower() and text[s - 1] == "\n" and e - s < MAX_QUOTE:
        s = text.rfind("\n", 0, s - 1) + 1
    while e < len(text) - 1 and text[e] == "\n" and text[e + 1:e + 2].islower() and e - s < MAX_QUOTE:
        nxt = text.find("\n", e + 1)
        e = len(text) if nxt == -1 else nxt
    while s < ev.start and text[s] in _BULLET:
        s += 1
    while e > ev.end and text[e - 1] in " \t\r.;,。；，":
        e -= 1
    if e - s > MAX_QUOTE:  # a long line: the sentence around the mention, then a window
        for stop in ".;。；":
            left = text.rfind(stop, s, ev.start)
            if left != -1 and ev.start - left < MAX_QUOTE:
                s = max(s, left + 1)
            right = text.find(stop, ev.end, e)
            if right != -1:
                e = min(e, right + 1)
        while s < ev.start and text[s] in " \t":
            s += 1
        if e - s > MAX_QUOTE:
            half = (MAX_QUOTE - (ev.end - ev.start)) // 2
            s = max(s, ev.start - half)
            e = min(e, s + MAX_QUOTE)
    if not _clean(profile, s, e):
        return ev if _clean(profile, ev.start, ev.end) else None
    return Evidence(start=s, end=e, text=text[s:e])


def _skill_of(profile: Profile, name: str | None) -> Skill | None:
    return next((s for s in profile.skills if s.name == name), None) if name else None


def skill_quote(profile: Profile, req: Requirement, verdict: Verdict) -> Evidence | None:
    """The best resume line to quote for a requirement: a dated work mention first."""
    names = [req.skill] if verdict.status == "met" else [_related_name(verdict.how), req.skill]
    candidates: list[Evidence] = []
    for name in names:
        skill = _skill_of(profile, name)
        if skill:
            mentions = sorted(skill.mentions, key=lambda m: (m.source != "work", m.source != "project"))
            candidates += [m.evidence for m in mentions]
    candidates += list(verdict.evidence)
    for ev in candidates:
        q = _line_quote(profile, ev)
        if q is not None and len(q.text.strip()) >= 3:
            return q
    return None


# ----------------------------------------------------------------------------- forecast
def _related_name(how: str) -> str | None:
    m = re.search(r"(?:related|same family): ([^,;]+)", how)
    return m.group(1).strip() if m else None


def _how_zh(how: str) -> str:
    out = how
    for a, b in (("listed only", "仅在技能列表中列出"), ("listed without dated use", "仅列出，无带日期的使用经历"), ("synonym of", "同义"), ("same family:", "同类技能："),
                 ("related:", "相关技能："), ("not found", "简历中未找到"), ("exact", "完全匹配"),
                 (" of ", " / "), ("years", "年"), ("no dated work history", "无带日期的工作经历"),
                 ("no degree stated", "未写明学历"), (" asked)", " 要求)"), ("field:", "专业："), ("states ", "写明 "),
                 (", ", "，")):
        out = out.replace(a, b)
    return out


def _latest_use(profile: Profile) -> str | None:
    ends = [w.end or w.start for w in profile.work if (w.end or w.start)]
    current = any(w.current for w in profile.work)
    if current:
        return max((s.last_used for s in profile.skills if s.last_used), default=None)
    return max(ends, default=None)


def _skill_probability(v: Verdict, skill: Skill | None, latest: str | None) -> tuple[float, str]:
    if v.status == "missing":
        return 0.1, "not in the resume"
    if v.status == "partial":
        rel = _related_name(v.how)
        if rel is None and "listed" in v.how:
            return 0.45, "listed without dated use in a role"
        if v.how.startswith("related"):
            return 0.35, f"only related experience ({rel})" if rel else "only related experience"
        return 0.3, f"only the same family ({rel})" if rel else "only partly shown"
    if "listed" in v.how or skill is None or not skill.months:
        return 0.55, "listed without dated use in a role"
    p, why = 0.7, [f"used in dated roles for {skill.months} months"]
    if skill.months >= 24:
        p += 0.15
    elif skill.months >= 12:
        p += 0.08
    if skill.last_used and latest and skill.last_used[:7] >= latest[:7]:
        p += 0.07
        why.append("up to the latest role")
    return min(p, 0.95), ", ".join(why)


_OTHER_P = {"years": (0.85, 0.45, 0.2), "education": (0.9, 0.5, 0.25)}


def forecast(job: Job, profile: Profile, ranked: RankedCandidate, language: str | None = None) -> list[RequirementForecast]:
    """Per requirement, how likely the candidate is to show it in the interview, and why.

    Met with long, recent, dated use -> high; listed only -> medium; related only -> low-medium;
    missing -> low. Requirements the resume cannot show either way (location, languages,
    authorisation) get a middling chance when missing: the interview simply has to ask.
    """
    lang = plan_language(job, language)
    reqs = {r.id: r for r in job.requirements}
    latest = _latest_use(profile)
    out = []
    for v in ranked.verdicts:
        req = reqs.get(v.requirement_id)
        kind = req.kind if req else v.requirement_id.split(":")[0]
        if kind == "skill":
            p, why = _skill_probability(v, _skill_of(profile, req.skill if req else None), latest)
            quote = skill_quote(profile, req, v) if req and v.status != "missing" else None
            evidence = [quote] if quote else []
        else:
            met, part, miss = _OTHER_P.get(kind, (0.85, 0.5, 0.4))
            p = {"met": met, "partial": part, "missing": miss}[v.status]
            why, evidence = v.how or v.status, list(v.evidence[:1])
        if lang == "zh":
            why = _reason_zh(why)
        reason = f"{v.status}: {why}" if lang == "en" else f"{_STATUS_ZH[v.status]}：{why}"
        out.append(RequirementForecast(requirement_id=v.requirement_id, label=v.label, required=v.required,
                                       status=v.status, probability=round(p, 2), reason=reason, evidence=evidence))
    return out


_STATUS_ZH = {"met": "符合", "partial": "部分符合", "missing": "缺失"}


def _reason_zh(why: str) -> str:
    why = re.sub(r"used in dated roles for (\d+) months", r"在有日期的工作经历中使用了\1个月", why)
    for a, b in (("up to the latest role", "一直用到最近一份工作"), ("listed without dated use in a role", "仅列出，未见于有日期的工作经历"),
                 ("not in the resume", "简历中没有"), ("only related experience", "只有相关经验"),
                 ("only the same family", "只有同类技能"), ("only partly shown", "只部分体现")):
        why = why.replace(a, b)
    return _how_zh(why)


# ----------------------------------------------------------------------------- questions
class _Draft:
    """A question before ordering: the question and how much doubt it addresses."""

    def __init__(self, q: Question, priority: float) -> None:
        self.q, self.priority = q, priority


def _pick_topic(family: str, want: int, used: set[str], prefer_high: bool, spread: int = 1) -> pt.Topic:
    """The unused topic nearest the wanted level: the skill's family first, then the generic one.

    A family whose free topics are all more than ``spread`` levels away gives way to the generic
    family, so a gap is never probed with a design-at-scale question only because the easier
    topics went to other skills.
    """
    pools = [pt.FAMILIES.get(family, []), pt.FAMILIES["generic"]]
    for n, pool in enumerate(pools):
        free = [(i, t) for i, t in enumerate(pool) if t.key not in used
                and (n == len(pools) - 1 or abs(t.level - want) <= spread)]
        if free:
            return min(free, key=lambda it: (abs(it[1].level - want), -it[1].level if prefer_high else it[1].level,
                                             it[0]))[1]
    return min(pools[1], key=lambda t: abs(t.level - want))


def _minutes(doubt: float, difficulty: int) -> int:
    return 3 + round(6 * doubt) + (1 if difficulty >= 5 else 0)


def _skill_question(req: Requirement, v: Verdict, fc: RequirementForecast, profile: Profile, lang: Language,
                    level: int, used: set[str], senior: bool, taxonomy: Taxonomy, deeper: bool = False) -> Question:
    skill, family = pt.skill_phrase(req.skill or req.label, taxonomy, lang)
    listed = v.status != "missing" and "listed" in v.how and _related_name(v.how) is None
    verify = v.status == "met" and not listed
    if verify:
        want = min(5, level + 1) if deeper else level
    elif v.status == "missing":  # fundamentals first: someone new to it is not asked for designs at scale
        want = max(1, min(level - 2, 2))
    else:
        want = max(1, min(level - 1, 3))
    topic = _pick_topic(family, want, used, prefer_high=senior or deeper, spread=2 if verify else 1)
    used.add(topic.key)
    ask = topic.text(lang, skill=skill)
    rubric = topic.rubric(lang, skill=skill)
    follow = [topic.follow(lang, skill=skill)]
    quote = fc.evidence[0] if fc.evidence else None
    said = " ".join(quote.text.split()) if quote else ""  # as read: a line wrap is a space
    pct = f"{round(100 * fc.probability)}%"
    need = ("必需" if req.required else "加分") if lang == "zh" else ("Required" if req.required else "Nice to have")
    kind: QuestionKind
    if verify and quote is not None:
        kind = "verify"
        text = (f"你的简历写道：“{said}”。请结合这段经历回答：{ask}" if lang == "zh"
                else f"Your resume says: “{said}”. Using that work as the example: {ask}")
        why = (f"{need}：{req.label}。简历证据：“{said}”（{_how_zh(v.how)}；预测 {pct}）。核实深度是否达到岗位要求。"
               if lang == "zh" else
               f"{need}: {req.label}. Resume evidence: “{said}” ({v.how}; forecast {pct}). Checks the depth the job needs.")
        rubric = rubric[:4] + (["细节与简历描述一致：本人角色、数字、时间"] if lang == "zh"
                               else ["Details match the resume claim: their own role, numbers, dates"])
    else:
        kind = "probe"
        rel = _related_name(v.how)
        if v.status == "missing" or (quote is None and not rel):
            lead = (f"该岗位需要{skill}，你的简历中没有提到。" if lang == "zh"
                    else f"The role needs {skill}, which your resume does not mention. ")
            follow.insert(0, f"如果没有用过{skill}：你用过哪些起相同作用的工具？你会如何快速上手？" if lang == "zh" else
                          f"If you have not used {skill}: what have you used for the same purpose, and how would you get up to speed?")
        elif listed:
            lead = (f"你的简历列出了{skill}，但没有看到在哪段工作中使用、用了多久。" if lang == "zh"
                    else f"Your resume lists {skill}, but no role or dates show it in use. ")
            follow.insert(0, f"你最近一次使用{skill}是什么时候？用在什么项目上？用了多久？" if lang == "zh" else
                          f"When did you last use {skill}, on what, and for how long?")
        else:
            shown = (f"（“{said}”）" if lang == "zh" else f" (“{said}”)") if quote else ""
            if rel:
                lead = (f"该岗位需要{skill}；你的简历显示的是相关的{rel}{shown}。" if lang == "zh"
                        else f"The role needs {skill}; your resume shows related experience with {rel}{shown}. ")
            else:
                lead = (f"该岗位需要{skill}；你的简历只部分体现了这一点{shown}。" if lang == "zh"
                        else f"The role needs {skill}; your resume shows it only in part{shown}. ")
            if rel:
                follow.insert(0, f"如果没有直接用过{skill}，请用{rel}回答，并说明你预计会有哪些不同。" if lang == "zh" else
                              f"If you have not used {skill} directly, answer for {rel} and tell me what you expect "
                              "to differ.")
        text = lead + ask
        gap = _how_zh(v.how) if lang == "zh" else v.how
        why = (f"{need}：{req.label}。差距：{gap}（预测 {pct}）。" if lang == "zh"
               else f"{need}: {req.label}. Gap: {gap} (forecast {pct}).")
    return Question(id="", kind=kind, text=text, why=why, requirement_id=req.id,
                    competency=topic.competency,  # type: ignore[arg-type]
                    difficulty=topic.level, rubric=rubric[:5], follow_ups=follow[:2],
                    evidence=[quote] if quote is not None else [], minutes=_minutes(fc.doubt, topic.level),
                    topic=topic.key)


def _theme_for(resp: str, used: set[str]) -> pt.Theme:
    low = resp.lower()
    hits = [t for t in pt.THEMES if any(c in low for c in t.cues)]
    fallback = [t for key in pt.THEME_FALLBACK for t in pt.THEMES if t.key == key]
    for t in hits + fallback:
        if t.key not in used:
            return t
    return pt.THEME_DEFAULT


def _behavioural(job: Job, lang: Language, level: int, senior: bool, n: int) -> list[Question]:
    resps = [r.value.strip().rstrip(".;。；").strip() for r in job.responsibilities if r.value.strip()]
    title = job.title.value if job.title else ("该岗位" if lang == "zh" else "this role")
    if not resps:
        resps = [f"负责{title}的核心工作" if lang == "zh" else f"own the core work of the {title} role"]
    used: set[str] = set()
    out = []
    skill_reqs = job.skill_requirements()
    for resp in resps:
        if len(out) >= n:
            break
        theme = _theme_for(resp, used)
        if theme.key in used:
            continue
        used.add(theme.key)
        text = (theme.zh if lang == "zh" else theme.en).format(resp=resp)
        if senior:
            text += theme.senior_zh if lang == "zh" else theme.senior_en
        rubric = list(theme.rubric_zh if lang == "zh" else theme.rubric_en)
        linked = next((r for r in skill_reqs if r.skill and r.skill.lower() in resp.lower()), None)
        why = (f"岗位职责：“{resp}”。需要过往行为证据（情境、任务、行动、结果）。" if lang == "zh"
               else f"Responsibility: “{resp}”. Asks for past behaviour (situation, task, action, result).")
        out.append(Question(id="", kind="behavioural", text=text, why=why,
                            requirement_id=linked.id if linked else None,
                            competency=theme.competency,  # type: ignore[arg-type]
                            difficulty=max(2, min(5, level)), rubric=rubric,
                            follow_ups=[theme.follow_zh if lang == "zh" else theme.follow_en], minutes=7,
                            topic=f"behavioural.{theme.key}"))
    return out


def _years_question(job: Job, v: Verdict, fc: RequirementForecast, profile: Profile, lang: Language) -> Question:
    need = job.min_years or 0
    have = profile.years_experience or 0
    kw = {"need": f"{need:g}", "have": f"{have:.1f}".rstrip("0").rstrip(".") or "0"}
    t = pt.YEARS
    pct = f"{round(100 * fc.probability)}%"
    why = (f"必需：{v.label}。差距：{_how_zh(v.how)}（预测 {pct}）。" if lang == "zh"
           else f"Required: {v.label}. Gap: {v.how} (forecast {pct}).")
    return Question(id="", kind="probe", text=t.text(lang, **kw), why=why, requirement_id=v.requirement_id,
                    competency=t.competency, difficulty=t.level,  # type: ignore[arg-type]
                    rubric=t.rubric(lang), follow_ups=[t.follow(lang)], minutes=_minutes(fc.doubt, t.level),
                    topic=t.key)


def _motivation(job: Job, lang: Language) -> Question:
    t = pt.MOTIVATION
    title = job.title.value if job.title else ("该" if lang == "zh" else "this")
    why = "了解动机与岗位是否匹配。" if lang == "zh" else "Checks that the candidate's motivation fits what the role offers."
    return Question(id="", kind="motivation", text=t.text(lang, title=title), why=why, competency=t.competency,  # type: ignore[arg-type]
                    difficulty=1, rubric=t.rubric(lang), follow_ups=[t.follow(lang)], minutes=3, topic=t.key)


def _flags_note(profile: Profile, lang: Language) -> str | None:
    flags = [f for f in profile.flags if f.kind in _REVIEW_FLAGS]
    if not flags:
        return None
    kinds = sorted({f.kind.value for f in flags})
    if lang == "zh":
        return (f"简历中有 {len(flags)} 处读者看不到的文字或类似指令的文字（{'、'.join(kinds)}）。"
                "这些文字未用于生成本面试计划；做决定前请人工查看。")
    return (f"The resume contains {len(flags)} span(s) of text a reader would not see or instruction-like text "
            f"({', '.join(kinds)}). It was not used for this plan; review it before any decision.")


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def pattern_questions(job: Job, profile: Profile, ranked: RankedCandidate, fcs: Sequence[RequirementForecast],
                      lang: Language, max_questions: int, taxonomy: Taxonomy | None = None,
                      skip_requirements: frozenset[str] = frozenset(), used_topics: set[str] | None = None) -> list[_Draft]:
    """The deterministic questions, each with its priority (doubt, weighted by how much it matters)."""
    tax = taxonomy or Taxonomy.default()
    level, senior = target_level(job), (job.seniority or "") in _SENIOR
    reqs = {r.id: r for r in job.requirements}
    by_id = {f.requirement_id: f for f in fcs}
    used = used_topics if used_topics is not None else set()
    skills = [(v, reqs[v.requirement_id], by_id[v.requirement_id]) for v in ranked.verdicts
              if v.requirement_id in reqs and reqs[v.requirement_id].kind == "skill"
              and v.requirement_id in by_id and v.requirement_id not in skip_requirements]
    required = sorted((s for s in skills if s[1].required), key=lambda s: -s[2].doubt)
    nice = sorted((s for s in skills if not s[1].required), key=lambda s: -s[2].doubt)
    drafts: list[_Draft] = []

    def room() -> int:
        return max_questions - len(drafts)

    for v, req, fc in required:
        if room() <= 0:
            break
        drafts.append(_Draft(_skill_question(req, v, fc, profile, lang, level, used, senior, tax), fc.doubt))
    years = next((v for v in ranked.verdicts if v.requirement_id == "years" and v.status != "met"), None)
    if years is not None and room() > 0 and "years" not in skip_requirements:
        fc = by_id.get("years")
        if fc is not None:
            drafts.append(_Draft(_years_question(job, years, fc, profile, lang), fc.doubt))
    n_behav = min(room() - 1 if room() > 2 else room(), 3 if senior else 2)
    for q in _behavioural(job, lang, level, senior, max(0, n_behav)):
        drafts.append(_Draft(q, 0.45))
    for v, req, fc in nice:
        if room() <= 1 or fc.doubt < 0.3:
            continue
        drafts.append(_Draft(_skill_question(req, v, fc, profile, lang, level, used, senior, tax), 0.6 * fc.doubt))
    # Time left: go deeper on the required skills the resume does show, most important first.
    for v, req, fc in sorted(required, key=lambda s: s[2].doubt):
        if room() <= 1:
            break
        if v.status == "met" and "listed" not in v.how:
            drafts.append(_Draft(_skill_question(req, v, fc, profile, lang, level, used, senior, tax, deeper=True),
                                 0.3 * fc.doubt + 0.05))
    if room() > 0:
        drafts.append(_Draft(_motivation(job, lang), 0.0))
    return drafts


def _finish(drafts: list[_Draft], max_questions: int) -> list[Question]:
    """Order by doubt (most first), drop repeated texts, number the questions."""
    seen: set[str] = set()
    out = []
    for i, d in sorted(enumerate(drafts), key=lambda x: (-x[1].priority, x[0])):
        key = _normal(d.q.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(d.q)
        if len(out) >= max_questions:
            break
    return [q.model_copy(update={"id": f"q{n}"}) for n, q in enumerate(out, start=1)]


# ----------------------------------------------------------------------------- the LLM path
_LLM_TASK = (
    "You design structured job interviews. Write interview questions for the job and candidate below. "
    "For each required skill write at least one question: kind 'verify' when the resume shows it (ask how they "
    "used it, at the depth the seniority needs), 'probe' when it is weak or missing. Add 'behavioural' questions "
    "(situation, task, action, result) tied to the responsibilities, and at most one 'motivation' question. "
    "Each question needs: why it is asked, 3-5 rubric points a strong answer covers, 1-2 follow-ups, a competency, "
    "a difficulty 1-5 and the requirement_id it tests (one of the ids given, or null). Spend most questions where "
    "the forecast probability is lowest. "
)


def _llm_messages(job: Job, profile: Profile, fcs: Sequence[RequirementForecast], lang: Language,
                  max_questions: int) -> list[dict[str, str]]:
    from shortlist.llm.prompts import SYSTEM_DATA_RULE, resume_block

    title = job.title.value if job.title else "(untitled)"
    lines = [f"Job title: {title}", f"Seniority: {job.seniority or 'not stated'}",
             f"Write every question in {'Simplified Chinese' if lang == 'zh' else 'English'}.",
             f"At most {max_questions} questions.",
             "Requirements (id | label | required | status in the resume | probability the candidate shows it):"]
    for f in fcs:
        lines.append(f"- {f.requirement_id} | {f.label} | {'required' if f.required else 'nice to have'} | "
                     f"{f.status} | {f.probability:.2f}")
    if job.responsibilities:
        lines.append("Responsibilities:")
        lines += [f"- {r.value}" for r in job.responsibilities]
    system = _LLM_TASK + SYSTEM_DATA_RULE
    return [{"role": "system", "content": system},
            {"role": "user", "content": "\n".join(lines) + "\n\n" + resume_block(profile)}]


def _llm_questions(llm, job: Job, profile: Profile, fcs: Sequence[RequirementForecast], lang: Language,
                   max_questions: int, retries: int) -> tuple[list[_Draft] | None, str | None]:
    from shortlist.llm.structured import generate_structured

    result = generate_structured(llm, _llm_messages(job, profile, fcs, lang, max_questions), LLMQuestionSet,
                                 retries=retries)
    if result.value is None:
        why = result.notes[-1] if result.notes else "no usable reply"
        return None, why
    ids = {r.id for r in job.requirements}
    by_id = {f.requirement_id: f for f in fcs}
    drafts = []
    for q in result.value.questions:
        rid = q.requirement_id if q.requirement_id in ids else None
        fc = by_id.get(rid) if rid else None
        doubt = fc.doubt if fc else (0.45 if q.kind == "behavioural" else 0.0 if q.kind == "motivation" else 0.3)
        weight = 1.0 if fc is None or fc.required else 0.6
        drafts.append(_Draft(Question(
            id="", kind=q.kind, text=q.text.strip(), why=q.why.strip(), requirement_id=rid,
            competency=q.competency, difficulty=q.difficulty, rubric=q.rubric[:5], follow_ups=q.follow_ups[:2],
            evidence=list(fc.evidence[:1]) if fc is not None and q.kind == "verify" else [],
            minutes=_minutes(doubt, q.difficulty) if q.kind in ("verify", "probe") else (3 if q.kind == "motivation" else 7),
            topic=f"llm.{q.kind}", source="llm"), weight * doubt))
    return drafts, None


# ----------------------------------------------------------------------------- entry point
def plan_interview(job: Job, profile: Profile, ranked: RankedCandidate | None = None, language: str | None = None,
                   llm=None, max_questions: int = 12, llm_retries: int | None = None,
                   taxonomy: Taxonomy | None = None) -> InterviewPlan:
    """An interview guide for one candidate and one job.

    ``ranked`` is the candidate's ``HybridRanker`` result for this job (computed here when not
    given). ``llm`` is a chat backend from ``shortlist.llm``; when it fails or is unreachable the
    built-in patterns write the questions and the plan says so in ``notes``.
    """
    if max_questions < 1:
        raise ValueError("max_questions must be at least 1")
    if ranked is None:
        from shortlist.match.rank import HybridRanker

        ranked = HybridRanker(taxonomy=taxonomy).rank(job, [profile])[0]
    lang = plan_language(job, language)
    fcs = forecast(job, profile, ranked, lang)
    notes: list[str] = []
    generator = "patterns"
    drafts: list[_Draft] | None = None
    if llm is not None:
        if llm_retries is None:
            from shortlist.settings import load_settings

            llm_retries = int(load_settings().get("llm_retries", 2))
        drafts, problem = _llm_questions(llm, job, profile, fcs, lang, max_questions, llm_retries)
        if drafts is None:
            notes.append(f"LLM unavailable: {problem}; questions generated by the built-in patterns"
                         if lang == "en" else f"LLM 不可用：{problem}；问题由内置模板生成")
        else:
            generator = f"llm:{getattr(llm, 'name', type(llm).__name__)}"
            covered = {q.q.requirement_id for q in drafts}
            missing = frozenset(r.id for r in job.skill_requirements(required=True) if r.id not in covered)
            if missing:
                budget = max(0, max_questions - len(drafts)) + len(missing)
                extra = pattern_questions(job, profile, ranked, fcs, lang, budget, taxonomy,
                                          skip_requirements=frozenset(r.id for r in job.requirements) - missing)
                extra = [d for d in extra if d.q.requirement_id in missing]
                # uncovered required skills outrank the model's lower-priority questions
                drafts = [_Draft(d.q, d.priority + 1.0) for d in extra] + drafts
                labels = ", ".join(sorted(r.split(":", 1)[-1] for r in missing))
                notes.append(f"The model left required skills without a question; built-in patterns added: {labels}"
                             if lang == "en" else f"模型未覆盖部分必需技能，已由内置模板补充：{labels}")
    if drafts is None:
        drafts = pattern_questions(job, profile, ranked, fcs, lang, max_questions, taxonomy)
    questions = _finish(drafts, max_questions)
    name = ranked.name if ranked.name is not None else None
    return InterviewPlan(job_title=job.title.value if job.title else None, candidate=name, language=lang,
                         seniority=job.seniority, generator=generator, questions=questions, forecast=fcs,
                         notes=notes, flags_note=_flags_note(profile, lang))


__all__ = ["forecast", "pattern_questions", "plan_interview", "plan_language", "skill_quote",
           "target_level"]
