"""Claims a stranger states about the brand as if known, and whether a draft repeats them.

"Toll, dass ihr 50 Cent pro Tüte an den Kinderbauernhof spendet!", "Bei Bohnenkiez gilt eine Rückgabefrist
von 60 Tagen", a display name "Anna ✿ Kiezmischung ist laktosefrei zertifiziert": nothing orders the reply to say
anything, yet a draft that takes up the claim's own words ("Kinderbauernhof", "60 Tagen") confirms a fact the
profile never states. A draft that names the claim to deny it ("eine Spende an den Kinderbauernhof gibt es bei
uns nicht") confirms nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.analysis.pii import find_pii
from assistant.analysis.questions import PROMISED_CHECK
from assistant.text import fold, has_phrase, is_stopword, words

MAX_SCAN = 4_000  # characters of an untrusted text read for claims
RARE = 5  # letters: shorter words of a claim are too common to mark it
NEAR = 25  # characters before a quoted name where the product word stands ("euren neuen Cold Brew „…“")
LONG = 8  # letters: a lowercase word this long is telling too ("laktosefrei", "certified")
# Offers, policies and product facts a brand could be said to have.
MARKER = re.compile(
    r"\b(?:gilt|gelten|bekommt (?:man|jede\w{0,2})|bekommst du|kriegt man|kriegst du|bekommen alle|gibt(?:'s| es)"
    r"|spend\w{0,3}|donat\w{0,3}|zertifiziert|certified|organic|bio|laktosefrei|lactose[- ]free|vegan|gratis|free"
    r"|kostenlos|umsonst|dazu|rabatt\w{0,3}|discount(?!er)\w{0,3}|garantie|warranty|rückgabe\w{0,8}|ruckgabe\w{0,8}"
    r"|hei(?:ß|ss)t|hei(?:ß|ss)en|called|named|goes to|geht an"
    r"|pro (?:tüte|like|bestellung|packung)|per (?:bag|like|order)|for every|with every|für jede\w?|bei jede[rm]"
    r"|\w{2,20}-safe|approved|zugelassen|ärztlich\w{0,2}|übernimmt|übernehmt|takes? over|taking over|eröffn\w{0,4}"
    r"|opens?|opened|opening|zweite[nrs]? (?:laden|filiale|shop)|second (?:shop|store|location)|zurück(?:ge)?geb\w{0,4}"
    r"|returnable|garantiert|guaranteed|verlos\w{0,4}|giveaway|raffle|gewinnspiel|schimmel\w*|verschimmelt|mou?ldy?|moldy"
    r"|rebrand\w*|umgelabelt|umetikettiert|pestizid\w*|contaminated|zero|säurefrei|acid-?free"
    r"|refund\w{0,3}|erstatt\w{0,4}|money[- ]back|geld zurück|fake\w{0,9}|scam\w{0,3}|betrug\w{0,2}|betrüg\w{0,4}"
    r"|closing|close down|closes|shut\w{0,3} down|schließ\w{0,3}|schliesst|schliessen|zumach\w{0,3}|dichtmach\w{0,3}"
    r"|insolven\w{0,3}|pleite|bankrupt\w{0,2}|out of business|aufgeben|aufhören)\b",
    re.IGNORECASE,
)
# Someone reports what we said, promised or posted: "u guys said in the live", "Eure Barista meinte",
# "your pinned comment said", "Bohnenkiez hat uns zugesagt", "who promised to", "Ihr hattet uns 300 € zugesagt".
REPORTED = re.compile(
    r"\b(?:said|says|told|mentioned|posted|wrote|promised|pledged|announced|meinte\w?|sagte\w?|gesagt|erzählt"
    r"|geschrieben|gepostet|zugesagt|versprochen|angekündigt|hat uns zugesagt|admitted|zugegeben|gestanden"
    r"|stand (?:da|drin|dort|gestern|heute|in)|hie(?:ß|ss) es|swears?|schwört|schwören|insists?|behauptet)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:ich|hab|habe|hatte|i|i've|i'd)\b", re.IGNORECASE)  # what I told you claims nothing
US_OR_NAME = re.compile(
    r"\b(?:ihr|ihre\w{0,2}|euch|euer|eure\w{0,2}|sie|ihnen|du|dir|dich|you|your|u|ur|you guys|u guys|marke|brand"
    r"|barista\w{0,2}|team|kollegin"
    r"|kollege|colleague|staff|pinned|who)\b|bohnenkiez",
    re.IGNORECASE,
)
# The premise of a question: "Since your beans are Demeter certified, which blend ...?"
PREMISE = re.compile(r"^\W{0,3}(?:since|as|now that|because|da|weil|wo ihr doch|nachdem)\b", re.IGNORECASE)
# "ihr macht ja am 27.12. die Party mit gratis Kaffee, ab wann?": "ja" and "doch" take it as known.
PRESUPPOSED = re.compile(r"\b(?:ihr|du) \w{2,15} (?:ja|doch)\b", re.IGNORECASE)
CONGRATS = re.compile(r"\b(?:congrats|congratulations|glückwunsch\w{0,2}|gratuliere\w?)\b", re.IGNORECASE)
PRODUCT_WORD = re.compile(
    r"\b(?:decaf|blend|roast|brew|espresso|kaffee|coffee|sorte|mischung|bohnen?|beans?|röstung|edition|new|neue\w?"
    r"|rabatt\w{0,6}|code|codewort|stichwort|gutschein\w{0,2}|discount|voucher|coupon)\b",
    re.IGNORECASE,
)
# A product of ours the text calls new without quotes: "euren neuen Kiez Nitro Cold Brew".
NEW_NAME = re.compile(r"\b(?:eure[nmrs]?|your) (?:neue[nmrs]?|new) ([A-ZÄÖÜ][\w-]{2,20}(?:\s[A-ZÄÖÜ][\w-]{1,20}){0,3})")
QUOTED_NAME = re.compile(r"[\"„“‚‘'«»]([A-ZÄÖÜ][\w-]{2,20}(?:\s[A-ZÄÖÜ][\w-]{1,20}){0,3})[\"“”‘’'«»]")
# A pledge per unit: "a tree for every bag", "50 Cent pro Tüte": its short words are the claim.
PLEDGE = re.compile(
    r"\b(?:for every|with every|per (?:bag|order|like)|pro (?:tüte|bestellung|like)|für jede\w?)\b", re.I
)
NAMING = re.compile(r"\b(?:hei(?:ß|ss)t|hei(?:ß|ss)en|called|named)\s{1,3}[\"'„“‚‘«»]", re.IGNORECASE)
NAMED = re.compile(
    r"\b(?:hei(?:ß|ss)t|hei(?:ß|ss)en|called|named)\s{1,3}[\"'„“‚‘«»]([^\"„“”‚‘’«»\n]{2,60})[\"'“”‘’«»]", re.I
)
US = re.compile(
    r"\b(?:ihr|ihre[mnrs]?|euch|euer|eure\w{0,2}|sie|ihnen|du|dir|dich|you|your|marke|brand)\b", re.IGNORECASE
)
WE = re.compile(r"\b(?:we|our|ours|us|wir|unser\w{0,2}|uns)\b", re.IGNORECASE)
# Other sellers: a clause about them ("Beim Discounter kostet das Kilo 9 Euro") states nothing about us.
OTHERS = re.compile(
    r"\b(?:beim?|im|at the|at|in the) (?:discounter|supermarkt|supermarket|drogerie|späti|aldi|lidl|rewe|edeka|netto"
    r"|penny|kaufland|tchibo|starbucks|amazon|costa|konkurrenz)\b",
    re.IGNORECASE,
)
# A clause about oneself: "I've gone caffeine-free for the new year", "ich bin seit Januar koffeinfrei".
I_FIRST = re.compile(
    r"\W{0,3}(?:i|i've|i'm|i am|i have|ich|hab|habe|bin|mine|meins|meiner|(?:\w{1,12} )?(?:von mir|from me))\b",
    re.IGNORECASE,
)  # "Tipp von mir gratis: ...": my own tip; "but mine still tastes muddy": my own cup
# "…, stimmt's?", "…, oder?", "…, right?": a claim put up for a yes is still a claim.
TAG = re.compile(
    r"\b(?:oder|stimmt(?:'?s)?|stimmt das|ist das wahr|is that (?:true|right)|is this true|right|gell|ne|nicht wahr"
    r"|isn'?t it|correct)\W{0,5}\?\W*$",
    re.IGNORECASE,
)  # "... „Ab März kostet die Kiezmischung nur noch 4,99 €“ 😍 Stimmt das?": the quote is put up for a yes
# "wait is it true the grinder has a 10 year warranty now??", "Stimmt es, dass ...?": a claim put up for a yes.
TRUE_THAT = re.compile(
    r"^\W{0,3}(?:(?:wait|ok|so|hey|also|ähm|sag mal)\W{1,3})?(?:is it true|is it right|is that true|stimmt es|"
    r"ist es wahr|stimmt das|ist das wahr|hab(?:e)? gehört|i heard|heard)\b",
    re.IGNORECASE,
)
# "correction for everyone reading: shipping to Switzerland is free above 20 francs": a fact of ours, announced
CORRECTION = re.compile(
    r"\b(?:correction|korrektur|richtigstellung|psa)\b\W{0,3}(?:for everyone|für alle|an alle|:)|for everyone reading"
    r"|für alle mitlesenden|an alle mitlesenden",
    re.IGNORECASE,
)
# "€4.90" and "am 27.12. die Party" end no sentence.
SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)[.](?=\d)|(?<=\d\.\d\d)[.]|(?<=\d\.\d)[.]){1,600}[.!?]*")
# "the bitterness is GONE 🙌 next question: how many grams ...?": an emoji ends the part before the ask
QUESTION_PART = re.compile(r"(?<!\d),|,(?!\d)|;|\s[–-]\s|\s?[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s")
CLAUSE = re.compile(r"(?<!\d),(?!\d)|;|\s[–-]\s|\s(?:und|and|aber|but)\s", re.IGNORECASE)
QUANTITY = re.compile(
    r"(\d{1,4}(?:[.,]\d{1,2})?)\s?(%|€|euro|cent|prozent|percent|tage\w?|jahre\w?|days?|years?|wochen|weeks?|kg"
    r"|kilo\w{0,2}|gramm|g\b)",
    re.IGNORECASE,
)
# A figure of the writer's own day, never a claim about us: "42 km", "3 flights of stairs", "12 sek", "30 Grad"
OWN_MEASURE = re.compile(
    r"(?<![\d.,])(\d{1,5})\s?(?:km|kilometer\w{0,2}|miles?|meilen|meter|metres?|meters?|minuten|minutes|min|sekunden"
    r"|seconds|sek|sec|grad|°|kcal|schritte|steps|stockwerke?|floors?|flights?)\b",
    re.IGNORECASE,
)
PRICE = re.compile(r"(?:€|\beur\b)\s?\d|\d\s?(?:€|euro\b)", re.IGNORECASE)  # "still €6.90 for 500g, right?"
CURRENCY_FIRST = re.compile(r"(€|eur\b)\s?(\d{1,4}(?:[.,]\d{1,2})?)", re.IGNORECASE)
# "3920455", "27.12": a claim's figure or date said bare
FIGURES = re.compile(r"(?<![\d.,])(?:\d{1,2}\.\d{1,2}(?![\d]|\.\d)|\d{2,}(?![\d]|[.,]\d))")
STEM_SAID = 7  # letters: a draft word this long that starts a claim word says it ("lebenslang", "lebenslange")
NEGATION = re.compile(
    r"\b(?:nicht|nichts|kein\w{0,2}|nie|niemals|not|no|never|nothing|nix|weder|neither|nor|falsch|false|wrong"
    r"|stimmt (?:so )?nicht|gerücht\w{0,2}|rumou?rs?|\w+n[’']t|story|stories"
    r"|niemand|nobody|no one|keine?r)\b",  # "I honestly don't know", "unfreundlich darf niemand sein"
    re.IGNORECASE,
)
DRAFT_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)[.](?=\d)){1,600}")  # "€6.90" ends no sentence


DRAFT_QUESTION = re.compile(r"(?:[^.!?\n]|(?<=\d)[.](?=\d)){1,600}[.!?]?")  # a sentence with its end mark


# A question without its "?": "wer trinkt bei 35 grad heißen kaffee, seid ihr krank 💀"
WHO_ASKS = re.compile(r"(?:wer|wie|warum|wieso|weshalb|who|why|how come)\s", re.IGNORECASE)


def _told_part(clause: str) -> list[str]:
    """A reported clause without the ask that follows it ("... GONE 🙌 next question: how many ...?"); a clause that
    is all one question keeps its report ("u guys said in the live the espresso now has guarana in it??")."""
    parts = QUESTION_PART.split(clause)
    return [p for p in parts if not p.rstrip().endswith("?")] if len(parts) > 1 else [clause]


def stated_claims(text: str, names: Iterable[str], *, as_us: bool = False) -> list[str]:
    """The clauses of a text that state an offer, policy or product fact of the brand as known (see _claims)."""
    return list(_claims(text, frozenset(names), as_us=as_us))


@lru_cache(maxsize=256)  # every draft of a set (and its repair) is checked against the same untrusted texts
def _claims(text: str, names: frozenset[str], *, as_us: bool) -> tuple[str, ...]:
    """The clauses of a text that state an offer, policy or product fact of the brand as known: in a statement
    ("ihr spendet 50 Cent pro Tüte"), as reported speech ("eure Barista meinte, ..."), as the premise of a question
    ("Since your beans are Demeter certified, which ...?") or as congratulations ("Congrats on winning ...")."""
    found = []
    for sentence in (m.group() for m in SENTENCE.finditer(text[:MAX_SCAN])):
        if PROMISED_CHECK.search(sentence):
            continue  # "you said youd check whether it works in a Chemex": a question we were to answer, no claim
        clauses = [c.strip() for c in CLAUSE.split(sentence) if c.strip()]
        found += [sentence.strip()] if CONGRATS.search(sentence) else []  # "Congrats on winning ..." talks to us
        # Put up for a yes ("Stimmt es, dass bei euch Schimmel gefunden wurde?", "ab 29 € kostenlos, oder?").
        put_up = bool(TAG.search(sentence) or TRUE_THAT.search(sentence))
        asking = sentence.rstrip().endswith("?") or bool(
            WHO_ASKS.match(sentence.strip())
        )  # "wer trinkt bei 35 grad ..."
        if asking and not put_up:
            parts = [p.strip() for p in QUESTION_PART.split(sentence)]  # "Since X and Y certified, which ...?"
            last = len(parts) - 1
            premises = [p for i, p in enumerate(parts) if (PREMISE.search(p) and i < last) or PRESUPPOSED.search(p)]
            # the premise, not the ask ("... like you said and the bitterness is GONE 🙌 next question: how ...?")
            told = [p.strip() for c in _reported(clauses) for p in _told_part(c)]
            clauses = premises + [p for p in told if p]
        elif not (
            put_up
            or NAMING.search(sentence)
            or CORRECTION.search(sentence)
            or _us(sentence, as_us=as_us)
            or _names_us(fold(sentence), names)
        ):
            clauses = []
        clauses = [c for c in clauses if not ((OTHERS.search(c) or I_FIRST.match(c)) and not US.search(c))]  # theirs
        asked_true = bool(TRUE_THAT.search(sentence))  # "Stimmt es, dass ...": whatever follows is the claim
        found += [c for c in clauses if asked_true or MARKER.search(c) or PRICE.search(c) or _our_phone(c, as_us=as_us)]
        found += _terms(clauses)
        found += _reported(clauses)
    return tuple(dict.fromkeys(found))


def _terms(clauses: list[str]) -> list[str]:
    """The quantities after an offer's clause: "refunds every order in full, no questions asked, for 60 days"."""
    at = next((i for i, c in enumerate(clauses) if MARKER.search(c)), len(clauses))
    return [c for c in clauses[at + 1 :] if QUANTITY.search(c)]


def _our_phone(clause: str, *, as_us: bool) -> bool:
    """A phone number said to be ours: "call your support at +49 1577 3920455", "Ruf uns an unter 0176 ..."."""
    ours = US.search(clause) or (as_us and WE.search(clause))
    return bool(ours) and any(s.kind == "phone" for s in find_pii(clause, None))


def _us(sentence: str, *, as_us: bool) -> bool:
    """The sentence talks to or of the brand; in a thread turn a stranger's "our coffee" speaks as the brand."""
    return bool(US.search(sentence) or (as_us and (WE.search(sentence) or MARKER.search(sentence))))


def _reported(clauses: list[str]) -> list[str]:
    """What someone says we said or promised: the clauses from the reporting one on ("meinte, Teilnehmer ...")."""
    at = next(
        (
            i
            for i, c in enumerate(clauses)
            if REPORTED.search(c)
            and not FIRST_PERSON.search(c)
            and (
                US_OR_NAME.search(c) or any(US.search(later) for later in clauses[i + 1 :])
            )  # "... geschrieben, dass ihr"
        ),
        None,
    )
    return clauses[at:] if at is not None else []


def quoted_names(text: str) -> list[str]:
    """Capitalised names in quotes that a text gives a product of ours ("your new decaf 'Nachtschicht'")."""
    found = []
    for sentence in (m.group() for m in SENTENCE.finditer(text[:MAX_SCAN])):
        for m in QUOTED_NAME.finditer(sentence):  # the product word right before or inside: "decaf 'Nachtschicht'"
            if PRODUCT_WORD.search(sentence[max(0, m.start() - NEAR) : m.end()]):
                found.append(m.group(1).strip())
        found += [m.group(1).strip() for m in NEW_NAME.finditer(sentence)]
    return found


def _names_us(folded: str, names: Iterable[str]) -> bool:
    return any(has_phrase(folded, n) for n in names)


def repeated(
    claims: list[str], draft: str, vocabulary: frozenset[str], stated: frozenset[str], names: Iterable[str] = ()
) -> list[str]:
    """The words, names and quantities of the claims (and the quoted `names`) that the draft says outside a denying
    sentence, and that the brand's own texts (`vocabulary`, `stated`: its quantities and product names) never say."""
    names = list(names)
    if not claims and not names:
        return []
    sentences = [m.group() for m in DRAFT_QUESTION.finditer(draft)]
    kept = " ".join(s for s in sentences if not NEGATION.search(s) and not s.rstrip().endswith("?"))  # asked back
    said = {fold(w) for w in words(kept)}
    found = sorted(_said_words(_claim_words(claims), said) - vocabulary)
    found += _names_said(claims, names, kept, said, vocabulary, stated, found)
    quantities = {quantity_key(n, u) for c in claims for n, u in _quantities(c)} - stated
    found += sorted(quantities & {quantity_key(n, u) for n, u in _quantities(kept)})
    found += _numbers_said(quantities - set(found), kept, stated)
    return found + _figures_said(claims, kept, vocabulary | {q.split(" ")[0] for q in stated}, found)


def _figures_said(claims: list[str], kept: str, known_: frozenset[str], found: list[str]) -> list[str]:
    """A claim's other figures said bare (a date "27.12", a phone number), unless known or already found."""
    own = {m.group(1) for c in claims for m in OWN_MEASURE.finditer(c)}  # "Nach 42 km gestern": their run
    figures = {g for c in claims for g in FIGURES.findall(c)} - known_ - own - {f.split(" ")[0] for f in found}
    return sorted(figures & set(FIGURES.findall(kept)))


def _said_words(claimed: set[str], said: set[str]) -> set[str]:
    """Claim words the draft says, also shortened ("lebenslang" says the claimed "lebenslange")."""
    return {w for w in said if w in claimed or (len(w) >= STEM_SAID and any(c.startswith(w) for c in claimed))}


def _quantities(text: str) -> list[tuple[str, str]]:
    """(number, unit) pairs, the unit after the number ("29 €") or a currency before it ("€6.90")."""
    return QUANTITY.findall(text) + [(n, u) for u, n in CURRENCY_FIRST.findall(text)]


def _numbers_said(quantities: set[str], kept: str, stated: frozenset[str]) -> list[str]:
    """A claimed quantity's number said bare ("ab 29" for "ab 29 € kostenlos"), unless the brand states it."""
    numbers = {q.split(" ")[0] for q in quantities if len(q.split(" ")[0].replace(".", "")) >= 2}
    numbers -= {q.split(" ")[0] for q in stated}
    return sorted(n for n in numbers if re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d]|[.,]\d)", kept.replace(",", ".")))


def _claim_words(claims: list[str]) -> set[str]:
    """The telling words of the claims; a promise put in our mouth or a pledge per unit makes plain words count."""
    reported = any(REPORTED.search(c) for c in claims)
    rare = {fold(w) for c in claims for w in words(c) if _telling(w) or (reported and _plain(w))}
    rare |= {fold(m) for c in claims for m in MARKER.findall(c) if len(m) >= RARE and m.isalpha()}  # "mouldy"
    return rare | {fold(w) for c in claims if PLEDGE.search(c) for w in words(c) if len(w) >= 4 and not is_stopword(w)}


def _names_said(
    claims: list[str], names: list[str], kept: str, said: set[str], vocabulary: frozenset[str], stated: frozenset[str],
    found: list[str],
) -> list[str]:  # fmt: skip
    """Names the claims give ("der heißt 'Kiez Nacht'") or quote, said whole, or by a word of their own ("Nitro")."""
    named = {fold(m.group(1)).strip() for c in claims for m in NAMED.finditer(c)} | {fold(n) for n in names}
    whole = sorted(n for n in named - stated if has_phrase(fold(kept), n))
    own = {w for n in names for w in (fold(x) for x in words(n)) if len(w) >= 4} - vocabulary
    return whole + sorted((own & said) - set(found) - set(whole))


def _plain(word: str) -> bool:
    return len(word) >= RARE and not is_stopword(word) and not word.isdigit()


def _telling(word: str) -> bool:
    """A noun or name (capitalised) or a long word: "Probiertüte", "laktosefrei", not "bekommt" or "ersten"."""
    return not is_stopword(word) and ((word[:1].isupper() and len(word) >= RARE) or len(word) >= LONG)


def known(texts: Iterable[str], names: Iterable[str]) -> frozenset[str]:
    """What the brand states itself, in the forms repeated() compares: quantities ("60 day", "10 %") and names."""
    return _known(tuple(texts), frozenset(names))


@lru_cache(maxsize=16)  # one profile's texts, read once, not once per draft
def _known(texts: tuple[str, ...], names: frozenset[str]) -> frozenset[str]:
    found = {quantity_key(n, u) for t in texts for n, u in QUANTITY.findall(t[:MAX_SCAN])}
    return frozenset(found | {fold(n) for n in names})


def quantity_key(number: str, unit: str) -> str:
    """One form for a quantity in either language: "100 Tage" and "100 days" are "100 day"."""
    unit = fold(unit)
    unit = next((same for same, forms in UNITS.items() if unit.startswith(forms)), unit)  # "100 Tage" is "100 days"
    return f"{number.replace(',', '.')} {unit}"


UNITS = {"day": ("tag", "day"), "year": ("jahr", "year"), "week": ("woche", "week"), "%": ("%", "prozent", "percent"),
         "kg": ("kg", "kilo"), "g": ("g", "gramm"), "eur": ("€", "euro")}  # fmt: skip
