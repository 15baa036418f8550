"""The shipped skill taxonomy: canonical skills, their aliases (en + zh) and related skills.

Built by ``python -m shortlist.skills.build`` into ``data/skills.json.gz``; loading is a
single gzip+JSON read (cached), so every part of the project shares one instance.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from shortlist.skills.tokens import alias_key

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "skills.json.gz"


@dataclass(frozen=True, slots=True)
class SkillEntry:
    id: str
    name: str
    category: str | None
    source: str  # "hand" (project's own table), "onet" or "esco"
    hot: bool
    in_demand: bool
    occupations: int  # O*NET occupations that list the skill
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...]  # aliases that need exact casing and a skill context
    cased: tuple[str, ...]  # aliases that need exact casing only ("XML" but not "xml")
    weak: tuple[str, ...]  # everyday-word aliases matched with lower confidence
    related_ids: tuple[tuple[str, float], ...]
    soc_groups: tuple[str, ...] = ()


class Taxonomy:
    """Lookup by canonical name or any alias (case-insensitive; Chinese as written)."""

    def __init__(self, entries: list[SkillEntry], blocked: frozenset[str] = frozenset()) -> None:
        self.entries = entries
        self.blocked = blocked
        self._by_id = {e.id: e for e in entries}
        self._keys: dict[str, str] | None = None
        self._by_key: dict[str, SkillEntry] = {}

    @classmethod
    def from_dict(cls, data: dict) -> Taxonomy:
        entries = [
            SkillEntry(
                id=s["id"], name=s["name"], category=s.get("category"), source=s.get("source", "hand"),
                hot=bool(s.get("hot")), in_demand=bool(s.get("in_demand")),
                occupations=int(s.get("occupations", 0)), aliases=tuple(s.get("aliases", ())),
                ambiguous=tuple(s.get("ambiguous", ())), cased=tuple(s.get("cased", ())), weak=tuple(s.get("weak", ())),
                related_ids=tuple((data["skills"][r[0]]["id"], float(r[1])) for r in s.get("related", ())),
                soc_groups=tuple(s.get("soc_groups", ())),
            )
            for s in data["skills"]
        ]
        return cls(entries, frozenset(data.get("blocked", ())))

    @classmethod
    def load(cls, path: Path) -> Taxonomy:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

    @classmethod
    def default(cls) -> Taxonomy:
        """The shipped taxonomy, loaded once per process."""
        return _default()

    def key_of(self, alias: str) -> str:
        """The lookup key of one of this taxonomy's aliases (memoised: the extractor reuses it)."""
        if self._keys is None:
            self._index_keys()
        assert self._keys is not None
        key = self._keys.get(alias)
        return key if key is not None else alias_key(alias)

    def _index_keys(self) -> None:
        keys: dict[str, str] = {}
        for e in self.entries:
            for a in (e.name, *e.aliases):
                if a not in keys:
                    keys[a] = alias_key(a)
        self._keys = keys
        for e in self.entries:
            self._by_key.setdefault(keys[e.name], e)
        for e in self.entries:
            for a in e.aliases:
                self._by_key.setdefault(keys[a], e)

    def get(self, name_or_alias: str) -> SkillEntry | None:
        if not name_or_alias:
            return None
        if self._keys is None:
            self._index_keys()
        return self._by_key.get(alias_key(name_or_alias))

    def by_id(self, skill_id: str) -> SkillEntry | None:
        return self._by_id.get(skill_id)

    def canonical(self, name_or_alias: str) -> str | None:
        e = self.get(name_or_alias)
        return e.name if e else None

    def family(self, name_or_alias: str) -> str | None:
        """The skill's family: our own family for hand-written skills, else O*NET's commodity title."""
        e = self.get(name_or_alias)
        return e.category if e else None

    def related(self, name_or_alias: str) -> list[tuple[str, float]]:
        """Related canonical names with a 0..1 association score, strongest first."""
        e = self.get(name_or_alias)
        if e is None:
            return []
        return [(self._by_id[i].name, s) for i, s in e.related_ids if i in self._by_id]

    def __iter__(self) -> Iterator[SkillEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name_or_alias: object) -> bool:
        return isinstance(name_or_alias, str) and self.get(name_or_alias) is not None


@lru_cache(maxsize=1)
def _default() -> Taxonomy:
    return Taxonomy.load(DEFAULT_PATH)
