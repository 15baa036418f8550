"""Build the shipped skill taxonomy from O*NET, ESCO and the project's own alias tables.

``python -m shortlist.skills.build --data ../shared/datasets`` writes
``src/shortlist/data/skills.json.gz``. Inputs:

- O*NET 29.2 ``Technology Skills.txt`` (required): product examples, commodity titles,
  Hot Technology / In Demand flags and the occupations that use each product.
- O*NET ``Task Statements.txt`` (optional): plain English about work, used only to count
  how often a word is written in lower case; a single-word product whose name is also an
  everyday word ("Square", "Target") then needs exact casing and a skill context.
- ESCO v1.1.0 preferred labels and the alt-label subset (optional): short noun-phrase
  skills ("bookkeeping", "food safety") that make sense on non-tech resumes.
- ``skills_families.tsv``, ``skill_aliases.tsv``, ``skills_lexicon.tsv`` (hand-written).

The output is deterministic: sorted keys and lists, gzip with a fixed mtime.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from shortlist.skills.tokens import alias_key, has_cjk, tokenize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
OUTPUT = DATA_DIR / "skills.json.gz"
FORMAT_VERSION = 1

# Vendor prefixes O*NET puts before product names ("Microsoft Excel", "The MathWorks MATLAB").
_VENDORS = (
    "Microsoft", "Adobe Systems", "Adobe", "Oracle", "IBM", "Autodesk", "Google", "Apache", "Intuit",
    "The MathWorks", "SAP", "Amazon Web Services", "Amazon", "Dassault Systemes", "Atlassian", "Apple",
    "Cisco", "Red Hat", "Salesforce", "Hewlett-Packard", "HP", "Corel", "Bentley Systems", "Esri", "ESRI",
    "Trimble", "Siemens", "SAS Institute", "StataCorp", "Epic Systems", "Cerner", "Sage", "Facebook",
    "Meta", "Atlassian", "VMware", "Unity Technologies", "Epic Games", "JetBrains", "Mozilla", "Novell",
    "Symantec", "McAfee", "Citrix", "Dell", "Infor", "Blackbaud", "Avid Technology", "Avid", "Apple",
)
_VENDOR_RE = re.compile(r"^(?:" + "|".join(re.escape(v) for v in sorted(set(_VENDORS), key=len, reverse=True)) + r")\s+")
# Words that make an ESCO label a sentence about doing something rather than a skill name.
_ESCO_STOP = {"and", "or", "of", "to", "with", "for", "the", "in", "on", "a", "an", "by", "from", "as", "at"}
# Everyday languages: the profile parser reads them as languages, not as skills.
_LANGUAGE_WORDS = {
    "english", "chinese", "spanish", "french", "german", "italian", "portuguese", "russian", "arabic",
    "japanese", "korean", "hindi", "dutch", "swedish", "polish", "turkish", "greek", "czech", "slovak",
    "danish", "finnish", "norwegian", "hungarian", "romanian", "bulgarian", "croatian", "serbian",
    "ukrainian", "persian", "hebrew", "thai", "vietnamese", "malay", "indonesian", "bengali", "urdu",
    "tamil", "telugu", "marathi", "punjabi", "gujarati", "latvian", "lithuanian", "estonian", "slovenian",
    "macedonian", "albanian", "irish", "welsh", "catalan", "basque", "galician", "icelandic", "maltese",
    "luxembourgish", "montenegrin", "bosnian", "azerbaijani", "kurdish", "sanskrit", "latin", "swahili",
    "bihari", "sardinian", "occitan", "walloon", "mandarin", "cantonese", "tagalog",
}
TASK_COMMON_MIN = 3  # lower-case uses in O*NET task statements that make a word "everyday"
RELATED_TOP = 10


@dataclass
class _Entry:
    name: str
    source: str  # "hand" | "onet" | "esco"
    family: str | None = None
    categories: Counter = field(default_factory=Counter)
    hot: bool = False
    in_demand: bool = False
    occupations: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _slug(name: str) -> str:
    s = name.lower().replace("c++", "cpp").replace("c#", "csharp").replace("f#", "fsharp")
    s = s.replace("+", "plus").replace("#", "sharp")
    if s.startswith("."):
        s = "dot" + s[1:]
    return re.sub(r"[^a-z0-9\u3400-\u9fff]+", "-", s).strip("-") or "skill"


def _trailing_acronym(example: str) -> tuple[str, str] | None:
    """'Structured query language SQL' -> ('Structured query language', 'SQL')."""
    words = example.split()
    if len(words) < 2:
        return None
    last = words[-1]
    if not re.fullmatch(r"[A-Z][A-Z0-9&/+\-]{1,9}", last):
        return None
    head = " ".join(words[:-1])
    letters = re.sub(r"[^A-Z]", "", last).lower()
    # the acronym's letters appear in order in the head ("Extensible markup language XML")
    # and it starts with the initial of one of the head's words
    rest = iter(head.lower())
    initials = {w[0].lower() for w in re.split(r"[\s\-/]+", head) if w}
    if len(letters) >= 2 and letters[0] in initials and all(ch in rest for ch in letters):
        return head, last
    return None


def _derived_aliases(example: str, with_acronym: bool = True) -> list[str]:
    """Shorter names a resume may use for an O*NET product example."""
    out: list[str] = []
    acr = _trailing_acronym(example)
    if acr:
        out += [acr[0], acr[1]] if with_acronym else [acr[0]]
    base = acr[0] if acr else example
    stripped = _VENDOR_RE.sub("", base)
    if stripped != base and stripped:
        out.append(stripped)
    for name in [example, *out]:
        if name.lower().endswith(" software") and len(name.split()) > 1:
            out.append(name[: -len(" software")])
    return [a for a in dict.fromkeys(out) if a and a != example]


def _everyday(word: str, counts: Counter) -> bool:
    """A word (or its plural / -ing form) that plain work text uses in lower case."""
    w = word.lower()
    return counts[w] + counts[w + "s"] + counts[w + "es"] + counts[w + "ing"] >= TASK_COMMON_MIN


def _task_counts(*paths: Path | None) -> Counter:
    """Counts of words written in lower case in plain-English work text (O*NET task
    statements and occupation descriptions, ESCO labels): the everyday vocabulary."""
    counts: Counter = Counter()
    for path in paths:
        if path is None or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for w in re.findall(r"[A-Za-z][A-Za-z'\-]*", text):
            if w.islower():
                counts[w] += 1
    return counts


def _esco_labels(esco_dir: Path | None) -> dict[str, list[str]]:
    """Short noun-phrase ESCO labels -> their short alt labels."""
    if esco_dir is None:
        return {}
    pref = esco_dir / "esco_v1.1.0_skill_preferred_labels.txt"
    if not pref.is_file():
        return {}
    labels = [ln.strip() for ln in pref.read_text(encoding="utf-8").splitlines() if ln.strip()]
    first: Counter = Counter()
    later: Counter = Counter()
    for lab in labels:
        words = lab.lower().split()
        first[words[0]] += 1
        later.update(words[1:])
    # A word that mostly starts labels ("manage ...", "apply ...") is a verb.
    verbs = {w for w, c in first.items() if c >= 2 and c > 3 * later[w]}

    def ok(label: str) -> bool:
        words = label.lower().split()
        if not 1 <= len(words) <= 3 or words[0] in verbs or any(w in _ESCO_STOP for w in words):
            return False
        if len(words) == 1 and (words[0] in _LANGUAGE_WORDS or re.fullmatch(r"[A-Z][a-z]+(?:ian|ish|ese)", label)):
            return False  # languages and nationalities ("Belarusian") are not skills here
        return re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .+#\-/']*", label) is not None

    kept = {re.sub(r"\s*\(.*\)$", "", lab): [] for lab in sorted(labels) if ok(re.sub(r"\s*\(.*\)$", "", lab))}
    alt_path = esco_dir / "skills_en_reduced.csv"
    if alt_path.is_file():
        with alt_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                label = row.get("preferredLabel", "").strip()
                if label in kept:
                    alts = [a.strip() for a in row.get("altLabels", "").splitlines() if a.strip()]
                    # some rows carry another skill's alt labels: keep those that share a word stem
                    stems = {w[:5] for w in label.lower().split() if len(w) > 3}
                    kept[label] = sorted(a for a in alts if a != label and ok(a)
                                         and stems & {w[:5] for w in a.lower().split()})
    return kept


def build(
    data: Path | None,
    hand_dir: Path = DATA_DIR,
    onet_file: Path | None = None,
) -> dict:
    """Return the taxonomy as a JSON-ready dict (see module docstring for inputs)."""
    onet_dir = data / "taxonomy_onet" if data else None
    onet_file = onet_file or (onet_dir / "Technology Skills.txt" if onet_dir else None)
    families = {r[0]: r[1] for r in _read_tsv(hand_dir / "skills_families.tsv") if len(r) >= 2}
    alias_rows = [r for r in _read_tsv(hand_dir / "skill_aliases.tsv") if len(r) >= 2]
    lexicon = _read_tsv(hand_dir / "skills_lexicon.tsv")
    ambiguous = {r[1] for r in lexicon if r[0] == "ambiguous"}
    blocked = {alias_key(r[1]) for r in lexicon if r[0] == "block"}
    allowed = {r[1] for r in lexicon if r[0] == "allow"}
    weak_terms = {r[1] for r in lexicon if r[0] == "weak"}
    cased_terms = {r[1] for r in lexicon if r[0] == "cased"}

    entries: dict[str, _Entry] = {}
    key_owner: dict[str, str] = {}  # alias key -> canonical name

    def add_alias(canon: str, alias: str) -> None:
        key = alias_key(alias)
        if not key or key in blocked:
            return
        entries[canon].aliases.add(alias)
        key_owner.setdefault(key, canon)

    for canon, fam in families.items():
        entries[canon] = _Entry(canon, "hand", family=fam)
    for canon, alias in alias_rows:
        entries.setdefault(canon, _Entry(canon, "hand", family="Other"))
    for canon in sorted(entries):
        add_alias(canon, canon)
    for canon, alias in alias_rows:
        add_alias(canon, alias)

    esco_dir = data / "taxonomy_esco" if data else None
    task_counts = _task_counts(
        onet_dir / "Task Statements.txt" if onet_dir else None,
        onet_dir / "Occupation Data.txt" if onet_dir else None,
        esco_dir / "esco_v1.1.0_skill_preferred_labels.txt" if esco_dir else None,
        esco_dir / "skills_en_reduced.csv" if esco_dir else None,
    )
    cased: set[str] = set()
    if onet_file and onet_file.is_file():
        with onet_file.open(encoding="utf-8") as fh:
            rows = sorted(
                (r["Example"].strip(), r["Commodity Title"].strip(), r["Hot Technology"], r["In Demand"],
                 r["O*NET-SOC Code"].strip())
                for r in csv.DictReader(fh, delimiter="\t")
            )
        # An acronym alias ("JSP") is only derived for products that are widely used: for
        # rare ones ("Estimates Delivery System EDS") the acronym mostly means something else.
        uses: Counter = Counter()
        hot_examples: set[str] = set()
        for example, _c, hot, _d, _soc in rows:
            uses[example] += 1
            if hot == "Y":
                hot_examples.add(example)
        for example, commodity, hot, demand, soc in rows:
            if alias_key(example) in blocked:
                continue
            widely_used = uses[example] >= 3 or example in hot_examples
            derived = _derived_aliases(example, with_acronym=widely_used)
            canon = next((key_owner[k] for k in [alias_key(example)] + [alias_key(d) for d in derived]
                          if k in key_owner), None)
            if canon is None:
                canon = example
                entries[canon] = _Entry(canon, "onet")
                add_alias(canon, example)
            e = entries[canon]
            add_alias(canon, example)
            if e.source == "onet":
                for d in derived:
                    # A shortened name that is an everyday word ("Drive" from "Google Drive",
                    # "DOORS") is dropped: as a bare word it would mostly be wrong.
                    words = [t.low for t in tokenize(d)]
                    if all(_everyday(w, task_counts) for w in words):
                        continue  # "operating system" from "Microsoft operating system"
                    if not (len(words) == 1 and not widely_used):
                        add_alias(canon, d)
                        if d.isupper() and len(d) <= 5:
                            cased.add(d)  # "XML", "JSP": written in capitals or not at all
            e.categories[commodity] += 1
            e.hot |= hot == "Y"
            e.in_demand |= demand == "Y"
            e.occupations.add(soc)

    for label, alts in _esco_labels(esco_dir).items():
        key = alias_key(label)
        if key in key_owner or key in blocked:
            continue
        if all(_everyday(w, task_counts) for w in key.split()):
            continue  # "energy", "business processes", "outdoor activities": too vague
        entries[label] = _Entry(label, "esco", family="ESCO knowledge")
        add_alias(label, label)
        for a in alts:
            ak = alias_key(a)
            if len(a) > 3 and ak not in key_owner and not all(_everyday(w, task_counts) for w in ak.split()):
                add_alias(label, a)

    return _serialise(entries, key_owner, ambiguous, allowed | weak_terms, blocked, cased, task_counts,
                      weak_terms, cased_terms)


def _serialise(
    entries: dict[str, _Entry],
    key_owner: dict[str, str],
    ambiguous: set[str],
    allowed: set[str],
    blocked: set[str],
    cased: set[str],
    task_counts: Counter,
    weak_terms: set[str] = frozenset(),
    cased_terms: set[str] = frozenset(),
) -> dict:
    names = sorted(entries)
    ids: dict[str, str] = {}
    used: set[str] = set()
    for n in names:
        base = _slug(n)
        sid, i = base, 2
        while sid in used:
            sid, i = f"{base}-{i}", i + 1
        used.add(sid)
        ids[n] = sid

    related = _related(entries)
    position = {n: i for i, n in enumerate(names)}
    skills = []
    for n in names:
        e = entries[n]
        # An alias whose key another canonical owns is dropped: it would be a coin toss.
        aliases = sorted(a for a in e.aliases if key_owner.get(alias_key(a)) == n)
        amb, weak, exact = [], [], []
        for a in aliases:
            if a in weak_terms:
                weak.append(a)  # a generic word the lexicon names ("面试", "沟通")
                continue
            if has_cjk(a):
                continue
            toks = tokenize(a)
            if a in ambiguous or (e.source == "onet" and len(toks) == 1 and len(a) <= 2 and a not in allowed):
                amb.append(a)
            elif e.source == "onet" and len(toks) > 1 and a not in allowed and \
                    all(_everyday(t.low, task_counts) for t in toks):
                amb.append(a)  # a product named with plain words ("Front Desk"): casing and context
            elif a in cased_terms or e.source == "onet" and (a in cased or (len(toks) == 1 and re.search(r"[a-z].*[A-Z]|[A-Z]{2}.*[a-z]", a))):
                exact.append(a)  # "XML", "FastEST", "ProFile": the casing is part of the name
            elif len(toks) == 1 and a not in allowed and _everyday(a, task_counts):
                if e.source == "onet" or (a.isupper() and len(a) > 1):
                    amb.append(a)  # a product that is also an everyday word ("Square", "Blink")
                else:
                    weak.append(a)  # a generic skill word ("bookkeeping", "Cooking")
        # the commodity title most of the product's rows use (ties: alphabetical)
        category = e.family or (min(e.categories.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                                if e.categories else None)
        rec = {
            "id": ids[n], "name": n, "category": category, "source": e.source,
            "hot": e.hot, "in_demand": e.in_demand, "occupations": len(e.occupations),
            "soc_groups": sorted({o[:2] for o in e.occupations}),
            "aliases": aliases, "ambiguous": amb, "cased": exact, "weak": weak,
            # related skills as [position in "skills", score]: compact and fast to load
            "related": [[position[r], s] for r, s in related.get(n, [])],
        }
        # empty and false fields are left out to keep the shipped file small
        skills.append({k: v for k, v in rec.items() if v not in ([], False, 0, None) or k in ("id", "name")})
    return {"version": FORMAT_VERSION, "skills": skills, "blocked": sorted(blocked)}


def _related(entries: dict[str, _Entry]) -> dict[str, list[tuple[str, float]]]:
    """Top related skills: co-occurrence across O*NET occupations (Ochiai / cosine, a PMI-like
    association, shrunk for small counts), plus a bonus for the same hand family."""
    occ_sets = {n: e.occupations for n, e in entries.items() if len(e.occupations) >= 2}
    by_occ: dict[str, list[str]] = defaultdict(list)
    for n in sorted(occ_sets):
        for o in occ_sets[n]:
            by_occ[o].append(n)
    pair: dict[str, Counter] = defaultdict(Counter)
    for members in by_occ.values():
        if len(members) > 400:  # a generic occupation says little about pairs
            continue
        for a in members:
            pa = pair[a]
            for b in members:
                if a != b:
                    pa[b] += 1
    fam_members: dict[str, list[str]] = defaultdict(list)
    for n in sorted(entries):
        fam = entries[n].family
        if fam and entries[n].source == "hand":
            fam_members[fam].append(n)
    out: dict[str, list[tuple[str, float]]] = {}
    for n in sorted(entries):
        scores: dict[str, float] = {}
        na = len(occ_sets.get(n, ()))
        for b, c in pair.get(n, {}).items():
            if c >= 2:
                # Ochiai, shrunk for small counts so two rare products that share two
                # occupations do not look as related as Python and Java
                scores[b] = c / math.sqrt(na * len(occ_sets[b])) * c / (c + 3)
        fam = entries[n].family
        if fam and entries[n].source == "hand" and len(fam_members[fam]) <= 80:
            words = {w for w in n.lower().split() if len(w) > 3}
            for b in fam_members[fam]:
                if b != n:
                    # same family; more when the names share a word ("Machine / Deep learning")
                    shared = words & {w for w in b.lower().split() if len(w) > 3}
                    scores[b] = scores.get(b, 0.0) + (0.5 if shared else 0.3)
        # ties (same family, no co-occurrence) go to the more widely used skill first
        top = sorted(scores.items(), key=lambda kv: (-round(kv[1], 3), -len(entries[kv[0]].occupations), kv[0]))
        top = top[:RELATED_TOP]
        out[n] = [(b, round(min(s, 1.0), 3)) for b, s in top]
    return out


def write(taxonomy: dict, path: Path) -> None:
    """Write gzip JSON byte-for-byte reproducibly (fixed mtime, no file name in the header)."""
    raw = json.dumps(taxonomy, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    path.write_bytes(buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    ap.add_argument("--out", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    onet = args.data / "taxonomy_onet" / "Technology Skills.txt"
    if not onet.is_file():
        print(f"O*NET Technology Skills not found at {onet}; nothing built")
        return 1
    tax = build(args.data)
    write(tax, args.out)
    print(f"wrote {args.out} ({len(tax['skills'])} skills, {args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
