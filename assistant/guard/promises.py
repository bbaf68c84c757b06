"""Promises a reply must not make unless the profile's policy allows them."""

from __future__ import annotations

import re

# policy field -> patterns (German and English) that make that promise
PROMISES: dict[str, re.Pattern[str]] = {
    "refunds": re.compile(
        r"\b(?:du bekommst|bekommst du|kriegst du|sie bekommen|erhältst du)\b[^.!?]{0,40}\b(?:geld|betrag|erstattung)\b"
        r"|\b(?:erstatten|überweisen|zahlen)\s+(?:wir|ich)\b|\b(?:wir|ich)\s+(?:erstatten|überweisen|zahlen)\s+(?:dir|ihnen|euch|den|das|dein)|\bwird\s+(?:dir\s+)?(?:erstattet|zurücküberwiesen)"
        r"|\b(?:geld|erstattung|betrag)\s+(?:ist|sind|geht)\s+(?:schon\s+|bereits\s+)?(?:unterwegs|raus|angewiesen|veranlasst)"
        r"|\bwe(?:'ll| will| have| 've)?\s+(?:refund|refunded)\b|\byou(?:'ll| will)\s+get\s+(?:your\s+)?(?:money|a refund)"
        r"|\brefund\s+(?:is|has been)\s+(?:on its way|issued|processed|sent)"
        r"|\b(?:zurück|rück)?erstattet\b|\bfull refund\b|\b(?:be|been|get)\s+refunded\b|\brefund you\b"
        r"|\bgive you (?:a|your) (?:full )?refund\b|\bgeld zurück\b[^.!?]{0,20}\b(?:bekommst|kriegst|erhältst)\b"
        r"|\d+(?:[.,]\d{1,2})?\s?(?:€|eur\w*|\$|chf|dollar)\s+(?:back|zurück)|(?:€|\$)\s?\d+(?:[.,]\d{1,2})?\s+(?:back|zurück)",
        re.IGNORECASE,
    ),
    "discounts": re.compile(
        r"\b\d{1,2}\s?%|\brabatt\w*|\bprozente\b|\bdiscount(?!er)\w*|\bsale\b|\b(?:price|preis)nachlass", re.IGNORECASE
    ),
    "codes": re.compile(
        r"\b(?:gutschein|rabatt|promo|discount|voucher|coupon)[- ]?codes?\b|\bcode\s*[:\"„]?\s*[A-Z0-9]{4,}\b"
        r"|\bgutschein\w*|\bvoucher\b|\bcoupon\b",
        re.IGNORECASE,
    ),
    "compensation": re.compile(
        r"\bentschädigung\w*|\bwiedergutmachung\b|\bgratis\b|\bkostenlos\w*|\bumsonst\b|\bgeschenkt\b"
        r"|\bcompensat\w*|\bfree of charge\b|\bon the house\b|\bfor free\b|\bfree (?:bag|coffee|shipping|pack)"
        r"|\bgeht auf uns\b|\bauf unsere kosten\b|\bis on us\b|\bat our expense\b",
        re.IGNORECASE,
    ),
    "delivery_dates": re.compile(
        r"\b(?:kommt|ist|wird|landet|liegt)\b[^.!?]{0,25}\b(?:morgen|übermorgen|heute noch|bis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag)|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag))\b"
        r"|\b(?:arrive|arrives|be there|be delivered|reach you)\b[^.!?]{0,20}\b(?:tomorrow|today|by (?:monday|tuesday|wednesday|thursday|friday|saturday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday))\b"
        r"|\bgarantiert\b[^.!?]{0,30}\b(?:da|geliefert)\b|\bguaranteed\b[^.!?]{0,30}\bdeliver"
        r"|\b(?:ganz )?(?:sicher|garantiert|bestimmt|definitiv)\b[^.!?]{0,30}\bvor (?:weihnachten|ostern|dem wochenende|silvester)"
        r"|\b(?:definitely|surely|certainly|guaranteed to)\b[^.!?]{0,40}\b(?:by|before) (?:christmas|the weekend|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        r"|\b(?:kw|kalenderwoche|calendar week|week|woche)\s?\d{1,2}\b",  # "ab KW 3", "week 3": a date all the same
        re.IGNORECASE,
    ),
}


# A refusal is not a promise: "Rabattcodes können wir leider keine vergeben", "no discount codes".
NEGATION = re.compile(
    r"\b(?:leider|kein\w*|nicht|nichts|nie|niemals|weder|no|not|never|none|unfortunately|sadly|cannot)\b|n[’']t\b",
    re.IGNORECASE,
)
# A clause ends at punctuation or a contrast ("leider kein Rabatt, aber ...": the "aber" part stands alone).
CLAUSE_END = re.compile(r"[.!?;:,\n]|\s\b(?:aber|sondern|dafür|jedoch|but|instead|though)\b", re.IGNORECASE)
# Set phrases that look negative but refuse nothing.
NOT_A_REFUSAL = re.compile(r"\b(?:keine sorge|kein problem|kein stress|no problem|no worries|not a problem)\b", re.I)
NEGATION_WINDOW = 60  # characters around the promise words within their clause


def forbidden_promises(text: str, allowed: dict[str, bool]) -> list[tuple[str, str]]:
    """(kind, words) for every promise in text whose policy flag is False (refusals excepted)."""
    found = []
    for kind, pattern in PROMISES.items():
        if allowed.get(kind, False):
            continue
        hits = [m for m in pattern.finditer(text) if not refused(text, m.start(), m.end())]
        if kind == "compensation":  # "Offline-Zeit gratis dazu" jokes; "eine Tüte gratis für dich" gives
            hits = [m for m in hits if _ours_or_yours(text, m.start(), m.end())]
        found += [(kind, m.group().strip()) for m in hits]
    return found


# Something of ours, or for the person, near a "free": only then is it a compensation.
GIVEN = re.compile(
    r"\b(?:wir|uns|unser\w*|dir|dich|du|für dich|bekommst|kriegst|schicken|legen|we|us|our|you|your|yours)\b"
    r"|\b(?:kaffee|tüte\w*|beutel|versand|lieferung|abo|mühle|bohnen|coffee|bag|shipping|delivery|beans)\b",
    re.IGNORECASE,
)


def _ours_or_yours(text: str, start: int, end: int) -> bool:
    before = CLAUSE_END.split(text[max(0, start - NEGATION_WINDOW) : start])[-1]
    after = CLAUSE_END.split(text[end : end + NEGATION_WINDOW])[0]
    return bool(GIVEN.search(f"{before} {text[start:end]} {after}")) or "geht auf uns" in text[start:end].lower()


def refused(text: str, start: int, end: int) -> bool:
    """The words at start:end stand in a negated clause ("... gibt es leider nicht")."""
    before = CLAUSE_END.split(text[max(0, start - NEGATION_WINDOW) : start])[-1]
    after = CLAUSE_END.split(text[end : end + NEGATION_WINDOW])[0]
    around = NOT_A_REFUSAL.sub(" ", f"{before} … {after}")
    return bool(NEGATION.search(around))
