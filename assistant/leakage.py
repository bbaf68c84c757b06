"""What a draft must never reveal: the canary, system-prompt text, internal notes, team contacts."""

from __future__ import annotations

import re

from .profiles import VoiceProfile
from .text import fold, words

SHINGLE = 7  # words in a row that count as quoting the system prompt


def leaks(text: str, profile: VoiceProfile) -> list[str]:
    """Descriptions of everything secret the text contains."""
    secrets = _secrets(profile)
    folded = fold(text)
    found = [f"internal: “{s}”" for s in secrets.literals if fold(s) in folded]
    quoted = _shingles(text) & secrets.shingles
    if quoted:
        found.append(f"system prompt: “{' '.join(sorted(quoted)[0])}…”")
    return found


class _Secrets:
    def __init__(self, literals: list[str], shingles: set[tuple[str, ...]]) -> None:
        self.literals, self.shingles = literals, shingles


_CACHE: dict[tuple[str, str], _Secrets] = {}


def _secrets(profile: VoiceProfile) -> _Secrets:
    """The profile's secrets, computed once per profile version (rendering the prompt is not free)."""
    cache_key = (profile.key, profile.version)
    if cache_key not in _CACHE:
        _CACHE[cache_key] = _collect(profile)
    return _CACHE[cache_key]


def _collect(profile: VoiceProfile) -> _Secrets:
    literals = [*profile.brand.internal_notes, *_contacts(profile)]
    canary = _canary(profile)
    if canary:
        literals.append(canary)
    return _Secrets(literals, _shingles(_system_text(profile)) - _shingles("\n".join(profile.public_texts())))


def _contacts(profile: VoiceProfile) -> list[str]:
    parts = []
    for rule in profile.brand.escalation.values():
        parts += [p.strip() for p in re.split(r"[/,;]| or | oder ", rule.contact) if len(p.strip()) >= 4]
    return parts


def _canary(profile: VoiceProfile) -> str:
    from . import prompts

    make = getattr(prompts, "canary", None)
    return str(make(profile)) if make else ""


def _system_text(profile: VoiceProfile) -> str:
    from .prompts import render_system

    return render_system(profile)


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = [fold(w) for w in words(text)]
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
