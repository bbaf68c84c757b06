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
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.analysis.pii import Found, find

PLACEHOLDER = re.compile(r"\[(EMAIL|PHONE|IBAN|CARD|ORDER|ADDRESS|NAME|ID|IP)_(\d{1,4})\]|\[REDACTED\]")
# Personal data of other people (few-shot examples): masked with this, which maps to no value, ever.
UNRESTORABLE = "[REDACTED]"
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Redaction:
    """Redacted text plus placeholder -> original value (never log the mapping)."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many distinct values of each kind were replaced (safe to log)."""
        return dict(Counter(_kind_of(p) for p in self.mapping))


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
    if kind in ("email", "name", "address", "ip"):
        return " ".join(value.casefold().split())
    if kind in ("iban", "card", "order", "id"):  # an ID's letters count: "A0000000" is not "0000000A"
        return _NON_ALNUM.sub("", value).upper()
    # The leading + (country code) is part of the number: "+49…" is another value than "49…".
    plus = re.match(r"\s*(\+*)", value)
    return (plus.group(1) if plus else "") + re.sub(r"\D", "", value)


def redact_unrestorable(text: str, order_pattern: str | None = None) -> str:
    """The text with every piece of personal data replaced by [REDACTED] (nothing is remembered)."""
    if not text:
        return text
    pieces, last = [], 0
    for item in find(text, order_pattern):
        pieces += [text[last : item.start], UNRESTORABLE]
        last = item.end
    return "".join([*pieces, text[last:]])


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
    return match.group(1).lower() if match and match.group(1) else "unknown"
