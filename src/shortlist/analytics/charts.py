"""Charts for the analytics tables, as SVG or PNG bytes, each returned with the table it plots.

matplotlib (Agg backend) is imported only here and only when a chart is asked for. Chinese
skill names need a CJK font: an installed one (Noto Sans CJK, Source Han, WenQuanYi, ...) is
used when matplotlib can find it; without one, SVG keeps its text as text (the viewer's fonts
draw it) and PNG falls back to the default font with a warning that CJK glyphs will be boxes.
"""
from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from shortlist.analytics.demand import DemandTable, period_time
from shortlist.analytics.funnel import Funnel
from shortlist.analytics.supply import SupplyDemand
from shortlist.analytics.table import to_csv
from shortlist.errors import MissingExtra
from shortlist.skills.tokens import has_cjk

log = logging.getLogger(__name__)

ChartFormat = Literal["svg", "png"]
CJK_FONT_HINTS = ("Noto Sans CJK", "Noto Sans SC", "Noto Serif CJK", "Source Han Sans", "WenQuanYi",
                  "Droid Sans Fallback", "AR PL", "SimHei", "Microsoft YaHei", "PingFang", "Heiti", "Sarasa")


class Chart(BaseModel):
    """Image bytes and the CSV table behind them (what a screen reader or a spreadsheet gets)."""

    format: ChartFormat
    data: bytes
    table_csv: str
    font_warning: str | None = None  # set when Chinese labels may not render

    @property
    def media_type(self) -> str:
        return "image/svg+xml" if self.format == "svg" else "image/png"


def _pyplot():
    try:
        import matplotlib
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise MissingExtra("matplotlib", "charts", "drawing analytics charts") from e
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed CJK font matplotlib can use, or None."""
    _pyplot()
    from matplotlib import font_manager

    names = sorted({f.name for f in font_manager.fontManager.ttflist})
    for hint in CJK_FONT_HINTS:
        for n in names:
            if n.lower().startswith(hint.lower()):
                return n
    return None


def _render(fig, fmt: ChartFormat, labels: Sequence[str]) -> tuple[bytes, str | None]:
    plt = _pyplot()
    warning = None
    rc = {}
    if any(has_cjk(s) for s in labels) and cjk_font() is None:
        if fmt == "svg":
            rc["svg.fonttype"] = "none"  # keep text as text: the browser's CJK fonts draw it
            warning = "no CJK font installed: Chinese labels are stored as SVG text for the viewer to draw"
        else:
            warning = "no CJK font installed (e.g. fonts-noto-cjk): Chinese labels in the PNG show as boxes"
        log.info(warning)  # the Chart carries it; callers decide how to show it
    buf = io.BytesIO()
    import matplotlib

    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        fig.savefig(buf, format=fmt, bbox_inches="tight", dpi=120)
    plt.close(fig)
    return buf.getvalue(), warning


def _figure(width: float, height: float):
    plt = _pyplot()
    import matplotlib

    font = cjk_font()
    families = ([font] if font else []) + ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": families}):
        fig, ax = plt.subplots(figsize=(width, height))
    for text_obj in (ax.title, ax.xaxis.label, ax.yaxis.label):
        text_obj.set_fontfamily(families)
    return fig, ax, families


def trend_chart(demand: DemandTable, skills: Sequence[str], fmt: ChartFormat = "svg",
                min_period_postings: int = 1, title: str | None = None) -> Chart:
    """Line chart: share of postings naming each skill, per period (periods with too few postings left out)."""
    keep = [i for i, n in enumerate(demand.totals) if n >= min_period_postings]
    fig, ax, families = _figure(9, 4.8)
    xs = [period_time(demand.periods[i]) for i in keep]
    for s in skills:
        shares = demand.shares(s)
        ax.plot(xs, [100 * (shares[i] or 0.0) for i in keep], marker="o", markersize=2.5, linewidth=1.4, label=s)
    ax.set_ylabel("% of postings")
    ax.set_xlabel(demand.period)
    if xs:  # label periods as people write them ("2024-03", "2024Q1"), at most ~12 ticks
        step = max(1, len(xs) // 12)
        ax.set_xticks(xs[::step], [demand.periods[i] for i in keep][::step], rotation=45, ha="right", fontsize=8)
        if len(xs) == 1:
            ax.set_xlim(xs[0] - 0.5, xs[0] + 0.5)
    ax.set_title(title or "Skill demand over time", fontfamily=families)
    ax.grid(alpha=0.3)
    if skills:
        legend = ax.legend(loc="upper left", fontsize=8, ncol=2, frameon=False)
        for t in legend.get_texts():
            t.set_fontfamily(families)
    data, warning = _render(fig, fmt, list(skills))
    rows = [r for r in demand.rows(skills) if r[1] >= min_period_postings]
    return Chart(format=fmt, data=data, table_csv=to_csv(["period", "postings", "skill", "count", "share"], rows),
                 font_warning=warning)


def gap_chart(supply: SupplyDemand, top: int = 15, fmt: ChartFormat = "svg", title: str | None = None) -> Chart:
    """Horizontal bars per requirement: share of the pool meeting it, partly meeting it; scarcest on top."""
    reqs = supply.scarcest(top)
    labels = [f"{r.label}{'' if r.required else ' (nice)'}" + (f" · {r.job}" if supply.jobs > 1 else "")
              for r in reqs]
    fig, ax, families = _figure(9, 0.6 + 0.38 * max(1, len(reqs)))
    y = list(range(len(reqs)))[::-1]
    met = [100 * r.share_met for r in reqs]
    part = [100 * (r.share_covered - r.share_met) for r in reqs]
    ax.barh(y, met, color="#2b8a3e", label="meets")
    ax.barh(y, part, left=met, color="#f08c00", label="partly (related skill / fewer years)")
    ax.set_yticks(y, labels, fontfamily=families, fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel(f"% of the pool ({supply.pool} candidates)")
    ax.set_title(title or "Supply against demand: scarcest requirements", fontfamily=families, pad=22)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=8, frameon=False)  # above the bars
    data, warning = _render(fig, fmt, labels)
    table = to_csv(["job", "requirement_id", "label", "required", "met", "partial", "pool", "share_met",
                    "share_covered"],
                   [[r.job, r.requirement_id, r.label, r.required, r.met, r.partial, r.pool, r.share_met,
                     r.share_covered] for r in reqs])
    return Chart(format=fmt, data=data, table_csv=table, font_warning=warning)


def funnel_chart(funnel: Funnel, fmt: ChartFormat = "svg", title: str | None = None) -> Chart:
    """Centred horizontal bars, one per stage, width = candidates who reached it, with conversion."""
    rows = funnel.stages
    fig, ax, families = _figure(8, 0.8 + 0.55 * len(rows))
    top = max((r.reached for r in rows), default=0) or 1
    y = list(range(len(rows)))[::-1]
    widths = [r.reached for r in rows]
    ax.barh(y, widths, left=[(top - w) / 2 for w in widths], color="#1971c2")
    for yi, r in zip(y, rows):
        conv = "" if r.conversion is None else f"  ({100 * r.conversion:.0f}% of previous)"
        label = f"{r.reached}{conv}"
        if r.reached >= 0.45 * top:  # fits inside the bar
            ax.text(top / 2, yi, label, ha="center", va="center", color="white", fontsize=9)
        else:  # beside a narrow bar, in dark text
            ax.text((top + r.reached) / 2 + 0.01 * top, yi, label, ha="left", va="center", color="black", fontsize=9)
    ax.set_yticks(y, [r.stage for r in rows])
    ax.set_xticks([])
    scope = funnel.job_title or (f"job {funnel.job_id}" if funnel.job_id else "all jobs")
    ax.set_title(title or f"Hiring funnel: {scope}" + (f", {funnel.period}" if funnel.period else ""),
                 fontfamily=families)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    data, warning = _render(fig, fmt, [scope])
    table = to_csv(["stage", "reached", "current", "rejected_here", "conversion", "overall", "median_days", "timed"],
                   [[r.stage, r.reached, r.current, r.rejected_here, r.conversion, r.overall, r.median_days, r.timed]
                    for r in rows])
    return Chart(format=fmt, data=data, table_csv=table, font_warning=warning)
