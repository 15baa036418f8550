import numpy as np
import pytest

from shortlist.match.parts import PART_NAMES

FEATURES = list(PART_NAMES)  # the hybrid ranker's score parts, in its order


def synthetic(n_resumes: int = 60, n_jobs: int = 3, seed: int = 0):
    """Rows for every (resume, job) pair; outcome driven by two parts plus noise."""
    rng = np.random.default_rng(seed)
    n = n_resumes * n_jobs
    X = rng.random((n, len(FEATURES)))
    z = 3 * X[:, 0] + 2 * X[:, 2] - 2.5 + rng.normal(0, 0.4, n)
    grades = np.select([z > 1, z > 0, z > -1], [3, 2, 1], 0)
    resumes = [f"r{i % n_resumes}" for i in range(n)]
    jobs = [f"j{i // n_resumes}" for i in range(n)]
    return X, grades, resumes, jobs


@pytest.fixture
def data():
    return synthetic()
