import json

import pytest

from shortlist.fairness.audit import audit_csv, audit_rows, to_html


def _rows(groups):
    """groups: {(sex, race): (selected, total)}"""
    out = []
    for (sex, race), (sel, n) in groups.items():
        out += [{"sex": sex, "race": race, "selected": "yes"}] * sel
        out += [{"sex": sex, "race": race, "selected": "no"}] * (n - sel)
    return out


def test_worked_example_four_fifths():
    # 48 of 80 men (0.60) against 21 of 50 women (0.42): 0.70, flagged; 24 of 50 (0.48): exactly 0.80, not flagged.
    rep = audit_rows(_rows({("Male", "A"): (48, 80), ("Female", "A"): (21, 50)}), "selected", race_col="race")
    sex = {r.category: r for r in rep.rows if r.dimension == "sex"}
    assert sex["Male"].rate == 0.60 and sex["Male"].reference and sex["Male"].impact_ratio == 1.0
    assert sex["Female"].rate == 0.42 and sex["Female"].impact_ratio == 0.70 and sex["Female"].flagged
    rep = audit_rows(_rows({("Male", "A"): (48, 80), ("Female", "A"): (24, 50)}), "selected", race_col="race")
    female = next(r for r in rep.rows if r.dimension == "sex" and r.category == "Female")
    assert female.impact_ratio == 0.80 and not female.flagged
    assert female.p_value is not None and 0 < female.p_value <= 1


def test_intersections_unknown_and_small_categories():
    groups = {("Male", "White"): (30, 50), ("Female", "White"): (20, 50), ("Male", "Asian"): (25, 40),
              ("Female", "Asian"): (18, 40), ("Female", "Native"): (1, 2), ("Male", "Pacific"): (3, 10)}
    rows = _rows(groups) + [{"sex": "", "race": "White", "selected": "no"}] * 3 \
        + [{"sex": "Female", "race": "prefer not to say", "selected": "yes"}] * 2
    rep = audit_rows(rows, "selected", race_col="race")
    assert rep.unknown == {"sex": 3, "race_ethnicity": 2}
    dims = {r.dimension for r in rep.rows}
    assert dims == {"sex", "race_ethnicity", "sex x race_ethnicity"}
    native = next(r for r in rep.rows if r.dimension == "race_ethnicity" and r.category == "Native")
    assert native.excluded and native.impact_ratio is None  # 2 of 197 < 2%: listed, not rated
    inter = {r.category for r in rep.rows if r.dimension == "sex x race_ethnicity"}
    assert "Female / Asian" in inter and not any("prefer" in c for c in inter)
    pacific = next(r for r in rep.rows if r.dimension == "race_ethnicity" and r.category == "Pacific")
    assert pacific.small_sample and not pacific.excluded  # 10 of 197: rated, with a warning
    assert any("fewer than 30" in w for w in rep.warnings)


def test_scores_use_the_scoring_rate(tmp_path):
    rows = [{"gender": g, "score": str(s)} for g, s in
            [("F", 1), ("F", 2), ("F", 3), ("F", 9), ("M", 5), ("M", 6), ("M", 7), ("M", 8)]]
    rep = audit_rows(rows, "score")
    assert rep.outcome_type == "score" and rep.median_score == 5.5
    rates = {r.category: r.rate for r in rep.rows}
    assert rates == {"F": 0.25, "M": 0.75}
    assert next(r for r in rep.rows if r.category == "F").flagged


def test_csv_html_json_and_errors(tmp_path):
    f = tmp_path / "outcomes.csv"
    f.write_text("id,sex,race,advanced\n" + "".join(f"{i},{'M' if i % 2 else 'F'},X,{'1' if i % 3 else '0'}\n"
                                                        for i in range(60)))
    rep = audit_csv(f, "advanced", race_col="race", audit_date="2026-11-25")
    html = to_html(rep)
    assert "Audit date:</b> 2026-11-25" in html and "Impact ratio" in html and "http" not in html
    assert json.loads(rep.model_dump_json())["data_source"].endswith("outcomes.csv")
    with pytest.raises(ValueError, match="no column"):
        audit_csv(f, "hired")
    bad = tmp_path / "bad.csv"
    bad.write_text("sex,advanced\nM,maybe\n")
    with pytest.raises(ValueError, match="maybe"):
        audit_csv(bad, "advanced")


def test_cli_audit(tmp_path):
    from typer.testing import CliRunner

    from shortlist.cli import app

    f = tmp_path / "t.csv"
    f.write_text("sex,selected\n" + "M,yes\n" * 48 + "M,no\n" * 32 + "F,yes\n" * 21 + "F,no\n" * 29)
    res = CliRunner().invoke(app, ["audit", str(f), "--outcome", "selected", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    female = next(r for r in data["rows"] if r["category"] == "F")
    assert female["impact_ratio"] == 0.7 and female["flagged"]
    res = CliRunner().invoke(app, ["audit", str(f), "--outcome", "nope"])
    assert res.exit_code == 2 and "no column" in res.output
