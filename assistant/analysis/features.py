"""Features of a message for the linear models: words, word pairs, stems, thread words, cue hits, and
letter n-grams within words.

Letter n-grams outnumber the words: in one l2-normalised vector they drowned them (feature version 4
dropped them: dev macro-F1 of the intent 0.678 with them, 0.716 without). Since version 5 they form a
block of their own ("c:" features), normalised on its own and weighted below the words
(training.LETTER_WEIGHT). Trained on the train split and scored on dev, the model alone: intent macro-F1
0.886 -> 0.898 (sentiment and emotion +0.004); the whole analysis at the shipped settings: 0.872 -> 0.888.

Training (assistant/analysis/training.py) and scoring (classifier.py) both call `features`, so the
model always sees the same features it was trained on.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from assistant.analysis.classifier import LETTERS
from assistant.analysis.intents import cue_scores
from assistant.analysis.irony import markers
from assistant.analysis.normal import read
from assistant.models import Reading

HEAD_CAP = 2_000  # characters of a long message whose intent, mood and keywords are read (its start)
TOKEN_CAP = 400  # tokens of the message that are featurised
THREAD_CAP = 200  # tokens of the thread
THREAD_TAIL = 3  # the latest earlier messages that are featurised
FEATURE_VERSION = 5  # bump when the features change: the model must be rebuilt
LETTER_CAP = 1_000  # characters of the message whose letter n-grams are featurised
LETTER_SIZES = range(1, 5)  # n-gram lengths, within a word padded by spaces


def features(reading: Reading, thread: Reading | None = None, cues: Iterable[str] = ()) -> list[str]:
    """The feature strings of a message (repeated features count more)."""
    tokens = [_word(t) for t in reading.tokens[:TOKEN_CAP]]
    found = [f"w:{t}" for t in tokens]
    found += [f"b:{a} {b}" for a, b in pairwise(tokens)]
    found += [f"s:{s}" for s in reading.stems[:TOKEN_CAP] if s.isalpha()]
    if thread is not None:
        found += [f"t:{s}" for s in thread.stems[-THREAD_CAP:] if s.isalpha()]
        found += [f"tk:{intent}" for intent in sorted(cue_scores(thread.folded))]
    found += list(cues)
    return found + letter_grams(reading.folded)


def letter_grams(text: str) -> list[str]:
    """The letter n-grams of every word, padded by a space on each side (" kaf", "ffee ")."""
    grams = []
    for word in text[:LETTER_CAP].split():
        padded = f" {word} "
        for size in LETTER_SIZES:
            grams += [LETTERS + padded[i : i + size] for i in range(len(padded) - size + 1)]
    return grams


def _word(token: str) -> str:
    """Numbers by length only: an order number is a shape, not a word."""
    return f"#{len(token)}" if token.isdigit() else token


def thread_reading(thread: list[str]) -> Reading | None:
    """The latest earlier messages of a conversation, read as one text (None without a thread)."""
    return read("\n".join(thread[-THREAD_TAIL:])[-HEAD_CAP:]) if thread else None  # a long thread: its end


def signals(reading: Reading, cues: dict[str, float] | None = None, marks: list[str] | None = None) -> list[str]:
    """Cue hits and irony markers as features (the model learns how far to trust each)."""
    cues = cue_scores(reading.folded) if cues is None else cues
    return [f"k:{intent}" for intent in sorted(cues)] + (markers(reading) if marks is None else marks)
