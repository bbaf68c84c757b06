"""The one personal-data detector: e-mail addresses, phone numbers, IBANs, card numbers, order numbers.

Phone numbers come from ``phonenumbers`` (numbers valid in DE, AT, CH, US or GB, and any
possible number written with + and a country code), IBANs are checksum-validated with
``schwifty`` (any case, with or without spaces), card numbers must pass the Luhn check.
The analysis, the guard and the redaction before an LLM all use ``find``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.models import Span

Kind = Literal["email", "phone", "iban", "card", "order", "address", "name", "id", "ip"]
# Priority on overlaps: the more specific kind wins.
KINDS: tuple[Kind, ...] = ("email", "iban", "card", "order", "ip", "address", "id", "phone", "name")
REGIONS: tuple[str, ...] = ("DE", "AT", "CH", "US", "GB")
_IBAN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,32}")
_CARD_CANDIDATE = re.compile(r"(?<![\d.,])[2-6]\d{3}(?:[ \-]?\d){9,15}(?!\d|[.,]\d)")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_MAX_SCAN = 250_000  # characters; longer input is refused upstream (MESSAGE_HARD_CAP)

# Bounded parts keep every pattern linear on hostile input (a run of 8,000 "+" or digits).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-zA-Z]{2,24}\b")
# "jule [at] example [dot] com", "jule(at)example.de", "jule at example dot com"
_AT = r"\s{0,3}(?:\[at\]|\(at\)|\{at\}|\bat\b|\bät\b)\s{0,3}"
_DOT = r"\s{0,3}(?:\[dot\]|\(dot\)|\{dot\}|\bdot\b|\bpunkt\b|\.)\s{0,3}"
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{0,4}}{_DOT}(?:com|de|net|org|at|ch|eu|info|io)\b",
    re.IGNORECASE,
)
IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d{1,2})\.){3}(?:25[0-5]|2[0-4]\d|1?\d{1,2})(?![\d.])")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}(?![\w:])")
# Street and number ("Oranienstraße 12a", "Hauptstr. 5", "12 Baker Street"); a postcode and city alone
# ("67059 Ludwigshafen") is where a parcel goes, not who someone is, and stays readable.
STREET = re.compile(
    r"\b[A-ZÄÖÜ][\wäöüß-]{1,40}(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ring|ufer|chaussee"
    r"|-(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ring|Ufer|Chaussee))"  # "Karl-Heine-Straße 40"
    r"\s{1,3}\d{1,4}\s?[a-zA-Z]?\b"
    r"|\b[A-ZÄÖÜ][\wäöüß-]{1,40}\s(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ring|Ufer|Chaussee)"
    r"\s{1,3}\d{1,4}\s?[a-z]?\b"
    r"|\b\d{1,4}[A-Za-z]?\s{1,3}[A-Z][a-z]{1,30}\s(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Way)\b"
    r"|\b[a-zäöüß][\wäöüß-]{2,30}\s?(?:straße|strasse|str\.)\s{0,3}\d{1,4}[a-z]?\b"  # chat spelling: "wiener str 41"
    r"|\b[a-zäöüß][\wäöüß-]{2,30}\s(?:str|strasse|straße)\s\d{1,4}\b"
    r"|\b\d{1,4}[a-z]?\s[A-ZÄÖÜ][\wäöüß-]{2,30}(?:straße|strasse|str\.|\sStraße|\sStrasse)"  # "12 Skalitzer Straße"
    r"|\b(?:Am|An der|Auf dem|Im|Zum|Zur|In der)\s[A-ZÄÖÜ][\wäöüß-]{2,30}\s\d{1,4}[a-z]?,\s{0,3}\d{5}"
    r"\s[A-ZÄÖÜ][a-zäöüß]{2,30}"
)
# The door within a house: "flat 4B", "Wohnung 12", "at no. 14" (a neighbour's house); a floor alone ("5. Stock")
# finds nobody
DOOR = re.compile(
    r"\b(?i:flat|apartment|apt\.?|wohnung|whg\.)\s{1,3}\d{1,4}[A-Za-z]?\b"
    r"|\b(?i:at|bei|in) (?i:no\.|nr\.|number|hausnummer)\s{0,2}\d{1,4}[a-z]?\b"
)
# "Mein Name ist Dieter Brandt", "I'm Jane Doe", a sign-off line "Grüße, K. Brandt"
NAME = re.compile(
    r"(?i:\b(?:mein name ist|ich hei(?:ß|ss)e|ich bin|my name is|i am|i'm|this is)\s{1,3}"
    r"|^(?:(?:viele |liebe |beste |freundliche )?grüße|mit freundlichen grüßen|lg|vg|best regards|regards),?\s{1,3})"
    r"((?:[A-ZÄÖÜ]\.\s?|[A-ZÄÖÜ][a-zäöüß]{1,20}\s)(?:[A-ZÄÖÜ][a-zäöüß]{1,20}-)?[A-ZÄÖÜ][a-zäöüß]{1,25})\b",
    re.MULTILINE,
)
# ID documents and tax numbers: 8-12 capitals and digits mixed, at least 4 digits and 1 letter.
ID_NUMBER = re.compile(r"(?<![\w-])(?=[A-Z0-9]{8,12}(?![\w-]))(?=(?:[A-Z]*\d){4})(?=\d*[A-Z])[A-Z0-9]{8,12}(?![\w-])")
# Customer and locker numbers after their name: "Postnummer 48823901", "Kundennummer: 123456".
ACCOUNT_NUMBER = re.compile(
    r"\b(?:postnummer|post number|kundennummer|kunden-nr\.?|customer (?:number|no\.?|id)|dhl[- ]kundennummer)"
    r"\s{0,3}:?\s{0,3}(\d{5,12})\b",
    re.IGNORECASE,
)
# Order ids in other shapes than the profile's pattern: "#A-77812", "Auftrag B-123456".
ORDER_LIKE = re.compile(
    r"(?<![\w#])#[A-Z]{1,3}-?\d{4,10}\b|\b(?:bestellung|auftrag|order)\s{1,3}#?[A-Z]{1,3}-\d{4,10}\b", re.IGNORECASE
)
_NUMBER_WORDS = (
    "null|eins|zwei|drei|vier|fünf|funf|sechs|sieben|acht|neun|zero|one|two|three|four|five|six|seven|eight|nine"
)
SPELLED_NUMBER = re.compile(rf"\b(?:(?:{_NUMBER_WORDS})[\s,-]{{1,3}}){{5,20}}(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_ORDER_CONTEXT = (
    r"(?:bestell(?:ungen|ung|nummern|nummer|nr)?|auftrag(?:snummer)?|orders|order(?:\s?(?:numbers|number|no|nr|id))?"
    r"|sendung|nr|no|nummer|#)"
)


@dataclass(frozen=True, kw_only=True)
class Found:
    """One piece of personal data: kind and position in the scanned text."""

    kind: Kind
    start: int
    end: int
    value: str


@lru_cache(maxsize=32)
def order_regex(pattern: str) -> re.Pattern[str]:
    """Order numbers: the profile's pattern after an order word (up to two words between)."""
    return re.compile(
        rf"(?<![^\W\d_]){_ORDER_CONTEXT}\.?\s*[:#]?\s*(?:[^\W\d]{{1,30}}\s{{1,5}}){{0,2}}?[#(]?({pattern})(?!\d)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=32)
def opening_order_regex(pattern: str) -> re.Pattern[str]:
    """ "61408. Abgebucht am 3. ...": a bare number that opens the message answers "your order number?"."""
    return re.compile(
        rf"\A\s*(?:[^\W\d]{{1,10}}[:,]?\s{{1,3}})?#?({pattern})(?!\d)(?=\s*(?:[.,;:!)]|$))", re.IGNORECASE
    )


@lru_cache(maxsize=32)
def bracketed_order_regex(pattern: str) -> re.Pattern[str]:
    """ "die Bestellnummer per Nachricht geschickt (30918)": a number in brackets later in the order word's clause."""
    return re.compile(rf"(?<![^\W\d_]){_ORDER_CONTEXT}[^\d.!?\n()]{{0,60}}\(\s*#?({pattern})(?!\d)\s*\)", re.IGNORECASE)


@lru_cache(maxsize=32)
def delivery_regex(pattern: str) -> re.Pattern[str]:
    """ "Lieferung 48777": a delivery word directly before the number (not "Lieferung an 67059 ...")."""
    return re.compile(rf"(?:lieferung|paket|sendung|delivery|parcel)\s*#?({pattern})(?!\d)", re.IGNORECASE)


def find(text: str, order_pattern: str | None = None) -> list[Found]:
    """Every piece of personal data in text, without overlaps, in order of position."""
    return list(_find_cached(text[:_MAX_SCAN], order_pattern))


@lru_cache(maxsize=256)
def _find_cached(text: str, order_pattern: str | None) -> tuple[Found, ...]:
    candidates = [*_emails(text), *_ibans(text), *_cards(text), *_shapes(text)]
    if order_pattern:
        candidates += _orders(text, order_pattern)
    candidates += _phones(text)
    chosen: list[Found] = []
    for item in sorted(candidates, key=lambda f: (KINDS.index(f.kind), f.start)):
        if not any(item.start < c.end and c.start < item.end for c in chosen):
            chosen.append(item)
    return tuple(sorted(chosen, key=lambda f: f.start))


def _emails(text: str) -> Iterator[Found]:
    for rx in (EMAIL, OBFUSCATED_EMAIL):
        for m in rx.finditer(text):
            yield Found(kind="email", start=m.start(), end=m.end(), value=m.group())


_SHAPES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("ip", IPV4),
    ("ip", IPV6),
    ("address", STREET),
    ("address", DOOR),
    ("id", ID_NUMBER),
    ("id", ACCOUNT_NUMBER),
    ("order", ORDER_LIKE),
    ("phone", SPELLED_NUMBER),
)


def _shapes(text: str) -> Iterator[Found]:
    for kind, rx in _SHAPES:
        group = 1 if rx.groups else 0  # "Postnummer 48823901": the number, not its name
        for m in rx.finditer(text):
            yield Found(kind=kind, start=m.start(group), end=m.end(group), value=m.group(group))
    for m in NAME.finditer(text):
        yield Found(kind="name", start=m.start(1), end=m.end(1), value=m.group(1))


def _ibans(text: str) -> Iterator[Found]:
    for m in _IBAN_CANDIDATE.finditer(text):
        end = _valid_iban_end(m.group())
        if end:
            yield Found(kind="iban", start=m.start(), end=m.start() + end, value=m.group()[:end])


def _valid_iban_end(candidate: str) -> int:
    """Length of the longest prefix of candidate that is a valid IBAN (0 when none is)."""
    from schwifty import IBAN  # 60 ms to import: only for texts with an IBAN-shaped run
    from schwifty.exceptions import SchwiftyException

    ends = [i + 1 for i, c in enumerate(candidate) if c.isalnum()]
    for end in reversed(ends[14:34]):  # IBANs have 15 to 34 characters
        try:
            IBAN(candidate[:end])
        except (SchwiftyException, ValueError):
            continue
        return end
    return 0


def _cards(text: str) -> Iterator[Found]:
    for m in _CARD_CANDIDATE.finditer(text):
        digits = _NON_ALNUM.sub("", m.group())
        if 13 <= len(digits) <= 19 and luhn_valid(digits) and len(set(digits)) > 1:
            yield Found(kind="card", start=m.start(), end=m.end(), value=m.group())


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum of a string of digits holds."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _orders(text: str, pattern: str) -> Iterator[Found]:
    for rx in (
        order_regex(pattern),
        delivery_regex(pattern),
        opening_order_regex(pattern),
        bracketed_order_regex(pattern),
    ):
        for m in rx.finditer(text):
            yield Found(kind="order", start=m.start(1), end=m.end(1), value=m.group(1))
            yield from _listed_after(text, m.end(1), pattern)


@lru_cache(maxsize=32)
def _next_in_list(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\s{{0,3}}(?:,|&|/|\+|und|and|sowie|oder|or)\s{{0,3}}#?({pattern})(?!\d)", re.IGNORECASE)


def _listed_after(text: str, end: int, pattern: str) -> Iterator[Found]:
    """Order numbers listed after one ("Bestellungen 33108 und 33109"): each is an order number too."""
    for _ in range(MAX_LISTED):
        m = _next_in_list(pattern).match(text, end)
        if m is None:
            return
        yield Found(kind="order", start=m.start(1), end=m.end(1), value=m.group(1))
        end = m.end(1)


MAX_LISTED = 10  # order numbers in one list


# Runs of digits and separators that could hold a phone number; phonenumbers only sees these
# (its matcher is slow on long hostile runs such as "1.1.1.1…").
_PHONE_RUN = re.compile(r"(?:\+|00)?\d[\d ()/.\-]{5,40}\d")


def _phones(text: str) -> Iterator[Found]:
    for run in _PHONE_RUN.finditer(text):
        digits = sum(c.isdigit() for c in run.group())
        if 7 <= digits <= 16:
            start = max(0, run.start() - 1)
            for found in _phones_in(text[start : run.end() + 1]):
                yield Found(kind="phone", start=found.start + start, end=found.end + start, value=found.value)


def _phones_in(text: str) -> Iterator[Found]:
    import phonenumbers  # 25 ms to import: only for texts with a phone-shaped run

    for region in REGIONS:
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            yield Found(kind="phone", start=m.start, end=m.end, value=m.raw_string)
    # "+44 7911 ..." with an explicit country code is a phone number even in a range the metadata lacks
    for m in phonenumbers.PhoneNumberMatcher(text, "ZZ", leniency=phonenumbers.Leniency.POSSIBLE):
        if m.raw_string.startswith("+"):
            yield Found(kind="phone", start=m.start, end=m.end, value=m.raw_string)


_SPAN_KIND = {
    "email": "email",
    "phone": "phone",
    "iban": "iban",
    "card": "card",
    "order": "order_id",
    "address": "address",
    "name": "name",
    "id": "id_number",
    "ip": "ip",
}


def find_pii(text: str, order_pattern: str | None) -> list[Span]:
    """The same findings as ``find``, as the Spans an Analysis carries."""
    return [
        Span(kind=_SPAN_KIND[f.kind], start=f.start, end=f.end, text=f.value.strip()) for f in find(text, order_pattern)
    ]


def mask_payment_data(text: str) -> str:
    """Card numbers and IBANs reduced to their last four characters (for notes that people read)."""
    pieces, last = [], 0
    for item in find(text):
        if item.kind in ("card", "iban"):
            tail = _NON_ALNUM.sub("", item.value)[-4:]
            pieces += [text[last : item.start], f"[{item.kind.upper()} …{tail}]"]
            last = item.end
    return "".join([*pieces, text[last:]])
