import sys
import xml.etree.ElementTree as ET

import pytest

from shortlist.analytics.demand import skill_demand
from shortlist.analytics.funnel import funnel_from_paths
from shortlist.analytics.supply import RequirementSupply, SupplyDemand
from shortlist.errors import MissingExtra

from .conftest import planted_postings

pytest.importorskip("matplotlib")
from shortlist.analytics import charts


def _svg_ok(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    return root


def test_trend_chart_svg_and_png_with_table():
    demand = skill_demand(planted_postings(months=6), "month")
    svg = charts.trend_chart(demand, ["Rust", "Java"], "svg")
    _svg_ok(svg.data)
    assert svg.media_type == "image/svg+xml"
    lines = svg.table_csv.splitlines()
    assert lines[0] == "period,postings,skill,count,share" and len(lines) == 1 + 2 * 6
    png = charts.trend_chart(demand, ["Rust"], "png")
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert png.table_csv.splitlines()[1] == "2020-01,20,Rust,2,0.1"


def test_gap_chart_puts_scarcest_first_in_its_table():
    reqs = [RequirementSupply(job="j", requirement_id=f"skill:{s}", label=s, kind="skill", required=True,
                              met=m, partial=1, missing=9 - m, pool=10) for s, m in (("Python", 8), ("Rust", 1))]
    chart = charts.gap_chart(SupplyDemand(pool=10, jobs=1, method="skills", requirements=reqs), fmt="svg")
    _svg_ok(chart.data)
    assert [line.split(",")[2] for line in chart.table_csv.splitlines()[1:]] == ["Rust", "Python"]


def test_funnel_chart_png():
    f = funnel_from_paths([])
    chart = charts.funnel_chart(f, fmt="png")
    assert chart.data.startswith(b"\x89PNG")
    assert chart.table_csv.splitlines()[1].startswith("applied,0,0,0")


def test_chinese_labels_render_or_stay_text():
    demand = skill_demand(planted_postings(months=3), "month")
    demand.skills[0].skill = "机器学习"
    chart = charts.trend_chart(demand, ["机器学习"], "svg")
    _svg_ok(chart.data)
    if charts.cjk_font() is None:
        assert chart.font_warning and "机器学习" in chart.data.decode("utf-8")  # text the viewer can draw
    else:
        assert chart.font_warning is None
    assert "机器学习" in chart.table_csv


def test_missing_matplotlib_names_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    charts.cjk_font.cache_clear()
    with pytest.raises(MissingExtra, match="matplotlib"):
        charts.trend_chart(skill_demand(planted_postings(months=3), "month"), ["Rust"])
    charts.cjk_font.cache_clear()
