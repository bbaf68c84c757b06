"""Synthetic personal data for the redaction tests: German and English messages, generated deterministically.

Every value is made up: IBANs get correct check digits, card numbers a correct Luhn digit,
phone numbers the formats people really type (``030 5551234``, ``+49 (0)170 123 45 67``,
``0170/1234567``, ``(415) 555-2671`` ...). `examples()` returns the same list on every call.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

SEED = 20240611
FIRST = ["Lena", "Jonas", "Aylin", "Mehmet", "Sophie", "Lukas", "Emma", "Noah", "Zoë", "Björn", "Olivia", "James"]
LAST = ["Müller", "Schmidt", "Yilmaz", "Weber", "Nowak", "Fischer", "Smith", "Brown", "O'Neill", "Schäfer"]
DOMAINS = ["web.de", "gmx.net", "posteo.de", "gmail.com", "outlook.com", "t-online.de", "mail.co.uk", "uni-kiel.de"]


@dataclass(frozen=True)
class Example:
    """One message with the personal data it contains: (kind, value) in order of appearance."""

    lang: str
    text: str
    expected: tuple[tuple[str, str], ...]


# ---------------------------------------------------------------- values


def email(rng: random.Random) -> str:
    """An e-mail address in one of the shapes people use."""
    first, last = _ascii(rng.choice(FIRST)), _ascii(rng.choice(LAST))
    local = rng.choice(
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{first}+shop", f"{last}_{first}"]
    )
    address = f"{local}@{rng.choice(DOMAINS)}"
    return address.upper() if rng.random() < 0.1 else address.lower()


def _ascii(name: str) -> str:
    return name.translate(str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "ë": "e", "'": ""})).lower()


def _digits(rng: random.Random, n: int, first: str = "23456789") -> str:
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def phone(rng: random.Random) -> str:
    """A DE, AT, CH, US or UK phone number, formatted as people write them."""
    return rng.choice(_PHONE_MAKERS)(rng)


def _de_landline(rng: random.Random) -> str:
    area = rng.choice(["030", "040", "089", "0221", "069", "0711", "0341"])
    number = _digits(rng, 7 if len(area) == 3 else 6)
    return rng.choice([f"{area} {number}", f"{area}/{number}", f"{area}-{number}", f"+49 {area[1:]} {number}"])


def _de_mobile(rng: random.Random) -> str:
    prefix, rest = rng.choice(["0151", "0160", "0170", "0171", "0176", "0157"]), _digits(rng, 7)
    if prefix in ("0151", "0176", "0157"):
        rest = _digits(rng, 8)
    shapes = [
        f"{prefix}/{rest}",
        f"{prefix} {rest}",
        f"{prefix}-{rest}",
        f"+49 (0){prefix[1:]} {rest[:3]} {rest[3:5]} {rest[5:]}",
        f"+49 {prefix[1:]} {rest}",
        f"0049 {prefix[1:]} {rest}",
        f"+49{prefix[1:]}{rest}",
    ]
    return rng.choice(shapes)


def _at(rng: random.Random) -> str:
    mobile, vienna = _digits(rng, 7), _digits(rng, 7)
    return rng.choice([f"0664 {mobile}", f"+43 664 {mobile}", f"01 {vienna}", f"+43 1 {vienna[:3]} {vienna[3:]}"])


def _ch(rng: random.Random) -> str:
    rest = _digits(rng, 7)
    shape = f"{rest[:3]} {rest[3:5]} {rest[5:]}"
    return rng.choice([f"079 {shape}", f"+41 79 {shape}", f"044 {shape}", f"+41 44 {shape}"])


def _us(rng: random.Random) -> str:
    area = rng.choice(["212", "415", "312", "617", "206", "512"])
    exchange, line = _digits(rng, 3), _digits(rng, 4, string.digits)
    return rng.choice(
        [
            f"({area}) {exchange}-{line}",
            f"{area}-{exchange}-{line}",
            f"+1 {area} {exchange} {line}",
            f"+1-{area}-{exchange}-{line}",
        ]
    )


def _uk(rng: random.Random) -> str:
    london, mobile = _digits(rng, 8, "378"), _digits(rng, 6)
    return rng.choice(
        [f"020 {london[:4]} {london[4:]}", f"+44 20 {london[:4]} {london[4:]}", f"07911 {mobile}", f"+44 7911 {mobile}"]
    )


_PHONE_MAKERS = [_de_landline, _de_mobile, _de_mobile, _at, _ch, _us, _uk]

_BBAN = {  # country: (BBAN made from random digits of these group lengths, grouping letters first)
    "DE": (8, 10),
    "AT": (5, 11),
    "CH": (5, 12),
    "NL": (0, 10),
    "FR": (5, 5, 11, 2),
    "GB": (6, 8),
}


def iban(rng: random.Random) -> str:
    """An IBAN with correct check digits, compact or in groups of four."""
    country = rng.choice(list(_BBAN))
    bban = "".join(_digits(rng, n, string.digits) for n in _BBAN[country] if n)
    if country == "NL":
        bban = rng.choice(["ABNA", "INGB", "RABO"]) + bban
    if country == "GB":
        bban = rng.choice(["NWBK", "BARC", "HBUK"]) + bban
    check = 98 - int(_numeric(bban + country + "00")) % 97
    value = f"{country}{check:02d}{bban}"
    if rng.random() < 0.6:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value.lower() if rng.random() < 0.1 else value


def _numeric(text: str) -> str:
    return "".join(str(int(c, 36)) for c in text)


def card(rng: random.Random) -> str:
    """A Luhn-valid Visa, Mastercard or Amex number, grouped or compact."""
    prefix, length = rng.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15)])
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    number = body + luhn_digit(body)
    if rng.random() < 0.3:
        return number
    if length == 15:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    sep = rng.choice([" ", "-"])
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


def luhn_digit(body: str) -> str:
    """The check digit that makes body + digit Luhn-valid."""
    total = 0
    for i, char in enumerate(reversed(body)):
        n = int(char) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def order(rng: random.Random) -> str:
    """A five-digit order number (the example brand's pattern)."""
    return _digits(rng, 5, "123456789")


# ---------------------------------------------------------------- messages

ORDER_CONTEXT = {
    "de": ["Bestellnummer {o}", "Bestellung #{o}", "Bestellnr. {o}", "Auftragsnummer: {o}", "Bestellung Nr. {o}"],
    "en": ["order number {o}", "order #{o}", "Order no. {o}", "order nr {o}", "order ID: {o}"],
}
TEMPLATES = {
    "de": [
        ("Hallo, ich bin {name}. Meine Mail ist {email}, ruft mich gern an: {phone}", ("email", "phone")),
        ("Paket fehlt!!! {ordered}, Telefon {phone}", ("order", "phone")),
        ("Bitte erstattet das auf mein Konto {iban}, danke. {ordered}", ("iban", "order")),
        ("Ihr habt meine Karte {card} doppelt belastet ({ordered})", ("card", "order")),
        ("Erreichbar unter {phone} oder per Mail an {email}", ("phone", "email")),
        ("{name} hier, {ordered} ist immer noch nicht da. Rückruf an {phone} bitte", ("order", "phone")),
        ("IBAN für die Rückzahlung: {iban} (Kontoinhaber {name})", ("iban",)),
        ("Schreibt mir an {email}, nicht an die alte Adresse", ("email",)),
        ("Kreditkarte {card} läuft ab, wie ändere ich das?", ("card",)),
        ("Wo bleibt meine {ordered}? Bin unter {phone} erreichbar, Mail {email}", ("order", "phone", "email")),
    ],
    "en": [
        ("Hi, {name} here. My email is {email}, or call me on {phone}", ("email", "phone")),
        ("Parcel missing, {ordered}. Phone: {phone}", ("order", "phone")),
        ("Please refund to my account {iban}, thanks. {ordered}", ("iban", "order")),
        ("You charged my card {card} twice for {ordered}", ("card", "order")),
        ("Reach me at {phone} or drop a line to {email}", ("phone", "email")),
        ("{ordered} still hasn't arrived, call me back at {phone} please", ("order", "phone")),
        ("Bank details for the refund: {iban} (account holder {name})", ("iban",)),
        ("Contact me at {email} please", ("email",)),
        ("My card {card} was declined, what now?", ("card",)),
        ("Where is my {ordered}? Call {phone} or email {email}", ("order", "phone", "email")),
    ],
}


def examples(count: int = 260) -> list[Example]:
    """`count` synthetic messages (half German, half English), the same on every call."""
    rng = random.Random(SEED)
    made = []
    for i in range(count):
        lang = "de" if i % 2 == 0 else "en"
        template, _ = TEMPLATES[lang][(i // 2) % len(TEMPLATES[lang])]
        made.append(_fill(rng, lang, template))
    return made


def _fill(rng: random.Random, lang: str, template: str) -> Example:
    values = {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "email": email(rng),
        "phone": phone(rng),
        "iban": iban(rng),
        "card": card(rng),
    }
    number = order(rng)
    values["ordered"] = rng.choice(ORDER_CONTEXT[lang]).format(o=number)
    text = template.format(**values)
    found = [(kind, values[kind]) for kind in ("email", "phone", "iban", "card") if "{" + kind + "}" in template]
    if "{ordered}" in template:
        found.append(("order", number))
    found.sort(key=lambda item: text.find(item[1]))
    return Example(lang=lang, text=text, expected=tuple(found))


# Text that must not be taken for personal data: dates, prices, postcodes, times, quantities.
NOT_PII = [
    "Bestellt am 12.03.2024, geliefert am 15.03.2024",
    "Kostet 19,99 € und der Versand 4,90 €",
    "Lieferung an 67059 Ludwigshafen bitte",
    "Ich wohne in 80331 München und warte seit Montag",
    "Paket kam um 14:30 Uhr, 2x 250 g Kiezmischung",
    "Preis 1.299,00 EUR für die Maschine? Krass",
    "Delivered on 2024-03-12 at 9:15, price $24.99",
    "Mahlgrad 24–26, 4 Minuten, 93 Grad, 60 g pro Liter",
    "Seit 2019 Kunde, schon 35 Bestellungen",
    "Zwischen 8 und 12 Uhr bin ich zu Hause",
    "Rabatt von 15 % auf 3 Packungen à 500 g",
    "Meine Postleitzahl ist 1010 Wien",
    "Ich zahle 8001 Zürich Porto? Nein, 8 CHF",
    "Die Sendung wiegt 1000 g und kostet 12,90",
    "Version 3.14.15 der App stürzt ab",
    "Am 1.4. um 10 Uhr, Raum 204",
]

# Found since issue 17: street addresses, names, ID numbers, IP addresses, spelled-out and obfuscated data.
MORE_PII = [
    ("Lieferung an 10997 Berlin, Oranienstraße 12", "address", "Oranienstraße 12"),
    ("I live at 12 Baker Street, London", "address", "12 Baker Street"),
    ("Hauptstr. 5a, Hinterhaus", "address", "Hauptstr. 5a"),
    ("Mein Name ist Dieter Brandt, Kunde seit 2019", "name", "Dieter Brandt"),
    ("Mit freundlichen Grüßen,\nK. Brandt", "name", "K. Brandt"),
    ("my name is Jane Doe and my order is late", "name", "Jane Doe"),
    ("Ausweisnummer L01X00T47 liegt vor", "id", "L01X00T47"),
    ("Meine IP ist 192.168.178.21", "ip", "192.168.178.21"),
    ("null eins sieben sechs fünf fünf eins zwei drei", "phone", "null eins sieben sechs fünf fünf eins zwei drei"),
    ("schreib an jule [at] example [dot] com", "email", "jule [at] example [dot] com"),
    ("jule(at)bohnenkiez.de bitte", "email", "jule(at)bohnenkiez.de"),
    ("Bestellung #A-77812 fehlt", "order", "Bestellung #A-77812"),
    ("see #B-123456 please", "order", "#B-123456"),
]
