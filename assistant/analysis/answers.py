"""Which profile fact answers a question: keywords by stem and compound, synonyms, places (gazetteer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.analysis.classifier import load_model
from assistant.analysis.features import features
from assistant.analysis.normal import read, stem
from assistant.models import Reading
from assistant.profiles.loading import Fact, VoiceProfile
from assistant.text import fold, table

NO_FACT = "none"  # the question head's class for "no fact answers this"
MIN_SCORE = 1.0  # a fact needs at least one keyword of its own (or a place it covers)
PHRASE, WORD, CONTEXT, INTENT = 2.0, 1.0, 0.25, 0.5


@dataclass(frozen=True)
class Matcher:
    """One fact's folded phrases, stems and the countries it covers."""

    fact: str
    phrases: tuple[str, ...]
    stems: frozenset[str]
    countries: frozenset[str]
    intents: frozenset[str]


def answer(question: str, context: Reading, intent: str, profile: VoiceProfile) -> str | None:
    """The id of the fact that answers the question, or None.

    A question naming a place is answered by the gazetteer rule alone; otherwise the question model
    decides, but only for a fact whose keywords occur in the question or the message around it.
    """
    reading = read(question)
    candidate = keyword_answer(reading, context, intent, profile)
    if countries_in(reading):
        return candidate
    probabilities = load_model("question").predict("fact", question_features(reading, candidate, intent))
    best = max(probabilities, key=probabilities.__getitem__)
    supported = {m.fact for m in matchers(profile) if _hits(m, reading) or _hits(m, context)}
    if best in supported:
        return best
    return candidate if best != NO_FACT else None


def question_features(reading: Reading, candidate: str | None, intent: str) -> list[str]:
    """What the question model sees: the question's n-grams, the keyword match, the intent, places."""
    signals = [f"r:{candidate or NO_FACT}", f"r:{'match' if candidate else 'nomatch'}", f"n:{intent}"]
    return features(reading, None, signals + [f"p:{c}" for c in sorted(countries_in(reading))])


def keyword_answer(reading: Reading, context: Reading, intent: str, profile: VoiceProfile) -> str | None:
    """The fact whose keywords (stems, compounds, synonyms, places) the question names best, or None."""
    places = countries_in(reading)
    scored = []
    for matcher in matchers(profile):
        if places and not (places & matcher.countries):
            continue  # a question about a place only a fact covering that place answers
        score = _hits(matcher, reading) + (1.0 if places else 0.0)
        score += CONTEXT * _hits(matcher, context) + INTENT * (intent in matcher.intents) if score else 0.0
        scored.append((score, matcher.fact))
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= MIN_SCORE else None


def _hits(matcher: Matcher, reading: Reading) -> float:
    phrases = sum(PHRASE for p in matcher.phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", reading.folded))
    words = sum(WORD for s in set(reading.stems) if _stem_hit(s, matcher.stems))
    return phrases + words


def _stem_hit(token: str, stems: frozenset[str]) -> bool:
    """Same stem, a longer form ('recycl' in 'recyclebar') or a compound ending in it ('plastiktut')."""
    if token in stems:
        return True
    return len(token) >= 5 and any(
        (len(s) >= 5 and token.startswith(s)) or (len(s) >= 3 and len(token) >= len(s) + 3 and token.endswith(s))
        for s in stems
    )


def countries_in(reading: Reading) -> frozenset[str]:
    """Country codes of the places a text names ('abroad' for words like Ausland)."""
    gazetteer = _gazetteer()
    found = {gazetteer[t] for t in reading.tokens if t in gazetteer}
    pairs = {f"{a} {b}" for a, b in zip(reading.tokens, reading.tokens[1:], strict=False)}
    return frozenset(found | {gazetteer[p] for p in pairs if p in gazetteer})


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    return {fold(name): country for country, names in table("places").items() for name in names}


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    groups = [frozenset(fold(w) for w in group) for group in table("synonyms")]
    return {word: group for group in groups for word in group}


def matchers(profile: VoiceProfile) -> list[Matcher]:
    """The profile's facts prepared for matching (cached per profile content)."""
    return _matchers(tuple((f.id, tuple(f.keywords), tuple(f.intents), _texts(f)) for f in profile.brand.facts))


def _texts(fact: Fact) -> str:
    return " ".join(fact.text.values())


@lru_cache(maxsize=16)
def _matchers(facts: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...]) -> list[Matcher]:
    return [_matcher(fact_id, keywords, intents, texts) for fact_id, keywords, intents, texts in facts]


def _matcher(fact_id: str, keywords: tuple[str, ...], intents: tuple[str, ...], texts: str) -> Matcher:
    words = {fold(k) for k in keywords}
    words |= {s for w in list(words) for s in _synonyms().get(w, ())}
    phrases = tuple(sorted(w for w in words if " " in w))
    stems = frozenset(stem(w) for w in words if " " not in w)
    covered = countries_in(read(" ".join([*keywords, texts])))
    return Matcher(fact_id, phrases, stems, covered, frozenset(intents))
