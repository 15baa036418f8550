"""A tiny OpenAI-compatible chat server for tests and integration checks (loopback only).

It answers /v1/chat/completions with scripted replies, in order, and records every request,
so tests can check both how the client copes (malformed JSON, slowness, refusals, errors)
and what was sent (for example, that hidden resume text never reached the model).
"""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = str | dict[str, Any]  # text content, or {"sleep": s} / {"status": n} / {"refusal": "..."} / {"raw": "..."}


class StandInLLM:
    def __init__(self, replies: list[Reply] | None = None, default: Reply = "{}") -> None:
        self.replies: deque[Reply] = deque(replies or [])
        self.default = default
        self.requests: list[dict[str, Any]] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> StandInLLM:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                owner.requests.append(body)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": "not found"})
                    return
                reply = owner.replies.popleft() if owner.replies else owner.default
                if isinstance(reply, dict) and "sleep" in reply:
                    time.sleep(float(reply["sleep"]))
                    reply = reply.get("then", owner.default)
                if isinstance(reply, dict) and "status" in reply:
                    self._send(int(reply["status"]), {"error": {"message": "scripted failure"}})
                    return
                if isinstance(reply, dict) and "raw" in reply:
                    self._raw(200, str(reply["raw"]).encode())
                    return
                message: dict[str, Any] = {"role": "assistant", "content": None}
                if isinstance(reply, dict) and "refusal" in reply:
                    message["refusal"] = reply["refusal"]
                else:
                    message["content"] = reply if isinstance(reply, str) else json.dumps(reply)
                self._send(200, {"id": "standin", "object": "chat.completion", "model": body.get("model", ""),
                                 "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]})

            def _send(self, status: int, payload: dict) -> None:
                self._raw(status, json.dumps(payload).encode())

            def _raw(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> StandInLLM:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def sent_text(self) -> str:
        """Everything the client sent, as one string (for 'never reached the model' checks)."""
        return json.dumps(self.requests, ensure_ascii=False)
