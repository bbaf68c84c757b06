"""How alike two replies are: the one measure behind the repetition check and the composer."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from .text import fold


def similarity(a: str, b: str) -> float:
    """Token-set similarity 0-100, ignoring case, umlauts and word order."""
    return float(fuzz.token_set_ratio(fold(a), fold(b)))


def most_similar(text: str, others: Sequence[str]) -> tuple[float, str]:
    """The highest similarity to any of `others`, and that text ('' when there are none)."""
    if not others:
        return 0.0, ""
    match = process.extractOne(fold(text), _folded(tuple(others)), scorer=fuzz.token_set_ratio)
    if match is None:
        return 0.0, ""
    _, score, index = match
    return float(score), others[index]


def repetition(text: str, history: Sequence[str], known: tuple[str, ...]) -> tuple[float, str]:
    """How much a draft repeats past replies in its own words: facts and sign-offs don't count."""
    if not history:
        return 0.0, ""
    score, index = _repetition(_strip_known(text, known), _stripped(tuple(history), known))
    return score, history[index] if index >= 0 else ""


def _repetition(text: str, others: list[str]) -> tuple[float, int]:
    if not text:
        return 0.0, -1
    match = process.extractOne(text, others, scorer=fuzz.token_set_ratio)
    return (float(match[1]), match[2]) if match else (0.0, -1)


@lru_cache(maxsize=8)
def _stripped(texts: tuple[str, ...], known: tuple[str, ...]) -> list[str]:
    return [_strip_known(t, known) for t in texts]


def _strip_known(text: str, known: tuple[str, ...]) -> str:
    folded = fold(text)
    for piece in sorted(known, key=len, reverse=True):
        if len(piece) >= 12:
            folded = folded.replace(fold(piece), " ")
    return " ".join(folded.split())


def closest_variant(text: str, variants: Sequence[str]) -> float:
    """Plain edit-distance similarity 0-100 to the closest other variant: do two tones read alike?"""
    return max((float(fuzz.ratio(fold(text), fold(v))) for v in variants), default=0.0)


def ranked(text: str, others: Sequence[str], *, limit: int) -> list[tuple[float, int]]:
    """(similarity, index) of the `limit` most similar texts, best first."""
    matches = process.extract(fold(text), _folded(tuple(others)), scorer=fuzz.token_set_ratio, limit=limit)
    return [(float(score), index) for _, score, index in matches]


@lru_cache(maxsize=8)
def _folded(texts: tuple[str, ...]) -> list[str]:
    return [fold(t) for t in texts]
