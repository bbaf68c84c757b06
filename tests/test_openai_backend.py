"""The openai backend against a real OpenAI-compatible HTTP server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.backends.base import GenerationRequest, RepairRequest
from assistant.backends.openai.backend import MalformedOutput, OpenAIBackend, doctor, parse_drafts
from assistant.backends.openai.prompting import build_messages
from assistant.errors import BackendError, ConfigError
from assistant.models import Analysis, CheckResult, Message
from assistant.profiles.loading import load_profile
from assistant.settings import OpenAISettings, load_settings, openai_configured

try:
    from fakeserver import FakeOpenAI, Reply, content, drop, hang, refusal, status
except ImportError:  # tests/ imported as a package
    from tests.fakeserver import FakeOpenAI, Reply, content, drop, hang, refusal, status

PERSONAS = Path(__file__).resolve().parent.parent / "personas"
TONES = ["warm", "playful", "crisp"]
MakeBackend = Callable[..., OpenAIBackend]


def make_request(
    text: str = "Wie lange dauert der Versand nach Wien?", tones: list[str] | None = None
) -> GenerationRequest:
    return GenerationRequest(
        message=Message(text=text, platform="tiktok", author="lena_k"),
        analysis=Analysis(
            language="de", detected_language="de", intent="order_status", sentiment="neutral", urgency="low"
        ),
        profile=load_profile(PERSONAS, None, "tiktok"),
        tones=tones or list(TONES),
    )


class Sleeps(list[float]):
    """Records the backend's waits instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as srv:
        yield srv


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_backend(server: FakeOpenAI, sleeps: Sleeps) -> Iterator[MakeBackend]:
    made: list[OpenAIBackend] = []

    def make(**overrides: Any) -> OpenAIBackend:
        settings = OpenAISettings(api_key="test-key", base_url=server.url, model="gpt-4o-mini")
        backend = OpenAIBackend(settings=dataclasses.replace(settings, **overrides), sleep=sleeps)
        made.append(backend)
        return backend

    yield make
    for backend in made:
        backend.close()


def block(text: str, name: str) -> str:
    return text.split(f"<<<{name}\n", 1)[1].split(f"\n{name}>>>", 1)[0]


# ---------------------------------------------------------------- the happy path


def test_all_tones_in_one_request(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    generation = make_backend().generate(make_request())
    assert list(generation.drafts) == TONES
    assert generation.drafts["warm"].startswith("warm draft")
    assert generation.backend == "openai"
    assert len(server.chat_bodies) == 1
    assert generation.notices == []


def test_what_the_server_receives(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    request = make_request()
    make_backend(max_output_tokens=700).generate(request)
    body = server.chat_bodies[0]
    received = server.requests[0]
    assert received.headers["authorization"] == "Bearer test-key"
    assert body["model"] == "gpt-4o-mini"
    assert body["max_tokens"] == 700
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert body["messages"][0] == build_messages(request)[0]
    assert block(body["messages"][1]["content"], "MESSAGE") == request.message.text
    assert request.message.text not in body["messages"][0]["content"]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert "prompt_cache_key" not in body  # only sent to OpenAI itself


def test_system_prefix_is_stable_across_messages(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    backend = make_backend()
    backend.generate(make_request("erste Nachricht"))
    backend.generate(make_request("ganz andere zweite Nachricht", tones=["crisp", "formal"]))
    first, second = server.chat_bodies
    assert first["messages"][0]["content"] == second["messages"][0]["content"]
    assert first["messages"][1]["content"] != second["messages"][1]["content"]


def test_usage_reports_tokens_cache_and_cost(make_backend: MakeBackend) -> None:
    usage = make_backend().generate(make_request()).usage
    assert usage is not None
    assert usage.requests == 1
    assert (usage.prompt_tokens, usage.completion_tokens, usage.cached_tokens) == (1200, 60, 1024)
    expected = (176 * 0.15 + 1024 * 0.075 + 60 * 0.60) / 1e6
    assert usage.estimated_cost_usd == pytest.approx(expected)
    assert usage.system_tokens > 1000 and 0 < usage.user_tokens < 1000
    assert usage.tokenizer == "o200k_base" and usage.token_count_is_estimate is False


def test_usage_without_server_report_falls_back_to_local_count(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(Reply(usage=None))
    usage = make_backend(model="local-llama").generate(make_request()).usage
    assert usage is not None
    assert usage.reported_by_server is False
    assert usage.prompt_tokens == usage.system_tokens + usage.user_tokens + 11
    assert usage.estimated_cost_usd is None and usage.token_count_is_estimate is True


def test_openai_itself_gets_max_completion_tokens_and_a_cache_key() -> None:
    backend = OpenAIBackend(
        settings=OpenAISettings(api_key="k", base_url="https://api.openai.com/v1", model="gpt-4o-mini")
    )
    with backend:
        params = backend._params([], "replyvoice-x")
    assert params["max_completion_tokens"] == backend.settings.max_output_tokens
    assert "max_tokens" not in params and params["prompt_cache_key"] == "replyvoice-x"


def test_repair_rewrites_only_the_failed_tones(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    request = make_request()
    repair = RepairRequest(
        request=request,
        drafts={"warm": "gut", "crisp": "viel zu lang " * 20},
        failures={"crisp": [CheckResult(name="length", ok=False, detail="240/150")]},
    )
    generation = make_backend().repair(repair)
    assert list(generation.drafts) == ["crisp"]
    body = server.chat_bodies[0]
    assert body["messages"][0] == build_messages(request)[0]
    assert "- crisp: length\n" in body["messages"][1]["content"]
    assert "- crisp, length: 240/150" in block(body["messages"][1]["content"], "CHECK_DETAILS")
    assert "<<<DRAFT_CRISP" in body["messages"][1]["content"]


# ---------------------------------------------------------------- malformed output


MALFORMED = [
    "{not json",
    "Sure! Here are your drafts: warm, playful, crisp.",
    '{"drafts": []}',
    '{"drafts": [{"tone": "warm"}]}',
    '{"drafts": [{"tone": "warm", "text": "nur einer"}]}',
    "",
]


@pytest.mark.parametrize("bad", MALFORMED)
def test_malformed_output_is_retried_once_with_the_format_fix(
    server: FakeOpenAI, make_backend: MakeBackend, bad: str
) -> None:
    server.script(content(bad))
    generation = make_backend().generate(make_request())
    assert list(generation.drafts) == TONES
    assert len(server.chat_bodies) == 2
    retry = server.chat_bodies[1]["messages"]
    assert retry[:2] == server.chat_bodies[0]["messages"]
    assert retry[2] == {"role": "assistant", "content": bad}
    assert "could not be used" in retry[3]["content"]
    assert any("asked once more" in n for n in generation.notices)
    assert generation.usage is not None and generation.usage.requests == 2


@pytest.mark.parametrize("bad", MALFORMED[:3])
def test_malformed_twice_is_a_backend_error(server: FakeOpenAI, make_backend: MakeBackend, bad: str) -> None:
    server.script(content(bad), content(bad))
    with pytest.raises(BackendError, match="unusable output twice"):
        make_backend().generate(make_request())
    assert len(server.chat_bodies) == 2


def test_cut_off_answer_says_so_in_the_retry(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(content('{"drafts": [{"tone": "warm", "te', finish_reason="length"))
    make_backend().generate(make_request())
    assert "cut off at the token limit" in server.chat_bodies[1]["messages"][3]["content"]


def test_refusal_is_a_backend_error(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(refusal("I can't help with that."))
    with pytest.raises(BackendError, match=r"refused.*can't help"):
        make_backend().generate(make_request())
    assert len(server.chat_bodies) == 1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            '{"drafts": [{"tone": "Warm", "text": " hi "}, {"tone": "crisp", "text": "yo"}]}',
            {"warm": "hi", "crisp": "yo"},
        ),
        (
            '```json\n{"drafts": [{"tone": "warm", "text": "a"}, {"tone": "crisp", "text": "b"}]}\n```',
            {"warm": "a", "crisp": "b"},
        ),
        ('{"warm": "a", "crisp": "b", "extra": "c"}', {"warm": "a", "crisp": "b"}),
    ],
)
def test_parse_drafts_accepts_common_variants(answer: str, expected: dict[str, str]) -> None:
    assert parse_drafts(answer, ["warm", "crisp"]) == expected


def test_parse_drafts_names_missing_tones() -> None:
    with pytest.raises(MalformedOutput, match=r"no draft for tone.*crisp"):
        parse_drafts('{"drafts": [{"tone": "warm", "text": "a"}]}', ["warm", "crisp"])


# ---------------------------------------------------------------- HTTP failures


def test_429_honours_retry_after(server: FakeOpenAI, make_backend: MakeBackend, sleeps: Sleeps) -> None:
    server.script(status(429, retry_after="2"))
    generation = make_backend(retry_after_cap=5).generate(make_request())
    assert sleeps == [2.0]
    assert len(server.chat_bodies) == 2 and list(generation.drafts) == TONES


def test_429_retry_after_ms_is_understood(server: FakeOpenAI, make_backend: MakeBackend, sleeps: Sleeps) -> None:
    server.script(status(429, headers={"retry-after-ms": "250"}))
    make_backend().generate(make_request())
    assert sleeps == [0.25]


def test_429_retry_after_beyond_the_cap_fails_at_once(
    server: FakeOpenAI, make_backend: MakeBackend, sleeps: Sleeps
) -> None:
    server.script(status(429, retry_after="120"))
    with pytest.raises(BackendError, match=r"wait 120 s, more than the 5 s cap"):
        make_backend(retry_after_cap=5).generate(make_request())
    assert sleeps == [] and len(server.chat_bodies) == 1


def test_429_without_retry_after_backs_off(server: FakeOpenAI, make_backend: MakeBackend, sleeps: Sleeps) -> None:
    server.script(status(429), status(429))
    make_backend().generate(make_request())
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize("code", [500, 502, 503])
def test_server_errors_are_retried(server: FakeOpenAI, make_backend: MakeBackend, sleeps: Sleeps, code: int) -> None:
    server.script(status(code))
    generation = make_backend().generate(make_request())
    assert list(generation.drafts) == TONES
    assert len(server.chat_bodies) == 2 and len(sleeps) == 1


def test_server_errors_give_up_after_max_retries(server: FakeOpenAI, make_backend: MakeBackend, sleeps: Sleeps) -> None:
    server.script(*[status(500)] * 5)
    with pytest.raises(BackendError, match=r"HTTP 500 .*gave up after 3 attempts"):
        make_backend(max_retries=2).generate(make_request())
    assert len(server.chat_bodies) == 3


@pytest.mark.parametrize(
    ("code", "hint"),
    [(400, "request rejected"), (401, "OPENAI_API_KEY"), (404, "REPLYVOICE_MODEL")],
)
def test_client_errors_are_not_retried(server: FakeOpenAI, make_backend: MakeBackend, code: int, hint: str) -> None:
    server.script(status(code, error="nope"))
    with pytest.raises(BackendError, match=hint):
        make_backend().generate(make_request())
    assert len(server.chat_bodies) == 1


def test_hanging_server_costs_at_most_the_deadline(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(hang(10))
    backend = make_backend(deadline=1.0, read_timeout=5.0)
    started = time.monotonic()
    with pytest.raises(BackendError, match="did not answer in time"):
        backend.generate(make_request())
    assert time.monotonic() - started < 2.0


def test_retries_stay_within_the_deadline(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(*[hang(10)] * 5)
    backend = make_backend(deadline=1.5, read_timeout=0.4, max_retries=5)
    started = time.monotonic()
    with pytest.raises(BackendError, match="did not answer in time"):
        backend.generate(make_request())
    assert time.monotonic() - started < 2.5
    assert 2 <= len(server.chat_bodies) <= 4


def test_dropped_connection_is_retried(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(drop())
    generation = make_backend().generate(make_request())
    assert list(generation.drafts) == TONES and len(server.chat_bodies) == 2


def test_dropped_connections_end_in_a_backend_error(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.script(*[drop()] * 5)
    with pytest.raises(BackendError, match=r"connection to .* failed"):
        make_backend().generate(make_request())


def test_unreachable_endpoint_is_a_backend_error(make_backend: MakeBackend) -> None:
    with pytest.raises(BackendError, match=r"connection to .* failed"):
        make_backend(base_url=f"http://127.0.0.1:{free_port()}/v1").generate(make_request())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---------------------------------------------------------------- capabilities


def test_json_schema_rejected_falls_back_to_json_object(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.reject_json_schema = True
    backend = make_backend()
    generation = backend.generate(make_request())
    assert list(generation.drafts) == TONES
    kinds = [b["response_format"]["type"] for b in server.chat_bodies]
    assert kinds == ["json_schema", "json_object"]
    assert backend.mode == "json_object"
    assert any("json_object mode" in n for n in generation.notices)
    backend.generate(make_request("noch eine"))  # remembered: no second rejection
    assert [b["response_format"]["type"] for b in server.chat_bodies][2:] == ["json_object"]


def test_no_structured_output_falls_back_to_plain_text(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.reject_json_schema = server.reject_json_object = True
    backend = make_backend()
    assert list(backend.generate(make_request()).drafts) == TONES
    assert backend.mode == "text"
    assert "response_format" not in server.chat_bodies[-1]


def test_rejected_max_tokens_switches_to_max_completion_tokens(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    server.reject_params = {"max_tokens"}
    backend = make_backend()
    backend.generate(make_request())
    assert "max_tokens" in server.chat_bodies[0]
    assert "max_completion_tokens" in server.chat_bodies[1]
    assert backend.token_param == "max_completion_tokens"


# ---------------------------------------------------------------- doctor


def settings_for(url: str, model: str = "gpt-4o-mini") -> OpenAISettings:
    return OpenAISettings(api_key="k", base_url=url, model=model, deadline=2.0)


def test_doctor_all_good(server: FakeOpenAI) -> None:
    checks = doctor(settings_for(server.url))
    assert [(c.name, c.ok) for c in checks] == [
        ("configuration", True),
        ("reachable", True),
        ("model listed", True),
        ("structured output", True),
    ]


@pytest.mark.parametrize(
    ("setup", "name", "ok", "detail"),
    [
        (lambda s: setattr(s, "models", ["other"]), "model listed", False, "REPLYVOICE_MODEL"),
        (lambda s: setattr(s, "reject_json_schema", True), "structured output", True, "json_object"),
        (lambda s: setattr(s, "models_status", 401), "reachable", False, "OPENAI_API_KEY"),
    ],
)
def test_doctor_reports_what_to_fix(
    server: FakeOpenAI, setup: Callable[[FakeOpenAI], None], name: str, ok: bool, detail: str
) -> None:
    setup(server)
    check = {c.name: c for c in doctor(settings_for(server.url))}[name]
    assert check.ok is ok and detail in check.detail


def test_doctor_unreachable() -> None:
    checks = doctor(settings_for(f"http://127.0.0.1:{free_port()}/v1"))
    assert checks[-1].name == "reachable" and not checks[-1].ok
    assert "OPENAI_BASE_URL" in checks[-1].detail


# ---------------------------------------------------------------- settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("env", "explicit", "expected"),
    [
        ({"OPENAI_API_KEY": "sk-env"}, {}, ("sk-env", "https://api.openai.com/v1", "gpt-4o-mini")),
        (
            {"OPENAI_API_KEY": "sk-env", "REPLYVOICE_MODEL": "gpt-4.1"},
            {"model": "gpt-4o"},
            ("sk-env", "https://api.openai.com/v1", "gpt-4o"),
        ),
        (
            {"OPENAI_BASE_URL": "http://localhost:11434/v1/", "REPLYVOICE_MODEL": "llama3.1"},
            {},
            ("not-needed", "http://localhost:11434/v1", "llama3.1"),
        ),
        (
            {},
            {"api_key": "sk-opt", "base_url": "http://vllm:8000/v1", "model": "qwen"},
            ("sk-opt", "http://vllm:8000/v1", "qwen"),
        ),
    ],
)
def test_settings_resolution(
    env: dict[str, str], explicit: dict[str, str], expected: tuple[str, str, str], tmp_path: Path
) -> None:
    env = {"REPLYVOICE_CONFIG": str(write(tmp_path, "")), **env}
    settings = load_settings(env=env, **explicit)
    assert (settings.api_key, settings.base_url, settings.model) == expected


def test_settings_from_config_file_below_environment(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[openai]
base_url = "http://file:8000/v1"
model = "file-model"
timeout = 12
max_retries = 1

[prices."file-model"]
input = 1.0
output = 2.0
""",
    )
    settings = load_settings(env={"REPLYVOICE_CONFIG": str(path), "REPLYVOICE_MODEL": "env-model"})
    assert settings.base_url == "http://file:8000/v1" and settings.model == "env-model"
    assert settings.deadline == 12.0 and settings.max_retries == 1
    assert settings.price("file-model-q4") is not None
    assert settings.sources["model"] == "REPLYVOICE_MODEL"


@pytest.mark.parametrize(
    ("env", "config", "message"),
    [
        ({}, "", "set OPENAI_API_KEY"),
        ({"OPENAI_BASE_URL": "http://localhost:8000/v1"}, "", "set REPLYVOICE_MODEL"),
        ({"OPENAI_API_KEY": "k", "REPLYVOICE_TIMEOUT": "soon"}, "", "REPLYVOICE_TIMEOUT"),
        ({"OPENAI_API_KEY": "k", "REPLYVOICE_TIMEOUT": "0"}, "", "REPLYVOICE_TIMEOUT"),
        ({"OPENAI_API_KEY": "k"}, "[openai\n", "invalid TOML"),
        ({"OPENAI_API_KEY": "k"}, '[prices."x"]\ninput = "cheap"\n', "needs numbers"),
    ],
)
def test_settings_errors_name_what_to_set(tmp_path: Path, env: dict[str, str], config: str, message: str) -> None:
    env = {"REPLYVOICE_CONFIG": str(write(tmp_path, config)), **env}
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


def test_missing_config_file_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="REPLYVOICE_CONFIG"):
        load_settings(env={"REPLYVOICE_CONFIG": str(tmp_path / "nope.toml")})


@pytest.mark.parametrize(
    ("env", "configured"),
    [({}, False), ({"OPENAI_API_KEY": "k"}, True), ({"OPENAI_BASE_URL": "http://x/v1"}, True)],
)
def test_openai_configured(tmp_path: Path, env: dict[str, str], configured: bool) -> None:
    env = {"REPLYVOICE_CONFIG": str(write(tmp_path, "")), **env}
    assert openai_configured(env) is configured


def test_importing_the_backend_does_not_import_the_sdk() -> None:
    code = "import sys, assistant.backends.openai.backend; print('openai' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"


def test_context_too_small_is_a_backend_error_without_a_request(server: FakeOpenAI, make_backend: MakeBackend) -> None:
    with pytest.raises(BackendError, match="REPLYVOICE_CONTEXT_TOKENS"):
        make_backend(context_tokens=1_500, max_output_tokens=500).generate(make_request())
    assert server.chat_bodies == []


def test_backend_from_config(server: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(tmp_path, "[openai]\nmodel = 'test-model'\n")
    monkeypatch.setenv("REPLYVOICE_CONFIG", str(config))
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with OpenAIBackend.from_config(timeout=3) as backend:
        assert backend.settings.model == "test-model" and backend.settings.deadline == 3.0
        assert list(backend.generate(make_request()).drafts) == TONES
    assert server.requests[0].headers["authorization"] == "Bearer not-needed"
