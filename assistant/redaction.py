"""Personal data out before anything goes to an LLM; back in only where the reply may show it.

``redact`` replaces e-mail addresses, phone numbers (``phonenumbers``: numbers valid in
DE, AT, CH, US or GB, and any possible number written with + and a country code),
IBANs (checksum-validated with ``schwifty``),
card numbers (Luhn) and order numbers (the profile's pattern) with placeholders such as
``[EMAIL_1]``. ``restore`` puts the values back into a draft for a DM; a public comment
never gets them (its placeholders are removed). Card numbers are never written out in
full again, not even in a DM: they come back masked to their last four digits.

Only kinds and counts are ever logged, never a value.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from .pii import EMAIL, delivery_regex, order_regex

Kind = Literal["email", "phone", "iban", "card", "order"]
KINDS: tuple[Kind, ...] = ("email", "iban", "card", "order", "phone")  # priority on overlaps
REGIONS: tuple[str, ...] = ("DE", "AT", "CH", "US", "GB")
PLACEHOLDER = re.compile(r"\[(EMAIL|PHONE|IBAN|CARD|ORDER)_(\d{1,4})\]")
_IBAN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,32}")
_CARD_CANDIDATE = re.compile(r"(?<![\d.,])[2-6]\d{3}(?:[ \-]?\d){9,15}(?![\d,]|\.\d)")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_MAX_SCAN = 250_000  # characters; longer input is refused upstream (MESSAGE_HARD_CAP)

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Found:
    """One piece of personal data: kind and position in the scanned text."""

    kind: Kind
    start: int
    end: int
    value: str


@dataclass(frozen=True, kw_only=True)
class Redaction:
    """Redacted text plus placeholder -> original value (never log the mapping)."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many distinct values of each kind were replaced (safe to log)."""
        return dict(Counter(_kind_of(p) for p in self.mapping))


# ---------------------------------------------------------------- finding


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


# ---------------------------------------------------------------- redacting


class Redactor:
    """Redacts several texts with one numbering: the same value always gets the same placeholder."""

    def __init__(self, order_pattern: str | None = None, *, enabled: bool = True) -> None:
        self.order_pattern = order_pattern
        self.enabled = enabled
        self.mapping: dict[str, str] = {}
        self._by_value: dict[tuple[str, str], str] = {}

    def __call__(self, text: str) -> str:
        """The text with every piece of personal data replaced by its placeholder."""
        if not self.enabled or not text:
            return text
        pieces, last = [], 0
        for item in find(text, self.order_pattern):
            pieces += [text[last : item.start], self._placeholder(item)]
            last = item.end
        return "".join([*pieces, text[last:]])

    def all(self, texts: Iterable[str]) -> list[str]:
        """Redact each text in order."""
        return [self(t) for t in texts]

    def result(self, text: str = "") -> Redaction:
        """A Redaction with everything replaced so far (text: whatever the caller wants to carry)."""
        redaction = Redaction(text=text, mapping=dict(self.mapping))
        if redaction.mapping:
            log.debug("redacted personal data: %s", redaction.counts())
        return redaction

    def _placeholder(self, item: Found) -> str:
        key = (item.kind, _normalised(item.kind, item.value))
        if key not in self._by_value:
            number = sum(1 for kind, _ in self._by_value if kind == item.kind) + 1
            placeholder = f"[{item.kind.upper()}_{number}]"
            self._by_value[key] = placeholder
            self.mapping[placeholder] = item.value
        return self._by_value[key]


def _normalised(kind: str, value: str) -> str:
    if kind == "email":
        return value.casefold()
    return _NON_ALNUM.sub("", value).upper() if kind in ("iban", "card", "order") else re.sub(r"\D", "", value)


def redact(text: str, profile: Any = None, *, order_pattern: str | None = None) -> Redaction:
    """Replace personal data in text with placeholders (a no-op when the profile switches it off)."""
    redactor = redactor_for(profile, order_pattern=order_pattern)
    return redactor.result(redactor(text))


def redactor_for(profile: Any = None, *, order_pattern: str | None = None) -> Redactor:
    """A Redactor set up from a VoiceProfile: its order pattern and its `redact_pii` switch."""
    brand = getattr(profile, "brand", None)
    pattern = order_pattern or getattr(brand, "order_number_pattern", None)
    return Redactor(pattern, enabled=bool(getattr(brand, "redact_pii", True)))


# ---------------------------------------------------------------- restoring


def restore(text: str, redaction: Redaction | dict[str, str], channel: str) -> str:
    """Put values back in a DM draft; in a public comment every placeholder is removed."""
    mapping = redaction.mapping if isinstance(redaction, Redaction) else redaction
    dm = channel == "dm"
    removed = [m.group() for m in PLACEHOLDER.finditer(text) if not dm or m.group() not in mapping]
    restored = PLACEHOLDER.sub(lambda m: _shown(m.group(), mapping) if dm else "", text)
    return _tidy(restored) if removed else restored


def _shown(placeholder: str, mapping: dict[str, str]) -> str:
    value = mapping.get(placeholder)
    if value is None:
        return ""  # a placeholder the model made up
    if _kind_of(placeholder) == "card":
        return "•••• " + re.sub(r"\D", "", value)[-4:]
    return value


def _tidy(text: str) -> str:
    """Clean up after removed placeholders: doubled spaces, spaces before punctuation, empty ()."""
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)
    text = re.sub(r"[,;:](?=[.,;:!?])", "", text)
    text = re.sub(r"([:#])(?=[ \t]*(?:[.,;!?]|$))", "", text, flags=re.M)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _kind_of(placeholder: str) -> str:
    match = PLACEHOLDER.fullmatch(placeholder)
    return match.group(1).lower() if match else "unknown"
