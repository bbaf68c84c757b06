"""Intent, sentiment, urgency and injection cues: weighted patterns over folded text."""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.text import fold, fold_pattern

# Each intent: (pattern, weight). Patterns are lowercase; umlauts are folded on compile.
INTENT_CUES: dict[str, list[tuple[str, float]]] = {
    "spam": [
        (r"https?://|www\.|\b[\w-]+\.(?:com|net|xyz|io|ly|link|shop)\b", 2.0),
        (r"link in (?:meiner |my |der )?bio", 3.0),
        (r"verdien\w*|\bearn\w*|passives? einkommen|geld verdienen|nebenverdienst", 1.5),
        (r"\d+\s?(?:€|euro|\$|dollar)\s?(?:am|pro|per|a|/)\s?(?:tag|day|woche|week)", 3.0),
        (r"krypto|crypto|bitcoin|forex|trading\b|onlyfans|free followers|gratis follower", 2.5),
        (r"check (?:out )?my (?:profile|page|bio)|schau (?:mal )?(?:auf )?mein profil|follow back", 3.0),
        (r"dm (?:me|mir) fur|whatsapp \+|telegram", 2.0),
        (r"gewinnspiel gewonnen|you (?:have )?won|du hast gewonnen", 3.0),
        (r"to be featured|get featured|send (?:it|this) to @|promo_?page|dm (?:us|me) to collab", 3.0),
    ],
    "refund_request": [
        (
            r"(?:geld|kohle|knete|betrag) (?:zuruck|wieder)|wo bleibt (?:mein|meine) (?:geld|kohle|erstattung)|mein geld|money back|my money",
            3.0,
        ),
        (r"zuruckgeschickt|zuruckgesendet|sent (?:it |them )?back|returned (?:it|them|the)", 2.0),
        (r"\b(?:zu)?(?:ruck)?erstatt\w*|refund\w*|gutschrift", 2.5),
        (r"storn\w*|widerruf\w*|cancel (?:my|the) order", 2.0),
        (r"zuruck ?(?:schicken|senden|geben)|retoure|send (?:it )?back|return (?:it|this|them|my)", 1.5),
    ],
    "damaged_or_wrong_item": [
        (r"kaputt angekommen|beschadigt|zerbrochen|aufgerissen|ausgelaufen|damaged|arrived broken", 3.0),
        (
            r"\b(?:kam|kamen|ist|war|waren|sind)\b.{0,25}\bkaputt\b|kaputt (?:an|geliefert)|arrived (?:damaged|broken|smashed)",
            3.0,
        ),
        (r"falsch\w* (?:sorte|kaffee|artikel|produkt|bohnen|paket|lieferung|ware|muhle|mahlgrad)", 3.0),
        (r"wrong (?:item|coffee|product|beans|order|bag|grind)|\bgot\b.{0,40}\binstead\b", 3.0),
        (
            r"instead of (?:the |my |a )?(?:\w+ ){0,2}(?:coffee|beans|espresso|blend|grinder|order|bag|kiezmischung)",
            3.0,
        ),
        (r"ripped|torn open|leaking|smashed|crushed", 2.5),
        (
            r"bestellt\b.{0,50}\b(?:bekommen|erhalten|geliefert|kam|gekommen)|ordered\b.{0,50}\b(?:got|received|came)",
            3.0,
        ),
        (r"nur (?:eine?r?|1) (?:war|kam|lag)|only (?:one|1) (?:was|came)", 3.0),
        (r"\bgesprungen\w*|\bgebrochen\w*|angeknackst|zersplittert|cracked|shattered|dented|verbeult", 3.0),
        (r"in scherben|\bscherben\b|zerdruckt|zerquetscht", 3.0),
        (r"\b(?:an)?statt\b(?! zu\b).{0,60}\b(?:war|kam|ist|lag|drin|geliefert|bekommen)", 2.5),
        (r"\bfehlt\b|fehlte|nicht (?:dabei|drin)|is missing|was missing", 2.0),
    ],
    "defect": [
        (r"defekt\w*|defective|funktioniert nicht|geht nicht mehr|stopped working|doesn.?t work", 2.5),
        (
            r"(?:muhle|grinder|kurbel|mahlwerk|griff|handle)\b.{0,40}(?:kaputt|abgebrochen|abgefallen|broke|snapped|came off|fell off|klemmt|quietscht|wackelt|locker)",
            3.0,
        ),
        (r"(?:kaputt|abgebrochen|broke|klemmt)\b.{0,40}(?:muhle|grinder|kurbel|mahlwerk|griff)", 3.0),
        (r"garantie|warranty|reparatur|repair", 1.5),
    ],
    "billing": [
        (r"doppelt (?:abgebucht|bezahlt|belastet|berechnet)|charged (?:\w+ ){0,3}twice|double.?charged", 3.0),
        (r"abbuchung|abgebucht|lastschrift|rechnung|invoice|mahnung|overcharged|zu viel (?:bezahlt|berechnet)", 2.5),
        (r"paypal|kreditkarte|credit card|zahlung|payment|billing|bezahlung", 1.0),
    ],
    "delivery_problem": [
        (
            r"nicht (?:angekommen|zugestellt|geliefert|da)|nie angekommen|never arrived|not (?:arrived|delivered)|hasn.?t arrived",
            3.0,
        ),
        (
            r"says delivered|marked (?:as )?delivered|als zugestellt|zugestellt\b.{0,30}(?:aber|nicht)|nothing at (?:my|the) door",
            3.5,
        ),
        (r"nich angekommen|immer noch nicht|still not|noch immer nicht", 2.0),
        (r"filiale|packstation|zusteller|nachbarn?|paketshop|post office|courier|dhl|hermes|zustellung", 1.5),
        (r"zuruck an (?:den )?absender|returned to sender|falsche adresse|wrong address|verloren|lost", 2.5),
        (r"keiner hat bescheid|ohne benachrichtigung|no notification", 2.0),
    ],
    "order_status": [
        (r"wo (?:bleibt|ist) (?:meine?|die|das|unser)\w* (?:bestellung|paket|lieferung|kaffee|abo|sendung)", 3.0),
        (r"wann (?:kommt|kommen|wird|werden|ist)\b.{0,40}(?:bestellung|paket|lieferung|versand|verschickt|da)", 2.5),
        (r"where (?:is|'s) my|when will (?:my|it)|order status|tracking|sendungsverfolgung|sendungsnummer", 3.0),
        (
            r"update on (?:my |the )?order|haven.?t heard|wann\b.{0,50}\b(?:ankommt|ankommen|kommt|geliefert|verschickt|versendet|da ist)",
            3.0,
        ),
        (r"schon verschickt|already shipped|been shipped|versandbestatigung|status", 2.0),
        (r"(?:bestellung|paket|order)\b.{0,30}(?:noch nicht|not yet)", 1.5),
    ],
    "order_via_message": [
        (r"\b\d+\s?x\s+\w|\b\d+ (?:tuten|packungen|packchen|beutel|bags|kilo|kg)\b", 2.5),
        (
            r"hatte (?:gern|gerne)|mochte\b.{0,40}bestellen|ich bestelle|i.?d like to order|i want to order|can i order",
            2.5,
        ),
        (r"abo abschliessen|abonnieren|(?:like|want) to subscribe|sign (?:me )?up for", 3.0),
        (r"lieferung (?:an|nach)|bitte (?:schicken|liefern|senden)|schickt mir|send me|deliver to", 2.0),
    ],
    "collaboration": [
        (r"kooperation|\bkoop\b|collab\w*|zusammenarbeit|partnership|partner\w*|sponsor\w*", 3.0),
        (r"influencer|content creator|ugc|media ?kit|pr.?paket|pr package|reichweite|follower", 2.0),
        (
            r"podcast|as (?:a|our) guest|als gast|interview|wholesale|grosshandel|in unserem (?:cafe|laden)|eure bohnen (?:gern|gerne)? ?(?:verkaufen|anbieten)",
            2.5,
        ),
        (r"werbung machen|promote your|feature your|eure produkte vorstellen", 2.0),
    ],
    "criticism": [
        (
            r"unmoglich|(?<!never )(?<!not )(?<!nie )(?<!nicht )(?:enttauscht|disappointed)|enttauschend|disappointing|frechheit|armutszeugnis",
            3.0,
        ),
        (
            r"(?:prices?|preise?)\b.{0,30}\b(?:went up|gone up|again|gestiegen|schon wieder|hoch)|getting ridiculous|wird lacherlich|abzocke",
            2.5,
        ),
        (r"schlecht\w*|schlimm|worse|terrible|awful|unfreundlich|rude|arrogant|abzocke|rip.?off", 2.0),
        (r"zu teur|viel zu teur|too expensive|overpriced|preiserhohung|price increase|teur geworden", 2.5),
        (r"fruher\b.{0,60}(?:gab|war|besser)|nicht mehr so|used to be|schade|leider nicht mehr", 2.0),
        (r"warum (?:gibt es|habt ihr) (?:keine?n?|nicht)|why (?:don.?t|do not) you|argerlich|nervig|annoying", 1.5),
        (
            r"unubersichtlich|umstandlich|kompliziert|ewig gebraucht|confusing|complicated|\bnervt\b|zu langsam|too slow",
            2.0,
        ),
    ],
    "troll": [
        (r"uberbewertet|overrated|tee\s*>|tea\s*>|braucht kein mensch|nobody needs|wer trinkt", 2.5),
        (r"hipster|cringe|lame|langweilig|boring|bruh|schlafmittel", 1.5),
        (
            r"lappen|spinner|witzfigur|vollpfosten|trottel|penner|idiot\w*|dumm\w*|scheiss\w*|shit\w*|kacke?|fuck\w*|lacherlich|loser|clown|🤡|💩",
            2.5,
        ),
    ],
    "product_question": [
        (r"\?", 0.8),
        (
            r"^(?:welche\w*|wie|was|wo|wann|gibt es|habt ihr|kann (?:ich|man)|sind|ist|do you|does|which|how|what|is there|are your|can i)\b",
            1.0,
        ),
        (
            r"mahlgrad|grind|entkoffeiniert|koffeinfrei|decaf|haltbar|shelf life|recycl|versand|shipping|liefert ihr|deliver|rostgrad|roast",
            0.7,
        ),
        (r"\b(?:office|buro)\b|workshop|abo\b|subscription|osterreich|schweiz|austria|switzerland", 0.5),
    ],
    "praise": [
        (
            r"(?:krass|mega|echt|so|richtig|voll|sehr|super) gut|\btoll\w*|viel besser|so much better|lieblings\w*|favou?rite",
            2.0,
        ),
        (
            r"lecker|bester?\b|beste[nmr]?\b|the best|best\b|(?<!would )(?<!i.d )love|liebe (?:euch|euren|eure|diesen)|mega|geil|großartig|grossartig|amazing|delicious|awesome|fantastic|perfekt|perfect|wunderbar|traumhaft|genial|gönnung|gonnung|yummy|so gut|richtig gut|really good",
            2.0,
        ),
        (r"danke (?:euch|fur|dass)|thank you for|thanks for|weiter so|keep it up|top\b|empfehl\w*|recommend", 1.5),
        (
            r"(?:never|not|nie|nicht|kein einziges mal) (?:been )?(?:disappointed|enttauscht)|schnelle (?:lieferung|versand)|fast (?:delivery|shipping)|super schnell|so schnell da|am nachsten tag da",
            2.5,
        ),
        (r"😍|❤|💛|🥰|😋|🙌|👏|🤩|💯|🔥", 1.0),
    ],
    "other": [
        (r"bewerb\w*|\bjobs?\b|stellenangebot|praktikum|hiring|apply for|work for you", 2.0),
        (r"welches lied|welcher song|what song|which song|musik im video|song (?:is )?(?:this|playing)", 2.0),
    ],
}

# When two intents score the same, the earlier one wins (the more actionable one).
PRIORITY = list(INTENT_CUES)

INJECTION_CUES = [
    r"ignor\w* (?:all\w* |your |deine \w+ |die )?(?:previous|prior|above|vorherigen|bisherigen|obigen|vorigen)",
    r"(?:ignore|vergiss|forget|disregard)\b.{0,30}(?:instruction|anweisung|regeln|rules|prompt)",
    r"system ?-?prompt|systemnachricht|system message|developer mode|jailbreak|\bdan\b mode",
    r"(?:you are|du bist) (?:now|jetzt|ab jetzt)\b|act as|tu so,? als|pretend (?:to be|you)|roleplay|rollenspiel",
    r"neue anweisung|new instructions?|your instructions|deine anweisungen|deinen? (?:prompt|instruktionen)",
    r"(?:repeat|wiederhole|print|gib|zeig\w*|reveal|output)\b.{0,40}(?:prompt|instructions|anweisungen|konfiguration|configuration|profil\b|above|oben)",
    r"</?(?:system|assistant|user|im_start|im_end)>|\b(?:system|assistant|developer)\s*:|\[/?inst\]|<<<\s*\w+|\w+\s*>>>\s*$",
    r"(?:rabatt|gutschein|discount|promo)\s?-?code\b.{0,60}(?:entschuldigung|apology|sorry|jetzt|now)|als entschuldigung|as an apology",
    r"base64|awdub3jl|1gn0r3|!gnore|ign0re",
    r"ignor\w* (?:alle |all |your |deine |die )?(?:regeln|rules|anweisungen|instructions|vorgaben|guidelines)",
]
# More cues, from the injection corpus in tests/data/injection_attacks.yaml (talking to "the AI",
# say-exactly-this, extraction, role play, chat-template tokens, markup, demanded promises, encodings).
INJECTION_CUES += [
    # talking to the machine
    r"\b(?:an die|to the|to any|if you(?:'re| are)(?: an?)?) (?:ki|ai|bot|assistant|assistent|llm|language model)\b|\b(?:ki|ai),? (?:die|that|who) (?:das|this) (?:liest|reads)|ai reading this",
    # override / new task
    r"(?:vergiss|forget)\b.{0,25}\b(?:alles|everything|above|oben|gesagt)|neue (?:aufgabe|richtlinie|regel)|new (?:task|rule|policy)|(?:only|einzige) (?:job|aufgabe)|stop following|(?:regeln|rules|guidelines|richtlinien|sicherheitsregeln|filter|policy)\b.{0,25}\b(?:deaktiviert|aufgehoben|off|disabled|aus)\b|test ?-?(?:modus|mode)|override|uberschreib",
    # say / write exactly this
    r"\b(?:antworte|reply|respond)\w* (?:nur |only |just |einfach |bitte )?(?:mit|with)\b|\b(?:sag|say|schreib\w*|write|post\w*|output|print|type|confirm|bestatig\w*)\b (?:(?:einfach|just|only|nur|bitte|please|exactly|genau|mir|that|dass)\b ?){0,3}[:\"'„“]|\b(?:just|einfach) (?:say|sag|schreib\w*|write|confirm)\b|bestatige? mit\b|confirm (?:with|by typing|publicly)|(?:say|sag mir),? (?:that|dass)|(?:repeat|wiederhol\w*) (?:it|ihn|es|den|the|alles|everything)\b|\b(?:kopier|paste|liste?)\w* (?:mir |the |die )?(?:bitte )?(?:das |die |the )?(?:komplette|ganze|escalation|punkte|rules|regeln)",
    # extraction
    r"(?:intern\w*|hidden|geheim\w*|versteckt\w*) (?:notiz\w*|notes?|anweisung\w*|instructions?|regeln|rules|code)|\bcanary\b|(?:deine[mnr]?|your) (?:genauen |hidden |versteckten |exact )?(?:profil|profile|konfiguration|configuration|regeln|rules|guidelines|richtlinien|notizen|notes|anweisungen|instructions)\b|(?:contact|kontakt)\s?-?(?:adresse|address)\w*.{0,30}(?:given|intern|profil)|(?:e-?mail|adresse|address)\b.{0,40}\b(?:after-?sales|versand-?team|logistik)\b.{0,40}(?:offentlich|publicly|hier)|zitier\w*|cite your",
    # role play
    r"spiel (?:meine|mein|den|die|einen|eine)\b|stell dir vor,? du|imagine (?:you|you're)|antworte (?:wie|als) (?:ein|eine)|(?:reply|answer|respond) as (?:a|an)\b|ab (?:jetzt|sofort) (?:bist|schreibst|antwortest|gilt|gelten)|from now on,? (?:you|du)|developer mode|entwicklermodus",
    # fake turns and chat-template tokens
    r"<\|im_(?:start|end)\|>|^\s*#{2,}\s*(?:system|instruction|response|task|output|anweisung)|\[/?system\]|\"role\"\s*:|^\s*(?:entwickler|developer|assistent|assistant|kunde|user|system|admin)\s*:|\badmin hier\b|\bvom entwickler\b|(?:offiziell|official)\)?:",
    # links, images, markup the reply should contain
    r"!\[[^\]]*\]\(|\]\((?:https?:|www\.)|<\s*/?\s*(?:script|img|iframe|svg|style|form|input|meta|a|b|object|embed|link|body)\b|javascript:|\bon(?:error|load|mouseover|click)\s*=|(?:link|url|verlink\w*|bild|image)\b.{0,50}\b(?:antwort|reply|answer|einfug\w*|einbau\w*|hange?)\b|\b(?:poste?|teile?|share)\b.{0,15}\blink\b|(?:antwort|reply|answer)\b.{0,50}\b(?:link|url|verlink\w*)|(?:visit|besuch\w*|unter|at)\s+(?:www\.|https?://|bit\.ly)|tell (?:people|everyone|customers)|with everyone|in html\b",
    # promises demanded
    r"versprich\b|promise me|(?:code|gutschein\w*|voucher|coupon)\b.{0,40}\b(?:versprochen|promised)|(?:versprochen|promised)\b.{0,40}\b(?:code|gutschein|voucher|coupon|rabatt)|(?:als|zur|as|for) (?:kleine )?(?:wiedergutmachung|entschadigung|entschuldigung|compensation|apology)|to make up for|(?:code|gutschein\w*|voucher)\b.{0,30}\b[a-z]{2,}-?[a-z]*\d{2,}\b|(?:confirm|bestatig\w*)\b.{0,40}\b(?:offentlich|publicly|hier)",
    # encodings named
    r"dekodier\w*|decode|entschlussel\w*|rot-?13|ruckwarts\b|backwards|\bexecute\b|fuhr es aus|fuhre? .{0,20} aus",
]
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "і": "i",
        "х": "x",
        "у": "y",
        "ѕ": "s",
        "ј": "j",
        "ԁ": "d",
        "ɡ": "g",
        "ν": "v",
        "ο": "o",
        "α": "a",
    }
)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_SPACED = re.compile(r"(?<![^\W\d_])([^\W\d_])[-. ](?=[^\W\d_](?:[-. ][^\W\d_]|\b))")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")

POSITIVE = r"danke|thank|toll|super|lecker|liebe|love|mega|geil|great|best|gut\b|good|perfekt|perfect|schon\b|nice|cool|freu|happy|yay|genial|awesome|amazing|😍|❤|💛|😊|🥰|😋|🙌|👏|😄|😂|🤩|💯"
NEGATIVE = r"nicht|kein|nie\b|never|not\b|no\b|kaputt|schlecht|bad|bitter|argerlich|wutend|sauer\b|angry|unmoglich|enttausch|disappoint|falsch|wrong|fehlt|missing|problem|sofort|leider|schade|teur|expensive|hass|hate|scheiss|shit|😡|😠|🤬|😭|😢|👎|💩|🤡"
URGENT = r"sofort|asap|immediately|dringend|urgent|jetzt\b|right now|heute noch|endlich|seit (?:tagen|wochen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|immer noch|still\b|!!!|!!1|!1"


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[re.Pattern[str], float]]]:
    return {intent: [(re.compile(fold_pattern(p)), w) for p, w in cues] for intent, cues in INTENT_CUES.items()}


def _rx(pattern: str) -> re.Pattern[str]:
    return _cached_rx(pattern)


@lru_cache(maxsize=64)
def _cached_rx(pattern: str) -> re.Pattern[str]:
    return re.compile(fold_pattern(pattern), re.MULTILINE)


def intent_scores(text: str) -> dict[str, float]:
    """Score every intent by the weighted cues that occur in the text."""
    folded = fold(text)
    scores: dict[str, float] = {}
    for intent, cues in _compiled().items():
        score = sum(weight for rx, weight in cues if rx.search(folded))
        if score:
            scores[intent] = score
    return scores


def rank_intents(scores: dict[str, float]) -> list[str]:
    """Intents by score, ties broken by PRIORITY; 'other' when nothing matched."""
    ranked = sorted(scores, key=lambda i: (-scores[i], PRIORITY.index(i)))
    return ranked or ["other"]


def count(pattern: str, text: str) -> int:
    """How many times a cue pattern occurs in the folded text."""
    return len(_rx(pattern).findall(fold(text)))


def injection_suspected(text: str) -> bool:
    """True when the text (or a decoded form of it) tries to instruct the assistant."""
    cues = _injection_rx()
    return any(cues.search(fold(form)) for form in readings(text))


@lru_cache(maxsize=1)
def _injection_rx() -> re.Pattern[str]:
    """All injection cues as one pattern: one search per reading instead of one per cue."""
    return re.compile("|".join(f"(?:{fold_pattern(p)})" for p in INJECTION_CUES), re.MULTILINE)


def readings(text: str) -> Iterator[str]:
    """The text as written and as an attacker may have disguised it: homoglyphs, leetspeak,
    s-p-a-c-e-d letters, reversed, ROT13 and base64."""
    yield _INVISIBLE.sub("", text).translate(_HOMOGLYPHS)  # z​e​r​o-width between letters
    plain = _INVISIBLE.sub(" ", text).translate(_HOMOGLYPHS)
    yield plain
    yield plain.translate(_LEET)
    yield _SPACED.sub(r"\1", plain)
    yield plain[::-1]
    yield codecs.decode(plain, "rot13")
    for token in _BASE64.findall(plain):
        try:
            yield base64.b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
