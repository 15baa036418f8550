"""Generated Chinese resumes with exact labels, for the shipped Chinese labeller.

No Chinese resume set with a permissive licence has whole-document labels (ResumeNER has no
licence: the benchmark trains on it, nothing shipped does), so the shipped Chinese model
learns from these. They cover what Chinese resumes do: a 基本信息 block or the name alone,
headings in 【】 or numbered or absent, job lines as column gaps, bars, labelled lines
(公司：/职位：) or prose (就职于…担任…), employers of every kind (有限公司, 集团, 医院, 银行
支行, 事务所, 学校) with invented trade names, schools with majors and 学历 apart, every date
style, and the whole CV flattened onto one line.

The vocabulary is written here and differs on purpose from ``benchmarks/zh_resumes.py``
(another writer's templates and word lists), so the benchmark measures the labeller on
resumes it was not trained on. ``LabelledDoc``s from :func:`generate` feed
``shortlist.labeller.train`` like the English ones in ``synth``.
"""
from __future__ import annotations

import random

from shortlist.labeller.model import LabelledDoc
from shortlist.labeller.synth import Writer, flatten

# Trade names are two characters drawn from this pool: thousands of employers the model
# cannot have memorised, so it learns the shape (place + name + trade + company form).
_NAME_CHARS = ("恒", "瑞", "泰", "博", "兴", "盛", "德", "源", "信", "达", "宏", "创", "联", "安", "和", "丰",
               "鸿", "嘉", "润", "景", "晟", "锦", "凯", "朗", "新", "远", "天", "海", "佳", "卓", "众", "合",
               "优", "通", "华", "益", "诚", "立", "成", "威", "美", "康", "乐", "星", "光", "智", "汇", "辰")
_PLACES = ("北京", "上海", "广州", "深圳", "天津", "重庆", "苏州", "宁波", "青岛", "郑州", "合肥", "福州",
           "济南", "昆明", "南宁", "贵阳", "太原", "石家庄", "无锡", "佛山", "东莞", "常州", "珠海", "温州",
           "南京", "杭州", "成都", "武汉", "西安", "长沙", "厦门", "沈阳", "大连", "哈尔滨", "长春", "南昌",
           "兰州", "乌鲁木齐", "呼和浩特", "海口", "三亚", "烟台", "潍坊", "徐州", "扬州", "绍兴", "嘉兴", "台州",
           "金华", "泉州", "惠州", "中山", "江门", "湛江", "洛阳", "襄阳", "宜昌", "株洲", "绵阳", "遵义")
# Trade names that are ordinary words (the word segmenter sees a word, not a name)
_WORD_NAMES = ("东方", "长城", "蓝天", "金桥", "未来", "阳光", "世纪", "先锋", "明月", "白云", "青山", "海洋",
               "山水", "飞鹰", "雄鹰", "金鹰", "春晖", "朝阳", "晨光", "启航", "远航", "天行", "云海", "星辰",
               "智慧", "同心", "万家", "百合", "神州", "华夏", "中天", "大地", "新时代", "精诚", "卓越", "领航")
_TRADES = ("科技", "网络科技", "信息技术", "电子", "机械", "物流", "贸易", "医药", "食品", "建设", "环保",
           "文化传媒", "教育科技", "新能源", "汽车零部件", "供应链管理", "实业", "精密制造", "咨询", "置业")
_FORMS = ("有限公司", "有限公司", "股份有限公司", "集团有限公司", "集团", "（中国）有限公司")
_OTHER_ORGS = ("{p}市第一人民医院", "{p}{n}会计师事务所", "中国{b}银行{p}分行", "{p}{n}律师事务所",
               "{p}市第{k}中学", "{p}{n}酒店管理有限公司", "{p}{n}设计院", "{p}市{n}研究院")
_BANKS = ("工商", "建设", "农业", "招商", "交通")
_DEPTS = ("技术部", "财务部", "市场部", "人力资源部", "销售部", "运营中心", "研发中心", "采购部", "质量部", "客服中心")
TITLES = (
    "软件工程师", "高级软件工程师", "Java开发工程师", "前端开发工程师", "算法工程师", "测试工程师", "运维工程师",
    "产品经理", "高级产品经理", "项目经理", "数据分析师", "UI设计师", "会计", "财务主管", "出纳", "审计助理",
    "人力资源专员", "招聘主管", "HRBP", "行政助理", "销售代表", "销售经理", "大客户经理", "市场专员",
    "品牌经理", "新媒体运营", "客服专员", "采购专员", "供应链经理", "物流主管", "仓库管理员", "机械工程师",
    "电气工程师", "工艺工程师", "质量工程师", "生产主管", "护士", "主治医师", "药剂师", "小学语文教师",
    "英语教师", "律师助理", "法务专员", "建筑设计师", "造价工程师", "施工员", "厨师长", "大堂经理",
    "总经理助理", "部门经理", "技术总监", "运营经理", "研究员", "实习生", "管培生", "嵌入式工程师",
)
_UNI_KINDS = ("大学", "理工大学", "师范大学", "财经大学", "科技大学", "工业大学", "医科大学", "农业大学",
              "外国语大学", "交通大学", "师范学院", "工程学院", "职业技术学院", "商学院")
_REGIONS = ("华北", "华东", "华南", "西南", "东北", "中南", "江南", "湖北", "湖南", "河南", "河北", "山东",
            "江西", "浙江", "安徽", "广西", "云南", "四川", "福建", "陕西", "辽宁", "吉林", "黑龙江", "甘肃")
_DEGREES = ("本科", "本科", "硕士", "硕士研究生", "博士", "大专", "学士", "工学学士", "管理学硕士", "统招本科", "MBA")
_MAJORS = ("计算机科学与技术", "软件工程", "会计学", "财务管理", "市场营销", "人力资源管理", "机械设计制造及其自动化",
           "电气工程及其自动化", "护理学", "临床医学", "药学", "汉语言文学", "英语", "法学", "土木工程", "工商管理",
           "国际经济与贸易", "物流管理", "通信工程", "工业设计", "金融学", "统计学", "化学工程与工艺", "学前教育")
_DUTIES = (
    "负责部门日常事务的统筹与协调", "完成季度目标并撰写总结报告", "参与新系统上线，编写操作手册",
    "对接客户需求，跟进项目进度", "优化业务流程，缩短交付周期", "负责新员工培训与考核",
    "维护供应商关系，控制采购成本", "编制月度报表，配合年度审计", "参与产品需求评审与测试",
    "处理客户投诉，满意度保持在95%以上", "推动跨部门合作，按期完成重点项目", "负责设备维护与安全检查",
)
_VERBS = ("负责", "参与", "主导", "协助", "推动", "牵头", "独立完成", "统筹")
_OBJECTS = ("产品规划", "系统开发", "需求分析", "数据分析", "市场推广", "渠道拓展", "客户维护", "团队管理",
            "流程优化", "质量管控", "成本核算", "招聘与培训", "活动策划", "供应链搭建", "门店运营", "版本迭代")
_DOMAINS = ("电商", "支付", "物流", "外卖", "短视频", "社区", "会员", "直播", "广告", "医疗", "教育", "金融")


def _duty(rng: random.Random) -> str:
    """One duty line, made up of parts so the model sees many (负责会员产品规划, 参与直播系统开发)."""
    if rng.random() < 0.4:
        return rng.choice(_DUTIES)
    return rng.choice(_VERBS) + rng.choice(("", rng.choice(_DOMAINS))) + rng.choice(_OBJECTS) + rng.choice(
        ("", "工作", "，按期交付", "，提升效率20%"))


_WORK_HEADINGS = ("工作经历", "工作经验", "职业经历", "工作履历", "实习经历", "任职经历", "Work Experience")
_EDU_HEADINGS = ("教育背景", "教育经历", "学习经历", "学历背景", "Education")
_OTHER_HEADINGS = ("专业技能", "技能特长", "自我评价", "证书", "项目经验")
HEADINGS = frozenset((*_WORK_HEADINGS, *_EDU_HEADINGS, *_OTHER_HEADINGS, "基本信息", "个人信息", "求职意向"))
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "子涵欣怡梓萱一诺浩宇俊杰思远嘉琪文博雨桐晨阳宇轩志强建国海燕丽娟明辉晓东春梅秀英伟华家豪立新"


def _trade_name(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(_WORD_NAMES)
    return "".join(rng.sample(_NAME_CHARS, rng.choice((2, 2, 3, 4))))


def org(rng: random.Random) -> str:
    """An invented employer, written the ways Chinese employers are."""
    r = rng.random()
    if r < 0.2:  # the brand alone, as people write their employer: 字节跳动, 美团
        return _trade_name(rng) + rng.choice(("", "", "", "科技", "集团", "网络", "智能"))
    if r < 0.35:
        return rng.choice(_OTHER_ORGS).format(p=rng.choice(_PLACES), n=_trade_name(rng), b=rng.choice(_BANKS),
                                              k=rng.choice("一二三四五六七八"))
    place = rng.choice(_PLACES) if rng.random() < 0.75 else ""
    name = _trade_name(rng)
    if place and rng.random() < 0.3:  # 华兴（上海）科技有限公司
        return f"{name}（{place}）{rng.choice(_TRADES)}{rng.choice(_FORMS[:3])}"
    return f"{place}{name}{rng.choice(_TRADES)}{rng.choice(_FORMS)}"


def school(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return rng.choice(_PLACES) + rng.choice(_UNI_KINDS)
    if r < 0.9:
        return rng.choice(_REGIONS) + rng.choice(_UNI_KINDS)
    return rng.choice(_PLACES) + _trade_name(rng) + "职业技术学院"


_YM = ("{y}.{m:02d}", "{y}年{m}月", "{y}/{m:02d}", "{y}-{m:02d}", "{y}.{m}")


def _ym(year: int, month: int, style: int) -> str:
    return _YM[style].format(y=year, m=month)


def _range(rng: random.Random, a: tuple[int, int], b: tuple[int, int] | None, style: int) -> str:
    sep = rng.choice(("-", " - ", "—", "～", " 至 ", "–"))
    end = rng.choice(("至今", "至今", "今", "现在")) if b is None else _ym(*b, style)
    return f"{_ym(*a, style)}{sep}{end}"


def _job(w: Writer, rng: random.Random, title: str, employer: str, city: str, dates: str, shape: int) -> None:
    t, o, c = (title, "TITLE"), (employer, "ORG"), (city, "LOC")
    dept = rng.choice(_DEPTS)
    shapes = (
        (dates + "    ", o, "    ", t, "\n"),
        (o, " | ", t, " | " + dates + "\n"),
        (rng.choice(("公司：", "公司名称：", "单位：")), o, "\n", rng.choice(("职位：", "担任职位：", "岗位：")), t,
         "\n" + rng.choice(("时间：", "在职时间：", "工作时间：")) + dates + "\n"),
        (dates + "  ", o, "（", c, "）\n", t, "\n"),
        (o, "\n", t, " | " + dept + "\n" + dates + "\n"),
        (t, "  ", o, "  " + dates + "\n"),
        (dates + "，就职于", o, "，担任", t, "。\n"),
        (o, "    " + dates + "\n" + dept + "    ", t, "\n"),
        (dates + " | ", o, " | " + dept + " | ", t, "\n"),
        (dates + " ", c, " ", o, " ", t, "\n"),
        (dates + "\n", o, "\n", t, "\n"),
    )
    w.seq(shapes[shape])


def _education(w: Writer, rng: random.Random, shape: int, year: int) -> None:
    s, d = (school(rng), "SCHOOL"), (rng.choice(_DEGREES), "DEGREE")
    major = rng.choice(_MAJORS)
    style = rng.randint(0, 4)
    dates = _range(rng, (year - 4, 9), (year, rng.choice((6, 7))), style)
    shapes = (
        (dates + "    ", s, "    " + major + "    ", d, "\n"),
        (s, " | " + major + " | ", d, " | " + dates + "\n"),
        (s, "    ", d, "\n专业：" + major + "    " + dates + "\n"),
        (dates + " ", s, " " + major + "专业 ", d, "\n"),
        ("学校：", s, "\n学历：", d, "\n专业：" + major + "\n时间：" + dates + "\n"),
        (d, " · ", s, " · " + major + "（" + dates + "）\n"),
        (f"{year}年毕业于", s, major + "专业，", d, "学历。\n"),
    )
    w.seq(shapes[shape])


_EXEC_TITLES = ("董事长", "副董事长", "总经理", "副总经理", "常务副总经理", "董事", "独立董事", "执行董事", "监事",
                "监事会主席", "财务总监", "董事会秘书", "总工程师", "总裁", "副总裁", "厂长", "副厂长", "主任",
                "副主任", "科长", "副科长", "处长", "部门经理", "办公室主任", "首席执行官", "总会计师")
_RANKS = ("高级工程师", "工程师", "高级会计师", "会计师", "经济师", "高级经济师", "教授", "副教授", "研究员",
          "律师", "注册会计师", "高级政工师")
_BIO_DEGREES = ("本科学历", "大学本科", "研究生学历", "硕士研究生", "博士研究生", "大专学历", "硕士", "博士", "EMBA",
                "工商管理硕士", "大学学历")
_UNITS = ("{p}市{n}局", "{p}市{n}委员会", "{p}{n}厂", "{p}市{n}研究所", "{p}{n}集团公司")
_UNIT_WORDS = ("财政", "经济", "计划", "工业", "商务", "交通", "电力", "机械", "化工", "纺织", "建材", "粮食")


def _bio_org(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(_UNITS).format(p=rng.choice(_PLACES), n=rng.choice(_UNIT_WORDS))
    return org(rng)


def _bio(w: Writer, rng: random.Random, name: str, newline: bool) -> None:
    """The biography paragraph executives and civil servants write: prose, one sentence per
    fact; several titles after one employer."""
    end = "\n" if newline else ""
    born = rng.randint(1955, 1990)
    facts = [f"{name}，{rng.choice('男女')}，", f"{born}年{rng.randint(1, 12)}月出生，"]
    if rng.random() < 0.5:
        facts.append("中共党员，")
    w.seq(facts)
    w.seq(((rng.choice(_BIO_DEGREES), "DEGREE"), "，" if rng.random() < 0.6 else "。" + end))
    if not w.text().endswith(("。", "\n")):
        w.seq(((rng.choice(_RANKS), "TITLE"), "。" + end))
    r = rng.random()
    if r < 0.4:
        w.seq((f"{born + 22}年毕业于", (school(rng), "SCHOOL"), rng.choice(_MAJORS) + "专业。" + end))
    elif r < 0.6:  # the department belongs to the institution: 毕业于华东大学经济系
        w.seq((f"{born + 22}年毕业于", (school(rng) + rng.choice(_UNIT_WORDS) + rng.choice(("系", "学院")), "SCHOOL"),
               "，获", (rng.choice(("学士", "硕士", "博士")) + "学位", "DEGREE"), "。" + end))
    elif r < 0.7:
        w.seq(("先后就读于", (school(rng), "SCHOOL"), "和", (school(rng), "SCHOOL"), "。" + end))
    year = born + 23
    for k in range(rng.randint(1, 3)):
        if k:
            w.add(rng.choice(("，", "；")))
        if rng.random() < 0.4:
            w.add(f"{year}年至{year + rng.randint(2, 6)}年任")
            year += 4
        else:
            w.add(rng.choice(("曾任", "历任", "后任")) if k == 0 or rng.random() < 0.5 else "")
        w.add(_bio_org(rng), "ORG")
        if rng.random() < 0.3:
            w.add(rng.choice(("工作，任", "，担任", "任职，任")))
        for j in range(rng.randint(1, 3)):
            if j:
                w.add("、")
            w.add(rng.choice(_EXEC_TITLES), "TITLE")
    w.add("等职。" + end if rng.random() < 0.5 else "。" + end)
    if rng.random() < 0.3:
        w.seq((f"{year}年{rng.randint(1, 12)}月至今在", (_bio_org(rng), "ORG"), "工作。" + end))
    else:
        w.seq((rng.choice(("现任", "现任", "目前担任")), (_bio_org(rng), "ORG"), (rng.choice(_EXEC_TITLES), "TITLE"),
               "。" + end))


def _heading(rng: random.Random, words: tuple[str, ...], k: int) -> str:
    h = rng.choice(words)
    return rng.choice((h, h, f"【{h}】", f"■ {h}", f"{'一二三四五'[k]}、{h}", f"{h}："))


def _resume(rng: random.Random) -> LabelledDoc:
    w = Writer()
    name = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2, 2))))
    phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
    city = rng.choice(_PLACES)
    if rng.random() < 0.5:
        w.add(name + "\n")
        w.add(rng.choice((" | ", "  ", " ｜ ")).join((f"电话：{phone}", f"邮箱：user{rng.randint(1, 999)}@example.com",
                                                      f"现居：{city}")) + "\n\n")
    else:
        w.add(rng.choice(("基本信息", "个人信息", "个人简历")) + "\n")
        w.add(f"姓名：{name}\n性别：{rng.choice('男女')}\n手机：{phone}\n邮箱：user{rng.randint(1, 999)}@example.com\n\n")
    if rng.random() < 0.25:  # a biography instead of (or before) the entry lines
        w.add(rng.choice(("个人简介", "个人简历", "简历")) + "\n")
        _bio(w, rng, name, rng.random() < 0.5)
        w.add("\n\n")
        if rng.random() < 0.5:
            return LabelledDoc(text=w.text(), spans=w.spans, source="synthetic-zh")
    current = rng.choice(TITLES)
    if rng.random() < 0.5:
        w.seq(("求职意向\n期望职位：", (current, "TITLE"), f"    期望城市：{rng.choice(_PLACES)}\n\n"))
    k = 0
    blocks = ["work", "edu"] if rng.random() < 0.65 else ["edu", "work"]
    no_heading = rng.random() < 0.15
    shape = rng.randint(0, 10)
    style = rng.randint(0, 4)
    grad = rng.randint(2005, 2021)
    for block in blocks:
        if block == "work":
            if not no_heading:
                w.add(_heading(rng, _WORK_HEADINGS, k) + "\n")
                k += 1
            year, month = min(2026, grad + rng.randint(3, 8)), rng.randint(1, 12)
            for j in range(rng.randint(1, 4)):
                start = (year - rng.randint(1, 3), rng.randint(1, 12))
                end = None if j == 0 and rng.random() < 0.6 else (year, month)
                _job(w, rng, current if j == 0 else rng.choice(TITLES), org(rng), rng.choice(_PLACES),
                     _range(rng, start, end, style), shape)
                if rng.random() < 0.5:
                    w.add(rng.choice(("工作内容：", "主要职责：", "工作职责：")) + "\n")
                numbered = rng.random() < 0.5
                for i in range(1, rng.randint(2, 4)):
                    w.add((f"{i}. " if numbered else rng.choice(("● ", "- ", "", ""))) + _duty(rng)
                          + rng.choice(("。", "。", "")) + "\n")
                w.add("\n")
                year, month = start
        else:
            w.add(_heading(rng, _EDU_HEADINGS, k) + "\n")
            k += 1
            eshape = rng.randint(0, 6)
            for j in range(rng.choice((1, 1, 2))):
                _education(w, rng, eshape, grad - 4 * j)
            w.add("\n")
    w.add(_heading(rng, _OTHER_HEADINGS[:2], k) + "\n熟悉Office办公软件，具备良好的沟通能力。\n")
    text, spans = w.text(), w.spans
    if rng.random() < 0.15:
        text, spans = flatten(text, spans)
    return LabelledDoc(text=text, spans=spans, source="synthetic-zh")


def generate(n: int, seed: int = 11) -> list[LabelledDoc]:
    """``n`` labelled Chinese resumes, the same for the same seed."""
    rng = random.Random(seed)
    return [_resume(rng) for _ in range(n)]
