"""Message analysis: language, intent, sentiment, urgency, entities, PII, escalation, injection."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from assistant.analysis.intents import (
    NEGATIVE,
    POSITIVE,
    URGENT,
    count,
    injection_suspected,
    intent_scores,
    rank_intents,
)
from assistant.analysis.language import UNDETERMINED, detect_language
from assistant.analysis.pii import find_pii
from assistant.defaults import MESSAGE_SOFT_CAP
from assistant.models import Analysis, Entities, Escalation, Intent, Message, Span
from assistant.profiles.loading import VoiceProfile
from assistant.text import fold, is_stopword, words

# Intents that pull in a team: they need something of ours in the message (an order, a product, money).
OPERATIONAL = frozenset(
    {
        "refund_request",
        "order_status",
        "delivery_problem",
        "damaged_or_wrong_item",
        "defect",
        "billing",
        "order_via_message",
    }
)
BRAND_WORDS = re.compile(
    r"kaffee|coffee|bohne|beans?\b|espresso|paket|parcel|package|bestell|order|liefer|deliver|versand|ship|"
    r"abo\b|subscription|mühle|muehle|grinder|tüte|bag|geld|money|refund|erstatt|rechnung|invoice|abbuch|charge|"
    r"zahl|pay|shop|dhl|hermes|sendung|tracking|retour|return|ersatz|kaputt|broken|damaged|defekt|scherben|tasse|"
    r"falsch\w* (?:sorte|artikel)",
    re.IGNORECASE,
)
NEGATIVE_INTENTS = frozenset(
    {"refund_request", "damaged_or_wrong_item", "defect", "billing", "delivery_problem", "criticism", "troll"}
)
# Intents whose keyword triggers alone must not pull a team in ("the parcel came so fast, thanks!").
NO_TRIGGER_INTENTS = frozenset({"praise", "spam", "troll", "collaboration", "product_question"})
PROFANITY = re.compile(
    r"idiot|dumm|scheiss|scheiß|shit|fuck|kack|arsch|wichser|hure|fotze|spast|trottel|penner|bitch|"
    r"schwachkopf|vollidiot|depp|nazi|dreck|verpiss|halt.?s maul|bastard|asshole|moron",
    re.IGNORECASE,
)
ADJECTIVE_ENDING = re.compile(r"(?:lich|ig|isch|los|voll|haft|bar|ous|ful|less|ly|ive|able|ing|ed)$")
AMOUNT = re.compile(
    r"(?:€|\$|chf)\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:€|euro\b|eur\b|\$|chf\b|dollar)", re.I
)
DATE = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\b(?:mon|diens|mitt|donners|frei|sams|sonn)tag\b|\bmittwoch\b|"
    r"\b(?:gestern|vorgestern|heute|morgen|letzte[rn]? woche|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tomorrow|last week)\b",
    re.I,
)


def analyse(message: Message, profile: VoiceProfile) -> Analysis:
    """Analyse one incoming message against a voice profile."""
    text = message.text[:MESSAGE_SOFT_CAP]
    subject = text if message.mode == "reply" else f"{message.post or ''}\n{text}".strip()
    detected = detect_language(subject)
    language, notes = answer_language(detected, profile)
    ranked = ["other"] if message.mode == "outreach" else _with_thread(rank_intents(intent_scores(text)), message)
    injection = injection_suspected(subject)
    intent = _primary_intent(ranked, injection, text)
    if intent in OPERATIONAL and not about_the_brand(f"{text}\n{' '.join(message.thread)}", profile):
        ranked, intent = [i for i in ranked if i not in OPERATIONAL] or ["other"], "other"
    pii = find_pii(text, profile.brand.order_number_pattern)
    entities = _entities(subject, pii, profile)
    escalation = None if message.mode == "outreach" else _escalation(text, intent, ranked, profile)
    sentiment = _sentiment(subject, intent)
    notes += _notes(message, intent, injection)
    return Analysis(
        language=language,
        detected_language=detected,
        intent=intent,
        secondary_intents=[i for i in ranked[1:3] if i != intent],
        sentiment=sentiment,
        urgency=_urgency(text, sentiment, escalation is not None),
        entities=entities,
        pii=pii,
        escalation=escalation,
        injection_suspected=injection,
        recommend_reply=intent != "spam",
        notes=notes,
    )


def about_the_brand(text: str, profile: VoiceProfile) -> bool:
    """True when the message mentions something of the brand's business (orders, products, money)."""
    return bool(
        BRAND_WORDS.search(text) or find_products(text, profile) or find_pii(text, profile.brand.order_number_pattern)
    )


def answer_language(detected: str, profile: VoiceProfile) -> tuple[str, list[str]]:
    """The language to answer in, and a note when it differs from the detected one."""
    if detected in profile.brand.languages:
        return detected, []
    default = profile.brand.default_language
    if detected == UNDETERMINED:
        return default, []
    return default, [f"message looks like '{detected}'; answering in '{default}', the brand's default"]


def _with_thread(ranked: list[str], message: Message) -> list[str]:
    """A follow-up ("Hier ist sie: 60912") inherits the thread's concern when it has none of its own."""
    if ranked[0] not in ("other", "product_question") or not message.thread:
        return ranked
    earlier = rank_intents(intent_scores("\n".join(message.thread[-3:])))
    return [earlier[0], *ranked] if earlier[0] in OPERATIONAL else ranked


def _primary_intent(ranked: list[str], injection: bool, text: str) -> Intent:
    top = ranked[0]
    if top == "praise" and PROFANITY.search(text):  # "toll gemacht, ihr Idioten" is not praise
        return "troll"
    if top == "praise" and text.lstrip().startswith("@"):  # praise for another commenter, not for us
        return "other"
    if injection and top in ("product_question", "praise", "other", "criticism"):
        return "other"
    return top  # type: ignore[return-value]


def _sentiment(text: str, intent: str) -> str:
    score = count(POSITIVE, text) - count(NEGATIVE, text)
    score += 2 if intent == "praise" else -2 if intent in NEGATIVE_INTENTS else 0
    return "positive" if score >= 1 else "negative" if score <= -1 else "neutral"


def _urgency(text: str, sentiment: str, escalated: bool) -> str:
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6
    urgent = count(URGENT, text) > 0
    if (urgent and (sentiment == "negative" or escalated)) or shouting:
        return "high"
    return "medium" if escalated or sentiment == "negative" else "low"


def _without_injection(text: str) -> str:
    """The text minus sentences that try to instruct the assistant (never echo those)."""
    if not injection_suspected(text):
        return text
    parts = re.split(r"(?<=[.!?\n])\s+", text)
    return " ".join(p for p in parts if not injection_suspected(p))


def _entities(text: str, pii: list[Span], profile: VoiceProfile) -> Entities:
    by_kind = {kind: [s.text for s in pii if s.kind == kind] for kind in ("order_id", "email", "phone")}
    return Entities(
        order_ids=_unique(by_kind["order_id"]),
        products=find_products(text, profile),
        amounts=_unique(m.group().strip() for m in AMOUNT.finditer(text)),
        dates=_unique(m.group() for m in DATE.finditer(text)),
        emails=_unique(by_kind["email"]),
        phones=_unique(by_kind["phone"]),
        keywords=keywords(_without_injection(text), exclude=[s.text for s in pii]),
    )


def find_products(text: str, profile: VoiceProfile) -> list[str]:
    """Canonical names of the profile's products mentioned in text, in order of appearance."""
    folded = fold(text)
    tokens = [fold(w) for w in words(text)]
    found = []
    for name, aliases in _product_aliases(profile):
        positions = [_position(folded, tokens, alias) for alias in aliases]
        hits = [p for p in positions if p is not None]
        if hits:
            found.append((min(hits), name))
    return [name for _, name in sorted(found)]


def _product_aliases(profile: VoiceProfile) -> list[tuple[str, list[str]]]:
    return _aliases_cached(tuple((p.name, tuple(p.aliases)) for p in profile.brand.products))


@lru_cache(maxsize=16)
def _aliases_cached(products: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, list[str]]]:
    return [(name, [fold(a) for a in (name, *aliases)]) for name, aliases in products]


def _position(folded: str, tokens: list[str], alias: str) -> int | None:
    match = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", folded)
    if match:
        return match.start()
    if " " in alias or len(alias) < 7:
        return None
    near = next((t for t in tokens if len(t) >= 6 and fuzz.ratio(t, alias) >= 88), None)
    return folded.find(near) if near else None


def keywords(text: str, *, exclude: list[str] = (), limit: int = 6) -> list[str]:  # type: ignore[assignment]
    """The person's own content words, nouns first: no stopwords, numbers, insults or personal data."""
    skip = {fold(w) for e in exclude for w in words(e)}
    scored: dict[str, tuple[float, str]] = {}
    plain = re.sub(r"https?://\S+|www\.\S+|\S+@\S+|@\w+|#\w+", " ", text)
    for position, (word, initial) in enumerate(_words_with_position(plain)):
        key = fold(word)
        if len(word) < 4 or is_stopword(word) or key in scored or key in skip:
            continue
        if PROFANITY.search(word) or any(c.isdigit() for c in word):
            continue
        scored[key] = (_keyword_score(word, initial) - position / 100, word)
    ranked = sorted(scored.values(), key=lambda item: -item[0])
    return [word for _, word in ranked[:limit]]


def _words_with_position(text: str) -> list[tuple[str, bool]]:
    """Words with a flag for sentence-initial position (where German capitals say nothing)."""
    result = []
    for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
        result += [(w, i == 0) for i, w in enumerate(words(sentence))]
    return result


def _keyword_score(word: str, initial: bool) -> float:
    score = (1.5 if initial else 2.0) if word[0].isupper() else 0.0
    score += 1.0 if len(word) >= 7 else 0.0
    score += 0.5 if len(word) >= 10 else 0.0
    return score - (1.5 if ADJECTIVE_ENDING.search(word.lower()) and word[0].islower() else 0.0)


def _escalation(text: str, intent: str, ranked: list[str], profile: VoiceProfile) -> Escalation | None:
    for team, rule in profile.brand.escalation.items():
        if intent in rule.intents:
            return Escalation(team=team, reason=f"{intent.replace('_', ' ')}")
    if intent in NO_TRIGGER_INTENTS:
        return None
    folded = fold(text)
    for team, rule in profile.brand.escalation.items():
        hit = next((t for t in rule.triggers if fold(t) in folded), None)
        if hit:
            return Escalation(team=team, reason=f"mentions '{hit}'")
    return None


def _notes(message: Message, intent: str, injection: bool) -> list[str]:
    notes = []
    if len(message.text) > MESSAGE_SOFT_CAP:
        notes.append(f"message is {len(message.text):,} characters; analysed the first {MESSAGE_SOFT_CAP:,}")
    if intent == "spam":
        notes.append("looks like spam: better not to reply; hide or report it (its links are never repeated)")
    if injection:
        notes.append("the message tries to give the assistant instructions; they are treated as text, not obeyed")
    return notes


def _unique(items: object) -> list[str]:
    return list(dict.fromkeys(items))  # type: ignore[call-overload]
