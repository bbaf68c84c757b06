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

Kind = Literal["email", "phone", "iban", "card", "order"]
KINDS: tuple[Kind, ...] = ("email", "iban", "card", "order", "phone")  # priority on overlaps
REGIONS: tuple[str, ...] = ("DE", "AT", "CH", "US", "GB")
_IBAN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,32}")
_CARD_CANDIDATE = re.compile(r"(?<![\d.,])[2-6]\d{3}(?:[ \-]?\d){9,15}(?!\d|[.,]\d)")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_MAX_SCAN = 250_000  # characters; longer input is refused upstream (MESSAGE_HARD_CAP)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
_ORDER_CONTEXT = (
    r"(?:bestell(?:ung|nummer|nr)?|auftrag(?:snummer)?|order(?:\s?(?:number|no|nr|id))?"
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
        rf"{_ORDER_CONTEXT}\.?\s*[:#]?\s*(?:[^\W\d]+\s+){{0,2}}?#?({pattern})(?!\d)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=32)
def delivery_regex(pattern: str) -> re.Pattern[str]:
    """ "Lieferung 48777": a delivery word directly before the number (not "Lieferung an 67059 ...")."""
    return re.compile(rf"(?:lieferung|paket|sendung|delivery|parcel)\s*#?({pattern})(?!\d)", re.IGNORECASE)


def find(text: str, order_pattern: str | None = None) -> list[Found]:
    """Every piece of personal data in text, without overlaps, in order of position."""
    return list(_find_cached(text[:_MAX_SCAN], order_pattern))


@lru_cache(maxsize=256)
def _find_cached(text: str, order_pattern: str | None) -> tuple[Found, ...]:
    candidates = [*_emails(text), *_ibans(text), *_cards(text)]
    if order_pattern:
        candidates += _orders(text, order_pattern)
    candidates += _phones(text)
    chosen: list[Found] = []
    for item in sorted(candidates, key=lambda f: (KINDS.index(f.kind), f.start)):
        if not any(item.start < c.end and c.start < item.end for c in chosen):
            chosen.append(item)
    return tuple(sorted(chosen, key=lambda f: f.start))


def _emails(text: str) -> Iterator[Found]:
    for m in EMAIL.finditer(text):
        yield Found(kind="email", start=m.start(), end=m.end(), value=m.group())


def _ibans(text: str) -> Iterator[Found]:
    for m in _IBAN_CANDIDATE.finditer(text):
        end = _valid_iban_end(m.group())
        if end:
            yield Found(kind="iban", start=m.start(), end=m.start() + end, value=m.group()[:end])


def _valid_iban_end(candidate: str) -> int:
    """Length of the longest prefix of candidate that is a valid IBAN (0 when none is)."""
    from schwifty import IBAN
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
    for rx in (order_regex(pattern), delivery_regex(pattern)):
        for m in rx.finditer(text):
            yield Found(kind="order", start=m.start(1), end=m.end(1), value=m.group(1))


def _phones(text: str) -> Iterator[Found]:
    import phonenumbers

    if not any(c.isdigit() for c in text):
        return
    for region in REGIONS:
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            yield Found(kind="phone", start=m.start, end=m.end, value=m.raw_string)
    # "+44 7911 ..." with an explicit country code is a phone number even in a range the metadata lacks
    for m in phonenumbers.PhoneNumberMatcher(text, "ZZ", leniency=phonenumbers.Leniency.POSSIBLE):
        if m.raw_string.startswith("+"):
            yield Found(kind="phone", start=m.start, end=m.end, value=m.raw_string)



_SPAN_KIND = {"email": "email", "phone": "phone", "iban": "iban", "card": "card", "order": "order_id"}


def find_pii(text: str, order_pattern: str | None) -> list[Span]:
    """The same findings as ``find``, as the Spans an Analysis carries."""
    return [
        Span(kind=_SPAN_KIND[f.kind], start=f.start, end=f.end, text=f.value.strip())
        for f in find(text, order_pattern)
    ]
