"""`replyvoice batch`: offline end to end, resume after SIGINT and crashes, formats, openai, Batch API."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.batch.files import CSV_FIELDS, ResultFile, read_rows
from assistant.batch.jobs import Job, run
from assistant.batch.openai_files import collect, emit
from assistant.batch.ratelimit import RateLimiter
from assistant.cli import cli
from assistant.settings import load_settings

from . import fakeserver
from .conftest import ROOT
from .samples import sample_rows

FIELDS = ["id", "platform", "channel", "mode", "author", "message", "post"]


def samples() -> list[dict[str, str]]:
    """The shared samples (or the analysis table when ../shared is missing) as input rows."""
    return sample_rows()


def write_csv(path: Path, rows: int, *, ids: bool = True) -> Path:
    """A CSV of `rows` rows cycling through the samples."""
    base = samples()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS if ids else FIELDS[1:])
        writer.writeheader()
        for index in range(rows):
            row = dict(base[index % len(base)])
            if ids:
                row["id"] = f"m{index:05d}"
            writer.writerow(row)
    return path


def result_ids(path: Path) -> list[str]:
    """The ids in a JSONL result file, in file order."""
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def invoke(*args: str) -> Any:
    """Run the CLI in-process."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# ---------------------------------------------------------------- a big file, SIGINT, resume


BIG = (
    400  # rows (~5 KB of output each): enough to interrupt a run mid-file and resume it; 10,000 rows are in make bench
)


@pytest.mark.timeout(600)
@pytest.mark.slow
def test_a_big_file_interrupted_and_resumed(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "big.csv", BIG)
    output = tmp_path / "drafts.jsonl"
    command = [sys.executable, "-m", "assistant", "batch", str(source), "--output", str(output), "--backend", "offline"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    first = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not output.exists() or output.stat().st_size < 500_000):
        time.sleep(0.1)
    first.send_signal(signal.SIGINT)
    _, err = first.communicate(timeout=60)
    assert first.returncode == 130, err
    assert "interrupted" in err and "rerun the same command to resume" in err
    done = result_ids(output)
    assert 0 < len(done) < BIG and len(set(done)) == len(done)

    # A hang guard, not a speed limit: ~25 rows/s on the 2-core CI machine, slower when it is busy
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=540)
    assert second.returncode == 0, second.stderr
    assert f"already done {len(done)}" in second.stderr
    assert "batch: " in second.stderr and "rows/s" in second.stderr and "ETA" in second.stderr  # plain progress
    ids = result_ids(output)
    assert len(ids) == BIG and set(ids) == {f"m{i:05d}" for i in range(BIG)}
    assert ids[: len(done)] == done  # nothing already written was touched


def test_crash_leaves_a_torn_line_that_resume_drops(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 6)
    output = tmp_path / "out.jsonl"
    run(Job(input=source, output=output))
    lines = output.read_text(encoding="utf-8").splitlines(keepends=True)
    output.write_text("".join(lines[:3]) + lines[3][:50], encoding="utf-8")  # killed mid-write
    summary = run(Job(input=source, output=output))
    assert summary.dropped_torn_row and summary.already_done == 3 and summary.drafted == 3
    assert sorted(result_ids(output)) == [f"m{i:05d}" for i in range(6)]


def test_a_foreign_output_file_is_never_truncated(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 2)
    output = tmp_path / "notes.jsonl"
    output.write_text("my own notes\n", encoding="utf-8")
    result = invoke("batch", str(source), "-o", str(output), "--backend", "offline")
    assert result.exit_code == 1 and "not a replyvoice JSONL result" in result.output
    assert output.read_text(encoding="utf-8") == "my own notes\n"


# ---------------------------------------------------------------- input rows


def test_malformed_rows_are_reported_with_their_line_and_skipped(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"platform": "tiktok", "message": "welcher mahlgrad für french press?"}),
                "{not json",
                json.dumps({"platform": "myspace", "message": "hi"}),
                json.dumps({"platform": "instagram", "message": "   "}),
                json.dumps({"platform": "facebook", "channel": "email", "message": "Hallo"}),
                json.dumps({"id": "1", "platform": "facebook", "message": "Doppelte ID"}),
                json.dumps({"id": "x", "platform": "facebook", "message": "Wie lange hält der Kaffee offen?"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"
    result = invoke("batch", str(source), "--output", str(output), "--backend", "offline")
    assert result.exit_code == 0, result.output
    assert f"{source}:2: skipped: invalid JSON" in result.output
    assert f"{source}:3: skipped: platform 'myspace'" in result.output
    assert f"{source}:4: skipped: the message is empty" in result.output
    assert f"{source}:5: skipped: field 'channel'" in result.output
    assert f"{source}:6: skipped: duplicate id '1' (first on line 1)" in result.output
    assert "drafted 2" in result.output and "malformed 5" in result.output
    assert result_ids(output) == ["1", "x"]  # the id defaults to the line number


def test_csv_without_ids_or_platform_column_uses_defaults(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('message\n"Sind eure Tüten recyclebar?"\n"Hallo, zweite Zeile"\n', encoding="utf-8")
    rows = list(read_rows(source, default_platform="instagram"))
    assert [(r.id, r.line) for r in rows] == [("2", 2), ("3", 3)]  # type: ignore[union-attr]
    result = invoke("batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--backend", "offline")
    assert result.exit_code == 1 and "no column 'platform'" in result.output


# ---------------------------------------------------------------- outputs


def test_jsonl_output_is_the_draft_contract_plus_id(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 3)
    output = tmp_path / "out.jsonl"
    result = invoke("batch", str(source), "-o", str(output), "--backend", "offline", "--quiet")
    assert result.exit_code == 0, result.output
    first = json.loads(output.read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "backend", "profile", "elapsed_ms", "analysis", "drafts", "handoff"} <= set(first)
    assert first["drafts"][0]["checks"] and "escalation" in first["analysis"]
    assert "rows 3 · drafted 3" in result.output and "wall time" in result.output and "tokens:" in result.output


def test_csv_output_has_one_row_per_draft_and_resumes(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 4)
    output = tmp_path / "out.csv"
    assert invoke("batch", str(source), "-o", str(output), "--backend", "offline").exit_code == 0
    with output.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert list(records[0]) == list(CSV_FIELDS)
    assert len(records) == 12 and {r["tone"] for r in records} == {"warm", "playful", "crisp"}
    text = output.read_text(encoding="utf-8")
    cut = text.rindex("\nm00003,")  # the last row's first record ...
    output.write_text(text[: cut + 1] + text[cut + 1 :].split("\n")[0][:40], encoding="utf-8")  # ... torn
    again = invoke("batch", str(source), "-o", str(output), "--backend", "offline")
    assert "already done 3" in again.output and "drafted 1" in again.output
    with output.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 12


def test_result_file_knows_done_ids(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 2)
    output = tmp_path / "out.csv"
    run(Job(input=source, output=output, format="csv"))
    with ResultFile(path=output, fmt="csv") as out:
        assert out.done == {"m00000", "m00001"} and not out.dropped


# ---------------------------------------------------------------- openai backend


def test_openai_batch_runs_concurrently_one_request_per_row(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 12)
    output = tmp_path / "out.jsonl"
    with fakeserver.FakeOpenAI() as fake:
        peak = _track_concurrent_waits(fake)
        fake.script(*[fakeserver.hang(0.5) for _ in range(4)])  # the first four answer late
        settings = load_settings(base_url=fake.url, model="test-model", env={}, config_path=_no_config(tmp_path))
        summary = run(Job(input=source, output=output, fallback=True), settings=settings, concurrency=4)
        bodies = fake.chat_bodies
    assert summary.drafted == 12 and summary.failed == 0
    assert peak == [4]  # all four were in flight at once
    generate = [b for b in bodies if "Write one draft per tone" in b["messages"][1]["content"]]
    assert len(generate) == 12  # one generate request per row (repairs come on top only for failed checks)
    assert summary.prompt_tokens > 0 and summary.cost_known
    assert all(json.loads(line)["backend"] == "openai" for line in output.read_text(encoding="utf-8").splitlines())


def test_openai_batch_falls_back_per_row_when_the_server_fails(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 3)
    output = tmp_path / "out.jsonl"
    with fakeserver.FakeOpenAI() as fake:
        fake.script(*[fakeserver.status(401) for _ in range(3)])
        settings = load_settings(base_url=fake.url, model="test-model", env={}, config_path=_no_config(tmp_path))
        summary = run(Job(input=source, output=output), settings=settings, concurrency=2)
    assert summary.drafted == 3 and summary.fell_back == 3
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert all(line["backend"] == "offline" and "HTTP 401" in line["fallback_reason"] for line in lines)


def test_openai_batch_without_fallback_fails_rows_and_a_rerun_retries_them(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 2)
    output = tmp_path / "out.jsonl"
    with fakeserver.FakeOpenAI() as fake:
        env = {"OPENAI_BASE_URL": fake.url, "REPLYVOICE_MODEL": "test-model"}
        fake.script(fakeserver.status(401), fakeserver.status(401))
        result = CliRunner(env=env).invoke(cli, ["batch", str(source), "-o", str(output), "--no-fallback", "-j", "2"])
        assert result.exit_code == 1 and "failed: openai backend: HTTP 401" in result.output
        assert not output.read_text(encoding="utf-8")
        again = CliRunner(env=env).invoke(cli, ["batch", str(source), "-o", str(output), "--no-fallback"])
    assert again.exit_code == 0, again.output
    assert sorted(result_ids(output)) == ["m00000", "m00001"]


def test_rate_limiter_spaces_requests() -> None:
    import asyncio

    clock = [0.0]

    async def sleep(seconds: float) -> None:
        clock[0] += seconds

    limiter = RateLimiter(rpm=120, tpm=6_000, clock=lambda: clock[0], sleep=sleep)

    async def admit() -> list[float]:
        return [await limiter.acquire(100) for _ in range(6)]

    waits = asyncio.run(admit())
    assert waits[0] == 0.0 and clock[0] == pytest.approx(5.0, abs=0.01)  # 100 tokens/s after a 100-token burst


# ---------------------------------------------------------------- Batch API


def test_emit_and_collect_round_trip(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 4)
    requests = tmp_path / "requests.jsonl"
    result = invoke("batch", str(source), "--emit-openai-batch", str(requests))
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in requests.read_text(encoding="utf-8").splitlines()]
    assert [i["custom_id"] for i in items] == ["m00000", "m00001", "m00002", "m00003"]
    assert {i["method"] for i in items} == {"POST"} and {i["url"] for i in items} == {"/v1/chat/completions"}
    body = items[0]["body"]
    assert body["model"] == "gpt-4o-mini" and body["response_format"]["type"] == "json_schema"
    assert body["messages"][0]["role"] == "system" and "max_completion_tokens" in body

    results = tmp_path / "results.jsonl"
    lines = [_batch_result(i) for i in items[:2]]
    lines.append({"custom_id": items[2]["custom_id"], "response": None, "error": {"code": "x", "message": "expired"}})
    results.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")  # m00003: missing
    output = tmp_path / "drafts.jsonl"
    collected = invoke("batch", "collect", str(results), "--input", str(source), "--output", str(output))
    assert collected.exit_code == 0, collected.output
    by_id = {d["id"]: d for d in map(json.loads, output.read_text(encoding="utf-8").splitlines())}
    assert set(by_id) == {"m00000", "m00001", "m00002", "m00003"}
    assert by_id["m00000"]["backend"] == "openai" and by_id["m00000"]["usage"]["batch_api"] is True
    assert by_id["m00002"]["backend"] == "offline" and "expired" in by_id["m00002"]["fallback_reason"]
    assert "no result for this row" in by_id["m00003"]["fallback_reason"]
    assert "fell back 2" in collected.output


def test_collect_library_resumes(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", 2)
    results = tmp_path / "results.jsonl"
    results.write_text("", encoding="utf-8")
    settings = load_settings(api_key="x", env={}, config_path=_no_config(tmp_path))
    output = tmp_path / "out.jsonl"
    assert collect(Job(input=source, output=output), results, settings=settings).drafted == 2
    assert collect(Job(input=source, output=output), results, settings=settings).already_done == 2
    assert emit(Job(input=source, output=output), tmp_path / "r.jsonl", settings=settings).requests == 2


def _batch_result(item: dict[str, Any]) -> dict[str, Any]:
    tones = fakeserver.tones_in(item["body"])
    message = item["body"]["messages"][1]["content"].split("<<<MESSAGE\n")[-1].split("\nMESSAGE>>>")[0]
    drafts = [{"tone": t, "text": f"{message[:60]} – {t}: danke dir, wir schauen uns das an."} for t in tones]
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps({"drafts": drafts})}}],
        "usage": {"prompt_tokens": 3000, "completion_tokens": 80, "prompt_tokens_details": {"cached_tokens": 2800}},
    }
    return {"id": "batch_req_1", "custom_id": item["custom_id"], "response": {"status_code": 200, "body": body}}


def _track_concurrent_waits(fake: fakeserver.FakeOpenAI) -> list[int]:
    """Count how many scripted `hang` answers wait at the same time (the peak is returned live)."""
    lock, active, peak = threading.Lock(), [0], [0]
    wait = fake.wait

    def counting(seconds: float) -> None:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        wait(seconds)
        with lock:
            active[0] -= 1

    fake.wait = counting  # type: ignore[method-assign]
    return peak


def _no_config(folder: Path) -> Path:
    path = folder / "empty.toml"
    path.write_text("", encoding="utf-8")
    return path


def test_the_summary_and_the_progress_bar_show_the_same_rate() -> None:
    from assistant.batch.jobs import Summary
    from assistant.batch.progress import Progress

    ticks = iter([0.0, *[0.0] * 10, 2.0])
    progress = Progress(total=10, enabled=False, clock=lambda: next(ticks))
    for index in range(10):
        progress.advance(failed=index == 0)
    summary = Summary(rows=10, drafted=9, failed=1, wall_s=7.0, drafting_s=2.0)
    assert progress.rate == 5.0 and "· 5.0 rows/s" in summary.lines()[-1]
