"""Talent analytics: skill demand and trends in postings, supply against demand in a candidate
pool, and the hiring funnel from recorded decisions. Functions return pydantic models whose
tables export as CSV; ``charts`` draws them (matplotlib, imported lazily)."""
from shortlist.analytics.demand import (
    DemandTable,
    Pair,
    SkillSeries,
    Trend,
    cooccurrence,
    falling,
    pairs_csv,
    rising,
    skill_demand,
    trends,
    trends_csv,
)
from shortlist.analytics.funnel import Funnel, FunnelReport, StageRow, funnel
from shortlist.analytics.postings import Posting, load_postings, postings_from_texts, postings_from_workspace
from shortlist.analytics.supply import (
    RequirementSupply,
    SkillSupply,
    SupplyDemand,
    SurplusSkill,
    supply_demand,
)

__all__ = [
    "DemandTable", "Funnel", "FunnelReport", "Pair", "Posting", "RequirementSupply", "SkillSeries", "SkillSupply",
    "StageRow", "SupplyDemand", "SurplusSkill", "Trend", "cooccurrence", "falling", "funnel", "load_postings",
    "pairs_csv", "postings_from_texts", "postings_from_workspace", "rising", "skill_demand", "supply_demand",
    "trends", "trends_csv",
]
