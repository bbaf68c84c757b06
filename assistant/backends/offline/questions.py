"""The questions of a message, and each one as an indirect question for an honest, specific deferral.

"Liefert ihr auch nach Dänemark?" -> "ob wir auch nach Dänemark liefern", so a reply can say
"Ob wir auch nach Dänemark liefern, frage ich gerade im Team nach" instead of a vague "we'll check".
The rewriting knows German and English question word order for common shapes; anything else gives
None and the reply falls back to a plain honest deferral.
"""

from __future__ import annotations

import re

from assistant.analysis.questions import rhetorical, self_answered
from assistant.backends.offline.words import is_adjective, is_participle, lexicon
from assistant.text import QUOTED_SPAN, fold, is_stopword

# ------------------------------------------------------------------ German

_GREETING_DE = re.compile(
    r"^(?:(?:hallo{1,5}|hi{1,5}|hey{1,6}|hei|huhu|moin|servus|guten (?:tag|morgen|abend)|liebe[s]? \w+|sag mal"
    r"|kurze frage|frage|yo|ey|leute)\b[\s,!:.]{0,5})+",
    re.IGNORECASE,
)
_W_DE: tuple[str, ...] = ("wann", "wo", "wie", "was", "warum", "wieso", "weshalb", "welche", "welcher", "welches")
_W_DE += ("welchen", "welchem", "wer", "woher", "wohin", "womit", "wofür", "wieviel", "wozu")
_PREP_DE = ("aus", "von", "mit", "für", "bei", "in", "nach", "zu", "an", "auf", "um", "über", "ab", "bis")
_HOW_MUCH = ("lange", "viel", "viele", "oft", "genau", "teuer", "groß", "gross", "schnell", "alt", "fein", "grob")
_FINITE_DE = {
    *("ist", "sind", "hat", "habt", "haben", "hast", "gibt", "kann", "kannst", "können", "könnt", "kostet", "kosten"),
    *("dauert", "dauern", "kommt", "kommen", "liefert", "liefern", "versendet", "versenden", "verschickt"),
    *("verschicken", "hält", "halten", "schmeckt", "passt", "passen", "muss", "musst", "müssen", "müsst", "soll"),
    *("sollte", "sollen", "sollt", "darf", "dürfen", "dürft", "will", "wollt", "wollen", "wird", "werden", "war"),
    *("waren", "macht", "machen", "nehme", "nimmt", "nehmt", "mahle", "mahlt", "brauche", "braucht", "brauchen"),
    *("bekomme", "bekommt", "bekommen", "kriege", "kriegt", "geht", "gehen", "bietet", "bieten", "verkauft"),
    *("verkaufen", "lagere", "lagert", "empfehlt", "empfehlen", "findet", "heißt", "stammt", "stammen", "röstet"),
    *("rösten", "seid", "bin", "sucht", "suchen", "plant", "planen", "habe", "mache", "bestelle", "bestellt"),
    *("funktioniert", "funktionieren", "klappt", "klappen", "lohnt", "lohnen", "eignet", "eignen", "reicht"),
    *("steht", "stehen", "liegt", "liegen", "läuft", "laufen", "sollten", "könnten", "müssten", "würden"),
}
# Particles of the asking that the brand's indirect form drops: "Gibt es eigentlich Gutscheine?", "Wann kommt denn …?"
_FILLER_DE = frozenset({"eigentlich", "denn", "bitte", "endlich"})
_COLLOQUIAL_DE = {
    "gibt's": "gibt es",
    "gibts": "gibt es",
    "geht's": "geht es",
    "is": "ist",
    "nehm": "nehme",
    "ne": "eine",  # "macht ihr ne wiesn edition??"
    "nen": "einen",
}
_COLLOQUIAL_DE |= {"hab": "habe", "mach": "mache", "kannste": "kannst du", "habt's": "habt ihr"}
# ihr-form -> wir-form; ich-form -> du-form (irregular ones; the rest follow the rules below)
_IHR_TO_WIR = {"habt": "haben", "seid": "sind", "könnt": "können", "wollt": "wollen", "müsst": "müssen"}
_IHR_TO_WIR |= {"dürft": "dürfen", "tut": "tun", "wisst": "wissen", "sollt": "sollen", "nehmt": "nehmen"}
_ICH_TO_DU = {"kann": "kannst", "soll": "sollst", "muss": "musst", "darf": "darfst", "will": "willst"}
_ICH_TO_DU |= {"nehme": "nimmst", "habe": "hast", "bin": "bist", "weiß": "weißt", "mag": "magst", "sollte": "solltest"}
_WIR_TO_IHR = {"sind": "seid", "haben": "habt", "tun": "tut", "werden": "werdet", "sollten": "solltet"}
_WIR_TO_IHR |= {"könnten": "könntet", "müssten": "müsstet", "dürften": "dürftet", "würden": "würdet"}
_WIR_TO_IHR |= {"möchten": "möchtet", "hätten": "hättet", "wären": "wärt", "waren": "wart"}
# The person's own group, said back to them: "wir" -> "ihr", "unsere" -> "eure"
_GROUP_DE = {"wir": "ihr", "uns": "euch", "unser": "euer", "unsere": "eure", "unseren": "euren", "unserem": "eurem"}
_GROUP_DE |= {"unserer": "eurer", "unseres": "eures"}
_SWAP_DE = {
    "ihr": "wir",
    "euch": "uns",
    "euer": "unser",
    "eure": "unsere",
    "euren": "unseren",
    "eurem": "unserem",
    "eurer": "unserer",
    "eures": "unseres",
    "ich": "du",
    "mir": "dir",
    "mich": "dich",
    "mein": "dein",
    "meine": "deine",
    "meinen": "deinen",
    "meinem": "deinem",
    "meiner": "deiner",
}
# Formal "Ihnen/Ihr" (capitalised inside the sentence) is the brand: "bei Ihnen" -> "bei uns".
_SWAP_FORMAL = {"Ihnen": "uns", "Ihr": "unser", "Ihre": "unsere", "Ihren": "unseren", "Ihrem": "unserem"}
_SWAP_FORMAL |= {"Ihrer": "unserer", "Ihres": "unseres"}
_DETERMINERS = {
    *("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine"),
    *("unser", "unsere", "unseren", "unserem", "dein", "deine", "deinen", "deinem", "im", "am", "zum", "zur"),
    *("vom", "beim", "ins", "eure", "euer", "euren", "eurem", "mein", "meine", "meinen", "meinem"),
}
_PARTICLES = (
    "wieder",
    "zurück",
    "an",
    "auf",
    "aus",
    "mit",
    "vor",
    "ab",
    "zu",
    "ein",
    "nach",
    "raus",
    "rein",
    "los",
    "bei",
    "her",
    "hin",
    "vorbei",
    "weiter",
    "drauf",
    "dran",
)
# "es gibt sie wieder", "ist wieder da": no separable verb to join with the particle.
_NO_PARTICLE = {"gibt", "ist", "sind", "hat", "haben", "wird", "werden", "kann", "können", "soll", "sollen", "war"}
_NOUN_SUFFIX = re.compile(r"(?:ung|ungen|heit|keit|schaft|tät|ion|ionen|nis|(?<![aeiouäöüs])chen|mischung|kurs|paket)$")


# A second guess after "or": "… or is it only for the fancy machines", "… oder ist der nur für Siebträger".
_SECOND_GUESS = re.compile(
    r",?\s(?:or|oder)\s(?:is|are|does|do|can|am|should|ist|sind|seid|bist|bin|geht|kann|braucht|soll|sollte|muss)\s"
    r"(?:it|they|that|you|u|i|es|der|die"
    r"|das|er|sie|ihr|ich)\b[^?]{0,200}"
    # "does espresso kreuzberg work in a moka pot or only portafilter??": the guess it doubts, dropped
    r"|,?\s(?:or|oder)\s(?:only|just|nur)\s[^?]{1,60}",
    re.IGNORECASE,
)


# A clause after the question ("..., wenn man den Ausweis vorzeigt", "..., if I order two"; in German its comma may be
# missing: "kann man probieren bevor man kauft"): already in
# subordinate word order, so it follows the indirect question as it stands, its pronouns turned.
_CLAUSE_DE = re.compile(
    r"(?:,\s*((?:wenn|falls|weil|damit|obwohl|sodass|bevor|nachdem|sobald|solange|bis|(?:(?:über|mit|für|bei|von)\s)?"
    r"(?:der|die|das|den|dem|denen))\s[^,]{3,60})|\s((?:wenn|falls|weil|obwohl|bevor|nachdem|sobald)\s[^,]{3,60}))$",
    re.IGNORECASE,
)
_CLAUSE_EN = re.compile(
    r"(?:,\s*((?:if|because|since|when|before|once|so that|which|that)\s[^,]{3,60})"
    r"|\s((?:if|because|once)\s[^,]{3,60}))$",
    re.IGNORECASE,
)
# A subject whose verb would have to change with it ("wenn ich zwei bestelle" -> "wenn du zwei bestellst"),
# the person's own group, or an English "you" that may be the brand or anyone ("if you show your card"): the
# clause is left out rather than put wrongly in the brand's mouth.
_CLAUSE_SUBJECT = re.compile(
    r"\b(?:(?i:ich|du|ihr|wir|uns|unser\w*|bin|bist|we|us|our|you|your|u|ur|i'm|im|am|was)|Sie)\b"
)


def _trailing_clause(text: str, language: str) -> tuple[str, str | None]:
    """The question without a clause that trails it, and that clause as the brand would repeat it ("" if none,
    None if it is left out)."""
    found = (_CLAUSE_DE if language == "de" else _CLAUSE_EN).search(text)
    if not found:
        return text, ""
    main, clause = text[: found.start()].strip(), next(g for g in found.groups() if g).strip()
    if _CLAUSE_SUBJECT.search(clause) or re.search(r"\s(?:oder|or)\s", clause):
        return main, None
    swap = (lambda t: _SWAP_FORMAL.get(t, _SWAP_DE.get(t.lower(), t))) if language == "de" else _swap_en
    return main, " ".join(w for w in (swap(t) for t in clause.split(" ")) if w)


def without_clause(indirect_question: str, language: str) -> str:
    """An indirect question without the clause that trails it, for tight limits ("ob es einen Rabatt gibt")."""
    return _trailing_clause(indirect_question, language)[0]


def _with_clause(indirect_question: str | None, clause: str | None, language: str) -> str | None:
    """The indirect question with its trailing clause, if both are there and the whole stays short."""
    if clause is None and indirect_question and len(indirect_question.split(" ")) < 5:
        return None  # "was du machst" without "wenn du dein Passwort vergessen hast" names nothing
    if not indirect_question or not clause or len(indirect_question) + len(clause) > 110:
        return indirect_question
    return f"{indirect_question}{', ' if language == 'de' else ' '}{clause}"


# "oder ist der nur für Siebträger": a second clause after "oder"; "im Supermarkt oder in Cafés", "Geschenkverpackungen
# oder Gutscheine" are one question
_TWO_CLAUSES = re.compile(
    r"\soder\s(?=(?:ist|sind|kann|kannst|könnt|geht|gibt|gibts|muss|soll|habt|hat|hast|braucht|brauch|wird|würde"
    r"|macht|kommt|liefert|schickt|bin|bist|seid|war|sollte|lieber|doch|nicht|eher|so|was|wie|wo|wann|ob)\b)",
    re.IGNORECASE,
)


def indirect_de(question: str) -> str | None:
    """A German question as an indirect question from the brand's side ("ob wir ... liefern"), or None."""
    text = re.sub(r"^(?:und|oder)\s+", "", _GREETING_DE.sub("", question.strip()), flags=re.IGNORECASE)
    text = _SECOND_GUESS.sub("", text)  # "geht der in der Bialetti oder ist der nur für Siebträger": the first
    if "/" in text.split("?")[0]:
        return None  # "Beliefert ihr Cafés / Gastro?": two questions in one
    text = re.sub(r"[^\w\s'’äöüÄÖÜß,.-]", " ", text).split("?")[0]
    text = re.sub(r"(\d)([^\W\d_]+)", r"\1 \2", text)  # "250g" -> "250 g": never echo a code-like token
    text, clause = _trailing_clause(re.sub(r"\s+", " ", text).strip(" ,.-"), "de")
    if re.search(r"\d[\w-]*-|-[\w-]*\d", text):
        return None  # "250-g-Packungen" reads like a code when echoed: a plain deferral instead
    if not text or "," in text or _TWO_CLAUSES.search(f" {text} ") or len(text) > 90:
        return None
    tokens = []
    for token in text.replace("’", "'").split(" "):
        tokens += _COLLOQUIAL_DE.get(token.lower(), token).split(" ")
    tokens = [t for t in tokens if t.lower() not in _FILLER_DE] or tokens  # "ob es eigentlich Gutscheine gibt"
    tokens = _compounded(tokens)  # "ne spezial röstung" -> "eine Spezialröstung"
    first = tokens[0].lower()
    # "waren wir ...": the person's own group; said back only as its subject ("wie viel Kaffee ihr einplanen
    # solltet"), never in a clause of ours
    group = any(t.lower() in ("wir", "uns", "unser", "unsere", "unseren", "unserem") for t in tokens)
    if first in _PREP_DE and len(tokens) > 3 and tokens[1].lower().startswith("welch"):
        if tokens[3].lower() not in _FINITE_DE:  # "aus welchem Land stammen ...": a preposition, its noun, the verb
            return None
        head, rest = [first, tokens[1].lower(), *_capitalise_de(tokens[2:3])], tokens[3:]
    elif first in _PREP_DE and len(tokens) > 3 and tokens[1].lower() in ("wann", "wo", "wie"):
        head, rest = [first, tokens[1].lower()], tokens[2:]  # "ab wann gibt es die neue Ernte": "ab wann" leads
    elif first in _W_DE:
        head_len = 2 if len(tokens) > 2 and first == "wie" and tokens[1].lower() in _HOW_MUCH else 1
        if (
            head_len == 2
            and len(tokens) > 3
            and tokens[2].lower() not in _FINITE_DE
            and tokens[3].lower() in _FINITE_DE
        ):
            head_len = 3  # "wie viel Kaffeepulver nehme ich": the amount's noun belongs to the head
        elif head_len == 2 and len(tokens) > 5 and tokens[3].lower() in ("von", "vom"):
            # "wie viele Löffel von der Kiezmischung nehme ich": the amount with what it measures leads
            found = next((k for k in range(4, min(len(tokens), 8)) if tokens[k].lower() in _FINITE_DE), 0)
            head_len = found or head_len
        if first.startswith("welch") and len(tokens) > 2:
            head_len = 2 if tokens[2].lower() in _FINITE_DE else 0
        if not head_len:
            return None
        head = [tokens[0].lower(), *_capitalise_de(tokens[1:head_len])]  # "wie viel kaffee" -> "wie viel Kaffee"
        rest = tokens[head_len:]
    elif first in _FINITE_DE or (len(tokens) > 2 and _verb_before_subject(tokens)):  # "Legen Sie ... bei?"
        head, rest = ["ob"], tokens
    else:
        return None
    if not rest or len(rest) < 2 or not (rest[0].lower() in _FINITE_DE or _verb_before_subject(rest)):
        return None
    if group and rest[1].lower() != "wir":
        return None
    swapped, body = _swap_subject_de(rest[0].lower(), rest[1:])
    if swapped is None:
        return None
    verb = swapped
    swaps = {**_SWAP_DE, **_GROUP_DE} if group else _SWAP_DE
    # the verb read after the body, where it will stand: "ob die teurer wird", not "ob die Teurer"
    body = _capitalise_de([*(_SWAP_FORMAL.get(t, swaps.get(t.lower(), t)) for t in body), verb])[:-1]
    if verb in _MODALS and rest[-1][:1].islower():
        body[-1] = rest[-1]  # "ob man die irgendwo buchen kann": after a modal the last word is its infinitive
    if body and body[-1].lower() in _PARTICLES and verb not in _NO_PARTICLE:  # "wann kommt er wieder"
        verb = body[-1].lower() + verb
        body = body[:-1]
    if "und" in (t.lower() for t in body):  # two questions in one: too easy to get wrong
        return None
    if verb in _TELLING or (body and body[-1].lower() in _TELLING):
        return None  # "Können Sie mir sagen, was da los ist?": what to tell is the question, not the telling
    return _with_clause(" ".join([*head, *body, verb]), clause, "de")


def _compounded(tokens: list[str]) -> list[str]:
    """A colloquial prefix typed apart joined to its noun ("spezial röstung" -> "spezialröstung")."""
    out: list[str] = []
    for token in tokens:
        if out and out[-1].lower() in _PREFIXES_DE and token[:1].isalpha():
            out[-1] = out[-1].lower() + token.lower()
        else:
            out.append(token)
    return out


_PREFIXES_DE = frozenset({"spezial", "sonder"})


_TELLING = {"sagen", "mitteilen", "erklären", "verraten", "beantworten", "helfen", "sagst", "sagt", "fragen"}


def _verb_before_subject(rest: list[str]) -> bool:
    """A verb the lexicon does not know, before its subject: "entkalkt ihr", "reinige ich"."""
    verb = rest[0].lower()
    known = re.fullmatch(r"[a-zäöüß]{3,20}(?:t|e|en)", verb) is not None and verb not in ("danke", "bitte")
    return rest[1] in ("ihr", "ich", "man", "Sie") and known


def _swap_subject_de(verb: str, body: list[str]) -> tuple[str | None, list[str]]:
    """Conjugate the verb for the new subject (ihr -> wir, ich -> du, Sie -> wir)."""
    subject = body[0]
    following = body[1] if len(body) > 1 else ""
    if subject == "ihr" or (subject == "Ihr" and not following[:1].isupper()):
        return _IHR_TO_WIR.get(verb) or _wir_form(verb), body
    if subject == "Sie":  # formal you: the brand answers as "wir", the verb is already plural
        return verb, ["wir", *("uns" if t == "sich" else t for t in body[1:])]  # "sich vorstellen" -> "uns"
    if subject.lower() == "ich":
        return _ICH_TO_DU.get(verb) or _du_form(verb), body
    if subject.lower() == "wir":  # the person's group: "sollten wir" -> "ihr solltet"
        return _WIR_TO_IHR.get(verb) or _ihr_form(verb), body
    if subject.lower() in ("du", "sie"):  # "kannst du" / "kann sie": who is meant is unclear
        return None, body
    return verb, body


def _wir_form(verb: str) -> str:
    if verb.endswith("iert"):
        return verb[:-1] + "en"  # reserviert -> reservieren
    if verb.endswith("et"):
        return verb[:-2] + "en"  # bietet -> bieten
    if verb.endswith(("ert", "elt")):
        return verb[:-1] + "n"  # liefert -> liefern
    if verb.endswith("t"):
        return verb[:-1] + "en"  # macht -> machen
    return verb


def _ihr_form(verb: str) -> str:
    """The "ihr" form of a "wir" form: brauchen -> braucht, bieten -> bietet, liefern -> liefert."""
    if verb.endswith(("ern", "eln")):
        return verb[:-1] + "t"
    stem = verb[:-2] if verb.endswith("en") else verb
    return stem + ("et" if stem.endswith(("t", "d")) else "t")


def _du_form(verb: str) -> str:
    stem = verb[:-1] if verb.endswith("e") else verb
    return stem + ("est" if stem.endswith(("t", "d")) else "st")


_MODALS = {
    "kann",
    "können",
    "soll",
    "sollen",
    "muss",
    "müssen",
    "darf",
    "dürfen",
    "will",
    "wollen",
    "möchte",
    "möchten",
}
_MODALS |= {"könnten", "sollten", "müssten", "dürften", "kannst", "musst", "darfst", "sollst", "willst", "möchtest"}
_MODALS |= {"sollte", "könnte", "müsste", "dürfte", "würde", "würden", "solltest", "könntest"}
# Words after "die"/"das" that show it is a pronoun ("kann man die irgendwo buchen"), not an article.
_ADVERBS = {"irgendwo", "auch", "noch", "schon", "denn", "mal", "hier", "dort", "da", "wirklich", "eigentlich"}
_ADVERBS |= {"überhaupt", "jetzt", "gerade", "bald", "immer", "nie", "wieder", "irgendwann", "online", "direkt"}
_ADVERBS |= {"davon", "dafür", "darauf", "später", "dann", "vorher", "jemand", "niemand", "etwas", "nichts"}
_ADVERBS |= {"ungefähr", "etwa", "circa", "ca", "genau", "insgesamt", "zusammen", "pro", "heute", "morgen"}


_COPULAS = frozenset({"wird", "werden", "ist", "sind", "war", "waren", "wäre", "wären", "bleibt", "bleiben"})


def _capitalise_de(tokens: list[str]) -> list[str]:
    """Nouns typed lowercase get their capital: lexicon nouns, noun suffixes, the last word after an article."""
    known = {fold(form) for entry in lexicon().nouns for form in entry.match if " " not in form}
    names = {fold(p.de): p.de for p in lexicon().places for _ in [0]}
    names |= {fold(form): p.de for p in lexicon().places for form in p.match}
    out = list(tokens)
    for i, token in enumerate(tokens):
        if not token[:1].islower():
            continue
        folded = fold(token)
        previous = tokens[i - 1].lower() if i > 0 else ""
        if previous == "am" and folded.endswith("sten"):  # am besten
            continue
        if (folded in known and not is_adjective(token)) or folded in _HOLIDAYS_DE:  # "was zu Halloween"
            out[i] = _cap(token)
        elif "-" in folded and folded.rsplit("-", 1)[-1] in known:
            out[i] = _cap(token)  # "bier-kaffee" ends in a noun: "Bier-Kaffee"
        elif folded in names and not names[folded].startswith("die "):
            out[i] = names[folded]
        elif _NOUN_SUFFIX.search(folded) and not is_stopword(token):
            out[i] = _cap(token)
        elif folded in _ADVERBS or token.lower() in _ADVERBS:  # "überhaupt" folds to "uberhaupt"
            continue
        elif i > 0 and tokens[i - 1].lower() in _DETERMINERS and not is_stopword(token) and not is_adjective(token):
            if is_participle(token) or is_participle(token.split("-")[-1]):
                continue  # "wo das aufgenommen ist", "ob der bio-zertifiziert ist"
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            attributive = token.endswith(("e", "en", "er", "es", "em")) and following[:1].isalpha()
            if following[:1].isupper():
                continue  # "ein gesunder Mischwald": the noun is already capitalised
            if folded.endswith("er") and following.lower() in _COPULAS:
                continue  # "ob die teurer wird": "die" is "sie", and "teurer" says how it will be
            if not attributive or not following or is_stopword(following) or is_adjective(following):
                out[i] = _cap(token)
        elif _after_article_and_adjective(tokens, i):
            out[i] = _cap(token)  # "die neue ernte" -> "die neue Ernte"
    return out


_HOLIDAYS_DE = frozenset({"halloween", "weihnachten", "ostern", "pfingsten", "silvester", "erntedank", "fasching"})


def _after_article_and_adjective(tokens: list[str], i: int) -> bool:
    """The word follows an article and an adjective and is a noun by every sign ("die neue ernte")."""
    token = tokens[i]
    if i < 2 or tokens[i - 2].lower() not in _DETERMINERS or not is_adjective(tokens[i - 1]) or is_stopword(token):
        return False
    return not (is_adjective(token) or is_participle(token) or token.lower() in _COPULAS)


def _cap(token: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in token.split("-"))


# ------------------------------------------------------------------ English

_GREETING_EN = re.compile(
    r"^(?:(?:hi{1,5}|hey{1,6}|hello{1,5}|hiya|quick question|question|so|ok|okay|yo)\b[\s,!:.]{0,5})+", re.IGNORECASE
)
_AUX_EN = {"do", "does", "is", "are", "can", "could", "will", "would", "should", "have", "has", "did", "was", "were"}
_W_EN = ("when", "where", "how", "what", "why", "which", "who")
_SWAP_EN = {
    "you": "we",
    "u": "we",
    "your": "our",
    "ur": "our",
    "yours": "ours",
    "i": "you",
    "my": "your",
    "me": "you",
    "guys": "",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "myself": "yourself",
    "mine": "yours",
    "we're": "you're",
}
_DET_EN = {"the", "your", "ur", "this", "that", "these", "those", "my", "a", "an", "it", "there", "our"}


_RUN_TOGETHER = re.compile(r"\b(what|where|when|how|who)(?:s|'s|’s)(?=\s)", re.IGNORECASE)


# Slang that an echo must not repeat in the brand's voice: "are u guys gonna have a stand or smth near the finish"
_SLANG_WORDS = {"gonna": "going to", "wanna": "want to", "gotta": "have to", "smth": "something", "sth": "something"}
_SLANG_EN = re.compile(r"\b(?:gonna|wanna|gotta|smth|sth)\b", re.IGNORECASE)
_VAGUE_TAIL = re.compile(
    r"\s(?:or|and) (?:something|stuff|whatever|anything)(?: like that)?\b"
    # "which origins are you roasting this autumn, any washed ethiopians": an example tacked on after a comma
    r"|,\s(?:any|anything|maybe|like|e\.?g\.?)\s[^,?]{1,40}$"
    # "where are the beans from btw": the aside's marker closing the question
    r"|\s(?:btw|by the way|though|anyway)\W*$",
    re.IGNORECASE,
)


_ANY_GOOD = re.compile(r"^(is|are) ((?:[\w'-]+ ){1,5}?)any good (for|in|as|with)\b", re.IGNORECASE)


def _works(match: re.Match[str]) -> str:
    """ "is the kiez blend any good for" -> "does the kiez blend work for"."""
    verb = "does" if match.group(1).lower() == "is" else "do"
    return f"{verb} {match.group(2)}work {match.group(3)}"


def indirect_en(question: str) -> str | None:
    """An English question as an indirect question ("whether we ship to Denmark"), or None."""
    question = _ANY_GOOD.sub(_works, question.strip())  # "is the kiez blend any good for": no doubt of ours echoed
    asked = re.sub(r"\s+", " ", re.sub(r"[^\w\s'’,.-]", " ", question.split("?")[0])).strip(" ,.-")
    main, clause = _trailing_clause(re.sub(r"(?:\s(?:or|and)){1,5}$", "", asked, flags=re.IGNORECASE), "en")
    return _with_clause(_indirect_en(main + "?" if clause or main != asked else question), clause, "en")


# "my neighbour swears beans belong in the freezer, is that right": the claim is what is asked
_CLAIM_CHECKED_EN = re.compile(
    r"^(?:and |also |btw )?(?:my|a|the|some|our) (?:\w{1,20} ){0,2}?(?:swears?|says?|said|thinks?|claims?|insists?"
    r"|reckons?|told me)(?: that)? ([^,?]{6,80}),? (?:is (?:that|this|it) (?:right|true|correct|so)|right)\W*$",
    re.IGNORECASE,
)


def _verbless_en(tokens: list[str]) -> str | None:
    """ "what grind for aeropress" -> "what grind to use for aeropress": a setting asked without a verb."""
    lowered = [t.lower() for t in tokens]
    if lowered[:2] in (["how", "many"], ["how", "much"]) and "per" in lowered[3:5] and len(tokens) <= VERBLESS_WORDS:
        return " ".join([*lowered, "to use"])  # "how many grams per litre" -> "how many grams per litre to use"
    if lowered[0] not in ("what", "which") or "for" not in lowered[2:4] or len(tokens) > VERBLESS_WORDS:
        return None
    at = lowered.index("for", 2)
    return " ".join([*lowered[:at], "to use", *(_swap_en(t) for t in tokens[at:])])


VERBLESS_WORDS = 7  # "which beans for a moka pot at home": longer, and a verb is missing somewhere else


_STRANDED_EN = frozenset({"from", "for", "about", "with", "to", "of"})  # a preposition that ends the question
_MADE_EN = frozenset({"made", "grown", "sold", "done", "known"})  # "what are the bags made of": the participle too
_ANY_CHANCE = re.compile(r"^(?:is there )?(?:any|a) chance (?:that )?(?:you'll|you will|u'll)\b", re.IGNORECASE)


def _indirect_en(question: str) -> str | None:
    if claim := _CLAIM_CHECKED_EN.match(question.strip()):
        return " ".join(["whether", *(_swap_en(t) for t in claim.group(1).split())])
    text = re.sub(
        r"^(?:and|or|also|plus|btw|oh and)\s+", "", _GREETING_EN.sub("", question.strip()), flags=re.IGNORECASE
    )
    text = _SECOND_GUESS.sub("", text)  # "is it any good in a moka pot or is it only for ...": the first guess
    text = _ANY_CHANCE.sub("will you", text)  # "Any chance you'll have a stand ...?": "will you have a stand ..."
    text = _RUN_TOGETHER.sub(lambda m: f"{m.group(1)} is", text)  # "whats your last order date": "what is ..."
    text = _VAGUE_TAIL.sub("", _SLANG_EN.sub(lambda m: _SLANG_WORDS[m.group().lower()], text))  # "gonna ... or smth"
    if "/" in text.split("?")[0]:
        return None  # "Do you supply cafés / do wholesale?": two questions, too easy to merge wrongly
    text = re.sub(r"[^\w\s'’,.-]", " ", text).split("?")[0]
    text = re.sub(r"\s+", " ", text).strip(" ,.-")
    text = re.sub(r"(?:\s(?:or|and)){1,5}$", "", text, flags=re.IGNORECASE)  # "is it even coming before xmas or"
    tokens = text.replace("’", "'").split(" ")
    first = tokens[0].lower()
    choice = " or " in f" {text} " and first in _AUX_EN - {"do", "does", "did"}  # "are they fair trade or organic"
    # "do you do gift wrapping or a little card": a thing or another one asked of us, said as it stands
    offered = first == "do" and re.search(r"\bor (?:a|an|some|any|maybe a)\b", text, re.IGNORECASE) is not None
    choice = choice or offered
    if not text or "," in text or (" or " in f" {text} " and not choice) or len(text) > 90:
        return None
    after = f"{text.lower()} ".split(" or ", 1)[1:]  # "is or": no word after the "or"
    if choice and (after[0].split(" ")[0] if after else "") in _AUX_EN | {"u", "you", "we", "i"}:
        return None  # "is this the black friday chaos or did u forget me": two clauses, no "whether" for both
    if re.search(r"\b(?:tell|explain to|help) (?:me|us)\b|\blet (?:me|us) know\b|\btell$", text, re.IGNORECASE):
        return None  # "can you tell me", "could you let me know": what to tell is the question
    if first == "does" and len(tokens) >= 3:
        return _whether_does(tokens[1:])
    if any(t.lower() in ("we", "us", "our", "ours") and t != "US" for t in tokens):  # "the US" is a country
        return None
    if first in _W_EN:
        aux_at = next((i for i, t in enumerate(tokens[1:6], 1) if t.lower() in _AUX_EN), None)
        if aux_at is None:
            return _verbless_en(tokens)
        # "which of your coffees should I get" -> "which of our coffees you should get"
        head, aux, rest = [_swap_en(t.lower()) for t in tokens[:aux_at]], tokens[aux_at].lower(), tokens[aux_at + 1 :]
    elif first in _AUX_EN:
        head, aux, rest = ["whether"], first, tokens[1:]
    else:
        return None
    if aux == "does" and head != ["whether"] and len(rest) >= 2:
        turned = _whether_does(rest)  # "how many settings does it have" -> "how many settings it has"
        return " ".join([*head, *turned.split(" ")[1:]]) if turned else None
    if not rest or aux in ("did", "does") or (aux == "do" and head != ["whether"] and not _plural_subject(rest)):
        return None
    pronouns = {"you", "u", "i", "we", "they", "he", "she", "it", "there", "anyone", "someone"}
    if aux in _MODALS_EN and head != ["whether"] and len(rest) >= 2 and rest[-1].lower() in _PLAIN_VERBS:
        # "what would roughly 8 kg a week cost" -> "what roughly 8 kg a week would cost"
        return " ".join([*head, *(_swap_en(t) for t in rest[:-1]), aux, rest[-1].lower()])
    if head != ["whether"] and rest[0].lower() not in _DET_EN | pronouns and not rest[0][:1].isupper():
        return " ".join(w for w in [*head, aux, *(_swap_en(t) for t in rest)] if w)  # what song is playing
    subject_len = 2 if rest[0].lower() in _DET_EN - {"it", "there"} and len(rest) > 1 else 1
    if head == ["whether"] and subject_len == 2 and rest[1].lower() in _ADJECTIVES_EN and len(rest) > 3:
        subject_len = 3  # "is the new harvest in yet" -> "whether the new harvest is in yet"
    if (
        subject_len == 2
        and rest[0].lower() in ("this", "that")
        and (len(rest) == 2 or rest[1].lower() in _BARE_EN | _PREDICATES_EN)
    ):  # "is that possible" -> "whether that is possible", "is that ok for beginners": one word after it is no noun
        subject_len = 1
    if aux == "are" and subject_len == 2 and not rest[1].lower().endswith("s"):
        # "are the saturday workshops in english": a plural subject ends in its plural noun
        subject_len = next((i + 1 for i, w in enumerate(rest[2:4], 2) if w.lower().endswith("s")), subject_len)
    if subject_len == 2 and (
        rest[1].lower() in _DET_EN | {"something", "anything"} or rest[1].lower() in _PREPOSITIONS_EN
    ):
        subject_len = 1  # "is this the last one", "what song is this in the background": "this" is the subject
    partitive = len(head) >= 2 and (head[1] in ("one", "ones") or "of" in head)
    if aux in ("is", "are") and partitive:  # "which one of yours is the strongest": the head is the subject
        return " ".join([*head, aux, *(_swap_en(t) for t in rest)])
    if aux in ("is", "are", "was", "were") and head != ["whether"] and (len(rest) <= 3 or subject_len == 2):
        # "when is the next workshop" -> "when the next workshop is", "what is your last order date for christmas"
        # -> "what our last order date for christmas is"; "what is the team working on": up to the verb; a lone
        # "this" before a preposition stays the subject ("what filter this is in the video")
        subject_len = next((i for i, w in enumerate(rest[1:], 1) if w.lower() in _DOING), len(rest))
        if subject_len == len(rest) > 1 and rest[-1].lower() in _STRANDED_EN:
            made = len(rest) > 3 and (rest[-2].lower().endswith("ed") or rest[-2].lower() in _MADE_EN)
            subject_len -= 2 if made else 1  # "where are the beans from" -> "where the beans are from"
        elif subject_len == len(rest) > 2 and (rest[-1].lower().endswith("ed") or rest[-1].lower() in _MADE_EN):
            subject_len -= 1  # "where are the beans grown" -> "where the beans are grown"
    while (
        len(rest) > subject_len + 2
        and rest[subject_len].lower() in _PLACE_PREPOSITIONS
        and rest[subject_len + 1][:1].isupper()
        and rest[subject_len + 1].lower() not in _LANGUAGES_EN
    ):
        subject_len += 2  # "can people in Austria take part" -> "whether people in Austria can take part"
    subject = [_swap_en(t) for t in rest[:subject_len]]
    body = _swapped_body(rest[subject_len:])
    if aux == "do" and head == ["how"] and rest[0].lower() == "i":
        return " ".join(w for w in ["how to", *body] if w)  # "how do I clean it" -> "how to clean it"
    if aux == "do" and rest[0].lower() == "i" and body[:1] and body[0].lower() in _TO_VERBS:
        return " ".join(w for w in [*head, "to", *body] if w)  # "what setting do I use" -> "what setting to use"
    if aux == "do":
        return " ".join(w for w in [*head, *subject, *body] if w)
    aux = {"are": "are", "is": "is", "can": "can"}.get(aux, aux)
    if subject[:1] == ["we"] and aux == "are":
        aux = "are"
    if subject[:1] == ["you"] and aux in ("am", "is"):
        aux = "are"
    return " ".join(w for w in [*head, *subject, aux, *body] if w)


_MODALS_EN = frozenset(("would", "could", "will", "can", "should", "might"))
# "are the saturday workshops in English too": a language, no place the subject lives in
_LANGUAGES_EN = frozenset(("english", "german", "french", "spanish", "italian", "turkish", "polish", "arabic"))
# Verbs in "-ing" that end the subject ("what is the team working on"); nouns in "-ing" ("setting", "morning",
# "packaging") belong to it
_DOING = frozenset(
    {"doing", "making", "planning", "working", "drinking", "using", "selling", "offering", "launching", "bringing"}
    | {"opening", "changing", "sending", "cooking", "baking", "playing", "going", "thinking", "waiting"}
)
# "would this be possible", "does that work": a verb after "this" makes it the subject, no noun's determiner
_BARE_EN = frozenset(("be", "have", "work", "help", "cost", "take", "get", "come", "fit", "make", "last", "ship"))
# Words said of a "this" or "that" ("is that ok for total beginners"): never a noun after it
_PREDICATES_EN = frozenset(
    ("ok", "okay", "fine", "possible", "normal", "good", "bad", "right", "true", "safe", "enough", "worth", "too")
)
# Plain verbs that end a "does" question's subject ("does one bag of your coffee cost more")
_PLAIN_VERBS = _BARE_EN | frozenset(
    (
        "taste",
        "smell",
        "need",
        "mean",
        "look",
        "go",
        "stay",
        "keep",
        "matter",
        "run",
        "change",
        "arrive",
        "vary",
        "differ",
        "contain",
        "fit",
        "last",
    )
)
_PLACE_PREPOSITIONS = frozenset(("in", "from", "outside", "near"))
# An adjective between a determiner and its noun: "the new harvest", "your dark roast"
_ADJECTIVES_EN = frozenset(
    ("new", "next", "old", "last", "first", "big", "small", "little", "dark", "light", "same", "other", "whole", "1kg")
)
_PREPOSITIONS_EN = frozenset(("in", "on", "at", "from", "for", "with", "about", "by", "near", "of", "into", "to"))


# "what setting do I use" asks what to do, never what the person does
_TO_VERBS = frozenset(("use", "take", "get", "buy", "choose", "pick", "do", "make", "set", "brew", "store", "order"))


def _plural_subject(rest: list[str]) -> bool:
    """ "where do the beans come from": a subject that keeps the verb's plain form once "do" is dropped."""
    return rest[0].lower() in ("you", "u", "i", "they", "the", "these", "those", "your", "our")


def _whether_does(rest: list[str]) -> str | None:
    """ "does it work in a moka pot" -> "whether it works in a moka pot" (third person only)."""
    subject_len = 2 if rest[0].lower() in _DET_EN - {"it", "there"} and len(rest) > 2 else 1
    # "does one bag of your coffee cost more": the subject runs up to the verb, when a plain verb comes
    subject_len = next((i for i, w in enumerate(rest[1:7], 1) if w.lower() in _PLAIN_VERBS), subject_len)
    if subject_len == 2 and rest[1].lower() in _ADJECTIVES_EN and len(rest) > 3:
        subject_len = 3  # "does the new harvest arrive": after "the new" a noun, though "harvest" can be a verb
    if rest[0].lower() in ("you", "i", "we", "they") or len(rest) <= subject_len:
        return None
    subject = [_swap_en(t) for t in rest[:subject_len]]
    verb, body = rest[subject_len].lower(), [_swap_en(t) for t in rest[subject_len + 1 :]]
    if not verb.isalpha() or verb in _AUX_EN - {"have", "do"}:
        return None
    if verb in ("have", "do"):
        verb = {"have": "has", "do": "does"}[verb]
    elif verb.endswith(("s", "sh", "ch", "x", "o")):
        verb += "es"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        verb = verb[:-1] + "ies"
    else:
        verb += "s"
    return " ".join(w for w in ["whether", *subject, verb, *body] if w)


def _swapped_body(tokens: list[str]) -> list[str]:
    """The words after the subject, the brand's "you" after a preposition its "us" ("work for you" -> "for us")."""
    before = ["", *(t.lower() for t in tokens)][: len(tokens)]
    return [
        "us" if t.lower() in ("you", "u") and b in _PREPOSITIONS_EN else _swap_en(t)
        for b, t in zip(before, tokens, strict=True)
    ]


def _swap_en(token: str) -> str:
    low = token.lower()
    if low in _SWAP_EN:
        return _SWAP_EN[low]
    return token


# "weiß jmd ob die u1 heute fährt??", "anyone know if the U1 is running?": already indirect after its asker
_ANYONE_ASKS = re.compile(
    r"^(?:weiß|weiss|wisst)\s+(?:jmd|jemand|wer|ihr)\s+(ob\s[^?!.]{3,80})|^(?:does\s+)?any(?:one|body)\s+know\s+"
    r"(?:if|whether)\s([^?!.]{3,80})",
    re.IGNORECASE,
)


# "I would like to know whether your espresso is suitable ...": asked indirectly already (the reading trims it so)
_ALREADY_INDIRECT = re.compile(r"^whether\s([^?!.,]{3,90}?)\W{0,3}$", re.IGNORECASE)


_WHEN_LAST = re.compile(r"^((?:[^\W\d_][\w'-]{1,20}\s){0,2}[^\W\d_][\w'-]{1,20})\s(?:when|wann)\b\W{0,12}$", re.I)


# A setting asked for a brewer without a verb: "what setting on the handmühle for V60?", "welche stufe für aeropress"
_SETTING_FOR = re.compile(
    r"^(?:what|which|welche)\s(setting|grind size|grind|stufe|mahlstufe|mahlgrad)\b[^?.!,]{0,30}?\s(?:for|für)\s"
    r"(?:an?\s|the\s|my\s|die\s|den\s|meine\s)?([\w-]{2,20}(?:\s[\w-]{2,12})?)\W{0,3}$",
    re.IGNORECASE,
)


def indirect(question: str, language: str) -> str | None:
    """The question as an indirect question in the reply language, or None; two questions joined by "und" as two
    ("Woher kommen die Bohnen und ist der bio?" -> "woher die Bohnen kommen und ob der bio ist")."""
    turn = indirect_de if language == "de" else indirect_en if language == "en" else None
    if turn is None:
        return None
    if when := _WHEN_LAST.match(question.strip()):  # "halloween roast when??": whether it comes, and when
        thing = when.group(1).lower() if when.group(1).isupper() else when.group(1)
        article = "" if thing.endswith("s") else "an " if thing[:1].lower() in "aeio" else "a "  # "an Oktoberfest ..."
        return f"ob und wann es {thing} gibt" if language == "de" else f"if and when there'll be {article}{thing}"
    if pick := _SETTING_FOR.match(_GREETING_EN.sub("", question.strip())):  # "what setting on the handmühle for V60?"
        what, method = pick.group(1).lower(), pick.group(2)
        method = method.upper() if re.fullmatch(r"[a-z]{1,2}\d{1,3}", method) else method  # "v60": "V60"
        return (
            f"welche {what.capitalize()} für {method} passt" if language == "de" else f"which {what} works for {method}"
        )
    if any(" " in m.group().strip() for m in QUOTED_SPAN.finditer(question)):
        return None  # 'macht ihr ne "dark roast of the dead" edition?': their quoted name is not ours to say back
    if language == "de" and (back := _THERE_YET_DE.match(question.strip())):  # "neue ernte schon da??"
        return _there_yet_de(back)
    asked = _ANYONE_ASKS.match(question.strip())
    if asked:  # "weiß jmd ob die u1 heute fährt??" -> "ob die u1 heute fährt"
        return asked.group(1).strip() if asked.group(1) else f"whether {asked.group(2).strip()}"
    if language == "en" and (told := _ALREADY_INDIRECT.match(question.strip())):  # "whether your espresso is ..."
        return " ".join(["whether", *_swapped_body(told.group(1).split())])
    question = PARTICLE.sub(r"\1", question) if language == "de" else question  # "Woher genau kommen ..."
    parts = SECOND_QUESTION.split(question.rstrip("?!. "), maxsplit=1)
    first, second = (turn(parts[0] + "?"), turn(parts[1] + "?")) if len(parts) == 2 else (None, None)
    if first and second:
        return f"{first} {'und' if language == 'de' else 'and'} {second}"
    return turn(question)


# "neue ernte schon da??", "Kiezmischung wieder lieferbar?": no verb, a thing and whether it is there
_THERE_YET_DE = re.compile(
    r"^(?:(der|die|das)\s)?(?:(neue[rsn]?)\s)?([a-zäöüß]{3,24})\s((?:schon|endlich|wieder|bald|jetzt)\s)?"
    r"(da|raus|draußen|lieferbar|verfügbar|erhältlich)\W*$",
    re.IGNORECASE,
)


def _there_yet_de(found: re.Match[str]) -> str | None:
    """ "ob die neue Ernte schon da ist": the thing with its article (the one typed, the lexicon's, or a feminine
    ending's), or None when the article is unknown."""
    article, new, noun, when, there = (g or "" for g in found.groups())
    known = [e.de.split(" ")[0] for e in lexicon().nouns if fold(noun) in e.match and " " in e.de]
    feminine = "die" if _NOUN_SUFFIX.search(fold(noun)) and not fold(noun).endswith(("chen", "kurs", "paket")) else ""
    article = article.lower() or (known[0] if known else feminine)
    if article not in ("der", "die", "das"):
        return None
    words = [article, "neue" if new else "", _cap(noun.lower()), when.strip().lower(), there.lower(), "ist"]
    return " ".join(["ob", *(w for w in words if w)])


PARTICLE = re.compile(r"^(\W{0,3}\w+) (?:genau|eigentlich|denn|bitte)\b", re.IGNORECASE)
# "... und ist der bio-zertifiziert?", "... and do you ship it?": a second question joined to the first
SECOND_QUESTION = re.compile(
    r",?\s+(?:und|and)\s+(?=(?:ist|sind|gibt|habt|hat|kann|könnt|liefert|wann|wo|wie|was|welche\w{0,2}|is|are|do|does"
    r"|can|could|when|where|how|what|which)\b)",
    re.IGNORECASE,
)


# ------------------------------------------------------------------ finding questions

_QUESTION_START = re.compile(
    r"^(?:wann|wo|wie|was|warum|wieso|welche\w*|gibt(?:'?s)?|habt|hast|ist|sind|kann|könnt|liefert|when|where|how"
    r"|what|which|why|do|does|is|are|can|could|will|would"
    r"|\w{2,20}(?:en|t|st) (?:sie|ihr|du))\b",  # "Bieten Sie …", "Macht ihr …"
    re.IGNORECASE,
)


def split_questions(text: str) -> list[str]:
    """The questions of a message: sentences ending in "?" (or starting like a question), in order."""
    parts = re.split(r"(?<=[?!.])\s+|\n+", text.strip())
    found = []
    for index, part in enumerate(parts):
        part = part.strip()
        if self_answered(part, parts[index + 1] if index + 1 < len(parts) else ""):
            continue  # "Glühwein? Nee danke": answered by the writer
        if "?" in part:
            for piece in part.split("?"):
                found += [q + "?" for q in sub_questions(piece.strip()) if len(q) >= 3]
        elif _QUESTION_START.match(part) and len(part) >= 8 and not part.endswith("!") and _W_START.match(part):
            found += [q for q in sub_questions(part) if len(q) >= 3]  # "welcher kaffee und gibts rabatt 👀": two
    return [q for q in found if not rhetorical(q)]


_W_START = re.compile(r"^(?:wann|wo|wie|was|warum|wieso|welche\w*|when|where|how|what|which|why)\b", re.IGNORECASE)


def sub_questions(sentence: str) -> list[str]:
    """ "Welche Sorte …, wie lange hält die offen und liefert ihr nach Wien" -> three questions."""
    sentence = _GREETING_DE.sub("", _GREETING_EN.sub("", sentence)).strip()
    chunks = re.split(r",\s+(?:und\s+|and\s+)?|\s+(?:und|and)\s+", sentence)
    while len(chunks) > 1 and not _QUESTION_START.match(chunks[0]):
        chunks = chunks[1:]  # "Guten Tag, kann man ...": the greeting is no question
    result: list[str] = []
    for chunk in chunks:
        if result and not _QUESTION_START.match(chunk):
            result[-1] += (
                ", " if sentence[sentence.find(result[-1]) + len(result[-1]) :].startswith(",") else " und "
            ) + chunk
        else:
            result.append(chunk)
    return [r.strip() for r in result if r.strip()]
