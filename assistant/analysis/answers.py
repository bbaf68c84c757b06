"""Which profile fact answers a question: keywords by stem and compound, synonyms, places (gazetteer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from assistant.analysis.classifier import load_model
from assistant.analysis.features import features
from assistant.analysis.judgement import CARE_ASKED, ORDER_TO_COME, ORDERED_TO, delivered_to
from assistant.analysis.normal import read, stem
from assistant.models import Reading
from assistant.profiles.loading import Fact, VoiceProfile
from assistant.text import fold, is_stopword, table

NO_FACT = "none"  # the question head's class for "no fact answers this"
PROFILES_CACHED = 16
_PREPARED: dict[tuple[str, str], tuple[list[Matcher], dict[str, set[str]]]] = {}
MAX_QUESTIONS = 8  # a message with more "questions" is a list or an attack: no reply answers the rest
VAGUE_WORDS = 2  # a question with this few content words ("Was mach ich falsch?") borrows from its message
MIN_SCORE = 1.0  # a fact needs at least one keyword of its own (or a place it covers)
PHRASE, WORD, CONTEXT, INTENT = 2.0, 1.0, 0.25, 0.5


@dataclass(frozen=True)
class Matcher:
    """One fact's folded phrases, stems and the countries it covers."""

    fact: str
    phrases: re.Pattern[str] | None
    stems: frozenset[str]
    countries: frozenset[str]
    intents: frozenset[str]


def answers(questions: list[str], context: Reading, intent: str, profile: VoiceProfile) -> list[str | None]:
    """The fact answering each question (None: no fact does); the message is matched against facts once."""
    around = hits_by_fact(context, profile)
    asked = questions[:MAX_QUESTIONS]
    described = _described(context, profile) if any(OWN_MISTAKE.search(q) for q in asked) else None
    found = [answer(q, context, intent, profile, around, described) for q in asked]
    found = [_for_care(_for_its_brewer(f, q, context, profile), q, profile) for f, q in zip(found, asked, strict=True)]
    found = [_for_arrival(f, q, context, intent, profile) for f, q in zip(found, asked, strict=True)]
    # "... einen koffeinfreien Kaffee testet. Gibt es den inzwischen zu kaufen?": what it points back at, not "kaufen"
    found = [_pointing_back(q, context, intent, profile) or f for f, q in zip(found, asked, strict=True)]
    return [
        _followed(found[i - 1], q, profile) if i and f is None else f
        for i, (q, f) in enumerate(zip(asked, found, strict=True))
    ]


# A fact's words about looking after a thing (folded): only such a fact answers how to clean or descale it.
CARE_TOLD = re.compile(r"reinig|putz|sauber|clean|entkalk|descal|pfleg|\bol\b|\boil\b|maintain|wartung")


def _for_care(found: str | None, question: str, profile: VoiceProfile) -> str | None:
    """No fact for a question how to clean or descale something unless the fact tells how (no warranty for it)."""
    fact = next((f for f in [*profile.brand.facts, *profile.brand.tips] if f.id == found), None)
    return None if fact is None or care_untold(question, fact) else found


def care_untold(question: str, fact: Fact) -> bool:
    """The question asks how to clean or descale something and the fact does not tell it."""
    return bool(CARE_ASKED.search(fold(question))) and not CARE_TOLD.search(fold(_texts(fact)))


# "Liefert ihr nach Graz? Und wie lange dauert das dann?": a follow-up without words of its own asks on.
# A question that asks after what the message named: "und??", "Gibt's schon was Neues?", "any news?", "any update?"
FOLLOW_UP_ASKED = re.compile(
    r"^\W{0,3}(?:und|and|so|also)?\W{0,3}$|\b(?:was neues|neuigkeiten|schon was|news|any update|an update|updates?)\b",
    re.IGNORECASE,
)
# "do u ship to vienna?? how long does it take": how long the thing just asked after takes, pointed back at
FOLLOW_UP = re.compile(
    r"^\W{0,3}(?:und|and|also)\b|^\W{0,3}(?:how long (?:does|will|would) (?:it|that|this) take"
    r"|wie lange (?:dauert|braucht) (?:das|es)(?: dann)?\W*$)",
    re.IGNORECASE,
)
# "ich zieh um und hab euer Abo. Muss ich da was machen??": what to do about the thing the message names
TODO_ASKED = re.compile(
    r"\bmuss ich (?:da |dann |jetzt |dafür )?(?:was|etwas|irgendwas) (?:machen|tun|ändern|beachten)\b"
    r"|\bdo i (?:need|have) to do (?:anything|something)\b|\bwhat do i (?:need|have) to do\b"
    r"|\bwas (?:mache|mach|soll|sollte) ich (?:da |dann |jetzt )?(?:am besten|machen|tun)\b|\bwhat should i do\b"
    # "wie mach ich das am besten mit dem Umzug?", "how do I best handle that with the move?"
    r"|\bwie (?:mache|mach|regle|regel|löse|handhabe) ich (?:das|es) (?:\w{1,10} )?am besten\b"
    r"|\bhow (?:do|should) i best (?:handle|do|manage)\b",
    re.IGNORECASE,
)
# "my coffee lives on the shelf right next to the radiator. Is that a problem?": what the message describes, judged
HARM_ASKED = re.compile(
    r"^\W{0,3}(?:is|would|could) (?:that|this|it) (?:be )?(?:a problem|an issue|bad|ok|okay|fine)\b"
    r"|^\W{0,3}(?:ist|wäre) (?:das|es) (?:\w+ )?(?:ein problem|schlimm|ok|okay|schlecht)\b",
    re.IGNORECASE,
)
# "my wife says beans belong in the fridge... who wins?": a debate whose claim the message around states
DEBATE_ASKED = re.compile(
    r"\bwho(?:'s| is)? (?:right|wins|correct)\b|\bwer (?:hat )?(?:recht|gewinnt)\b"
    r"|\bsettle (?:a|this|the|our) (?:debate|argument)",
    re.IGNORECASE,
)
COSTS = re.compile(r"\b(?:kost\w*|preis\w*|teurer|extra|price\w*|cost\w*|fee\w*|more expensive|charge\w*)\b", re.I)


def _followed(before: str | None, question: str, profile: VoiceProfile) -> str | None:
    """The fact of the question before, for a follow-up that names nothing of its own and asks no price."""
    if before is None or COSTS.search(question) or not FOLLOW_UP.search(question):
        return None
    if _own_subject(question):  # "... nach Basel? Und ist der Kaffee bio-zertifiziert?": the coffee, not the parcel
        return None
    if brewers(question) - _fact_brewers(before, profile):  # "... austria?? and is espresso kreuzberg ok in a moka
        return None  # pot": a way to brew, asked after a shipping answer, is a question of its own
    return None if any(own_hits(question, profile).values()) else before


# A subject of its own: an article and a noun ("der Kaffee", "the beans"), not "das" or "it" pointing back
ARTICLE_NOUN = re.compile(r"\b(?:der|die|den|dem|the|eure[nmrs]?|euer|your)\s+([^\W\d_]{4,})", re.IGNORECASE)
# or a thing asked for by name: "also do you have oat milk", "und habt ihr auch Hafermilch?"
ASKED_FOR = re.compile(
    r"\b(?:do you (?:have|sell|do)|habt ihr|gibt es|gibt's)\s+(?:(?:auch|also|any|some|eine?n?)\s+)*([^\W\d_]{3,})",
    re.IGNORECASE,
)


def _home(profile: VoiceProfile) -> frozenset[str]:
    """The countries the profile's order facts cover (where the brand ships as a matter of course)."""
    ordering = {f.id for f in profile.brand.facts if "order_status" in f.intents}
    return frozenset(c for m in matchers(profile) if m.fact in ordering for c in m.countries)


DESTINATION = re.compile(r"\b(?:nach|to|bis)\s", re.IGNORECASE)  # "wie lange braucht ihr nach münchen??"
STRONGER = 3.0  # own-hit score by which a fact the question names beats the shipping fact of the place it names


# or a thing of its own brought in: "And is it possible to add a handwritten card?", "und geht eine Grußkarte dazu?"
ADDED_THING = re.compile(
    r"\b(?:a|an|ein|eine|einen)\s+(?:[^\W\d_]{3,15}\s+)?(?!(?:weeks?|days?|months?|couple|few|bit|woche|wochen|tag"
    r"|tage|monat|paar|bisschen)\b)([^\W\d_]{4,})",
    re.IGNORECASE,
)


def _own_subject(question: str) -> bool:
    """Whether the question names a subject of its own ("Und ist der Kaffee bio-zertifiziert?")."""
    found = [*ARTICLE_NOUN.finditer(question), *ASKED_FOR.finditer(question), *ADDED_THING.finditer(question)]
    return any(not is_stopword(m.group(1)) for m in found)


# "if I order today will it be there before christmas??": when it arrives is asked, not how to order
ARRIVAL = re.compile(
    r"\b(?:be there|get there|be here|arrive\w{0,2}|reach (?:me|us|her|him)|ankomm\w{0,2}|ankommt|da sein|da ist"
    r"|kommt (?:\w{1,12} ){0,4}an)\b",
    re.IGNORECASE,
)
# A time an order still to be placed ("wenn ich montag bestell", ORDER_TO_COME) should come by
ARRIVES_BY = re.compile(
    r"\b(?:kommt|ist|sind)\b[^?.!]{0,40}\b(?:diese woche|da"
    r"|bis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag))\b"
    r"|\b(?:this week|by (?:monday|tuesday|wednesday|thursday|friday|saturday))\b",
    re.IGNORECASE,
)
# How long "it" takes, the thing the message sends or orders: "How long will it take?", "wie lange dauert das?"
HOW_LONG = re.compile(
    r"\bhow long (?:will|does|would|do) (?:it|that|this|they|delivery|shipping) (?:take|need)\b"
    r"|\bwie lange (?:dauert|braucht|brauchen|dauern) (?:das|es|die|der versand|die lieferung)\b",
    re.IGNORECASE,
)
ORDER_WORDS = re.compile(r"\b(?:order\w{0,2}|bestell\w{0,2}|kauf\w{0,2}|buy)\b", re.IGNORECASE)


def _for_arrival(found: str | None, question: str, context: Reading, intent: str, profile: VoiceProfile) -> str | None:
    """The fact for when a thing arrives, read without the words of ordering it ("if I order today ..."): none
    rather than the fact of how to order."""
    if found is None or not ARRIVAL.search(question) or not ORDER_WORDS.search(question):
        return found
    return answer(ORDER_WORDS.sub(" ", question), context, intent, profile)


# An aside in brackets after the question's words, with no question of its own
# Idioms that borrow a fact's word: "einen Strich durch die Rechnung machen" (to spoil a plan), "die Rechnung ohne
# den Wirt machen", "die Rechnung geht (nicht) auf"
IDIOM_SAID = re.compile(
    r"\b(?:einen?|nen|den) strich durch die rechnung\b|\bdie rechnung ohne den wirt\b|\bdie rechnung geht\b",
    re.IGNORECASE,
)
ASIDE_SAID = re.compile(r"\([^()?]{1,80}\)")


# "... puts the espresso kreuzberg in the fridge, is that fine??": a short question about what the clause before says
POINTING_BACK = re.compile(
    r"^\W*(?:(?:and|und|but|aber|so|also)\s+)?(?:is|isn'?t|was|ist|war|geht|darf man|kann man|can i|kann ich|darf ich)"
    r"\s+(?:das|that|this|it|es|so)\b[^,.;]{0,20}$"
    # "... dass Sie einen entkoffeinierten Kaffee testen. Gibt es da schon etwas Neues?": news of what was said
    r"|^\W*(?:(?:and|und|also)\s+)?(?:gibt es|gibt'?s|gibts) (?:da|dazu|davon) "
    r"(?:schon |inzwischen |mittlerweile |jetzt )?(?:was|etwas) neu\w{0,3}\W*$"
    r"|^\W*(?:(?:and|so)\s+)?any (?:news|updates?) (?:on|about) (?:that|this|it)\W*$"
    # "... dass Sie einen entkoffeinierten Kaffee testen. Ist der inzwischen zu haben?", "is it out yet?"
    r"|^\W*(?:(?:and|und|also)\s+)?(?:ist|sind|gibt es|gibt'?s) (?:der|die|das|er|sie|es|den) (?:\w{1,12} )?"
    r"(?:inzwischen|mittlerweile|jetzt|schon|endlich)(?: (?:inzwischen|mittlerweile|jetzt|schon|endlich)){0,2}"
    r"(?: (?:zu haben|zu kaufen|zu bekommen|bestellbar|lieferbar|da|verfugbar|erhaltlich|raus|im shop"
    r"|im sortiment))?\W*$"  # "Gibt's den jetzt endlich??": the thing named before
    r"|^\W*(?:(?:and|so)\s+)?(?:is|are) (?:it|they|that|this one) (?:available|out|in stock|ready)"
    r"(?: yet| now| already)?\W*$"
    # "... want to book a workshop. do they cover latte art? how much does it cost?": the thing named before
    r"|^\W*(?:(?:and|so|but)\s+)?(?:do|does|will|would|can|could) (?:they|it)\b[^,.;]{0,30}$"
    r"|^\W*(?:(?:and|so)\s+)?(?:how much|how long|when|where) (?:does|do|is|are|will) (?:it|they)\b[^,.;]{0,20}$"
    # "... euren Workshop machen. Wann genau ist der und kostet der was?"
    r"|^\W*(?:(?:und|also)\s+)?(?:wann|wie lange|wo|was kostet)\s+(?:\w+\s+)?(?:ist|sind|geht|gehen|dauert|kostet"
    r"|lauft|laufen|findet) (?:der|die|das|er|sie|es)\b[^,.;]{0,30}$",
    re.IGNORECASE,
)


def _pointing_back(question: str, context: Reading, intent: str, profile: VoiceProfile) -> str | None:
    """The fact for a short question pointing back, read with the clause before it in the message."""
    if not POINTING_BACK.search(fold(question).strip()):
        return None
    before = _said_before(question, context)
    if not before.strip():
        return None
    named = answer(f"{before} {question}", context, intent, profile)
    pointed = answer(before, context, intent, profile)  # "testet decaf. Gibt es den zu kaufen?": decaf, not buying
    return pointed or named


def _said_before(question: str, context: Reading) -> str:
    """The words of the question's sentence (or the sentence before) that stand before it, folded."""
    at = context.folded.find(fold(question)[:40])
    # an ellipsis goes on ("Karton, Papierpolster, Tüte... für 250g Kaffee"), a full stop or a colon ends
    return re.split(r"(?:(?<!\.)\.(?!\.)|[!?:;)])+\s", context.folded[:at].rstrip(" .!?"))[-1] if at > 0 else ""


def _described(context: Reading, profile: VoiceProfile) -> dict[str, float]:
    """The facts the message names outside its own-mistake phrase ("sauer ... was mach ich falsch?")."""
    return hits_by_fact(read(OWN_MISTAKE.sub(" ", context.folded)), profile)


def _for_its_brewer(found: str | None, question: str, context: Reading, profile: VoiceProfile) -> str | None:
    """A brewing fact never answers for a brewer it does not name ("how fine should I grind it?" for a moka pot is no
    French-press question)."""
    if not (named := _fact_brewers(found, profile)):
        return found
    asked = own_brewers(question) or own_brewers(context.folded)
    return None if asked and not asked & named else found


# Ways to brew: a fact that names some answers only for those ("what setting for pour over?" is no espresso question).
BREWERS = {
    "french press": r"french ?press|stempelkanne|cafetiere",
    "espresso": r"espresso\w{0,9}|siebtr(?:a|ä)ger\w{0,8}|portafilter",
    "moka": r"moka\w{0,5}|bialetti|stovetop|herdkanne|espressokocher",
    "aeropress": r"aero ?press",
    "pour over": r"pour[- ]?over|v60|handfilter|chemex|hario|kalita",
    "filter": r"filter\w{0,15}|kaffeemaschine\w{0,2}|coffee ?maker|drip(?: machine)?|melitta|moccamaster",
    "cold brew": r"cold ?brew|kaltbr(?:u|ü)h\w{0,3}",
    "karlsbader": r"karlsbader",
}
_BREWER_RX = {name: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for name, pattern in BREWERS.items()}
METHODS = re.compile(rf"\b(?:{'|'.join(BREWERS.values())})\b", re.IGNORECASE)  # any way to brew


# What the person brews with: "ich hab halt so ne ganz normale Filtermaschine", "i only have a moka pot".
OWNED = re.compile(
    r"\b(?:ich hab\w{0,2}|hab (?:nur|halt|bloß)|i (?:only |just )?(?:have|own|use)|i've (?:only )?got|besitze|nutze"
    r"|benutze)\b[^.!?]{0,60}",
    re.IGNORECASE,
)


def own_brewers(text: str) -> set[str]:
    """The ways to brew a text says the person has ("ich hab ne Filtermaschine ... ihr sagt nur French Press"),
    else all it names."""
    owned = set().union(*(brewers(m.group()) for m in OWNED.finditer(text)))
    return owned or brewers(text)


def brewers(text: str) -> set[str]:
    """The ways to brew a text names; a moka pot is no espresso, though it is called an "espresso maker"."""
    found = {name for name, rx in _BREWER_RX.items() if rx.search(text)}
    found |= {"filter"} if "pour over" in found else set()  # a V60 or a Chemex brews filter coffee
    return found - {"espresso"} if "moka" in found and not re.search(r"siebtr|portafilter", text, re.I) else found


def answer(
    question: str,
    context: Reading,
    intent: str,
    profile: VoiceProfile,
    around: dict[str, float] | None = None,
    described: dict[str, float] | None = None,
) -> str | None:
    """The id of the fact that answers the question, or None.

    A question naming a place is answered by the gazetteer rule alone; otherwise the question model
    decides, but only for a fact whose keywords occur in the question or the message around it.
    """
    question = ASIDE_SAID.sub(" ", question).strip() or question  # "(für die eltern natürlich 😂)" asks nothing
    question = IDIOM_SAID.sub(" ", question)  # "macht mir der Feiertag einen Strich durch die Rechnung?": no invoice
    question, sent_to = ORDERED_TO.subn(delivered_to, question)  # "Can I order to my dorm?": where it goes, no chat
    reading = read(question)
    around = around if around is not None else hits_by_fact(context, profile)
    places, own = places_in(reading, profile), own_hits(question, profile, reading)
    if not places and DEICTIC.search(question) and not _placeless(own, profile):
        places = places_in(context, profile)  # "will it get there before the 24th?" after "my brother in Vienna"
    if not places and DELIVERY_ASKED.search(question) and RESIDENT.search(context.folded):
        places = places_in(context, profile)  # "Bis wann muss ich bestellen, damit es ankommt? Ich wohne in Wien."
    if not places and HOW_LONG.search(question) and (SENT.search(context.folded) or ORDER_WORDS.search(context.folded)):
        places = places_in(context, profile)  # "ordered it as a gift for my sister in Zurich. How long will it take"
    if places and _placeless(own, profile) and not DELIVERY_ASKED.search(question):
        places = frozenset()  # "abo über die feiertage pausieren, bin bei meinen eltern in bayern": the abo's question
    if places and not_a_parcel(question):
        return None  # "muss man in berlin wohnen um mitzumachen": where people live, no delivery asked
    if beyond_facts(question):
        return None
    if wants_machine(question, profile):
        return None  # "könnt ihr eine Siebträgermaschine empfehlen?": no grind setting answers which machine to buy
    candidate = keyword_answer(own, places, around, intent, profile)
    if sent_to and candidate:
        return candidate  # the delivery fact its words name, whatever way of ordering the message's intent suggests
    rival = max(own, key=own.__getitem__, default=None)
    placeless = rival is not None and not any(m.countries for m in matchers(profile) if m.fact == rival)
    if places and placeless and rival and own[rival] >= own.get(candidate or "", 0.0) + STRONGER:
        return rival  # "Do you do regular deliveries to companies in Berlin?": the office fact, far better named
    sent = any(own.values()) or DELIVERY_ASKED.search(question) or DESTINATION.search(question)  # "nach münchen"
    if places and places <= _home(profile) and not sent:
        return None  # "In Deutschland kann ich den Kanzler wählen?": the home country, and nothing sent or asked of us
    if places:  # a place beside no word of sending ("a dentist in Kreuzberg?"): the model may say no fact
        asked = DELIVERY_ASKED.search(question) or not candidate
        return candidate if asked or _predicted(reading, candidate, intent, places) == candidate else None
    if OWN_MISTAKE.search(question):  # "sauer ... was mach ich falsch?": what the message describes answers it
        described = described if described is not None else _described(context, profile)
        best = max(described, key=described.__getitem__, default=None)
        return best if best and described[best] else None
    brewed = grind_for_message_brewer(question, context.folded, profile)
    if brewed:  # "my shots run through in 15 seconds and taste sour. what setting should I use on the handmühle?"
        return brewed
    vague = len([w for w in reading.tokens if w.isalpha() and len(w) >= 4 and not is_stopword(w)]) <= VAGUE_WORDS
    # a question naming no fact of its own ("how long would it take?") asks about what its message names
    borrows = vague or not any(own.values())
    supported = {fact for fact, score in own.items() if score or (borrows and around[fact])}
    # "nehm die mühle, wie zahl ich?": the fact of the message's intent may answer its questions too
    supported |= {m.fact for m in matchers(profile) if intent in m.intents}
    if ORDER_TO_COME.search(context.folded) and (ARRIVAL.search(question) or ARRIVES_BY.search(question)):
        # "wenn ich montag bestell, kommt das trotz feiertag noch diese woche??": the shipping time, no order's case
        supported |= {m.fact for m in matchers(profile) if "order_status" in m.intents}
    if not supported:  # no fact is named in the question or around it: nothing for the model to confirm
        return None
    ground = [f for f in sorted(supported, key=lambda f: f != candidate) if _grind_for_its_brewer(f, question, profile)]
    if ground:  # "Wie fein muss ich für meinen Siebträger mahlen?": the brewer's grind fact, named
        return ground[0]  # "welche Stufe an der Handmühle für den Siebträger": not the grinder's warranty
    best = _predicted(reading, candidate, intent, places)
    if best in supported:
        return best
    named = [fact for fact, score in around.items() if score]
    if len(named) > 1 and TODO_ASKED.search(question):  # "... hab euer Abo alle 2 Wochen. Muss ich da was machen??"
        named = _named_just_before(question, context, profile) or named
        # "Die nächste Lieferung vom Abo wäre am Umzugstag. Was mache ich da?": the abo's step, not how we ship
        plain = {m.fact for m in matchers(profile) if not m.intents}
        named = [f for f in named if f in plain] or named
    # (the model's pick is none, or a fact the message never names: "Muss ich da was machen??" is no warranty question)
    if best not in supported and len(named) == 1 and TIPS_ASKED.search(question):
        return named[0]  # "... in a thermos but its lukewarm by 10. tips??": the one thing named, its tip
    if best not in supported and vague and not any(own.values()) and len(named) == 1 and _about_around(question):
        return named[0]  # "ihr testet nen decaf… und??": the one fact the message names, asked after
    return candidate if best != NO_FACT else None


def _named_just_before(question: str, context: Reading, profile: VoiceProfile) -> list[str]:
    """The facts the sentence right before the question names (in the folded message)."""
    before = _said_before(question, context)
    for clause in re.split(r",\s|\s(?:und|and|aber|but)\s", before) if before else []:
        named = [fact for fact, score in hits_by_fact(read(clause), profile).items() if score]
        if named:  # "Mein Abo kommt alle 4 Wochen und die nächste Lieferung ...": the first clause's fact
            return named
    return []


def _about_around(question: str) -> bool:
    """Whether a vague question asks about what the message around it names (a follow-up, a debate, a to-do, a
    worry: "Is that a problem?")."""
    asked = (FOLLOW_UP_ASKED, DEBATE_ASKED, TODO_ASKED, HARM_ASKED)
    return any(rx.search(question) for rx in asked)


# "... in a thermos but its lukewarm by 10. tips??", "Ideen?", "any advice?": a tip for what the message describes
TIPS_ASKED = re.compile(
    r"(?:^|[.!?:]\s|\b(?:any|some|got|hast du|habt ihr|irgendwelche))\W{0,3}(?:\w+\W{1,3})?"
    r"(?:tips?|tipps?|ideas?|ideen|advice|ratschläge|hacks?|tricks?)\W*$",
    re.IGNORECASE,
)


# An order (not a subscription) cancelled or to be cancelled: "my order got cancelled", "Bestellung stornieren"
ORDER_CANCELLED = re.compile(
    r"\b(?:order|bestellung)\b[^.!?]{0,40}?\b(?:cancel\w*|storn\w*)|\b(?:cancel\w*|storn\w*)\b[^.!?]{0,25}?"
    r"\b(?:order|bestellung)\b",
    re.IGNORECASE,
)
TAX_ASKED = re.compile(
    r"steuer\w{0,3} (?:\w+ )?absetz|\babsetzbar|\btax[- ]deductible|\bdeduct\w*\b[^.!?]{0,40}\b(?:tax|expense)"
    r"|\bwrite (?:it |them )?off\b|\b(?:work|business) expenses?\b|\bwerbungskosten\b|\bbetriebsausgabe",
    re.IGNORECASE,
)
SUBSCRIPTION_NAMED = re.compile(r"\b(?:abo\w*|subscri\w*)", re.IGNORECASE)


def beyond_facts(question: str) -> bool:
    """A question no fact answers, whatever words it shares with one: tax ("kann ich das Abo von der Steuer
    absetzen?"), an order cancelled, a view defended ("Was ist daran falsch?") or the pay of the growers."""
    asked = (TAX_ASKED, VIEW_DEFENDED, HARVEST_DUE, WAGES_ASKED)
    return any(rx.search(question) for rx in asked) or order_cancelled(question)


# "wie die Leute bezahlt werden", "are the farmers paid fairly?": the growers' pay, never a way to pay us
WAGES_ASKED = re.compile(
    r"\b(?:leute|bauern|bäuerinnen|farmer\w{0,2}|arbeiter\w{0,5}|pflücker\w{0,5}|erntehelfer\w{0,5}|menschen|workers"
    r"|pickers|growers|people)\b[^.?!]{0,30}\b(?:bezahlt werden|bezahlt|entlohnt|verdienen|(?:are|get|being) paid)\b"
    r"|\b(?:löhne|lohn|wages?|fair (?:bezahlt|paid)|paid fairly)\b"
    # "zahlen Sie den Bauern faire Preise?", "do the farmers get a fair price?"
    r"|\b(?:bauern|farmer\w{0,2}|growers?|produzent\w{0,3}|erzeuger\w{0,2})\b[^.?!]{0,20}"
    r"\b(?:faire?n? preise?|fair price)"
    r"|\bfaire?n? preise?\b[^.?!]{0,20}\b(?:bauern|farmer\w{0,2})\b",
    re.IGNORECASE,
)


# "when does the new harvest arrive?", "wann kommt die neue Ernte?": a coffee's arrival, no parcel's
HARVEST_DUE = re.compile(
    r"\b(?:new|neue[nr]?|next|nächste[nr]?|this year'?s|diesjährige[nr]?|fresh|frische[nr]?) (?:harvest|crop|ernte)\b"
    r"[^.!?]{0,30}\b(?:arrive|come|land|in|da|kommt|ankommen|verfügbar|available|hit|shop)\b"
    r"|\b(?:when|wann)\b[^.!?]{0,20}\b(?:harvest|crop|ernte)\b",
    re.IGNORECASE,
)


# "Was ist daran falsch?", "what's wrong with that?": a view defended, asked of nobody ("falsch" is no wrong item)
VIEW_DEFENDED = re.compile(
    r"\bwas (?:ist|wäre|war) (?:denn )?(?:daran|da dran|dabei) (?:so )?falsch\b"
    r"|\bwhat'?s (?:so )?wrong with (?:that|this)\b",
    re.IGNORECASE,
)


def order_cancelled(text: str) -> bool:
    """An order, not a subscription, cancelled or to be cancelled ("my order got cancelled??", "Bestellung
    stornieren?"): its "cancel" names no subscription fact."""
    return bool(ORDER_CANCELLED.search(text)) and not SUBSCRIPTION_NAMED.search(text)


# How fine or coarse to grind: "wie fein", "welcher Mahlgrad", "what setting", "grind size"
GRIND_ASKED = re.compile(
    r"\b(?:wie (?:fein|grob)|how (?:fine|coarse)|welche\w? (?:mahlgrad|stufe)|mahlgrad|mahlen|grind\w{0,4}"
    r"|what setting|which setting)\b",
    re.IGNORECASE,
)


def _grind_for_its_brewer(found: str, question: str, profile: VoiceProfile) -> bool:
    """A question how to grind for a brewer that the fact names as its own ("für meinen Siebträger")."""
    return bool(GRIND_ASKED.search(question) and own_brewers(question) & _fact_brewers(found, profile))


def grind_for_message_brewer(question: str, folded: str, profile: VoiceProfile) -> str | None:
    """The grind fact of the one brewer the message (`folded`) names, for a grind question that names none itself."""
    if not GRIND_ASKED.search(question) or own_brewers(question):
        return None
    return brewer_fact(folded, profile)


def brewer_fact(folded: str, profile: VoiceProfile) -> str | None:
    """The id of the one fact whose text names the one way to brew that the (folded) text names, else None."""
    brewed = own_brewers(folded)
    fitting = [f.id for f in profile.brand.facts if brewed & _fact_brewers(f.id, profile)]
    return fitting[0] if len(brewed) == 1 and len(fitting) == 1 else None


def _fact_brewers(found: str | None, profile: VoiceProfile) -> set[str]:
    """The ways to brew that the text of the fact with this id names (none for no fact)."""
    fact = next((f for f in profile.brand.facts if f.id == found), None)
    return brewers(" ".join(fact.text.values())) if fact is not None else set()


def _predicted(reading: Reading, candidate: str | None, intent: str, places: frozenset[str]) -> str:
    """The question model's most likely fact (NO_FACT: none answers)."""
    probabilities = load_model("question").predict("fact", question_features(reading, candidate, intent, places))
    return max(probabilities, key=probabilities.__getitem__)


# A machine asked for: "eine gute Siebträgermaschine für Anfänger", "which espresso machine" (not "welchen Mahlgrad
# für meine Siebträgermaschine": there the machine is where the grind goes)
MACHINES = (  # a machine of one's own, never one of our products
    r"(?:kaffeemaschine|kaffeevollautomat\w{0,2}|vollautomat\w{0,2}|siebträger\w{0,8}|espressomaschine|maschine"
    r"|wasserkocher|coffee machine|espresso machine|machine|kettle)"
)
MACHINE_WANTED = re.compile(
    rf"\b(?:welche[nrs]?|which|what)\s(?:\w{{1,15}}\s)?{MACHINES}\b"
    rf"|\b{MACHINES}\b[^.!?]{{0,40}}\b(?:empfehl\w{{0,3}}|recommend\w{{0,3}}|suggest\w{{0,3}}|kaufen|anschaff\w{{0,3}}"
    r"|holen|buy|get)\b",
    re.IGNORECASE,
)


def wants_machine(question: str, profile: VoiceProfile) -> bool:
    """The question asks which machine to get, and the profile says nothing about machines."""
    return bool(MACHINE_WANTED.search(question)) and not _knows_machines(profile)


def _knows_machines(profile: VoiceProfile) -> bool:
    """The profile states something about machines (one of its facts or products names one)."""
    named = [*(p.name for p in profile.brand.products), *(k for f in profile.brand.facts for k in f.keywords)]
    return any(re.search(r"maschine|machine|vollautomat|siebträger", fold(n)) for n in named)


def _placeless(own: dict[str, float], profile: VoiceProfile) -> bool:
    """The question names a fact that covers no place ("could I pick it up before I drive there?")."""
    return any(own[m.fact] and not m.countries for m in matchers(profile))


# Where people live or take part from, not where a parcel goes: "muss man in berlin wohnen", "can people in
# Austria take part?"
RESIDENT = re.compile(
    r"\b(?:wohn\w{0,4}|leb(?:e|en|t)|live[sd]?|living|based|take part|participate|teilnehm\w{0,3}|mitmach\w{0,3}"
    r"|mitspielen|enter the giveaway|join the giveaway)\b",
    re.IGNORECASE,
)
_SHIPPING_VERBS = r"ship\w{0,4}|deliver\w{0,3}|liefer\w{0,3}|versand\w{0,3}|verschick\w{0,3}"
SENT = re.compile(rf"\b(?:{_SHIPPING_VERBS}|send\w{{0,3}})\b", re.I)


# A question about a parcel's way or time: "damit es ankommt", "bis wann muss ich bestellen", "how long does it take"
DELIVERY_ASKED = re.compile(
    rf"\b(?:{_SHIPPING_VERBS}|ankomm\w{{0,2}}|ankommt|arrive\w{{0,2}}"
    r"|get there|da sein|bestellen|order|paket|parcel|package|sendung)\b",
    re.IGNORECASE,
)


def not_a_parcel(question: str) -> bool:
    """The question asks where people live or take part from, not where something is sent."""
    return bool(RESIDENT.search(question)) and not SENT.search(question)


# A question that points at a place the message named: "Liefert ihr dahin?", "will it get there in time?", and
# where the person is ("I'm in Zurich, how long to get here?"; not "can I order here", the chat)
DEICTIC = re.compile(
    r"\b(?:dahin|dorthin|dort|hierher|hierhin|there|over there)\b"
    r"|\b(?:get|gets|come|comes|deliver|ship|send|arrive|arrives)\s(?:it\s|them\s)?here\b",
    re.IGNORECASE,
)


# "was mach ich falsch?", "what am I doing wrong": the person's own mistake names no fact ("falsch" is no wrong item).
OWN_MISTAKE = re.compile(
    r"\b(?:was|wo) (?:mach|mache|machen)\w{0,2} (?:ich |wir )?(?:da |denn |nur )?falsch\b"
    # "Mach ich was falsch oder ist die Bohne so?"
    r"|\b(?:mach|mache|machen) (?:ich|wir) (?:was|etwas|da|denn|irgendwas) ?(?:\w{1,8} )?falsch\b"
    r"|\b(?:am i|i'?m|are we) doing (?:it |something )?wrong\b|\bwhat (?:am i|are we|do i) (?:doing|do) wrong\b"
    # "mahlen wir falsch oder sind wir einfach schlecht in kaffee", "am i just bad at this"
    r"|\b[a-zäöü]{3,12}(?:e|en|st|t) (?:ich|wir) (?:(?:was|etwas|da|denn|einfach) )?falsch\b"
    r"|\b(?:bin ich|sind wir|am i|are we) (?:einfach |just |simply )?(?:zu )?(?:schlecht|blöd|dumm|unfähig|bad|terrible"
    r"|hopeless)\b"
    # "liegts an der billo mühle oder an uns", "is it the grinder or is it me"
    r"|\bliegt(?:'?s| es) (?:\w+ ){0,6}an (?:uns|mir)\b|\boder (?:liegt'?s )?an (?:mir|uns)\b|\bor is it (?:me|us)\b"
    # "is it me or the beans", "bin ich das oder die bohnen"
    r"|\bis it (?:me|us) or\b|\b(?:bin ich'?s|liegt'?s an mir) oder\b",
    re.IGNORECASE,
)


def own_hits(question: str, profile: VoiceProfile, reading: Reading | None = None) -> dict[str, float]:
    """The facts a question names itself (its own-mistake phrase left out); `reading`: the question's, when read."""
    plain = OWN_MISTAKE.sub(" ", question)
    return hits_by_fact(reading if reading is not None and plain == question else read(plain), profile)


def question_features(reading: Reading, candidate: str | None, intent: str, places: frozenset[str]) -> list[str]:
    """What the question model sees: the question's n-grams, the keyword match, the intent, places."""
    signals = [f"r:{candidate or NO_FACT}", f"r:{'match' if candidate else 'nomatch'}", f"n:{intent}"]
    return features(reading, None, signals + [f"p:{c}" for c in sorted(places)])


def keyword_answer(
    own: dict[str, float], places: frozenset[str], around: dict[str, float], intent: str, profile: VoiceProfile
) -> str | None:
    """The fact whose keywords (stems, compounds, synonyms, places) the question names best, or None."""
    scored = []
    for matcher in matchers(profile):
        if places and not (places & matcher.countries):
            continue  # a question about a place only a fact covering that place answers
        score = own[matcher.fact] + (1.0 if places else 0.0)
        score += CONTEXT * around[matcher.fact] + INTENT * (intent in matcher.intents) if score else 0.0
        scored.append((score, matcher.fact))
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= MIN_SCORE else None


def hits_by_fact(reading: Reading, profile: VoiceProfile) -> dict[str, float]:
    """hits() for every fact at once: each word of the text is looked up once in an index of all stems."""
    index = _prepared(profile)[1]
    found = dict.fromkeys((m.fact for m in matchers(profile)), 0.0)
    for token in set(reading.stems):
        for fact in _facts_of(token, index):
            found[fact] += WORD
    texts = {reading.folded, without_days(reading.folded)}  # "habt ihr samstags offen" ~ "habt ihr offen"
    for matcher in matchers(profile):
        said = {p for text in texts for p in matcher.phrases.findall(text)} if matcher.phrases else set()
        found[matcher.fact] += PHRASE * len(said)
    return found


def without_days(folded: str) -> str:
    """The folded text without the days said inside its phrases ("habt ihr samstags offen": "habt ihr offen")."""
    return re.sub(r" {2,}", " ", DAY_SAID.sub(" ", folded))


# A day said inside a phrase: "habt ihr samstags offen", "haben Sie am 3. Oktober geöffnet" (folded text)
DAY_SAID = re.compile(
    r"(?<= )(?:(?:am|an|diesen|nachsten|kommenden) )?(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonntag|feiertag|wochenende)s?|fruh|morgens|vormittags|nachmittags|abends"
    r"|\d{1,2}\.(?: ?(?:januar|februar|marz|april|mai|juni|juli|august|september"
    r"|oktober|november|dezember))?|heute|morgen|on (?:sundays?|saturdays?|the weekend|weekends)"
    r"|tag der deutschen einheit|ostern|pfingsten|weihnachten|silvester|neujahr|heiligabend|allerheiligen)(?= )"
)


def _facts_of(token: str, index: dict[str, set[str]]) -> set[str]:
    """The facts with a stem equal to the token, a prefix of it (5+ letters) or its compound end (3+)."""
    found = set(index.get(token, ()))
    if len(token) >= 5 and token.isalpha():
        for k in range(5, len(token)):
            found |= index.get(token[:k], set())
        for k in range(3, len(token) - 2):
            found |= index.get(token[-k:], set())
    return found


def _index(prepared: list[Matcher]) -> dict[str, set[str]]:
    """Every stem of every fact, pointing at its facts."""
    index: dict[str, set[str]] = {}
    for matcher in prepared:
        for s in matcher.stems:
            index.setdefault(s, set()).add(matcher.fact)
    return index


def countries_in(reading: Reading) -> frozenset[str]:
    """Country codes of the places a text names ('abroad' for words like Ausland)."""
    return _countries(reading.tokens)


def places_in(reading: Reading, profile: VoiceProfile) -> frozenset[str]:
    """countries_in() without the places in product names: "Espresso Kreuzberg" asks about no trip to Kreuzberg."""
    tokens = list(reading.tokens)
    for name in _product_tokens(tuple(n for p in profile.brand.products for n in (p.name, *p.aliases))):
        tokens = _without_run(tokens, name)
    named, contrasted = _countries(tokens), _countries(_after_contrast(tokens))
    return named - contrasted if named - contrasted else named


# "do you ship to Graz or only Germany?": the place after "only" is the contrast, not the one asked about.
CONTRAST = frozenset({"only", "nur", "just", "ausser", "except"})


def _after_contrast(tokens: list[str]) -> list[str]:
    """The words right after a contrast word, one or two on ('nur nach Deutschland'), or right before an "only"
    ('to vienna or germany only')."""
    before = [w for w, after in pairwise(tokens) if after == "only"]
    return [w for i, w in enumerate(tokens) if CONTRAST & set(tokens[max(0, i - 2) : i])] + before


def _countries(tokens: list[str]) -> frozenset[str]:
    gazetteer = _gazetteer()
    found = {gazetteer[t] for t in tokens if t in gazetteer}
    pairs = {f"{a} {b}" for a, b in pairwise(tokens)}
    return frozenset(found | {gazetteer[p] for p in pairs if p in gazetteer})


@lru_cache(maxsize=PROFILES_CACHED)
def _product_tokens(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The folded tokens of every product name and alias of more than one word."""
    runs = {tuple(read(name).tokens) for name in names}
    return tuple(run for run in runs if len(run) > 1)


def _without_run(tokens: list[str], run: tuple[str, ...]) -> list[str]:
    """The tokens with every occurrence of the run taken out."""
    kept, i = [], 0
    while i < len(tokens):
        if tuple(tokens[i : i + len(run)]) == run:
            i += len(run)
        else:
            kept.append(tokens[i])
            i += 1
    return kept


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    return {fold(name): country for country, names in table("places").items() for name in names}


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    groups = [frozenset(fold(w) for w in group) for group in table("synonyms")]
    return {word: group for group in groups for word in group}


def synonyms_of(word: str) -> frozenset[str]:
    """The folded words that mean the same as this one (itself included)."""
    return _synonyms().get(fold(word), frozenset({fold(word)}))


def fact_words(fact: Fact) -> frozenset[str]:
    """A fact's keywords with every synonym of them, folded ("größere Packungen" for the office fact)."""
    return _with_synonyms(tuple(fact.keywords))


@lru_cache(maxsize=256)
def _with_synonyms(keywords: tuple[str, ...]) -> frozenset[str]:
    words = {fold(k) for k in keywords}
    return frozenset(words | {s for w in words for s in _synonyms().get(w, ())})


def matchers(profile: VoiceProfile) -> list[Matcher]:
    """The profile's facts prepared for matching (once per profile version)."""
    return _prepared(profile)[0]


def _prepared(profile: VoiceProfile) -> tuple[list[Matcher], dict[str, set[str]]]:
    """The matchers and the stem index of a profile, cached by its key and version."""
    cache_key = (profile.key, profile.version)
    if cache_key not in _PREPARED:
        # a tip answers a question too ("what coffee goes with cinnamon buns?"), though it never names us
        known = [*profile.brand.facts, *profile.brand.tips]
        facts = tuple((f.id, tuple(f.keywords), tuple(f.intents), _texts(f)) for f in known)
        prepared = _matchers(facts)
        _PREPARED.clear() if len(_PREPARED) >= PROFILES_CACHED else None
        _PREPARED[cache_key] = (prepared, _index(prepared))
    return _PREPARED[cache_key]


def _texts(fact: Fact) -> str:
    return " ".join(fact.text.values())


@lru_cache(maxsize=16)
def _matchers(facts: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...]) -> list[Matcher]:
    return [_matcher(fact_id, keywords, intents, texts) for fact_id, keywords, intents, texts in facts]


def _matcher(fact_id: str, keywords: tuple[str, ...], intents: tuple[str, ...], texts: str) -> Matcher:
    words = _with_synonyms(keywords)
    # "caffeine-free" is read as two words and a dash: a phrase, said with the dash or without it
    phrases = sorted({v for w in words if " " in w or "-" in w for v in (w, w.replace("-", " "))})
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in phrases)) if phrases else None
    stems = frozenset(stem(w) for w in words if " " not in w and "-" not in w)
    covered = countries_in(read(" ".join([*keywords, texts])))
    return Matcher(fact_id, pattern, stems, covered, frozenset(intents))
