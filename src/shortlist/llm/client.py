"""Chat backends. The OpenAI chat-completions protocol is the lingua franca: Ollama, vLLM,
llama.cpp's server, LM Studio, OpenAI, DeepSeek and Qwen all speak it."""
from __future__ import annotations

import json
from typing import Any, Protocol

import httpx
from pydantic import BaseModel

from shortlist.errors import MissingExtra, ShortlistError


class LLMError(ShortlistError):
    """The model answered, but not usefully (bad status, refusal, malformed reply)."""


class LLMUnavailable(LLMError):
    """The endpoint could not be reached in time. One message; the rest of shortlist carries on."""


class LLMConfig(BaseModel):
    base_url: str  # e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1
    model: str
    api_key: str | None = None
    timeout_s: float = 60.0
    temperature: float = 0.2
    max_tokens: int = 2048


class ChatBackend(Protocol):
    name: str

    def chat(self, messages: list[dict[str, str]], json_schema: dict[str, Any] | None = None) -> str: ...


class OpenAICompatible:
    """POST {base_url}/chat/completions. Constructing it opens no connection."""

    def __init__(self, config: LLMConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self.transport = transport
        self.name = f"{config.model}@{config.base_url}"

    def chat(self, messages: list[dict[str, str]], json_schema: dict[str, Any] | None = None) -> str:
        c = self.config
        body: dict[str, Any] = {"model": c.model, "messages": messages, "temperature": c.temperature,
                                "max_tokens": c.max_tokens}
        if json_schema is not None:
            # Widely supported; servers that ignore it still get the schema in the prompt.
            body["response_format"] = {"type": "json_object"}
        headers = {"content-type": "application/json"}
        if c.api_key:
            headers["authorization"] = f"Bearer {c.api_key}"
        url = c.base_url.rstrip("/") + "/chat/completions"
        try:
            with httpx.Client(timeout=c.timeout_s, transport=self.transport) as http:
                r = http.post(url, json=body, headers=headers)
        except httpx.TimeoutException:
            raise LLMUnavailable(f"the model at {c.base_url} did not answer within {c.timeout_s:g} s "
                                 "(raise llm_timeout_s, or run without --llm)") from None
        except httpx.HTTPError as exc:
            raise LLMUnavailable(f"cannot reach the model at {c.base_url}: {exc.__class__.__name__} "
                                 "(is the server running? check llm_base_url)") from None
        if r.status_code in (401, 403):
            raise LLMError(f"the model at {c.base_url} refused the API key (HTTP {r.status_code}); set llm_api_key")
        if r.status_code >= 400:
            raise LLMError(f"the model at {c.base_url} answered HTTP {r.status_code}: {r.text[:200]}")
        try:
            data = r.json()
            choice = data["choices"][0]
            content = choice["message"].get("content") or ""
        except (ValueError, KeyError, IndexError, TypeError):
            raise LLMError(f"the model at {c.base_url} sent a reply that is not a chat completion") from None
        if not content and choice["message"].get("refusal"):
            raise LLMError(f"the model refused: {choice['message']['refusal'][:200]}")
        return content


class LlamaCppBackend:
    """A local GGUF model through llama-cpp-python (optional extra: llm-local)."""

    def __init__(self, model_path: str, n_ctx: int = 4096, threads: int | None = None) -> None:
        self.model_path, self.n_ctx, self.threads = model_path, n_ctx, threads
        self.name = f"gguf:{model_path.rsplit('/', 1)[-1]}"
        self._llm = None

    def _load(self):
        if self._llm is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise MissingExtra("llama_cpp", "llm-local", "Running a local GGUF model") from None
            self._llm = Llama(model_path=self.model_path, n_ctx=self.n_ctx, n_threads=self.threads, verbose=False)
        return self._llm

    def chat(self, messages: list[dict[str, str]], json_schema: dict[str, Any] | None = None) -> str:
        llm = self._load()
        kwargs: dict[str, Any] = {"messages": messages, "temperature": 0.2, "max_tokens": 1024}
        if json_schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": json_schema}
        out = llm.create_chat_completion(**kwargs)
        return out["choices"][0]["message"].get("content") or ""


def backend_from_settings(values: dict | None = None, base_url: str | None = None, model: str | None = None,
                          gguf: str | None = None) -> ChatBackend | None:
    """The configured backend, or None when no model is configured (the deterministic path runs)."""
    from shortlist.settings import load_settings

    v = load_settings() if values is None else values
    gguf = gguf or v.get("llm_gguf") or None
    if gguf:
        return LlamaCppBackend(gguf)
    url = base_url or v.get("llm_base_url") or None
    if not url:
        return None
    return OpenAICompatible(LLMConfig(base_url=url, model=model or v.get("llm_model") or "default",
                                      api_key=v.get("llm_api_key") or None, timeout_s=float(v.get("llm_timeout_s", 60))))


def schema_hint(schema: dict[str, Any]) -> str:
    return "Answer with one JSON object only, matching this JSON Schema:\n" + json.dumps(schema, ensure_ascii=False)
