import json

from shortlist.labeller.corpus import read_annotations, read_inline_xml, read_token_file


def test_inline_xml_offsets_and_label_names(tmp_path):
    f = tmp_path / "cv.xml"
    f.write_text('<cv><label type="Designation">QA Engineer</label> at '
                 '<label type="Companies worked at">Initech &amp; Co</label>\n'
                 '<label type="Tech Tools">Selenium</label></cv>', encoding="utf-8")
    doc = read_inline_xml(f)
    assert [(doc.text[s:e], lab) for s, e, lab in doc.spans] == [("QA Engineer", "TITLE"), ("Initech & Co", "ORG")]


def test_bio_and_bmes_files(tmp_path):
    bio = tmp_path / "a.bio"
    bio.write_text("Data B-TITLE\nAnalyst I-TITLE\nat O\nGlobex B-COMPANY\n\n2019 O\n", encoding="utf-8")
    doc, = read_token_file(bio)
    assert doc.text == "Data Analyst at Globex\n2019"
    assert [(doc.text[s:e], lab) for s, e, lab in doc.spans] == [("Data Analyst", "TITLE"), ("Globex", "ORG")]
    bmes = tmp_path / "b.bmes"
    bmes.write_text("北 B-ORG\n京 M-ORG\n大 M-ORG\n学 E-ORG\n毕 O\n业 O\n\n张 S-NAME\n", encoding="utf-8")
    docs = read_token_file(bmes, keep_unknown=True, per_sentence=True)
    assert [d.text for d in docs] == ["北京大学毕业", "张"]
    assert docs[0].spans == [(0, 4, "ORG")] and docs[1].spans == [(0, 1, "NAME")]


def test_json_resume_beside_its_document(tmp_path):
    (tmp_path / "cv.txt").write_text("Jo Park\nExperience\nBarista, Copper Cup Cafe\n2019 - 2021\n"
                                     "Education\nBA in History, Lakeside College\n", encoding="utf-8")
    (tmp_path / "cv.json").write_text(json.dumps({
        "work": [{"name": "Copper Cup Cafe", "position": "Barista"}],
        "education": [{"institution": "Lakeside College", "studyType": "BA"}],
    }), encoding="utf-8")
    docs, problems = read_annotations(tmp_path)
    assert not problems and len(docs) == 1
    got = {(docs[0].text[s:e], lab) for s, e, lab in docs[0].spans}
    assert got == {("Barista", "TITLE"), ("Copper Cup Cafe", "ORG"), ("Lakeside College", "SCHOOL"), ("BA", "DEGREE")}


def test_a_bad_file_is_reported_and_the_rest_still_read(tmp_path):
    (tmp_path / "broken.xml").write_text("<cv><label>", encoding="utf-8")
    (tmp_path / "orphan.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ok.bio").write_text("Chef B-TITLE\n", encoding="utf-8")
    docs, problems = read_annotations(tmp_path)
    assert len(docs) == 1 and len(problems) == 2
    assert any("no source document" in p for p in problems) and any("broken.xml" in p for p in problems)


def test_empty_folder_says_which_formats(tmp_path):
    docs, problems = read_annotations(tmp_path)
    assert not docs and "no annotation files" in problems[0]
