"""Text helpers shared by analysis, composing and checks: folding, words, stopwords."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import yaml

from assistant.defaults import DATA_DIR

_UMLAUT = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_DIGRAPH = re.compile(r"(ae|oe|ue)")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A span in quotes ("...", „...“, “...”): a name or a line the writer quotes, not their own words
QUOTED_SPAN = re.compile(r'"([^"\n]{1,60})"|„([^“”\n]{1,60})[“”]|“([^”\n]{1,60})”')
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, strip accents, fold umlauts (ä, ae -> a) and invisible characters for matching."""
    text = _INVISIBLE.sub("", text).casefold().translate(_UMLAUT)
    if not text.isascii():  # ASCII has no accents to strip (most text, after the umlauts)
        text = strip_marks(unicodedata.normalize("NFKD", text))
    return _DIGRAPH.sub(lambda m: m.group(1)[0], text)


class _Marks(dict[int, int | None]):
    """A str.translate table that drops combining marks, filled as characters are first seen."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        if len(self) < _MARKS_CAP:  # bounded: text cycling through all of Unicode cannot grow it for ever
            self[code] = kept
        return kept


_MARKS_CAP = 20_000
_MARKS = _Marks()


def strip_marks(text: str) -> str:
    """The text without combining marks (after NFD or NFKD: the accents of letters)."""
    return text.translate(_MARKS)


def fold_pattern(pattern: str) -> str:
    """Fold the letters of a lowercase regex pattern the way `fold` folds text."""
    return _DIGRAPH.sub(lambda m: m.group(1)[0], pattern.translate(_UMLAUT))


def has_phrase(text: str, phrase: str, *, whole: bool = True) -> bool:
    """True when the phrase stands in the text as words of its own (`whole`), or at least at a word start."""
    return find_phrase(text, phrase, whole=whole) >= 0


def find_phrase(text: str, phrase: str, *, whole: bool = True) -> int:
    """Where the phrase first stands in the text as words of its own (`whole`) or at a word start; -1 if nowhere."""
    if not phrase or phrase not in text:  # most phrases are absent: no pattern needed
        return -1
    match = _phrase_rx(phrase, whole).search(text)
    return match.start() if match else -1


@lru_cache(maxsize=8192)  # the same names and keywords are looked for in every message: compile each once
def _phrase_rx(phrase: str, whole: bool) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}" + (r"(?!\w)" if whole else ""))


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


@lru_cache(maxsize=32)
def table(name: str) -> Any:
    """A data table shipped in assistant/data (YAML), loaded once."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


STOPWORDS_DE: frozenset[str] = frozenset(table("stopwords")["de"])
STOPWORDS_EN: frozenset[str] = frozenset(table("stopwords")["en"])
_STOP_FOLDED = frozenset(fold(w) for w in STOPWORDS_DE | STOPWORDS_EN)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of the shipped lexicon, folded (lina.19.bln starts with one; "Klaus Weber" is a person)."""
    return frozenset(fold(n) for n in table("lexicon")["first_names"])


def is_stopword(word: str) -> bool:
    """True for German or English function words."""
    return fold(word) in _STOP_FOLDED


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def csv_safe(value: object) -> str:
    """A CSV cell that spreadsheets never run as a formula (OWASP: prefix a quote)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_unsafe(text: str) -> str:
    """The value csv_safe was given (for reading our own CSV back)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text
