"""Figures that contradict the fact a question asks for, and hours of the day nothing states.

"Is the grinder warranty 2 or 3 years?" answered "3 years on the Handmühle Kiez": the fact says 2. "Can I pick up on
Christmas Eve?" answered "we're open from 10 to 2": the fact says Fridays from 2 to 6. A draft that answers with a
quantity of a unit its question's fact states (years, days, minutes, hours of the day) gives a figure the profile
states, or one the person said outside the question ("I steeped it 6 minutes").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.guard.claims import DRAFT_QUESTION, QUANTITY, quantity_key
from assistant.models import Question

MAX_SCAN = 4_000  # characters of a text read for figures
CLOCK_UNIT = "o'clock"
# A sentence about when we are there: "we're open from 10 to 4", "abholen kannst du ab 9 Uhr".
OPEN_HOURS = re.compile(
    r"\b(?:open|opens|geöffnet|offen|öffnungszeit\w{0,2}|opening hours|abhol\w{0,4}|pick ?ups?|walk-?ins?"
    r"|vorbeikommen|drop by|come by|laden|shop|store|rösterei|roastery)\b",
    re.IGNORECASE,
)
DURATION = re.compile(r"(\d{1,3})(?:\s?[–-]\s?\d{1,3})?\s?(min\w{0,5}|stunde\w{0,2}|std|hours?|hrs?)\b", re.IGNORECASE)
# Hours of the day: "von 14 bis 18 Uhr", "from 10 to 2", "10–14 Uhr", "ab 9 Uhr", "until 6 pm".
CLOCK = re.compile(
    r"\b(?:von|from|ab|bis|until|till|between|zwischen)\s(\d{1,2})(?:[:.]\d\d)?"
    r"(?:\s?(?:[–-]|bis|to|and|und)\s?(\d{1,2})(?:[:.]\d\d)?)?\s?(uhr|am|pm|h\b)?"
    r"|\b(\d{1,2})(?:[:.]\d\d)?\s?(?:[–-]\s?(\d{1,2})(?:[:.]\d\d)?\s?)?(uhr|am|pm)\b",
    re.IGNORECASE,
)


def contradicted(text: str, questions: Sequence[Question], facts: dict[str, str], said: Iterable[str]) -> list[str]:
    """The figures of `text` of a unit that its questions' facts state (`facts`: id -> text), which neither the
    profile states (`facts`) nor the person said outside a question (`said`: their texts)."""
    asked = {f for q in questions if q.fact for f in figures(facts.get(q.fact, ""))}
    units = {f.split(" ")[1] for f in asked}
    allowed = {f for t in facts.values() for f in figures(t)}
    allowed |= {f for t in said for f in figures(t)} - {f for q in questions for f in figures(q.text)}
    found = {f for f in figures(text) - allowed if f.split(" ")[1] in units}
    opening = " ".join(s.group() for s in DRAFT_QUESTION.finditer(text[:MAX_SCAN]) if OPEN_HOURS.search(s.group()))
    found |= {f for f in figures(opening) - allowed if f.endswith(CLOCK_UNIT)}  # opening hours are never made up
    return sorted(found)


def figures(text: str) -> set[str]:
    """Quantities ("2 year", "4 min") and hours of the day ("14 o'clock") in a text."""
    text = text[:MAX_SCAN]
    found = {quantity_key(n, u) for n, u in QUANTITY.findall(text)}
    found |= {f"{n} {'min' if u.lower().startswith('min') else 'hour'}" for n, u in DURATION.findall(text)}
    for match in CLOCK.finditer(text):
        start, end, unit = match.group(1, 2, 3)
        if start and not (end or unit):  # "ab 2 Tüten", "bis 14 Tage": no time of day
            continue
        found |= {f"{n} {CLOCK_UNIT}" for n in match.groups() if n and n.isdigit()}
    return found
