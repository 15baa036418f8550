"""The array word grouping in pdf._breaks must give exactly the sequential rule's words."""
import numpy as np
import pytest

from shortlist.documents import pdf


def _arrays(rng: np.random.Generator, m: int):
    """Characters on a few lines with word gaps, kerning, overlaps, raised glyphs and flipped boxes."""
    l, r, b, t = [], [], [], []
    x, y = 0.0, 700.0
    for _ in range(m):
        if rng.random() < 0.03:  # new line
            x, y = rng.uniform(0, 300), y - rng.uniform(8, 14)
        size = rng.choice([10.0, 10.0, 10.0, 6.0, 1.0])
        w = rng.uniform(0.3, 0.7) * size
        raise_ = rng.choice([0.0, 0.0, 0.0, 4.0, -3.0])
        gap = rng.choice([0.0, 0.0, rng.uniform(-3.5, 0), rng.uniform(0, 1.5), rng.uniform(1, 30)])
        x0 = x + gap
        bot, top = y + raise_, y + raise_ + size
        if rng.random() < 0.02:
            bot, top = top, bot  # a box given upside down
        l.append(x0)
        r.append(x0 + w * rng.choice([1.0, 1.0, 1.6, 0.2]))  # some glyphs overhang, some are narrow
        b.append(bot)
        t.append(top)
        x = x0 + w
    l, r, b, t = map(np.asarray, (l, r, b, t))
    forced = rng.random(m) < 0.1
    forced[0] = True
    limit = rng.choice(pdf._GAP_LIMIT, m)
    return l, r, np.minimum(b, t), np.maximum(b, t), b + t, forced, limit


@pytest.mark.parametrize("seed", range(40))
def test_array_breaks_equal_the_sequential_loop(seed):
    rng = np.random.default_rng(seed)
    args = _arrays(rng, int(rng.integers(1, 400)))
    expected = pdf._breaks_loop(*args)
    assert np.array_equal(pdf._breaks(*args), expected)
    assert np.array_equal(pdf._breaks(*args, rounds=1), expected)  # the loop fallback


def test_a_character_is_judged_against_the_words_first_character_and_widest_right_edge():
    # "a" (height 10), "b" raised by 4 (its centre is within 10 of "a"'s), "c" back on the line;
    # "c" starts 1 pt right of "b"'s right edge but under "a"'s overhanging right edge: it is
    # measured from the widest right edge so far (gap -0.5), so all three are one word, though
    # judged against its predecessor alone (the first guess) "c" would start a word.
    l = np.array([0.0, 6.0, 7.5])
    r = np.array([8.0, 6.5, 11.0])
    lo = np.array([0.0, 4.0, 0.0])
    hi = np.array([10.0, 14.0, 10.0])
    forced = np.array([True, False, False])
    limit = np.full(3, pdf.WORD_GAP)
    brk = pdf._breaks(l, r, lo, hi, lo + hi, forced, limit)
    assert brk.tolist() == [True, False, False]
    assert pdf._breaks_loop(l, r, lo, hi, lo + hi, forced, limit).tolist() == [True, False, False]
    r2 = r.copy()
    r2[0] = 6.0  # without the overhang the gap is 1 pt: a new word
    assert pdf._breaks(l, r2, lo, hi, lo + hi, forced, limit).tolist() == [True, False, True]


def test_non_finite_boxes_fall_back_to_the_loop():
    l = np.array([0.0, 5.0])
    r = np.array([np.inf, 9.0])
    lo, hi = np.zeros(2), np.full(2, 10.0)
    forced = np.array([True, False])
    limit = np.full(2, pdf.WORD_GAP)
    assert pdf._breaks(l, r, lo, hi, lo + hi, forced, limit).tolist() == pdf._breaks_loop(
        l, r, lo, hi, lo + hi, forced, limit
    ).tolist()


def _gutter_loop(segments, left, right):
    """The gutter search written as a plain loop over candidates (the definition)."""
    from bisect import bisect_left, bisect_right

    n = len(segments)
    if n < 8:
        return None
    x1s, x0s = sorted(s.x1 for s in segments), sorted(s.x0 for s in segments)
    best, run = None, []
    x, stop = left + 0.2 * (right - left), left + 0.8 * (right - left)
    while x <= stop:
        n_left, n_right = bisect_right(x1s, x), n - bisect_left(x0s, x)
        crossing = n - n_left - n_right
        m = min(n_left, n_right)
        if m >= 4 and m >= 0.15 * n and crossing <= max(2, 0.25 * (n_left + n_right)):
            key = (m, -crossing)
            if best is None or key > best:
                best, run = key, [x]
            elif key == best and run and x - run[-1] <= 2.01:
                run.append(x)
        x += 2.0
    return None if best is None else run[len(run) // 2]


@pytest.mark.parametrize("seed", range(20))
def test_gutter_search_on_arrays_equals_the_loop(seed):
    rng = np.random.default_rng(seed)
    found = 0
    for _ in range(200):
        left = rng.uniform(-20, 20)
        right = left + rng.uniform(-5, 700)
        segments = []
        for _ in range(int(rng.integers(0, 80))):
            x0 = rng.choice([left + rng.random() * (right - left), left + rng.uniform(0, 0.3) * (right - left),
                             left + rng.uniform(0.5, 0.9) * (right - left)])
            segments.append(pdf._Segment([], x0, x0 + rng.choice([rng.uniform(0, 200), rng.uniform(0, 40), 2.0])))
        expected = _gutter_loop(segments, left, right)
        found += expected is not None
        assert pdf._find_gutter(segments, left, right) == expected
    assert found > 50  # the cases exercise real gutters, not only "none"
