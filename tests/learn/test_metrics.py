import math

import numpy as np
import pytest

from shortlist.learn.metrics import (
    average_precision,
    best_f1_threshold,
    binary_metrics,
    dcg,
    mean_std,
    ndcg_at_k,
    precision_at_k,
)


def test_dcg_by_hand():
    # gains 2^3-1=7, 2^0-1=0, 2^2-1=3 at ranks 1..3 -> 7/log2(2) + 0 + 3/log2(4)
    assert dcg([3, 0, 2]) == pytest.approx(7 + 3 / 2)
    assert dcg([3, 0, 2], k=1) == pytest.approx(7)


def test_ndcg_by_hand():
    relevance = [0, 2, 3, 0]
    scores = [0.9, 0.8, 0.1, 0.0]  # ranking: item0 (0), item1 (2), item2 (3), item3 (0)
    got = dcg([0, 2, 3, 0])
    ideal = dcg([3, 2, 0, 0])
    assert got == pytest.approx(3 / math.log2(3) + 7 / 2)
    assert ideal == pytest.approx(7 + 3 / math.log2(3))
    assert ndcg_at_k(relevance, scores) == pytest.approx(got / ideal)
    # at k=1 the top item is irrelevant
    assert ndcg_at_k(relevance, scores, k=1) == 0.0
    # a perfect order scores 1
    assert ndcg_at_k(relevance, [0, 2, 3, 0]) == pytest.approx(1.0)


def test_ndcg_without_relevant_items_is_nan():
    assert math.isnan(ndcg_at_k([0, 0], [1, 2]))


def test_ties_keep_input_order():
    # both scored equal: the first item stays first, so the relevant second one is at rank 2
    assert ndcg_at_k([0, 1], [0.5, 0.5]) == pytest.approx(1 / math.log2(3))


def test_precision_and_average_precision_by_hand():
    relevance = [1, 0, 1, 0, 1]
    scores = [5, 4, 3, 2, 1]
    assert precision_at_k(relevance, scores, 2) == 0.5
    assert precision_at_k(relevance, scores, 5) == pytest.approx(0.6)
    # hits at ranks 1, 3, 5: (1/1 + 2/3 + 3/5) / 3
    assert average_precision(relevance, scores) == pytest.approx((1 + 2 / 3 + 3 / 5) / 3)
    assert math.isnan(average_precision([0, 0], [1, 2]))


def test_binary_metrics_by_hand():
    truth = [True, True, False, False, True]
    pred = [True, False, True, False, True]
    m = binary_metrics(truth, pred)
    assert m.accuracy == pytest.approx(3 / 5)
    assert m.precision == pytest.approx(2 / 3)
    assert m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)
    assert binary_metrics([True], [False]).precision == 0.0


def test_best_f1_threshold_picks_the_cut_between_classes():
    truth = [False, True, True, False, False]
    scores = [0.1, 0.9, 0.8, 0.3, 0.2]
    t = best_f1_threshold(truth, scores)
    assert t == pytest.approx(0.8)
    assert binary_metrics(truth, np.asarray(scores) >= t).f1 == 1.0


def test_best_f1_threshold_respects_ties():
    # the two 0.5 scores cannot be separated: the cut includes both or neither
    t = best_f1_threshold([True, False, True], [0.5, 0.5, 0.9])
    assert t in (0.5, 0.9)
    assert binary_metrics([True, False, True], np.asarray([0.5, 0.5, 0.9]) >= t).f1 == pytest.approx(
        max(2 * 1 / (1 + 2), 2 * 2 / (3 + 2))
    )


def test_mean_std_skips_nan():
    assert mean_std([1.0, float("nan"), 3.0]) == (2.0, 1.0)
    assert all(math.isnan(x) for x in mean_std([float("nan")]))
