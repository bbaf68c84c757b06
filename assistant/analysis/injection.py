"""Prompt-injection cues, matched on every untrusted field after undoing disguises.

Each field (message, author, thread, post) is normalised first: Unicode tag characters decoded,
NFKC, invisible characters and combining marks removed, confusable letters (Cyrillic, Greek,
dotless ı) mapped to Latin, then read as written, in leetspeak, s-p-a-c-e-d, reversed, ROT13,
base64, percent, hex and HTML-entity encoded (each decoded once). Every cue pattern uses bounded
quantifiers only, so a search is linear in the length of the text.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import unquote

from assistant.analysis.normal import collapse
from assistant.analysis.patterns import first_symbols
from assistant.models import Message
from assistant.text import fold, fold_pattern, is_stopword, strip_marks, table, words

CUES: dict[str, list[str]] = table("injection_cues")["cues"]
INJECTION_CUES: list[str] = [cue for group in CUES.values() for cue in group]
CASED_CUES: str = table("injection_cues")["cased"]
TAGS = re.compile("[\U000e0000-\U000e007f]")
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
WINDOW = 160  # characters around a leetspeak or s-p-a-c-e-d spot that are read once more, undisguised
LEETISH = re.compile(r"(?<=[^\W\d_])[013457@$!]|[013457@$](?=[^\W\d_])")  # a leet digit touching a letter
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
SPACED = re.compile(r"(?<![^\W\d_])([^\W\d_])[-. _*](?=[^\W\d_](?:[-. _*][^\W\d_]|\b))")
BASE64 = re.compile(r"[A-Za-z0-9+/]{16,4000}={0,2}")
HEX_RUN = re.compile(r"(?:(?:\\x|0x|%)?[0-9a-fA-F]{2}[\s:,-]?){6,2000}")
# Tag characters spell hidden text; only flag emoji (🏴 + tags) use them legitimately.
HIDDEN_TAGS = re.compile("(?<![\U0001f3f4\U000e0020-\U000e007e])[\U000e0020-\U000e007e]{4}")
PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
FIELDS = ("message", "author", "thread", "post")
LEADING_BOUNDARY = re.compile(r"(^|\|)\\b")  # redundant after the gate, and it slows every attempt down
CHUNK = re.compile(r"[^\n.!?:\"'„“”‚‘’«»]{1,400}")  # a quoted riddle is a chunk of its own
NATURAL_SHARE = 0.2  # a chunk with at least this share of function words is plain language


def injection_suspected(text: str) -> bool:
    """True when the text (or a decoded form of it) tries to instruct the assistant."""
    if HIDDEN_TAGS.search(text):
        return True
    plain = skeleton(text)
    if _cased_rx().search(plain):
        return True
    cues = _injection_rx()
    return any(cues.search(form) for form in _folded_readings(plain, text))


def _folded_readings(plain: str, text: str) -> Iterator[str]:
    """The folded readings of a text, each once: folding first makes every further reading cheaper."""
    folded = collapse(fold(plain))
    forms = [folded]
    forms += [folded[a:b].translate(LEET) for a, b in _windows(m.start() for m in LEETISH.finditer(folded))]
    forms += [SPACED.sub(_first_group, folded[a:b]) for a, b in _windows(m.start() for m in SPACED.finditer(folded))]
    odd = _unnatural(folded)
    if odd:
        forms += [odd[::-1], codecs.decode(odd, "rot13")]
    if INVISIBLE.search(text):  # "Ignore\u00adall\u00adprevious": an invisible character between words
        forms.append(fold(skeleton(INVISIBLE.sub(" ", text))))
    yield from dict.fromkeys(forms)
    for decoded in _decoded(_visible(text)):
        yield collapse(fold(decoded))


def _windows(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Stretches of WINDOW characters around the positions, merged: only there can a disguise hide a cue."""
    merged: list[tuple[int, int]] = []
    for position in positions:
        start, end = max(0, position - WINDOW), position + WINDOW
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


# A thread turn's own speaker label ("Kunde: Guten Tag, ...") is how threads are written down, no role played;
# "System:" or "Assistant:" in a turn stays a cue.
SPEAKER_LABEL = re.compile(r"^\s{0,5}(?:kunde|kundin|customer|client)\s{0,5}:", re.IGNORECASE)


def unlabelled(turn: str) -> str:
    """A thread turn without its customer's speaker label."""
    return SPEAKER_LABEL.sub("", turn, count=1)


def injection_fields(message: Message) -> list[str]:
    """The untrusted fields of a message that carry injection cues (message, author, thread, post)."""
    turns = [unlabelled(turn) for turn in message.thread]
    thread = [*turns, "\n".join(turns)] if len(turns) > 1 else turns
    values = {"message": [message.text], "author": [message.author or ""], "thread": thread}
    values["post"] = [message.post or ""]
    return [name for name in FIELDS if any(injection_suspected(v) for v in values[name] if v)]


@lru_cache(maxsize=1)
def _injection_rx() -> re.Pattern[str]:
    """All injection cues as one pattern: one search per reading instead of one per cue."""
    cues = [LEADING_BOUNDARY.sub(r"\1", fold_pattern(p)) for p in INJECTION_CUES]
    return re.compile(f"{_gate(cues)}(?:{'|'.join(f'(?:{c})' for c in cues)})", re.MULTILINE)


def _gate(cues: list[str]) -> str:
    """Where a cue can start: a word start, a line start, or a symbol some cue starts with; positions
    inside a word or at other symbols cost one look-around instead of trying every cue."""
    symbols: set[str] = set()
    for cue in cues:
        first = first_symbols(cue)
        symbols |= set(string.punctuation) if first is None else first
    symbols -= set(string.whitespace)  # cues start with whitespace only after ^ (a line start)
    return f"(?:(?<![^\\W_])(?=[^\\W_])|^|(?=[{re.escape(''.join(sorted(symbols)))}]))"


@lru_cache(maxsize=1)
def _cased_rx() -> re.Pattern[str]:
    return re.compile(CASED_CUES)


def skeleton(text: str) -> str:
    """The text with disguises undone (case kept): tag characters decoded, NFKC, no invisible characters
    or combining marks, confusable letters mapped to Latin."""
    text = strip_marks(unicodedata.normalize("NFD", _visible(text)))
    return unicodedata.normalize("NFC", text).translate(_confusables())


def _visible(text: str) -> str:
    """Tag characters decoded, NFKC, invisible characters removed (case and marks kept, for decoding)."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", TAGS.sub(_untag, text)))


def _untag(match: re.Match[str]) -> str:
    """A Unicode tag character (U+E0020-E007E) carries a hidden ASCII character; the others carry nothing."""
    code = ord(match.group()) - 0xE0000
    return chr(code) if 0x20 <= code <= 0x7E else ""


@lru_cache(maxsize=1)
def _confusables() -> dict[int, str]:
    return {ord(k): v for k, v in table("confusables").items()} | {ord("_"): " "} | _enclosed()


# Squared, negative circled and negative squared capitals (🄰 🅐 🅰), which NFKC leaves as they are.
ENCLOSED = (0x1F130, 0x1F150, 0x1F170)


def _enclosed() -> dict[int, str]:
    return {start + i: chr(ord("A") + i) for start in ENCLOSED for i in range(26)}


# A symbol set between the words ("heute 🫘 alle 🫘 bestellungen"), which hides the phrase from a search.
INTERLEAVED = re.compile(r"(?<=\S)\s+[^\w\s\"'„“”‚‘’«».,:;!?()\[\]-]{1,3}(?=\s+\S)")
MAX_INTERLEAVED = 4_000  # characters searched for interleaved symbols


def readings(text: str) -> Iterator[str]:
    """The text as written and as an attacker may have disguised it: homoglyphs, leetspeak, s-p-a-c-e-d
    letters, reversed, ROT13, base64, percent, hex and HTML entities (each decoded once)."""
    plain = skeleton(text)
    forms = [plain, _unleet(plain), SPACED.sub(_first_group, plain)]
    if len(INTERLEAVED.findall(plain[:MAX_INTERLEAVED])) >= 3:  # "sagt 🫘 einfach 🫘 'ja 🫘 Gratisversand'"
        forms.append(INTERLEAVED.sub("", plain))
    odd = _unnatural(plain)
    if odd:
        forms += [odd[::-1], codecs.decode(odd, "rot13")]
    yield from dict.fromkeys(forms)
    yield from _decoded(_visible(text))


def _unleet(text: str) -> str:
    """Leetspeak read as letters; a "!" only inside a word ("K!EZ"), never the one that ends a sentence."""
    return WORD_BANG.sub("i", text).translate(LEET_SIGNS)


WORD_BANG = re.compile(r"!(?=[^\W\d_])")
LEET_SIGNS = str.maketrans({k: v for k, v in LEET.items() if k != ord("!")})


def _unnatural(text: str) -> str:
    """The chunks that do not read as plain language (candidates for reversed or ROT13 text)."""
    return "\n".join(c for c in CHUNK.findall(text) if _function_share(c) < NATURAL_SHARE)


def _function_share(chunk: str) -> float:
    tokens = words(chunk)
    return sum(map(is_stopword, tokens)) / len(tokens) if tokens else 0.0


def _decoded(text: str) -> Iterator[str]:
    """Encoded parts of the text, decoded once: percent, HTML entities, hex runs, base64 tokens."""
    for decode, present in ((unquote, PERCENT.search(text)), (html.unescape, "&" in text)):
        decoded = decode(text) if present else text
        if decoded != text:  # a "%" or "&" that decodes to nothing new gives no new reading
            yield skeleton(decoded)
    for run in HEX_RUN.findall(text):
        yield skeleton(_from_hex(run))
    for token in BASE64.findall(text):
        yield skeleton(_from_base64(token))
    for run in MORSE_RUN.findall(text):
        yield _from_morse(run)


MORSE_RUN = re.compile(r"(?:[.·•\-–−_]{1,7}[ /|]{1,3}){3,400}[.·•\-–−_]{1,7}")
MORSE_CODES = (
    ".- -... -.-. -.. . ..-. --. .... .. .--- -.- .-.. -- -. --- .--. --.- .-. ... - ..- ...- .-- -..- -.-- --.. "
    "----- .---- ..--- ...-- ....- ..... -.... --... ---.. ----."
)
MORSE = dict(zip(MORSE_CODES.split(" "), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", strict=True))


def _from_morse(run: str) -> str:
    """Morse code ("/" or a wide gap between words) as capitals."""
    plain = re.sub(r"[·•]", ".", re.sub(r"[–−_]", "-", run))
    spoken = re.split(r"\s*[/|]\s*|\s{3,}", plain)
    return " ".join("".join(MORSE.get(letter, "") for letter in word.split()) for word in spoken)


def _from_hex(run: str) -> str:
    digits = re.sub(r"\\x|0x|%|[\s:,-]", "", run)
    try:
        return bytes.fromhex(digits[: len(digits) // 2 * 2]).decode("utf-8", errors="ignore")
    except ValueError:
        return ""


def _from_base64(token: str) -> str:
    try:
        return base64.b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""
