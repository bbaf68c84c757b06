"""The `replyvoice` command end to end, as a subprocess: the JSON contract and one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import PERSONAS, ROOT
from .fakeserver import FakeOpenAI, content, hang

CONTRACT_KEYS = {"backend", "profile", "elapsed_ms", "analysis", "drafts", "handoff"}


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m assistant ARGS` from the project folder."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=120,
    )


def draft_json(*args: str, env: dict[str, str] | None = None) -> dict:  # type: ignore[type-arg]
    result = run("draft", "--json", *args, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_issue_example_prints_the_contract() -> None:
    data = draft_json(
        "--platform", "tiktok", "--message", "ich will mein geld zurück. SOFORT!!!11", "--author", "petens022"
    )
    assert data.keys() >= CONTRACT_KEYS
    assert data["backend"] == "offline" and data["profile"] == "bohnenkiez/tiktok"
    assert data["analysis"]["intent"] == "refund_request"
    assert data["analysis"]["escalation"]["team"] == "after_sales"
    assert data["handoff"]["team"] == "after_sales" and data["handoff"]["note"]
    texts = [d["text"] for d in data["drafts"]]
    assert len(set(texts)) >= 3
    for item in data["drafts"]:
        assert {"tone", "text", "ok", "checks"} <= item.keys()
        assert all({"name", "ok", "detail"} <= c.keys() for c in item["checks"])


@pytest.mark.parametrize(
    ("platform", "channel", "text"),
    [
        ("instagram", "comment", "Sind eure Tüten recyclebar?"),
        ("facebook", "dm", "Hallo, ich hätte gern 2x Espresso Kreuzberg"),
        ("tiktok", "comment", "welcher mahlgrad für french press?"),
    ],
)
def test_no_escalation_means_null(platform: str, channel: str, text: str) -> None:
    data = draft_json("-p", platform, "-c", channel, "-m", text)
    assert data["handoff"] is None and data["analysis"]["escalation"] is None


def test_message_from_stdin_and_tones() -> None:
    result = run(
        "draft", "-p", "instagram", "-m", "-", "--tones", "warm,formal", "--json", stdin="Wie lange hält der Kaffee?"
    )
    assert result.returncode == 0, result.stderr
    assert [d["tone"] for d in json.loads(result.stdout)["drafts"]] == ["warm", "formal"]


def test_outreach_mode_uses_the_post() -> None:
    data = draft_json("-p", "tiktok", "--mode", "outreach", "--post", "Mein Budget-Frühstück für 1,50 €")
    assert all("bohnenkiez" not in d["text"].lower() for d in data["drafts"])


def test_table_output_is_readable() -> None:
    result = run("draft", "-p", "facebook", "-m", "Paket seit Montag in der Filiale, Bestellnummer 51877")
    assert result.returncode == 0
    assert "── warm" in result.stdout and "handoff to logistics" in result.stdout


def test_a_100k_message_is_truncated_with_a_notice() -> None:
    result = run("draft", "-p", "facebook", "-m", "-", "--json", stdin="Kaffee " * 15_000)
    assert result.returncode == 0, result.stderr
    assert any("only the first" in n for n in json.loads(result.stdout)["notices"])


@pytest.fixture
def broken_personas(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "personas"
    shutil.copytree(PERSONAS, target)
    yield target


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (["draft", "-p", "myspace", "-m", "hi"], "", "myspace"),
        (["draft", "-p", "tiktok", "-m", "   "], "", "empty"),
        (["draft", "-p", "tiktok", "-m", "-"], "x" * 300_000, "limit"),
        (["draft", "-p", "tiktok", "-m", "hi", "--tones", "grumpy"], "", "grumpy"),
        (["draft", "-p", "tiktok", "-m", "hi", "--personas", "/nonexistent"], "", "personas"),
        (["draft", "-p", "tiktok", "-m", "hi", "--brand", "nobrand"], "", "nobrand"),
        (["draft", "-p", "tiktok", "--mode", "outreach"], "", "--post"),
        (["draft", "-p", "tiktok", "-m", "hi", "--backend", "openai"], "", "OPENAI_API_KEY"),
        (["profiles", "show", "bohnenkiez"], "", "BRAND/PLATFORM"),
    ],
)
def test_errors_are_one_line_without_traceback(args: list[str], stdin: str, needle: str) -> None:
    result = run(*args, stdin=stdin)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert needle in lines[0]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("tiktok.yaml", "comment: 150", "comment: viel", ["tiktok.yaml:5:", "limits.comment", "whole number"]),
        (
            "brand.yaml",
            "default_language: de",
            "default_langauge: de",
            ["brand.yaml:", "default_langauge", "remove it"],
        ),
        ("instagram.yaml", "register: >-", "register: [unclosed", ["instagram.yaml:", "invalid YAML"]),
        ("facebook.yaml", "platform: facebook", "platform: myspace", ["facebook.yaml:", "platform", "allowed values"]),
    ],
)
def test_invalid_profiles_name_file_line_field_and_fix(
    broken_personas: Path, file: str, old: str, new: str, expected: list[str]
) -> None:
    path = broken_personas / "bohnenkiez" / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run("profiles", "validate", str(broken_personas))
    assert result.returncode == 1
    line = result.stderr.strip()
    assert "\n" not in line and all(e in line for e in expected), line
    assert "fix" in line


def test_profiles_validate_and_show() -> None:
    assert "3 profile(s) valid" in run("profiles", "validate").stdout
    shown = run("profiles", "show", "bohnenkiez/tiktok").stdout
    assert "profile: bohnenkiez/tiktok" in shown and "comment: 150" in shown


def test_prompt_prints_messages_and_token_counts() -> None:
    result = run("prompt", "-p", "tiktok", "-m", "welcher mahlgrad für french press?")
    assert result.returncode == 0, result.stderr
    assert "===== system ·" in result.stdout and "tokens" in result.stdout
    assert "welcher mahlgrad für french press?" in result.stdout


GOOD_ANSWER = json.dumps(
    {
        "drafts": [
            {
                "tone": "warm",
                "text": "Nach Wien sind es mit DHL 4–6 Werktage. Was hast du bestellt?",
            },
            {"tone": "playful", "text": "Wien wartet auf Kaffee? 4–6 Werktage, dann duftet's in Favoriten! ☕"},
            {"tone": "crisp", "text": "Versand nach Wien: 4–6 Werktage mit DHL."},
        ]
    },
    ensure_ascii=False,
)


def test_openai_backend_end_to_end() -> None:
    with FakeOpenAI() as server:
        server.script(content(GOOD_ANSWER))
        env = {"OPENAI_BASE_URL": server.url, "REPLYVOICE_MODEL": "gpt-4o-mini"}
        data = draft_json("-p", "tiktok", "-m", "Wie lange dauert der Versand nach Wien?", env=env)
        assert data["backend"] == "openai"
        assert data["usage"]["prompt_tokens"] > 0 and "estimated_cost_usd" in data["usage"]
        assert len(server.chat_bodies) == 1


def test_hanging_server_falls_back_within_the_timeout() -> None:
    with FakeOpenAI() as server:
        server.script(*[hang(10)] * 5)
        env = {"OPENAI_BASE_URL": server.url, "REPLYVOICE_MODEL": "gpt-4o-mini", "REPLYVOICE_TIMEOUT": "2"}
        data = draft_json("-p", "tiktok", "-m", "welcher mahlgrad für french press?", env=env)
        assert data["backend"] == "offline" and data["fallback_reason"]
        no_fallback = run("draft", "-p", "tiktok", "-m", "hallo", "--backend", "openai", "--no-fallback", env=env)
        assert no_fallback.returncode == 1 and len(no_fallback.stderr.strip().splitlines()) == 1
