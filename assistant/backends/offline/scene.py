"""The composer's reading of a request: which situation this is, what may be said, and how.

The analysis says what the message is (intent, sentiment, sarcasm, questions, confidence, ...);
the scene turns that into what a reply needs: a situation with whole-reply templates, the facts
that answer each question (or an honest deferral that names it), the next step and its team,
and the safety rules: no cheer when the reading is negative, sarcastic or uncertain, no joke about
money or trouble, no "write us a DM" to someone whose complaint is about unanswered messages.

New analysis fields are read with getattr and a default, so the scene works with older analyses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from assistant.analysis.answers import (
    DEICTIC,
    DELIVERY_ASKED,
    FOLLOW_UP,
    MACHINES,
    METHODS,
    OWN_MISTAKE,
    POINTING_BACK,
    RESIDENT,
    TAX_ASKED,
    TODO_ASKED,
    WAGES_ASKED,
    beyond_facts,
    brewer_fact,
    brewers,
    care_untold,
    fact_words,
    grind_for_message_brewer,
    hits_by_fact,
    not_a_parcel,
    order_cancelled,
    own_brewers,
    wants_machine,
    without_days,
)
from assistant.analysis.intents import LATE_TOLD, ORDERED_OTHER, WINKED_DAMAGE, cue_scores
from assistant.analysis.irony import MEME, RIDDLE
from assistant.analysis.judgement import ILL, ILLNESS, INVOICE_FIX, ORDERED_TO, POLITICS, delivered_to
from assistant.analysis.normal import read as read_text
from assistant.analysis.parcels import someone_elses_parcel
from assistant.analysis.questions import MISSING_TOLD, PROMISED_CHECK, QUESTION_START, UNSURE, riddle
from assistant.analysis.reading import find_products, named_teams
from assistant.backends.base import GenerationRequest
from assistant.backends.offline.facts import relevant_facts, relevant_tips
from assistant.backends.offline.occasions import CALENDAR, COSTUME, is_moment, moment, occasion, post_moment
from assistant.backends.offline.questions import indirect, split_questions, sub_questions
from assistant.backends.offline.words import (
    _TITLE,
    ACCUSATION,
    OUR_WORLD,
    PROFANITY,
    TIME_NOUN,
    Phrase,
    capitalised_nouns,
    compound_nouns,
    country_of,
    duration,
    echo_word,
    first_name,
    is_weak,
    known_nouns,
    names_country,
    place,
    the_product,
    topic,
)
from assistant.guard.specific import CALL_ONLY
from assistant.models import UNHAPPY, Analysis, Message
from assistant.profiles.loading import Fact, VoiceProfile
from assistant.text import fold, given_names, has_phrase, is_stopword, table

# A defect the analysis is this sure of is after-sales' case, whatever its question ("is das normal??").
SURE_DEFECT = 0.7
UNSURE_DAMAGE = 0.5  # below this, a damaged-item reading with no damage named is a guess
# Below this confidence the drafts stay short and neutral, and the draft set says why.
LOW_CONFIDENCE = 0.3
NEGATIVE_SITUATIONS = frozenset(
    {
        "refund_request",
        "billing",
        "damaged_item",
        "wrong_item",
        "defect",
        "delivery_problem",
        "arrived_late",
        "order_status",
        "service_complaint",
        "service_general",
        "service_tone",
        "service_deleted",
        "deleting_claim",
        "backlash",
        "criticism",
        "price_criticism",
        "price_farewell",
        "cancel_subscription",
        "cancel_subscription_help",
        "cancel_subscription_stuck",
        "price_question",
        "price_rise",
        "price_rise_told",
        "misdelivered",
        "misdelivered_dm",
        "shipping_cost",
        "shipping_time",
        "taste_criticism",
        "accusation",
        "accusation_grave",
        "rumour",
        "refill_claim",
        "uncertain",
        "scam",
        "scam_contact",
        "scam_report",
        "voucher_problem",
        "voucher_problem_dm",
        "condolence",
        "condolence_help",
        "return_opened",
        "dropped_off",
        "left_outside",
        "shop_broken",
        "shop_paid",
        "packaging_criticism",
        "plastic_criticism",
        "taste_meh",
    }
)
# Situations about money or trouble: playful becomes its gentle form (the brand's tone rule).
NO_JOKE = NEGATIVE_SITUATIONS - {"taste_criticism"}
ESCALATING = {
    "stop_delivery": "logistics",
    "address_change": "logistics",  # "ich zieh am 15.10. um ... ne bestellung offen": the parcel to redirect
    "dropped_off": "logistics",
    "left_outside": "logistics",
    "misdelivered": "logistics",
    "misdelivered_dm": "logistics",
    "voucher_problem": "after_sales",
    "voucher_problem_dm": "after_sales",
    "refund_request": "after_sales",
    "return_request": "after_sales",
    "return_opened": "after_sales",
    "billing": "after_sales",
    "invoice_fix": "after_sales",  # an invoice made out again: the order number and what it should say
    "damaged_item": "after_sales",
    "wrong_item": "after_sales",
    "defect": "after_sales",
    "delivery_problem": "logistics",
    "order_status": "logistics",
    "shop_paid": "after_sales",  # paid while the shop failed: whether the money went through twice
    "cancel_subscription": "after_sales",  # a subscription ended in a message: the order number, passed on
    "cancel_subscription_help": "after_sales",  # ... by someone the account fails: the same, without the account
    "cancel_subscription_stuck": "after_sales",  # ... by someone who cannot find the way: the way, then the same
    "arrived_late": "logistics",  # the parcel's delay, the reading's team too (a voucher asked gets the policy's no)
}

_NEGATIVE_CUES = re.compile(
    r"immer noch|noch (?:immer )?nicht|nix|nichts|kaputt|leider|ärger|sauer|enttäusch|frechheit|unmöglich|"
    r"keine antwort|still no|never|nothing|broken|disappoint|worst|annoy|angry|ridiculous|thanks for nothing|"
    r"danke für nix|danke für nichts|unsäglich|schlecht|furchtbar|schrecklich|peinlich|katastroph|armselig|"
    r"lächerlich|unerträglich|widerlich|ekelhaft|schlimm|terrible|awful|🙄|😤|😡|🤬|👎|"
    # "'low acidity' my ass", "tastes like straight lemon juice": a complaint in a joke's clothes
    r"\bmy ass\b|\byeah right\b|\bvon wegen\b|\bam arsch\b|"
    # "you told me ... and now it's choking my machine lol what now": advice of ours gone wrong
    r"\bwhat now\b|\bchok\w{0,3}\b|"
    r"(?:tastes?|tasted|schmeckt|schmeckte) (?:like|wie|nach) (?:\w+ ){0,2}"
    r"(?:lemon|vinegar|ash|dirt|zitrone|essig|asche|spülwasser)",
    re.IGNORECASE,
)
# "Bestellnummer per Nachricht geschickt, aber bis jetzt kam nix zurück": the reply that never came (a service
# complaint, and a chase of what was sent)
_NO_REPLY_CAME = (
    r"\b(?:kam|kommt|came)\s(?:nix|nichts|nothing|no word|keine antwort)\s(?:zurück|back)\b"
    # "warte immer noch auf eine Antwort", "still waiting for a reply"
    r"|\bwarte\w{0,2} (?:immer )?noch auf (?:eine |ne )?(?:antwort|rückmeldung|reaktion)\b"
    r"|\bstill waiting (?:for|on) (?:a |an |your )?(?:reply|answer|response)\b"
)
_SERVICE = re.compile(
    r"(?:keine|ohne|nie (?:eine )?) ?antwort|nicht (?:geantwortet|zurückgeschrieben|gemeldet|reagiert)|"
    r"(?:nichts|nix|nie was|nie etwas) (?:mehr )?gehört|keine rückmeldung|(?:heard|haven.?t heard) nothing|"
    r"(?:haven.?t|have not|never) heard back|no response|"
    r"niemand (?:antwortet|meldet|reagiert)|(?:no|never got an?|without an?) (?:answer|reply|response)|"
    r"nobody (?:ever )?(?:answer|repl|respond)|(?:never|didn.?t|did not) (?:answer|reply|respond|hear back)|"
    r"ignoriert|ignored|does anyone (?:actually )?read|liest (?:das|hier) (?:überhaupt )?(?:jemand|wer)|null antwort|"
    r"(?:null|keine|ohne) reaktion|no reaction|zero response|"
    # slow, not missing: "why does it take a week to answer a DM?", "dauert ewig, bis jemand antwortet"
    r"(?:take|takes|taking|took) (?:a|one|two|three|\d+|so|this|that|like a)? ?(?:\w+ )?(?:weeks?|days?|long|forever"
    r"|ages)\w* to (?:answer|reply|respond|get back)|\bdauert\w{0,2}\b[^.!?]{0,30}\bbis (?:ihr|jemand|man|wer)"
    r" (?:antwortet|zurückschreibt|reagiert|sich meldet)|so lange? (?:für|auf) (?:eine |ne )?antwort"
    # "eine E-Mail wurde auch nicht beantwortet", "zweimal angerufen und nie durchgekommen", "couldn't get through"
    r"|nicht beantwortet|unbeantwortet|unanswered|nie durchgekommen|nicht durchgekommen|niemanden erreicht"
    r"|(?:couldn.?t|could not|never) get through|" + _NO_REPLY_CAME +
    # "hab euch vor 10 tagen wegen meiner mühle geschrieben ... und bis jetzt NIX", "emailed you, still nothing"
    r"|\b(?:geschrieben|gemailt|angeschrieben|wrote|messaged|emailed|e-mailed)\b[^.!?]{0,60}\b(?:bis jetzt|bis heute"
    r"|immer noch|noch immer|still|and) (?:nix|nichts|nothing|keine antwort|no reply)\b"
    # "drei Wochen auf eine Antwort warten", "waiting two weeks for a reply"
    r"|\b(?:wochen|tage|monate|weeks|days|months)\b[^.!?]{0,15}\b(?:auf|for) (?:eine |ne |an? )?(?:antwort|reply|answer"
    r"|response|rückmeldung)\b"
    # "have not received a single reply", "keine einzige Antwort"
    r"|(?:not|never|n.?t) (?:received|gotten|got) (?:a |an |any )?(?:single )?(?:reply|response|answer)"
    r"|keine (?:einzige|weitere) (?:antwort|rückmeldung|reaktion)"
    # "Ich warte seit einer Woche auf Antwort von eurem Kundenservice", "been waiting 5 days for a reply"
    r"|\bwarte\w{0,2} (?:schon |jetzt )?seit [^.!?]{0,30}\bauf (?:eine |ne |die )?(?:antwort|rückmeldung|reaktion)"
    r"|\bwaiting (?:for )?[^.!?]{0,20}\bfor an? (?:answer|reply|response)"
    # "I have DMed you 3 times about my order", "hab euch schon dreimal geschrieben": written again and again
    r"|\b(?:dm'?e?d|messaged|e-?mailed|wrote to|written to|contacted)\b[^.!?]{0,20}\b(?:\d+|two|three|four|several"
    r"|multiple) times\b|\b(?:(?:\d+|zwei|drei|vier)\s?(?:mal|x)|mehrfach|mehrmals)\b[^.!?]{0,20}\b(?:geschrieben"
    r"|angeschrieben|gemailt|nachgefragt)\b",
    re.IGNORECASE,
)
# Someone waiting and impatient, without saying for what ("und?? immer noch nix"): ask what it is about.
_WAITING = re.compile(
    r"immer noch (?:nix|nichts|keine?\b)|noch immer (?:nix|nichts)|warte (?:immer )?noch|^\W*und\s*\?{2,}|"
    r"still (?:nothing|waiting|no (?:reply|answer|news))|any news\b|gibt.?s (?:was )?neues|"
    r"still (?:says|shows|stuck|in preparation)|keine bewegung|no movement|seit (?:\d+|zwei|drei|vier|fünf) tagen|"
    r"(?:keine|noch keine|no|still no) (?:versandbestätigung|versandmail|shipping (?:confirmation|email))|"
    r"bis heute (?:kein\w{0,2}|nicht|nix|nichts)\b",
    re.IGNORECASE,
)
# Praise words that look back in disappointment ("Früher wart ihr so sympathisch ... Schade drum").
# A trouble put right and thanked for: "die Ersatzpackung ist heute angekommen", "a new one arrived 3 days later"
_PUT_RIGHT = re.compile(
    r"\b(?:ersatz\w{0,8}|replacement\w?|new one)\b[^.!?]{0,40}\b(?:angekommen|arrived|eingetroffen|came)\b"
    r"|\b(?:danke|thanks?|thank you) (?:für|for) (?:die|the) (?:schnelle|quick|fast) (?:hilfe|help)\b",
    re.IGNORECASE,
)
_DISAPPOINTED = re.compile(
    r"\bschade\b|\bfrüher (?:wart|war|hat|habt|gab)|nicht mehr so\b|leider nicht mehr|"
    r"used to be|not (?:the same|like before) anymore|no longer|what happened to (?:you|the)|\bsadly\b",
    re.IGNORECASE,
)
# "I got X but my order was Y", "gemahlen bestellt, aber ganze Bohnen bekommen": a wrong item, not an order.
# Up to 60 characters that say nothing came yet ("bis heute keine Versandbestätigung erhalten" is no other item)
_NOTHING_YET = (
    r"(?:(?!\b(?:kein\w{0,2}|nicht\w{0,2}|no|not|never|nothing|\w{0,12}bestätigung|confirmation|e-?mail|mail|antwort"
    r"|reply|tracking)\b)[^.!?]){0,60}"
)
_DAY_WORDS = (
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|gestern|vorgestern|morgen|am|nach|erst"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|alles|nichts|nix|was"
)
_WRONG_ITEM = re.compile(
    r"\b(?:got|received|bekommen|erhalten|geliefert|kam)\b.{0,60}\b(?:but|aber)\b.{0,40}\b(?:order|bestell)|"
    # "bestellt und bis heute keine Versandbestätigung erhalten" got nothing, let alone something else
    r"\b(?:bestellt|ordered)\b.{0,60}\b(?:aber|but|und|and)\b"
    r"(?:(?!\b(?:kein\w{0,2}|nicht\w{0,2}|no|not|never|nothing|\w{0,12}bestätigung|confirmation|e-?mail|mail|antwort"
    r"|reply|tracking)\b).){0,50}\b(?:bekommen|erhalten|geliefert|gekriegt|bekam|got|received|came|kam)\b"
    # "got the espresso instead of the Kiezmischung"; not "2 cups instead of 6" (a new year's resolution)
    r"|\b(?:got|received|sent|came|arrived|shipped|kam|geschickt|geliefert|bekommen)\b[^.!?]{0,60}\binstead of\b"
    r"|\binstead of\b[^.!?]{0,60}\b(?:i got|we got|came|arrived|was in|you sent)\b"
    r"|falsche sorte|wrong (?:item|coffee|bag|one|blend|beans)"
    # "ganze Bohnen bestellt, bekommen habe ich aber gemahlenen", "ordered espresso kreuzberg, got … earl grey"
    rf"|\b(?:bestellt|ordered)\b{_NOTHING_YET}\b(?:bekommen|erhalten|geliefert|gekommen|got|received|came|kam)\b"
    r"[^.!?]{0,30}\b(?:aber|but|stattdessen|instead)\b"
    # (never a date: "Ordered Tuesday, arrived Wednesday", "bestellt am Montag, kam am Dienstag")
    rf"|\b(?:bestellt|ordered)\b{_NOTHING_YET}[,;:–-]\s{{0,3}}(?:got(?!\s(?:it|them|mine|here|there|delivered|shipped)\b)"
    r"|gekommen ist|geliefert wurde|bekommen habe ich)\b"
    # "kiezmischung bestellt, espresso bekommen" (not "Montag bestellt, Dienstag bekommen": a date is no item)
    rf"|\b(?:bestellt|ordered)\b{_NOTHING_YET}[,;:–-]\s{{0,3}}(?!(?:{_DAY_WORDS})\b)[^\W\d_]{{3,20}}(?:\s[^\W\d_]{{3,20}})?"
    r"\s(?:bekommen|erhalten|geliefert)\b",
    re.IGNORECASE,
)
_ESCALATING_INTENTS = frozenset(
    {"refund_request", "billing", "defect", "delivery_problem", "order_status", "damaged_or_wrong_item"}
)
_ASKED_AGAIN = re.compile(
    r"keiner (?:antwortet|meldet sich|reagiert)|schon (?:zwei|drei|mehr)mal geschrieben|"
    r"(?:wrote|messaged|asked) (?:you )?(?:twice|three times|several times)|\basking again\b"
    r"|(?:nobody|no one|niemand) (?:has )?(?:answered|replied|antwortet)"
    # "you said youd check with the team whether ... Any news? Still waiting": our promise, chased
    r"|" + PROMISED_CHECK.pattern,
    re.IGNORECASE,
)
_CREATOR = re.compile(
    r"\bcreator|influencer|\bcollab|kooperation|\breview|\bfollower|\bcontent\b|\b\d+(?:[.,]\d)?k\b", re.IGNORECASE
)
# A call for attention that asks nothing of its own ("hallo??", "hello?", "leute??").
_CALL_ONLY = re.compile(r"^\W*(?:hallo|hallö\w*|hello|hi|hey|leute|guys|ihr da|jemand da|anyone)\W*$", re.IGNORECASE)
_DM_WORDS = re.compile(
    r"\b(?:dm|dms|dm'?e?d|direktnachricht|privatnachricht|nachricht|message|messaged|messenger|mail|e-mail)\b", re.I
)
_STOCK = re.compile(
    r"ausverkauft|nicht (?:mehr )?(?:lieferbar|verfügbar|erhältlich)|wieder (?:da|verfügbar|lieferbar|erhältlich|im)|"
    r"(?:noch|wieder) (?:vorrätig|auf lager|zu haben)|still in stock|"
    r"wann (?:gibt'?s|gibt es|kommt|kommen)\b.{0,40}\bwieder|sold out|out of stock|back in stock|restock",
    re.IGNORECASE,
)


def stocked_product(text: str, profile: VoiceProfile) -> str:
    """The product named in the sentence that says it is sold out or asks when it is back ("3. die Handmühle steht
    online als ausverkauft, wann kommt die wieder??"), or ""."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+|\s(?=\d\.\s)", text[:2000]):
        stock = _STOCK.search(sentence)
        named = find_products(sentence, profile) if stock else []
        if stock and named:  # "love the Kiezmischung, and is the Handmühle Kiez still in stock": the one nearest
            return min(named, key=lambda name: _distance(fold(sentence), name, profile, stock.start()))
    return ""


def _distance(folded: str, name: str, profile: VoiceProfile, at: int) -> int:
    """How far the nearest mention of a product (its name or an alias) stands from a position in a folded text."""
    product = next((p for p in profile.brand.products if p.name == name), None)
    spelled = [name, *(product.aliases if product else [])]
    found = [m.start() for s in spelled for m in re.finditer(re.escape(fold(s)), folded)]
    return min((abs(at - f) for f in found), default=len(folded))


# Someone waiting for what we do not have (yet): "wann kommt endlich", "still no", "any news on", "soon?".
_AWAITED = re.compile(
    r"\b(?:wann|when|endlich|immer noch|noch immer|still|schon|bald|soon|news|neuigkeiten|warte\w{0,2}|wait\w{0,3}"
    r"|vermisse\w{0,2}|miss(?:ing)?|zurück|back|again)\b",
    re.IGNORECASE,
)
_JOB = re.compile(
    r"minijob|nebenjob|aushilfe|praktikum|\bjob\b|bewerb\w*|stelle frei|sucht ihr (?:noch )?(?:leute|jemand|mitarbeit)|"
    r"arbeiten bei euch|hiring|part.?time|internship|apply for",
    re.IGNORECASE,
)
# "how do i reach you?", "an wen kann ich mich wenden?": a way to talk to us, which the collaboration reply gives
_REACH_US = re.compile(
    r"\b(?:how (?:do|can) i (?:reach|contact|get in touch)|who (?:do|should) i (?:talk|write|reach out) to|wie erreiche"
    r"|an wen (?:kann|soll|darf) ich mich wenden|wen (?:kann|soll) ich (?:anschreiben|kontaktieren|ansprechen)"
    r"|wie (?:kann|komme) ich (?:mit )?euch (?:erreichen|in kontakt))",
    re.IGNORECASE,
)
# Press asking for an article: its questions are answered, not met with a collaboration form.
_INTERVIEW = re.compile(
    r"\b(?:(?:kurzes |ein )?gespräch|interview\w{0,2}|zur verfügung (?:zu )?stehen|(?:quick |short )?(?:chat|call)"
    r" with|speak (?:to|with) (?:someone|one of you)|talk to (?:someone|one of you))\b",
    re.IGNORECASE,
)
_PRESS = re.compile(
    r"\b(?:blog\w{0,8}|artikel|article|journalist\w{0,4}|reportage|zeitung|magazin\w{0,2}|podcast|interview)\b", re.I
)
# A reply of ours that was curt or rude, not late: "felt pretty dismissive", "total von oben herab".
_DISMISSED = re.compile(
    r"\b(?:dismissive|condescending|patronizing|patronising|rude|snippy|curt|brushed (?:me )?off|arrogant\w{0,2}"
    r"|herablassend\w{0,2}|von oben herab|unfreundlich\w{0,2}|patzig\w{0,2}|abgewimmelt|pampig\w{0,2}"
    r"|schnippisch\w{0,2})\b",
    re.IGNORECASE,
)
# The writer's own manners, not ours: "i'm not trying to be rude", "nicht unfreundlich gemeint", "sorry to be rude"
_OWN_MANNERS = re.compile(
    r"\b(?:not (?:trying|meaning|wanting|want) to (?:be|sound)|(?:i'?m|i am) not being|don'?t (?:mean|want) to (?:be"
    r"|sound)|sorry to (?:be|sound)|without being|no offen[cs]e,? (?:but )?(?:not )?)\s(?:\w+\s)?(?=\w+$)"
    r"|\bnicht\s(?:\w+\s)?$|\bwill nicht\s(?:\w+\s)?$",
    re.IGNORECASE,
)


# An earlier message of theirs that went unanswered: "ich hatte euch am Montag geschrieben ... Seitdem habe ich nichts
# mehr gehört", "I already emailed you twice, still nothing": their case is chased, they are not asked to start over.
_WROTE_BEFORE = re.compile(
    r"\b(?:hatte|habe|hab)\s(?:euch|ihnen|dir|bei euch)\s(?:\w+\s){0,16}?(?:geschrieben|geschickt|gemeldet|angerufen"
    r"|gemailt)\b|\b(?:schon|bereits)\s(?:\w+\s){0,4}?(?:geschrieben|geschickt|gemeldet)\b"
    # "Hab ich vor 3 Tagen geschickt"
    r"|\b(?:hatte|habe|hab) ich\s(?:\w+\s){0,5}?(?:geschrieben|geschickt|gemeldet|gemailt)\b"
    r"|\bi(?:'ve| have)? (?:already |had )?(?:wrote|written|messaged|emailed|e-mailed|dm'?d|sent) (?:you|u)\b"
    r"|\b(?:already|previously) (?:sent|wrote|messaged|emailed)\b",
    re.IGNORECASE,
)
_NOTHING_SINCE = re.compile(
    r"\b(?:nichts|nix) (?:mehr )?gehört|keine (?:antwort|rückmeldung|reaktion)|was neues|gibt es (?:schon )?was"
    r"|any (?:update|news)|still (?:no|nothing|waiting)|heard nothing|(?:haven.?t|have not|never) heard|no (?:reply"
    r"|answer|response)|seitdem|since then|(?:nichts|nix) (?:ist )?passiert|nothing (?:has )?happened"
    r"|(?:tut|passiert) sich (?:nichts|nix)"
    # "ihr meintet, ihr meldet euch. Bis jetzt: nichts.", "so far: nothing"
    r"|(?:bis jetzt|bisher|bis heute|so far|until now)\W{0,3}\s?(?:nichts|nix|nothing|nada|gar nichts)\b"
    # "Foto hab ich euch ja geschickt. Hört man da noch was oder war's das?"
    r"|hört man (?:da |von euch )?(?:noch )?(?:was|etwas)|war'?s das\b|is that it\b|(?:hear|heard) anything|"
    + _NO_REPLY_CAME,
    re.IGNORECASE,
)


def _told_before(request: GenerationRequest) -> str:
    """What the person said in the thread's last turns (not ours, "<Brand>: ..."): a follow-up's case was told there."""
    ours = (f"{fold(request.profile.brand.name)}:", "brand:", "we:", "wir:")
    return "\n".join(t for t in request.message.thread[-3:] if not fold(t.lstrip()).startswith(ours))


def chasing(text: str) -> bool:
    """The person wrote to us before about this case and heard nothing since."""
    return bool(_WROTE_BEFORE.search(text) and _NOTHING_SINCE.search(text))


def _dismissed(text: str) -> bool:
    """Our reply was curt or rude, by the writer's account (their own "not trying to be rude" aside)."""
    return any(not _OWN_MANNERS.search(text[max(0, m.start() - 40) : m.end()]) for m in _DISMISSED.finditer(text))


# An order to go to another address: "noch meine alte Adresse drin, bin umgezogen", "wrong address on my order".
# A question after the whereabouts of an order: "wo bleibt", "wann kommt", "has it shipped", "tracking".
_WHEREABOUTS = re.compile(
    r"\b(?:wo\b|wohin|wann (?:kommt|kommen|ist|wird)|where|when (?:will|does|is|do)|arriv\w{0,3}|ankomm\w{0,3}"
    r"|angekommen|unterwegs|verschickt|versendet|shipped|sent|status|tracking|sendungsverfolgung|da sein|there"
    r"|lost|verloren|verschwunden|still nothing|noch nichts|dispatch\w{0,3}|when (?:my|it)|wann (?:meine?|mein)"
    r"|rausgeht|raus)\b",
    re.IGNORECASE,
)
# A parcel already on its way that the person wants held back: "kann man die noch stoppen oder umleiten?"
_STOP_PARCEL = re.compile(
    r"\b(?:noch )?(?:stoppen|anhalten|umleiten|zurückhalten|stop (?:it|the (?:delivery|parcel|order|shipment))"
    r"|redirect|reroute|hold (?:it|the (?:parcel|delivery|shipment)) back)\b",
    re.IGNORECASE,
)
# The parcel is already there: "laut DHL zugestellt", "marked as delivered", "wurde ... abgegeben"
_DELIVERED_ALREADY = re.compile(
    r"\b(?:zugestellt|abgegeben|ausgeliefert|(?:marked as |shows (?:as )?|was |been |got )delivered"
    # "trotzdem ging das Abo-Paket an die alte Wohnung", "it went to my old address": sent already, too late
    r"|(?:ging|gingen|kam|kamen|geschickt|verschickt|geliefert|gegangen)\b[^.!?]{0,30}\ban (?:die|meine) alte"
    r"|(?:went|was sent|got sent|was shipped|arrived) to (?:my|the) old)\b",
    re.IGNORECASE,
)
_SUBSCRIPTION = re.compile(r"\b(?:abo\w{0,8}|abonnement\w{0,2}|subscription\w?)\b", re.IGNORECASE)
_ADDRESS_CHANGE = re.compile(
    r"\b(?:alte[nr]? adresse|falsche[nr]? adresse|adresse (?:ändern|korrigieren|anpassen)|neue[nr]? adresse"
    r"|old address|wrong address|change (?:the|my) (?:delivery |shipping )?address|new address"
    r"|(?:my |the )?old (?:place|flat|apartment)|alte[nr]? wohnung"
    r"|(?:liefer|versand)?adresse (?:ist )?(?:noch|immer noch) (?:die )?(?:alte|von)"
    r"|(?:hausnummer|postleitzahl|plz|straße|strasse|adresse|house number|postcode|zip code|address)\b[^.!?]{0,40}"
    r"\b(?:vertauscht|verdreht|vertippt|falsch angegeben|typo|wrong)"
    r"|(?:shipping|delivery) address is still)\b",
    re.IGNORECASE,
)
# A move told by its two places: "ich zieh am 15.10. von neukölln nach pankow"
MOVING_FROM_TO = r"\b(?:ich|wir) zieh\w{0,2}\b[^!?\n]{0,30}?\bvon [\w-]{3,25} nach\b"
# "umgezogen", "just moved": an address change only for someone with an order ("just moved to Kreuzberg" is news).
_MOVED = re.compile(
    r"\b(?:umgezogen|ziehe? (?:gerade )?um|just moved|i moved|moved (?:in)?to|moving (?:flats?|house|out|home)"
    rf"|umzug)\b|{MOVING_FROM_TO}",
    re.IGNORECASE,
)
_OPEN_ORDER = re.compile(
    r"\b(?:bestellung|order)\w{0,2} (?:\w+ ){0,2}(?:offen|unterwegs|on its way|pending|open)\b"
    r"|\b(?:offene|laufende) bestellung|\b(?:open|pending) order\b",
    re.IGNORECASE,
)
_OWN_ORDER = re.compile(
    r"\b(?:my|meine?[nr]?|i|ich|hab|habe)\b.{0,25}\b(?:order|bestell|paket|parcel|package|sendung|lieferung|abo"
    r"|subscription)|\bbestellt\b|\bordered\b|\b\d{5,}\b",
    re.IGNORECASE,
)
# What the person says they did already: "I paused my subscription", "hab das Abo gekündigt".
# A gift one has already: "i already own the exact same one", "die hab ich schon".
_OWN_ALREADY = re.compile(
    r"\b(?:already (?:own|have|got)|(?:hab|habe|hatte) (?:ich )?(?:die|den|das|sie|ihn|es|so eine?n?) (?:schon|bereits)"
    r"|doppelt (?:geschenkt|bekommen)"
    # "hab aus versehen espresso kreuzberg bestellt statt kiezmischung": their own wrong order, nothing sent wrong
    r"|(?:aus versehen|versehentlich|by mistake|accidentally)\b[^.!?]{0,40}\b(?:bestellt|ordered)"
    r"|(?:accidentally|mistakenly) ordered|falsch bestellt|verbestellt|ordered the wrong)\b",
    re.IGNORECASE,
)
_DONE_ALREADY = re.compile(
    r"\b(?:i|i've|i have|i had|ich|hab|habe|hatte)\b[^.!?]{0,30}\b(?:paused|pausiert|cancell?ed|gekündigt|unsubscribed"
    r"|storniert|returned|zurückgeschickt)\b",
    re.IGNORECASE,
)
# Someone who was there already: "just did your cupping workshop", "war letzten Samstag beim Workshop"
_ATTENDED = re.compile(
    r"\b(?:just did|did|took|attended|was at|went to|been to|loved|war(?:en)?|hab(?:e)?|hatte|nach)\b[^.!?]{0,30}"
    r"\b(?:your|the|euren?|eurem|dem|den|beim|im)\s(?:\w{1,15}\s)?(?:\w{0,12}workshop|\w{0,12}kurs|course|class)\b"
    r"(?![^.!?]{0,20}\b(?:buchen|book|machen|besuchen|anmelden|sign up)\b)",
    re.IGNORECASE,
)


# An answer thanked for: "Danke für die schnelle Antwort gestern wegen dem Abholen!", "thanks for the info on the abo"
_TOLD_BEFORE = re.compile(
    r"\b(?:danke|thanks|thank you|thx)\b[^.!?]{0,25}\b(?:antwort|info\w{0,6}|auskunft|answer|reply|tipp?s?|tips?)\b"
    r"[^.!?]{0,40}",
    re.IGNORECASE,
)


def _was_there(text: str, fact: Fact) -> bool:
    """The person was at what the fact tells about already ("just did your cupping workshop") or thanks for our answer
    about it ("Danke für die Antwort gestern wegen dem Abholen"): they know it."""
    known = [m.group() for rx in (_ATTENDED, _TOLD_BEFORE) if (m := rx.search(text))]
    return any(_keyword_in(k, said) for said in known for k in fact.keywords)


# A joke about the price: "bei dem Preis erwarte ich ...", "for that price I expect ...".
# Tired of our ads: "das 6. mal heute in meiner fyp", "another grinder ad", "schon wieder Werbung".
_AD_FATIGUE = re.compile(
    r"\b(?:\d{1,2}\.? ?mal\b[^.!?\n]{0,40}\b(?:fyp|feed|timeline|for ?you)|(?:fyp|feed|timeline)\b[^.!?\n]{0,30}"
    r"\b(?:schon wieder|again|ständig|dauernd|every)|(?:schon wieder|noch eine|another|so many|ständig|dauernd)"
    r" (?:\w{1,12} )?(?:werbung|anzeige|ads?|sponsored))\b",
    re.IGNORECASE,
)
_PRICE_JAB = re.compile(
    r"\b(?:bei (?:dem|diesem|den|diesen) preis\w{0,2}|für (?:den|diesen|das) (?:preis|geld)"
    r"|at (?:that|this|these|those) prices?|for (?:that|this|the) (?:price|money))\b",
    re.IGNORECASE,
)


def _broken(text: str) -> bool:
    """Something arrived broken, wrong or stopped working ("bin ich hier falsch?" is the wrong place, no wrong item)."""
    loose = re.sub(r"\b(?:falsch\w{0,2}|wrong)\b", " ", text, flags=re.IGNORECASE)
    return bool(_DAMAGE.search(text) or _swapped(text) or _WRONG_GOODS.search(text) or _BROKEN.search(loose))


# A wrong item, by the item: "falsche Sorte geliefert", "got the wrong grind", "wrong bag"
_WRONG_GOODS = re.compile(
    r"\b(?:falsch\w{0,2}|wrong)\s(?:\w{1,12}\s)?(?:geliefert|bekommen|verschickt|sorte|kaffee|tüte|mühle|bohnen"
    r"|artikel|mahlgrad|packung|item|bag|order|product|coffee|grind|size|beans|parcel|paket|bestellung|lieferung)\w{0,2}\b"
    r"|\b(?:geliefert|bekommen|verschickt|sent|delivered|got|received)\b[^.!?]{0,30}\b(?:falsch\w{0,2}|wrong)\b",
    re.IGNORECASE,
)
_BROKEN = re.compile(
    r"\b(?:kaputt\w{0,2}|defekt\w{0,2}|broken|klemmt|quietsch\w{0,3}|funktioniert nicht|geht nicht mehr|wackel\w{0,3}"
    r"|wobbl\w{0,3}"
    r"|locker|loose|stopped working|doesn'?t work|squeak\w{0,3}|beschädigt|damaged|falsch\w{0,2}|wrong"
    r"|slipp\w{0,3}|keeps? (?:falling|coming) off|rutscht\w{0,2}|springt (?:immer )?(?:ab|raus))\b",
    re.IGNORECASE,
)
# Something of ours that works badly, ironic or not: "die Handmühle klappert innen ... mahlt ungleichmäßig. Toll."
_RATTLES = re.compile(
    r"\b(?:klapper\w{0,3}|rattl\w{0,3}|ungleichmäßig\w{0,2}|uneven\w{0,2}|wackel\w{0,3}|wobbl\w{0,3}|quietsch\w{0,3}"
    r"|squeak\w{0,3}|klemmt|stuck)\b",
    re.IGNORECASE,
)
# A part of something of ours that broke: "kurbel bricht ab", "the handle snapped", "Mühle ist kaputt"
_BREAKS = re.compile(
    r"\b(?:bricht (?:\w{1,20} )?ab|brach (?:\w{1,20} )?ab|abgebrochen|broke off|snapped|kaputt\w{0,2}|defekt\w{0,2}"
    r"|broken|funktioniert nicht mehr|geht nicht mehr|stopped working|doesn'?t work any ?more)\b",
    re.IGNORECASE,
)


def _defect_told(text: str, profile: VoiceProfile) -> bool:
    """A defect of something of ours is told ("Kurbel abgebrochen", "mühle (kurbel bricht ab)"), whatever else is."""
    strong = cue_scores(fold(text)).get("defect", 0.0) >= STRONG_DEFECT
    return strong or bool(_BREAKS.search(text) and find_products(text, profile))


# One's own job, not one with us: "neuer Job, andere Schichten", "my new job".
_OWN_JOB = re.compile(
    r"\b(?:neue[rnm]?|mein\w{0,2}|new|my)(?: (?:first|erste[nrm]?|new|neue[nrm]?))? (?:\w+ )?(?:job|schichten|arbeit)\b"
    r"|\b(?:starting|start|beginne|fange) (?:my|meine[nr]?|a|einen?) (?:\w+ ){0,2}(?:job|ausbildung|stelle)\b",
    re.IGNORECASE,
)
# A problem feared, not had: "nicht dass meine nächste Lieferung ausfällt", "don't want it to sit at the neighbour's".
_WORRY = re.compile(
    r"\bnicht,? dass (?:meine?|die|das|der|unser\w*) (?:nächste\w* )?(?:lieferung|paket|abo|bestellung|tüte|box)"
    r"|\b(?:don'?t|do not) want (?:it|my \w+|the \w+) to\b"
    # "Is it safe to order beans right now in this heat?", "kann man bei der Hitze überhaupt bestellen?": asked ahead
    r"|\b(?:safe|ok|okay|wise|a good idea) to order\b|\bwill (?:they|it|the beans|the coffee) (?:arrive|survive|be)\b"
    r"|\b(?:kann|sollte) (?:man|ich) (?:\w+ ){0,4}(?:überhaupt |noch |gerade |jetzt )?bestellen\b",
    re.IGNORECASE,
)
# A gift voucher the checkout refuses: "beim bezahlen steht immer 'code ungültig'", "gift card code doesn't work".
_VOUCHER_REFUSED = re.compile(
    r"\b(?:gutschein\w{0,6}|voucher|gift ?card|geschenkkarte|gutscheincode)\b[^.!?\n]{0,80}"
    r"\b(?:ungültig|ungueltig|invalid|funktioniert nicht|geht nicht|klappt nicht"
    r"|wird nicht (?:angenommen|akzeptiert)|(?:does ?n.?t|won.?t|will not|is ?n.?t) (?:work|accepted|valid)"
    r"|not (?:working|accepted|valid)|abgelehnt|declined)",
    re.IGNORECASE,
)
_NO_REPLACEMENT = re.compile(
    r"\b(?:keinen ersatz|kein ersatz|keine neue\w?|no replacement|(?:don'?t|do not) want a (?:replacement|new one))\b",
    re.IGNORECASE,
)
# Someone who received a scam asks whether it is us: thanked and told, never warned against as the scammer.
_REPORTED_SCAM = re.compile(
    r"\b(?:is (?:that|this|it) (?:really |actually )?(?:you|legit|real)|seid ihr das|wart ihr das"
    r"|ist das (?:echt|wirklich|von euch)|wirklich von euch"
    r"|(?:got|received|bekommen|erhalten|gekriegt) (?:a |an |eine? )?(?:message|dm|nachricht|mail|e-mail)"
    r"|seems? (?:a bit )?(?:off|fishy|sketchy)|kommt mir (?:komisch|seltsam)|fake\?)",
    re.IGNORECASE,
)
# A web address: "meta-verify-support.co/acc"
_DOMAIN = re.compile(
    r"\b[\w-]{2,40}\.(?:co|com|info|net|org|xyz|io|me|site|online|live|app|de|example|ly|page|support|help|top|click"
    r"|link|biz|shop|store|tk|ru|cn)(?:/\S*)?(?!\w)|\b[\w-]{2,40}\.[a-z]{2,10}/[\w/.-]{1,80}",  # any domain with a path
    re.I,
)
# A stranger's contact pushed on readers ("contact him on WhatsApp", "schreibt ihr auf Telegram") ...
_CONTACT_PUSHED = re.compile(
    r"\b(?:whats ?app|telegram|signal|contact (?:him|her|them|me)|message (?:him|her|them)|kontaktier\w{0,3}"
    r"|schreib\w{0,2} (?:ihm|ihr|ihnen|mir)|meldet euch bei|dm (?:him|her|them|me)|just dm"
    r"|schreibt? (?:ihm|ihr) ne dm)\b",
    re.IGNORECASE,
)
# ... with money made fast: "I earn 8,500€ weekly from crypto trading", "passives Einkommen"
_MONEY_MADE = re.compile(
    r"\b(?:crypto|krypto\w{0,8}|bitcoin|forex|trading|invest\w{0,6}|earn\w{0,3}|verdien\w{0,3}|income|einkommen"
    r"|profit\w{0,2}|gewinn\w{0,2}"
    # "I turned 500€ into 12k in 3 weeks", "aus 500 € wurden 12.000"
    r"|turned \S{1,10} into \S{1,10}|(?:aus|from) \d[\d.,]{0,8} ?(?:€|euro|\$|k)\b[^.!?]{0,20}\b(?:wurden|into|to))\b",
    re.IGNORECASE,
)
_SCAM = re.compile(
    r"gewinner|gewonnen|gewinnspiel|verlosung|verlost|verlosen|giving away|winner|you (?:have )?won|giveaway"
    r"|bestätigen sie|daten bestätigen|"
    r"gewinn sichern|daten eingeben|claim (?:your )?prize|enter your (?:details|data)|"
    r"confirm your (?:details|data)|claim your|(?:gratis|free|kostenlose?s?) (?:iphone|ipad|playstation|ps5|airpods)"
    r"|für die ersten \d+|for the first \d+ (?:people|followers)|community (?:standards|guidelines)"
    r"|page (?:will be|has been) (?:deleted|disabled|suspended)|verify your (?:account|page)"
    r"|community-?richtlinien|gemeinschaftsstandards|jetzt verifizieren|verify (?:now|here)"
    r"|(?:konto|account|seite|profil)\b[^.!?]{0,90}\b(?:gesperrt|gelöscht|deaktiviert|suspended|locked|banned|deleted"
    r"|disabled|removed)|(?:confirm|verify) your identity|identität (?:bestätigen|verifizieren)"
    r"|copyright (?:violation|infringement|strike)|urheberrechtsverletzung"
    r"|\b(?:login|log in|anmeld\w{0,3})\b[^.!?]{0,40}\b(?:passwort|password|kennwort)"
    # "your order has been placed ON HOLD ... confirm your card details within 24 hours here": a fake order notice
    r"|confirm your (?:card|payment|billing|bank)(?: details| data| information)?"
    r"|(?:karten|zahlungs|bank)(?:daten|informationen)\b[^.!?]{0,30}\b(?:bestätigen|eingeben|aktualisieren)"
    r"|\b(?:on hold|zurückgehalten|angehalten)\b[^.!?]{0,60}\b(?:payment|zahlung)\b"
    # "To avoid suspension, confirm your login within 24h here: bit.ly/...": a fake platform notice
    r"|confirm your (?:login|account|log-in)|avoid (?:suspension|deactivation|a ban)|permanent(?:ly)? ban\w{0,3}"
    r"|(?:sperrung|löschung) (?:zu )?vermeiden|login (?:bestätigen|verifizieren)",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"preis|teuer|teurer|teur|euro|€|\bkosten|\bkostet|günstig|gunstig|billig|price|expensive|pricey|cheap|supermarkt"
    r"|pay more|half the price|discounter|\d[,.]\d\d (?:€ |euro )?(?:versand|shipping)|"
    r"\bpaying\b|"
    r"\bpay for\b|\bzahlen für|\bbezahlen für|versandkosten|porto|shipping costs?|shipping fees?|postage"
    r"|\d[,.]\d\d\s?(?:pro|per|a|/)\b|gerechnet|rechnet sich|bezahlt sich|pays for itself"  # "0,38 pro tasse ja klar"
    # "heute zahlt man für so ein kleines Tütchen ein Vermögen. Abzocke!!!": a price called a rip-off, no fraud
    r"|\bein vermogen\b|\ba fortune\b|\bgekostet\b|\b\d+ (?:mark|dm)\b"
    # "Supermarket coffee costs a third": a price compared
    r"|supermarket|\bcosts? (?:a third|half|twice|double|less|more|only|just)\b"
    # "kaffee für nen zehner die tüte ... abzocke": a price named in slang, a rip-off called
    r"|\b(?:nen|einen|'?nen) (?:zehner|zwanni|zwanziger|fünfer|hunni)\b|\babzocke\b|\brip-?off\b|\bripoff\b"
)
# Matched on folded text too, where "sauer" reads "saur" and "schmecken" keeps its stem.
_TASTE = re.compile(
    r"sauer|saur|bitter|schmeckt|schmeck|geschmack|wässrig|wassrig|flach|verbrannt|sour|taste|watery|burnt|stale"
)
# A taste gone wrong, said of the coffee: "schmeckt voll bitter", "tastes so sour".
# Faults of taste: "bitter", "sauer", "verbrannt", "wässrig", "muffig"
_FAULTS = r"bitter|sauer|sour|verbrannt|burnt|wässrig|watery|stale|muffig"
_BAD_TASTE = re.compile(
    rf"\b(?:schmeckt|schmecken|tastes?|tasting)\b(?:\s\w{{1,12}}){{0,4}}\s(?:{_FAULTS}|flat|fad|flach|komisch|weird"
    r"|off)\b",
    re.IGNORECASE,
)
_FRIEND = re.compile(
    r"\b(?:mein|meine) (kumpel|freund|freundin|schwester|bruder|mutter|vater|mama|papa|nachbarin|nachbar)\b"
    r"|\bmy (friend|mate|sister|brother|mom|mum|dad|neighbou?r)\b",
    re.IGNORECASE,
)
_FEMININE = {"freundin", "schwester", "mutter", "mama", "nachbarin"}
_DAY = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_LATE = re.compile(
    r"(?:immer noch|noch immer|noch nicht|still)\b.{0,25}\b(?:nix|nichts|nicht|kein\w*|no|not|nothing)\b.{0,25}"
    r"\b(?:da|angekommen|geliefert|bekommen|here|arrived|parcel|package|delivery)\b|"
    r"nicht angekommen|nie angekommen|nix angekommen|nichts angekommen|wo bleibt|seit \S+ \w+ unterwegs|"
    r"still no (?:parcel|package|delivery|order)|hasn.?t arrived|never arrived|not arrived|no sign of (?:my|the)|"
    r"kommt (?:nix|nichts|nie) (?:pünktlich|an)|nicht pünktlich|nix pünktlich|schon wieder zu spät|late again|"
    # "Third time my subscription bag is late", "das Abo-Paket ist wieder zu spät"
    r"(?:parcel|package|delivery|order|bag|box|subscription|paket|lieferung|bestellung|abo)\w{0,8} (?:is|was|ist|war)"
    r" (?:\w{1,8} )?(?:late|zu spät)|"
    r"(?:shows? up|showed up|turn(?:s|ed)? up|arrives?|arrived|came|comes) late|verspätet"
    r"|\b(?:kommt|kam|kommen|kamen)\b(?: \w+){0,3} zu spät\b|"
    r"(?:ordered|bestellt)\b[^.!?]{0,40}\b(?:are |is |sind |ist )?(?:nowhere|nirgends|keine spur)\b|"
    # "bestellt am montag, heute is samstag": the days counted, no "immer noch" needed
    rf"(?:bestellt|ordered)(?: am| on)? {_DAY}\W{{1,4}}(?:und |and )?(?:heute|today)(?: is| ist|'s|s)? {_DAY}|"
    # "ordered last tuesday ... its been 6 days now": the days counted since the order
    r"(?:ordered|bestellt)\b.{0,80}\b(?:it'?s|its|it has) been (?:\d{1,2}|five|six|seven|eight|ten|two|three)"
    r" (?:days|weeks)\b|"
    # "still waiting on mine from 11 days ago 🙃": the days counted
    r"(?:still waiting|warte (?:immer )?noch)\b.{0,30}\b(?:\d{1,2}|zwei|drei|vier|fünf|two|three|four|five)\s"
    r"(?:days?|tage|tagen|wochen|weeks?)\b|"
    # "„2-3 werktage“ haha der war gut 😂 tag 8": the promised days quoted, and the day it is now
    r"(?:werktage|working days|business days)\b.{0,40}\b(?:tag|day)\s?\d{1,2}\b"
    # "'fast shipping' ... Day 5 and counting 🙃": the days counted since the order
    r"|\b(?:day|tag) \d{1,2} (?:and counting|und (?:ich )?(?:zähle|warte)|of waiting|ohne (?:paket|kaffee))\b",
    re.IGNORECASE,
)
# Unable to taste or smell (a cold, hay fever): "ich schmeck nich mal mehr euren espresso", "can't even taste"
_CANT_TASTE = re.compile(
    # never "schmeckt endlich nicht mehr bitter": a taste that is gone, not the sense of taste
    r"(?i:\b(?:schmeck|riech)\w{0,2} (?:\w+ ){0,2}(?:nicht|nich|net|nix|nichts) (?:mal )?mehr\b"
    r"(?! (?:so )?(?:bitter|sauer|verbrannt|säuerlich|wässrig|nach)\b)"
    r"|\b(?:nicht|nich|net) mal mehr\b[^.!?]{0,30}\b(?:schmeck|riech)\w{0,2}"
    r"|\bcan'?t (?:even )?(?:taste|smell)\b|\b(?:lost|no) (?:my )?(?:sense of )?(?:taste|smell)\b)"
)
_MOCKERY = re.compile(
    r"pretentious|snob|hipster|überbewertet|overrated|cringe|lächerlich|peinlich|affig|wichtigtuer|clowns?\b|lmao|"
    r"\bimagine (?:paying|buying|spending)|verbrennt ihr|briketts?\b|charcoal briquettes?"  # "oder verbrennt ihr die?"
    r"|\b(?:look|looks|taste|tastes|schmeck\w{0,2}|sieht|sehen|aussehen)\b[^.!?]{0,15}\b(?:burnt|burned|verbrannt)\b"
    # "this is literally just burnt beans and a ring light 💀": "too real" would agree
    r"|\b(?:burnt|burned|verbrannte?n?) (?:beans|bohnen|coffee|kaffee)\b"
    r"|\bdoes (?:this|it) (?:way |so much )?better\b|\bmacht (?:das|es) (?:viel |deutlich |eh )?besser\b"
    # "L + ratio + your roaster looks like a lord of the rings extra": a dig at a person's looks
    r"|\bratio\b|(?<!\w)L\s?\+|\blooks? like (?:a|an) [^.!?]{0,30}\bextra\b"
    r"|\bsieht aus wie\b[^.!?]{0,30}\b(?:statist|komparse)",
    re.IGNORECASE,
)
_SARCASM = re.compile(
    r"thanks for nothing|danke für (?:nix|nichts)|na toll|na super|great service|toller service|super service|"
    r"klasse service|spitzen service|👏|🙃|slow clap|\bwow\.|yeah right|ganz toll",
    re.IGNORECASE,
)
_NEGATIVE_FACT = re.compile(
    r"still no|immer noch|noch nicht|kaputt|broken|nicht angekommen|no answer|keine antwort|never arrived|"
    r"nie angekommen",
    re.IGNORECASE,
)
# "was mach ich falsch", "any tips": a problem put to us even without a question mark
_ASKING = re.compile(
    r"\b(?:was|wie|warum|wieso|welche\w*|what|how|why|which|falsch|wrong|hilfe|help|tipps?|tips?)\b", re.I
)
_CONTENT = re.compile(r"😌|😊|☺️|🥰|😍|😄|😂|🤣|😅|🫶|\blol\b|\bhaha|\bpov\b", re.IGNORECASE)
# Signs of fondness without words (coffee, hearts, fire, a melting face after a strong cup).
_FOND_SIGNS = re.compile(r"☕|🫘|❤|💛|🧡|😍|🥰|🔥|🙌|🫶|😋|🤤|🫠|😂|🤣")
# Words of someone ordering: a message without them orders nothing ("ich nach dem 4. Espresso: send help").
_ORDERING = re.compile(
    r"bestell|kauf|order|buy|hätte gern|haette gern|möchte|moechte|schick\w* mir|send me|liefer|deliver|\bship|\babo\b"
    r"|subscri|\d+\s?x\b|\bnehme|\btake\b|reserv"
    # "2 Tüten Kiezmischung bitte", never "3 tüten espresso kreuzberg haben mitgeschrieben" (they helped, past)
    r"|\d+ (?:tüten|tueten|packungen|beutel|bags|kilo|kg)\b(?!(?:\s[\w-]{1,20}){0,3}\s(?:haben|hatten|hat|have|had"
    r"|waren|were)\b)",
    re.IGNORECASE,
)
_MEME_LAUGH = re.compile(r"💀|😂|🤣|\bpov\b|\b(?:ich|me) (?:nach|after)\b", re.IGNORECASE)
_JOKING = re.compile(r"😂|🤣|😆|😄|😅|\blol\b|\bhaha|\bhihi|\bpov\b", re.IGNORECASE)


# A question that asks us for something: "kann man sowas verschenken?", "can you ship to Spain?"
_REQUEST = re.compile(
    r"\b(?:kann man|kann ich|können wir|könnt ihr|kannst du|gibt es|gibt's|habt ihr|liefert ihr|verschickt ihr"
    r"|can i|can we|can you|could you|do you|is there|are there)\b",
    re.IGNORECASE,
)
_MOCKED = re.compile(r"💀|🤡|🙄|😂|\boder wie\b|\bor what\b|\blol\b|\blmao\b", re.IGNORECASE)


_DEAL_ASKED = re.compile(
    r"\b(?:rabatt\w{0,6}|discount\w{0,3}|promo ?codes?|rabattcodes?|gutschein\w{0,3}|vouchers?|coupons?"
    r"|student deal|deals?|sale|\d{1,2} ?(?:%|prozent|percent) (?:off|rabatt)?|special offer)\b|\d{1,2} ?% off",
    re.IGNORECASE,
)


# What an accusation about an order names: without it ("Kolonialprodukt ... dumm und dämlich") nothing went wrong that
# a DM could sort out
_TRADE = re.compile(
    r"\b(?:bestell\w{0,4}|order\w{0,2}|paket\w{0,2}|parcel|liefer\w{0,4}|deliver\w{0,3}|geld|money|bezahl\w{0,3}|paid"
    r"|abo\w{0,2}|subscription|abgebucht|charged|refund|erstatt\w{0,4}|gutschein|voucher|kam nie|never (?:came|arrived)"
    r"|gestreckt|umgefüllt|supermarkt|fake)\b",
    re.IGNORECASE,
)


_ACHIEVED = frozenset({"marathon_done"})  # a feat of the person's own, told


def _joking(intent: str, text: str, analysis: Analysis) -> bool:
    """A coffee joke, whether the model read it as praise, a troll or criticism ("mein hund heißt espresso ... 😂")."""
    if intent in ("praise", "other") or (intent == "product_question" and RIDDLE.search(text)):
        return _a_joke(text, analysis)  # "Wie viele Röster braucht man ...? Keinen, ... 😂" asks nothing
    friendly = analysis.sentiment != "negative" and not _NEGATIVE_CUES.search(text)
    return intent in ("troll", "criticism") and _harmless_meme(text) and (intent == "troll" or friendly)


# A polite close thanks no one for anything: "Thank you kindly, Margaret", "Danke im Voraus!"
_POLITE_CLOSE = re.compile(
    r"\b(?:thank you|thanks|many thanks|danke|vielen dank|herzlichen dank)(?: (?:kindly|in advance|so much|very much"
    r"|im voraus|schon mal|vorab))?\W{0,3}(?:[A-ZÄÖÜ][\w.-]{1,20}\W{0,3})?$",
    re.IGNORECASE,
)


# A letter's salutation loves no one: "Liebe Rösterei, ...", "Dear Bohnenkiez team,"
_SALUTATION = re.compile(r"^\W{0,5}(?:hallo |hi )?(?:liebe[rs]?|dear)\s[^,!.\n]{1,40}[,!]", re.IGNORECASE)


def _courtesies_cut(text: str) -> str:
    """The text without its salutation and polite close, whose "Liebe" and "Danke" praise nothing."""
    return _POLITE_CLOSE.sub(" ", _SALUTATION.sub(" ", text))


# A fault of taste a joke may pin on us: "leicht bitter", "sour af", "wässrig"
_TASTE_FAULT = re.compile(rf"\b(?:{_FAULTS}|burned)\b", re.IGNORECASE)


def _harmless_meme(text: str) -> bool:
    """A coffee meme read as a troll ("POV: erst 5 min kurbeln bevor du wach bist 💀"): no insult, price or mockery."""
    rude = _MOCKERY.search(text) or PROFANITY.search(text) or ACCUSATION.search(text) or _PRICE.search(fold(text))
    rude = rude or _TASTE_FAULT.search(text)
    memed = MEME.search(text) or _SELF_JOKE.search(text)
    return bool(memed and OUR_WORLD.search(fold(text)) and not rude and not split_questions(text))


# A joke about oneself in a meme's form: "my personality is 70% coffee and 30% complaining about not having coffee"
_SELF_JOKE = re.compile(
    r"\bmy (?:whole )?personality is\b|\bmeine (?:ganze )?persönlichkeit (?:ist|besteht)\b"
    r"|\b\d{1,3} ?% (?:coffee|kaffee|espresso|koffein|caffeine)\b",
    re.IGNORECASE,
)


def _advertises(text: str, analysis: Analysis) -> bool:
    """Spam by a precise cue (a link, "link in bio", money from home) or by a sure reading."""
    return "spam" in cue_scores(fold(text)) or float(_get(analysis, "confidence", 1.0) or 0.0) >= SURE_SPAM


SURE_SPAM = 0.5


_PICK_ASKED = re.compile(r"\W{0,5}(?:welche[rsnm]?|which|what coffee|was für (?:einen? )?kaffee)\b", re.IGNORECASE)


def _a_joke(text: str, analysis: Analysis) -> bool:
    """A meme that asks nothing and praises nothing: laughing along answers it."""
    joking = MEME.search(text) and OUR_WORLD.search(fold(text))  # a joke about coffee, not about other people
    asked = split_questions(text) and not RIDDLE.search(text)  # "how many baristas ...? none, they ..." answers itself
    # "seit 5 uhr wach 💀 welcher kaffee rettet mich heute": a pick asked, even without its "?"
    asked = asked or any(_PICK_ASKED.match(str(getattr(q, "text", ""))) for q in analysis.questions)
    quiet = not (asked or _PRAISE.search(text) or analysis.sarcasm or _NEGATIVE_CUES.search(text))
    quiet = quiet and not (_MOCKERY.search(text) or _TASTE_FAULT.search(text))  # "yours look burnt af 💀", "...
    # als espresso kreuzberg: klein, schwarz, stark und leicht bitter 💀": "too real" would agree
    return bool(joking and quiet and analysis.sentiment != "negative" and re.search(r"[^\W\d_]{3}", text))


# "super" before a lower-case word is "very" ("super picky"); "super!" and "super Kaffee" praise
_PRAISE = re.compile(
    # "love" of a wish is no praise: "we'd love to join", "would love to order"
    # "What's the best way to make ...?", "der beste Mahlgrad?": asked, no praise
    r"\b(?:lecker|(?:der|die|das) beste(?! (?:weg|art|methode|mahlgrad|zeit|möglichkeit|einstellung)\b)|bester"
    r"|toll\w*|super(?!\s(?-i:[a-z]))|genial|liebe(?! grü(?:ß|ss)e\b)|(?<!'d )(?<!would )love"
    r"(?! to\b)|great coffee|"
    r"amazing|delicious|the best(?! (?:way|method|option|setting|grind|time|place|ratio)\b)|perfekt|hammer|danke"
    r"|thank|unschlagbar|traumhaft|obsessed|verliebt|in love"
    r"|addicted|süchtig"
    r"|chef.?s kiss)\b"
    r"|>>>|❤|😍|🥰|💛|🤌",
    re.IGNORECASE,
)


def praises(text: str) -> bool:
    """Words of praise beyond a thank-you ("the best beans I've had"; "Marko danke, das wäre auch meine Frage")."""
    text = _FOND_GREETING.sub(" ", text)  # "Hallo ihr Lieben 💛 ich zieh um ...": a greeting, no praise
    text = _OTHERS_FONDNESS.sub(" ", text)  # "my son ... he is obsessed with coffee": his fondness, no praise of ours
    return any(m.group().casefold() not in ("danke", "thank") for m in _PRAISE.finditer(text))


# Someone else's fondness, told: "he is obsessed with coffee", "sie ist total verliebt in Kaffee"
_OTHERS_FONDNESS = re.compile(
    r"\b(?:he|she|they|er|sie|(?:my|mein\w{0,2}) \w{2,12})(?:'s|'re| is| are| ist| sind)? (?:\w{1,12} )?"
    r"(?:obsessed|addicted|in love|süchtig|verliebt)\b",
    re.IGNORECASE,
)
# A fond greeting at the start: "Hallo ihr Lieben 💛", "Liebe Rösterei,", "Hi lovely team ❤️"
_FOND_GREETING = re.compile(
    r"^\W{0,3}(?:(?:hallo|hi|hey|moin|servus|guten (?:morgen|tag|abend))\W{1,3})?"
    r"(?:ihr lieben|liebe[rs]? [\w-]{2,20}|lovely [\w-]{2,20}|dear [\w-]{2,20})[\s,!.]{0,3}"
    r"(?:[💛❤🧡💚💙🥰😊☺️\ufe0f]\s{0,2}){0,3}",
    re.IGNORECASE,
)


# An attempt that worked: "Versuch Nr. 3 ... soooo fluffig geworden. Nie wieder anders!" needs no "keep practising".
_SUCCEEDED = re.compile(
    r"\b(?:geworden|gelungen|geschafft|geklappt|endlich|perfekt|nie wieder anders|nailed it|finally|perfect|worked"
    r"|never going back|not going back|success)\b",
    re.IGNORECASE,
)


# An event of another creator's, ahead and open to all: "this Saturday ... All welcome, just come by"
_EVENT_AHEAD = re.compile(
    r"\b(?:this|next|coming) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b|\btomorrow\b"
    r"|\b(?:diesen|kommenden|nächsten|am) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende)\b"
    r"|\bmorgen\b",
    re.IGNORECASE,
)
_INVITED = re.compile(
    r"\ball (?:are )?welcome\b|\b(?:just )?come (?:by|along)\b|\bjoin us\b|\bsee you there\b"
    r"|\balle sind (?:herzlich )?willkommen\b|\bkommt (?:gern |gerne )?vorbei\b|\bschaut (?:gern |gerne )?vorbei\b"
    r"|\bwir freuen uns auf euch\b|\bjede[rn]? ist willkommen\b",
    re.IGNORECASE,
)


def _outreach_kind(post: str) -> str:
    """What another creator's post asks for: cheering on an attempt or a series, company, their ritual, ideas,
    or nothing."""
    if post_moment(post) in ("post_school_start", "post_milestone"):
        return "outreach_congrats"  # "Erster Monat Ausbildung geschafft 🎉 ... Wer macht mit?": congratulated first
    if _BACK_HOME.search(post) and "?" not in post and not _THINGS_BACK.search(post):
        return "outreach_back"  # "Zurück aus einer Woche Skiurlaub in Tirol 🏔️": welcome back
    if _MUG_ASKED.search(post):
        return "outreach_mug"  # "400 pages to go 📚 what's in your mug tonight?": what we drink, told
    if _ATTEMPT.search(post) and not _SUCCEEDED.search(post):
        return "outreach_tips"  # "Latte-Art-Versuch Nr. 37 ... ich geb nicht auf": cheer them on
    if _CHEER_ASKED.search(post):
        return "outreach_cheer"  # "first week of my baker apprenticeship, 3:30am alarms ... tell me it gets easier"
    if _LUCK.search(post) and not _SUCCEEDED.search(post) and "?" not in post:  # "... bitter 🤔 Was mach ich falsch?"
        return "outreach_luck"  # "First time making stollen from scratch 🤞 ... wish me luck": fingers crossed
    if _EVENT_AHEAD.search(post) and _INVITED.search(post):
        return "outreach_event"  # "Pumpkin carving for kids this Saturday ... All welcome": a good time wished
    # "Roadtrip Tag 5 ... Mehr Urlaub geht nicht": a holiday; "snowed in day 2 ❄️", "Plätzchenmarathon Tag 3 ... Was
    # backt ihr?": the snow, the season or the question is what the post is about, not the count
    asks_us = any(_AUDIENCE.search(q) for q in re.findall(r"[^.!?\n]{1,200}\?", post))  # "Was backt ihr?"
    if _SERIES.search(post) and not (_HOLIDAY.search(post) or asks_us or moment(post, calendar=True)):
        return "outreach_series"  # "day 112 of writing my first novel", "Teil 1: der Einkauf": cheer the run on
    if tally(post):
        return "outreach_tally"  # "3 Stunden Arbeit, 2 Kannen Kaffee, 0 Reue": the count they made, said back
    if "?" not in post:
        return "outreach"
    if _WHO.search(post):
        return "outreach_relate" if _RELATE.search(post) else "outreach_who"
    return (
        "outreach_what"
        if _YOURS.search(post) and not (_TIPS.search(post) or _HOW_EVERYONE.search(post))
        else "outreach_ideas"
    )


# "wie kriegt ihr euren kaffee heiß?", "Womit toppt ihr eure Oats?": a how asked of everyone is a call for ideas,
# never "what's yours" (our favourite coffee moment)
_HOW_EVERYONE = re.compile(
    r"(?:^|[.!?\n:\"]\s*)(?:wie|womit|how|with what|what do you (?:put|top|add))\b[^.!?\n]{0,80}\?", re.I
)


# A day told as a count of three or more things: "5 people, 1 kettle, 0 counter space", "3 Stunden Arbeit, 2 Kannen
# Kaffee, 0 Reue" (each a number and a word or two, one after the other)
_COUNTED_THING = r"\d{1,3}\s[^\W\d_][\w'-]{1,15}(?:\s[^\W\d_][\w'-]{1,15})?"
# the count ends its clause: "5 Gläser, 5 Sorten, 0 Stress am Morgen" is taken whole, never cut at "am"
_TALLY = re.compile(
    rf"(?<![\w,])(?:{_COUNTED_THING}\s?,\s){{2,4}}(?:und\s|and\s)?{_COUNTED_THING}(?:\s[^\W\d_][\w'-]{{1,15}})?"
    r"(?![\w-])(?!\s+[^\W\d_])"
)
TALLY_LONGEST = 70  # characters: a count longer than this is a list, not a punchline


def tally(post: str) -> str:
    """The count a post makes of its day ("5 people, 1 kettle, 0 counter space"), or ""."""
    found = _TALLY.search(post)
    return found.group() if found and len(found.group()) <= TALLY_LONGEST else ""


_AUDIENCE = re.compile(r"\b(?:ihr|euch|eure?\w?|you|your|y'?all)\b", re.IGNORECASE)
# Something of theirs back, not they themselves: "Sie sind wieder da! 🥐 Ab Samstag ... Zimtschnecken"
_THINGS_BACK = re.compile(
    r"\b(?:sie sind|es ist|they'?re|they are|it'?s|is) (?:endlich |finally )?(?:wieder da|back)\b", re.I
)
# The post asks what is in our cup: "what's in your mug tonight?", "Was ist heute in eurer Tasse?"
_MUG_ASKED = re.compile(
    r"\b(?:what'?s in your (?:mug|cup)|what(?:'?re| are) you (?:drinking|sipping|brewing)|what are you having"
    r"|was (?:ist|habt ihr) (?:\w{1,8} ){0,2}in (?:eurer|deiner|euren|deinem) (?:tasse|becher)|was trinkt ihr"
    r"|was trinkst du)\b",
    re.IGNORECASE,
)
# Back from somewhere: "Zurück aus einer Woche Skiurlaub", "back from two weeks in Lisbon", "wieder zuhause"
_BACK_HOME = re.compile(
    r"\b(?:zurück (?:aus|vom|von)|back from|back home|home again|wieder (?:da|zuhause|zu hause|daheim))\b", re.I
)
# Something tried for the first time, luck wished for: "wish me luck", "🤞", "drückt mir die Daumen"
# Encouragement asked for in a hard start: "tell me it gets easier", "sagt mir, dass es besser wird"
_CHEER_ASKED = re.compile(
    r"\b(?:tell me (?:it|this) gets (?:easier|better)|(?:does|will) (?:it|this) get (?:easier|better)"
    r"|it gets (?:easier|better),? right|(?:sagt|sag) mir,? (?:dass|das) (?:es|das) (?:besser|leichter|einfacher) wird"
    r"|wird (?:das|es) (?:irgendwann |jemals )?(?:besser|leichter|einfacher))\b",
    re.IGNORECASE,
)
_LUCK = re.compile(
    r"\b(?:wish me luck|fingers crossed|drückt mir die daumen|daumen drücken|first time (?:making|baking|trying)"
    r"|zum ersten mal|das erste mal)\b|🤞",
    re.IGNORECASE,
)
# A holiday told day by day is enjoyed, not endured: no "Tag 5 und immer noch dabei, Respekt!"
_HOLIDAY = re.compile(
    r"\b(?:urlaub\w{0,3}|ferien\w{0,3}|sommerferien|roadtrip\w{0,3}|road trip|vacation|holiday\w{0,2}|camping\w{0,6}"
    r"|reise\w{0,3}|trip)\b",
    re.IGNORECASE,
)
# A post in a series: "day 4", "Tag 12", "Teil 1", "part 2", "Folge 3", "week 6".
_SERIES = re.compile(
    r"\b(day|tag|teil|part|folge|episode|woche|week|runde|round)\s?(?:#|nr\.?\s?|no\.?\s?)?(\d{1,4})\b", re.IGNORECASE
)
_NEXT_PART = {
    "teil": "Teil",
    "part": "part",
    "folge": "Folge",
    "episode": "episode",
    "runde": "Runde",
    "round": "round",
}


def series(post: str, language: str) -> tuple[str, str, str]:
    """A series the post is part of, what comes next, and the streak when it is one of days or weeks past the
    first: ("Day 112", "what comes next", "Day 112"), ("Teil 1", "Teil 2", "")."""
    match = _SERIES.search(post)
    if not match:
        return "", "", ""
    unit, number = match.group(1).lower(), int(match.group(2))
    if unit in _NEXT_PART and number > 1 and _ANNOUNCED.match(post, match.end()):
        number -= 1  # "Besichtigung #23 ... Teil 24 morgen": part 24 is the next one, not this one
    shown = f"{unit[:1].upper()}{unit[1:]} {number}"
    if unit in _NEXT_PART:
        return shown, f"{_NEXT_PART[unit]} {number + 1}", ""
    return shown, "die Fortsetzung" if language == "de" else "what comes next", shown if number > 1 else ""


_ANNOUNCED = re.compile(r"\W{0,3}(?:morgen|tomorrow|next|folgt|kommt|coming|drops?)\b", re.IGNORECASE)
_ATTEMPT = re.compile(
    r"\b(?:versuch\w*|attempt\w*|fail\w*|gescheitert|nicht geklappt|geb nicht auf|gebe nicht auf|aufgeben"
    r"|üb(?:e|en|ung)|practi[cs]\w*|try(?:ing)? to)\b",
    re.IGNORECASE,
)
_YOURS = re.compile(
    r"\b(?:what'?s yours|and yours|eure[rsmn]?\b[^.!?]{0,20}\?|euer\b[^.!?]{0,20}\?"
    r"|your (?:ritual|routine|favou?rite))",
    re.I,
)
# A gift to choose from our range, with no brewing method named: "Wunschzettel sagt nur 'Kaffee von euch'. Hilfe!"
_GIFT = re.compile(
    r"\b(?:gift|geschenk\w{0,2}|schenken|verschenken|schenkt man|wish ?list|wunschzettel|wunschliste|secret santa"
    r"|wichteln|schultüte\w{0,2}"
    r"|for christmas|zu weihnachten|unterm baum|under the tree|stocking|(?:christmas|xmas|weihnachts) ?wish\w{0,2}"
    r"|wünscht sich|wishes for|wish is|weihnachtswunsch"
    # "getting my boss coffee as a thank you", "als Dankeschön für die Lehrerin"
    r"|as a thank[- ]you|als dankeschön|zum dank|mitbringsel|host gift|gastgeschenk"
    # "suche was zur einschulung für die klassenlehrerin", "looking for something for my kid's teacher"
    r"|(?:suche|such|looking for) (?:was|etwas|something) (?:zur|zum|für|for)"
    r"(?= (?:\w+ )?(?:\w*lehrer\w*|teacher|\w*einschulung))"
    r")\b",
    re.IGNORECASE,
)
# Whether coffee will do as a gift: "kaffee ok oder zu cringe?", "is coffee too boring as a gift?"
_WILL_DO = (
    r"(?:ok|okay) (?:oder|or)|(?:zu|too) (?:cringe|langweilig|boring|basic|unpersönlich|impersonal)"
    # "Kann man eine Tüte von euch in eine Schultüte packen? ... Oder ist das komisch?"
    r"|(?:ist|wäre) (?:das|es) (?:zu )?(?:komisch|seltsam|peinlich|cringe)|is (?:that|it) (?:too )?(?:weird|odd|cringe)"
    # "is a bag of coffee weird??", "kaffee oder lieber was anderes?"
    r"|is a (?:bag of )?(?:coffee|beans) (?:too )?(?:weird|odd|cringe|boring)"
    r"|kaffee oder (?:lieber |eher |doch )?(?:was|etwas) anderes|coffee or (?:rather )?(?:something|smth) else"
)
_GIFT_ASKED = re.compile(
    r"\b(?:help|hilfe|hilf|helft|tipps?|tips?|ideas?|ideen|what should i|was soll ich|which one|welche[nrs]? (?:sorte"
    r"|kaffee|bohnen|davon)|recommend\w{0,3}|empfehl\w{0,4}|what (?:do|would) you (?:suggest|recommend)"
    r"|no idea|keine ahnung|overwhelmed|überfordert|was schenk\w{0,2} (?:ich|man)"
    r"|what (?:should|do|can) i (?:get|buy|gift)"
    r"|what to (?:get|buy|gift)"
    # "was von euch würdet ihr schenken", "Was würdet ihr empfehlen?", "what would you gift": a pick for a present
    r"|was (?:von euch )?(?:würdet|würdest) (?:ihr|du) (?:\w{1,10} )?(?:schenken|verschenken|mitbringen|empfehlen)"
    r"|what would (?:you|u) (?:gift|give|get|recommend)"
    # "der lehrerin was schenken. kaffee ok oder zu cringe? 😅": whether coffee will do, asked
    r"|" + _WILL_DO + r")\b",
    re.IGNORECASE,
)
_VOUCHER_ASKED = re.compile(r"\b(?:gutschein\w{0,2}|vouchers?|gift ?cards?)\b[^.!]{0,30}\?", re.IGNORECASE)
_GIFT_OK = re.compile(rf"\b(?:{_WILL_DO})\b", re.IGNORECASE)


_RIP_OFF = re.compile(
    r"\b(?:abzock\w{0,3}|wucher\w{0,3}|rip.?off|overpriced|überteuert\w{0,2}|(?:are|is|ist|sind) (?:a |eine? )?scam)\b",
    re.IGNORECASE,
)
# How long a parcel took: "5 Werktage für eine Tüte Kaffee nach Hamburg", "9 days to Hamburg"
_DAYS_TAKEN = re.compile(
    r"\b\d{1,2}\s?(?i:werktage|tage|days|working days|business days)\b[^.!?]{0,40}\b(?i:nach|to)\s[A-ZÄÖÜ]"
)
# A parcel waited for, told in the complaint: "seit zwei Wochen warten wir auf unser Paket", "waiting for my order"
_PARCEL_WAITED = re.compile(
    r"\b(?:warte|warten|wartet|waiting)\b[^.!?]{0,30}\b(?:auf|for)\s(?:unser|mein|das|die|my|our|the)\w{0,2}\s"
    r"(?:paket|bestellung|lieferung|sendung|parcel|order|package|delivery)\b"
    # "my subscription delivery was supposed to arrive last week and still nothing"
    r"|\b(?:delivery|order|parcel|package|paket|lieferung|bestellung|sendung)\b[^.!?]{0,30}\b(?:supposed to (?:arrive"
    r"|come)|should have (?:arrived|come)|sollte\w? (?:\w+ ){0,3}(?:ankommen|kommen|da sein))\b[^.!?]{0,40}"
    r"\b(?:still nothing|still not|nothing|noch nichts|nichts|immer noch nicht)\b",
    re.IGNORECASE,
)
# What a buyer would need, before any order: "wir bräuchten eine Rechnung auf die Firma", "we'd need an invoice"
_PROSPECTIVE = re.compile(r"\b(?:bräuchten|würden|hätten gern|would need|we'?d need|would require)\b", re.IGNORECASE)


def _asks_beyond_billing(request: GenerationRequest) -> bool:
    """A question of the message is read with a fact that no billing matter calls for (the office offer)."""
    facts = {f.id: f for f in request.profile.brand.facts}
    return any(q.fact in facts and "billing" not in facts[q.fact].intents for q in request.analysis.questions)


def _gift_chosen(request: GenerationRequest) -> bool:
    """A question asks which of our coffees to give, and the message names what the person brews with."""
    language = str(request.analysis.language or "de")
    text, profile = request.message.text, request.profile
    return any(
        (_GIFT.search(q.text) or (_GIFT.search(text) and _WOULD_YOU_PICK.search(q.text)))
        and _recommendation(q.text, profile, language, text)
        for q in request.analysis.questions
    )


# "Ostergeschenk für meinen Papa ... Siebträger ... was würdet ihr nehmen?": the gift named before the question
_WOULD_YOU_PICK = re.compile(
    r"\bwas (?:würdet|würden) (?:ihr|sie) (?:nehmen|empfehlen|schenken|holen)\b"
    r"|\bwhat would you (?:get|pick|choose|recommend|give)\b",
    re.IGNORECASE,
)


def _gift_help(text: str) -> bool:
    """Someone asks which of our coffees to give, naming no brewing method (that one names the product itself)."""
    return bool(_GIFT.search(text) and _GIFT_ASKED.search(text) and not METHODS.search(text))


_HELP_CRIED = re.compile(r"\b(?:hilf(?:e+)?|helft|help+|send help|sos)\b", re.IGNORECASE)  # "hilfeee"
_HELP = re.compile(
    r"\b(?:help|hilfe|hilf|helft|send help|was tun|what do i do|any tips?|tipps?|rate my|bewerte\w{0,2})\b",
    re.IGNORECASE,
)
_HELP_THANKED = re.compile(
    r"\b(?:danke|merci|thanks|thank you|thx)\b[^.!?]{0,25}\b(?:tipps?|tips?|hilfe|help|advice)\b", re.IGNORECASE
)
_TIPS = re.compile(r"\b(?:tipps?|tips?|advice|ratschl\w*|ideen|ideas|hilfe|help)\b\W*\?", re.IGNORECASE)
# "Wer von euch hatte sowas früher auch?", "anyone else remember ...": sharing a memory, not an invitation.
_RELATE = re.compile(
    r"\b(?:hatte|hattet|kennt|kennen|erinnert|erinnern|früher|auch so|remember|used to|had)\b",
    re.IGNORECASE,
)
_WHO = re.compile(r"\b(?:wer|who)\b|anyone|jemand", re.IGNORECASE)
_NOT_ARRIVED = re.compile(
    r"nie (?:was|etwas|\w+) (?:bekommen|erhalten|angekommen)|nicht (?:angekommen|bekommen|geliefert|erhalten)|"
    r"(?:nichts|nix) (?:erhalten|bekommen|angekommen|gekommen)|never (?:got|received|arrived)|nothing (?:arrived|came)|"
    r"(?:hasn'?t|has not|haven'?t|have not) (?:arrived|come|received|got)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\W*(?:(?:frohe|schöne|fröhliche|gesegnete|happy|merry)\s+\w+|(?:liebe |viele |herzliche )?grüße aus \w+|"
    r"greetings from \w+|hallo|hi|hey|moin|servus|hello)\W*$",
    re.IGNORECASE,
)
# A charge other than the one shown before paying: "obwohl im Warenkorb ... angezeigt", "but the cart said free"
_SHOWN_OTHERWISE = re.compile(
    r"\b(?:obwohl|aber|but|although|though|even though)\b[^.!?]{0,60}\b(?:warenkorb|checkout|kasse|cart|angezeigt"
    r"|stand|showed|said|displayed)\b",
    re.IGNORECASE,
)
_BILLING_TROUBLE = re.compile(
    r"abgebucht|abbuchung|doppelt|zu viel|falsch|twice|charged|overcharg|refund|zurück|mahnung|zahlungserinnerung|"
    r"charg(?:e|ing) (?:my|me|our|us)\b|"  # "why did you charge my card 3 times for one order??"
    # "order got cancelled ... but paypal still shows the payment": money taken for an order that will not come
    r"(?:cancel+ed|storniert)\b.{0,80}?(?:payment|paid|paypal|bezahlt|zahlung|geld|money)|"
    r"two charges|double charge|zweimal|zwei abbuchungen|two payments|double payment|zwei zahlungen|"
    r"payment reminder|reminder|überwiesen|transferred|already paid|schon bezahlt|bereits bezahlt|"
    # "der 10%-code wurde beim checkout nicht abgezogen ... bekomm ich die differenz?": a discount not applied
    r"nicht abgezogen|nicht angerechnet|nicht berücksichtigt|(?:was ?n.?t|not|never) (?:applied|deducted)|"
    r"(?:invoice|rechnung)\b[^.!?]{0,60}\b(?:name|firma|company|adresse|address|ändern|change|korrigier\w*|correct\w*)",
    re.I,
)
# An order not shipped yet, by what has not come: "no shipping notification yet", "noch keine Versandbestätigung".
_NOT_SHIPPED = re.compile(
    r"\b(?:no|keine?|noch keine?)\s+(?:shipping|dispatch|tracking|versand|sendungs)\w*\s*(?:notification|confirmation"
    r"|e-?mail|mail|number|nummer|bestätigung|info)?\w*\b[^.!?]{0,15}\b(?:yet|bisher|noch|immer noch)\b"
    r"|\bnot (?:yet )?(?:shipped|dispatched)\b|\bnoch nicht (?:verschickt|versendet|raus)\b",
    re.IGNORECASE,
)
# A place booked, not goods bought ("missed today's workshop ... money back?"): no returns rule for unopened goods.
_BOOKED = re.compile(r"\b(?:workshop|kurs|course|class|termin|ticket|gebucht|booked|platz|spot)\w{0,2}\b", re.I)
# A request of one's own beside the case ("Also can I still add a bag to the same order?"): deferred by name.
_OWN_REQUEST = re.compile(
    r"\W*(?:also |and |und |auch |oh and )?(?:can i|could i|kann ich|könnte ich)\b[^?]{0,60}"
    r"\b(?:add|change|cancel|update|switch|combine|ändern|stornieren|hinzufügen|dazu\w{0,8}|umstellen|mitbestellen|ergänzen|nachbestellen)\b",
    re.IGNORECASE,
)
# A charge gone wrong (not "das Geld geht an sie zurück" for an opened bag): the returns rule is beside it.
_QUICK = re.compile(
    r"\b(?:mega|super|so|richtig|echt|voll|blitz)[ -]?schnell\b|\b(?:super|so|really) (?:fast|quick)\b", re.I
)
_CALLED_OFF = re.compile(r"\b(?:storniert|stornierung|storno|cancel(?:l)?ed|cancellation)\b", re.I)
_WRONG_CHARGE = re.compile(
    r"abgebucht|abbuchung|doppelt|zu viel berechnet|twice|charged|overcharg|two charges|double charge|zweimal|mahnung"
    r"|zahlungserinnerung|reminder|überwiesen|transferred|already paid|schon bezahlt|bereits bezahlt",
    re.I,
)
# Beans left in heat, sun or rain, and asked after: "bei 35 Grad ... Sind die Bohnen jetzt hinüber?", "Karton
# durchgeweicht ... Kann man die noch trinken???", "parcel sat in a packstation in 33 degrees, are the beans cooked"
_WET_WORDS = r"nass|wet|durchgeweicht|aufgeweicht|durchweicht|durchn(?:ä|a)sst|soaked|soggy|drenched|sodden|matschig"
_WET = re.compile(rf"\b(?:{_WET_WORDS})\b", re.IGNORECASE)
_WEATHER = re.compile(
    r"\b(?:hitze\w{0,5}|heat\w{0,4}|\d{2}\s?(?:grad|°c?|degrees)|pralle[nr]? sonne|direct sun|heiß\w{0,2}|hot"
    rf"|{_WET_WORDS}|regen|rain\w{{0,2}}|gewitter\w{{0,2}}|storm|unwetter|schwül|geschmolzen|melt\w{{0,3}})\b",
    re.IGNORECASE,
)
_CONDITION_ASKED = re.compile(
    r"\b(?:noch (?:trinken|trinkbar|gut|genießbar|ok|okay|in ordnung|verwenden|benutzen)|hinüber|verdorben"
    r"|schlecht geworden|(?:still|even) (?:good|ok|okay|drinkable|fine|safe|usable)|safe to drink|ruined|cooked"
    r"|gone (?:bad|off|stale)|spoil\w{0,3}|survived?|(?:double|twice|over)[- ]?roasted|roasted (?:again|twice)"
    r"|nachgeröstet|doppelt geröstet)\b[^.!?\n]{0,40}(?:\?|\s{0,3}(?:lol|lmao|haha)?\W{0,6}$)",
    re.IGNORECASE,
)


_RAINED = re.compile(
    rf"\b(?:{_WET_WORDS}|regen\w{{0,3}}|rain\w{{0,3}}|gewitter\w{{0,2}}|storm|unwetter)\b", re.IGNORECASE
)


def rained_on(text: str) -> bool:
    """Beans were left in the rain or got wet (not in the heat)."""
    return bool(_RAINED.search(text))


def _weathered(text: str) -> bool:
    """Beans left in heat or rain, and the person asks whether they are still good."""
    return bool(_WEATHER.search(text) and _CONDITION_ASKED.search(text))


# Beans too old, not broken: "a roast date from 3 weeks ago", "Röstdatum ... 5 Wochen alt", "schon abgelaufen"
_STALE = re.compile(
    r"\b(?:röstdatum|roast(?:ed)? (?:date|on)|roasted \d|stale|abgestanden|abgelaufen|expired|best before|mhd"
    r"|nicht (?:mehr )?frisch|not (?:very |so )?fresh|no longer fresh"
    r"|(?:so much for|so viel zu) (?:\w+ )?(?:fresh|frisch))",
    re.IGNORECASE,
)
# Something other than ordered: "wrong bag", "falsche Sorte", "statt Espresso die Kiezmischung"
_WRONG_SENT = re.compile(r"\b(?:falsch\w{0,3}|wrong|instead of|statt|anstatt)\b", re.IGNORECASE)
_DAMAGE = re.compile(
    r"kaputt|beschädigt|\briss\b|rissig|eingerissen|zerbrochen|aufgerissen|zerdrückt|zerquetscht|eingedellt|ausgelaufen|gerissen|broken|damaged"
    # no "student", no "accident"; "das Ventil an der Tüte undicht"
    r"|\btorn\b|undicht|\bleaky\b|crushed|\bdent(?:ed|s)?\b|\bleak\w{0,3}|ripped|squashed"
    r"|kratzer|zerkratzt|\bscratch\w{0,3}|\bmacke|\bin pieces\b|\bin (?:tausend )?(?:stücke[n]?|scherben)\b|scherben"
    r"|shattered|smashed|\bcracked\b|\bchipped\b|gesprungen"
    r"|\bsplit (?:wide )?(?:open|along|at|down)\b|\bburst\b|aufgeplatzt|\b(?:grounds|beans|coffee) all over\b"
    r"|\bhas a (?:tear|hole|crack)\b|\bsoaked\b|durchn(?:ä|a)sst|aufgeweicht"
    r"|\b(?:ein(?:en)?|n|nen|'nen) (?:riss|loch|sprung)\b"
    r"|\bin (?:zwei|drei|vier|tausend|\d{1,4}) (?:teile\w?|stücke\w?)\b|\bin (?:two|three|\d{1,4}|a thousand) pieces\b"
    r"|\bin scherben\b|zersplittert|\bshattered\b"
    r"|beans everywhere|\bcracked\b|\ba crack in\b|gesprungen|abgebrochen|eingedrückt|verbogen|\bsnapped\b"
    r"|\bbroke off\b|\bbent\b"
    r"|bohnen (?:überall|lose)"
    # "die tüte sieht verformt aus, wie geschmolzen ... riecht chemisch": not to drink before after-sales saw it
    r"|verformt|geschmolzen|\bmelted\b|\bdeformed\b|\bwarped\b"
    r"|riecht (?:\w+ ){0,2}(?:komisch|chemisch|seltsam|merkwürdig|nach plastik)"
    r"|smells? (?:\w+ ){0,2}(?:chemical|like plastic)",
    re.IGNORECASE,
)
DAMAGE = _DAMAGE  # the composer asks for a photo of it
_RECOMMEND = re.compile(
    r"\b(?:welche[nrs]?|was für|which|what)\b.{0,25}"
    r"\b(?:sorten?|bohnen?|kaffees?|röstung|beans?|coffees?|blends?|roasts?|espressos?)\b"
    # "which bag for a wg kitchen with a sad french press": a pick (never "welche Tüte kommt in den Gelben Sack")
    r"|\b(?:welche[nrs]?|which|what)\b.{0,10}\b(?:bags?|tüten?|packung\w{0,2})\s(?:for|für|should|would|soll|würd)"
    r"|\b(?:ok|okay|good|geeignet|taugt|suitable)\b.{0,15}\b(?:for|für)\b"
    r"|\b(?:should i|would you) (?:get|buy|take|pick)\b"
    r"|\b(?:which|what) (?:one|kind)\b.{0,15}\b(?:do i|should i|to|would)\b.{0,10}\b(?:get|buy|take|pick|order)\b"
    r"|\bwelche[nrs]? (?:von euch|davon|nehm|soll|kauf|hol|bestell)\w{0,3}\b"
    # "which one is better for a broke student with a french press": one of ours, for the brewer named
    r"|\b(?:which(?: one)?|welche[nrs]?) (?:is|ist|wäre|would be) (?:the )?(?:better|best|besser|am besten)\b"
    # "Und welcher wäre für eine normale Filtermaschine geeignet?": one of ours for the machine named
    r"|\b(?:which(?: one)?|welche[nrs]?) (?:is|ist|wäre|would be)\b[^?]{0,40}\b(?:geeignet|suitable)\b"
    # "kiez blend or espresso kreuzberg, which one hits harder": the stronger of two, a pick
    r"|\b(?:which(?: one)?|welche[nrs]?)\b.{0,10}\b(?:hits? harder|(?:is )?stronger|knallt mehr|(?:ist )?stärker"
    r"|kickt mehr|has more caffeine|hat mehr koffein|(?:is )?(?:the )?strongest|(?:ist )?(?:der |die |am )?stärkste\w?"
    r"|has the most caffeine|hat (?:das )?(?:meiste|am meisten) koffein)\b"
    r"|\bsoll ich\b.{0,30}\b(?:nehmen|holen|kaufen)\b"
    # "and which one for a cheap drip machine", "welche für die French Press": a pick for a way to brew
    r"|\b(?:which(?: one)?|welche[nrs]?) (?:for|für)\b"
    # "Zwetschgendatschi ... Was passt besser dazu, Kiezmischung oder euer Espresso?": a pairing to pick
    r"|\bwas passt (?:\w+ )?(?:besser|am besten)\b|\bwhat (?:goes|pairs) (?:\w+ )?(?:better|best)\b"
    r"|\bwhich (?:one |of (?:your|the) \w{3,12} )?(?:goes|pairs) (?:better|best)\b"
    r"|\bwelche[rns]? (?:eurer \w{3,12} |von euren \w{3,12} )?passt (?:besser|am besten)\b"
    # "Passt eure Kiezmischung auch zu Brezn und Weißwurst?": whether one of ours goes with it
    r"|\bpasst (?:eure?|der|die|das|ihre?) [\w -]{3,30}? (?:auch |gut )?zu\b"
    r"|\bdoes (?:your|the) [\w -]{3,30}? (?:go|pair) (?:well )?with\b"
    r"|\b(?:was|welche\w{0,2}|what|which)\b.{0,20}\b(?:empfehl\w{0,4}|recommend\w{0,3}|suggest\w{0,3})\b"
    # "Was würdet ihr zum Valentinstag verschenken?", "what would you get him?": a gift chosen for them
    r"|\b(?:was|welche\w{0,2}|what|which)\b.{0,40}\b(?:verschenk\w{0,2}|schenk\w{0,2}|give|gift|get (?:him|her|them))\b"
    r"|\bwas (?:würdet|würden) (?:ihr|sie) (?:nehmen|holen|kaufen)\b|\bwhat would you (?:get|pick|choose)\b"
    # "Habt ihr was Schönes zum Muttertag?", "anything nice for Mother's Day?": a present of ours, chosen for them
    r"|\b(?:habt ihr|gibt'?s|gibt es|have you got|do you have|any(?:thing)?)\b.{0,25}\b(?:zum|zu|for)"
    r" (?:muttertag|vatertag|valentinstag|ostern|geburtstag|mother'?s day|father'?s day|valentine'?s|easter|birthday)\b"
    # "Kann man den Kaffee auch in der normalen Kaffeemaschine machen?": whether ours suits their way of brewing
    r"|\b(?:kann man|kann ich|geht (?:der|die|das|es)|can i|can you|does it work)\b.{0,40}\b(?:in|mit|with|für|for)\b"
    r"\s(?:der|die|einer|meiner|unserer|a|my|our|the)\b",
    re.I,
)


@dataclass(frozen=True)
class Answer:
    """One question's answer: the fact that answers it, or an honest deferral that names it."""

    question: str
    fact: Fact | None = None
    product_text: str = ""  # a product recommendation from the profile ("Kiezmischung: unsere Hausmischung, ...")
    product_with_article: str = ""  # die Kiezmischung
    # the phrasebook block that says product_text: "recommend"; "fits" (the product asked about is made for the
    # brewer named: "wasted on a drip machine?": no); "often" ("how often does it come?": every 2 or 4 weeks)
    product_block: str = "recommend"
    taste: bool = False  # "Is your espresso better than Dallmayr?": a matter of taste, never an "I'll check"
    tax: bool = False  # "Kann ich das Abo von der Steuer absetzen?": for a tax advisor, never an "I'll check"
    # "wie viele espressi am tag sind zu viele?": "doctor"'s, never an "I'll check"; "race": coffee before a race,
    # what worked in training ("espresso before the marathon?")
    health: str = ""
    compared: tuple[str, ...] = ()  # "X oder Y?": both described ("X ist unser Espresso, ...", "die Y ..."), then
    # both by what they are for ("X auch super im Siebträger", "Y für Filter und French Press") when tight
    indirect: str | None = None  # "ob wir nach Dänemark liefern"
    chased: bool = False  # "you said you'd check if ... any news?": still open, the team asked again
    about: str = ""  # what a question no indirect form fits is about ("customs fees"), to name it in a deferral

    @property
    def said(self) -> bool:
        """The profile answers it (a fact, a product, two products compared); else it is deferred."""
        return (
            self.fact is not None
            or bool(self.product_text)
            or bool(self.compared)
            or self.taste
            or self.tax
            or bool(self.health)
        )


@dataclass(frozen=True)
class Scene:
    """What the reply is about and what it may say."""

    situation: str
    language: str
    answers: list[Answer] = field(default_factory=list)
    team: str = ""  # escalation team id
    formal: bool = False  # answer with Sie
    formal_register: bool = False  # the person wrote formally
    formal_reading: bool = False  # the analysis reads the register as formal (calm, complete, slang-free)
    negative: bool = False  # upset, sarcastic or uncertain: no cheer
    no_joke: bool = False  # money or trouble: playful becomes its gentle form
    why_gentle: str = ""
    attention: str | None = None
    in_dm: bool = False
    name: str = ""
    full_name: str = ""  # "Renate Vogler": a formal letter is greeted by the whole name it signs with
    duration: str = ""
    topic: Phrase | None = None
    place: str = ""
    tips: list[str] = field(default_factory=list)
    tips_short: list[str] = field(default_factory=list)  # the brand's own short wording of each tip ("" if none)
    moment: str = ""  # the moment a creator's post is set in ("rain", "monday"): outreach only
    situation_fact: Fact | None = None
    again: bool = False  # the problem happened before ("zum zweiten Mal", "second month running")
    series: tuple[str, str, str] = ("", "", "")  # a post's series, what comes next, a streak ("Day 112")
    side_facts: list[Fact] = field(default_factory=list)  # a case for a team that also asks what a fact answers
    open_answers: list[Answer] = field(default_factory=list)  # questions the situation's own reply leaves out
    friend: str = ""  # "Dein Kumpel": someone else's order
    wish: str = ""
    home: str = ""
    occasion: str = ""  # a life event to wish well ("birthday", "trip"): friendly replies only
    waited: bool = False  # "schon zweimal geschrieben, keiner antwortet": a question asked again, after a wait
    rewatched: str = ""  # "ich hab das jetzt 14 mal geschaut": how often a fan watched our post ("14")
    symptoms: frozenset[str] = frozenset()  # what goes wrong in the cup, as the message says it ("bitter", "sour")
    setting_used: int = 0  # the grinder setting the person names ("mahle auf Stufe 12"), 0 if none or several
    coarsened: bool = False  # "went coarser like you said and now it's watery": a step too far, no setting named
    no_grinder: bool = False  # "nur ne french press und keine mühle": no grinder's setting to give
    critique: str | None = None  # a fan's small critique: what it is about ("die Tüte"), "" unnamed, None: none
    strike: bool = False  # the person names a strike ("DHL-Streik"): the usual shipping time may not hold
    flavour: str = ""  # a flavour wished for that no coffee of ours has ("Brezelgeschmack"), or an edition's occasion
    side: str = ""  # the coffee side of a playful either-or ("mehr schlaf oder mehr kaffee?"): Kaffee, Espresso


# What goes wrong in a cup, each with the words that name it (a fact's troubleshooting sentence about one).
SYMPTOMS = {
    "bitter": re.compile(r"\bbitter\w*", re.IGNORECASE),
    "sour": re.compile(r"\b(?:sauer|saure\w?|sour\w*|acid\w*)\b", re.IGNORECASE),
    "fast": re.compile(r"\b(?:zu schnell|too fast|läuft durch|runs? (?:through )?(?:too )?fast)\b", re.IGNORECASE),
    # "schmeckt eher wässrig und dünn": too little taken from the coffee, like sour: a step finer
    "watery": re.compile(
        r"\b(?:wässrig\w{0,2}|wäßrig\w{0,2}|dünn|watery|thin"
        r"|(?:too|tastes|kinda|kind of|a bit|bit|quite|pretty|really|now) weak)\b",
        re.IGNORECASE,
    ),
}


def symptoms_in(text: str) -> frozenset[str]:
    """The symptoms a text names ("schmeckt bitter" -> bitter), not those gone ("nicht mehr bitter")."""
    text = _SYMPTOM_GONE.sub(" ", text)
    return frozenset(name for name, pattern in SYMPTOMS.items() if pattern.search(text))


_SYMPTOM_GONE = re.compile(
    r"\b(?:nicht mehr|nicht|kein bisschen|no longer|not|never|fixed (?:my|the|our)|solved (?:my|the)"
    r"|(?:hat|hast|habt) (?:mein|meinen|das|den)|gegen (?:mein|meinen|das|den))\s(?:so\s|mehr\s|more\s|too\s|zu\s)?"
    r"(?:bitter|sauer|sour|wässrig|watery)\w*(?:\s(?:anymore|any more))?"
    # "me again (asked about the bitter french press last week) ... now it's weak": the old symptom, gone
    r"|\b(?:asked|wrote|gefragt|geschrieben)\b[^.!?]{0,20}?\b(?:about|wegen|über|nach)\s(?:the |die |den |der |dem |my "
    r"|meine[mnr]? )?(?:bitter|sauer|sour|wässrig|watery)\w*",
    re.IGNORECASE,
)


# A subscription or customer relationship ended: "Hab das Abo jetzt gekündigt", "cancelled my subscription"
_CANCELLED = re.compile(
    r"\b(?:abo|abonnement|subscription)\b[^.!?]{0,30}\b(?:gekündigt|beendet|abbestellt|storniert|cancell?ed|stopped|ended)\b"
    r"|\b(?:gekündigt|cancell?ed|stopped|ended)\b[^.!?]{0,10}\b(?:mein(?:e|en)? abo|my subscription)\b"
    r"|\bkündige (?:ich )?(?:mein|das) abo\b|\b(?:i'?m|i am) cancell?ing\b"
    # "hiermit möchte ich mein Kaffee-Abo kündigen", "I'd like to cancel my subscription": ended in the message itself
    r"|\b(?:möchte|will|würde) (?:ich )?(?:gern\w? )?(?:mein\w{0,2} |das )?(?:\w{1,12}-)?abo\w{0,9} (?:gern\w? )?"
    r"kündigen\b"
    r"|\b(?:want|would like|'d like) to cancel (?:my|the) subscription\b",
    re.IGNORECASE,
)


# A subscription to be ended now, in the message itself: "hiermit kündige ich mein Kaffee-Abonnement", "bitte kündigen
# Sie mein Abo", "please cancel my subscription", "I want to cancel my subscription"
_CANCEL_WANTED = re.compile(
    r"\bkündige (?:ich )?(?:hiermit )?(?:mein\w{0,2}|das|unser\w{0,2}) (?:\w{1,12}-)?abo\w{0,9}\b"
    r"|\b(?:bitte|möchte|will|würde|wollte|möchten|wollen) (?:ich |wir )?(?:gern\w? |hiermit |bitte )*"
    r"(?:mein\w{0,2} |das |unser\w{0,2} )?(?:\w{1,12}-)?abo\w{0,9} (?:gern\w? |bitte |zum \w+ )*"
    r"(?:kündigen|beenden|abbestellen)\b"
    r"|\bkündigen sie (?:bitte )?(?:mein\w{0,2}|das|unser\w{0,2}) (?:\w{1,12}-)?abo"
    r"|\b(?:please |pls |i (?:want|need|would like|'d like) to |i'?m writing to )cancel (?:my|our|the) (?:coffee )?"
    r"subscription\b",
    re.IGNORECASE,
)
# The person cannot do it in the account: "komme mit dem Kundenkonto nicht zurecht", "can't log in"
_NO_ACCOUNT = re.compile(
    r"\bnicht zurecht\b|\bnicht (?:einloggen|anmelden|rein)\b|\bpasswort vergessen\b|\bkein (?:kunden)?konto\b"
    r"|\bcan'?t (?:log ?in|sign in|access|get into)\b|\bforgot (?:my )?password\b|\bno account\b|\bnot good with\b",
    re.IGNORECASE,
)
_SUBSCRIPTION_WORDS = re.compile(r"\b(?:abo\w{0,9}|kündbar|subscription|kundenkonto|account|konto)\b", re.IGNORECASE)
# A parcel that came while the person was away: "arrived the ONE week I was on holiday", "kam genau, als ich im
# Urlaub war"
_AWAY_WHEN_CAME = re.compile(
    r"\b(?:arrived|came|was delivered|turned up|kam|kommt|geliefert)\b[^.!?]{0,40}\b(?:while|when|als|während|wo"
    r"|the (?:one )?(?:week|day|weekend) i was)\b[^.!?]{0,20}\b(?:on holiday|on vacation|away|im urlaub|verreist|weg"
    r"|nicht da|not home|out of town)\b",
    re.IGNORECASE,
)
# A reason asked for: "Woran liegt das denn?", "why?"
_WHY_ASKED = re.compile(
    r"\b(?:woran liegt|warum|wieso|weshalb|wofür|why|how come|what'?s the reason|what for|for what"
    # "Liegt das an der Ernte / den Rohkaffeepreisen?", "is it because of the harvest?": a reason guessed, asked
    r"|liegt (?:das|es) (?:\w{1,10} )?an|is (?:it|that|this) (?:\w{1,10} )?because|is (?:it|that) due to)\b",
    re.IGNORECASE,
)
_AS_GIFT = re.compile(r"\b(?:as a gift|as a present|als geschenk|verschenken|zum verschenken)\b", re.IGNORECASE)
_PAUSE_ASKED = re.compile(r"\b(?:aussetzen|pausieren|überspringen|skip|pause)\b", re.IGNORECASE)
_REASON = re.compile(r"\b(?:grund|gründe|reason|reasons)\b", re.IGNORECASE)
# A why asked without a question: "happy to pay for quality but I'd like to know why", "ich wüsste gern, warum"
_WHY_WANTED = re.compile(
    r"\b(?:know|wissen|erfahren|understand|verstehen|wüsste\w{0,2} (?:\w+ ){0,2}gern\w?)\W{0,3}"
    r"(?:why|warum|wieso|weshalb)\b",
    re.IGNORECASE,
)
# Someone who wants to cancel and cannot find how: "„jederzeit kündbar" steht überall, aber wo bitte?? Find im
# Kundenkonto nix", "can't find the cancel button"
_CANCELLING = r"kündig\w{0,3}|kündigungs\w{0,8}|cancel\w{0,6}"
_NOT_FOUND = (
    r"find\w{0,2} (?:\w+ ){0,4}(?:nix|nichts|nicht|keine[nm]?)|can'?t find|cannot find|(?:nix|nichts|nicht) gefunden"
)
_CANCEL_STUCK = re.compile(
    rf"\b(?:kündbar|{_CANCELLING}|abbestell\w{{0,3}})\b[^\n]{{0,120}}"
    rf"\b(?:{_NOT_FOUND}|couldn'?t find|no button|kein(?:en)? button|wo (?:bitte|denn|genau)\b"
    r"|where (?:exactly|is it|the hell))"
    rf"|\b(?:{_NOT_FOUND})\b[^\n]{{0,60}}\b(?:{_CANCELLING})",
    re.IGNORECASE,
)
# The words of a fact that tells how to cancel (the fact a cancellation's reply states)
CANCEL_KEYWORDS = frozenset({"kündigen", "cancel"})
_HOW_ASKED = re.compile(r"\b(?:wie|wo|how|where)\b[^.!?]{0,40}\?|\b(?:kann|can) (?:ich|man|i)\b", re.IGNORECASE)


def _cancel_wanted(text: str) -> bool:
    """The message ends a subscription itself (not how to, not because of the price, or the account fails them)."""
    if _CANCEL_STUCK.search(text) and _SUBSCRIPTION_WORDS.search(text):
        return True  # "„jederzeit kündbar" ... aber wo bitte?? Find im Kundenkonto nix": the way out, offered
    if not _CANCEL_WANTED.search(text) or _PRICE.search(fold(text)):
        return False
    return bool(_NO_ACCOUNT.search(text)) or not _HOW_ASKED.search(text)


# An exchange of unopened goods that were never wrong: a gift, a bag for the wrong brewer at home
_EXCHANGED = re.compile(r"\b(?:umtausch\w{0,3}|eintausch\w{0,3}|tauschen|exchange|swap)\b", re.IGNORECASE)
_WRONG_SENT = re.compile(
    r"\b(?:falsch\w{0,2} (?:geliefert|geschickt|bekommen|sorte)|wrong (?:item|bag|coffee|order|one)|statt\b[^.!?]{0,40}"
    r"\b(?:bestellt|ordered)|instead of\b[^.!?]{0,40}\bordered)",
    re.IGNORECASE,
)


def _returns_fact(profile: VoiceProfile) -> Fact | None:
    """The profile's fact for returning goods (the one that answers refund requests)."""
    return _intent_fact(profile, "refund_request")


def _intent_fact(profile: VoiceProfile, intent: str) -> Fact | None:
    """The profile's first fact that serves an intent ("order_status": the usual shipping time), or None."""
    return next((f for f in profile.brand.facts if intent in f.intents), None)


# The writer's own slip: "aus Versehen 2x bestellt", "ordered the wrong size by mistake", "accidentally subscribed"
_OWN_SLIP = re.compile(
    r"\b(?:aus versehen|versehentlich|by mistake|accidentally|by accident|mistakenly|(?:2x|zweimal|doppelt) bestellt"
    r"|ordered (?:it )?twice|vertippt|verklickt)\b",
    re.IGNORECASE,
)


_OPENED_ALREADY = re.compile(
    r"\b(?:opened|geöffnet|aufgemacht|angebrochen\w{0,2}|drank (?:about |almost )?(?:half|some)|halb (?:leer|getrunken)"
    r"|schon (?:probiert|getrunken)"
    # "Die Tüte ist halt schon offen", "the bag is already open"
    r"|(?:ist|sind|is|are) (?:halt |ja |leider |eben |nun |aber |but |natürlich |of course |obviously )?"
    r"(?:schon|bereits|already) (?:offen|auf|open)"
    # "tüte ist offen", "the bag's open": the bag itself said to be open
    r"|(?:tüte|packung|beutel|bag|pack)\s(?:ist|is|'s)\s(?:halt\s|ja\s|leider\s|jetzt\s|now\s)?(?:offen|open))\b",
    re.IGNORECASE,
)
_MONEY_BACK = re.compile(r"\b(?:money back|geld zurück|refund\w{0,3}|erstatt\w{0,5}|zurückerstatt\w{0,5})\b", re.I)
_NOT_MY_TASTE = re.compile(
    r"\bschmeckt mir (?:\w+ ){0,2}(?:nicht|gar nicht|überhaupt nicht|zu [a-zäöü]{4,15})\b"
    r"|\bnicht (?:so )?mein geschmack\b"
    r"|\b(?:it'?s|it tastes|tastes) (?:\w+ ){0,2}too [a-z]{4,15} for me\b"  # "schmeckt mir zu schokoladig"
    r"|\bzu (?:mild|stark|kräftig|sauer|bitter|dunkel|hell) für mich\b|\bnot (?:really )?(?:my|to my) taste\b"
    r"|\b(?:ist|war) (?:der |die )?(?:mir|uns) (?:\w+ ){0,2}zu (?:mild|stark|kräftig|sauer|bitter|dunkel|hell)\b"
    r"|\b(?:i )?(?:don'?t|do not) (?:really )?like the taste\b"
    r"|\btoo (?:mild|strong|bitter|sour|dark|light|acidic) for me\b"
    # "honestly it's just not for me, way too strong", "ist einfach nichts für mich"
    r"|\b(?:just |simply )?not for me\b|\b(?:einfach )?nichts für mich\b",
    re.IGNORECASE,
)


# The shipping time itself mocked, no parcel of one's own: "wow 2-3 werktage versand, bin ich 2009 gelandet 🙄
# andere liefern am nächsten tag", "3-5 days shipping in 2029?? amazon does it overnight"
_SHIPPING_TIME_JAB = re.compile(
    r"\b\d\s?[-–]\s?\d\s?(?:werk)?tage?n?\s(?:versand|lieferzeit|lieferung)\b"
    r"|\b\d\s?[-–]\s?\d\s?(?:working |business )?days?\s(?:shipping|delivery)\b"
    r"|\b(?:andere|other (?:shops|brands|places)|amazon)\b[^.!?]{0,30}\b(?:am nächsten tag|über nacht|next[- ]day"
    r"|overnight)\b",
    re.IGNORECASE,
)
# A parcel of one's own: "meine Bestellung", "mein Paket", "my order", "order 51234"
_OWN_PARCEL = re.compile(
    r"\b(?:mein\w{0,2}|my|unser\w{0,2}|our) (?:paket|bestellung|lieferung|order|parcel|package|abo)\b|\b\d{5}\b"
    # the promise against a wait of one's own: "2-3 day shipping turned into 9 days. Birthday present arrived ..."
    r"|\b(?:arrived|angekommen)\b|" + LATE_TOLD,
    re.IGNORECASE,
)


_JABBED = frozenset({"delivery_problem", "order_status", "question", "defer", "criticism", "other_negative"})


def _policy_jab(situation: str, text: str) -> str:
    """A jab at the shipping time in general, read as a delivery case: a criticism of the policy, no order to chase."""
    jab = situation in _JABBED and _SHIPPING_TIME_JAB.search(text) is not None
    return "shipping_time" if jab and not _OWN_PARCEL.search(text) else situation


def _money_matter(situation: str, text: str, emotion: str, *, sarcasm: bool) -> str:
    """A refund that is a calm return of unused goods, a price complaint that is about postage."""
    upset = emotion in ("angry", "disappointed") or _DEMANDED.search(text)  # "ungenießbar ... erwarte eine Erstattung"
    # "die sind noch zu. Leider ist jetzt meine Siebträgermaschine kaputtgegangen": their machine broke, not our bags
    unused = _RETURNED_UNUSED.search(text) and not (_DAMAGE.search(_OWN_MACHINE_BROKE.sub("", text)) or sarcasm)
    told = _WITHDRAWN.search(text) or _OWN_MACHINE_BROKE.search(text)  # "leider ist meine Maschine kaputt": not us
    if situation == "refund_request" and unused and (not upset or told):
        return "return_request"  # "hiermit widerrufe ich ...", "die 2. tüte ist noch zu": a return, no fault
    if situation == "refund_request" and _OWN_SLIP.search(text) and not (_DAMAGE.search(text) or upset):
        return "return_request"  # "hab aus versehen 2x bestellt 🙈 könnt ihr eine stornieren?": our fault it is not
    # "way too dark for me ... can i get my money back?" read as criticism: a refund asked for all the same
    refund = situation == "refund_request" or (
        situation in ("criticism", "taste_criticism") and _MONEY_BACK.search(text)
    )
    if refund and _NOT_MY_TASTE.search(text) and not (_DAMAGE.search(text) or _DEMANDED.search(text)):
        if _OPENED_ALREADY.search(text):  # "opened one bag, drank about half": no "Sure", the rule and a person
            return "return_opened"
        return "return_request"  # "schmeckt mir ehrlich gar nicht, viel zu mild für mich": a taste, no fault of ours
    if situation == "damaged_or_wrong_item" and unused and _EXCHANGED.search(text) and not _WRONG_SENT.search(text):
        return "return_request"  # "2 Tüten geschenkt bekommen, die sind noch zu: kann ich die umtauschen?"
    if situation == "price_criticism" and (_SHIPPING_COST.search(text) or _POSTAGE_FELT.search(text)):
        return "shipping_cost"  # "6,90 Versand für eine Tüte ist echt frech": the postage, not the roasting
    rise = (_PRICE_RISE.search(q) or _USED_TO_COST.search(q) for q in split_questions(text))
    if situation == "price_criticism" and any(rise):
        return "price_rise"  # "Früher hat die Kiezmischung weniger gekostet. Schon wieder teurer?": never confirmed
    risen = _PRICE_RISE.search(text) or _USED_TO_COST.search(text)
    if situation == "criticism" and risen and _WHY_ASKED.search(text):  # "went up again ... why"
        return "price_rise"
    if situation == "price_criticism" and risen:
        # "... schon wieder teurer geworden ... Woran liegt das denn?": the why asked, checked; else heard
        why = any(_WHY_ASKED.search(q) for q in split_questions(text)) or _WHY_WANTED.search(text) is not None
        # "and why is everything suddenly more expensive 😭": asked without its "?"
        why = why or any(_WHY_ASKED.search(s) and _PRICE_RISE.search(s) for s in re.split(r"[.!?\n]+", text))
        return "price_rise" if why else "price_rise_told"  # "Your prices have crept up again": never explained
    if situation in ("price_criticism", "criticism") and _CANCELLED.search(text) and _PRICE.search(fold(text)):
        return "price_farewell"  # "Abo gekündigt, ist mir zu teuer geworden": a goodbye heard, no price defence
    # "honest question, why pay more for yours ...?": a fair question, no feedback (read as a price complaint or as
    # a plain question: "Wieso ist euer Kaffee fast doppelt so teuer wie der vom Discounter?")
    priced = situation in ("price_criticism", "question") and _PRICE_ASKED.search(text) and _PRICE.search(fold(text))
    if priced and not (sarcasm or _PRICE_SCORN.search(text)):
        return "price_question"
    return situation


# A dig at what we post ("wow a coffee brand posting beans on tiktok. groundbreaking 🙄", "wieder ein Reel mit
# Bohnen in Zeitlupe. Revolutionär. 😴"): our content, and a mock-impressed word or a bored face
_CONTENT_POSTED = re.compile(
    r"\b(?:reels?|videos?|posts?|posting|tiktoks?|content|zeitlupe|slow ?mo\w*|beiträge?|clips?)\b", re.IGNORECASE
)
_MOCK_IMPRESSED = re.compile(
    r"\b(?:groundbreaking|revolutionär\w{0,2}|revolutionary|bahnbrechend\w{0,2}|innovativ\w{0,2}|so original"
    r"|never seen (?:that|this) before|noch nie gesehen|wie kreativ|how creative|mind ?blown)\b|😴|🥱",
    re.IGNORECASE,
)


# Too much packaging for what came: "a box the size of a microwave for one tiny bag of beans 🙃 so sustainable",
# "so viel Plastik für 250 g?", "ein Karton, in dem ein Kleinkind Platz hätte"
_PACKAGING_JAB = re.compile(
    r"\b(?:karton|box|paket|verpackung\w{0,3}|packaging|plastik\w{0,4}|plastic|füllmaterial|filler|luftpolster\w{0,5}"
    r"|bubble wrap)\b[^.!?]{0,60}\b(?:(?:the )?size of|so groß|riesig\w{0,2}|huge|massive|giant|zu groß|too big"
    r"|viel zu viel|way too much|wasteful|verschwendung|platz hätte|für eine (?:einzige |kleine )?tüte"
    r"|for (?:one|a single|a) (?:tiny |small |little )?bag)\b"
    r"|\b(?:so much|so viel|viel zu viel|way too much|tons of|jede menge) (?:plastik|plastic|packaging|verpackung"
    r"|füllmaterial|filler|bubble wrap|luftpolsterfolie)\b",
    re.IGNORECASE,
)


# A shrug at our coffee, tasted: "ur beans are mid tbh", "eure Bohnen sind nur Mittelmaß", "overrated"
_MEH = re.compile(
    r"\b(?:meh|mittelmä(?:ß|ss)ig|mittelma(?:ß|ss)|nix besonderes|nichts besonderes|nothing special"
    r"|overrated|überbewertet|average at best|durchschnittlich)\b"
    r"|\b(?:are|is|was|were|ist|sind|so|kinda|pretty|just|lowkey|honestly|echt) mid\b(?!-)",  # not "mid-October"
    re.IGNORECASE,
)


def _packaging_jab(text: str) -> bool:
    """Too much packaging complained about, with nothing broken: heard, and what the bag is made of."""
    return _jab_at_the_bag(_PACKAGING_JAB, text)


def _jab_at_the_bag(pattern: re.Pattern[str], text: str) -> bool:
    """The packaging mocked in the way the pattern names, with nothing broken (damage is a case, not a jab)."""
    return bool(pattern.search(text[:2000])) and not _DAMAGE.search(text)


# Plastic set against the sustainability we claim: "'nachhaltige Rösterei' und dann alles in Plastiktüten"
_PLASTIC_JAB = re.compile(
    r"\b(?:nachhaltig\w*|sustainab\w*|öko\w*|eco\w*|umweltfreundlich\w*|green)\b[^?]{0,80}\b(?:plastik\w{0,6}|plastic)\b"
    r"|\b(?:plastik\w{0,6}|plastic)\b[^?]{0,60}\b(?:nachhaltig\w*|sustainab\w*|öko\w*|eco\w*|umweltfreundlich\w*)",
    re.IGNORECASE,
)


_PACKAGING_KEYS = frozenset({"verpackung", "packaging"})


def _plastic_jab(text: str) -> bool:
    """Plastic packaging mocked against our sustainability, with nothing broken: the material and where it goes."""
    return _jab_at_the_bag(_PLASTIC_JAB, text)


# Brand storytelling mocked: "another 'small roastery' with a 'story'", "let me guess: the founder quit his job"
# The craft mocked as burning ("roasters are just ppl who burn beans and charge 20 bucks", "Röster verbrennen doch nur
# Bohnen"): a wink at what roasting is; never about one's own bag ("my beans taste burnt" is a taste complaint)
_ROAST_JIBE = re.compile(
    r"\b(?:roasters?|röster\w{0,2}|rösterei\w{0,2}|ihr|you(?: guys)?|y'?all)\b[^.!?]{0,30}"
    r"\b(?:burn|burns|burning|burnt|burned|verbrenn\w{0,3}|verbrannt\w{0,3}|verkokel\w{0,3}|abfackel\w{0,3})\b"
    r"[^.!?]{0,15}\b(?:beans?|bohnen|coffee|kaffee)\b",
    re.IGNORECASE,
)
_OWN_BAG = re.compile(
    r"\b(?:my|mein\w{0,2}|our|unser\w{0,2})\s(?:\w+\s)?(?:beans?|bohnen|coffee|kaffee|bag|tüte)\b", re.I
)
_STORY_JIBE = re.compile(
    r"\b(?:another|yet another|noch so ne|noch so eine|noch eine|wieder so ne|schon wieder eine?)\b[^.!?]{0,40}"
    r"\b(?:roaster[yi]e?s?|rösterei|brand|marke|startup)\b[^.!?]{0,40}\b(?:story|geschichte|storytelling)\b"
    r"|\b(?:founder|gründer\w{0,2})\b[^.!?]{0,60}\b(?:quit|kündigt\w{0,2}|find (?:himself|herself|themselves)"
    r"|selbstfindung|sich selbst (?:zu )?finden)\b",
    re.IGNORECASE,
)


def _content_jibe(text: str) -> bool:
    """A dig at what we post, mock-impressed or bored, with nothing asked or complained about beyond it."""
    return bool(_CONTENT_POSTED.search(text) and _MOCK_IMPRESSED.search(text) and not PROFANITY.search(text))


# "coffee is just bean water for ppl who think they're better than everyone", "Kaffee-Snobs mit ihren Bohnen"
_SNOBBERY = re.compile(
    r"\b(?:snobs?|snobby|snobbish|hipster\w{0,10}|pretentious|elitär\w{0,2}|abgehoben\w{0,2}|bean water|bohnenwasser"
    r"|(?:think|thinks|thinking) (?:they'?re|you'?re|theyre|youre) better|(?:halten|hält|fühlen) sich für was besseres"
    r"|it'?s (?:literally )?just coffee|ist (?:doch )?(?:auch )?nur kaffee"
    # "kaffee ist sowas von overrated, tee ftw 🍵 ihr seid alle nur süchtig": team tea, teasing coffee people
    r"|(?:kaffee|coffee) (?:ist|is) (?:\w{1,8} ){0,2}(?:overrated|überbewertet)"
    r"|(?:tee|tea) (?:ftw|supremacy|forever|für immer)|team (?:tee|tea)"
    # "kaffee ist doch eh nur bitteres braunes wasser. tee > alles": coffee itself teased, tea put above it
    r"|(?:tee|tea)\s?(?:>|>>+|über alles|is better|ist besser)"
    r"|(?:nur|just) (?:\w{1,12} ){0,2}(?:braunes|brown) (?:wasser|water)"
    r"|(?:ihr|you) (?:seid|are) (?:alle )?(?:nur )?(?:süchtig|addicts?)|you'?re all (?:just )?addicts?)\b",
    re.IGNORECASE,
)


# A taste guessed, never tried: "schmeckt bestimmt nach späti und pfandflaschen", "bet it tastes like burnt toast"
_TASTE_GUESS = re.compile(
    r"\b(?:schmeckt|schmecken) (?:bestimmt|sicher|garantiert|wahrscheinlich|eh|doch eh) (?:nach|wie)\b"
    r"|\b(?:i bet|bet|probably) (?:it|they|this|that|your coffee) tastes? like\b",
    re.IGNORECASE,
)


def _snob_jibe(text: str) -> bool:
    """A jab at coffee culture as snobbery, with no price, insult, accusation or question to us in it."""
    # "Früher tat's der Filterkaffee vom Discounter auch": a store named, no price
    priced = _PRICE.search(fold(re.sub(r"(?i)\b(?:vom |beim |from the )?discounter\b", " ", text)))
    free = _FREE_INSTEAD.search(
        text
    )  # "imagine paying for coffee when the office has free instant 🤡": no price of ours
    rude = PROFANITY.search(text) or ACCUSATION.search(text) or (priced and not free)
    return bool((_SNOBBERY.search(text) or free) and not rude and "?" not in text)


_FREE_INSTEAD = re.compile(
    r"\bimagine paying\b[^.!?]{0,40}\b(?:when|while)\b[^.!?]{0,40}\bfree\b"
    r"|\bfree (?:instant|office coffee|filter coffee)\b|\bgratis-?(?:kaffee|instant)\b"
    r"|\bkostenlose[nr]? (?:kaffee|instant\w{0,6})\b|\bfür kaffee (?:zu )?(?:bezahlen|zahlen), wenn\b",
    re.IGNORECASE,
)


# "Früher hat die Kiezmischung weniger gekostet", "it used to be cheaper", "schon wieder teurer": a rise, asked
_USED_TO_COST = re.compile(
    r"\bfrüher\b[^.!?]{0,40}\b(?:gekostet|günstiger|billiger)\b|\bused to (?:cost|be cheaper)\b"
    r"|\b(?:schon wieder|wieder|noch) teurer\b|\bteurer geworden\b|\b(?:more expensive|pricier) (?:again|now)\b",
    re.IGNORECASE,
)
# "Jetzt mit Versand wird das ganz schön teuer", "with shipping it adds up": the postage felt, no sum named
_POSTAGE_FELT = re.compile(
    r"\b(?:mit|plus|inkl\.?|inklusive) (?:dem )?versand\b|\bversand (?:dazu|obendrauf|drauf)\b"
    r"|\b(?:with|plus) (?:the )?shipping\b|\bshipping on top\b",
    re.IGNORECASE,
)


# "honest question, why pay more for yours when supermarket beans are half the price?", "warum ist euer Kaffee
# doppelt so teuer wie der aus dem Supermarkt?": asked sincerely, with a question mark
_PRICE_ASKED = re.compile(
    r"(?i:\b(?:ehrliche|ernst ?gemeinte|ernsthafte|echte|honest|genuine|serious|real) (?:frage|question)\b"
    r"|\b(?:warum|wieso|weshalb|was macht|why|what makes)\b[^.!?\n]{0,80}"
    r"\b(?:teurer|so teuer|mehr (?:zahlen|bezahlen|kosten)|doppelt so|pay more|paying more|more expensive"
    r"|so expensive|costs? more|the difference|der unterschied|twice as)\b[^.!\n]{0,80}\?"
    r"|\b(?:warum|wieso|weshalb)\b[^.!?\n]{0,30}\bkostet\b[^.!?\n]{0,40}\bmehr\b[^.!\n]{0,80}\?)"
)
# "abzocke", "lol", "💀", "spinnt ihr": a dig at the price, not a question to answer
_PRICE_SCORN = re.compile(
    r"(?i:abzocke|frech|unverschämt|wucher|spinnt ihr|lol|lmao|haha|rip.?off|scam|joke|witz|hipster|kidding|verarsch)"
    r"|💀|🤡|😂|🤣|🙄"
)


# Whether our prices will go up, asked before they did: "Werdet ihr eure Preise auch erhöhen?", "are you going to
# raise your prices too?", "steigen bei euch bald die Preise?"
_PRICE_TO_COME = re.compile(
    r"\b(?:werdet|wollt|müsst|wollen|werden|müssen) (?:ihr|sie)\b[^.!?]{0,30}\bpreise?\b[^.!?]{0,25}"
    r"\b(?:erhöhen|anheben|anpassen|raufsetzen)\b[^.!]{0,40}\?"
    r"|\b(?:steigen|werden)\b[^.!?]{0,25}\b(?:eure|ihre|die) preise\b[^.!?]{0,25}\b(?:bald|demnächst|auch|steigen"
    r"|teurer)\b[^.!]{0,40}\?"
    r"|\b(?:will|are|do) you (?:\w+ ){0,3}(?:raise|raising|increase|increasing|put up|putting up|up)\b[^.!?]{0,20}"
    r"\bprices?\b[^.!]{0,40}\?|\b(?:will|are) your prices (?:\w+ ){0,2}(?:go(?:ing)? up|rise|rising|increase)\b",
    re.IGNORECASE,
)


# Prices gone up, said with regret: "die Preise ziehen ganz schön an", "teurer geworden", "prices went up again"
_PRICE_RISE = re.compile(
    r"\b(?:preise?|kaffeepreise?)\b[^.!?]{0,30}\b(?:ziehen|zieht|gestiegen|steigen|angezogen|erhöht|hoch)\b"
    r"|\b(?:teurer|zu teuer) geworden\b|\bpreiserhöhung\w{0,2}|\bprices?\b[^.!?]{0,25}\b(?:went up|gone up|going up"
    r"|go up|goes up|keep (?:going up|rising)|increase[sd]?|hike|crept up|creeping up)\b|\bprice (?:hike|increase)s?\b"
    # "zum neuen Jahr schon wieder an der Preisschraube gedreht?!", "raised your prices again", "neue Preisliste"
    # "why is everything suddenly more expensive", "warum ist alles auf einmal teurer"
    r"|\b(?:suddenly|plötzlich|auf einmal|jetzt) (?:so )?(?:more expensive|pricier|teurer)\b"
    r"|\bpreisschraube\b|\b(?:schon wieder|wieder|noch) teurer\b|\b(?:raised|upped|hiked) (?:your |the )?prices?\b"
    r"|\bneue\w{0,2} preisliste\b|\bnew price list\b"
    # "the Kiezmischung went up in price again", "ist im Preis gestiegen"
    r"|\b(?:went|gone|goes|go|going) up in price\b|\bim preis (?:gestiegen|angezogen|erhöht)\b"
    # "warum kostet die kiezmischung jetzt mehr?? vor 2 monaten wars noch billiger", "it was cheaper in the summer"
    r"|\bkostet (?:\w{1,15} ){1,3}(?:jetzt|nun|plötzlich|auf einmal) (?:\w{1,8} )?mehr\b"
    r"|\b(?:war(?:'?s)?|wars) (?:\w{1,10} ){0,2}(?:billiger|günstiger)\b"
    r"|\b(?:it|they) (?:was|were) (?:\w{1,8} )?cheaper\b"
    # "while raising prices for the second time this year", "ihr erhöht schon wieder die Preise"
    r"|\b(?:raising|upping|hiking|erhöh\w{0,3}|anheb\w{0,3}) (?:\w{1,8} ){0,3}(?:prices?|preise)\b"
    # "warum is die kiezmischung teurer als letztes jahr??", "more expensive than last year"
    r"|\b(?:teurer|mehr) als (?:letztes|voriges|im letzten|im vorigen|vor einem) (?:jahr|monat)\b"
    r"|\b(?:more expensive|costs? more) than (?:last|a) (?:year|month)\b"
    # "der Espresso Kreuzberg kostet jetzt mehr", "it costs more now", "ist jetzt teurer"
    r"|\bkostet (?:jetzt|nun|plötzlich|auf einmal) (?:\w{1,8} )?mehr\b|\bcosts? more now\b|\b(?:is|are) (?:now )?more"
    r" expensive now\b|\b(?:ist|sind) (?:jetzt|nun|plötzlich) (?:\w{1,8} )?teurer\b"
    # "I remember paying under 10 euros for a bag. Now it's noticeably more", "früher hab ich 9 Euro bezahlt"
    r"|\b(?:i remember paying|used to (?:pay|cost)|früher (?:hab(?:e)? ich|habe? man|hat (?:die|der|das) \w{2,20})"
    r" (?:\w{1,12} ){0,3}(?:bezahlt|gezahlt|gekostet))\b"
    r"|\bnow (?:it'?s|it is) (?:noticeably |much |way |a lot )?more\b"
    # "warum is die kiezmischung jetzt teurer??", "why is it more expensive now"
    r"|\b(?:jetzt|nun|plötzlich|auf einmal) (?:\w{1,12} ){0,2}teurer\b|\bmore expensive (?:now|all of a sudden)\b",
    re.IGNORECASE,
)


_MAYBE_MISDELIVERED = frozenset(
    {"wrong_item", "damaged_item", "delivery_problem", "order_status", "other", "other_negative", "other_neutral"}
    | {"question", "defer", "uncertain", "service_general", "criticism", "refund_request", "return_request"}
    | {"return_opened"}
)


def _offers_named(request: GenerationRequest, answers: list[Answer]) -> list[Answer]:
    """A fact of the profile that the message names by a keyword and that no answer gives yet (the office offer
    for "Kanzlei ... Mitarbeitende"), as an answer to the first question."""
    given = {a.fact.id for a in answers if a.fact is not None}
    analysis = request.analysis.model_copy(update={"intent": "other", "secondary_intents": []})
    named = [f for f in relevant_facts(request.message.text, analysis, request.profile, 2) if not f.intents]
    fitting = [f for f in named if f.id not in given and not f.id.startswith("policy_")]
    return [Answer(question=answers[0].question, fact=fitting[0])] if fitting and answers else []


def _tips(request: GenerationRequest) -> list[Fact]:
    """The brand's tips that fit another creator's post (outreach only)."""
    message, profile = request.message, request.profile
    if message.mode != "outreach" or not message.post:
        return []
    found = relevant_tips(message.post, profile)
    if found or _PROBLEM_POSTED.search(message.post):
        return found
    # "unsere Kaffeeecke besteht aus einer French Press und sehr viel Hoffnung 😂": the brand's recipe for it
    brewed = brewer_fact(fold(message.post), profile)
    return [f for f in profile.brand.facts if f.id == brewed and not f.intents]


def _recipe_tip(tips: list[Fact], profile: VoiceProfile) -> bool:
    """The one tip is a fact of ours, not a tip of the profile (a brewing recipe under someone's French press)."""
    return len(tips) == 1 and any(f is tips[0] for f in profile.brand.facts)


def _tip_texts(tips: list[Fact], profile: VoiceProfile, language: str) -> list[str]:
    """The tips' texts; a recipe's first short wording (its others answer a fault: "Bitter heißt meist ...")."""
    if _recipe_tip(tips, profile):
        return _recipe_forms(tips[0], profile, language)[:1]
    return [_unbranded(profile.localized(t.text, language)) for t in tips]


def _tip_shorts(tips: list[Fact], profile: VoiceProfile, language: str) -> list[str]:
    """The tips' own short wordings ("" if none); a recipe's last, shortest one."""
    if _recipe_tip(tips, profile):
        return _recipe_forms(tips[0], profile, language)[-1:]
    return [_unbranded(next(iter(t.short_forms(language, profile.brand.default_language)), "")) for t in tips]


def _recipe_forms(fact: Fact, profile: VoiceProfile, language: str) -> list[str]:
    """A recipe's short wordings without our grinder's settings ("espresso sits at 4–8" means nothing on theirs)."""
    forms = (_unbranded(f) for f in fact.short_forms(language, profile.brand.default_language))
    return [f for f in forms if f and not re.search(r"\d\s?[–-]\s?\d", f)]


def _unbranded(tip: str) -> str:
    """A tip for someone else's post without its asides ("grob mahlen (Handmühle Kiez: Stufe 24–26)"): our
    grinder's settings are no advice for theirs, and no product of ours belongs under their post."""
    return re.sub(r"\s{0,3}\([^()]{1,80}\)", "", tip)


# A post about something gone wrong with the brewer itself: no recipe under it ("my french press just shattered")
_PROBLEM_POSTED = re.compile(
    r"\b(?:kaputt|zerbrochen|gesprungen|broke|broken|shattered|cracked|rip|r\.i\.p|died|(?:officially )?dead"
    r"|hinüber|den geist aufgegeben|gave up|defekt)\b|💔|😭",
    re.IGNORECASE,
)
# Something gone wrong in another creator's post: "nach 2 Stunden war der Kaffee nur noch lauwarm 😩"
_TROUBLE_POSTED = re.compile(
    r"\b(?:lauwarm|lukewarm|kalt geworden|went cold|misslungen|ruined|disaster|katastrophe|fail(?:ed)?|leider"
    r"|bitter|sauer|sour|verbrannt|burnt)\b|😩|😫|😤",
    re.IGNORECASE,
)


def troubled_post(post: str) -> bool:
    """Another creator's post tells of something gone wrong (a broken cup, coffee gone cold, a bitter brew)."""
    return bool(_PROBLEM_POSTED.search(post[:2000]) or _TROUBLE_POSTED.search(post[:2000]))


def read(request: GenerationRequest, language: str) -> Scene:
    """The scene of a request in one reply language."""
    message, analysis, profile = request.message, request.analysis, request.profile
    text = message.text
    source = message.post if message.mode == "outreach" and message.post else text
    confidence = float(_get(analysis, "confidence", 1.0) or 1.0)
    sarcasm = bool(_get(analysis, "sarcasm", False))
    emotion = str(_get(analysis, "emotion", "neutral") or "neutral")
    if emotion == "happy" and message.mode == "reply" and is_moment(moment(text)) and _POUT.search(text):
        emotion = "joking"  # "a wasp drank more of my iced coffee than i did 😤🐝 is it the sugar ...": a happy pout
    empty_bag = moment(text) == "empty_bag"  # "... the only problem is that the bag is empty again"
    bare = message.mode == "reply" and not analysis.questions and analysis.escalation is None
    if bare and empty_bag and str(analysis.intent) == "other":
        emotion = "joking"  # "a coffee problem? the only problem is that the bag is empty again": a joke on themselves
    register = str(_get(analysis, "register", "casual") or "casual")
    formal_register = register == "formal" or bool(re.search(r"\b(?:Sie|Ihnen|Ihr(?:e[nmrs]?)?)\b", text[1:]))
    mirror = bool(_get(profile.brand, "address_mirror", False))
    formal = language == "de" and (profile.address_form("de") == "Sie" or (mirror and formal_register))
    in_dm = message.channel == "dm" or bool(_get(analysis, "in_dm_already", False))
    situation = _money_matter(_situation(request, sarcasm, confidence), text, emotion, sarcasm=sarcasm)
    situation = _policy_jab(situation, text)
    tips = _tips(request)
    life_event = occasion(text) if message.mode == "reply" else ""
    if not life_event and message.mode == "reply" and situation in _MOMENT_SITUATIONS:
        life_event = moment(text)  # "Montag, Regen und dann dieser Espresso 😍": the fan's day, picked up
    unhappy = _NEGATIVE_CUES.search(text) or _YOU.search(text)
    # "a wasp drank more of my iced coffee than i did 😤🐝 is it the sugar ...", "34 grad und ich trink heißen
    # filterkaffee 💀 bin ich normal": a pout or a skull in a joke is no complaint
    pouting = emotion == "joking" and not (_unhappy_words(text) or _YOU.search(text))
    joked = emotion == "joking" and not (split_questions(text) or (unhappy and not pouting))
    # "Does coffee count as medicine? Asking for myself.": a joke put as a question nobody needs checked
    aside = text.lstrip().startswith("@") or POLITICS.search(text)  # a reply to someone else, politics: no joke
    laughed = emotion == "joking" or (bool(_JOKE_SIGNS.search(text)) and analysis.sentiment != "negative")
    # "Paket ... beim Gewitter durchgeweicht 😩 sind die Bohnen noch ok??": a case for a team is never a joke
    joked_question = laughed and situation in ("question", "defer", "praise") and analysis.escalation is None
    pouted = pouting and analysis.sentiment != "negative"
    # "ANY chance of a student discount code?? ... I'm broke 😭": money asked for is never laughed at
    money = _DEAL_ASKED.search(text) or _PRICE.search(fold(text))
    asked = [str(getattr(q, "text", "")) for q in analysis.questions]
    # "halloween roast when?? spooky beans 👻", "how much caffeine is in a cup of ...? exam season 😂": asked plainly
    asked_plainly = any(_WHEN_ASKED.search(q) or _CONTENT_ASKED.search(q) for q in asked)
    joked_question = joked_question and not ((unhappy and not pouted) or aside or _asks_a_fact(request) or money)
    joked_question = joked_question and not asked_plainly
    # "3 espresso vorm start: gute idee oder dumm 😅": a race question asked in fun is answered all the same
    joked_question = joked_question and not (_VERDICT_ASKED.search(text) and _health_question_in(text, text))
    # "Zwetschgenkuchen mit Sahne, was passt besser: Kiezmischung oder Espresso? ☕": a pick of ours, never laughed off
    picked = any(_products_named(q, request.profile) and re.search(r"\b(?:oder|or)\b", q, re.I) for q in asked)
    picked = picked or any(_pick_asked(q) for q in asked)  # "welcher espresso rettet mich"
    joked_question = joked_question and not picked
    # "still 30 degrees lol. is the kiez blend any good for cold brew? ratio?": a coffee of ours asked about, answered
    joked_question = joked_question and not any(find_products(q, request.profile) for q in asked)
    joke_situations: tuple[str, ...] = ("other", "uncertain", "other_negative") if pouting else ("other", "uncertain")
    joke_situations += ("other_neutral",) if empty_bag else ()
    if (not life_event or is_moment(life_event)) and message.mode == "reply" and situation in joke_situations and joked:
        life_event = moment(text)  # "It's 33 degrees and my husband still insists on a hot coffee. Send help."
        situation = "joke" if life_event else situation
    if not life_event and message.mode == "reply" and situation == "other":
        # "Heute Laternenumzug ... So muss St. Martin 😊": the day told of, picked up
        life_event = moment(text, calendar=True)
    joked_moment = life_event if life_event == "sick" else moment(text)  # not a gift asked for, "welchen kaffee ..."
    if joked_question and message.mode == "reply" and joked_moment and not _GIFT_ASKED.search(text):
        life_event, situation = joked_moment, "joke"
    elif _asks_when_sick(request, situation):  # "down with the flu 🤧 is coffee even a good idea rn or tea?"
        life_event, situation = "sick", "joke"  # get well, and we're roasters, not doctors
    picked_riddle = any(_pick_asked(q) for q in asked)  # "what coffee goes with halloween gummies? 👻": a pick
    if riddle(text) and message.mode == "reply" and situation in _MAYBE_RIDDLE and not picked_riddle:
        situation = "riddle"  # "Was trinken Gespenster am liebsten? Buuuh-nenkaffee 👻": laughed at, never deferred
    if _tagged(request, situation, life_event):
        situation = "tagged"  # "@jonas das wär was für deinen Geburtstag 👀": our post shared with a friend
    elif _SAME_HERE.search(text) and situation in _MAYBE_OFFTOPIC:
        situation = "service_general"  # "bei mir genau das gleiche. Wer kümmert sich?": sorry, and what happened
    elif _offtopic(request, situation):
        situation = "offtopic"  # a rant about politics: no "we'll check" for its questions, no opinion
        if (
            not POLITICS.search(text)
            and not PROFANITY.search(text)
            and "?" in text
            and len(text) >= 30
            and _offtopic_question(request, confidence)
        ):
            situation = "offtopic_question"  # "weiß jmd ob die u1 heute fährt??": no taboo topic, we just don't know
    if situation == "taste_criticism" and occasion(text) == "sick" and message.mode == "reply":
        situation = "unwell"  # "Liege mit Grippe flach, Kaffee schmeckt nach gar nichts 😷": get well, no feedback
    someone_elses = someone_elses_parcel(text)
    if someone_elses and situation in _MAYBE_MISDELIVERED:
        situation = "misdelivered"  # "I received someone else's order??": no replacement, the parcel's way home
    dm_kind = situation in ("service_complaint", "collaboration", "voucher_problem") and message.channel == "dm"
    if dm_kind or (situation == "misdelivered" and in_dm):
        situation += "_dm"
    if situation == "service_general" and message.channel == "dm":
        situation = "service_complaint_dm"  # already in a DM: never "write us a DM"
    if situation == "outreach":
        situation = _outreach_kind(message.post or "")
    if situation == "joke" and moment(text) in _ACHIEVED:  # "Nach 42 km gestern ... Beine tot, Herz voll ☕":
        situation = "praise"  # congratulated and thanked, never "Haha, herrlich!"
    if situation in _MAYBE_GRAVE and GRAVE.search(text) and not _NOT_ARRIVED.search(text):
        situation = "accusation_grave"  # "ihr nutzt doch Kinderarbeit": taken seriously, never denied off-hand or joked
    answers = _answers(request, language, situation) if situation not in _NO_QUESTIONS else []
    if situation == "question" and not answers and str(analysis.intent) in ("billing", "refund_request"):
        situation = str(analysis.intent)  # "... nicht gutgeschrieben. Können Sie das prüfen?": the charge, passed on
    refused = answers and all(a.fact is not None and a.fact.id.startswith("policy_") for a in answers)
    if situation in ("stock_question", "defer") and refused:
        situation = "question"  # "any black friday deals this year??": the policy's no, no "whether and when"
    if refused and message.mode == "reply" and situation == "question":
        # "Kanzlei mit 12 Mitarbeitenden ... Firmenkonditionen oder Mengenrabatt?": the office offer before the no;
        # "Any student discount? ... my budget is tragic 😅": the no, and the brand's tip for a tight budget
        answers = [*_offers_named(request, answers), *answers]
        answers = [*answers, *(Answer(question=answers[-1].question, fact=t) for t in relevant_tips(text, profile)[:1])]
    if situation == "praise":  # "wo warst du mein ganzes Leben?": a fan's question is no case for the team,
        half = {a.question for a in answers if a.said}  # "... does the warranty still work for her?": half answered
        answers = [  # but "kann man sowas verschenken?", "wo lös ich den gutschein ein?" ask us for something
            a
            for a in answers
            if a.said
            or (a.question in half and a.about)
            or _HOW_DO_I.search(a.question)
            or _SETTING_ASKED.search(a.question)  # "obsessed with the kiez blend but what grind for aeropress??"
            or (a.indirect and (_REQUEST.search(a.question) or _to_us(a.question) or _ASKED_ASIDE.search(a.question)))
        ]
    if situation == "joke":  # "going as a french press for halloween. what grind size am i": the setting, in fun;
        # "wiesn-kater deluxe. welcher espresso rettet mich heute 💀": the one of ours picked, in fun
        chosen = [a for a in answers if a.product_text and _WHICH.search(a.question)]
        answers = [a for a in answers if _SETTING_ASKED.search(a.question) and a.said] or chosen  # "süßes ODER saures?"
    if situation == "gift_ok":  # "is a bag of coffee weird?? do you do gift wrapping": the yes says the first
        answers = [a for a in answers if not (_GIFT_OK.search(a.question) or _GIFT_ASKED.search(a.question))]
    # "Do you sell gift vouchers? ... which beans he'd like": the voucher asked,
    if situation in ("gift_advice", "gift_ok"):
        answers = [a for a in answers if not (_GIFT_ASKED.search(a.question) or _RECOMMEND.search(a.question))]
        answers = [a for a in answers if not re.search(r"\b(?:welche\w{0,2}|which)\b", a.question, re.I)]  # the pick
    if situation == "price_rise":  # "... schon wieder teurer? ... Was ist der Grund?": the reply asks why, once
        answers = [a for a in answers if a.said or not (_WHY_ASKED.search(a.question) or _REASON.search(a.question))]
    if situation == "taste_criticism":  # "Habt ihr an der Röstung was geändert?" is asked of us; "Kaffee aus
        answers = [a for a in answers if a.said or (a.indirect and _to_us(a.question))]  # Kreuzberg??" isn't
    if situation in ("shop_broken", "shop_paid"):  # "geht bei euch grad was kaputt?": the sorry answers it
        answers = [a for a in answers if a.said]
    if situation == "question" and answers and all(not a.said for a in answers):
        machine = any(wants_machine(a.question, profile) for a in answers)  # its "Siebträger" names no grind asked
        advice = all(_ADVICE_ASKED.match(a.question.strip()) for a in answers)  # "... sour, 15 seconds. Any advice?"
        # "in eurem Café in der Oranienstraße ... Habt ihr Samstag geöffnet?": the fact named around it;
        # "wie oft entkalkt ihr eure Siebträger?": no grind fact for a descaling question
        unsure = any(_fits_unsaid(a.question, profile, language) for a in answers)  # "good in a moka pot?": no
        around = None if machine or unsure else _named_around(request, loose=advice)  # espresso grind beside it
        around = None if around and any(care_untold(a.question, around) for a in answers) else around
        around = None if around and _in_other_sense(text, around) else around  # "only ever had it from a café
        # machine": where it was drunk, no café of ours
        # "are your workshops in english?": the workshop times answer nothing of the language asked
        around = None if around and any(_alone_missing(a.question, around) for a in answers) else around
        around = None if around and _grinderless(text, around) else around
        around = None if around and _asked_elsewhere(answers, around) else around
        around = None if around and _was_there(text, around) else around  # "just did your cupping workshop ..."
        # "what setting for V60? you only ever talk about french press": the method named around is not the one asked
        around = None if around and any(_other_method(a.question, around) for a in answers) else around
        # "Wer hat recht?", "wo kann man euch besuchen??": the fact named around says it (where, when, who is right)
        rest = [a for a in answers if not (_COVERED.match(a.question.strip()) or _WHERE_WHEN.match(a.question.strip()))]
        answers = [Answer(question=text, fact=around), *rest] if around else answers
        situation = "question" if around else "defer"
    if situation in _MAYBE_RUMOUR and _rumoured(text) and not _NOT_ARRIVED.search(text):
        situation, answers = "rumour", []  # "Stimmt es, dass ihr pleite seid?": a public "I'll check" feeds it
    # An unsure reading decides only on strong cues (scene._uncertain_situation); what stays unclear is "uncertain".
    # "kaffee aus kreuzberg schmeckt bestimmt nach späti 💀": a jab told as a joke gets banter back, no sorry
    joking_jab = situation == "taste_jab" and emotion == "joking" and not sarcasm
    negative = (
        situation in NEGATIVE_SITUATIONS
        or (sarcasm and situation != "joke")  # irony at the air conditioning, joked about, is no complaint of ours
        or (analysis.sentiment == "negative" and situation != "joke" and not joking_jab)  # "Vorsatz gestrichen ☕"
        or emotion in UNHAPPY
        or (
            situation not in ("praise", "outreach", "advice_worked")  # "nicht mehr sauer": a taste gone
            and bool(_unhappy_words(text) if situation == "joke" else _NEGATIVE_CUES.search(text))
        )
    )
    no_joke = situation in NO_JOKE or sarcasm or emotion in ("angry", "worried") or formal_register
    why = _why_gentle(situation, sarcasm, emotion, formal_register) if no_joke else ""
    # the situation's own team first: "bestellt ... heute kam ne Tüte wo DECAF draufsteht" is after-sales' case
    own_team = analysis.escalation.team if analysis.escalation else ""
    # a wrong order in one's own box is after-sales' case when the analysis says so; astray, the shipping team's
    team = (own_team if situation.startswith("misdelivered") else "") or ESCALATING.get(situation, "") or own_team
    if not team and situation == "accusation" and _NOT_ARRIVED.search(text):
        team = "logistics"
    if not team and situation.startswith("service_"):  # "wegen meiner Erstattung geschrieben": whose case it is
        named = named_teams(text, profile)
        if _DAMAGE.search(text):  # "in meinem Paket eine Tüte aufgerissen": the damage decides, not the parcel
            named.insert(0, ESCALATING["damaged_item"])
        team = named[0] if named else ""
    if team and team not in profile.brand.escalation:
        team = ""
    skip = {fold(p.name) for p in profile.brand.products} | {fold(profile.brand.name)}
    skip |= {fold(a) for p in profile.brand.products for a in p.aliases}
    skip |= {fold(s.text) for s in analysis.pii}
    if message.mode == "outreach":  # "Coffee plus a good coffee": under a creator's post, coffee is no topic of theirs
        skip |= {"coffee", "kaffee", "coffees", "kaffees", "espresso", "beans", "bohnen"}
    if situation == "order_via_message":  # "kann ich euch das hier einfach schicken?": the shop's fact answers it
        answers = [a for a in answers if a.fact is not None or not _ORDER_HERE.search(a.question)]
    if any(a.fact is not None and _SHOP_GONE_TOLD.search(_fact_words(a.fact)) for a in answers):
        # "Is it true you're closing?? ... the shop is gone": the shop's fact says what closed, no rumour checked
        answers = [a for a in answers if a.said or not _CLOSING_ASKED.search(a.question)]
    answers = [_offline_answer(a, text, profile) for a in _chased(answers, text, language)]
    if situation == "job_application":  # "any open barista jobs?", "need help at the roastery?": the job asked
        answers = [replace(a, fact=None) for a in answers]  # after, never the barista workshop or the pickup hours
        answers = answers if any(a.indirect for a in answers) else []  # unnamed: "whether we're hiring" says it best
    critique = _critique(text, language, skip) if situation == "praise" else None
    if critique is not None:
        life_event = ""  # "der Raum war ziemlich kalt": a critique, no weather to enjoy
    attention = None
    if confidence < LOW_CONFIDENCE:
        reason = _get(analysis, "confidence_reason", None) or "the reading of this message is uncertain"
        attention = f"low confidence ({confidence:.2f}): {reason}; the drafts stay short and neutral, check them"
    return Scene(
        situation=situation,
        language=language,
        symptoms=symptoms_in(source),
        no_grinder=bool(_NO_GRINDER.search(source) or _PRE_GROUND.search(source)),
        setting_used=setting_used(source),
        coarsened=bool(_WENT_COARSER.search(source[:2000])),
        answers=answers,
        team=team,
        formal=formal,
        formal_register=formal_register,
        formal_reading=register == "formal",
        negative=negative,
        no_joke=no_joke,
        why_gentle=why,
        attention=attention,
        in_dm=in_dm,
        name=(greeted := _greeted(message)),
        full_name=_full_name(message, greeted),
        duration=duration(text, language) if message.mode == "reply" else "",
        topic=None
        if analysis.injection_suspected or situation in _NO_ECHO
        else _topic(
            source, language, skip, situation, mocked_aside=sarcasm and not _names_ours(source, language, profile)
        ),
        place=place(text, language)[0],
        tips=_tip_texts(tips, profile, language),
        tips_short=_tip_shorts(tips, profile, language),
        moment=post_moment(source) if message.mode == "outreach" else "",
        situation_fact=_situation_fact(request, situation),
        side_facts=(side := _side_facts(request, situation) if team else _paying_asked(request, situation)),
        open_answers=_open_answers(answers, situation, side, team=bool(team)),
        friend=_friend(text, language),
        wish=_wish(text, language),
        home=_home(text),
        occasion=""
        if negative
        and life_event not in ("sick", "pregnancy", "pregnancy_other")
        and not _stressful_move(life_event, situation)
        else life_event or _idea_given(text, situation),  # wished well, however glum
        waited=bool((_SERVICE.search(text) and not _no_news(text)) or _ASKED_AGAIN.search(text) or chasing(text)),
        series=series(source, language) if message.mode == "outreach" else ("", "", ""),
        again=situation in _AGAIN_SITUATIONS and bool(_AGAIN.search(_NOT_AGAIN.sub(" ", text))),
        rewatched=_rewatched(text) if situation in ("praise", "joke") else "",
        critique=critique,
        strike=bool(STRIKE.search(text)),
        side=_poll_side(text) if situation in _SIDE_SITUATIONS and message.mode == "reply" else "",
        flavour=_flavour_wished(text, profile)
        if situation in ("flavour_wish", "flavour_joke")
        else _edition_wished(text, profile)
        if situation in ("edition_wish", "edition_joke")
        else "",
    )


# A playful either-or with coffee on one side: "eine stunde mehr schlaf oder eine stunde mehr kaffee? 🤔",
# "Team Tee oder Team Kaffee?", "sleep or espresso?": the brand picks the coffee side, whatever else was asked
_EITHER_OR = re.compile(r"([^.!?:\n]{1,60}?)\s(?:oder|or)\s([^.!?:\n]{1,60}?)\s?\?", re.IGNORECASE)
_COFFEE_WORD = re.compile(r"\b(kaffee|coffee|espresso)\W{0,6}$", re.IGNORECASE)  # the side ends with it
_SIDE_SITUATIONS = frozenset({"joke", "other", "other_neutral", "praise"})


def _coffee_or_not(request: GenerationRequest) -> bool:
    """Coffee against something that is none of ours ("team tee oder team kaffee??", "sleep or coffee?"), and
    nothing else asked: a playful poll, no product question."""
    text, asked = request.message.text, _asked_texts(request)
    if request.analysis.sentiment == "negative" or find_products(text, request.profile) or not asked:
        return False
    if any(q.fact for q in request.analysis.questions):  # "can i come by the roastery ... or just coffee": a visit
        return False
    polls = [q for q in asked if not _RANGE_ASKED.search(q)]  # "Do you sell tea or only coffee?" asks our range
    if len(polls) == len(asked) and all(_OPINION_ASKED.search(q) for q in asked):
        # "either one extra hour of sleep or one extra hour of coffee. what's your professional opinion?"
        return bool(_poll_side(text))
    return len(polls) == len(asked) and all(_coffee_side(q if q.rstrip().endswith("?") else f"{q}?") for q in asked)


_RANGE_ASKED = re.compile(
    r"\b(?:sell|selling|verkauf\w{0,3}|habt ihr|haben sie|do you (?:have|do|offer|make)|gibt'?s|gibts|gibt es|only|nur"
    r"|auch|also|bietet|anbieten|just|too|as well)\b",
    re.IGNORECASE,
)


_YES_NO = re.compile(r"^(?:ja|nein|yes|no|nope|nee|nö|not)\W{0,5}$", re.IGNORECASE)


def _poll_side(text: str) -> str:
    """The coffee side of a playful either-or asked, or told before our opinion is asked ("either one extra hour of
    sleep or one extra hour of coffee. what's your professional opinion?"), or ""."""
    return _coffee_side(text) or (_coffee_side(re.sub(r"[.!]", "?", text)) if _OPINION_ASKED.search(text) else "")


def _coffee_side(text: str) -> str:
    """The coffee word of the one side of a playful either-or that names coffee ("Kaffee", "coffee"), or ""."""
    for found in _EITHER_OR.finditer(text):
        # "mehr Schlaf oder mehr Kaffee?"; never "dass Sie uns Kaffee spenden oder zu einem Sonderpreis überlassen?"
        sides = [_COFFEE_WORD.search(side.strip()) for side in found.groups()]
        if any(_YES_NO.match(side.strip()) for side in found.groups()):
            continue  # "espresso vorm start ja oder nein?": whether to drink it, no side against coffee
        if sum(bool(side) for side in sides) == 1:
            word = next(side.group(1) for side in sides if side)
            return word.capitalize() if fold(word) in ("kaffee", "espresso") else word.lower()
    return ""


# Someone who does not buy online: "78 Jahre und habe keinen Computer", "bestelle nicht gern im Internet"
_OFFLINE = re.compile(
    r"\b(?:kein\w{0,2}|ohne|no|without|don'?t have an?) (?:computer|pc|laptop|internet)\b"
    r"|\bnicht (?:gern|gerne|so gern) (?:im internet|online)\b|\bnot (?:very |so |too )?(?:good with|into) computers\b"
    r"|\bnicht (?:so )?gerne? mit (?:dem )?(?:internet|computer)\b"
    r"|\b(?:rather|prefer) not (?:to )?(?:order|buy|shop) online\b",
    re.IGNORECASE,
)


# A verdict asked for without a "?": "gute idee oder dumm", "good idea or nah", "ja oder nein", "yay or nay"
_VERDICT_ASKED = re.compile(
    r"\b(?:gute idee|good idea|smart|clever|ja|yes|okay|ok|yay)\s+(?:oder|or)\s+(?:dumm|blöd|bad idea|dumb|nein|no|nah"
    r"|nay|nicht|not)\b",
    re.IGNORECASE,
)
# Where to get or buy more: "Where can I get more?", "Wo bekomme ich den?", "wo kann ich den kaufen?"
_WHERE_TO_BUY = re.compile(
    r"\bwhere (?:can|do|could) (?:i|we|one) (?:get|buy|find)\b|\bwo (?:bekomm|krieg|kauf|find)\w{0,2}\b"
    r"|\bwo kann (?:ich|man) (?:\w+ ){0,3}(?:kaufen|bekommen|kriegen|holen)\b",
    re.IGNORECASE,
)
# A thing faulty the moment it came: "arrived with a loose handle straight out of the box" is damaged goods, replaced
_FAULTY_ON_ARRIVAL = re.compile(
    r"\b(?:arrived (?:with|like|already)|(?:straight |right )?out of the box|brand new|frisch ausgepackt"
    r"|(?:direkt |gleich )?(?:beim|nach dem) auspacken|kam (?:schon |bereits )?(?:so|mit|kaputt|defekt))\b",
    re.IGNORECASE,
)


def _readdressed(question: str, message: str, fact: Fact) -> bool:
    """A move's address asked about with a fact that says the thing can be changed ("Abo ... ändern")."""
    moving = _MOVED.search(message) or _MOVE_TOLD.search(message)
    return bool(moving and _ADDRESS_WORD.search(question) and _CHANGE_TOLD.search(_fact_words(fact)))


# A change of something the message named before: "can I switch from every 2 weeks to every 4?"
SWITCH_ASKED = re.compile(r"\b(?:switch|change|umstellen|wechseln|ändern)\b", re.IGNORECASE)


def _changed_for_move(message: str, profile: VoiceProfile) -> Fact | None:
    """The fact of a thing the message names that can be changed, when a move is told and what to do is asked."""
    if not (_MOVED.search(message) or _MOVE_TOLD.search(message)):
        return None
    named = (_checked_fact(f, message, profile) for f in profile.brand.facts if _CHANGE_TOLD.search(_fact_words(f)))
    return next((f for f in named if f is not None), None)


_MOVE_TOLD = re.compile(r"\bzieh\w{0,2}\b[^.!?]{0,60}\bnach\b|\bmoving\b", re.IGNORECASE)  # "Ziehe ... nach Leipzig"
_ADDRESS_WORD = re.compile(r"\b(?:adresse|address)\b", re.IGNORECASE)
_CHANGE_TOLD = re.compile(r"\b(?:ändern|change)\b", re.IGNORECASE)


def _also_asked(answer: Answer, fact: Fact, question: str) -> Answer:
    """The answer that gives this fact, asked by one more question too."""
    if answer.fact is None or answer.fact.id != fact.id:
        return answer
    return replace(answer, question=f"{answer.question} {question}")


def _offline_answer(answer: Answer, text: str, profile: VoiceProfile) -> Answer:
    """To someone who does not buy online, the way to buy that the message names instead of the online shop
    ("keinen Computer ... Kann ich den irgendwo ganz normal kaufen?": the pickup at the roastery)."""
    if answer.fact is None or "order_via_message" not in answer.fact.intents or not _OFFLINE.search(text):
        return answer
    named = hits_by_fact(read_text(text), profile)
    best = max((f for f in named if f != answer.fact.id), key=named.__getitem__, default=None)
    fact = next((f for f in profile.brand.facts if f.id == best), None)
    # a tie goes to the other way: "keinen Computer ... telefonisch bestellen oder irgendwo kaufen?" names both
    wins = fact is not None and 0.0 < named[fact.id] >= named.get(answer.fact.id, 0.0)
    return replace(answer, fact=fact) if fact is not None and wins else answer


def _chased(answers: list[Answer], text: str, language: str) -> list[Answer]:
    """A chased promise ("you said youd check whether ... Any news?"): the deferral named by what we were to find
    out, in our words ("whether the Kiezmischung works in a Chemex"), instead of an unnamed "I'll check"."""
    promised = PROMISED_CHECK.search(text)
    # a fact that answers a question of its own settles it; one given to "any news?" tells what we know besides
    # ("... if the saturday workshops are also in english… any news?": Saturdays, 2.5 hours, English still open)
    if promised is None or any(a.said and not _NEWS_ASKED.search(a.question) for a in answers):
        return answers
    swaps = _OURS_DE if language == "de" else _OURS_EN
    asked = " ".join(swaps.get(w.lower(), w) for w in promised.group(1).strip(" ,").split())
    asked = re.sub(r"^if\b", "whether", asked)  # "check if the workshops are in english": whether they are
    if language == "de" and re.match(r"(?:der|dem|den|des|eure[mnrs]?)\s", asked):  # "wegen der neuen ernte"
        *before, noun = asked.split()
        asked = f"wie es wegen {' '.join([*before, noun[:1].upper() + noun[1:]])} aussieht"
    # the promise's own question, read again, and "gibts schon was?" are what the chase names already
    others = [
        a
        for a in answers
        if a.said or (a.indirect and fold(a.indirect) not in fold(asked) and not _NEWS_ASKED.search(a.question))
    ]
    return [Answer(question=promised.group(0), indirect=asked, chased=True), *others]


_NEWS_ASKED = re.compile(
    r"\b(?:any (?:news|update)|schon was (?:neues|gehört)|gibt'?s (?:schon )?(?:was|etwas|news)|gibts (?:schon )?(?:was"
    r"|news)|und\?|well\?)",
    re.IGNORECASE,
)


def _topic(text: str, language: str, skip: set[str], situation: str, mocked_aside: bool = False) -> Phrase | None:
    """The message's noun phrase to echo; a critique's first noun before a weak one of ours ("Euer neues Logo ...
    Das alte mit der Bohne ..." is about the logo, not the beans); none for a mocking critique whose noun is not
    ours ("2-3 werktage versand ... bei anderen kommt schon die drohne 🙃" is no feedback "zum Thema Drohne")."""
    found = topic(text, language, skip=skip)
    if mocked_aside and situation.startswith("criticism"):
        return None
    if situation.startswith("criticism") and language == "de" and (found is None or is_weak(found)):
        nouns = [
            n for n in capitalised_nouns(text, skip=skip) if not (ACCUSATION.search(n) or TIME_NOUN.match(fold(n)))
        ]
        return Phrase(full="", bare=nouns[0]) if nouns else found
    return found


# Praise with a small critique: "nur die Tüten könnten wiederverschließbar sein", "Einziger Minuspunkt: ..."
_CONTRAST = re.compile(
    r"\b(?:nur (?=die|der|das|den|eure?|euer|deine?|the|your|bitte)|aber|einzige[rs]? (?:minuspunkt|kritikpunkt|haken"
    r"|wermutstropfen|wunsch)|bis auf|abgesehen von|only (?:thing|downside|con|gripe)|but|except|one (?:small |tiny )?"
    r"(?:thing|complaint|gripe|wish|downside))\b",
    re.IGNORECASE,
)
_CRITIQUE_CUE = re.compile(
    r"\b(?:könnte\w{0,2}|sollte\w{0,2}|wäre|würde\w{0,2}|fehlt|fehlen|leider|zu (?!hause|haus)\w{3,}|nicht|kein\w{0,2}"
    r"|kalt|laut|eng|schade|müsst\w{0,2}|solltet|could|should|would|wish|too \w{3,}|not|no|cold|loud|missing|shame"
    r"|downside|need to|have to|ewig|langsam|slow|forever|ages|bitte|please|schwer|kaum|doof|nervig|nervt|blöd|komisch"
    r"|hard|difficult|annoying|tricky|weird)\b",
    re.IGNORECASE,
)


# What was inside came through: "Inhalt aber heil", "beans are fine though"
_INTACT = re.compile(
    r"\b(?:inhalt|content|contents|bohnen|beans|kaffee|coffee|alles|everything)\b[^.!?]{0,15}\b(?:heil|intakt|unversehrt"
    r"|in ordnung|unbeschädigt|unharmed|intact|survived|überlebt|fine|ok|okay)\b",
    re.IGNORECASE,
)


def _critique(text: str, language: str, skip: set[str]) -> str | None:
    """What a fan's small critique after the praise is about, as the critique block takes it ("die Tüte", "the bags");
    "" when it names nothing the lexicon or a capital knows; None without a critique."""
    for match in _CONTRAST.finditer(text):
        clause = re.split(r"[.!?\n,;–—]", text[match.end() :].lstrip(" :"), maxsplit=1)[0]
        if not (_CRITIQUE_CUE.search(clause) or _DAMAGE.search(clause)) or PROFANITY.search(clause):
            continue
        phrase = topic(clause, language, skip=skip)
        if phrase is None or not phrase.bare:
            return ""
        if language != "de":
            return f"the {phrase.bare}"
        return accusative(phrase.full) if phrase.full else f"das Thema {phrase.bare}"  # "was das Thema Karton angeht"
    return None


# A claim that we sell someone else's coffee in our bags: "aus dem Discounter umgefüllt", "relabelled Aldi beans"
_REFILL = re.compile(
    r"\bumgefüllt|\bumfüll\w{0,3}|\bfüll\w{0,3} (?:[\w-]{1,20} ){0,6}um\b|\bumetikett\w{0,5}|\brelabel\w{0,4}"
    r"|\brepackag\w{0,4}"
    r"|\b(?:aus dem|vom|from the|from) (?:discounter|supermarkt|supermarket|aldi|lidl|penny|netto)\b[^.!?]{0,30}"
    r"\b(?:abgefüllt|gekauft|bought|refilled|rebagged)\b",
    re.IGNORECASE,
)


# A wink that something else is in the coffee: "da ist doch bestimmt noch was anderes drin als Kaffee, oder?"
_SECRET_INGREDIENT = re.compile(
    r"\b(?:noch )?(?:was|etwas) (?:anderes|andres) (?:\w+ )?drin\b"
    r"|\bwas (?:ist|is) da (?:wirklich|eigentlich|noch|sonst) drin"
    r"|\bwhat(?:'s| is) (?:really|actually) in (?:it|there|this|that|your)"
    r"|\bsomething (?:else|extra|special) in (?:there|it|this|that|your)"
    r"|\bsecret ingredient|\bgeheimzutat|\bgeheime zutat",
    re.IGNORECASE,
)


# A parcel on its way: "das Paket ist schon unterwegs", "my order shipped yesterday"
_PARCEL_PENDING = re.compile(
    r"\b(?:paket\w{0,2}|päckchen|sendung|parcel|package|lieferung (?:ist|kommt)|bestellung (?:ist|kommt|wurde|hab)"
    r"|order (?:is|was|has|ships|shipped)|(?:schon|already) (?:unterwegs|verschickt|shipped|on its way))\b",
    re.IGNORECASE,
)


# Accusations of wrongdoing toward people (labour, wages, racism): no quip, no bare "we see it differently".
GRAVE = re.compile(
    r"kinderarbeit|child.?labou?r|ausbeut|exploit|sklavenarbeit|sklaverei|slave labou?r|slavery|lohnbetrug|lohndump"
    r"|wage theft|underpa(?:y|id)"
    r"|rassis|racis|sexis|diskriminier|discriminat|mobbing|harass|belästig|menschenrecht|human rights"
    r"|treats? (?:your|their|its) (?:staff|workers|employees|people) (?:badly|terribly|like)|schlecht bezahl"
    r"|behandel\w{0,3} (?:eure|ihre|die) (?:mitarbeit|angestellt|leute)\w{0,4} schlecht",
    re.IGNORECASE,
)


def _thankful_only(text: str) -> bool:
    """Thanks without a problem or a question."""
    troubled = _NEGATIVE_CUES.search(text) or _PROBLEM.search(text) or split_questions(text)
    return bool(_THANKFUL.search(text)) and not troubled


_THANKFUL = re.compile(r"\b(?:danke|vielen dank|thank you|thanks|merci)\b", re.IGNORECASE)
# A delivery criticised for its time: "2-3 Werktage? Tag 8", "dauert ewig", "so slow"
_SLOW_SAID = re.compile(
    r"\b(?:dauer\w{0,3}|lange?|ewig\w{0,2}|werktage?n?|tage?n?|wochen?|spät\w{0,3}|schnell\w{0,3}|langsam\w{0,3}"
    r"|slow\w{0,3}|late|days?|weeks?|long|forever|quick\w{0,3}|\d-\d)\b",  # never "fast" ("fast nur Plastik")
    re.IGNORECASE,
)


# A rumour that we close or go bust, asked about in public: answered with what stands, never deferred.
def _rumoured(text: str) -> bool:
    """A rumour about us, never the person's own state ("bin grad echt pleite 😅", "I'm so broke")."""
    found = RUMOUR.search(text)
    return found is not None and not _OWN_STATE.search(text[max(0, found.start() - OWN_STATE_CHARS) : found.start()])


OWN_STATE_CHARS = 25  # characters before "pleite" that may say whose it is
# "bin pleite", "wir sind zu fünft und pleite", "sind alle pleite", "eine presse und alle pleite": the writer's own
# state
_OWN_STATE = re.compile(
    r"(?:^|\b)(?:bin|ich|i'?m|i am|we'?re|wir sind|wir|sind zu \w+|sind alle|und alle|we are)\b"
    r"(?!.*\b(?:ihr|eure?[mnrs]?|you|your)\b)",
    re.IGNORECASE,
)


RUMOUR = re.compile(
    # "zumachen" of a shop, not of a bag ("eine Tüte, die man wieder zumachen konnte")
    # "pleite" of us, never the person's own ("bin pleite 😭", "ich bin so pleite", "I'm broke")
    r"\b(?:pleite|insolven\w*|(?:ihr|laden|rösterei|shop|geschäft)\b[^.!?]{0,30}\bzumach\w*"
    # "macht ihr zu?", not "macht ihr zu halloween ne edition?" (what is made for the day)
    r"|macht ihr (?:jetzt |etwa |wirklich |echt )?zu(?=\s{0,3}(?:[?!.,]|$|ganz\b|für immer\b))"
    r"|dicht ?mach\w*|schließt ihr|schliesst ihr"
    r"|hört ihr (?:\w+ ){0,2}auf|ihr hört (?:\w+ ){0,2}auf|ganz aufhören|closing down|shutting down"
    r"|going out of business"
    r"|bankrupt|closing for good|going bust|gone bust)\b",
    re.IGNORECASE,
)
# A parcel that came, but late ("kam eine ganze Woche später als angekündigt", "arrived 5 days late").
_ARRIVED_LATE = re.compile(
    r"\b(?:kam|kamen|ist (?:\w+ ){0,3}angekommen|wurde (?:\w+ ){0,3}(?:zugestellt|geliefert)|arrived|came|showed up"
    r"|got here|was delivered)\b[^.!?]{0,40}\b(?:später|zu spät|verspätet|late|too late)\b"
    # "ist leider erst am 28. angekommen", "only arrived on the 28th"
    r"|\b(?:erst|only)\s(?:am|on|nach|after|heute|today|gestern|yesterday)\b[^!?\n]{0,30}\b(?:angekommen|gekommen"
    r"|geliefert|zugestellt|arrived|came|delivered)\b|\bonly (?:arrived|came|got here) (?:on|after|today|yesterday)\b"
    # "kam nach 9 Tagen statt 2–3 an", "arrived after 12 days"
    r"|\b(?:kam|kamen|ist|wurde|arrived|came|showed up|got here)\b[^.!?]{0,20}\b(?:nach|after)\s"
    r"(?:\d{1,2}|zwei|drei|vier"
    r"|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight|nine|ten)\s(?:werk)?(?:tagen|wochen|days|weeks"
    r"|working days)\b"
    # "took 6 working days to get to Hamburg", "hat 7 Werktage gebraucht": here, after the days counted
    r"|\btook (?:(?:\d{1,2}|five|six|seven|eight|nine|ten) (?:whole |full )?(?:working |business )?days?"
    r"|(?:a|one|over a|more than a|two) (?:whole |full )?weeks?)"
    r"(?: to (?:get|arrive|reach|come)\b|\W{0,3}$|\W{0,3}[.!,])"
    r"|\bhat (?:\d{1,2}|fünf|sechs|sieben|acht|neun|zehn) (?:ganze )?(?:werk)?tage"
    r" (?:gebraucht|gedauert)\b|" + LATE_TOLD,  # "your '2-3 working days' became 8 days", "showed up after the party"
    re.IGNORECASE,
)
# A parcel that came, left outside without a ring: "ohne zu klingeln auf die Treppe gestellt", "didn't even ring"
_NO_RING = re.compile(r"\bklingel\w{0,2}|\bgeklingelt|\bring(?:ing)?\b|\bknock\w{0,3}", re.IGNORECASE)
_NOTHING_BROKEN = re.compile(
    r"\b(?:nichts|nix) (?:ist )?(?:kaputt|beschädigt|passiert)|nothing (?:was |got )?(?:broken|damaged)"
    r"|(?:alles|inhalt) (?:ist )?(?:heil|ok|okay|trocken)\b",
    re.IGNORECASE,
)
# Only the box soaked: "Der Karton war völlig aufgeweicht", "the box was soggy"
_SOAKED_BOX = re.compile(
    r"\b(?:karton|box|cardboard|umkarton)\b[^.!?]{0,25}\b(?:aufgeweicht|durchgeweicht|durchnässt|nass|soaked|soggy"
    r"|wet)\b|\b(?:aufgeweicht|durchgeweicht|soaked|soggy|wet)\w{0,2} (?:karton|box|cardboard)\b",
    re.IGNORECASE,
)
_DROPPED_OFF = re.compile(
    r"\b(?:ohne (?:zu )?klingeln|nicht (?:mal |einmal )?(?:ge)?klingel\w{0,2}|didn'?t (?:even )?ring|without ringing"
    r"|(?:vor die tür|auf die treppe|in den hausflur|vor die haustür|ins treppenhaus)"
    r" (?:ge)?(?:stellt|gelegt|abgestellt)"
    r"|(?:left|dumped|dropped) (?:it |the parcel |the box |my parcel )?(?:on|at|outside) (?:the |my )?(?:door|doorstep"
    r"|stairs|steps|porch)"
    # "der Karton nass vor der Haustür stand ... dass sie bei Regen nicht draußen abstellen sollen"
    r"|vor der (?:haus)?tür (?:stand|lag)|draußen (?:abstellen|abgestellt|stehen lassen|hingestellt)"
    r"|left (?:it |the parcel |the box )?outside)",
    re.IGNORECASE,
)
_STILL_WAITING = re.compile(r"\b(?:immer noch|noch nicht|still|not yet|yet to)\b", re.IGNORECASE)
# A fan's question put to the brand, not to the coffee ("are you guys at the festival today?", "habt ihr ...?").
_TO_US = re.compile(r"\b(?:ihr|euch|eure[nmrs]?|you guys|y'?all|you all)\b", re.IGNORECASE)
# What we roast, asked about without a "you": "Ist die neue Ernte schlechter?", "is the new batch different?"
_OUR_BATCH = re.compile(
    r"\b(?:neue\w{0,2} (?:ernte|röstung|charge|lieferung)|new (?:harvest|crop|batch|roast|delivery)|the (?:harvest"
    r"|batch|roast))\b",
    re.IGNORECASE,
)


# "Any chance you'll have a stand on the route next year?": something we would do, asked of us
_YOU_WILL = re.compile(r"\b(?:you'?ll|you will|will you|are you (?:going|planning)|do you plan)\b", re.IGNORECASE)


def _to_us(question: str) -> bool:
    """The question is asked of us ("Habt ihr an der Röstung was geändert?", "Ist die neue Ernte schlechter?")."""
    return bool(_TO_US.search(question) or _OUR_BATCH.search(question) or _YOU_WILL.search(question))


# "kein rabatt?? überall sonst 30%", "no black friday discount?": the deal missing is the complaint
_NO_DEAL_GIVEN = re.compile(
    r"\b(?:kein\w*|no|not? any|nix|nichts|ohne|without)\s+(?:\w+\s+){0,2}?(?:rabatt\w*|discount\w*|prozente|sale"
    r"|rabattcode\w*|codes?|deals?)\b",
    re.IGNORECASE,
)
# An eye-roll that makes the question around it a jibe ("🙄 wann kommt die eigene nft kollektion").
_EYE_ROLL = re.compile(r"🙄|🤡|🥱|\bach guck\b|\bna toll\b|\byeah right\b|\bsure, jan\b", re.IGNORECASE)
_NO_DEAL = frozenset({"policy_discounts", "policy_sales", "policy_codes"})
_MAYBE_RUMOUR = frozenset({"defer", "question", "uncertain", "other", "criticism", "accusation", "troll"})
_MAYBE_GRAVE = frozenset({"accusation", "criticism", "question", "troll", "uncertain", "other", "price_criticism"})
# "in person instead of ordering online", "statt online zu bestellen": a way to buy, not a wrong item
_ELSEWHERE = re.compile(
    r"\b(?:instead of|rather than) (?:ordering|buying|shipping|getting it|order|buy)\w*"
    r"|\b(?:statt|anstatt) (?:\w+ ){0,2}(?:zu )?(?:bestellen|kaufen|liefern|schicken)\b",
    re.IGNORECASE,
)


# A grinder that misbehaves: "klappert innen, als wäre was lose", "mahlt total ungleichmäßig", "the crank wobbles"
_FAULT = re.compile(
    r"\b(?:klapper\w{0,2}|rassel\w{0,2}|wackel\w{0,2}|lose|locker|ungleichmäßig|quietsch\w{0,2}|hakt|klemmt"
    r"|dreht durch|mahlt nicht|rattl\w{0,3}|wobbl\w{0,3}|loose|uneven\w{0,2}|squeak\w{0,3}|stuck|slips?)\b",
    re.IGNORECASE,
)
_GRINDER = re.compile(r"\b(?:\w{0,10}mühle|grinder|kurbel|crank|mahlwerk|burrs?)\b", re.IGNORECASE)
_BUT = re.compile(r"\b(?:aber|but|nur|only|leider|unfortunately)\b", re.IGNORECASE)


# A parcel that came but was left out: "sat outside my door all day", "stand den ganzen Tag vor der Tür"
_LEFT_OUTSIDE = re.compile(
    r"\b(?:sat|stood|was left|left|lay) (?:\w+ ){0,3}(?:outside|on the doorstep|in the (?:cold|rain|sun|heat))\b"
    r"|\b(?:vor der tür|draußen|im regen|in der kälte|in der sonne)\b[^.!?]{0,30}\b(?:gestanden|stand|lag|gelegen)\b",
    re.IGNORECASE,
)
# Where the beans come from and what the farmers are paid: a question of sourcing, not of our prices
_SOURCING = re.compile(
    r"\b(?:rohkaffee|green coffee|herkunft|origin|woher|where do (?:you|your)|bauern|farmer\w?|farmen|farms?"
    r"|fair\w{0,2} (?:preise?|bezahl\w{0,3}|gehandelt|trade)|fair(?:ly)? (?:paid|prices?|traded))\b",
    re.IGNORECASE,
)


def _swapped(text: str) -> bool:
    """One item came for another ("got X but ordered Y"), a way to buy instead of ordering online left out."""
    return bool(_WRONG_ITEM.search(_ELSEWHERE.sub(" ", _WRONG_CHOICE.sub(" ", text))))


# A wrong choice feared before buying: "ich will nicht die falsche Sorte erwischen", "don't want to get the wrong one"
_WRONG_CHOICE = re.compile(
    r"\b(?:nicht|not|don'?t|do not|never|kein\w{0,2}|angst)\b[^.!?]{0,25}\b(?:falsche\w{0,2}|wrong)\b[^.!?]{0,25}"
    r"\b(?:erwisch\w{0,3}|kauf\w{0,3}|nehm\w{0,3}|bestell\w{0,3}|schenk\w{0,3}|hol\w{0,3}|pick|buy|get|order|choose)\b",
    re.IGNORECASE,
)


# "Ordered two bags of X ..., opened the box and it's Y": with two of our products named, one came for the other.
_ORDERED_ONE = re.compile(r"\b(?:ordered|bestellt|order|bestellung)\b", re.IGNORECASE)


def _products_named(text: str, profile: VoiceProfile) -> set[str]:
    """The names of our products that a text names."""
    folded = fold(text)
    return {p.name for p in profile.brand.products if has_phrase(folded, fold(p.name))}


# Thanks that decline something, never thank us: "Glühwein? Nee danke", "no thanks"
_THANKS_DECLINED = re.compile(r"\b(?:nee|nein|nö|no),? (?:danke|thanks)\b", re.IGNORECASE)
# A question whether coffee (or tea instead) is good for someone ill: a doctor's question, never the team's
_DRINK_ASKED = re.compile(
    r"\b(?:coffee|kaffee|tea|tee|caffeine|koffein|espresso|espressi|espressos|decaf|cups?|tassen?)\b", re.IGNORECASE
)
# A question for a doctor: coffee when ill or pregnant, how much caffeine is too much ("wie viele espressi am tag sind
# zu viele?"), never "cold brew"
HEALTH_ASKED = re.compile(
    r"\b(?:" + ILLNESS + r"|zu viele?|too (?:much|many)|wie viel koffein|how much caffeine|blutdruck|blood pressure"
    r"|herzrasen|palpitations|medikament\w{0,2}|medication|arzt|ärztin|doctor"
    # "Ist Kaffee eigentlich gesund?", "is coffee actually healthy?"
    r"|gesund|ungesund|healthy|unhealthy|gut fürs (?:herz|hirn)|good for (?:your |the )?(?:heart|health|brain)"
    # "is an espresso before the start a good idea or will i regret it at km 30??": a sports doctor's question
    r"|(?:good|bad) idea\b[^?]{0,30}\b(?:race|run|start|marathon|workout|training)|(?:before|vor) (?:the |dem |der )?"
    r"(?:race|run|start|marathon|workout|training|lauf|rennen|wettkampf)\b[^?]{0,30}\b(?:good idea|gute idee|ok|okay"
    r"|ja oder nein|yes or no)"
    # "espresso vorm start ja oder nein?"
    r"|(?:vorm|vor dem|before the|before my) (?:start|lauf|rennen|wettkampf|race|run|(?:halb)?marathon)\b[^?]{0,25}"
    r"\b(?:ja oder nein|yes or no|ja oder (?:dumme|schlechte|keine gute) idee|(?:good|bad|dumb) idea)"
    r")\b",
    re.IGNORECASE,
)
# ... asked without a question mark: "is coffee even a good idea rn or should i switch to tea"
_SHOULD_I_DRINK = re.compile(
    r"\b(?:is|should i|can i|darf ich|soll ich|kann ich|sollte ich|ist)\b[^.!?\n]{0,30}\b(?:coffee|kaffee|tea|tee)\b"
    r"[^.!?\n]{0,30}\b(?:good idea|gute idee|okay|ok|gut|schlecht|bad|switch|umsteigen|trinken|drink)\b",
    re.IGNORECASE,
)


# Coffee before a race or a run: "espresso before the start", "vorm Marathon", "on race day"
_RACE_ASKED = re.compile(
    r"\b(?:race|run|start|marathon|halbmarathon|half marathon|workout|training|lauf|rennen|wettkampf|km \d+"
    r"|race day)\b",
    re.IGNORECASE,
)
# A doctor who has advised already: "my doctor told me to lay off caffeine", "Mein Hausarzt meint, ich soll reduzieren"
_ADVISED = re.compile(
    r"\b(?:doctor|doc|gp|arzt|ärztin|hausarzt|hausärztin)\b[^.!?]{0,12}\b(?:told|said|says|recommended|advised|wants"
    r"|meint|sagt|hat gesagt|rät|riet|empfiehlt|will)\b",
    re.IGNORECASE,
)
_MEDICAL = re.compile(
    r"\b(?:doctor|doc|gp|arzt|ärztin|meds|medication|medikament\w{0,2}|tablette\w{0,2}|pills|\d+ ?mg|blutdruck"
    r"|blood pressure|schwanger\w{0,2}|pregnan\w{0,3}|stillen|breastfeed\w{0,3}|herz\w{0,6}|heart)\b",
    re.IGNORECASE,
)


def _asks_when_sick(request: GenerationRequest, situation: str) -> bool:
    """Someone ill asks whether coffee is a good idea ("or should i switch to tea"), with no case for a team."""
    text, analysis = request.message.text, request.analysis
    if request.message.mode != "reply" or analysis.escalation or occasion(text) != "sick" or _MEDICAL.search(text):
        return False  # "my doctor said max 200mg a day while im on these meds 🤒": a limit to respect, no joke
    if _CONTENT_ASKED.search(text):
        return False  # "erkältet ... wie viel koffein hat ein espresso von euch??": a figure about our coffee
    read = [str(q.text) for q in analysis.questions]  # "darf ich trotzdem meinen espresso oder ...": no "?" to split at
    if any(_pick_asked(q) for q in read):
        return False  # "wiesn-kater deluxe. welcher espresso rettet mich heute": a pick of ours, no doctor's matter
    asked = [q for q in (*split_questions(text), *read) if _DRINK_ASKED.search(q)] or _SHOULD_I_DRINK.search(text)
    answered = any(q.fact for q in analysis.questions)  # "also do you even have decaf": a fact to give, no aside
    return bool(asked) and not answered and situation in ("question", "defer", "other", "uncertain", "praise", "joke")


# A fan's question asked in passing all the same: "... >>> where are the beans from btw?", "woher kommen die Bohnen?"
_ASKED_ASIDE = re.compile(
    r"\b(?:btw|by the way|übrigens|out of curiosity|aus neugier)\b|\bwhere (?:are|is|do|does) (?:the|your|these|this)"
    r" (?:beans?|coffee|blend)\b|\bwoher (?:kommen|stammen|habt ihr)\b",
    re.IGNORECASE,
)
# How or where the writer does something with what we sold: "wo lös ich den ein?", "how do I redeem it?"
_HOW_DO_I = re.compile(r"\b(?:wo|wie) (?:\w{1,12} ){0,2}(?:ich|man)\b|\b(?:where|how) (?:do|can|should) i\b", re.I)
# A brewing setting asked for: "what grind for aeropress??", "welche Stufe für die French Press?"
_SETTING_ASKED = re.compile(
    r"\b(?:what|which|welche[rns]?|wie ?viel\w{0,2})\b[^?.!]{0,25}\b(?:grind\w{0,4}|mahlgrad\w{0,2}|stufe|setting"
    r"|ratio|verhältnis|dosierung|temperatur|temperature)\b",
    re.I,
)


# A parcel stuck on its way: "tracking hasn't moved in 4 days", "Sendungsverfolgung bewegt sich nicht", "hängt fest"
_STUCK = re.compile(
    r"\b(?:tracking|status|sendung\w{0,10}|paket)\b[^.!?]{0,30}\b(?:hasn'?t|has not|didn'?t|doesn'?t|not|nicht)"
    r" (?:moved|changed|updated|been updated|bewegt|geändert|aktualisiert)|\b(?:is |been |ist )?stuck\b"
    r"|\bhängt (?:\w{1,12} )?(?:fest|seit)|\bno (?:tracking )?updates?\b|\bkein(?:e)? (?:update|bewegung)\b"
    # "die Sendungsverfolgung zeigt seit Montag nur noch „in Bearbeitung“", "still says label created"
    r"|\b(?:nur noch|immer noch|still|only|just) [\"„“']?(?:in bearbeitung|in progress|processing|label created"
    r"|angekündigt|announced)\b"
    # "tracking has said \"in delivery\" since friday and nothing since", "Sendungsverfolgung sagt seit Montag ..."
    r"|\b(?:tracking|status|sendungsverfolgung)\b[^.!?]{0,40}\b(?:since|seit)\b|\bnothing since\b"
    r"|\bseitdem (?:nichts|nix)\b",
    re.IGNORECASE,
)


# A problem that is not the first of its kind: owned once, after the opening.
_AGAIN = re.compile(
    r"\b(?:schon wieder|wieder mal|zum (?:zweiten|dritten|\d+\.) mal|zweiten monat|dritten monat|erneut"
    r"|(?:zweite|dritte|vierte) (?:lieferung|bestellung|tüte|paket|mal)\w{0,2} (?:hintereinander|in folge)"
    r"|(?<!a )(?:second|third|\d+(?:nd|rd|th)) (?:time|month|week)s?(?: in a row| running)?|again|in a row)\b",
    re.IGNORECASE,
)
# ("roasted a second time in the back of a DHL van" is a joke, not a problem that happened before)
# "makes me never order again", "nie wieder bestellen": a threat for the future, not a problem that happened before
_NOT_AGAIN = re.compile(
    r"\b(?:never|won'?t|will not|not|nie|nicht|niemals|kein)\b[^.!?]{0,40}\b(?:again|wieder)\b"
    r"|\b(?:hi|hey|hello|hallo) (?:again|nochmal|wieder)\b"  # "hi again, I sent you my order number": a greeting
    # "it's me again from yesterday", "ich bin's nochmal": the same person, not the same problem twice
    r"|\b(?:it'?s|its) me again\b|\bme again\b|\bich (?:bin'?s|bins) (?:wieder|nochmal)\b"
    r"|\b(?:order|buy|shop|come back|bestell\w{0,2}|kauf\w{0,2})\b[^.!?]{0,15}\bagain\b"
    # "letzten Donnerstag abgebucht und heute morgen schon wieder": the double charge itself, not a second case
    r"|\b(?:abgebucht|belastet|abgezogen|charged|billed|debited|taken|twice|zweimal|doppelt)\b(?:[^.!?]|(?<=\d)\.){0,80}"
    r"\b(?:schon wieder|wieder|again|erneut)\b"  # "zweimal abgebucht, einmal am 14. und erneut am 16."
    # "fristgerecht gekündigt. Dennoch wurden am 15. September erneut 24,90 € abgebucht": one charge too many
    r"|\b(?:erneut|wieder|again|nochmal|noch einmal)\b(?:[^.!?]|(?<=\d)\.){0,40}\b(?:abgebucht|belastet|abgezogen"
    r"|eingezogen|charged|billed|debited)\b|\b(?:charged|billed|debited) (?:me |us )?again\b",
    re.IGNORECASE,
)
_AGAIN_SITUATIONS = frozenset(
    {
        "wrong_item",
        "damaged_item",
        "delivery_problem",
        "defect",
        "billing",
        "refund_request",
        "order_status",
        "arrived_late",
        "left_outside",
        "dropped_off",
    }
)
# A flavoured coffee wished for: "PUMPKIN SPICE WHEN??", "kaffee mit brezelgeschmack 😂", "lebkuchen edition pls"
_FLAVOUR = re.compile(
    r"\b(pumpkin spice|kürbis(?:gewürz|geschmack)?|pumpkin|lebkuchen\w{0,10}|spekulatius|gingerbread|zimt\w{0,10}"
    r"|cinnamon|vanill\w{0,10}|karamell\w{0,10}|caramel|haselnuss\w{0,10}|hazelnut|brezel\w{0,10}|brezn\w{0,10}|breze|pretzel|marzipan"
    r"|glühwein\w{0,10}|eggnog)\b",
    re.IGNORECASE,
)
# ... as a coffee of ours: a coffee, an edition, a taste, or asked on its own ("pumpkin spice when??")
_FLAVOURED = re.compile(
    r"\b(?:kaffee|coffee|edition|latte|sorte|roast|röstung|blend|bohnen|beans|flavou?r\w{0,2}|geschmack|aroma|spice)\b"
    r"|\b(?:when|wann|pls|please|bitte)\b",
    re.IGNORECASE,
)
_FLAVOUR_INTENTS = frozenset({"stock_question", "product_question", "other", "praise", "troll", "criticism"})


# A seasonal edition of ours asked for: "wann kommt die oktoberfest edition??", "any christmas blend this year?"
_EDITION = re.compile(
    r"\b(oktoberfest|wiesn|halloween|weihnachts?|christmas|xmas|oster|easter|advents?|herbst|autumn|winter"
    r"|sommer|summer|valentinstags?)[ -]?(?:edition|blend|röstung|sorte|special)\b",
    re.IGNORECASE,
)


def _products_told(profile: VoiceProfile) -> str:
    """Every product's name and description in all languages, folded: what a wished flavour or edition is not."""
    return fold(" ".join(f"{p.name} {' '.join(p.text.values())}" for p in profile.brand.products))


def _edition_wished(text: str, profile: VoiceProfile) -> str:
    """The occasion of a special edition asked for that no product of ours is ("Oktoberfest"), or ""."""
    found = _EDITION.search(text[:MAX_AROUND])
    if found is None or fold(found.group(1)) in _products_told(profile):
        return ""
    return found.group(1)


def _flavour_wished(text: str, profile: VoiceProfile) -> str:
    """The flavour of a coffee wished for that no product of ours has ("Brezelgeschmack"), or ""."""
    found = _FLAVOUR.search(text[:MAX_AROUND])
    pairing = re.search(r"\b(?:passt|goes|pairs?|combo|kombi\w{0,4})\b", text, re.IGNORECASE)
    if not found or _RECOMMEND.search(text) or pairing:  # "coffee + pretzel combo would go so hard": a pairing
        return ""  # "welcher Kaffee passt zu Zimtschnecken?": a pairing, no flavour wished
    near = text[max(0, found.start() - 25) : found.end() + 25]
    if not _FLAVOURED.search(near) or fold(found.group(1)) in _products_told(profile):
        return ""
    tasted = re.match(r"[ -](geschmack|aroma|flavou?r)\b", text[found.end() : found.end() + 12], re.IGNORECASE)
    if tasted:  # "kaffee mit brezn geschmack", "Brezel-Aroma": the taste wished, not the pretzel itself
        german = fold(tasted.group(1)) in ("geschmack", "aroma")
        return f"{found.group(1)}-{tasted.group(1).capitalize()}" if german else f"{found.group(1)} flavour"
    return found.group(1)


# Replies that only warn, decline or deflect: they answer no question and echo nothing of the message.
DEFLECTING = frozenset(
    {"spam", "scam", "scam_contact", "scam_dm", "scam_report", "injection", "troll", "accusation", "accusation_grave"}
    | {"refill_claim", "content_jibe", "snob_jibe", "taste_jab", "secret_ingredient", "story_jibe", "roast_jibe"}
)
_NO_QUESTIONS = DEFLECTING | {"uncertain", "outreach", "offtopic", "community_ask", "shop_pointer"}
_NO_QUESTIONS |= {"price_question", "misdelivered", "misdelivered_dm", "unwell", "call_only"}
_NO_QUESTIONS |= {
    "weathered",
    "weathered_damaged",
    "packaging_criticism",
    "plastic_criticism",
}  # the one question, answered by the situation itself
_NO_QUESTIONS |= {"invoice_fix"}  # "Can you re-issue it?": the step says how
_NO_QUESTIONS |= {
    "flavour_wish",
    "flavour_joke",
    "edition_wish",
    "edition_joke",
}  # "pumpkin spice when??": not in the range, said by the reply
_FLAVOUR_JOKED = re.compile(r"😂|🤣|😆|😜|\b(?:haha\w*|lol|lmao|oder so|or something|or smth)\b", re.IGNORECASE)
_NO_QUESTIONS |= {"riddle"}  # its question is the joke's, answered by its own punchline
# "wo bitte?? Find im Kundenkonto nix", "komme mit dem Konto nicht zurecht": the way out answers it
_NO_QUESTIONS |= {"cancel_subscription_help", "cancel_subscription_stuck"}
# Our opinion asked on a playful either-or: "what's your professional opinion?", "Was sagt ihr als Profis?"
_OPINION_ASKED = re.compile(
    r"\b(?:what'?s|what is) (?:your|ur) (?:professional |honest |expert |official )?(?:opinion|take|verdict)\b"
    r"|\bwhat do (?:you|u) (?:guys |all )?(?:say|think)\b|\bwas sagt ihr\b|\bwas meint ihr\b"
    r"|\beure (?:profi-?|ehrliche |fachliche |professionelle )?meinung\b",
    re.IGNORECASE,
)


_MAYBE_RIDDLE = frozenset({"question", "defer", "other", "other_neutral", "uncertain", "praise", "joke"})
_GREETING_WORDS = re.compile(r"^\W*(?:hallo|hi|hey|moin|servus|hello)\b|[😍🥰❤💛🙌☕🔥]", re.IGNORECASE)
_MAYBE_OFFTOPIC = frozenset(
    {
        *(
            "question",
            "defer",
            "other",
            "other_neutral",
            "other_negative",
            "criticism",
            "taste_criticism",
            "price_criticism",
        ),
        *("uncertain", "accusation", "praise", "job_application", "stock_question", "service_general"),
        "accusation_grave",
        "service_complaint",
    }
)


_SENT_BACK = re.compile(
    r"zurückgeschickt|zurückgesendet|zurückgegeben|retourniert|sent (?:it |them )?back|returned (?:it|them|the)",
    re.IGNORECASE,
)
# An order placed a day or two ago: "Ich habe am Montag bestellt", "ordered yesterday"
_JUST_ORDERED = re.compile(
    r"\b(?:(?:am|letzten) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|gestern|vorgestern|heute"
    r"(?: früh| morgen)?) (?:\w{1,12} ){0,2}bestellt\b|\bbestellt (?:am|letzten) (?:montag|dienstag|mittwoch|donnerstag"
    r"|freitag|samstag|sonntag)\b|\bordered (?:it |them )?(?:yesterday|today|this morning|on (?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:wenn|falls) ich\b[^.?!]{0,30}\bbestell|\bif i (?:order|buy)\b"
    # "Ich bestelle heute, Dienstag. Kommt der Kaffee noch vor dem Wochenende an?": ordered today, not yet
    r"|\bich (?:bestelle|bestell|würde|werde|will|möchte) (?:\w{1,12} )?(?:heute|morgen|jetzt|gleich)\b(?! bestellt)"
    r"|\bi(?:'m| am)? (?:ordering|going to order|will order|'ll order|order) (?:it |them )?(?:today|tonight|now)\b"
    r"|\bbis wann (?:muss|müsste|sollte|kann) (?:ich|man)\b[^.?!]{0,20}\bbestell|\bwhen (?:do|should|must) i order\b"
    r"|\blast (?:day|date) to order\b|\bletzte[nr]? bestelltag\b"
    r"|\bkann (?:ich|man)\b[^.?!]{0,40}\b(?:telefonisch|per telefon|per post|per brief|per mail|per e-mail|whatsapp)"
    r"[^.?!]{0,20}\bbestellen\s*\?",
    re.IGNORECASE,
)
# A follow-up that joins someone else's complaint: "bei mir genau das gleiche", "same here", "same problem".
_SAME_HERE = re.compile(
    r"\b(?:bei mir (?:genau )?(?:das gleiche|dasselbe|genauso|auch so)|(?:genau )?das gleiche problem"
    r"|same (?:here|problem|issue|thing here)|me too,? (?:same|my order)|ich auch,? (?:meine|mein))\b",
    re.IGNORECASE,
)
_MONEY_RANT = re.compile(
    r"(?:\d+[,.]\d{2}|\d+ ?(?:€|euro)|[€$£] ?\d+)[^.!?]{0,60}\?{1,3}[^.]{0,40}"
    r"\b(?:lieber|dann geh|dann kauf|supermarkt|supermarket|discounter|frech|abzocke|echt jetzt|ernsthaft|seriously"
    r"|rather"
    r"|hipster|who (?:is |are )?(?:actually |even |really )?(?:pays?|paying|buys?|buying)"
    r"|wahnsinnig|verrückt|irre|spinnt ihr|crazy|insane|are you mad|you mad"
    r"|rip.?off|übertrieben|too much|zu viel|überteuert|lidl|aldi|rewe|edeka|penny|netto|kaufland|tesco|walmart"
    r"|starbucks)",
    re.IGNORECASE,
)


def _names_ours(text: str, language: str, profile: VoiceProfile) -> bool:
    """Whether the message's noun phrase names something the profile tells about (a product, a fact's word)."""
    found = topic(text, language, skip=set())
    said = fold(" ".join([*profile.public_texts(), *(k for f in profile.brand.facts for k in f.keywords)]))
    return found is not None and has_phrase(said, fold(found.bare), whole=False)


def _with_topic(question: str) -> str:
    """The question with the topic it implies: "ist das bis Samstag da?" asks how long delivery takes."""
    return f"{question} lieferzeit delivery" if _BY_DAY.search(question) or _HOW_LONG_TO.search(question) else question


# "wie lange braucht ihr nach München?", "how long to Vienna?": a delivery time to a place.
_HOW_LONG_TO = re.compile(r"\b(?:wie lange?|how long)\b[^.!?]{0,30}\b(?:nach|to)\s+[A-ZÄÖÜa-zäöü]", re.IGNORECASE)
# A change asked for ("kann ich statt der Kiezmischung lieber den Espresso bekommen?"), not a wrong delivery.
_SWITCH = re.compile(
    r"\b(?:kann ich|können wir|könnt ihr|could i|can i|möchte|würde (?:gern|gerne)|would like)\b[^?]{0,80}"
    r"\b(?:statt|lieber(?!\s+(?:nicht|doch nicht))|instead|rather(?!\s+not))\b",  # "oder lieber nicht": no switch
    re.IGNORECASE,
)
_DELIVERED = re.compile(
    r"\b(?:kam|kamen|geliefert|geschickt|erhalten|bekommen habe|received|got|arrived|came|sent)\b", re.IGNORECASE
)
_DAYS = (
    r"(?:(?:dem |zum )?wochenende|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|weihnachten"
    r"|heiligabend|silvester"
    r"|ostern|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|christmas(?: eve)?|xmas|new year"
    r"|ostersonntag|ostermontag|karfreitag|pfingsten|pfingstsonntag|himmelfahrt|muttertag|easter(?: sunday)?"
    r"|mother'?s day"
    # "bis zum 3. Juni", "by the 12th"
    r"|(?:zum |dem )?\d{1,2}\. ?(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)"
    r"|(?:the )?\d{1,2}(?:st|nd|rd|th))"
)
# A way to pay named in a question: "Geht bei euch auch Klarna oder Apple Pay?"
_PAY_METHOD = re.compile(
    r"\b(?:klarna|apple ?pay|google ?pay|paypal|kreditkarte|credit card|lastschrift|sofortüberweisung|vorkasse"
    r"|auf rechnung|on invoice|by invoice|bar zahlen|cash)\b",
    re.IGNORECASE,
)
# The last day to order in time: "last order date for christmas", "Bestellschluss vor Weihnachten"
_LAST_ORDER = re.compile(
    r"\b(?:last (?:order|shipping|posting) (?:date|day)|order (?:deadline|cut-?off)|bestellschluss|letzte[rn]? "
    r"(?:bestelltag|bestelltermin|tag (?:zum|für die) bestell\w{0,4})|bis wann (?:kann|muss) (?:ich|man) bestellen"
    r"|(?:until|by) when (?:can|should|do) (?:i|we) (?:order|have to order)"
    # "Und wie früh müsste ich bestellen?", "how early should we order?"
    r"|wie früh (?:muss|müsste|sollte|soll) (?:ich|man|wir) (?:\w+ ){0,2}bestellen"
    r"|how (?:early|far ahead|far in advance) (?:should|do|would|must) (?:i|we) (?:\w+ ){0,2}order)\b",
    re.IGNORECASE,
)
_BY_DAY = re.compile(
    rf"\b(?:bis|by|vor|before|until)\s+{_DAYS}\b[^.!?]{{0,30}}\b(?:da|an|hier|there|arrive|ankommen|ankommt|geliefert)\b"
    # "kommt das noch bis heiligabend??", "will it arrive before christmas?": the verb first
    rf"|\b(?:kommt|kommen|ankommt|da sein|klappt|schafft ihr|schaffen sie|schaffst du|arrive|get here|make it"
    rf"|be here)\b[^.!?]{{0,25}}"
    rf"\b(?:bis|by|vor|before|until)"
    rf"\s+(?:{_DAYS}|dahin)\b"  # "nächsten freitag geburtstag, klappt das bis dahin??"
    # "Hab am 29. bestellt, wie lange dauert das gerade über Neujahr?": how long it takes, at a time of year
    r"|\b(?:wie lange dauert|how long (?:does|will|would) (?:it|that|this|shipping|delivery) take)\b",
    re.IGNORECASE,
)
# What makes a message about a device a defect report ("mahlt ungleichmäßig", "Kurbel klemmt", "stopped working").
_PROBLEM = re.compile(
    r"kaputt|defekt|ungleichmäßig|klemmt|hakt|streikt|quietscht|wackelt|locker|abgebrochen|gebrochen|snapped|cracked|"
    r"fell off|came off|abgefallen|gerissen|knack|knirsch|geräusch|klapper|schleif|noise|rattl|grinding sound|"
    r"funktioniert nicht|geht nicht|geht nix|nicht mehr|dreht durch|kommt nix|hinüber|broke|broken|stopped|"
    r"doesn.?t work|not working|stuck|jammed|loose|squeak|uneven|problem|fehler|error",
    re.IGNORECASE,
)
_PRESALE = re.compile(
    # never "will nicht direkt ne neue kaufen müssen" (a grinder of ours that broke)
    r"\b(?:wollte|will|möchte|würde|überlege)\b(?! nicht)[^.!?]{0,30}\b(?:holen|kaufen|bestellen|zulegen)\b"
    r"|\bmeine alte\b"
    r"|\b(?:thinking (?:of|about) (?:buying|getting)|before i buy|my old one)\b",
    re.IGNORECASE,
)
_FOND = re.compile(r"\b(?:solide|schön|endlich|gleichmäßig|begeistert|liebe|solid|smooth|finally|beautiful)\b", re.I)


STRONG_DEFECT = 2.5  # a defect cue this strong ("funktioniert nicht", "Kurbel abgebrochen") is a defect whatever else
# An old or opened bag is an after-sales case even without a damage word.
_STALE = re.compile(
    r"rostdatum|roast(?:ed)? (?:date|on)|abgelaufen|mhd|stale|old beans|alt(?:e|en)? bohnen|aufgerissen"
    # opened on arrival, not "my opened bag sat on the counter for 10 days" (opened at home: a shelf-life question)
    r"|(?:geoffnet|offen|angebrochen|opened)\b(?=[^.!?]{0,40}\b(?:an|angekommen|arrived|came|geliefert|delivered))"
    r"|\b(?:angekommen|arrived|came|kam|geliefert|delivered|paket|package|parcel|lieferung)\b[^.!?]{0,40}"
    r"(?:geoffnet|offen\b|angebrochen|opened)"
)


def _wishes_delivery(text: str) -> bool:
    """ "please ship to ireland!!": a place and a wish that we deliver there."""
    return bool(_SHIP_TO.search(text)) and bool(place(text, "de")[0])


def _ship_to(text: str, language: str) -> str | None:
    """ "please ship to the UK!!" as the question it is: "whether we ship to the UK"."""
    name = place(text, language)[0]
    return _shipping_whether(name, language) if name and _SHIP_TO.search(text) else None


def _lives_at(named: str, language: str) -> str | None:
    """ "my brother lives in Rotterdam, can he order too?": whether we ship to the place named, or None."""
    name = place(named, language)[0]
    return _shipping_whether(name, language) if name else None


def _shipping_whether(name: str, language: str) -> str:
    """ "whether we ship to the UK", "ob wir nach Italien liefern": shipping to a place, as an open question."""
    article = "the " if name.upper() in ("UK", "USA", "US") or name.lower() == "netherlands" else ""
    return f"ob wir nach {name} liefern" if language == "de" else f"whether we ship to {article}{name}"


def _uncovered_place(text: str, named: str, fact: Fact | None, profile: VoiceProfile, language: str) -> str | None:
    """ "Could you send our subscription there?" after "holiday flat in Italy": the subscription's fact says
    nothing of Italy, so whether we ship there stays honestly open."""
    if fact is None or _ships(fact) or not (_SENDING.search(text) and DEICTIC.search(text)):
        return None
    name = place(named, language)[0]
    if not name or _place_fact(named, profile) is not None or _home_place(named):
        return None
    return _shipping_whether(name, language)


# A question without its "?": the verb first ("is X any good ...", "gibt es X auch in ...").
# Whether we make or sell something too: "macht ihr auch nen bier-kaffee", "do you guys also do a pumpkin one"
_OFFER_ASKED = re.compile(
    r"\b(?:macht|habt|verkauft|bietet) ihr\b[^.!?]{0,40}\bauch (?:nen|einen|eine|ein|so)\b"
    r"|\bdo you (?:guys )?(?:also )?(?:make|have|sell|do) an?\b",
    re.IGNORECASE,
)
_VERB_FIRST = re.compile(
    r"(?:is|are|does|do|can|could|will|would|should|has|have|kann|können|gibt|gibt's|gibts|ist|sind|habt|hat"
    r"|liefert|macht|könnt|verschickt)\s",
    re.IGNORECASE,
)
_SHIP_TO = re.compile(
    r"\b(?:ship|deliver|liefer\w*|versend\w*|schick\w*|get|gets|arrive|arrives|make it|reach)\b[^.!?]{0,20}\b(?:to|nach"
    r"|in)\b|\b(?:nach|to) [A-ZÄÖÜa-zäöü]\w+\b[^.!?]{0,30}\b(?:ankommen|ankommt|da sein|geliefert|liefert|liefern"
    r"|versendet|verschickt|schickt)\b",
    re.I,
)
_INSTEAD = re.compile(r"\b(?:instead of|rather than|statt|anstatt|lieber)\b", re.IGNORECASE)
# Someone tracing a parcel ("wo bleibt", "hängt seit 5 Tagen", "hallo??"), not asking how something works.
_TRACED = re.compile(
    r"\b(?:wo|where|wann|when|status|tracking|sendungs\w*|update|noch nicht|still|yet|immer noch|"
    r"nothing|nichts|nix)\b"
    r"|\bseit\b|\bsince\b|\bhängt|\bstuck\b|\bhallo\s*\?\?|\bfor (?:\d+|a few|two|three) days\b"
    r"|\blaut (?:dhl|dpd|hermes|tracking|sendungsverfolgung)\b|\baccording to (?:dhl|the tracking)\b|\bzugestellt\b"
    r"|\bmarked as delivered\b|\bsays (?:it was )?delivered\b|\bbei (?:nem|einem|dem|meinem) nachbarn?\b"
    r"|\bneighbou?r\b",
    re.IGNORECASE,
)


_WHEN_ASKED = re.compile(r"(?:^|\s)(?:when|wann)\b(?!\s(?:i|you|u|ich|du|man)\b)", re.IGNORECASE)


def _status_fact(text: str, request: GenerationRequest) -> Fact | None:
    """The fact a message without a question mark names that tells how a thing of ours stands ("we're testing a
    decaf"): a fact of no team's case (no intents), named by its own keywords."""
    found = _fact_id(text, request)
    fact = next((f for f in request.profile.brand.facts if f.id == found), None)
    pending = fact is not None and not fact.intents and _STILL_TO_COME.search(_fact_words(fact))
    return fact if pending else None


# A fact that says something is still to come: "gerade im Test", "we're testing one"
_STILL_TO_COME = re.compile(r"\b(?:im test|testen|testing|being tested|in arbeit|in the works)\b", re.IGNORECASE)


def _asks_a_fact(request: GenerationRequest) -> bool:
    """One of the message's questions has a fact of the profile that answers it."""
    asked = _get(request.analysis, "questions", None) or []
    facts = any(getattr(q, "fact", None) or _fact_id(str(getattr(q, "text", "")), request) for q in asked)
    return facts or _health_asked(request)  # "wie viele espressi sind zu viele? 😅": a doctor's, answered as one


def _health_asked(request: GenerationRequest) -> bool:
    """One of the message's questions is about coffee and health ("is espresso a bad idea when you're sick?")."""
    asked = [str(getattr(q, "text", "")) for q in _get(request.analysis, "questions", None) or []]
    return any(_health_question_in(q, request.message.text) for q in asked)


def _health_question_in(question: str, message: str) -> bool:
    """A health question, or a drink asked about by someone who says they are ill ("bin erkältet 🤧 darf ich
    trotzdem kaffee trinken?", "liege mit erkältung rum darf ich trotzdem meinen espresso")."""
    if _health_question(question):
        return True
    if _RACE_ASKED.search(message[:2000]) and _IDEA_ASKED.search(question) and _DRINK_ASKED.search(question):
        return True  # "marathon am sonntag, kann ich vorher euren espresso trinken oder ist das ne dumme idee"
    if _RACE_ASKED.search(message[:2000]) and _AMOUNT_ASKED.search(question) and _DRINK_ASKED.search(message[:2000]):
        return True  # "erster marathon 😭 wie viel espresso ist vorher okay und ab wann ist es zu viel": a doctor's
    ill_told = ILL.search(message[:2000])  # "down with the flu and STILL drinks five cups a day. Is that bad for him??"
    if ill_told and _VERDICT_ON_IT.search(question) and _DRINK_ASKED.search(message[:2000]):
        return True
    ill = bool(ill_told and _DRINK_ASKED.search(question))
    # "got the flu ... do u even have decaf": whether we sell it, asked by someone ill, is no doctor's matter
    return ill and not (_CONTENT_ASKED.search(question) or _HAVE_ASKED.match(question.strip()))


# A verdict asked on what was just told: "Is that bad for him?", "Ist das schlimm?"
_VERDICT_ON_IT = re.compile(
    r"\b(?:is|isn'?t) (?:that|this|it) (?:\w{1,10} )?(?:bad|ok|okay|fine|healthy|unhealthy|dangerous|too much)\b"
    r"|\bist (?:das|es) (?:\w{1,10} )?(?:schlimm|ungesund|gesund|okay|ok|zu viel|gefährlich)\b",
    re.IGNORECASE,
)
_HAVE_ASKED = re.compile(
    r"\W{0,3}(?:and |und |also |btw )?(?:do (?:you|u|ya|yall|y'all)(?: guys)?(?: even| also)? (?:have|sell|do|make)"
    r"|have (?:you|u) got|habt ihr|gibt es|gibt's|gibts|verkauft ihr|führt ihr"
    r"|is there (?:a |any |some )?(?:\w+ )?(?:yet|now|already|available)"  # "is there decaf yet??"
    r"|is there (?:a |an |any )(?:\w{1,15} )?(?:option|version|alternative))\b",  # "is there a decaf option??"
    re.IGNORECASE,
)


# Whether something is wise: "oder ist das ne dumme idee", "good idea or bad idea?"
# How much is fine before the race: "wie viel espresso ist vorher okay", "ab wann ist es zu viel"
_AMOUNT_ASKED = re.compile(
    r"\b(?:wie ?viele?|how (?:much|many)|zu viele?|too (?:much|many)|vorher (?:ok|okay)|(?:ok|okay) before)\b",
    re.IGNORECASE,
)
_IDEA_ASKED = re.compile(
    r"\b(?:dumme|schlechte|keine gute|gute|good|bad|dumb|stupid|smart) idee\b|\b(?:good|bad|dumb|stupid|smart) idea\b"
    r"|\bja oder nein\b|\byes or no\b",
    re.IGNORECASE,
)


# Ill or pregnant, said anywhere in the message: a drink asked about is then a doctor's question


# "how much caffeine is in one cup of your espresso?": a figure about our coffee, ours to find out, no doctor's
_CONTENT_ASKED = re.compile(
    r"\b(?:how much caffeine|wie viel koffein)\b[^.!?]{0,12}\b(?:is (?:\w+ )?in|does|has|have|hat|haben|steckt"
    r"|ist (?:\w+ )?in|enthält)\b",
    re.IGNORECASE,
)


_CAFFEINE_TOLD = re.compile(r"\b\d+\s?mg\b|koffeingehalt|caffeine content", re.IGNORECASE)


def _health_question(question: str) -> bool:
    """A question about coffee and the person's health, a doctor's to answer ("wie viele espressi sind zu viele?")."""
    return bool(HEALTH_ASKED.search(question) and _DRINK_ASKED.search(question)) and not _CONTENT_ASKED.search(question)


def _offtopic_question(request: GenerationRequest, confidence: float) -> bool:
    """A question about something else, read with confidence ("weiß jmd ob die u1 heute fährt??"), not one to us in
    a language we do not read ("est-ce que vous livrez en France ?")."""
    text = request.message.text
    analysis = request.analysis
    if str(analysis.intent) != "other" or confidence < LOW_CONFIDENCE or analysis.sentiment == "negative":
        return False
    # "@USER wer sind denn die reichen Eltern?", "Warum warst du nicht dabei?", "Kennt er ...!": an argument with others
    if text.lstrip().startswith("@") or "!" in text or _ARGUED.search(text):
        return False
    asked = [fold(str(getattr(q, "text", ""))) for q in analysis.questions]
    return any(QUESTION_START.search(q) or _ANYONE_KNOW.search(q) for q in asked)


_ANYONE_KNOW = re.compile(r"\b(?:weis|weiss|wisst) (?:jmd|jemand|wer|ihr)\b|\bany(?:one|body) know")
# Someone else addressed or talked about: "weißt du", "kennt er", "was stimmt mit Ihnen nicht".
_ARGUED = re.compile(r"\b(?:du|dich|dir|dein\w{0,2}|er|ihm|ihn|sein\w{0,2}|you|your|he|him|his)\b|\b(?:Sie|Ihnen)\b")


def _idea_given(text: str, situation: str) -> str:
    """ "macht ihr was zu halloween?? espresso kreuzberg als zaubertrank würde passen": an idea beside a question we
    defer, passed on with it ("idea"), or ""."""
    return "idea" if situation == "defer" and _IDEA_OFFERED.search(text) else ""


_IDEA_OFFERED = re.compile(
    r"\b(?:würde (?:gut |perfekt |super )?passen|wäre (?:doch )?(?:cool|toll|super|genial|witzig|lustig|was)"
    r"|wär (?:doch )?(?:cool|toll|super|genial|witzig|lustig|was)|would be (?:so )?(?:cool|fun|perfect|great|amazing)"
    r"|would fit|wie wär(?:e|'s)? (?:es )?mit|how about)\b",
    re.IGNORECASE,
)


def _own_brew_gone_wrong(text: str, request: GenerationRequest) -> bool:
    """ "warum ist mein espresso so sauer ... siebträger neu": the person's own cup, a symptom and a brewer named,
    and a fact that fixes it: help asked in despair, no criticism of our coffee."""
    own = _OWN_BREW.search(text) and symptoms_in(text) and _methods(text)
    return bool(own) and not _PRICE.search(fold(text)) and _fact_id(text, request) is not None


_OWN_BREW = re.compile(
    r"\b(?:warum|wieso|weshalb|why)\b[^.!?]{0,20}\b(?:mein(?:e|en)?|my)\s(?:espresso|kaffee|coffee|shots?|brew|cup"
    r"|filterkaffee|cold brew)\b",
    re.IGNORECASE,
)


# Coming by in person, asked beside how to pay: "einfach vorbeikommen und bar bezahlen?", "pick it up and pay cash?"
_VISIT_ASKED = re.compile(
    r"\b(?:vorbeikommen|vorbeischauen|vorbei kommen|abholen|vor ort|persönlich|come by|stop by|pop by|pick (?:it )?up"
    r"|in person)\b",
    re.IGNORECASE,
)


def _stressful_move(life_event: str, situation: str) -> bool:
    """A move or a trip dreaded, no complaint of ours ("wir ziehen um ... das wird eh schon chaotisch", "nicht dass
    die Tüte zwei Wochen im Hausflur liegt 🙈"): wished well all the same."""
    return life_event in ("move", "trip") and situation not in NEGATIVE_SITUATIONS


def _tagged(request: GenerationRequest, situation: str, life_event: str) -> bool:
    """A friendly comment that tags someone under our post for an occasion ("für deinen Geburtstag"); without an
    occasion to wish well (`life_event`, found in replies only), a tag has nothing of its own to pick up."""
    text = request.message.text
    if situation not in ("other", "other_neutral", "praise") or not text.lstrip().startswith("@") or not life_event:
        return False
    friendly = request.analysis.sentiment != "negative" and not _get(request.analysis, "sarcasm", False)
    return friendly and not POLITICS.search(text) and not _NEGATIVE_CUES.search(text)


SHORT_COMMENT = 160  # characters: a comment this short under our post that talks money talks about ours


def _offtopic(request: GenerationRequest, situation: str) -> bool:
    """A comment about something else entirely: politics, the news, other people (never a short question to us)."""
    text = request.message.text
    if situation not in _MAYBE_OFFTOPIC | {"collaboration"} or request.message.channel == "dm":
        return False
    if not re.search(r"[^\W\d_]{2}", text):
        return False  # "😍😍🫶", "☕☕☕🫠": signs under our post are for us
    if situation == "job_application" and not text.lstrip().startswith("@") and not POLITICS.search(text):
        return False  # "such noch eine Ausbildung ab Oktober. Bildet ihr aus??": a job asked of us, never brushed off
    if situation == "collaboration" and _YOU.search(text) and not text.lstrip().startswith("@"):
        return False  # "Hättet ihr Lust auf eine Kooperation?": a creator's offer, put to us under our post
    if _SERVICE.search(text) or (_WAITING.search(text) and len(text) <= 80 and not text.lstrip().startswith("@")):
        return False  # "nobody ever answered", "immer noch nix": a complaint about us by definition
    if _GIVEAWAY.search(text) and not POLITICS.search(text):
        return False  # "Congrats to all the winners of the giveaway!": our giveaway, under our post
    if policy_answer(text, request.profile) is not None and not text.lstrip().startswith("@"):
        return False  # "gibt es einen rabattcode für neukunden?": a question to us, answered with the policy
    politics = bool(POLITICS.search(text))
    short_price = len(text) <= SHORT_COMMENT and _PRICE.search(fold(text))  # not "Wir kaufen billiger" in a debate
    if not politics and short_price and not text.lstrip().startswith("@"):
        return False  # "die geschenkbox kostet ja mehr als mein ganzes frühstück 💀" under our post: our price
    if politics and (not _strongly_about_us(request) or text.lstrip().startswith("@")):
        return True  # a political reply to another commenter stays theirs, whatever fact a word of it names
    if _health_asked(request) and not text.lstrip().startswith("@"):
        return False  # "wie viele espressi am tag sind zu viele?": coffee and health, asked under our post
    asked_us = any(_ASKS_US.search(q) for q in _asked_texts(request)) and not text.lstrip().startswith("@")
    if request.analysis.intent in ("product_question", "stock_question") and asked_us and _COFFEE.search(text):
        return False  # "... Siebträgermaschine ... Was würden Sie empfehlen?": a long question, put to us
    if request.analysis.intent in ("stock_question", "product_question") and asked_us and not politics:
        return False  # "Habt ihr Geschenksets oder kleine Probiertüten für die Großeltern?": our range, asked of us
    if situation == "praise" and not politics and not text.lstrip().startswith("@"):
        return False  # "hab das rezept heut nachgemacht ... bestes getränk des sommers": our reel, praised
    if situation in ("other", "other_neutral") and _COFFEE.search(text) and not politics and text[:1] != "@":
        return False  # "quitting caffeine. day 3. why is this on my fyp 😭": coffee under our post is our world
    coffee_asked = situation in ("question", "defer") and _COFFEE.search(text) and text[:1] != "@"
    if coffee_asked and not politics:
        return False  # "Maschine entkalkt ... wie oft sollte man das machen?": a coffee question under our post
    if len(text) > SHORT_COMMENT and not _strongly_about_us(request) and not _OURS.search(text):
        return True  # a long comment that names nothing of ours
    ours = _OURS.search(text) and (_YOU.search(text) or _COFFEE.search(text))  # "die App Electric" is someone's
    if text.lstrip().startswith("@") and not (ours or _strongly_about_us(request)):
        return not (situation in ("other", "other_neutral") and echo_word(text))  # a reply to another commenter
    if situation in ("collaboration", "price_criticism") or _about_us(request, addressed=situation in _ADDRESSED):
        return False  # "schon wieder teurer geworden??" under our post is about our prices
    # A complaint or accusation that names nothing of ours is about someone else; a short question may be ours.
    if situation in ("other", "other_neutral") and echo_word(text):
        return False  # "guck mal, da müssen wir unbedingt mal hin": a friend tagged on our post
    if text.lstrip().startswith("@"):
        return True  # a reply to another commenter that names nothing of ours
    if situation in ("question", "defer") and FOR_US.search(text):
        return False  # "wann kommt die weihnachtsmischung?? kann man die vorbestellen": ours to answer
    if situation == "stock_question" and _COFFEE.search(text):
        return False  # "'spring blend coming soon' ... soon like this spring or next spring 💀": our blend, asked after
    if situation in ("question", "defer") and _BETTER_THAN.search(text):
        return False  # "is it better than five elephant? be honest": ours compared with another, a matter of taste
    if situation in ("question", "defer") and _SENDING.search(text):
        return False  # "Ich möchte meiner Schwester was schenken, sie wohnt in Wien. Geht das?": something to send
    if situation == "defer" and request.analysis.intent == "stock_question" and len(text) <= SHORT_COMMENT:
        return False  # "Gibt es dieses Jahr wieder einen Adventskalender?": our range, asked after
    if situation == "taste_criticism" and not politics and text[:1] != "@":
        return False  # "tastes like straight lemon juice. 'low acidity' my ass 💀": under our post, our coffee
    if situation in ("question", "defer") and _RECOMMEND.search(text) and not politics:
        return False  # "Ich brauche was Kräftiges für morgens, welche Sorte?": a pick from our range, asked
    if situation in ("question", "defer") and not _COFFEE.search(text) and not _YOU.search(text):
        return True  # "Was nützt das Labern?": a rhetorical question, not one for our team
    asked = _asked_texts(request)
    if situation in ("question", "defer") and _COFFEE.search(text) and any(_ASKS_US.search(q) for q in asked):
        return False  # "... Thermoskanne Filterkaffee ... lauwarm. Haben Sie einen Tipp?": a long question, ours
    # Short praise under our post is for us ("das Beste, was ich je hatte"), whatever it names.
    return situation in _COMPLAINTS or situation in ("other", "job_application") or len(text) > 100 or politics


# A question put to us, formally too: "Haben Sie einen Tipp?", "any tips?", "könnt ihr ..."
_ASKS_US = re.compile(r"(?i:\b(?:ihr|euch|euer|eure\w*|you|your|u|ur|ihnen|tipp?s?|tricks?)\b)|\bSie\b")


def _strongly_about_us(request: GenerationRequest) -> bool:
    analysis = request.analysis
    asked = _get(analysis, "questions", None) or []
    escalated = analysis.escalation is not None and analysis.intent in ESCALATING
    return bool(any(getattr(q, "fact", None) for q in asked) or analysis.entities.products or escalated)


def _about_us(request: GenerationRequest, *, addressed: bool) -> bool:
    """The message is about the brand (orders, products, money, our page) or asks what a fact answers.

    `addressed`: praise or a job question addressed to "you" (ihr, euch) is about us too.
    """
    message, analysis = request.message, request.analysis
    asked = _get(analysis, "questions", None) or []
    escalated = analysis.escalation is not None and analysis.intent in ESCALATING
    if any(getattr(q, "fact", None) for q in asked) or analysis.entities.products or escalated:
        return True
    if message.channel == "dm" or message.thread:
        return True  # a private message or a conversation with us is always about us
    text = f"{message.text}\n{' '.join(message.thread)}"
    if _OURS.search(text) or (addressed and _YOU.search(text)):
        return True
    # Only telling keywords: "offen" or "falsch" name no fact in a rant.
    return any(_keyword_in(k, text) for f in request.profile.brand.facts for k in f.keywords if len(k) >= 7)


_COMPLAINTS = frozenset(
    {
        *(
            "accusation",
            "criticism",
            "price_criticism",
            "price_farewell",
            "price_question",
            "price_rise",
            "price_rise_told",
            "shipping_cost",
            "shipping_time",
            "taste_criticism",
            "other_negative",
            "uncertain",
        ),
        "accusation_grave",
        *("other_neutral", "service_general", "service_complaint", "service_tone", "service_deleted", "rumour"),
        "deleting_claim",
    }
)
_ADDRESSED = frozenset(
    {
        *("praise", "job_application", "question", "defer", "criticism", "stock_question", "accusation"),
        *("accusation_grave", "rumour"),
        *(
            "price_criticism",
            "price_farewell",
            "price_question",
            "price_rise",
            "price_rise_told",
            "shipping_cost",
            "shipping_time",
            "service_general",
            "service_complaint",
            "service_tone",
            "service_deleted",
            "deleting_claim",
        ),
    }
)
# Words of our business, at a word start ("Forderung" is no order, "Wahl" no payment).
_OURS = re.compile(
    r"(?<!\w)(?:kaffee|coffee|bohne|beans?\b|espresso|paket|päckchen|bestell|liefer|versand|werktag|working day|"
    r"\babo\b|mühle|muehle|"
    r"grinder|tüte|tuete|rösterei|röst|roast|geld zurück|erstatt|rechnung|abbuch|zahlung|bezahl|onlineshop|shop\b|"
    r"dhl|sendungsverfolgung|retour|ersatz|tasse|order\b|parcel|deliver|shipping|refund|service|kundenservice|"
    r"account|kanal|channel|workshop|rösterei|roastery|laden\b|koffie|kaffe\b|caffè|caffe\b|ship|pick ?up|abhol|"
    r"website|webseite|kundenkonto|konto\b|pausier|checkout|kasse\b|warenkorb|cart\b|app\b|login|passwort|password|subscription|box\b|"
    r"bags?\b|valve|ventil|verpackung|packaging|plastik|plastic|preis|price|song|musik|music|sound\b|"
    r"foto|photo|pics?\b|picture|video|clip\b|reel\b|mugs?\b|becher|decaf|entkoffeiniert|koffeinfrei)",
    re.IGNORECASE,
)
_COFFEE = re.compile(
    r"(?<!\w)(?:zieh\w* lassen|mahl|brüh|aufgie|aufguss|filter|siebträger|milch|crema|bitter|sauer|cold brew|"
    r"latte|cappuccino|brew|grind|roast|röst|koffein|caffeine|decaf|bohne|kaffee|coffee|espresso|tüte|verpackung"
    r"|blend|mischung|cups?\b|tassen?\b|mugs?\b|maschine|machine|entkalk|descal"
    r"|v60|aero ?press|chemex|french ?press|moka|bialetti|hario|kalita|mahlgrad|mahlstufe|handmühle|grinder)"
    r"|\b\w{2,14}(?:röstung|mischung|kaffee)\b",  # "ne jecke sonderröstung?", "winterkaffee"
    re.IGNORECASE,
)
_GIVEAWAY = re.compile(r"gewinnspiel|giveaway|verlosung|ausgelost|auslos|gewinner|winner", re.IGNORECASE)
# What only a shop is asked: ordering, stock, a giveaway ("kann man die vorbestellen", "wann wird ausgelost").
FOR_US = re.compile(
    r"bestell|\bkauf|\bkrieg|bekomm|liefer|verschick|vorrätig|ausverkauft|wann kommt|wann gibt|auslos|gewinnspiel"
    r"|giveaway|gewinner|mitmach|teilnehm|\border|\bbuy|purchase|\bship|deliver|in stock|sold out|restock|winner",
    re.IGNORECASE,
)
_YOU = re.compile(r"\b(?:ihr|euch|euer|eure\w*|you|your|yours|u|ur|ya|ihnen)\b", re.IGNORECASE)


def _keyword_in_start(keyword: str, text: str) -> bool:
    """The keyword at a word start of the text ("büro" in "Büros", "recycl" in "recyclebar"), an English one in its
    -ing form too ("opened" in "after opening", "store" in "storing")."""
    folded, key = fold(text), fold(keyword)
    return has_phrase(folded, key, whole=False) or any(has_phrase(folded, f, whole=False) for f in _ing_forms(key))


def _ing_forms(keyword: str) -> tuple[str, ...]:
    """The -ing form of a one-word English keyword in -ed or -e ("opened": "opening"), else none."""
    if " " in keyword or not keyword.isascii() or len(keyword) < 5:
        return ()
    stem = keyword[:-2] if keyword.endswith("ed") else keyword[:-1] if keyword.endswith("e") else ""
    return (f"{stem}ing",) if stem else ()


def _keyword_in(keyword: str, text: str) -> bool:
    return has_phrase(fold(text), fold(keyword))


_NO_ECHO = DEFLECTING | {"price_criticism", "price_question", "price_rise", "price_rise_told", "rumour"}


def _get(obj: Any, name: str, default: Any) -> Any:
    return getattr(obj, name, default)


def _why_gentle(situation: str, sarcasm: bool, emotion: str, formal: bool) -> str:
    if situation in ("spam", "scam", "scam_contact", "scam_dm", "scam_report"):
        return "the comment is spam or a scam, so the reply only warns"
    if situation == "uncertain":
        return "the reading of this message is uncertain, so no joke"
    if sarcasm:
        return "the message is sarcastic, so the reply takes the annoyance seriously"
    if situation in ("refund_request", "return_request", "return_opened", "billing") or situation.startswith("price_"):
        return "the message is about money, so no joke (the brand's rule for playful)"
    if situation in NO_JOKE or emotion in ("angry", "worried"):
        return "the message is a complaint or an upset person, so no joke (the brand's rule for playful)"
    if formal:
        return "the person writes formally, so the reply stays calm and slang-free"
    return ""


# Where the moment of a friendly message is picked up ("bei dem Regen"): praise and jokes, never a question or a case.
_MOMENT_SITUATIONS = frozenset({"praise", "joke"})


# A death of someone close: "mein Mann ist gestorben", "my dad passed away" ("ich bin gestorben 😂" is slang).
_CLOSE = (
    r"(?:mein\w{0,2}|my|unser\w{0,2}|our)\s+(?:\w+\s+)?(?:mann|frau|vater|mutter|papa|mama|opa|oma|gro(?:ß|ss)vater"
    r"|gro(?:ß|ss)mutter|bruder|schwester|sohn|tochter|freund\w{0,2}|partner\w{0,2}|hund|katze|husband|wife|dad|father"
    r"|mom|mum|mother|grandpa|grandma|grandfather|grandmother|brother|sister|son|daughter|friend|partner|dog|cat)\b"
)
_DEATH = (  # "since my dad passed.", "my mum passed in May" (never "passed the exam")
    r"(?:(?:gestorben|verstorben|verstarb|starb|beerdig\w*|passed away|died|funeral|lost (?:him|her))\b"
    r"|passed(?=\s{0,2}[.!,;…]|\s{0,2}$| (?:last|in|this|recently|suddenly|a (?:year|month|week))\b))"
)
# "You deleted my comment", "warum wurde mein Kommentar gelöscht?": a removed comment, not a slow reply
_DELETED = re.compile(
    r"\b(?:deleted|removed|hid|hidden|gelöscht|entfernt|ausgeblendet|zensiert|censored)\b[^.!?]{0,40}"
    r"\b(?:comment|kommentar|review|bewertung|question|frage)\w{0,2}\b"
    r"|\b(?:comment|kommentar|review|bewertung)\w{0,2}\b[^.!?]{0,40}\b(?:deleted|removed|gelöscht|entfernt|ausgeblendet"
    r"|zensiert|censored|verschwunden|disappeared|vanished|gone|(?:ist|sind|war|einfach) weg)\b",
    re.IGNORECASE,
)
# Deleting criticism claimed of us in general, no comment of theirs gone: "ihr löscht hier doch eh jede kritik 🙄",
# "you'll delete this anyway", "wird eh gelöscht"
_DELETING_CLAIMED = re.compile(
    r"\b(?:ihr|you|they)\s(?:\w{1,12}\s){0,3}(?:löscht|löschen|zensiert|delete|deletes|remove|censor)\b[^.!?]{0,30}"
    r"\b(?:kritik|kommentare?|negative\w{0,2}|criticism|comments?|bad reviews?|reviews?|anything negative"
    r"|alles negative)\b"
    # "kritische kommentare löscht ihr doch eh sofort 🙄"
    r"|\b(?:kritik|kommentare?|criticism|comments?|bad reviews?)\b[^.!?]{0,20}"
    r"\b(?:löscht|löschen|zensiert) (?:ihr|sie)\b"
    r"|\b(?:wird|werden)\s(?:eh|sowieso|bestimmt|doch|gleich)\s(?:\w{1,12}\s)?gelöscht\b"
    r"|\b(?:gonna|going to|will|'ll)\s(?:\w{1,12}\s)?(?:delete|remove) (?:this|it|my comment)\b",
    re.IGNORECASE,
)
_SELF_DELETED = re.compile(
    r"\b(?:i|ich)\s(?:have\s|hab\w{0,2}\s|had\s)?(?:\w{1,12}\s){0,2}(?:deleted|removed|gelöscht|entfernt)\b", re.I
)
# A machine of the person's own that broke: "Bei uns ist die Kaffeemaschine kaputt gegangen", "my espresso machine died"
_MACHINE_BROKEN = re.compile(
    rf"\b{MACHINES}\b[^.!?]{{0,40}}\b(?:kaputt\w{{0,2}}|defekt\w{{0,2}}|broke|broken|died|dead|hinüber|gestorben)\b"
    rf"|\b(?:kaputt\w{{0,2}}|defekt\w{{0,2}}|broken|dead)\s(?:\w{{1,12}}\s)?{MACHINES}\b",
    re.IGNORECASE,
)
# A request for a donation or sponsoring: "eine kleine Sachspende für die Tombola", "sponsor our charity raffle"
_DONATION = re.compile(
    # "what's your rate for a sponsored video?": a paid collaboration, no donation
    r"\b(?:\w{0,12}spende\w{0,2}|spenden|tombola|sponsor(?!ed (?:videos?|posts?|content|reels?|tiktoks?))\w{0,6}"
    r"|donat\w{0,5}|raffle|charity|benefiz\w{0,8}|stiften"
    r"|gestiftet)\b",
    re.IGNORECASE,
)
_ASKING_FOR = re.compile(
    r"\b(?:würden (?:wir )?uns\b[^.!?]{0,100}\bfreuen|könn(?:t|tet|en|ten) (?:ihr|sie)|would you|could you"
    r"|würden (?:sie|ihr)|würdet ihr"  # "Würden Sie uns vielleicht ein paar Tüten Kaffee spenden?"
    r"|would love|do you|wären sie bereit|wärt ihr bereit|would you be willing"
    r"|habt ihr|unterstütz\w{0,3}|support|bitten|anfrage\w{0,2}|request|wondering"
    r"|wäre es möglich|ist es möglich|would it be possible|is it possible)\b",
    re.IGNORECASE,
)
# "Spenden Sie vielleicht etwas, oder gibt es einen Preis für Vereine?": the donation asked, and nothing else
_DONATE_ASKED = re.compile(r"\b(?:spenden|spendet|sponsern|sponsert) (?:sie|ihr)\b", re.IGNORECASE)
_DONATION_INTENTS = frozenset({"other", "collaboration", "product_question", "praise", "order_via_message"})
_SORTED_INTENTS = frozenset({"praise", "damaged_or_wrong_item", "defect", "delivery_problem", "other"})


def _sorted_out(text: str) -> bool:
    """A problem of ours put right and thanked for: the thanks, and the damage or replacement it was about."""
    put_right = _BROKEN.search(text) or _DAMAGE.search(text) or _REPLACED.search(text)
    still_open = "?" in text or _IN_ADVANCE.search(text)  # "danke im Voraus für eure Hilfe, die Mühle ist kaputt"
    return bool(_SORTED_OUT.search(text) and put_right and _GRATEFUL.search(text)) and not still_open


_IN_ADVANCE = re.compile(r"\b(?:im voraus|vorab|in advance|any help|hoffe|hope|bitte|please)\b", re.IGNORECASE)
_GRATEFUL = re.compile(r"\b(?:danke\w{0,2}|dank|bedanken|thanks?|thank you|grateful)\b", re.IGNORECASE)
_REPLACED = re.compile(r"\b(?:ersatz\w{0,6}|replacement|replaced|ersetzt|getauscht|umgetauscht)\b", re.IGNORECASE)
# A creator asking for free products: "Could you send me a PR box with the subscription?", "schickt ihr mir ein Paket?"
_PR_ASKED = re.compile(
    r"\b(?:send|schick\w{0,2}|ship|gift)\s(?:me|us|mir|uns)\b|\bpr[- ]?(?:box|paket|package|sample)s?\b"
    r"|\b(?:produkte? )?(?:zum testen|to test|to review|zur verfügung stellen)\b",
    re.IGNORECASE,
)
# Something to do together: "Interesse an einem gemeinsamen Workshop?", "a collab", "partner with you"
_JOINT = re.compile(
    r"\b(?:gemeinsam\w{0,3}|zusammen\w{0,6}|kooperation\w{0,2}|kooperier\w{0,3}|collab\w{0,6}|together|partner\w{0,5}"
    r"|joint)\b",
    re.IGNORECASE,
)
# A discount that did not come off: "der 10%-code wurde beim checkout nicht abgezogen", "the code wasn't applied"
# The online shop failing: "beim bezahlen kommt nur 'fehler 500'", "euer shop zeigt nur nen ladebalken",
# "ur checkout crashed on me". Plain words of failure ("kaputt", "geht nicht") count for the site only: a broken
# grinder paid by PayPal is no broken shop.
_SITE = (
    r"(?:shop|onlineshop|online-shop|checkout|check-out|kasse|warenkorb|cart|website|webseite|homepage|seite|site|app"
    r"|kundenkonto|konto|account|login)"
)
_PAYING = r"(?:bezahl\w{0,4}|zahlung|payment|paypal|bestellvorgang)"
_ERROR = (
    r"(?:fehler ?(?:meldung|\d{3})|fehlermeldung|fehler ist aufgetreten|error|crash\w{0,3}|abgestürzt|stürzt\w{0,2} ab"
    r"|lädt (?:ewig|und lädt|(?:\w{1,12} ){0,3}nicht)|ladebalken|spinnt|rumgesponnen|rumspinnt|hängen ?geblieben"
    r"|timeout|time-out"
    r"|glitch\w{0,3}|bugg?\w{0,2}"
    r"|spinning|frozen|froze|404|500)"
)
_PLAIN_FAILURE = (
    r"(?:kaputt|down|broken|not working|does ?n.?t work|did ?n.?t work|won.?t load|keeps loading|stuck|hängt|hing"
    r"|(?:geht|ging|funktioniert|klappt) (?:\w{1,12} ){0,3}nicht)"
)
_SHOP_FAILING = re.compile(
    rf"\b(?:{_SITE}|{_PAYING})\b[^.!?\n]{{0,60}}\b{_ERROR}(?!\w)|\b{_ERROR}\b[^.!?\n]{{0,40}}\b(?:{_SITE}|{_PAYING})\b"
    rf"|\b{_SITE}\b[^.!?\n]{{0,40}}\b{_PLAIN_FAILURE}(?!\w)",
    re.IGNORECASE,
)
_PAID_ANYWAY = re.compile(
    r"\b(?:bezahlt|abgebucht|abgezogen|doppelt|zweimal|2x (?:abgebucht|bezahlt|belastet|abgezogen)|two payments"
    r"|twice|double[- ]?charged|charged|paid"
    r"|keine (?:bestell)?bestätigung|no confirmation|only got (?:1|one) confirmation)\b",
    re.IGNORECASE,
)


# A question to the other people under the post: "Hat jemand noch Winterreifen abzugeben?", "anyone know a good vegan
# bakery in kreuzberg??"
_COMMUNITY_ASK = re.compile(
    r"\b(?:hat|kennt|weiß|weiss|hätte|kann mir) (?:hier )?(?:jemand|wer|einer|irgendwer)\b"
    r"|\b(?:does |do )?(?:any ?one|any ?body|someone|somebody) (?:here )?(?:know|knows|have|has|got|recommend|selling"
    r"|sell|tried|been|seen)\b",
    re.IGNORECASE,
)


def _names_us(text: str, request: GenerationRequest) -> bool:
    """The text names the brand or one of its products."""
    return fold(request.profile.brand.name) in fold(text) or bool(find_products(text, request.profile))


# "does that work?", "geht das?": a question that asks whether the thing said before can be done
_DOES_IT_WORK = re.compile(
    r"\b(?:does (?:that|it|this) work|would (?:that|it) work|is (?:that|it|this) possible|possible|geht das|klappt das"
    r"|ist das möglich|machbar|funktioniert das)\b",
    re.IGNORECASE,
)
# Something to be sent: "gift box for my gran", "als Geschenk an meine Schwester"
_SENDING = re.compile(
    rf"{DELIVERY_ASKED.pattern}|\b(?:gift\w{{0,3}}|geschenk\w{{0,3}}|(?:ver)?schenk\w{{0,3}}|present|schick\w{{0,3}}"
    r"|send\w{0,3}|box)\b",
    re.IGNORECASE,
)
_TERMS_ASKED = re.compile(r"\b(?:garantie|gewährleistung|warranty|guarantee)\b", re.IGNORECASE)
# A parcel's tracking page is no shop: "die Seite zeigt seit 5 Tagen 'in Zustellung', das Paket hängt"
_PARCEL = re.compile(r"\b(?:paket|päckchen|sendung|tracking|zustell\w*|dhl|hermes|dpd|parcel|package)\b", re.IGNORECASE)


def _shop_trouble(text: str) -> str:
    """ "shop_paid" when the shop failed around a payment that may have gone through, "shop_broken" when it failed."""
    if not _SHOP_FAILING.search(text) or _PARCEL.search(text):
        return ""
    return "shop_paid" if _PAID_ANYWAY.search(text) else "shop_broken"


_DISCOUNT_MISSED = re.compile(
    r"\b(?:\w{0,12}code|rabatt\w{0,4}|gutschein\w{0,4}|discount|voucher|coupon)\b[^.!?]{0,60}\b(?:nicht abgezogen"
    r"|nicht angerechnet|nicht berücksichtigt|(?:was ?n.?t|not|never) (?:applied|deducted)|did ?n.?t (?:apply|work))\b",
    re.IGNORECASE,
)


_SIGN_WORD = r"\b(?:gruß|grüße|grüßen|lg|vg|mfg|regards|cheers|thanks|danke|dr\.|prof\.)"


_SIGNATURE = re.compile(
    rf"(?i:{_SIGN_WORD})\w{{0,3}}\W{{1,3}}([A-ZÄÖÜ][a-zäöüß]{{1,20}}(?:[ \t]+[A-ZÄÖÜ][\w.-]{{1,30}}){{1,2}})\W*$"
)


def _greeted(message: Message) -> str:
    """The first name to greet with, unless the message names it as someone else's ("a mug with 'Gerda' printed on
    it" from gerda.not.me) or the handle disowns it."""
    name = first_name(message.author)
    disowned = re.search(r"(?:^|[._\-\s])(?:not|nicht|kein|no)(?:[._\-\s]|$)", message.author or "", re.IGNORECASE)
    if disowned:
        return ""
    if not name:  # "cafe_lindgren_potsdam" signs "Mit freundlichen Grüßen, Ingrid Lindgren": the signature's name
        signature = _SIGNATURE.search(message.text.strip()[-120:])
        by_signature = (first_name(signature.group(1)) if signature else "") or _signed_full_name(message)
        return by_signature or _introduced(message.text) or _signed_first(message.text)
    signed = re.search(
        rf"(?:[.!,\n–-]|{_SIGN_WORD})\s{{0,3}}{re.escape(name)}(?:[ \t]{{1,3}}[\w.-]{{1,30}}){{0,3}}"
        r"(?:[,\n][^\n]{0,40})?(?:\s{0,3}\([^()\n]{1,60}\))?\W*$",  # "Dr. Reinhard Albers, Kanzlei Albers & Partner",
        # "Sarah (Office Manager, Lindqvist Design)": the signature's line
        message.text.strip(),
        re.IGNORECASE,
    )  # "Thank you! Margaret", "Gruß Ingrid Pohl aus Cottbus", "Kind regards,\nDr. Katharina Weiss\nOffice Management"
    introduced = _introduced(message.text) == name  # "heyy 👋 ich bin cem" by cem.brews: their own name
    return name if signed or introduced or not has_phrase(fold(message.text), fold(name)) else ""


# A first name alone after a closing word: "Let me know! xx Mia", "Liebe Grüße, Paula", "Cheers, Tom"
_SIGNED_FIRST = re.compile(
    r"(?i:\b(?:x{2,3}|xoxo|lg|vg|gruß|grüße|love|cheers|best|thanks|thank you|danke|bye|ciao))\W{0,3}\s{0,3}"
    r"([A-ZÄÖÜ][a-zäöüß]{2,20})\W{0,4}$"
)


_ROLE_AFTER = re.compile(r"\s{0,3}\([^()\n]{1,60}\)\W{0,3}$")


def _signed_first(text: str) -> str:
    """A known first name signed alone at the end of the message ("... xx Mia"), or ""."""
    signed = _SIGNED_FIRST.search(_ROLE_AFTER.sub("", text.strip())[-60:])  # "Thanks, Sarah (Office Manager)"
    return signed.group(1) if signed and fold(signed.group(1)) in given_names() else ""


# "Hi Bohnenkiez team! I'm Hanna, Berlin food creator", "Hallo, ich bin Emre und ...": the writer's own name
_INTRODUCED = re.compile(
    r"(?:^|[.!,]\s{0,3}|\b(?:hi{1,3}|hey{1,3}|hallo{1,3}|hello{1,3}|moin)\W{0,4}\s{0,3})"
    r"(?:i'?m|i am|my name is|ich bin|ich heiße|ich heisse|mein name ist|hier ist|hier schreibt)"
    r"\s{1,3}([A-ZÄÖÜ][a-zäöüß]{2,20})\b",
    re.IGNORECASE,
)


def _introduced(text: str) -> str:
    """The given name a writer introduces themselves with early on ("I'm Hanna, ..."), or ""."""
    found = _INTRODUCED.search(text[:200])
    return first_name(found.group(1).capitalize()) if found else ""  # "heyy ich bin cem": Cem, a known given name


def _full_name(message: Message, first: str) -> str:
    """The first name with the surname the author field or the signature gives ("Renate Vogler" of "Dr. Renate
    Vogler"), or ""."""
    if not first:
        return ""
    signed = _SIGNED_NAME.search(message.text.strip())
    for candidate in (_TITLE.sub("", (message.author or "").strip()), signed.group(1) if signed else ""):
        parts = candidate.split()
        if len(parts) == 2 and parts[0] == first and parts[1].replace("-", "").isalpha() and parts[1][:1].isupper():
            return " ".join(parts)
    return ""


# Two capitalised words that end a message: the name it signs with ("... Mit freundlichen Grüßen, Dr. Renate Vogler")
_SIGNED_NAME = re.compile(r"([A-ZÄÖÜ][\w-]{1,20} [A-ZÄÖÜ][\w-]{1,30})\W*$")


def _signed_full_name(message: Message) -> str:
    """The first of two capitalised names the author field gives and the message signs with in full ("Mit
    freundlichen Grüßen, Dr. Henrike Albers" by Dr. Henrike Albers), though our list of given names lacks it."""
    parts = _TITLE.sub("", (message.author or "").strip()).split()
    if len(parts) != 2 or not all(p.isalpha() and p[:1].isupper() and len(p) >= 3 for p in parts):
        return ""
    signed = re.search(rf"{re.escape(' '.join(parts))}\W*$", message.text.strip()[-80:])
    return parts[0] if signed else ""


_ASKS_COST = re.compile(r"\b(?:was kostet|wie ?viel|how much|what does|what'?s the|what is the)\b", re.IGNORECASE)
# What shipping costs: "6,90 Versand für eine Tüte", "Versandkosten", "shipping fees", "postage"
_SHIPPING_COST = re.compile(
    r"versandkosten|porto|shipping (?:costs?|fees?)|postage|\d[,.]\d\d\s?(?:€\s|euro\s)?(?:für (?:den )?)?versand"
    r"|versand\w{0,2}\s(?:für|von|kostet)\b|\d[,.]\d\d\s?(?:€\s|euro\s)?(?:for )?shipping|shipping (?:is|for)\b",
    re.IGNORECASE,
)
# What became of a parcel: "Bestellung ..., die in der Filiale landet", "the parcel ended up at the depot"
_PARCEL_WENT = re.compile(
    r"\b(?:bestellung|paket|sendung|lieferung|order|parcel|package)\b[^.!?]{0,40}\b(?:landet|gelandet|kam|war|wurde"
    r"|ging|lag|landed|went|was|ended up)\b",
    re.IGNORECASE,
)
_DEMANDED = re.compile(
    r"\b(?:ich will mein geld|i want my money|erwarte|expect|ungenießbar|undrinkable|sofort|immediately)\b",
    re.IGNORECASE,
)
_WITHDRAWN = re.compile(r"\bwiderruf\w{0,3}|\bwiderrufe\b|\bwithdraw\w{0,3}", re.IGNORECASE)
# Goods sent back unused: a withdrawal, or "noch zu", "unopened", "originalverpackt"
# The person's own machine broke (no machine is ours to sell): "meine Siebträgermaschine ist kaputtgegangen"
_OWN_MACHINE_BROKE = re.compile(
    r"\b(?:meine?|my|our|unsere?)\s(?:\w{1,15}\s)?(?:\w{0,15}maschine|machine|vollautomat|espresso maker|kettle"
    r"|wasserkocher)\b[^.!?]{0,30}\b(?:kaputt\w{0,10}|broke|broken|died|defekt|hinüber|den geist aufgegeben)",
    re.IGNORECASE,
)
_RETURNED_UNUSED = re.compile(
    rf"{_WITHDRAWN.pattern}|ungeöffnet\w{{0,2}}|originalverpackt|noch zu\b|noch verschlossen"
    r"|unopened|still sealed|\bsealed\b|nix für mich|nichts für mich|not for me|not my taste",
    re.IGNORECASE,
)
# A question about a staff member's private life: "is he single asking for a friend", "ist die Barista vergeben?"
_PRIVATE_ASKED = re.compile(
    r"\b(?:is|ist)\s(?:he|she|er|sie|der|die|the \w{2,12}|your \w{2,12}|eure?r? \w{2,12})\b[^.!?]{0,45}"
    r"\b(?:single|vergeben|taken|married|verheiratet)\b"
    r"|\b(?:his|her|seine|ihre)\s(?:number|nummer|insta|ig|handle|telefonnummer)\b",
    re.IGNORECASE,
)
# Offence taken at something we said: a line of ours quoted or named, and called condescending; or an apology missed
_OUR_WORDS = re.compile(
    r"^\W{0,3}[„\"“‚']|\b(?:video|tiktok|post|reel|story|satz|line|comment|kommentar|aussage|statement|spruch)\b",
    re.IGNORECASE,
)
_OFFENDED = re.compile(
    r"\b(?:condescending|arrogant\w{0,3}|herablassend\w{0,2}|überheblich\w{0,2}|daneben|respektlos\w{0,2}"
    r"|disrespectful|offensive|beleidigend\w{0,2}|snobby|snobbish|elitär\w{0,2}|elitist|classist|abgehoben)\b"
    r"|\b(?:entschuldigung|apology|apologi[sz]e)\b[^.!?]{0,40}"
    r"\b(?:hätte gereicht|would have|wäre angebracht|fehlt|owe)",
    re.IGNORECASE,
)


def _backlash(text: str) -> bool:
    """Offence taken at something we said ("The comment in your TikTok was so condescending")."""
    return bool(_OUR_WORDS.search(text) and _OFFENDED.search(text)) and not text.lstrip().startswith("@")


# A parcel handed to someone else: "zugestellt an 'Nachbar'", "delivered to a neighbour I don't have"
_ASTRAY = re.compile(
    r"\b(?:zugestellt|abgegeben|abgelegt)\s(?:an|bei|beim)\b|\b(?:delivered|left|handed)\s(?:to|with)\s(?:a |my |the )?"
    r"(?:neighbou?r|nachbar)|\b(?:bei|an)\s(?:einem|nem|den|dem)?\s?['\"„‚]?nachbarn?\b[^.!?]{0,30}\b(?:abgegeben|zugestellt)",
    re.IGNORECASE,
)
# A problem already put right, thanked for: "danke für die schnelle Hilfe ... Der Ersatz kam nach zwei Tagen"
_SORTED_OUT = re.compile(
    r"\b(?:ersatz|replacement|neue (?:tüte|mühle|lieferung))\b[^.!?]{0,30}\b(?:kam|ist (?:schon )?da|angekommen|arrived"
    r"|came)\b|\b(?:danke|dank|thanks?|thank you)\b[^.!?]{0,60}\b(?:hilfe|help|geholfen|helped|gelöst|sorted|solved"
    r"|fixed)\b",
    re.IGNORECASE,
)
# A delivery or subscription to end: "help me stop it", "das Abo kündigen", "keep receiving the parcels"
_STOP_ASKED = re.compile(
    r"\b(?:stop|cancel|end|kündig\w{0,3}|beend\w{0,3}|abbestell\w{0,3}|einstell\w{0,3}|stoppen|stornier\w{0,3})\b"
    r"|\b(?:keep|still) (?:receiving|getting)\b|\b(?:kommt|kommen) (?:immer )?(?:noch|weiter)\b",
    re.IGNORECASE,
)
GRIEF = re.compile(
    rf"\b{_CLOSE}[^.!?]{{0,80}}\b{_DEATH}|\b{_DEATH}[^.!?]{{0,40}}\b{_CLOSE}"
    # "my husband Peter had a subscription with you. He passed away in August": the death told in the next sentence
    rf"|\b{_CLOSE}[^\n]{{0,160}}?[.!?]\s{{1,3}}(?:he|she|er|sie) (?:\w{{1,12}} ){{0,2}}{_DEATH}",
    re.IGNORECASE,
)


# A business that wants to buy our coffee for its guests: a supplier wanted, not a collaboration.
_SUPPLY = re.compile(
    r"\b(?:supplier|supply|wholesale|großhandel|grosshandel|großgebinde|grossgebinde|großabnehmer|lieferant\w{0,2}"
    r"|ausschenken|ausschank|beliefer\w{0,3}|breakfast service|frühstücksbuffet|for our guests|für unsere gäste)\b",
    re.IGNORECASE,
)


# A bare ask for the shop: "Preis?", "link??", "where can i buy", "was kostet das?"
_SHOP_ASKED = re.compile(
    r"^\W*(?:link|shop|preis|preise|price|prices|kosten|was kostet (?:das|der|die|es)|how much(?: is it)?|wo kaufen"
    r"|where (?:to|can i) buy(?: it| them)?|link (?:pls|please|bitte)|preis (?:pls|bitte)"
    # "how much is the grinder 👀", "was kostet die mühle?"
    r"|how much (?:is|are|does|do) (?:the |your |a |an )?\w{2,20}(?: \w{2,20})?(?: cost)?"
    r"|was kostet (?:die|der|das|eure?n?) \w{2,20}(?: \w{2,20})?)\W*$",
    re.IGNORECASE,
)
_ORDERED_OTHER = re.compile(ORDERED_OTHER)  # folded text
_WINKED_DAMAGE = re.compile(WINKED_DAMAGE)  # folded text
# Dressed up as something of ours: "going as your hand grinder for halloween", "als Kaffeebohne verkleidet"
_COSTUME = re.compile(COSTUME, re.IGNORECASE)
_TRICK_OR_TREAT = re.compile(r"\b(?:sü(?:ß|ss)es oder saures|trick or treat)\b", re.IGNORECASE)


def _situation(request: GenerationRequest, sarcasm: bool, confidence: float) -> str:
    message, analysis = request.message, request.analysis
    text = message.text
    intent = str(analysis.intent)
    if message.mode != "outreach" and not re.search(r"[^\W\d_]{2}", text):
        return "praise" if _FOND_SIGNS.search(text) else "other"  # "☕☕☕🫠": signs, no words; no irony to read
    if intent == "order_via_message" and not _ORDERING.search(text):
        intent = "praise" if _PRAISE.search(text) or _FOND_SIGNS.search(text) else "other"  # "send help 🔥"
    if message.mode == "reply" and WAGES_ASKED.search(text) and not _PRICE.search(fold(WAGES_ASKED.sub(" ", text))):
        return "question"  # "zahlen Sie den Bauern faire Preise?": the growers' pay asked about, never our prices
    if message.mode == "reply" and _SUBSCRIPTION.search(text) and _AWAY_WHEN_CAME.search(text):
        return "question"  # "my subscription arrived the ONE week I was on holiday 🙃": no delay, the pause answers
    stuck = bool(_CANCEL_STUCK.search(text))  # "„jederzeit kündbar“ ... im Kundenkonto gesucht und nix gefunden"
    if message.mode == "reply" and intent not in ("troll", "spam", "praise") and (_cancel_wanted(text) or stuck):
        # "hiermit kündige ich mein Abo ... komme mit dem Konto nicht zurecht": passed on, never back to the account
        if _NO_ACCOUNT.search(text):
            return "cancel_subscription_help"
        return "cancel_subscription_stuck" if stuck else "cancel_subscription"
    told_well = analysis.sentiment != "negative" or intent == "praise"  # "nicht mehr bitter!!! ... 😭": tears of joy
    still = any(symptoms_in(q) for q in split_questions(text))  # "not bitter anymore!! but now it's weak??": asked
    if message.mode == "reply" and told_well and _advice_worked(text) and not still:
        return "advice_worked"  # "hat geklappt, eine Stufe feiner und nicht mehr sauer, danke 🙏": no sour shot to fix
    if message.mode == "reply" and CALL_ONLY.match(text):
        return "call_only"  # "hello?? anyone there 👀": yes, and what it is about
    fan = _rewatched(text) and _FOND.search(text) and not (_NEGATIVE_CUES.search(text) or split_questions(text))
    if message.mode == "reply" and fan and intent in ("praise", "other", "criticism"):
        return "praise"  # "hab das jetzt 11 mal geguckt 😭 ... und ich liebe es": a fan, whatever 😭 reads as
    if message.mode == "reply" and _SHOP_ASKED.match(text):
        return "shop_pointer"  # "Preis?", "link??": where to buy and what it costs, both in the shop
    if message.mode == "reply" and _weathered(text) and intent not in ("praise", "troll", "spam"):
        # "35 Grad in der Packstation ... Sind die Bohnen jetzt hinüber?": an honest "can't tell from here"
        return "weathered_damaged" if _DAMAGE.search(text) or _WET.search(text) else "weathered"
    puts = "?" in text and not _TRICK_OR_TREAT.search(text)  # "als eure kaffeebohne. süßes ODER saures? 😈"
    if message.mode == "reply" and _COSTUME.search(text) and not (PROFANITY.search(text) or puts):
        return "joke"  # "going as your hand grinder for halloween ... 30 settings of emotional damage": no defect
    fan = (
        analysis.sentiment == "positive" and not sarcasm and ("praise" in analysis.secondary_intents or praises(text))
    ) or (  # "hab das jetzt 11 mal geguckt 😭 ... und ich liebe es": a fan, though the model reads it as neutral
        analysis.sentiment == "neutral" and not sarcasm and analysis.emotion in ("joking", "happy") and praises(text)
    )
    told_day = moment(text, calendar=True) in CALENDAR  # "Thermobecher ... auf dem Weihnachtsmarkt": the day told
    if intent == "other" and fan and not analysis.questions and message.mode == "reply" and not told_day:
        intent = "praise"  # "hab das jetzt 11 mal geguckt 😭 ... und ich liebe es": a fan, thanked
    declined = _THANKS_DECLINED.sub(" ", text)  # "Glühwein? Nee danke": no thanks to us
    if intent == "praise" and told_day and not _PRAISE.search(declined) and message.mode == "reply":
        intent = "other"  # "mit eurem Espresso dabei auf dem Weihnachtsmarkt ☕🎄": the day told, no thanks owed
    ahead = _PRICE_TO_COME.search(text) and not (sarcasm or _PRICE_SCORN.search(text) or PROFANITY.search(text))
    if message.mode == "reply" and ahead and intent in ("criticism", "price_criticism", "product_question", "other"):
        return "question"  # "Kaffee ist überall teurer geworden. Werdet ihr eure Preise auch erhöhen?": asked, deferred
    if intent in ("troll", "criticism") and _RIP_OFF.search(text) and _PRICE.search(fold(text)):
        return "price_criticism"  # "hipster kaffee für 3 euro die tasse lol abzocke": the price, no fraud to clear up
    if intent == "billing" and _PROSPECTIVE.search(text) and _asks_beyond_billing(request):
        return "question"  # "Was können Sie uns anbieten? Wir bräuchten eine Rechnung auf die Firma": a buyer asks
    if intent in ("praise", "other", "product_question") and _gift_chosen(request):
        return "question"  # "Was würdet ihr zum Valentinstag verschenken? Er trinkt NUR Espresso 😍": not praise
    if intent == "praise" and analysis.questions and _RECOMMEND.search(text) and not _PRAISE.search(text):
        return "question"  # "apple cake this Sunday ... Which of your coffees would go best with it?": no praise
    picked = any(_RECOMMEND.search(q) for q in _asked_texts(request))  # "😍 Was passt besser dazu, X oder Y?"
    if intent == "product_question" and fan and _PRAISE.search(_courtesies_cut(text)) and not picked:
        intent = "praise"  # "the best beans I've had. Do you do office deliveries?": thanked, then answered
    if intent == "troll" and _YOU.search(text) and not (_MOCKERY.search(text) or PROFANITY.search(text)):
        intent = "criticism"  # "Läden wie ihr sind das Problem": an argument with us, answered, not shrugged off
    if intent == "troll" and not PROFANITY.search(text) and _mocked_fact(request):
        intent = "criticism"  # "alles in plastiktüten 🤡 greenwashing": mocked, but a fact of ours answers it
    nothing_came = _NOT_ARRIVED.search(text) and not (_DAMAGE.search(text) or _WRONG_SENT.search(text))
    if intent == "damaged_or_wrong_item" and nothing_came:
        intent = "delivery_problem"  # "bestellt und bis heute nichts bekommen": nothing came to be damaged
    if intent == "service_complaint" and _PRICE_RISE.search(text) and not _SERVICE.search(text):
        intent = "criticism"  # "Your prices have crept up again ... still worth it?": the price, no service failure
    if (
        intent == "criticism"
        and (_TOO_MILD.search(text) or _TOO_STRONG.search(text))
        and find_products(text, request.profile)
    ):
        return "taste_criticism"  # "die Kiezmischung ist mir zu mild, da fehlt mir die Kraft": another of ours fits
    coffee = _COFFEE.search(text) or re.search(r"\bbeans?\b", text, re.IGNORECASE)  # "ur beans are mid"
    ours = _YOU.search(text) or find_products(text, request.profile)  # not "kaffee ist überbewertet, tee >>>"
    shrugged = _MEH.search(text) and coffee and ours and not (PROFANITY.search(text) or _GIFT.search(text))
    shrugged = shrugged and not _SNOBBERY.search(text)  # "kaffee ist overrated, tee ftw": a jab, no coffee to fix
    if intent in ("troll", "criticism", "other") and shrugged and message.mode == "reply" and "?" not in text:
        return "taste_meh"  # "ur beans are mid tbh": which one, and how brewed, to find a better match
    edition = _edition_wished(text, request.profile) if message.mode == "reply" else ""
    # "oktoberfest blend when?? espresso + pretzel 🥨": the edition wished, the pretzel only beside it
    wished = _flavour_wished(text, request.profile) if message.mode == "reply" and not edition else ""
    if wished and intent in _FLAVOUR_INTENTS and analysis.sentiment != "negative":
        # "Habt ihr was zum Oktoberfest? 😂 Kaffee mit Weißbier-Aroma oder so": laughed with, no wish passed on
        joked = _FLAVOUR_JOKED.search(text) and not _WHEN_ASKED.search(text)
        return "flavour_joke" if joked else "flavour_wish"  # "PUMPKIN SPICE WHEN??": not ours
    if edition and intent in _FLAVOUR_INTENTS and analysis.sentiment != "negative":
        # "wann kommt die bohnenkiez oktoberfest edition?? espresso in der maß 🍺😂": none we know of, wish passed on
        return "edition_joke" if _FLAVOUR_JOKED.search(text) else "edition_wish"
    if intent in ("troll", "criticism", "other") and _packaging_jab(text) and message.mode == "reply":
        return "packaging_criticism"  # "a box the size of a microwave for one tiny bag 🙃 so sustainable"
    if intent in ("troll", "criticism", "other") and _plastic_jab(text) and message.mode == "reply":
        return "plastic_criticism"  # "'kleine nachhaltige Rösterei' und dann alles in Plastiktüten 👏": the material
    storied = _STORY_JIBE.search(text) and not PROFANITY.search(text)
    if intent in ("troll", "criticism", "other") and storied and message.mode == "reply":
        return "story_jibe"  # "another 'small Berlin roastery' with a 'story' ... the founder quit": no origin myth
    burnt = _ROAST_JIBE.search(text) and not (_OWN_BAG.search(text) or PROFANITY.search(text) or "?" in text)
    if intent in ("troll", "criticism", "other") and burnt and message.mode == "reply":
        return (
            "roast_jibe"  # "roasters are just ppl who burn beans and charge 20 bucks for it lol": the craft winked at
        )
    if intent in ("troll", "criticism", "other") and _content_jibe(text) and message.mode == "reply":
        return "content_jibe"  # "Ah, wieder ein Reel mit Bohnen in Zeitlupe. Revolutionär. 😴": owned with a wink
    guessed = _TASTE_GUESS.search(text) and _COFFEE.search(text) and not PROFANITY.search(text)
    if intent in ("troll", "criticism", "other") and guessed and message.mode == "reply":
        return "taste_jab"  # "kaffee aus kreuzberg schmeckt bestimmt nach späti": untasted, so a taste is offered
    if intent in ("troll", "criticism", "other") and _snob_jibe(text) and message.mode == "reply":
        return "snob_jibe"  # "coffee is literally just bean water for ppl who think they're better lol": a wink back
    jibe = _EYE_ROLL.search(text) and (_OURS.search(text) or _COFFEE.search(text)) and not POLITICS.search(text)
    jibe = jibe and moment(text, calendar=True) != "carnival"  # "zu karneval ne jecke sonderröstung? 🤡": a jester
    # "noch so ne rösterei ... wann kommt der eigene podcast": a thing of ours asked for in a jibe, no fact read
    unread = intent == "stock_question" and not any(q.fact for q in analysis.questions)
    jibed = intent in ("other", "product_question", "stock_question", "praise", "criticism") and jibe
    if jibed and (_only_deferred(request) or unread) and not _PRICE_RISE.search(text):
        if intent == "criticism" and _mocked_fact(request):  # "a box that big?? so much waste 🙄": the bags
            return "criticism"  # fact answers part of it, and the rest goes to the team
        return "troll"  # "noch ne rösterei ... 🙄 wann kommt die eigene nft kollektion": no "I'll check" for a jibe
    ironic = bool(_SARCASM.search(text) and (_LATE.search(text) or _NEGATIVE_FACT.search(text)))
    if intent == "praise" and (sarcasm or ironic) and not _JOKING.search(text):
        intent, sarcasm = "criticism", True  # "Great service, thanks for nothing": never thanked for
    late = bool(_LATE.search(text) and _OURS.search(f"{text} {message.post or ''}"))  # under "Packing your orders"
    if intent in ("praise", "other", "product_question", "criticism", "service_complaint") and late:
        intent = "delivery_problem"  # "immer noch nix da??" is a parcel that did not come, not a question
    astray = _ASTRAY.search(text) and ("?" in text or analysis.sentiment == "negative") and not _PRAISE.search(text)
    if intent in ("other", "product_question", "criticism") and astray:
        intent = "delivery_problem"  # "zugestellt an 'Nachbar' ... welcher nachbar??? das reh?": a parcel gone astray
    mocking = _MOCKERY.search(text) and len(text) <= 120 and (_OURS.search(text) or _YOU.search(text))
    if intent in ("other", "praise") and mocking:
        intent = "troll"
    if message.mode == "outreach":
        return "outreach"
    if intent in ("product_question", "other") and analysis.sentiment == "negative" and _PRICE_RISE.search(text):
        intent = "criticism"  # "die Preise ziehen ganz schön an ... Und einen Januar-Sale macht ihr auch nicht?"
    if _REFILL.search(text) and intent in ("troll", "criticism", "other", "product_question", "price_criticism"):
        return "refill_claim"  # "Bestimmt alles aus dem Discounter umgefüllt": said plainly what we do, no price talk
    if _SECRET_INGREDIENT.search(text) and intent in ("troll", "criticism", "other", "product_question"):
        return "secret_ingredient"  # "Kaffee aus Kreuzberg 😂 da ist doch bestimmt noch was anderes drin": only beans
    if intent in ("delivery_problem", "order_status") and _LEFT_OUTSIDE.search(text) and analysis.questions:
        return "question"  # "sat outside my door all day at -8°C ... are the beans ruined?": here, and asked about
    if GRIEF.search(text) and intent not in ("troll", "spam"):
        if _STOP_ASKED.search(text):  # "He passed away in August and I keep receiving the parcels. ... stop it?"
            return "condolence_help"
        return "condolence"  # "Mein Mann ist im Oktober gestorben ... eure Kiezmischung": sympathy, never "schön"
    if intent in ("other", "praise", "criticism") and _cutting_down(text) and not analysis.questions:
        return "cutting_down"  # "quitting caffeine. day 3 😭": cheered on, and the decaf fact if there is one
    if intent in _SORTED_INTENTS and analysis.sentiment != "negative" and not sarcasm and _sorted_out(text):
        return "resolved_thanks"  # "danke für die schnelle Hilfe bei meiner beschädigten Lieferung. Der Ersatz kam"
    if _DISCOUNT_MISSED.search(text) and intent in ("other", "product_question", "criticism", "order_status"):
        return "billing"  # "euer 15%-code wurde an der kasse nicht abgezogen": a charge to put right, after-sales
    shop = _shop_trouble(text) if intent not in ("spam", "troll", "collaboration", "job_application") else ""
    if shop:
        return shop  # "beim bezahlen kommt nur 'fehler 500'": the shop is broken, passed on; paid: after-sales checks
    if _backlash(text) and intent not in ("spam", "collaboration", "job_application"):
        return (
            "backlash"  # "„wir rösten nicht für leute die nur wach werden wollen“ ... arrogant much?": sorry, plainly
        )
    if _COMMUNITY_ASK.search(text) and not (_OURS.search(text) or _YOU.search(text) or _names_us(text, request)):
        return "community_ask"  # "Hat jemand noch Winterreifen abzugeben?": asked of the others here, not of us
    if _PRIVATE_ASKED.search(text) and intent not in ("spam", "job_application"):
        return "staff_private"  # "the guy at the roaster is lowkey fine 👀 is he single": no "I'll check with the team"
    asked_alone = _DONATE_ASKED.search(text) and len(analysis.questions) == 1
    if _DONATION.search(text) and (_ASKING_FOR.search(text) or asked_alone) and intent in _DONATION_INTENTS:
        return "donation"  # "eine kleine Sachspende für die Tombola?": passed to the team, nothing promised
    if _DELETED.search(text) and not _SELF_DELETED.search(text) and intent != "spam":
        return "service_deleted"  # "You deleted my comment ... So much for being honest": no DM, answered in public
    if _DELETING_CLAIMED.search(text) and intent not in ("spam", "collaboration", "job_application"):
        return "deleting_claim"  # "ihr löscht hier doch eh jede kritik 🙄": criticism welcome here, and asked for
    if (
        intent == "criticism"
        and analysis.questions
        and analysis.sentiment != "negative"
        and analysis.register == "formal"
    ):
        intent = "product_question"  # "Gilt die Preiserhöhung auch für laufende Abonnements?": asked politely
    price_post = _PRICE.search(message.post or "") and not _PRICE.search(text)
    if intent in ("service_complaint", "criticism") and price_post and not _SERVICE.search(text):
        return "price_criticism"  # "so dankt ihr treuen kunden" under the price post: the price is the complaint
    no_deal = policy_answer(text, request.profile) if _NO_DEAL_GIVEN.search(text) else None
    if (
        intent in ("service_complaint", "criticism")
        and no_deal
        and no_deal.id in _NO_DEAL
        and not _SERVICE.search(text)
    ):
        return "price_criticism"  # "kein rabatt?? überall sonst 30%": the missing deal is the complaint, no service
    if _VOUCHER_REFUSED.search(text) and intent not in ("troll", "spam") and not ACCUSATION.search(text):
        return "voucher_problem"  # "beim bezahlen steht immer 'code ungültig'": after-sales checks the voucher
    reported = _SCAM.search(text) and _REPORTED_SCAM.search(text)
    if reported and intent in ("spam", "other", "product_question", "praise", "troll", "criticism"):
        return "scam_report"  # "got a message from 'Bohnenkiez Gewinnspiel' ... is that really you?": not us
    if intent in ("other", "troll", "criticism", "spam") and _SCAM.search(text) and _DOMAIN.search(text):
        # "Ihr Konto verstößt gegen ... unter meta-verify-support.co/acc": phishing, whatever else it orders
        return "scam_dm" if message.channel == "dm" else "scam"
    if analysis.injection_suspected and intent in ("other", "troll", "product_question", "praise", "criticism"):
        return "injection"
    if intent == "spam" and message.channel == "comment" and _CONTACT_PUSHED.search(text) and _MONEY_MADE.search(text):
        return "scam_contact"  # "now I earn 8,500€ weekly ... contact him on WhatsApp +44 ...": a warning to readers
    if intent == "spam" and (_SCAM.search(text) or _advertises(text, analysis)):
        if _SCAM.search(text):  # a phishing DM to us is declined; a scam under a post is a warning to others
            return "scam_dm" if message.channel == "dm" else "scam"
        return "spam"
    if intent == "spam":  # "Grüße aus Hamburg!" read as spam by an unsure model: no warning for a fan
        intent = "other"
    damage = _BROKEN.search(text) or _DAMAGE.search(text) or _swapped(text)  # "Tüte aufgeplatzt ...", "got … earl grey"
    if intent in ("defect", "damaged_or_wrong_item") and _PRICE_JAB.search(text) and not damage:
        return "price_criticism"  # "bei dem Preis erwarte ich, dass die Bohnen sich selbst mahlen 💀": no defect
    if intent in ("defect", "damaged_or_wrong_item") and not damage and _MEME_LAUGH.search(text) and "?" not in text:
        return "joke"  # "ich nach 3 wochen handmühle: unterarme wie popeye 💀": a joke about the grinder, no defect
    if (
        intent in ("praise", "other", "product_question", "stock_question", "criticism")
        and _gift_help(text)
        and not _NEGATIVE_CUES.search(text)
        and not _VOUCHER_ASKED.search(text)  # "was schenk ich MIR ... ihr habt doch bestimmt gutscheine oder?"
    ):
        # "... der lehrerin was schenken. kaffee ok oder zu cringe? 😅": yes it will do, then which one
        return "gift_ok" if _GIFT_OK.search(text) else "gift_advice"  # "asked for 'the coffee people ...'. Help."
    asked_help = _HELP.search(_HELP_THANKED.sub(" ", text))  # "danke für den tipp gestern 🙌" asks for none
    helped = intent in ("praise", "criticism", "other", "product_question") and asked_help
    if helped and _fact_id(text, request):
        return "question"  # "finally finished my setup 🥹 ... shots are running in like 15 sec, help"
    if intent in ("delivery_problem", "order_status", "billing") and _WORRY.search(text) and analysis.questions:
        return "question"  # "kann ich die Lieferung überspringen? will nicht, dass das Paket rumgammelt": asked ahead
    if _AD_FATIGUE.search(text) and intent in ("praise", "other", "troll", "criticism"):
        return "criticism"  # "das 6. mal heute in meiner fyp. ICH HAB VERSTANDEN": annoyed by our ads, no joke
    if intent in ("troll", "criticism", "other") and occasion(text) == "sick" and _CANT_TASTE.search(text):
        return "unwell"  # "hay fever level 1000. i cant smell my coffee anymore. is it just brown water now 😭"
    if intent in ("troll", "criticism", "other", "praise") and analysis.questions and _OFFER_ASKED.search(text):
        return "question"  # "macht ihr zur wiesn auch nen bier-kaffee oder seid ihr dafür zu berlin 😂": asked in jest
    if _joking(intent, text, analysis) or _coffee_or_not(request):
        return "joke"  # "pov: du trinkst den dritten espresso und es ist 9 uhr": laugh along, no thank-you
    if intent in ("troll", "criticism") and _DAYS_TAKEN.search(text) and not _PARCEL_WAITED.search(text):
        return "arrived_late"  # "Wow, 5 Werktage für eine Tüte Kaffee nach Hamburg. Ganz großes Kino 👏": it came late
    if intent == "service_complaint" and _PARCEL_WAITED.search(text):
        return "delivery_problem"  # "Seit zwei Wochen warten wir auf unser Paket ... kurze Info wäre nett": the parcel
    if intent in ("service_complaint", "other", "stock_question", "product_question") and _asked_unanswered(request):
        return "question"  # "Hab gestern schon gefragt ob ihr nach Luxemburg liefert. Keiner antwortet.": sorry, answer
    if _SERVICE.search(text) and intent not in ("praise", "collaboration") and not _no_news(text):
        if intent in ("service_complaint", "defect", "damaged_or_wrong_item") and _defect_told(text, request.profile):
            return "defect"  # "wegen meiner mühle geschrieben (kurbel bricht ab) und bis jetzt NIX": sorry, and the fix
        if intent in ("billing", "refund_request") and _BILLING_TROUBLE.search(text):
            return "billing"  # "zweimal abgebucht ... auf meine Mail hat niemand reagiert": the charge, and sorry
        return "service_complaint"
    if ACCUSATION.search(text) and _NOT_ARRIVED.search(text):
        return "accusation"  # "ihr seid doch eh alles scammer, mein kumpel hat nie was bekommen"
    # "kann ich statt X lieber Y bekommen?", "can I get that one sent there instead?" (its "sent" is asked, not done)
    switch = bool(_SWITCH.search(text)) and not _DELIVERED.search(_SWITCH.sub(" ", text))
    arrived_other = intent in ("order_status", "delivery_problem") and not _NOT_ARRIVED.search(text)
    if (
        (intent in ("order_via_message", "other", "product_question", "praise") or arrived_other)
        and _swapped(text)
        and not switch
    ):
        return "wrong_item"  # "I got X but my order was Y": after-sales, not a new order
    waiting = _WAITING.search(text) and len(text) <= 80 and not text.lstrip().startswith("@")
    if waiting and not _OURS.search(text) and not split_questions(text)[1:]:
        return "service_general"  # impatient and vague: sorry, and ask what it is about
    about_us = (_YOU.search(text) or _OURS.search(text)) and not text.lstrip().startswith("@")
    if intent in ("praise", "other") and _DISAPPOINTED.search(text) and about_us and not _JOKING.search(text):
        intent = "criticism"  # "Früher wart ihr so sympathisch ... schade": never thanked for
    put_right = _PUT_RIGHT.search(text)  # "die Ersatzpackung für die kaputte Tüte ist heute angekommen": thanks
    if (
        intent == "praise"
        and _unhappy_words(text)
        and _TASTE.search(fold(text))
        and not (_JOKING.search(text) or put_right)
    ):
        intent = "criticism"  # "tastes like straight lemon juice. 'low acidity' my ass 💀": the taste, mocked (a
        # wasp's "😤🐝 ... good taste" is a pout)
    if intent == "defect" and _PRESALE.search(text):
        intent = "product_question"  # "wollte mir die Handmühle holen ... meine alte ist kaputt": before buying
    fond = (_PRAISE.search(text) or _FOND.search(text)) and not _NEGATIVE_CUES.search(text)
    fond = fond and not sarcasm  # "super qualität eure mühle, hat ganze 6 wochen gehalten 👏": a defect, mocked
    if intent in ("defect", "stock_question") and fond and not _PROBLEM.search(text) and "?" not in text:
        intent = "praise"  # "mahlt schön gleichmäßig", "so schön schokoladig, ich brauch bald Nachschub"
    unharmed = not (_PROBLEM.search(text) or _DAMAGE.search(text) or _broken(text))
    quick = _QUICK.search(text) and not (_NEGATIVE_CUES.search(text) or sarcasm)
    if intent == "damaged_or_wrong_item" and (fond or quick) and unharmed and "?" not in text:
        intent = "praise"  # "bestellt am Montag, kam am Dienstag an, mega schnell!": nothing broke
    escalated = analysis.escalation is not None and intent in _ESCALATING_INTENTS
    moved = _ADDRESS_CHANGE.search(text) or (_MOVED.search(text) and _OWN_ORDER.search(text))
    delivered = _DELIVERED_ALREADY.search(text)  # "an die alte Adresse gegangen, laut DHL zugestellt": too late
    if intent in ("order_status", "delivery_problem", "product_question", "other") and moved and not delivered:
        ahead = intent == "product_question"  # "ich ziehe zum 1. Oktober um ... mein Abo": a move ahead, no parcel
        open_order = _OPEN_ORDER.search(text)  # "+ ne bestellung offen ... + mein abo": the parcel first
        # "mein Abo kommt normalerweise Anfang Oktober. Kann ich das verschieben? ... Bestellnr 48213": the number
        # names the subscription, no parcel on its way
        numbered = analysis.entities.order_ids and _PARCEL_PENDING.search(text)
        if _SUBSCRIPTION.search(text) and not (numbered or open_order) and (_asks_a_fact(request) or ahead):
            return "question"  # "how do I change the address for my subscription?": the account answers it
        return "address_change"  # "alte Adresse drin, bin umgezogen. Kann man das noch ändern??": no parcel hunt
    # "only arrived on the 29th ... a voucher?" read as a damaged item: late, and nothing broke
    unbroken = intent == "damaged_or_wrong_item" and not (_DAMAGE.search(text) or _BROKEN.search(text))
    late_intent = intent in ("order_status", "delivery_problem", "criticism", "other") or unbroken
    late_one = late_intent and _ARRIVED_LATE.search(text) is not None
    if late_one and not _NOT_ARRIVED.search(text) and not _STILL_WAITING.search(text):
        return "arrived_late"  # "kam eine ganze Woche später ... wenigstens einen Gutschein?": here, but too late
    if unbroken and _ROAST_DATED.search(fold(text)) and not _WRONG_SENT.search(text):
        return "criticism"  # "Röstdatum von vor drei Wochen. Frisch ist was anderes": the freshness, nothing to replace
    unharmed_now = _NOTHING_BROKEN.search(text) is not None  # "Diesmal ist zum Glück nichts kaputt"
    damaged = _DAMAGE.search(_SOAKED_BOX.sub(" ", text))  # "Der Karton war völlig aufgeweicht": the box, no goods
    dropped = _DROPPED_OFF.search(text) and not (_NOT_ARRIVED.search(text) or (damaged and not unharmed_now))
    left_out = ("order_status", "delivery_problem", "criticism", "service_complaint", "damaged_or_wrong_item")
    if intent in left_out[: 5 if unharmed_now else 4] and dropped:
        # "ohne zu klingeln auf die Treppe gestellt ... Karton pitschnass": here, left outside (without ringing)
        return "dropped_off" if _NO_RING.search(text) else "left_outside"
    # "Can I keep my subscription ...? If not, how do I stop it?": the subscription to end, no parcel to stop
    abo_only = _SUBSCRIPTION.search(text) and not _PARCEL.search(text)
    stopped = intent in ("order_status", "delivery_problem", "product_question", "other") and _STOP_PARCEL.search(text)
    if stopped and not abo_only:
        return "stop_delivery"  # "schon verschickt ... kann man die noch stoppen oder umleiten?": no parcel hunt
    if intent == "service_complaint" and _defect_told(text, request.profile):
        return "defect"  # "wegen meiner Handmühle geschrieben (Kurbel dreht durch), zurück kam ein Textbaustein"
    if _dismissed(text) and intent in ("service_complaint", "criticism", "other", "troll"):
        return "service_tone"  # "the answer was basically 'it says so on the website', felt dismissive": no wait
    if confidence < LOW_CONFIDENCE and not escalated:  # a clear case for a team is no guess
        return _uncertain_situation(request, intent, late)
    unanswered = _DM_WORDS.search(text) or _SERVICE.search(text)
    if intent == "service_complaint" and not unanswered and _real_questions(request) and _fact_id(text, request):
        return "question"  # "immer noch bisschen bitter, und wie heiß soll das Wasser sein?": a brewing question
    if intent == "service_complaint" and not unanswered and _DAMAGE.search(text):
        return "damaged_item"  # "das Gehäuse hat unten einen Riss 😞 ... Und jetzt?": a damage, not a slow reply
    shipping = analysis.escalation is not None and analysis.escalation.team == "logistics"
    if intent == "service_complaint" and not unanswered and shipping:
        return "delivery_problem"  # "Zum dritten Mal ... kommt mein Abo später als angekündigt": the late parcel
    if intent == "service_complaint":
        return "service_complaint" if _DM_WORDS.search(text) or _SERVICE.search(text) else "service_general"
    if intent == "billing" and not _BILLING_TROUBLE.search(text) and _MONEY_RANT.search(text):
        return "price_criticism"  # "€14 for 250g?? ... at the supermarket for €12": our prices, no charge of theirs
    charge_wrong = intent == "billing" and (_BILLING_TROUBLE.search(text) or _SHOWN_OTHERWISE.search(text))
    if intent in ("billing", "criticism") and _SHIPPING_COST.search(text) and not _ASKS_COST.search(text):
        if charge_wrong:  # "Versandkosten ausgewiesen, obwohl im Warenkorb versandkostenfrei": a charge to correct
            return "billing"
        return "price_criticism"  # "€5.90 shipping for one bag?? are you serious": the postage, complained about
    if intent == "billing" and INVOICE_FIX.search(fold(text)):
        return "invoice_fix"  # "a proper invoice with VAT and the company name ... Can you re-issue it?": after-sales
    if intent == "billing" and not _BILLING_TROUBLE.search(text) and split_questions(text):
        return "question"  # "Kann man auf Rechnung bezahlen?" asks, it does not complain
    weak_defect = cue_scores(fold(text)).get("defect", 0.0) < STRONG_DEFECT and confidence < SURE_DEFECT
    if intent == "defect" and weak_defect and not _DAMAGE.search(text):  # "die Kurbel eiert ... was kann ich machen?"
        asked = [q for q in split_questions(text) if not _RHETORICAL.search(q)] or _real_questions(request)
        if asked or (OWN_MISTAKE.search(text) and _fact_id(text, request)):  # "zu grob oder was mach ich falsch"
            return "question"  # "this grinder lowkey changed my life fr 😭 what setting for pour over tho"
        if _PRAISE.search(text) and not _NEGATIVE_CUES.search(text):
            return "praise"
    sound = not (_BROKEN.search(text) or _FAULT.search(text) or _DAMAGE.search(text))
    if intent == "defect" and sound and _TASTE.search(fold(text)):
        return "taste_criticism"  # "stufe 26 an der handmühle, nicht mehr bitter aber wässrig": a brew to fix, no fault
    if intent in ("refund_request", "billing", "defect", "delivery_problem", "order_status", "order_via_message"):
        charged = _BILLING_TROUBLE.search(text) or analysis.entities.order_ids
        answered = any(getattr(q, "fact", None) for q in _get(analysis, "questions", None) or [])
        if intent == "billing" and not charged and answered:
            return "question"  # "can i pay w paypal or nah": how to pay, no charge gone wrong
        if intent == "order_status" and _STOCK.search(text):
            return "stock_question"
        if intent == "order_via_message" and _wishes_delivery(text):
            return "question"  # "please ship to the UK!!": where we deliver, not an order to take
        if intent in ("order_status", "delivery_problem", "order_via_message") and _HYPOTHETICAL.search(text):
            return "question"  # "Wenn ich heute bestelle, ist das bis Samstag da?": nothing is ordered yet
        searched = _NOT_ARRIVED.search(text) or _TRACED.search(text) or analysis.entities.order_ids
        tracing = late or (waiting and not _INSTEAD.search(text)) or bool(searched)
        calm = not (tracing or _STILL_WAITING.search(text) or _NEGATIVE_CUES.search(text))
        just_ordered = intent in ("order_status", "delivery_problem") and _JUST_ORDERED.search(text)
        if just_ordered and calm and _arrival_asked(request):
            return "question"  # "am Montag bestellt. Kommt das noch vor dem Feiertag an?": on its way, no hunt
        unhappy_reading = sarcasm  # "Thanks for the neighbourhood tour, Bohnenkiez 🙃": no thanks back
        if (
            intent in ("order_status", "delivery_problem")
            and not tracing
            and _thankful_only(text)
            and not unhappy_reading
        ):
            return "praise"  # a long story of a loyal customer that ends "Danke, dass es Sie noch gibt"
        own = _OWN_ORDER.search(text) or _PARCEL_WENT.search(text) or analysis.entities.order_ids  # not "lohnt es
        # sich gerade zu bestellen?"
        unhappy_now = analysis.sentiment == "negative" and own  # "landet in der Filiale statt an der Haustür ... DHL?"
        if intent == "order_status" and own and _arrival_asked(request):
            return "order_status"  # "kommt mein paket noch diese woche?": the usual time, and the team can look
        # "5 werktage für '2–3 werktage'. kommt das paket per lastenrad? 🙄": a late parcel mocked asks nothing
        mocked = intent == "delivery_problem" and (sarcasm or analysis.emotion == "angry")
        if (
            intent in ("order_status", "delivery_problem")
            and _asks_a_fact(request)
            and not (tracing or unhappy_now or mocked)
        ):
            return "question"  # "can I pick up my order at the roastery?" asks, nothing is missing
        asked = _asked_texts(request)
        # "no shipping notification yet. Is everything ok?": a parcel to look for, too
        looked_for = (_WAITING, _NOT_ARRIVED, _NOT_SHIPPED, _STUCK)
        missing = late or any(p.search(text) for p in looked_for) or bool(analysis.entities.order_ids)
        # "Tag 7 unterwegs. Röstet ihr jede Bohne einzeln von Hand oder wie? 🙃": a late parcel mocked, no question
        plain = not (sarcasm or any(_WHEREABOUTS.search(q) for q in asked))
        if intent == "order_status" and not missing and asked and plain:
            return "question"  # "ob meine Bestellung noch zum alten Preis berechnet wird?": no parcel to look for
        unhappy = (late or _NOT_ARRIVED.search(text)) and _NEGATIVE_CUES.search(text)  # "bis heute nichts erhalten"
        if intent == "order_status" and (sarcasm or unhappy):
            return "delivery_problem"  # "bis heute NICHTS angekommen ... Toller Service, wirklich.": sorry, not "gern"
        return intent
    if intent == "damaged_or_wrong_item" and _INTACT.search(text) and _ARRIVED_LATE.search(text):
        return "arrived_late"  # "kam nach 9 Tagen statt 2–3 an. Kaffee ist da, alles heil": late, nothing broke
    if intent == "damaged_or_wrong_item" and _INTACT.search(text) and _PRAISE.search(text):
        return "praise"  # "super schnelle Lieferung, nur der Karton war etwas zerdrückt – Inhalt aber heil 👍"
    if intent == "damaged_or_wrong_item":
        told = _told_before(request)  # "Soll ich das jetzt zurückschicken?" after "bestellt X, bekommen Y"
        text = f"{text}\n{told}" if told else text
        wrong = re.search(
            # "my missing parcel last week": a parcel lost, not an item missing from it
            r"falsch|statt(?!\s?\d)|wrong|instead|fehlt|missing(?! (?:parcel|package|delivery|order|box))"
            r"|nur (?:eine?|1)|only (?:one|1)|nicht bestellt"
            r"|halb leer|half empty|zu wenig drin|underfilled"  # "die Tüte halb leer": less in it than ordered
            r"|never ordered"
            r"|did ?n.?t order|did not order"  # "ne mühle die ich gar nicht bestellt hab"; the wrong grind, too:
            r"|(?:viel )?zu (?:fein|grob) gemahlen|fein wie puderzucker|too (?:fine|coarse)ly? ground"
            # "its pre-ground for filter ... she def ordered it for espresso": the wrong grind came
            r"|pre-?ground for|(?:vor)?gemahlen fur (?:filter|french press|espresso)|ordered (?:it )?for espresso"
            r"|(?:ordered|bestellt)\b[^.!?]{0,25}\b(?:whole beans|ganze bohnen)\b[^.!?]{0,30}\b(?:got|bekommen|kam|came"
            r"|gemahlen|ground)\b",  # "ordered whole beans, got them GROUND"
            fold(_ELSEWHERE.sub(" ", OWN_MISTAKE.sub(" ", text))),
        )
        other = _ORDERED_ONE.search(text) and len(_products_named(text, request.profile)) >= 2  # "ordered X, it's Y"
        swapped = (_swapped(text) or bool(other)) and not _DAMAGE.search(text)  # "received X but I ordered Y"
        if switch or (_OWN_ALREADY.search(text) and not _DAMAGE.search(text)):
            # a change to the subscription, or "I already own the exact same one ... swap it?": nothing went wrong
            return "question"
        part_missing = bool(MISSING_TOLD.search(fold(text)))  # "the crank handle isn't in the box??": a part missing
        faulty = _RATTLES.search(text) and find_products(text, request.profile)  # "die Handmühle klappert innen"
        arrived_faulty = bool(faulty and _FAULTY_ON_ARRIVAL.search(text))
        # "MEIN PAKET KOMPLETT NASS UND DER KAFFEE RIECHT NACH KARTON": goods soaked, not only the box
        soaked = _WET.search(_SOAKED_BOX.sub(" ", text)) is not None
        swapped = swapped or _ORDERED_OTHER.search(fold(text)) is not None  # "ordering 'whole beans', receiving powder"
        soaked = soaked or _WINKED_DAMAGE.search(fold(text)) is not None  # "through a hole in the side 🙃"
        evidence = (
            wrong
            or swapped
            or part_missing
            or _DAMAGE.search(text)
            or _STALE.search(fold(text))
            or arrived_faulty
            or soaked
        )
        if faulty and not (wrong or swapped or _DAMAGE.search(text) or arrived_faulty):
            return "defect"  # "... mahlt total ungleichmäßig. Toll.": a fault of the grinder, whatever the irony
        if not (wrong or swapped or _DAMAGE.search(text)) and _BAD_TASTE.search(text):
            return "taste_criticism"  # "tastes really flat and kind of stale?? bag was sealed": no replacement
        if sarcasm and not evidence:
            intent = "criticism"  # "ein Karton, in dem ein Kleinkind Platz hätte. Glückwunsch.": the packaging
        elif (
            not evidence
            and (_PRAISE.search(text) or analysis.sentiment == "positive" or "praise" in analysis.secondary_intents)
            and not _NEGATIVE_CUES.search(text)
        ):  # "the kiezmischung actually arrived DESPITE the strike. i cried": glad, nothing broke
            intent = "praise"  # "chocolatey, zero sourness", "kam am Dienstag an, mega schnell!": nothing broke
        elif not evidence and (split_questions(text) or analysis.questions):
            return "question"  # "läuft in 15 sek durch, was mach ich falsch?": a brewing question
        elif not evidence and _TASTE.search(fold(text)):
            intent = "criticism"  # "diesmal bitterer als sonst": the taste, not a damaged bag
        elif not evidence and confidence < UNSURE_DAMAGE and not _NEGATIVE_CUES.search(text):
            return "uncertain"  # "umzugskartons überall aber die kaffeeecke steht schon 😅": nothing of ours broke
        else:
            if _NO_REPLACEMENT.search(text):
                return "refund_request"  # "Ich will keinen Ersatz, ich will mein Geld zurück": no replacement offered
            return "wrong_item" if wrong or swapped else "damaged_item"
    interviewed = _INTERVIEW.search(text)  # "Wäre jemand bereit, mir für ein kurzes Gespräch ...": a request
    if (
        intent == "collaboration"
        and _PRESS.search(text)
        and analysis.questions
        and not (_REACH_US.search(text) or interviewed)
    ):
        return "question"  # a blogger's "Woher kommen die Bohnen, und ist der bio?": answered or deferred by name
    if intent == "collaboration" and _SUPPLY.search(text) and (_asks_a_fact(request) or _fact_id(text, request)):
        return (
            "question"  # a hotel reviewing its coffee supplier asks for conditions: no collab, the facts and a person
        )
    if intent == "collaboration" and _asks_a_fact(request) and not (_CREATOR.search(text) or _JOINT.search(text)):
        # a creator's "could u send me a few bags to review?" asks no packaging fact
        return "question"  # "a regular coffee supply for our co-working space?": the office fact answers it
    if intent == "stock_question" and _PRICE.search(fold(text)) and not _STOCK.search(text):
        return "price_criticism"  # "ihr habt die preise erhöht?? seit wann kostet die so viel": no restock date
    if intent == "stock_question" and _asks_a_fact(request) and not _STOCK.search(text):
        return "question"  # "any chance you have a decaf version??": the decaf fact answers it
    if intent == "stock_question" and not _asked_texts(request) and _status_fact(text, request) is not None:
        return "question"  # "any decaf yet or is it still "testing" lol": asked without "?", its fact says how it is
    language = str(analysis.language or "de")
    often = [q for q in _asked_texts(request) if _how_often(q, text, request.profile, language)]
    if intent == "stock_question" and often and not any(_STOCK.search(q) for q in often):
        return "question"  # "Wie oft kommt das Abo? ... alle wieder da": its rhythm, never "no date for it yet"
    if intent == "stock_question" and PROMISED_CHECK.search(text) and not _STOCK.search(text):
        return "defer"  # "you said you'd ask the roasters about the moka pot grind… any news?": our promise, chased
    asked = _asked_texts(request)
    # "Habt ihr schon was von der neuen Ernte? Aus welchem Land kommt ...?": one waiting word among other questions
    awaited = _AWAITED.search(text) and (len(asked) < 2 or all(_AWAITED.search(q) for q in asked))
    if intent == "stock_question" and not (_STOCK.search(text) or awaited) and asked:
        return "defer"  # "Gibt es dieses Jahr wieder einen Adventskalender?", "Habt ihr Geschenksets oder ...?": asked,
        # nobody is waiting, never "ob und wann das kommt"
    if intent == "job_application" and _OWN_JOB.search(text) and _asks_a_fact(request):
        return "question"  # "do u do workshops?? starting my first barista job in oct": a job of one's own, asked on
    if intent in ("stock_question", "job_application", "collaboration"):
        return intent
    if (
        _JOB.search(text)
        and intent in ("product_question", "other")
        and not (_OWN_JOB.search(text) and _asks_a_fact(request))
    ):
        return (
            "job_application"  # "neuer Job, andere Schichten ... kann man auf 4 Wochen umstellen?" asks about the Abo
        )
    stock_asked = any(_STOCK.search(q) for q in asked) or not (asked and _asks_a_fact(request))
    if _STOCK.search(text) and stock_asked and intent in ("product_question", "other", "criticism"):
        return "stock_question"  # not "alle wieder da ... Gibt's Lieferung fürs Büro?": the office fact answers
    if intent in ("product_question", "other", "criticism", "troll") and _MONEY_RANT.search(text):
        return "price_criticism"  # "4,90 Versand für ne Tüte? dann geh ich lieber in den Supermarkt"
    price_complaint = intent == "criticism" and _PRICE.search(fold(text))
    if analysis.intent == "troll" and _MOCKED.search(text) and not _mocked_fact(request):
        intent = "troll"  # "röstet ihr die bohnen oder grillt ihr die? 💀": a tease's question wants no "I'll check"
    asked = _asked_texts(request)
    why_only = intent == "criticism" and asked and all(_WHY.match(q) for q in asked)  # "warum ... wird cringe"
    tasted = intent == "criticism" and bool(_TASTE.search(fold(text)))  # "tastes really sour ... did you change it?"
    if intent in ("criticism", "other") and asked and not (_NEGATIVE_CUES.search(text) or price_complaint or why_only):
        if tasted:
            return "taste_criticism"
        return "question"  # "Gibt's die auch in 250 g? Für mich allein ist mehr zu viel": a question first
    if intent == "troll":
        priced = bool(_PRICE.search(fold(text)))
        if ACCUSATION.search(text) and not priced and _TRADE.search(text):
            return "accusation"  # "Betrug, mein Paket kam nie": an order in it; an insult alone is a troll's
        if _TASTE.search(fold(text)) and not priced:
            return "taste_criticism"  # "your coffee tastes like burnt tyres 🤡": the taste, answered calmly
        return "price_criticism" if priced else "troll"  # a dig at the price: say why, calmly
    if asked and _MACHINE_BROKEN.search(text) and not _products_named(text, request.profile):
        return "question"  # "die Kaffeemaschine ist kaputt 😢 könnt ihr eine Siebträgermaschine empfehlen?": not ours
    if intent == "criticism" and _SOURCING.search(text) and analysis.questions:
        return "question"  # "Woher beziehen Sie Ihren Rohkaffee, und zahlen Sie den Bauern faire Preise?": asked
    # "back at the office and the AC is 'being serviced' 🙃 cold brew is my personality now": irony at someone else,
    # joked about to nobody of ours, is a joke to laugh along with
    ironic_elsewhere = (
        sarcasm
        and analysis.emotion == "joking"
        and not (_YOU.search(text) or asked or POLITICS.search(text) or PROFANITY.search(text))
        # "Mein Vorsatz: weniger Kaffee. ... Vorsatz gestrichen. ☕": irony at oneself names nothing of ours
        and bool(
            _JOKE_SIGNS.search(text) or (_COFFEE.search(text) and not _names_us(text, request) and text[:1] != "@")
        )
    )
    if str(analysis.intent) in ("praise", "other") and ironic_elsewhere and not _NEGATIVE_CUES.search(text):
        return "joke"
    if intent == "criticism" and _own_brew_gone_wrong(text, request):
        return "question"  # "WARUM IST MEIN ESPRESSO SO SAUER ICH DREH DURCH 😭 siebträger neu": the fix asked
    if intent == "criticism" or (sarcasm and intent in ("praise", "other", "product_question")):
        if _DAMAGE.search(text) and _OURS.search(text):
            return "damaged_item"  # "kam mit fettem Kratzer an ... bei dem Preis": the damage first, not the price
        if _PRICE.search(fold(text)):
            return "price_criticism"
        if _TASTE.search(fold(text)):
            return "taste_criticism"
        return "criticism"
    if intent == "praise" and _BUT.search(text) and _FAULT.search(text) and _GRINDER.search(text):
        return "defect"  # "Paket ist endlich gekommen. Aber die Handmühle klappert ... Toll.": a fault, never thanks
    if intent == "praise" and _wishes_delivery(text):
        return "question"  # "had your espresso in berlin, please ship to ireland!!": where we deliver, asked
    if intent == "praise" and UNSURE.search(text) and analysis.questions:
        return "question"  # "mein Sohn hat mir die Mühle geschenkt und jetzt weiß ich nicht welche Stufe …": help
    if intent == "praise" and _BAD_TASTE.search(text) and not _PRAISE.search(text):
        return "taste_criticism"  # "schmeckt bei mir voll bitter 😭 ... french press btw": no thank-you for that
    if intent == "praise" and _CANT_TASTE.search(text):
        return "unwell"  # "nase zu, ich schmeck nich mal mehr euren espresso 😭🤧": no thanks, a get-well wish
    if intent in ("praise", "other") and RATE_ASKED.search(text) and _methods(text):
        return "question"  # "rate my setup: supermarket pre ground, french press, steep for 10 min": the fix asked
    if intent == "praise" and analysis.intent == "product_question" and any(q.fact for q in analysis.questions):
        return "question"  # "... einen Workshop schenken. Gibt es noch Termine? Liebe Grüße": asked, not praised
    if intent == "praise" and not (split_questions(text) and not _PRAISE.search(text)):
        return "praise"
    if _GREETING.match(text.strip()) or ((_wish(text, "de") or _home(text)) and len(text) < 120 and "?" not in text):
        return "greeting"
    # "is espresso kreuzberg any good in a moka pot", "wait can i pay with paypal": the analysis saw a question
    asking = "?" in text or _VERB_FIRST.match(text.strip()) or bool(_get(analysis, "questions", None))
    asking = asking or bool(_policy_requests(request, []))  # "student discount pls 🥺": asked, without a "?"
    if split_questions(text) or (intent == "product_question" and asking) or _wishes_delivery(text):
        return "question"  # "please ship to ireland!!" asks where we deliver, too
    if _real_questions(request) and FOR_US.search(text):
        return "question"  # "bin dabei!!! wann wird eig ausgelost": a question on our giveaway, without "?"
    if OWN_MISTAKE.search(text) and _fact_id(text, request):
        return "question"  # "schmeckt immer noch sauer, stufe 10, is das zu grob oder was mach ich falsch": a fix asked
    if _HELP_CRIED.search(text) and _methods(text) and _fact_id(text, request):
        return "question"  # "neuer siebträger ... läuft in 12 sek durch und schmeckt SAUER. hilfeee": a fix asked
    if _VERDICT_ASKED.search(text):  # "3 espresso vorm start: gute idee oder dumm 😅": asked, without a "?"
        return "question"
    if ACCUSATION.search(text):  # after the own mistake: "mahlen wir falsch oder sind wir zu blöd" accuses no one
        return "accusation"
    if analysis.sentiment == "negative" and _TASTE.search(fold(text)):
        return "taste_criticism"
    if _harmless_meme(text) and not _NEGATIVE_CUES.search(text):
        return "joke"  # "new year new me: 2 cups instead of 6. day 3 and i have seen god 💀": laughed along with
    if _NEGATIVE_CUES.search(text):
        return "other_negative"
    emotion = str(_get(analysis, "emotion", "neutral") or "neutral")
    warm_signs = analysis.sentiment == "positive" or emotion in ("happy", "joking") or _PRAISE.search(text)
    return "other" if warm_signs or _JOKING.search(text) or _GREETING_WORDS.search(text) else "other_neutral"


def _answers(request: GenerationRequest, language: str, situation: str) -> list[Answer]:
    """Every question of the message with its fact (or an honest deferral), in the order asked."""
    message, profile = request.message, request.profile
    asked = [_Asked(str(getattr(q, "text", "")), getattr(q, "fact", None), read=True) for q in _real_questions(request)]
    asked = [part for question in asked for part in _split(question, request)]
    asked = [q for q in asked if not _CALL_ONLY.match(q.text)] or asked  # "hallo?? ... kann man X?": X is asked
    whole_message = not asked and situation == "question"
    if whole_message:  # "... schmeckt sauer af. steht auf 10. hilfe": the fix it describes
        helped = _HELP.search(message.text) and _answering_fact(message.text, request, plain=True)
        asked = [_Asked(message.text, helped.id if helped else _fact_id(message.text, request))]
    facts = {f.id: f for f in [*profile.brand.facts, *profile.brand.tips]}  # a tip answers "tips??" too
    answers: list[Answer] = []
    used: set[str] = set()
    situation_fact = _situation_fact(request, situation)
    if situation_fact is not None:
        used.add(situation_fact.id)  # said by the reply already ("bestellt wird im Onlineshop")
    given: list[Fact] = []
    reserved = {q.fact for q in asked if q.fact}  # "… verschenken? Und wie lange geht der?": the reading's pick
    strike = bool(STRIKE.search(message.text))
    previous = ""
    for question in asked:
        text = str(getattr(question, "text", "") or "")
        told = given or situation_fact is not None or any(a.product_text or a.compared for a in answers)
        if told and _COVERED.match(text.strip()):
            continue  # "... Oranienstraße? Kann man da noch hin?", "Wer hat recht?": the fact just given answers it
        if _CHECK_ASKED.match(text.strip()) and request.analysis.escalation is not None:
            continue  # "Können Sie das bitte prüfen?" after a charge gone wrong: the team's step answers it
        refusal = policy_answer(text, profile)
        if refusal is None and request.analysis.sentiment == "negative":  # "Bekomme ich dafür wenigstens einen
            refusal = _compensation_refused(text, profile)  # Gutschein?" after a late parcel: the policy's no, no hope
        if refusal is not None:  # "kriegen studis bei euch rabatt?": the policy's no, never an "I'll check"
            answers.append(Answer(question=text, fact=refusal))
            continue
        if situation.startswith("collaboration") and (_JOINT.search(text) or _PR_ASKED.search(text)):
            continue  # "Interesse an einem gemeinsamen Workshop?", "send me a PR box with the subscription?": the
            # offer itself, no booking details or subscription fact
        if wants_machine(text, profile):  # "eine gute Siebträgermaschine für Anfänger?": no grind, no coffee tip
            answers.append(Answer(question=text))
            continue
        if TAX_ASKED.search(text):  # "can I deduct the coffee as a work expense?": a tax advisor's answer, not ours
            answers.append(Answer(question=text, tax=True))
            continue
        fact_id = getattr(question, "fact", None)  # "is coffee ok when sick or decaf? do you have one?": decaf said
        if (
            _health_question_in(text, message.text)
            and (not fact_id or fact_id in used)
            and not _CONTENT_ASKED.search(text)  # "how much caffeine is in one shot? for my pre workout": a figure
        ):  # "is espresso bad when you're sick?"
            indirect = _named(_indirect(_asking_part(text), language, profile), profile)
            if any(a.health for a in answers):
                continue  # "wie viel ist vorher okay und ab wann ist es zu viel": one doctor's matter, said once
            idea = _IDEA_ASKED.search(text) or _AMOUNT_ASKED.search(text)
            raced = _RACE_ASKED.search(text) or (_RACE_ASKED.search(message.text) and idea)
            race = "race" if raced and not _MEDICAL.search(message.text) else "doctor"
            answers.append(Answer(question=text, health=race, indirect=indirect))
            continue
        # "sauer ... was mach ich falsch?": the message around the question names what it asks about
        asked_alone = _PERSON_DESCRIBED.sub("", text)  # "..., who is fond of his espresso machine" asks nothing
        named = OWN_MISTAKE.sub(" ", message.text) if OWN_MISTAKE.search(text) else asked_alone
        lives_there = RESIDENT.search(message.text) and (
            DELIVERY_ASKED.search(text) or (_DOES_IT_WORK.search(text) and _SENDING.search(message.text))
        )  # "... ankommt? Ich wohne in Wien.", "gift box for my gran, she lives in graz, does that work?"
        read_fact = facts.get(str(getattr(question, "fact", "") or ""))  # "can I pay by invoice there too": the
        own = read_fact is not None and not _ships(read_fact) and not _SENDING.search(text)
        own = own and _checked_fact(read_fact, text, profile) is not None  # "send our subscription there": Italy
        if (DEICTIC.search(text) and not own) or lives_there:  # "will it get there?": the place named before
            named = f"{_placed_before(text, message.text)} {text}"  # payment asked, not the place's shipping
        named = ORDERED_TO.sub(delivered_to, named)  # "Can I order to my dorm?" names the delivery, not an order
        fact = _checked_fact(read_fact, named, profile)
        if fact is None and read_fact is not None and _readdressed(text, message.text, read_fact):
            fact = read_fact  # "hab das Abo ... dass nix bei der alten Adresse landet?": the abo's own fact, unnamed
        if fact is None and TODO_ASKED.search(text):  # "ziehe nach Pankow. Mein Abo ... Was mache ich am besten?"
            fact = _changed_for_move(message.text, profile)
        if fact is None and symptoms_in(text):  # "went to setting 25 like you said ... but now its kinda weak??"
            fact = _grind_for_setting(message.text, profile)
        if _LASTS_ASKED.search(text):  # "about the Saturday workshop: ... How long does it last?": its hours, not the
            fact = _lasting_fact(message.text, profile) or fact  # shelf life of a bag
        short = len(text.split()) <= SHORT_QUESTION or TODO_ASKED.search(text)  # "Was mache ich da am besten?"
        short = short or POINTING_BACK.search(fold(text).strip())  # "Gibt es den inzwischen zu kaufen?"
        short = short or SWITCH_ASKED.search(text)  # "first subscription box ... can I switch to every 4?": the abo
        if fact is None and question.read and question.fact and short:
            # "Steuerkanzlei mit 12 Mitarbeitenden ... Was können Sie uns anbieten? ... Rechnung auf die Firma":
            # a short question read with a fact that its message names
            fact = _checked_fact(facts.get(question.fact), f"{named} {message.text[:MAX_AROUND]}", profile)
        # "… Workshop verschenken? Und wie lange geht der?"; never a fact other than the one just given ("How long does
        # it last?" answered by the workshop's hours, then "And can I bring my son" is no shelf life)
        followed = not given or given[-1].id == question.fact
        if fact is None and question.fact and previous and FOLLOW_UP.match(text) and followed:
            fact = _checked_fact(facts.get(question.fact), f"{previous} {named}", profile)
        previous = f"{previous} {text}".strip()  # "Workshop verschenken? So als Gutschein? Und wie lange …"
        if fact is None and not (_SOLD_ELSEWHERE.search(text) or beyond_facts(text)):  # "Gibt es den im Supermarkt
            # oder in Cafés?": who else sells our coffee; "when do the fresh crop beans hit the shop": no shelf life
            # else sells our coffee, no fact of ours (not the pickup at the roastery)
            fact = _checked_fact(facts.get(_fact_id(asked_alone, request) or ""), named, profile)
            if fact is not None and question.read and fact.id in reserved:
                fact = None  # the reading gave this fact to another question of the message, which it answers
        # "your espresso kreuzberg in my breville ... what setting on your hand grinder tho": the grind for the
        # brewer the message names, not the grinder's warranty that its word "grinder" names
        misread = fact is None or (question.fact is not None and fact.id != question.fact)
        brewed = grind_for_message_brewer(text, fold(message.text), profile) if misread else None
        if question.read and question.fact and question.fact == brewed:  # "NOT running it without espresso. how
            fact = facts.get(brewed)  # fine for a flair??": the reading's grind fact for the brewer the message names
        if order_cancelled(text):  # "kann ich die Bestellung stornieren?": no fact, however its words match
            fact = None
        if fact is not None and lives_there and not _ships(fact) and place(named, "de")[0]:
            fact = None  # "my brother lives in Rotterdam, can he order from you too?": whether we ship there
        if fact is None and lives_there:  # "she lives in graz, does that work?": the place's shipping fact
            fact = _place_fact(named, profile)
        struck = strike and bool(_STRIKE_ASKED.search(text))  # "with the DHL strike, is it even worth ordering?":
        # the usual time, then that it may take longer now
        if fact is not None and _ships(fact) and not place(text, "de")[0] and place(message.text, "de")[0]:
            # "Lieferung an ... in Graz. Und wäre das bis Weihnachten da?": the place the message names decides
            fact = _place_fact(message.text, profile) or (fact if _home_place(message.text) else None)
        # "klappt das bis freitag?": the delivery time answers it, though the reading named no fact
        by_day = _BY_DAY.search(text) and fact is not None and bool({fold(k) for k in fact.keywords} & _SHIPPING_KEYS)
        method = fact is not None and "billing" in fact.intents and bool(_PAY_METHOD.search(text))  # "Klarna?"
        # "can he just send you a message here with what he wants?": ordering in the chat, which the order fact answers
        method = method or (fact is not None and "order_via_message" in fact.intents and bool(_BY_MESSAGE.search(text)))
        if fact is not None and fact.intents and question.read and question.fact is None and not (by_day or method):
            # the reading found no fact, and an order fact's words (Lieferung, zahlen) are everyday words:
            # "muss ich da Zoll zahlen?", "kommt die Lieferung nächste Woche trotzdem?" need a person
            fact = None
        if fact is None and struck:
            fact = _intent_fact(profile, "order_status")
        if fact is None and _HOLIDAY_SAID.search(text) and _SENT_WORDS.search(text):
            fact = _intent_fact(profile, "order_status")  # "Zählt der 3. Oktober beim Versand mit?": the working days
        rhythm = _rhythm_choice(text, message.text) if fact is None else ""
        if rhythm:  # "Abo alle 2 oder alle 4 Wochen, was lohnt sich?": the subscription, with the rhythm to pick
            fact = _keyed_fact(profile, {"abo", "subscription"})
            text = f"{rhythm}: {text}" if fact is not None else text
        if fact is not None and _ships(fact) and _PAUSE_ASKED.search(text):  # "kann ich die Lieferung im Oktober
            fact = _keyed_fact(profile, {"pausieren", "pause", "aussetzen"}) or fact  # aussetzen?": the pause of
            # a subscription, not how long shipping takes
        if fact is not None and "order_via_message" in fact.intents and _AS_GIFT.search(text):
            fact = None  # "Can I buy one as a gift?": whether it can be given, not where orders go
        if fact is not None and "order_via_message" in fact.intents and _LAST_ORDER.search(text):
            fact = None  # "Und wie früh müsste ich bestellen?": when to order, not where
        last_order = fact is None and bool(_LAST_ORDER.search(text))  # "whats your last order date for christmas??":
        if last_order:  # the usual time, and the date itself deferred by name
            fact = _intent_fact(profile, "order_status")
        if fact is not None and fact.intents and OWN_MISTAKE.search(text):  # "Mühle auf Stufe 12 ... was mach ich
            fact = _answering_fact(named, request, plain=True)  # falsch?": a brewing fix, not the warranty
        if fact is not None and _unanswered_aspect(text, fact):
            fact = _answering_fact(text, request) or fact  # it names the topic only: another fact may answer it
        asked_in = text  # where the aspects asked stand: a short question borrows the sentence before it
        if fact is None:  # "Und wie lange braucht das?": what an earlier answer or the message around names
            fact = _context_fact(text, request, given) or _read_around(question, request)
            if fact is not None and len(text.split()) <= SHORT_QUESTION:  # "... lieber Espresso statt der
                asked_in = f"{_sentence_before(text, message.text)} {text}"  # Kiezmischung. Kann man das ändern?"
        elif len(text.split()) <= SHORT_QUESTION and _points_back(text, message.text):  # the same, fact read already
            asked_in = f"{_sentence_before(text, message.text)} {text}"
        elif FOLLOW_UP.match(text) and fact.id in used and fact.keywords:  # "... pausieren?? und wie änder ich dann
            asked_in = f"{text} {fact.keywords[0]}"  # die adresse": about the subscription the answer before names
        online = fact is not None and "order_via_message" in fact.intents  # "kaufen" names the online shop's fact
        if (fact is None or online) and _WHERE_TO_BUY.search(text) and _OFFLINE.search(message.text):
            # "Where can I get more? not good with computers", "nicht gern mit dem Internet. Wo kann ich kaufen?"
            fact = _keyed_fact(profile, {"abholen", "pick up"}) or fact
        if fact is not None and "billing" in fact.intents and _VISIT_ASKED.search(text):
            # "Kann man bei Ihnen auch einfach vorbeikommen und bar bezahlen?": the pickup first, the cash deferred
            fact = _keyed_fact(profile, {"abholen", "pick up"}) or fact
        if fact is None and _HOW_TO.search(text):  # "whats the cheapest way to get decent coffee at home": a tip
            fact = next(iter(relevant_tips(text, profile) or relevant_tips(message.text, profile)), None)
        broken = _broken(message.text)
        terms = _TERMS_ASKED.search(text)  # "whats the warranty on it": the warranty's terms, asked before buying
        if fact is not None and {"damaged_or_wrong_item", "defect"} & set(fact.intents) and not broken and not terms:
            # "i already own the same one, could i swap it?": no replacement for what is not broken, but unopened
            # goods can go back ("die sind noch zu, kann ich die umtauschen?")
            fact = _returns_fact(profile) if _EXCHANGED.search(text) and _RETURNED_UNUSED.search(message.text) else None
        if fact is not None and not_a_parcel(text):
            fact = None  # "can people in Austria take part?": the giveaway's rules, not shipping to Austria
        if fact is not None and _SIZE_ASKED.search(text) and not _SIZE_SAID.search(_fact_words(fact)):
            fact = None  # "does the hand grinder fit in a camper van drawer?": no grind setting, its size deferred
        around = (
            message.text if len(text.split()) <= SHORT_QUESTION else ""
        )  # "... heute Nachmittag. Haben Sie geöffnet?"
        if fact is not None and _in_other_sense(text, fact, around=around):
            fact = None  # "Habt ihr Samstag geöffnet?": the shop's hours, not how long an opened bag keeps
        if fact is not None and (_other_method(text, fact) or _other_method(message.text, fact)):
            # "what setting for pour over?": not the French press fact, but "espresso ... zu grob?": the espresso one
            other = _answering_fact(OWN_MISTAKE.sub(" ", text), request, plain=True)  # "was mach ich falsch": no item
            fitting = other is not None and not (_other_method(text, other) or _other_method(message.text, other))
            fact = other if fitting else None
        elsewhere = _without_others(message.text, text, [q.text for q in asked])
        other_product = fact is not None and _other_product(elsewhere, fact, profile) and not _for_all(fact)
        if fact is not None and _unanswered_aspect(text, fact) and other_product:
            fact = None  # "Mahlwerk der Handmühle aus Plastik?": the bags' plastic fact is about something else
        if fact is not None and _DONE_ALREADY.search(text) and any(_keyword_in(k, text) for k in fact.keywords):
            continue  # "I paused my subscription 2 weeks ago (...)": "you can pause any time" tells them nothing
        if fact is not None and _was_there(message.text, fact):
            fact = None  # "just did your cupping workshop ... is there an advanced one??": not the times she knows
        suited = _suited(text, profile, language)
        if suited:  # "taugt die kiezmischung auch für siebträger?": what each is for, not the espresso grind
            fact = None
        # "Kann man die Kiezmischung auch in der Filtermaschine machen oder nur French Press?": yes, it is made for
        # both (its description), never "Mein Tipp wäre die Kiezmischung" for the coffee she already has
        yes_no = bool(_YES_NO_ASKED.match(text.strip())) and not suited
        own_fit = _fits_own(text, profile, language) if yes_no else ""
        unsure = yes_no and not own_fit and _fits_unsaid(text, profile, language)  # "house blend ok for aeropress?"
        product = own_fit or ("" if suited or unsure else _recommendation(text, profile, language, message.text))
        block = "fits" if own_fit else "recommend"
        if product and not own_fit and _CHOICE.search(text) and not _GRIND_ASKED.search(text):
            fact = None  # "Lieber Kiezmischung oder Espresso? Die haben so eine Siebträgermaschine": a pick, no grind
        # its description names no AeroPress: asked, never guessed; "... oder nur French Press?" asks no grind
        fact = None if unsure or own_fit else fact
        often = "" if rhythm else _how_often(text, message.text, profile, language)  # a rhythm to pick: the fact
        if often:  # "how often does it come?" about the subscription: its description says every 2 or 4 weeks
            fact, product, block = None, often, "often"
        if product and _WANTS_LOW_ACID.search(text):
            fact = None  # "welcher ist am wenigsten sauer?": a coffee to choose, not a sour shot to fix
        # "Eher die Handmühle oder ein Abo?": a choice between two of ours, never the one fact its word "Abo" names
        picked_between = not product and len(find_products(text, profile)) >= 2 and _ONE_OR_OTHER.search(text)
        fact = None if picked_between and not _GRIND_ASKED.search(text) else fact
        compared = suited or (_compared(text, profile, language) if fact is None and not product else ())
        content = _CONTENT_ASKED.search(text)  # "how much caffeine is in X vs Y?": a figure we lack, never the
        if content:  # blurbs, never a matter of taste, nor a fact that gives no figure ("espresso" names the grind)
            compared, product = (), ""
            fact = fact if fact is not None and _CAFFEINE_TOLD.search(_fact_words(fact)) else None
        elif fact is None and not (product or compared):  # "is the kiezmischung wasted on a drip machine?": it is
            product = _fits_own(text, profile, language)  # made for it, so its description answers
            block = "fits" if product else block
        counted = "" if product or compared or content else _counted(text, message.text, profile, language)
        if counted:  # "How many settings does it have?": the grinder's description says "30 grind settings"
            fact, product, block = None, counted, "described"
        bold = "" if product or compared or content or fact is not None else _boldest(text, profile, language)
        if bold:  # "whats your strongest coffee?", "the spookiest coffee you have 👻": the boldest one, described
            product, block = bold, "recommend"
        worth = "" if product or compared or content else _worth(text, profile, language)
        if worth:  # "is your hand grinder actually worth it? my last one died after 3 months": what it is, and its
            product, block = worth, "described"  # warranty when lasting is the worry
            fact = _keyed_fact(profile, {"garantie", "warranty"}) if _LASTING.search(message.text) else None
        if fact is None and not (product or compared or content) and _BETTER_THAN.search(text):
            answers.append(Answer(question=text, taste=True))
            continue
        if fact is not None and _BEGINNER.search(text) and brewers(_fact_words(fact)) and not brewers(message.text):
            fact = None  # "Is your hand grinder ok for a complete beginner?": no brewer named, so no grind recipe
        missing = fact is not None and _unanswered_aspect(asked_in, fact) and not struck  # the strike line says it
        others = [q.text for q in asked if q.text != text]  # "... Umzug ... Kann ich die verschieben? Und wo ändere
        if missing and asked_in != text and fact is not None and _asked_by_another(asked_in, fact, others):
            asked_in = text  # ich die Adresse?": asked on its own, so only the question's own words are left open
            missing = _unanswered_aspect(asked_in, fact) and not struck
        missing = missing or (last_order and fact is not None)
        if missing and fact is not None and _asks_after_gone(text, fact):
            missing = False  # "Hat der Laden in der Oranienstraße am Feiertag offen?": there is no shop to open
        if missing and fact is not None and _ships(fact) and _HOLIDAY_SAID.search(text):
            # "Zählt der 3. Oktober beim Versand mit?": the holiday note after the working days says it; "Kommt das
            # trotz Feiertag noch bis Samstag an?": and no firm date, never a day promised by the sum
            missing = _date_refused(asked_in, fact, profile) is not None
        if missing and fact is not None and _alone_missing(asked_in, fact) and not (last_order or method):
            fact, missing = None, False  # "will I have to pay customs fees?": the payment methods are no answer
        if fact is not None and WARRANTY_OVER.search(message.text) and _WARRANTY_WORD.search(_fact_words(fact)):
            # "... seit gut zwei Jahren ... Garantie ist wohl knapp vorbei, oder?": the team checks, we imply no cover
            answers.append(Answer(question=text, indirect=_STILL_COVERED[language]))
            continue
        if fact is not None and fact.id in used and not product and not missing:
            # two questions, one fact: answered once, for both ("was passiert mit meinem Abo? Muss ich kündigen?":
            # the no to cancelling, too)
            answers = [_also_asked(a, fact, text) for a in answers]
            continue
        dated = _firm_date_refused(asked_in, profile) if fact is None and not (product or compared) else None
        if dated is not None:  # "Liefertermin vor dem 11. Juli verbindlich zusagen?": the policy's no
            foreign = bool(place(message.text, "de")[0]) and not _home_place(message.text)  # "Graz": not Germany's
            usual = _intent_fact(profile, "order_status") if _ARRIVES.search(text) and not foreign else None
            if usual is not None and usual.id not in used:  # "Kommt das Paket noch vor dem Feiertag an?": the
                answers.append(Answer(question=text, fact=usual))  # usual time first, then the no to a date
                used.add(usual.id)
            answers.append(Answer(question=text, fact=dated))
            continue
        picked = any(a.product_text and a.product_block == "recommend" for a in answers)
        if fact is None and not (product or compared) and picked and _CHOSEN_BETWEEN.search(text):
            continue  # "Welcher Kaffee passt dazu? Eher Ihr Espresso oder lieber Filterkaffee?": the pick chose
        name, _, described = product.partition(": ")
        owned = the_product(profile, name, language) if product else ""  # "die Kiezmischung"
        # "the coffee subscription comes ...", "Das Kaffee-Abo: alle 2 oder 4 Wochen": the name its description gives
        subject = _subject(described)
        named_first = subject if len(subject.split()) <= SUBJECT_WORDS else ""
        article = (named_first or owned) if block in ("often", "described") else owned
        said = fact if fact is not None and (fact.id not in used or product) else None
        if said is not None or product or not missing:
            answers.append(
                Answer(
                    question=text,
                    fact=said,
                    product_text=product,
                    product_block=block,
                    product_with_article=article,
                    compared=compared,
                    indirect=_named(
                        _ship_to(text, language)
                        or (_lives_at(named, language) if lives_there and not said else None)
                        or _indirect(_asking_part(text), language, profile)
                        or _said_indirectly(text, language, message.text),
                        profile,
                    ),
                    about=_about(text, language) or _asked_aspect(text, language, message.text),
                )
            )
        refused = _date_refused(asked_in, fact, profile) if missing and fact is not None else None
        if refused is not None:  # "ist das bis Ostersonntag da?": the usual time, and no firm date, never "I'll check"
            answers.append(Answer(question=text, fact=refused))
            missing = False
        sold = _HAVE_ASKED.match(text.strip())  # "do u have decaf, my gf is pregnant": whether we sell it, answered
        if (
            said is not None
            and _health_question_in(text, message.text)
            and not (sold or _ADVISED.search(message.text))  # "my doctor told me to lay off caffeine": asked already
            and not _HEALTH_TOLD.search(_fact_words(said))
        ):
            # "is coffee even ok when you're sick or should i switch to decaf?": the decaf fact, and the doctor
            answers.append(Answer(question=text, health="doctor"))
            missing = False
        if missing:  # the fact names the topic, not what was asked: say it, and defer the rest by name
            about = (_missing_aspect(asked_in, fact) or {}).get(language, "") if fact else _about(text, language)
            # "Kann man das ändern?" after its sentence, or "fridge or freezer?" with the fridge told: the aspect
            # names what is left ("About freezing"), never the whole question with its answered half again
            either = said is not None and bool(about) and _or_aspect(asked_in, fact)
            borrowed = asked_in != text or bool(either)
            answers.append(
                Answer(
                    question=text,
                    indirect=None
                    if borrowed
                    else _named(
                        _indirect(_asking_part(text), language, profile)
                        or _ship_to(text, language)
                        or _said_indirectly(text, language, message.text),
                        profile,
                    ),
                    about=about,
                )
            )
        abroad = _uncovered_place(text, named, fact, profile, language)
        if abroad:
            answers.append(Answer(question=text, indirect=abroad))
        if fact is not None:
            used.add(fact.id)
            given.append(fact)
    if any(not a.said for a in answers):
        answers = [a for a in answers if a.fact is None or not _grinderless(message.text, a.fact)]
    answers = _with_need_heard(answers, message.text, profile) if situation == "question" else answers
    if (
        whole_message
    ):  # "rate my setup: supermarket pre ground, french press": the fix, no aspect of an unasked question
        answers = [a for a in answers if a.fact is not None] or answers
    return _with_holiday_heard(_with_deadline_heard(answers, message.text, profile), message.text)


# A buyer's need said beside the questions, before any order: "We'd need proper invoices for accounting", "wir
# bräuchten eine Rechnung auf die Firma"
_INVOICE_NEEDED = re.compile(
    r"\b(?:bräuchten|brauchen|benötigen|bräuchte|would need|we'?d need|we need|need|require)\b[^.!?\n]{0,40}"
    r"\b(?:rechnung(?:en)?|invoices?)\b",
    re.IGNORECASE,
)


def _with_need_heard(answers: list[Answer], text: str, profile: VoiceProfile) -> list[Answer]:
    """The payment fact for a buyer who says they need invoices, when no answer gives it yet and it names them."""
    needed = _INVOICE_NEEDED.search(text)
    payment = _intent_fact(profile, "billing") if needed else None
    if needed is None or payment is None or any(a.fact is not None and a.fact.id == payment.id for a in answers):
        return answers
    named = re.search(r"rechnung|invoice", _fact_words(payment), re.IGNORECASE)
    return [*answers, Answer(question=needed.group(), fact=payment)] if named else answers


# A day the parcel is needed by, said beside the question: "how long does shipping take? need it before my new job
# starts monday lol", "brauch ihn bis Samstag"
_NEEDED_BY = re.compile(
    rf"\b(?:need (?:it|them|this|the \w{{1,12}})|needed|brauch\w{{0,2}} (?:ihn|es|sie|das|den \w{{1,12}}"
    rf"|die \w{{1,12}})|muss (?:er|es|sie|das) )\b[^.!?\n]{{0,40}}\b(?:by|before|until|bis|vor)\b"
    rf"[^.!?\n]{{0,30}}\b{_DAYS}\b",
    re.IGNORECASE,
)


def _with_deadline_heard(answers: list[Answer], text: str, profile: VoiceProfile) -> list[Answer]:
    """The usual shipping time given to someone who needs the parcel by a day: the policy's no to a firm date too."""
    shipped = any(a.fact is not None and _ships(a.fact) for a in answers)
    dated = any(a.fact is not None and a.fact.id.startswith("policy_") for a in answers)
    needed = _NEEDED_BY.search(text)
    refused = _no_firm_date(profile) if shipped and needed and not dated else None
    return [*answers, Answer(question=needed.group(), fact=refused)] if needed and refused else answers


# A public holiday named beside a delivery time: "Mittwoch ist ja Feiertag (3. Oktober)", "bank holiday monday"
_HOLIDAY_SAID = re.compile(
    r"\b(?:feiertag\w{0,2}|3\. oktober|tag der deutschen einheit|ostermontag|karfreitag|pfingstmontag|christi"
    r" himmelfahrt|reformationstag|bank holiday|public holiday|3rd of october|october 3(?:rd)?|german unity day)\b",
    re.IGNORECASE,
)


# Words of sending a parcel: "beim Versand", "kommt das an", "will it arrive", "does it count"
_SENT_WORDS = re.compile(
    r"\b(?:versand\w{0,2}|versch\w{2,8}|liefer\w{0,6}|ankomm\w{0,3}|kommt \w{1,10} an|zustell\w{0,4}|shipping|ships?"
    r"|deliver\w{0,4}|arriv\w{0,3}|zählt|count\w{0,2})\b",
    re.IGNORECASE,
)


def _with_holiday_heard(answers: list[Answer], text: str) -> list[Answer]:
    """A shipping time in working days, told to someone who names a holiday: the holiday is no working day."""
    said = _HOLIDAY_SAID.search(text)
    counted = [
        a for a in answers if a.fact is not None and _ships(a.fact) and _WORKING_DAYS.search(_fact_texts(a.fact))
    ]
    entry = _policy_answers().get("holiday_workdays")
    if not (said and counted and entry):
        return answers
    # "Liegt das am Feiertag??": the holiday note answers it, so no "I'll ask whether it is the holiday" beside it
    kept = [a for a in answers if a.fact is not None or not _HOLIDAY_SAID.search(a.question)]
    return [*kept, Answer(question=said.group(), fact=_policy_fact("holiday_workdays", entry))]


_WORKING_DAYS = re.compile(r"\b(?:werktage?n?|working days?|business days?)\b", re.IGNORECASE)


def _grinderless(text: str, fact: Fact) -> bool:
    """A grind setting for someone without a grinder ("no grinder yet 😭 can i get ur beans pre ground?")."""
    return bool(_NO_GRINDER.search(text)) and bool(_GRIND_KEYS & {fold(k) for k in fact.keywords})


# A how-to question that a brand's brewing tip may answer (never a question about prices, orders or policies)
_HOW_TO = re.compile(
    r"\b(?:how (?:do|can|should) (?:i|you|we)|what'?s the (?:best|cheapest|easiest|simplest) way|best way|any tips?"
    r"|wie (?:kann|soll|mach|bekomm|krieg)\w{0,3} (?:ich|man)|wie \w{3,12} man\b|tipps? für|trick für|am besten"
    r"|(?:einen|nen|'nen|a|any|ein paar|some) (?:tipp?s?|trick|hack)\b)\b",
    re.IGNORECASE,
)


_TEAM_NAMED = re.compile(r"\bafter[- ]?sales?\b(?:[- ]team)?|\bsales[- ]team\b")
_DISCOUNTER = re.compile(r"\bdiscounter\w{0,2}\b")


def policy_answer(question: str, profile: VoiceProfile) -> Fact | None:
    """The brand's no to a question asking what its policy does not allow (a discount, a code), as a fact to say."""
    folded = _TEAM_NAMED.sub(" ", fold(question))  # "I emailed your after sales": a team, no sale asked for
    folded = _DISCOUNTER.sub(" ", folded)  # "so teuer wie der vom Discounter": a shop, no discount asked for
    for kind, entry in _policy_answers().items():
        allowed = bool(getattr(profile.brand.policy, entry.get("policy", kind), False))
        if not allowed and any(re.search(rf"(?<!\w){re.escape(fold(w))}", folded) for w in entry["asks"]):
            return _policy_fact(kind, entry)
    return None


# Something asked in return for a late parcel: "da wäre ein Gutschein oder ein Rabatt angebracht", "20 Euro
# Gutschrift oder ein Rabattcode"
_MAKE_GOOD = re.compile(
    r"\b(?:gutschein\w{0,2}|rabatt\w{0,2}|gutschrift\w{0,2}|(?:rabatt|gutschein|discount)-?codes?|store credit"
    r"|entschädigung|wiedergutmachung|kulanz|voucher|discount|compensat\w{0,5}"
    r"|make (?:it )?up (?:to|for))\b",
    re.IGNORECASE,
)


def _compensation_refused(text: str, profile: VoiceProfile) -> Fact | None:
    """The policy's no to compensation, when a late parcel's message asks for some and the policy allows none."""
    entry = _policy_answers().get("compensation")
    if entry is None or not _MAKE_GOOD.search(text) or getattr(profile.brand.policy, "compensation", False):
        return None
    return _policy_fact("compensation", entry)


def _date_refused(question: str, fact: Fact, profile: VoiceProfile) -> Fact | None:
    """The policy's no to a firm delivery date, when the question asks for one beside the shipping fact."""
    asked = any(name == "arrival_date" for name, _ in _missing_aspects(question, fact))
    return _no_firm_date(profile) if asked else None


def _firm_date_refused(question: str, profile: VoiceProfile) -> Fact | None:
    """The policy's no to a firm delivery date asked on its own ("Können Sie einen Liefertermin vor dem 11. Juli
    verbindlich zusagen?"), never "I'll check"."""
    asked = _aspect_asked(fold(question), table("aspects")["aspects"]["arrival_date"])
    return _no_firm_date(profile) if asked else None


def _no_firm_date(profile: VoiceProfile) -> Fact | None:
    """The policy's answer that no delivery date is promised, unless the profile's policy allows dates."""
    entry = _policy_answers().get("delivery_dates")
    if entry is None or getattr(profile.brand.policy, "delivery_dates", False):
        return None
    return _policy_fact("delivery_dates", entry)


def _policy_fact(kind: str, entry: dict[str, Any]) -> Fact:
    """The policy's answer of one kind as a fact to say, with its tones' short forms."""
    return Fact(id=f"policy_{kind}", text=entry["text"], short=entry.get("short", {}))


@lru_cache(maxsize=1)
def _policy_answers() -> dict[str, dict[str, Any]]:
    return dict(table("policy_answers")["policy_answers"])


def _indirect(question: str, language: str, profile: VoiceProfile) -> str | None:
    """indirect() with each product name kept as one word ("whether Espresso Kreuzberg is any good ...")."""
    question = _TAG_QUESTION.sub("", question)  # "… for cold brew or nah": the tag asks nothing more
    question = _OR_INSTEAD.sub("", question)
    question = _LAUGH_AT_END.sub("", question)  # "... to my hotel instead lol": the laugh is no part of it
    for product in profile.brand.products:
        said_as = functools.partial(_said_as, name=product.name)
        for alias in sorted({product.name, *product.aliases}, key=len, reverse=True):  # "the kiez blend": one word
            question = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", said_as, question, flags=re.I)
    phrase = indirect(question, language)
    if phrase and (len(phrase.split()) > INDIRECT_WORDS or SPOKEN.search(phrase)):
        return None  # "ob die Handmühle eigentlich n gutes geschenk wenn man ... hat ist": said back, it reads broken
    # "whether you can send your CV here": the deferral says "... and will reply here" after it
    return _HERE_AT_END.sub("", phrase.replace("_", " ")) if phrase else phrase


# A question the person already put indirectly ("ich möchte wissen, woher eure Bohnen stammen"): said back as it
# stands, their "eure" our "unsere"; a subject "ihr" or "Sie" would need its verb changed, so it is left alone.
_ALREADY_INDIRECT = re.compile(
    r"^(?:ob|wie|was|wo|wann|warum|wieso|woher|wohin|welche[rsmn]?|whether|if|how|what|where|when|why|which)\b",
    re.IGNORECASE,
)
_OURS_DE = {"eure": "unsere", "euer": "unser", "euren": "unseren", "eurem": "unserem", "eurer": "unserer"}
_OURS_EN = {"your": "our", "yours": "ours"}


_INDIRECT_LEAD = re.compile(
    r"(?:wissen|gewusst|wüsste|erfahren|fragen|erkundigen|mitteilen|sagen|klären|bestätigen|know|wondering|wonder"
    r"|tell (?:me|us)|let (?:me|us) know|asking|und|and),?\s{1,3}$",
    re.IGNORECASE,
)


def _said_indirectly(question: str, language: str, message: str) -> str | None:
    """The person's own indirect question ("ich möchte wissen, woher eure Bohnen stammen"), from our side ("woher
    unsere Bohnen stammen"), or None; a direct question without its mark ("wann wird ausgelost 👀") is no such."""
    text = question.strip(" .!?")
    at = message.find(question.strip())
    if at < 0 or not _INDIRECT_LEAD.search(message[max(0, at - 40) : at]):
        return None
    if "?" in question or not _ALREADY_INDIRECT.match(text) or len(text.split()) > INDIRECT_WORDS:
        return None
    if re.search(r"\b(?:ihr|Sie|Ihnen|euch|you|u)\b", text):
        return None
    ours = _OURS_DE if language == "de" else _OURS_EN
    return " ".join(ours.get(w.lower(), w) for w in text.split())


def _said_as(match: re.Match[str], name: str) -> str:
    """A product as the person named it ("the subscription", never "the Abo" in English), kept as one word; its own
    name spelt as the shop spells it."""
    said = match.group()
    return (name if fold(said) == fold(name) else said).replace(" ", "_")


_TAG_QUESTION = re.compile(
    r",?\s{1,3}(?:or nah|or not|or what|or no|oder nicht|oder was|oder so|oder nee|oder wie)(?=\W{0,5}$)", re.I
)
# "... for a moka pot or should i get the espresso one??": the other choice, said back, would need its own clause
_OR_INSTEAD = re.compile(
    r",?\s{1,3}(?:or|oder) (?:should i|shall i|do i need|would|soll ich|sollte ich|brauch\w? ich|lieber)\b[^?]{0,80}"
    r"(?=\W{0,5}$)",
    re.IGNORECASE,
)
_HERE_AT_END = re.compile(r"(?<=\w)\s(?:right here|here|hier)$", re.IGNORECASE)
_LAUGH_AT_END = re.compile(r"\s{1,3}(?:lol|lmao|haha\w{0,6}|hihi|xd)(?=\W{0,5}$)", re.IGNORECASE)
INDIRECT_WORDS = 16  # a longer question said back as "ob ..." carries its clauses along
SPOKEN = re.compile(r"\b(?:n|ne|nen|nem|ner|so'n|grad|halt|tbh|lol)\b", re.IGNORECASE)


def _named(phrase: str | None, profile: VoiceProfile) -> str | None:
    """Product names as the shop spells them ("the espresso kreuzberg" -> "the Espresso Kreuzberg")."""
    if not phrase:
        return phrase
    for product in profile.brand.products:
        phrase = re.sub(rf"(?<!\w){re.escape(product.name)}(?!\w)", product.name, phrase, flags=re.IGNORECASE)
        for alias in (a for a in product.aliases if " " in a):  # "the kiez blend" -> "the Kiezmischung"
            phrase = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", product.name, phrase, flags=re.IGNORECASE)
    for written, spelt in _SPELT:  # "in an aeropress" -> "in an AeroPress", "in english" -> "in English"
        phrase = written.sub(spelt, phrase)
    return phrase


_SPELT = tuple(
    (re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE), spelt)
    for pattern, spelt in (
        *(("aero ?press", "AeroPress"), ("v60", "V60"), ("chemex", "Chemex"), ("bialetti", "Bialetti")),
        *(("english", "English"), ("german", "German")),  # "whether our workshops are in English"
    )
)


def _answering_fact(question: str, request: GenerationRequest, *, plain: bool = False) -> Fact | None:
    """Among the facts the question names, one whose text says what it asks ("größere Packungen": the 1-kg one);
    `plain`: none of a team's case (warranty, replacement), for a question about brewing."""
    analysis = request.analysis.model_copy(update={"intent": "other", "secondary_intents": []})
    for fact in relevant_facts(question, analysis, request.profile, 4):
        if plain and fact.intents:
            continue
        checked = _checked_fact(fact, question, request.profile)
        if checked is not None and not _unanswered_aspect(question, checked):
            return checked
    return None


def _asking_part(question: str) -> str:
    """The asking sentence of a question with a preamble ("Obsessed with it 😍 does it work in ...?")."""
    parts = [p for p in re.split(r"[.!…]\s+|[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*", question) if p.strip()]
    return parts[-1].strip() if parts else question


_ANAPHORA = re.compile(
    r"\b(?:das|dann|dieser|diese|dieses|er|es|sie|den|dafür|davon|it|that|this|they|them|then)\b(?!\s+\w+(?:ung|heit|keit))",
    re.IGNORECASE,
)


_WHEN = re.compile(
    r"(?:und\s+|and\s+)?(?:wie lange?|wann|an welchen tagen|welche[nr]? tag|how long|when|which days?)\b", re.IGNORECASE
)


def _stems(text: str) -> set[str]:
    """A crude stem of the text's longer content words: an inflection off, then five letters at most
    ("lagert" ~ "lagern", "buchen" ~ "Buchung" ~ "buchst")."""
    generic = tuple(g[:4] for g in table("aspects")["generic_stems"])
    words = [w for w in re.findall(r"[a-zäöüß]{5,}", fold(text)) if not is_stopword(w)]
    stems = {re.sub(r"(?:ungen|ung|en|st|e|t|s)$", "", w)[:5] if len(w) > 5 else w for w in words}
    return {s for s in stems if len(s) >= 4 and not s.startswith(generic)}


def _fact_words(fact: Fact) -> str:
    return " ".join([*fact.text.values(), *(s for forms in fact.short.values() for s in _listed(forms))])


def _listed(forms: Any) -> list[str]:
    return [forms] if isinstance(forms, str) else list(forms or [])


def _about(question: str, language: str) -> str:
    """The telling noun of a question in the lexicon's spelling ("customs fees", "Bio"), or "" (never a weak one
    like "coffee": "your question about coffee" names nothing)."""
    strong = [
        accusative(p.full) if language == "de" else _the(p.bare)
        for p in known_nouns(question, language)
        if not is_weak(p)
    ]
    if not strong and language == "de":  # "gibts bei euch auch karnevalskaffee": a compound the lexicon lacks
        strong = [accusative(p.full) for p in compound_nouns(question)]
    return (" und " if language == "de" else " and ").join(strong[:2])


def _the(noun: str) -> str:
    """An English singular noun with its article ("About the grinder:"); plurals and names stay bare."""
    return noun if noun.endswith("s") or not noun[:1].islower() else f"the {noun}"


def accusative(phrase: str) -> str:
    """A German noun phrase as "Was ... angeht" takes it: "der Mahlgrad" -> "den Mahlgrad", "der faire Handel" ->
    "den fairen Handel"; "die Mühle", "das Paket" and bare names ("Bio") stay."""
    head, _, rest = phrase.partition(" ")
    if head != "der" or not rest:
        return phrase
    parts = rest.split(" ")
    adjectives = [w + "n" if w.endswith("e") and w[:1].islower() else w for w in parts[:-1]]
    return " ".join(["den", *adjectives, parts[-1]])


_WHERE_WHEN = re.compile(r"\W*(?:und |and )?(?:wo|wann|where|when)\b", re.IGNORECASE)
# A follow-up that the fact just given answers, asking nothing new ("Kann man da noch hin?", "Wer hat recht?").
_COVERED = re.compile(
    r"(?:und |and |also |so )?(?:wer hat (?:jetzt |denn |nun )?recht|who(?:'s| is) right|kann man (?:da|dort) "
    r"(?:noch |auch |jetzt )?hin|can (?:i|you|we|one) (?:still )?go there|is that (?:still )?possible"
    r"|geht das (?:noch|auch|trotzdem)|stimmt das"
    # "... Kaffee fürs Büro. Bietet ihr so etwas an?": the office fact said answers it
    r"|(?:bietet ihr|bieten sie|habt ihr|macht ihr|do you (?:offer|do|have)) (?:auch )?(?:so ?etwas|sowas|so was"
    r"|something like (?:that|this)|anything like (?:that|this))(?: auch)?(?: an)?"
    # "... im Keller lagern? Oder ist der Kaffee dann nicht mehr gut?": the storage fact just given answers it
    r"|(?:oder )?(?:ist|wird|bleibt) (?:der kaffee |er |das |die bohnen |sie )?(?:dann |da )?(?:nicht mehr gut|schlecht"
    r"|alt|noch gut|frisch)|or (?:does|will|would) (?:it|the coffee|they) (?:then )?(?:go (?:stale|bad|off)|lose \w+)"
    # "die wg küche hat nur ne french press und nen wasserkocher. reicht das oder bin ich lost": the recipe for it
    # just given says it does
    r"|(?:und )?(?:reicht|genügt) (?:das|des|sowas|so was)(?: (?:schon|auch|denn|aus))?"
    r"(?: oder (?:bin ich|ist das) \w{1,12})?"
    r"|(?:is|would) (?:that|this) (?:be )?enough(?: or (?:am i|is it) \w{1,12})?|will (?:that|this) do"
    # "you closed the oranienstraße shop?? where do i get my beans now 😭": the pickup fact just given says where
    r"|(?:where|wo) (?:do|can|should) (?:i|we) (?:get|buy) (?:my |our |the |your )?(?:beans|coffee)(?: now)?"
    r"|wo (?:krieg|bekomm|kauf|hol)\w{0,2} (?:ich|man) (?:jetzt |denn |nun )?(?:meine\w? |eure\w? |den |die )?"
    r"(?:bohnen|kaffee)(?: jetzt| her| denn| nun){0,2}"
    # "do you guys have a café?? where can I get a flat white from you": the pickup fact just given says there is none
    r"|(?:where|wo) (?:can|could|do) (?:i|we) (?:get|grab|have|drink) (?:a |an |one |my )?"
    r"(?:flat white|latte|cappuccino|espresso|coffee|cup)(?: from (?:you|u)| with (?:you|u))?"
    r"|wo (?:krieg|bekomm|trink)\w{0,2} (?:ich|man) (?:denn |dann )?(?:einen |nen |ein )?"
    r"(?:flat white|latte|cappuccino|espresso|kaffee)(?: bei euch| von euch)?)"
    r"\W*$",
    re.IGNORECASE,
)


def _mocked_fact(request: GenerationRequest) -> bool:
    """A jibe that a fact of ours answers, named clearly ("plastiktüten ... greenwashing": the bags), never by one
    short word ("supermarktkaffee in ner hübschen tüte 😂" mocks the coffee, not the bag)."""
    text = request.message.text
    fact = _situation_fact(request, "criticism")
    if fact is None:
        return False
    return _named_clearly(fact, text)


def _no_news(text: str) -> bool:
    """ "hab mittwoch bestellt und seitdem nix gehört": no news of an order, not a message left unanswered."""
    heard = re.search(r"\b(?:nichts|nix|nie was|nie etwas) (?:mehr )?gehört|heard nothing|haven.?t heard", text, re.I)
    ordered = re.search(r"\b(?:bestellt|bestellung|ordered|order)\b", text, re.IGNORECASE)
    written = _DM_WORDS.search(text) or re.search(r"geschrieben|angerufen|wrote|called|emailed", text, re.I)
    return bool(heard and ordered and not written and len(_SERVICE.findall(text)) == 1)


def _only_deferred(request: GenerationRequest) -> bool:
    """The message asks questions and no fact of the profile answers any of them."""
    asked = _asked_texts(request)
    asked = [q for q in asked if not _CALL_ONLY.match(q)]  # "hallo?? warte immer noch 🙄" asks nothing
    return bool(asked) and not any(_fact_id(q, request) for q in asked) and not _WAITING.search(request.message.text)


# A verdict asked on a dispute the message tells: "Who is right?", "Wer hat denn jetzt recht?"
_VERDICT = re.compile(
    r"^\W{0,3}(?:so |also |and |und )?(?:who(?:'s| is) right|wer hat (?:denn |jetzt |nun )*recht|was stimmt (?:denn )?"
    r"(?:jetzt|nun)?|which (?:one )?is (?:it|true|correct|right))\b",
    re.IGNORECASE,
)


def _without_names(text: str, profile: VoiceProfile) -> str:
    """The text without the full names of the profile's products ("Espresso Kreuzberg", "hand grinder": names of
    more than one word; a bare "Workshop" stays)."""
    for product in profile.brand.products:
        for name in (product.name, *(a for a in product.aliases if " " in a)):
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


_SOLD_ELSEWHERE = re.compile(
    r"\b(?:im|in|bei) (?:supermarkt|supermärkten|cafés|cafes|geschäften|läden|bioläden|edeka|rewe)\b"
    r"|\b(?:in|at) (?:supermarkets?|caf(?:é|e)s|shops|stores|grocery stores)\b",
    re.IGNORECASE,
)


def _context_fact(question: str, request: GenerationRequest, given: list[Fact]) -> Fact | None:
    """The fact an earlier answer or the message around the question already names, if the question is about it.

    "Liefert ihr nach Österreich? Und wie lange dauert das?": the second question is answered by the first's
    fact; "welche Stufe für Espresso?? meiner schmeckt sauer": the sentence around names the espresso fact.
    """
    # "Eignet sich der Espresso Kreuzberg für einen Vollautomaten?": a product's name is not the espresso grind
    stems = _stems(_without_names(question, request.profile))
    # "wie lange dauert das?", "an welchen Tagen findet er statt?": when or how long, about what was named
    when = bool(_ANAPHORA.search(question) and _WHEN.match(question.strip())) and len(question.split()) <= 12
    analysis = request.analysis.model_copy(update={"intent": "other", "secondary_intents": []})
    around = [f for f in relevant_facts(request.message.text, analysis, request.profile, 2) if not f.intents]
    for fact in [*given, *around]:  # an after-sales fact (replacement, returns) is the complaint's, not a question's
        words = _fact_words(fact)
        if stems & _stems(words) or (when and re.search(r"\d", words)):
            return fact
        if _CHANGE.search(question) and _CHANGE.search(words):  # "auf alle 4 Wochen umstellen?": "ändern"
            return fact
    if _VERDICT.search(question) and around:  # "... in the fridge is wrong. Who is right?": what the dispute names
        return around[0]
    one = _ONE_OF_THEM.search(question)  # "i'm on decaf since i got pregnant 🥲 do you have one??"
    before = _clause_before(question, request.message.text)
    if one and not before.strip():  # "ich trinke nur noch entkoffeiniert. habt ihr einen?": the sentence before
        before = _sentence_before(question, request.message.text)
    asks_how = _WHAT_DO_I.match(question.strip())
    if len(question.split()) <= SHORT_QUESTION and (_ANAPHORA.search(question) or one or asks_how) and before:
        named = relevant_facts(before, analysis, request.profile, 1)  # "mein Abo pausieren, geht das irgendwie?"
        clear = named and (_named_clearly(named[0], before) or one or asks_how)
        return named[0] if named and not named[0].intents and clear else None
    return None


def _asked_elsewhere(answers: list[Answer], fact: Fact) -> bool:
    """Every deferred question asks in words of its own about something the fact named around does not say ("woher
    eure Bohnen stammen ... Auf der Verpackung steht nichts": the bags are where it was looked, not what is asked)."""
    told = _stems(_fact_words(fact))
    return all(len(_stems(a.question)) >= 2 and not _stems(a.question) & told for a in answers)


def _read_around(question: _Asked, request: GenerationRequest) -> Fact | None:
    """The reading's fact for a short "wie mach ich das?" when the message names that fact ("… das Kaffee-Abo …
    3 Wochen weg … nicht vor der Tür"): the reading saw the whole message."""
    if not (question.read and question.fact) or len(question.text.split()) > SHORT_QUESTION:
        return None
    if not _ANAPHORA.search(question.text):
        return None
    analysis = request.analysis.model_copy(update={"intent": "other", "secondary_intents": []})
    named = relevant_facts(request.message.text, analysis, request.profile, 1)
    return named[0] if named and named[0].id == question.fact and not named[0].intents else None


# "… das Abo soll nicht im Hausflur stehen, was mach ich da?": how to do what the sentence before names.
_WHAT_DO_I = re.compile(
    r"(?:und |and )?(?:was|wie) (?:mach|mache|soll|kann) ich (?:da|das|jetzt)|wie geht das|how do i do (?:that|this)"
    r"|what do i do",
    re.IGNORECASE,
)


# A thing named just before, asked for by a pronoun: "do you have one??", "habt ihr einen?", "gibt's da welche?"
_ONE_OF_THEM = re.compile(r"\b(?:one|some|any|eins|einen|eine|welche)\s*[?!]", re.IGNORECASE)


# Verbs of changing something: "umstellen", "wechseln" ask what "ändern" answers.
_CHANGE = re.compile(r"\b(?:ändern|umstellen|umzustellen|wechseln|change|switch)\b", re.IGNORECASE)


def _placed_before(question: str, text: str) -> str:
    """The nearest stretch before a question that names a place ("My mum lives in Graz, can you send it there?"), or
    the whole message."""
    at = _position(question, text)
    before = re.split(r"(?<=[.!?\n])\s*|,\s", text[:at]) if at > 0 else []
    return next((part for part in reversed(before) if place(part, "de")[0]), text)


def _sentence_before(question: str, text: str) -> str:
    """The sentence of the message before a question ("Jetzt möchte sie lieber Espresso ... Kann man das ändern?")."""
    at = _position(question, text)
    sentences = [s for s in re.split(r"[.!?\n]", text[:at]) if s.strip()] if at > 0 else []
    return sentences[-1] if sentences else ""


def _clause_before(question: str, text: str) -> str:
    """The words of the message just before a question ("... würde mein Abo pausieren, geht das irgendwie?")."""
    at = _position(question, text)
    return re.split(r"[.!?\n]", text[:at])[-1] if at > 0 else ""


def _position(question: str, text: str) -> int:
    """Where a question (perhaps one part of a longer one, "?" added) starts in the message, or -1."""
    return text.find(question.strip().rstrip("?!.… ").strip())


def _other_product(question: str, fact: Fact, profile: VoiceProfile) -> bool:
    """The question names a product of ours that the fact's text never mentions."""
    said = fold(" ".join([*fact.text.values(), *fact.keywords]))
    products = {p.name: [p.name, *p.aliases] for p in profile.brand.products}
    named = find_products(question, profile)
    if named and _COFFEE_WORDS.search(said) and all(_is_coffee(n, profile) for n in named):
        return False  # "3 Tüten Kiezmischung ... einfrieren?": how coffee keeps holds for every coffee of ours
    return bool(named) and not any(fold(a) in said for n in named for a in products.get(n, [n]))


_COFFEE_WORDS = re.compile(r"\b(?:kaffee|coffee|bohnen|beans|schmeckt|tastes?|espresso|mischung|blend)\b")


def _is_coffee(name: str, profile: VoiceProfile) -> bool:
    """A product of ours that is coffee itself (its name or description says so), not a grinder or a course."""
    product = profile.product(name)
    described = fold(" ".join([name, *(product.text.values() if product is not None else [])]))
    return bool(_COFFEE_WORDS.search(described)) and not re.search(r"\b(?:workshops?|kurs\w{0,2}|course)\b", described)


def _unhappy_words(text: str) -> bool:
    """A negative cue in the words, not the emoji: "😤🐝" in a joke about a wasp is a pout, no complaint."""
    return bool(_NEGATIVE_CUES.search(without_emoji(text)))


# A request to look into the matter, put as a question: "Können Sie das bitte prüfen?", "could you check?"
_CHECK_ASKED = re.compile(
    r"\W{0,3}(?:(?:und|and|also|so)\s)?(?:können|könnt|kannst|could|can|would|will)\s(?:sie|ihr|du|you)\s"
    r"(?:(?:das|dies|es|it|this|that|mal|bitte|please|kurz|einmal)\s){0,3}"
    r"(?:prüfen|überprüfen|checken|klären|nachsehen|nachschauen|anschauen|check|look into|look at|sort out|sort)"
    r"(?:\s(?:it|this|that|out|bitte|please|nach))*\W*$",
    re.IGNORECASE,
)
# An order put here in a message, asked whether that works: "kann ich euch das hier einfach schicken?"
_ORDER_HERE = re.compile(
    r"\b(?:schick\w{0,2}|send|bestell\w{0,2}|order|kauf\w{0,2}|buy|zahl\w{0,2}|pay)\b[^?]{0,40}"
    r"\b(?:hier|here|im chat|in the chat|per dm|by dm|per nachricht|by message|so|this way|direkt|directly)\b"
    r"|\b(?:hier|here|im chat|per dm)\b[^?]{0,30}\b(?:schick\w{0,2}|send|bestell\w{0,2}|order)\b",
    re.IGNORECASE,
)
_NO_EMOJI = re.compile(r"[^\w\s.,;:!?'’\"()-]")


def without_emoji(text: str) -> str:
    """The text with every sign that is no word or punctuation (emoji, hearts, arrows) made a space."""
    return _NO_EMOJI.sub(" ", text)


_POUT = re.compile(r"😤|😒|🙄|😩|😭")  # a mock sulk beside a moment of the day
_JOKE_SIGNS = re.compile(r"😂|🤣|🙃|💀|😅|😩|\b(?:haha\w{0,6}|lol|lmao)\b", re.IGNORECASE)  # a laugh, not a rant
_POINTING = re.compile(r"\b(?:das|dies|es|that|this|it)\b", re.IGNORECASE)  # "Kann man das ändern?": what came before
# "die", "sie", "they"; never the formal "Sie" inside a question ("Liefern Sie nach Leipzig?" asks us)
_POINTING_AT_THINGS = re.compile(r"\b(?:[dD]ie|sie|[tT]hey|[tT]hem|THEY|THEM|DIE|SIE)\b|^\W*Sie\b")


def _points_back(question: str, text: str) -> bool:
    """A short question about what came before: "Kann man das ändern?"; "kann ich die noch trinken?" only after a
    sentence that tells ("die tüte ist noch zu."), never after another question ("Kann ich die einfrieren?")."""
    if _POINTING.search(question):
        return True
    at = _position(question, text)
    told = at > 0 and not text[:at].rstrip().endswith("?")
    return told and bool(_POINTING_AT_THINGS.search(question))


def _unanswered_aspect(question: str, fact: Fact) -> bool:
    """The question asks for something (a price, a gift, a size) that the fact's text does not say."""
    return _missing_aspect(question, fact) is not None


def _asked_by_another(question: str, fact: Fact, others: list[str]) -> bool:
    """The aspect the question leaves open is asked by another question of the message in words of its own."""
    found = _missing_aspects(question, fact)
    # beside its topic, as the question itself must ask it ("für die Umzugszeit aussetzen?" names no address)
    return any(_aspect_asked(fold(other), aspect) for other in others for _, aspect in found[:1])


def _missing_aspect(question: str, fact: Fact) -> dict[str, str] | None:
    """The aspect the question asks and the fact does not say, as its names per language ({"de": "den Preis"})."""
    for name, aspect in _missing_aspects(question, fact):
        named = dict(aspect.get("named") or {})
        where = place(question, "de")[0] if name == "country" else ""
        return {language: where for language in named} if where else named  # "Italien", not "das Land"
    return None


def _or_aspect(question: str, fact: Fact | None) -> bool:
    """The aspect the fact leaves open is the question's other alternative ("in the fridge or freezer?")."""
    folded = fold(question)
    after_or = " ".join(
        m.group(1) for m in re.finditer(r"\b(?:or|oder)\s{1,3}((?:\w{1,20}\s{1,3}){0,2}\w{1,20})", folded)
    )
    missing = _missing_aspects(question, fact) if fact is not None and after_or else []
    asks = [fold(a) for _, aspect in missing for a in aspect["asks"]]
    if any(has_phrase(after_or, a, whole=False) for a in asks):
        return True
    # the aspect in the first alternative, the fact's own words in the other: "Kann ich telefonisch bestellen oder im
    # Laden kaufen?" with the pickup fact told
    first, _, other = folded.partition(" oder ") if " oder " in folded else folded.partition(" or ")
    in_first = any(has_phrase(first, a, whole=False) for a in asks) and not any(has_phrase(other, a) for a in asks)
    return in_first and fact is not None and bool(other) and any(_keyword_in_start(k, other) for k in fact_words(fact))


def _missing_aspects(question: str, fact: Fact) -> list[tuple[str, dict[str, Any]]]:
    """aspects.yaml's entries that the question asks and the fact's text does not say, in the table's order (a
    person described after the question asks nothing: "..., who is very fond of his espresso machine")."""
    folded, said = fold(_PERSON_DESCRIBED.sub("", question)), fold(_fact_words(fact))
    return [
        (name, aspect)
        for name, aspect in table("aspects")["aspects"].items()
        if _aspect_asked(folded, aspect) and not any(fold(w) in said for w in aspect["answered_by"])
    ]


def _aspect_asked(folded: str, aspect: dict[str, Any], *, context: str | None = None) -> bool:
    """The folded question asks the aspect in one of its words, beside its topic (in the question, or in `context`
    when given) when it is kept to one."""
    asked = any(has_phrase(folded, fold(a), whole=False) for a in aspect["asks"])
    if any(has_phrase(folded, fold(n), whole=False) for n in aspect.get("not_with") or []):
        return False  # "a second subscription to the same address": no new address asked
    return asked and _about_its_topic(folded if context is None else context, aspect)


# A product's size asked: "does it fit in a camper van drawer?", "wie groß ist die Mühle?", "passt sie ins Handgepäck"
_SIZE_ASKED = re.compile(
    r"\b(?:fits? (?:in|into|inside)|passt (?:\w{1,12} ){0,3}(?:in|ins))\b[^.!?]{0,30}\b(?:drawer|bag|suitcase|backpack"
    r"|luggage|cupboard|shelf|pocket|schublade|handgepäck|koffer|rucksack|tasche|regal|schrank|fach)"
    r"|\b(?:how (?:big|large|tall|heavy)|wie (?:groß|gross|hoch|schwer)|dimensions?|abmessung\w{0,2}|maße)\b",
    re.IGNORECASE,
)
_SIZE_SAID = re.compile(r"\b\d+\s?(?:cm|mm|g|kg|gramm)\b|\b(?:groß|gross|klein|compact|kompakt|size|größe)\b", re.I)
_PERSON_DESCRIBED = re.compile(r",\s(?:who|whose|der|die)\s[^?]{0,200}$", re.IGNORECASE)


def _about_its_topic(folded: str, aspect: dict[str, Any]) -> bool:
    """An aspect kept to one topic ("im Dezember" of a workshop, never of a parcel) is asked only beside it."""
    topic = aspect.get("only_with") or []
    return not topic or any(has_phrase(folded, fold(w), whole=False) for w in topic)


def _asked_aspect(question: str, language: str, message: str = "") -> str:
    """The name of the first aspect a question asks ("Any option in between?": another rhythm), or ""; an aspect
    kept to one topic only when the message names it ("Was sagt ihr als Profis?" before a race asks no workshop)."""
    folded, context = fold(question), fold(f"{question} {message}")
    for name, aspect in table("aspects")["aspects"].items():
        if name != "country" and _aspect_asked(folded, aspect, context=context):
            return str(dict(aspect.get("named") or {}).get(language, ""))
    return ""


def _alone_missing(question: str, fact: Fact) -> bool:
    """The aspect the fact leaves out is the whole question (aspects.yaml's `alone`: customs)."""
    return any(aspect.get("alone") for _, aspect in _missing_aspects(question, fact))


@dataclass(frozen=True)
class _Asked:
    text: str
    fact: str | None
    read: bool = False  # the analysis' own question (its fact, or its None, is the reading's)


def _split(question: _Asked, request: GenerationRequest) -> list[_Asked]:
    """ "Welche Sorte …, wie lange hält die offen und liefert ihr nach Wien?" is three questions, each with its fact."""
    parts = split_questions(question.text)
    if len(parts) <= 1 and "?" not in question.text:  # "do you do gift wrapping and would it arrive by friday"
        parts = [part for part in sub_questions(question.text) if len(part) >= 3]
    if len(parts) <= 1:
        return [question]
    split = [_Asked(part, _fact_id(part, request)) for part in parts]
    if question.fact and all(p.fact != question.fact for p in split):
        index = next((i for i, p in enumerate(split) if p.fact is None), None)
        if index is not None:
            split[index] = _Asked(split[index].text, question.fact)
    return split


def _fact_id(question: str, request: GenerationRequest) -> str | None:
    # "2 bags of Espresso Kreuzberg" counts bags; it does not ask about packaging.
    plain = re.sub(
        r"\b(?:\d+|two|three|zwei|drei|ein|eine|a)\s+(?:bags?|tüten?|packungen?|beutel)\b", " ", question, flags=re.I
    )
    # "pick up my order" asks about picking up: an order already placed is no question about how to order
    plain = re.sub(r"\b(?:my|our|the|meine|unsere|die)\s+(?:order|bestellung)\b", " ", plain, flags=re.I)
    if OWN_MISTAKE.search(plain):  # "sauer ... was mach ich falsch?" asks what the message describes
        plain = OWN_MISTAKE.sub(" ", request.message.text)
    plain = re.sub(
        r"\b(?:instead of|rather than|statt|anstatt)\b[^.?!,;]*", " ", plain, flags=re.I
    )  # the road not taken
    plain = _with_topic(plain)
    found = relevant_facts(plain, request.analysis.model_copy(update={"intent": "other"}), request.profile, 1)
    return found[0].id if found and not care_untold(question, found[0]) else None


# Brewing methods: a French press fact does not answer a pour-over question.
def _other_method(question: str, fact: Fact) -> bool:
    """The question names a brewing method and the fact only others ("what setting for pour over?")."""
    asked, told = own_brewers(question), brewers(" ".join(fact.text.values()))
    if "cold brew" in asked and "cold brew" not in told and told:  # "Cold Brew ... mit meiner French Press?":
        return True  # a hot recipe (4 minutes) answers no cold brew
    return bool(asked) and bool(told) and not asked & told


def _country_named_by(fact: Fact, question: str) -> bool:
    """A place of the question lies in a country that one of the fact's keywords names (gazetteer)."""
    keywords = {fold(k) for k in fact.keywords}
    words_ = set(re.findall(r"[\w-]+", fold(question)))  # "Ich lebe in Basel." names Basel, not "basel."
    for names in table("places").values():
        folded = [fold(n) for n in names]
        if keywords & set(folded[:2]) and words_ & set(folded):
            return True
    return False


def _ships(fact: Fact) -> bool:
    """A fact about our shipping (its keywords name shipping)."""
    return any(fold(k) in _SHIPPING_KEYS for k in fact.keywords)


def _home_place(text: str) -> bool:
    """The place the text names lies in Germany, where the home shipping time holds."""
    return country_of(place(text, "de")[0]) in (None, "de")


def _place_fact(text: str, profile: VoiceProfile) -> Fact | None:
    """The fact that covers the place a text names (the shipping fact of its country), or None."""
    name, forms = place(text, "de")
    if not name:
        return None
    covering = [f for f in profile.brand.facts if any(fold(k) in forms for k in f.keywords) or _names_country(f, name)]
    return covering[0] if covering else None


def _checked_fact(fact: Fact | None, question: str, profile: VoiceProfile) -> Fact | None:
    """A fact whose keywords the question names; never another place's shipping time or brewing method."""
    if fact is None or _other_method(question, fact):
        return None
    if _country_named_by(fact, question) or _delivery_named_by(fact, question):
        return fact  # "Liefert ihr nach Graz?": Graz is in Austria, which the fact names
    within = _with_topic(question)  # "Haben Sie am 3. Oktober geöffnet?" names "haben sie geöffnet", a day between
    if not any(
        _own_senses(fact, question, within=within) + _own_senses(fact, question, within=without_days(fold(within)))
    ) and not _gapped_keyword(fact, question):
        return None  # the reading matched it by intent or by accident ("geeignet?" is no shipping question)
    if not place(question, "de")[0]:
        return fact
    covering = _place_fact(question, profile)
    if covering is not None:
        return covering
    return None if any(fold(k) in _SHIPPING_KEYS for k in fact.keywords) else fact


def _gapped_keyword(fact: Fact, question: str) -> bool:
    """A two-word keyword of the fact named with one word between ("empty coffee bags" for "empty bags", "once i open"
    for "once open"), a three-word one with one or two before its last ("haben sie da normal geöffnet")."""
    folded = fold(question)
    pairs = [k.split() for k in (fold(k) for k in fact.keywords) if len(k.split()) == 2]
    if any(re.search(rf"\b{re.escape(a)} (?:i|[^\W\d_]{{3,15}}) {re.escape(b)}\b", folded) for a, b in pairs):
        return True
    triples = [k.rsplit(" ", 1) for k in (fold(k) for k in fact.keywords) if len(k.split()) == 3]
    return any(re.search(rf"\b{re.escape(a)} (?:[^\W\d_]{{2,15}} ){{1,2}}{re.escape(b)}\b", folded) for a, b in triples)


SHORT_QUESTION = 5  # words: a question this short takes its sense from the message around it
MAX_AROUND = 600  # characters of the message read around a short question


_OPENED_BAG = re.compile(
    r"\b(?:after|once|since|nach dem|seit dem|beim) (?:opening|opened|open|öffnen|aufmachen|anbrechen)\b", re.IGNORECASE
)


def _in_other_sense(question: str, fact: Fact, *, around: str = "") -> bool:
    """Every keyword of the fact that the question names stands in another sense there (or in `around`)."""
    if _OPENED_BAG.search(question):  # "... in july ... now in october? and how long after opening?": the bag
        return False
    own = _own_senses(fact, f"{question} {around}", within=question)
    return bool(own) and not any(own)


def _own_senses(fact: Fact, question: str, *, within: str) -> list[bool]:
    """For each keyword of the fact named in `within`: does it stand in the fact's own sense in the question?
    ("Habt ihr Samstag geöffnet?" names "geöffnet" in the sense of a shop, not of an opened bag)."""
    folded = fold(question)
    shifted = [keywords for keywords, context in _senses() if any(has_phrase(folded, c, whole=False) for c in context)]
    other = frozenset().union(*shifted)
    return [k not in other for k in fact_words(fact) if _keyword_in_start(k, within)]


@lru_cache(maxsize=1)
def _senses() -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """aspects.yaml's senses, folded: (keywords, the words that give them another sense)."""
    return tuple(
        (frozenset(fold(k) for k in sense["keywords"]), tuple(fold(c) for c in sense["not_with"]))
        for sense in table("aspects")["senses"]
    )


# The keywords of a fact about shipping (in Germany), and of any fact about delivery at all (abroad too).
_SHIPPING_KEYS = frozenset({"versand", "liefern", "lieferung", "shipping", "ship", "deliver", "delivery", "dhl"})
_DELIVERY_KEYS = _SHIPPING_KEYS | {"abroad", "ausland"}


def _without_others(message: str, question: str, questions: list[str]) -> str:
    """The message without its other questions: "Apple Pay? Does the subscription come weekly?" asks about paying
    for any order, not for the subscription the next question names."""
    for other in questions:
        if other != question and other not in question:
            message = message.replace(other, " ")
    return message


def _for_all(fact: Fact) -> bool:
    """A fact about shipping holds for every product ("ein Kaffee-Abo nach Wien ... vor Heiligabend?")."""
    return any(fold(k) in _DELIVERY_KEYS for k in fact.keywords)


def _delivery_named_by(fact: Fact, question: str) -> bool:
    """A delivery question to a place in a country the fact's text names ("liefert ihr nach München?")."""
    asked = _SHIP_TO.search(question) or _HOW_LONG_TO.search(question)
    if not asked:
        return False
    folded = fold(question[asked.start() : asked.end() + 40])  # the place it goes to, not "in Berlin" before
    for code, names in table("places").items():
        if any(has_phrase(folded, fold(n)) for n in names):
            return names_country(_fact_texts(fact), code)
    return False


def _names_country(fact: Fact, place_name: str) -> bool:
    """The fact's text names the country the place lies in ("in Deutschland" covers München)."""
    return names_country(_fact_texts(fact), country_of(place_name))


def _fact_texts(fact: Fact) -> str:
    return f"{fact.text.get('de', '')} {fact.text.get('en', '')}"


_DIFFERENCE = re.compile(r"\b(?:difference|unterschied\w{0,2}|compare[sd]?|vergleich\w{0,3})\b", re.IGNORECASE)
_GRIND_ASKED = re.compile(r"mahl|grind|stufe|setting|fein|grob|fine|coarse", re.IGNORECASE)


_BOOKING_ASKED = re.compile(
    r"\b(?:book|booking|reserve|buchen|reservieren|anmelden)\b[^.!?]{0,30}\b(?:spot|place|seat|platz|plätze|termin)\b"
    r"|\b(?:spot|place|seat|platz)\b[^.!?]{0,20}\b(?:book|booking|reserve|buchen|reservieren)\b",
    re.IGNORECASE,
)


def _recommendation(question: str, profile: VoiceProfile, language: str, context: str = "") -> str:
    """ "Welche Sorte für die French Press?": the product whose description names the brewing method (a
    "Was würden Sie empfehlen?" takes the method from the message around it: "trinkt ... aus der French Press")."""
    named = find_products(question, profile)
    beside = [n for n in _named_by_article(question, profile) if n not in named] if len(named) == 1 else []
    # "X oder Y?", "Kiezmischung oder Espresso?"; never "the difference between ...?", which wants both told
    choice = len(named) + len(beside) >= 2 and bool(_CHOICE.search(question))
    choice = choice and not (beside and _DIFFERENCE.search(question))
    if (not _RECOMMEND.search(question) and not choice) or _BOOKING_ASKED.search(question):
        return ""  # "can I book a spot as a gift?": a place at something, no coffee to pick
    only = profile.product(named[0]) if len(named) == 1 else None
    if only is not None and not brewers(profile.localized(only.text, language)):
        return ""  # "is the hand grinder good for espresso?": about the grinder, no coffee to recommend
    told = " ".join(profile.localized(p.text, language) for p in profile.brand.products)
    if _MACHINES.search(question) and not _MACHINES.search(told):
        return ""  # "suitable for a fully automatic bean-to-cup machine?": no product says, so nobody guesses
    names = _product_names(profile)
    # "the house blend or the espresso?": "the espresso" names our Espresso Kreuzberg, no way to brew
    names += [f"{article} {name.split()[0]}" for name in _named_by_article(question, profile) for article in _ARTICLES]
    # "Kiezmischung oder Espresso?": the bare alternative names our Espresso Kreuzberg, no way to brew
    names += [w for n in _named_by_article(question, profile) for w in _alternatives(n.split()[0])]
    # "Lieber die Mühle oder ein Abo? Sie trinkt French Press": a pick between the two named, never a third of ours
    offered = [p for p in profile.brand.products if p.name in {*named, *beside}] if choice else profile.brand.products
    for text in (question, f"{question} {context}"):  # "welchen Kaffee schenk ich Papa?? der trinkt nur Filterkaffee"
        text = _without(names, text)  # "die Kiezmischung oder der Espresso Kreuzberg?": a name, no brewing method
        asked = brewers(text)  # "portafilter" is no "filter"
        for product in offered:
            described = profile.localized(product.text, language)
            if asked & brewers(described):
                return f"{product.name}: {_for_asked_brewers(described, asked)}"
    if choice and not any(brewers(profile.localized(p.text, language)) for p in offered):
        return ""  # neither of the two is a coffee brewed one way: both are described (scene._compared)
    strength = _by_strength(_without(names, f"{question} {context}"), profile, language)  # "the espresso": none
    if not strength and only is not None and _GOES_WITH.search(question):
        return f"{only.name}: {profile.localized(only.text, language)}"  # "Passt eure Kiezmischung zu Brezn?"
    return strength


_GOES_WITH = re.compile(r"\b(?:passt|passen|go|goes|pairs?)\b[^?]{0,40}\b(?:zu|with)\b", re.IGNORECASE)


# Machines no brewing method of ours names: "a fully automatic bean-to-cup machine", "Kaffeevollautomat", capsules
_MACHINES = re.compile(
    r"\b(?:\w{0,12}vollautomat\w{0,3}|bean[- ]to[- ]cup|fully automatic|super-?automatic|kapsel\w{0,6}|capsules?"
    r"|nespresso|senseo|pads?)\b",
    re.IGNORECASE,
)
# Someone without a grinder, and the facts that tell a grinder's setting: "no grinder yet 😭 ... pre ground?"
_GRIND_KEYS = frozenset(("mahlgrad", "grind", "grind size", "mahlstufe"))
_NO_GRINDER = re.compile(
    r"\b(?:no grinder|without a grinder|don'?t (?:have|own) a grinder|keine (?:kaffee)?mühle|ohne (?:kaffee)?mühle"
    r"|no (?:coffee )?grinder|kein(?:e|en)? (?:kaffee)?mühle)\b",
    re.IGNORECASE,
)
# The grinder setting a person says they use: "mahle auf Stufe 12", "on setting 8", "mühle steht auf 14"
_THEIR_SETTING = re.compile(
    r"\b(?:stufe|setting|einstellung|mahlgrad|grind size|steht auf|auf|went (?:up |down )?to|switched to|moved to"
    r"|now on|now at)\s(\d{1,2})\b"
    r"(?!\s?(?:uhr|min|sek|sec|s\b|g\b|%|grad|tag|woche|monat|euro|€|kg|leute|personen|days?|weeks?))",
    re.IGNORECASE,
)


def setting_used(text: str) -> int:
    """The one grinder setting a message names (0 when it names none or several)."""
    moved = _SETTING_MOVED.search(text[:2000])  # "went from 24 to 25 like you said": where it stands now
    if moved:
        return int(moved.group(1) or moved.group(2))
    used = {int(m.group(1)) for m in _THEIR_SETTING.finditer(text[:2000])}
    return used.pop() if len(used) == 1 else 0


# Whether we are closing, asked: "Is it true you're closing??", "macht ihr etwa zu?", "hört ihr auf?"
_CLOSING_ASKED = re.compile(
    r"\b(?:you'?re|you are|are you|r u)\s(?:\w{1,10}\s)?(?:closing|shutting down|going out of business)"
    r"|\b(?:macht|schließt|hört) ihr (?:\w{1,10} )?(?:zu|auf|dicht)\b|\bihr (?:macht|schließt) (?:\w{1,10} )?zu\b",
    re.IGNORECASE,
)
_SHOP_GONE_TOLD = re.compile(
    r"\b(?:laden|shop|store|geschäft)\b[^.!?]{0,40}\b(?:nicht mehr|no longer|any more|closed|geschlossen)\b",
    re.IGNORECASE,
)


# A grind made coarser, told: "went coarser like you said", "hab gröber gemahlen"
_WENT_COARSER = re.compile(
    r"\b(?:went|gone|go|ground|grinding|made it|switched) (?:a (?:bit|step|notch|click) |one (?:step|notch|click) )?"
    r"coarser\b|\bgröber (?:gemahlen|gemacht|gestellt|eingestellt)\b",
    re.IGNORECASE,
)


# How long something takes, asked: "How long does it last?", "Wie lange dauert der?"
_LASTS_ASKED = re.compile(
    r"\bhow long (?:does|will|is|would) (?:it|the \w{2,15}|that|this|one) (?:last|take|run|go on)\b"
    r"|\bwie lange (?:dauert|geht|läuft) (?:der|die|das|er|sie|es|so ein\w?)\b",
    re.IGNORECASE,
)
_DURATION_TOLD = re.compile(r"\b\d{1,2}(?:[.,]\d)?\s?(?:stunden|hours?|minuten|minutes)\b", re.IGNORECASE)


def _lasting_fact(message: str, profile: VoiceProfile) -> Fact | None:
    """The fact the message names that tells how long its thing takes ("2,5 Stunden"), or None."""
    timed = (f for f in profile.brand.facts if _DURATION_TOLD.search(" ".join(f.text.values())))
    named = (f for f in timed if not f.intents and _checked_fact(f, message, profile) is not None)
    return next(named, None)


# A grind range a fact gives: "(Handmühle Kiez: 24–26)"
FACT_RANGE = re.compile(r"(\d{1,2})\s?[–-]\s?(\d{1,2})\)?")


def _grind_for_setting(message: str, profile: VoiceProfile) -> Fact | None:
    """The one grind fact whose range holds the setting the message names, or None."""
    used = setting_used(message)
    if not used:
        return None
    ranges = ((f, FACT_RANGE.search(" ".join(f.text.values()))) for f in profile.brand.facts)
    fitting = [f for f, told in ranges if told and int(told.group(1)) <= used <= int(told.group(2))]
    return fitting[0] if len(fitting) == 1 else None


_SETTING_MOVED = re.compile(
    r"\b(?:from|von) \d{1,2} (?:to|auf|zu) (\d{1,2})\b"
    # "hab wie ihr meintet eine stufe gröber gemacht (jetzt 25)", "went one finer, now on 7"
    r"|\b(?:gröber|grober|feiner|coarser|finer)\b[^.!?]{0,30}?\b(?:jetzt|now|nun)\W{0,2}(?:auf |at |on )?(\d{1,2})\b",
    re.IGNORECASE,
)


# "supermarket pre ground, french press": ground already, a setting on our grinder is no help (the rest of the tip is)
_PRE_GROUND = re.compile(
    r"\b(?:pre[- ]?ground|already ground|vorgemahlen\w{0,2}|schon gemahlen\w{0,2}|bereits gemahlen\w{0,2})\b", re.I
)

_WHICH = re.compile(r"\b(?:welche[rsmn]?|which)\b", re.IGNORECASE)


def _pick_asked(question: str) -> bool:
    """One of our coffees asked to be picked: "welcher espresso rettet mich heute", "which beans for a moka pot"."""
    # "what coffee goes with a giant bowl of halloween candy?": a pick all the same
    which = _WHICH.search(question) or re.search(r"\bwhat (?:coffee|beans|roast|blend)\b", question, re.IGNORECASE)
    return bool(which and _RECOMMEND.search(question))


# What a coffee is wanted for: "hält mich wach", "something strong"; "mild für den Magen", "something gentle"
# Strength declined: "bitte nicht zu stark", "not too strong", "nicht so kräftig"
_NOT_STRONG = re.compile(
    r"\b(?:nicht|not|no|kein\w{0,2}) (?:zu |so |too |allzu |super )?(?:stark|kräftig|strong|bold)\w{0,3}\b", re.I
)
_WANTS_STRONG = re.compile(
    r"\b(?:wach|munter|kräftig\w{0,3}|stark\w{0,2}|stärkst\w{0,2}|power|energie|kick|awake|strong\w{0,3}|bold\w{0,3}"
    r"|wumms|hits? (?:the )?hard\w{0,3}|knallt\w{0,3}"
    # "wiesn-kater und morgen 8 uhr vorlesung. welcher kaffee rettet mich": a coffee to get through it
    r"|rettet|retten|rescue\w{0,2}|save me|kater|hangover|hungover|müde|tired"
    # "welcher kaffee überlebt den ersten elternabend??", "what gets me through finals week"
    r"|überlebt|überleben|übersteht|durchhalten|survives?|get me through|gets me through"
    # "which of ur coffees is the most halloween coded 👻 need smth for a scary movie night": awake through the scares
    r"|horror\w{0,6}|scary|gruselig\w{0,2}|grusel\w{0,6}|movie night|filmabend|filmnacht|all-?nighter|nachtschicht"
    r"|night shift|durchmachen)\b",
    re.I,
)
# "welcher ist am wenigsten sauer?", "anything low in acid?": the product described with little acidity
_WANTS_LOW_ACID = re.compile(
    r"\b(?:wenig\w{0,4} (?:sauer|säure)|säurearm\w{0,3}|nicht so sauer|least (?:acidic|sour)|low(?:est)?[- ]acid\w{0,3}"
    r"|less (?:acidic|sour)|not (?:so |too )?(?:acidic|sour))\b",
    re.I,
)
_LOW_ACID_WORDS = re.compile(r"\b(?:wenig(?:er)? säure|säurearm|low acidity|low in acid|little acidity)\b", re.I)
_WANTS_MILD = re.compile(
    r"\b(?:mild\w{0,5}|sanft\w{0,2}|bekömmlich\w{0,2}|magen|smooth|gentle|stomach"
    # coffee beside cake: "Apfelkuchen mit Sahne ... was passt besser dazu?", "with grandma's apple cake"
    r"|\w{0,12}kuchen|\w{0,12}datschi|\w{0,12}torte|\w{0,8}gebäck|\w{0,8}cake|kaffeeklatsch|pastr(?:y|ies)"
    r"|\w{0,8}strudel|pies?|tartes?|muffins?|waffeln?|waffles?|kekse?|plätzchen|cookies?|brownies?|croissants?"
    # "which of your coffees pairs best with the halloween candy": sweets, like cake
    r"|candy|candies|sweets|süßigkeit\w{0,2}|schokolade\w{0,2}|chocolates?)\b",
    re.I,
)
# Coffee that has to hold its own in milk or in a dough: "nen Schuss Kaffee in den Teig", "for an iced latte"
_AGAINST_MILK = re.compile(
    r"\b(?:in (?:den|dem|the) (?:teig|dough|batter)|im teig|tiramisu|latte|cappuccino|flat white|milchkaffee"
    r"|mit (?:viel )?milch|with (?:lots of )?milk|iced coffee|eiskaffee)\b",
    re.I,
)


def _for_asked_brewers(described: str, asked: set[str]) -> str:
    """The description with only the asked ways to brew in its "für ..." part ("für Filter und French Press" to
    "wir brühen mit Handfilter": "für Filter"); the description as it is when all or none of them were asked, or
    when what is left wants an article."""
    parts = described.split(", ")
    for i, part in enumerate(parts):
        found = FOR_METHODS.match(part)
        if not found:
            continue
        methods = re.split(r"\s(?:und|and|oder|or)\s|,\s", found.group(2))
        kept = [m for m in methods if brewers(m) & asked]
        bare = len(kept) != 1 or not re.search(r"\s", kept[0])  # "für Filter", never "für French Press"
        if kept and len(kept) < len(methods) and bare:
            joined = re.search(r"\s(?:und|and|oder|or)\s", found.group(2))  # several kept: the list's own "und"
            parts[i] = f"{found.group(1)} {(joined.group() if joined else ', ').join(kept)}"
    return ", ".join(parts)


# A description's clause of what it is for: "für Filter und French Press" (the preposition, then the ways to brew)
FOR_METHODS = re.compile(r"^(für|for)\s(.{3,80})$", re.IGNORECASE)


def _by_strength(text: str, profile: VoiceProfile, language: str) -> str:
    """The product whose description is as strong or as mild as the person wants it (strong in milk or a dough,
    mild beside cake), or ""."""
    text = _NOT_STRONG.sub(" mild ", text)  # "ältere Leute, bitte nicht zu stark": a mild one asked for
    if _AGAINST_MILK.search(text):
        text = _WANTS_MILD.sub(" ", text)  # "Apfelkuchen ... Kaffee in den Teig": the dough decides, not the cake
    strong = _WANTS_STRONG.search(text) or _AGAINST_MILK.search(text)
    wanted = _STRONG_WORDS if strong else _MILD_WORDS if _WANTS_MILD.search(text) else None
    wanted = _LOW_ACID_WORDS if _WANTS_LOW_ACID.search(text) else wanted
    if wanted is None or (strong and _WANTS_MILD.search(text)):
        return ""
    return _the_one_described(wanted, profile, language)


def _the_one_described(wanted: re.Pattern[str], profile: VoiceProfile, language: str) -> str:
    """The one product whose description says what is wanted, with that part of it ("Espresso Kreuzberg: kräftig mit
    wenig Säure"), or "" when none or several do."""
    fitting = _described_as(wanted, profile, language)
    if len(fitting) != 1:
        return ""
    name, described = fitting[0]
    part = next((p for p in described.split(", ") if wanted.search(p)), described)
    return f"{name}: {part}"


def _described_as(wanted: re.Pattern[str], profile: VoiceProfile, language: str) -> list[tuple[str, str]]:
    """(name, description) of the products whose description says what is wanted ("kräftig", "mild")."""
    described = ((p.name, profile.localized(p.text, language)) for p in profile.brand.products)
    return [(name, text) for name, text in described if text and wanted.search(text)]


# A comparison with someone else's coffee ("better than Dallmayr?", "besser als der vom Discounter?").
_BETTER_THAN = re.compile(r"\b(?:better than|besser als|as good as|so gut wie|vs\.?|versus)\b", re.IGNORECASE)
# A choice between two offered in a question of its own: "Eher Ihr Espresso oder lieber Filterkaffee?"
_CHOSEN_BETWEEN = re.compile(
    r"^\W{0,3}(?:eher|lieber|rather|either)\b[^.!?\n]{1,40}\b(?:oder|or)\b[^.!?\n]{1,40}\?", re.IGNORECASE
)
_CHOICE = re.compile(r"\b(?:oder|or|vs\.?|versus|besser|better|unterschied|difference)\b", re.IGNORECASE)
_ONE_OR_OTHER = re.compile(r"\b(?:oder|or|vs\.?|versus)\b", re.IGNORECASE)


def _without(names: list[str], text: str) -> str:
    """The text with the given names cut out (case-insensitive, whole words)."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def _compared(question: str, profile: VoiceProfile, language: str) -> tuple[str, ...]:
    """ "Kiezmischung oder Espresso Kreuzberg für nen Vollautomaten?": both products, as the profile describes them;
    "the house blend and the espresso": "the espresso" beside another of ours is ours too."""
    names = find_products(question, profile)
    if len(names) == 1:
        names += [n for n in _named_by_article(question, profile) if n not in names]
    if len(names) < 2 or not _CHOICE.search(question):
        return ()
    both = _both(names[0], names[1], profile, language)
    return () if brewers(question) - brewers(" ".join(both)) else both  # "... for a moka pot?": neither says


def _alternatives(head: str) -> tuple[str, ...]:
    """A product's first word as one alternative of a choice ("oder Espresso", "espresso or")."""
    return (f"oder {head}", f"or {head}", f"{head} oder", f"{head} or")


_ARTICLES = ("the", "your", "dem", "den", "der", "die", "das", "euren", "eurem", "eure", "euer")


def _named_by_article(question: str, profile: VoiceProfile) -> list[str]:
    """Products named by their first word after an article ("the espresso", "eurem Espresso"), or as the other
    alternative beside a product named in full ("Kiezmischung oder Espresso?")."""
    found = []
    beside = bool(find_products(question, profile))
    for p in profile.brand.products:
        head = re.escape(p.name.split()[0])
        article = r"\b(?:the|your|dem|den|der|die|das|euren?|eurem|eure|euer)\s+" + head + r"\b"
        alternative = rf"\b(?:oder|or)\s+(?:\w+\s+)?{head}\b|\b{head}\s+(?:oder|or)\b" if beside else article
        if len(p.name.split()) > 1 and re.search(f"{article}|{alternative}", question, re.IGNORECASE):
            found.append(p.name)
    return found


# "taugt die X auch für den Siebträger?", "is X ok for cold brew or only french press?": what X suits, asked
_SUITS = re.compile(
    r"\b(?:taugt|tauglich|geht|passt|eignet|geeignet|funktioniert|works?|good for|suitable|ok for|okay for|auch für"
    r"|nur für|only for|also for|wasted on|zu schade für|verschwendet|too good for)\b"
    # "auch in der normalen Filtermaschine machen", "use it in my moka pot"
    r"|\b(?:in|mit|für|im|with|in) (?:der|die|einer|meiner|meine|dem|the|a|my) (?:\w{1,12} )?\w{0,12}(?:maschine|filter"
    r"|press|kanne|pot|machine|brewer)\w{0,2} (?:machen|zubereiten|benutzen|verwenden|nehmen|brühen|use|make|brew)\b"
    # "can i put espresso kreuzberg in a french press", "can I use the house blend in my moka pot"
    r"|\b(?:put|use|brew|make)\b [^?.!]{3,40}\b(?:in|with) (?:a|an|my|the|our) ",
    re.IGNORECASE,
)


def _suited(question: str, profile: VoiceProfile, language: str) -> tuple[str, ...]:
    """One product asked for a brewing method its text does not name, which another product's text does: both."""
    names = list(dict.fromkeys([*find_products(question, profile), *_named_by_article(question, profile)]))
    asked = _methods(question)  # "Kiezmischung oder euer Espresso?" names two products, no method
    if len(names) != 1 or not asked or not _SUITS.search(question):
        return ()
    texts = _product_texts(profile, language)
    if brewers(question) - brewers(" ".join(texts.values())):  # "kiez blend for a moka pot or the espresso one?":
        return ()  # no product names the moka pot, so their descriptions answer nothing
    own = _methods(texts.get(names[0], ""))
    missing = asked - own if own else set()  # a grinder's text names no brewer: it is no coffee for one
    other = next((n for n, t in texts.items() if n != names[0] and missing & _methods(t)), "")
    return _both(names[0], other, profile, language) if missing and other else ()


def _product_names(profile: VoiceProfile) -> list[str]:
    """Every product's name and aliases."""
    return [n for p in profile.brand.products for n in (p.name, *p.aliases)]


# An order put in a message or a comment: "send you a message here with what he wants", "per DM bestellen"
_BY_MESSAGE = re.compile(
    r"\b(?:send|message|dm|text|schreib|schick)\w{0,2} (?:you|u|euch|ihnen|dir) (?:a |an |eine |ne )?"
    r"(?:message|nachricht|dm|pn|list|liste)\b"
    r"|\border\w{0,3} (?:by|via|through|per|in (?:the )?)(?:message|dm|chat|comment)"
    r"|\b(?:per|über|via) (?:dm|nachricht|chat|kommentar) bestell\w{0,2}|\bhier (?:im chat )?bestell\w{0,2}",
    re.IGNORECASE,
)
_BEGINNER = re.compile(r"\b(?:beginners?|anfänger\w{0,2}|einsteiger\w{0,2}|newbies?|neuling\w{0,2})\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"\b(?:how many|wie ?viele?)\s{1,3}((?:[^\W\d_]{3,20}\s{0,3}){1,2})", re.IGNORECASE)


# The boldest coffee asked for: "whats your strongest coffee?", "the spookiest coffee you have 👻", "euer stärkster?"
_BOLDEST_ASKED = re.compile(
    r"\b(?:strongest|boldest|darkest|spookiest|scariest|most intense|stärkste\w{0,2}|kräftigste\w{0,2}"
    r"|dunkelste\w{0,2}|gruseligste\w{0,2}|intensivste\w{0,2})\b",
    re.IGNORECASE,
)
_BOLD_TOLD = re.compile(
    r"\b(?:bold|strong|dark|intense|kräftig\w{0,2}|stark\w{0,2}|dunkel\w{0,2}|intensiv\w{0,2})\b", re.I
)


def _boldest(question: str, profile: VoiceProfile, language: str) -> str:
    """The one coffee of ours whose description says it is bold, for a question after the strongest or darkest one:
    "Name: description" (a caffeine figure is another question, answered by no description)."""
    if not _BOLDEST_ASKED.search(question) or re.search(r"\b(?:caffeine|koffein\w{0,4})\b", question, re.I):
        return ""
    return _the_one_described(_BOLD_TOLD, profile, language)


# Whether a product of ours is any good: "is your hand grinder actually worth it?", "taugt die Handmühle was?"
_WORTH = re.compile(
    r"\b(?:worth it|worth the money|any good|(?:taugt|taugen) (?:die|der|das|sie|er|es|eure\w?) (?:\w+ )?(?:was|etwas)"
    r"|lohnt sich (?:die|der|das|sie|er|es|euer|eure[rsn]?|ihr\w{0,2})|(?:die|der|das) (?:\w+ )?wert)\b",
    re.IGNORECASE,
)
_WORTH_MONEY = re.compile(r"\b(?:lohnt sich|worth it|worth the money)\b", re.IGNORECASE)
# How long things last: "my last one died after 3 months", "hält die auch länger als ein Jahr?" (a "broke
# student" is no broken grinder)
_LASTING = re.compile(
    r"\b(?:died|dies|broke (?:down|after|within|in)|(?:it|one|that|mine) broke|broken|kaputt\w{0,2}|hält|halten|lasts?"
    r"|lasting|durable|langlebig|after \d+ months"
    r"|nach \d+ monaten|gave up|aufgegeben)\b",
    re.IGNORECASE,
)


def _worth(question: str, profile: VoiceProfile, language: str) -> str:
    """One product of ours asked whether it is any good: "Name: description" (what it is answers that)."""
    if brewers(question) and not _WORTH_MONEY.search(question):  # "is espresso kreuzberg any good in a moka pot":
        return ""  # whether it suits the pot, not what it is (but "lohnt sich die handmühle ... für filter?" is)
    named = find_products(question, profile) if _WORTH.search(question) else []
    product = profile.product(named[0]) if len(named) == 1 else None
    return f"{product.name}: {profile.localized(product.text, language)}" if product is not None else ""


# A fact that says something is gone: "Den Laden ... gibt es nicht mehr", "The ... shop is closed"
_GONE_TOLD = re.compile(r"gibt es (?:\w+ )?nicht mehr|gibt's (?:\w+ )?nicht mehr|is closed|no longer", re.IGNORECASE)


def _asks_after_gone(question: str, fact: Fact) -> bool:
    """The question asks after the very thing the fact says is gone (the shop's hours, when there is no shop)."""
    told = _fact_words(fact)
    gone = _GONE_TOLD.search(told)
    return gone is not None and bool(_stems(question) & _stems(told[: gone.start()]))


def _counted(question: str, message: str, profile: VoiceProfile, language: str) -> str:
    """A count asked of a product of ours that its description states ("30 grind settings"): "Name: description"."""
    asked = _HOW_MANY.search(question)
    if not asked:
        return ""
    stems = [fold(w)[:5] for w in asked.group(1).split() if len(w) >= 5]
    for name in find_products(question, profile) or find_products(message, profile):
        product = profile.product(name)
        described = profile.localized(product.text, language) if product is not None else ""
        if re.search(r"\d", described) and any(stem in fold(described) for stem in stems):
            return f"{name}: {described}"
    return ""


# A yes-or-no question: "Kann man ...", "Geht die ...", "Is it ok ...", "Can I use ..."
_YES_NO_ASKED = re.compile(
    r"^\W{0,3}(?:und |and |also )?(?:kann|können|könnte|geht|gehen|passt|passen|taugt|ist|sind|eignet|funktioniert"
    r"|can|could|is|are|does|do|will|would)\b",
    re.IGNORECASE,
)


def _fits_unsaid(question: str, profile: VoiceProfile, language: str) -> bool:
    """One coffee asked about for a brewer its description does not name ("is the house blend ok for aeropress or
    only filter"): the team is asked, no other product is picked instead."""
    asked = _brewer_asked(question, profile, language)
    return asked is not None and bool(asked[2]) and not asked[1] <= asked[2]


def _fits_own(question: str, profile: VoiceProfile, language: str) -> str:
    """The one product asked about for brewing methods its own description names ("Name: description"), or ""."""
    asked = _brewer_asked(question, profile, language)
    if asked is None or not asked[1] <= asked[2]:
        return ""
    return f"{asked[0]}: {_product_texts(profile, language).get(asked[0], '')}"


def _brewer_asked(question: str, profile: VoiceProfile, language: str) -> tuple[str, set[str], set[str]] | None:
    """(the one product asked about, the brewers asked for it, the brewers its description names) when a question
    asks whether it suits a way to brew; None for no product, several, no brewer or a machine ("für einen
    Vollautomaten?": no product says, so nobody guesses)."""
    names = find_products(question, profile)
    asked = brewers(_without(_product_names(profile), question))  # "Espresso Kreuzberg" names no way to brew
    if len(names) != 1 or not asked or not _SUITS.search(question) or _MACHINES.search(question):
        return None
    return names[0], asked, brewers(_product_texts(profile, language).get(names[0], ""))


# "how often does it come?", "wie oft kommt das?": the rhythm a product's description may state
# "rate my setup", "bewertet mal meine Routine": a way of brewing put up for advice
RATE_ASKED = re.compile(
    r"\b(?:rate|roast|judge) my (?:setup|set-up|routine|brew\w{0,3}|method|coffee)\b"
    r"|\b(?:bewerte\w{0,2}|beurteil\w{0,2}) (?:mal )?mein\w{0,2} (?:setup|routine|methode|kaffee|zubereitung)\b",
    re.IGNORECASE,
)
_HOW_OFTEN = re.compile(
    r"\b(?:how often|how frequently|wie oft|wie häufig|in welchem (?:rhythmus|abstand|takt|intervall))\b"
    # "gibts das irgendwie als abo??", "can I get it as a subscription?": the rhythm says it exists and how it comes
    r"|\bals abo\b|\bas a subscription\b"
    # "is the subscription weekly??", "kommt das Abo jede Woche?": a rhythm guessed is a rhythm asked
    # "gibt es das Abo auch alle 3 Wochen? 4 sind mir zu lang": a rhythm of its own, asked
    r"|\b(?:weekly|monthly|every (?:week|month)|wöchentlich|monatlich|jede woche|jeden monat"
    r"|alle (?:\d{1,2}|zwei|drei|fünf|sechs) wochen|every (?:\d{1,2}|two|three|five|six) weeks)\b(?![^.!?]{0,40}"
    r"\b(?:umstellen|ändern|wechseln|switch|change)\b)",
    re.I,
)
RHYTHM = re.compile(r"\b(?:alle|every) \d[^,.;]{0,30}", re.IGNORECASE)  # "alle 2 oder 4 Wochen"


def _how_often(question: str, message: str, profile: VoiceProfile, language: str) -> str:
    """The one product a how-often question is about, as "Name: description" when that states a rhythm ("every 2
    or 4 weeks"), or ""."""
    names = find_products(question, profile) or find_products(message, profile)
    if not _HOW_OFTEN.search(question) or len(set(names)) != 1 or SWITCH_ASKED.search(question):
        return ""  # "can I switch from every 2 weeks to every 4?": a change, which a fact answers
    described = _product_texts(profile, language).get(names[0], "")
    return f"{names[0]}: {described}" if RHYTHM.search(described) else ""


# A roast date complained of (folded): "Röstdatum von vor drei Wochen", "roast dates are all from august"
_ROAST_DATED = re.compile(r"\b(?:rostdatum|rostdaten|roast(?:ed)? (?:date|dates|on)|geröstet am|gerostet am)\b")
SUBJECT_WORDS = 3  # "das Kaffee-Abo", "the coffee subscription": longer heads describe ("unsere Handmühle mit ...")


def _subject(described: str) -> str:
    """What a product's description calls it first ("the coffee subscription"), when that is a noun with an article."""
    head = described.split(", ")[0]
    return head if re.match(r"(?:the|das|der|die|unser|unsere|our) \S", head, re.IGNORECASE) else ""


def _methods(text: str) -> set[str]:
    """The brewing methods a text names, lower-case."""
    return {m.lower() for m in METHODS.findall(text)}


def _product_texts(profile: VoiceProfile, language: str) -> dict[str, str]:
    """Each product's name with its description in the language."""
    return {p.name: profile.localized(p.text, language) for p in profile.brand.products}


def _both(first: str, second: str, profile: VoiceProfile, language: str) -> tuple[str, ...]:
    """Two products as the profile describes them, long and by what each is for."""
    texts = _product_texts(profile, language)
    if not texts.get(first) or not texts.get(second):
        return ()
    is_ = "ist" if language == "de" else "is"  # "Espresso Kreuzberg ist unser Espresso, ..., die Kiezmischung ..."
    # "..., das Kaffee-Abo alle 2 oder 4 Wochen": a description with a subject of its own names it (never "das Abo das
    # Kaffee-Abo")
    own = _subject(texts[second])
    other = texts[second].replace(", ", " ", 1) if own else f"{the_product(profile, second, language)} {texts[second]}"
    long = (f"{first} {is_} {texts[first]}", other)
    uses = [[c for c in texts[n].split(", ") if METHODS.search(c)] for n in (first, second)]
    short = tuple(f"{n} {u[-1]}" for n, u in zip((first, second), uses, strict=True) if u)  # "X für Filter ..."
    return long + short if len(short) == 2 else long


# Giving up caffeine, and sticking to it: "quitting caffeine. day 3", "Koffeinpause seit Montag", "weniger Kaffee ab
# heute"; never a resolution already dropped ("Vorsatz gestrichen", "hat ja super geklappt", "gave up")
_CUTTING = re.compile(
    r"\b(?:quit(?:ting)? (?:caffeine|coffee)|no (?:caffeine|coffee) (?:for|since|until)|caffeine[- ]free (?:month|week"
    r"|january)|cutting (?:down|back) on (?:coffee|caffeine)|less (?:coffee|caffeine)|caffeine detox"
    r"|weniger (?:kaffee|koffein)|kein (?:kaffee|koffein) mehr|koffein(?:pause|entzug|fasten|verzicht|detox)"
    r"|ohne (?:kaffee|koffein) (?:seit|bis|für)|verzichte? (?:\w{1,10} )?auf (?:kaffee|koffein))\b",
    re.IGNORECASE,
)
_GAVE_UP = re.compile(
    r"\b(?:gestrichen|aufgegeben|abgebrochen|gescheitert|hat ja (?:super|toll|prima) geklappt|läuft bei mir|gave up"
    r"|failed|lasted|didn'?t last|so much for|cup (?:2|3|two|three|number)|tasse (?:2|3|zwei|drei|nummer)"
    # "mein arzt sagt weniger kaffee. hab jetzt einfach nen größeren becher 💀": the joke is that nothing changed
    r"|(?:größere[nmrs]?|grössere[nmrs]?|bigger|larger) (?:becher|tasse|mug|cup|kanne)\w{0,2})\b",
    re.IGNORECASE,
)


_LAUGHED = re.compile(r"😂|🤣|\b(?:haha\w{0,6}|lol|lmao)\b", re.IGNORECASE)  # "... besseren Kaffee 😂": a joke


def _cutting_down(text: str) -> bool:
    """The writer is giving up caffeine and still at it."""
    return bool(_CUTTING.search(text)) and not (_GAVE_UP.search(text) or _LAUGHED.search(text))


# A coffee of ours found too mild or too strong: "viel zu mild, da fehlt mir was", "too bitter for me"
_TOO_MILD = re.compile(
    r"\b(?:zu|too|viel zu|way too|bisschen zu|a bit too) (?:mild|schwach|lasch|dünn|wässrig|weak|watery|bland|soft)\b"
    r"|\blangweilig\b|\bboring\b|\bfehlt (?:mir )?(?:einfach )?(?:was|etwas|der wumms|die kraft)\b"
    r"|\b(?:no|zu wenig|kein) (?:punch|body|wumms|kick)\b",
    re.IGNORECASE,
)
_TOO_STRONG = re.compile(
    r"\b(?:zu|too|viel zu|way too|bisschen zu|a bit too) (?:stark|kräftig|intensiv|heftig|strong|intense|bitter)\b",
    re.IGNORECASE,
)
_STRONG_WORDS = re.compile(r"\b(?:kräftig\w{0,2}|stark\w{0,2}|intensiv\w{0,2}|bold|strong|intense|full-bodied)\b", re.I)
_MILD_WORDS = re.compile(r"\b(?:mild\w{0,2}|sanft\w{0,2}|smooth|gentle|mellow|rund\w{0,2}|balanced)\b", re.IGNORECASE)


def _other_taste(text: str, profile: VoiceProfile, language: str) -> Fact | None:
    """Another coffee of ours, as the profile describes it, for someone who finds one too mild or too strong."""
    milder = bool(_TOO_STRONG.search(text))
    if not (milder or _TOO_MILD.search(text)):
        return None
    wanted = _MILD_WORDS if milder else _STRONG_WORDS
    named = set(find_products(text, profile))
    for name, described in _described_as(wanted, profile, language):
        if name not in named:
            the = the_product(profile, name, language)
            line = {
                "de": f"Wenn du es {'milder' if milder else 'kräftiger'} magst, wäre {the} eher was für dich: "
                f"{described}.",
                "en": f"If you like it {'milder' if milder else 'stronger'}, {the} might suit you better: {described}.",
            }
            return Fact(id="other_taste", text={language: line.get(language, line["en"])})
    return None


def _advice_worked(text: str) -> bool:
    """A fix that worked, told with thanks: "update: stufe 25 wars!!! french press nicht mehr bitter, danke euch"."""
    return bool(_NO_LONGER_OFF.search(text) and _WORKED.search(text))


# A taste that is gone now: "nicht mehr bitter", "no longer sour", "the shots aren't sour anymore"
_NO_LONGER_OFF = re.compile(
    r"\b(?:nicht mehr|kein bisschen mehr|gar nicht mehr|no longer|not|aren'?t|isn'?t)\s(?:\w{1,12}\s)?"
    r"(?:sauer|bitter|wässrig|dünn|sour|watery)\b(?!\s?\?)"
    # "the bitterness is GONE 🙌", "die Säure ist weg"
    r"|\b(?:bitterness|sourness|bitterkeit|säure)\s(?:is|ist|was|war)\s(?:\w{1,8}\s)?(?:gone|weg|verschwunden)\b",
    re.IGNORECASE,
)
# And the news that something worked, or thanks for the tip: "hat geklappt", "update:", "like you said", "danke"
_WORKED = re.compile(
    r"\b(?:geklappt|klappt|update|wars|war's|worked|works|did the trick|like you said|wie ihr gesagt|danke|thanks?"
    r"|thank you)\b",
    re.IGNORECASE,
)


# Two rhythms of a subscription to choose from: "alle 2 oder alle 4 Wochen", "every 2 or 4 weeks"
RHYTHM_PAIR = re.compile(
    r"\b(?:alle|every) (\d{1,2}) (?:oder|or) (?:alle |every )?(\d{1,2}) (?:wochen|weeks)\b", re.IGNORECASE
)
_WHICH_ASKED = re.compile(
    r"\b(?:was lohnt sich|lohnt sich|welche\w{0,2}|which|what'?s better|was ist besser|empfiehlst|empfehlt|recommend"
    r"|worth it|better)\b",
    re.IGNORECASE,
)


def _rhythm_choice(question: str, message: str) -> str:
    """The two rhythms a question asks to choose between, in its own words or the message's ("alle 2 oder alle 4
    Wochen, was lohnt sich?"), or ""."""
    if not _WHICH_ASKED.search(question):
        return ""
    found = RHYTHM_PAIR.search(question) or RHYTHM_PAIR.search(message)
    return found.group() if found else ""


def _keyed_fact(profile: VoiceProfile, words: Iterable[str]) -> Fact | None:
    """The profile's first fact with one of these keywords ("kündigen", "verpackung"), or None."""
    wanted = set(words)
    return next((f for f in profile.brand.facts if wanted & set(f.keywords)), None)


# The person says the warranty has run out, or owns the thing longer than a warranty usually runs
WARRANTY_OVER = re.compile(
    r"\b(?:garantie|gewährleistung)\w{0,2} (?:ist |sind |war )?"
    r"(?:wohl |schon |leider |knapp |bestimmt |eh |vermutlich |wahrscheinlich |sicher )*"
    r"(?:vorbei|abgelaufen|rum|um|weg)\b|\bout of warranty\b|\bwarranty (?:has |is |'s )?(?:probably |already |just )?"
    r"(?:expired|over|run out|ran out|gone)\b|\bseit (?:gut |über |mehr als |knapp )?(?:drei|vier|fünf|3|4|5) jahren\b"
    r"|\bseit (?:gut |über |mehr als )(?:zwei|2) jahren\b|\bzwei jahren? und \w{3,6} monat\w{0,2}\b"
    r"|\b(?:over|more than) (?:two|three|2|3) years\b|\b(?:three|four|five|3|4|5) years? (?:old|now|ago)\b",
    re.IGNORECASE,
)
_WARRANTY_WORD = re.compile(r"garantie|warranty", re.IGNORECASE)
# A fact that speaks about health itself (a brand may say "unser Decaf ist ... für Schwangere geeignet")
_HEALTH_TOLD = re.compile(r"arzt|ärzt|doctor|gesund|health|schwanger|pregnan|krank|sick", re.IGNORECASE)
_STILL_COVERED = {"de": "ob die Garantie da noch greift", "en": "whether the warranty still covers it"}


def _situation_fact(request: GenerationRequest, situation: str) -> Fact | None:
    """The fact a complaint reply may state: replacement, warranty, returns (only when the message is about it)."""
    text = request.message.text
    if situation == "cutting_down":  # the profile's word on decaf, whatever it says
        return _keyed_fact(request.profile, {"decaf", "entkoffeiniert"})
    if situation in ("cancel_subscription", "cancel_subscription_stuck"):  # the profile's way to cancel, beside the
        # offer to pass it on
        return _keyed_fact(request.profile, CANCEL_KEYWORDS)
    if situation.startswith("weathered"):  # how to keep beans, beside "I can't tell from here"
        kept = {"lagern", "aufbewahren", "kühlschrank", "fridge"}  # words of keeping beans, never a shop's "store"
        return _keyed_fact(request.profile, kept)
    # what the bag is made of and where it goes, if the profile says
    if situation in ("packaging_criticism", "plastic_criticism"):
        return _keyed_fact(request.profile, _PACKAGING_KEYS)
    if situation == "shipping_cost":  # "mit Versand zu teuer": the profile's way without postage, if it has one
        return _keyed_fact(request.profile, {"abholen", "pick up"})
    if situation == "shipping_time":  # "2-3 werktage versand, bin ich 2009 gelandet": how we ship, said plainly
        return _keyed_fact(request.profile, {"versand", "shipping"})
    if situation == "taste_criticism":
        other = _other_taste(text, request.profile, str(request.analysis.language or "de"))
        if other is not None and not METHODS.search(text):
            return other  # "viel zu mild, da fehlt mir was": the stronger one of ours, named
        found = relevant_facts(text, request.analysis.model_copy(update={"intent": "other"}), request.profile, 3)
        tips = [f for f in found if not f.intents]  # "sauer seit der letzten Lieferung": the grind, not the shipping
        tips = [f for f in tips if not _other_method(text, f)]  # "Espresso ... sour": no French press recipe
        # "geschmeckt wie ein verbrannter Autoreifen. Aber Hauptsache, die Verpackung ist hip": the taste, never
        # where the bag goes
        tips = [f for f in tips if not {fold(k) for k in f.keywords} & _PACKAGING_KEYS]
        if tips and _other_method(request.message.post or "", tips[0]):
            return None  # "french press grind and 12h in the fridge" under a cold brew post: no French press recipe
        return tips[0] if tips else None
    no_case = not (_DAMAGE.search(text) or request.analysis.escalation)  # no order's case for a team
    if situation in ("service_complaint", "service_complaint_dm") and no_case:
        return _named_around(request)  # "9 Tage keine Antwort wegen eines Workshops": the workshop fact, said now
    if situation.startswith("service_complaint") and _DAMAGE.search(text):
        situation = "damaged_item"
    if situation in ("delivery_problem", "arrived_late"):  # "5 Tage zu spät ... da wäre ein Gutschein angebracht":
        return _compensation_refused(text, request.profile)  # the demand answered with the policy's honest no
    if situation in ("criticism", "other_negative", "rumour"):  # "den Laden gibt es nicht mehr": a fact named
        named = relevant_facts(text, request.analysis.model_copy(update={"intent": "other"}), request.profile, 2)
        # "viel Plastik in der Lieferung": the parcel holds what is criticised; shipping times answer only slowness
        named = [f for f in named if not _for_all(f) or _SLOW_SAID.search(text)][:1]
        calm = request.analysis.escalation is None and not (_DAMAGE.search(text) or _broken(text))
        # "2-3 werktage versand ... wow 🙃": with no case for a team, the shipping fact the jab names may be said
        named = [f for f in named if (not f.intents or (calm and situation == "criticism")) and _named_clearly(f, text)]
        named = [f for f in named if not _unanswered_aspect(text, f)]  # resealing is no recycling question
        if _PRICE.search(fold(text)):  # "the workshop was not worth 59 euros": its dates answer no price complaint
            named = [f for f in named if _PRICE.search(fold(_fact_words(f)))]
        return named[0] if named else None
    beside = _DAMAGE.search(text) or _WRONG_CHARGE.search(text) or _BOOKED.search(text) or _CALLED_OFF.search(text)
    beside = beside or _STALE.search(fold(text))  # "arrived with a roast date 6 weeks ago ... money back?": our fault
    # soaked bags, a wrong charge, an order cancelled before it shipped ("storniert ... Geld noch nicht zurück"):
    if situation == "refund_request" and beside:
        return None  # the returns rule for unopened goods is beside the point
    if situation == "damaged_item" and _STALE.search(text) and not (_DAMAGE.search(text) or _WRONG_SENT.search(text)):
        return None  # "a roast date from 3 weeks ago": old beans are no damage the replacement rule promises to replace
    if situation == "order_via_message":  # the fact about ordering itself before the ones that also fit
        own = [f for f in request.profile.brand.facts if "order_via_message" in f.intents]
        return min(own, key=lambda f: len(f.intents)) if own else None
    wanted = {
        "damaged_item": ("damaged_or_wrong_item",),
        "wrong_item": ("damaged_or_wrong_item",),
        "defect": ("defect",),
        "refund_request": ("refund_request",),
        "return_request": ("refund_request",),
        "return_opened": ("refund_request",),
        "order_via_message": ("order_via_message",),
    }.get(situation)
    if not wanted:
        return None
    analysis = request.analysis.model_copy(update={"intent": wanted[0], "secondary_intents": []})
    if situation == "refund_request" and _SENT_BACK.search(text):
        return None  # "vor drei Wochen zurückgeschickt": the return window is no answer any more
    facts = [f for f in relevant_facts(text, analysis, request.profile, 3) if wanted[0] in f.intents]
    named = [f for f in facts if any(len(k) >= 5 and k in fold(text) for k in fact_words(f))]  # compounds too
    best = named or facts  # the grinder's warranty for a grinder, before the general replacement
    if situation == "defect":  # "eure tüten reißen beim aufmachen ein": no grinder, so no grinder's warranty
        best = named
    if WARRANTY_OVER.search(text):  # "seit gut zwei Jahren und drei Monaten ... Garantie ist wohl knapp vorbei":
        best = [f for f in best if not _WARRANTY_WORD.search(_fact_words(f))]  # no cover implied that has run out
    # the fact most specific to the situation: a defect in use is the warranty's, not the delivery-damage one's
    return min(best, key=lambda f: len(f.intents)) if best else None


def _without_order_cancelled(text: str) -> str:
    """The text with an order's "cancelled" taken out ("my order got cancelled??"): it names no subscription fact."""
    return re.sub(r"\b(?:cancel\w*|storn\w*)", " ", text, flags=re.IGNORECASE) if order_cancelled(text) else text


def _named_around(request: GenerationRequest, *, loose: bool = False) -> Fact | None:
    """A fact the message names clearly around questions no fact answers ("the shop in the Oranienstraße" before
    "are you open on Saturday?"): said first, so no one walks to a shop that is gone. `loose`: a bare "Any
    advice?" lets the fact's synonyms name it too ("shots ... sour")."""
    text = _without_order_cancelled(request.message.text)
    analysis = request.analysis.model_copy(update={"intent": "other", "secondary_intents": []})
    facts = relevant_facts(text, analysis, request.profile, 4)
    named = [f for f in facts if not f.intents and _named_clearly(f, text, loose=loose)]
    return next((f for f in named if not _in_other_sense(text, f) and not _other_method(text, f)), None)


# A bare ask for advice after a description: "Any advice?", "Tipps?", "Hilfe?"
_ADVICE_ASKED = re.compile(
    r"^\W*(?:any (?:advice|tips|ideas)|advice|tips?|tipps?|hilfe|help|ideen|ideas|was tun|what now)\W*$", re.IGNORECASE
)


def _named_clearly(fact: Fact, text: str, *, loose: bool = False) -> bool:
    """Two of the fact's keywords, or one long one, name it ("Läden wie ihr" names no shop fact; "valve" and
    "bags" name the packaging one)."""
    folded = fold(text)
    words = [*fact.keywords, *(fact_words(fact) if loose else ())]  # "büro" and "buero": two spellings, two hits
    hits = {k for k in words if has_phrase(folded, fold(k), whole=False)}
    return len(hits) >= 2 or any(len(k) >= 7 for k in hits)


# "Ordered on Tuesday and still nothing?? Is this normal": the usual delivery time answers it.
_NORMAL = re.compile(
    r"\b(?:is (?:this|that|it) normal|ist (?:das|es) normal|normal so"
    r"|how long does (?:it|shipping|delivery) (?:usually|normally)"
    r"|wie lange dauert (?:das|es|der versand) (?:normalerweise|sonst|denn so)"
    r"|dauert das (?:immer|normalerweise) so)\b",
    re.IGNORECASE,
)


_STRIKE_ASKED = re.compile(
    r"\b(?:order\w{0,3}|bestell\w{0,3}|arriv\w{0,3}|turn up|ankomm\w{0,3}|kommt|kommen|liefer\w{0,3}|deliver\w{0,3}"
    r"|ship\w{0,3}|versand|versendet|worth|lohnt|dauert|take)\b",
    re.IGNORECASE,
)
STRIKE = re.compile(r"\b(?:\w{0,12}streik\w{0,4}|strik(?:e|es|ing))\b", re.IGNORECASE)
# When one's own parcel will be there: "kommt mein paket noch diese woche?", "will it arrive before the weekend?".
_ARRIVES = re.compile(
    # "ist der Kaffee dann vor dem Feiertag am Mittwoch da?"
    r"\b(?:kommt|kommen|ankomm\w{0,3}|da sein|da ist|arriv\w{0,3}|get here|be here|make it|reach (?:me|us))\b"
    r"|^\W{0,3}(?:ist|sind|wäre|wären)\b[^.!?]{0,60}\bda\W{0,3}$",
    re.IGNORECASE,
)
_BY_WHEN = re.compile(
    r"\b(?:noch|bis|vor|rechtzeitig|pünktlich|morgen|diese woche|nächste woche|wochenende|before|by|in time"
    r"|tomorrow|this week|next week|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|trotzdem|überhaupt|still|anyway|at all)\b",
    re.IGNORECASE,
)


def _arrival_asked(request: GenerationRequest) -> bool:
    """The person asks whether their own order will be there in time (the usual time answers it, never a date)."""
    if _HYPOTHETICAL.search(request.message.text):
        return False  # "Wenn ich heute bestelle, ist das bis Samstag da?": nothing is ordered yet
    return any(_ARRIVES.search(q) and _BY_WHEN.search(q) for q in _asked_texts(request))


def _paying_asked(request: GenerationRequest, situation: str) -> list[Fact]:
    """An order by message that also asks how to pay ("2x kiezmischung bestellen und per paypal zahlen?"): the ways
    to pay, beside the shop."""
    if situation != "order_via_message" or not _PAY_METHOD.search(request.message.text):
        return []
    return [fact] if (fact := _intent_fact(request.profile, "billing")) else []


def _side_facts(request: GenerationRequest, situation: str) -> list[Fact]:
    """A case for a team that also asks something a plain fact answers ("cancel my subscription ... charged?").

    Only facts the message names twice (two of their keywords), never the after-sales facts of the case itself.
    """
    folded = fold(request.message.text)
    if "?" not in folded or situation in ("cancel_subscription_help", "invoice_fix"):
        return []  # nothing asked, the account someone cannot use, or an invoice for the company: the case alone
    usual_asked = _NORMAL.search(request.message.text) or (situation == "order_status" and _arrival_asked(request))
    if situation in ("order_status", "delivery_problem") and usual_asked:  # the usual time, of the place it went to
        text = request.message.text  # "ordered to salzburg ... is this normal??": Austria's time, never Germany's
        usual = (
            _intent_fact(request.profile, "order_status") if _home_place(text) else _place_fact(text, request.profile)
        )
        return [usual] if usual else []
    own = _situation_fact(request, situation)
    if _DONE_ALREADY.search(request.message.text) or _STALE.search(folded):
        # "I paused it ... but you charged me": no "you can pause" beside the case; "'fresh' coffee with a roast date
        # 6 weeks ago ... Super fresh 👏": no "4 weeks once opened" to someone whose beans came old
        return []
    if situation in ("defect", "damaged_item", "wrong_item"):  # "Stufe 25 ... French Press ... bitter. Defekt?":
        folded = fold(" ".join(split_questions(request.message.text)))  # the story is the defect, not a question
    folded = _without_order_cancelled(folded)
    found = []
    for fact in request.profile.brand.facts:
        at = {m.start() for k in fact.keywords for m in re.finditer(rf"(?<!\w){re.escape(fold(k))}", folded)}
        if len(at) >= 2 and not fact.intents and fact != own:  # two places in the message, not "müll"/"muell"
            found.append(fact)
    return found[:1]


# Replies to a fan (and a team's case, see _open_answers): their other questions get their facts, but no "we'll
# check" that would treat a fan's aside or a rhetorical question as a case. (Rants, service complaints and the
# replies that deflect get no open answers at all.)
_FACTS_ONLY = frozenset({"praise", "tagged"})
# Replies that already say they will ask the team ("whether we're hiring", "a collab"): a second "I'll check" for the
# same question says it twice.
_OWN_DEFERRAL = frozenset({"job_application", "collaboration", "collaboration_dm"})


_ANSWERED_ALREADY = frozenset(
    {"question", "defer", "order_via_message", "rumour", "voucher_problem", "joke", "offtopic_question", "donation"}
    | {"staff_private", "backlash"}
)


def _price_asked(question: str) -> bool:
    """A question about the price, or a bare "why" beside a price rise (the reply's own opening defers it)."""
    return bool(_PRICE.search(fold(question)) or re.fullmatch(r"\W*(?:why|warum|wieso|weshalb)\W*", question, re.I))


def _open_answers(answers: list[Answer], situation: str, side: list[Fact], *, team: bool) -> list[Answer]:
    """The questions that a situation's own reply leaves out, answered after its opening ("moved here ... a shop?")."""
    if situation in _ANSWERED_ALREADY or situation.startswith(("condolence", "service_")):
        return []  # these replies answer every question themselves, or its questions are the rant's rhetoric
    if situation == "price_rise":  # "Is the new harvest in yet?? and did your prices go up too?": asked, no rant
        return [a for a in answers if (a.said or a.indirect) and not _price_asked(a.question)]
    if situation == "price_rise_told":  # "... teurer geworden ... kann ich auf alle 4 wochen umstellen und liefert
        return [a for a in answers if a.said and not _PRICE.search(fold(a.question))]  # ihr nach österreich": facts
    if situation.startswith(
        ("criticism", "price_", "taste_", "shipping_cost", "shipping_time")
    ):  # a rant's questions are rhetoric,
        return [a for a in answers if a.fact is not None and a.fact.id.startswith("policy_")]  # but a discount: no
    if situation in ESCALATING:  # a case for a team: its questions describe the case ("kam ne Tüte wo DECAF
        policy = [a for a in answers if a.fact is not None and a.fact.id.startswith("policy_")]  # ..."), a voucher
        return policy + [a for a in answers if a.fact is None and a.indirect and _OWN_REQUEST.match(a.question)]
    said = {f.id for f in side}
    kept = [a for a in answers if not (a.fact is not None and a.fact.id in said)]
    if situation == "job_application":  # "summer help at the roastery? I worked as a barista": no workshop dates
        kept = [a for a in kept if a.fact is None]
    if team or situation in _FACTS_ONLY or situation in _OWN_DEFERRAL:
        # "thanks, the tip fixed it!! ... does the warranty still work for her?": a question half answered keeps
        # its open half beside the fact in praise too
        half = {a.question for a in kept if a.said} if situation in _FACTS_ONLY and not team else set()
        kept = [a for a in kept if a.said or (a.question in half and a.about)]
    if situation == "stock_question":  # "when is it back?" is the reply's own subject, and its reply defers already
        kept = [a for a in kept if a.said and not (_STOCK.search(a.question) or _WHEN_BACK.search(a.question))]
    return kept


_WHEN_BACK = re.compile(
    r"\b(?:wann|when|wieder|back|again|available|verfügbar|lieferbar|vorrätig|auf lager|in stock|nochmal|noch mal"
    r"|zurück|restock\w{0,3}|kommt (?:die|der|das|sie|er|es)\b)\b",
    re.IGNORECASE,
)


_FOND = re.compile(r"\b(?:liebe|lieb|love|loving|obsessed|süchtig|hooked|best|beste\w?|mega|toll)\b", re.IGNORECASE)
_REWATCHED = re.compile(
    r"\b(\d{1,3})\s?(?:mal|x|times)\s(?:\w+\s){0,2}?(?:geschaut|geguckt|angeschaut|angesehen|gesehen|watched|rewatched"
    r"|seen|replayed|abgespielt)\b"
    r"|\b(?:watched|rewatched|seen|replayed)\s(?:\w+\s){0,3}?(\d{1,3})\s?(?:times|x)\b",
    re.IGNORECASE,
)


def _rewatched(text: str) -> str:
    """ "ich hab das jetzt 14 mal geschaut" -> "14" (a fan's count to say back); else ""."""
    match = _REWATCHED.search(text)
    count = (match.group(1) or match.group(2)) if match else ""
    return count if count and int(count) > 1 else ""


def _wish(text: str, language: str) -> str:
    """ "Frohe Ostern!" -> "frohe Ostern" (to wish back); else ""."""
    match = re.search(
        r"\b(frohe|frohes|schöne|fröhliche|gesegnete|happy|merry)\s+((?:new|neue[sn]?)\s+(?:year|jahr)|\w+)",
        text,
        re.IGNORECASE,
    )  # "Happy New Year" is two words wished back, never "happy New"
    if not match:
        return ""
    noun = " ".join(w[:1].upper() + w[1:] for w in match.group(2).split())
    return f"{match.group(1).lower()} {noun}"


def _home(text: str) -> str:
    match = re.search(r"\b(?:grüße aus|greetings from)\s+([A-ZÄÖÜ][\wäöüß-]+)", text, re.IGNORECASE)
    return match.group(1) if match and match.group(1)[:1].isupper() else ""


def _friend(text: str, language: str) -> str:
    """ "mein kumpel hat nie was bekommen" -> "Dein Kumpel" (whose order it is); else ""."""
    match = _FRIEND.search(text)
    if not match:
        return ""
    word = (match.group(1) or match.group(2) or "").lower()
    if language != "de":
        return f"Your {word if match.group(2) else 'friend'}"
    if not match.group(1):
        return "Dein Freund"
    return f"{'Deine' if word in _FEMININE else 'Dein'} {word.capitalize()}"


# A question put before and never answered, said again: "hab gestern schon gefragt, ob ihr nach Luxemburg liefert"
_ASKED_BEFORE = re.compile(
    r"\b(?:(?:schon|bereits|gestern|letzte woche|vor \w{1,10} tagen)(?: \w{1,12})? gefragt|i (?:already )?asked"
    r"(?: you)?(?: \w{1,12}){0,2}?)\W{0,3}(?:ob|wann|wie|wo|whether|if|when|how|where)\b",
    re.IGNORECASE,
)
_UNANSWERED = re.compile(
    r"\b(?:keiner|niemand) (?:antwortet|hat geantwortet|meldet sich|reagiert)|keine antwort|(?:nobody|no one|noone)"
    r" (?:has )?(?:answered|replied|responded|got back)|no (?:answer|reply|response)\b",
    re.IGNORECASE,
)


def _asked_unanswered(request: GenerationRequest) -> bool:
    """A question asked before and left unanswered, put again: it gets its answer (and a sorry for the wait)."""
    text = request.message.text
    return bool(_ASKED_BEFORE.search(text) and _UNANSWERED.search(text) and _real_questions(request))


def _uncertain_situation(request: GenerationRequest, intent: str, late: bool) -> str:
    """A reading of low confidence: only strong cues decide; else a short, neutral reply."""
    text = request.message.text
    if _MONEY_RANT.search(text) or (
        _PRICE.search(fold(text)) and _MOCKERY.search(text) and not ACCUSATION.search(text)
    ):
        return "price_criticism"  # "imagine paying for craft coffee": a dig at the price
    if _PRICE.search(fold(text)) and _PRICE_ASKED.search(text):
        return "price_criticism"  # "Ehrliche Frage: warum ist euer Kaffee doppelt so teuer ...?": the price, asked
    if intent == "service_complaint" and _YOU.search(text):
        return "service_general"  # "Ich rufe seit Tagen bei euch an ...": sorry, and ask what it is about
    if occasion(text) == "sick" and intent in ("praise", "other") and not request.analysis.questions:
        return "unwell"  # "Down with the flu again, tea instead of coffee 🤧 I miss my Kiezmischung!": get well soon
    if _harmless_meme(text) and not _NEGATIVE_CUES.search(text):
        return "joke"  # an unsure reading of a coffee meme ("me telling myself the 4th espresso is 'for the taste' 💀")
    if intent == "troll" and _PRICE.search(fold(text)):
        return "price_criticism"  # "said 'fresh beans' right after a price hike 💀": the price, answered calmly
    if intent == "troll" or (_MOCKERY.search(text) and len(text) <= 120 and _YOU.search(text)):
        return "troll"
    if late:
        return "delivery_problem"
    if ACCUSATION.search(text) and _YOU.search(text):
        return "accusation"
    if _STOCK.search(text):
        return "stock_question"
    if _JOB.search(text) and not (_OWN_JOB.search(text) and _asks_a_fact(request)):
        return "job_application"
    ironic = bool(request.analysis.sarcasm)  # "love paying more for the exact same beans 🙂": no thank-you
    if _PRICE.search(fold(text)) and (
        _NEGATIVE_CUES.search(text) or "?!" in text or "frechheit" in fold(text) or ironic
    ):
        return "price_criticism"
    if _TASTE.search(fold(text)) and _NEGATIVE_CUES.search(text) and not _real_questions(request):
        return "taste_criticism"  # "tastes like straight lemon juice. 'low acidity' my ass 💀"
    if _wishes_delivery(text):
        return "question"  # "please ship to ireland!!": where we deliver, asked
    asked = _real_questions(request)
    if (_home(text) or _wish(text, "de")) and not _NEGATIVE_CUES.search(text) and not asked:
        return "greeting"  # "Grüße aus Hamburg!": greet back, never "what do you mean?"
    if asked and UNSURE.search(text):
        return "question"  # "… geschenkt und jetzt weiß ich nicht welche Stufe ich nehmen soll": help, not thanks
    fond = request.analysis.sentiment != "negative"  # "nur supermarktkaffee in ner hübschen tüte 😂": no thank-you
    if (
        _PRAISE.search(_courtesies_cut(text))
        and fond
        and not (_NEGATIVE_CUES.search(text) or _SARCASM.search(text) or ironic)
    ):
        return "praise"  # "Euer Espresso ist der beste!", "Honestly the best beans in Berlin. Office deliveries?"
    if intent == "criticism" and not fond and not asked:
        return "criticism"  # "the workshop was not worth 59 euros": unsure, but negative and critical, never the ad
    if asked or (_fact_id(text, request) and _ASKING.search(text)):
        return "question"  # a fact, or an honest "I'll ask the team": neither is a guess
    if _CONTENT.search(text) and fond and not _NEGATIVE_CUES.search(text) and (_OURS.search(text) or _YOU.search(text)):
        return "praise"  # "ich sag, ich hab ein Abo 😌": a fond joke about us gets a light thank-you
    return "uncertain"


# A critic's "why": "warum habt ihr in jedem video den gleichen sound, wird langsam cringe" asks for no fact
_WHY = re.compile(r"\W*(?:und |and |aber |but )?(?:warum|wieso|weshalb|why)\b", re.IGNORECASE)


def _asked_texts(request: GenerationRequest) -> list[str]:
    """The texts of the message's real questions."""
    return [str(getattr(q, "text", "")) for q in _real_questions(request)]


def _real_questions(request: GenerationRequest) -> list[Any]:
    """The analysis's questions without rhetorical ones ("16 Euro für ein Pfund?!", "Ist das euer Service?")."""
    asked = _get(request.analysis, "questions", None)
    if asked is None:
        asked = [_Asked(q, None) for q in split_questions(request.message.text)]
    asked = [*asked, *_policy_requests(request, asked)]
    return [q for q in asked if not _RHETORICAL.search(str(getattr(q, "text", "")))]


def _policy_requests(request: GenerationRequest, asked: list[Any]) -> list[Any]:
    """A wish the policy answers, asked without a question mark: "also student discount pls 🥺"."""
    said = " ".join(str(getattr(q, "text", "")) for q in asked)
    clauses = re.split(r"[.!?\n]+", request.message.text[:MAX_SCANNED])
    wished = [c.strip() for c in clauses if _PLEADED.search(c) and c.strip() not in said]
    return [_Asked(c, None) for c in wished if policy_answer(c, request.profile) is not None]


_PLEADED = re.compile(r"\b(?:pls|plz|please|bitte|biddeee?)\b|🥺|🙏", re.IGNORECASE)
MAX_SCANNED = 2000  # characters of a message read for a wish without a question mark


_RHETORICAL = re.compile(
    r"\?!|!\?|ist das euer|is this your|geht's noch|seriously\?|ernsthaft\?"
    # "Wie geht es jetzt weiter?" after a broken grinder: the team's next step answers it, no fact is missing
    r"|\bwie geht(?:'s| es) (?:jetzt |nun |dann )?weiter\b|\bwas (?:nun|jetzt)\W*$|\bwhat now\b"
    # "Was ist da los?" under a stuck parcel: the complaint itself, which the team's ask answers
    r"|\bwas ist (?:(?:da|denn|hier|jetzt|bei euch) )*los\b|\bwhat(?:'s| is) (?:going on|up with (?:that|this|it))\b"
    r"|\bwhat happened\W*$"
    r"|\bwhat (?:do|should|can) i do now\b|\bwhat happens now\b|\bwas (?:kann|soll) ich (?:jetzt|nun) (?:tun|machen)\b"
    r"|\bwas (?:hat|haben|soll|sollen)\b[^?]{0,30}\bbitte\b|\bwhat does\b[^?]{0,30}\beven\b"
    r"|^\W*(?:wer noch|who else|anyone else|jemand noch|geht'?s nur mir so)\b"  # a roll call to the crowd, not to us
    # "Wisst ihr eigentlich, was ihr den Leuten da antut???": an accusation put as a question
    r"|\b(?:wisst ihr|weißt du) (?:eigentlich|überhaupt)\b"
    # "Habt ihr eigentlich ein Gewissen?", never "Habt ihr eigentlich sowas wie einen Adventskalender?"
    r"|\b(?:habt ihr|hast du) (?:eigentlich|überhaupt)\b[^?]{0,30}\b(?:ahnung|gewissen|verstanden|kapiert|gemerkt"
    r"|nachgedacht|mitbekommen|anstand|respekt)\b"
    r"|\b(?:do|did) you (?:even|actually|ever) (?:know|realise|realize|care)\b|\?{3,}"
    # "ist die jetzt hin??": whether it is broken is the defect itself, for after-sales, not a fact to look up
    r"|\b(?:ist|sind) (?:die|der|das|sie|er|es) (?:jetzt |nun |etwa )?(?:hin|kaputt|durch|im eimer)\b"
    r"|\bis it (?:dead|broken|done for)\b",
    re.IGNORECASE,
)
