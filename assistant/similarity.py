"""How alike two replies are: the one measure behind the repetition check and the composer."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from assistant.text import fold, words


def repetition(text: str, history: Sequence[str], known: tuple[str, ...]) -> tuple[float, str]:
    """How much a draft repeats past replies in its own words: facts and sign-offs don't count."""
    if not history:
        return 0.0, ""
    past = tuple(history)
    score, index = _repetition_cached(text, past, known)
    return score, past[index] if index >= 0 else ""


@lru_cache(maxsize=512)
def _repetition_cached(text: str, history: tuple[str, ...], known: tuple[str, ...]) -> tuple[float, int]:
    # The composer and the check ask about the same draft: answer once.
    index = _index(history, known)
    stripped = _strip_known(text, known)
    candidates = index.candidates(stripped)
    if not candidates:
        return 0.0, -1
    score, position = _repetition(stripped, [index.texts[i] for i in candidates])
    return score, candidates[position] if position >= 0 else -1


def _repetition(text: str, others: list[str]) -> tuple[float, int]:
    if not text:
        return 0.0, -1
    match = process.extractOne(text, others, scorer=fuzz.token_set_ratio)
    return (float(match[1]), match[2]) if match else (0.0, -1)


class _Index:
    """Word pairs of past replies, so only replies sharing some of a draft's pairs are scored."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.postings: dict[tuple[str, str], list[int]] = {}
        for number, text in enumerate(texts):
            for pair in set(_pairs(text)):
                self.postings.setdefault(pair, []).append(number)

    def candidates(self, text: str) -> list[int]:
        """Past replies sharing at least a fifth of the draft's word pairs (at least one)."""
        pairs = set(_pairs(text))
        counts: Counter[int] = Counter()
        for pair in pairs:
            counts.update(self.postings.get(pair, ()))
        needed = max(1, len(pairs) // 5)
        return sorted(number for number, shared in counts.items() if shared >= needed)


def _pairs(text: str) -> list[tuple[str, str]]:
    tokens = text.split()
    return list(itertools.pairwise(tokens)) or [(t, "") for t in tokens]


@lru_cache(maxsize=8)
def _index(texts: tuple[str, ...], known: tuple[str, ...]) -> _Index:
    return _Index([_strip_known(t, known) for t in texts])


def _strip_known(text: str, known: tuple[str, ...]) -> str:
    """The text's own words, folded, without the profile's facts and sign-offs (and punctuation)."""
    folded = fold(text)
    for piece in sorted(known, key=len, reverse=True):
        if len(piece) >= 12:
            folded = folded.replace(fold(piece), " ")
    return " ".join(words(folded))


def closest_variant(text: str, variants: Sequence[str]) -> tuple[float, str]:
    """Plain edit-distance similarity 0-100 to the closest other variant (and that variant)."""
    scored = [(float(fuzz.ratio(fold(text), fold(v))), v) for v in variants]
    return max(scored, default=(0.0, ""))


def ranked(text: str, others: Sequence[str], *, limit: int) -> list[tuple[float, int]]:
    """(similarity, index) of the `limit` most similar texts, best first."""
    matches = process.extract(fold(text), _folded(tuple(others)), scorer=fuzz.token_set_ratio, limit=limit)
    return [(float(score), index) for _, score, index in matches]


@lru_cache(maxsize=8)
def _folded(texts: tuple[str, ...]) -> list[str]:
    return [fold(t) for t in texts]
