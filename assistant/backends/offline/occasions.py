"""A life event that a friendly message mentions (a birthday present, a trip, a move), to wish the person well."""

from __future__ import annotations

import re

from assistant.text import fold, fold_pattern

# The first that matches is the occasion: "Geburtstagsgeschenk" is a birthday, not just a gift.
_OCCASIONS = tuple(
    (name, re.compile(fold_pattern(pattern), re.IGNORECASE))
    for name, pattern in (
        ("own_birthday", r"\bhab(?:e)? (?:heute |morgen |bald |am \w{2,12} )?geburtstag|\bmy (?:birthday|bday)\b"),
        ("birthday", r"geburtstag|birthday|\bb-?day\b"),
        ("wedding", r"hochzeit|\bheirat|wedding|getting married"),
        ("pregnancy", r"schwanger|pregnan|\bstillzeit|breastfeeding"),
        ("opening", r"\b(?:wir|ich) er(?:o|ö)ffne|\b(?:we'?re|we are|i'?m|i am) opening (?:a|our|my)\b"),
        ("move", r"\bumzug|\bumziehen|\bziehe (?:\w{1,20} ){0,4}um\b|\bmoving (?:to|house)\b|\bi'?m moving\b"),
        ("trip", r"urlaub|\bferien\b|\bverreis|vacation|\bholiday|\btravell?ing\b|\bon a trip\b"),
        ("gift", r"geschenk(?!t)|verschenk|\bschenk(?:e|en|st)?\b|\bgift(?!ed)|\b(?:a|as a|the) present\b"),
    )
)


def occasion(text: str) -> str:
    """The life event a message mentions ("birthday", "trip", ...), or ""."""
    folded = fold(text[:2000])
    return next((name for name, pattern in _OCCASIONS if pattern.search(folded)), "")
