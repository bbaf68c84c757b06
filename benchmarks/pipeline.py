"""Pipeline overhead without any network: analysis, composing and checks (offline, 3 tones)."""

from __future__ import annotations

import itertools
import time

import yaml

from assistant import Message, draft, load_profile

from .common import ROOT, save, stats, table

MESSAGES = ROOT / "tests" / "data" / "analysis_cases.yaml"


def run(count: int = 1000) -> list[dict[str, object]]:
    """Draft `count` messages (cycling the test table) and time each draft set."""
    cases = [
        c for c in yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))["cases"] if (c.get("text") or c.get("post"))
    ]
    profiles = {p: load_profile(ROOT / "personas", None, p) for p in ("tiktok", "instagram", "facebook")}
    draft(Message(text="warm-up", platform="tiktok"), profiles["tiktok"])
    samples = []
    for case in itertools.islice(itertools.cycle(cases), count):
        message = Message(
            text=case.get("text", ""),
            platform=case["platform"],
            channel=case.get("channel", "comment"),
            mode=case.get("mode", "reply"),
            post=case.get("post"),
        )
        started = time.perf_counter()
        draft(message, profiles[message.platform])
        samples.append((time.perf_counter() - started) * 1000)
    return [{"benchmark": "pipeline (offline, 3 tones)", **stats(samples), "goal_ms": 5.0}]


def main() -> None:
    """Run and print."""
    rows = run()
    print(table("1. Pipeline overhead per draft set", rows))
    save("pipeline", rows)
