"""Swapping names, gendered words, personal details and photos moves nobody in the ranking."""
from pathlib import Path

import pytest

from shortlist.documents.extract import extract_path
from shortlist.fairness.consistency import consistency_audit, variants
from shortlist.match.rank import HybridRanker
from shortlist.profile.job import parse_job_path
from shortlist.profile.parse import parse_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RESUMES = ["daniel_okafor_backend.txt", "chen_zhiyuan_backend_zh.pdf", "hannah_kowalczyk_table.docx",
           "wang_sirui_mixed.pdf", "zhao_yiming_frontend_zh.txt", "margaret_lindqvist_accountant.txt"]


@pytest.fixture(scope="module")
def docs():
    out = []
    for name in RESUMES:
        d = extract_path(EXAMPLES / "resumes" / name)
        d.source = name
        out.append(d)
    return out


def test_variants_change_only_what_must_not_matter(docs):
    d = docs[0]
    p = parse_document(d)
    labels = [label for label, _ in variants(d, p)]
    assert any(label.startswith("name -> ") for label in labels)
    assert "gender words swapped" in labels and "personal details added" in labels
    assert any(label.startswith("photo") for label in labels)


@pytest.mark.parametrize("job", ["senior_backend_engineer.md", "senior_backend_engineer_zh.md"])
def test_no_rank_moves_under_counterfactual_swaps(docs, job):
    ranker = HybridRanker()
    rep = consistency_audit(parse_job_path(EXAMPLES / "jobs" / job), docs, lambda j, ps: ranker.rank(j, ps))
    assert rep.variants >= 30
    assert rep.largest_rank_change == 0, rep.worst(3)
    assert rep.largest_score_change < 0.5, rep.worst(3)


def test_an_accented_name_leaves_the_neutral_view_as_a_plain_one_does():
    from shortlist.match.view import CandidateView
    from shortlist.profile.parse import parse_text

    body = ("\n\nSenior Backend Engineer\nAustin, TX | dev@example.com\n\nEXPERIENCE\nBackend Engineer, Northwind"
            "\nJan 2019 - Present\n- Built APIs in Python\n")
    views = [CandidateView.of(parse_text(name + body, labeller=None)) for name in ("Daniel Okafor", "José García",
                                                                                    "Zoë Ångström")]
    assert views[0].counts == views[1].counts == views[2].counts
    assert views[1].profile.name is not None and views[1].profile.name.value == "José García"
