"""Printable interview guides: Markdown and one self-contained HTML page.

The HTML has inline CSS, no scripts and no external URLs, and every value goes through
``html.escape`` (resume quotes and job text are data, never markup). Each question has room
for notes and a 0-5 score, so the printed page is the interviewer's score sheet.
"""
from __future__ import annotations

import html

from shortlist.interview.model import InterviewPlan, Question

_L = {
    "en": {
        "title": "Interview guide", "candidate": "Candidate", "job": "Job", "seniority": "Seniority",
        "generator": "Questions by", "minutes": "Planned time", "forecast": "Forecast from the resume",
        "req": "Requirement", "status": "Resume", "p": "Chance to show it", "reason": "Why",
        "questions": "Questions (most doubt first)", "why": "Why ask", "rubric": "A strong answer covers",
        "follow": "Follow-ups", "notes": "Notes", "score": "Score (0-5)", "kind": "Kind", "difficulty": "Difficulty",
        "competency": "Competency", "min": "min", "flags": "Review", "advice": "Advice only: a person decides.",
        "required": "required", "nice": "nice to have", "not_stated": "not stated", "na": "(not named)",
        "total": "Total score", "kinds": {"verify": "verify", "probe": "probe", "behavioural": "behavioural",
                                          "motivation": "motivation"},
        "status_v": {"met": "met", "partial": "partial", "missing": "missing"},
    },
    "zh": {
        "title": "面试指南", "candidate": "候选人", "job": "岗位", "seniority": "级别", "generator": "问题来源",
        "minutes": "计划用时", "forecast": "基于简历的预测", "req": "要求", "status": "简历情况", "p": "面试中体现的可能性",
        "reason": "依据", "questions": "问题（按疑问程度排序）", "why": "提问原因", "rubric": "优秀回答应包括",
        "follow": "追问", "notes": "记录", "score": "评分（0-5）", "kind": "类型", "difficulty": "难度",
        "competency": "能力", "min": "分钟", "flags": "需人工查看", "advice": "仅供参考：由人来做决定。",
        "required": "必需", "nice": "加分", "not_stated": "未注明", "na": "（未署名）", "total": "总分",
        "kinds": {"verify": "核实", "probe": "探查", "behavioural": "行为", "motivation": "动机"},
        "status_v": {"met": "符合", "partial": "部分符合", "missing": "缺失"},
    },
}
_COMPETENCY_ZH = {
    "technical_depth": "技术深度", "problem_solving": "解决问题", "system_design": "系统设计", "communication": "沟通",
    "collaboration": "协作", "ownership": "主人翁意识", "leadership": "领导力", "learning": "学习", "domain_knowledge": "专业知识",
}


def _competency(q: Question, lang: str) -> str:
    return _COMPETENCY_ZH.get(q.competency, q.competency) if lang == "zh" else q.competency.replace("_", " ")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(plan: InterviewPlan) -> str:
    """A guide to print or paste: header, forecast table, then each question with its rubric."""
    t = _L[plan.language]
    out = [f"# {t['title']}: {plan.job_title or ''}".rstrip(), ""]
    out.append(f"- {t['candidate']}: {plan.candidate or t['na']}")
    out.append(f"- {t['seniority']}: {plan.seniority or t['not_stated']}")
    out.append(f"- {t['generator']}: {plan.generator}")
    out.append(f"- {t['minutes']}: {plan.total_minutes} {t['min']}")
    out.append(f"- {t['advice']}")
    if plan.flags_note:
        out += ["", f"> **{t['flags']}:** {plan.flags_note}"]
    for n in plan.notes:
        out += ["", f"> {n}"]
    out += ["", f"## {t['forecast']}", "", f"| {t['req']} | {t['status']} | {t['p']} | {t['reason']} |", "|---|---|---|---|"]
    for f in sorted(plan.forecast, key=lambda f: (not f.required, f.probability)):
        need = t["required"] if f.required else t["nice"]
        out.append(f"| {_md_cell(f.label)} ({need}) | {t['status_v'][f.status]} | {round(100 * f.probability)}% | "
                   f"{_md_cell(f.reason)} |")
    out += ["", f"## {t['questions']}", ""]
    for q in plan.questions:
        out.append(f"### {q.id}. [{t['kinds'][q.kind]}] {_competency(q, plan.language)}, "
                   f"{t['difficulty']} {q.difficulty}/5, {q.minutes} {t['min']}")
        out += ["", q.text, "", f"*{t['why']}:* {q.why}", "", f"*{t['rubric']}:*", ""]
        out += [f"- [ ] {r}" for r in q.rubric]
        if q.follow_ups:
            out += ["", f"*{t['follow']}:*", ""] + [f"- {f}" for f in q.follow_ups]
        out += ["", f"{t['notes']}: ______________________________________________", "",
                f"{t['score']}: 0 / 1 / 2 / 3 / 4 / 5", ""]
    out += [f"**{t['total']}:** ______ / {5 * len(plan.questions)}", ""]
    return "\n".join(out)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;max-width:52rem;
margin:1.5rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:1.6rem}
.meta{color:#444;font-size:.92rem}.note{background:#f4f4f4;border-left:4px solid #888;padding:.4rem .7rem;margin:.6rem 0}
.flag{background:#fff4e0;border-left:4px solid #d98a00;padding:.4rem .7rem;margin:.6rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;
vertical-align:top}th{background:#f0f0f0}.p-low{color:#a40000;font-weight:600}.p-mid{color:#8a5a00}.p-high{color:#1d6b1d}
.q{border:1px solid #bbb;border-radius:4px;padding:.6rem .8rem;margin:1rem 0;page-break-inside:avoid}
.qhead{font-size:.85rem;color:#555}.qtext{font-size:1.05rem;font-weight:600;margin:.3rem 0}.why{font-size:.88rem;color:#444}
ul.rubric{list-style:none;padding-left:.2rem}ul.rubric li:before{content:"\\2610\\00a0"}
.notes{border:1px dashed #999;min-height:4.5rem;margin:.5rem 0;padding:.3rem;color:#888;font-size:.8rem}
.score span{display:inline-block;border:1px solid #666;border-radius:50%;width:1.6rem;height:1.6rem;line-height:1.6rem;
text-align:center;margin-right:.35rem}
@media print{body{margin:0;max-width:none}.q{border-color:#777}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _p_class(p: float) -> str:
    return "p-low" if p < 0.4 else ("p-mid" if p < 0.7 else "p-high")


def to_html(plan: InterviewPlan) -> str:
    """One printable page: no scripts, no external resources, every value escaped."""
    t = _L[plan.language]
    lang = "zh-CN" if plan.language == "zh" else "en"
    parts = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
             f"<title>{_e(t['title'])}: {_e(plan.job_title or '')}</title><style>{_CSS}</style></head><body>",
             f"<h1>{_e(t['title'])}: {_e(plan.job_title or '')}</h1>",
             (f'<p class="meta">{_e(t["candidate"])}: {_e(plan.candidate or t["na"])} · {_e(t["seniority"])}: '
              f'{_e(plan.seniority or t["not_stated"])} · {_e(t["generator"])}: {_e(plan.generator)} · '
              f'{_e(t["minutes"])}: {plan.total_minutes} {_e(t["min"])}<br>{_e(t["advice"])}</p>')]
    if plan.flags_note:
        parts.append(f'<div class="flag"><strong>{_e(t["flags"])}:</strong> {_e(plan.flags_note)}</div>')
    parts += [f'<div class="note">{_e(n)}</div>' for n in plan.notes]
    parts.append(f"<h2>{_e(t['forecast'])}</h2><table><thead><tr><th>{_e(t['req'])}</th><th>{_e(t['status'])}</th>"
                 f"<th>{_e(t['p'])}</th><th>{_e(t['reason'])}</th></tr></thead><tbody>")
    for f in sorted(plan.forecast, key=lambda f: (not f.required, f.probability)):
        need = t["required"] if f.required else t["nice"]
        parts.append(f"<tr><td>{_e(f.label)} <small>({_e(need)})</small></td><td>{_e(t['status_v'][f.status])}</td>"
                     f'<td class="{_p_class(f.probability)}">{round(100 * f.probability)}%</td><td>{_e(f.reason)}</td></tr>')
    parts.append(f"</tbody></table><h2>{_e(t['questions'])}</h2>")
    for q in plan.questions:
        parts.append(
            f'<div class="q"><div class="qhead">{_e(q.id)} · {_e(t["kinds"][q.kind])} · {_e(_competency(q, plan.language))}'
            f' · {_e(t["difficulty"])} {q.difficulty}/5 · {q.minutes} {_e(t["min"])}</div>'
            f'<div class="qtext">{_e(q.text)}</div><div class="why"><em>{_e(t["why"])}:</em> {_e(q.why)}</div>'
            f'<p><em>{_e(t["rubric"])}:</em></p><ul class="rubric">'
            + "".join(f"<li>{_e(r)}</li>" for r in q.rubric) + "</ul>")
        if q.follow_ups:
            parts.append(f"<p><em>{_e(t['follow'])}:</em></p><ul>" + "".join(f"<li>{_e(x)}</li>" for x in q.follow_ups)
                         + "</ul>")
        parts.append(f'<div class="notes">{_e(t["notes"])}</div><div class="score">{_e(t["score"])}: '
                     + "".join(f"<span>{i}</span>" for i in range(6)) + "</div></div>")
    parts.append(f"<p><strong>{_e(t['total'])}:</strong> ______ / {5 * len(plan.questions)}</p></body></html>")
    return "".join(parts)
