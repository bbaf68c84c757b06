"""Find personal data in text: e-mail addresses, phone numbers, order numbers, IBANs."""

from __future__ import annotations

import re
from functools import lru_cache

from .models import Span

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ()/.-]{5,}\d(?!\w)")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_ORDER_CONTEXT = (
    r"(?:bestell(?:ung|nummer|nr)?|auftrag(?:snummer)?|order(?:\s?(?:number|no|nr|id))?"
    r"|sendung|nr|no|nummer|#)"
)


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


def find_pii(text: str, order_pattern: str) -> list[Span]:
    """All personal-data spans in text, without overlaps, in order of position."""
    spans = [Span(kind="email", start=m.start(), end=m.end(), text=m.group()) for m in EMAIL.finditer(text)]
    spans += [Span(kind="iban", start=m.start(), end=m.end(), text=m.group()) for m in IBAN.finditer(text)]
    for rx in (order_regex(order_pattern), delivery_regex(order_pattern)):
        spans += [Span(kind="order_id", start=m.start(1), end=m.end(1), text=m.group(1)) for m in rx.finditer(text)]
    spans = list({(s.kind, s.start): s for s in spans}.values())
    spans += [s for s in _phones(text) if not _overlaps(s, spans)]
    return sorted(spans, key=lambda s: s.start)


def _phones(text: str) -> list[Span]:
    found = []
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        looks_like_phone = m.group().startswith(("+", "00", "0")) and 7 <= len(digits) <= 15
        if looks_like_phone and not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}", m.group()):
            found.append(Span(kind="phone", start=m.start(), end=m.end(), text=m.group().strip()))
    return found


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)
