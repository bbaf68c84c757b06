"""Language identification: fast stopword vote for German/English, py3langid for the rest."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from assistant.text import QUOTED_SPAN, STOPWORDS_DE, STOPWORDS_EN, table, words

UNDETERMINED = "und"
_GERMAN_CHARS = re.compile(r"[äöüß]", re.IGNORECASE)
_EN_ONLY = STOPWORDS_EN - STOPWORDS_DE
_DE_ONLY = STOPWORDS_DE - STOPWORDS_EN
_DE_HINTS: frozenset[str] = frozenset(table("language_hints")["de"])
_EN_HINTS: frozenset[str] = frozenset(table("language_hints")["en"])
# Place names keep their umlauts in English too ("5 spots in Neukölln"): they are no vote for German.
_MEMES = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(m) for m in table("language_hints").get("memes", [])) + r")(?!\w)", re.IGNORECASE
)
PLACE_NAMES: tuple[str, ...] = tuple(name for names in table("places").values() for name in names)
_PLACES: frozenset[str] = frozenset(name for name in PLACE_NAMES if " " not in name)


# Log-probability points by which a language the brand speaks may trail the statistical model's first
# guess and still win: on a few words the model confuses English with Portuguese or Hausa.
LIKELY_MARGIN = 10.0


SHORT_TEXT = 6  # words


def detect_language(text: str, *, thorough: bool = True, likely: Collection[str] = ()) -> str:
    """ISO 639-1 code of the text's language, or 'und' when undecided.

    `thorough=False` skips the statistical model (0.5 s to load) and answers 'und' where the
    German/English vote is inconclusive: enough for checking our own drafts.
    """
    tokens = [w.lower() for w in words(text) if not w.isdigit()]
    if not tokens:
        return UNDETERMINED
    # a quoted name in the other language votes for nothing either: 'macht ihr ne "dark roast of the dead" edition??'
    own = [w.lower() for w in words(QUOTED_SPAN.sub(" ", _MEMES.sub(" ", text))) if not w.isdigit()]
    tokens = own or tokens  # "shut up and take my money 😂 1 mühle bitte": the meme votes for nothing
    de, en = _votes(tokens)
    # "Unser Café-Hopping in Tag 3", "in my moka pot": in a short text one unopposed word decides
    covered = (de + en) / len(tokens) >= 0.3 or len(tokens) <= 3 or (len(tokens) <= SHORT_TEXT and min(de, en) == 0)
    if de != en and max(de, en) >= 1 and covered:
        return "de" if de > en else "en"
    if sum(len(t) for t in tokens) < 4 or not thorough:
        return UNDETERMINED
    return _langid(text, likely)


def votes(text: str) -> tuple[float, float]:
    """The German and the English vote of a text (its words that only one of the two languages has)."""
    return _votes([w.lower() for w in words(text) if not w.isdigit()])


def _votes(tokens: list[str]) -> tuple[float, float]:
    de = sum(1 for t in tokens if t in _DE_ONLY or t in _DE_HINTS)
    en = sum(1 for t in tokens if t in _EN_ONLY or t in _EN_HINTS)
    umlauts = any(_GERMAN_CHARS.search(t) for t in tokens if t not in _PLACES)
    return de + 1.5 * umlauts, float(en)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Imported lazily: loading the model costs ~0.5 s, and most messages never need it.
    from py3langid import langid

    return langid


def _langid(text: str, likely: Collection[str] = ()) -> str:
    """The model's best language, or a likely one (the brand's) that scores nearly as well."""
    ranked = _identifier().rank(text)
    best, top = ranked[0]
    near = next(((lang, score) for lang, score in ranked if lang in likely), None)
    return str(near[0] if near and top - near[1] <= LIKELY_MARGIN else best)
