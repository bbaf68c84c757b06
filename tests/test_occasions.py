"""The life event a friendly message mentions, to wish the person well."""

import pytest

from assistant.backends.offline.occasions import moment, named_cake, occasion, post_moment

CASES = [
    ("Ich hab morgen Geburtstag und wünsch mir die Kiezmischung", "own_birthday"),
    ("it's for my dad's birthday on the 14th", "birthday"),
    ("@max das wär doch was für dein geburtstag 👀", "birthday"),
    ("Kann man das Abo pausieren? Bin im Sommer im Urlaub.", "trip"),
    ("can I pause it while I'm on vacation?", "trip"),
    ("Habt ihr Decaf? Bin schwanger 🥲", "pregnancy"),
    ("I'm moving to Vienna in March, can I still order?", "move"),
    ("Wir eröffnen im März ein Café in Neukölln", "opening"),
    ("Suche ein Geschenk für meine Schwester", "gift"),
    ("would the grinder make a good gift?", "gift"),
    ("welchen kaffee schenk ich meinem papa?", "gift"),
    ("erkältet seit montag, welcher kaffee ist mild genug?", "sick"),
    # a brewer the writer just got is welcomed, even when it was a present
    ("Ich hab die Mühle geschenkt bekommen, wie stelle ich sie ein?", "new_grinder"),
    ("welcher mahlgrad für aeropress?? hab die zu weihnachten bekommen 😭", "new_aeropress"),
    ("welcher mahlgrad für aeropress?? hab die handmühle zu weihnachten bekommen", "new_grinder"),
    ("just got a french press, how much coffee per cup?", "new_french_press"),
    ("erster versuch mit omas moka kanne und alles riecht verbrannt", "new_moka"),
    # a start at university is wished well; a term told in passing is none
    ("any student discount?? first semester and already broke 😭", "semester"),
    ("erstes semester, neue wg, wir haben nur ne french press", "semester"),
    ("coming to berlin for erasmus in october", "semester"),
    ("hab das semester über nur filterkaffee getrunken", ""),
    # not an occasion
    ("Mein Paket ist seit einer Woche unterwegs", ""),
    ("meine neue Mühle ist leider kaputt", ""),
    ("Ich habe eine Nussallergie, sind in der Kiezmischung Spuren von Nüssen?", ""),
    ("its finally warm 😭☀️ do u guys have a cold brew blend?", ""),
    ("kiezmischung in der french press ist einfach krank 🤯 nie wieder supermarkt", ""),
    ("paket liegt in der filiale, ich bin aber krank und komm nicht hin", "sick"),
    ("bought the grinder for my dad, he uses it every morning", ""),
    ("bought the hand grinder 2 years ago, which setting for v60?", ""),
    ("Wann ist die Eröffnung eurer neuen Rösterei?", ""),
    ("at present we only drink filter coffee", ""),
    ("Wie lange ist die Kiezmischung haltbar?", ""),
    # a wedding anniversary is wished well, never a new wedding; a couple just married is
    ("Ich möchte meinem Mann zum Hochzeitstag einen Kurs schenken", "anniversary"),
    ("Married!! Feet destroyed, hearts full", "wedding"),
    ("I'm married and my husband only drinks tea", ""),
    # a birthday baked or celebrated for is wished well, no present praised; a trip that is over is none
    ("Welcher Kaffee zu Apfelkuchen? Ich backe für den 70. Geburtstag meiner Mutter", "birthday_party"),
    ("jetzt wo alle aus dem urlaub zurück sind, stapeln sich die tüten", ""),
    ("back from vacation and the office coffee is tragic", ""),
    # school's out is a break, not a trip
    ("ferien endlich 🥳 macht ihr auch workshops im sommer?", "school_holidays"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_occasion(text: str, expected: str) -> None:
    assert occasion(text) == expected


MOMENTS = [
    ("Heute Laternenumzug mit den Kleinen, danach Kaffee am Feuer", "martin"),
    ("Glühwein? Nee danke, ich hab meinen Thermobecher mit auf dem Weihnachtsmarkt", "market"),
    ("new year new me: only 3 cups a day", "new_year"),
    ("Dry January läuft, aber der Kaffee bleibt", "dry_january"),
    ("zweiter Advent, Plätzchen im Ofen und Kaffee auf dem Tisch", "christmas"),
    ("Valentinstag mit Frühstück ans Bett ☕", "valentine"),
    ("Helau! Nach dem Umzug erstmal nen Kaffee", "carnival"),
    ("snow day in berlin, second cup already", "snow"),
    ("kaffee oder bier zum public viewing? 😂⚽", "football"),
    ("EM-Finale, Balkon, Espresso Tonic. Mehr brauch ich nicht", "football"),
    ("Kaffee auf dem Balkon, während das Gewitter aufzieht", "storm"),
    ("Mein Paket ist seit einer Woche unterwegs", ""),
]


@pytest.mark.parametrize(("text", "expected"), MOMENTS)
def test_moment(text: str, expected: str) -> None:
    assert moment(text, calendar=True) == expected


def test_a_day_of_the_calendar_is_a_moment_only_when_asked_for() -> None:
    assert moment("survived 5 days of christmas with my entire family") == ""


@pytest.mark.parametrize(
    ("post", "expected"),
    [
        ("Married!! 💍 Thank you to everyone who danced with us until 4am", "post_wedding"),
        ("festival day 2. running on warm energy drinks and pure vibes 🎪", "post_festival"),
        ("Heute ist mein Geburtstag und ich feiere mit Kuchen", "post_birthday"),
        ("Regen den ganzen Tag, Kaffee und Buch", "rain"),  # the moment of the day comes first
        ("Neues Rezept für Overnight Oats", ""),
    ],
)
def test_a_creators_post_is_congratulated_on_its_event(post: str, expected: str) -> None:
    assert post_moment(post) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grandma's zwetschgendatschi, dough rested overnight", "Zwetschgendatschi"),
        ("sunday apple cake + kiezmischung", "Apple cake"),
        ("Omas Apfelkuchen mit Streuseln", "Apfelkuchen"),
        ("Kaffee und Kekse", ""),
    ],
)
def test_named_cake(text: str, expected: str) -> None:
    assert named_cake(text) == expected
