"""From model probabilities and precise cues to the analysis' verdicts: intent, wants, mood, confidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.analysis.intents import rank_intents
from assistant.models import Emotion, Intent, Sentiment, Wants

# Intents that pull in a team: they need something of ours in the message (an order, a product, money).
OPERATIONAL = frozenset(
    {"refund_request", "order_status", "delivery_problem", "damaged_or_wrong_item", "defect", "billing",
     "order_via_message"}
)  # fmt: skip
SECONDARY_MIN = 0.2  # a second intent needs at least this probability
CONCERN_MIN = 0.05  # a complaint about service borrows the likeliest order concern above this
SARCASM_MIN = 0.35  # chosen on the dev split
LOW_CONFIDENCE = 0.5
KNOWN_MIN = 0.5  # below this share of words the model has seen, the reading is shaky
STRONG_CUE = 3.0
PROFANITY = re.compile(
    r"idiot|dumm|scheiss|scheiß|shit|fuck|kack|arsch|wichser|hure|fotze|spast|trottel|penner|bitch|"
    r"schwachkopf|vollidiot|depp|nazi|dreck|verpiss|halt.?s maul|bastard|asshole|moron",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    """The intent and its runners-up, with the model's probability of the intent."""

    intent: Intent
    secondary: list[Intent]
    probability: float


def decide_intent(probabilities: dict[str, float], text: str, *, injection: bool, thread_concern: str) -> Verdict:
    """The most likely intent, corrected where precise rules know better; runners-up as secondary intents."""
    ranked = sorted(probabilities, key=lambda i: -probabilities[i])
    intent = _corrected(ranked[0], text, injection)
    secondary = [i for i in ranked[1:3] if probabilities[i] >= SECONDARY_MIN and i != intent]
    if thread_concern in OPERATIONAL and thread_concern not in (intent, *secondary):
        secondary.append(thread_concern)
    if intent == "service_complaint" and not OPERATIONAL & set(secondary):
        concern = next((i for i in ranked if i in OPERATIONAL and probabilities[i] >= CONCERN_MIN), None)
        secondary += [concern] if concern else []
    return Verdict(intent, secondary[:3], probabilities.get(intent, 0.0))  # type: ignore[arg-type]


def _corrected(top: str, text: str, injection: bool) -> Intent:
    if top == "praise" and PROFANITY.search(text):  # "toll gemacht, ihr Idioten" is not praise
        return "troll"
    if top == "praise" and text.lstrip().startswith("@"):  # praise for another commenter, not for us
        return "other"
    if injection and top in ("product_question", "praise", "other", "criticism"):
        return "other"
    return top  # type: ignore[return-value]


def thread_concern(scores: dict[str, float]) -> str:
    """The thread's concern by its precise cues ('other' when none)."""
    return rank_intents(scores)[0]


def decide_sarcasm(probability: float, markers: list[str]) -> bool:
    """Sarcasm when the model says so, or irony markers sit on praise-like words in a complaint."""
    strong = "i:emoji" in markers or "i:phrase" in markers or "i:quoted" in markers
    return probability >= SARCASM_MIN or (strong and "i:mixed" in markers and probability >= SARCASM_MIN / 2)


def decide_sentiment(probabilities: dict[str, float], *, sarcasm: bool, text: str) -> Sentiment:
    """The model's sentiment; irony and insults are never positive."""
    best = max(probabilities, key=probabilities.__getitem__)
    if best == "positive" and (sarcasm or PROFANITY.search(text)):
        return "negative"
    return best  # type: ignore[return-value]


def decide_emotion(probabilities: dict[str, float], *, sarcasm: bool) -> Emotion:
    """The model's emotion; a sarcastic message is not happy."""
    allowed = {e: p for e, p in probabilities.items() if not (sarcasm and e in ("happy", "neutral"))}
    return max(allowed, key=allowed.__getitem__)  # type: ignore[return-value]


def decide_wants(probabilities: dict[str, float]) -> Wants:
    """What the person wants from us, as the model reads it."""
    return max(probabilities, key=probabilities.__getitem__)  # type: ignore[return-value]


def confidence(verdict: Verdict, cue_scores: dict[str, float], known: float) -> tuple[float, str | None]:
    """How sure the intent is (0-1) and, when low, why: no intent matched, conflicting cues, unknown words."""
    value = verdict.probability * (1.0 if known >= KNOWN_MIN else 0.6 + 0.8 * known)
    cue_top = rank_intents(cue_scores)[0]
    conflict = cue_top not in ("other", verdict.intent) and cue_scores.get(cue_top, 0.0) >= STRONG_CUE
    value *= 0.8 if conflict else 1.0
    if value >= LOW_CONFIDENCE:
        return round(value, 3), None
    if known < KNOWN_MIN:
        return round(value, 3), "many words the model has never seen"
    if conflict:
        return round(value, 3), f"conflicting cues: the wording also points to {cue_top.replace('_', ' ')}"
    if not cue_scores:
        return round(value, 3), "no intent matched clearly"
    return round(value, 3), "several intents are about equally likely"
