"""What the composer may take from a message, written correctly: names, durations, places, noun phrases.

Nothing is echoed as typed: a first name only from a list of given names, a noun only when the
lexicon knows it (or the person wrote it as a capitalised German noun), never a shouted word, an
insult, an accusation, a code or personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field

from assistant.analysis.irony import OUR_WORLD
from assistant.analysis.reading import PROFANITY
from assistant.defaults import DATA_DIR
from assistant.models import StrictModel
from assistant.profiles.loading import VoiceProfile, parse_file
from assistant.text import fold, given_names, has_phrase, is_stopword, table, words


class Entry(StrictModel):
    """A lexicon word: its folded forms and how to write it per language."""

    match: list[str]
    de: str
    en: str
    # Everyday words (Kaffee, Morgen, Paket) say less about a message than specific ones (Thermoskanne).
    weak: bool = False


class Lexicon(StrictModel):
    """assistant/data/lexicon.yaml."""

    first_names: list[str] = Field(default_factory=list)
    nouns: list[Entry] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    echo: list[str] = Field(default_factory=list)
    places: list[Entry] = Field(default_factory=list)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (loaded once)."""
    return parse_file(DATA_DIR / "lexicon.yaml", Lexicon)


# Accusations are never echoed back as the topic ("Bei Kinderarbeit können wir helfen").
ACCUSATION = re.compile(
    r"kinderarbeit|child.?labou?r|betrug|betrüg|scam|fraud|abzock|lüge|lügn|liar|ausbeut|exploit|sklav|slave|rassis|racis"
    r"|kriminell|criminal|dieb|thie[fv]|mafia|nazi|faschis|verbrech|kriegstreib|hetz|verräter|heuchl|versager"
    # "eine vielleicht blöde/dumme Frage", "espresso vorm start ja oder dumme idee" ask, they accuse no one
    r"|propagand|gesindel|abschaum|schmarotz|parasit|terror|mörder|morder|vergewalt|hure|idiot"
    r"|blöd(?!\w{0,2} (?:frage|idee))"
    # a word of its own: "aufklappen", "Dummy" accuse nobody
    r"|(?<![^\W\d_])(?:dumm(?!\w{0,2} (?:frage|idee))|lappen)",
    re.IGNORECASE,
)


# A title before the name: "Dr. Katharina Weiss" is Katharina
_TITLE = re.compile(r"^(?:(?:dr|prof|frau|herr|mrs?|ms|mx)\.?\s){1,3}", re.IGNORECASE)


def first_name(author: str | None) -> str:
    """A first name from "Renate Vogel", "Sab Ine" or a handle that starts with one (lina.19.bln); else ""."""
    author = _TITLE.sub("", (author or "").strip())
    parts = author.split()
    double = parts[0].split("-") if len(parts) >= 2 and parts[0][:1].isupper() else []
    if len(double) == 2 and all(d.isalpha() and d[:1].isupper() for d in double) and fold(double[0]) in given_names():
        return parts[0]  # "Hans-Jürgen Wolter" is Hans-Jürgen, never Hans
    if len(parts) >= 2 and all(p.isalpha() for p in parts[:2]) and parts[0][:1].isupper():
        if len(parts[0]) <= 3 and len(parts[1]) <= 3:
            joined = "".join(parts[:2])
            return joined.capitalize() if fold(joined) in given_names() else ""
        return parts[0].capitalize() if fold(parts[0]) in given_names() else ""
    head = re.split(r"[._\-\d\s]+", author.lstrip("@"))[0] if author else ""
    if len(head) >= 3 and fold(head) in given_names() and head.isalpha():
        return head.capitalize()
    return ""


_NUMBER_DE = {
    "ein": "ein",
    "eine": "eine",
    "einen": "eine",
    "einem": "eine",
    "einer": "eine",
    "zwei": "zwei",
    "drei": "drei",
    "vier": "vier",
    "fünf": "fünf",
    "sechs": "sechs",
    "sieben": "sieben",
    "acht": "acht",
    "neun": "neun",
    "zehn": "zehn",
    "elf": "elf",
    "zwölf": "zwölf",
}
_UNIT_DE = {"tag": ("Tag", "Tage"), "woche": ("Woche", "Wochen"), "monat": ("Monat", "Monate")}
_DURATION_DE = re.compile(
    r"\b(?:seit|vor|nach|schon|bereits)\s+(?:über\s+|ueber\s+|fast\s+|knapp\s+|mehr als\s+)?"
    r"(\d{1,2}|ein|eine|einen|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+"
    r"(tag|tage|tagen|woche|wochen|monat|monate|monaten)\b",
    re.IGNORECASE,
)
# ("2-3 day shipping apparently means two weeks": a promised range is no wait)
_DURATION_EN = re.compile(
    # "I pay for every 2 weeks": a rhythm, no wait
    r"(?<![\d][-–])(?<!every )(?<!each )(?<!once in )"
    r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?|months?)"
    r"\b(?!\s(?:shipping|delivery|dispatch|turnaround|window))",
    re.IGNORECASE,
)


_YEARS_DE = re.compile(
    r"\bseit\s+(?:über\s+|fast\s+|knapp\s+|mehr als\s+)?(?:(\d{1,2}|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
    r"|zehn|elf|zwölf)\s+(jahr|jahren|monat|monaten)|(jahren))\b",
    re.IGNORECASE,
)
_YEARS_EN = re.compile(
    r"\b(?:for|since)\s+(?:over\s+|almost\s+|nearly\s+)?(?:(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(years?|months?)|(years))\b|\bsince\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def loyalty(text: str, language: str) -> str:
    """How long a fan has been with us ("seit zwei Jahren", "for a year", "since 2019"); else ""."""
    if language == "de":
        found = _YEARS_DE.search(text)
        if not found:
            return ""
        if found.group(3):
            return "seit Jahren"
        number, unit = found.group(1).lower(), found.group(2).lower()
        one = number in ("einem", "1")
        noun = ("Jahr" if one else "Jahren") if unit.startswith("jahr") else ("Monat" if one else "Monaten")
        return f"seit {'einem' if one else _NUMBER_DE.get(number, number)} {noun}"
    found = _YEARS_EN.search(text)
    if not found:
        return ""
    if found.group(4):
        return f"since {found.group(4)}"
    if found.group(3):
        return "for years"
    number, unit = found.group(1).lower(), found.group(2).lower().rstrip("s")
    return f"for a {unit}" if number in ("a", "one", "1") else f"for {number} {unit}s"


_SINGULAR_AS_PLURAL_DE = {"woche": "sieben Tage", "monat": "vier Wochen"}  # "eine Woche sind" is no German


def duration(text: str, language: str) -> str:
    """How long the person has waited, in the nominative ("8 Tage", "zwei Wochen", "10 days"); else ""."""
    if language == "de":
        match = _DURATION_DE.search(text)
        if not match:
            return ""
        number, unit = match.group(1).lower(), match.group(2).lower()
        base = next(k for k in _UNIT_DE if unit.startswith(k))
        singular = number in ("ein", "eine", "einen", "einem", "einer", "1")
        word = _UNIT_DE[base][0 if singular else 1]
        if singular:  # the replies say "{duration} sind zu lang": a plural that means the same, no day
            return _SINGULAR_AS_PLURAL_DE.get(base, "")
        return f"{_NUMBER_DE.get(number, number)} {word}"
    match = _DURATION_EN.search(text)
    if not match:
        return ""
    number, unit = match.group(1).lower(), match.group(2).lower()
    if number in ("a", "one", "1"):
        return f"a {unit.rstrip('s')}"
    return f"{number} {unit if unit.endswith('s') else unit + 's'}"


def place(text: str, language: str) -> tuple[str, list[str]]:
    """A place the message names (as written in the reply language) and its folded forms; else ("", [])."""
    folded = fold(text)
    for entry in lexicon().places:
        for form in entry.match:
            if has_phrase(folded, form):
                country = entry.de if language == "de" else entry.en
                typed = next((w for w in words(text) if fold(w) == form), "")
                city = typed and form not in (fold(entry.de), fold(entry.en))
                return (typed[:1].upper() + typed[1:] if city else country), entry.match
    return _gazetteer_place(text)


def country_of(place: str) -> str | None:
    """The gazetteer's country code for a place name (Graz -> "at"), in any language or case; else None."""
    wanted = fold(place)
    return next((code for code, names in table("places").items() if wanted in {fold(n) for n in names}), None)


def country_name(code: str, language: str) -> str:
    """The lexicon's name of a country by its gazetteer code ("ch" -> "Schweiz", "Switzerland"), without an article;
    "" for a country the lexicon does not name."""
    for entry in lexicon().places:
        if country_of(entry.en) == code:
            name = entry.de if language == "de" else entry.en
            return name.split(" ", 1)[1] if name.startswith(("die ", "der ", "das ")) else name
    return ""


def names_country(text: str, code: str | None) -> bool:
    """The text names the country itself, by one of its first two gazetteer names (Deutschland, Germany)."""
    folded = fold(text)
    return any(has_phrase(folded, fold(n), whole=False) for n in table("places").get(code or "", [])[:2])


def _names(folded: str, form: str) -> bool:
    return has_phrase(folded, form)


def _gazetteer_place(text: str) -> tuple[str, list[str]]:
    """A foreign city of the gazetteer the lexicon does not list ("Amsterdam"), with its country's names as forms
    (a German city names no destination of its own: the German shipping fact covers it)."""
    folded = fold(text)
    for code, names in table("places").items():
        if code in ("de", "abroad"):
            continue
        forms = [fold(n) for n in names]
        hit = next((n for n, f in zip(names[2:], forms[2:], strict=True) if _names(folded, f)), None)
        if hit:  # the gazetteer's own spelling ("Südtirol"), not its folded form ("sudtirol")
            return " ".join(w[:1].upper() + w[1:] for w in hit.split()), forms
    return "", []


@dataclass(frozen=True)
class Phrase:
    """A noun phrase the reply may use: with its article (de) and without."""

    full: str
    bare: str


def known_nouns(text: str, language: str) -> list[Phrase]:
    """Lexicon nouns in the text, in order of appearance, written correctly for the reply language."""
    folded, lowered = fold(text), text.lower()
    found = []
    for entry in lexicon().nouns:
        forms = [f for f in entry.match if not _another_word(f, entry.match, lowered)]
        positions = [m.start() for form in forms for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", folded)]
        if positions:
            written = entry.de if language == "de" else entry.en
            bare = written.split(" ", 1)[1] if language == "de" and " " in written else written
            found.append((entry.weak, min(positions), Phrase(full=written, bare=bare)))
    return [phrase for _, _, phrase in sorted(found, key=lambda item: (item[0], item[1]))]


_UMLAUTS = {"a": "[aä]", "o": "[oö]", "u": "[uü]"}


def _another_word(form: str, forms: list[str], lowered: str) -> bool:
    """The form is in the text only with an umlaut the entry never lists: "Küchen" is no "kuchen"."""
    if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", lowered) or any(f != form and fold(f) == form for f in forms):
        return False
    loose = "".join(_UMLAUTS.get(c, re.escape(c)) for c in form)
    return re.search(rf"(?<!\w){loose}(?!\w)", lowered) is not None


def compound_nouns(text: str) -> list[Phrase]:
    """German compounds on a lexicon noun that the lexicon does not list ("karnevalskaffee" -> "der
    Karnevalskaffee"), with the article of their last noun; the person's spelling, capitalised."""
    listed = {form for entry in lexicon().nouns for form in entry.match}
    heads = [(fold(e.de.split(" ", 1)[1]), e.de.split(" ", 1)[0]) for e in lexicon().nouns if " " in e.de]
    found = []
    for token in dict.fromkeys(words(text)):
        folded = fold(token)
        if len(token) < 9 or folded in listed or not token.isalpha() or not safe_word(token):
            continue
        article = next(
            (a for head, a in heads if len(head) >= 5 and folded.endswith(head) and len(folded) - len(head) >= 4), ""
        )
        if article:
            bare = token[:1].upper() + token[1:]
            found.append(Phrase(full=f"{article} {bare}", bare=bare))
    return found


def is_weak(phrase: Phrase) -> bool:
    """A lexicon noun too general to name what a question is about ("Kaffee", "espresso")."""
    folded = fold(phrase.bare)
    return any(e.weak and folded in {fold(e.de.split(" ")[-1]), fold(e.en)} for e in lexicon().nouns)


def safe_word(word: str) -> bool:
    """A word the reply may repeat: no shouting, digits, insults, accusations."""
    if len(word) >= 3 and word.isupper():
        return False
    return not (any(c.isdigit() for c in word) or PROFANITY.search(word) or ACCUSATION.search(word))


def capitalised_nouns(text: str, *, skip: set[str]) -> list[str]:
    """German nouns as the person wrote them: capitalised words inside a sentence (never shouted)."""
    nouns = []
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        tokens = words(sentence)
        capital = [index > 0 and _capitalised(t) for index, t in enumerate(tokens)]
        for index, token in enumerate(tokens):
            if not capital[index] or len(token) < 4:
                continue
            if any(capital[i] for i in (index - 1, index + 1) if 0 < i < len(tokens)):
                continue  # "Moritz Neumeier", "Deutsche Bahn": a name, not a noun to talk about
            if is_stopword(token) or fold(token) in skip or not safe_word(token):
                continue
            nouns.append(token)
    return list(dict.fromkeys(nouns))


def _capitalised(token: str) -> bool:
    return all(p[:1].isupper() and p[1:].lower() == p[1:] for p in token.split("-") if p)


def topic(text: str, language: str, *, skip: set[str]) -> Phrase | None:
    """The message's most telling noun phrase the reply may echo, or None (never a word in quotes)."""
    text = SCARE_QUOTES.sub(" ", text)  # 'für "Kiez" und "handgeröstet" zahl ich gern drauf': their irony, not a topic
    # Lexicon nouns are written in the lexicon's own spelling, so a shouted or misspelt word is never copied.
    known = [p for p in known_nouns(text, language) if fold(p.bare) not in skip and not TIME_NOUN.match(fold(p.bare))]
    # the grandma's grinder before the attic; "cinnamon rolls" before a weak "coffee"
    known.sort(key=lambda p: (is_weak(p), not OUR_WORLD.search(fold(p.bare))))
    ours = [n for n in capitalised_nouns(text, skip=skip) if OUR_WORLD.search(fold(n))] if language == "de" else []
    if known and (OUR_WORLD.search(fold(known[0].bare)) or not ours):
        return known[0]
    if ours:
        return Phrase(full="", bare=max(ours, key=len))
    if language == "de":
        nouns = capitalised_nouns(text, skip=skip) or lowercase_nouns(text, skip=skip)
        nouns = [n for n in nouns if not TIME_NOUN.match(fold(n))]
        if nouns:
            longest = max(nouns, key=len)
            return Phrase(full="", bare=longest)
    return None


# "jede Woche bestellt": a stretch of time is no topic to thank for ("zum Thema Woche")
TIME_NOUN = re.compile(
    r"(?:woche|wochen|tag|tage|monat|monate|jahr|jahre|zeit|stunde|stunden|minute|minuten|wochenende|abend|morgen"
    r"|week|weeks|day|days|month|months|year|years|time|hour|hours|weekend|evening|morning)$"
)
SCARE_QUOTES = re.compile(r"[\"„“«»][^\"„“”«»\n]{1,40}[\"“”«»]")  # double quotes only: "it's" has an apostrophe


_DETERMINER = re.compile(
    r"^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|mein|meine|meinen|meinem|"
    r"dein|deine|deinen|deinem|unser|unsere|euer|eure|im|am|zum|zur|vom|beim|ins)$"
)


def lowercase_nouns(text: str, *, skip: set[str]) -> list[str]:
    """Nouns typed lowercase: the word that ends a phrase after an article ("deinem kleinen gartenzaun")."""
    tokens = words(text)
    found = []
    for i, token in enumerate(tokens):
        if not _DETERMINER.match(token.lower()):
            continue
        j = i + 1
        while j < len(tokens) - 1 and re.search(r"(?:e|en|er|es|em)$", tokens[j]) and tokens[j + 1][:1].islower():
            if is_stopword(tokens[j + 1]) or is_adjective(tokens[j + 1]):
                break
            j += 1
        if j >= len(tokens):
            continue
        noun = tokens[j]
        plain = len(noun) >= 5 and noun[:1].islower() and not is_stopword(noun) and not is_adjective(noun)
        plain = plain and not is_participle(noun)
        if plain and safe_word(noun) and fold(noun) not in skip and not noun.endswith(("st", "te", "ten")):
            found.append(noun[:1].upper() + noun[1:])
    return list(dict.fromkeys(found))


# "das aufgenommen", "das gemacht": a past participle after an article is no noun (Gedanken is lost too).
_PARTICIPLE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|mit|nach|vor|weg|zu|zuruck|durch|uber|um|unter)?ge\w{2,20}(?:t|en)$"
    r"|\w{3,20}iert$"  # "zertifiziert", "probiert": -ieren verbs take no ge-
)


def is_participle(word: str) -> bool:
    """A past participle ("aufgenommen", "gemacht"), never a noun after an article."""
    return _PARTICIPLE.match(fold(word)) is not None


def is_adjective(word: str) -> bool:
    """Predicative adjectives that end a noun phrase (ist der kaffee bio?)."""
    folded = fold(word)
    return folded in {fold(a) for a in lexicon().adjectives} or bool(
        re.search(r"(?:ig|lich|isch|bar|los|sam|haft)$", folded)
    )


def the_product(profile: VoiceProfile, name: str, language: str) -> str:
    """A product with its article ("die Kiezmischung", "the Handmühle Kiez"); unknown products: the name alone."""
    product = profile.product(name)
    if product is None:
        return name
    if language != "de":
        described = profile.localized(product.text, language)
        if described.startswith("the "):  # "the coffee subscription, every 2 or 4 weeks": "the Abo" is German
            return re.split(r"[,;(]", described, maxsplit=1)[0].strip()
        return f"the {name}"  # "So glad the Handmühle Kiez is part of your day", never "So glad Handmühle Kiez is"
    described = fold(profile.localized(product.text, "de"))
    head = fold(re.split(r"[\s-]", name)[0])
    for entry in lexicon().nouns:
        if head in entry.match or any(head.endswith(m) for m in entry.match if len(m) >= 5):
            article = entry.de.split(" ", 1)[0]
            return f"{article} {name}" if article in ("der", "die", "das") else name
    if described.startswith(("unsere ", "die ")) or head.endswith(("ung", "e", "ei", "heit", "keit")):
        return f"die {name}"
    if described.startswith("das "):
        return f"das {name}"
    return name


def quote_word(text: str, *, skip: set[str], language: str = "de") -> str:
    """The longest safe noun of a message, to quote when nothing else can be picked up; else "" (never a verb or an
    adverb: "Zu „trinke“ sagen wir nichts", "On 'genuinely' ...")."""
    plain = re.sub(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+", " ", text)
    nouns = {fold(n) for n in capitalised_nouns(plain, skip=skip)} if language == "de" else set()
    candidates = [
        w
        for w in words(plain)
        if len(w) >= 4
        and w.replace("'", "").replace("’", "").replace("-", "").isalpha()
        and not is_stopword(w)
        and safe_word(w)
        and fold(w) not in skip | FILLER_WORDS
        and _noun_like(w, language, nouns)
    ]
    return max(candidates, key=len) if candidates else ""


# Endings that make a noun: "Verpackung", "Freiheit", "Gesellschaft"; "situation", "government", "happiness"
NOUN_ENDING = {
    "de": re.compile(r"(?:ung|ungen|heit|keit|schaft|tät|ion|ionen|nis|chen|ismus|ist|isten)$"),
    "en": re.compile(r"(?:tion|tions|ment|ments|ness|ity|ship|ism|ist|ists|ance|ence)$"),
}


def _noun_like(word: str, language: str, nouns: set[str]) -> bool:
    """A German word the writer capitalised inside a sentence or with a noun's ending; an English word that is no
    adverb or past form (no tagger here: a lowercase German verb or adjective is never quoted)."""
    folded = fold(word)
    if language == "de":
        return folded in nouns or bool(NOUN_ENDING["de"].search(folded))
    return not folded.endswith(("ly", "ed")) or bool(NOUN_ENDING["en"].search(folded))


# Words that carry no topic of their own: "On 'literally' we'd rather say nothing" mocks the person.
FILLER_WORDS = frozenset(
    (
        *("literally", "actually", "basically", "honestly", "seriously", "totally", "really", "probably"),
        *("definitely", "absolutely", "eigentlich", "wirklich", "irgendwie", "einfach", "sowieso", "bestimmt"),
        "wahrscheinlich",
    )
)


def echo_word(text: str) -> str:
    """A word of the message a reply may repeat as an exclamation ("Unbedingt"), capitalised; else ""."""
    allowed = {fold(w) for w in lexicon().echo}
    for word in words(text):
        if fold(word) in allowed and safe_word(word):
            return word[:1].upper() + word[1:].lower()
    return ""
