"""Faults (OWASP LLM10): every way the endpoint can fail ends in time, in fallback drafts or one clear error.

Each fault is injected with the fake server on 127.0.0.1 (or a closed port) under a small
deadline; through the library (`assistant.draft` with `fallback` on and off) and through the
CLI (`python -m assistant draft --backend openai`), which must never print a traceback.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant import Message, draft
from assistant.backends.openai.backend import OpenAIBackend
from assistant.errors import BackendError
from assistant.models import DraftSet
from assistant.pipeline import draft_stream
from assistant.settings import OpenAISettings

try:
    from conftest import profile_for
    from fakeserver import (
        FakeOpenAI,
        Reply,
        content,
        drop,
        empty_choices,
        hang,
        raw,
        raw_bytes,
        redirect,
        refusal,
        status,
        trickle,
    )
except ImportError:  # tests/ imported as a package
    from tests.conftest import profile_for
    from tests.fakeserver import (
        FakeOpenAI,
        Reply,
        content,
        drop,
        empty_choices,
        hang,
        raw,
        raw_bytes,
        redirect,
        refusal,
        status,
        trickle,
    )

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 1.5  # seconds per draft set, retries included
SLACK = 1.5  # offline fallback, repair and process overhead on a slow CI machine
MESSAGE = "Wo bleibt meine Bestellung 48213? Seit Montag nichts passiert."
TOO_LONG = '{"drafts": [{"tone": "warm", "text": "Das tut uns leid, wir schauen'
WRONG_SCHEMA = '{"answers": [{"style": "warm", "reply": "Hallo"}]}'
BOMB = gzip.compress(b"{" + b" " * (64 * 1024 * 1024))  # 64 MB of JSON whitespace in ~64 KB

FAULTS: dict[str, Callable[[], list[Reply]]] = {
    "500": lambda: [status(500)] * 4,
    "502": lambda: [status(502)] * 4,
    "503": lambda: [status(503)] * 4,
    "429 with Retry-After": lambda: [status(429, retry_after="1")] * 4,
    "429 without Retry-After": lambda: [status(429)] * 4,
    "429 Retry-After beyond the cap": lambda: [status(429, retry_after="3600")] * 4,
    "408": lambda: [status(408)] * 4,
    "read timeout": lambda: [hang(30)] * 4,
    "slow trickle": lambda: [trickle(0.004)] * 4,  # ~5 s per body, never idle for 0.8 s
    "dropped connection": lambda: [drop()] * 4,
    "malformed JSON body": lambda: [raw('{"id": "x", "choices": [')] * 4,
    "HTML error page": lambda: [raw("<html><body>502 Bad Gateway</body></html>", code=502)] * 4,
    "empty choices": lambda: [empty_choices()] * 4,
    "truncated output": lambda: [content(TOO_LONG, finish_reason="length")] * 4,
    "wrong schema": lambda: [content(WRONG_SCHEMA)] * 4,
    "connection refused": lambda: [],
    "oversized body": lambda: [raw_bytes(b"{" + b" " * (6 * 1024 * 1024) + b"}")] * 4,
    "gzip bomb": lambda: [raw_bytes(BOMB, headers={"Content-Encoding": "gzip"})] * 4,
    "deeply nested JSON": lambda: [raw('{"id": "x", "choices": ' + "[" * 50_000 + "]" * 50_000 + "}")] * 4,
    "huge refusal": lambda: [refusal("Nein.\n" * 100_000)] * 4,
    "redirect to another host": lambda: [redirect("http://127.0.0.2:9/v1/chat/completions")] * 4,
}


def free_port() -> int:
    """A local port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """One offline draft before the timed ones: they measure the deadline, not the first load of the reading model
    and phrasebooks (about 2 s, which made whichever fault ran first slow)."""
    draft(Message(text=MESSAGE, platform="instagram"), profile_for("instagram"))


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as srv:
        yield srv


def _url(server: FakeOpenAI, fault: str) -> str:
    return f"http://127.0.0.1:{free_port()}/v1" if fault == "connection refused" else server.url


def _settings(url: str) -> OpenAISettings:
    return OpenAISettings(
        api_key="test-key",
        base_url=url,
        model="test-model",
        deadline=DEADLINE,
        read_timeout=0.8,
        connect_timeout=0.5,
        max_retries=1,
        retry_after_cap=2,
    )


# ---------------------------------------------------------------- library


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_ends_in_time_with_fallback_drafts(server: FakeOpenAI, fault: str) -> None:
    server.script(*FAULTS[fault]())
    profile = profile_for("instagram")
    started = time.monotonic()
    with OpenAIBackend(settings=_settings(_url(server, fault))) as backend:
        result = draft(Message(text=MESSAGE, platform="instagram"), profile, backend=backend)
    elapsed = time.monotonic() - started
    assert elapsed < DEADLINE + SLACK, f"{fault}: took {elapsed:.1f} s"
    assert result.fallback_reason, f"{fault}: no fallback_reason"
    assert result.fallback_reason.startswith("openai backend") and "\n" not in result.fallback_reason
    assert result.backend == "offline" and len(result.drafts) == 3
    assert any("offline composer" in n for n in result.notices)
    print(f"\nfault {fault!r}: survived in {elapsed:.2f} s ({result.fallback_reason[:90]})")


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_without_fallback_is_one_backend_error(server: FakeOpenAI, fault: str) -> None:
    server.script(*FAULTS[fault]())
    started = time.monotonic()
    with (
        OpenAIBackend(settings=_settings(_url(server, fault))) as backend,
        pytest.raises(BackendError) as raised,
    ):
        draft(Message(text=MESSAGE, platform="instagram"), profile_for("instagram"), backend=backend, fallback=False)
    assert time.monotonic() - started < DEADLINE + SLACK
    assert str(raised.value).strip() and "\n" not in str(raised.value)
    assert raised.value.__cause__ is None or not isinstance(raised.value.__cause__, BackendError)


@pytest.mark.parametrize("fault", list(FAULTS))
def test_streamed_fault_ends_in_time_with_fallback_drafts(server: FakeOpenAI, fault: str) -> None:
    server.script(*FAULTS[fault]())
    started = time.monotonic()
    with OpenAIBackend(settings=_settings(_url(server, fault))) as backend:
        items = list(
            draft_stream(Message(text=MESSAGE, platform="instagram"), profile_for("instagram"), backend=backend)
        )
    elapsed = time.monotonic() - started
    result = items[-1]
    assert elapsed < DEADLINE + SLACK, f"{fault}: took {elapsed:.1f} s"
    assert isinstance(result, DraftSet) and result.backend == "offline" and len(result.drafts) == 3
    assert result.fallback_reason and "\n" not in result.fallback_reason and len(result.fallback_reason) < 400


def test_a_good_answer_after_a_fault_is_used(server: FakeOpenAI) -> None:
    server.script(status(503))
    with OpenAIBackend(settings=_settings(server.url)) as backend:
        result = draft(Message(text=MESSAGE, platform="instagram"), profile_for("instagram"), backend=backend)
    assert result.fallback_reason is None and result.backend == "openai"


# ---------------------------------------------------------------- CLI

CLI_FAULTS = ["503", "read timeout", "malformed JSON body", "connection refused", "gzip bomb", "huge refusal"]


def _cli(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "OPENAI_BASE_URL": url,
        "OPENAI_API_KEY": "test-key",
        "REPLYVOICE_MODEL": "test-model",
        "REPLYVOICE_TIMEOUT": str(DEADLINE),
        "REPLYVOICE_READ_TIMEOUT": "0.8",
        "REPLYVOICE_CONNECT_TIMEOUT": "0.5",
        "REPLYVOICE_MAX_RETRIES": "1",
        "REPLYVOICE_RETRY_AFTER_CAP": "2",
    }
    command = [sys.executable, "-m", "assistant", "draft", "-p", "instagram", "-m", MESSAGE, "--backend", "openai"]
    return subprocess.run(
        [*command, *extra], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=False
    )


@pytest.mark.parametrize("fault", CLI_FAULTS)
def test_cli_survives_the_fault(server: FakeOpenAI, fault: str) -> None:
    server.script(*FAULTS[fault]())
    url = _url(server, fault)
    fallback = _cli(url, "--json")
    assert fallback.returncode == 0, fallback.stderr
    assert "Traceback" not in fallback.stderr + fallback.stdout
    assert '"fallback_reason": "openai backend' in fallback.stdout
    server.script(*FAULTS[fault]())
    strict = _cli(url, "--no-fallback")
    assert strict.returncode != 0
    assert "Traceback" not in strict.stderr + strict.stdout
    lines = [line for line in strict.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "openai backend" in lines[0], strict.stderr


@pytest.mark.parametrize("fault", ["503", "read timeout"])
def test_cli_stream_survives_the_fault(server: FakeOpenAI, fault: str) -> None:
    server.script(*FAULTS[fault]())
    done = _cli(_url(server, fault), "--stream", "--no-save")
    assert done.returncode == 0 and "Traceback" not in done.stderr + done.stdout
    assert "offline" in done.stdout
