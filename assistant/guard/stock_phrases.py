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


# A letter's salutation or sign-off: "Sehr geehrte Damen und Herren", "Dear Sir or Madam", "Liebes Bohnenkiez-Team",
# "Mit freundlichen Grüßen" (folded text; a plain "Guten Tag" or "Hallo" is no letter).
LETTER_SCAN = 4_000  # characters of a message searched for a letter's salutation or sign-off
LETTER = re.compile(
    r"^\W{0,3}(?:sehr geehrte|dear (?:sir|madam|[\w-]{1,30} team\b|team\b|bohnenkiez)|liebes? [\w-]{1,30}[- ]team\b"
    r"|to whom it may concern)|mit freundlichen grussen|hochachtungsvoll|yours (?:sincerely|faithfully)|kind regards"
)


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    data = yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {key: [str(p) for p in phrases] for key, phrases in data.items()}


def _builtin() -> dict[str, list[str]]:
    """The stock phrases per language."""
    return {key: phrases for key, phrases in _data().items() if key != "letter_courtesies"}


def answers_letter(message: str) -> bool:
    """True when the message is written as a letter, with a formal salutation or sign-off."""
    return LETTER.search(fold(message[:LETTER_SCAN])) is not None


def stock_phrases(language: str) -> list[str]:
    """The built-in stock phrases for a language (empty for languages without a list)."""
    return list(_builtin().get(language, []))


def find_stock_phrases(text: str, banned: tuple[str, ...] = (), *, letter: bool = False) -> list[str]:
    """Stock or banned phrases found in text, ignoring case, umlauts and one inserted word; in a reply to a
    letter (`letter`) its courteous thank-you opener does not count, unless the brand banned it."""
    tokens = re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(text))
    folded, present = " ".join(tokens), set(tokens)
    excused = set(_data().get("letter_courtesies", [])) - set(banned) if letter else set()
    # Only phrases whose rarest word occurs at all are worth a regex search (most drafts: none).
    return [
        phrase
        for phrase, anchor in _anchors(banned)
        if anchor in present and phrase not in excused and _phrase_rx(phrase).search(folded)
    ]


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
