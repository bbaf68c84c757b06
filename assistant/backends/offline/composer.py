"""The offline composer: whole replies per situation and tone, written as a community manager would.

The scene (scene.py) says what the message is and what may be said; the phrasebook holds whole
replies per situation and style with safe slots (the fact, the team's next step, the person's own
noun phrase, ...). A tone that does not fit the reading (a joke for a complaint about money or
trouble) is written in its gentle form, and the generation says so in its tone note.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
from dataclasses import replace
from functools import lru_cache

import emoji as emoji_lib
from rapidfuzz import fuzz

from assistant.analysis.answers import brewers, countries_in, fact_words, synonyms_of
from assistant.analysis.language import votes as language_votes
from assistant.analysis.normal import read as read_text
from assistant.analysis.reading import PROFANITY, find_products
from assistant.backends.base import Generation, GenerationRequest, RepairRequest
from assistant.backends.offline.occasions import is_moment, milestone_word, moment, named_cake, praised
from assistant.backends.offline.phrasebook import Phrasebook, fields, fill, load_phrasebook, ordered, usable
from assistant.backends.offline.questions import without_clause
from assistant.backends.offline.scene import (
    CANCEL_KEYWORDS,
    DAMAGE,
    DEFLECTING,
    FACT_RANGE,
    FOR_METHODS,
    METHODS,
    MOVING_FROM_TO,
    RATE_ASKED,
    RHYTHM,
    RHYTHM_PAIR,
    SWITCH_ASKED,
    SYMPTOMS,
    Answer,
    Scene,
    accusative,
    chasing,
    praises,
    rained_on,
    read,
    stocked_product,
    tally,
    troubled_post,
    without_emoji,
)
from assistant.backends.offline.words import (
    ACCUSATION,
    country_name,
    country_of,
    echo_word,
    is_weak,
    loyalty,
    names_country,
    quote_word,
    the_product,
)
from assistant.guard.specific import needs_anchor, refers_to_message
from assistant.guard.stock_phrases import find_stock_phrases
from assistant.models import UNHAPPY, Analysis
from assistant.profiles.loading import Fact, Product, VoiceProfile
from assistant.similarity import closest_variant, repetition
from assistant.text import fold, sentences, shorten, words

# Recomposing with another seed until a draft is new: how often before taking the least repetitive.
FRESH_ATTEMPTS = 6
# More questions than this in one message: the first ones are answered (a rant is not a questionnaire).
MAX_ANSWERS = 4
VARIED = frozenset({"offtopic", "uncertain", "troll", "spam", "injection", "other", "other_neutral", "other_negative"})
# A grinder's setting in brackets: "(Handmühle Kiez: Stufe 24–26)", "(24–26)"
_SETTING = re.compile(r"\s?\([^()]{0,40}?\d{1,2}\s?[–-]\s?\d{1,2}\)")
# Where two merged deferrals meet: "ob es ... gibt und aus welchem Land ...", "whether ... and how long ..."
_SECOND_ASKED = re.compile(
    r" (?:und|and) (?=(?:ob|whether|if|wie|how|was|what|wann|when|wo|where|warum|why|welche\w{0,2}|which"
    r"|\w{2,5} welche\w{0,2})\b)"
)
# Below this many characters a reply starts from the facts' short wordings.
TIGHT = 300
# Two tones whose texts are more alike than this (edit-distance ratio) read as one sentence twice.
VARIANTS_ALIKE = 80.0
STYLE_HINTS = {
    "playful": ("playful", "verspielt", "witz", "humor", "augenzwinkern", "locker", "frech", "fun"),
    "crisp": ("crisp", "kurz", "knapp", "klar", "short", "concise", "brief", "direkt"),
    "formal": ("formal", "förmlich", "sachlich", "höflich", "polite", "seriös"),
}
# Slots that carry something concrete from the message: a repair for specificity prefers them.
CONCRETE = frozenset(
    {
        "answers",
        "duration",
        "loyalty",
        "praised",
        "topic",
        "topic_bare",
        "product",
        "the_product",
        "fact",
        "tip",
        "step",
        "quote",
        "echo",
    }
    | {"series"}
)
# A greeting the person used, to answer in kind ("Servus!" -> "Servus Felix,").
_GREETING_WORD = re.compile(r"(servus|moin|hey|hi|hallo|hello|hej|huhu)\b", re.IGNORECASE)
# Words after "Hallo Name," that may start lowercase (anything else: "Hallo Name!" and a capital).
_LOWER_AFTER_GREETING = frozenset(
    {
        *("das", "danke", "ja", "nein", "ich", "wir", "da", "oh", "ein", "eine", "und", "sorry", "schön", "wie", "was"),
        *("gute", "vielen", "entschuldige", "verstehe", "klar", "dein", "deine", "schick", "hier", "dass", "mit"),
        *(
            "zwei",
            "drei",
            "echt",
            "so",
            "kein",
            "keine",
            "ob",
            "zu",
            "für",
            "bei",
            "eine",
            "genau",
            "herzlichen",
            "gern",
        ),
        *("thanks", "thank", "yes", "no", "i", "we", "sorry", "oh", "that", "this", "what", "how", "so", "good"),
        *("really", "great", "please", "your", "fair", "love", "two", "ten", "congrats", "totally", "whether"),
    }
)


def tone_style(name: str, instruction: str) -> str:
    """The composer style for a tone: its name if known, else guessed from its instruction."""
    if name in ("warm", "playful", "crisp", "formal"):
        return name
    text = fold(f"{name} {instruction}")
    for style, hints in STYLE_HINTS.items():
        if any(fold(h) in text for h in hints):
            return style
    return "warm"


class OfflineBackend:
    """Writes drafts without network or model, from the profile and a phrasebook."""

    name = "offline"

    def generate(self, request: GenerationRequest) -> Generation:
        """One draft per tone, deterministic for the same input and history."""
        book = phrasebook_for(request)
        scene = read(request, book.language)
        drafts: dict[str, str] = {}
        for tone in request.tones:
            drafts[tone] = fresh(request, tone, taken=list(drafts.values()), book=book, scene=scene)
        return Generation(
            drafts=drafts,
            backend=self.name,
            tone_note=tone_note(request, scene),
            needs_attention=scene.attention,
        )

    def repair(self, repair: RepairRequest) -> Generation:
        """Recompose the failed drafts with other templates, avoiding what failed."""
        request = repair.request
        book = phrasebook_for(request)
        scene = read(request, book.language)
        drafts = dict(repair.drafts)
        for tone, failures in repair.failures.items():
            taken = [text for other, text in drafts.items() if other != tone]
            avoid = {f.name for f in failures} | {"text:" + drafts.get(tone, "")}
            drafts[tone] = fresh(request, tone, taken=taken, first_attempt=1, avoid=avoid, book=book, scene=scene)
        return Generation(
            drafts=drafts, backend=self.name, tone_note=tone_note(request, scene), needs_attention=scene.attention
        )


def phrasebook_for(request: GenerationRequest) -> Phrasebook:
    """The phrasebook of the reply language, else the brand's default language, else English."""
    for language in (request.analysis.language, request.profile.brand.default_language, "en"):
        book = load_phrasebook(language)
        if book is not None:
            return book
    raise AssertionError("the package ships phrasebook_en.yaml")


def tone_note(request: GenerationRequest, scene: Scene) -> str | None:
    """Which requested tones were written in another form than asked, and why."""
    changed = []
    for tone in request.tones:
        style = tone_style(tone, request.profile.tones.get(tone, ""))
        if style == "playful" and (scene.no_joke or scene.negative) and not scene.situation.startswith("outreach"):
            changed.append(tone)
    if not changed:
        return None
    why = scene.why_gentle or "the message is negative or unclear, so no joke"
    return f"{', '.join(changed)}: {why}; written in the gentle form (light, never at the person's expense)"


def fresh(
    request: GenerationRequest,
    tone: str,
    *,
    taken: list[str],
    book: Phrasebook,
    scene: Scene,
    first_attempt: int = 0,
    avoid: set[str] | None = None,
) -> str:
    """A draft that repeats neither the brand's recent approvals nor the other variants."""
    threshold = request.profile.brand.repetition_threshold
    avoided_texts = {a[5:] for a in (avoid or ()) if a.startswith("text:")}
    best: tuple[float, str] | None = None
    for attempt in range(first_attempt, first_attempt + FRESH_ATTEMPTS):
        text = compose(request, tone, attempt=attempt, avoid=avoid, book=book, scene=scene)
        past = repetition(text, [*request.history, *request.avoid], request.profile.public_texts())[0]
        if _bare(text) in {_bare(t) for t in [*request.history, *request.avoid]}:
            past = 100.0  # word for word what was approved or rejected (a tip alone has no words of its own)
        alike = closest_variant(text, taken)[0] > VARIANTS_ALIKE or text in taken
        alike = alike and not (tone == "crisp" and _trimmed(text, taken))
        score = max(past, 100.0 if alike else 0.0) + (100.0 if text in avoided_texts else 0.0)
        score += 0.0 if _specific(text, request) else 50.0
        if score < threshold:
            return text
        if best is None or score < best[0]:
            best = (score, text)
    assert best is not None
    bare_taken = {_bare(t) for t in taken}  # the same words with another emoji are the same text
    if _bare(best[1]) in bare_taken:  # never the same text twice in one set: borrow another style's wording
        for other in ("crisp", "warm", "gentle", "playful"):
            text = compose(request, tone, attempt=first_attempt, avoid=avoid, book=book, scene=scene, style=other)
            if _bare(text) not in bare_taken:
                return text
    return best[1]


def _trimmed(text: str, taken: list[str]) -> bool:
    """ "Tipp: Thermoskanne vorher ausspülen." beside "Ha, die Frage lieben wir! Tipp: Thermoskanne ...": crisp's
    text is another variant's core without its lead-in, a tone of its own rather than a copy."""
    bare = _bare(text)
    return any(bare in _bare(t) and len(bare) <= TRIMMED_SHARE * len(_bare(t)) for t in taken)


TRIMMED_SHARE = 0.75  # of the other variant's length: shorter than this, crisp's core of it reads as its own tone


def _specific(text: str, request: GenerationRequest) -> bool:
    """The draft picks up something of the message (the guard's own test, so both always agree)."""
    analysis = request.analysis
    exempt = analysis.intent in ("spam", "troll") or analysis.injection_suspected
    if exempt or not needs_anchor(request.message, analysis):
        return True
    return refers_to_message(text, request.message, analysis, request.profile) is not None


def _bare(text: str) -> str:
    return " ".join(fold(emoji_lib.replace_emoji(text, "")).split())


def compose(
    request: GenerationRequest,
    tone: str,
    *,
    attempt: int = 0,
    avoid: set[str] | None = None,
    book: Phrasebook | None = None,
    scene: Scene | None = None,
    style: str | None = None,
) -> str:
    """Compose one draft for one tone (`style` overrides the tone's own style)."""
    book = book or phrasebook_for(request)
    scene = scene or read(request, book.language)
    profile = request.profile
    style = style or effective_style(tone, profile, scene)
    seed = hashlib.sha256(f"{request.message.text}\x00{request.message.post}\x00{tone}\x00{attempt}".encode())
    rng = random.Random(seed.digest())
    limit = profile.limit(request.message.channel)
    address = "Sie" if scene.formal else profile.address_form(book.language)
    situation = scene.situation if book.has(scene.situation) else _fallback_situation(scene)
    concrete_first = bool(avoid and "specificity" in avoid)
    # Tight limits (TikTok comments) start from the short wordings: one per tone, so the tones differ.
    first_level = 1 if limit < TIGHT else 0
    levels = [
        _slots(request, scene, book, style, rng, level=level, address=address, vary=attempt)
        for level in range(first_level, 4)  # level 3: level 2 with a plain deferral, if a named one is too long
    ]
    templates = usable(book.candidates("replies", situation, style), levels[0])
    if not templates and style != "warm":
        templates = usable(book.candidates("replies", situation, "warm"), levels[0])
    if levels[0].get("answers"):  # every question answered: never a template that leaves them out
        answering = [t for t in templates if "answers" in fields(t)]
        if not answering and style in ("formal", "gentle"):  # these styles' few sentences: the warm ones answer
            answering = [
                t for t in usable(book.candidates("replies", situation, "warm"), levels[0]) if "answers" in fields(t)
            ]
        templates = answering or templates
    if request.message.mode == "outreach" and troubled_post(request.message.post or ""):
        templates = [t for t in templates if not _MADE_OUR_DAY.search(t)] or templates  # "lauwarm 😩": no cheering
    if scene.negative and _UPSET.search(request.message.text):  # "Abo??? ... reicht es mir": no "Gute Frage!"
        templates = [t for t in templates if not _CHEERY_OPENER.match(t)] or templates
    refused = _REFUSED.search(levels[0].get("answers") or "")  # "Sure thing! I can't promise any discounts"
    greeted = scene.name and (request.message.platform == "facebook" or request.message.channel == "dm")
    # "Kiezmischung oder Espresso?": "Klar doch!" picks neither; after "Hi Sarah!" a "Sure!" is a second opener
    if refused or greeted or _EITHER_OR_ASKED.search(request.message.text):
        templates = [t for t in templates if not _AFFIRMING_OPENER.match(t)] or templates
    if levels[0].get("pitched"):  # "Kaffeetafel am 7. Oktober, 80 Gäste, Kaffee spenden?": the details are given
        templates = [t for t in templates if not _DETAILS_ASKED.search(t)] or templates
    # Replies to many alike messages (rants, trolls, spam) vary their wording; the others take the best first.
    if situation in VARIED:  # many alike messages: vary the wording, but always pick up something of theirs
        concrete = [t for t in templates if fields(t) & CONCRETE]
        templates = concrete or templates
    if situation in VARIED:
        choices = ordered(templates, rng, spread=len(templates))
    else:  # the phrasebook's order of preference; each further attempt starts one template later
        start = attempt % len(templates) if templates else 0
        choices = templates[start:] + templates[:start]
    if situation in VARIED and tone in request.tones and len(choices) > 1:  # each tone its own wording
        shift = request.tones.index(tone) % len(choices)
        choices = choices[shift:] + choices[:shift]
    if concrete_first:
        choices.sort(key=lambda t: -len(fields(t) & CONCRETE))
    # A tone's own variant index keeps the tones apart even when they share templates.
    if style == "formal" and len(choices) > 1 and tone in request.tones:
        shift = request.tones.index(tone) % len(choices)
        choices = choices[shift:] + choices[:shift]
    # The message's other questions are answered too; only when no wording fits the limit are they left out.
    # A shorter wording is taken when it leaves room for the person's occasion ("asking for my 3 exams tomorrow").
    wish = _wanted_occasion(request, scene, book, style, address)
    for with_open in (True, False) if scene.open_answers else (False,):
        for template in choices:
            fitting = ""
            for slots in levels:
                if not fields(template) <= {k for k, v in slots.items() if v}:
                    continue
                level = levels.index(slots)
                body = fill(template, slots, address)
                asked = request.message.text
                body = _with_side_facts(scene, book, style, body, level=level, asked=asked, rng=rng, address=address)
                body = _with_strike(scene, book, style, body, rng, address)
                body = _with_open_answers(template, slots, body) if with_open else body
                body = _with_again(scene, book, style, body, rng, address) if level == 0 else body
                body = _with_sorry_for_the_wait(scene, book, style, body, rng, address)
                body = _with_sorry_still(request, scene, book, style, body, rng, address)
                text = said_once(_assemble(request, scene, book, style, body, slots, rng, address))
                if len(text) <= limit and (not wish or wish in text):
                    return text
                fitting = fitting or (text if len(text) <= limit else "")
            if fitting:
                return fitting
    if style != "crisp":  # nothing of this style fits the limit: crisp replies with this style's sentences
        for template in usable(book.candidates("replies", situation, "crisp"), levels[-1]):
            text = _assemble(request, scene, book, style, fill(template, levels[-1], address), levels[-1], rng, address)
            if len(text) <= limit:
                return text
        return compose(request, tone, attempt=attempt + 1, avoid=avoid, book=book, scene=scene, style="crisp")
    # "1. liefert ihr nach wien 2. ... 3. ...": the first answers that fit; when not even one fits (a soaked parcel's
    # "kann ich das noch trinken" beside the damage's next step, in 150 characters), the next step without it
    if scene.answers:
        fewer = dataclasses.replace(scene, answers=scene.answers[:-1])
        return compose(request, tone, attempt=attempt, avoid=avoid, book=book, scene=fewer, style="crisp")
    fallback = _assemble(request, scene, book, style, "", levels[-1], rng, address)
    return shorten(fallback, limit)


def _without_own_name(described: str, named: str) -> str:
    """A product's description without the name it opens with ("the coffee subscription, every 2 or 4 weeks" said
    of the coffee subscription: "every 2 or 4 weeks"), so the name is never said twice."""
    if not named or not fold(described).startswith(fold(named)):
        return described
    rest = described[len(named) :].lstrip(" ,")
    return rest or described


def said_once(text: str) -> str:
    """The text without a sentence whose words an earlier sentence already said ("Bezahlt wird per PayPal, Karte oder
    Rechnung, bei Abbuchungsfragen hilft After-Sales. Bezahlt wird per PayPal, Karte oder Rechnung.")."""
    lines = []
    for line in text.split("\n"):
        kept: list[str] = []
        for sentence in sentences(line):
            said = {fold(w) for w in words(sentence)}
            if len(said) >= REPEAT_WORDS and any(said <= {fold(w) for w in words(k)} for k in kept):
                continue
            kept.append(sentence)
        lines.append(" ".join(kept))
    return "\n".join(lines)


REPEAT_WORDS = 4  # a sentence this long said again within one draft is a slip ("Danke! Danke!" may stand)


def _asked(scene: Scene) -> dict[str, str]:
    """An off-topic question said back ("ob die U1 heute fährt"), to tell the person we don't know it either."""
    said = next((a.indirect for a in scene.answers if a.indirect), "") if scene.situation == "offtopic_question" else ""
    return {"asked": said or "", "Asked": (said or "")[:1].upper() + (said or "")[1:]}


# What a worked-out collab pitch names: deliverables, reach, a rate ("3 reels + stories, 42k on IG, 450€").
_PITCH = re.compile(
    r"\b(?:reels?|stories|story|posts?|videos?|beiträge?|tiktoks?|rate|honorar|gage|fee|budget|follower\w{0,2}"
    r"|stall|stand|standgebühr|market|markt|festival|pop-?up|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w{0,6}"
    r" \d{1,2}|\d+\s?k\b|kino|cinema|open-?air|verein|saison|season"
    # "rund 300 Gäste pro Abend", "Ende Juli bis Ende August": an event with its size and dates
    r"|\d+\s(?:gäste|guests|besucher\w{0,2}|visitors)|(?:ende|anfang|mitte|end of|early|mid|late) (?:juni|juli|august"
    r"|june|july|september))|\d+\s?(?:€|eur|euro)|\b\d{1,2}\.\d{1,2}\."
    # "am 7. Oktober ... Kaffeetafel nach dem Gottesdienst ... Kaffee spenden": a date, the occasion, what is asked
    r"|\b\d{1,2}\.\s?(?:jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)\w{0,5}|spende\w?|spenden|donat\w{0,5}"
    r"|kaffeetafel|gottesdienst|gemeindefest|sommerfest|straßenfest|schulfest",
    re.IGNORECASE,
)


# A template that asks for what a detailed request already says: "was du dir vorstellst", "a few details"
_DETAILS_ASKED = re.compile(
    r"was (?:du dir|Sie sich) vorstell|deine Idee\b[^.!?]{0,20}schick|Schick mir kurz deine Idee|die Details per DM"
    r"|ein paar Details|what you have in mind|a few details|the details",
    re.IGNORECASE,
)
PITCH_CHARS = 150  # a collab request this long can be a worked-out pitch
DETAILED_PITCH_CHARS = 300  # and this long a detailed one


def _pitched(scene: Scene, text: str, language: str) -> str:
    """ "Thanks for the detailed pitch" when a collab request already says what it offers (two of its marks)."""
    marks = _PITCH.findall(text)
    if not scene.situation.startswith("collaboration") or len(marks) < 2 or len(text) < PITCH_CHARS:
        return ""  # "42k on tiktok ... pr package? lmk" names its reach, but is no detailed pitch
    detailed = len(text) >= DETAILED_PITCH_CHARS  # "heyy ich bin cem ... was meint ihr, lg" is no detailed one
    if language == "de":
        event = next((_EVENTS_DE[m.lower()] for m in marks if m.lower() in _EVENTS_DE), "")  # "zur Kaffeetafel"
        thanks = "Danke für die ausführliche Anfrage" if detailed else "Danke für deine Anfrage"
        return f"{thanks} {event}".strip()
    named = next((m.lower() for m in marks if m.isalpha() and m.lower() in _PITCHED_THINGS), "")
    pitch = "the detailed pitch" if detailed else "the pitch"
    return f"Thanks for {pitch} for the {named}" if named else f"Thanks for {pitch}"


# What a pitch is for, named back in German ("Danke für deine Anfrage zur Kaffeetafel")
_EVENTS_DE = {
    "kaffeetafel": "zur Kaffeetafel",
    "markt": "zum Markt",
    "festival": "zum Festival",
    "gemeindefest": "zum Gemeindefest",
    "sommerfest": "zum Sommerfest",
    "straßenfest": "zum Straßenfest",
    "schulfest": "zum Schulfest",
}
# What a pitch is for, named back in English ("Thanks for the detailed pitch for the market")
_PITCHED_THINGS = frozenset({"market", "stall", "festival", "stand"})


STORY_CHARS = 180  # a fan's message this long tells a story: thanked for as one, not with a one-liner


def _shared(scene: Scene, text: str, language: str) -> str:
    """ "Danke, dass du das mit uns teilst" for a fan's long story ("Hat mich durch ein hartes Jahr gebracht ...")."""
    if scene.situation != "praise" or len(text) < STORY_CHARS:
        return ""
    return "Danke, dass du das mit uns teilst" if language == "de" else "Thank you for sharing this with us"


_TO_THE = {"die": "zur", "der": "zum", "das": "zum"}


def _tells_product(scene: Scene, level: int) -> bool:
    """A calm deferral with room to spare may first say what the product asked about is made for."""
    return scene.situation == "defer" and not scene.negative and not level


def _house_coffee(profile: VoiceProfile, language: str) -> Product | None:
    """The profile's first coffee (the first product whose description names a way to brew)."""
    return next((p for p in profile.brand.products if brewers(profile.localized(p.text, language))), None)


def _house_line(profile: VoiceProfile, language: str) -> str:
    """The first coffee of the profile as it describes it ("Die Kiezmischung: unsere Hausmischung, schokoladig ...")."""
    coffee = _house_coffee(profile, language)
    if coffee is None:
        return ""
    named = the_product(profile, coffee.name, language) if language == "de" else coffee.name
    return f"{_capitalised(named)}: {profile.localized(coffee.text, language)}."


def _house_taste(profile: VoiceProfile, language: str) -> dict[str, str]:
    """The first coffee's name and how the profile says it tastes ({"house_name": "Die Kiezmischung",
    "house_taste": "schokoladig und mild"}), or {} when its description says no taste apart from what it is for."""
    coffee = _house_coffee(profile, language)
    if coffee is None:
        return {}
    parts = profile.localized(coffee.text, language).split(", ")
    taste = next((p for p in parts[1:] if not brewers(p) and not _OWN_KIND.match(p)), "")
    named = the_product(profile, coffee.name, language) if language == "de" else coffee.name
    return {"house_name": _capitalised(named), "house_taste": taste} if taste else {}


def _weather(text: str, language: str) -> str:
    """The weather beans were left in, as the weathered replies name it: rain or else heat."""
    rained = rained_on(text)
    if language == "de":
        return "die Nässe" if rained else "die Hitze"
    return "the rain" if rained else "the heat"


def _edition(occasion: str, language: str) -> str:
    """A special edition named by its occasion: "Oktoberfest-Edition", "a Christmas edition", "an autumn edition"."""
    if language != "de":
        name = occasion.lower() if occasion.lower() in ("autumn", "winter", "summer") else occasion.capitalize()
        return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name} edition"
    return f"{occasion[:1].upper()}{occasion[1:].lower()}-Edition"


def _flavour(flavour: str, language: str) -> str:
    """A flavour as a sentence takes it: a German noun capitalised ("Brezelgeschmack"), English as written."""
    if language != "de":
        return flavour.lower() if flavour.isupper() else flavour
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in flavour.split())


_OWN_KIND = re.compile(r"(?:unser\w{0,2}|our) ", re.IGNORECASE)  # "unsere Hausmischung": what it is, no taste


def _product_line(profile: VoiceProfile, product: str, language: str, asked: str) -> str:
    """What the profile says a coffee is made for, before an open question whether it suits another way to brew
    ("Kurz zur Kiezmischung: unsere Hausmischung, ... für Filter und French Press"); only the profile's own words."""
    known = profile.product(product)
    if known is None:
        return ""
    described = profile.localized(known.text, language)
    if not brewers(described) or not brewers(asked) - brewers(described):
        return ""  # a grinder's 30 settings, or a question about what it is made for anyway
    if language != "de":
        return f"About the {product}: {described}."
    article, _, name = the_product(profile, product, language).partition(" ")
    return f"Kurz {_TO_THE[article]} {name}: {described}." if article in _TO_THE else ""


def _with_side_facts(
    scene: Scene, book: Phrasebook, style: str, body: str, *, level: int, asked: str, rng: random.Random, address: str
) -> str:
    """A team's case that also asks what a fact answers: the answer first, then the case ("cancel: in your account")."""
    said = [
        wording(f, book.language, book.language, style, level + 1, question=asked, symptoms=scene.symptoms, whole=False)
        for f in scene.side_facts
    ]
    said = [s for s in said if fold(s) not in fold(body)]
    if not said:
        return body
    if scene.strike and any("order_status" in f.intents for f in scene.side_facts):
        said.append(_block(book, "strike", style, {}, rng, address))  # "2–3 Werktage" would not hold now
    if scene.situation == "order_via_message":  # "bestellt wird im Onlineshop. Bezahlen kannst du mit PayPal ..."
        return f"{body} {' '.join(said)}"
    return _after_opening(body, said)  # "Totally fair to ask where your order is." stays the opening


def _with_strike(scene: Scene, book: Phrasebook, style: str, body: str, rng: random.Random, address: str) -> str:
    """A question about shipping from someone who names a strike: the usual time, then that it may take longer."""
    told = [a.fact for a in scene.answers if a.fact is not None and "order_status" in a.fact.intents]
    if not scene.strike or scene.situation != "question" or not told:
        return body
    line = _block(book, "strike", style, {}, rng, address)
    return body if fold(line) in fold(body) else f"{body} {line}"


def _with_open_answers(template: str, slots: dict[str, str], body: str) -> str:
    """The questions a situation's reply leaves out, answered after its opening ("Wir liefern nach Österreich ...")."""
    said = slots.get("open_answers", "")
    if not said or "answers" in fields(template) or fold(said) in fold(body):
        return body
    if _TEAM_ASKED.search(body):  # "Woran das beim Preis liegt, kläre ich im Team": the next one asked along with it
        said = slots.get("open_answers_also") or said
    return _after_opening(body, [said], or_before=False)


# A reply that already asks the team something: a second question is asked along, not deferred the same way again
_TEAM_ASKED = re.compile(
    r"\b(?:(?:frage|kläre|hake) ich (?:\w+ ){0,2}im team|i'?ll (?:ask|check with) the team"
    r"|i'?m (?:asking|checking with) the team)\b",
    re.IGNORECASE,
)


def _with_again(scene: Scene, book: Phrasebook, style: str, body: str, rng: random.Random, address: str) -> str:
    """A problem that happened before ("second month running", "schon wieder") is owned after the opening."""
    if not scene.again:
        return body
    line = _block(book, "again", style, {}, rng, address)
    return _after_opening(body, [line])


# Answers to a question asked again after a wait ("schon zweimal geschrieben ... nochmal: kann man ...?").
WAITED_SITUATIONS = frozenset(
    {"question", "defer", "stock_question", "order_status", "billing", "refund_request", "return_request"}
    | {"return_opened"}
    | {"damaged_item", "defect"}
)


def _with_sorry_for_the_wait(
    scene: Scene, book: Phrasebook, style: str, body: str, rng: random.Random, address: str
) -> str:
    """A question asked again after no one answered: sorry for the wait first, then the answer."""
    if not scene.waited or scene.situation not in WAITED_SITUATIONS:
        return body
    return _line_before(book, "sorry_wait", style, body, rng, address)


def _line_before(book: Phrasebook, block: str, style: str, body: str, rng: random.Random, address: str) -> str:
    """The block's line before the body, unless the body says it already."""
    line = _block(book, block, style, {}, rng, address)
    if not line or fold(line) in fold(body):
        return body
    second = _SORRY_THAT.match(body)  # "Sorry für die Wartezeit! Sorry, dass die Mühle ...": one sorry for both
    if second and _SORRY_THAT.match(line) is None and line.lower().startswith("sorry"):
        joined = " und dass " if book.language == "de" else ", and that "
        return f"{line.rstrip('!. ')}{joined}{body[second.end() :]}"
    if line.lower().startswith("sorry"):  # "Sorry, dass du warten musstest! Das soll nicht sein, sorry.": once
        body = _BARE_SORRY.sub("", _TRAILING_SORRY.sub(r"\1", body, count=1), count=1)  # "Sorry für ...! Sorry!"
    return f"{line} {body}"


_BARE_SORRY = re.compile(r"^(?:sorry|entschuldigung)[!.]\s*", re.IGNORECASE)
_TRAILING_SORRY = re.compile(r",\s(?:sorry|tut mir leid)([.!])", re.IGNORECASE)
_SORRY_THAT = re.compile(r"sorry,? (?:dass|that) ", re.IGNORECASE)


# "still no decaf?? you said 'testing' back in march 🙄": a wait for something we do not have yet
STILL_WAITING = re.compile(
    r"\b(?:still no|still not|still waiting|immer noch kein\w{0,2}|noch immer kein\w{0,2}|immer noch nicht"
    r"|wann (?:kommt|gibt'?s|gibt es) (?:denn )?endlich)\b",
    re.IGNORECASE,
)
NOT_YET = re.compile(r"\b(?:nicht|kein\w{0,2}|noch nicht|not|no|yet|testen|testing|bald|soon)\b", re.IGNORECASE)


def _with_sorry_still(
    request: GenerationRequest, scene: Scene, book: Phrasebook, style: str, body: str, rng: random.Random, address: str
) -> str:
    """Sorry that it takes so long, before a "not yet" fact for someone tired of waiting for it ("still no decaf??")."""
    unhappy = request.analysis.sentiment == "negative" or request.analysis.emotion in UNHAPPY
    told = [a.fact for a in scene.answers if a.fact is not None]
    not_yet = any(NOT_YET.search(" ".join(f.text.values())) for f in told)
    if scene.situation != "question" or not unhappy or not not_yet or not STILL_WAITING.search(request.message.text):
        return body
    if _SORRY_OPENS.match(body):  # "Sorry for the long wait! ...": one sorry for the wait, never a second before it
        return body
    return _line_before(book, "sorry_still", style, body, rng, address)


_SORRY_OPENS = re.compile(r"\W{0,3}(?:sorry|entschuldig\w{0,3}|tut (?:uns|mir) (?:echt |wirklich )?leid)\b", re.I)


def _after_opening(body: str, lines: list[str], *, or_before: bool = True) -> str:
    """Lines put after the body's short opening sentence; without one, before the body (after it: `or_before=False`)."""
    lines = [line for line in lines if line]
    if not lines:
        return body
    opener, rest = _first_sentence(body)
    if opener and rest:
        return " ".join([opener, *lines, rest])
    return " ".join([*lines, body] if or_before else [body, *lines])


def _first_sentence(body: str) -> tuple[str, str]:
    """A short opening sentence of a body and the rest ("", body when the body has none)."""
    match = re.match(r"([^.!?\n]{3,80}[.!?])\s+(\S.*)", body, re.DOTALL)
    return (match.group(1), match.group(2)) if match and not re.search(r"\d", match.group(1)) else ("", body)


def effective_style(tone: str, profile: VoiceProfile, scene: Scene) -> str:
    """The style to write: the tone's own, or its gentle form when a joke does not fit the reading."""
    style = tone_style(tone, profile.tones.get(tone, ""))
    if scene.formal and style != "crisp":
        return "formal"
    if scene.formal_reading and style == "warm" and scene.situation not in VARIED:
        return "formal"  # a formal writer gets calm, complete sentences (Sie only when the profile allows it)
    if style == "playful" and not scene.situation.startswith("outreach") and (scene.no_joke or scene.negative):
        return "gentle"
    return style


NO_EMOJI_SITUATIONS = DEFLECTING | {"defer"}


def _fallback_situation(scene: Scene) -> str:
    return "other_negative" if scene.negative else "other"


# ------------------------------------------------------------------- slots


def _range(profile: VoiceProfile, language: str, level: int) -> str:
    """Two coffees to give, each with its description (level 0) or by name: those made for a brewing method."""
    brewed = [p for p in profile.brand.products if METHODS.search(profile.localized(p.text, language))]
    picked = (brewed or profile.brand.products)[:2]
    named = [f"{p.name} ({profile.localized(p.text, language)})" if level == 0 else p.name for p in picked]
    return (" oder " if language == "de" else " or ").join(named)


# A product the person did not order: "I got it as a gift, I don't have a receipt", "hab sie geschenkt bekommen"
_NO_ORDER_OF_THEIR_OWN = re.compile(
    r"\b(?:(?:don'?t|do not) have (?:a|the) (?:receipt|order number)|no receipt|without (?:a )?receipt"
    r"|(?:was|as) a (?:gift|present)|got it as a (?:gift|present)|keine (?:rechnung|quittung|bestellnummer|kassenbon)"
    r"|geschenkt bekommen|als geschenk bekommen|nicht selbst bestellt)\b",
    re.IGNORECASE,
)


# What the team needs is the order number alone: the parcel is there ("arrived_late"), or a subscription is ended
# (no address, no photo)
_ORDER_NUMBER_ONLY = frozenset(
    {"arrived_late", "cancel_subscription", "cancel_subscription_help", "cancel_subscription_stuck", "invoice_fix"}
)


# Outreach lines that cheer what a post shows, wrong under a post about something gone wrong
_MADE_OUR_DAY = re.compile(
    r"unseren Tag|unser Ding|made our day|klingt richtig gut|sounds so good|Liebe zum Detail|love for the details"
    r"|schöner Beitrag|lovely post|love the",
    re.IGNORECASE,
)


def _slots(
    request: GenerationRequest,
    scene: Scene,
    book: Phrasebook,
    style: str,
    rng: random.Random,
    *,
    level: int,
    address: str,
    vary: int = 0,
) -> dict[str, str]:
    """The slots for one style; `level` 0 uses full wordings, 1 and 2 ever shorter ones (tight limits)."""
    message, analysis, profile = request.message, request.analysis, request.profile
    language = book.language
    rule = profile.brand.escalation.get(scene.team) if scene.team else None
    ask = ""
    if rule is not None:
        wanted = [i for i in _ask_intents(scene, analysis, message.text) if i in rule.ask_by_intent]
        by_intent = rule.ask_by_intent[wanted[0]] if wanted else None
        ask = _not_given_yet(
            profile.localized(by_intent or rule.ask_in_dm, language), message.text, dated=bool(analysis.entities.dates)
        )
        if scene.situation in _ORDER_NUMBER_ONLY:
            ask = _order_parts(ask, wanted=True)
        if _NO_ORDER_OF_THEIR_OWN.search(message.text):  # "I got it as a gift, no receipt": no order number to give
            ask = _order_parts(ask, wanted=False)
        if _MOVING.search(message.text):  # "ich ziehe Samstag um ... an die ALTE Adresse": the new one wanted
            ask = _NEW_ADDRESS.sub(_new_address, ask)
        if _DUNNED.search(message.text) and not _DEBITED.search(message.text):  # "Zahlungserinnerung mit
            ask = _order_parts(ask, wanted=True)  # Mahngebühr, nie eine Rechnung bekommen": no charge to date
    product = analysis.entities.products[0] if analysis.entities.products else ""
    if scene.situation == "stock_question":  # "1. Laden? 2. Workshops? 3. die Handmühle ist ausverkauft": the grinder
        product = stocked_product(message.text, profile) or product
    slots: dict[str, str] = {
        "name": scene.name,
        "range": _range(profile, language, level) if scene.situation in ("gift_advice", "gift_ok") else "",
        "team": profile.localized(rule.label, language) if rule is not None else "",
        "ask": ask,
        "order": analysis.entities.order_ids[0] if analysis.entities.order_ids and scene.in_dm else "",
        "product": product if message.mode == "reply" else "",
        "the_product": the_product(profile, product, language) if product and message.mode == "reply" else "",
        "the_product_acc": accusative(the_product(profile, product, language))
        if product and message.mode == "reply"
        else "",
        "product_line": _product_line(profile, product, language, message.text) if _tells_product(scene, level) else "",
        "duration": scene.duration,
        "loyalty": loyalty(message.text, language) if scene.situation == "praise" and message.mode == "reply" else "",
        "topic": scene.topic.full if scene.topic else "",
        "topic_bare": scene.topic.bare if scene.topic and not _weak_collab_topic(scene) else "",
        "place": scene.place,
        "brand": profile.brand.name,
        "fact": _fact_text(scene, profile, language, style, level),
        "tip": scene.tips[0] if scene.tips else "",
        "tip2": scene.tips[1] if len(scene.tips) > 1 else "",
        "tip_short": _tip_short(scene),
        "moment_line": _moment_line(scene, book, style, message.post or message.text, address),
        "praised": _praised_line(request, scene, book, style, address),
        "friend": scene.friend,
        **(_swap(message.text, profile) if message.mode == "reply" else {}),
        "question_back": "",
        "saved": "",
        "nod": "",
        "trouble": "",
        "echo": echo_word(message.text) if scene.situation in ("other", "other_neutral", "greeting") else "",
        "tasted": tasted(message.text, language) if scene.situation == "taste_criticism" else "",
        "house": _house_line(profile, language) if scene.situation == "taste_jab" else "",
        "roasted_in": roasted_in(profile),
        **(_house_taste(profile, language) if scene.situation in ("taste_jab", "flavour_wish", "flavour_joke") else {}),
        "flavour": _flavour(scene.flavour, language),
        "edition": _edition(scene.flavour, language) if scene.situation.startswith("edition_") else "",
        "weather": _weather(message.text, language) if scene.situation.startswith("weathered") else "",
        "quote": _quote(request, scene),
        "wish": scene.wish,
        "by_phone": ("telefonisch" if language == "de" else "by phone") if _PHONE.search(message.text) else "",
        "home": scene.home,
        "shared": _shared(scene, message.text, language),
        "pitched": _pitched(scene, message.text, language),
        **_asked(scene),
        "tally": tally(message.post or "") if scene.situation == "outreach_tally" else "",
        "series": scene.series[0],
        "next": scene.series[1],
        "streak": scene.series[2],
    }
    if address == "Sie":
        slots["ask"] = re.sub(r"\bdein(e[nmrs]?)?\b", lambda m: "Ihr" + (m.group(1) or ""), slots["ask"])
    dated = bool(analysis.entities.dates)
    # the number given, in a DM or in public ("order 58213" in a comment): never asked for again
    given = bool(analysis.entities.order_ids)
    slots["ask_rest"] = _besides_the_order(slots["ask"], message.text, dated=dated) if given else ""
    slots["answers"] = _answers_text(scene, scene.answers, book, style, slots, rng, level=level, address=address)
    slots["open_answers"] = _answers_text(
        scene, scene.open_answers, book, style, slots, rng, level=level, address=address
    )
    if any(not a.said for a in scene.open_answers):  # only a deferral is worded otherwise when asked along
        slots["open_answers_also"] = _answers_text(
            scene, scene.open_answers, book, style, slots, rng, level=level, address=address, also=True
        )
    if message.mode == "outreach" and _post_question(message.post or ""):
        slots["question_back"] = "yes"
    if message.mode == "outreach":  # "... nur noch lauwarm 😩": a nod before the tip, never a cheer
        troubled = troubled_post(message.post or "")
        slots["trouble"] = _block(book, "outreach_trouble", style, {}, rng, address) if troubled else ""
        slots["nod"] = slots["trouble"] or _block(book, "outreach_cheer", style, {}, rng, address)
    if message.mode == "outreach" and _SHARED_RECIPE.search(message.post or ""):  # "Mein Geheimnis: Hefeteig ..."
        slots["saved"] = _block(book, "outreach_saved", style, {}, rng, address)
    step_block = "step_public_order" if slots["ask_rest"] else "step_public"
    if scene.in_dm:
        step_block = "step_dm_order" if slots["order"] else "step_dm"
    if chasing(message.text):  # "hatte euch am Montag geschrieben ... nichts mehr gehört": chased, not restarted
        found = scene.in_dm or message.channel == "dm" or bool(analysis.entities.order_ids)  # the number finds it
        step_block = "step_chase" if found else "step_chase_public"
    slots["step"] = (
        _block(book, step_block, style, slots, rng, address, short=level, vary=vary) if ask and slots["team"] else ""
    )
    slots["step_friend"] = (
        _block(book, "step_friend", style, slots, rng, address, short=level) if scene.friend and slots["team"] else ""
    )
    return slots


# A post that shares a recipe or a trick, worth saving: "Mein Geheimnis: ...", "recipe in the slides"
_SHARED_RECIPE = re.compile(
    r"\b(?:rezept\w{0,2}|recipe\w?|geheimnis|secret|trick|hack|tipp|tip|anleitung|how to|so geht'?s)\b", re.IGNORECASE
)
_UPSET = re.compile(r"\?\?|!!|reicht|nervt|genervt|frech|wtf|ffs|seriously|ridiculous|unverschämt|😡|🤬|😤|🙄", re.I)
_CHEERY_OPENER = re.compile(
    r"(?:Gute Frage|Good question|Ah, da können wir helfen|Oh, we can help|Frage angekommen|Question received"
    r"|Kaffee-Nerd-Modus|Coffee nerd mode|Schön, dass du fragst|Glad you asked|Die Frage hören wir gern"
    r"|Love this question|Kaffeefrage, unser Lieblingsthema|Coffee question, our favourite)",
    re.I,
)
# What is gone: "Einen Laden haben wir nicht mehr", "no shop any more"
_GONE_WORDS = r"nicht mehr|no longer|any more|anymore|is closed"
# An answer that says no, and the lead-ins that would say yes before it
_REFUSED = re.compile(
    r"\b(?:can'?t|cannot|won'?t|sadly not|not something|unfortunately|leider|kann ich (?:\w+ )?nicht|können wir"
    r" (?:\w+ )?nicht|gibt es (?:bei uns )?(?:leider )?(?:keine?n?|nicht)|keine ärzte|not doctors|your doctor"
    r"|dein arzt|deine ärztin"
    # "Einen Laden haben wir nicht mehr", "no shop any more": the thing asked after is gone, no "klar doch!" first
    r"|gibt'?s nicht mehr|" + _GONE_WORDS + r")\b",
    re.IGNORECASE,
)
# A question that offers a choice: a yes answers none of it ("Was passt besser, X oder Y?", "which one, X or Y?")
_EITHER_OR_ASKED = re.compile(
    r"\b(?:besser|better|lieber|rather|welche\w{0,2}|which)\b[^.!?\n]{0,60}\b(?:oder|or)\b[^.!?\n]{1,60}\?", re.I
)
_AFFIRMING_OPENER = re.compile(r"(?:Sure|Klar|Happy to help|Gern|Gerne|Na klar|Da helfen wir gern)\b", re.IGNORECASE)
_PHONE = re.compile(
    r"telefon|anruf|\b(?:rufe|rufen|ruft|rief|angerufen|anzurufen)\b|hotline|geht (?:keiner|niemand) ran|"
    r"\bphone|\bcall(?:ed|ing)?\b",
    re.IGNORECASE,
)
_PHOTOS_SENT = re.compile(
    r"(?:fotos?|bilder?|video|photos?|pics?|pictures?)\b.{0,40}\b(?:schon|bereits|already|anbei|attached|geschickt|gesendet|sent)"
    r"|(?:anbei|attached|im anhang)\b.{0,20}\b(?:fotos?|bilder?|photos?|pics?)"
    # "I emailed your after sales w/ a video like you said", "hab euch mit Fotos gemailt"
    r"|\b(?:sent|emailed|e-mailed|mailed|messaged|geschickt|gesendet|gemailt|geschrieben)\b.{0,40}"
    r"(?:\bwith|\bw/|\bmit)\s(?:an? |the |some |ein |einem |einigen |den |dem )?"
    r"(?:fotos?|bilder?|video|photos?|pics?)\b"
    r"|(?:\bwith|\bw/|\bmit)\s(?:an? |the |ein |einem |den )?(?:fotos?|bilder?|video|photos?|pics?)\b.{0,20}"
    r"\b(?:gemailt|geschickt|gesendet|geschrieben|emailed|sent)\b",
    re.IGNORECASE,
)


def _weak_collab_topic(scene: Scene) -> bool:
    """ "A espresso collab", "coffee and coffee": a collaboration is named by its own kind (podcast), never by ours;
    "Rückmeldung zum Thema Kaffee" to "Kaffee ist Gift!!!" or to a critique of our logo names nothing either."""
    named_by_kind = scene.situation.startswith(("collaboration", "criticism"))
    return named_by_kind and scene.topic is not None and is_weak(scene.topic)


def _not_given_yet(ask: str, text: str, *, dated: bool) -> str:
    """What the team needs, less what the message gives already ("die Fotos hatte ich ja schon geschickt",
    "two charges on 3 November"); the whole ask when the message gives all of it or none."""
    parts = _ask_parts(ask)
    kept = [p for p in parts if not _given(p, text, dated=dated)]
    return _joined(kept, ask) if kept and len(kept) < len(parts) else ask


def _besides_the_order(ask: str, text: str, *, dated: bool) -> str:
    """What the team needs besides the order number the person gave ("das Datum der Abbuchung"), less what the
    message gives already (a date, a street address, photos sent), or ""."""
    parts = _ask_parts(ask)
    kept = [p for p in parts if not _ORDER_ASK.search(p) and not _given(p, text, dated=dated)]
    return _joined(kept, ask) if kept and len(kept) < len(parts) else ""


def _ask_parts(ask: str) -> list[str]:
    """The things an ask names ("your order number and, if something is damaged, a photo" -> two)."""
    return re.split(r",?\s+(?:und|and)\b,?\s*", ask)


def _given(part: str, text: str, *, dated: bool) -> bool:
    """The message gives what this part of the ask wants (a date, a street address, photos sent)."""
    given = {"date": dated, "address": bool(_STREET.search(text)), "photo": bool(_PHOTOS_SENT.search(text))}
    return any(given[k] and rx.search(part) for k, rx in _WANTS.items())


def _order_parts(ask: str, *, wanted: bool) -> str:
    """The ask with only its order-number part (`wanted`) or only its other parts; the whole ask if none is left."""
    parts = _ask_parts(ask)
    return _joined([p for p in parts if bool(_ORDER_ASK.search(p)) == wanted] or parts, ask)


def _joined(kept: list[str], ask: str) -> str:
    """The parts left of an ask, joined in its language ("your delivery address", never "delivery address")."""
    kept = [_CONDITION.sub("", p) for p in kept]  # "if something is damaged, a photo" -> "a photo"
    english = bool(re.search(r"\band\b", ask))
    kept = [p if not english or _DETERMINED.match(p) else f"your {p}" for p in kept]
    return (" and " if english else " und ").join(kept)


# Someone moving or sending to the old address: the team wants the new address
_MOVING = re.compile(
    rf"{MOVING_FROM_TO}"
    r"|\b(?:ziehe?n? (?:\w+ )?um|umzug\w{0,2}|umgezogen|alte[nr]? adresse|neue[nr]? (?:adresse|wohnung)"
    r"|(?:i'?m|we'?re|i am|we are|i|we|just) (?:moving|moved)|moving (?:house|flats?|out)|old address"
    r"|new (?:address|flat|place))\b",
    re.IGNORECASE,
)
_NEW_ADDRESS = re.compile(r"\b(?:(die) (lieferadresse|adresse)|(?:(your|the) )?(delivery address|address))\b", re.I)


def _new_address(match: re.Match[str]) -> str:
    """ "die Lieferadresse" -> "die neue Lieferadresse", "delivery address" -> "your new delivery address"."""
    if match.group(2):
        return f"{match.group(1)} neue {match.group(2)}"
    return f"{match.group(3) or 'your'} new {match.group(4)}"


# A reminder or a fee for a bill never received, and no word of money taken: no "date of the charge" to ask for
_DUNNED = re.compile(
    r"\b(?:zahlungserinnerung\w{0,2}|mahnung\w{0,2}|mahngebühr\w{0,2}|payment reminder\w{0,2}|reminder|late fee\w{0,2}"
    r"|dunning)\b",
    re.IGNORECASE,
)
_DEBITED = re.compile(
    r"\b(?:abgebucht|abbuchung\w{0,2}|belastet|doppelt|zweimal|charged|debited|twice|taken from)\b", re.IGNORECASE
)
_CONDITION = re.compile(r"^(?:wenn|if)\b[^,]{1,40},\s*", re.IGNORECASE)
_DETERMINED = re.compile(r"(?:your|the|a|an|any)\b", re.IGNORECASE)
_ORDER_ASK = re.compile(r"bestellnummer|order number", re.IGNORECASE)
_STREET = re.compile(  # "Kopenhagener Str 8", "Oranienstraße 12", "Baker Street 4"
    r"\b\w{2,30}(?:straße|strasse|str\.|weg|allee|platz|street|road)\s\d"
    r"|\b\w{2,30}\s(?:str\.?|straße|strasse|weg|allee|platz|street|road)\s\d",
    re.IGNORECASE,
)
# The words of an ask that want what a message may give already.
_WANTS: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"datum|date", re.IGNORECASE),
    "address": re.compile(r"adresse|address", re.IGNORECASE),
    "photo": re.compile(r"foto|photo|video|bild", re.IGNORECASE),
}


def _ask_intents(scene: Scene, analysis: Analysis, text: str) -> list[str]:
    """What the team needs depends on the case: the situation's intent, else the reading's ("refund request")."""
    reason = analysis.escalation.reason.replace(" ", "_") if analysis.escalation else ""
    damaged = ["damaged_or_wrong_item"] if scene.situation.startswith("service_") and DAMAGE.search(text) else []
    return [_intent_for_ask(scene.situation), *damaged, analysis.intent, *analysis.secondary_intents, reason]


def _intent_for_ask(situation: str) -> str:
    return {"damaged_item": "damaged_or_wrong_item", "wrong_item": "damaged_or_wrong_item"}.get(situation, situation)


def _covers(fact_text: str, place: str) -> bool:
    """The fact names the place's country but not the place itself: only then "Graz ist also dabei"."""
    return fold(place) not in fold(fact_text) and names_country(fact_text, country_of(place))


def _block(
    book: Phrasebook,
    name: str,
    style: str,
    slots: dict[str, str],
    rng: random.Random,
    address: str,
    *,
    short: int = 0,
    vary: int = 0,
) -> str:
    """One sentence of a shared block: when `short`, the style's shortest (level 2: with a compact ask).

    `vary` is the attempt: a redraft moves on to the style's other sentences.
    """
    found = usable(book.candidates("blocks", name, style), slots)
    if slots.get("ask_rest"):  # "Send me the new address too": what is still missing is asked for in every tone
        found = [t for t in found if "ask_rest" in fields(t)] or found
    start = (vary // 2) % len(found) if found else 0  # a redraft changes the opening first, then this sentence
    templates = found[start:] + found[:start]
    if short:
        if short >= 2 and slots.get("ask"):
            slots = {**slots, "ask": compact_ask(slots["ask"])}
        templates = sorted(templates, key=lambda t: len(fill(t, slots, address)))
    return _capitalised(fill(templates[0], slots, address)) if templates else ""


def compact_ask(ask: str) -> str:
    """ "deine Bestellnummer und die Lieferadresse" -> "Bestellnummer und Lieferadresse" (tight limits)."""
    # only the article of each item: "a short video or photo of the problem" keeps its "the"
    # English keeps the first "your" ("DM us order number" reads broken, "Bestellnummer und Adresse" does not)
    return re.sub(
        r"(^|\b(?:und|and|oder|or)\s+|,\s*)(?:deine[nmrs]?|dein|die|das|den|der|(?<!^)your|the)\s+", r"\1", ask
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fact_text(scene: Scene, profile: VoiceProfile, language: str, style: str, level: int) -> str:
    fact = scene.situation_fact
    if fact is None:
        return ""
    # a cancellation's fact names cancelling, never just "pausierbar"
    asked = " ".join(sorted(CANCEL_KEYWORDS)) if scene.situation.startswith("cancel_subscription") else ""
    return wording(
        fact, language, profile.brand.default_language, style, level, question=asked, symptoms=scene.symptoms
    )


def wording(
    fact: Fact,
    language: str,
    default: str,
    style: str,
    level: int,
    *,
    question: str = "",
    symptoms: frozenset[str] | None = None,
    whole: bool = True,
) -> str:
    """A fact's wording for a style that still names what was asked ("kündigen", not just "pausierbar"); with
    `symptoms` (what the message says goes wrong), a troubleshooting sentence about another symptom is left out."""
    chosen = _asked_wording(fact, language, default, style, level, question)
    if question and _POINTS_BACK.match(chosen):  # "Gibt es auf die Mühle eine Garantie?" -> never "Dafür gibt es ...":
        chosen = next(iter(fact.short_forms(language, default)), chosen)  # nothing before it to point back to
    # a wording loses a clause about another of the fact's topics ("PayPal, Karte oder Rechnung; Abbuchungen klärt
    # After-Sales" to "geht Rechnung?": the judges read the charge clause as noise); playful's own short form stays
    # whole when there are others, so that it still reads apart from crisp's
    several = len(fact.short_forms(language, default)) > 1
    kept = whole and style in ("playful", "gentle") and several  # `whole=False`: beside a body that sets it apart
    cut = _asked_clauses(fact, chosen, question)
    # "Einen Laden haben wir nicht mehr, aber ..." to "kann ich erst um halb 7 abholen?": what is gone goes unsaid
    kept = kept and not (cut != chosen and _GONE.search(chosen) and not _GONE.search(cut))
    chosen = chosen if kept else cut
    chosen = _day_refused(question, fact, language) + chosen
    if symptoms is None:
        return chosen
    full = fact.text.get(language) or fact.text.get(default) or chosen
    if style == "crisp" and symptoms and not _tells_symptom(chosen, symptoms):
        shorts = fact.short_forms(language, default)
        chosen = _symptom_told(chosen, shorts, symptoms, taken=_wording(full, shorts, "warm", level, []))
    return without_other_symptoms(chosen, symptoms) or without_other_symptoms(full, symptoms) or chosen


# A wording that points back at a fault told before it ("Dafür gibt es die 2 Jahre Garantie", "That's what the
# warranty is for"): a reply to a defect, never an answer to a question about the fact
_POINTS_BACK = re.compile(r"\W*(?:dafür|darum|deshalb|genau dafür|that'?s what|that is what|that'?s why)\b", re.I)


def _symptom_told(chosen: str, shorts: list[str], symptoms: frozenset[str], *, taken: str) -> str:
    """Crisp's wording that names the symptom the message tells ("der espresso ist sauer ... was mach ich falsch":
    "zu sauer, dann eine Stufe feiner", not just "Fein mahlen, Stufe 4–8"), never playful's or warm's (`taken`)."""
    playful = shorts[1] if len(shorts) > 1 else None
    told = [s for s in shorts if s not in (playful, taken) and _tells_symptom(s, symptoms)]
    return min(told, key=len) if told else chosen


def _tells_symptom(text: str, symptoms: frozenset[str]) -> bool:
    return any(SYMPTOMS[name].search(text) for name in symptoms if name in SYMPTOMS)


def _day_refused(question: str, fact: Fact, language: str) -> str:
    """ "Am Wochenende leider nicht. " when the question asks for a day the fact's own days leave out ("habt ihr am
    wochenende offen??" to "freitags 14–18 Uhr"); "" otherwise."""
    told = fold(" ".join(fact.text.values()))
    if not question or not any(day in told for day in _WEEKDAYS):
        return ""
    asked = next((day for day in _DAYS_REFUSED if re.search(rf"(?<!\w){day}", fold(question))), None)
    if asked is None or asked in told:
        return ""
    return _DAYS_REFUSED[asked]["de" if language == "de" else "en"] + " "


_WEEKDAYS: tuple[str, ...] = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_WEEKDAYS += ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_REFUSED = {
    "wochenende": {"de": "Am Wochenende leider nicht.", "en": "Not at the weekend, sorry."},
    "weekend": {"de": "Am Wochenende leider nicht.", "en": "Not at the weekend, sorry."},
    **{
        day: {"de": f"{de.capitalize()}s leider nicht.", "en": f"Not on {en.capitalize()}s, sorry."}
        for de, en in zip(_WEEKDAYS[:7], _WEEKDAYS[7:], strict=True)
        for day in (de, en)
    },
}


def _asked_clauses(fact: Fact, text: str, question: str) -> str:
    """The text without a clause about another of the fact's topics than the one asked ("auf Rechnung?" gets the
    ways to pay, not "Abbuchungsfragen klärt After-Sales"); the text when no clause names what was asked."""
    words = sorted(fact_words(fact))  # with their synonyms: "at the roastery" asks about picking up
    asked = [w for w in words if question and re.search(rf"(?<!\w){re.escape(w)}", fold(question))]
    near = sorted({s for w in asked for s in synonyms_of(w)})  # "opening hours" asks about picking up, its synonym
    others = [fold(k) for k in fact.keywords if fold(k) not in near]  # only the fact's own other topics are cut
    kept = [_asked_units(s, near, others) for s in sentences(text)] if asked else []
    return " ".join(kept) if any(_starts(k, near) for k in kept) else text


def _asked_units(sentence: str, asked: list[str], others: list[str]) -> str:
    """A sentence without its clauses that name another topic and not the one asked (the whole when none is left)."""
    units, kept, before = CLAUSE_CUT.split(sentence), [], False
    for unit in units:  # "kein Laden mehr, aber freitags abholen": the way out after a kept "no" stays too
        told = _starts(unit, asked) or not _starts(unit, others) or bool(re.search(r"\d", unit))  # figures stay
        before = told or (before and bool(LEADING_AND.match(unit)))
        kept += [unit] if before else []
    if not kept or len(kept) == len(units):
        return sentence
    return " ".join(_capitalised(LEADING_AND.sub("", u)) for u, _ in _ended([(u, True) for u in kept]))


def _starts(text: str, keys: list[str]) -> bool:
    """A word of the text starts like one of the (folded) keys or their stems ("Abbuchungsfragen": "abbuchung")."""
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(k if len(k) <= SHORT_KEY else k[:-3])}", folded) for k in keys)


SHORT_KEY = 6  # letters: a key this short is matched whole ("klarna" is no "klärt")


# "Laden gibt's nicht mehr, abholen geht freitags ...": a second main clause after a comma, its verb second
CLAUSE_CUT = re.compile(r";\s{1,3}|,\s(?=(?:aber|bei|but|and)\s)|,\s(?=[a-zäöü]{3,20}\s(?:geht|läuft|klappt)\s)")
_GONE = re.compile(rf"\b(?:{_GONE_WORDS})\b", re.IGNORECASE)
LEADING_AND = re.compile(r"^(?:aber|but)\s{1,3}")


def without_other_symptoms(text: str, symptoms: frozenset[str]) -> str:
    """The text without the parts about a symptom nobody named ("Bitter? Eine Stufe gröber." to a gift question);
    empty when nothing else is left."""
    units = [(u, i > 0) for s in sentences(text) for i, u in enumerate(re.split(r";\s+", s))]
    kept, skip = [], False
    for unit, after_semicolon in units:
        named = {n for n, p in SYMPTOMS.items() if p.search(unit)}
        other = bool(named) and not named & symptoms  # "zu schnell oder sauer" stays for a sour shot
        if not (other or skip):
            kept.append((unit, after_semicolon))
        skip = other and unit.rstrip().endswith("?") and len(unit.split()) <= SYMPTOM_QUESTION  # "Bitter? <fix>"
    if len(kept) == len(units):
        return text
    return " ".join(_capitalised(u) if cut else u for u, cut in _ended(kept))


def _ended(units: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Each unit closed with a full stop where a semicolon cut it off."""
    return [(u if u.rstrip()[-1:] in ".!?…" else u.rstrip() + ".", cut) for u, cut in units]


SYMPTOM_QUESTION = 3  # words: "Bitter?", "Zu sauer?" ask for the fix that follows


def _asked_wording(fact: Fact, language: str, default: str, style: str, level: int, question: str) -> str:
    full = fact.text.get(language) or fact.text.get(default) or next(iter(fact.text.values()), "")
    asked = [fold(k) for k in fact.keywords if question and fold(k) in fold(question)]
    if SWITCH_ASKED.search(question):  # "can I switch to every 4 weeks?": a wording that says it can be changed
        asked += [w for w in ("andern", "change") if w in fold(full)]
    chosen = _wording(full, fact.short_forms(language, default), style, level, asked)
    if not asked or any(fold(k) in fold(chosen) for k in fact.keywords) or _names(chosen, asked):
        return chosen  # it names what was asked ("kündigen", "pausierbar"); a wording that names nothing is swapped
    shorts = fact.short_forms(language, default)
    naming = [s for s in [*shorts, full] if _names(s, asked)]
    if style == "crisp" and len(shorts) > 1:  # crisp never takes playful's wording
        naming = [s for s in naming if s != shorts[1]] or naming
    return min(naming, key=len) if naming and level == 0 else chosen


def _names(text: str, keys: list[str]) -> bool:
    """True when the text names one of the (folded) keywords, or its stem ("pausierbar" names "pausieren")."""
    folded = fold(text)
    return any(k[: max(4, len(k) - 3)] in folded for k in keys)


ALIKE_WORDING = 75  # a crisp wording this like the full text reads like the warm draft


def _wording(full: str, short_forms: list[str], style: str, level: int, asked: list[str]) -> str:
    """A fact's wording for a style: warm the full text, the others a short form; shorter at higher levels.

    Short forms are written as [neutral, conversational, terse]: level 1 prefers the conversational one
    ("Sauer? Eine Stufe feiner mahlen, ..."), level 2 the terse one.
    """
    shorts = short_forms or [sentences(full)[0]]
    # Loose limits: warm the full text, crisp the first short form; tight limits: one short form per tone.
    index = {"warm": 0, "formal": 0, "playful": 1, "gentle": 1, "crisp": 2}.get(style, 0)
    if style == "crisp" and level >= 1 and asked:  # the shortest wording that still names what was asked
        taken = {shorts[1] if len(shorts) > 1 else "", shorts[0] if len(full) > 120 else ""}  # playful's, warm's
        naming = [s for s in shorts if any(k in fold(s) for k in asked) and s not in taken]
        if naming and not any(k in fold(shorts[min(index, len(shorts) - 1)]) for k in asked):
            return min(naming, key=len)
    if level >= 2:
        own = shorts[min(index, len(shorts) - 1)]
        return own if len(own) <= 90 else min(shorts, key=len)
    if level == 1:
        if style in ("warm", "formal") and len(full) <= 120:
            return full  # short enough for a tight limit: warm keeps the whole fact, the others a short form
        return shorts[min(index, len(shorts) - 1)]
    if style == "crisp":  # the first short form not playful's, unless it reads like the full text
        mine = [s for s in shorts if s != shorts[min(1, len(shorts) - 1)]] or shorts
        if fuzz.ratio(mine[0], full) > ALIKE_WORDING:
            mine = sorted(mine, key=lambda s: fuzz.ratio(s, full))
        return _without_contact(mine[0])
    if style in ("playful", "gentle"):
        return shorts[min(1, len(shorts) - 1)]
    return full


# "Wir rösten selbst", "we roast our own": the profile's identity says the brand roasts its coffee itself
_ROASTS_ITSELF = re.compile(
    r"\b(?:rösten|röstet) (?:\w+ )?selbst\b|\bselbst geröstet|\broast (?:\w+ )?(?:ourselves|our own)\b", re.I
)
# "einer kleinen Kaffeerösterei in Berlin-Kreuzberg": the district (the last part of a hyphenated place)
_LOCATED = re.compile(r"\bin (?:[A-ZÄÖÜ][\wäöüß]+-)?([A-ZÄÖÜ][\wäöüß]{2,})")


def roasted_in(profile: VoiceProfile) -> str:
    """Where the brand roasts its coffee itself, as its identity says ("Kreuzberg"), or "" when it says no such
    thing."""
    said = profile.brand.identity.speaker
    found = _LOCATED.findall(said)
    return found[-1] if found and _ROASTS_ITSELF.search(said) else ""


def _without_contact(text: str) -> str:
    """ "Für Büros gibt's das Abo auch in 1-kg-Beuteln, schreib uns per DM." -> without the request to write, which
    the warm and playful wordings keep (crisp's own wording when the fact has only one short form)."""
    head, _, tail = _split_once(text)
    return head.rstrip(".") + "." if len(head) >= 25 and _CONTACT.match(tail) else text


_CONTACT = re.compile(r"(?:dann )?(?:schreib|schick|meld|write|message|send|dm|drop)\w*\b", re.IGNORECASE)


def _split_once(text: str) -> tuple[str, str, str]:
    parts = re.split(r"([;,:] )", text, maxsplit=1)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else (text, "", "")


def _answers_text(
    scene: Scene,
    answers: list[Answer],
    book: Phrasebook,
    style: str,
    slots: dict[str, str],
    rng: random.Random,
    *,
    level: int,
    address: str,
    also: bool = False,
) -> str:
    """Every question answered (its fact) or deferred by name, in the order asked (`also`: the reply already asks
    the team something, so a deferral is asked along with it)."""
    parts: list[str] = []
    for answer in _merged_deferrals(answers[:MAX_ANSWERS], book.language):
        part = _unsaid(_answer(answer, scene, book, style, slots, rng, level=level, address=address, also=also), parts)
        if part:
            parts.append(part)
        # "Ob es die Workshops auf Englisch gibt, kläre ich im Team. Samstags ... Was ein Kurs kostet, frage ich
        # gleich mit.": a later deferral is asked along with the first, never "kläre ich im Team" twice
        also = also or (bool(part) and _deferred(answer) and bool(answer.indirect or answer.about))
    return " ".join(parts)


def _unsaid(part: str, said: list[str]) -> str:
    """The sentences of an answer that no answer before it said (two questions, one fact: the fact once)."""
    before = " ".join(said)
    return " ".join(s for s in sentences(part) if s not in before)


def _merged_deferrals(answers: list[Answer], language: str) -> list[Answer]:
    """Deferrals in a row become one ("Woher die Bohnen kommen und ob sie fair gehandelt sind, kläre ich ...")."""
    groups: list[list[Answer]] = []
    for answer in answers:
        if groups and _deferred(groups[-1][-1]) and _deferred(answer):
            groups[-1].append(answer)
        else:
            groups.append([answer])
    # an unnamed one adds nothing to a named one, unless it names what it is about ("was den Preis angeht und ob ...");
    # three read as a list ("how much it is, whether ... and whether ...")
    return [_merged(g, language) if len(g) > 1 else g[0] for g in groups]


def _merged(group: list[Answer], language: str) -> Answer:
    """Several deferrals as one, said in full or, where space is tight, by what each is about ("Was den Preis und
    das Verschenken angeht"), never by the first one's alone."""
    named = dict.fromkeys(i for a in group if (i := _named_deferral(a, language)))  # two about one thing: said once
    indirect = _listed(list(named), language) or None
    about = _listed(list(dict.fromkeys(a.about for a in group if a.about)), language)
    named_all = all(a.about for a in group)
    return replace(group[0], indirect=indirect, about=about if named_all else group[0].about)


def _named_deferral(answer: Answer, language: str) -> str:
    """A deferral as an item of a list: its question said indirectly, or what it is about ("was den Preis angeht")."""
    if answer.indirect or not answer.about:
        return answer.indirect or ""
    return f"was {answer.about} angeht" if language == "de" else f"about {answer.about}"


def _listed(items: list[str], language: str) -> str:
    """Items as a list: "a, b and c" ("a, b und c")."""
    last = " und " if language == "de" else " and "
    return last.join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _deferred(answer: Answer) -> bool:
    return not answer.said


def _answer(
    answer: Answer,
    scene: Scene,
    book: Phrasebook,
    style: str,
    slots: dict[str, str],
    rng: random.Random,
    *,
    level: int,
    address: str,
    also: bool = False,
) -> str:
    profile_texts = []
    if answer.product_text:
        name, _, said = answer.product_text.partition(": ")
        described = _without_own_name(said, answer.product_with_article or name)
        product = {**slots, "product": name, "the_product": answer.product_with_article or name, "topic": described}
        brewing = [c for c in described.split(", ") if METHODS.search(c)]
        product["method"] = brewing[-1] if brewing else described  # crisp says only what it is for, else what it is
        if level and product["method"]:  # a tight limit: every tone says only what it is for, in its own words
            product["topic"] = product["method"]
        if answer.product_block == "often":  # "The coffee subscription comes every 2 or 4 weeks."
            rhythm = next((c for c in described.split(", ") if RHYTHM.match(c)), described)
            product = {**product, "method": rhythm}
        block = answer.product_block
        bare = FOR_METHODS.match(product["topic"])  # "Mein Tipp wäre die Kiezmischung: für Filter." reads clipped
        if block == "recommend" and (style == "crisp" or bare) and FOR_METHODS.match(product["method"]):
            block, product["method_cap"] = "recommend_for", _capitalised(product["method"])  # "Für Filter passt"
        # "The coffee subscription is every 2 or 4 weeks" reads wrong: a description told without its name is listed
        listed = "crisp" if block == "described" and described != said else style
        profile_texts.append(_block(book, block, listed, product, rng, address))
    if answer.taste:  # "better than Dallmayr?": a matter of taste, best compared in one's own cup
        profile_texts.append(_block(book, "taste_matter", style, slots, rng, address))
    if answer.tax:  # "kann ich das absetzen?": a question for a tax advisor, said so kindly
        profile_texts.append(_block(book, "tax_matter", style, slots, rng, address))
    if answer.health:  # "is espresso a bad idea when you're sick?": a doctor's question, said so kindly
        asked = _slot(slots, "question", answer.indirect) if answer.indirect else None
        line = _block(book, "health_named", style, asked, rng, address) if asked and answer.health != "race" else ""
        plain = "health_short" if level >= 2 else "health_matter"  # tight limits: each tone short, still its own
        plain = "race_matter" if answer.health == "race" else plain  # "espresso before the start?": as in training
        profile_texts.append(line or _block(book, plain, style, slots, rng, address))
    if answer.compared:  # "X oder Y?": what each is, in the profile's words (tight: what each is for)
        first, second = answer.compared[2:] if level and len(answer.compared) == 4 else answer.compared[:2]
        profile_texts.append(_block(book, "compare", style, {**slots, "first": first, "second": second}, rng, address))
    if answer.fact is not None:
        said = wording(
            answer.fact,
            book.language,
            book.language,
            style,
            level,
            question=answer.question,
            symptoms=scene.symptoms,
            whole=sum(a.said for a in scene.answers) <= 1,  # another answer beside it sets playful's wording apart
        )
        if scene.no_grinder:  # "keine Mühle": the setting on our grinder is no help, the grind in words is
            said = _SETTING.sub("", said)
        said = one_country(said, answer.question)  # "Do you ship to Vienna?": Austria, not Austria and Switzerland
        # "Stufe 12 ... bitter": too fine, then the fact; "from 24 to 25, still bitter": the next step
        said = _setting_judged(said, scene.setting_used, book.language, scene.symptoms, coarsened=scene.coarsened)
        place = slots.get("place", "")
        if place and fold(place) in fold(answer.question) and _covers(said, place):
            said += " " + _block(book, "place_covered", style, slots, rng, address)  # "Graz ist also dabei."
        lead = _lead(answer.question, said)  # "Muss ich das Abo kündigen?": no, it can be paused
        said = f"{_block(book, lead, style, slots, rng, address)} {said}" if lead else said
        said = _rhythm_picked(answer.question, book, style, slots, rng, address, said)
        profile_texts.append(said.strip())
    if profile_texts:
        return " ".join(t for t in profile_texts if t)
    indirect = answer.indirect or ""
    # "nehm 3 tüten, wie bezahl ich?": the situation's own fact (order in the shop) answers it already
    answered = any(a.said for a in scene.answers) or scene.situation_fact is not None
    bound = 70 if answered else 60
    if style == "crisp" and len(indirect) > bound:
        # a long question named three times reads like one sentence thrice: crisp stays short, but next to
        # a fact it names what it defers (a bare "das kläre ich" would seem to doubt the fact just given);
        # of two deferred questions it names the first ("ob es schon Kaffee aus der neuen Ernte gibt")
        first = _relisted(_SECOND_ASKED.split(indirect, maxsplit=1)[0], book.language)
        indirect = _relisted(without_clause(indirect, book.language), book.language)
        indirect = indirect if len(indirect) <= bound else first if len(first) <= bound else ""
    if _RUDE.search(answer.question):
        indirect = ""  # never repeat an insult or accusation, not even inside "ob ..."
    if answered and not indirect and not answer.about:
        return ""  # "Den Laden gibt's nicht mehr, ... Das kläre ich im Team": a deferral naming nothing reads pasted
    q_slots = _slot(slots, "question", indirect)
    if answer.chased and indirect:  # "you said you'd check ... any news?": no answer yet, asked again
        return _block(book, "defer_chased", style, q_slots, rng, address)
    if also and indirect:  # "Wann die neue Ernte kommt, frage ich gleich mit."
        return _block(book, "defer_also", style, q_slots, rng, address)
    if also and answer.about and not _RUDE.search(answer.question):  # "Was den Preis angeht, frage ich gleich mit."
        return _block(
            book, "defer_also", style, _slot(q_slots, "question", _named_deferral(answer, book.language)), rng, address
        )
    if level >= 2:  # tight limits: a short honest deferral in this tone's words ("the rest" only after an answer)
        before = scene.answers[: scene.answers.index(answer)] if answer in scene.answers else scene.answers
        answered = any(a.said for a in before)
        short = _relisted(without_clause(indirect, book.language), book.language) if level == 2 and indirect else ""
        if short and len(short) <= 80:  # "Ob wir nach Dänemark liefern, frage ich im Team nach."
            return _block(book, "defer_named_short", style, _slot(q_slots, "question", short), rng, address)
        if answer.about and not _RUDE.search(answer.question):  # "Caffeine: checking with the team"
            return _block(book, "defer_topic_short", style, _slot(q_slots, "about", answer.about), rng, address)
        return _block(book, "defer_short" if answered else "defer_plain", style, q_slots, rng, address, short=1)
    named = _block(book, "defer_named", style, q_slots, rng, address) if indirect else ""
    if not named and answer.about and not _RUDE.search(answer.question):  # "Your question about customs fees"
        named = _block(book, "defer_topic", style, _slot(q_slots, "about", answer.about), rng, address)
    return named or _block(book, "defer_plain", style, q_slots, rng, address)


def _relisted(items: str, language: str) -> str:
    """A list that lost its last item ("what it covers, how much it costs") joined again ("... and how much ...")."""
    last = " und " if language == "de" else " and "
    if ", " not in items or last in items:
        return items
    head, _, tail = items.rpartition(", ")
    return f"{head}{last}{tail}"


# "Muss ich das Abo kündigen?", "do I have to cancel?": asked whether only cancelling helps
_CANCEL_NEEDED = re.compile(
    r"\b(?:muss|müssen|sollte) (?:ich|man|wir)\b[^?.!]{0,30}\bkündig|\b(?:do|would) (?:i|we) (?:have|need) to cancel\b"
    r"|\bhave to cancel\b",
    re.IGNORECASE,
)
_PAUSE_TOLD = re.compile(r"\bpausier|\bpause", re.IGNORECASE)


# "Any news?", "Gibt's schon was Neues?" about a fact that says it is still to come ("we're testing one")
_NEWS_ASKED = re.compile(
    r"\W{0,3}(?:and |und |so |also )?(?:any (?:news|update)|(?:gibt'?s|gibt es) (?:schon )?(?:was |etwas )?neues"
    r"|schon was neues|what'?s the status|wie ist der stand)\W*$",
    re.IGNORECASE,
)
_STILL_PENDING = re.compile(r"\b(?:testen|im test|testing|being tested|sagen bescheid|tell you when)\b", re.IGNORECASE)


def _rhythm_picked(
    question: str, book: Phrasebook, style: str, slots: dict[str, str], rng: random.Random, address: str, said: str
) -> str:
    """ "alle 2 oder alle 4 Wochen, was lohnt sich?": which rhythm for whom, before the fact that it can be changed."""
    pair = RHYTHM_PAIR.search(question)
    if pair is None:
        return said
    often, seldom = sorted((pair.group(1), pair.group(2)), key=int)
    picked = _block(book, "rhythm_pick", style, {**slots, "often": often, "seldom": seldom}, rng, address)
    return f"{picked} {said}" if picked else said


def _lead(question: str, said: str) -> str:
    """The block that answers the question's yes or no before its fact: "no_cancel_needed" for a subscription that
    pauses ("Muss ich kündigen?"), "no_news_yet" for a fact still to come ("Any news?"), or ""."""
    if _PAUSE_TOLD.search(said) and _CANCEL_NEEDED.search(question):
        return "no_cancel_needed"
    return "no_news_yet" if _NEWS_ASKED.match(question) and _STILL_PENDING.search(said) else ""


def _slot(slots: dict[str, str], name: str, value: str) -> dict[str, str]:
    """The slots with `name` set, and its capitalised twin for a sentence start ("question" and "Question")."""
    return {**slots, name: value, name.capitalize(): value[:1].upper() + value[1:]}


def _quote(request: GenerationRequest, scene: Scene) -> str:
    if scene.situation != "offtopic" or scene.topic is not None or request.analysis.injection_suspected:
        return ""
    skip = {fold(s.text) for s in request.analysis.pii} | {
        fold(w) for s in request.analysis.pii for w in s.text.split()
    }
    return quote_word(request.message.text, skip=skip, language=request.analysis.language)


_RUDE = re.compile(f"{PROFANITY.pattern}|{ACCUSATION.pattern}", re.IGNORECASE)


def _moment_line(scene: Scene, book: Phrasebook, style: str, text: str, address: str) -> str:
    """The line for the moment a creator's post is set in ("Regen draußen, Kaffee drinnen: so muss das."); the
    season alone goes unsaid beside a tip ("Herbst ist Kaffeezeit." before the thermos trick reads as a template)."""
    if not scene.moment or (scene.moment in _SEASON_ONLY and scene.tips):
        return ""
    return _occasion_line(book, scene.moment, style, text, address)


_SEASON_ONLY = frozenset({"autumn"})


def _occasion_line(book: Phrasebook, occasion: str, style: str, text: str, address: str) -> str:
    """The occasion's first line for the style, or ""; "{cake}" says the cake the text names ("Zwetschgendatschi und
    Kaffee"), not just "Kuchen"."""
    slots = {"cake": named_cake(text), "milestone": milestone_word(text)}
    lines = usable(book.candidates("blocks", f"occasion_{occasion}", style), slots)
    return fill(lines[0], slots, address) if lines else ""


def _praised_line(request: GenerationRequest, scene: Scene, book: Phrasebook, style: str, address: str) -> str:
    """ "Schön, dass das Paket so schnell bei dir war!" for praise of what came with the coffee (delivery, a note)."""
    aspect = praised(request.message.text) if scene.situation == "praise" and request.message.mode == "reply" else ""
    lines = book.candidates("blocks", f"praised_{aspect}", style) if aspect else []
    return fill(lines[0], {}, address) if lines else ""


def _tip_short(scene: Scene) -> str:
    """The first tip's short wording: the brand's own, else the tip up to its reason."""
    if not scene.tips:
        return ""
    return scene.tips_short[0] or _short_tip(scene.tips[0])


def _short_tip(tip: str) -> str:
    """The tip's advice without its reason ("Kleiner Trick: Die Thermoskanne vorher ... ausspülen"), if it has one."""
    head = re.split(r", (?:dann|damit|so|da|then|so that)\b", tip, maxsplit=1)[0].rstrip(".")
    return f"{head}." if len(head) >= 30 and len(head) < len(tip) - 10 else ""


def _post_question(post: str) -> bool:
    return "?" in post


# ------------------------------------------------------------------- assembling


def _assemble(
    request: GenerationRequest,
    scene: Scene,
    book: Phrasebook,
    style: str,
    body: str,
    slots: dict[str, str],
    rng: random.Random,
    address: str,
) -> str:
    """Greeting, body, emoji and sign-off, as one reply."""
    message = request.message
    body = _capitalised(one_alternative(re.sub(r"\s+", " ", body).strip(), scene.situation))
    if not body:
        body = _block(book, "fallback", style, slots, rng, address)
    body = _with_thanks_first(request, scene, book, style, body, address)
    greeting = ""
    wants_greeting = (
        scene.name
        and message.mode == "reply"
        and scene.situation not in ("spam", "scam", "scam_contact", "scam_dm", "troll")
    )
    if wants_greeting and (message.platform == "facebook" or message.channel == "dm"):
        mirrored = _GREETING_WORD.match(message.text.strip())
        if scene.formal_reading and style in ("playful", "gentle", "crisp"):
            style = "warm"  # a formal writer's reply stays warm after the greeting too
        # "Guten Tag, ...", "Dear Sir or Madam": "Hallo Name", "Hello Name", never "Hey Name"
        greeting_style = "formal" if scene.formal_reading else style
        if message.platform == "facebook" and greeting_style in ("playful", "gentle"):
            greeting_style = "warm"  # "Hey Monika" reads too casual on Facebook: "Hallo Monika"
        if mirrored and greeting_style != "formal":
            greeting = f"{mirrored.group(1).capitalize()} {scene.name},"
        else:
            # the whole name only in a DM: in public, a full name is personal data
            whole = greeting_style == "formal" and scene.full_name and message.channel == "dm"
            named = scene.full_name if whole else scene.name
            greeting = _block(book, "greeting", greeting_style, {"name": named}, rng, address)
    if greeting:
        first = body.split(" ", 1)[0].strip(",.!?:").lower()
        if first in _LOWER_AFTER_GREETING:
            lowered = body if re.match(r"I\b", body) else f"{body[:1].lower()}{body[1:]}"  # English "I" stays
            body = f"{greeting.rstrip(',!')}, {lowered}"
        else:
            body = f"{greeting.rstrip(',!')}! {body}"
    if scene.rewatched and not greeting:  # "14 mal geschaut": "14 Mal?! ..." says we read it
        body = f"{scene.rewatched} {'Mal' if book.language == 'de' else 'times'}?! {body}"
    if request.message.channel == "dm":  # not a comment that says a DM went unanswered: "hier" would be public
        body = here_in_dm(body, book.language)
    elif scene.situation.startswith("service_"):  # "über den Messenger angefragt, keine Antwort": no DM asked again
        body = _DM_CLAUSE[book.language].sub("", body) if book.language in _DM_CLAUSE else body
    body = _with_critique(request, scene, book, style, body, address)
    body = _with_occasion(request, scene, book, style, body, address)
    body = _with_side(scene, book, style, body, address)
    body = _with_team_line(request, scene, style, body)
    sign_off = _sign_off(request, scene, book.language)
    if scene.situation not in _STRANGERS_DATA:  # a scammer's number is no data of the writer's to take down
        body = _with_privacy(request, book, style, body, address, rng, room=len(sign_off))
    body = _with_emoji(request, scene, style, body, rng)
    body = _UNCONTRACTED.sub(r"\1 es", body) if scene.formal_reading and book.language == "de" else body
    text = f"{body}\n{sign_off}" if sign_off else body
    return text[:1].upper() + text[1:]


# A formal writer's reply in complete words: "für Büros gibt's das Abo" -> "gibt es" (the judges read it as slang)
_UNCONTRACTED = re.compile(r"\b(gibt|geht|klappt|passt|läuft)['’]s\b")


_DM_ASK = {
    "de": (
        re.compile(
            r"\b(schreib|schick)(?:e)? (?:uns|mir) (?:bitte |gern |kurz )*(?:per DM|eine DM|per Direktnachricht)", re.I
        ),
        r"\1 mir hier",
    ),
    "en": (
        re.compile(r"\b(?:send us a DM|DM us|drop us a DM|message us privately)(?=[.!,;]|$| and\b)", re.I),
        "tell me a bit more here",
    ),
}


# A fact's "either" for damage or a wrong item ("Beschädigte oder falsch gelieferte Ware", "Wrong or damaged?"),
# narrowed to the one the message tells of
_WRONG_WORD = r"(?:falsch|wrong)\w{0,2}(?: geliefert\w{0,2})?"
_DAMAGE_WORD = r"(?:beschädigt|kaputt|damaged|broken)\w{0,2}"
_EITHER = re.compile(
    rf"\b(?:(?P<w1>{_WRONG_WORD})\s(?:oder|or)\s(?P<d1>{_DAMAGE_WORD})|(?P<d2>{_DAMAGE_WORD})\s(?:oder|or)\s(?P<w2>{_WRONG_WORD}))\b",
    re.IGNORECASE,
)


def one_alternative(body: str, situation: str) -> str:
    """ "Beschädigte oder falsch gelieferte Ware ersetzen wir" -> "Falsch gelieferte Ware ersetzen wir" for a wrong
    item; "Falsch oder kaputt geliefert? Dafür ..." asks nothing the message told ("Dafür ..."), "Beschädigtes oder
    Falsches ersetzen wir" becomes "Das ersetzen wir"."""
    if situation not in ("wrong_item", "damaged_item"):
        return body
    body = re.sub(rf"(?:{_EITHER.pattern})(?:\s(?:geliefert|delivered|arrived))?\?\s*", "", body, flags=re.IGNORECASE)

    def kept(match: re.Match[str]) -> str:
        wrong = situation == "wrong_item"
        said = (match.group("w1") or match.group("w2")) if wrong else (match.group("d1") or match.group("d2"))
        if re.fullmatch(r"\w+es", said) and match.group()[:1].isupper():
            return "Das"  # "Falsches ersetzen wir dir": the thing, said plainly
        return said[:1].upper() + said[1:] if match.group()[:1].isupper() else said

    return _EITHER.sub(kept, body)


# A request to write a DM inside a sentence (often a profile fact's): "...; schreib uns per DM, dann schicken wir ..."
_DM_CLAUSE = {
    "de": re.compile(
        r"[;,]\s(?:dann\s)?(?:schreib|schick)\w{0,2} (?:uns|mir) (?:bitte |gern |kurz )*(?:per DM|eine DM"
        r"|per Direktnachricht)[^.!?\n]*",
        re.I,
    ),
    "en": re.compile(r"[;,]\s(?:just\s)?(?:send us a DM|DM us|drop us a DM|message us)[^.!?\n]*", re.I),
}


def here_in_dm(body: str, language: str) -> str:
    """Already in a DM: "schreib uns per DM" (often inside a profile fact) becomes "schreib mir hier"."""
    rule = _DM_ASK.get(language)
    return rule[0].sub(rule[1], body) if rule else body


def _wanted_occasion(request: GenerationRequest, scene: Scene, book: Phrasebook, style: str, address: str) -> str:
    """The occasion line a reply should carry beside a question's answer (a wish, no joke line), or ""."""
    if not scene.occasion or style == "crisp" or scene.situation not in ("question", "defer"):
        return ""
    return _occasion_line(book, scene.occasion, style, request.message.text, address)


# Where a wish for the person's birthday, trip or move fits: friendly answers, never complaints.
OCCASION_SITUATIONS = frozenset(
    {"question", "defer", "order_via_message", "stock_question", "tagged", "other", "other_neutral", "greeting"}
    | {"praise", "joke"}
    | {"collaboration", "collaboration_dm"}
)


def _with_occasion(
    request: GenerationRequest, scene: Scene, book: Phrasebook, style: str, body: str, address: str
) -> str:
    """The person's occasion wished well after the answer ("Eine schöne Reise!"), when it fits the limit."""
    # a tag, and a joke about the moment ("die wespe trinkt mehr von meinem eiskaffee"), are answered by it in every
    # tone; the joke after a short laugh instead of a line about coffee people
    joked = usable(book.candidates("blocks", f"occasion_{scene.occasion}_joke", style), {})
    if scene.situation == "joke" and joked:  # "Does coffee count as medicine? Asking for myself." with a cold
        return fill(joked[0], {}, address)
    laughed = scene.situation == "joke" and is_moment(scene.occasion)
    told = scene.situation == "other" and is_moment(scene.occasion)  # a chat about the day: its line is the reply
    greeted = scene.occasion in ("eid", "ramadan")  # "Eid Mubarak to everyone": wished back in every tone
    # a fan's day told ("got me through moving flats"): crisp picks it up too, never a bare thank-you
    # an idea beside a deferred question is passed on in every tone ("Idee ist notiert!")
    crisp = style == "crisp" and scene.situation not in ("tagged", "praise") and not (laughed or told or greeted)
    crisp = crisp and scene.occasion != "idea"
    # "Zwetschgendatschi ... was passt besser dazu?": the cake a coffee is picked for, named beside the pick
    baked = scene.situation == "question" and any(a.product_text for a in scene.answers)
    baked = baked and not scene.occasion and moment(request.message.text) == "cake"
    occasion_ = "cake" if baked else scene.occasion  # crisp names it too: it is why that coffee is picked
    if not occasion_ or (crisp and not baked) or scene.situation not in OCCASION_SITUATIONS:
        return body
    line = _occasion_line(book, occasion_, style, request.message.text, address)
    if not line:
        return body
    if told:
        return line
    laugh = book.candidates("blocks", "laugh", style) if laughed else []
    room = request.profile.limit(request.message.channel) - len(_sign_off(request, scene, book.language)) - 8
    if laughed and any(a.said for a in scene.answers):  # "going as a french press for halloween. what grind size
        return f"{body} {line}" if len(body) + len(line) < room else body  # am i": the answer, then the laugh
    opening = laugh[0] if laugh and len(laugh[0]) + len(line) < room else body  # the joke line only when it fits
    return f"{opening} {line}" if len(opening) + len(line) < room and fold(line) not in fold(opening) else body


def _with_side(scene: Scene, book: Phrasebook, style: str, body: str, address: str) -> str:
    """A playful either-or with coffee on one side ("mehr Schlaf oder mehr Kaffee?"): our side picked first."""
    if not scene.side:
        return body
    line = _block(book, "coffee_side", style, {"side": scene.side}, random.Random(0), address)
    if not line or fold(scene.side) in fold(body.split(".")[0]):
        return body
    if scene.situation == "joke" and not scene.occasion:  # a poll: our side is the answer, no laugh at a joke
        return line
    return f"{line} {body}"


def _with_thanks_first(
    request: GenerationRequest, scene: Scene, book: Phrasebook, style: str, body: str, address: str
) -> str:
    """Praise with a question ("hab mega viel gelernt 🙌 gibt's auch einen zu Latte Art?"): thanks before the answer."""
    analysis = request.analysis
    picked = any(a.product_text or a.compared for a in scene.answers)  # "apple cake ... which coffee goes best?"
    # "Datschi aus dem Ofen geholt 😍 Was passt besser dazu?": glad, but it praises nothing of ours to thank for
    said = without_emoji(request.message.text) if picked or _all_asked(request) else request.message.text
    praised = (analysis.intent == "praise" and not picked) or (analysis.sentiment == "positive" and praises(said))
    praised = praised and analysis.sentiment != "negative"  # "pls help my new portafilter hates me ... sour 😭"
    praised = praised and not scene.negative  # "WARUM IST MEIN KAFFEE SO BITTER ... ALLES RICHTIG GEMACHT 😤": upset
    praised = praised and not RATE_ASKED.search(request.message.text)  # "rate my setup: ... 10 min 💀": no fan mail
    if (
        scene.situation not in ("question", "defer")
        or request.message.mode != "reply"
        or analysis.sarcasm
        or not praised
    ):
        return body
    thanks = _block(book, "praise_before_question", style, {}, random.Random(0), address)
    room = request.profile.limit(request.message.channel) - len(_sign_off(request, scene, book.language)) - 8
    return f"{thanks} {body}" if thanks and len(thanks) + len(body) < room else body


def _all_asked(request: GenerationRequest) -> bool:
    """The message is its questions and nothing else ("do you have a café?? where can I get a flat white 😍"): an
    emoji there is excitement, no praise to thank for."""
    asked = sum(len(str(getattr(q, "text", ""))) for q in request.analysis.questions)
    return asked >= 0.8 * len(request.message.text.strip())


def _with_critique(
    request: GenerationRequest, scene: Scene, book: Phrasebook, style: str, body: str, address: str
) -> str:
    """A fan's small critique heard after the thanks ("Und was die Tüte angeht: ..."), when it fits the limit."""
    if scene.critique is None or scene.situation != "praise":
        return body
    room = request.profile.limit(request.message.channel) - len(_sign_off(request, scene, book.language)) - 8
    for template in usable(book.candidates("blocks", "praise_critique", style), {"critique": scene.critique}):
        line = fill(template, {"critique": scene.critique}, address)
        if len(body) + len(line) < room:  # the named critique, else the shorter line that only says we heard it
            return f"{body} {line}"
    return body


# Where the team's own closing question fits: answers and friendly chats, never complaints.
TEAM_LINE_SITUATIONS = frozenset({"question", "praise", "other", "greeting", "outreach"})


# Personal data in a public comment, by the name the care line gives it (order numbers and names are no secret)
_EXPOSED = {
    "de": {
        "phone": "Telefonnummer",
        "email": "E-Mail-Adresse",
        "iban": "IBAN",
        "card": "Kartennummer",
        "address": "Adresse",
    },
    "en": {
        "phone": "phone number",
        "email": "email address",
        "iban": "IBAN",
        "card": "card number",
        "address": "address",
    },
}


_STRANGERS_DATA = frozenset({"spam", "scam", "scam_contact", "scam_dm", "scam_report"})


# A fact's range of settings ("Stufe 24–26") and what a setting outside it is
_NEXT_STEP = {"de": "Dann noch eine Stufe weiter, auf {n}.", "en": "Then one more step, to {n}."}
_TOO_FAR = {
    "de": "Klingt, als wärst du einen Schritt zu weit gegangen: Eine Stufe feiner sollte passen.",
    "en": "Sounds like it went a step too far: one step finer should do it.",
}
_FINER_STEP = {"de": "Geh mal eine Stufe feiner, auf {n}.", "en": "Go one step finer, to {n}."}
_COARSER = re.compile(r"\b(?:gröber|grober|coarser|zu fein|too fine)\b", re.IGNORECASE)  # "Bitter heißt: zu fein"
_FINER = re.compile(r"\b(?:feiner|finer|zu grob|too coarse)\b", re.IGNORECASE)
_OFF_BY = {
    "de": ("Stufe {n} ist dafür zu fein.", "Stufe {n} ist dafür zu grob."),
    "en": ("Setting {n} is too fine for that.", "Setting {n} is too coarse for that."),
}


def _setting_judged(
    said: str, used: int, language: str, symptoms: frozenset[str] = frozenset(), *, coarsened: bool = False
) -> str:
    """A grind fact for someone who names the setting they use (`used`, 0 if none), outside the fact's range: it
    says so first ("Stufe 12 ist dafür zu fein. Grob mahlen (Handmühle Kiez: 24–26) ..."); inside it, with the
    symptom still there, the next step in the range ("Then one more step, to 26."); with no setting named, a grind
    made coarser and now watery is a step too far."""
    told = FACT_RANGE.search(said)
    if told is None:
        return said
    if not used:
        too_far = coarsened and "watery" in symptoms
        return f"{_TOO_FAR.get(language, _TOO_FAR['en'])} {said}" if too_far else said
    low, high = int(told.group(1)), int(told.group(2))
    if low <= used <= high:
        return _next_step(said, used, (low, high), language, symptoms)
    if used > high + 10:
        return said
    fine, coarse = _OFF_BY.get(language, _OFF_BY["en"])
    verdict = (fine if used < low else coarse).format(n=used)
    if verdict.split()[-1].rstrip(".") in said:  # "Bitter heißt meist: zu fein." says it already
        return said
    return f"{verdict} {said}"


def _next_step(said: str, used: int, bounds: tuple[int, int], language: str, symptoms: frozenset[str]) -> str:
    """The fact after the next setting in its range while the symptom is still there ("Then one more step, to 26.")."""
    # "eine Stufe gröber gemacht (jetzt 25), immer noch bitter": the next step coarser, unless the fact says finer
    step = 1 if "bitter" in symptoms and (_COARSER.search(said) or not _FINER.search(said)) else 0
    step = -1 if "sour" in symptoms and _FINER.search(said) else step
    # "stufe 26 für die french press, jetzt wässrig": a fact that names no direction, the step finer named
    unsaid = "watery" in symptoms and "bitter" not in symptoms and not (_FINER.search(said) or _COARSER.search(said))
    step = -1 if unsaid else step
    if not step or not bounds[0] <= used + step <= bounds[1]:
        return said
    wording = _FINER_STEP if unsaid else _NEXT_STEP
    return f"{wording.get(language, wording['en']).format(n=used + step)} {said}"


# Two countries a fact names together: "nach Österreich und in die Schweiz", "to Austria and Switzerland"
_COUNTRY_PAIR = re.compile(
    r"\b((?:[Nn]ach |[Ii]n die |[Ii]n den |[Tt]o )?([A-ZÄÖÜ][a-zäöüß]{3,20})) (?:und|and) "
    r"((?:nach |in die |in den |to )?([A-ZÄÖÜ][a-zäöüß]{3,20}))\b"
)


# Two countries as codes ("AT und CH"), each said by its name when the question asks about one
_CODE_PAIR = re.compile(r"\b([A-Z]{2}) (und|and) ([A-Z]{2})\b")


def one_country(said: str, question: str) -> str:
    """A fact about two countries said for the one the question names ("Do you ship to Vienna?": "We also ship to
    Austria; ..."), the fact's own words otherwise."""
    asked = countries_in(read_text(question))
    if len(asked) == 1 and (codes := _CODE_PAIR.search(said)):  # "AT and CH: 4–6 working days" to Vienna
        name = country_name(next(iter(asked)), "de" if codes.group(2) == "und" else "en")
        return f"{said[: codes.start()]}{name}{said[codes.end() :]}" if name else said
    pair = _COUNTRY_PAIR.search(said)
    if len(asked) != 1 or pair is None:
        return said
    first, second = countries_in(read_text(pair.group(2))), countries_in(read_text(pair.group(4)))
    if not first or not second or first == second:
        return said
    kept = pair.group(1) if first == asked else pair.group(3) if second == asked else ""
    if not kept:
        return said
    if kept == pair.group(4):  # "to Austria and Switzerland": the second keeps the first's "to"
        kept = pair.group(1)[: -len(pair.group(2))] + kept
    out = f"{said[: pair.start()]}{kept}{said[pair.end() :]}"
    return out[:1].upper() + out[1:] if pair.start() == 0 else out


def _with_privacy(
    request: GenerationRequest,
    book: Phrasebook,
    style: str,
    body: str,
    address: str,
    rng: random.Random,
    *,
    room: int,
) -> str:
    """A comment that posts a phone number, an email or an IBAN: the reply says to take it down, if it fits (in
    words that change with each redraft, so a redraft differs from the reply approved before)."""
    names = _EXPOSED.get(book.language, _EXPOSED["en"])
    kinds = [str(s.kind) for s in request.analysis.pii if str(s.kind) in names]
    if request.message.channel != "comment" or request.message.mode != "reply" or not kinds:
        return body
    slots = {"kind": names[kinds[0]]}
    lines = usable(book.candidates("blocks", "privacy_public", style), slots)
    line = _capitalised(fill(rng.choice(lines), slots, address)) if lines else ""
    fits = len(body) + len(line) + room + 8 <= request.profile.limit(request.message.channel)
    return f"{body} {line}" if line and fits else body


def _with_team_line(request: GenerationRequest, scene: Scene, style: str, body: str) -> str:
    """A closing line the team itself wrote in a similar approved reply (warm: the first, playful: the second)."""
    index = {"warm": 0, "formal": 0, "playful": 1}.get(style)
    if index is None or scene.situation not in TEAM_LINE_SITUATIONS:
        return body
    # in the reply's own language only: an approved English line never closes a German reply
    lines = [
        line for line in team_lines(request) if fold(line) not in fold(body) and _in_language(line, scene.language)
    ]
    return f"{body} {lines[index]}" if len(lines) > index else body


def _in_language(sentence: str, language: str) -> bool:
    """The sentence has no word only the brand's other language has more of (German ~ English votes)."""
    de, en = language_votes(sentence)
    return (de >= en) if language == "de" else (en >= de)


def team_lines(request: GenerationRequest) -> list[str]:
    """Generic closing questions from the approved examples: the team's own phrasing to reuse."""
    profile = request.profile
    banned = [fold(p.name) for p in profile.brand.products] + [fold(profile.brand.name)]
    sign_offs = {fold(t) for t in profile.sign_off.text.values()}
    lines = []
    for example in request.examples:
        for sentence in sentences(emoji_lib.replace_emoji(example, "").replace("\n", " ")):
            folded = fold(sentence)
            generic = not re.search(r"[\d@#/]|https?:", sentence) and not any(b in folded for b in banned)
            # Closing questions only: an approved opener ("This made our day!") would make every reply a repeat.
            if generic and sentence.endswith("?") and 20 <= len(sentence) <= 90 and folded not in sign_offs:
                lines.append(" ".join(sentence.split()))
    return [line for line in dict.fromkeys(lines) if not find_stock_phrases(line, tuple(profile.banned_phrases))]


def _sign_off(request: GenerationRequest, scene: Scene, language: str) -> str:
    sign_off = request.profile.sign_off
    quiet = scene.situation in ("spam", "troll")  # a comment under another creator's post is signed like any other
    if request.message.channel not in sign_off.channels or quiet:
        return ""
    return request.profile.localized(sign_off.text, language)


def _with_emoji(request: GenerationRequest, scene: Scene, style: str, body: str, rng: random.Random) -> str:
    """At most the profile's emoji, from its palette, fitting the mood: none for complaints or crisp answers."""
    profile = request.profile
    present = emoji_lib.emoji_count(body)
    palette = list(profile.emoji.palette)
    if present or not palette:
        return body
    density = profile.platform.emoji_density
    wanted = {"playful": 1, "warm": 1, "gentle": 0, "crisp": 0, "formal": 0}.get(style, 0)
    if density == "high" and style in ("crisp", "playful"):
        wanted = 1
    if density in ("none",) or (density == "low" and style != "playful"):
        wanted = 0
    if scene.negative or scene.situation in NO_EMOJI_SITUATIONS:
        wanted = 0
    wanted = min(wanted, profile.emoji.max_per_reply)
    if not wanted:
        return body
    faces = [e for e in palette if _is_face(e)]
    coffee = [e for e in palette if e in ("☕", "🫘")]
    warm = [e for e in palette if e in ("💛", "✨", "🙌", "🙂")]
    joking = style == "playful" and scene.situation in ("praise", "other", "outreach", "outreach_what", "troll")
    faces = [e for e in faces if e != "💀"]
    cheering = scene.situation in (
        "praise",
        "greeting",
        "other",
        "outreach",
        "outreach_what",
        "outreach_who",
        "outreach_relate",
        "outreach_series",
        "outreach_tally",
        "outreach_ideas",
        "outreach_luck",
        "outreach_cheer",
        "outreach_event",
        "outreach_back",
        "outreach_mug",
    )
    if joking:
        pool = faces + ([e for e in palette if e == "🔥"] if scene.situation in ("praise", "outreach") else [])
    elif cheering:
        pool = warm + coffee
    else:
        pool = coffee
    pool = pool or coffee or [e for e in palette if e not in ("📦", "💀")]
    if not pool:
        return body
    return f"{body} {rng.choice(pool)}"


@lru_cache(maxsize=256)
def _is_face(symbol: str) -> bool:
    name = emoji_lib.demojize(symbol)
    return any(word in name for word in ("face", "skull", "grin", "smil", "joy", "wink", "hands"))


# How a coffee tasted, in the person's own word: "schmeckt so flach", "tastes really flat and kind of stale"
TASTED = {
    "de": re.compile(
        r"\b(flach|schal|fad|fade|wässrig|wässerig|dünn|muffig|verbrannt|bitter|sauer|abgestanden|alt)\b"
        r"(?=[^.!?]{0,20}\b(?:schmeck|geschmack)|[^.!?]{0,3}$|\s(?:und|irgendwie))|(?<=schmeckt )(?:\w{1,12} ){0,2}?"
        r"(flach|schal|fad|wässrig|dünn|muffig|verbrannt|bitter|sauer|abgestanden|alt)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:tastes?|tasted|tasting)\s(?:\w{1,12}\s){0,3}?(flat|stale|bland|watery|burnt|bitter|sour|weak|musty)\b",
        re.IGNORECASE,
    ),
}


def tasted(text: str, language: str) -> str:
    """The word the person used for how the coffee tasted ("flat", "schal"), or ""."""
    pattern = TASTED.get(language)
    found = pattern.search(text) if pattern else None
    return next((g for g in found.groups() if g), "").lower() if found else ""


def _swap(text: str, profile: VoiceProfile) -> dict[str, str]:
    """For a wrong item: what was ordered ("statt X") and what came instead (both shop names)."""
    match = re.search(r"\b(?:statt|anstatt|instead of)\b", text, re.IGNORECASE)
    if not match:
        return {}
    after = find_products(text[match.end() :], profile)
    before = find_products(text[: match.start()], profile)
    if before and len(after) >= 2 and before[-1] in after:  # "2x Kiezmischung statt 1x Kiezmischung + 1x Espresso"
        return {"wanted": next(p for p in after if p != before[-1]), "got": before[-1]}
    if len(after) >= 2:  # "statt X war Y drin"
        return {"wanted": after[0], "got": after[1]}
    if after and before and not _SENT_BETWEEN.search(_up_to(text[match.end() :], after[0])):
        return {"wanted": after[0], "got": before[-1]}  # "Y statt X"
    return {}


def _up_to(text: str, name: str) -> str:
    """The text before a product's name (its first word's start; all of it when only an alias names it)."""
    return text.lower().split(name.split()[0][:5].lower(), 1)[0]


# "instead of the second espresso you sent kiezmischung": what follows the verb came; what was wanted is unnamed
_SENT_BETWEEN = re.compile(
    r"\b(?:sent|send|got|received|came|was|were|is|schickt|geschickt|geliefert|kam|kamen|war|waren|ist|habt|hab)\b",
    re.IGNORECASE,
)
