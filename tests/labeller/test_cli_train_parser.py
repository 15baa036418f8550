"""`shortlist train parser` on BIO files a team could write, then `--parser-model` to use it."""
import json

from typer.testing import CliRunner

from shortlist.cli import app
from shortlist.labeller.synth import generate
from shortlist.labeller.tokens import bio_tags, tokenize


def _write_bio(doc, path):
    toks = tokenize(doc.text)
    tags = bio_tags(toks, doc.spans)
    lines = []
    prev_end = 0
    for t, tag in zip(toks, tags):
        if "\n" in doc.text[prev_end:t.start] and lines and lines[-1]:
            lines.append("")
        lines.append(f"{t.text} {tag}")
        prev_end = t.end
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_train_parser_then_parse_with_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "")  # restored after the test: the CLI sets it for its run
    data = tmp_path / "labelled"
    data.mkdir()
    for i, doc in enumerate(generate(12, seed=4)):
        _write_bio(doc, data / f"cv{i}.bio")
    (data / "notes.json").write_text("{}", encoding="utf-8")  # no document beside it: reported, skipped
    model = tmp_path / "team.slm"
    runner = CliRunner()
    res = runner.invoke(app, ["train", "parser", str(data), "-o", str(model), "--folds", "3", "--no-with-shipped-data"])
    assert res.exit_code == 0, res.output
    assert "3-fold cross-validation" in res.output and "TITLE" in res.output
    assert "no source document" in res.output and model.is_file()
    cv = tmp_path / "cv.txt"
    cv.write_text(generate(1, seed=77)[0].text, encoding="utf-8")
    res = runner.invoke(app, ["--parser-model", str(model), "parse", str(cv), "--format", "json", "--no-cache"])
    assert res.exit_code == 0, res.output
    record = json.loads(res.stdout)
    assert record[0]["work"] if isinstance(record, list) else record["work"]


def test_missing_parser_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SHORTLIST_PARSER_MODEL", "")  # restored after the test: the CLI sets it for its run
    res = CliRunner().invoke(app, ["--parser-model", str(tmp_path / "nope.slm"), "parse", str(tmp_path)])
    assert res.exit_code == 2 and "train parser" in res.output
