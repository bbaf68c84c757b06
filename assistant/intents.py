"""Intent, sentiment, urgency and injection cues: weighted patterns over folded text."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold, fold_pattern

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
    ],
    "refund_request": [
        (r"geld zuruck|geld wieder|mein geld|money back|my money", 3.0),
        (r"(?:ruck)?erstatt\w*|refund\w*|gutschrift", 2.5),
        (r"storn\w*|widerruf\w*|cancel (?:my|the) order", 2.0),
        (r"zuruck ?(?:schicken|senden|geben)|retoure|send (?:it )?back|return (?:it|this|them|my)", 1.5),
    ],
    "damaged_or_wrong_item": [
        (r"kaputt angekommen|beschadigt|zerbrochen|aufgerissen|ausgelaufen|damaged|arrived broken", 3.0),
        (r"falsche?n? (?:sorte|kaffee|artikel|produkt|bohnen|paket|lieferung|ware)", 3.0),
        (r"wrong (?:item|coffee|product|beans|order|bag)|instead of", 3.0),
        (r"\bstatt\b.{0,60}\b(?:war|kam|ist|lag|drin)|anstatt", 2.5),
        (r"\bfehlt\b|fehlte|nicht (?:dabei|drin)|is missing|was missing", 2.0),
    ],
    "defect": [
        (r"defekt\w*|defective|funktioniert nicht|geht nicht mehr|stopped working|doesn.?t work", 2.5),
        (r"(?:muhle|grinder|kurbel|mahlwerk|griff|handle)\b.{0,40}(?:kaputt|abgebrochen|broke|klemmt|quietscht|wackelt|locker)", 3.0),
        (r"(?:kaputt|abgebrochen|broke|klemmt)\b.{0,40}(?:muhle|grinder|kurbel|mahlwerk|griff)", 3.0),
        (r"garantie|warranty|reparatur|repair", 1.5),
    ],
    "billing": [
        (r"doppelt (?:abgebucht|bezahlt|belastet|berechnet)|charged twice|double.?charged", 3.0),
        (r"abbuchung|abgebucht|lastschrift|rechnung|invoice|mahnung|overcharged|zu viel (?:bezahlt|berechnet)", 2.5),
        (r"paypal|kreditkarte|credit card|zahlung|payment|billing|bezahlung", 1.0),
    ],
    "delivery_problem": [
        (r"nicht (?:angekommen|zugestellt|geliefert|da)|nie angekommen|never arrived|not (?:arrived|delivered)|hasn.?t arrived", 3.0),
        (r"nich angekommen|immer noch nicht|still not|noch immer nicht", 2.0),
        (r"filiale|packstation|zusteller|nachbarn?|paketshop|post office|courier|dhl|hermes|zustellung", 1.5),
        (r"zuruck an (?:den )?absender|returned to sender|falsche adresse|wrong address|verloren|lost", 2.5),
        (r"keiner hat bescheid|ohne benachrichtigung|no notification", 2.0),
    ],
    "order_status": [
        (r"wo (?:bleibt|ist) (?:meine?|die|das|unser)\w* (?:bestellung|paket|lieferung|kaffee|abo|sendung)", 3.0),
        (r"wann (?:kommt|kommen|wird|werden|ist)\b.{0,40}(?:bestellung|paket|lieferung|versand|verschickt|da)", 2.5),
        (r"where (?:is|'s) my|when will (?:my|it)|order status|tracking|sendungsverfolgung|sendungsnummer", 3.0),
        (r"schon verschickt|already shipped|been shipped|versandbestatigung|status", 2.0),
        (r"(?:bestellung|paket|order)\b.{0,30}(?:noch nicht|not yet)", 1.5),
    ],
    "order_via_message": [
        (r"\b\d+\s?x\s+\w|\b\d+ (?:tuten|packungen|packchen|beutel|bags|kilo|kg)\b", 2.5),
        (r"hatte (?:gern|gerne)|mochte\b.{0,40}bestellen|ich bestelle|i.?d like to order|i want to order|can i order", 2.5),
        (r"lieferung (?:an|nach)|bitte (?:schicken|liefern|senden)|schickt mir|send me|deliver to", 2.0),
    ],
    "collaboration": [
        (r"kooperation|\bkoop\b|collab\w*|zusammenarbeit|partnership|partner\w*|sponsor\w*", 3.0),
        (r"influencer|content creator|ugc|media ?kit|pr.?paket|pr package|reichweite|follower", 2.0),
        (r"werbung machen|promote your|feature your|eure produkte vorstellen", 2.0),
    ],
    "criticism": [
        (r"unmoglich|enttauscht|enttauschend|disappointed|disappointing|frechheit|armutszeugnis", 3.0),
        (r"schlecht\w*|schlimm|worse|terrible|awful|unfreundlich|rude|arrogant|abzocke|rip.?off", 2.0),
        (r"zu teur|viel zu teur|too expensive|overpriced|preiserhohung|price increase|teur geworden", 2.5),
        (r"fruher\b.{0,60}(?:gab|war|besser)|nicht mehr so|used to be|schade|leider nicht mehr", 2.0),
        (r"warum (?:gibt es|habt ihr) (?:keine?n?|nicht)|why (?:don.?t|do not) you|argerlich|nervig|annoying", 1.5),
    ],
    "troll": [
        (r"uberbewertet|overrated|tee\s*>|tea\s*>|braucht kein mensch|nobody needs|wer trinkt", 2.5),
        (r"hipster|cringe|lame|langweilig|boring|bruh|schlafmittel", 1.5),
        (r"idiot\w*|dumm\w*|scheiss\w*|shit\w*|kacke?|fuck\w*|lacherlich|loser|clown|🤡|💩", 2.5),
    ],
    "product_question": [
        (r"\?", 1.0),
        (r"^(?:welche\w*|wie|was|wo|wann|gibt es|habt ihr|kann (?:ich|man)|sind|ist|do you|does|which|how|what|is there|are your|can i)\b", 1.5),
        (r"mahlgrad|grind|entkoffeiniert|koffeinfrei|decaf|haltbar|shelf life|recycl|versand|shipping|liefert ihr|deliver|rostgrad|roast|bohnen|beans", 1.0),
        (r"\b(?:office|buro)\b|workshop|abo\b|subscription|osterreich|schweiz|austria|switzerland", 1.0),
    ],
    "praise": [
        (r"lecker|bester?\b|beste[nmr]?\b|the best|best\b|love|liebe (?:euch|euren|eure|diesen)|mega|geil|großartig|grossartig|amazing|delicious|awesome|fantastic|perfekt|perfect|wunderbar|traumhaft|genial|gönnung|gonnung|yummy|so gut|richtig gut|really good", 2.0),
        (r"danke (?:euch|fur|dass)|thank you for|thanks for|weiter so|keep it up|top\b|empfehl\w*|recommend", 1.5),
        (r"😍|❤|💛|🥰|😋|🙌|👏|🤩|💯|🔥", 1.0),
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
    r"</?(?:system|assistant|user|im_start|im_end)>|^\s*(?:system|assistant)\s*:|\[/?inst\]|<<<|>>>\s*$",
    r"(?:rabatt|gutschein|discount|promo)\s?-?code\b.{0,60}(?:entschuldigung|apology|sorry|jetzt|now)|als entschuldigung|as an apology",
    r"base64|awdub3jl|1gn0r3|!gnore|ign0re",
]

POSITIVE = r"danke|thank|toll|super|lecker|liebe|love|mega|geil|great|best|gut\b|good|perfekt|perfect|schon\b|nice|cool|freu|happy|yay|genial|awesome|amazing|😍|❤|💛|😊|🥰|😋|🙌|👏|😄|😂|🤩|💯"
NEGATIVE = r"nicht|kein|nie\b|never|not\b|no\b|kaputt|schlecht|bad|bitter|argerlich|wutend|sauer\b|angry|unmoglich|enttausch|disappoint|falsch|wrong|fehlt|missing|problem|sofort|leider|schade|teur|expensive|hass|hate|scheiss|shit|😡|😠|🤬|😭|😢|👎|💩|🤡"
URGENT = r"sofort|asap|immediately|dringend|urgent|jetzt\b|right now|heute noch|endlich|seit (?:tagen|wochen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|immer noch|still\b|!!!|!!1|!1"


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[re.Pattern[str], float]]]:
    return {
        intent: [(re.compile(fold_pattern(p)), w) for p, w in cues]
        for intent, cues in INTENT_CUES.items()
    }


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
    """True when the text tries to instruct the assistant instead of talking to the brand."""
    folded = fold(text)
    return any(_rx(p).search(folded) for p in INJECTION_CUES)
