"""Answer scoring: ordering, rubric spans, lexical measures, calibration, the LLM judge."""
import pytest

from shortlist.interview.score import (
    AnswerScorer,
    Calibration,
    align_acronyms,
    bleu,
    calibrate,
    clauses,
    relative_scores,
    rouge_l,
)
from shortlist.llm import LLMConfig, OpenAICompatible
from shortlist.llm.standin import StandInLLM

Q = "How does a database index speed up queries, and what does it cost?"
REF = ("An index is a separate sorted structure such as a B-tree that lets the database find rows without "
       "scanning the whole table. It costs extra storage and slows down inserts and updates, because the index "
       "must be maintained on every write.")
GOOD = ("The index keeps the keys sorted in a B-tree, so a lookup walks the tree instead of scanning every row "
        "of the table. The price is disk space and slower writes: each insert or update also has to update the index.")
PARTIAL = "It makes lookups faster because the database does not need to scan all the rows."
OFF = "I enjoy working in teams and I always meet my deadlines."


@pytest.fixture(scope="module")
def scorer():
    return AnswerScorer()


def test_good_beats_partial_beats_off_topic(scorer):
    g, p, o = (scorer.score(a, reference=REF, question=Q).score for a in (GOOD, PARTIAL, OFF))
    assert 0 <= o < p < g <= 5
    assert g >= 3.5 and o <= 1.5


def test_an_acronym_explained_scores_like_the_acronym(scorer):
    # the case: the paraphrase scored below a wrong answer
    q, ref = "What is a stack?", "A LIFO data structure"
    para, wrong = (scorer.score(a, reference=ref, question=q).score for a in ("It is last in first out", "a queue"))
    assert para > wrong + 1.5
    assert align_acronyms(ref, "last in, first out") == "A LIFO (last in first out) data structure"
    assert align_acronyms("last in, first out", "LIFO") == "last in, first out (LIFO)"
    # only expansions the other side writes; two-letter initials match by chance and are left alone
    assert align_acronyms("IT support", "in the team") == "IT support"
    assert align_acronyms("A LIFO structure", "a queue") == "A LIFO structure"
    points = ["follows LIFO order"]
    res = scorer.score("Elements leave last in, first out.", points=points, question=q)
    assert res.points[0].quote == "Elements leave last in, first out."  # quotes still point into the answer


def test_rubric_points_report_the_covering_span(scorer):
    points = ["uses a sorted structure such as a B-tree", "avoids a full table scan", "slows down writes"]
    res = scorer.score(GOOD, points=points, question=Q)
    assert len(res.points) == 3
    for pc in res.points:
        assert pc.quote == GOOD[pc.start:pc.end]
    assert sum(pc.covered for pc in res.points) >= 2
    res_off = scorer.score(OFF, points=points, question=Q)
    assert sum(pc.covered for pc in res_off.points) == 0


def test_chinese_answers(scorer):
    ref = "索引是一种有序的数据结构，例如B树，可以避免全表扫描。代价是占用额外空间，并且会降低写入速度。"
    good = "索引用B树把键排好序，查询时不用扫描整张表。不过索引要占空间，插入和更新时也要维护索引，所以写入会变慢。"
    off = "我喜欢团队合作，总是按时完成任务。"
    assert scorer.score(good, reference=ref).score > scorer.score(off, reference=ref).score


def test_lexical_measures():
    assert rouge_l("the cat sat on the mat", "the cat sat on the mat") == pytest.approx(1.0)
    assert rouge_l("alpha beta gamma", "delta epsilon") == 0.0
    assert bleu("the quick brown fox jumps", "the quick brown fox jumps") == pytest.approx(1.0)
    assert 0 < bleu("the quick brown fox jumps over", "quick brown fox") < 1
    assert clauses("One. Two; three!") == [(0, 4), (5, 9), (10, 16)]


def test_empty_answer_and_missing_reference(scorer):
    assert scorer.score("   ", reference=REF).score == 0
    with pytest.raises(ValueError, match="reference answer or rubric"):
        scorer.score(GOOD)


def test_calibration_fits_and_round_trips(tmp_path):
    rows = [({"semantic": s, "coverage": s, "rouge_l": s / 2, "bleu": s / 4}, 5 * s) for s in
            [i / 20 for i in range(20)]]
    cal = calibrate(rows)
    assert cal.pearson_cv > 0.99
    assert cal.apply(rows[10][0]) == pytest.approx(2.5, abs=0.05)
    cal.save(tmp_path / "c.json")
    assert Calibration.load(tmp_path / "c.json") == cal
    with pytest.raises(ValueError, match="at least 10"):
        calibrate(rows[:5])


def test_relative_scores_use_the_batch_best():
    feats = [{"semantic": 0.8}, {"semantic": 0.4}]
    assert relative_scores([4.0, 1.0], feats) == [4.5, 1.75]


def test_llm_judge_is_blended_and_falls_back(scorer):
    with StandInLLM([{"score": 5, "reason": "covers all"}, "garbage", "garbage", "garbage"]) as srv:
        judge = AnswerScorer(llm=OpenAICompatible(LLMConfig(base_url=srv.base_url, model="m", timeout_s=5)))
        judged = judge.score(PARTIAL, reference=REF, question=Q)
        plain = scorer.score(PARTIAL, reference=REF, question=Q)
        assert judged.method == "default+llm" and judged.score > plain.score and judged.features["llm"] == 1.0
        failed = judge.score(PARTIAL, reference=REF, question=Q)
        assert failed.method == "default" and failed.score == plain.score and "unavailable" in failed.notes[0]
        assert "<answer>" in srv.sent_text()
