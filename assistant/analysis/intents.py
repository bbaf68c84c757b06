"""Intent, sentiment, urgency and injection cues: weighted patterns over folded text."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis.injection import injection_suspected as injection_suspected  # re-exported
from assistant.analysis.injection import readings as readings  # re-exported for the guard
from assistant.text import fold, fold_pattern

# Each intent: (pattern, weight). Patterns are lowercase; umlauts are folded on compile.
# A wait of one's own told, however sarcastic: "love waiting a week for coffee 🙃", "waiting 9 days for '2-3 working
# days' shipping", "9 Tage gewartet" (folded; a wait for an answer is the service's)
WAITED = (
    r"\b(?:waiting|waited|gewartet)\b (?:\w{1,8} ){0,2}(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn)(?: whole| full| ganze)? (?:days?|weeks?|tage?n?|wochen?)\b"
    r"(?!.{0,30}\b(?:answer|reply|response|antwort|ruckmeldung))"
    r"|\b(?:\d{1,2}|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:tage?n?|wochen?|days?|weeks?) (?:lang |of )?(?:gewartet|waiting)\b"
    r"(?!.{0,30}\b(?:answer|reply|response|antwort|ruckmeldung))"
)
# A parcel of one's own that came late, told against the promise (folded): "your '2-3 working days' became 8 days",
# "the gift showed up after the party"
LATE_TOLD = (
    r"\b(?:turned into|became|wurden) (?:\w{1,12} ){0,2}\d{1,2} (?:days|tage)\b"
    r"|\b(?:arrived|came|showed up|got here|kam|ankam|angekommen)\b[^.!?]{0,30}\b(?:after|nach) (?:the|her|his|my"
    r"|der|dem|ihrem|seinem|meinem) (?:\w{1,15} )?(?:party|birthday|geburtstag|feier|wedding|hochzeit)\b"
)
# Damage or a wrong item told with a wink (folded): "ordering 'whole beans' and receiving finely ground powder";
# "left my coffee in a puddle", "the valve ... let the aroma out through a hole in the side"
ORDERED_OTHER = r"\border(?:ed|ing)\b[^.!?]{0,40}\band (?:receiv\w{0,3}|gett?ing|got)\b"
WINKED_DAMAGE = (
    r"\bthrough a (?:hole|tear|rip) in the (?:side|bag|bottom)\b|\bein (?:loch|riss) (?:in der|an der) (?:seite|tute)\b"
)
# A parcel left out in the wet (folded): "shoutout to DHL for leaving my coffee in a puddle", the courier's doing
LEFT_IN_RAIN = (
    r"\b(?:left|leaving|dropped) (?:my |the |our )?(?:coffee|parcel|package|box|order) in (?:a |the )?(?:puddle|rain)\b"
)
INTENT_CUES: dict[str, list[tuple[str, float]]] = {
    "spam": [
        (r"https?://|www\.|\b[\w-]{1,63}\.(?:com|net|xyz|io|ly|link|shop)\b", 2.0),
        (r"link in (?:meiner |my |der )?bio", 3.0),
        (
            r"verdien\w{0,20} (?:\w{1,20} ){0,3}(?:nebenbei|von zu ?hause|online|im monat|pro (?:tag|woche|monat)|am tag)|\bearn\w{0,20} (?:\w{1,20} ){0,3}(?:from home|online|per|a day|a week)|passives? einkommen|geld verdienen|nebenverdienst",
            1.5,
        ),
        (r"\d{1,12}\s?(?:€|euro|\$|dollar)\s?(?:am|pro|per|a|/)\s?(?:tag|day|woche|week)", 3.0),
        (r"krypto|crypto|bitcoin|forex|trading\b|onlyfans|free followers|gratis follower", 2.5),
        (r"check (?:out )?my (?:profile|page|bio)|schau (?:mal )?(?:auf )?mein profil|follow back", 3.0),
        (r"dm (?:me|mir) fur|whatsapp \+|telegram", 2.0),
        # a romance scam: "I saw your profile and I want to know you better. Please accept my friend request"
        (
            r"accept my friend request|nimm (?:meine )?freundschaftsanfrage an|want to know you better|dich (?:gern |gerne )?"
            r"(?:besser|naher) kennenlernen|(?:soldier|captain|general|officer|doctor) (?:\w{1,15} ){0,4}on a (?:peace ?keeping )?"
            r"mission",
            3.0,
        ),
        (
            r"gewinnspiel gewonnen|you (?:have )?won|du hast gewonnen|du hast\b[^.!?]{0,40}\bgewonnen\b[^.!?]{0,60}"
            r"(?:bestatig|klick|hier|link)|bestatige\w{0,2} (?:jetzt )?deinen gewinn|claim your (?:prize|reward|gift)",
            3.0,
        ),
        (r"to be featured|get featured|send (?:it|this) to @|promo_?page|dm (?:us|me) to collab", 3.0),
        # phishing: "Your page has been reported for copyright infringement ... verify your account here"
        (
            r"verify your (?:account|page|identity)|copyright (?:violation|infringement|strike)|urheberrechtsverletzung"
            r"|(?:page|account|seite|konto) (?:will be|has been|wird) (?:\w{1,15} ){0,2}(?:disabled|deleted|suspended"
            r"|gesperrt|geloscht|deaktiviert)|meta (?:business )?support"
            # "Ihr Facebook-Konto verstößt gegen unsere Richtlinien und wird in 24 Stunden gesperrt"
            r"|verstosst gegen (?:unsere |die )?(?:richtlinien|nutzungsbedingungen|gemeinschaftsstandards)"
            r"|violat\w{0,5} (?:our |the )?(?:community )?(?:guidelines|standards|policies|terms)"
            r"|bestatigen sie ihre identitat|bestatige deine identitat|in \d{1,3} (?:stunden|hours) (?:gesperrt|geloscht"
            r"|deaktiviert|disabled|deleted|suspended)",
            3.5,
        ),
        # "Hello dear, I am Sophia from Finland, I want to make friends with you, please check my message request"
        (r"make friends with (?:you|u)|check my (?:message|friend|dm) request|want to be (?:your )?friends?", 3.0),
    ],
    "refund_request": [
        (
            r"(?:geld|kohle|knete|betrag) (?:zuruck|wieder)|wo bleibt (?:mein|meine) (?:geld|kohle|erstattung)|mein geld|money back|my money",
            3.0,
        ),
        (r"zuruckgeschickt|zuruckgesendet|sent (?:it |them )?back|returned (?:it|them|the)", 2.0),
        # "sunday's cupping class is cancelled, one day before ... now what?": a booking we called off, paid for
        (
            r"\b(?:workshop|class|kurs|cupping|termin)\w{0,3}\b.{0,30}\b(?:is |was |got |wurde |ist )?(?:cancell?ed"
            r"|abgesagt|ausgefallen|fallt aus)\b",
            3.0,
        ),
        # never a tax refund ("tax refund came in and I spent it all on beans", "Steuerrückerstattung")
        (r"(?<!steuer)\b(?:zu)?(?:ruck)?erstatt\w{0,20}|(?<!tax )refund\w{0,20}|gutschrift", 2.5),
        # "I'd like the shipping fee back", "die Versandkosten hätte ich gern zurück"
        (r"\b(?:fee|costs?|surcharge) back\b|(?:versandkosten|gebuhr|aufpreis)\b.{0,30}\bzuruck", 3.0),
        (r"storn\w{0,20}|widerruf\w{0,20}|cancel (?:my|the) order", 2.0),
        (r"zuruck ?(?:schicken|senden|geben)|retoure|send (?:it )?back|return (?:it|this|them|my)", 1.5),
    ],
    "damaged_or_wrong_item": [
        (r"kaputt angekommen|beschadigt|zerbrochen|aufgerissen|ausgelaufen|damaged|arrived broken", 3.0),
        (f"{ORDERED_OTHER}|{WINKED_DAMAGE}", 3.0),
        # "my 'freshly roasted' beans arrived with a roast date from 3 weeks ago": old goods delivered
        (
            r"\b(?:arrived|came|kam|kamen|angekommen|geliefert)\b[^.!?]{0,40}\b(?:roast date|rostdatum)\b[^.!?]{0,30}"
            r"\b(?:\d{1,2}|two|three|four|five|six|zwei|drei|vier|funf|sechs) (?:weeks?|wochen|months?|monate\w?)\b",
            3.0,
        ),
        # "wegen dem aufgeweichten Paket", "box arrived soaked": a parcel spoilt by rain is damage
        (
            r"(?:aufgeweicht|durchgeweicht|durchnasst)\w{0,3} (?:paket|karton|tute|packchen)|(?:box|parcel|package) (?:arrived |was )?(?:soaked|soggy)",
            3.0,
        ),
        (
            r"\b(?:kam|kamen|ist|war|waren|sind)\b.{0,25}\bkaputt\b|kaputt (?:an|geliefert)|arrived (?:damaged|broken|smashed)",
            3.0,
        ),
        (r"falsch\w{0,20} (?:sorte|kaffee|artikel|produkt|bohnen|paket|lieferung|ware|muhle|mahlgrad)", 3.0),
        (r"wrong (?:item|coffee|product|beans|order|bag|grind)|\bgot\b.{0,40}\binstead\b", 3.0),
        # "meine Mühle kam ohne Bedienungsanleitung", "the grinder came without the crank": a part is missing
        (
            r"\b(?:kam|kamen|came|arrived)\b.{0,15}\b(?:ohne|without)\b.{0,12}\b(?:bedienungsanleitung|anleitung|kurbel"
            r"|deckel|manual|instructions|crank|handle|lid)\b",
            3.0,
        ),
        # "I ordered Espresso Kreuzberg ... and you sent me Kiezmischung instead"
        (r"\b(?:sent|shipped|delivered) (?:me|us)\b.{0,40}\binstead\b(?! of)", 3.0),
        (
            # "you sent espresso instead of the house blend", never "tea instead of coffee for a week" (flu)
            r"\b(?:sent|received|came|arrived|delivered|shipped|packed|was in|were in|inside|box|parcel|package"
            r"|order)\b.{0,40}\binstead of (?:the |my |a )?(?:\w{1,30} ){0,2}"
            r"(?:coffee|beans|espresso|blend|grinder|order|bag|kiezmischung)",
            3.0,
        ),
        (r"ripped|torn open|leaking|smashed|crushed", 2.5),
        (
            # "X bestellt, Y bekommen" is a wrong item; "bestellt und bis heute nichts bekommen" is a parcel missing
            r"bestellt\b(?:(?!\b(?:nichts?|nie|nix|not|never|nothing)\b).){0,50}\b(?:bekommen|erhalten|geliefert|kam"
            r"|gekommen)|ordered\b(?:(?!\b(?:not|never|nothing)\b).){0,50}\b(?:got|received|came)",
            3.0,
        ),
        (r"nur (?:eine?r?|1) (?:war|kam|lag)|only (?:one|1) (?:was|came)", 3.0),
        (r"\bgesprungen\w{0,20}|\bgebrochen\w{0,20}|angeknackst|zersplittert|cracked|shattered|dented|verbeult", 3.0),
        (r"in scherben|\bscherben\b|zerdruckt|zerquetscht", 3.0),
        # "das Gehäuse hat einen Riss", "the box has a crack in it": arrived damaged
        (r"\b(?:hat|haben|has|have|mit)\b.{0,15}\b(?:einen|nen|ein|a)\s(?:riss|sprung|crack|delle|dent)\b", 3.0),
        (r"\b(?:an)?statt\b(?! zu\b).{0,60}\b(?:war|kam|ist|lag|drin|geliefert|bekommen)", 2.5),
        (r"\bfehlt\b|fehlte|nicht (?:dabei|drin)|is missing|was missing", 2.0),
        # "a completely empty box", "das Paket war leer"
        (
            r"\bempty (?:box|parcel|package)|(?:box|parcel|package) was (?:completely |totally )?empty"
            r"|\bleere[rsn]? (?:paket|karton|box|packchen)|(?:paket|karton|box|packchen) war (?:komplett |ganz )?leer\b",
            3.0,
        ),
    ],
    "defect": [
        (r"defekt\w{0,20}|defective|funktioniert nicht|geht nicht mehr|stopped working|doesn.?t work", 2.5),
        (r"defekt\w{0,3} (?:hand)?(?:muhle|grinder|kurbel|mahlwerk)|(?:broken|defective) (?:hand )?grinder", 3.0),
        (
            r"(?:muhle|grinder|kurbel|crank|mahlwerk|griff|handle)\b.{0,40}(?:kaputt|abgebrochen|abgefallen|broke|snapped"
            r"|came off|fell off|came loose|comes loose|wobbl\w{0,3}|klemmt|quietscht|wackelt|locker)",
            3.0,
        ),
        (
            r"(?:kaputt\w{0,3}|abgebrochen\w{0,3}|broke|broken|klemmt)\b.{0,40}(?:muhle|grinder|kurbel|mahlwerk|griff)",
            3.0,
        ),
        # "die kurbel dreht einfach durch, mahlt null", "the handle just spins and it won't grind"
        (
            r"dreht (?:\w{1,12} ){0,3}durch|mahlt (?:null|nix|nichts|gar nicht|nicht mehr)|(?:won.?t|doesn.?t|does not) grind"
            r"|kommt (?:nix|nichts|kein pulver) mehr raus",
            3.0,
        ),
        (r"garantie|warranty|reparatur|repair", 1.5),
        # "das Ventil an der Tüte ist abgerissen", "the valve came off": the bag is faulty, after-sales
        (
            r"\bventil\b.{0,40}(?:abgerissen|eingerissen|kaputt|abgefallen|undicht)|\bvalve\b.{0,30}"
            r"(?:broke|broken|torn|ripped|came off|fell off|leak)",
            3.0,
        ),
        (  # "eure tüten reißen beim aufmachen immer komplett ein", "the zip on the bag tears": the bag is faulty
            r"\b(?:tute|tuten|beutel|verschluss|zipper|zip|bags?)\b.{0,30}\b(?:reiss\w{0,3}|reisst|eingerissen"
            r"|tear|tears|tearing|rips|ripping)\b",
            3.0,
        ),
        (  # "meine kaffeemühle macht so knack geräusche": a noise of our grinder
            r"(?:muhle|grinder|mahlwerk|kurbel)\b.{0,40}(?:gerausch\w{0,4}|knack\w{0,5}|klacker\w{0,4}|quietsch\w{0,4}"
            r"|schleif\w{0,4}|noise|squeak\w{0,3}|rattl\w{0,3}|click\w{0,3}|grinding sound)",
            3.0,
        ),
    ],
    "billing": [
        (
            r"doppelt (?:abgebucht|bezahlt|belastet|berechnet)|charged (?:\w{1,30} ){0,3}twice|double.?charged"
            r"|double (?:charge|payment|debit)|doppelte (?:abbuchung|zahlung|belastung)",
            3.0,
        ),
        # "why did you charge my card 3 times", "an incorrect charge", "dreimal abgebucht"
        (
            r"\bcharg\w{0,3} (?:\w{1,10} ){0,3}(?:three times|four times|\d ?times|\d ?x)\b"
            r"|\b(?:incorrect|wrong|duplicate|extra) (?:charge|payment|debit)\b"
            r"|\b(?:dreimal|zweimal|\d ?mal|\d ?x) (?:abgebucht|belastet|berechnet)\b|\bfalsche (?:abbuchung|belastung)\b",
            3.0,
        ),
        (r"abbuchung|abgebucht|lastschrift|rechnung|invoice|mahnung|overcharged|zu viel (?:bezahlt|berechnet)", 2.5),
        (r"paypal|kreditkarte|credit card|zahlung|payment|billing|bezahlung", 1.0),
    ],
    "delivery_problem": [
        (
            r"nichts? (?:angekommen|zugestellt|geliefert|da\b)|nie angekommen|never arrived|never (?:showed|turned) up|nothing (?:arrived|came)|not (?:arrived|delivered)|hasn.?t arrived",
            3.0,
        ),
        (
            r"says delivered|marked (?:as )?delivered|als zugestellt|zugestellt\b.{0,30}(?:aber|nicht)|nothing at (?:my|the) door",
            3.5,
        ),
        (r"nich angekommen|immer noch nicht|still not|noch immer nicht|(?:passiert|tut sich) (?:nichts|nix)", 2.0),
        # "my 'fresh roast' took 6 days to arrive", "hat 9 tage gebraucht bis es da war": it came, late
        (
            r"\btook (?:\d{1,2}|a|one|two|three|\w{3,6}) (?:\w{1,12} )?(?:days?|weeks?|ages|forever) to (?:arrive|come|get here|show up)\b"
            r"|\b(?:hat|brauchte|war) (?:\w{1,12} ){0,2}\d{1,2} tage (?:gebraucht|unterwegs)\b|"
            + LATE_TOLD
            + "|"
            + LEFT_IN_RAIN,
            3.0,
        ),
        (
            r"(?:nicht|nie) eingetroffen|bis heute (?:nicht|nichts) (?:da|gekommen|angekommen|geliefert|erhalten)"
            r"|not (?:yet )?received(?! (?:a |any )?(?:single )?(?:reply|answer|response))"
            r"|never (?:got|received) (?:it|them|my|the|anything)|nichts (?:erhalten|bekommen)\b",
            3.0,
        ),
        (r"filiale|packstation|zusteller|nachbarn?|paketshop|post office|courier|dhl|hermes|zustellung", 1.5),
        (r"zuruck an (?:den )?absender|returned to sender|falsche adresse|wrong address|verloren|lost", 2.5),
        # "DHL schreibt, das Paket sei beschädigt und gehe an den Absender zurück": the carrier's damage, no item's
        (
            r"an (?:den )?absender zuruck|(?:wird|werde|wurde) neu verpackt|being repackaged|sent back to (?:the )?sender",
            3.5,
        ),
        (r"keiner hat bescheid|ohne benachrichtigung|no notification", 2.0),
        # "Still waiting since 14 December", "ich warte immer noch auf mein Paket"
        (r"still waiting|waiting since|warte\w{0,2} (?:immer )?noch auf (?:mein|die|das|unser)", 2.5),
        (WAITED, 3.0),
        # "wow 3 wochen auf meine bestellung warten", "6 tage für ein paket innerhalb berlins", "2-3 working weeks"
        (
            r"\b(?:\d{1,2}|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight|nine|ten)"
            r" (?:tage?n?|wochen?|werktage?n?|days?|weeks?|working weeks) (?:auf|fur|for) (?:ein|einen|mein|meine|meinen|das|die"
            r"|den|eine|my|a|an|the|one|our|unser|unsere)\b.{0,12}\b(?:paket|bestellung|lieferung|sendung|parcel|order|package"
            r"|delivery)|working weeks|(?:\d{1,2}|zwei|drei|vier|two|three|four) (?:tagen|wochen|days|weeks)"
            r" (?:unterwegs|in transit)",
            3.0,
        ),
        # "eine Tüte mit fremder Adresse bekommen": a parcel meant for someone else
        (r"fremde[rn]? (?:adresse|namen?)\b|someone else.?s (?:address|name|parcel|package)|addressed to someone", 2.5),
    ],
    "order_status": [
        (r"wo (?:bleibt|ist) (?:meine?|die|das|unser)\w{0,20} (?:bestellung|paket|lieferung|kaffee|abo|sendung)", 3.0),
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
        (r"\b\d{1,12}\s?x\s{1,5}\w|\b\d{1,12} (?:tuten|packungen|packchen|beutel|bags|kilo|kg)\b", 2.5),
        (
            # "Ich hätte gern einen Gutschein als Entschädigung": asked in return for trouble, no order
            r"hatte (?:gern|gerne)(?! (?:\w{1,8} )?(?:gutschein|entschadigung|erstattung|rabatt|geld|antwort|ruckmeldung"
            r"|ersatz|kulanz|erklarung|entschuldigung))|mochte\b.{0,40}bestellen|ich bestelle|i.?d like to order|i want to order|can i order"
            r"|wurde (?:gern|gerne)\b.{0,80}\bbestellen\b|would like to order",
            2.5,
        ),
        # "Ich nehm die Osterbox zwei Mal!", "ich nehm 2 von den ostertüten!!", "I'll take two"
        (
            r"\bich nehm\w? (?:\w{1,15} ){0,2}(?:\d{1,2}x?|zwei|drei|vier|funf)\b|\bi.?ll take (?:\d{1,2}|two|three|four)\b",
            3.0,
        ),
        (r"abo abschliessen|abonnieren|(?:like|want) to subscribe|sign (?:me )?up for", 3.0),
        (r"lieferung (?:an|nach)|bitte (?:schicken|liefern|senden)|schickt mir|send me|deliver to", 2.0),
    ],
    "collaboration": [
        (r"kooperation|\bkoop\b|collab\w{0,20}|zusammenarbeit|partnership|partner\w{0,20}|sponsor\w{0,20}", 3.0),
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
        (r"schlecht\w{0,20}|schlimm|worse|terrible|awful|unfreundlich|rude|arrogant|abzocke|rip.?off", 2.0),
        # "absolutely hate how u guys post every day, unfollowing": tired of our posts, leaving
        (r"\bunfollow\w{0,3}|\bentfolg\w{0,3}|\bdeabonnier\w{0,3}|\bhate how (?:u|you)\b", 2.0),
        (r"zu teur|viel zu teur|too expensive|overpriced|preiserhohung|price increase|teur geworden", 2.5),
        # "while raising prices for the second time this year", "ihr erhöht schon wieder die Preise"
        (
            r"\b(?:raising|raise[sd]?|upping|hiking|erhoh\w{0,3}|anheb\w{0,3}) (?:\w{1,8} ){0,3}(?:prices?|preise)\b",
            2.5,
        ),
        (r"(?:wieder|noch|immer|schon) teurer|teurer geworden|more expensive|pricier|price hike|\bfrech\b", 3.0),
        (r"fruher\b.{0,60}(?:gab|war|besser)|nicht mehr so|used to be|schade|leider nicht mehr", 2.0),
        (r"warum (?:gibt es|habt ihr) (?:keine?n?|nicht)|why (?:don.?t|do not) you|argerlich|nervig|annoying", 1.5),
        (
            r"unubersichtlich|umstandlich|kompliziert|ewig gebraucht|confusing|complicated|\bnervt\b|zu langsam|too slow",
            2.0,
        ),
    ],
    "troll": [
        (r"uberbewertet|overrated|tee\s{0,5}>|tea\s{0,5}>|braucht kein mensch|nobody needs|wer trinkt", 2.5),
        (r"hipster|cringe|lame|langweilig|boring|bruh|schlafmittel", 1.5),
        (
            r"lappen|spinner|witzfigur|vollpfosten|trottel|penner|idiot\w{0,20}|dumm\w{0,20}|scheiss\w{0,20}|shit\w{0,20}|kacke?|fuck\w{0,20}|lacherlich|loser|clown|🤡|💩"
            r"|verrater\w{0,2}|traitors?|blodsinn\w{0,4}|schwachsinn\w{0,4}",
            2.5,
        ),
    ],
    "product_question": [
        (r"\?", 0.8),
        # "rate my setup: supermarket pre ground, french press, steep for 10 min": a way of brewing put up for advice
        (
            r"\b(?:rate|judge) my (?:setup|set-up|routine|brew\w{0,3}|method)\b|\bbewerte\w{0,2} (?:mal )?mein\w{0,2} (?:setup|routine)\b",
            2.5,
        ),
        (
            r"^(?:welche\w{0,20}|wie|was|wo|wann|gibt es|habt ihr|kann (?:ich|man)|sind|ist|do you|does|which|how|what|is there|are your|can i)\b",
            1.0,
        ),
        (
            r"mahlgrad|grind|entkoffeiniert|koffeinfrei|decaf|haltbar|shelf life|recycl|versand|shipping|liefert ihr|deliver|rostgrad|roast",
            0.7,
        ),
        (r"\b(?:office|buro)\b|workshop|abo\b|subscription|osterreich|schweiz|austria|switzerland", 0.5),
        # help with brewing asked for: "kann mir jemand erklären warum mein espresso immer sauer schmeckt"
        (
            r"kann mir (?:jemand|wer|einer) erklaren|can (?:someone|anyone|somebody) explain"
            r"|(?:hab|habe) (?:echt |schon )?alles (?:probiert|versucht)|tried everything",
            2.0,
        ),
    ],
    "praise": [
        # "sie haben einen sehr schönen account", "love your feed": the account itself praised
        (
            r"\b(?:sehr|so|richtig|echt|wirklich|super|mega) (?:schone[nrms]?|tolle[nrms]?|coole[nrms]?|gute[nrms]?)"
            r" (?:account|kanal|profil|feed|insta|content|videos|beitrage|posts)\b"
            r"|\b(?:love|loving|nice|beautiful|great|gorgeous) (?:your |this )?(?:account|feed|page|profile|content)\b",
            2.5,
        ),
        (
            r"(?:krass|mega|echt|so|richtig|voll|sehr|super) gut|\btoll\w{0,20}|viel besser|so much better|lieblings\w{0,20}|favou?rite",
            2.0,
        ),
        (
            r"lecker|bester?\b|beste[nmr]?\b|the best|best\b|(?<!would )(?<!i.d )love|liebe (?:euch|euren|eure|diesen)|mega|geil|großartig|grossartig|amazing|delicious|awesome|fantastic|perfekt|perfect|wunderbar|traumhaft|genial|gönnung|gonnung|yummy|so gut|richtig gut|really good",
            2.0,
        ),
        (r"danke (?:euch|fur|dass)|thank you for|thanks for|weiter so|keep it up|top\b|empfehl\w{0,20}|recommend", 1.5),
        (
            r"(?:never|not|nie|nicht|kein einziges mal) (?:been )?(?:disappointed|enttauscht)|schnelle (?:lieferung|versand)|fast (?:delivery|shipping)|super schnell|so schnell da|am nachsten tag da"
            # "Paket war aber nach 2 Tagen da, alles heil, 10/10"
            r"|\b(?:paket|parcel|package|bestellung|order)\w{0,2} (?:war|kam|was|came|arrived) (?:\w{1,10} ){0,2}"
            r"(?:nach|in|within) (?:nur |just |only )?(?:[1-3]|ein\w{0,2}|zwei|drei|one|two|three) (?:tag\w{0,2}|days?)\b"
            r"|\balles heil\b"
            # "beans were here Wednesday morning ... Very happy customer in Hamburg", "zufriedene Kundin aus Köln"
            r"|\b(?:happy|satisfied|zufriedene?r?|glückliche?r?|gluckliche?r?) (?:customers?|kund\w{0,3})\b",
            2.5,
        ),
        # a complaint put right and thanked for: "Thank you for replacing my damaged bag so quickly"
        (
            r"(?:thank\w{0,3}(?: you)?|danke\w{0,3}) (?:for|fur|furs) (?:the |den |das )?(?:quick |fast |schnellen? )?"
            r"(?:replac\w{0,5}|ersatz|ersetzen|austausch\w{0,2}|sorting|fixing)"
            r"|(?:arrived|came) in one piece|heil angekommen|zero hassle|ohne (?:jeden |jedes )?(?:stress|theater)"
            # "Vielen Dank für die schnelle Hilfe mit der kaputten Mühle", "10/10 service no notes"
            r"|(?:thank\w{0,3}(?: you)?|danke\w{0,3}) (?:for|fur) (?:the |die |eure |your )?(?:super |so )?(?:quick |fast "
            r"|schnelle )?(?:hilfe|help)\b|\bno notes\b"
            # "die Ersatzpackung für die kaputte Tüte ist heute angekommen", "sent one video and a new one arrived"
            r"|\b(?:ersatz\w{0,8}|replacement\w?|(?:a |the )?new one) (?:(?!(?:nicht|not|never|kaputt|broken|damaged|auch"
            r"|too|also|wieder|again)\b)\w{1,10} ){0,4}(?:ist|is|kam|came|arrived|angekommen|eingetroffen)\b"
            r"(?! (?:nicht|not|never|kaputt|broken|damaged|auch|too|also|wieder|again)\b)",
            3.0,
        ),
        # "box soaked through but the bags were totally fine! 👏": the goods survived, good news
        (
            r"\b(?:but|aber|doch)\b (?:the |die |alle |my |meine )?(?:bags?|beans|coffee|tuten|bohnen|kaffee|inhalt|contents)"
            r" (?:were|was|are|is|waren|war|sind|ist) (?:totally |completely |all |alle |vollig |total |komplett |absolut )?"
            r"(?:fine|perfect|perfekt|intact|heil|unversehrt|trocken|dry)\b",
            2.5,
        ),
        # "stufe 25 wie ihr gesagt habt und der kaffee ist nicht mehr bitter!!!": a tip that worked, reported back
        (
            r"\b(?:nicht mehr|no longer) (?:so |zu |too )?(?:bitter|sauer|sour|wassrig|watery)\b"
            r"|\bnot (?:bitter|sour|watery) anymore\b"
            r"|\b(?:wie (?:ihr|du) (?:gesagt|geschrieben|empfohlen)|like you (?:said|suggested)|as you (?:said|suggested)"
            r"|(?:euer|dein|your) tipp?)\b[^.!?]{0,60}\b(?:klappt|geklappt|funktioniert|works|worked|perfekt|perfect"
            r"|game ?changer|endlich|finally)\b",
            3.0,
        ),
        # "hab mich geirrt, die kiezmischung ist jeden cent wert", "schmeckt wie frühling in der tasse"
        (
            r"jeden cent wert|worth every (?:penny|cent)|hab(?:e)? mich geirrt|i was wrong"
            r"|schmeckt wie (?:der |ein )?(?:fruhling|sommer|urlaub|zuhause|heimat|ein traum)"
            r"|tastes like (?:spring|summer|a holiday|vacation|home|heaven)",
            2.5,
        ),
        (r"😍|❤|💛|🥰|😋|🙌|👏|🤩|💯|🔥", 1.0),
        (
            r"ballert|\belite\b|kein cap|no cap|\bslaps\b|goes? (?:so )?hard|hits different|bussin|\bfire\b|unreal good",
            2.5,
        ),
    ],
    "other": [
        (r"welches lied|welcher song|what song|which song|musik im video|song (?:is )?(?:this|playing)", 2.0),
        (  # holiday wishes and greetings from somewhere: precise enough to win over the model
            r"^\W{0,3}(?:frohe (?:ostern|weihnachten|feiertage|pfingsten)|frohes (?:neues|fest)|schone (?:feiertage|ostern)"
            r"|(?:viele |liebe |herzliche )?gr(?:u|ue|ü)(?:ss|ß)e (?:aus|von)\b|greetings from|happy (?:easter|holidays|new year)"
            r"|merry christmas|guten rutsch)",
            6.0,
        ),
    ],
    "service_complaint": [
        # "Seit zehn Tagen warte ich auf eine Antwort", "been waiting a week for a reply"
        (
            r"warte\w{0,2} (?:schon |jetzt )?seit .{0,30}auf (?:eine |ne |die )?(?:antwort|ruckmeldung|reaktion)"
            r"|seit .{0,25}warte\w{0,2} (?:ich )?(?:schon )?auf (?:eine |ne |die )?(?:antwort|ruckmeldung|reaktion)"
            r"|waiting .{0,20}for an? (?:answer|reply|response)",
            3.0,
        ),
        (
            r"kundenservice|kundendienst|customer service|customer support|\bsupport\b|hotline|warteschleife|on hold",
            2.0,
        ),
        (
            r"(?:not|never) (?:received|got|had) (?:a |any )?(?:single )?(?:reply|answer|response)|keine einzige antwort|"
            r"keine antwort|keiner antwortet|niemand antwortet|niemand meldet|kein mensch meldet|no (?:reply|response|answer)|nobody (?:answers|replies|responds)|never (?:answer|reply|respond)|ghost\w{0,4}|ignoriert|ignoring|left on read|gelesen.{0,20}(?:nix|nichts|keine)",
            3.0,
        ),
        (
            r"unfreundlich|unhoflich|pampig|rude|unprofessional|unprofessionell|abgewimmelt|copy.?paste|textbaustein|bot antwort|sound(?:s)? the same|klingt wie ein bot",
            2.5,
        ),
        (
            r"(?:\d|drei|zwei|vier|3|2|4) ?(?:mal|times) (?:nachgefragt|gefragt|geschrieben|asked|written)|schon wieder nachfragen|zum (?:dritten|zweiten|x-ten) mal",
            2.5,
        ),
    ],
    "stock_question": [
        (
            r"ausverkauft|sold out|out of stock|vergriffen|nicht (?:mehr )?(?:lieferbar|verfugbar|vorratig)|nicht auf lager",
            3.0,
        ),
        (
            r"wieder (?:da|verfugbar|lieferbar|auf lager|im shop|erhaltlich)|back in stock|restock\w{0,3}|available again|in stock|auf lager|vorratig|nachschub|coming soon|bald wieder",
            3.0,
        ),
        (
            # "warum man die Handmühle seit Monaten nicht bekommt", "can't get the grinder anywhere"
            r"(?:man|ich|wir) (?:die|den|das|eure?n?) \w{1,20} (?:seit \w{1,10} )?nicht (?:mehr )?(?:bekommt|bekomme|bekommen"
            r"|kriegt|kriege|kaufen kann)|nicht (?:mehr )?zu (?:bekommen|kriegen|kaufen|haben)\b"
            r"|(?:can'?t|cannot) (?:get|buy|find|order) (?:the|your|a) \w{1,20} (?:anywhere|anymore|for months)"
            r"|wann gibt es (?:die|den|das) \w{1,20} wieder|when (?:will|is|does) (?:the|it|your) \w{1,20} (?:be )?back|gibt.?s (?:die|den|das) \w{1,20} noch|discontinued|aus dem sortiment|sortiment genommen",
            2.5,
        ),
    ],
    "job_application": [
        (
            r"bewerb\w{0,8}|lebenslauf|\bcv\b|resume|anschreiben|application|apply(?:ing)? for|stellenanzeige|stellenangebot|job ?offer|vacanc\w{0,3}|hiring|einstellen|sucht ihr|are you looking for",
            3.0,
        ),
        (
            r"\bjobs?\b|praktikum|internship|ausbildung|werkstudent\w{0,2}|minijob|aushilfe|teilzeit|part.?time|barista.?(?:stelle|job)|roastery assistant|work (?:for|with) you|bei euch arbeiten|fur euch arbeiten|mitarbeiten",
            2.0,
        ),
    ],
}

# Intents added in issue 11 and the older intent whose replies fit them (for code written before them).
FAMILY: dict[str, str] = {
    "service_complaint": "criticism",
    "stock_question": "product_question",
    "job_application": "other",
}

# When two intents score the same, the earlier one wins (the more actionable one).
PRIORITY = list(INTENT_CUES)

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
    return cue_scores(fold(text))


def cue_scores(folded: str) -> dict[str, float]:
    """Score every intent by the weighted cues that occur in already folded text."""
    return dict(_cue_scores(folded))  # a copy: callers may adjust the scores


@lru_cache(maxsize=64)  # a message's and a thread's text are scored by several readers
def _cue_scores(folded: str) -> dict[str, float]:
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
