"""Text helpers shared by analysis, composing and checks: folding, words, stopwords."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UMLAUT = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_DIGRAPH = re.compile(r"(ae|oe|ue)")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, strip accents, fold umlauts (ä, ae -> a) and invisible characters for matching."""
    text = _INVISIBLE.sub("", text).casefold().translate(_UMLAUT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _DIGRAPH.sub(lambda m: m.group(1)[0], text)


def fold_pattern(pattern: str) -> str:
    """Fold the letters of a lowercase regex pattern the way `fold` folds text."""
    return _DIGRAPH.sub(lambda m: m.group(1)[0], pattern.translate(_UMLAUT))


def words(text: str) -> list[str]:
    """Word tokens in order (letters and digits, inner hyphens and apostrophes kept)."""
    return _WORD.findall(text)


def clean(text: str) -> str:
    """Remove invisible control characters and collapse whitespace."""
    text = _INVISIBLE.sub("", text).replace("\x00", "")
    return re.sub(r"\s+", " ", text).strip()


def shorten(text: str, limit: int, marker: str = "…") -> str:
    """Cut text to at most `limit` characters at a word boundary, with a marker."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(marker))]
    if " " in cut[len(cut) // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–") + marker


def sentences(text: str) -> list[str]:
    """Split text into sentences (keeps the end punctuation)."""
    return [s for s in re.split(r"(?<=[.!?…])\s+", text.strip()) if s]


STOPWORDS_DE = frozenset(
    [
        "aber",
        "alle",
        "allem",
        "allen",
        "aller",
        "alles",
        "als",
        "also",
        "am",
        "an",
        "andere",
        "anderen",
        "auch",
        "auf",
        "aus",
        "bei",
        "beim",
        "bin",
        "bis",
        "bitte",
        "bist",
        "da",
        "dann",
        "das",
        "dass",
        "dem",
        "den",
        "denn",
        "der",
        "des",
        "dich",
        "die",
        "dies",
        "diese",
        "diesem",
        "diesen",
        "dieser",
        "dir",
        "doch",
        "dort",
        "du",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "er",
        "es",
        "etwas",
        "euch",
        "euer",
        "eure",
        "für",
        "gar",
        "gibt",
        "hab",
        "habe",
        "haben",
        "hat",
        "hatte",
        "hätte",
        "ich",
        "ihr",
        "im",
        "immer",
        "in",
        "ist",
        "ja",
        "jetzt",
        "kann",
        "kein",
        "keine",
        "man",
        "mal",
        "mehr",
        "mein",
        "meine",
        "meinen",
        "meiner",
        "mich",
        "mir",
        "mit",
        "muss",
        "nach",
        "nicht",
        "nichts",
        "noch",
        "nur",
        "ob",
        "oder",
        "ohne",
        "schon",
        "sehr",
        "sein",
        "seine",
        "sich",
        "sie",
        "sind",
        "so",
        "sollte",
        "statt",
        "um",
        "und",
        "uns",
        "unser",
        "unsere",
        "von",
        "vor",
        "war",
        "waren",
        "warum",
        "was",
        "weil",
        "wenn",
        "wer",
        "werden",
        "wie",
        "wieder",
        "wir",
        "wird",
        "wo",
        "zu",
        "zum",
        "zur",
        "über",
        "ganz",
        "gerne",
        "gern",
        "heute",
        "hier",
        "halt",
        "eigentlich",
        "einfach",
        "leider",
        "mein",
        "euren",
        "eurem",
        "eurer",
        "kommt",
        "kam",
        "wurde",
        "geht",
        "hallo",
        "hallöchen",
        "moin",
        "servus",
        "welcher",
        "welches",
        "welchen",
        "finde",
        "drin",
        "seit",
        "keiner",
        "niemand",
        "wirklich",
        "echt",
        "okay",
        "danke",
        "vielen",
        "lieben",
        "liebe",
        "grüße",
        "gruß",
        "ihnen",
        "ihrem",
        "ihren",
        "ihrer",
        "euch",
    ]
)
STOPWORDS_EN = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doesn't",
        "don't",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "how",
        "i",
        "i'm",
        "if",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "its",
        "just",
        "like",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "out",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "too",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "really",
        "very",
        "still",
        "please",
        "thanks",
        "hello",
        "honestly",
        "i've",
        "i'd",
        "you're",
        "we're",
        "they're",
        "that's",
        "there's",
        "hey",
        "okay",
        "thank",
        "dear",
        "best",
        "regards",
    ]
)
_STOP_FOLDED = frozenset(fold(w) for w in STOPWORDS_DE | STOPWORDS_EN)


def is_stopword(word: str) -> bool:
    """True for German or English function words."""
    return fold(word) in _STOP_FOLDED
