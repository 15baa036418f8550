from shortlist.profile.parse import parse_text


def test_two_labelled_pairs_on_one_line_keep_their_values_apart():
    # PDF extraction collapses the gap between two "key：value" pairs to one space
    p = parse_text("张三\n现居城市：杭州 工作年限：9年以上\n电话：13812345678\n")
    assert p.location is not None and p.location.value == "杭州"
    assert p.text[p.location.evidence.start:p.location.evidence.end] == "杭州"


def test_a_labelled_location_with_spaces_inside_stays_whole():
    p = parse_text("李四\n所在地：北京市 海淀区\n")
    assert p.location is not None and p.location.value.startswith("北京市")
