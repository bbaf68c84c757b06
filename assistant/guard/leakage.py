"""What a draft must never reveal: the canary, system-prompt text, internal notes, team contacts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.profiles.loading import VoiceProfile
from assistant.text import fold, words

SHINGLE = 7  # words in a row that count as quoting the system prompt
Shingle = tuple[str, ...]


def leaks(text: str, profile: VoiceProfile, confidential: Sequence[str] = ()) -> list[str]:
    """Descriptions of everything secret the text contains.

    `confidential` is what the writer was shown (the system prompt and its canary); it travels
    with the generation, so the guard never renders prompts itself.
    """
    folded = fold(text)
    literals = [*profile.brand.internal_notes, *_contacts(profile), *(c for c in confidential if _is_token(c))]
    found = [f"internal: “{s}”" for s in literals if fold(s) in folded]
    public = _public_shingles("\n".join(profile.public_texts()))
    secret = set().union(*(_shingles(c) for c in confidential if not _is_token(c))) - public
    quoted = _shingles(text) & secret
    if quoted:
        found.append(f"system prompt: “{' '.join(sorted(quoted)[0])}…”")
    return found


def _is_token(text: str) -> bool:
    """A canary or similar one-word secret (matched as a literal, not as shingles)."""
    return len(text) < 64 and not any(c.isspace() for c in text)


def _contacts(profile: VoiceProfile) -> list[str]:
    parts = []
    for rule in profile.brand.escalation.values():
        parts += [p.strip() for p in re.split(r"[/,;]| or | oder ", rule.contact) if len(p.strip()) >= 4]
    return parts


@lru_cache(maxsize=16)
def _public_shingles(text: str) -> frozenset[Shingle]:
    return frozenset(_shingles(text))


@lru_cache(maxsize=16)
def _shingles(text: str) -> frozenset[Shingle]:
    tokens = [fold(w) for w in words(text)]
    return frozenset(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
