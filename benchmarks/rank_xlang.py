"""Cross-language consistency: the same job written in Chinese and in English should rank the
same resumes (nearly) the same way.

Pairs:

* ``examples/jobs/senior_backend_engineer.md`` and ``senior_backend_engineer_zh.md`` (written
  by the project);
* three O*NET-composed jobs (``benchmarks/jobs_onet.py``, composed at run time) and Chinese
  versions of them written for this benchmark (``ZH_JOBS`` below: our own Chinese, the same
  duties, skills, degree and years, not a sentence-by-sentence copy).

Both versions of a job rank the same pool, the 1,247 livecareer resumes (English). The
Chinese job is scored the way the product scores it: ``choose_embedder`` picks the
multilingual e5 model as soon as a text contains Chinese. Since the English job would get
MiniLM, the English job is also ranked with e5, which isolates the effect of the language
of the job text from the change of model. Reported per pair: Spearman rho and Kendall tau
over all scores, overlap of the two top-10 and top-50 lists, and NDCG@10 of each version
(relevant = resume of the job's category; none for the backend job, which has no category).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, data_arg, machine, markdown_table, write_block
from benchmarks.rank_quality import build_index, load_corpus
from shortlist.learn.metrics import ndcg_at_k

# Our Chinese versions of three O*NET-composed jobs (see the module docstring).
ZH_JOBS: dict[str, str] = {
    "ACCOUNTANT": """会计专员

我们正在招聘一名会计专员（会计与审计方向）。

岗位职责：
- 编写审计发现的详细报告；
- 向管理层汇报资产使用情况和审计结果，对经营和财务工作提出改进建议；
- 收集并分析数据，发现内控缺陷、重复劳动、铺张浪费、舞弊或违反法规和公司制度的情况；
- 检查账簿和会计系统，确认记账流程高效、有效并符合公认的会计准则；
- 组织对下属单位的审计，确定审查范围。

任职要求：
- 本科及以上学历，会计或相关专业
- 熟练使用 QuickBooks
- 熟悉 SAP
- 熟练使用 PowerPoint
- 熟悉 SAP Concur
- 会使用 Alteryx
- 熟练使用 Google 表格

加分项：
- 熟悉 Workday
- 了解 SWIFT
- 使用过其他财务软件
- 熟悉 Yardi
""",
    "CHEF": """行政总厨

我们正在招聘一名行政总厨（厨师长方向）。

岗位职责：
- 监督卫生操作，确保员工遵守卫生标准和规定；
- 检查生熟食材质量，确保达到标准；
- 制定生产排班和人员配置，保证按时出餐；
- 验收到货食材的数量和质量；
- 管理和协调厨师及备餐人员的工作；
- 检查并清洁备餐区域、设备、操作台和出餐区，确保食品安全；
- 检查食材新鲜度，做好新旧库存管理和先进先出；
- 控制烤箱、炙烤炉、扒炉等设备的温度，确保食品按正确温度储存和烹饪。

任职要求：
- 4年以上行政总厨或相关岗位经验
- 大专及以上学历，烹饪或相关专业
- 熟练使用 Outlook
- 熟练使用 Word
- 会使用 Google 表格
- 会运营 Facebook 账号
- 会使用营养分析软件
- 会使用 ADP eTIME 考勤系统

加分项：
- 使用过 CookenPro 等菜谱管理软件
- 使用过 CostGuard 成本控制软件
- 使用过 EGS F&B Control
- 使用过 Gnutrition
""",
    "INFORMATION-TECHNOLOGY": """IT经理

我们正在招聘一名IT经理（计算机与信息系统管理方向）。

岗位职责：
- 主持部门日常运营，分析工作流程，确定优先级，制定标准和期限；
- 与各部门负责人、经理、主管和供应商沟通，争取配合并解决问题；
- 审阅项目计划，统筹安排项目工作；
- 分配并检查系统分析师、程序员等技术人员的工作；
- 为用户解决电脑使用中的技术问题；
- 维护和管理计算机网络及相关环境，包括硬件、系统软件、应用软件和各项配置；
- 负责数据备份和灾难恢复；
- 诊断和排除硬件、软件、网络及系统故障，必要时更换故障部件。

任职要求：
- 6年以上IT经理或相关岗位经验
- 本科及以上学历，信息技术或相关专业
- 熟悉 Microsoft Azure
- 熟悉 AWS
- 熟练使用 SQL
- 熟悉 SAP
- 熟悉 Active Directory
- 熟悉 Spring 框架

加分项：
- 熟悉 ServiceNow
- 熟悉 Maven
- 熟悉 Tomcat
- 了解 Ruby on Rails
""",
}
BACKEND = ("senior_backend_engineer.md", "senior_backend_engineer_zh.md")


def rank_correlations(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    from scipy.stats import kendalltau, spearmanr

    order_a, order_b = np.argsort(-a, kind="stable"), np.argsort(-b, kind="stable")
    return {
        "spearman": float(spearmanr(a, b).statistic),
        "kendall": float(kendalltau(a, b).statistic),
        "top10 overlap": len(set(order_a[:10]) & set(order_b[:10])) / 10,
        "top50 overlap": len(set(order_a[:50]) & set(order_b[:50])) / 50,
    }


def main() -> None:
    parser = data_arg(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=240,
                        help="resumes in the pool, spread over the categories (0: all 1,247; e5 embeds ~10 chunks/s here)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from benchmarks.jobs_onet import onet_jobs
    from shortlist.embed.cache import CachedEmbedder, default_cache_dir
    from shortlist.embed.e5 import E5Embedder
    from shortlist.learn.train import parts_and_scores
    from shortlist.match.rank import HybridRanker
    from shortlist.profile.job import parse_job_text

    t0 = time.perf_counter()
    en_jobs = onet_jobs(args.data)
    corpus = load_corpus(args.data, workers=args.workers, limit=args.limit or None)
    cats = np.asarray(corpus.categories)
    pairs: list[tuple[str, str | None, str, str]] = []  # (name, category, english, chinese)
    jobs_dir = ROOT / "examples" / "jobs"
    if all((jobs_dir / f).is_file() for f in BACKEND):
        en, zh = ((jobs_dir / f).read_text(encoding="utf-8") for f in BACKEND)
        pairs.append(("Senior Backend Engineer / 高级后端开发工程师 (examples)", None, en, zh))
    for category, zh in ZH_JOBS.items():
        pairs.append((f"{category} (O*NET-composed / ours in Chinese)", category, en_jobs[category], zh))

    default = HybridRanker()
    e5 = HybridRanker(embedder=CachedEmbedder(E5Embedder(), default_cache_dir()))
    index_en = build_index(default, corpus.profiles)  # MiniLM: what an English job gets
    index_e5 = build_index(e5, corpus.profiles)  # e5: what a Chinese job gets
    rows = []
    for name, category, en, zh in pairs:
        job_en, job_zh = parse_job_text(en), parse_job_text(zh)
        zh_scores = parts_and_scores(e5, job_zh, index_e5)[2]
        for label, ranker, index in (("MiniLM (default)", default, index_en), ("e5 (same as zh)", e5, index_e5)):
            en_scores = parts_and_scores(ranker, job_en, index)[2]
            c = rank_correlations(en_scores, zh_scores)
            ndcg_en = ndcg_zh = float("nan")
            if category is not None:
                rel = (cats == category).astype(float)
                ndcg_en, ndcg_zh = ndcg_at_k(rel, en_scores, 10), ndcg_at_k(rel, zh_scores, 10)
            rows.append([name, label, c["spearman"], c["kendall"], c["top10 overlap"], c["top50 overlap"],
                         ndcg_en, ndcg_zh])
        print(rows[-2], rows[-1], flush=True)
    table = markdown_table(
        ["job pair", "English job embedded with", "Spearman", "Kendall", "top-10 overlap", "top-50 overlap",
         "NDCG@10 en", "NDCG@10 zh"],
        [[("n/a" if isinstance(v, float) and np.isnan(v) else v) for v in r] for r in rows],
    )
    markdown = "\n".join([
        "## Cross-language ranking consistency (Chinese vs English job, same resumes)",
        "",
        (f"Pool: {len(corpus.profiles)} livecareer resumes (English). The Chinese job is always scored with e5 "
        "(what `choose_embedder` picks for Chinese); the English job with MiniLM (the default) and with e5. "
        "Correlations over the hybrid scores of all resumes."),
        "",
        table,
        "",
        f"Total {time.perf_counter() - t0:.0f} s. Machine: {machine()}.",
    ])
    print(markdown)
    if not args.no_write:  # the pool size is stated in the block
        write_block("rank_xlang", markdown)


if __name__ == "__main__":
    main()
