"""One tokeniser shared by the taxonomy build and extraction, so alias keys and text match.

English skill names contain punctuation that ordinary word splitting breaks (C++, C#, .NET,
Node.js, ASP.NET, CI/CD), so a token keeps internal dots and a trailing ``+``/``#``; a
slash is its own token (``CI/CD`` -> ``ci / cd``); hyphens and apostrophes only separate
(``scikit-learn`` == ``scikit learn``); a standalone ``&`` reads as ``and``. ASCII tokens
stop at Chinese characters, so ``熟悉Python和k8s`` yields ``Python`` and ``k8s``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

# A token: optional leading dot (".NET") when not glued to a preceding word, then
# alphanumerics with internal "." or "&" joiners ("Node.js", "R&D") and a +/# tail ("C++").
_TOKEN = re.compile(
    r"(?<![A-Za-z0-9])\.?[A-Za-z0-9]+(?:[.&][A-Za-z0-9]+)*[+#]*"
    r"|/"
    r"|(?<=\s)&(?=\s)"
)
_SIMPLE = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")  # fast path: plain words
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    low: str


_new_token = tuple.__new__  # Token(...) without the NamedTuple __new__ wrapper (same object)


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets into ``text``; ``low`` is the lookup form."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        raw = m.group()
        s, e = m.span()
        append(_new_token(Token, (s, e, raw, "and" if raw == "&" else raw.lower())))
    return out


# The only characters whose lower case is ASCII or of another length (KELVIN SIGN -> "k",
# "İ" -> "i" + combining dot): with neither present, ``text.lower()`` keeps every offset and
# every token boundary, so tokens can be found in the lower-cased text directly.
_LOWER_UNSAFE = ("\u0130", "\u212a")
# The same pattern as one capturing group: ``split`` yields gap, token, gap, token, ..., gap
# (the matches ``finditer`` finds), and the running sum of the piece lengths gives the offsets.
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")


def scan(text: str) -> tuple[list[int], list[int], list[str]]:
    """``tokenize`` as three parallel lists (starts, ends, lows), without building tuples.

    Extraction looks at every token's ``low`` but at few offsets; this is its hot path.
    """
    low = text.lower()
    if len(low) != len(text) or any(ch in text for ch in _LOWER_UNSAFE):
        toks = tokenize(text)
        return [t.start for t in toks], [t.end for t in toks], [t.low for t in toks]
    parts = _TOKEN_SPLIT.split(low)
    cum = list(accumulate(map(len, parts)))
    lows = parts[1::2]
    if "&" in low:
        lows = ["and" if w == "&" else w for w in lows]
    return cum[0:-1:2], cum[1::2], lows


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def alias_key(alias: str) -> str:
    """Lookup key of an alias: lower-case tokens joined by one space (CJK aliases: squeezed)."""
    if _SIMPLE.fullmatch(alias):
        return " ".join(alias.lower().split())
    if has_cjk(alias):
        return re.sub(r"\s+", "", alias).lower()
    return " ".join(t.low for t in tokenize(alias))


def iter_cjk_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each maximal run of Chinese characters."""
    for m in re.finditer(r"[\u3400-\u9fff\uf900-\ufaff]+", text):
        yield m.start(), m.end()
