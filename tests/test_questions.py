"""Finding the questions of a message: table-driven, the wording of each question as the person wrote it."""

from __future__ import annotations

import pytest

from assistant.analysis.questions import find_questions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fold() makes "does" "dos": the question pattern is folded the same way, so "does ..." starts a question
        (
            "Hey, quick question before I sign up: does the subscription renew automatically, or do I have to reorder?",
            ["does the subscription renew automatically, or do I have to reorder?"],
        ),
        ("Does the Kiezmischung work in a moka pot", ["Does the Kiezmischung work in a moka pot"]),
        # a product named bare, without "?": still asked; a main clause after "sobald ...," is told
        (
            "do u ship to austria?? how long does it take. and is espresso kreuzberg ok in a moka pot",
            ["do u ship to austria??", "how long does it take", "and is espresso kreuzberg ok in a moka pot"],
        ),
        ("Sobald es russlandfeindlich ist, sind die Arme der Politiker offen :)", []),
        ("wenn ich heute bestelle, kommt das bis freitag an", ["kommt das bis freitag an"]),
        # a second question after a comma, its verb first
        (
            "how much is it, is it in english, and do you have gift vouchers??",
            ["how much is it", "is it in english", "do you have gift vouchers??"],
        ),
        ("a coffee brand that actually answers comments?? in THIS economy?? 😭", []),  # amazement, asked of nobody
        # two questions joined by ", und": two; "(87)" and "9. Mai" number no list
        (
            "Meine Mutter (87) trinkt gern mild. Bieten Sie eine Geschenkverpackung an, und würde eine Bestellung bis"
            " zum 9. Mai bei ihr ankommen?",
            ["Bieten Sie eine Geschenkverpackung an", "würde eine Bestellung bis zum 9. Mai bei ihr ankommen?"],
        ),
        ("Kann ich pausieren, und wenn ja, wie?", ["Kann ich pausieren, und wenn ja, wie?"]),
        ("1) wie lange hält der 2) kann man ihn einfrieren?", ["wie lange hält der", "kann man ihn einfrieren?"]),
        # a hope that asks whether we do something
        ("pls tell me you have decaf, 5 months pregnant 😭", ["you have decaf"]),
        ("sagt mir bitte, dass ihr nach Wien liefert 🙏", ["ihr nach Wien liefert"]),
        ("Sag mir, dass ihr das nicht ernst meint", []),  # a plea, no question about what we do
        # without "?", a wh-word before its subject opens a clause of a statement; with its verb first it asks
        ("When it closed I was gutted, but the Friday pick-ups have become my ritual.", []),
        ("if you ever need a tester, call me", []),
        ("when is the kiezmischung back", ["when is the kiezmischung back"]),
        # a verb first asks without its "?" ("schickt ihr auch nach vorarlberg"); a verb first that tells does not
        (
            "schickt ihr auch nach vorarlberg oder nur deutschland",
            ["schickt ihr auch nach vorarlberg oder nur deutschland"],
        ),
        ("Klappt das bis Freitag", ["Klappt das bis Freitag"]),
        ("Passt schon, danke euch!", []),
        ("Läuft bei mir, danke", []),
        # an interest stated is a question asked
        (
            "Hallo! Mich würde interessieren, wie lange die Lieferung aktuell dauert.",
            ["wie lange die Lieferung aktuell dauert"],
        ),
        ("I am curious whether the grinder works for espresso.", ["whether the grinder works for espresso"]),
        # a dictated voice message: its spoken marks written, its closing ask read as a question
        (
            "ich bin über neujahr weg und das abo soll nicht im flur liegen was mach ich da komma danke punkt",
            ["was mach ich da?"],
        ),
        ("kurze frage komma liefert ihr auch nach wien fragezeichen", ["liefert ihr auch nach wien?"]),  # no lead
        ("guter punkt ehrlich gesagt", []),  # "Punkt" as a word, no dictation
        # not knowing which one to take asks it; not knowing what to say does not
        (
            "hab die mühle geschenkt bekommen und weiß nicht welche stufe ich für filter nehmen soll",
            ["welche stufe ich für filter nehmen soll"],
        ),
        ("ich weiß nicht was ich sagen soll, so gut!", []),
        ("ich weiß nicht ob ich lachen oder weinen soll 😂", []),
        # mock despair at a happy result asks nothing
        ("mein opa trinkt jetzt 6 tassen am tag. was habt ihr getan 😭", []),
        ("my dad only talks about roast profiles now, what have you done to him??", []),
        (
            "Was habt ihr mit dem Espresso gemacht, der schmeckt anders?",
            ["Was habt ihr mit dem Espresso gemacht, der schmeckt anders?"],
        ),
        # a word or three asked and answered by the writer at once asks nothing; a reply that asks again still asks
        ("Glühwein? Nee danke, ich bleib beim Kaffee ☕", []),
        ("Dry January? Nope. Third cup already", []),
        ("Habt ihr Decaf? Nein? Schade.", ["Habt ihr Decaf?", "Nein?"]),
        ("Liefert ihr nach Wien? Nein, im Ernst, ich warte seit Tagen", ["Liefert ihr nach Wien?"]),
        # the algorithm blamed asks nothing; "or even better can you ..." asks a second time
        ("quitting caffeine. day 3. why is this on my fyp 😭", []),
        (
            "can I pause my subscription for that? or even better can you send it to my hotel instead lol",
            ["can I pause my subscription for that?", "can you send it to my hotel instead lol"],
        ),
        # a label or a lead before the question is no part of it, with or without a colon
        (
            "Zwei Fragen: Eignet sich der Espresso für einen Vollautomaten? Und welche Stufe für den Siebträger?",
            ["Eignet sich der Espresso für einen Vollautomaten?", "Und welche Stufe für den Siebträger?"],
        ),
        ("real talk is the kiez blend any good for cold brew", ["is the kiez blend any good for cold brew"]),
        ("ehrliche frage taugt die kiezmischung für cold brew", ["taugt die kiezmischung für cold brew"]),
        # "does" first asks without a "?"; "was" before a preposition is "something", the question comes after it
        ("does espresso actually fix a hangover lol", ["does espresso actually fix a hangover lol"]),
        (
            "ich will meiner schwester was in den adventskalender packen 😅 was von euch würdet ihr nehmen",
            ["was von euch würdet ihr nehmen"],
        ),
        # a run-on question cut before its wh-word keeps the preposition before it ("ab wann")
        (
            "sonntag ist mein erster berlin marathon 😭 wie viel espresso ist vorher okay und ab wann ist es zu viel",
            ["wie viel espresso ist vorher okay", "ab wann ist es zu viel"],
        ),
        # a part said to be missing with "??" is the complaint; joy at a fix asks nobody
        ("got the grinder as a gift and the crank handle isn't in the box?? everything else is there", []),
        ("update: stufe 25 und nicht mehr bitter!!! warum hat mir das keiner früher gesagt 😭", []),
        ("Ist die Kurbel nicht dabei? Im Paket war nur die Mühle.", ["Ist die Kurbel nicht dabei?"]),
    ],
)
def test_questions_are_found_as_written(text: str, expected: list[str]) -> None:
    assert find_questions(text) == expected
