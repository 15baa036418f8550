"""The shipped taxonomy: present, loadable, aliases resolve, related skills make sense."""
from __future__ import annotations

from shortlist.skills.taxonomy import DEFAULT_PATH, Taxonomy


def test_shipped_file_exists_and_is_small() -> None:
    assert DEFAULT_PATH.is_file()
    assert DEFAULT_PATH.stat().st_size < 2 * 1024 * 1024


def test_default_is_cached_and_large() -> None:
    tax = Taxonomy.default()
    assert tax is Taxonomy.default()
    assert len(tax) > 5000
    assert len({e.id for e in tax}) == len(tax)  # ids are unique


def test_aliases_resolve_to_canonical_names() -> None:
    tax = Taxonomy.default()
    assert tax.canonical("k8s") == "Kubernetes"
    assert tax.canonical("JS") == "JavaScript"
    assert tax.canonical("ml") == "Machine learning"
    assert tax.canonical("机器学习") == "Machine learning"
    assert tax.canonical("Structured query language SQL") == "SQL"
    assert tax.canonical("Oracle Java") == "Java"
    assert tax.canonical("no such skill at all") is None
    assert tax.get("") is None
    assert "Python" in tax


def test_entry_fields() -> None:
    tax = Taxonomy.default()
    py = tax.get("python")
    assert py is not None and py.name == "Python"
    assert py.occupations > 10 and py.hot
    assert tax.family("Python") == "Programming languages"
    assert tax.family("bookkeeping") == "Accounting and finance"


def test_related_is_sensible() -> None:
    tax = Taxonomy.default()
    rel = dict(tax.related("PyTorch"))
    assert {"TensorFlow", "Machine learning"} & set(rel)
    assert all(0 < s <= 1 for s in rel.values())
    scores = [s for _, s in tax.related("PyTorch")]
    assert scores == sorted(scores, reverse=True)
    assert "Microsoft Word" in dict(tax.related("Microsoft Excel"))
    assert tax.related("no such skill") == []
