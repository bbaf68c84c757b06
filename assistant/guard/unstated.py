"""A yes to a question the profile has no answer for: an invented service, product or fact.

"Kann man den Kaffee auch als Geschenk verpacken lassen?" answered "Ja klar, auf Wunsch verpacken wir deine
Bestellung als Geschenk", "do u have gift cards??" answered "yes, we have gift vouchers in any amount": no fact of
the profile says so, so the draft makes it up. The same yes to a question whose fact says no ("Decaf haben wir
gerade nicht") contradicts the profile. An honest "I'll check" or a no is fine, and so is a yes whose words the
profile states (its facts, products and tips).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from assistant.guard.orders import sentences_of
from assistant.guard.promises import NEGATION
from assistant.models import Question
from assistant.text import fold, fold_pattern, is_stopword, words

STEM = 5  # letters that make two word forms the same word (verpacken, verpackt)
# A yes that answers: "Ja klar, …", "Hi Laura, yes, …", "Yes, we ship all over the EU".
GREETING = r"(?:(?:hallo|hello|hi|hey|hej|moin|servus|liebe?r?|dear)(?:\s{1,3}[\w.-]{1,30})?\W{1,4})?"
YES_FIRST = re.compile(
    rf"^\W{{0,3}}{GREETING}(?:ja|jap|jo|jep|klar|na klar|logo|natürlich|yes|yep|yup|yeah|sure|of course|absolutely"
    r"|definitely|auf jeden fall|good news|gute nachrichten?)\b(?!\s{0,3}(?:oder|or|aber|but)\b)",
    re.IGNORECASE,
)
# An offer said as ours: "Express geht auch", "verpacken wir gern", "we also have", "ist wieder da".
OFFERED = re.compile(
    r"\b(?:geht|klappt|gibt'?s|gibt es)\s{1,3}(?:\w+\s{1,3})?(?:auch|natürlich|klar|problemlos|selbstverständlich)\b"
    r"|\b(?:bieten|haben|machen|verpacken|packen|verschicken|liefern|schicken)\s{1,3}wir\s{1,3}(?:\w+\s{1,3})?(?:auch|gern|gerne|natürlich)\b"
    r"|\bwe\s{1,3}(?:also\s{1,3}|do\s{1,3}|now\s{1,3}|totally\s{1,3}|definitely\s{1,3})?(?:have|offer|do|wrap|ship|deliver)\b(?!\s{1,3}(?:not|no)\b)"
    r"|\b(?:is|are|ist|sind)\s{1,3}(?:wieder\s{1,3})?(?:back|da|zurück|erhältlich|available|im shop|in stock)\b"
    # "from February we're adding Sunday workshops"
    r"|\b(?:you|du|sie)\s{1,3}(?:can|kannst|können)\s{1,3}(?:\w+\s{1,3}){0,2}(?:pick|collect|come|abhol\w*|vorbei\w*)\b"
    r"|\bwe(?:'re| are| will be|'ll be)\s{1,3}(?:now\s{1,3}|also\s{1,3})?"
    r"(?:adding|offering|starting|launching|running)\b"
    # "Genau dafür haben wir eine Einschulungs-Box", "die gibt es im Onlineshop"
    r"|\b(?:dafür|for that|for this|for exactly that) (?:haben wir|we have|we've got)\b"
    r"|\bgibt(?:'?s| es)\s{1,3}(?:\w+\s{1,3})?(?:im (?:online-?)?shop|in unserem (?:online-?)?shop)\b",
    re.IGNORECASE,
)
# Negations that say yes: "no problem", "not too late", "keine Sorge".
POSITIVE_NEGATION = re.compile(
    r"\b(?:no|kein|keine)\s{1,3}(?:problem|problemo|worries|sorge|stress)\b|\bnot too (?:late|hard|much)\b"
    r"|\bnicht zu spät\b|\bkein ding\b|\bno doubt\b"
    # a feature, no denial: "our decaf is in the shop now, no caffeine", "ganz ohne Koffein"
    r"|\b(?:no|ohne|kein|zero)\s{1,3}(?:caffeine|koffein|sugar|zucker|bitterness|bitterkeit)\b"
    # a price, no denial: "we'll wrap it ... at no extra cost", "ohne Aufpreis"
    r"|\b(?:at )?no (?:extra |additional )?(?:cost|charge)\b|\bohne (?:aufpreis|extrakosten|zusatzkosten|mehrkosten)\b",
    re.IGNORECASE,
)
# Questions about what the brand offers: "habt ihr …", "kann man … verpacken lassen", "do u have …", "geht das mit …".
OFFER_ASKED = re.compile(
    r"\b(?:habt ihr|haben sie|hast du|gibt'?s|gibts|gibt es|bietet ihr|bieten sie|verkauft ihr|verkaufen sie"
    r"|macht ihr|machen sie|kann man|kann ich|könnt ihr|können sie|geht (?:das|es|sowas)|klappt (?:das|es)"
    r"|bildet ihr|bilden sie|stellt ihr|stellen sie|sucht ihr|suchen sie|are you hiring|do you train"
    r"|(?:do|does|can|could|would|will) (?:you|u|ya|y'all|you guys|u guys) (?:\w+ )?(?:have|sell|offer|do|ship|deliver"
    r"|make|wrap|stock|carry)|can (?:i|we) (?:\w+ )?(?:buy|get|order|have|come|walk|pick)|is there|are there"
    r"|any chance)\b"
    # "Is the Espresso Kreuzberg organic?", "ist der bio?": a property asked of what we sell
    r"|\b(?:is|are|ist|sind) (?:the |your |der |die |das |euer |eure )?(?:[\w-]+ ){0,3}(?:organic|bio|vegan"
    r"|fair ?trade|certified|zertifiziert|laktosefrei|lactose[- ]free|gluten[- ]?free|glutenfrei)\b"
    # "Is the new harvest already in?", "ist die neue Ernte schon da?": an arrival asked, a yes invents it
    r"|\b(?:is|are|ist|sind) (?:the |your |der |die |das |euer |eure )?(?:[\w-]+ ){0,3}(?:already |schon |bereits )?"
    r"(?:in|da|here|out|raus|angekommen)(?: (?:yet|already|schon))?\s{0,2}\?",
    re.IGNORECASE,
)
# Words of any offer, which say nothing about what is offered.
GENERIC = frozenset(
    fold(w)[:STEM]
    for w in (
        *("bieten", "bietet", "anbieten", "haben", "habt", "machen", "macht", "verkaufen", "verkauft", "kaufen"),
        *("kriegen", "bekommen", "erhältlich", "gibt", "gibts", "offer", "offers", "selling", "sells", "have"),
        *("make", "buy", "available"),
    )
)
CONTRAST = re.compile(r"\b(?:aber|but|jedoch|however|dafür|instead)\b", re.IGNORECASE)
SHORT_YES = 4  # words: "Hey Kira, ja!" says yes to what the next sentence states
# Asking back, checking or deferring: no claim made.
OPEN = re.compile(
    r"\?|\b(?:ob|whether|check(?!out)\w*|prüf\w*|frag\w*|klär\w*|schau\w*|find out|ask\w*|nachseh\w*|weiß ich nicht"
    r"|test\w*|not sure|keine ahnung|sag\w{0,2} bescheid|let you know|melde\w{0,2} (?:mich|uns))\b",
    re.IGNORECASE,
)


def affirmed_unknowns(
    text: str, questions: Sequence[Question], facts: dict[str, str], known: Iterable[str]
) -> list[str]:
    """Sentences of `text` that say yes to what a question asks the brand to offer, in words the profile never
    states, or to what a fact says no to. `facts` maps fact ids to their text, `known` is all the profile states."""
    known_texts = tuple(known)
    vocabulary = _vocabulary(known_texts)
    asked = [
        (q, _denied_stems(facts.get(q.fact or "", "")) if _denied(q, facts) else None)
        for q in questions
        if _asks_offer(q, facts) or _asks_a_day(q) or _asks_unsaid_aspect(q, facts)
    ]
    found, yes_before = [], False
    for sentence in sentences_of(text) if asked else []:
        direct = yes_before or bool(YES_FIRST.search(sentence))
        yes_before = bool(YES_FIRST.search(sentence)) and len(words(sentence)) <= SHORT_YES
        if not (direct or OFFERED.search(sentence)) or OPEN.search(sentence) or negated(sentence):
            continue
        said = _stems(sentence)
        for question, denied in asked:
            # A fact that says no names what it denies in its own words ("Decaf" for "Entkoffeiniertes").
            shared = said & (_stems(question.text) | (denied or set())) - GENERIC
            if question.fact and denied is None:  # "any workshops on weekends?" with the Saturday fact: only a day
                # its own fact does not name is made up ("and from May on Sundays too"; a pickup "on Saturday"
                # although another fact names Saturday workshops)
                shared = said & DAYS - _fact_stems(facts.get(question.fact, "")) - _days_of_told_facts(said, facts)
                # "Workshops auf Englisch?" with the workshop fact: "komplett auf Englisch" is said by no fact
                aspect = said & _languages_unsaid(question, facts)
                if shared - {WEEK} or shared - vocabulary or (direct and aspect):
                    found.append(sentence.strip()[:80])
                    break
                continue
            own = OWN_THING.sub(" ", question.text)
            new = _compounds(sentence) & _compounds(own) - _stated_compounds(known_texts)
            new |= _long_stems(sentence) & _long_stems(own) - _stated_long_stems(known_texts)  # "Supermarkt"
            if shared and ((denied is not None and shared & denied) or shared - vocabulary or new):
                found.append(sentence.strip()[:80])  # "Geschenkgutscheine gibt es": "gesch" is stated, the word not
                break
    return found


def _days_of_told_facts(said: set[str], facts: dict[str, str]) -> set[str]:
    """The days a sentence names with a fact that names them, told by another of its words ("Freitags ... in der
    Rösterei abholen" tells the pickup's Friday; a pickup "on Saturday" tells no workshop's Saturday)."""
    told: set[str] = set()
    for text in facts.values():
        own = _fact_stems(text)
        if (said - DAYS - GENERIC) & own:
            told |= said & DAYS & own
    return told


@lru_cache(maxsize=64)
def _fact_stems(text: str) -> frozenset[str]:
    """A fact's stems, read once: every sentence of every draft that names a day asks again."""
    return frozenset(_stems(text))


def _asks_offer(question: Question, facts: dict[str, str]) -> bool:
    """Whether the brand offers something no fact names ("habt ihr Gutscheine?"), or what a fact says no to."""
    if question.fact:  # a fact that says yes answers it; its words and the person's (a place, a holiday) are fine
        return _denied(question, facts)
    return OFFER_ASKED.search(question.text) is not None


# Languages an offer may be asked in ("Workshops auf Englisch?"), as stems: a fact that names none leaves it open
LANGUAGES = frozenset(
    fold(w)[:STEM] for w in ("englisch", "english", "deutsch", "german", "französisch", "french", "spanisch", "spanish")
)


def _asks_unsaid_aspect(question: Question, facts: dict[str, str]) -> bool:
    """An offer asked in a language its fact does not name ("Bietet ihr Workshops auf Englisch an?")."""
    if not question.fact or OFFER_ASKED.search(question.text) is None:
        return False
    return bool(_languages_unsaid(question, facts))


def _languages_unsaid(question: Question, facts: dict[str, str]) -> set[str]:
    """The languages the question names (as stems) that its fact does not."""
    return _stems(question.text) & LANGUAGES - _fact_stems(facts.get(question.fact or "", ""))


WEEK = "woche"  # the stem of "Wochenende" and "Wochentag", and of any "Wochen"
# Days of the week and the weekend, as stems: a day a yes names that no fact does is an invented opening or date.
DAYS = frozenset(
    fold(w)[:STEM]
    for w in (
        *("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "wochenende"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"),
        *("weekday", "wochentag", "täglich", "daily"),  # "just swing by any weekday afternoon"
    )
)


def _asks_a_day(question: Question) -> bool:
    """A question with a fact that names a day ("Are there any workshops on Sundays?", "on a Wednesday?")."""
    return bool(question.fact) and bool(_stems(question.text) & DAYS)


def _denied(question: Question, facts: dict[str, str]) -> bool:
    """The question's fact says no to it ("Decaf haben wir gerade nicht")."""
    return bool(question.fact) and _says_no(facts.get(question.fact or "", ""))


def _says_no(fact: str) -> bool:
    """A fact that says no, and no "but" after it ("Decaf haben wir gerade nicht"; not "…, aber freitags …")."""
    return NEGATION.search(fact) is not None and CONTRAST.search(fact) is None


def _denied_stems(fact: str) -> set[str]:
    """The stems of what a fact says no to: its clauses with a no ("payment in chat", not "the online shop" of
    "We can't take payment in chat; orders go through the online shop")."""
    clauses = [c for c in FACT_CLAUSE.split(fact) if negated(c)]
    return _stems(" ".join(clauses) or fact)


FACT_CLAUSE = re.compile(r"[.;:!?]|,\s")


def negated(sentence: str) -> bool:
    """A no or not in the sentence, other than one that says yes ("no problem")."""
    return NEGATION.search(POSITIVE_NEGATION.sub(" ", sentence)) is not None


@lru_cache(maxsize=8)
def _vocabulary(known: tuple[str, ...]) -> frozenset[str]:
    """The stems of everything the profile states, with the words of any offer."""
    return frozenset(_stems(" ".join(known))) | GENERIC


COMPOUND = 12  # letters: a word this long is a compound whose stem ("gesch") says less than the word
# The writer's own thing, never an offer of ours: "für meine Filtermaschine", "my espresso machine"
OWN_THING = re.compile(r"\b(?:mein\w{0,2}|unser\w{0,2}|my|our)\s+\w+", re.IGNORECASE)


def _compounds(text: str) -> set[str]:
    """The long words of a text, folded and without a plural or case ending ("Geschenkgutscheine")."""
    return {re.sub(r"(?:en|e|n|s)$", "", fold(w)) for w in words(text) if len(w) >= COMPOUND}


@lru_cache(maxsize=8)
def _stated_compounds(known: tuple[str, ...]) -> frozenset[str]:
    """The long words of everything the profile states."""
    return frozenset(_compounds(" ".join(known)))


LONG_STEM = 8  # letters a long word keeps: "supermärkten" is "supermar", no "super" the profile says anyway


def _long_stems(text: str) -> set[str]:
    """The first LONG_STEM letters of the long words of a text and of their hyphenated parts."""
    return {fold(w)[:LONG_STEM] for w in words(text.replace("-", " ")) if len(w) >= LONG_STEM}


@lru_cache(maxsize=8)
def _stated_long_stems(known: tuple[str, ...]) -> frozenset[str]:
    """The long stems of everything the profile states."""
    return frozenset(_long_stems(" ".join(known)))


def _stems(text: str) -> set[str]:
    """The content words of a text, cut to their stem; a German verb also without its prefix ("verpacken" and
    "packen ... ein" share "packe")."""
    parts = words(text.replace("-", " "))  # "walk-ins", "Workshop-Gutscheine": each part a word
    content = [fold(w) for w in parts if len(w) >= 4 and not is_stopword(w) and not w.isdigit()]
    bare = [PREFIX.sub("", w) for w in content if PREFIX.match(w) and w.endswith("en")]
    return {w[:STEM] for w in content} | {w[:STEM] for w in bare if len(w) >= STEM}


PREFIX = re.compile(r"^(?:ver|ein|aus|auf|zu|mit|be|ge)(?=\w{4})")


# Services a reply may offer only when the profile states them: gift wrapping, a card in the parcel, express
# shipping, a tasting. "Yes, we can gift-wrap it and add a handwritten card" invents two.
SERVICES: dict[str, re.Pattern[str]] = {
    "gift wrapping": re.compile(
        fold_pattern(
            r"geschenk ?verpack\w*|als geschenk (?:ver|ein)?pack(?:en|t)\b|\bpacken wir\b[^.!?]{0,40}\b(?:als geschenk"
            r"|hübsch|schön)\b|gift[- ]?wrap\w*|wrap (?:it|them) (?:up )?(?:as a gift|nicely)"
            r"|\bin (?:\w{1,12} ){0,3}(?:geschenkpapier\w{0,2}|gift ?paper)\b|\bwrap (?:it|them) (?:up )?in\b"
        )
    ),
    "card": re.compile(
        fold_pattern(
            r"\b(?:we|wir)\b[^.!?]{0,60}\b(?:handwritten|handgeschrieben\w*|gruß ?karte\w?|grußkärtchen|kärtchen"
            r"|greeting card|(?:little|small|personal) (?:card|note)|card with (?:your|a) message|karte mit)\b"
            r"|\b(?:karte|kärtchen|grußkarte) (?:legen|packen) wir\b"
        )
    ),
    "express shipping": re.compile(
        fold_pattern(
            r"\bexpress ?(?:versand|lieferung|shipping|delivery)\b|\bper express\b"
            r"|(?:same|next)[- ]day (?:\w{2,12} )?(?:delivery|shipping|courier)|overnight (?:delivery|shipping)"
            # "our bike courier brings it to your door the same day"
            r"|\b(?:bring\w{0,3}|deliver\w{0,3}|liefer\w{0,3}|to your door"
            r"|vor die tür|bei dir)\b[^.!?]{0,40}\b(?:the same|am selben|am gleichen|noch am selben) (?:day|tag)\b"
        )
    ),
    # "bring deine Dose mit, wir füllen dir die Bohnen direkt ab": a refill into one's own tin, never offered
    "refill": re.compile(
        fold_pattern(
            r"\bwir füllen (?:dir |euch |ihnen )?(?:\w+ ){0,4}ab\b|\babfüll\w{0,5}"
            r"|\bwe(?:'ll| will)? (?:re)?fill (?:it|them|your)"
            r"|\b(?:in|into) (?:deine|eure|ihre|your) (?:eigene[nr]? |own )?(?:dose|behälter|glas|container|jar|tin)\b"
        )
    ),
    # "in summer we add a cold pack to every parcel": a cooled shipment the profile never offers
    "cooled shipping": re.compile(
        fold_pattern(
            r"\b(?:cold ?packs?|ice ?packs?|cooling packs?|kühlakku\w{0,2}|kühlpack\w{0,2}|kühlbox\w{0,2}"
            r"|isolier\w{0,12}|insulated (?:box|packaging|parcel)|gekühlt\w{0,2} (?:versand|verschick\w{0,3}|geliefert)"
            r"|(?:chilled|cooled|refrigerated) (?:shipping|delivery|parcel))\b"
        )
    ),
    # "Ruf uns einfach werktags an, dann nehmen wir deine Bestellung telefonisch auf": orders by phone
    "phone orders": re.compile(
        fold_pattern(
            r"\btelefonisch\w{0,2} (?:\w+ ){0,2}(?:bestell\w*|auf(?:nehmen|genommen)?)\b"
            r"|\bbestellung\w{0,2} (?:\w+ ){0,3}telefonisch\b|\b(?:ruf|ruft|rufen sie) (?:uns|mich) (?:\w+ ){0,7}an\b"
            r"|\bcall us\b|\b(?:order|orders) (?:by|over the) phone\b"
            r"|\b(?:take|takes|taking) (?:your|the) (?:order|orders) (?:by|over the) phone\b"
        )
    ),
    # "on Fridays we serve fresh filter coffee at the pickup, there's a little bench outside": a café we are not
    "coffee served on site": re.compile(
        fold_pattern(
            r"\bwe (?:also )?serve (?:\w+ ){0,2}(?:coffee|filter|espresso|drinks|cups?)\b"
            r"|\b(?:schenken wir|wir schenken)\b[^.!?]{0,40}\baus\b"
            r"|\b(?:a |an |eine? )?(?:little |small |kleine )?(?:bench|bänkchen|sitzecke|seating area)"
            r" (?:outside|draußen|vor)|\bgrab a cup (?:and|to) (?:stay|sit)\b"
            r"|\b(?:kaffee|coffee) (?:to go|zum mitnehmen) (?:gibt es|gibt's|we have)\b"
        )
    ),
    # "we're reopening a shop on Oranienstraße in spring": a shop the profile says is gone
    "shop reopening": re.compile(
        fold_pattern(
            r"\b(?:reopen\w{0,3}|re-open\w{0,3}|wiedereröffn\w{0,4}|wieder eröffn\w{0,4}) (?:\w+ ){0,3}"
            r"(?:shop|store|laden|café|cafe|filiale)\b|\b(?:shop|store|laden|café|cafe) (?:\w+ ){0,3}(?:reopen\w{0,3}"
            r"|wiedereröffn\w{0,4}|wieder eröffn\w{0,4})\b|\bwiedereröffnung\b"
            r"|\b(?:open\w{0,3}|eröffn\w{0,4}) (?:\w+ ){0,2}(?:new|neue[nrs]?) (?:shop|store|laden|café|cafe)\b"
        )
    ),
    # "from now on we'll pack your orders in a waterproof box": a packaging the profile never offers
    "weatherproof packaging": re.compile(
        fold_pattern(
            r"\b(?:waterproof|water-?resistant|wasserdicht\w{0,2}|wasserfest\w{0,2}|regenfest\w{0,2}"
            r"|rain-?proof|weatherproof|wetterfest\w{0,2}) (?:box\w{0,2}|karton\w{0,2}|packaging|verpackung\w{0,2}"
            r"|bag\w{0,2}|tüte\w{0,2}|parcel\w{0,2}|paket\w{0,2}|hülle\w{0,2})\b"
        )
    ),
    # "wir buchen erst nach deinem Zahltag ab", "pay next month": a later payment the profile never offers
    "deferred payment": re.compile(
        fold_pattern(
            r"\b(?:wir buchen|buchen wir|wir ziehen|ziehen wir)\b[^.!?]{0,40}\b(?:erst|später|nächsten monat)\b"
            r"|\bratenzahlung\w{0,2}|\bin raten\b|\b(?:pay|zahl\w{0,2}) (?:later|next month|nächsten monat|später)\b"
            r"|\binstall?ments?\b|\bwe(?:'ll| will)? (?:only )?charge (?:you|your card|it) (?:after|once|next)\b"
        )
    ),
    # "wir kommen mit unserem Kaffee-Bike vorbei und brühen direkt bei euch im Büro": coffee at their place
    "coffee at your place": re.compile(
        fold_pattern(
            r"\bwir kommen\b[^.!?]{0,40}\bvorbei\b|\bwe(?:'ll| will) (?:come|swing|pop) (?:by|over|round)\b"
            r"|\b(?:brühen|brew\w{0,3}|servier\w{0,3}|serve) (?:wir |we )?(?:\w+ ){0,2}(?:direkt |right )?"
            r"(?:bei euch|bei dir|bei ihnen|at your (?:office|event|place|party))\b"
            r"|\b(?:kaffee|coffee)[- ]?(?:bike|truck|cart)\b|\bcatering\b"
        )
    ),
    "tasting": re.compile(
        fold_pattern(
            r"\bverkostung\w{0,2}\b|\b(?:espresso|coffee|kaffee) ?tasting\b|\ba tasting\b"
            r"|\b(?:espresso|kaffee) zum probieren\b|\bprobier(?:stunde|abend|session)\b"
            # "there's a free tasting of our new harvest every week"
            r"|\b(?:a|an) (?:free|weekly|little|small) tasting\b|\bfree tastings?\b"
        )
    ),
}


def invented_services(text: str, known: tuple[str, ...]) -> list[str]:
    """Sentences that offer a service (gift wrapping, a card, express shipping, a tasting) the profile never
    names, said as a fact: not asked back, checked or denied. `known` is all the profile states."""
    unknown = _unnamed_services(known)
    found = []
    for sentence in sentences_of(text) if unknown else []:
        folded = fold(sentence)
        if OPEN.search(sentence) or PASSED_ON.search(sentence) or negated(NEVER_AGAIN.sub("", sentence)):
            continue
        if REACTED.search(sentence) and not WE_DO.search(sentence):
            continue  # "a tasting for a film club sounds fun!": their idea liked, nothing offered
        if any(rx.search(folded) for rx in unknown):
            found.append(sentence.strip()[:80])
    return found


# A wish passed on, no service promised: "Deinen Wunsch nach wetterfester Verpackung gebe ich ... weiter"
PASSED_ON = re.compile(
    r"\b(?:wunsch|wünsche|wish|vorschlag|suggestion|anregung)\b[^.!?]{0,80}"
    r"\b(?:weiter\w{0,5}|pass\w{0,3} (?:it |that )?on)\b",
    re.IGNORECASE,
)
# A reaction to what the person plans or asks for: "sounds fun", "klingt super" (offers nothing by itself)
REACTED = re.compile(r"\b(?:sounds?|klingt|klingen|hört sich)\b", re.IGNORECASE)
WE_DO = re.compile(r"\b(?:we|we'?ll|we'?d|wir|uns|us|machen wir|gerne? machen)\b", re.IGNORECASE)
# A purpose that denies a repeat, not the offer: "... in a waterproof box so it can't happen again"
NEVER_AGAIN = re.compile(
    r"\b(?:so (?:that )?(?:it|this|that)|damit (?:das|es|so ?was))\b[^.!?]{0,40}\b(?:again|wieder|nochmal|noch mal)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def _unnamed_services(known: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The services of SERVICES that nothing the profile states names (the guard asks once per draft)."""
    stated = fold(" ".join(known))
    return tuple(rx for rx in SERVICES.values() if not rx.search(stated))


# When something comes, asked with no fact to answer it: "Ab wann gibt es den?", "when is it back?"
WHEN_ASKED = re.compile(r"\b(?:ab wann|bis wann|wann|when|how soon|what date)\b", re.IGNORECASE)
# A calendar date a draft names: "ab dem 15. November", "on 3 October", "October 3rd", "15.11."
A_DATE = re.compile(
    fold_pattern(
        r"\b\d{1,2}\.?\s{0,2}(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]{0,7}\b"
        r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7}\s{1,2}\d{1,2}(?:st|nd|rd|th)?\b"
        r"|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?"
    ),
    re.IGNORECASE,
)


def invented_dates(text: str, questions: Sequence[Question], said: Iterable[str]) -> list[str]:
    """Sentences that answer a "when?" no fact answers with a date nobody gave ("unser Decaf kommt ab dem 15.
    November"), or a "habt ihr X?" with a month it is to come in ("ab Mitte Oktober kommt unsere Pumpkin-Spice-
    Edition"): the profile has no such date, so the draft makes it up; a "when?" its fact answers without a date
    ("we're testing a decaf") gets no date either ("Our decaf launches on October 15th")."""
    unanswered = [q for q in questions if not q.fact]
    when = any(WHEN_ASKED.search(q.text) for q in questions)  # a fact may answer "when?" without a date: "im Test"
    if not (unanswered or when):
        return []
    given, folded = fold(" ".join(said)), fold(text)
    dates = [*A_MONTH.finditer(folded)] if unanswered else []
    if when:
        dates += A_DATE.finditer(folded)
    found = []
    for date in dates:  # read in the text, since "15. November" ends no sentence
        before = re.split(r"[!?\n]|(?<!\d)\.\s", folded[max(0, date.start() - WINDOW) : date.start()])[-1]
        before = re.split(r"\b(?:aber|but|doch|jedoch)\b", before)[-1]  # "Noch nicht, aber ab Mitte Oktober kommt"
        after = folded[date.end() : date.end() + WINDOW]
        launched = LAUNCHED.search(before) or (PERIOD_START.search(before) and LAUNCHED_AFTER.match(after))
        if date.group() in given or OPEN.search(before) or negated(before) or not launched:
            continue  # "der Feiertag am 3. Oktober zählt nicht mit": a date told, nothing set for it
        found.append(f"{before.strip()} {date.group()}".strip()[-80:])
    return found


# A month or week something is set to come in: "ab Mitte Oktober", "in early November", "from next week"
A_MONTH = re.compile(
    fold_pattern(
        r"\b(?:(?:anfang|mitte|ende|early|mid|late)[\s-]{1,2})?(?:januar|februar|märz|april|juni|juli|august|september"
        r"|oktober|november|dezember|january|february|march|june|july|october|december)\b"
        # "ab nächster Woche kommt unser Pumpkin-Spice-Blend", "from next month"
        r"|\b(?:nächste[nrms]?|kommende[nrms]?) (?:woche|monat)\b|\bnext (?:week|month)\b"
    ),
    re.IGNORECASE,
)
PERIOD_START = re.compile(r"\b(?:ab|from|starting|starting in|in|im)\s{0,2}$")
# ... said after it: "ab Mitte Oktober kommt unsere Edition in den Shop", "from November it's back"
LAUNCHED_AFTER = re.compile(
    r"[\s,]{0,3}(?:\w+\s){0,1}(?:kommt|kommen|gibt es|gibt'?s|startet|starten|erscheint"
    r"|ist (?:sie |er |es )?(?:wieder )?da|launch\w{0,3}|starts?|drops?|comes?|it'?s back|is back"
    r"|we(?:'ll| will) have)\b"
)


WINDOW = 80  # characters read before a date for the sentence that says it
# Something set to come on the date: "kommt ab dem", "gibt es ab", "launches on the", "back from"
LAUNCHED = re.compile(
    r"\b(?:kommt|kommen|gibt es|gibts|startet|starten|erscheint|verfugbar|erhaltlich|ist (?:wieder )?da|im shop"
    r"|in den shop|comes?|coming|launch\w{0,3}|available|back|drops?|starts?|in stock)\b[^.!?]{0,30}"
    r"\b(?:ab|ab dem|from|from the|starting|am|on|on the|in|im)\s{0,2}$"
)
