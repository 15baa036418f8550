"""Synthetic Chinese resumes with known fields, for measuring the Chinese parser.

No public Chinese resume set has whole-document field labels, so we write our own: every
resume here is generated from word lists written for this project, seeded and
deterministic, and comes with the answers (name, phone, education, jobs, skills...). The
layouts copy what Chinese resumes really look like: a 个人信息 block with "姓名：" labels or
the name alone on the first line, "key：value" pairs two to a line, sections in varied order
and under varied headings, and the date styles 2015.09-2019.06 / 2015年9月-2019年6月 /
2015/09 - 2019/06 / 至今.

A resume is a list of ``Line`` objects so that the text, PDF and DOCX renderers agree on
content while each can lay it out natively (key/value pairs become a table in DOCX and two
columns in PDF).
"""
from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# ---------------------------------------------------------------- word lists (our own)

SURNAMES: dict[str, str] = {
    "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang",
    "赵": "zhao", "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu",
    "胡": "hu", "郭": "guo", "何": "he", "高": "gao", "林": "lin", "罗": "luo", "郑": "zheng",
    "梁": "liang", "谢": "xie", "宋": "song", "唐": "tang", "韩": "han", "冯": "feng", "邓": "deng",
    "曹": "cao", "彭": "peng", "曾": "zeng", "肖": "xiao", "田": "tian", "董": "dong", "袁": "yuan",
    "潘": "pan", "蒋": "jiang", "蔡": "cai", "余": "yu", "杜": "du", "叶": "ye", "程": "cheng",
    "苏": "su", "魏": "wei", "吕": "lv", "丁": "ding", "任": "ren", "沈": "shen", "姚": "yao",
    "卢": "lu", "崔": "cui", "钟": "zhong", "谭": "tan", "陆": "lu", "范": "fan", "金": "jin",
    "石": "shi", "廖": "liao", "贾": "jia", "夏": "xia", "方": "fang", "白": "bai", "孟": "meng",
    "秦": "qin", "江": "jiang", "薛": "xue", "雷": "lei", "龙": "long", "欧阳": "ouyang", "司马": "sima",
    "上官": "shangguan",
}
GIVEN: dict[str, str] = {
    "伟": "wei", "芳": "fang", "娜": "na", "敏": "min", "静": "jing", "磊": "lei", "洋": "yang",
    "勇": "yong", "艳": "yan", "杰": "jie", "娟": "juan", "涛": "tao", "明": "ming", "超": "chao",
    "秀": "xiu", "霞": "xia", "平": "ping", "刚": "gang", "桂": "gui", "英": "ying", "华": "hua",
    "文": "wen", "军": "jun", "玲": "ling", "鹏": "peng", "宇": "yu", "浩": "hao", "然": "ran",
    "子": "zi", "轩": "xuan", "梓": "zi", "涵": "han", "欣": "xin", "怡": "yi", "晨": "chen",
    "睿": "rui", "博": "bo", "思": "si", "佳": "jia", "琪": "qi", "嘉": "jia", "俊": "jun",
    "雨": "yu", "婷": "ting", "凯": "kai", "瑞": "rui", "晓": "xiao", "东": "dong", "志": "zhi",
    "强": "qiang", "丽": "li", "飞": "fei", "昊": "hao", "天": "tian", "一": "yi", "鑫": "xin",
    "海": "hai", "雪": "xue", "阳": "yang", "亮": "liang", "倩": "qian", "帆": "fan", "楠": "nan",
}
CITIES = ["北京", "上海", "深圳", "广州", "杭州", "成都", "南京", "武汉", "西安", "苏州", "厦门", "长沙"]
SCHOOLS = [
    "北京理工大学", "华中科技大学", "武汉大学", "浙江大学", "南京大学", "复旦大学", "同济大学",
    "中山大学", "电子科技大学", "西安电子科技大学", "北京邮电大学", "哈尔滨工业大学", "四川大学",
    "东南大学", "厦门大学", "湖南大学", "华南理工大学", "山东大学", "吉林大学", "重庆大学",
    "南京邮电大学", "杭州电子科技大学", "深圳大学", "上海交通大学", "天津大学", "大连理工大学",
    "北京航空航天大学", "中南大学", "西北工业大学", "苏州大学",
]
COLLEGES = ["深圳职业技术学院", "南京工业职业技术学院", "武汉职业技术学院", "杭州职业技术学院"]
MAJORS = [
    "计算机科学与技术", "软件工程", "信息管理与信息系统", "电子信息工程", "通信工程", "统计学",
    "数学与应用数学", "网络工程", "自动化", "数据科学与大数据技术", "人工智能", "应用统计",
]
COMPANY_WORDS = [
    "云栈", "星图", "数澜", "青禾", "墨石", "蓝鲸", "千帆", "锐思", "融汇", "启明", "远景", "极客",
    "晨曦", "鼎新", "汇智", "明道", "易联", "华微", "智行", "合众", "拓维", "星河", "睿科", "点石",
]
COMPANY_SUFFIX = ["科技有限公司", "网络科技有限公司", "信息技术有限公司", "软件股份有限公司",
                  "数据科技有限公司", "信息技术股份有限公司"]

Role = Literal["backend", "data", "frontend", "qa", "ops"]
TITLES: dict[str, list[str]] = {
    "backend": ["Java开发工程师", "后端开发工程师", "高级后端开发工程师", "Go开发工程师", "服务端开发工程师"],
    "data": ["数据分析师", "高级数据分析师", "数据挖掘工程师", "商业分析师"],
    "frontend": ["前端开发工程师", "Web前端工程师", "高级前端工程师"],
    "qa": ["测试工程师", "软件测试工程师", "测试开发工程师"],
    "ops": ["运维工程师", "SRE工程师", "DevOps工程师"],
}
SKILLS: dict[str, list[str]] = {
    "backend": ["Java", "Spring Boot", "MySQL", "Redis", "Kafka", "Go", "Kubernetes", "Docker", "Linux",
                "微服务", "MyBatis", "Elasticsearch"],
    "data": ["Python", "SQL", "Hive", "Spark", "Tableau", "Excel", "Pandas", "机器学习", "数据可视化", "MySQL"],
    "frontend": ["JavaScript", "TypeScript", "React", "Vue", "HTML", "CSS", "Webpack", "Node.js", "微信小程序"],
    "qa": ["Selenium", "JMeter", "Python", "Postman", "自动化测试", "Linux", "MySQL", "Jenkins"],
    "ops": ["Linux", "Shell", "Ansible", "Prometheus", "Kubernetes", "Docker", "Nginx", "Python", "Jenkins"],
}
DUTIES: dict[str, list[str]] = {
    "backend": ["负责订单系统的设计与开发，支撑日均百万级请求", "参与微服务拆分，降低核心接口响应时间",
                "负责数据库表结构设计与慢查询优化", "编写技术文档并指导新人"],
    "data": ["搭建业务指标体系，输出周报与专题分析", "负责用户增长分析，设计并评估A/B实验",
             "与产品团队合作定位转化率下降原因", "维护数据看板，提升报表自动化程度"],
    "frontend": ["负责商城H5页面与管理后台开发", "推动组件库建设，提升页面复用率",
                 "优化首屏加载速度", "与后端协作定义接口规范"],
    "qa": ["负责核心业务的功能测试与回归测试", "搭建接口自动化测试框架", "编写测试用例并跟踪缺陷",
           "参与性能测试，输出压测报告"],
    "ops": ["负责线上服务器的部署与监控", "搭建容器化平台，推动服务上云", "编写自动化运维脚本",
            "处理线上故障并编写复盘报告"],
}
DEPARTMENTS = ["技术部", "研发中心", "数据部", "平台技术部", "基础架构部", "产品研发部"]
PROJECTS: dict[str, list[tuple[str, str]]] = {
    "backend": [("订单中心重构", "将单体订单模块拆分为独立服务，支持灰度发布"),
                ("支付对账平台", "对接多家支付渠道，实现T+1自动对账")],
    "data": [("用户流失预警", "基于行为数据构建流失预测模型，按周输出高风险名单"),
             ("经营分析看板", "整合销售与库存数据，提供日报和异常提醒")],
    "frontend": [("商家管理后台", "基于组件化方案重写后台页面，统一交互规范"),
                 ("营销活动页搭建平台", "运营人员可通过拖拽配置活动页面")],
    "qa": [("接口自动化平台", "支持用例管理、定时执行与报告推送"),
           ("核心链路压测", "模拟大促流量，定位性能瓶颈")],
    "ops": [("容器化迁移", "将虚拟机上的服务迁移到容器平台，统一发布流程"),
            ("监控告警体系建设", "统一指标采集与告警规则，减少无效告警")],
}
COURSES = ["数据结构", "操作系统", "计算机网络", "数据库原理", "概率论与数理统计", "线性代数", "编译原理"]
LEVELS: dict[str, tuple[str, int]] = {  # 学历 -> (DegreeLevel value, usual years of study)
    "大专": ("associate", 3), "本科": ("bachelor", 4), "硕士": ("master", 3), "博士": ("doctorate", 4),
}
PHONE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                  "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "185", "186",
                  "187", "188", "189", "191", "198", "199"]
EMAIL_DOMAINS = ["163.com", "126.com", "qq.com", "gmail.com", "outlook.com", "foxmail.com"]


# ---------------------------------------------------------------- the answers

@dataclass
class EduTruth:
    school: str
    major: str
    degree: str  # as written: 本科
    level: str  # DegreeLevel value
    start: str  # YYYY-MM
    end: str


@dataclass
class WorkTruth:
    company: str
    title: str
    start: str
    end: str | None  # None = 至今
    duties: list[str]

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass
class Line:
    """One rendered line. ``kv`` lines hold label/value pairs laid out side by side."""

    kind: Literal["heading", "text", "kv", "blank"]
    text: str = ""
    pairs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ZhResume:
    ident: str
    name: str
    gender: str | None  # None when the resume does not state it
    phone_e164: str
    phone_written: str
    email: str
    city: str
    role: str
    education: list[EduTruth]
    work: list[WorkTruth]
    skills: list[str]  # as written
    layout: str
    lines: list[Line]

    @property
    def text(self) -> str:
        return render_text(self.lines)

    def years_experience(self, today: _dt.date) -> float:
        return work_years(self.work, today)


def _months(ym: str) -> int:
    year, month = ym.split("-")
    return int(year) * 12 + int(month)


def _ym(index: int) -> str:
    """Inverse of ``_months``."""
    return f"{(index - 1) // 12:04d}-{(index - 1) % 12 + 1:02d}"


def work_years(work: list[WorkTruth], today: _dt.date) -> float:
    """Years covered by at least one job, counting both the first and the last month of each
    ("2020.01-2020.12" is 12 months) and a month shared by two jobs once; 至今 runs to ``today``."""
    now = f"{today.year:04d}-{today.month:02d}"
    months = {m for j in work for m in range(_months(j.start), _months(j.end or now) + 1)}
    return round(len(months) / 12, 2)


# ---------------------------------------------------------------- formatting helpers

def _fmt_date(ym: str | None, style: int, rng: random.Random) -> str:
    if ym is None:
        return rng.choice(["至今", "至今", "至今", "今", "现在"])
    y, m = ym.split("-")
    if style == 0:
        return f"{y}.{m}"
    if style == 1:
        return f"{y}年{int(m)}月"
    if style == 2:
        return f"{y}/{m}"
    return f"{y}-{m}"


def _fmt_range(start: str, end: str | None, rng: random.Random) -> str:
    style = rng.randrange(4)
    sep = {0: rng.choice(["-", " - ", "—"]), 1: rng.choice(["-", " - ", "至"]),
           2: " - ", 3: rng.choice([" ~ ", " 至 "])}[style]
    if end is None and "至" in sep:
        sep = " - "
    return f"{_fmt_date(start, style, rng)}{sep}{_fmt_date(end, style, rng)}"


def _fmt_phone(digits: str, rng: random.Random) -> str:
    a, b, c = digits[:3], digits[3:7], digits[7:]
    return rng.choice([
        digits, f"{a}-{b}-{c}", f"{a} {b} {c}", f"+86 {a} {b} {c}", f"+86-{digits}", f"(+86) {a}-{b}-{c}",
        f"+86 {digits}",
    ])


def _skill_lines(skills: list[str], rng: random.Random) -> list[str]:
    """Skills written the way Chinese resumes write them: 熟悉X、Y，了解Z; numbered; or a list."""
    style = rng.randrange(3)
    if style == 0:
        cut = max(1, len(skills) - rng.randint(1, 2))
        strong, weak = skills[:cut], skills[cut:]
        line = f"熟悉{'、'.join(strong)}"
        if weak:
            line += f"，了解{'、'.join(weak)}"
        return [line + "。"]
    if style == 1:
        out = []
        verbs = ["精通", "熟悉", "熟练使用", "掌握", "了解"]
        for i in range(0, len(skills), 2):
            chunk = skills[i:i + 2]
            tail = rng.choice(["，有实际项目经验", "", "，能独立完成开发", "等"])
            out.append(f"{i // 2 + 1}. {rng.choice(verbs)}{'、'.join(chunk)}{tail}")
        return out
    return [rng.choice(["技术栈：", "技能："]) + rng.choice([" / ", "、", "，"]).join(skills)]


# ---------------------------------------------------------------- generation

def _person(rng: random.Random) -> tuple[str, str, str]:
    surname = rng.choice(list(SURNAMES))
    given = "".join(rng.sample(list(GIVEN), rng.choice([1, 2, 2, 2])))
    name = surname + given
    py_given = "".join(GIVEN[c] for c in given)
    handle = rng.choice([
        f"{SURNAMES[surname]}{py_given}", f"{py_given}.{SURNAMES[surname]}",
        f"{SURNAMES[surname]}_{py_given}{rng.randint(1, 99)}", f"{py_given}{rng.randint(1985, 2001)}",
    ])
    domain = rng.choice(EMAIL_DOMAINS)
    if domain == "qq.com" and rng.random() < 0.5:
        handle = str(rng.randint(10_000_000, 2_999_999_999))
    return name, f"{handle}@{domain}", rng.choice(["男", "女"])


def _education(rng: random.Random) -> list[EduTruth]:
    top = rng.choices(["大专", "本科", "硕士", "博士"], weights=[1, 6, 3, 1])[0]
    chain = {"大专": ["大专"], "本科": ["本科"], "硕士": ["本科", "硕士"], "博士": ["本科", "硕士", "博士"]}[top]
    year = rng.randint(2004, 2017 - 3 * (len(chain) - 1))
    entries = []
    for degree in chain:
        level, span = LEVELS[degree]
        school = rng.choice(COLLEGES if degree == "大专" else SCHOOLS)
        start, end = f"{year}-09", f"{year + span}-{rng.choice(['06', '07'])}"
        entries.append(EduTruth(school, rng.choice(MAJORS), degree, level, start, end))
        year += span
    return entries


def _work(rng: random.Random, role: str, graduated: str, today: _dt.date) -> list[WorkTruth]:
    y, m = map(int, graduated.split("-"))
    cursor = y * 12 + (m - 1) + rng.randint(0, 3)
    last = today.year * 12 + today.month - 1 - 6
    jobs: list[WorkTruth] = []
    used: set[str] = set()
    while cursor < last and len(jobs) < 4:
        length = rng.randint(14, 48)
        end = cursor + length
        current = end >= last or (len(jobs) >= 1 and rng.random() < 0.35)
        company = ""
        while not company or company in used:
            company = rng.choice(CITIES) + rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_SUFFIX)
        used.add(company)
        start = f"{cursor // 12:04d}-{cursor % 12 + 1:02d}"
        stop = None if current else f"{end // 12:04d}-{end % 12 + 1:02d}"
        duties = rng.sample(DUTIES[role], rng.randint(1, 3))
        jobs.append(WorkTruth(company, rng.choice(TITLES[role]), start, stop, duties))
        if current:
            break
        cursor = end + rng.randint(0, 2)
    return list(reversed(jobs))  # newest first, as resumes list them


def _edu_lines(edu: list[EduTruth], rng: random.Random) -> list[Line]:
    style = rng.randrange(3)
    out: list[Line] = []
    for e in sorted(edu, key=lambda x: x.start, reverse=True):
        dates = _fmt_range(e.start, e.end, rng)
        if style == 0:
            out.append(Line("text", f"{dates}    {e.school}    {e.major}    {e.degree}"))
        elif style == 1:
            out.append(Line("text", f"{e.school} | {e.major} | {e.degree} | {dates}"))
        else:
            out.append(Line("text", f"{e.school}    {e.degree}"))
            out.append(Line("text", f"专业：{e.major}    {dates}"))
        if rng.random() < 0.25:
            out.append(Line("text", "主修课程：" + "、".join(rng.sample(COURSES, 4))))
    return out


def _work_lines(work: list[WorkTruth], rng: random.Random) -> list[Line]:
    style = rng.randrange(3)
    out: list[Line] = []
    for job in work:
        dates = _fmt_range(job.start, job.end, rng)
        if style == 0:
            out.append(Line("text", f"{dates}    {job.company}    {job.title}"))
        elif style == 1:
            dept = f" | {rng.choice(DEPARTMENTS)}" if rng.random() < 0.3 else ""
            out.append(Line("text", f"{job.company}{dept} | {job.title} | {dates}"))
        else:
            out.append(Line("text", f"公司：{job.company}"))
            out.append(Line("text", f"职位：{job.title}"))
            out.append(Line("text", f"时间：{dates}"))
        if rng.random() < 0.7:
            out.append(Line("text", "工作内容："))
        numbered = rng.random() < 0.5
        out += [Line("text", f"{i}. {d}。" if numbered else f"● {d}") for i, d in enumerate(job.duties, 1)]
        out.append(Line("blank"))
    return out


def _project_lines(job: WorkTruth, role: str, today: _dt.date, rng: random.Random) -> list[Line]:
    """项目经验: dated like jobs but not jobs, a trap for parsers that take every date line as one."""
    first = _months(job.start)
    last = _months(job.end or f"{today.year:04d}-{today.month:02d}")
    out: list[Line] = []
    for name, desc in rng.sample(PROJECTS[role], rng.randint(1, 2)):
        a = rng.randint(first, max(first, last - 3))
        b = min(last, a + rng.randint(2, 9))
        out.append(Line("text", f"项目名称：{name}"))
        out.append(Line("text", f"项目时间：{_fmt_range(_ym(a), _ym(b), rng)}"))
        out.append(Line("text", f"项目描述：{desc}。"))
        out.append(Line("blank"))
    return out


LAYOUTS = ("name_first_line", "labelled_block", "two_per_line")


def generate_one(rng: random.Random, ident: str, today: _dt.date) -> ZhResume:
    """One resume and its answers; all choices come from ``rng`` so a seed fixes everything."""
    name, email, gender = _person(rng)
    digits = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    phone = _fmt_phone(digits, rng)
    city = rng.choice(CITIES)
    role = rng.choice(list(TITLES))
    education = _education(rng)
    work = _work(rng, role, education[-1].end, today)
    skills = rng.sample(SKILLS[role], rng.randint(4, min(7, len(SKILLS[role]))))
    layout = rng.choice(LAYOUTS)
    birth = f"{int(education[0].start[:4]) - 18}.{rng.randint(1, 12):02d}"
    years = work_years(work, today)

    head: list[Line] = []
    if layout == "name_first_line":
        # Two-character names are often spread out to the width of three: "王　芳".
        shown = "\u3000".join(name) if len(name) == 2 and rng.random() < 0.5 else name
        head.append(Line("heading", shown))
        contact = [f"电话：{phone}", f"邮箱：{email}", f"现居城市：{city}"]
        if rng.random() < 0.5:
            contact.insert(0, f"{gender} | {rng.randint(24, 40)}岁")
        else:
            gender = None
        head.append(Line("text", rng.choice([" | ", "  ", " ｜ "]).join(contact)))
    elif layout == "labelled_block":
        head.append(Line("heading", rng.choice(["个人信息", "基本信息", "个人资料"])))
        fields = [("姓名", name), ("性别", gender), ("出生年月", birth), ("手机", phone),
                  ("邮箱", email), ("现居城市", city)]
        if rng.random() < 0.4:
            fields.remove(("出生年月", birth))
        head += [Line("text", f"{k}：{v}") for k, v in fields]
    else:
        title = rng.choice(["个人简历", "求职简历", "简历"])
        head.append(Line("heading", title))
        pairs = [("姓名", name), ("性别", gender), ("电话", phone), ("邮箱", email),
                 ("现居城市", city), ("工作年限", f"{max(1, int(years))}年以上")]
        head += [Line("kv", pairs=pairs[i:i + 2]) for i in range(0, len(pairs), 2)]

    sections: list[list[Line]] = []
    if rng.random() < 0.6:
        sections.append([Line("heading", "求职意向"),
                         Line("text", f"期望职位：{rng.choice(TITLES[role])}    期望城市：{rng.choice(CITIES)}")])
    edu_head = rng.choice(["教育背景", "教育经历", "学历背景"])
    work_head = rng.choice(["工作经历", "工作经验", "职业经历"])
    skill_head = rng.choice(["专业技能", "技能特长", "技术能力", "个人技能"])
    edu_sec = [Line("heading", edu_head)] + _edu_lines(education, rng)
    work_sec = [Line("heading", work_head)] + _work_lines(work, rng)
    skill_sec = [Line("heading", skill_head)] + [Line("text", s) for s in _skill_lines(skills, rng)]
    body = [work_sec, edu_sec, skill_sec]
    if rng.random() < 0.4:
        body.append([Line("heading", rng.choice(["项目经验", "项目经历"]))] + _project_lines(work[0], role, today, rng))
    rng.shuffle(body)
    sections += body
    if rng.random() < 0.5:
        sections.append([Line("heading", "自我评价"),
                         Line("text", rng.choice(["工作认真负责，学习能力强，具备良好的沟通能力和团队合作精神。",
                                                  "性格开朗，抗压能力强，乐于分享，喜欢钻研新技术。"]))])
    lines = head + [Line("blank")]
    for sec in sections:
        lines += sec + [Line("blank")]
    return ZhResume(ident, name, gender, "+86" + digits, phone, email, city, role, education, work,
                    skills, layout, lines)


def generate(n: int, seed: int = 0, today: _dt.date | None = None) -> list[ZhResume]:
    """``n`` resumes; the same ``seed`` and ``today`` always give the same resumes."""
    today = today or _dt.date(2026, 1, 1)
    rng = random.Random(seed)
    return [generate_one(rng, f"zh{seed:02d}-{i:04d}", today) for i in range(n)]


# ---------------------------------------------------------------- renderers

def render_text(lines: list[Line]) -> str:
    out = []
    for line in lines:
        if line.kind == "kv":
            out.append("        ".join(f"{k}：{v}" for k, v in line.pairs))
        elif line.kind == "blank":
            out.append("")
        else:
            out.append(line.text)
    return "\n".join(out).strip() + "\n"


def render_pdf(resume: ZhResume, path: Path) -> Path:
    """A4 PDF in the STSong-Light CID font (ships with reportlab, so no font files needed)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(f"{resume.name} 简历")
    margin, y = 56, height - 64

    def need(space: float, size: float) -> None:
        """Start a new page when the line does not fit; a new page forgets the font, so set it here."""
        nonlocal y
        if y - space < 56:
            pdf.showPage()
            y = height - 64
        pdf.setFont(font, size)

    for line in resume.lines:
        if line.kind == "blank":
            y -= 8
            continue
        if line.kind == "heading":
            need(26, 14)
            pdf.drawString(margin, y, line.text)
            pdf.line(margin, y - 4, width - margin, y - 4)
            y -= 24
            continue
        if line.kind == "kv":
            need(16, 10.5)
            for col, (k, v) in enumerate(line.pairs):
                pdf.drawString(margin + col * (width - 2 * margin) / 2, y, f"{k}：{v}")
            y -= 16
            continue
        for chunk in _wrap(line.text, font, 10.5, width - 2 * margin):
            need(16, 10.5)
            pdf.drawString(margin, y, chunk)
            y -= 16
    pdf.save()
    return path


def _wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, current = [], ""
    for ch in text:
        if stringWidth(current + ch, font, size) > max_width:
            out.append(current)
            current = ""
        current += ch
    return out + [current]


def render_docx(resume: ZhResume, path: Path) -> Path:
    """DOCX with headings as Heading 1 and the key/value rows as a real table."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    table = None
    for line in resume.lines:
        if line.kind != "kv":
            table = None
        if line.kind == "heading":
            doc.add_heading(line.text, level=1)
        elif line.kind == "text":
            doc.add_paragraph(line.text)
        elif line.kind == "kv":
            if table is None:
                table = doc.add_table(rows=0, cols=4)
            cells = table.add_row().cells
            for col, (k, v) in enumerate(line.pairs):
                cells[2 * col].text = f"{k}："
                cells[2 * col + 1].text = v
    doc.core_properties.title = f"{resume.name} 简历"
    doc.save(str(path))
    return path
