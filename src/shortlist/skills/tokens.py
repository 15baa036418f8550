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


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets into ``text``; ``low`` is the lookup form."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        low = "and" if raw == "&" else raw.lower()
        out.append(Token(m.start(), m.end(), raw, low))
    return out


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


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
