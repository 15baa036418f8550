"""Training data readers: every format a team may hold its labels in becomes
:class:`LabelledDoc` (text plus gold character spans in our label names).

- Inline XML (``<label type="Designation">...</label>`` inside the CV text, as dotin writes it).
- BIO / BMES token files (CoNLL style: one token and its tag per line, the tag last; a blank
  line ends a sentence). Tokens are joined by a space, CJK characters without one.
- JSON Resume files beside their source documents (``cv.pdf`` + ``cv.json``): the document is
  extracted as the product would, and each work and education value is located in its text.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from shortlist.labeller.model import LabelledDoc

# Label names found in the wild -> ours. Matching is case-insensitive, on letters only.
ALIASES: dict[str, str] = {
    "title": "TITLE", "designation": "TITLE", "jobtitle": "TITLE", "position": "TITLE", "role": "TITLE",
    "org": "ORG", "company": "ORG", "companiesworkedat": "ORG", "employer": "ORG", "organisation": "ORG",
    "organization": "ORG",
    "degree": "DEGREE", "studytype": "DEGREE", "edu": "DEGREE",
    "school": "SCHOOL", "collegename": "SCHOOL", "college": "SCHOOL", "institution": "SCHOOL", "university": "SCHOOL",
    "loc": "LOC", "location": "LOC", "city": "LOC",
}
_CJK = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]$")


def canonical_label(raw: str, keep_unknown: bool = False) -> str | None:
    key = re.sub(r"[^a-z]", "", raw.lower())
    if key in ALIASES:
        return ALIASES[key]
    return raw.upper() if keep_unknown else None


def inline_xml(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """The CV text with tags removed, and each label's offsets and type as written."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    found: list[tuple[int, int, str]] = []
    pos = 0

    def walk(elem: ET.Element) -> None:
        nonlocal pos
        start = pos
        if elem.text:
            parts.append(elem.text)
            pos += len(elem.text)
        for child in elem:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if elem.tag == "label":
            found.append((start, pos, elem.get("type", "")))

    walk(root)
    return "".join(parts), found


def read_inline_xml(path: Path, keep_unknown: bool = False) -> LabelledDoc:
    text, found = inline_xml(path)
    spans = []
    for s, e, raw in found:
        label = canonical_label(raw, keep_unknown)
        if label and e > s:
            spans.append((s, e, label))
    return LabelledDoc(text=text, spans=sorted(spans), source=str(path))


def read_token_file(path: Path, keep_unknown: bool = False, per_sentence: bool = False,
                    raw_labels: bool = False) -> list[LabelledDoc]:
    """A BIO or BMES file. By default the whole file is one document (a resume, its sentences
    on separate lines); ``per_sentence`` makes each sentence a document (NER corpora);
    ``raw_labels`` keeps the file's label names instead of mapping them to ours."""
    docs: list[LabelledDoc] = []
    buf: list[str] = []
    spans: list[tuple[int, int, str]] = []
    open_span: list | None = None
    pos = 0
    prev_cjk = False

    def close() -> None:
        nonlocal open_span
        if open_span is not None:
            spans.append((open_span[0], open_span[1], open_span[2]))
            open_span = None

    def flush() -> None:
        nonlocal buf, spans, pos, prev_cjk
        close()
        text = "".join(buf).rstrip("\n")
        if text.strip():
            docs.append(LabelledDoc(text=text, spans=[s for s in spans if s[1] <= len(text)], source=str(path)))
        buf, spans, pos, prev_cjk = [], [], 0, False

    with open(path, encoding="utf-8") as fh:
        rows = [raw.rstrip("\n").rstrip("\r") for raw in fh]
    # A character-level file (every token one character, as Chinese NER sets are) is text with
    # its blanks removed: written back without them, "2 0 1 0 年" is "2010年", as in a resume.
    chars = all(len(r.split()[0]) == 1 for r in rows if r.strip())
    for line in rows:
        if not line.strip():
            close()
            if per_sentence:
                flush()
            elif buf and not buf[-1].endswith("\n"):
                buf.append("\n")
                pos += 1
                prev_cjk = False
            continue
        cols = line.split()
        token, tag = (cols[0], cols[-1]) if len(cols) > 1 else (cols[0], "O")
        cjk = bool(_CJK.match(token))
        if buf and not buf[-1].endswith("\n") and not (cjk and prev_cjk) and not chars:
            buf.append(" ")
            pos += 1
        start = pos
        buf.append(token)
        pos += len(token)
        prev_cjk = cjk
        kind, _, name = tag.partition("-")
        label = (name if raw_labels else canonical_label(name, keep_unknown)) if name else None
        if tag == "O" or label is None:
            close()
            continue
        if kind in ("B", "S") or open_span is None or open_span[2] != label:
            close()
            open_span = [start, pos, label]
        else:  # I, M, E continue the span
            open_span[1] = pos
        if kind in ("E", "S"):
            close()
    flush()
    return docs


def _locate(text: str, value: str | None, label: str, after: int, out: list[tuple[int, int, str]]) -> int:
    """Find ``value`` as whole words (as written first, then ignoring case), from ``after``
    and else anywhere, and record it; returns where the next value of the entry is looked for."""
    if not value or not value.strip():
        return after
    pat = r"(?<!\w)" + re.escape(value.strip()) + r"(?!\w)"
    m = None
    for flags in (0, re.IGNORECASE):
        m = re.compile(pat, flags).search(text, after) or re.compile(pat, flags).search(text)
        if m:
            break
    if m is None:
        return after
    out.append((m.start(), m.end(), label))
    return m.end() if m.start() >= after else after


def read_json_resume(json_path: Path, source: Path) -> LabelledDoc:
    """Labels from a JSON Resume file, located in the extracted text of its source document."""
    from shortlist.documents.extract import extract_path

    data = json.loads(Path(json_path).read_text(encoding="utf-8"))
    doc = extract_path(source)
    text = doc.visible_text()
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for job in data.get("work") or []:
        pos = _locate(text, job.get("position"), "TITLE", pos, spans)
        pos = _locate(text, job.get("name") or job.get("company"), "ORG", pos, spans)
        pos = _locate(text, job.get("location"), "LOC", pos, spans)
    pos = 0
    for edu in data.get("education") or []:
        pos = _locate(text, edu.get("institution"), "SCHOOL", pos, spans)
        pos = _locate(text, edu.get("studyType"), "DEGREE", pos, spans)
    spans = _drop_overlaps(spans)
    return LabelledDoc(text=doc.text, spans=spans, source=str(source), layout=doc.layout)


def _drop_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s in sorted(set(spans)):
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


_SOURCE_SUFFIXES = (".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def read_annotations(path: Path) -> tuple[list[LabelledDoc], list[str]]:
    """Every labelled document under ``path`` (a file or a folder), and one problem line per
    file that could not be read, so a bad file is reported and the rest still train."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    docs: list[LabelledDoc] = []
    problems: list[str] = []
    for f in files:
        suffix = f.suffix.lower()
        try:
            if suffix == ".xml":
                docs.append(read_inline_xml(f))
            elif suffix in (".bio", ".bmes", ".conll", ".iob", ".tsv"):
                docs += read_token_file(f)
            elif suffix == ".json":
                source = next((f.with_suffix(x) for x in _SOURCE_SUFFIXES if f.with_suffix(x).is_file()), None)
                if source is None:
                    problems.append(f"{f}: no source document beside it (cv.json needs cv.pdf, cv.docx, ...)")
                    continue
                docs.append(read_json_resume(f, source))
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
            problems.append(f"{f}: {type(exc).__name__}: {exc}")
    if not docs and not problems:
        problems.append(f"{path}: no annotation files found (.xml, .bio, .bmes, .conll, or .json beside its source)")
    return docs, problems
