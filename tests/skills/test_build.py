"""The taxonomy build on a tiny O*NET-format fixture written here (never the real data)."""
from __future__ import annotations

from pathlib import Path

from shortlist.skills.build import build, write
from shortlist.skills.extract import extract_skills
from shortlist.skills.taxonomy import Taxonomy

HEADER = "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
ROWS = [
    ("15-1252.00", "Oracle Java", "43232405", "Object or component oriented development software", "Y", "Y"),
    ("15-1252.00", "Structured query language SQL", "43232306", "Data base user interface and query software", "Y", "N"),
    ("15-1252.00", "Frobnicator Widget Studio", "43232104", "Word processing software", "N", "N"),
    ("15-1252.00", "Lantern", "43232310", "Point of sale POS software", "N", "N"),
    ("15-1211.00", "Oracle Java", "43232405", "Object or component oriented development software", "Y", "N"),
    ("15-1211.00", "Structured query language SQL", "43232306", "Data base user interface and query software", "N", "N"),
    ("15-1211.00", "Frobnicator Widget Studio", "43232104", "Word processing software", "N", "N"),
    ("41-2011.00", "Lantern", "43232310", "Point of sale POS software", "N", "N"),
    ("15-1252.00", "Quux Report Format QRF", "43232306", "Data base reporting software", "N", "N"),
    ("15-1211.00", "Quux Report Format QRF", "43232306", "Data base reporting software", "N", "N"),
    ("41-2011.00", "Quux Report Format QRF", "43232306", "Data base reporting software", "N", "N"),
    ("41-2011.00", "Rare Tool Kit RTK", "43232306", "Data base reporting software", "N", "N"),
]
TASKS = (
    "O*NET-SOC Code\tTask ID\tTask\n"
    "41-2011.00\t1\tMeasure the lantern hooks of a lantern room.\n"
    "41-2011.00\t2\tCut a lantern panel.\n"
)


def _fixture(root: Path) -> Path:
    onet = root / "taxonomy_onet"
    onet.mkdir(parents=True)
    (onet / "Technology Skills.txt").write_text(HEADER + "".join("\t".join(r) + "\n" for r in ROWS), encoding="utf-8")
    (onet / "Task Statements.txt").write_text(TASKS, encoding="utf-8")
    return root


def test_build_is_deterministic(tmp_path: Path) -> None:
    data = _fixture(tmp_path / "data")
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write(build(data), a)
    write(build(data), b)
    assert a.read_bytes() == b.read_bytes()


def test_build_merges_and_derives_aliases(tmp_path: Path) -> None:
    tax = Taxonomy.from_dict(build(_fixture(tmp_path / "data")))
    java = tax.get("Oracle Java")
    assert java is not None and java.name == "Java"  # merged into the hand-written canonical
    assert java.occupations == 2 and java.hot and java.in_demand
    assert tax.canonical("Structured query language SQL") == "SQL"
    widget = tax.get("Frobnicator Widget Studio")
    assert widget is not None and widget.source == "onet"
    assert widget.category == "Word processing software"
    assert tax.canonical("Frobnicator Widget Studio") == widget.name
    lantern = tax.get("Lantern")
    assert lantern is not None and "Lantern" in lantern.ambiguous  # an everyday word in the task text
    # used by exactly the same two occupations: Ochiai 1.0, shrunk for the small count (2 / (2 + 3))
    assert dict(tax.related("SQL"))["Java"] == 0.4


def test_fixture_taxonomy_drives_extraction(tmp_path: Path) -> None:
    tax = Taxonomy.from_dict(build(_fixture(tmp_path / "data")))
    text = "Built Frobnicator Widget Studio plugins. Hung a Lantern. Cut a lantern panel."
    hits = extract_skills(text, tax)
    assert [h.name for h in hits] == ["Frobnicator Widget Studio"]
    # a widely used product's acronym is an alias, in capitals only; a rare product's is not
    text = "Exported QRF files (qrf is also a word here) with the RTK."
    assert [h.surface for h in extract_skills(text, tax)] == ["QRF"]
