"""End to end: outcome file -> parsed resumes and jobs -> score parts -> CV report -> saved model.

Resumes and jobs are written here; a hashed bag-of-words embedder stands in for the ONNX
models so the test needs no model files.
"""
import hashlib
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from shortlist.learn.cv import NotEnoughData
from shortlist.learn.model import load_model
from shortlist.learn.outcomes import load_outcomes
from shortlist.learn.train import train
from shortlist.match.parts import PART_NAMES
from shortlist.match.rank import HybridRanker

BACKEND_JOB = """Senior Backend Engineer

Requirements:
- 5+ years of experience building backend services
- Strong Python and PostgreSQL
- Experience with Docker and Kubernetes
- Bachelor's degree in Computer Science

Nice to have:
- Kafka
"""

ACCOUNTING_JOB = """Staff Accountant

Requirements:
- 3+ years of accounting experience
- General ledger, accounts payable and month-end close
- Microsoft Excel and QuickBooks
- Bachelor's degree in Accounting
"""

FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan", "Morgan",
         "Parker", "Quinn", "Reese", "Rowan", "Sawyer", "Skyler", "Taylor"]


def _resume(i: int, kind: str, strong: bool) -> str:
    name = f"{FIRST[i % len(FIRST)]} Example{i}"
    start = 2012 if strong else 2023
    if kind == "dev":
        skills = "Python, PostgreSQL, Docker, Kubernetes, Kafka" if strong else "HTML, CSS"
        title, bullet = "Backend Engineer", f"Built services in {skills}"
        degree = "B.S. in Computer Science"
    else:
        skills = "general ledger, accounts payable, month-end close, Microsoft Excel, QuickBooks" if strong else "filing"
        title, bullet = "Accountant", f"Handled {skills}"
        degree = "B.A. in Accounting"
    return f"""{name}
{name.split()[0].lower()}{i}@example.org | +1 415 555 01{i:02d}

EXPERIENCE
{title}, Company {i}
Jan {start} - Present
- {bullet}

SKILLS
{skills}

EDUCATION
{degree}, State University, {start - 4}
"""


class BowEmbedder:
    """Hashed bag of words, L2-normalised; calibrated similarity is the clipped cosine."""

    name, dim, asymmetric = "test-bow", 64, False

    def encode(self, texts, kind="passage"):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def similarity(self, a, b):
        return np.clip(np.atleast_2d(a) @ np.atleast_2d(b).T, 0.0, 1.0).squeeze()


@pytest.fixture
def outcome_file(tmp_path):
    (tmp_path / "resumes").mkdir()
    (tmp_path / "backend.txt").write_text(BACKEND_JOB)
    (tmp_path / "accounting.txt").write_text(ACCOUNTING_JOB)
    rows = ["resume,job,label"]
    for i in range(16):
        kind, strong = ("dev" if i % 2 == 0 else "acct"), i % 4 < 2
        path = f"resumes/r{i}.txt"
        (tmp_path / path).write_text(_resume(i, kind, strong))
        rows.append(f"{path},backend.txt,{'hired' if kind == 'dev' and strong else 'rejected'}")
        rows.append(f"{path},accounting.txt,{3 if kind == 'acct' and strong else 0}")
    (tmp_path / "outcomes.csv").write_text("\n".join(rows) + "\n")
    return tmp_path / "outcomes.csv"


def _ranker():
    return HybridRanker(embedder=BowEmbedder())


def test_train_end_to_end(outcome_file, tmp_path):
    outcomes = load_outcomes(outcome_file)
    report = train(outcomes, k=3, kind="logistic", ranker=_ranker(), workers=1)
    assert report.n_examples == 32 and report.n_positive == 8 and report.n_resumes == 16 and report.n_jobs == 2
    assert report.feature_names == list(PART_NAMES)
    assert report.group_by == "resume"  # every resume is labelled for both jobs
    assert len(report.folds) == 3
    # the hybrid score ranks the strong candidates of each job first on these clear-cut resumes
    assert report.summary["hybrid"]["ndcg"].mean > 0.9
    path = report.model.save(tmp_path / "models", name="team")
    model = load_model(path)  # checked against the ranker's PART_NAMES
    assert model.report["k"] == 3 and model.data_hash == report.data_sha256
    # the saved model plugs into the ranker and ranks a strong backend resume above a weak one
    from shortlist.profile.job import parse_job_text
    from shortlist.profile.parse import parse_text

    job = parse_job_text(BACKEND_JOB)
    strong, weak = parse_text(_resume(40, "dev", True)), parse_text(_resume(41, "dev", False))
    strong.source, weak.source = "strong", "weak"
    ranked = HybridRanker(embedder=BowEmbedder(), model=model).rank(job, [weak, strong])
    assert [r.source for r in ranked] == ["strong", "weak"]
    assert ranked[0].model.startswith("trained:team")


def test_train_refuses_too_few_outcomes(outcome_file):
    outcomes = load_outcomes(outcome_file)[:6]
    with pytest.raises(NotEnoughData, match="more positive"):
        train(outcomes, k=3, ranker=_ranker(), workers=1)


def test_cli_train_prints_table_and_saves(outcome_file, tmp_path, monkeypatch):
    import shortlist.cli_train  # noqa: F401  (registers the command)
    from shortlist.cli import app

    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("shortlist.match.rank.default_embedder", lambda *texts: BowEmbedder())
    result = CliRunner().invoke(
        app, ["train", "ranker", str(outcome_file), "--k", "3", "--kind", "gbm", "--name", "acme",
              "--models-dir", str(tmp_path / "models"), "--workers", "1"],
    )
    assert result.exit_code == 0, result.output
    assert "ndcg" in result.output and "hybrid (untrained)" in result.output
    saved = tmp_path / "models" / "acme-v1.json"
    assert saved.is_file() and str(saved) in result.output.replace("\n", "")
    assert json.loads(saved.read_text())["kind"] == "gbm"
