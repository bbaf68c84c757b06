"""Find an OpenAI-compatible server on this machine when nothing is configured.

Ollama (11434), llama.cpp server (8080), LM Studio (1234) and vLLM (8000) all serve GET /v1/models.
``discover()`` asks every port at once on 127.0.0.1, waits at most ``DISCOVERY_BUDGET`` seconds in
all, and takes the first port in that order whose answer lists a chat model. No openai SDK: plain
http.client, so looking costs a few milliseconds when nothing listens.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import re
import time
from dataclasses import dataclass

from assistant import defaults

SERVER_NAMES = {11434: "Ollama", 8080: "llama.cpp", 1234: "LM Studio", 8000: "vLLM"}
# Bytes of a /models answer we read at most (big servers list a few hundred models).
_MODELS_CAP = 1024 * 1024
# Model ids that name embedding or reranking models: they cannot write drafts.
_NOT_CHAT = ("embed", "rerank", "whisper", "tts", "clip")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_model_id(model_id: object) -> str:
    """A model id as it may be shown: no control or line-break characters, at most MODEL_ID_CAP characters."""
    return _CONTROL.sub("", str(model_id)).strip()[: defaults.MODEL_ID_CAP]


@dataclass(frozen=True, kw_only=True)
class LocalServer:
    """A server found on this machine: where, which product (by port), and the model replyvoice will use."""

    base_url: str
    name: str
    model: str
    models: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line: which server and model."""
        return f"{self.name} at {self.base_url}, model {self.model}"


def discover(
    *,
    host: str | None = None,
    ports: tuple[int, ...] | None = None,
    budget: float | None = None,
) -> LocalServer | None:
    """The first port (in the given order) that lists a chat model, asked in parallel within `budget` seconds."""
    host = host or defaults.DISCOVERY_HOST
    ports = ports or defaults.DISCOVERY_PORTS
    budget = budget or defaults.DISCOVERY_BUDGET
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(len(ports), 1), thread_name_prefix="rv-discover")
    try:
        futures = {port: pool.submit(_probe, host, port, budget) for port in ports}
        until = time.monotonic() + budget
        for port in ports:
            try:
                found = futures[port].result(timeout=max(until - time.monotonic(), 0.0))
            except (concurrent.futures.TimeoutError, OSError, ValueError):
                continue
            if found is not None:
                return found
        return None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _probe(host: str, port: int, budget: float) -> LocalServer | None:
    """GET /v1/models on one port; the server if it lists a usable model."""
    connection = http.client.HTTPConnection(host, port, timeout=budget)
    try:
        connection.request("GET", "/v1/models", headers={"Accept": "application/json"})
        response = connection.getresponse()
        if response.status != 200:
            return None
        data = json.loads(response.read(_MODELS_CAP + 1)[:_MODELS_CAP] or b"{}")
    except (OSError, ValueError, RecursionError, http.client.HTTPException):
        return None
    finally:
        connection.close()
    rows = data.get("data") if isinstance(data, dict) else None
    ids = [clean_model_id(row.get("id", "")) for row in rows or [] if isinstance(row, dict)]
    usable = [i for i in ids if i and not any(word in i.lower() for word in _NOT_CHAT)]
    if not usable:
        return None
    return LocalServer(
        base_url=f"http://{host}:{port}/v1",
        name=SERVER_NAMES.get(port, f"port {port}"),
        model=usable[0],
        models=tuple(usable),
    )
