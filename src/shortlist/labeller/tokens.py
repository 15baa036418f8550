"""Tokens with exact character offsets: words (keeping "B.E.", "Pvt.", "co-founder" whole),
each CJK character on its own, and every other non-blank character alone."""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff]+(?:[.&'’\-][^\W\u3400-\u9fff]+)*\.?|\S")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def bio_tags(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tag per token from gold character spans. A token belongs to a span when most of
    its characters lie inside it (so "Ltd." with the period outside the label still counts)."""
    tags = ["O"] * len(tokens)
    ordered = sorted(spans)
    j = 0
    for s, e, label in ordered:
        while j < len(tokens) and tokens[j].end <= s:
            j += 1
        k = j
        first = True
        while k < len(tokens) and tokens[k].start < e:
            t = tokens[k]
            inside = min(t.end, e) - max(t.start, s)
            if inside * 2 >= t.end - t.start and tags[k] == "O":
                tags[k] = ("B-" if first else "I-") + label
                first = False
            k += 1
    return tags


def spans_from_tags(tokens: list[Token], tags: list[str]) -> list[tuple[int, int, str, int, int]]:
    """(start, end, label, first token, last token + 1) for each B/I run; a stray I opens a span."""
    out: list[tuple[int, int, str, int, int]] = []
    cur: list | None = None
    for i, tag in enumerate(tags):
        if tag == "O":
            if cur:
                out.append(tuple(cur))  # type: ignore[arg-type]
            cur = None
            continue
        kind, label = tag[0], tag[2:]
        if cur is not None and kind == "I" and cur[2] == label:
            cur[1] = tokens[i].end
            cur[4] = i + 1
            continue
        if cur:
            out.append(tuple(cur))  # type: ignore[arg-type]
        cur = [tokens[i].start, tokens[i].end, label, i, i + 1]
    if cur:
        out.append(tuple(cur))  # type: ignore[arg-type]
    return out  # type: ignore[return-value]
