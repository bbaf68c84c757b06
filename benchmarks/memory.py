"""Memory: peak RSS of an offline batch in a fresh process, 1,000 rows against 10,000 rows."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .batch_throughput import write_input
from .common import ROOT, save, table

SIZES = (1_000, 10_000)
# Flat: 10x the rows may cost at most this factor in peak RSS.
GOAL_GROWTH = 1.2


def peak_rss_mb(rows: int, folder: Path) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of `replyvoice batch` over `rows` rows, offline, quiet."""
    source = write_input(folder / f"in-{rows}.csv", rows)
    command = [sys.executable, "-m", "assistant", "batch", str(source), "--output", str(folder / f"out-{rows}.jsonl")]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--backend", "offline", "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode:
        raise RuntimeError(f"batch failed ({process.returncode}): {errors[-500:]}")
    return usage.ru_maxrss / 1024, wall  # ru_maxrss is in KiB on Linux


def run() -> list[dict[str, object]]:
    """Peak RSS for each size, and the growth relative to the smallest."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            peak, wall = peak_rss_mb(size, Path(tmp))
            rows.append({"rows": size, "peak_rss_mb": peak, "wall_s": wall, "ratio_to_1000_rows": 0.0})
    for row in rows:
        row["ratio_to_1000_rows"] = float(row["peak_rss_mb"]) / float(rows[0]["peak_rss_mb"])  # type: ignore[arg-type]
        row["goal"] = f"<= {GOAL_GROWTH}"
    return rows


def main() -> None:
    """Run and print."""
    rows = run()
    print(table("5. Memory: peak RSS of an offline batch (a new process each)", rows))
    save("memory", rows)
