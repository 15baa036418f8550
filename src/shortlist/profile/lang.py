"""Which script a resume is written in, from the share of CJK characters among letters."""
from __future__ import annotations

import re
from typing import Literal

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_LATIN = re.compile(r"[^A-Za-z]+")


def cjk_share(text: str) -> float:
    """CJK characters / (CJK characters + Latin letters); 0.0 for text with neither."""
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    latin = len(_NOT_LATIN.sub("", text))  # counts [A-Za-z] without a list of one-letter strings
    # A Chinese character carries about as much as a short English word: weigh it so a
    # Chinese resume full of English tech terms still counts as Chinese.
    weighted = cjk * 3
    total = weighted + latin
    return weighted / total if total else 0.0


def detect_language(text: str) -> Literal["en", "zh", "mixed"]:
    share = cjk_share(text)
    if share >= 0.6:
        return "zh"
    if share <= 0.1:
        return "en"
    return "mixed"


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
