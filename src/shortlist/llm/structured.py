"""Schema-checked model output with bounded retries. A caller always gets either a valid
object or None plus notes saying why, so it can fall back to its deterministic path."""
from __future__ import annotations

import json
import re
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from shortlist.llm.client import ChatBackend, LLMError, LLMUnavailable, schema_hint

M = TypeVar("M", bound=BaseModel)

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


class StructuredResult(BaseModel, Generic[M]):
    value: M | None = None
    attempts: int = 0
    notes: list[str] = []
    unavailable: bool = False


def _json_of(text: str) -> str:
    m = _FENCE.search(text)
    if m:
        return m.group(1).strip()
    start, end = text.find("{"), text.rfind("}")
    return text[start:end + 1] if start != -1 and end > start else text


def generate_structured(backend: ChatBackend, messages: list[dict[str, str]], model: type[M],
                        retries: int = 2) -> StructuredResult[M]:
    schema = model.model_json_schema()
    msgs = list(messages)
    msgs[0] = {"role": msgs[0]["role"], "content": msgs[0]["content"] + "\n\n" + schema_hint(schema)}
    result: StructuredResult[M] = StructuredResult()
    for attempt in range(1, retries + 2):
        result.attempts = attempt
        try:
            text = backend.chat(msgs, json_schema=schema)
        except LLMUnavailable as exc:
            result.notes.append(str(exc))
            result.unavailable = True
            return result  # retrying a dead endpoint only makes the user wait longer
        except LLMError as exc:
            result.notes.append(str(exc))
            continue
        try:
            result.value = model.model_validate(json.loads(_json_of(text)))
            return result
        except (ValueError, ValidationError) as exc:
            problem = str(exc).splitlines()[0][:300]
            result.notes.append(f"attempt {attempt}: reply did not match the schema ({problem})")
            msgs = msgs + [{"role": "assistant", "content": text[:4000]},
                           {"role": "user", "content": f"That was not valid: {problem}. Reply with the JSON object only."}]
    return result
