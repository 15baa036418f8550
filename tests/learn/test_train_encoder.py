"""A team fine-tunes the matcher's projection on its outcomes: grouped CV, a file, no personal details."""
import numpy as np
import pytest
from tests.learn.test_train import ACCOUNTING_JOB, BACKEND_JOB, BowEmbedder, _resume
from typer.testing import CliRunner

from shortlist.embed.project import ProjectedEmbedder, Projection, ProjectionMeta
from shortlist.embed.tune import outcome_pairs, tune_on_outcomes
from shortlist.learn.outcomes import load_outcomes
from shortlist.learn.train import outcome_rows


@pytest.fixture
def rows(tmp_path):
    (tmp_path / "resumes").mkdir()
    lines = ["resume,job,label"]
    jobs = {}
    for j in range(4):  # four job posts of two kinds: folds are grouped by job
        name = f"job{j}.txt"
        (tmp_path / name).write_text(BACKEND_JOB if j % 2 == 0 else ACCOUNTING_JOB)
        jobs[j] = name
    for i in range(12):
        kind, strong = ("dev" if i % 2 == 0 else "acct"), i % 4 < 2
        path = f"resumes/r{i}.txt"
        (tmp_path / path).write_text(_resume(i, kind, strong))
        for j, name in jobs.items():
            good = strong and (kind == "dev") == (j % 2 == 0)
            lines.append(f"{path},{name},{'hired' if good else 'rejected'}")
    (tmp_path / "outcomes.csv").write_text("\n".join(lines) + "\n")
    got, skipped = outcome_rows(load_outcomes(tmp_path / "outcomes.csv"), workers=1)
    assert not skipped
    return got


def test_pairs_read_the_neutral_view(rows):
    pairs = outcome_pairs(rows)
    assert pairs
    texts = " ".join(a + " " + b for a, b, _ in pairs)
    for profile, _, _ in rows:
        name, contact = profile.text.splitlines()[:2]  # "Avery Example0" / "avery0@example.org | +1 ..."
        assert name.split()[1] not in texts
        assert contact.split(" | ")[0] not in texts and "555" not in texts


def test_tune_on_outcomes_cross_validates_by_job_and_returns_a_loadable_projection(rows, tmp_path):
    base = BowEmbedder()
    proj, metrics = tune_on_outcomes(base, rows, folds=2)
    assert metrics["jobs"] == 4 and metrics["folds"] == 2
    for side in ("before", "after"):
        assert 0.0 <= metrics[side]["ndcg@10"] <= 1.0 and 0.0 <= metrics[side]["auc"] <= 1.0
    back = Projection.load(proj.save(tmp_path / "team.npz"))
    assert back.meta.base == "test-bow" and not back.meta.shippable and back.meta.metrics["outcomes"] == metrics
    assert ProjectedEmbedder(base, back).encode(["python services"]).shape == (1, 64)


def test_too_few_jobs_is_a_clear_error(rows):
    with pytest.raises(ValueError, match="folds grouped by job"):
        tune_on_outcomes(BowEmbedder(), rows, folds=5)


def test_starting_projection_is_where_training_starts(rows):
    base = BowEmbedder()
    start = Projection(np.eye(64, dtype=np.float32) * 1.5, ProjectionMeta(base="test-bow", trained_on=["x (own)"]))
    proj, _ = tune_on_outcomes(base, rows, start=start, folds=2, params={"epochs": 0})
    assert np.allclose(proj.matrix, start.matrix) and proj.meta.trained_on[0] == "x (own)"


def test_cli_train_encoder_help_names_the_input():
    from shortlist.cli import app

    result = CliRunner().invoke(app, ["train", "encoder", "--help"])
    assert result.exit_code == 0 and "resume, job, label" in result.output
