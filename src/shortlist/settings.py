"""One declarative table of settings: name, default, type and help.

Values come from (lowest to highest priority) the defaults here, an optional TOML file
(``shortlist.toml`` in the working directory or ``$SHORTLIST_CONFIG``), and environment
variables ``SHORTLIST_<NAME>`` (upper case). The README's settings table is generated from
``SETTINGS`` and a test fails when the two drift apart.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "SHORTLIST_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", ".shortlist", "Where caches, the database and stored files live."),
    Setting("max_file_mb", 20, "Largest input file accepted, in MiB."),
    Setting("max_pages", 50, "Most pages read from one document; longer ones are refused."),
    Setting("timeout_s", 30.0, "Wall-clock limit for extracting and parsing one file, in seconds."),
    Setting("memory_mb", 1024, "Address-space limit of the extraction child process, in MiB."),
    Setting("zip_max_uncompressed_mb", 100, "Largest total uncompressed size of a DOCX archive, in MiB."),
    Setting("zip_max_entries", 2000, "Most entries a DOCX archive may hold."),
    Setting("ocr_languages", "eng+chi_sim", "Tesseract languages used for scans and images."),
    Setting("ocr_dpi", 200, "Resolution at which scanned PDF pages are rendered for OCR."),
    Setting("parser_model", "", "Resume labeller model file (from `shortlist train parser`), used for the languages it was trained on; empty: the shipped models (English, Chinese); 'rules': rules only."),
    Setting("match_model", "", "Matcher projection file over MiniLM (from `make train-encoder` or `shortlist train encoder`); empty: the shipped one; 'none': the plain encoder."),
    Setting("workers", 0, "Parallel parsing processes; 0 means one per CPU core."),
    Setting("database_url", "", "SQLAlchemy URL of the workspace database; empty means SQLite in data_dir."),
    Setting("host", "127.0.0.1", "Address `shortlist serve` listens on."),
    Setting("port", 8765, "Port `shortlist serve` listens on."),
    Setting("llm_base_url", "", "OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server, OpenAI...); empty: no LLM."),
    Setting("llm_model", "", "Model name to ask the endpoint for."),
    Setting("llm_api_key", "", "API key for the endpoint, if it needs one."),
    Setting("llm_timeout_s", 60.0, "How long to wait for one model reply, in seconds."),
    Setting("llm_retries", 2, "Extra attempts when a reply does not match the schema."),
    Setting("llm_gguf", "", "Path of a local GGUF model (needs the llm-local extra); used instead of an endpoint."),
    Setting("retention_days", 365, "`shortlist retention` erases candidates inactive for this many days."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, raw: Any) -> Any:
    kind = type(setting.default)
    if isinstance(raw, kind):
        return raw
    if kind is bool:
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"setting {setting.name}: cannot read {raw!r} as {kind.__name__}") from exc


def load_settings(config: Path | None = None, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Resolve every setting. Unknown keys in the TOML file are an error, not silently ignored."""
    env = dict(os.environ) if env is None else env
    values = {s.name: s.default for s in SETTINGS}
    path = config or (Path(env["SHORTLIST_CONFIG"]) if env.get("SHORTLIST_CONFIG") else Path("shortlist.toml"))
    if path.is_file():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        unknown = sorted(set(data) - set(_BY_NAME))
        if unknown:
            raise ValueError(f"{path}: unknown settings {unknown}; known: {sorted(_BY_NAME)}")
        for key, raw in data.items():
            values[key] = _coerce(_BY_NAME[key], raw)
    for s in SETTINGS:
        if s.env in env:
            values[s.name] = _coerce(s, env[s.env])
    return values


def get(name: str) -> Any:
    return load_settings()[name]


def markdown_table() -> str:
    """The README's settings table, generated so documentation cannot drift from code."""
    rows = ["| setting | environment variable | default | what it does |", "|---|---|---|---|"]
    for s in SETTINGS:
        rows.append(f"| `{s.name}` | `{s.env}` | `{s.default}` | {s.help} |")
    return "\n".join(rows)
