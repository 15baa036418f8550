"""Which script a text is written in, as far as choosing an encoder needs to know."""

from __future__ import annotations

# Share of letters in CJK scripts above which a text counts as Chinese (or Japanese /
# Korean). Low because one Chinese character carries about a word: "熟悉Python和Django"
# is 3 CJK letters out of 15 (0.2); an English resume with a Chinese name stays far below.
CJK_THRESHOLD = 0.05

_CJK_RANGES = (
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2FA1F),  # Extensions B-F, compatibility supplement
)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def cjk_share(text: str) -> float:
    """Fraction of the letters in ``text`` that are CJK characters (0.0 when it has none)."""
    letters = cjk = 0
    for char in text:
        if char.isalpha():
            letters += 1
            cjk += is_cjk(char)
    return cjk / letters if letters else 0.0


def needs_multilingual(text: str) -> bool:
    """True when ``text`` should go to the multilingual model (enough CJK letters)."""
    return cjk_share(text) >= CJK_THRESHOLD
