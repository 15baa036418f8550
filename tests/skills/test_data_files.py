"""The hand-written tables are well formed: a mistake there silently drops an alias."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from shortlist.skills.build import DATA_DIR, _read_tsv
from shortlist.skills.tokens import alias_key


def _rows(name: str) -> list[list[str]]:
    return _read_tsv(DATA_DIR / name)


def test_tables_have_two_columns() -> None:
    for name in ("skills_families.tsv", "skill_aliases.tsv", "skills_lexicon.tsv"):
        for row in _rows(name):
            assert len(row) == 2 and all(row), (name, row)


def test_every_aliased_skill_has_a_family() -> None:
    families = {c for c, _ in _rows("skills_families.tsv")}
    assert {c for c, _ in _rows("skill_aliases.tsv")} <= families


def test_no_alias_points_at_two_skills() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for canon, _ in _rows("skills_families.tsv"):
        owners[alias_key(canon)].add(canon)
    for canon, alias in _rows("skill_aliases.tsv"):
        owners[alias_key(alias)].add(canon)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_lexicon_rules_are_known() -> None:
    assert {rule for rule, _ in _rows("skills_lexicon.tsv")} <= {"ambiguous", "block", "allow", "weak", "cased"}


def test_chinese_aliases_cover_the_core_terms() -> None:
    aliases = {a for _, a in _rows("skill_aliases.tsv")}
    for term in ("机器学习", "深度学习", "数据分析", "项目管理", "前端", "后端", "微服务", "自然语言处理",
                 "会计", "财务分析", "税务"):
        assert term in aliases, term


def test_notice_names_both_sources() -> None:
    notice = (Path(DATA_DIR) / "SKILLS_NOTICE.md").read_text(encoding="utf-8")
    assert "O*NET 29.2" in notice and "CC BY 4.0" in notice and "ESCO" in notice
