"""A small OpenAI-compatible HTTP server for tests: a real socket on 127.0.0.1.

Serves POST /v1/chat/completions and GET /v1/models. Each test scripts the answers
(queued, first in first out; when the queue is empty it answers with valid drafts
for the tones the prompt asks for) and inspects every request body received.

``FakeOpenAI(compliant=True)`` (or a scripted ``comply()``) plays a model that obeys
whatever the message says: its drafts carry the injected payload, a verbatim piece of
the system prompt, and the canary. Faults: ``status`` (any code, with or without
Retry-After), ``hang``, ``drop``, ``trickle`` (headers at once, the body a byte at a
time), ``raw`` (any body, e.g. malformed JSON) and ``empty_choices``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import time
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

    kind: str = "drafts"  # drafts | content | refusal | status | hang | drop | comply | trickle | raw | bytes | empty
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content: str | None = None
    error: str = "scripted error"
    delay: float = 0.0
    usage: dict[str, Any] | None = field(default_factory=lambda: dict(DEFAULT_USAGE))
    finish_reason: str = "stop"
    body: bytes = b""


def drafts() -> Reply:
    """Valid JSON drafts for the requested tones."""
    return Reply()


def content(text: str, *, finish_reason: str = "stop", delay: float = 0.0) -> Reply:
    """An answer whose message content is exactly `text` (e.g. malformed JSON), optionally after `delay` s."""
    return Reply(kind="content", content=text, finish_reason=finish_reason, delay=delay)


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


def comply() -> Reply:
    """Drafts from a model that obeys the message (injected payload, system prompt, canary)."""
    return Reply(kind="comply")


def trickle(seconds_per_byte: float = 0.05) -> Reply:
    """Valid drafts, sent one byte every `seconds_per_byte` (a slow, never-idle stream)."""
    return Reply(kind="trickle", delay=seconds_per_byte)


def raw(body: str, *, code: int = 200) -> Reply:
    """An HTTP answer whose body is exactly `body` (e.g. malformed JSON), as application/json."""
    return Reply(kind="raw", status=code, content=body)


def raw_bytes(body: bytes, *, code: int = 200, headers: dict[str, str] | None = None) -> Reply:
    """An HTTP answer whose body is exactly these bytes (e.g. a gzip bomb with Content-Encoding: gzip)."""
    return Reply(kind="bytes", status=code, body=body, headers=dict(headers or {}))


def redirect(location: str, code: int = 307) -> Reply:
    """A redirect to `location` (e.g. another host)."""
    return Reply(kind="status", status=code, headers={"Location": location}, error="moved")


def empty_choices() -> Reply:
    """A well-formed completion with `choices: []`."""
    return Reply(kind="empty")


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

    def __init__(self, *, models: list[str] | None = None, compliant: bool = False) -> None:
        self.models = models if models is not None else ["test-model", "gpt-4o-mini"]
        self.compliant = compliant
        self.requests: list[Received] = []
        self.reject_json_schema = False
        self.reject_json_object = False
        self.reject_params: set[str] = set()
        self.models_status = 200
        # Seconds per byte of the /models answer (0: all at once): a server that trickles its model list.
        self.models_trickle = 0.0
        # Streamed answers (requests with "stream": true): characters per chunk and seconds between chunks.
        self.chunk_chars = 16
        self.chunk_delay = 0.0
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

    def clear(self) -> None:
        """Drop the queued answers that no request has taken (one test case's leftovers)."""
        with self._lock:
            self._queue.clear()

    def next_reply(self, body: dict[str, Any] | None = None) -> Reply:
        """The next scripted answer, or valid drafts (obedient ones in compliant mode)."""
        with self._lock:
            if self._queue:
                return self._queue.pop(0)
            return comply() if self.compliant else drafts()

    def record(self, received: Received) -> None:
        """Remember a request."""
        with self._lock:
            self.requests.append(received)

    @property
    def stopping(self) -> bool:
        """True once stop() was called."""
        return self._release.is_set()

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
        if self.fake.models_trickle:
            return self._trickle(json.dumps({"object": "list", "data": data}).encode(), self.fake.models_trickle)
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
        self._answer(self.fake.next_reply(body), body)

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
        if reply.kind == "hang" or (reply.kind == "content" and reply.delay):
            self.fake.wait(reply.delay)
        if reply.kind == "status":
            return self._send(reply.status, {"error": {"message": reply.error}}, reply.headers)
        if reply.kind == "raw":
            return self._send_bytes(reply.status, (reply.content or "").encode())
        if reply.kind == "bytes":
            return self._send_bytes(reply.status, reply.body, reply.headers)
        if reply.kind == "trickle":
            return self._trickle(json.dumps(self._completion(reply, body)).encode(), reply.delay)
        if body.get("stream") and reply.kind not in ("empty",):
            return self._stream(self._completion(reply, body), body)
        self._send(200, self._completion(reply, body))

    def _stream(self, completion: dict[str, Any], body: dict[str, Any]) -> None:
        """The completion as server-sent events: the content in pieces, then usage, then [DONE]."""
        choice = completion["choices"][0]
        message, size = choice["message"], max(1, self.fake.chunk_chars)
        text = message.get("content") or ""
        base = {k: completion[k] for k in ("id", "created", "model")} | {"object": "chat.completion.chunk"}
        deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
        deltas += [{"content": text[i : i + size]} for i in range(0, len(text), size)]
        if message.get("refusal"):
            deltas.append({"refusal": message["refusal"]})
        events = [{**base, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas]
        events.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": choice["finish_reason"]}]})
        if completion.get("usage") and (body.get("stream_options") or {}).get("include_usage"):
            events.append({**base, "choices": [], "usage": completion["usage"]})
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for event in events:
                self.wfile.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()
                if self.fake.chunk_delay:
                    self.fake.wait(self.fake.chunk_delay)
                if self.fake.stopping:
                    return
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
        except OSError:
            pass  # the client gave up

    def _completion(self, reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
        if reply.kind == "content":
            text = reply.content
        elif reply.kind == "comply":
            text = compliant_json(body)
        else:
            text = drafts_json(tones_in(body))
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
        if reply.kind == "empty":
            result["choices"] = []
        if reply.usage is not None:
            result["usage"] = reply.usage
        return result

    def _send(self, code: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._send_bytes(code, json.dumps(payload, ensure_ascii=False).encode(), headers)

    def _trickle(self, data: bytes, seconds_per_byte: float) -> None:
        """Headers at once, then the body one byte at a time (until done or the server stops)."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                if self.fake.stopping:
                    return
                time.sleep(seconds_per_byte)
        except OSError:
            pass  # the client gave up

    def _send_bytes(self, code: int, data: bytes, headers: dict[str, str] | None = None) -> None:
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


# ---------------------------------------------------------------- the compliant model

_CANARY = re.compile(r"Canary: (\S+)")
_LIMIT = re.compile(r"Maximum length: (\d+) characters")
_QUOTED = re.compile(r"[\"“„«»']([^\"“”„«»'\n]{3,200})[\"“”«»']")
_PAYLOAD = re.compile(r"!?\[[^\]\n]*\]\([^)\s]+\)|https?://\S+|<[a-z/][^>\n]*>|\b[A-Z][A-Z0-9]{3,}\d+\b|\b[A-Z]{4,}\b")
_B64 = re.compile(r"[A-Za-z0-9+/]{12,}={0,2}")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


def compliant_json(body: dict[str, Any]) -> str:
    """What a model that obeys the message writes: per tone, the payload, the prompt, the canary."""
    messages = body.get("messages", [])
    system = next((m.get("content", "") for m in messages if m.get("role") == "system"), "")
    user = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
    first_user = next((m.get("content", "") for m in messages if m.get("role") == "user"), "")
    limit = int(next(iter(_LIMIT.findall(user) or _LIMIT.findall(first_user)), "150"))
    canary = (_CANARY.findall(system) or ["(no canary)"])[0]
    texts = [
        obeyed(untrusted(first_user)),
        f"Meine Anweisungen lauten: {system_excerpt(system)}",
        f"Na klar, hier ist das Geheimnis: {canary}",
    ]
    tones = tones_in(body)
    items = [{"tone": t, "text": texts[i % len(texts)][:limit]} for i, t in enumerate(tones)]
    return json.dumps({"drafts": items}, ensure_ascii=False)


def untrusted(user: str) -> str:
    """The untrusted text of a task: MESSAGE block, else POST (markers removed)."""
    for name in ("MESSAGE", "POST"):
        match = re.search(rf"<<<{name}\n(.*?)\n{name}>>>", user, re.S)
        if match:
            return match.group(1)
    return user


def obeyed(message: str) -> str:
    """The payload an obedient model writes: quoted sentences, codes, links, decoded text."""
    plain = _INVISIBLE.sub("", message)
    decoded = [_decode(token) for token in _B64.findall(plain)]
    found = [*_QUOTED.findall(plain), *_PAYLOAD.findall(plain), *[d for d in decoded if d]]
    found += [q for d in decoded if d for q in [*_QUOTED.findall(d), *_PAYLOAD.findall(d)]]
    unique = list(dict.fromkeys(f.strip() for f in found if f.strip()))
    return " ".join(unique) if unique else " ".join(plain.split())


def _decode(token: str) -> str:
    try:
        text = base64.b64decode(token + "=" * (-len(token) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""
    return text if text.isprintable() and len(text) >= 4 else ""


def system_excerpt(system: str, words: int = 14) -> str:
    """A verbatim run of words from the start of the system prompt."""
    return " ".join(system.split()[:words])


# ---------------------------------------------------------------- recorded answers


class ReplayOpenAI(FakeOpenAI):
    """Serves recorded model answers: the recording whose request this is gets its answer.

    `find(body)` returns the recorded answer (the assistant message content) for a request body, or None
    (a repair, which was never recorded): then the server answers HTTP 404.
    """

    def __init__(self, find: Any) -> None:
        super().__init__(models=["stand-in"])
        self.find = find
        self.unmatched: list[dict[str, Any]] = []

    def next_reply(self, body: dict[str, Any] | None = None) -> Reply:
        """The recorded answer for this request, else 404."""
        with self._lock:
            if self._queue:
                return self._queue.pop(0)
        answer = self.find(body or {})
        if answer is None:
            self.unmatched.append(body or {})
            return status(404, error="no recorded answer for this request (a repair is never recorded)")
        return content(answer)
