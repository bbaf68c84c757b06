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


def ranked(text: str, others: Sequence[str], *, limit: int) -> list[tuple[float, int]]:
    """(similarity, index) of the `limit` most similar texts, best first."""
    matches = process.extract(fold(text), _folded(tuple(others)), scorer=fuzz.token_set_ratio, limit=limit)
    return [(float(score), index) for _, score, index in matches]


@lru_cache(maxsize=8)
def _folded(texts: tuple[str, ...]) -> list[str]:
    return [fold(t) for t in texts]
