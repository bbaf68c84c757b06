"""CLI cold start: `replyvoice draft --json` end to end, as a new process each time."""

from __future__ import annotations

import subprocess
import sys
import time

from .common import ROOT, save, stats, table

COMMAND = [
    sys.executable,
    "-m",
    "assistant",
    "draft",
    "--platform",
    "tiktok",
    "--json",
    "--message",
    "ich will mein geld zurück. SOFORT!!!11",
    "--author",
    "petens022",
]


def run(repeat: int = 20) -> list[dict[str, object]]:
    """Time `repeat` runs of the CLI."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(COMMAND, cwd=ROOT, check=True, capture_output=True)
        samples.append((time.perf_counter() - started) * 1000)
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, assistant.cli.root, assistant.pipeline; "
            "print(sorted(m for m in ('streamlit', 'openai') if m in sys.modules))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return [{"benchmark": "replyvoice draft --json", **stats(samples), "goal_ms": 1000.0, "heavy_imports": heavy}]


def main() -> None:
    """Run and print."""
    rows = run()
    print(table("2. CLI cold start", rows))
    save("cli_start", rows)
