"""The offline composer's phrasebooks: move templates per language, intent and style."""

from __future__ import annotations

import random
import re
import string
from functools import lru_cache

from assistant.defaults import DATA_DIR
from assistant.models import StrictModel
from assistant.profiles.loading import parse_file

DATA = DATA_DIR
STYLES = ("warm", "playful", "crisp", "formal")
_ADDRESS = re.compile(r"\[\[(.*?)\|\|(.*?)\]\]", re.S)
_FIELDS = string.Formatter()

Templates = dict[str, list[str]]  # style (or "any") -> templates


class Phrasebook(StrictModel):
    """Templates for every move: move -> intent (or "any") -> style (or "any") -> texts."""

    language: str
    moves: dict[str, dict[str, Templates]]

    def candidates(self, move: str, situations: list[str], style: str, *, any_style: bool = False) -> list[str]:
        """Templates for a move: the first situation (most specific first, then "any") that has some.

        `any_style` adds the other styles' templates (when a draft must differ from many before it).
        """
        by_intent = self.moves.get(move, {})
        for key in (*situations, "any"):
            styles = by_intent.get(key, {})
            if any_style and styles:
                return list(dict.fromkeys(t for texts in styles.values() for t in texts))
            found = styles.get(style) or (styles.get("warm") if style == "formal" else None)
            if found or styles.get("any"):
                return [*(found or []), *styles.get("any", [])]
        return []


@lru_cache(maxsize=8)
def load_phrasebook(language: str) -> Phrasebook | None:
    """The built-in phrasebook for a language, or None when there is none."""
    path = DATA / f"phrasebook_{language}.yaml"
    if not path.is_file():
        return None
    return parse_file(path, Phrasebook)


def fields(template: str) -> set[str]:
    """The slot names a template needs."""
    return {name for _, name, _, _ in _FIELDS.parse(template) if name}


# Slots that carry something concrete from the message; templates using them are preferred.
CONCRETE = frozenset(
    {"product", "order_lines", "place", "keyword", "keyword2", "topic", "wanted", "got", "order", "amount"}
)


def render_all(
    templates: list[str], slots: dict[str, str], address: str, rng: random.Random, *, variety: int = 0
) -> list[str]:
    """Every usable template filled: one of the most concrete first, then the rest shuffled.

    `variety` widens the first pick when a draft must differ from earlier ones: 1 = any concrete
    template, 2 or more = any usable one.
    """
    filled = {k for k, v in slots.items() if v}
    usable = [t for t in templates if fields(t) <= filled]
    concrete = [t for t in usable if fields(t) & CONCRETE]
    if not usable:
        return []
    most = max((len(fields(t) & CONCRETE) for t in concrete), default=0)
    tiers = [[t for t in concrete if len(fields(t) & CONCRETE) == most], concrete, usable]
    first = rng.choice(next(tier for tier in [*tiers[min(variety, 2) :], usable] if tier))
    rest = [t for t in concrete if t != first], [t for t in usable if t not in concrete and t != first]
    rng.shuffle(rest[0])
    rng.shuffle(rest[1])
    return [_fill(t, slots, address) for t in [first, *rest[0], *rest[1]]]


def _fill(template: str, slots: dict[str, str], address: str) -> str:
    chosen = _ADDRESS.sub(lambda m: m.group(2) if address == "Sie" else m.group(1), template)
    return chosen.format_map(slots)
