"""Errors that carry a machine-readable reason and a human-readable next step.

Every failure a user can hit while processing an untrusted file maps to one of the
``Reason`` codes, so a batch summary can count failures by cause.
"""
from __future__ import annotations

from enum import Enum


class Reason(str, Enum):
    UNSUPPORTED = "unsupported"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    TOO_LARGE = "too_large"
    TIMED_OUT = "timed_out"
    EMPTY = "empty"
    MISSING_TOOL = "missing_tool"
    INTERNAL = "internal"


class ShortlistError(Exception):
    """Base class: anything the CLI should print as a clean one-line message."""


class ExtractionError(ShortlistError):
    """A document could not be turned into text. ``reason`` says why, ``hint`` what to do."""

    def __init__(self, reason: Reason, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.reason = Reason(reason)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"{self.reason.value}: {self.message}" + (f" ({self.hint})" if self.hint else "")

    def __reduce__(self):  # picklable across the sandbox boundary
        return (self.__class__, (self.reason, self.message, self.hint))


class MissingExtra(ShortlistError, ImportError):
    """An optional dependency is needed; the message names the extra to install."""

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        msg = f"{purpose} needs the '{module}' package: pip install 'shortlist[{extra}]'"
        super().__init__(msg)
        self.module, self.extra, self.purpose = module, extra, purpose

    def __reduce__(self):
        return (self.__class__, (self.module, self.extra, self.purpose))
