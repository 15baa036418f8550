"""Section headings (English and Chinese) and the spans of the sections they open."""
from __future__ import annotations

import re

from shortlist.profile.lang import has_cjk
from shortlist.profile.model import Section
from shortlist.profile.spans import Line

# Normalised heading text (lower case, decorations stripped) -> section name.
_LEXICON: dict[str, str] = {
    "summary": (
        r"summary|professional summary|career summary|executive summary|summary of qualifications?"
        r"|profile|professional profile|career profile|personal profile|about me|about"
        r"|introduction|overview|personal statement|personal summary|synopsis|key qualifications|qualifications summary"
        r"|highlights|career highlights|自我评价|个人评价|自我介绍|个人简介|个人总结|个人优势"
    ),
    "objective": r"objectives?|career objective|professional objective|job objective|职业目标|求职意向|求职目标",
    "education": (
        r"education|educational background|education background|education and training|education & training"
        r"|education details|educational details|educational qualifications?|academic background"
        r"|academic qualifications?|academic credentials|academics|qualifications?|academic profile"
        r"|education history|education (?:and|&) credentials|academic studies|academic degrees|education and professional qualifications?|教育背景|教育经历|学历|学习经历|学历背景|教育情况"
    ),
    "work": (
        r"experience|work experience|professional experience|employment history|employment|work history"
        r"|career history|career experience|job history|relevant experience|employment record|work record"
        r"|professional history|positions held|professional employment|relevant work experience|experience record|professional background|job history"
        r"|internships?|internship experience|experience summary|working experience|work & experience"
        r"|academic and professional experience|teaching experience|(?!(?:volunteer|research|project|i|my|we|have|has|had|years?|of|with|in|and|the|more|no|some)\b)"
        r"(?:[a-z/&,\-]+ ){0,4}experience"
        r"|highlights of (?:professional )?experience|(?:[a-z]+ ){0,2}(?:positions|placements|traineeships?)"
        r"|academic career|student teaching|early career|工作经历|工作经验|实习经历|实习经验"
        r"|工作履历|职业经历|工作背景|任职经历|从业经历|工作经历及项目"
    ),
    "projects": (
        r"projects?|project experience|projects? undertaken|academic projects?|personal projects?"
        r"|key projects|project details|项目经验|项目经历|项目介绍|主要项目"
    ),
    "skills": (
        r"skills|skill set|skillset|technical skills|key skills|core skills|core competenc(?:y|ies)"
        r"|competenc(?:y|ies)|areas of expertise|expertise|technical expertise|technologies|tech stack"
        r"|technical proficiency|it skills|computer skills|professional skills|technical tools|tools"
        r"|summary of skills|skills summary|personal skills|relevant skills|other skills|special skills|key strengths|technical skill set"
        r"|专业技能|技能特长|个人技能|技能|职业技能|技能证书|专业能力|技术栈|技术能力|IT技能|技能清单|掌握技能"
    ),
    "certifications": (
        r"certifications?|certificates?|licenses?|licenses and certifications|certifications and licenses"
        r"|licenses & certifications|certifications & licenses|professional certifications?|证书|资格证书|获得证书|职业资格"
    ),
    "languages": r"languages?|language skills|language proficiency|languages known|语言能力|语言|外语能力|语言技能",
    "awards": (
        r"awards?|honou?rs|awards and honou?rs|honou?rs and awards|awards & honou?rs|achievements"
        r"|accomplishments|获奖情况|获奖经历|荣誉奖项|所获荣誉|奖励情况|荣誉证书|校内荣誉"
    ),
    "interests": r"interests|hobbies|hobbies and interests|hobbies & interests|personal interests|兴趣爱好|爱好|兴趣",
    "publications": r"publications?|papers|research|research experience|发表论文|论文|科研经历",
    "references": r"references?|referees",
    "volunteer": r"volunteer(?:ing)?|volunteer experience|community service|志愿者经历|社会实践|志愿经历",
    "activities": (
        r"activities|extracurricular activities|extra[- ]curricular activities|leadership|校园经历"
        r"|在校经历|社团经历|学生工作|校内实践|(?:professional )?(?:affiliations|memberships|associations)"
    ),
    "training": r"trainings?|courses|coursework|relevant coursework|professional development|培训经历|培训经验",
    "personal": (
        r"personal (?:information|details|data)|personal info|contact|contact information|contact details"
        r"|基本信息|个人信息|个人资料|联系方式"
    ),
    "additional": r"additional information|additional|other information|other|其他|其他信息|附加信息",
    "links": r"links|online profiles",
}
_HEADING = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _LEXICON.items()), re.IGNORECASE)
# Headings set in letter-spaced or small-caps type lose their word shapes in extraction
# ("E D U C AT IO N", "P ROFESSIONAL E XPERIENCE"): matched with every blank dropped.
_HEADING_NOSPACE = re.compile(
    "|".join(f"(?P<{name}>{pat.replace(' ', '')})" for name, pat in _LEXICON.items()), re.IGNORECASE
)
_LONE_LETTER = re.compile(r"(?:^|\s)[A-Za-z](?=\s)")
_DECOR_LEAD = re.compile(r"^[\s#*=_•·●■□◆◇▶►>|/【\[(（<《「『\-–—~\"']+")
_DECOR_TRAIL = re.compile(r"[\s:：*=_|】\])）>》」』\-–—~.]+$")
_BULLET = re.compile(r"^[•·●■◆▪‣\-*–✓✔➢►>]")
_MAX_HEADING = 48


_SPACES = re.compile(r"\s+")


def _normalise(s: str) -> str:
    s = _DECOR_TRAIL.sub("", _DECOR_LEAD.sub("", s))
    return _SPACES.sub(" ", s).strip().lower()


def heading_name(line: str) -> str | None:
    """Section name when ``line`` is a heading on its own ("EDUCATION", "【教育背景】")."""
    if not line or len(line) > _MAX_HEADING or _BULLET.match(line):
        return None
    norm = _normalise(line)
    if not norm:
        return None
    found = _lookup(norm)
    if found is None and len(_LONE_LETTER.findall(norm)) >= 2:
        m = _HEADING_NOSPACE.fullmatch(norm.replace(" ", ""))
        found = m.lastgroup if m else None
    if found is None and len(norm) <= 40:
        # "Career Experience/Job History", "Education & Training": every part a heading.
        parts = [x for x in _JOINER.split(norm) if x]
        if len(parts) > 1 and all(_lookup(x) for x in parts):  # stops at the first non-heading part
            found = _lookup(parts[0])
    return found


_JOINER = re.compile(r"\s*(?:/|&|\band\b|,|、|及|与|和)\s*")


def _lookup(norm: str) -> str | None:
    m = _HEADING.fullmatch(norm)
    return m.lastgroup if m else None


_INLINE = re.compile(r"^([^:：\n]{2,30})[:：]\s*\S")


def inline_heading(line: str) -> tuple[str, int] | None:
    """("skills", offset of content) for "Skills: Python, SQL"; None otherwise."""
    if ":" not in line and "：" not in line:
        return None  # _INLINE needs a colon
    if _BULLET.match(line):
        return None
    m = _INLINE.match(line)
    if not m:
        return None
    name = heading_name(m.group(1))
    if name is None:
        return None
    return name, m.end(1)


# "求职意向：产品经理" is a field of the header, not the start of a section.
_INLINE_NEVER = {"projects", "work", "personal", "links", "additional", "references", "objective"}


def _inline_opens_section(name: str, label: str, current: str | None) -> bool:
    """Whether "Label: content" starts a section rather than labelling a line of one.

    Inside a job or project, "Technologies: Java" or "Project: Billing" describe the entry,
    and "Languages: Java, C++" inside a skills list is a skills line.
    """
    if name in _INLINE_NEVER:
        return False
    if name == "languages" and current == "skills":
        return False
    if current in ("work", "projects", "education") and not (label.isupper() or has_cjk(label)):
        return False
    return True


def detect_sections(text: str, lines: list[Line]) -> list[Section]:
    """Sections in order; text before the first heading becomes a "contact" section."""
    marks: list[tuple[int, str, str]] = []  # (start, name, heading as written)
    current: str | None = None
    for line in lines:
        if line.blank:
            continue
        name = heading_name(line.text)
        heading = line.text
        if name is None:
            hit = inline_heading(line.text)
            if hit and _inline_opens_section(hit[0], line.text[:hit[1]], current):
                name, cut = hit
                heading = line.text[:cut]
        if name is None:
            continue
        marks.append((line.start, name, heading.strip()))
        current = name
    sections: list[Section] = []
    first = marks[0][0] if marks else len(text)
    if text[:first].strip():
        sections.append(Section(name="contact", heading="", start=0, end=first))
    for i, (start, name, heading) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        sections.append(Section(name=name, heading=heading, start=start, end=end))
    return sections

