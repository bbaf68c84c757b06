"""The `replyvoice` command end to end, as a subprocess: the JSON contract and one-line errors."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import yaml

from assistant.cli.options import split_tones

from .conftest import PERSONAS, ROOT
from .fakeserver import FakeOpenAI, content, hang

CONTRACT_KEYS = {"backend", "profile", "elapsed_ms", "analysis", "drafts", "handoff"}


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run `python -m assistant ARGS` (from the project folder unless cwd says otherwise)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
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


def test_outreach_post_pasted_as_the_message_is_the_post() -> None:
    """In outreach the creator's post pasted into --message is read as the post: its tip fits, no generic cheer."""
    post = "Nieselregen-Wanderung im Harz, der Kaffee aus der Thermoskanne war nach einer Stunde lauwarm. Tipps?"
    as_message = draft_json("-p", "facebook", "--mode", "outreach", "-m", post)
    as_post = draft_json("-p", "facebook", "--mode", "outreach", "--post", post)
    assert [d["text"] for d in as_message["drafts"]] == [d["text"] for d in as_post["drafts"]]
    assert any("heißem Wasser" in d["text"] for d in as_message["drafts"])


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


# ---------------------------------------------------------------- the lazy root group

HEAVY = ("openai", "streamlit", "pydantic", "assistant.backends", "assistant.pipeline", "assistant.models")


def loaded_after(*args: str) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after `replyvoice ARGS`."""
    code = (
        "import sys; from assistant.cli import cli\n"
        f"try: cli.main({list(args)!r}, prog_name='replyvoice')\n"
        "except SystemExit: pass\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    return done.stderr.split()


@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], ["draft", "--help"], ["batch", "--help"], ["app", "--help"], ["init", "--help"]]
)
def test_version_and_help_load_nothing_heavy(args: list[str]) -> None:
    assert loaded_after(*args) == []


def test_the_root_lists_every_command_with_its_own_first_help_line() -> None:
    from assistant.cli import COMMANDS, cli

    ctx = click.Context(cli)
    for name, (_, short) in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and (command.help or "").strip().splitlines()[0] == short, name


@pytest.mark.parametrize("module", sorted(p.name for p in (ROOT / "assistant" / "cli").glob("*.py")))
def test_commands_never_import_the_root(module: str) -> None:
    tree = ast.parse((ROOT / "assistant" / "cli" / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "assistant.cli":
            pytest.fail(f"{module} imports the root group: {ast.unparse(node)}")
        if isinstance(node, ast.ImportFrom) and node.module == "assistant.cli.root":
            pytest.fail(f"{module} imports assistant.cli.root")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, None),
        ("", None),
        (" , ", None),
        ("warm", ["warm"]),
        ("warm, crisp ,,formal", ["warm", "crisp", "formal"]),
    ],
)
def test_split_tones(text: str | None, expected: list[str] | None) -> None:
    assert split_tones(text) == expected


# ---------------------------------------------------------------- finding profiles, init, validate


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, no REPLYVOICE_PERSONAS, a private user data folder."""
    monkeypatch.delenv("REPLYVOICE_PERSONAS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def test_without_profiles_the_example_brand_drafts_and_says_so(elsewhere: Path) -> None:
    result = run("draft", "--json", "--no-save", "-p", "tiktok", "-m", "wie lange dauert der versand?", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == "bohnenkiez/tiktok"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "example brand" in lines[0] and "replyvoice init" in lines[0]


def test_replyvoice_personas_is_honoured(elsewhere: Path, tmp_path: Path) -> None:
    assert run("init", "kiez", "--personas", str(tmp_path / "mine"), "--language", "en", cwd=elsewhere).returncode == 0
    env = {"REPLYVOICE_PERSONAS": str(tmp_path / "mine")}
    result = run("draft", "--json", "--no-save", "-p", "instagram", "-m", "How long is shipping?", env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == "kiez/instagram" and result.stderr == ""


@pytest.mark.parametrize(
    ("flags", "address", "language"),
    [
        ([], "du", "de"),
        (["--language", "de", "--address", "Sie"], "Sie", "de"),
        (["--language", "en"], "you", "en"),
        (["--language", "de", "--description", 'Das Team von "Acme": wir reparieren # alles'], "du", "de"),
    ],
)
def test_init_writes_a_brand_that_validates_and_drafts(
    elsewhere: Path, tmp_path: Path, flags: list[str], address: str, language: str
) -> None:
    target = tmp_path / "brands"
    created = run("init", "acme", "--personas", str(target), *flags, cwd=elsewhere)
    assert created.returncode == 0, created.stderr
    assert sorted(p.name for p in (target / "acme").iterdir()) == [
        "brand.yaml",
        "facebook.yaml",
        "instagram.yaml",
        "tiktok.yaml",
    ]
    brand = yaml.safe_load((target / "acme" / "brand.yaml").read_text(encoding="utf-8"))
    assert brand["address_form"] == {language: address}
    assert "3 profile(s) valid" in run("profiles", "validate", str(target), cwd=elsewhere).stdout
    drafted = run("draft", "--json", "--no-save", "--personas", str(target), "--brand", "acme", "-p", "tiktok",
                  "-m", "wie lange dauert der versand?", cwd=elsewhere)  # fmt: skip
    assert drafted.returncode == 0, drafted.stderr
    assert json.loads(drafted.stdout)["profile"] == "acme/tiktok" and len(json.loads(drafted.stdout)["drafts"]) >= 3


def test_init_without_personas_writes_the_user_folder_and_draft_finds_it(elsewhere: Path, tmp_path: Path) -> None:
    assert run("init", "acme", cwd=elsewhere).returncode == 0
    assert (tmp_path / "xdg" / "replyvoice" / "personas" / "acme" / "brand.yaml").is_file()
    drafted = run("draft", "--json", "--no-save", "-p", "facebook", "-m", "Hallo!", cwd=elsewhere)
    assert drafted.returncode == 0 and json.loads(drafted.stdout)["profile"] == "acme/facebook", drafted.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["init", "acme"], "exists already"),  # the second time
        (["init", "Not A Slug"], "lower-case letters"),
        (["init", "acme2", "--language", "en", "--address", "Sie"], "en uses you"),
    ],
)
def test_init_refuses(elsewhere: Path, tmp_path: Path, args: list[str], needle: str) -> None:
    target = str(tmp_path / "brands")
    run("init", "acme", "--personas", target, cwd=elsewhere)
    before = sorted(str(p) for p in (tmp_path / "brands").rglob("*"))
    result = run(*args, "--personas", target, cwd=elsewhere)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], result.stderr
    assert sorted(str(p) for p in (tmp_path / "brands").rglob("*")) == before


def make_folder(root: Path, files: dict[str, str]) -> Path:
    """A personas folder with the given files (relative path -> text)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


BRAND = (PERSONAS / "bohnenkiez" / "brand.yaml").read_text(encoding="utf-8")
TIKTOK = (PERSONAS / "bohnenkiez" / "tiktok.yaml").read_text(encoding="utf-8")


BROKEN_BRAND = BRAND.replace("name: Bohnenkiez", "nam: Bohnenkiez").replace("max_per_reply: 2", "max_per_reply: viele")


@pytest.mark.parametrize(
    ("files", "count", "needles"),
    [
        ({}, 1, ["no brand folder", "replyvoice init"]),
        ({"acme/notes.txt": "x"}, 1, ["no brand folder"]),
        ({"acme/brand.yaml": BRAND}, 1, ["no platform profile", "tiktok.yaml"]),
        ({"acme/tiktok.yaml": TIKTOK}, 1, ["acme/brand.yaml: file not found"]),
        (
            {"acme/brand.yaml": BROKEN_BRAND, "acme/tiktok.yaml": TIKTOK.replace("register: >-", "registr: >-")},
            3,
            ["field 'nam'", "did you mean 'name'", "field 'emoji.max_per_reply'", "field 'registr'"],
        ),
    ],
)
def test_validate_fails_and_reports_every_problem(
    tmp_path: Path, files: dict[str, str], count: int, needles: list[str]
) -> None:
    folder = make_folder(tmp_path / "personas", files)
    result = run("profiles", "validate", str(folder))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == count, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_validate_of_a_missing_folder_does_not_suggest_personas(tmp_path: Path) -> None:
    result = run("profiles", "validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "not found" in result.stderr and "--personas" not in result.stderr


# ---------------------------------------------------------------- history, batch, app


@pytest.fixture
def history_with_one_approval(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for platform, text in (("tiktok", "Wie lange dauert der Versand?"), ("facebook", "Hallo, habt ihr Decaf?")):
        assert run("draft", "-p", platform, "-m", text, "--data-dir", str(data)).returncode == 0
    assert run("approve", "1", "--tone", "warm", "--data-dir", str(data)).returncode == 0
    return data


@pytest.mark.parametrize(
    ("args", "expected", "absent"),
    [
        (["history", "export", "--platform", "tiktok"], ["Versand"], ["Decaf"]),
        (["history", "--platform", "facebook", "export"], [], ["Versand"]),
        (["history", "export", "--format", "csv", "--platform", "tiktok"], ["id,created_at", "Versand"], []),
        (["history", "drafts"], ["#2", "#1", "approved", "open", "facebook", "Hallo, habt ihr Decaf?"], []),
        (["history", "drafts", "--platform", "tiktok"], ["#1", "approved"], ["#2", "Decaf"]),
    ],
)
def test_history_options_work_after_the_subcommand(
    history_with_one_approval: Path, args: list[str], expected: list[str], absent: list[str]
) -> None:
    result = run(*args, "--data-dir", str(history_with_one_approval))
    assert result.returncode == 0, result.stderr
    assert all(e in result.stdout for e in expected), result.stdout
    assert not any(a in result.stdout for a in absent), result.stdout


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ('{"text": "Danke!", "platform": "tiktok"}\n', "imported 1 reply\n"),
        ('{"text": "Danke!", "platform": "tiktok"}\n{"text": "Gern!", "platform": "facebook"}\n', "imported 2 replies"),
    ],
)
def test_import_counts_read_right(tmp_path: Path, rows: str, expected: str) -> None:
    source = tmp_path / "past.jsonl"
    source.write_text(rows, encoding="utf-8")
    result = run("history", "import", str(source), "--brand", "bohnenkiez", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0 and expected in result.stdout, result.stdout


def test_batch_help_shows_the_run_options() -> None:
    result = run("batch", "--help")
    assert result.returncode == 0
    for option in ("--output", "--backend", "--concurrency", "--rpm", "--emit-openai-batch", "--personas", "collect"):
        assert option in result.stdout, option


@pytest.mark.parametrize(
    ("args", "flags"),
    [
        ([], ["--server.headless", "false", "--server.port", "8501", "--server.address", "localhost"]),
        (["--no-browser", "--port", "8600", "--host", "0.0.0.0"], ["true", "8600", "0.0.0.0"]),
    ],
)
def test_app_runs_the_package_entry_with_streamlit(args: list[str], flags: list[str]) -> None:
    from assistant.cli.app import ENTRY, app, streamlit_command

    assert ENTRY.is_file() and ENTRY.parent.name == "ui"
    ctx = app.make_context("app", list(args))
    command = streamlit_command(ctx.params["port"], ctx.params["host"], not ctx.params["no_browser"])
    assert command[1:5] == ["-m", "streamlit", "run", str(ENTRY)]
    for flag in flags:
        assert flag in command
    assert "--port" in run("app", "--help").stdout
