"""The offline composer's phrasebooks: whole replies per situation and style, written as a community manager would.

A phrasebook (assistant/data/phrasebook_<lang>.yaml) has two tables, both situation -> style -> templates:

- `replies`: whole replies for a situation ("delivery_problem", "question", "praise", ...);
- `blocks`: sentences that replies share ("step_public": the next step in a public comment, "defer":
  an honest "we'll check" that names the question, ...), used through slots of the same name.

Slots are `{name}` fields; a template is used only when every slot it names has a value (so a reply
that would need a fact, a product or a duration the message does not give is never written).
`[[du-Form||Sie-Form]]` picks the address form.
"""

from __future__ import annotations

import random
import re
import string
from functools import lru_cache
from typing import Literal

from pydantic import model_validator

from assistant.defaults import DATA_DIR
from assistant.models import StrictModel
from assistant.profiles.loading import parse_file

DATA = DATA_DIR
STYLES = ("warm", "playful", "crisp", "formal")
Style = Literal["warm", "playful", "crisp", "formal", "gentle", "any"]
_ADDRESS = re.compile(r"\[\[(.*?)\|\|(.*?)\]\]", re.S)
_FIELDS = string.Formatter()

# Every slot a template may name; the composer fills them from the message and the profile.
SLOTS = frozenset(
    {
        "name",  # the person's first name, when the author field gives one
        "often",  # the shorter of two subscription rhythms asked about (2, of "alle 2 oder 4 Wochen")
        "seldom",  # the longer one (4)
        "range",  # the coffees to choose a gift from, each with what it is for (gift advice)
        "team",  # the team's label (Versandteam, After-Sales-Team)
        "ask",  # what the team needs (deine Bestellnummer und die Lieferadresse)
        "ask_rest",  # what the team needs besides the order number the person gave (die Lieferadresse)
        "order",  # an order number the person gave (DMs only)
        "product",  # a product named in the message (its shop name)
        "the_product",  # the same with its article (die Kiezmischung)
        "the_product_acc",  # the same as an accusative takes it (auf den Kaffee-Workshop)
        "duration",  # how long the person has waited (8 Tage, 10 days)
        "cake",  # the cake a message or post names, to start a sentence (Zwetschgendatschi, Apple cake)
        "milestone",  # the step a creator's post celebrates, as it names it (Ausbildung, Driving test)
        "side",  # the coffee side of a playful either-or (Kaffee, coffee, Espresso)
        "house_name",  # the profile's first coffee, to start a sentence (Die Kiezmischung, Kiezmischung)
        "house_taste",  # how the profile says it tastes (schokoladig und mild, chocolatey and mellow)
        "loyalty",  # how long a fan has been with us (seit zwei Jahren, for a year)
        "product_line",  # what the profile says of the product asked about ("Kurz zur Kiezmischung: …")
        "praised",  # thanks for what a fan praises beyond the coffee (a fast parcel, a note in it)
        "topic",  # a well-formed noun phrase from the message or post (die Thermoskanne)
        "topic_bare",  # the same without article (Thermoskanne)
        "answers",  # every question answered (its fact) or honestly deferred, in the order asked
        "fact",  # the profile's fact for this situation (replacement, warranty, returns, ...)
        "tip",  # brand-free know-how that fits another creator's post
        "question_back",  # the post's own question, when it asks one (outreach)
        "trouble",  # a nod to another creator's trouble ("Oh nein, das kennen wir!"), "" for any other post (outreach)
        "nod",  # the lead before a tip: a cheer, or a nod to trouble ("Oh nein, das kennen wir!") (outreach)
        "saved",  # "Wird gespeichert!" for a post that shares a recipe or a trick (outreach)
        "step",  # the next step (block step_public / step_dm / step_dm_order)
        "step_friend",  # the next step for someone else's order (a friend's parcel)
        "brand",  # the brand's name
        "place",  # a place the person asks about (Dänemark)
        "kind",  # personal data a public comment shows (Telefonnummer, email address)
        "weather",  # the weather beans were left in (die Hitze, die Nässe, the heat, the rain)
        "edition",  # a special edition asked for that no product of ours is (Oktoberfest-Edition)
        "flavour",  # a flavour wished for that no coffee of ours has (Brezelgeschmack, pumpkin spice)
        "wish",  # a wish to return (frohe Ostern)
        "method",  # what a recommended product is for ("für Filter und French Press")
        "method_cap",  # the same opening a sentence ("Für Filter")
        "asked",  # an off-topic question said back ("ob die U1 heute fährt"), to say we don't know
        "Asked",
        "pitched",  # "Danke für die ausführliche Anfrage": a collab pitch that already says what and for how much
        "shared",  # "Danke, dass du das mit uns teilst": a fan's long story, thanked for as one (praise only)
        "first",  # two products asked to choose between, each with its description ("Espresso Kreuzberg ist ...")
        "second",
        "about",  # what a deferred question is about, in the lexicon's words ("customs fees")
        "About",
        "by_phone",  # "telefonisch" when the person could not reach us by phone
        "home",  # where a greeting comes from (Hamburg)
        "question",  # the question as an indirect question (ob wir nach Dänemark liefern), in defer blocks
        "Question",  # the same, capitalised
        "tip2",  # a second tip for the post, when there is one
        "tip_short",  # the first tip's short wording (the profile's, or up to its first comma when clearly shorter)
        "moment_line",  # a line for the moment a creator's post is set in (rain, snow, a Monday), outreach only
        "friend",  # the person's friend whose order it is (Dein Kumpel)
        "wanted",  # a wrong item: what was ordered (shop name)
        "got",  # a wrong item: what came instead
        "echo",  # an exclamation the person used (Unbedingt), from the lexicon's short list
        "quote",  # the person's own word, quoted, when no noun phrase can be picked up (off-topic rants only)
        "series",  # the series a post is part of (Tag 4, Day 112, Teil 1)
        "next",  # what comes after it (Teil 2, die Fortsetzung, what comes next)
        "streak",  # the series when it is a run of days or weeks past the first (Day 112)
        "tally",  # a post's count of its day, as it wrote it (3 Stunden Arbeit, 2 Kannen Kaffee, 0 Reue)
        "tasted",  # how the coffee tasted, in the person's own word (flat, schal), taste criticism only
        "house",  # the profile's first coffee as it describes it, for a taste guessed but never tried
        "roasted_in",  # where the brand roasts its coffee itself, as its identity says ("Kreuzberg"), or nothing
        "critique",  # what a fan's small critique is about, as "was ... angeht" takes it (die Tüte, the bags)
    }
)

Templates = dict[Style, list[str]]


class Phrasebook(StrictModel):
    """Whole replies and shared blocks: situation -> style -> templates."""

    language: str
    replies: dict[str, Templates]
    blocks: dict[str, Templates]

    @model_validator(mode="after")
    def _known_slots(self) -> Phrasebook:
        for table in (self.replies, self.blocks):
            for situation, styles in table.items():
                for style, templates in styles.items():
                    for template in templates:
                        unknown = fields(template) - SLOTS
                        if unknown:
                            raise ValueError(
                                f"{situation}.{style}: unknown slot {sorted(unknown)[0]!r} in {template!r}"
                            )
        return self

    def candidates(self, table: str, situation: str, style: str) -> list[str]:
        """Templates of a situation for a style: the style's own, else gentle/warm, else any."""
        styles = (self.replies if table == "replies" else self.blocks).get(situation, {})
        for key in _fallbacks(style):
            if styles.get(key):  # type: ignore[call-overload]
                return list(styles[key])  # type: ignore[index]
        return []

    def has(self, situation: str) -> bool:
        """True when the phrasebook has replies for this situation."""
        return bool(self.replies.get(situation))


def _fallbacks(style: str) -> tuple[str, ...]:
    return {
        "warm": ("warm", "any"),
        "playful": ("playful", "gentle", "warm", "any"),
        "crisp": ("crisp", "any", "warm"),
        "formal": ("formal", "warm", "any"),
        "gentle": ("gentle", "warm", "any"),
    }.get(style, (style, "warm", "any"))


@lru_cache(maxsize=8)
def load_phrasebook(language: str) -> Phrasebook | None:
    """The built-in phrasebook for a language, or None when there is none."""
    path = DATA / f"phrasebook_{language}.yaml"
    if not path.is_file():
        return None
    return parse_file(path, Phrasebook)


def fields(template: str) -> set[str]:
    """The slot names a template needs."""
    return {name for _, name, _, _ in _FIELDS.parse(_ADDRESS.sub(r"\1\2", template)) if name}


def usable(templates: list[str], slots: dict[str, str]) -> list[str]:
    """The templates whose slots all have a value."""
    filled = {k for k, v in slots.items() if v}
    return [t for t in templates if fields(t) <= filled]


def ordered(templates: list[str], rng: random.Random, *, spread: int = 2) -> list[str]:
    """Templates in the phrasebook's order of preference, starting at one of the first `spread` (seeded)."""
    if len(templates) <= 1:
        return list(templates)
    start = rng.randrange(min(spread, len(templates)))
    if fields(templates[0]) and not fields(templates[start]):
        start = 0  # a line about this message before a line that fits any message ("Okay, this made our day.")
    return templates[start:] + templates[:start]


_SENTENCE_START_SLOT = re.compile(r"(^|[.!?]\s+)\{(\w+)\}")


def fill(template: str, slots: dict[str, str], address: str) -> str:
    """The template with its address form chosen and its slots filled (a slot starting a sentence gets a capital)."""
    chosen = _ADDRESS.sub(lambda m: m.group(2) if address == "Sie" else m.group(1), template)
    capitalised = {f"{name}__cap": _cap(value) for name, value in slots.items() if isinstance(value, str)}
    chosen = _SENTENCE_START_SLOT.sub(lambda m: f"{m.group(1)}{{{m.group(2)}__cap}}", chosen)
    return chosen.format_map({**slots, **capitalised})


def _cap(value: str) -> str:
    return value[:1].upper() + value[1:]
