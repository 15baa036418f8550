"""The batch contract: one outcome per file, bad files become per-file errors, nothing is lost."""
import json

from typer.testing import CliRunner

from shortlist.cli import app
from shortlist.errors import Reason
from shortlist.pipeline import ProfileCache, collect_paths, parse_paths, summarise

RESUME = """Dana Whitfield
dana.whitfield@example.org | +1 415 555 0134 | San Francisco, CA

EXPERIENCE
Senior Software Engineer, Northwind Analytics
Jan 2019 - Present
- Built data pipelines in Python and PostgreSQL on Kubernetes

EDUCATION
B.S. in Computer Science, University of Oregon, 2014
"""


def _batch(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(RESUME, encoding="utf-8")
    (d / "sub" / "also_good.md").write_text(RESUME.replace("Dana Whitfield", "Omar Haddad"), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    (d / ".hidden").write_text("skip me")
    return d


def test_collect_paths_recurses_and_skips_hidden(tmp_path):
    d = _batch(tmp_path)
    names = [p.name for p in collect_paths([d])]
    assert "also_good.md" in names and ".hidden" not in names
    assert len(names) == 5


def test_batch_never_dies_and_counts_failures(tmp_path):
    d = _batch(tmp_path)
    outcomes = list(parse_paths(collect_paths([d]), workers=2))
    assert len(outcomes) == 5  # nothing lost
    by_name = {o.path.rsplit("/", 1)[-1]: o for o in outcomes}
    assert by_name["good.txt"].ok and by_name["good.txt"].profile.email.value == "dana.whitfield@example.org"
    assert by_name["empty.txt"].error.reason == Reason.EMPTY
    assert by_name["binary.bin"].error.reason == Reason.UNSUPPORTED
    assert by_name["broken.pdf"].error.reason == Reason.CORRUPT
    s = summarise(outcomes)
    assert (s.parsed, s.failed) == (2, 3)
    assert sum(s.failures_by_reason.values()) == 3


def test_cache_reuses_profiles_by_content(tmp_path):
    d = _batch(tmp_path)
    cache = ProfileCache(tmp_path / "cache")
    first = [o for o in parse_paths([d / "good.txt"], workers=1, cache=cache)]
    second = [o for o in parse_paths([d / "good.txt"], workers=1, cache=cache)]
    assert not first[0].cached and second[0].cached
    assert second[0].profile.model_dump() == first[0].profile.model_dump()


def test_cli_parse_json_has_jsonresume_keys_and_failures(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    d = _batch(tmp_path)
    res = CliRunner().invoke(app, ["parse", str(d), "--format", "json", "--workers", "1"])
    assert res.exit_code == 0, res.output
    records = json.loads(res.stdout)
    assert len(records) == 5
    ok = [r for r in records if r["meta"]["status"] == "parsed"]
    failed = [r for r in records if r["meta"]["status"] == "failed"]
    assert len(ok) == 2 and len(failed) == 3
    assert {r["basics"]["name"] for r in ok} == {"Dana Whitfield", "Omar Haddad"}
    assert all(r["meta"]["error"]["reason"] for r in failed)


def test_cli_exits_nonzero_only_when_nothing_parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    res = CliRunner().invoke(app, ["parse", str(bad), "--format", "jsonl"])
    assert res.exit_code == 1


def test_cli_redact_drops_contact(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    f = tmp_path / "cv.txt"
    f.write_text(RESUME, encoding="utf-8")
    res = CliRunner().invoke(app, ["parse", str(f), "--format", "json", "--redact"])
    assert res.exit_code == 0, res.output
    assert "Dana" not in res.stdout and "dana.whitfield" not in res.stdout and "555" not in res.stdout


def test_parser_version_follows_the_parsing_code(tmp_path):
    from shortlist.pipeline import _parser_digest

    (tmp_path / "profile").mkdir()
    rules = tmp_path / "profile" / "work.py"
    rules.write_text("TITLE_WORDS = ['engineer']\n")
    (tmp_path / "profile" / "notes.txt").write_text("not parsing code")
    before = _parser_digest(tmp_path)
    (tmp_path / "profile" / "notes.txt").write_text("changed, but not code")
    assert _parser_digest(tmp_path) == before
    rules.write_text("TITLE_WORDS = ['engineer', 'nurse']\n")
    assert _parser_digest(tmp_path) != before  # a cached profile from the old rules is not reused
