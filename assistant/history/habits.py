"""What people change in drafts before approving them: learned from the kept edits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import emoji

from assistant.text import words

MIN_EDITS = 3  # fewer edits than this on a platform say nothing yet


def removed_emoji(before: str, after: str) -> bool:
    """The draft had emoji and the approved text has fewer."""
    return emoji.emoji_count(after) < emoji.emoji_count(before)


def shortened(before: str, after: str) -> bool:
    """At least 20 % shorter."""
    return len(after) <= 0.8 * len(before)


def lengthened(before: str, after: str) -> bool:
    """At least 20 % longer."""
    return len(after) >= 1.2 * len(before)


def new_opening(before: str, after: str) -> bool:
    """The first three words changed."""
    return [w.lower() for w in words(before)[:3]] != [w.lower() for w in words(after)[:3]]


def fewer_exclamations(before: str, after: str) -> bool:
    """Fewer exclamation marks."""
    return after.count("!") < before.count("!")


HABITS: list[tuple[str, Callable[[str, str], bool]]] = [
    ("removed the emoji", removed_emoji),
    ("shortened the draft by a fifth or more", shortened),
    ("lengthened the draft by a fifth or more", lengthened),
    ("rewrote the opening", new_opening),
    ("removed exclamation marks", fewer_exclamations),
]


def edit_summary(edits: list[tuple[str, str, str]]) -> list[str]:
    """Sentences like "facebook: removed the emoji in 70% of edited drafts (7 of 10)", most common first."""
    by_platform: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for platform, before, after in edits:
        by_platform[platform].append((before, after))
    lines = []
    for platform, pairs in sorted(by_platform.items()):
        if len(pairs) < MIN_EDITS:
            continue
        for label, changed in HABITS:
            hits = sum(1 for before, after in pairs if changed(before, after))
            if hits:
                share = hits / len(pairs)
                lines.append((share, f"{platform}: {label} in {share:.0%} of edited drafts ({hits} of {len(pairs)})"))
    return [text for _, text in sorted(lines, key=lambda item: -item[0])]
