"""Irony and sarcasm markers (assistant/data/irony.yaml) and the register of a message."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis.intents import NEGATIVE, POSITIVE, count
from assistant.models import Reading, Register
from assistant.text import fold_pattern, table


@lru_cache(maxsize=1)
def _irony() -> dict[str, re.Pattern[str]]:
    data = table("irony")
    return {
        "emoji": re.compile(data["emoji"]),
        "soft": re.compile(data["soft_emoji"]),
        "phrase": re.compile("|".join(f"(?:{fold_pattern(p)})" for p in data["phrases"])),
        "quoted": re.compile(data["quoted"]),
    }


def markers(reading: Reading) -> list[str]:
    """Names of the irony markers in a message, plus whether it carries positive and negative words."""
    found = [f"i:{name}" for name, rx in _irony().items() if rx.search(reading.folded)]
    positive, negative = count(POSITIVE, reading.folded) > 0, count(NEGATIVE, reading.folded) > 0
    found += ["i:positive"] * positive + ["i:negative"] * negative
    return found + ["i:mixed"] * (positive and negative)


@lru_cache(maxsize=1)
def _register() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], re.Pattern[str]]:
    data = table("register")
    formal = [re.compile(fold_pattern(p)) for p in data["formal"]]
    casual = [re.compile(fold_pattern(p)) for p in data["casual"]]
    return formal, casual, re.compile(data["address"])


def register_of(text: str, reading: Reading) -> Register:
    """Formal when Sie-forms, formal greetings and sign-offs outweigh casual ones."""
    formal, casual, address = _register()
    score = sum(1 for rx in formal if rx.search(reading.folded)) + 2 * bool(address.search(text))
    return "formal" if score > sum(1 for rx in casual if rx.search(reading.folded)) else "casual"


# A meme or a relatable joke ("pov: ...", "me when ...", "ich wenn ...", 😂, 💀).
# A question that gives its own punchline: "how many baristas does it take ...? none, they just wait for it to bloom"
RIDDLE = re.compile(
    r"\?\s{0,3}[-–—]?\s{0,3}(?:none|nobody|zero|keiner|keine|keinen|niemand|null|gar keine?[rn]?|because|weil"
    r"|just one|only one|nur (?:eine?r?|einen)|trick question|fangfrage)\b",
    re.IGNORECASE,
)
# Nouns of our world: a reply picks these up first ("die alte Kaffeemühle" in a post about tidying the attic), and a
# meme under our post must be about them (folded text, "handmühle" too).
OUR_WORLD = re.compile(
    r"kaffee|coffee|espresso|mühle|muhle|grinder|bohne|bean|filter|latte|cappu|crema|röst|rost|roast|brew|barista|☕"
    r"|tasse|\bcups?\b|koffein|caffein"
)
MEME = re.compile(
    r"\bpov\b|\bme when\b|\bich wenn\b|\bwhen you\b|\bwenn du\b|\bniemand\s?:|\bnobody\s?:|\bmeme\b|😂|🤣|💀"
    r"|\bchange my mind\b|\bunpopular opinion\b|\bhot take\b|\bunbeliebte meinung\b"
    r"|^\W{0,3}(?:me|ich) (?:explaining|telling|trying|pretending|erkläre|erklär|versuche|tu so)\b",  # me explaining …
    re.IGNORECASE,
)
