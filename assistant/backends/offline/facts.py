"""Which of the profile's facts answer a message: keyword and intent matching."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis.answers import fact_words
from assistant.models import Analysis
from assistant.profiles.loading import Fact, VoiceProfile
from assistant.text import fold, is_stopword


def relevant_facts(text: str, analysis: Analysis, profile: VoiceProfile, limit: int = 2) -> list[Fact]:
    """Facts whose keywords occur in the text (or which serve the intent), best first."""
    folded = fold(text)
    scored = []
    for index, fact in enumerate(profile.brand.facts):
        hits = [k for k in fact_words(fact) if _names(k, folded)]  # keywords and their synonyms
        score = 2.0 * len(hits) + (3.0 if analysis.intent in fact.intents else 0.0)
        score += 0.01 * sum(len(h) for h in hits)  # on a tie, the more specific keyword wins (fresh over bag)
        score += 0.5 * any(i in fact.intents for i in analysis.secondary_intents)
        if score:
            scored.append((score, -index, fact))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [fact for _, _, fact in scored[:limit]]


SHORT_KEYWORD = 4  # letters: a keyword this short may start a function word ("abo" in "about", "bio" no)


def _names(keyword: str, folded: str) -> bool:
    """The folded text names the keyword at a word start, never as the start of a function word."""
    if len(keyword) > SHORT_KEYWORD:
        return bool(_keyword_rx(keyword).search(folded))
    return any(not is_stopword(w.group()) for w in _word_rx(keyword).finditer(folded))


@lru_cache(maxsize=512)
def _word_rx(keyword: str) -> re.Pattern[str]:
    # a short keyword with an ending ("abos", "tüten") or a hyphen ("abo-preis"), never a longer word ("sour" is not
    # "sourced")
    return re.compile(rf"(?<!\w){re.escape(fold(keyword))}(?:\w{{0,2}}(?!\w)|-[\w-]*)")


@lru_cache(maxsize=512)
def _keyword_rx(keyword: str) -> re.Pattern[str]:
    # Keywords match at a word start, so "recycl" finds "recyclebar" but "abo" not "zabou".
    return re.compile(rf"(?<!\w){re.escape(fold(keyword))}")


def relevant_tips(text: str, profile: VoiceProfile) -> list[Fact]:
    """Brand-free tips (for comments on other creators' posts) whose keywords occur in text."""
    folded = fold(text).replace("-", " ")  # "no-spend weekend" names the "no spend" keyword
    hits = {tip.id: [k for k in fact_words(tip) if _keyword_rx(k).search(folded)] for tip in profile.brand.tips}
    longer = [k for found in hits.values() for k in found]
    return [
        tip
        for tip in profile.brand.tips
        if hits[tip.id] and not all(any(k != o and k in o for o in longer) for k in hits[tip.id])
    ]  # "overnight" inside "overnight oats": the oats tip, not the dough one


def fact_mentions(fact: Fact, word: str) -> bool:
    """True when a word of the message is one of the fact's keywords (or starts with one)."""
    folded = fold(word)
    return any(folded.startswith(fold(k)) for k in fact.keywords if " " not in k)
