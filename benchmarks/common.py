"""Shared helpers: timing statistics, the result table, JSON results."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).parent.parent


def stats(samples_ms: list[float]) -> dict[str, float]:
    """Median, p95, min and max of samples in milliseconds."""
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "median_ms": statistics.median(ordered),
        "p95_ms": p95,
        "min_ms": ordered[0],
        "max_ms": ordered[-1],
    }


def table(title: str, rows: list[dict[str, Any]]) -> str:
    """A plain-text table with a title; numbers rounded to 2 decimals."""
    columns = list(rows[0])
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = [title, "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)


def save(name: str, rows: list[dict[str, Any]]) -> Path:
    """Write a benchmark's rows to benchmarks/results/NAME.json."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return path


def _cell(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)
