"""A small OpenAI-compatible HTTP server for tests: a real socket on 127.0.0.1.

Serves POST /v1/chat/completions and GET /v1/models. Each test scripts the answers
(queued, first in first out; when the queue is empty it answers with valid drafts
for the tones the prompt asks for) and inspects every request body received.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_TONES = re.compile(r"(?:Tones to write, in this order|these tones, in this order): ([^\n.]+)")
DEFAULT_USAGE: dict[str, Any] = {
    "prompt_tokens": 1200,
    "completion_tokens": 60,
    "total_tokens": 1260,
    "prompt_tokens_details": {"cached_tokens": 1024},
}


@dataclass(kw_only=True)
class Reply:
    """One scripted answer of the chat-completions endpoint."""

    kind: str = "drafts"  # drafts | content | refusal | status | hang | drop
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content: str | None = None
    error: str = "scripted error"
    delay: float = 0.0
    usage: dict[str, Any] | None = field(default_factory=lambda: dict(DEFAULT_USAGE))
    finish_reason: str = "stop"


def drafts() -> Reply:
    """Valid JSON drafts for the requested tones."""
    return Reply()


def content(text: str, *, finish_reason: str = "stop") -> Reply:
    """An answer whose message content is exactly `text` (e.g. malformed JSON)."""
    return Reply(kind="content", content=text, finish_reason=finish_reason)


def refusal(text: str = "I'm sorry, I can't help with that.") -> Reply:
    """A structured-output refusal (message.refusal set, no content)."""
    return Reply(kind="refusal", content=text)


def status(
    code: int, *, retry_after: str | None = None, error: str = "scripted error", headers: dict[str, str] | None = None
) -> Reply:
    """An HTTP error status, optionally with Retry-After."""
    extra = dict(headers or {})
    if retry_after is not None:
        extra["Retry-After"] = retry_after
    return Reply(kind="status", status=code, headers=extra, error=error)


def hang(seconds: float) -> Reply:
    """Answer only after `seconds` (or when the server stops)."""
    return Reply(kind="hang", delay=seconds)


def drop() -> Reply:
    """Read the request, then close the connection without any response."""
    return Reply(kind="drop")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Client disconnects are expected in the failure tests."""


@dataclass(kw_only=True)
class Received:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None


class FakeOpenAI:
    """The server: start(), script(...), inspect .requests, stop()."""

    def __init__(self, *, models: list[str] | None = None) -> None:
        self.models = models if models is not None else ["test-model", "gpt-4o-mini"]
        self.requests: list[Received] = []
        self.reject_json_schema = False
        self.reject_json_object = False
        self.reject_params: set[str] = set()
        self.models_status = 200
        self._queue: list[Reply] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = False
        self._httpd.block_on_close = True
        self._httpd.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        """Base URL to give the client (ends with /v1)."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def chat_bodies(self) -> list[dict[str, Any]]:
        """The JSON bodies of all chat-completions requests, in order."""
        return [r.body or {} for r in self.requests if r.path.endswith("/chat/completions")]

    def script(self, *replies: Reply) -> None:
        """Queue answers for the next chat-completions requests."""
        with self._lock:
            self._queue.extend(replies)

    def next_reply(self) -> Reply:
        """The next scripted answer, or valid drafts."""
        with self._lock:
            return self._queue.pop(0) if self._queue else drafts()

    def record(self, received: Received) -> None:
        """Remember a request."""
        with self._lock:
            self.requests.append(received)

    def wait(self, seconds: float) -> None:
        """Sleep in a handler, cut short when the server stops."""
        self._release.wait(seconds)

    def start(self) -> FakeOpenAI:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging handlers, stop serving, close every socket."""
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def tones_in(body: dict[str, Any]) -> list[str]:
    """The tones the last user message asks for."""
    found: list[str] = []
    for message in body.get("messages", []):
        if message.get("role") == "user":
            for match in _TONES.finditer(message.get("content", "")):
                found = [t.strip() for t in match.group(1).split(",") if t.strip()]
    return found


def drafts_json(tones: list[str]) -> str:
    """The JSON object a well-behaved model returns."""
    return json.dumps(
        {"drafts": [{"tone": t, "text": f"{t} draft: Danke dir, wir kümmern uns!"} for t in tones]},
        ensure_ascii=False,
    )


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeOpenAI/1.0"

    @property
    def fake(self) -> FakeOpenAI:
        return self.server.fake  # type: ignore[attr-defined,no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr log."""

    def do_GET(self) -> None:
        self._record(None)
        if not self.path.endswith("/models"):
            return self._send(404, {"error": {"message": f"no route {self.path}"}})
        if self.fake.models_status != 200:
            return self._send(self.fake.models_status, {"error": {"message": "models failed"}})
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.fake.models]
        self._send(200, {"object": "list", "data": data})

    def _record(self, body: dict[str, Any] | None) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.fake.record(Received(method=self.command, path=self.path, headers=headers, body=body))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self._record(body)
        if not self.path.endswith("/chat/completions"):
            return self._send(404, {"error": {"message": f"no route {self.path}"}})
        rejection = self._rejection(body)
        if rejection:
            error = {"message": rejection, "type": "invalid_request_error"}
            return self._send(400, {"error": error})
        self._answer(self.fake.next_reply(), body)

    def _rejection(self, body: dict[str, Any]) -> str | None:
        kind = (body.get("response_format") or {}).get("type")
        if kind == "json_schema" and self.fake.reject_json_schema:
            return "response_format json_schema is not supported by this server"
        if kind == "json_object" and self.fake.reject_json_object:
            return "response_format json_object is not supported by this server"
        for param in sorted(self.fake.reject_params & set(body)):
            return f"Unsupported parameter: '{param}' is not supported with this model."
        return None

    def _answer(self, reply: Reply, body: dict[str, Any]) -> None:
        if reply.kind == "drop":
            self.close_connection = True
            return
        if reply.kind == "hang":
            self.fake.wait(reply.delay)
        if reply.kind == "status":
            return self._send(reply.status, {"error": {"message": reply.error}}, reply.headers)
        self._send(200, self._completion(reply, body))

    def _completion(self, reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
        text = reply.content if reply.kind == "content" else drafts_json(tones_in(body))
        message: dict[str, Any] = {"role": "assistant", "content": text, "refusal": None}
        if reply.kind == "refusal":
            message = {"role": "assistant", "content": None, "refusal": reply.content}
        result: dict[str, Any] = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "unknown"),
            "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        }
        if reply.usage is not None:
            result["usage"] = reply.usage
        return result

    def _send(self, code: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up (timeout test); nothing to answer
