"""Sample incoming messages as batch rows: the shared samples, else the analysis test table."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples" / "messages.yaml"
CASES = ROOT / "tests" / "data" / "analysis_cases.yaml"


def sample_rows() -> list[dict[str, str]]:
    """Messages to cycle through: the shared samples, else the analysis test table."""
    if SAMPLES.exists():
        items = yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))["messages"]
    else:
        items = [dict(c, message=c.get("text", "")) for c in yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]]
    return [
        {
            "platform": item["platform"],
            "channel": item.get("channel", "comment"),
            "mode": item.get("mode", "reply"),
            "author": item.get("author") or "",
            "message": item.get("message") or "",
            "post": item.get("post") or "",
        }
        for item in items
        if item.get("message") or item.get("post")
    ]
