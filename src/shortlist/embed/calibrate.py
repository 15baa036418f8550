"""Refit the cosine -> [0, 1] calibration of each embedder.

Run ``python -m shortlist.embed.calibrate`` and paste the printed constants into
``minilm.py`` / ``e5.py``. The pairs below were written for this project (none comes
from a dataset): a requirement-like query, a resume-like passage, and a grade:

- 1.0: the passage shows the thing asked for (paraphrase, synonym, translation);
- 0.5: same field, a different thing (data engineer vs. data scientist);
- 0.0: unrelated.

A logistic curve ``sigmoid(slope * cosine + offset)`` is fitted by least squares to the
grades. The middle grade is what keeps the curve from becoming a step: it pins 0.5 to the
cosine at which a model stops telling "same thing" from "neighbouring thing". MiniLM is
fitted on the English pairs only (routing never gives it Chinese), e5 on all of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

import numpy as np

from shortlist.embed.base import Calibration, Embedder, logistic
from shortlist.embed.lang import needs_multilingual

Pair = tuple[str, str, float]

EN_PAIRS: tuple[Pair, ...] = (
    ("machine learning engineer", "Built and deployed machine learning models as an ML engineer", 1.0),
    ("Python programming", "Wrote backend services in Python for five years", 1.0),
    ("team leadership", "Led a team of six developers and ran their weekly planning", 1.0),
    ("customer support", "Answered customer tickets and resolved client complaints", 1.0),
    ("financial accounting", "Prepared ledgers, balance sheets and month-end closing as an accountant", 1.0),
    ("registered nurse", "Provided bedside patient care as an RN in a surgical ward", 1.0),
    ("SQL databases", "Designed PostgreSQL schemas and tuned slow queries", 1.0),
    ("project management", "Managed project schedules, budgets and stakeholders for IT rollouts", 1.0),
    ("graphic design", "Created logos, brochures and visual identities in Illustrator", 1.0),
    ("sales experience", "Closed deals with new clients and exceeded quarterly sales quotas", 1.0),
    ("cloud infrastructure on AWS", "Ran production workloads on Amazon Web Services EC2 and S3", 1.0),
    ("teaching mathematics", "Taught algebra and calculus to secondary school students", 1.0),
    ("mobile app development", "Developed iOS and Android applications for a retail company", 1.0),
    ("data analysis", "Analysed sales data and built dashboards to report trends", 1.0),
    ("recruiting", "Sourced and interviewed candidates to fill engineering positions", 1.0),
    ("machine learning engineer", "Built ETL pipelines and maintained the data warehouse", 0.5),
    ("Python programming", "Developed web applications in Java and Spring", 0.5),
    ("team leadership", "Worked as an individual contributor on a platform team", 0.5),
    ("customer support", "Ran marketing campaigns to acquire new customers", 0.5),
    ("financial accounting", "Audited tax returns for a consulting firm", 0.5),
    ("registered nurse", "Worked as a pharmacist dispensing prescriptions", 0.5),
    ("SQL databases", "Stored application data in MongoDB document collections", 0.5),
    ("project management", "Wrote software as a developer on an agile team", 0.5),
    ("graphic design", "Designed user interface wireframes for web applications", 0.5),
    ("sales experience", "Handled procurement and negotiated with suppliers", 0.5),
    ("cloud infrastructure on AWS", "Administered on-premise Linux servers in a data centre", 0.5),
    ("teaching mathematics", "Researched statistics as a graduate student", 0.5),
    ("mobile app development", "Built responsive websites with React", 0.5),
    ("data analysis", "Trained deep learning models for image classification", 0.5),
    ("recruiting", "Processed payroll and employee benefits in human resources", 0.5),
    ("machine learning engineer", "Cooked meals and managed the kitchen of a busy restaurant", 0.0),
    ("Python programming", "Drove delivery trucks across the region", 0.0),
    ("team leadership", "Painted watercolour landscapes for a gallery", 0.0),
    ("customer support", "Synthesised organic compounds in a chemistry laboratory", 0.0),
    ("financial accounting", "Performed knee surgery and orthopaedic procedures", 0.0),
    ("registered nurse", "Wrote embedded firmware for microcontrollers", 0.0),
    ("SQL databases", "Coached the youth football team on weekends", 0.0),
    ("project management", "Played violin in the city orchestra", 0.0),
    ("graphic design", "Repaired diesel engines and hydraulic systems", 0.0),
    ("sales experience", "Mapped rock formations as a field geologist", 0.0),
    ("cloud infrastructure on AWS", "Taught yoga and meditation classes", 0.0),
    ("teaching mathematics", "Welded steel frames on a construction site", 0.0),
    ("mobile app development", "Harvested grapes and managed a vineyard", 0.0),
    ("data analysis", "Cut and styled hair in a salon", 0.0),
    ("recruiting", "Calibrated telescopes at an observatory", 0.0),
)

ZH_PAIRS: tuple[Pair, ...] = (
    ("机器学习工程师", "负责机器学习模型的训练与上线部署", 1.0),
    ("Python开发", "使用Python编写后端服务五年", 1.0),
    ("团队管理", "带领六人开发团队，负责每周计划", 1.0),
    ("客户服务", "处理客户投诉并解答客户问题", 1.0),
    ("财务会计", "负责记账、编制资产负债表和月末结账", 1.0),
    ("护士", "在外科病房从事病人护理工作", 1.0),
    ("数据库", "设计MySQL数据库表结构并优化慢查询", 1.0),
    ("销售经验", "开拓新客户，连续超额完成季度销售指标", 1.0),
    ("数学教师", "在中学教授代数和微积分", 1.0),
    ("数据分析", "分析销售数据并制作报表展示趋势", 1.0),
    ("机器学习工程师", "负责数据仓库和ETL数据管道的维护", 0.5),
    ("Python开发", "使用Java和Spring开发网站", 0.5),
    ("团队管理", "作为普通开发人员参与平台项目", 0.5),
    ("客户服务", "策划市场推广活动吸引新用户", 0.5),
    ("财务会计", "为咨询公司审核税务申报", 0.5),
    ("护士", "在药房担任药剂师发放处方药", 0.5),
    ("数据库", "使用Redis做缓存", 0.5),
    ("销售经验", "负责采购并与供应商谈判", 0.5),
    ("数学教师", "研究生阶段从事统计学研究", 0.5),
    ("数据分析", "训练深度学习图像分类模型", 0.5),
    ("机器学习工程师", "在餐厅负责厨房管理和烹饪", 0.0),
    ("Python开发", "驾驶货车进行区域配送", 0.0),
    ("团队管理", "为画廊创作水彩风景画", 0.0),
    ("客户服务", "在化学实验室合成有机化合物", 0.0),
    ("财务会计", "进行膝关节手术", 0.0),
    ("护士", "为单片机编写嵌入式固件", 0.0),
    ("数据库", "周末执教青少年足球队", 0.0),
    ("销售经验", "作为地质学家进行野外岩层测绘", 0.0),
    ("数学教师", "在建筑工地焊接钢结构", 0.0),
    ("数据分析", "在美发店为顾客剪发造型", 0.0),
)

CROSS_PAIRS: tuple[Pair, ...] = (
    ("machine learning engineer", "负责机器学习模型的训练与上线部署", 1.0),
    ("机器学习工程师", "Built and deployed machine learning models as an ML engineer", 1.0),
    ("customer support", "处理客户投诉并解答客户问题", 1.0),
    ("财务会计", "Prepared ledgers, balance sheets and month-end closing as an accountant", 1.0),
    ("registered nurse", "在外科病房从事病人护理工作", 1.0),
    ("销售经验", "Closed deals with new clients and exceeded quarterly sales quotas", 1.0),
    ("data analysis", "分析销售数据并制作报表展示趋势", 1.0),
    ("数学教师", "Taught algebra and calculus to secondary school students", 1.0),
    ("machine learning engineer", "负责数据仓库和ETL数据管道的维护", 0.5),
    ("机器学习工程师", "Built ETL pipelines and maintained the data warehouse", 0.5),
    ("customer support", "策划市场推广活动吸引新用户", 0.5),
    ("财务会计", "Audited tax returns for a consulting firm", 0.5),
    ("registered nurse", "在药房担任药剂师发放处方药", 0.5),
    ("销售经验", "Handled procurement and negotiated with suppliers", 0.5),
    ("data analysis", "训练深度学习图像分类模型", 0.5),
    ("数学教师", "Researched statistics as a graduate student", 0.5),
    ("machine learning engineer", "在餐厅负责厨房管理和烹饪", 0.0),
    ("机器学习工程师", "Cooked meals and managed the kitchen of a busy restaurant", 0.0),
    ("customer support", "在化学实验室合成有机化合物", 0.0),
    ("财务会计", "Performed knee surgery and orthopaedic procedures", 0.0),
    ("registered nurse", "为单片机编写嵌入式固件", 0.0),
    ("销售经验", "Mapped rock formations as a field geologist", 0.0),
    ("data analysis", "在美发店为顾客剪发造型", 0.0),
    ("数学教师", "Welded steel frames on a construction site", 0.0),
)


# Held out: never used for fitting or for choosing the e5 centring; only reported, so the
# figures in the report are not the fit's own training error.
HELDOUT_PAIRS: tuple[Pair, ...] = (
    ("frontend developer", "Built single-page web interfaces with Vue and TypeScript", 1.0),
    ("electrician", "Installed and repaired wiring in residential buildings", 1.0),
    ("marketing", "Planned advertising campaigns and managed the brand's social media", 1.0),
    ("legal counsel", "Drafted contracts and advised the company on regulatory matters", 1.0),
    ("前端开发", "使用Vue和TypeScript开发单页面网页应用", 1.0),
    ("电工", "负责住宅楼电路的安装与维修", 1.0),
    ("法务", "起草合同并为公司提供合规法律意见", 1.0),
    ("frontend developer", "使用Vue和TypeScript开发单页面网页应用", 1.0),
    ("电工", "Installed and repaired wiring in residential buildings", 1.0),
    ("marketing", "策划广告活动并运营品牌社交媒体账号", 1.0),
    ("frontend developer", "Maintained REST APIs and server-side business logic in Go", 0.5),
    ("electrician", "Installed plumbing and water heaters in new homes", 0.5),
    ("marketing", "Managed the sales pipeline and key customer accounts", 0.5),
    ("legal counsel", "Handled compliance audits in the finance department", 0.5),
    ("前端开发", "使用Go维护后端接口和业务逻辑", 0.5),
    ("电工", "负责新房的水管和热水器安装", 0.5),
    ("法务", "在财务部负责合规审计", 0.5),
    ("frontend developer", "使用Go维护后端接口和业务逻辑", 0.5),
    ("电工", "Installed plumbing and water heaters in new homes", 0.5),
    ("marketing", "管理销售渠道和重点客户", 0.5),
    ("frontend developer", "Bred horses and trained them for competitions", 0.0),
    ("electrician", "Translated novels from Spanish into English", 0.0),
    ("marketing", "Operated an excavator in an open-pit mine", 0.0),
    ("legal counsel", "Baked bread and pastries in a family bakery", 0.0),
    ("前端开发", "饲养马匹并训练参加比赛", 0.0),
    ("电工", "将西班牙语小说翻译成英文", 0.0),
    ("法务", "在家庭面包店烘焙面包和糕点", 0.0),
    ("frontend developer", "饲养马匹并训练参加比赛", 0.0),
    ("电工", "Translated novels from Spanish into English", 0.0),
    ("marketing", "在露天矿场操作挖掘机", 0.0),
)


def pair_cosines(embedder: Embedder, pairs: Iterable[Pair]) -> tuple[np.ndarray, np.ndarray]:
    """Raw cosine of each (query, passage) pair, and the pairs' grades."""
    pairs = list(pairs)
    queries = embedder.encode([q for q, _, _ in pairs], kind="query")
    passages = embedder.encode([p for _, p, _ in pairs], kind="passage")
    cos = np.einsum("ij,ij->i", queries, passages)
    return cos.astype(np.float64), np.array([g for _, _, g in pairs], dtype=np.float64)


def fit_calibration(cos: np.ndarray, grades: np.ndarray) -> Calibration:
    """Least-squares logistic fit of grades on cosine, started from the midpoint guess."""
    from scipy.optimize import least_squares

    hi, lo = cos[grades >= 0.75].mean(), cos[grades <= 0.25].mean()
    slope0 = 2 * np.log(9) / max(hi - lo, 1e-3)  # puts ~0.9 at related, ~0.1 at unrelated
    x0 = np.array([slope0, -slope0 * (hi + lo) / 2])

    def residuals(p: np.ndarray) -> np.ndarray:
        return logistic(cos, p[0], p[1]) - grades

    fit = least_squares(residuals, x0)
    return Calibration(slope=round(float(fit.x[0]), 3), offset=round(float(fit.x[1]), 3))


def report(name: str, calibration: Calibration, cos: np.ndarray, grades: np.ndarray) -> str:
    """One line per grade: mean raw cosine and mean calibrated score, to eyeball the fit."""
    lines = [f"{name}: Calibration(slope={calibration.slope}, offset={calibration.offset})"]
    for grade in sorted(set(grades.tolist()), reverse=True):
        sel = grades == grade
        cal = calibration(cos[sel])
        lines.append(
            f"  grade {grade:.1f}: n={sel.sum():2d} cosine {cos[sel].mean():.3f}"
            f" -> calibrated mean {cal.mean():.3f} (min {cal.min():.3f}, max {cal.max():.3f})"
        )
    return "\n".join(lines)


def ordering_accuracy(scores: np.ndarray, grades: np.ndarray, better: float, worse: float) -> float:
    """Share of (better-graded, worse-graded) pairs the scores put in the right order (an AUC)."""
    hi, lo = scores[grades == better], scores[grades == worse]
    return float((hi[:, None] > lo[None, :]).mean())


def heldout_report(embedder: Embedder, pairs: Iterable[Pair]) -> str:
    """Ordering accuracy and calibrated means on pairs the fit never saw."""
    pairs = list(pairs)
    cos, grades = pair_cosines(embedder, pairs)
    cal = embedder.calibration(cos)
    means = ", ".join(f"{g:.1f}: {cal[grades == g].mean():.2f}" for g in (1.0, 0.5, 0.0))
    langs = np.array(["-".join("zh" if needs_multilingual(t) else "en" for t in p[:2]) for p in pairs])
    by_lang = "; ".join(
        f"{lang} " + "/".join(f"{cal[(langs == lang) & (grades == g)].mean():.2f}" for g in (1.0, 0.5, 0.0))
        for lang in sorted(set(langs))
    )
    return (
        f"  held out ({len(grades)} pairs): related>unrelated {ordering_accuracy(cos, grades, 1.0, 0.0):.1%},"
        f" related>same-field {ordering_accuracy(cos, grades, 1.0, 0.5):.1%},"
        f" same-field>unrelated {ordering_accuracy(cos, grades, 0.5, 0.0):.1%}; calibrated means {means}"
        f"\n  held out, calibrated means of grades 1/0.5/0 by language pair: {by_lang}"
    )


def main(argv: list[str] | None = None) -> None:
    from shortlist.embed.e5 import E5Embedder
    from shortlist.embed.minilm import MiniLMEmbedder

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    english_heldout = [p for p in HELDOUT_PAIRS if not any(map(needs_multilingual, p[:2]))]
    for embedder, pairs, heldout in (
        (MiniLMEmbedder(threads=args.threads), EN_PAIRS, english_heldout),
        (E5Embedder(threads=args.threads), EN_PAIRS + ZH_PAIRS + CROSS_PAIRS, HELDOUT_PAIRS),
        (E5Embedder(threads=args.threads, centre=False), EN_PAIRS + ZH_PAIRS + CROSS_PAIRS, HELDOUT_PAIRS),
    ):
        cos, grades = pair_cosines(embedder, pairs)
        print(report(f"fitted {embedder.name}", fit_calibration(cos, grades), cos, grades))
        print(report(f"in code {embedder.name}", embedder.calibration, cos, grades))
        print(heldout_report(embedder, heldout))


if __name__ == "__main__":
    main()
