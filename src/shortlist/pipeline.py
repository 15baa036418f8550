"""Many files in, one outcome per file out: a profile or a per-file error. Never aborts a batch.

Extraction and parsing run together inside sandboxed child processes (see
``documents.sandbox``), because both handle untrusted input: a pathological file can hang a
regex as easily as a PDF parser. Parsed profiles are cached by the file's content hash and
the parser version, so re-ranking a folder does not parse it again.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from shortlist import __version__
from shortlist.errors import ExtractionError, Reason
from shortlist.profile.model import Profile

def _parser_digest(root: Path | None = None) -> str:
    """A hash of every source and data file parsing depends on: a changed parser (even an
    uncommitted edit) never serves profiles cached by an older one."""
    root = root or Path(__file__).resolve().parent
    h = hashlib.sha256()
    for sub in ("documents", "profile", "skills", "labeller", "data"):
        for f in sorted((root / sub).rglob("*")):
            if f.is_file() and f.suffix in {".py", ".tsv", ".gz", ".json", ".slm"}:
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


PARSER_VERSION = f"{__version__}+{_parser_digest()}"

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


class FileError(BaseModel):
    reason: Reason
    message: str
    hint: str | None = None

    @classmethod
    def of(cls, exc: ExtractionError) -> FileError:
        return cls(reason=exc.reason, message=exc.message, hint=exc.hint)


class ParseOutcome(BaseModel):
    path: str
    profile: Profile | None = None
    error: FileError | None = None
    seconds: float = 0.0
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.profile is not None


class BatchSummary(BaseModel):
    total: int = 0
    parsed: int = 0
    failed: int = 0
    cached: int = 0
    failures_by_reason: dict[str, int] = {}


def collect_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every regular file under named folders (recursive, sorted).

    Hidden files and OS clutter are skipped; unreadable paths are kept so they get a
    per-file error instead of vanishing silently.
    """
    out: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith(".") or f in SKIP_NAMES:
                        continue
                    out.append(Path(root) / f)
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for p in out:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def _parse_one(item: tuple[str, object]) -> tuple[str, float]:
    """Runs inside a sandbox worker: extract, then parse. Top-level so it pickles.

    The profile crosses the process boundary as JSON: pydantic's generic models (Val[str])
    do not pickle, and JSON is also the form the cache stores.
    """
    from shortlist.documents.extract import extract_path
    from shortlist.profile.parse import parse_document

    path, limits = item
    t0 = time.perf_counter()
    doc = extract_path(path, limits)
    profile = parse_document(doc)
    profile.source = path
    return profile.model_dump_json(), time.perf_counter() - t0


class ProfileCache:
    """Parsed profiles on disk, keyed by file content hash and parser version."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _file(self, sha: str) -> Path:
        from shortlist.labeller.default import model_digest

        own = model_digest()  # a team's own parser model keys its own cache
        return self.directory / (PARSER_VERSION + (f"+{own}" if own else "")) / f"{sha}.json"

    def get(self, sha: str) -> Profile | None:
        f = self._file(sha)
        try:
            return Profile.model_validate_json(f.read_bytes())
        except (OSError, ValueError):
            return None

    def put(self, profile: Profile) -> None:
        if not profile.sha256:
            return
        f = self._file(profile.sha256)
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(profile.model_dump_json())
        os.replace(tmp, f)  # atomic: a reader never sees half a file

    def forget(self, sha: str) -> None:
        self._file(sha).unlink(missing_ok=True)


def _precheck(path: Path, max_bytes: int) -> tuple[str | None, FileError | None]:
    """Cheap checks in the parent: exists, readable, not too large; returns the content hash."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, FileError(
                reason=Reason.TOO_LARGE,
                message=f"file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit",
                hint="raise SHORTLIST_MAX_FILE_MB if this file is genuine",
            )
        if size == 0:
            return None, FileError(reason=Reason.EMPTY, message="file is empty")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return None, FileError(reason=Reason.CORRUPT, message=f"cannot read file: {exc.strerror or exc}")
    return digest, None


def parse_paths(
    paths: Iterable[str | Path],
    workers: int = 0,
    limits: object | None = None,
    redact: bool = False,
    cache: ProfileCache | None = None,
) -> Iterator[ParseOutcome]:
    """Parse every path; yields one outcome per path as soon as it is ready (completion order)."""
    from shortlist.documents.limits import Limits
    from shortlist.documents.sandbox import Sandbox

    lim = limits if limits is not None else Limits.from_settings()
    todo: list[tuple[str, object]] = []
    for p in paths:
        path = Path(p)
        sha, err = _precheck(path, int(lim.max_file_mb * 2**20))
        if err is not None:
            yield ParseOutcome(path=str(path), error=err)
            continue
        cached = cache.get(sha) if cache and sha else None
        if cached is not None:
            cached.source = str(path)
            yield ParseOutcome(path=str(path), profile=_finish(cached, redact), cached=True)
            continue
        todo.append((str(path), lim))
    if not todo:
        return
    n = workers or os.cpu_count() or 1
    from shortlist.labeller.default import preload

    preload()  # loaded once here, so forked workers share them instead of each loading them
    with Sandbox(workers=min(n, len(todo)), limits=lim) as box:
        for item, result in box.imap(_parse_one, todo):
            path = item[0]
            if isinstance(result, ExtractionError):
                yield ParseOutcome(path=path, error=FileError.of(result))
                continue
            payload, seconds = result
            profile = Profile.model_validate_json(payload)
            if cache is not None:
                cache.put(profile)
            yield ParseOutcome(path=path, profile=_finish(profile, redact), seconds=seconds)


def _finish(profile: Profile, redact: bool) -> Profile:
    if not redact:
        return profile
    from shortlist.profile.redact import redact as do_redact

    return do_redact(profile)


def summarise(outcomes: Iterable[ParseOutcome]) -> BatchSummary:
    s = BatchSummary()
    reasons: Counter[str] = Counter()
    for o in outcomes:
        s.total += 1
        if o.ok:
            s.parsed += 1
            s.cached += int(o.cached)
        else:
            s.failed += 1
            assert o.error is not None
            reasons[o.error.reason.value] += 1
    s.failures_by_reason = dict(reasons)
    return s


def outcome_record(outcome: ParseOutcome) -> dict:
    """One output record per file: JSON Resume keys plus our additions under ``meta``."""
    if outcome.profile is not None:
        from shortlist.profile.jsonresume import to_json_resume

        rec = to_json_resume(outcome.profile)
        meta = rec.setdefault("meta", {})
        meta["source"] = outcome.path
        meta["status"] = "parsed"
        return rec
    assert outcome.error is not None
    return {"meta": {"source": outcome.path, "status": "failed", "error": json.loads(outcome.error.model_dump_json())}}
