"""Promises a reply must not make unless the profile's policy allows them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.text import fold, is_stopword, words

# A day: "dem 15.", "nächstem Dienstag", "März", "next week" ("May" is too often the verb).
_DATE = (
    r"(?:(?:dem |the )?\d{1,2}\.(?:\s?\d{1,2}\.)?(?!\d)|(?:the )?\d{1,2}(?:st|nd|rd|th)\b"
    r"|(?:(?:nächste|kommende)[mnrs]?|next|this) (?:woche|monat|week|month|montag|dienstag|mittwoch|donnerstag|freitag"
    r"|samstag|monday|tuesday|wednesday|thursday|friday|saturday)\b|(?:anfang |mitte |ende |early |mid-?|late )?"
    r"(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march"
    r"|june|july|october|december|montag|dienstag|mittwoch|donnerstag|freitag|samstag|monday|tuesday|wednesday"
    r"|thursday|friday|saturday)\b)"
)
_HOLIDAY = (
    r"\b(?:an|am|zu|bis|vor) (?:heiligabend|weihnachten|silvester|ostern|ostersonntag|ostermontag|karfreitag"
    r"|pfingsten|muttertag|valentinstag|neujahr)\b"
)
# policy field -> patterns (German and English) that make that promise
PROMISES: dict[str, re.Pattern[str]] = {
    "refunds": re.compile(
        r"\b(?:du bekommst|bekommst du|kriegst du|sie bekommen|erhältst du)\b[^.!?]{0,40}\b(?<!für das )(?<!fürs )(?:geld|betrag|erstattung)\b"  # "für das Geld": the price
        r"|\b(?:erstatten|erstatte|überweisen|überweise|zahlen)\s+(?:wir|ich)\b|\b(?:wir|ich)\s+(?:erstatten|erstatte|überweisen|überweise|zahlen)\s+(?:dir|ihnen|euch|den|das|dein|alles|es|sie|ihn)\b|\bwird\s+(?:dir\s+)?(?:erstattet|zurücküberwiesen)"
        r"|\b(?:geld|erstattung|betrag)\s+(?:ist|sind|geht)\s+(?:schon\s+|bereits\s+)?(?:so gut wie\s+)?(?:unterwegs|raus|angewiesen|veranlasst)"
        r"|\b(?:we|i)(?:'ll| will| have|'ve| am going to|'m going to)?\s+(?:gone ahead and\s+|already\s+|just\s+)?(?:refund|refunded)\b|\byou(?:'ll| will)\s+get\s+(?:your\s+)?(?:money|a refund)"
        # "you can return it within 14 days, even opened": only unopened goods go back
        r"|\b(?:return\w{0,2}|zurück\w{0,8}|retour\w{0,4})\b[^.!?]{0,40}\b(?:even|auch)(?: if| when| wenn)?(?: it'?s| es| sie)?"
        r" (?:opened|geöffnet|angebrochen|open)\b"
        r"|\brefund\s+(?:is|has been)\s+(?:on its way|issued|processed|sent)"
        r"|\berstatten (?:dir|ihnen|euch) (?:die|den|das|deine?n?|ihre?n?)\b|\b(?:zurück|rück)?erstattet\b|\bzurück(?:ge)?buch\w*|\brückbuchung\w*|\bfull refund\b|\b(?:be|been|get|gets|getting)\s+refunded\b|\brefund you\b"
        r"|\bgive you (?:a|your) (?:full )?refund\b|\bgeld zurück\b[^.!?]{0,20}\b(?:bekommst|kriegst|erhältst)\b"
        r"|\b(?:bekommst|kriegst|erhältst) du\b[^.!?]{0,30}\b(?:zurück|wieder)\b|\brück(?:erstattung|zahlung)\b[^.!?]{0,30}"
        r"\b(?:veranlasst|angestoßen|in die wege geleitet|ist raus|läuft)|\b(?:issued|started|initiated|processed|sent)"
        r" (?:your|a|the) refund\b|\bmoney back (?:in|within|by)\b"
        r"|\brefunds? (?:approved|granted|for (?:everyone|everybody|all))\b|\b(?:approve|grant)\w{0,2} (?:a |the |your |all )?refunds?\b"
        r"|\berstattung\w{0,2} (?:genehmigt|bewilligt|für alle)\b"
        r"|\b(?:betrag|geld)\b(?!-)[^.!?]{0,30}\b(?:zurück|wieder)(?:\b(?!-)|bekomm|erhält|krieg)|\bhabe? veranlasst\b[^.!?]{0,40}\b(?:geld|betrag|erstatt\w*)\b|\b(?:money|amount|payment|charge)\b[^.!?]{0,25}\bback\b(?! to you)|\b(?:refund|money)\b[^.!?]{0,20}\b(?:on (?:its|the) way|"
        r"in your account)"
        r"|\d+(?:[.,]\d{1,2})?\s?(?:€|eur\w*|\$|chf|dollar)\s+(?:back|zurück)|(?:€|\$)\s?\d+(?:[.,]\d{1,2})?\s+(?:back|zurück)"
        # "the after-sales team will refund the second charge": someone else's refund, promised by us
        r"|\b(?:will|'ll|wird|werden)\s+(?:(?!if\b|ob\b|whether\b|see\b|check\w*)\w+\s+){0,2}(?:refund|erstatten|zurückerstatten)\b"
        r"(?!\s(?:question|request|case|status|claim|query|form)s?\b)"  # "I'll take your refund question to ..."
        # "auch angebrochene Tüten nehmen wir zurück": a return the facts (unopened only) do not allow
        r"|\b(?:angebrochene?[nrs]?|geöffnete?[nrs]?|opened)\b(?:(?!nicht|kein|not\b|n't|never|nie\b)[^.!?]){0,40}\b(?:nehmen wir|zurück\w*|returns?|take (?:it |them )?back)\b",
        re.IGNORECASE,
    ),
    "discounts": re.compile(
        r"\b\d{1,2}\s?-?\s?(?:%|prozent\b|percent\b|per cent\b)|\brabatt\w*|\bprozente\b|\bdiscount(?!er)\w*|\bsale\b|\b(?:price|preis)nachlass"
        r"|%\s?off\b|\b(?:sonderpreis|freundschaftspreis|special price|mates'? rates?|reduced price)\b"
        r"|\bgünstiger\b[^.!?]{0,15}\b(?:für dich|machen)\b|\b(?:bestellung|order)\b[^.!?]{0,25}\b(?:günstiger|cheaper)\b"
        r"|\b(?:aktionspreis|angebotspreis|sale price|promo price|deal price|halbe[nr]? preis|half[- ]price|half off)\b"
        r"|\bzum preis von (?:1|einer|einem)\b|\b(?:2|zwei|two) (?:für|for) (?:1|eins|one)\b|\bzahlt nichts\b|\bpays? nothing\b|\bcheaper for you\b|\bknock\w{0,3} (?:a bit|something|\S{1,6}) off\b"
        r"|\b(?:studi|studenten|student|stammkunden|stammgast|treue|kumpel|spezial|extra)[- ]?(?:preis|rabatt|tarif|price|rate)\b"
        # "no official codes, but I'll see what I can do on your next order": an unofficial deal, hinted
        # "dann machen wir dir bei der ersten Bestellung was am Preis"; "Einen Code gibt's nicht, aber ... dann finden
        # wir was für dich": a deal hinted after saying there is none
        r"|\b(?:was|etwas) am preis\b|\bam preis (?:machen|drehen)\b|\bpreislich (?:was|etwas)\b"
        r"|\b(?:code|rabatt\w{0,4}|discount|gutschein|voucher)\b[^.!?]{0,40}\b(?:aber|but)\b[^.!?]{0,60}\b(?:finden|machen"
        r"|regeln|sort|work|find)\b[^.!?]{0,20}\b(?:was|etwas|something)\b"
        r"|\bsee what (?:i|we) can do\b[^.!?]{0,40}\b(?:next|order|price)|\bschau\w{0,2},? was (?:ich|wir) (?:da )?machen"
        r" k\w{2,5}\b[^.!?]{0,40}\b(?:nächste|bestellung|preis)"
        # "I'll see that you get a bit off next time", "if you DM us your student ID we'll sort something out"
        r"|\b(?:a (?:little|bit|few euros?)|something) off\b(?=\s+(?:next|your|on|for|the (?:next|price|order))\b)"
        r"|\b(?:student|studi|studenten|schüler)\w{0,4}\b[^.!?]{0,60}\b(?:sort|work|figure) (?:something|sth) out\b"
        # "dann schauen wir, was sich preislich machen lässt": a discount in all but name
        r"|\bwas sich preislich\b[^.!?]{0,20}\b(?:machen|tun|drehen)\b|\bpreislich (?:entgegen|was machen)\w*"
        # "schreiben wir dir für die nächsten drei Lieferungen den alten Preis gut": the old price is a discount
        r"|\b(?:den|zum|beim) alten preis\b|\b(?:the|your|at) old price\b",
        re.IGNORECASE,
    ),
    "codes": re.compile(
        r"\b(?:gutschein|rabatt|promo|discount|voucher|coupon)[- ]?codes?\b|\bcode\s*[:\"„]?\s*(?-i:[A-Z0-9]{4,})\b"
        r"|\b(?:send|give|get|schick\w{0,3}|geben|gebe)\b(?![^.!?]{0,15}\b(?:mir|uns|me|us)\b)[^.!?]{0,25}\bcodes?\b"
        r"|\bgutschein\w*|\bvoucher\b|\bcoupon\b",
        re.IGNORECASE,
    ),
    "compensation": re.compile(
        r"\bentschädigung\w*|\bwiedergutmachung\b|\bgratis\b(?!-(?:tipp|rat)\w{0,8})|\bkostenlos\w*"
        r"|\bumsonst\b(?!\s{1,3}(?:\w{1,12}\s{1,3})?(?:hin|ge|an|her|los|ver|aus)\w{0,12}(?:t|en)\b)"  # "umsonst hingegangen": in vain
        r"|\b(?:gibt'?s|bekommst du|kriegst du|gibt es)\b[^.!?]{0,20}\bgeschenkt\b|\bgeschenkt dazu\b"
        r"|\bcompensat\w*|\bfree of charge\b|\bon the house\b|\bfor free\b"
        r"|\bfree\b(?! (?:office|work|staff|filter)\b)[^.!?]{0,15}\b(?:bags?|coffee|shipping|packs?|grinders?|samples?)\b"
        r"|\b(?:wir|ich)\b[^.!?]{0,20}\bverschenk\w*|\bverschenk\w{0,3} (?:wir|ich)\b"
        r"|\bversandkostenfrei\b|\bportofrei\b|\bfree shipping\b|\bshipping[- ]free\b|\bships? (?:for )?free\b"
        r"|\b(?:schick|send)\w{0,3}\b[^.!?]{0,15}\b(?:heute noch|sofort|gleich|right away|today)\b[^.!?]{0,30}"
        r"\b(?:neue[nrs]?|new|fresh|replacement)\b"
        r"|\bwe(?:'ll| will)? (?:cover|pay for|reimburse) your\b|\b(?:übernehmen|erstatten|zahlen) wir (?:dir |ihnen )?"
        r"(?:die |deine |das |dein )?(?:zug|bahn|ticket|fahrt|anreise|taxi)\w*"
        r"|\bgets? (?:a |an )?free\b|\bships? (?:free )?on us\b|\bshipping(?: is)? on us\b"
        # "your first month is free", "der erste Monat ist gratis": a trial the profile never offers
        r"|\b(?:first|erste[rn]?) (?:month|week|bag|delivery|monat|woche|tüte|lieferung)\b[^.!?]{0,12}\b(?:is|ist|geht)"
        r" (?:\w{1,8} )?(?:free|gratis|kostenlos|umsonst|on us|aufs haus)\b"
        r"|\b(?:versandkosten|shipping|postage)\b[^.!?]{0,40}\b(?:übernehmen wir|zahlen wir|geht auf uns|is on us|we(?:'ll| will)? cover)"
        r"|\b(?:übernehmen|zahlen) wir\b[^.!?]{0,20}\b(?:die |deine |ihre )?versandkosten\b|\bwe(?:'ll| will)? cover\b[^.!?]{0,20}shipping"
        r"|\bgeht auf uns\b|\bauf unsere kosten\b|\bat our expense\b"
        # "we'll send you a brand-new one plus a bag of Espresso Kreuzberg as an apology"
        r"|\b(?:bag|bags|tüte|tüten|packung|coffee|kaffee|espresso|gift|geschenk)\b[^.!?]{0,30}"
        r"\b(?:as an apology|as a sorry|als entschuldigung|zur entschuldigung)\b"
        # "built for life: if it ever breaks, we'll replace it, no questions asked", "halten wir dir einen Platz frei"
        r"|\bno questions asked\b|\bohne wenn und aber\b|\b(?:lifetime|lebenslang\w{0,2})\b[^.!?]{0,20}\b(?:garantie|warranty|guarantee)"
        r"|\bhalten wir (?:dir |euch |ihnen )?(?:noch )?(?:eine?n? )?\w{0,12} ?frei\b"
        # "I've added you as an extra participant for the 27th", "ich hab dich noch eingetragen": a booked-out spot
        r"|\b(?:i'?ve|i have|we'?ve|we have|i|we)(?: just| already| gone ahead and)? (?:added|booked|squeezed|signed|put)"
        r" you\b[^.!?]{0,30}\b(?:participant|spot|list|workshop|class|course|place|seat|session)"
        r"|\b(?:hab\w?|haben) (?:ich|wir) dich (?:noch |schon |gleich )?(?:eingetragen|dazugenommen|nachgebucht"
        r"|dazugebucht|auf die (?:liste|teilnehmerliste) gesetzt)"
        # "zwei Tüten legen wir dir gern schon zurück", "quetschen wir noch einen Platz rein", "we'll set two bags aside"
        r"|\blegen wir (?:dir |euch |ihnen )?(?:gern |gerne )?(?:schon )?(?:\w{1,12} ){0,2}zurück\b"
        r"|\bquetschen wir\b[^.!?]{0,30}\brein\b|\b(?:we|i)(?:'ll| will| can) (?:put|set) (?:\w{1,10} ){0,3}aside\b"
        r"|\bhalten wir\b[^.!?]{0,30}\b(?:platz|plätze|spot|seat)\w{0,2} frei\b|\b(?:hold|save|keep) (?:you |one )?(?:a|one) (?:spot|seat|place|bag)\b"
        # "Klar, wir spenden gern drei Tüten": a donation pledged before the team decided
        r"|(?<!\bob )\b(?:wir|ich) spende\w{0,2}\b(?! (?:können|könnten|würden|dürfen))|\bspenden wir gern\b"
        r"|\b(?:we|i)(?:'ll| will) (?:happily |gladly )?donate\b"
        # "your next workshop spot is on us" gives something; "3 unanswered DMs is on us" owns a mistake
        r"|\b(?:next|this one|spot|month|order|bag|coffee|cup|round|tickets?|place|seat|refill)\b[^.!?]{0,30}\bis (?:\w+ly )?on us\b"
        r"|\bgutschrift\w*|\bgutgeschrieben\b|\bschreib\w{0,3} (?:dir |euch |ihnen )?(?:was|etwas|\w{0,12} ?euro) gut\b"
        r"|\b(?:(?:wir|ich) legen|legen (?:wir|ich))\b[^.!?]{0,60}\b(?:drauf|obendrauf|dazu|bei|mit (?:ins|in das|in dein) paket)\b"
        r"|\b(?:(?:wir|ich) (?:packen|tun|stecken)|(?:packen|tun|stecken) (?:wir|ich))\b[^.!?]{0,60}\b(?:obendrauf"
        r"|drauf|mit (?:ins|in das|in dein) paket)\b|\bals (?:kleines |kleine )?(?:sorry|entschuldigung)\b"
        r"|\baufs haus\b|\bon the house\b"
        r"|\b(?:order|bag|coffee|cup|shipping|delivery|postage|return|refill|round|drinks?)\w{0,2}(?:'s| is| are)?"
        r"(?: \w+ly)? on us\b"
        r"|\b(?:kleine[sn]? )?(?:dankeschön|aufmerksamkeit|extra(?!-)|überraschung|trostpflaster)\b[^.!?]{0,25}\b(?:für dich|dazu|"
        r"bei|mit)\b|\btrostpflaster\b|\b(?:(?:darfst|kannst) du|du (?:darfst|kannst))\b[^.!?]{0,25}\bbehalten\b|(?<!bis dahin )(?<!vorerst )(?<!erstmal )\bbehalt\w{0,2} (?:sie|ihn|es|die|den|das)\b(?! (?:im|in) (?:blick|auge|hinterkopf))(?! (?:erst ?mal|vorerst|bis))"
        r"|\b(?<!rather )(?<!want to )(?<!like to )keep it\b(?=\s*(?:[.!,;)]|$|as a|for free|too|anyway))|\b(?:you can|just|feel free to|please) keep it\b"
        r"|\b(?<!we'll )(?<!we will )(?<!we )(?<!i'll )(?<!let's )(?:keep the \w{1,15}\b(?<!rhythm)(?<!routine)(?<!habit)(?<!streak)(?<!vibe)(?<!mood)(?<!faith)(?<!pace)(?<!drama)(?<!peace)(?<!change)(?!(?: \w{1,15})? (?:out|in|away|at|on|dry|cool|closed|sealed|airtight|somewhere|fresh|flowing|coming|going|brewing|hot|warm|cold|safe|simple)\b)|yours to keep)\b|\b(?:send|add|pop|include|put|slip|throw|get|tuck)\w{0,3}\b[^.!?]{0,30}"
        r"\b(?:(?:a )?little (?:something|extra|treat|gift)|something extra)\b|\b(?:(?:a )?little (?:something|extra|treat|gift)"
        r"|something extra)\b[^.!?]{0,20}\b(?:for you|in your|with your|on us)\b"
        r"|\b(?:store|account) credit\b|\d+\s?(?:€|euro|eur)\s+(?:credit|gutschrift|guthaben)\b|(?:€|\$)\s?\d+\s+(?:credit|voucher|gutschein)\b|\d+\s?(?:€|euro|eur)\s+(?:voucher|gutschein)\b|\bcredit (?:to|on|in) your (?:account|next order)\b|\bmake it up to you\b"
        # "we'll throw in an extra bag for the trouble", "we'll pop a sample of both in the post", "we'll credit the
        # amount to your next order", "even past the warranty we'll get you a new one": gifts no policy allows
        r"|\b(?:we|i)(?:'ll| will| can| could)\b[^.!?]{0,15}\b(?:throw|pop|chuck|toss|slip|tuck|include)\w{0,3}\b[^.!?]{0,40}"
        r"\b(?:bags?|samples?|coffee|extra|treat|gift|packs?)\b|\bfor the (?:trouble|hassle|inconvenience)\b"
        r"|\bcredit\w{0,3} (?:the|that|it|you|your)\b[^.!?]{0,30}\b(?:next order|account)\b"
        # "We'll credit 5 euros to your account for the wait"
        r"|\bcredit\w{0,3} \d+\s?(?:€|euros?|eur)\b|\b\d+\s?(?:€|euros?|eur)\b[^.!?]{0,20}\b(?:gutschreiben|credited)\b"
        r"|\b(?:wir|ich)\b[^.!?]{0,30}\b(?:pröbchen|probiertüte\w?|probepack\w{0,4})\b|\bsamples? of\b[^.!?]{0,20}\bin the post\b"
        r"|\b(?:past|beyond|outside|after|nach|außerhalb)\b (?:the |der |die |deiner |your )?(?:\S{1,12} )?(?:warranty|garantie)\w{0,4}\b"
        r"[^.!?]{0,60}\b(?:new one|replace\w*|neue\w?|ersetz\w*|tausch\w*|kostenlos|free)\b"
        r"|\bwiedergutmach\w{0,4}|\bausgleich\b|\bentgegenkommen\b|\bgoodwill\b|\b(?:small|little) gesture\b|\bkleine geste\b"
        r"|\blassen wir uns\b[^.!?]{0,20}\beinfallen\b|\bwe'll think of something\b"
        r"|\b(?:schicken|senden|send|sending)\b[^.!?]{0,12}\b(?:dir|you)\b[^.!?]{0,20}\b(?:eine?n?|a|some)\b[^.!?]{0,10}"
        r"\b(?:tüte|packung|bag|pack|päckchen|probe|sample)\b[^.!?]{0,40}\b(?:überbrück\w{0,4}|zur? (?:entschuldigung|trost)|"
        r"nicht bezahlen|kostenlos|gratis|for free|on us|in the meantime|zwischendurch)"
        r"|\b(?:i've|we've|i have|we have) (?:put your name down|reserved|saved you)\b|\bfür dich (?:reserviert|vorgemerkt)\b"
        r"|\byou'll (?:get|have) a (?:new|replacement|fresh)\b|\b(?:versandkosten|shipping (?:costs?|fees?))\b[^.!?]{0,25}\b(?:übernehmen|zahlen|erstatten|"
        r"cover|waive)\b|\b(?:übernehmen|zahlen|erstatten|cover|waive)\b[^.!?]{0,20}\b(?:versandkosten|shipping)\b"
        r"|\b(?:was|etwas) (?:kleines|extra|feines)\b[^.!?]{0,20}\b(?:mit|dazu|rein|bei|obendrauf)\b"
        # "DM us and we'll sort you out with a little something for your first order": a gift, however vague
        r"|\bsort you out with\b|\b(?:a )?(?:little|small) (?:something|treat|surprise)\b[^.!?]{0,30}\b(?:for you|for your"
        r"|on us|in your|with your)\b"
        r"|\b(?:übernehmen|zahlen) (?:wir|ich)\b[^.!?]{0,20}\b(?:versand|porto|shipping)\w*|\b(?:shipping|postage)\b[^.!?]{0,15}\bon us\b"
        r"|\bschreib\w{0,3} (?:wir|ich) (?:dir|euch|ihnen)\b[^.!?]{0,20}\bgut\b|(?<!bis dahin )\bbehalte\w{0,2}\b[^.!?]{0,30}\b(?:einfach|ruhig|gern|gerne)\b(?![^.!?]{0,20}\bbis\b)"
        r"|\byou (?:won.?t|will not|don.?t|do not)(?: have to| need to)? pay (?:anything|a thing|a cent)\b"
        r"|\b(?:zahlst|bezahlst) du (?:dafür )?nichts\b|\bkostet dich nichts\b|\bmusst (?:du )?nichts (?:be)?zahlen\b"
        r"|\b(?:(?:schicken|senden) (?:wir|ich)|(?:wir|ich) (?:schicken|senden)) dir\b[^.!?]{0,40}"
        r"\b(?:zusätzlich|obendrein|noch dazu)\b"
        r"|\btauschen (?:wir|ich) (?:dir|euch)\b[^.!?]{0,30}\bum\b|\bwe(?:'ll| will) (?:swap|exchange) (?:it|them|the)\b"
        r"|\bsend (?:you )?(?:a )?(?:brand[- ]new|new|fresh|replacement)\b[^.!?]{0,30}\b(?:right away|immediately|straight away"
        r"|today|asap)\b|\bno need to (?:send|return) (?:the old one|it|them) back\b"
        r"|\b(?:sofort|gleich|direkt)\b[^.!?]{0,20}\b(?:eine?n? )?(?:neue[nrs]?|nagelneue[nrs]?) (?:mühle|tüte|grinder)\b"
        r"|\b(?:musst|brauchst) (?:du )?(?:die alte|sie|ihn|es) nicht zurück\w{0,10}\b"
        r"|\b(?:schick|send)\w{0,3} (?:ich|wir) (?:dir|euch)\b[^.!?]{0,30}\b(?:neu|nochmal|noch ?mal|erneut)\b"
        r"|\b(?:schick|send)\w{0,3} (?:ich|wir) (?:dir|euch) (?:dann |einfach |direkt |sofort )?(?:ein|eine|einen) neue\w{0,2}\b"
        r"|\b(?:ich|wir) (?:schick|send)\w{0,3} (?:dir|euch) (?:dann |einfach |direkt |sofort )?(?:ein|eine|einen) neue\w{0,2}\b"
        # "Wir verlängern sie dir um ein Jahr", "ich halte dir einen Platz frei", "den Rückversand übernehmen wir"
        r"|\b(?:wir|ich) verlänger\w{0,3}\b[^.!?]{0,30}\b(?:garantie|um (?:ein|einen|zwei|drei|\d+) (?:jahr|monat))"
        r"|\bverlängern (?:wir|ich)\b[^.!?]{0,30}\bgarantie|\b(?:we|i)(?:'ll| will)? extend\b[^.!?]{0,20}\bwarranty"
        r"|\b(?:ich|wir) halte\w{0,2} (?:dir|euch|ihnen)\b[^.!?]{0,30}\b(?:platz|plätze|spot)\w{0,2} frei\b"
        r"|\b(?:kosten|porto|rückversand\w*|rücksendung\w*|return (?:shipping|postage))\b[^.!?]{0,40}"
        r"\b(?:übernehmen wir|zahlen wir|tragen wir|we(?:'ll| will)? (?:cover|pay))\b"
        # "wir schicken dir direkt den Espresso Kreuzberg hinterher", "I'll send you a fresh bag today": sent at once,
        # before after-sales has looked at the case
        r"|\b(?:wir|ich) (?:schick|send)\w{0,3} (?:dir|euch) (?:direkt|sofort|gleich|umgehend|heute|noch heute)\b"
        r"[^.!?]{0,40}\b(?:tüte|packung|beutel|mühle|ersatz|kaffee|bohnen|paket|\w{2,12}(?:tüte|mühle|kaffee|mischung))\b"
        r"|\b(?:wir|ich) (?:schick|send)\w{0,3} (?:dir|euch)\b[^.!?]{0,50}\b(?:als ersatz|ersatz)\b[^.!?]{0,15}\bhinterher\b"
        # "Wir schicken dir morgen eine neue Mühle raus", "dann geht heute noch eine neue Mühle an dich raus"
        r"|\b(?:schick|send|versend|geh)\w{0,4}\b[^.!?]{0,30}\b(?:heute|morgen|sofort|gleich|umgehend)\b[^.!?]{0,30}"
        r"\b(?:eine?n? )?(?:neue[nrs]?|nagelneue[nrs]?|frische[nrs]?) (?:mühle|tüte|packung|kaffee|bohnen|grinder|\w{2,12}mühle)\b"
        r"|\b(?:we|i)(?:'ll| will|'m| am) (?:send|sending|post|posting|ship|shipping)\b"
        r"(?![^.!?]{0,50}\b(?:link|tracking|info\w*|details|number|e-?mail|update|answer|reply|message|label)s?\b)[^.!?]{0,50}"
        r"\b(?:today|tomorrow|right away|straight away|immediately|asap)\b",
        re.IGNORECASE,
    ),
    "delivery_dates": re.compile(
        # "kommt im März in den Shop", "launches in early May": a product's date, before anyone set it
        r"\b(?:kommt|kommen|erscheint|launch\w{0,3}|drops?|lands?|landet|coming|verfügbar|erhältlich|in the shop|im shop"
        r"|in stock|on sale|hits? the (?:shop|shelves|store)|release\w{0,2})\b[^.!?\U0001F300-\U0001FAFF]{0,20}"
        r"\b(?:(?:next|nächste[nm]?) (?:month|monat|week|woche)|(?:im|ab) (?:frühjahr|frühling|sommer|herbst|winter)"
        r"|(?:in|this|next) (?:spring|summer|autumn|fall|winter)"
        # "drops for Halloween", "kommt zu Weihnachten": a launch set on a holiday
        r"|(?:for|zu|zum|an|bis|before|vor|in time for|rechtzeitig zu) (?:halloween|christmas|xmas|weihnachten|ostern"
        r"|easter|advent|nikolaus|silvester|new year|valentin\w{0,8}|black friday))\b|"
        r"\b(?:kommt|kommen|erscheint|launch\w{0,3}|drops?|lands?|landet|coming|verfügbar|erhältlich|release\w{0,2})\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,20}"
        r"\b(?:im|ab|in|anfang|mitte|ende|early|mid|late|end of|on(?: the)? \d{1,2}(?:st|nd|rd|th)?|am \d{1,2}\.)[\s-]{1,3}(?:januar|january|februar|february|märz|march|april|mai|may|juni|june|juli|july|august|september|oktober|october|november|dezember|december)\b"
        r"|\b(?:new|brand[- ]new|neue[nrs]?|replacement|ersatz\w*)\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:go(?:es)? out|rausgeh\w*|on (?:its|the) way"
        r"|unterwegs)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:today|tomorrow|heute|morgen|right away|sofort)\b|"
        r"\b(?:kommt|ist|wird|landet|liegt)\b[^.,!?\U0001F300-\U0001FAFF]{0,25}\b(?:(?<!der )(?<!dem )(?<!den )(?<!jeden )(?<!am )morgen|übermorgen|heute noch|bis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag)|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag))\b"
        r"(?!\s(?:(?:also|eher|aber|wohl|sehr|ziemlich|leider) )?(?:knapp|eng|schwierig|kritisch))"  # "wird es bis Freitag (also) knapp"
        r"|\b(?:be there|arrive|arrives|get there|be with you|reach you)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\bby (?:the )?\d{1,2}(?:st|nd|rd|th)\b"
        r"|\bbis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|zum \d{1,2}\.) (?:hast|bekommst|kriegst) du\b"
        r"|\b(?:kommt|ist|wird|landet|liegt)\b[^.!?\U0001F300-\U0001FAFF]{0,25}\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,10}\b(?:bei dir|da|an|zugestellt)\b"
        r"|\b(?:ships?|goes out|geht|gehen)\b[^.!?\U0001F300-\U0001FAFF]{0,12}\b(?:today|tomorrow|heute (?:noch )?raus|morgen raus)\b"
        r"|\b(?:arrive|arrives|be there|be delivered|reach you|be with you|get to you|ankomm\w{0,2}|ankommt|da ist|geliefert)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,12}\b(?:the (?:very )?next day|next-day|overnight|am (?:nächsten|folgenden) (?:werk)?tag|über nacht|next (?:working|business) day)\b"
        r"|\b(?:arrive|arrives|be there|be delivered|reach you|be with you|get to you)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:tomorrow|today|by (?:monday|tuesday|wednesday|thursday|friday|saturday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday))\b"
        r"|\bgarantiert\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:da|geliefert)\b|\bguaranteed\b[^.!?\U0001F300-\U0001FAFF]{0,30}\bdeliver"
        # "bis Samstag ist dein Paket da", "we'll send you the right bag today", "schicken wir dir heute noch los"
        r"|\bbis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|übermorgen|ende der woche)\b[^.!?\U0001F300-\U0001FAFF]{0,30}"
        r"\b(?:paket|bestellung|lieferung|sendung|kaffee|mühle|es|er|sie)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\bda\b"
        r"|\b(?:schicken|senden) wir (?:dir|ihnen|euch)\b(?![^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:dm|nachricht|link|mail|e-mail|infos?|antwort"
        r"|bescheid)\b)[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:heute(?: noch)?|sofort|gleich|morgen)\b"
        r"|\b(?:new|neue[nrs]?|replacement|ersatz\w*)\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:sent|shipped|geschickt|verschickt)\b[^.!?\U0001F300-\U0001FAFF]{0,20}"
        r"\b(?:today|right away|immediately|heute(?: noch)?|sofort)\b"
        # "we can deliver to her hotel on the 12th", "make sure the bag arrives that day": a date of delivery, given
        r"|\b(?:deliver|bring|drop (?:it|them) off|arrives?|be there|liefern|bringen|zustellen)\b[^.!?\U0001F300-\U0001FAFF]{0,40}"
        r"\b(?:on the \d{1,2}(?:st|nd|rd|th)\b|am \d{1,2}\.(?!\d))"
        r"|\b(?:arrives?|gets? there|ankommt|da ist)\b[^.!?\U0001F300-\U0001FAFF]{0,10}\b(?:that|on that|the same) day\b"
        # "so it lands on October 3rd", "arrives on Oct 4": a date of delivery, month first
        r"|\b(?:lands?|arrives?|be there|reach(?:es)? you|gets? (?:there|to you)|be delivered)\b[^.!?\U0001F300-\U0001FAFF]{0,20}"
        r"\bon (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w{0,6}\.? \d{1,2}(?:st|nd|rd|th)?\b"
        # "mit Express ist's am nächsten Werktag da"
        r"|\bam (?:nächsten|folgenden) (?:werk)?tag (?:da|bei dir|geliefert|zugestellt)\b"
        # "das klappt also sicher noch bis Heiligabend", "it'll definitely be there before Christmas"
        r"|\b(?:sicher|bestimmt|garantiert|locker|definitely|for sure|surely|easily)\b[^.!?\U0001F300-\U0001FAFF]{0,25}"
        r"\b(?:bis|vor|by|before)\s(?:heiligabend|weihnachten|silvester|neujahr|christmas(?: eve)?|xmas|new year"
        r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|monday|tuesday|wednesday|thursday|friday|saturday)\b"
        # "it's there before Christmas for sure", "liegt garantiert am 30. bei dir": the holiday or the day, promised
        r"|\b(?:bis|vor|by|before)\s(?:heiligabend|weihnachten|silvester|neujahr|christmas(?: eve)?|xmas|new year)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:for sure|guaranteed|garantiert|sicher|definitely)\b"
        r"|\b(?:garantiert|guaranteed|for sure|sicher)\b[^.!?\U0001F300-\U0001FAFF]{0,25}\b(?:am|on the) \d{1,2}(?:\.|st|nd|rd|th)"
        # "Bestellungen von heute sind garantiert am Donnerstag bei dir"
        r"|\b(?:garantiert|guaranteed|for sure|ganz sicher|definitiv|definitely)\b[^.!?\U0001F300-\U0001FAFF]{0,15}"
        r"\b(?:am|on|by) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|monday|tuesday|wednesday|thursday|friday"
        r"|saturday)\b"
        # "we'll ship you a new grinder this week", "schicken wir dir nächste Woche eine neue"
        r"|\b(?:we(?:'ll| will)|i(?:'ll| will))\s(?:ship|send|post|mail)\b[^.!?\U0001F300-\U0001FAFF]{0,40}\b(?:this|next)"
        r" (?:week|monday|tuesday|wednesday|thursday|friday)\b|\b(?:schicken|senden|verschicken) wir\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,40}\b(?:diese|nächste|kommende) woche\b"
        # "Morgen ist es bei dir, versprochen" (a "Guten Morgen!" ends at its "!")
        r"|(?<!guten )(?<!jeden )\b(?:morgen|übermorgen|tomorrow)\b[^.!?\U0001F300-\U0001FAFF]{0,25}\b(?:ist|kommt|sind|landet|is|will be"
        r"|arrives?)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:bei dir|da|with you|there)\b"
        r"|\b(?:ganz )?(?:sicher|garantiert|bestimmt|definitiv|auf jeden fall)\b[^.!?\U0001F300-\U0001FAFF]{0,30}\bvor (?:weihnachten|heiligabend|ostern|dem wochenende"
        r"|silvester|dem fest|pfingsten|himmelfahrt|muttertag|vatertag|dem feiertag|dem langen wochenende)"
        r"|\b(?:definitely|surely|certainly|guaranteed to)\b[^.!?\U0001F300-\U0001FAFF]{0,40}\b(?:by|before) (?:christmas|the weekend|"
        r"easter|mother'?s day|father'?s day|whitsun|the bank holiday|the long weekend|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        r"|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|übermorgen)\s+(?:klingelt|steht|landet)'?s?\b[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:bei dir|vor deiner tür)\b"
        # "Bestellst du heute, ist es Freitag garantiert bei dir": a weekday, promised
        r"|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|monday|tuesday|wednesday|thursday|friday|saturday)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:garantiert|guaranteed|for sure|ganz sicher|definitely)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:bei dir|da|with you|there)\b"
        r"|\b(?:arrives?|delivered|there) (?:the )?next day\b|\bnext[- ]day delivery\b|\bam nächsten tag (?:da|bei dir)\b"
        r"|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag)\s+(?:ist|kommt|landet)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:bei dir|da)\b"
        # "spätestens Freitag", not "spätestens am Morgen danach" or "spätestens beim nächsten Kaffee"
        r"|\bspätestens\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag"
        r"|(?<!am )(?<!dem )morgen|übermorgen|ende|nächste\w? (?:woche|monat|werktag|tag)"
        r"|\d{1,2}\.)|\b(?:at the latest|no later than)\b|\bby (?:the )?end of (?:the|this|next) week\b"
        r"|\b(?<!switch it )(?<!turn it )(?<!start it )(?<!welcome )(?<!willkommen )(?:wieder|back)\b(?! on\b)[^.!?\U0001F300-\U0001FAFF]{0,25}\b(?:ab|in|from|by|next|nächste\w?|anfang|ende|mitte)\b ?(?:montag|dienstag|mittwoch"
        r"|donnerstag|freitag|samstag|monday|tuesday|wednesday|thursday|friday|saturday|woche|week|monat|month|januar|january"
        r"|februar|february|märz|march|april|mai|may|juni|june|juli|july|august|september|oktober|october|november|dezember"
        r"|december|\d{1,2} ?(?:tage|tagen|wochen|days|weeks))\b"
        r"|\bbis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|übermorgen|ende der woche)\b[^.!?\U0001F300-\U0001FAFF]{0,40}"
        r"\b(?:bei dir|zugestellt|geliefert|ankommt)\b"
        r"|\b(?:at your door|on your doorstep|with you|there)\b[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:by|within|on) (?:monday|tuesday|wednesday"
        r"|thursday|friday|saturday|tomorrow|the week|a few days|\d{1,2} days)\b"
        r"|\b(?:back on|back to) your (?:card|account|bank)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\bwithin\b"
        # "it's back on 20 January", "ab dem 20. Januar wieder da", "we're open for pickup on the 24th"
        r"|\b(?:(?:it'?s|is|are|they'?re|will be|'ll be) back|wieder da|wieder lieferbar|available again)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,10}\b(?:on|ab|am|from)"
        r" (?:the )?\d{1,2}(?:\.|st|nd|rd|th)?\s?(?:january|february|march|december|januar|februar|märz|dezember)?\b"
        r"|\bopen\w{0,3} (?:for pickup |for collection )?on (?:the )?\d{1,2}(?:st|nd|rd|th)\b"
        # "The terrace opens on 1 May", "die Terrasse öffnet am 1. Mai"
        r"|\bopens? on \d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
        r"|\b(?:öffnet|eröffnet|aufmacht) am \d{1,2}\.\s?(?:\d{1,2}\.|[a-zä]{3,9}\b)"
        # "dann liegt's garantiert pünktlich unterm Baum", "das schafft DHL bis Freitag ganz sicher"
        r"|\b(?:garantiert|ganz sicher|guaranteed|for sure)\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:pünktlich|rechtzeitig"
        r"|unterm baum|unter dem baum|on time|in time|under the tree)\b"
        r"|\bbis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|weihnachten|heiligabend|silvester)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:ganz sicher|garantiert|auf jeden fall|locker)\b"
        r"|\b(?:wieder|back|in stock|im shop|in the shop|lieferbar|verfügbar|available|launch\w{0,3}|erscheint|ready|fertig)"
        r"\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:by|in|im|bis|ab|zum) (?:spring|summer|autumn|fall|winter|frühling|frühjahr|sommer|herbst)\b"
        r"|\b(?:a|einen?) (?:spot|platz)\b[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:on the \d{1,2}(?:st|nd|rd|th)?|am \d{1,2}\.)"
        r"|\b(?:nächste|kommende|diese|next|this) (?:woche|week)\b[^.!?\U0001F300-\U0001FAFF]{0,40}\b(?:wieder|back|lieferbar|verfügbar|in stock|"
        r"available|raus|ships?|arrives?|bei dir|with you|zugestellt|delivered)\b"
        rf"|\b(?:ab|from|bis|by|until|starting)\s{{1,3}}{_DATE}[^.!?\U0001F300-\U0001FAFF]{{0,40}}\b(?:wieder|back|zurück|lieferbar|verfügbar"
        r"|in stock|available|im shop|in the shop|bei dir|with you)\b"
        # "bis KW 3", "until week 3"; never "week 4, you got this" to a resolution's week 3
        r"|\b(?:kw|kalenderwoche|calendar week)\s?\d{1,2}\b|\b(?:until|till|bis|in|ab|by|from|before|after|vor|nach)"
        r"(?: der| the)? (?:week|woche)\s?\d{1,2}\b"
        # "back in stock on the 18th", "I can guarantee it's there before the 2nd"
        r"|\b(?:back in stock|in stock again|wieder (?:da|auf lager|lieferbar|im shop))\b[^.!?\U0001F300-\U0001FAFF]{0,15}"
        r"\b(?:on the \d{1,2}(?:st|nd|rd|th)?|am \d{1,2}\.)"
        r"|\bguarantee\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:there|arrives?|delivered|with you|on time|in time)\b"
        r"|\b(?:drops?|launch\w{0,3}|release\w{0,2}|kommt|erscheint|landet)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:next|nächste[nm]?|kommende[nm]?)"
        r" (?:week|month|woche|monat)\b"
        rf"|{_DATE}[^.!?\U0001F300-\U0001FAFF]{{0,40}}\b(?:versprochen|promised?)\b|\b(?:versprochen|promised?)\b[^.!?\U0001F300-\U0001FAFF]{{0,40}}\b{_DATE}"
        rf"|\b(?:im|in|ab|from|by|bis)\s{{1,3}}{_DATE}[^.!?\U0001F300-\U0001FAFF]{{0,25}}\b(?:so weit|soweit|raus|erhältlich|erscheint|launch\w{{0,3}}"
        r"|im (?:online)?shop|in (?:the|our) shop|verfügbar|lieferbar|available)\b"  # "ab KW 3", "im März ist er im Shop"
        r"|\b(?:it|they|your \w{2,12}|the \w{2,12})(?:'ll| will) (?:be with you|arrive|be there|get to you|reach you|land)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,10}\b(?:before|by) (?:christmas|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
        r"|\byou(?:'ll| will)\s+(?:have|get|receive)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:by|on|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the weekend)\b"
        r"|\b(?:hast|bekommst|kriegst) du\b[^.!?\U0001F300-\U0001FAFF]{0,25}\b(?:bis|am|vor) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|dem wochenende)\b"
        # "liegt es an Heiligabend unterm Baum", "dein Paket ist vor Weihnachten da", "it'll be there by Christmas"
        r"|\b(?:kommt|ist|liegt|landet|sind)\s+(?:es|sie|er|das \w+|die \w+|der \w+|dein\w{0,2} \w+)\b[^.!?\U0001F300-\U0001FAFF]{0,25}"
        rf"(?:{_HOLIDAY}|unter(?:m| dem) (?:weihnachts)?baum)"
        r"|\b(?:paket|bestellung|lieferung|sendung|es|sie|er)\s+(?:kommt|ist|liegt|landet)\b[^.!?\U0001F300-\U0001FAFF]{0,25}"
        rf"(?:{_HOLIDAY}[^.!?\U0001F300-\U0001FAFF]{{0,15}}\b(?:da|an|bei dir)\b|unter(?:m| dem) (?:weihnachts)?baum)"
        # "das schaffen wir noch bis Heiligabend", "we'll make it before Christmas": the date promised as doable
        r"|\b(?:schaff\w{0,2}|pack\w{0,2}|krieg\w{0,2}) (?:wir|das|es|ihr)\b[^.!?\U0001F300-\U0001FAFF]{0,25}"
        + _HOLIDAY
        + r"|\b(?:we|it|they)(?:'ll| will) make it\b[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:by|before|for|in time for) (?:christmas"
        r"|christmas eve|new year)"
        r"|\b(?:it|they|your \w{2,12})(?:'ll| will) be\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:by|before|for|in time for) (?:christmas|easter"
        r"|new year|mother'?s day|valentine'?s)"
        # "die kommt diese woche noch an, versprochen": an arrival this week promised
        r"|\b(?:diese woche|this week|heute|today|morgen|tomorrow|bis (?:montag|dienstag|mittwoch|donnerstag|freitag"
        r"|samstag))\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:versprochen|promised?)\b"
        # "we'll make sure your next delivery lands at the new flat exactly on 17 October": a day promised
        r"|\b(?:make sure|ensure|sicherstellen|dafür sorgen)\b[^.!?\U0001F300-\U0001FAFF]{0,50}\b(?:lands?|arrives?|lieg\w{0,2}"
        r"|ankommt)\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:exactly |genau )?(?:on|am) (?:the )?\d{1,2}\b"
        # "Yes, 100% safe! Our roastery is completely nut-free": an allergen guarantee no profile gives
        r"|\b(?:100 ?%|completely|totally|absolutely|komplett|völlig|absolut|garantiert) (?:nut-free|nussfrei"
        r"|allergen-free|allergenfrei|gluten-free|glutenfrei)\b"
        # "Every new subscription this autumn comes with a free Handmühle Kiez": a giveaway invented
        r"|\b(?:comes? with|includes?|gibt'?s (?:dazu|gratis)|bekommst du (?:dazu )?)(?: a| an| einen?| eine)? (?:free|gratis"
        r"|kostenlose?n?) (?:[A-ZÄÖÜ]\w{1,20}|grinder|mühle|bag|tüte|mug|tasse)\b"
        # "kommt ganz sicher bald wieder, versprochen": a restock no one has dated
        r"|\b(?:kommt|kommen|ist|sind|will be|is|are)\b[^.!?\U0001F300-\U0001FAFF]{0,25}\b(?:ganz sicher|garantiert|definitiv|for sure"
        r"|definitely|guaranteed)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:bald|wieder|zurück|back|soon)\b"
        r"|\b(?:bald|soon) (?:wieder|back)\b[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:versprochen|promised?)\b"
        # "im Frühjahr ist er im Shop", "we'll make sure it's there before Saturday"
        r"|\b(?:im|ab|in|by|this|next) (?:frühjahr|frühling|sommer|herbst|winter|spring|summer|autumn|fall)\b[^.!?\U0001F300-\U0001FAFF]{0,25}"
        r"\b(?:im (?:online)?shop|in (?:the|our) shop|verfügbar|lieferbar|available|erhältlich|launch\w{0,3}|erscheint)\b"
        r"|\b(?:make sure|ensure|sicherstellen|dafür sorgen)\b[^.!?\U0001F300-\U0001FAFF]{0,30}\b(?:there|arrives?|delivered|da ist|ankommt"
        r"|reach(?:es)? you|gets? to you|bei dir ist)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,15}\b(?:before|by|bis|vor) (?:christmas|the weekend|tomorrow|monday|tuesday|wednesday|thursday|friday"
        r"|saturday|sunday|weihnachten|dem wochenende|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b"
        # "it'll definitely be there before Halloween", "30 by 10 December is no problem at all", "if it hasn't
        # arrived by Friday we'll ...": a date no one can promise, promised
        r"|\b(?:it|they|your \w{2,12})(?:'ll| will) (?:definitely |surely |certainly |easily |totally )?be\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,20}\b(?:by|before|for|in time for) (?:halloween|the party|black friday|advent"
        r"|st\.? martin|christmas|new year|your (?:party|birthday|trip))\b"
        rf"|\b(?:by|bis|zum|before|vor)\s{{1,3}}(?:\d{{1,2}}\.?\s)?{_DATE}[^.!?\U0001F300-\U0001FAFF]{{0,25}}\b(?:is |ist )?(?:no problem|kein problem"
        r"|doable|machbar|easy|klappt)\b"
        rf"|\b(?:in the shop|im shop|im onlineshop|in stock|available|erhältlich|verfügbar)\b[^.!?]{{0,10}}\b(?:from|ab)"
        rf"\s{{1,3}}(?:\d{{1,2}}\.?\s)?{_DATE}"  # "24 little bags, in the shop from 1 november"
        rf"|\bif (?:it|they|the parcel|your parcel|it still)\b[^.!?]{{0,30}}\b(?:arrived|there|come|arrive)\b by {_DATE}"
        rf"|\b(?:falls|wenn) (?:es|das paket|dein paket|sie)\b[^.!?]{{0,20}}\bbis {_DATE}[^.!?]{{0,15}}\bnicht\b"
        # "dann ist das neue Glas in zwei Tagen bei dir", "it'll be with you in 2 days"
        r"|\b(?:ist|sind|kommt|kommen|ist es|ist das)\s(?:\w{1,12}\s){0,4}in (?:zwei|drei|\d) tagen bei (?:dir|ihnen|euch)\b"
        r"|\b(?:it|they)(?:'ll| will) be with you in (?:two|three|\d) days\b"
        # "Jap, ab Freitag gibt's bei uns Pumpkin Spice", "no stress, it'll be at your door tomorrow morning for sure"
        r"|\b(?:ab|from) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday"
        r"|thursday|friday|saturday|sunday|morgen|tomorrow)\b[^.!?]{0,20}\b(?:gibt'?s|gibt es|im (?:online)?shop"
        r"|in (?:the|our) shop|verfügbar|available|erhältlich)\b"
        r"|\b(?:be at your door|be on your doorstep|vor deiner tür)\b[^.!?\U0001F300-\U0001FAFF]{0,20}"
        r"\b(?:tomorrow|morgen|today|heute|by|bis|on (?:monday|tuesday|wednesday|thursday|friday|saturday))\b"
        # "Ab August gibt's die Kiezmischung auch entkoffeiniert im Shop": a launch month no one has announced
        r"|\b(?:ab|from) (?:dem |the )?(?:\d{1,2}(?:\.|st|nd|rd|th)?\s{1,3})?(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january"
        r"|february|march|april|may|june|july|august|september|october|november|december)\b[^.!?]{0,40}"
        r"\b(?:gibt'?s|gibt es|im (?:online)?shop|in (?:the|our) shop|verfügbar|available|erhältlich)\b"
        # "ist das Paket sicher bis zum 3. Mai bei dir", "it'll definitely be there by the 3rd"
        rf"|\b(?:sicher|garantiert|definitiv|safely|definitely|guaranteed)\s(?:\w{{1,12}}\s){{0,2}}(?:bis|by|before|vor)"
        rf"\s{{1,3}}(?:zum\s)?{_DATE}",
        re.IGNORECASE,
    ),
    # No profile states it: "Unsere Preise bleiben bis mindestens Ende des Jahres stabil", "prices won't go up"
    "price_guarantees": re.compile(
        r"\b(?:preise?|prices?)\b[^.!?]{0,30}\b(?:bleiben|bleibt|stay|stays|remain|remains)\b[^.!?]{0,45}"
        r"\b(?:stabil|gleich|stable|the same|unverändert|unchanged|(?:genau )?so,? wie sie (?:jetzt )?sind|as they are"
        r"|where they are)\b|\b(?:preise?|prices?)\b[^.!?]{0,20}"
        r"\b(?:won'?t|will not|werden nicht|steigen nicht)\b[^.!?]{0,10}\b(?:go up|rise|change|steigen|erhöht)\b"
        r"|\bpreisgarantie\b|\bprice guarantee\b"
        # "Wir garantieren dir den aktuellen Preis bis Jahresende", "we'll hold the old price for you"
        r"|\b(?:garantier\w{0,3}|sichern|halten|guarantee\w{0,2}|lock in|hold|keep)\b[^.!?]{0,25}\b(?:den |die |the |your )?"
        r"(?:aktuellen|alten|jetzigen|heutigen|current|old|today'?s) (?:preis|preise|price|prices|rate)\b"
        # "the subscription price is locked for existing subscribers", "dein Abopreis ist fest eingefroren"
        r"|\b(?:preise?|prices?|abopreis\w{0,2})\b[^.!?]{0,30}\b(?:is|are|ist|sind|bleibt|bleiben|stays?) (?:\w{1,12} )?"
        r"(?:locked|frozen|fixed|guaranteed|eingefroren|festgeschrieben|garantiert)\b"
        # "bei uns bleiben die Preise bis Ende des Jahres garantiert stabil"
        r"|\b(?:bleiben|bleibt|stay|remain)\b[^.!?]{0,12}\b(?:preise?|prices?)\b[^.!?]{0,45}"
        r"\b(?:stabil|gleich|stable|the same|unverändert|unchanged|(?:genau )?so,? wie sie (?:jetzt )?sind)\b",
        re.IGNORECASE,
    ),
    # No policy allows it: coffee that heals, lowers blood pressure or cures migraines is a claim no brand may make.
    "health_claims": re.compile(
        r"\b(?:heilt|heilen|geheilt|cures?(?! for\b)|cured|heals?|cures? for (?:cancer|diabetes|migraines?|headaches?|depression)|senkt (?:den |deinen |ihren )?blutdruck|lowers? (?:your |the )?blood"
        r" pressure|gegen (?:migräne|kopfschmerzen|krebs|diabetes|depression)\w{0,2}|prevents? (?:cancer|diabetes|migraines?)"
        r"|beugt\b[^.!?]{0,30}\bvor|(?:tabletten|medikamente|medication|pills)\b[^.!?]{0,30}\b(?:weglassen|absetzen|stop|skip)"
        r"|macht schlank|burns? fat|fettverbrennung|weight loss)\b",
        re.IGNORECASE,
    ),
}


# A refusal is not a promise: "Rabattcodes können wir leider keine vergeben", "no discount codes".
NEGATION = re.compile(
    r"\b(?:leider|kein\w*|nicht|nichts|nie|niemals|weder|no|not|never|none|unfortunately|sadly|cannot)\b|n[’']t\b",
    re.IGNORECASE,
)
# A clause ends at punctuation, an emoji or a contrast ("leider kein Rabatt, aber ...": the "aber" part stands alone;
# "dafür" contrasts only after a comma: "Kostenlose Tüten können wir dafür leider nicht verschicken" refuses).
CLAUSE_END = re.compile(
    r"[.!?;:,\n\U0001F300-\U0001FAFF\u2600-\u27BF]|\s[–—](?=\s)|\s\b(?:aber|sondern|jedoch|but|instead|though)\b",
    re.IGNORECASE,
)  # an emoji ends a sentence on social media ("nicht unser Anspruch 😅 Beim nächsten Mal 10 % drauf"), so does a
# spaced dash ("Digital Detox gratis dazu – das nennen wir ...")
# Set phrases that look negative but refuse nothing.
NOT_A_REFUSAL = re.compile(
    r"\b(?:keine sorge|kein problem|kein stress|no problem|no worries|not a problem|wenn nicht|falls nicht|if not"
    r"|nicht auf dem \w{1,12} sitzen|not yet"
    # "I'll refund this month so you're not paying for the mess": the promise's purpose, no refusal
    r"|so (?:that )?you(?:'re| are) not|so you (?:don'?t|won'?t)|damit du nicht|damit sie nicht)\b",
    re.I,
)
NEGATION_WINDOW = 60  # characters around the promise words within their clause


def forbidden_promises(text: str, allowed: dict[str, bool], stated: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(kind, words) for every promise in text whose policy flag is False (refusals and stated facts excepted)."""
    text = text.replace("’", "'")  # "I’ve already refunded": one apostrophe for the patterns (same length)
    found = []
    for kind, pattern in PROMISES.items():
        if allowed.get(kind, False):
            continue
        hits = [m for m in pattern.finditer(text) if not refused(text, m.start(), m.end())]
        hits = [m for m in hits if not restates(text, m, stated) and not _asked(text, m.end(), m.start())]
        hits = [m for m in hits if not (kind == "compensation" and _free_replacement(text, m, stated))]
        hits = [m for m in hits if not (kind == "compensation" and (owns_fault(text, m) or _kept_habit(text, m)))]
        if kind == "compensation":  # "Offline-Zeit gratis dazu" jokes; "eine Tüte gratis für dich" gives
            hits = [m for m in hits if _ours_or_yours(text, m.start(), m.end())]
        found += [(kind, m.group().strip()) for m in hits]
    return found


# Something of ours, or for the person, near a "free": only then is it a compensation.
_GOODS = (
    r"\b(?:kaffee|tüte\w*|beutel|versand|lieferung|abos?|mühle|bohnen|bestellung\w*|coffee|bag|shipping|delivery|beans"
    r"|mischung|blend|espresso|grinders?"
    r"|orders?|tassen?|cups?|probe\w{0,4}|samples?)\b"
    r"|\b\w{2,15}(?:mühle|tüte|tüten|kaffee|bohnen|mischung)\b"  # "Handmühle gratis dazu", "Probiertüte"
)
GIVEN = re.compile(
    r"\b(?:wir|uns|unser\w*|dir|dich|du|für dich|bekommst|kriegst|schicken|legen|we|us|our|you|your|yours)\b|" + _GOODS,
    re.IGNORECASE,
)
GOODS = re.compile(_GOODS, re.IGNORECASE)
# "Umsonst gibt es bei uns vor allem Kaffeewissen", "free advice": knowledge given away is no compensation
ADVICE = re.compile(r"\b\w{0,15}(?:wissen|tipps?|ratschläge?|beratung|know-how|advice|tips|wisdom)\b", re.IGNORECASE)


# Words that give something by themselves, whoever the sentence names.
SELF_GIVING = re.compile(
    r"geht auf uns|aufs haus|on the house|gutschrift|gutgeschrieben|store credit|behalt|\d\s?(?:€|euro|eur)?\s+(?:credit|voucher|gutschein)\b"
    r"|entschädigung|compensat|wiedergutmachung|gets? (?:a |an )?free\b|keep the \w{1,15} one|as a spare|versandkosten"
    r"|shipping|ships? (?:for )?free|no questions asked|ohne wenn und aber|lifetime|lebenslang",
    re.IGNORECASE,
)


# "eine Woche ohne Antwort ist zu lang, das geht auf uns": "that's on us" owning a mistake, nothing given.
OWNED = re.compile(r"\b(?:das|dies)(?: (?:alles|wirklich|echt|ganz|klar))? geht (?:klar |voll |ganz )?auf uns\b", re.I)
FAULT = re.compile(
    r"\b(?:zu lang\w*|zu spät|too long|too late|fehler\w*|mistake|versäum\w*|verpeilt|verpennt|dropped the ball|sorry"
    r"|entschuldig\w*|apolog\w*|tut (?:uns|mir) leid|nicht (?:ok|okay|in ordnung)|not (?:ok|okay)|ärgerlich|unacceptable"
    r"|hätte\w* nicht|shouldn'?t have|ohne antwort|no (?:answer|reply))\b",
    re.I,
)


def _kept_habit(text: str, match: re.Match[str]) -> bool:
    """ "If espresso is part of your long-run routine, keep it.": a habit kept under a condition, nothing given."""
    sentence = text_around(text, match.start(), match.end())
    return match.group().strip().lower() == "keep it" and _HABIT_IF.match(sentence) is not None


_HABIT_IF = re.compile(
    r"\W*(?:if|wenn)\b[^,]{0,80}\b(?:routine|habit|ritual|usually|always|already|part of|works for you|gewohnt|immer)\b",
    re.IGNORECASE,
)


def owns_fault(text: str, match: re.Match[str]) -> bool:
    """ "das geht auf uns" after a fault in the same sentence: owning the mistake, not paying for something."""
    sentence = re.split(r"[.!?\n]", text[: match.start()])[-1]
    said = sentence + text[match.start() : match.end() + 4]
    return bool(OWNED.search(said)) and bool(FAULT.search(sentence))


FREE = re.compile(r"kostenlos|free of charge|at no (?:extra )?cost|for free", re.IGNORECASE)
REPLACE = re.compile(r"\b(?:ersetz\w*|ersatz\w*|replace\w*|tausch\w*)\b", re.IGNORECASE)


def _free_replacement(text: str, match: re.Match[str], facts: Sequence[str]) -> bool:
    """ "Beschädigte Ware ersetzen wir dir selbstverständlich, für dich kostenlos": the stated replacement, at no
    cost (a fact says so), not a gift on top."""
    if not FREE.fullmatch(match.group().strip()):
        return False
    sentence = _content(re.split(r"[.!?\n]", text[: match.start()])[-1])
    return any(REPLACE.search(f) and len(sentence & _content(f)) > STATED_WORDS for f in facts)


ASIDE_WORDS = 0  # words beside "free of charge" in a clause that only says it of what the sentence gives


def text_around(text: str, start: int, end: int, stops: str = ".!?\n") -> str:
    """The stretch of the text that holds start:end, between the nearest of the `stops` on either side (a sentence
    by default, a clause with ",;" among them)."""
    begin = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return text[begin : min(ends, default=len(text))]


def _ours_or_yours(text: str, start: int, end: int) -> bool:
    before, after = _around(text, start, end)
    clause = f"{before} {text[start:end]} {after}"
    if len(words(clause)) - len(words(text[start:end])) <= ASIDE_WORDS:  # "..., free of charge, as soon as ...":
        clause = text_around(text, start, end)  # an aside about the sentence it stands in
    if ADVICE.search(clause) and not GOODS.search(clause):
        return False
    return bool(GIVEN.search(clause)) or bool(SELF_GIVING.search(text[start:end]))


def refused(text: str, start: int, end: int) -> bool:
    """The words at start:end stand in a negated clause ("... gibt es leider nicht")."""
    before, after = _around(text, start, end)
    inside = CLAUSE_END.split(text[start:end])[-1]  # "get it 😅 We can't hand out codes": the refusal is inside
    around = NOT_A_REFUSAL.sub(" ", f"{before} … {inside if inside != text[start:end] else ''} … {after}")
    return (
        bool(NEGATION.search(around)) or _promise_declined(text, before, end) or _refusal_widened(text, start, before)
    )


# A clause that widens the refusal before it: "We don't offer discounts, and that includes student discounts"
INCLUDED = re.compile(
    r"^\s*(?:and |und )?(?:that (?:includes|goes for|applies to)|including|incl\.|einschließlich|inklusive"
    r"|das gilt auch für|auch nicht)\b",
    re.IGNORECASE,
)


def _refusal_widened(text: str, start: int, before: str) -> bool:
    """The words stand in a clause that widens a refusal just before it to them."""
    if not INCLUDED.search(before):
        return False
    clauses = CLAUSE_END.split(text[max(0, start - 2 * NEGATION_WINDOW) : start])
    return len(clauses) >= 2 and bool(NEGATION.search(NOT_A_REFUSAL.sub(" ", clauses[-2])))


# "Dass es bis Freitag ankommt, kann ich dir nicht versprechen": the clause is what the next one declines
FRONTED = re.compile(r"^\s*(?:dass|ob|that|whether)\b", re.IGNORECASE)
DECLINED = re.compile(
    r"^[^.!?\n]{0,30}\b(?:nicht|kaum|no one|nobody|can'?t|cannot|can not)\b[^.!?\n]{0,15}"
    r"\b(?:versprechen|zusagen|garantieren|promise|guarantee)\b",
    re.IGNORECASE,
)


def _promise_declined(text: str, before: str, end: int) -> bool:
    """A fronted "dass"/"that" clause whose main clause declines to promise it."""
    if not FRONTED.search(before):
        return False
    rest = text[end : end + 2 * NEGATION_WINDOW]
    main = rest[rest.index(",") + 1 :] if "," in rest else ""
    return bool(DECLINED.search(main))


STATED_WORDS = 2  # words besides the promise word that a clause shares with a fact that says it


WHETHER = re.compile(
    r"\b(?:ob|whether)\b"
    # "I'll ask our roasters what's coming in this autumn", "ich frage nach, was im Herbst kommt": an indirect question
    r"|\b(?:ask|asking|check|checking|find out|frage|fragen|frag|nachfragen|kläre|klären)\b[^.!?]{0,30}"
    r"\b(?:what(?:'s)?|when|which|if|was|wann|welche\w{0,2})\b",
    re.IGNORECASE,
)


def _asked(text: str, end: int, start: int | None = None) -> bool:
    """The words stand in a question ("Geht heute raus? Das prüfe ich.") or a "whether" ("Whether there's a voucher
    version, I'll check"): asked, not promised."""
    if start is not None and WHETHER.search(_around(text, start, end)[0]):
        return True
    rest = re.search(
        r"[.!?\n\U0001F300-\U0001FAFF\u2600-\u27BF]", text[end : end + NEGATION_WINDOW]
    )  # an emoji ends it
    return rest is not None and rest.group() == "?"


def restates(text: str, match: re.Match[str], facts: Sequence[str]) -> bool:
    """The clause around a promise word restates one of the brand's facts ("Gutscheine gibt es ab 15 Euro")."""
    word = fold(match.group())
    clause = _content(_clause(text, match.start(), match.end())) - _content(match.group())
    return any(word in fold(f) and len(clause & _content(f)) >= STATED_WORDS for f in facts)


def _clause(text: str, start: int, end: int) -> str:
    before, after = _around(text, start, end)
    return before + text[start:end] + after


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The rest of the clause before and after text[start:end], within NEGATION_WINDOW characters."""
    before = CLAUSE_END.split(text[max(0, start - NEGATION_WINDOW) : start])[-1]
    return before, CLAUSE_END.split(text[end : end + NEGATION_WINDOW])[0]


def _content(text: str) -> set[str]:
    return {fold(w) for w in words(text) if (len(w) >= 3 or w.isdigit()) and not is_stopword(w)}
