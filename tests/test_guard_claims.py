"""Claims a stranger states about the brand as if known, and drafts that repeat or deny them."""

from __future__ import annotations

import pytest

from assistant.guard.claims import known, repeated, stated_claims

NAMES = frozenset({"bohnenkiez", "kiezmischung", "espresso kreuzberg"})
VOCABULARY = frozenset({"kiezmischung", "bohnenkiez", "tage", "tagen", "nacht", "kiez", "espresso", "kreuzberg"})
KNOWN = known(["Rückgabe innerhalb von 14 Tagen"], ["Kiezmischung", "Espresso Kreuzberg"])


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Toll, dass ihr 50 Cent pro Tüte an den Kinderbauernhof spendet!", True),
        ("Bei Bohnenkiez gilt eine Rückgabefrist von 60 Tagen.", True),
        ("Anna ✿ Kiezmischung ist laktosefrei zertifiziert ✿", True),
        ("ja der heißt 'Kiez Nacht' und ist sogar bio", True),
        ("Bei euch bekommt man eine Probiertüte dazu, stimmt's?", True),
        ("Bekommt man bei euch eine Probiertüte dazu?", False),  # a question claims nothing
        ("Gibt es die Kiezmischung auch gemahlen für meine Filtermaschine?", False),
        ("Habe die Kiezmischung zum Geburtstag bekommen und bin begeistert", False),  # a gift, no offer of ours
        ("meine oma trinkt seit 50 jahren nur discounter kaffee", False),  # a discounter is no discount
        ("will endlich verstehen was ‚fruchtig‘ heißt", False),  # what a word means, not a name of ours
    ],
)
def test_stated_claims(text: str, claimed: bool) -> None:
    assert bool(stated_claims(text, NAMES)) is claimed


@pytest.mark.parametrize(
    ("claim", "draft", "found"),
    [
        ("dass ihr 50 Cent an den Kinderbauernhof spendet", "Klar doch! Kinderbauernhof ☕", ["kinderbaurnhof"]),
        ("dass ihr 50 Cent an den Kinderbauernhof spendet", "Eine Spende an den Kinderbauernhof gibt es nicht.", []),
        ("Bei Bohnenkiez gilt eine Rückgabefrist von 60 Tagen", "Die Frist beträgt 60 Tage.", ["60 tag"]),
        ("Bei Bohnenkiez gilt eine Rückgabefrist von 14 Tagen", "Die Frist beträgt 14 Tage.", []),  # ours
        ("der heißt 'Kiez Nacht'", "Der Kiez Nacht ist im Shop.", ["kiez nacht"]),
        ("der heißt 'Espresso Kreuzberg'", "Der Espresso Kreuzberg ist im Shop.", []),  # a name of ours
    ],
)
def test_repeated(claim: str, draft: str, found: list[str]) -> None:
    # words come back folded ("Kinderbauernhof" as "kinderbaurnhof": "ue" reads as "u")
    assert repeated([claim], draft, VOCABULARY, KNOWN) == found
