"""Prompt economy: prompt tokens per draft set, the share in the cache-stable system prefix,
and requests per draft set (goal: 1) against a local OpenAI-compatible server."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from assistant import Message, load_profile
from assistant.backends.openai.tokens import budget_request
from assistant.batch.jobs import Job, run
from assistant.pipeline import build_request
from assistant.settings import load_settings
from tests.samples import sample_rows

from .batch_throughput import delay_server, server_requests, write_input
from .common import ROOT, save, table

ROWS = 100


def token_rows() -> list[dict[str, object]]:
    """Per platform: prompt tokens, system-prefix tokens and share, distinct system prompts."""
    rows: list[dict[str, object]] = []
    samples = sample_rows()
    for platform in ("tiktok", "instagram", "facebook"):
        profile = load_profile(ROOT / "personas", None, platform)
        budgets = []
        for sample in samples:
            fields = {k: v or None for k, v in sample.items() if k in ("author", "post")}
            message = Message(
                text=sample["message"],
                platform=platform,  # type: ignore[arg-type]
                channel=sample["channel"],  # type: ignore[arg-type]
                mode=sample["mode"],  # type: ignore[arg-type]
                **fields,
            )
            budgets.append(budget_request(build_request(message, profile)[0]))
        prompt = [b.prompt_tokens for b in budgets]
        system = [b.system_tokens for b in budgets]
        rows.append(
            {
                "profile": profile.key,
                "messages": len(budgets),
                "prompt_tokens_median": statistics.median(prompt),
                "prompt_tokens_max": max(prompt),
                "system_prefix_tokens": statistics.median(system),
                "prefix_share": statistics.median(s / p for s, p in zip(system, prompt, strict=True)),
                "distinct_system_prompts": len({b.messages[0]["content"] for b in budgets}),
            }
        )
    return rows


def requests_per_draft_set(rows: int = ROWS) -> dict[str, object]:
    """Draft `rows` rows through the openai backend and count the server's requests."""
    with tempfile.TemporaryDirectory() as tmp, delay_server(0.0) as url:
        folder = Path(tmp)
        (folder / "none.toml").write_text("", encoding="utf-8")
        settings = load_settings(base_url=url, model="bench-model", env={}, config_path=folder / "none.toml")
        source = write_input(folder / "in.csv", rows)
        summary = run(Job(input=source, output=folder / "out.jsonl"), settings=settings, concurrency=8)
        requests = server_requests(url)
    return {
        "draft_sets": summary.drafted,
        "requests": requests,
        "requests_per_draft_set": requests / max(summary.drafted, 1),
        "goal": 1.0,
    }


def main() -> None:
    """Run and print."""
    tokens = token_rows()
    requests = requests_per_draft_set()
    print(table("4. Prompt economy: tokens per draft set (o200k_base) and the cache-stable system prefix", tokens))
    print(table("   requests per draft set (openai backend, local server)", [requests]))
    save("prompt_economy", [*tokens, requests])
