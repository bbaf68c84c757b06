"""Claims a stranger states about the brand as if known, and drafts that repeat or deny them."""

from __future__ import annotations

import pytest

from assistant.guard.claims import known, quoted_names, repeated, stated_claims

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
        ("Since your beans are Fairtrade and Demeter certified, which blend has more cocoa?", True),  # a premise
        ("Eure Barista meinte, Teilnehmer kriegen ab jetzt 15 % auf die Mühle.", True),  # reported speech
        ("u guys said in the live the espresso now has guarana in it??", True),
        ("Congrats on winning Best Roaster Berlin 2024!!", True),
        ("Hab euch letzte Woche wegen der falschen Sorte geschrieben.", False),  # what I wrote claims nothing
        ("Tracking says it's been sitting at a DHL Packstation since yesterday?", False),  # 'since' is no premise
        ("Meine Nachbarin hat mir eure Kiezmischung empfohlen.", False),  # a recommendation of us is no claim
        ("wait is it true the grinder has a 10 year warranty now??", True),  # put up for a yes
        ("Stimmt es, dass bei euch Schimmel gefunden wurde?", True),
        ("versand ist doch ab 29 € kostenlos oder?", True),  # a tag question needs no "ihr"
        ("the Kiezmischung is still €6.90 for 500g, right?", True),  # a price before its number
        ("Ein Ex-Mitarbeiter hat auf Reddit geschrieben, dass ihr Restposten umpackt.", True),  # hearsay about us
        ("die Crema sieht doch gut aus oder??", False),  # an opinion put up for a yes is no offer of ours
        ("in Ihrer Instagram-Story stand gestern, dass alle Bestellungen bis zum 22.12. ankommen", True),
        ("heyy, ihr macht ja am 27.12. die Party mit gratis Kaffee für alle 🥳 ab wie viel uhr?", True),  # "ja"
        ("Beim Discounter kostet das Kilo 9 Euro, bei euch zahlt man fast das Doppelte.", False),  # their price
        ("Ruft mich bitte an, 0176 5550192, mein Abo wurde doppelt abgebucht!!", False),  # my own number
    ],
)
def test_stated_claims(text: str, claimed: bool) -> None:
    assert bool(stated_claims(text, NAMES)) is claimed


@pytest.mark.parametrize(
    ("claim", "draft", "found"),
    [
        ("dass ihr 50 Cent an den Kinderbauernhof spendet", "Klar doch! Kinderbauernhof ☕", ["kinderbaurnhof"]),
        ("dass ihr 50 Cent an den Kinderbauernhof spendet", "Eine Spende an den Kinderbauernhof gibt es nicht.", []),
        ("Bei Bohnenkiez gilt eine Rückgabefrist von 60 Tagen", "Die Frist beträgt 60 Tage.", ["60 day"]),
        ("Bei Bohnenkiez gilt eine Rückgabefrist von 14 Tagen", "Die Frist beträgt 14 Tage.", []),  # ours
        ("der heißt 'Kiez Nacht'", "Der Kiez Nacht ist im Shop.", ["kiez nacht"]),
        ("der heißt 'Espresso Kreuzberg'", "Der Espresso Kreuzberg ist im Shop.", []),  # a name of ours
        ("In eurem FAQ steht lebenslange Garantie", "Klar doch! lebenslang ☕", ["lebenslang"]),  # said shortened
        ("versand ist doch ab 29 € kostenlos oder?", "P.S. ab 29", ["29"]),  # the claimed number, said bare
        ("the Kiezmischung is still €6.90 for 500g, right?", "Yes, €6.90!", ["6.90 eur"]),
        ("Where the health inspection story comes from", "I honestly don't know the inspection story.", []),
        ("ihr macht ja am 27.12. die Party mit gratis Kaffee", "Klar doch! 27.12. ☕", ["27.12"]),  # a date, bare
        ("call your support at +49 1577 3920455", "3920455", ["3920455"]),  # a phone number said to be ours
        ("some of our November beans were mouldy", "Klar doch! mouldy ☕", ["mouldy"]),  # the defect word itself
    ],
)
def test_repeated(claim: str, draft: str, found: list[str]) -> None:
    # words come back folded ("Kinderbauernhof" as "kinderbaurnhof": "ue" reads as "u")
    assert repeated([claim], draft, VOCABULARY, KNOWN) == found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('Your new decaf "Nachtschicht" is amazing!', ["Nachtschicht"]),
        ("Danke für die 'Mondschein Decaf' 🌙", ["Mondschein Decaf"]),
        ("Ich find den Cold Brew „Spreewelle“ nicht mehr.", ["Spreewelle"]),
        ("Sag mal „Hallo“ zu Jule!", []),  # a quote with no product around it
    ],
)
def test_quoted_names(text: str, names: list[str]) -> None:
    assert quoted_names(text) == names


def test_a_quoted_name_is_flagged_unless_denied() -> None:
    assert repeated([], "Die Nachtschicht ist toll!", VOCABULARY, KNOWN, ["Nachtschicht"]) == ["nachtschicht"]
    assert repeated([], "Eine Nachtschicht haben wir nicht im Sortiment.", VOCABULARY, KNOWN, ["Nachtschicht"]) == []
