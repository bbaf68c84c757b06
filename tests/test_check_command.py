"""`replyvoice check`: the guard on a person's own text, with the exit codes of the contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import PERSONAS, ROOT


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it."""
    argv = [sys.executable, "-m", "assistant", "check", "--personas", str(PERSONAS), *args]
    return subprocess.run(argv, capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=60)


CASES = [  # platform, message, reply, exit code, failing blocking checks
    ("tiktok", "wie lange dauert der versand?", "Mit DHL 2–3 Werktage ☕", 0, []),
    ("tiktok", "versand dauer?", "DHL, 2–3 Werktage #kaffee", 1, ["hashtags"]),
    ("tiktok", "wo bleibt mein paket?", "Es kommt morgen, versprochen! 📦", 1, ["emoji", "promises"]),
    ("instagram", "Paket kaputt, Bestellung 51877", "Bestellung 51877 ersetzen wir, per DM.", 1, ["personal_data"]),
    ("facebook", "Hallo", "Wir bedauern die entstandenen Unannehmlichkeiten.", 1, ["stock_phrases"]),
]


@pytest.mark.parametrize(("platform", "message", "reply", "code", "failing"), CASES)
def test_exit_code_and_failing_checks(platform: str, message: str, reply: str, code: int, failing: list[str]) -> None:
    result = run("-p", platform, "-m", message, "--text", reply, "--json")
    assert result.returncode == code, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is (code == 0)
    assert sorted(c["name"] for c in data["checks"] if not c["ok"] and c["severity"] == "block") == failing
    assert all(set(c) == {"name", "ok", "severity", "detail"} for c in data["checks"])


def test_the_text_can_come_from_stdin() -> None:
    reply = "Decaf haben wir gerade nicht, einer ist im Test ☕"
    result = run("-p", "tiktok", "-m", "habt ihr decaf?", "--text", "-", stdin=reply)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok: no blocking check fails")


@pytest.mark.parametrize(
    "args",
    [
        ["-p", "tiktok", "-m", "x"],  # no --text
        ["-p", "myspace", "--text", "x"],
        ["-p", "tiktok", "--brand", "nope", "--text", "x"],
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
