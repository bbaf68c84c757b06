"""Pipeline overhead without any network: analysis, composing and checks (offline, 3 tones).

Measured twice: without history, and with a history of 5,000 approved replies in a
`Store` (what the repetition check and the few-shot recall read for every message).
"""

from __future__ import annotations

import inspect
import itertools
import tempfile
import time
from typing import Any

import yaml

from assistant import Message, draft, load_profile
from assistant.history.store import Store

from .common import ROOT, save, stats, table

MESSAGES = ROOT / "tests" / "data" / "analysis_cases.yaml"
HISTORY = 5_000
GOAL_MS = 5.0
OPENERS = ["Danke dir", "Schön, dass du fragst", "Gute Frage", "Oh nein", "Freut uns riesig", "Thanks a lot"]
TOPICS = ["French Press", "Kiezmischung", "Espresso Kreuzberg", "Versand", "Abo", "Handmühle", "Filterkaffee"]
ENDINGS = ["Schreib uns gern per DM.", "Meld dich jederzeit!", "Viel Spaß beim Brühen!", "Let us know how it goes."]


def approvals(count: int = HISTORY) -> list[dict[str, Any]]:
    """`count` varied approved replies across the three platforms (for Store.import_rows)."""
    combos = itertools.cycle(itertools.product(OPENERS, TOPICS, ENDINGS))
    platforms = itertools.cycle(("tiktok", "instagram", "facebook"))
    rows = []
    for index, (opener, topic, ending) in zip(range(count), combos, strict=False):
        text = f"{opener}! Zu {topic}: Tipp Nummer {index % 97} von uns. {ending}"
        rows.append({"text": text, "platform": next(platforms), "message": f"Frage zu {topic} #{index}"})
    return rows


def cases() -> list[Message]:
    """The analysis test table as messages."""
    table_ = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))["cases"]
    return [
        Message(
            text=c.get("text", ""),
            platform=c["platform"],
            channel=c.get("channel", "comment"),
            mode=c.get("mode", "reply"),
            post=c.get("post"),
        )
        for c in table_
        if c.get("text") or c.get("post")
    ]


def measure(count: int, history: Store | None) -> list[float]:
    """Milliseconds per draft set for `count` messages (cycling the table)."""
    profiles = {p: load_profile(ROOT / "personas", None, p) for p in ("tiktok", "instagram", "facebook")}
    extra = {"history": history} if history is not None else {}
    draft(Message(text="warm-up", platform="tiktok"), profiles["tiktok"], **extra)
    samples = []
    for message in itertools.islice(itertools.cycle(cases()), count):
        started = time.perf_counter()
        draft(message, profiles[message.platform], **extra)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run(count: int = 1000) -> list[dict[str, object]]:
    """Without history, then with 5,000 approved replies (when draft() takes history=)."""
    rows: list[dict[str, object]] = []
    base = stats(measure(count, None))
    rows.append({"benchmark": "pipeline (offline, 3 tones)", **base, "goal_ms": GOAL_MS, "ratio_to_goal": 0.0})
    if "history" not in inspect.signature(draft).parameters:
        rows[0]["note"] = "draft() has no history= parameter yet: measured without history"
    else:
        with tempfile.TemporaryDirectory() as folder, Store(directory=folder) as store:
            stored, _ = store.import_rows(enumerate(approvals(), start=1), brand="bohnenkiez")
            timed = stats(measure(count, store))
            label = f"pipeline + history of {stored:,} approvals"
            rows.append({"benchmark": label, **timed, "goal_ms": GOAL_MS, "ratio_to_goal": 0.0})
    for row in rows:
        row["ratio_to_goal"] = float(row["median_ms"]) / GOAL_MS  # type: ignore[arg-type]
    return rows


def main() -> None:
    """Run and print."""
    rows = run()
    print(table("1. Pipeline overhead per draft set (1,000 messages; ratio = median / 5 ms goal)", rows))
    save("pipeline", rows)
