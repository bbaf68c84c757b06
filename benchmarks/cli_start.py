"""CLI cold start: each command as a new process, against the bare imports of its libraries."""

from __future__ import annotations

import subprocess
import sys
import time

from .common import ROOT, save, stats, table

REPLYVOICE = [sys.executable, "-m", "assistant"]
COMMAND = [
    *REPLYVOICE,
    "draft",
    "--platform",
    "tiktok",
    "--json",
    "--message",
    "ich will mein geld zurück. SOFORT!!!11",
    "--author",
    "petens022",
]
# The floor any Python CLI over these libraries pays; `draft` should cost at most GOAL_RATIO times this.
BASELINE = [sys.executable, "-c", "import click, pydantic, yaml, jinja2"]
QUICK_DRAFT = [*REPLYVOICE, "draft", "--json", "--no-save", "-p", "tiktok", "-m", "wie lange dauert der versand?"]
GOAL_RATIO = 2.5
# What `replyvoice --version` and `--help` must not load.
HEAVY = ("openai", "streamlit", "pydantic", "assistant.backends", "assistant.pipeline", "assistant.models")


def timed(command: list[str], repeat: int) -> list[float]:
    """Wall times in milliseconds of `repeat` runs of a command."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def heavy_imports(*args: str) -> list[str]:
    """The heavy modules loaded by `replyvoice ARGS` (run in-process in a fresh interpreter)."""
    code = (
        "import sys; from assistant.cli import cli\n"
        f"try: cli.main({list(args)!r}, prog_name='replyvoice')\n"
        "except SystemExit: pass\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stderr.split()


def ratio_row(repeat: int = 5) -> dict[str, object]:
    """`draft --json --no-save` against the bare library imports: medians of `repeat` runs and their ratio."""
    base = stats(timed(BASELINE, repeat))["median_ms"]
    draft = stats(timed(QUICK_DRAFT, repeat))["median_ms"]
    return {
        "benchmark": "draft --no-save / bare imports",
        "baseline_ms": base,
        "draft_ms": draft,
        "ratio": draft / base,
        "goal_ratio": GOAL_RATIO,
    }


def run(repeat: int = 20) -> list[dict[str, object]]:
    """Time `replyvoice draft --json` (repeat runs)."""
    return [{"benchmark": "replyvoice draft --json", **stats(timed(COMMAND, repeat)), "goal_ms": 1000.0}]


def quick_rows() -> list[dict[str, object]]:
    """--version and --help: 5 runs each, and the heavy modules they load (goal: none)."""
    rows: list[dict[str, object]] = []
    for args in (["--version"], ["--help"], ["draft", "--help"]):
        timing = stats(timed([*REPLYVOICE, *args], 5))
        heavy = " ".join(heavy_imports(*args)) or "none"
        rows.append({"benchmark": f"replyvoice {' '.join(args)}", **timing, "heavy": heavy})
    return rows


def main() -> None:
    """Run and print."""
    rows, quick, ratio = run(), quick_rows(), [ratio_row()]
    print(table("2. CLI cold start", rows))
    print(table("2b. --version and --help (heavy: modules they must not load)", quick))
    print(table("2c. draft --no-save against the bare imports (median of 5)", ratio))
    save("cli_start", [*rows, *quick, *ratio])
