"""The message read once: folded text, word tokens and light stems that every analysis module shares."""

from __future__ import annotations

import re

from assistant.models import Reading
from assistant.text import fold

# Words, numbers, and single symbols (?, !, emoji); bounded so a run of 8,000 letters is cheap.
TOKEN = re.compile(r"[^\W\d_]{1,40}|\d{1,40}|[^\w\s]")
WORD = re.compile(r"[^\W\d_]{1,40}")
# Longest first; a stem keeps at least MIN_STEM letters ("Tüten" -> "tut", "shipping" -> "ship").
SUFFIXES = (
    "ungen", "ingly", "ungs", "heit", "keit", "lich", "ing", "ung", "ies", "ern", "est", "ed", "en",
    "er", "es", "em", "et", "st", "ly", "e", "s", "n", "t", "y",
)  # fmt: skip
MIN_STEM = 3
VARIATION = re.compile(r"[\ufe0e\ufe0f]")
# A unit of up to eight characters repeated eight times or more ("!!!!!!!!", "hahahahahaha", 8,000 x "<|")
# says no more than four repetitions do; collapsing it keeps every later scan short.
REPEATED = re.compile(r"(.{1,8}?)\1{7,2000}", re.DOTALL)


def read(text: str) -> Reading:
    """Fold the text once and split it into tokens and stems."""
    folded = collapse(VARIATION.sub("", fold(text)))
    tokens = TOKEN.findall(folded)
    return Reading(folded=folded, tokens=tokens, stems=[stem(t) for t in tokens])


def collapse(text: str) -> str:
    """Long repetitions of a short unit shortened to four repetitions."""
    return REPEATED.sub(r"\1\1\1\1", text)


def stem(token: str) -> str:
    """A light German/English stem of a folded word: the first fitting suffix removed."""
    if len(token) <= MIN_STEM + 1 or not token.isalpha():
        return token
    for suffix in SUFFIXES:
        if suffix == "ies" and token.endswith("eies"):
            continue  # "koffeinfreies" is "koffeinfrei" with "-es", not an English plural in "-ies"
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM:
            return _undouble(token[: -len(suffix)])
    return token


def _undouble(stemmed: str) -> str:
    """'shipp' -> 'ship', 'stopp' -> 'stop' (a doubled final consonant left by -ing/-ed)."""
    if len(stemmed) > MIN_STEM + 1 and stemmed[-1] == stemmed[-2] and stemmed[-1] not in "aeiouls":
        return stemmed[:-1]
    return stemmed


def words_of(reading: Reading) -> list[str]:
    """Only the letter tokens of a reading."""
    return [t for t in reading.tokens if t.isalpha()]
