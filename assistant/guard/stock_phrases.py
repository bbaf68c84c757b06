"""Stock phrases: the built-in lists per language plus a profile's banned phrases, matched loosely."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from assistant.defaults import DATA_DIR
from assistant.text import fold

DATA = DATA_DIR / "stock_phrases.yaml"
# Words that stand for each other in a phrase: du/Sie/ihr forms, so one entry covers all three.
_CLASSES = [
    {
        "dein",
        "deine",
        "deinen",
        "deinem",
        "deiner",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "eure",
        "euer",
        "euren",
        "eurem",
        "eurer",
    },
    {"dir", "dich", "du", "sie", "ihnen", "euch"},
    {"your", "ur"},
    {"we", "we're", "we'll", "we've"},
]


@lru_cache(maxsize=1)
def _builtin() -> dict[str, list[str]]:
    data = yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {lang: [str(p) for p in phrases] for lang, phrases in data.items()}


def stock_phrases(language: str) -> list[str]:
    """The built-in stock phrases for a language (empty for languages without a list)."""
    return list(_builtin().get(language, []))


def find_stock_phrases(text: str, banned: tuple[str, ...] = ()) -> list[str]:
    """Stock or banned phrases found in text, ignoring case, umlauts and one inserted word."""
    tokens = re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(text))
    folded, present = " ".join(tokens), set(tokens)
    # Only phrases whose rarest word occurs at all are worth a regex search (most drafts: none).
    return [phrase for phrase, anchor in _anchors(banned) if anchor in present and _phrase_rx(phrase).search(folded)]


@lru_cache(maxsize=32)
def _anchors(banned: tuple[str, ...]) -> list[tuple[str, str]]:
    """(phrase, anchor word) for every phrase; a phrase's regex is compiled only once its anchor occurs."""
    phrases = [p for lang in _builtin() for p in _builtin()[lang]] + list(banned)
    return [(p, _anchor(p)) for p in dict.fromkeys(phrases)]


def _anchor(phrase: str) -> str:
    """The phrase's longest word outside the du/Sie classes: it must occur for the phrase to match."""
    tokens = re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(phrase))
    fixed = [t for t in tokens if not any(t in group for group in _CLASSES)] or tokens
    return max(fixed, key=len)


# Objects that a phrase may leave out: "bei Fragen stehen wir (dir) jederzeit zur Verfügung".
_DROPPABLE = frozenset({"dir", "dich", "ihnen", "euch"})


@lru_cache(maxsize=1024)
def _phrase_rx(phrase: str) -> re.Pattern[str]:
    tokens = re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(phrase))
    gap = r"(?: [^\W_]+)?"  # one inserted word: "vielen (lieben) dank"
    head = "".join(
        f"(?:{_alternatives(t)}{gap} )?" if t in _DROPPABLE else f"{_alternatives(t)}{gap} " for t in tokens[:-1]
    )
    return re.compile(rf"(?<![^\W_]){head}{_alternatives(tokens[-1])}(?![^\W_])")


def _alternatives(token: str) -> str:
    for group in _CLASSES:
        if token in group:
            return "(?:" + "|".join(sorted(map(re.escape, group), key=len, reverse=True)) + ")"
    return re.escape(token)
