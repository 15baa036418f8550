"""Pluggable language models: any OpenAI-compatible chat endpoint, or a local GGUF file.

Nothing in shortlist needs a model: every feature that can use one has a deterministic path,
and a model's output is used only after it validates against a schema.
"""
from shortlist.llm.client import (
           ChatBackend,
           LLMConfig,
           LLMError,
           LLMUnavailable,
           OpenAICompatible,
           backend_from_settings,
)
from shortlist.llm.structured import StructuredResult, generate_structured

__all__ = ["ChatBackend", "LLMConfig", "LLMError", "LLMUnavailable", "OpenAICompatible", "StructuredResult",
           "backend_from_settings", "generate_structured"]
