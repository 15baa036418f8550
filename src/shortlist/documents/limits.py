"""Resource limits for reading one untrusted document, resolved from settings once."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from shortlist import settings


class Limits(BaseModel):
    """What one extraction may cost. Picklable, so it travels to sandbox workers."""

    model_config = ConfigDict(frozen=True)

    max_file_mb: float = 20
    max_pages: int = 50
    timeout_s: float = 30.0
    memory_mb: int = 1024
    zip_max_uncompressed_mb: float = 100
    zip_max_entries: int = 2000
    ocr_languages: str = "eng+chi_sim"
    ocr_dpi: int = 200

    @classmethod
    def from_settings(cls, values: dict | None = None) -> Limits:
        """Build from the resolved settings table (defaults, TOML, environment)."""
        values = settings.load_settings() if values is None else values
        return cls(**{name: values[name] for name in cls.model_fields if name in values})
