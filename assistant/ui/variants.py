"""Pure helpers for the Draft page (no Streamlit): replace one variant, compare variants, session keys."""

from __future__ import annotations

from typing import Any

from assistant.models import CheckResult, Draft, DraftSet


def edit_key(set_id: int, tone: str) -> str:
    """Session key of the edited text of one variant."""
    return f"draft_text_{set_id}_{tone}"


def handoff_key(set_id: int) -> str:
    """Session key of the edited handoff note of a draft set."""
    return f"draft_handoff_{set_id}"


def replace_variant(result: DraftSet, fresh: DraftSet, tone: str) -> DraftSet:
    """The draft set with only `tone` taken from a fresh run (everything else unchanged)."""
    new = next((d for d in fresh.drafts if d.tone == tone), None)
    if new is None:
        return result
    drafts = [new if d.tone == tone else d for d in result.drafts]
    notices = list(dict.fromkeys([*result.notices, *fresh.notices]))
    return result.model_copy(
        update={
            "drafts": drafts,
            "notices": notices,
            "fallback_reason": fresh.fallback_reason or result.fallback_reason,
        }
    )


def failed(checks: list[CheckResult]) -> list[CheckResult]:
    """The checks that did not pass."""
    return [c for c in checks if not c.ok]


def differing_checks(drafts: list[Draft]) -> set[str]:
    """Names of checks that pass for some variants and fail for others."""
    outcomes: dict[str, set[bool]] = {}
    for item in drafts:
        for check in item.checks:
            outcomes.setdefault(check.name, set()).add(check.ok)
    return {name for name, seen in outcomes.items() if len(seen) > 1}


def length_label(text: str, limit: int) -> str:
    """'123 / 150 characters', with a warning when over the limit."""
    count = len(text)
    if count > limit:
        return f"{count} / {limit} characters: {count - limit} too many"
    return f"{count} / {limit} characters"


def comparison(
    result: DraftSet, texts: dict[str, str], limit: int, checks: dict[str, list[CheckResult]] | None = None
) -> list[dict[str, Any]]:
    """One row per variant for the comparison table: length, words, status, failed checks (of the text as edited)."""
    rows = []
    for item in result.drafts:
        text = texts.get(item.tone, item.text)
        problems = failed((checks or {}).get(item.tone, item.checks))
        rows.append(
            {
                "tone": item.tone,
                "characters": len(text),
                "limit": limit,
                "words": len(text.split()),
                "checks": "ok" if not problems else f"{len(problems)} failed",
                "failed checks": ", ".join(c.name for c in problems),
                "edited": text != item.text,
            }
        )
    return rows


def check_lines(checks: list[CheckResult]) -> str:
    """All checks of a variant as plain text, one per line."""
    mark = {True: "✓", False: "✗"}
    return "\n".join(f"{mark[c.ok]} {c.name} ({c.severity}): {c.detail}" for c in checks)
