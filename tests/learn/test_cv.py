import numpy as np
import pytest

from shortlist.learn.cv import Dataset, NotEnoughData, check_enough, cross_validate, folds, group_ids

from .conftest import FEATURES, synthetic


def _dataset(X, grades, resumes, jobs):
    return Dataset(X=X, grades=grades, hybrid=X.mean(axis=1), resumes=resumes, jobs=jobs, feature_names=FEATURES)


def test_no_resume_in_both_train_and_test(data):
    X, grades, resumes, jobs = data
    groups, used = group_ids(resumes, jobs, "resume", 5)
    assert used == "resume"
    splits = folds(groups, grades >= 2, 5)
    assert len(splits) == 5
    seen_test = np.zeros(len(X), dtype=int)
    r = np.asarray(resumes)
    for tr, te in splits:
        assert not set(r[tr]) & set(r[te])
        seen_test[te] += 1
    assert np.all(seen_test == 1)  # every row tested exactly once


def test_job_grouping_merges_jobs_that_share_a_resume():
    resumes = ["a", "b", "c", "d", "a", "e", "f", "g"]
    jobs = ["j1", "j1", "j2", "j2", "j3", "j3", "j4", "j4"]
    groups, used = group_ids(resumes, jobs, "job", 2)
    assert used == "job"
    assert groups[0] == groups[4]  # j1 and j3 share resume a
    assert len(set(groups)) == 3
    # auto falls back to resumes when jobs leave fewer than k groups
    assert group_ids(resumes, jobs, "auto", 5)[1] == "resume"
    assert group_ids(resumes, jobs, "auto", 3)[1] == "job"


def test_refusal_says_how_many_more_of_which_label():
    grades = np.array([3, 0, 0, 0, 0, 0, 0, 2])
    groups = [str(i) for i in range(8)]
    with pytest.raises(NotEnoughData) as info:
        check_enough(grades, groups, k=5)
    msg = str(info.value)
    assert "2 more example(s) (have 8, need at least 10 for k=5)" in msg
    assert "3 more positive (interview/advanced/offer/hired, or grade 2-3) example(s) (have 2, need 5)" in msg
    assert "negative" not in msg.split("need", 1)[1].split(";")[0]


def test_refusal_when_positives_sit_in_too_few_resumes():
    grades = np.array([3] * 6 + [0] * 6)
    groups = ["a", "a", "a", "b", "b", "b"] + [str(i) for i in range(6)]
    with pytest.raises(NotEnoughData, match="positive outcomes from 3 more different"):
        check_enough(grades, groups, k=5)


def test_enough_data_passes():
    check_enough(np.array([3, 0] * 5), [str(i) for i in range(10)], k=5)


@pytest.mark.parametrize("kind", ["logistic", "gbm"])
def test_cross_validate_reports_both_scorers(kind, data):
    report = cross_validate(_dataset(*data), k=4, kind=kind)
    assert len(report.folds) == 4
    assert report.group_by == "resume"  # every resume is in every job, so jobs merge into one group
    assert sum(f.n_test for f in report.folds) == report.n_examples == 180
    for scorer in ("model", "hybrid"):
        for metric in ("accuracy", "precision", "recall", "f1", "ndcg", "ndcg@10"):
            stat = report.summary[scorer][metric]
            assert 0.0 <= stat.mean <= 1.0 and stat.std >= 0.0
    # the outcome depends on two parts only: a fitted model beats the plain mean of all parts
    assert report.summary["model"]["ndcg"].mean > report.summary["hybrid"]["ndcg"].mean
    assert report.model is not None and report.model.data_hash == report.data_sha256
    assert report.model.report["n_examples"] == 180
    _header, rows = report.table()
    assert [r[0] for r in rows] == ["accuracy", "precision", "recall", "f1", "ndcg", "ndcg@10"]
    assert "model" not in report.model_dump()


def test_cross_validate_refuses_small_data():
    X, grades, resumes, jobs = synthetic(n_resumes=3, n_jobs=1)
    with pytest.raises(NotEnoughData, match="more example"):
        cross_validate(_dataset(X, grades, resumes, jobs), k=5)


def test_dataset_hash_changes_with_labels(data):
    X, grades, resumes, jobs = data
    a = _dataset(X, grades, resumes, jobs).sha256()
    g2 = grades.copy()
    g2[0] = 3 - g2[0]
    assert a != _dataset(X, g2, resumes, jobs).sha256()
    assert a == _dataset(X, grades, resumes, jobs).sha256()
