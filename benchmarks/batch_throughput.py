"""Batch throughput against a local OpenAI-compatible server that answers after a fixed 200 ms."""

from __future__ import annotations

import contextlib
import csv
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from assistant.batch.jobs import Job, run
from assistant.settings import load_settings
from tests.samples import sample_rows

from .common import ROOT, save, table

DELAY = 0.2
# (concurrency, rows): concurrency 1 would need 200 s for 1,000 rows, so it drafts 50.
RUNS = ((1, 50), (8, 1000), (32, 1000))
GOAL_RATIO_AT_32 = 0.9


def write_input(path: Path, rows: int) -> Path:
    """A CSV with `rows` rows cycling through the samples."""
    samples = sample_rows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", *samples[0]])
        writer.writeheader()
        for index in range(rows):
            writer.writerow({"id": f"row-{index}", **samples[index % len(samples)]})
    return path


@contextlib.contextmanager
def delay_server(delay: float = DELAY) -> Iterator[str]:
    """Start benchmarks.delay_server in its own process; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.delay_server", "--delay", str(delay)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = process.stdout.readline().split()[1]
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def measure(url: str, folder: Path, concurrency: int, rows: int) -> dict[str, object]:
    """Draft `rows` rows at `concurrency` and compare with the ideal rate concurrency / delay."""
    settings = load_settings(base_url=url, model="bench-model", env={}, config_path=folder / "none.toml")
    warm = write_input(folder / f"warm-{concurrency}.csv", 2 * concurrency)
    run(Job(input=warm, output=folder / f"warm-{concurrency}.jsonl"), settings=settings, concurrency=concurrency)
    source = write_input(folder / f"in-{concurrency}.csv", rows)
    output = folder / f"out-{concurrency}.jsonl"
    before = server_requests(url)
    started = time.perf_counter()
    summary = run(Job(input=source, output=output), settings=settings, concurrency=concurrency)
    wall = time.perf_counter() - started
    achieved = summary.drafted / wall
    ideal = concurrency / DELAY
    requests = server_requests(url) - before
    return {
        "concurrency": concurrency,
        "rows": rows,
        "drafted": summary.drafted,
        "fell_back": summary.fell_back,
        "requests_per_row": requests / max(summary.drafted, 1),
        "wall_s": wall,
        "rows_per_s": achieved,
        "ideal_rows_per_s": ideal,
        "ratio": achieved / ideal,
        "goal": GOAL_RATIO_AT_32 if concurrency == 32 else "-",
        "note": "50 rows (1,000 would take 200 s)" if concurrency == 1 else "",
    }


def server_requests(url: str) -> int:
    """How many chat completions the delay server has answered so far."""
    with urllib.request.urlopen(f"{url}/stats", timeout=5) as response:
        return int(json.load(response)["chat_requests"])


def run_all() -> list[dict[str, object]]:
    """Every concurrency level against one server."""
    with tempfile.TemporaryDirectory() as tmp, delay_server() as url:
        (Path(tmp) / "none.toml").write_text("", encoding="utf-8")
        return [measure(url, Path(tmp), concurrency, rows) for concurrency, rows in RUNS]


def main() -> None:
    """Run and print."""
    rows = run_all()
    print(table(f"3. Batch throughput (openai backend, server answers after {DELAY * 1000:.0f} ms)", rows))
    save("batch_throughput", rows)
