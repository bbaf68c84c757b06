"""Plain-text rendering of a DraftSet for the terminal."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.models import Draft, DraftSet


def plural(count: int, one: str, many: str) -> str:
    """`1 reply`, `3 replies`."""
    return f"{count} {one if count == 1 else many}"


def draft_table(result: DraftSet) -> str:
    """A readable summary: analysis, each draft with its checks, the handoff note."""
    a = result.analysis
    escalation = f"{a.escalation.team} ({a.escalation.reason})" if a.escalation else "none"
    lines = [
        f"{result.profile} · backend {result.backend} · {result.elapsed_ms:.0f} ms",
        f"language {a.language} · intent {a.intent} · sentiment {a.sentiment} · urgency {a.urgency}"
        f" · escalation {escalation}",
        *(f"note: {n}" for n in [*a.notes, *result.notices]),
        "",
    ]
    for item in result.drafts:
        lines += _draft_block(item)
    if result.handoff:
        lines += [f"── handoff to {result.handoff.team} ──", result.handoff.note]
    return "\n".join(lines).rstrip()


def _draft_block(item: Draft) -> list[str]:
    status = "ok" if item.ok else "NEEDS EDIT"
    header = f"── {item.tone} ({len(item.text)} chars, {status}{', repaired' if item.repaired else ''}) ──"
    body = [textwrap.fill(p, 88) if p else "" for p in item.text.split("\n")]
    checks = "  ".join(
        f"{'✓' if c.ok else '✗'} {c.name} {c.detail}" for c in item.checks if not c.ok or c.name == "length"
    )
    return [header, *body, f"   {checks}", ""]
