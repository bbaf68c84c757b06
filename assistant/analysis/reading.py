"""Message analysis: read once, then intent, mood, questions, thread, entities, escalation, injection.

The message is folded and tokenised once (`normal.read`); the precise cues (intents.py), the irony
markers and the trained model (classifier.py) all work on that reading. Model probabilities and
precise rules meet in judgement.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from assistant.analysis.answers import MAX_QUESTIONS, answers
from assistant.analysis.classifier import load_model
from assistant.analysis.features import HEAD_CAP, features, signals, thread_reading
from assistant.analysis.injection import injection_fields, injection_suspected
from assistant.analysis.intents import NEGATIVE, POSITIVE, URGENT, count, cue_scores
from assistant.analysis.irony import markers, register_of
from assistant.analysis.judgement import (
    OPERATIONAL,
    PROFANITY,
    Verdict,
    decide_emotion,
    decide_intent,
    decide_sarcasm,
    decide_sentiment,
    decide_wants,
    plain_praise,
    praised_case,
    sincere_praise,
    thread_concern,
)
from assistant.analysis.judgement import confidence as judge_confidence
from assistant.analysis.language import PLACE_NAMES, UNDETERMINED, detect_language
from assistant.analysis.normal import read, words_of
from assistant.analysis.pii import find_pii
from assistant.analysis.questions import find_questions
from assistant.analysis.thread import thread_context
from assistant.defaults import MESSAGE_SOFT_CAP
from assistant.models import Analysis, Entities, Escalation, Message, Question, Reading, Span
from assistant.profiles.loading import VoiceProfile
from assistant.text import find_phrase, fold, has_phrase, is_stopword, words

__all__ = ["PROFANITY", "about_the_brand", "analyse", "find_products", "keywords"]

# Words that tie a message to a shop: an order concern without one of them (or a product or order
# number) is an off-topic rant ("die Zahlen", "nach Ihrer Sendung") and gets no team.
BRAND_WORDS = re.compile(
    r"\b(?:kaffee|coffee|bohne|beans?\b|espresso|paket|päckchen|parcel|package|bestell|order|liefer|deliver|"
    r"versand|versend|verschick|ship|abo\b|subscription|mühle|muehle|grinder|tüte|bag|refund|erstatt|rückerstatt|"
    r"geld zurück|money back|rechnung|invoice|abbuch|abgebucht|charged|paypal|kreditkarte|lastschrift|shop|dhl|"
    r"hermes|dpd|packstation|zusteller|sendungsnummer|sendungsverfolgung|tracking|retour|return|ersatz|kaputt|"
    r"broken|damaged|defekt|scherben|tasse|falsch\w{0,3} (?:sorte|artikel)|gekauft|bought|purchase|kurbel|"
    r"mahlwerk|mahlstufe|grind|workshop|gutschein|voucher|mahnung|payment|paid|bezahl|zahlung|mein geld|my money|"
    r"kohle zurück|meine kohle|rückgabe|zurückschick|zurückgeb|zurücksend|sub\b|sub box|karton|unbox|auspack|"
    r"warranty|garantie|credit card|charges?\b|kilo|abholen|adresse|address|pieces|einzelteil|box(?:es)?\b|"
    r"working days|werktag\w{0,2}|still waiting|ventil|valve|\w{0,12}(?:box|boxen|tüten?|mischung)\b|roast\b|röstung\b"
    r"|to arrive)",
    re.IGNORECASE,
)
ADJECTIVE_ENDING = re.compile(r"(?:lich|ig|isch|los|voll|haft|bar|ous|ful|less|ly|ive|able|ing|ed)$")
AMOUNT = re.compile(
    r"(?:€|\$|chf|eur\b|euro\b)\s?\d{1,9}(?:[.,]\d{1,2})?"
    r"|\d{1,9}(?:[.,]\d{1,2})?\s?(?:€|euros?\b|eur\b|\$|chf\b|dollar)",
    re.I,
)
DATE = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\b(?:mon|diens|mitt|donners|frei|sams|sonn)tag\b|\bmittwoch\b|"
    r"\b(?:gestern|vorgestern|heute|morgen|letzte[rn]? woche|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tomorrow|last week)\b"
    # "am 4. Januar", "on 3 November", "December 14th"
    r"|\b\d{1,2}(?:\.|st|nd|rd|th)? ?(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november"
    r"|dezember|january|february|march|june|july|october|december)\b"
    r"|\b(?:january|february|march|april|june|july|august|september|october|november|december)"
    r" \d{1,2}(?:st|nd|rd|th)?\b",
    re.I,
)
LINKS_AND_HANDLES = re.compile(r"https?://\S{1,300}|www\.\S{1,300}|\S{1,64}@\S{1,255}|@\w{1,40}|#\w{1,60}")
CLEAN_PARTS_CAP = 12  # sentences vetted one by one for injection before keywords are taken (more: none taken)
FUZZY_TOKEN_CAP = 40  # longer "words" are never product names (and fuzzy matching them is slow)


def analyse(message: Message, profile: VoiceProfile) -> Analysis:
    """Analyse one incoming message against a voice profile."""
    text = message.text[:MESSAGE_SOFT_CAP]
    subject = text if message.mode == "reply" else f"{message.post or ''}\n{text}".strip()
    reading = read(subject)
    detected = detect_language(_language_sample(subject, profile), likely=profile.brand.languages)
    language, notes = answer_language(detected, profile)
    fields = injection_fields(message)
    head = read(subject[:HEAD_CAP]) if len(subject) > HEAD_CAP else reading  # a long message: its start
    verdict, mood = _understand(message, text, head, "message" in fields, profile)
    context = thread_context(message, profile)
    pii = find_pii(text, profile.brand.order_number_pattern)
    escalation = None if message.mode == "outreach" else _escalation(verdict, profile, message.text)
    notes += _notes(message, verdict.intent, bool(fields))
    return Analysis(
        language=language,
        detected_language=detected,
        intent=verdict.intent,
        secondary_intents=verdict.secondary,
        urgency=_urgency(text, mood["sentiment"], escalation is not None),
        entities=_entities(subject, pii, profile, reading, context.order_ids, suspected=bool(fields)),
        pii=pii,
        escalation=escalation,
        injection_suspected=bool(fields),
        injection_fields=fields,
        recommend_reply=verdict.intent != "spam",
        notes=notes,
        register=register_of(subject, reading),
        questions=_questions(text, head, verdict.intent, profile) if message.mode == "reply" else [],
        in_dm_already=context.in_dm,
        reading=reading,
        **mood,
    )


def _understand(
    message: Message, text: str, reading: Reading, injection: bool, profile: VoiceProfile
) -> tuple[Verdict, dict[str, Any]]:
    """Intent and mood from the model and the precise cues (outreach: always 'other')."""
    model, thread = load_model(), thread_reading(message.thread)
    cues, marks = cue_scores(reading.folded), markers(reading)
    vector = model.vector(features(reading, thread, signals(reading, cues, marks)))
    heads = {name: head.probabilities(*vector) for name, head in model.heads.items()}
    concern = thread_concern(cue_scores(thread.folded)) if thread else "other"
    if message.mode == "outreach":
        heads["intent"] = {"other": 1.0}
    verdict = decide_intent(heads["intent"], cues, text, injection=injection, thread_concern=concern)
    verdict = _about_us(verdict, message, profile)
    words = len(_LETTER_WORD.findall(text))
    verdict = verdict if message.mode == "outreach" else plain_praise(verdict, marks, words=words, text=text)
    verdict = praised_case(verdict, cues, marks, text=text)
    fond = bool(FOND_SIGNS.search(text))  # "😍", "❤️": sincerity beside plain praise
    sincere = sincere_praise(cues, marks, text=text, fond=fond)
    sarcasm = not sincere and decide_sarcasm(heads["sarcasm"].get("True", 0.0), marks, words=words, fond=fond)
    value, reason = judge_confidence(verdict, cues, model.known_share(words_of(reading)))
    mood: dict[str, Any] = {
        "sarcasm": sarcasm,
        "sentiment": decide_sentiment(
            heads["sentiment"],
            _lexicon(reading),
            verdict.intent,
            sarcasm=sarcasm,
            text=text,
            joking=max(heads["emotion"], key=heads["emotion"].__getitem__) == "joking",
        ),
        "emotion": decide_emotion(heads["emotion"], sarcasm=sarcasm),
        "wants": decide_wants(heads["wants"]),
        "confidence": value,
        "confidence_reason": reason,
    }
    return verdict, mood


def _lexicon(reading: Reading) -> int:
    """Positive minus negative sentiment words; a trouble gone ("nicht mehr bitter") counts for, not against."""
    fixed = len(TROUBLE_GONE.findall(reading.folded))
    return count(POSITIVE, reading.folded) - count(NEGATIVE, reading.folded) + 3 * fixed


# "stufe 25 und der kaffee ist nicht mehr bitter!!!", "no longer sour": a trouble gone (folded text); its two
# negative words ("nicht", "bitter") and one more for the good news
TROUBLE_GONE = re.compile(
    r"\b(?:nicht mehr|no longer) (?:so |zu |too )?(?:bitter|sauer|sour|kaputt|broken|wassrig|watery)\b"
    r"|\bnot (?:bitter|sour|broken|watery) anymore\b"
)


def _about_us(verdict: Verdict, message: Message, profile: VoiceProfile) -> Verdict:
    """An order concern needs something of ours in the message or thread (an off-topic rant gets no team)."""
    if verdict.intent not in OPERATIONAL or about_the_brand(f"{message.text}\n{' '.join(message.thread)}", profile):
        return verdict
    rest = [i for i in verdict.secondary if i not in OPERATIONAL]
    return Verdict("other", rest, verdict.probability)


def _questions(text: str, reading: Reading, intent: str, profile: VoiceProfile) -> list[Question]:
    """Every question of the message with the fact that answers it."""
    found = find_questions(text, MAX_QUESTIONS)
    return [Question(text=q, fact=f) for q, f in zip(found, answers(found, reading, intent, profile), strict=True)]


def about_the_brand(text: str, profile: VoiceProfile) -> bool:
    """True when the message mentions something of the brand's business (orders, products, money)."""
    return bool(
        BRAND_WORDS.search(text) or find_products(text, profile) or find_pii(text, profile.brand.order_number_pattern)
    )


def _language_sample(text: str, profile: VoiceProfile) -> str:
    """The text without product and place names: "got Kiezmischung" is English, "5 spots in Neukölln" no German."""
    products = tuple(n for p in profile.brand.products for n in (p.name, *p.aliases))
    sample = names_rx(products + PLACE_NAMES).sub(" ", text)
    return sample if any(c.isalpha() for c in sample) else text


@lru_cache(maxsize=16)
def names_rx(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the names as words of their own, longest first, in any case (cached per list of names)."""
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if alternatives else r"(?!)", re.IGNORECASE)


def answer_language(detected: str, profile: VoiceProfile) -> tuple[str, list[str]]:
    """The language to answer in, and a note when it differs from the detected one."""
    if detected in profile.brand.languages:
        return detected, []
    default = profile.brand.default_language
    if detected == UNDETERMINED:
        return default, []
    return default, [f"message looks like '{detected}'; answering in '{default}', the brand's default"]


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
    parts = re.split(r"(?<=[.!?\n])\s{1,50}", text)
    if len(parts) > CLEAN_PARTS_CAP:  # too many pieces to vet one by one: no keywords from such a message
        return ""
    return " ".join(p for p in parts if not injection_suspected(p))


def _entities(
    text: str, pii: list[Span], profile: VoiceProfile, reading: Reading, earlier_orders: list[str], *, suspected: bool
) -> Entities:
    by_kind = {kind: [s.text for s in pii if s.kind == kind] for kind in ("order_id", "email", "phone")}
    exclude = [s.text for s in pii]
    return Entities(
        order_ids=_unique([*by_kind["order_id"], *earlier_orders]),
        products=find_products(text, profile, reading),
        amounts=_unique(m.group().strip() for m in AMOUNT.finditer(text)),
        dates=_unique(m.group() for m in DATE.finditer(text)),
        emails=_unique(by_kind["email"]),
        phones=_unique(by_kind["phone"]),
        keywords=keywords(_without_injection(text[:HEAD_CAP]) if suspected else text[:HEAD_CAP], exclude=exclude),
    )


def find_products(text: str, profile: VoiceProfile, reading: Reading | None = None) -> list[str]:
    """Canonical names of the profile's products mentioned in text, in order of appearance."""
    reading = reading or read(text)
    folded = reading.folded
    tokens = list(dict.fromkeys(t for t in reading.tokens if t.isalpha() and 6 <= len(t) <= FUZZY_TOKEN_CAP))
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
    at = find_phrase(folded, alias)
    if at >= 0:
        return at
    if " " in alias or len(alias) < 7:
        return None
    near = next((t for t in tokens if len(t) >= 6 and fuzz.ratio(t, alias) >= 88), None)
    return folded.find(near) if near else None


def keywords(text: str, *, exclude: list[str] = (), limit: int = 6) -> list[str]:  # type: ignore[assignment]
    """The person's own content words, nouns first: no stopwords, numbers, insults or personal data."""
    skip = {fold(w) for e in exclude for w in words(e)}
    scored: dict[str, tuple[float, str]] = {}
    plain = LINKS_AND_HANDLES.sub(" ", text)
    for position, (word, initial) in enumerate(_words_with_position(plain)):
        key = fold(word)
        if not 4 <= len(word) <= FUZZY_TOKEN_CAP or is_stopword(word) or key in scored or key in skip:
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


def _escalation(verdict: Verdict, profile: VoiceProfile, text: str) -> Escalation | None:
    """The team whose escalation rule names the intent; a complaint about our service goes to the team of
    the order concern behind it, if it names one. Every other intent (praise, questions, off-topic rants) needs
    no team."""
    concerns = [verdict.intent]
    case = verdict.intent == "service_complaint" and _ORDER_CONCERN.search(text)  # not "three DMs about a workshop"
    if case:
        concerns += verdict.secondary
    for intent in concerns:
        for team, rule in profile.brand.escalation.items():
            if intent in rule.intents:
                return Escalation(team=team, reason=intent.replace("_", " "))
    found = (next(iter(named_teams(text, profile)), None) or _team_of_case(text, profile)) if case else None
    return Escalation(team=found, reason="service complaint") if found else None  # "keine Antwort zur Reklamation"


def named_teams(text: str, profile: VoiceProfile) -> list[str]:
    """The teams whose trigger words stand in the text ("Reklamation", "Paket"), in the profile's order."""
    folded = fold(text)
    escalation = profile.brand.escalation.items()
    return [team for team, rule in escalation if any(has_phrase(folded, fold(k), whole=False) for k in rule.triggers)]


# The case behind a complaint about our service when no trigger word names it: a wrong charge, an order awaited
# ("wegen einer falschen Abbuchung", "ich warte seit 9 Tagen auf meine Bestellung", "bestellt, bezahlt, nix bekommen").
_CASES = (
    (
        "billing",
        re.compile(
            r"abbuchung|abgebucht|\b(?:been )?charged (?:me )?(?:twice|double|for)\b|double[- ]charged|wrong invoice"
            r"|\brechnung\w{0,2}\b|\binvoice\b",
            re.I,
        ),
    ),
    ("defect", re.compile(r"garantie\w{0,8}|\bwarranty\b|\bguarantee claim", re.I)),  # "meine Garantieanfrage"
    (
        "order_status",
        re.compile(
            r"\b(?:wart\w{0,3}|waiting)\b[^.!?]{0,40}\b(?:bestellung|paket|lieferung|order|parcel|package)\b"
            r"|\b(?:nix|nichts) (?:bekommen|angekommen)|\bnever (?:arrived|came|showed up|received)|nothing arrived"
            r"|\bmissing (?:parcel|package|order)\b|\b(?:paket|bestellung) fehlt\b"
            # "my order from 3 weeks ago STILL hasn't shipped", "ist immer noch nicht verschickt"
            r"|\b(?:hasn'?t|has not|haven'?t|have not|wasn'?t|was not|never) (?:been )?(?:shipped|sent|dispatched)\b"
            r"|\b(?:noch )?(?:nicht|nie) (?:verschickt|versendet|versandt|rausgegangen)\b"
            # "10 days and still no parcel", "immer noch kein Paket"
            r"|\b(?:still|noch immer|immer noch) (?:no|kein\w{0,2}) (?:parcel|package|order|delivery|paket|bestellung"
            r"|lieferung|sendung)\b"
            # "Zum dritten Mal in Folge kommt mein Abo später als angekündigt": a delivery late, again
            r"|\b(?:abo|lieferung|paket|bestellung|order|parcel|delivery|subscription|box)\w{0,2} (?:\w{1,12} ){0,2}"
            r"(?:später|zu spät|late|verspätet|delayed)\b|\bkommt (?:\w{1,12} ){0,3}(?:später|zu spät)\b",
            re.IGNORECASE,
        ),
    ),
)


def _team_of_case(text: str, profile: VoiceProfile) -> str | None:
    """The team of the first case the text names (a charge before an order)."""
    cases = [intent for intent, pattern in _CASES if pattern.search(text)]
    teams = [t for intent in cases for t, rule in profile.brand.escalation.items() if intent in rule.intents]
    return next(iter(teams), None)


_LETTER_WORD = re.compile(r"[^\W\d_]+")
# Heart-eyes and hearts: fondness that plain praise rarely carries when it is meant ironically
FOND_SIGNS = re.compile("[😍🥰❤💛🧡💚💙💜🤩☺😊]")
# What a complaint about our service must name to be an order's case for a team: an order, a parcel, a charge.
_ORDER_CONCERN = re.compile(
    r"\b(?:order|parcel|package|deliver|shipping|abos?\b|subscription|charge|refund|money|invoice|broken|grinder|bag"
    r"|item|artikel|ware\b|wrong|falsch|damaged|beschädigt|kaputt|defekt)|bestell|paket|liefer|sendung|versand|abbuch"
    r"|abgebucht|erstatt|geld\b|rechnung|mühle|tüte|reklamation|garantie|warranty",
    re.IGNORECASE,
)


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
