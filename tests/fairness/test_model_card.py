from shortlist.fairness.model_card import MODELS, render


def test_card_quotes_measured_blocks_and_marks_missing_ones():
    md = ("# Benchmarks\n<!-- answer_grading:start -->\n### Answer scoring\n| method | r |\n|---|---|\n"
          "| default | 0.587 |\n<!-- answer_grading:end -->\n")
    card = render(md, today="2026-11-25")
    assert "Generated 2026-11-25" in card
    assert "| default | 0.587 |" in card and "#### Answer scoring" in card
    assert "`parse_fields`: not measured yet" in card
    for m in MODELS:
        assert f"## {m.name}" in card
    assert "a person makes and records every decision" in card
