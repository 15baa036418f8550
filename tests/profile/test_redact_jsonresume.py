import json

import pytest
from profile_samples import EN_CLASSIC, EN_INDEED, TODAY, ZH_RESUME

from shortlist.profile.jsonresume import to_json_resume
from shortlist.profile.parse import parse_text
from shortlist.profile.redact import redact
from shortlist.profile.spans import walk_evidence


@pytest.mark.parametrize("text", [EN_INDEED, EN_CLASSIC, ZH_RESUME])
def test_redaction_removes_identity_everywhere(text: str) -> None:
    p = parse_text(text, source="/cv/" + (p0 := parse_text(text, today=TODAY)).name.value + ".txt", today=TODAY)
    assert p0.name
    r = redact(p)
    assert r.redacted and r.name is None and r.email is None and r.phone is None
    assert r.location is None and r.links == [] and r.sensitive == {}
    assert len(r.text) == len(p.text)
    dumped = r.model_dump_json()
    removed = [p.name.value, p.email.value]
    removed += [v.evidence.text for v in (p.phone, p.location) if v and v.evidence]
    removed += [lk.url for lk in p.links]
    removed += [v.evidence.text for v in p.sensitive.values() if v.evidence]
    for s in removed:
        assert s not in dumped, s
        assert json.dumps(s)[1:-1] not in dumped, s
    for ev in walk_evidence(r):
        assert r.text[ev.start:ev.end] == ev.text
    assert [w.title for w in r.work] == [w.title for w in p.work]


def test_json_resume_keys() -> None:
    p = parse_text(EN_CLASSIC, source="cv.txt", today=TODAY)
    doc = to_json_resume(p)
    json.dumps(doc)
    assert set(doc) >= {"basics", "work", "education", "skills", "languages", "certificates", "meta"}
    b = doc["basics"]
    assert b["name"] == "PRIYA RAMANATHAN" and b["email"] == "priya.r@example.org"
    assert b["phone"] == "+14155550132" and b["url"] == "https://priya.dev"
    assert b["location"]["city"] == "San Francisco" and b["location"]["region"] == "CA"
    assert {"network": "LinkedIn", "url": "linkedin.com/in/priyaram"}.items() <= b["profiles"][0].items()
    w = doc["work"][0]
    assert w["name"] == "Globex Corporation" and w["position"] == "Software Engineer"
    assert w["startDate"] == "2020-03" and "endDate" not in w and w["highlights"]
    assert "x-evidence" in w
    e = doc["education"][0]
    assert e["institution"] == "Bayview Institute of Technology" and e["studyType"].startswith("Master")
    assert e["area"] == "Computer Science" and e["score"] == "3.8/4.0" and e["x-level"] == "master"
    assert doc["languages"][0] == {"language": "English", "x-evidence": doc["languages"][0]["x-evidence"]}
    assert any(c["name"] == "PMP" for c in doc["certificates"])
    assert doc["meta"]["source"] == "cv.txt" and doc["meta"]["language"] == "en"
    assert "yearsExperience" in doc["meta"] and "sections" in doc["meta"]
