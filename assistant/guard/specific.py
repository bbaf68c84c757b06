"""Does a draft answer this message? Shared words, compounds, the facts and products asked about, honest deferrals."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from assistant.analysis.answers import DELIVERY_ASKED, countries_in
from assistant.analysis.irony import MEME, OUR_WORLD, RIDDLE
from assistant.analysis.judgement import ILL
from assistant.analysis.normal import read
from assistant.analysis.questions import riddle, spooky_question
from assistant.analysis.reading import PROFANITY
from assistant.models import UNHAPPY, Analysis, Message
from assistant.profiles.loading import EscalationRule, Fact, VoiceProfile
from assistant.text import fold, has_phrase, is_stopword, table, words

MENTION_OR_LINK = re.compile(r"@\w+|https?://\S+|www\.\S+")
# Figures of two digits or more, ratios (1:8), and short words mixing digits and letters (5am, v60, 18h).
FIGURE = re.compile(r"(?<!\w)(?:\d{1,2}:\d{1,3}(?!\d)|\d{2,}|(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{2,8})(?!\w)")
STEM = 5  # letters that make two word forms the same word (Verpackung, Verpackungen)
COMPOUND_PART = 4  # a word this long inside a compound counts (Plastik|tüte ~ Tüte)
# An honest "we don't know yet / we'll find out" answers a question the profile cannot answer.
STRONG_DEFERRAL = re.compile(
    r"\b(?:noch kein(?:e|en)? (?:datum|termin|infos?)|(?:datum|termin|date)\b[^.!?\n]{0,30}\b(?:nicht|not|yet)"
    r"|sobald (?:ich|wir)\b[^.!?\n]{0,20}\b(?:weiß|wissen|sicher)|as soon as (?:i|we) know"
    r"|frag\w*\b[^.!?\n]{0,40}\b(?:im team|intern|nach|(?:die|den|unsere?n?) röster)"
    r"|kläre?n? (?:wir|ich)|checke?n? (?:wir|ich)|\bhake?n? (?:ich|wir)\b[^.!?\n]{0,20}\bnach\b"
    r"|(?:geb|gebe|reich|reiche)\w{0,2} (?:ich|wir)\b[^.!?\n]{0,30}\bans team\b"
    # "ich geb deinen Wunsch ans Team weiter": what is passed on named, never a bare "wir geben das ans Team weiter"
    r"|\b(?:ich|wir) (?:geb|gebe|geben|reich|reiche|reichen) (?:dein|deine|deinen|ihren|ihre|diesen|diese)\s\w{3,20}\b"
    r"[^.!?\n]{0,20}\bans team\b"
    r"|(?:ich|wir) (?:kläre?n?|checke?n?|prüfe?n?)\b[^.!?\n]{0,30}\b(?:team|nach|intern)"
    r"|wissen wir (?:noch )?nicht|no date yet|(?:we'll|we will|i'll|i will|let me) (?:check|ask|find out)"
    r"|don't know yet"
    r"|(?:our|the) team (?:will|'ll) (?:find out|check)|finden wir (?:für dich )?(?:raus|heraus)"
    r"|(?:i'm|i am|we're|we are) (?:asking|checking)|(?:asking|checking with) (?:our|the) (?:team|roasters?)"
    r"|nothing (?:i|we) can (?:announce|share|say)|(?:noch )?nichts (?:spruchreif|zu verkünden|ankündigen|verraten)"
    r"|(?:können|kann) (?:wir|ich) (?:noch )?nichts (?:sagen|verraten|ankündigen)"
    # "one for your tax advisor", "klärst du am besten mit deiner Steuerberatung": an honest referral
    r"|(?:your|a) tax advis\w*|(?:deiner|ihrer|einer) steuerberat\w*"
    # "We're roasters, not doctors", "keine Sportmediziner": a health question honestly left to a doctor
    r"|(?:not|keine?) (?:\w{1,12} )?(?:doctors?|ärzt\w{0,2}|mediziner\w{0,3}|sportmediziner\w{0,3})"
    # "A doctor will know better than us", "das weiß deine Ärztin besser"
    r"|(?:a|your) (?:doctor|gp|pharmacist)\b[^.!?\n]{0,20}\b(?:know|tell|answer)\w{0,2} (?:better|that|this)"
    r"|(?:ärztin|arzt|hausarzt\w{0,6})\b[^.!?\n]{0,20}\bbesser\b"
    # "I'm passing your question to the team", "ich gebe deine Frage ans Team weiter"
    r"|passing (?:your|the|this) question (?:on )?to|pass\w{0,3} (?:your|the|this|that) (?:vote|wish|idea|request"
    r"|suggestion)\w? on|not something (?:i|we) can promise"
    r"|(?:deine|die|ihre) frage\b[^.!?\n]{0,20}\b(?:ans|an das) team)\b",
    re.IGNORECASE,
)
GREETING_WORDS = frozenset(
    ("guten", "hallo", "hello", "dear", "liebe", "lieber", "liebes", "servus", "gruss", "grusse")
)
# Words of liking that every friendly message and reply share: "would love to order" ~ "love this" says nothing.
VAGUE_WORDS = frozenset(
    ("love", "loved", "loving", "lovely", "like", "great", "nice", "awesome", "cool", "super", "mega")
)
# Words of a friendly reply that share letters with a message by chance: "wir freuen uns" ~ "mein Freund",
# "taking the time" ~ "3 times", "get back to you" ~ "money back".
# Words any text may share: "jedes Mal" is no "jeden Morgen", "a bit" no "Bit disappointed".
FILLER_WORDS = frozenset(
    ("freun", "freut", "freue", "time", "back", "jede", "jeder", "jedes", "jeden", "jedem", "every", "each", "bit")
)
# Praise needs no echo: a warm thank-you answers it.
LAUGHING = re.compile(
    r"\b(?:haha\w*|lach\w*|laugh\w*|zu real|too real|ertappt|erwischt|caught|gesehen|seen|called out|so wahr"
    r"|so true|schon mal da|been there|kennen wir|relatable)\b",
    re.I,
)
THANKS = re.compile(
    r"\b(?:dank\w*|freu\w*|thank\w*|glad|enjoy\w*|happy|schön zu (?:lesen|hören)|(?:right )?back at (?:you|ya)"
    r"|(?:the )?best thing (?:we|i) (?:could |can )?(?:read|hear)|made (?:our|my) day|macht (?:unseren|meinen) tag"
    r"|gleichfalls|ebenso)\b",
    re.IGNORECASE,
)
QUESTION = re.compile(
    r"\?|\b(?:wann|wie|was|welche\w*|wo|warum|gibt(?:'s| es)|habt ihr|when|how|what|which|where|why|do you)\b", re.I
)
# A pick of ours asked for without naming the range: "was von euch würdet ihr schenken", "what would you recommend"
PICK_ASKED = re.compile(
    r"\b(?:empfehl\w{0,4}|recommend\w{0,3}|was (?:von euch )?(?:würdet|würdest) (?:ihr|du)|what would (?:you|u))\b",
    re.IGNORECASE,
)
# Words that ask about the range as a whole: any product named in the draft answers them.
RANGE_WORDS = re.compile(
    r"\b(?:sorten?|bohnen?|kaffees?|coffees?|beans?|blends?|roasts?|mühlen?|grinders?|brew\w*|rezept\w*|recipes?"
    r"|zubereit\w*|french press|filter\w*|siebträger|portafilter)\b",
    re.IGNORECASE,
)


def refers_to_message(text: str, message: Message, analysis: Analysis, profile: VoiceProfile) -> str | None:
    """What the draft picks up from the message (a word, a fact, a product, a deferral), or None."""
    plain = without_sign_off(text, profile)
    text = SET_PHRASES.sub(" ", plain)
    media = MEDIA_WORDS if message.mode == "outreach" else frozenset()  # "Cooles Video" says nothing of a video
    anchors = {a for a in message_words(message) | _creator_words(message) if a.split("-")[-1] not in media}
    drafted = _content(text)
    if _fact_ignored(text, drafted, message, analysis, profile):
        return None  # "how do I pause it for February?" -> "safe travels and enjoy February!": the words, no answer
    if _choice_dodged(text, message, profile):
        return None  # "Kiezmischung oder Espresso Kreuzberg?" -> "both roasted with love": no pick, no reason
    if _other_place(text, message):
        return None  # "shipping to austria??" -> "DHL, 2–3 working days within Germany": another place's answer
    if _only_pleasantries(plain, message, analysis):
        return None  # "Are the beans still ok after 3 days in the heat?" -> "So glad your parcel made it!": no answer
    if _question_passed_over(plain, message, analysis, profile):
        return None  # "Macht ihr sowas für Betriebe?" -> "Konditorin ist so ein schöner Beruf, viel Erfolg!"
    if _figure_ignored(plain, message, analysis):
        return None  # "Wie lange dauert der Versand gerade?" -> "Wir packen jedes Paket mit ganz viel Liebe!"
    if _word_said_back(text, drafted, message, analysis):
        return None  # "... free above 20 francs ... can you confirm?" -> "Klar doch! francs": a word back, no answer
    shared = next((w for w in drafted - FILLER_WORDS if _same_word(w, anchors, short_heads=True)), None)
    if shared:
        return shared
    if AGREED.match(plain) and not analysis.questions and message.mode == "reply":
        return "agreement"  # "lowkey süchtig nach eurer kiezmischung" -> "Wir auch, kein cap 🫘": said back to them
    if TAG_ENDED.search(message.text) and AFFIRMED.match(plain) and message.mode == "reply":
        return "agreement"  # "one extra hour of coffee, right?" -> "That's the only correct way to read it 😄"
    if AND_YOU.search(_source(message)) and OURS_TOLD.match(plain) and message.mode == "reply":
        return "the question back answered"  # "o zapft is! und bei euch?" -> "Bei uns heißt's: o brüht is ☕"
    if WHO_ELSE.search(_source(message)) and (AGREED.match(plain) or RAISED_HAND.match(plain)):
        return "agreement"  # "Kinder im Bett, Eltern auf dem Sofa. Wer noch?" -> "Same! ...": the answer asked for
    said = {fold(re.sub(r"[’']s$", "", w)) for w in words(text)}
    own = _short_words(POSSESSED.sub(" ", text))  # "we hope you and your dad enjoy it" fills a slot
    short = ((own & _short_words(_source(message))) | (said & _handle_names(_source(message)))) - FILLER_WORDS
    if short:  # "oma hat geschmack" to "hab von oma ne handmühle", "Ellie's planning ..." to "@ellie.b"
        return sorted(short)[0]
    found = _shared_number(text, _source(message)) or _shared_phrase(text, _source(message))
    if found:
        return found
    place = countries_in(read(text)) & countries_in(read(_source(message)))
    if place:
        return f"the place ({', '.join(sorted(place))})"  # "Graz" ~ "Österreich"
    asked = _facts_asked(message, analysis, profile)
    fact = next((f for f in [*asked, *_tips_fitting(message, profile)] if _mentions(drafted, f)), None)
    if fact:
        return f"fact {fact[0]}"
    context = _all_words(message.post or "") if message.mode == "reply" else set()  # "so dankt ihr treuen kunden"
    concept = _shared_concept(_all_words(text) - FILLER_WORDS - media, _all_words(_source(message)) | anchors | context)
    if concept:
        return f"the concern ({concept})"
    named = _post_name(text, message, anchors)
    if named:
        return f"the post's {named}"
    if analysis.escalation and _mentions(drafted, ("next step", _next_step_words(analysis, profile))):
        return f"the next step for {analysis.escalation.team}"
    product = _product_named(fold(text), message, analysis, profile)
    if product:
        return product
    if OPINION_ASKED.search(_source(message)) and RATED.search(text):  # "KOSTÜM IDEE: kaffeebohne. meinungen?"
        return "the rating asked for"  # -> "10 von 10 🫘"
    if TAG_ASKED.search(_source(message)) and re.search(r"#\w", text):  # "Wie heißt euer Hashtag?" "#bohnenkiez"
        return "the hashtag asked for"
    if _thanked(message, analysis) and THANKS.search(text):
        return "a thank-you for the praise"
    if ILL.search(_source(message)) and DOCTOR_SAID.search(text):
        return "the doctor's question handed on"  # "caffeine during a cold: yes or no" -> "your doctor knows best"
    # "does coffee actually help with a cold or am i coping" -> "... Get well soon!": no fact or figure asked, none owed
    owed = any(q.fact or HOW_MUCH_LONG.search(q.text) for q in analysis.questions)  # "how much caffeine is in ...?"
    if ILL.search(_source(message)) and GET_WELL.search(text) and not owed:
        return "a get-well wish"
    if INVITED.search(_source(message)) and ACCEPTED.search(text):
        return "the invitation accepted"
    if CALL_ONLY.match(message.text) and "?" in text:  # "hello?? anyone there 👀" -> "yes, I'm here! What can I ...?"
        return "the call answered"
    if LEAVING.search(_source(message)) and GOODBYE_TAKEN.search(text):  # "..., unfollowing" -> "no hard feelings"
        return "the goodbye taken"
    if BOTH.search(text) and PAIR.search(_source(message)):  # "danke euch beiden" to "mein Mann und ich"
        return "the two of them"
    thanked = _staff_thanked(message, profile)  # "thank you to Jule who helped me" -> "the whole team sees this"
    if thanked and (PASSED_ON.search(text) or any(has_phrase(fold(text), fold(n)) for n in thanked)):
        return "the thanks passed on"
    riddle = bool(RIDDLE.search(_source(message)))  # "...? none, they just wait for it to bloom 😂": no question
    if MEME.search(_source(message)) and (riddle or not analysis.questions) and LAUGHING.search(text):
        return "laughing along with the joke"
    source = message.post if message.mode == "outreach" and message.post else message.text
    if DECLINED.search(text) and not _about_us(message, analysis, profile):
        return "staying out of a comment about something else"  # "@USER so wie A. Merkel": nothing to pick up
    # "We'll find out" answers only what the profile cannot answer; a question with a fact needs the fact.
    # "does coffee help with a cold or am i coping" asks without a "?"; "früher war's günstiger" is a why, unasked
    # "Super, wieder mal ausverkauft.": a stock complaint asks after the stock without a question
    put = bool(QUESTION.search(source) or analysis.questions) or analysis.intent in (
        "product_question",
        "stock_question",
    )
    if not (put or analysis.intent == "criticism"):
        return None
    return "an honest deferral" if STRONG_DEFERRAL.search(text) else None


# An opinion asked for ("meinungen?", "thoughts?", "rate my costume") and a rating given ("10 von 10", "11/10")
OPINION_ASKED = re.compile(
    r"\b(?:meinungen?|eure meinung|thoughts|opinions?|rate (?:my|this|it)|bewerte[tn]?)\b\W{0,5}(?:\?|$)", re.IGNORECASE
)
RATED = re.compile(r"\b\d{1,2}\s?(?:von|/|out of)\s?10\b", re.IGNORECASE)
# A reply that opens by sharing what the person said of themselves: "Wir auch", "Geht uns genauso" (never a bare
# "Same", which stands under any praise)
AGREED = re.compile(
    r"\W{0,3}(?:wir auch|uns auch|us too|we too|geht uns (?:genauso|ganz genauso|auch so))\b",
    re.IGNORECASE,
)
# Someone ill ("down with a cold", "hab Grippe", "🤧", judgement.ILL) and a reply that hands the question on or wishes
# them well
DOCTOR_SAID = re.compile(r"\b(?:doctors?|arzt|ärztin|hausarzt|medical advice|medizinisch\w{0,2})\b", re.IGNORECASE)
GET_WELL = re.compile(r"\b(?:get well|feel better soon|gute besserung|werd schnell gesund|erhol dich gut)\b", re.I)
# A reply that opens by agreeing, to a message that ends by asking to be agreed with (TAG_ENDED: "..., right?")
AFFIRMED = re.compile(
    r"\W{0,3}(?:genau|exactly|absolutely|definitely|stimmt|na klar|yes|ja+|yep|100\s?%|so sieht'?s aus|auf jeden fall"
    r"|allerdings|that'?s (?:the only|exactly|how|the spirit)|of course|logisch|sowieso)\b",
    re.IGNORECASE,
)
# A message that turns its question to us ("und bei euch?", "and you?"), and a reply that starts with us
AND_YOU = re.compile(r"\b(?:und|and) (?:bei euch|ihr|you|you guys|y'?all)\W{0,3}\?|\bwhat about (?:you|u)\b", re.I)
OURS_TOLD = re.compile(r"\W{0,3}(?:bei uns|hier bei uns|wir|for us|over here|we|ours|our)\b", re.IGNORECASE)
# A post or message that asks who else is in the same spot: "Wer noch?", "anyone else?"; and the hand raised to it
WHO_ELSE = re.compile(r"\b(?:wer noch|wer auch|wer von euch auch|who else|anyone else|anybody else)\b", re.IGNORECASE)
RAISED_HAND = re.compile(r"\W{0,3}(?:same|hier|here|me too|ich auch|dabei|count me in)\s{0,2}[!.,🙋]", re.IGNORECASE)


def _fact_ignored(text: str, drafted: set[str], message: Message, analysis: Analysis, profile: VoiceProfile) -> bool:
    """The message asks what a fact answers, and the draft neither says it, nor asks back, defers or hands over."""
    named = {q.fact for q in getattr(analysis, "questions", []) if q.fact}  # the questions' own facts
    # "meine handmühle klackert, ist das normal?": a fault asked about wants a fact or the team's step, whatever fact
    # the reading gave the question
    faulty = analysis.intent in _TROUBLE and analysis.escalation is not None and bool(analysis.questions)
    if message.mode != "reply" or not (named or faulty) or "?" in text or STRONG_DEFERRAL.search(text):
        return False
    plain_ask = any(PLAIN_ASK.match(q.text) for q in analysis.questions)  # "😂 nein ernsthaft, wie lange hält ...?"
    if analysis.emotion == "joking" and not faulty and not plain_ask:  # "ist der geruch ... gratis dabei? 😂": a joke
        return False
    # a reading may name the wrong fact, so any fact's words answer; a product's name does not ("can i return the
    # grinder if i don't like it?" -> "the handmühle kiez is such a good pick 😄" answers nothing)
    known = [*profile.brand.facts, *profile.brand.tips]  # "welcher kaffee passt zu zimtschnecken": a tip answers
    asked = {w for f in known if f.id in named for w in _fact_words(f)[1]}  # "espresso": its own word
    # the faulty product, named back, answers nothing ("meine handmühle klackert" -> "die Handmühle Kiez hat
    # 30 Mahlstufen"), nor does a brewing method said in passing ("von espresso bis french press alles mahlen")
    asked_about = [p for p in profile.brand.products if any(_has(fold(message.text), fold(a)) for a in p.aliases)]
    troubled = [p for p in asked_about if analysis.intent in _TROUBLE]
    echoed = _product_words_of(tuple(n for p in troubled for n in (p.name, *p.aliases)))
    told = drafted - (_product_words(profile) - asked) - echoed - (_PASSING_WORDS if troubled else frozenset())
    if not COUNTED.search(text):  # "a great school year" tells no 2-year warranty: a span says a fact with its number
        told = {w for w in told if not TIME_UNIT.fullmatch(w)}
    # any fact: the reading may name the wrong one; but another fact only by a word the message did not say ("wie
    # lange hält sich die tüte, wenn sie offen ist?" -> "Zwei Leute, eine Tüte, ganz viel Liebe": no bags fact told)
    unsaid = told - message_words(message) - _IN_PASSING  # "smells of fresh coffee" tells no shelf life
    # the question's own fact, but not by a word of the message said back that every coffee reply says ("can I pick
    # up at the roastery on saturdays?" -> "the roastery always smells of coffee" tells no pickup time)
    own = told - (message_words(message) & GENERIC_WORDS)
    # "do you ship to Zurich?" -> "how exciting, Zurich for six weeks!": only said back; but "nur 2 jahre garantie?"
    # -> "Bei der Handmühle Kiez sind's 2 Jahre": the fact's own figure, said again
    stated = set(re.findall(r"\d+", text)) & {
        n for f in known if f.id in named for n in re.findall(r"\d+", " ".join(f.text.values()))
    }
    if not ANSWER_WORDS.search(text) and not stated:
        own = unsaid
    facts = [f for f in known if f.id in named or f in profile.brand.facts]  # a tip only when it was asked for
    if any(_mentions(own if f.id in named else unsaid, _fact_words(f)) for f in facts):
        return False
    # "freitags von 14 bis 18 Uhr ... in der Rösterei": the fact's figures, not the message's own ("bake at 6 am")
    figures = set(re.findall(r"\d+", text)) - set(re.findall(r"\d+", message.text))
    if any(figures & set(re.findall(r"\d+", " ".join(f.text.values()))) for f in facts if f.id in named):
        return False
    new = told - message_words(message)  # "im siebträger probiert" -> "willkommen im siebträger-club" tells nothing
    if not troubled and any(_mentions(new, (p.name, _telling_in(p.text) - BLAND_FACT_WORDS)) for p in asked_about):
        return False  # "Can you do the subscription every week?" -> "it runs every 2 or 4 weeks": the product says
    # ("the burr seems loose, is that covered?" -> "it has a steel burr and 30 settings" answers no fault)
    # the message's "bestellt" said back is no step, but its "after-sales" (the team's name) is the step all the same
    said_back = _content(message.text) - _team_words(analysis, profile)
    step = analysis.escalation and _mentions(drafted - said_back, ("next step", _next_step_words(analysis, profile)))
    return not step


# Words a reply says of any coffee in passing, never telling another fact by them
_IN_PASSING = frozenset({"fresh", "freshly", "frisch", "frische", "frischen", "frischer"})


# A span of time without its number, and the numbers that give it one
TIME_UNIT = re.compile(r"(?:years?|jahre?n?|weeks?|wochen?|days?|tagen?|hours?|stunden?|minutes?|minuten?)")
COUNTED = re.compile(
    r"\d|\b(?:eine[mnr]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|vierzehn|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|twelve|fourteen|a couple of|ein paar)\b",
    re.IGNORECASE,
)


# A sentence that only wishes, thanks or cheers: "So glad your parcel made it!", "Schöne Sommerferien wünschen wir
# dir!", "Cold brew season is the best season!", "Urlaub klingt gut", "Congrats on the new flat"
PLEASANTRY = re.compile(
    r"^\W*(?:and |und )?(?:(?:so |really |ganz |echt )?(?:glad|happy)\b|hope\b|enjoy\b|have (?:a|the|fun)\b|congrat\w*"
    r"|love (?:this|that)|thanks?\b|thank you\b|danke\b|schön\w{0,2}\b|genie(?:ß|ss)\w{0,2}\b|viel spa(?:ß|ss)\b"
    # "Stay cosy this winter ✨", "Bleib gesund!"
    r"|stay (?:cosy|cozy|warm|dry|healthy|safe)\b|bleib (?:gesund|warm|trocken)\b"
    r"|lass (?:es|sie|ihn|euch) (?:dir|euch) (?:gut )?schmecken\b"
    r"|herzlichen glückwunsch|glückwunsch|wie (?:schön|lieb|süß)\b|wir wünschen|alles gute"
    r"|what an? (?:lovely|nice|great|wonderful|sweet|thoughtful|beautiful) \w{3,15}\W*$)"
    r"|\b(?:klingt|sounds?|is going to be|wird)\b[^.!?]{0,25}"
    r"\b(?:gut|toll|traumhaft|herrlich|wunderbar|wundervoll|schön|great|lovely|amazing|incredible|fun|wonderful)\b"
    r"[^.!?]{0,20}\W*$"
    r"|\b(?:is|ist|are|sind) (?:einfach |just |simply )?(?:unschlagbar|the best|das beste|die beste|der beste"
    r"|unbeatable)\b"
    r"|\b(?:crowd favou?rite|such an exciting|quite the project)\b"
    # "Die Herbstferien sind eine wunderbare Zeit für gemeinsame Erlebnisse", "autumn is a lovely time for ..."
    r"|\b(?:ist|sind|is|are) (?:doch |einfach |immer )?(?:eine? |die |a |the )?(?:wunderbare|schöne|tolle|perfekte"
    r"|herrliche|beste|wonderful|lovely|perfect|great|best) (?:zeit|jahreszeit|time|season)\b"
    # "Sending you lots of cosy vibes!", "Wir schicken dir ganz viel Kraft"
    r"|^\W*(?:sending (?:you )?(?:lots of |so much |all the |some )?(?:love|hugs|cosy vibes|cozy vibes|good vibes|vibes"
    r"|strength|positive vibes)|wir schicken dir (?:ganz )?viel(?:e)? (?:kraft|liebe|gute wünsche))\b"
    # "how lovely to hear from Munich!", "schön, von dir zu hören!", "we love hearing that teams enjoy our beans",
    # "wir freuen uns über jede Bestellung", "Wishing you a great start to the year", "Frohe Weihnachten!"
    r"|\bwe (?:really |truly )?appreciate (?:everyone|you all|all of you|every)\b"
    r"|^\W*(?:we|wir) (?:really |truly |do |so )?(?:hope|hoffen)\b"
    r"|\b(?:lovely|great|so nice) to have you\b|\bschön, dass du (?:dabei|bei uns) bist\b"
    r"|\b(?:great|lovely|nice|good|so good|glad|happy) to hear\b|\bvon dir zu hören\b|\bwe (?:really )?love"
    r" (?:hearing|it when|seeing)\b|\bwir freuen uns (?:sehr |riesig )?über jede\b|^\W*(?:wishing you|frohe|merry"
    r"|happy (?:holidays|new year)|guten rutsch|schöne feiertage|have a great start)\b"
    r"|\b(?:is|ist) (?:gerade |right now |just )?(?:im winter |in winter )?(?:sehr |so |super )?(?:beliebt|popular)\b"
    r"|\b(?:ist|is) unser (?:liebling|favou?rite)\b|\bisn'?t it\?$|\bmakes every \w+ better\b"
    # "We're always happy to hear from our community", "wir lieben french press content", "Die hat echt Glück mit
    # dir!", "das klingt nach einer sehr großzügigen Familie!"
    r"|^\W*(?:we'?re|we are|wir sind) (?:always |so |really |truly |immer )?(?:happy|glad|thrilled|delighted|froh)\b"
    r"|\b(?:we|wir) (?:love|lieben) [^.!?]{0,30}\b(?:content|videos?|comments?|kommentare?|posts?)\W*$"
    r"|\b(?:glück mit dir|lucky to have you)\b|\b(?:klingt|sounds) (?:nach|like) (?:einer?[mnrs]?|a|an) (?:(?:sehr"
    r"|richtig|wirklich|echt|really|very|so) )?(?:großzügig\w{0,3}|generous|lovely|wonderful|lucky|glücklich\w{0,3}"
    r"|tolle\w?|schöne\w?|nette\w?)\b"
    r"|^\W*(?:best wishes|warm wishes|cheers|viele grüße|liebe grüße|beste grüße)\b[^.!?]{0,40}$"
    # "Great question!", "Brunch with fresh beans sounds perfect!", "Iced-Latte-Saison, wir lieben es!", "cool, dass
    # du mit der Handmühle Kiez unterwegs bist!"
    r"|^\W*(?:great|good|gute|tolle|super|spannende) (?:question|frage)\W*$|\b(?:wir lieben es|we love it)\W*$"
    # "Das freut uns sehr.", "Wir freuen uns immer, wenn ...", "Gute Besserung", "Kaffee geht immer", "Working with
    # little ones must be so rewarding."
    r"|^\W*(?:das )?freut (?:uns|mich)(?: (?:sehr|riesig|total|wirklich))?\W*$|^\W*wir freuen uns (?:immer|jedes mal)\b"
    r"|^\W*(?:gute besserung|get well soon|feel better soon)\b"
    r"|^\W*\w{3,15} geht (?:einfach |doch |ja )?immer(?:,? (?:oder|ne|gell|right))?\W*$"
    r"|\b(?:ist|is) (?:einfach |just |pure |reine )?(?:liebe|love|magic|magie)\W*$"
    r"|\bmust be (?:so |such |really )?(?:rewarding|fun|lovely|exciting|great|nice|busy|hard work)\b[^.!?]{0,20}\W*$"
    r"|\b(?:klingt|sounds?)\b[^.!?]{0,5}\b(?:perfect|perfekt|lecker|delicious|nice|cozy|gemütlich)\b[^.!?]{0,20}\W*$"
    r"|^\W*(?:how |wie )?(?:cool|toll|super|klasse|nice|great),? (?:dass|that) (?:du|you)\b"
    # "Love seeing you here!", "Cosy autumn vibes at the roastery right now."
    r"|^\W*(?:(?:we )?love|lovely) (?:seeing|to see|having) you\b|\b(?:cosy|cozy) \w{3,15} vibes\b"
    # "Love the autumn energy", "Hab einen schönen Herbst!"
    r"|^\W*(?:love|lieben?) (?:the|this|your|die|diese|deine) (?:\w{3,15} )?(?:energy|energie|vibes?|stimmung|mood)\W*$"
    r"|^\W*(?:hab|habt|haben sie) (?:einen|ein|eine) (?:schöne\w{0,2}|tolle\w{0,2}|gute\w{0,2})\b"
    # "So cool that you're grinding at home", "We love roasting for families", "perfect for spring", "French Press
    # ist so ein schönes Ritual!", "Viel Freude beim Brühen", "AeroPress fans unite!"
    r"|^\W*(?:so |how )?(?:cool|nice|great|lovely|good) (?:that you|to hear (?:that )?you|to see you)\b"
    r"|^\W*(?:we|wir) (?:really )?(?:love|lieben) (?:roasting|rösten|seeing|hearing|having)\b"
    r"|\bperfe(?:ct|kt) (?:for|für) (?:the |den )?(?:spring|summer|autumn|fall|winter|frühling|sommer|herbst)\b"
    r"|\b(?:ist|is) (?:so ein|such an?) (?:schöne[sr]?|tolle[sr]?|gemütliche[sr]?|lovely|cosy|cozy|nice|beautiful"
    r"|great) \w{3,15}\W*$|^\W*viel freude\b|\b(?:fans|lovers) unite\b"
    # "Toller Beitrag, mach weiter so!", "Great post, keep it up!": praise for any post at all
    r"|^\W*(?:toller|schöner|starker|great|nice|lovely|awesome|amazing|cool) (?:beitrag|post|content|video|reel|clip)"
    r"\W*$|^\W*(?:(?:mach|macht) )?(?:bitte )?weiter so\b|^\W*keep (?:it up|(?:it|them|these) coming|going)\b"
    # "Oh, DHL-Drama kennen wir alle", "been there": a sigh shared, nothing answered
    r"|\bkennen wir(?: alle| auch| gut| nur zu gut)?\W*$|^\W*(?:been there|we know (?:that|the) feeling)\b"
    # "Hallo Bernd, schön!": a greeting and a word or three
    r"|^\W*(?:hallo|hi|hey|hello|liebe[rs]?|dear|moin|servus|guten tag)\b\W{0,5}(?:\w{1,30}\W{0,5}){0,3}$",
    re.IGNORECASE,
)
# The operational readings whose questions want an answer, not a wish (a joke's question may get a laugh)
ANSWER_WANTED = frozenset(
    {"product_question", "stock_question", "order_status", "delivery_problem", "damaged_or_wrong_item", "defect"}
    | {"billing", "refund_request", "service_complaint"}
)


_TROUBLE = frozenset(("defect", "damaged_or_wrong_item", "delivery_problem"))
# Words a reply says in passing about brewing (and "Bescheid"): they tell a faulty grinder's owner nothing
# ("freshly ground really makes all the difference").
_PASSING_WORDS = frozenset(
    [
        "espresso",
        "french",
        "press",
        "filter",
        "portafilter",
        "siebtrager",
        "mokka",
        "moka",
        "aeropress",
        "grind",
        "setting",
        "settings",
        "stufe",
        "stufen",
        "mahlstufe",
        "mahlstufen",
        "bescheid",
        "grinding",
        "ground",
        "fresh",
        "freshly",
        "mahlen",
        "gemahlen",
        "frisch",
    ]
)


TAG_ASKED_BACK = re.compile(r",?\s(?:isn'?t it|right|oder|nicht wahr|gell|ne)\?", re.IGNORECASE)
TAG_ENDED = re.compile(TAG_ASKED_BACK.pattern + r"\W{0,8}$", re.IGNORECASE)  # the tag that ends the message
# A question that asks for a pick or an amount, joke or not: "which one and how much?", "wie viele Tüten?"
PLAIN_ASK = re.compile(r"\W*(?:which|how (?:much|many|long)|welche\w?|wie ?viele?|wie lange)\b", re.IGNORECASE)


# Words around a bare echo that say nothing themselves: "Klar doch! francs", "Danke für die Nachricht. P.S. ..."
_BARE_AROUND = frozenset({"klar", "nachricht", "message", "sure", "thanks", "danke", "yes", "ja", "okay", "gern"})


def _figure_ignored(text: str, message: Message, analysis: Analysis) -> bool:
    """Every question asks how much, how many or how long, and the draft gives no figure, asks nothing back, defers
    nothing and hands nothing on to a doctor ("wie viel koffein hat so ne tasse?" -> "Kaffee macht glücklich")."""
    if message.mode != "reply" or not analysis.questions or analysis.intent not in ANSWER_WANTED:
        return False  # "Wieviel Jahre unterhält Wladimir Kaminer schon die Leute?": asked of nobody here
    if not all(HOW_MUCH_LONG.search(q.text) for q in analysis.questions):
        return False
    told = re.search(r"\d", text) or _counted(text) or FIGURE_WORDS.search(text) or DOCTOR_SAID.search(text)
    # "Wieviel Jahre unterhält Wladimir Kaminer schon die Leute?" -> "Hier geht es um Kaffee": staying out of it
    return not (told or "?" in text or STRONG_DEFERRAL.search(text) or HEDGED.search(text) or DECLINED.search(text))


# A figure not given, honestly: "kann ich dir nicht sicher sagen", "hängt vom Rezept ab", "I'll ask the team"
HEDGED = re.compile(
    r"\b(?:team|crew|frage? ich|ich frag\w{0,2}|nachfrag\w{0,3}|ask\w{0,3} (?:the|our)|i'?(?:ll|ve) asked?|know\w{0,2}"
    r"|weiß|wissen|sagen|say|depends?|hängt|individuell\w{0,2}"
    r"|guess\w{0,2}|raten|zahl\w{0,2}|figures?|numbers?|timeframe|klär\w{0,3}|check\w{0,3}|prüf\w{0,3}|onlineshop"
    r"|sizes?|größe\w{0,2}|faustregel|rule of thumb|nichts neues)\b",
    re.IGNORECASE,
)
# A figure asked for: "wie viel koffein", "how long does shipping take", "wie lange hält der Kaffee"
HOW_MUCH_LONG = re.compile(r"\b(?:how (?:much|many|long)|wie ?viele?\w{0,2}|wie lange|welche menge)\b", re.IGNORECASE)
# A figure said in words: "a month", "einen Tag", "a few days", "ein paar Wochen"
FIGURE_WORDS = re.compile(
    r"\b(?:an?|one|a few|a couple of|einen?|ein paar|wenige\w?|paar|halbe\w?|half)\s(?:\w+\s)?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|minute\w?|stunde\w?|tage?n?|woche\w?|monate?n?|jahre?n?|cup|tasse)\b",
    re.IGNORECASE,
)


def _word_said_back(text: str, drafted: set[str], message: Message, analysis: Analysis) -> bool:
    """A question answered with one word or a number of the message and nothing else of substance ("44829113")."""
    if message.mode != "reply" or not analysis.questions:
        return False
    own = drafted - FILLER_WORDS - _BARE_AROUND
    numbers = re.findall(r"\d{3,}", text)
    if not own and numbers:
        return all(n in message.text for n in numbers)
    return len(own) == 1 and not numbers and any(_same_word(w, message_words(message)) for w in own)


# A question that asks for something to be told or picked, not a yes or no: "which one?", "what ratio?", "is your
# espresso good for cold brew?"
OPEN_ASK = re.compile(
    rf"{PLAIN_ASK.pattern}|\W*(?:what(?:'?s)?|when|where|wann|wo|(?:is|are|does) (?:your|ur)|lohnt sich)\b",
    re.IGNORECASE,
)
# A word given in quotes, the answer to what a word means: "what does kiez even mean" -> "Basically 'neighbourhood'"
TERM_GIVEN = re.compile(r"(?:^|\s)['‚„\"“‘][^\W\d_][^'‚„\"“”‘’\n]{0,30}['\"“”’‘](?=[\s.,!?;:]|$)")
# A word that opens a question without asking anything itself: "also what ratio", "und wie viel ...?"
LEAD_WORD = re.compile(r"^\W*(?:also|and|und|oder|or|so|plus|außerdem|btw)\b\W*", re.IGNORECASE)
# Words a pleasantry shares with any question, answering none: "is your espresso good for cold brew?" -> "Coffee is
# always a good idea"; the drink itself, named in any question to a roastery ("do u have pumpkin spice or any flavoured
# coffee??" -> "hope your autumn is full of good coffee")
_BLAND_ASKED = frozenset({"good", "gut", "gute", "guter", "nice", "great", "toll", "coffee", "kaffee"})
# A yes-or-no question to us or about what one may do ("Macht ihr ...?", "Kann ich ...?", "Do you ...?")
ASKED_US = re.compile(
    r"\W*(?:(?:macht|habt|gibt|könnt|kann|können|darf|liefert|verkauft|bietet|schickt|würdet)\s(?:ihr|es|ich|man|sie|das)"
    r"|(?:can|could|do|does|will|would) (?:i|you|we|they|u)\b)",
    re.IGNORECASE,
)
# Words of any answer: a no, a whether, a referral, a step to take, an offer, a way to get it
ANSWER_WORDS = re.compile(
    r"\b(?:nicht|nichts|kein\w{0,2}|not|no(?! (?:joke|wonder|worries|problem|doubt)\b)|don't|doesn't|can't|cannot"
    r"|aren't|isn't|won't|ob|whether|if|team"
    r"|\w{0,8}ärzt\w{0,2}|\w{0,8}arzt|doctor|midwife|hebamme|dm|pn|schreib\w{0,2}|write|send|message|nachricht"
    r"|markier\w{0,2}|tag|ship\w{0,3}|versand|versenden|liefer\w{0,2}|zurück|back|eher|passt|try|probier\w{0,2}"
    r"|kannst|kann|können|can|could|geht|gehen|works?|gibt|gibt's|there's|there are|haben wir|we have|we've got"
    r"|comes?|kommt|yes|ja|yep|yeah|klar|sure|doch|nope|nein|nee|sorry|leider|we do|we don'?t|machen wir|dms?|pns?"
    r"|includ\w{1,3}|inklusive|dabei|separat\w{0,2}|separately|extra|free|gratis|kostenlos)\b",
    re.IGNORECASE,
)


def _question_passed_over(text: str, message: Message, analysis: Analysis, profile: VoiceProfile) -> bool:
    """A plain question to us ("Kann ich die Lieferadresse später ändern?"), and the draft is warmth without one
    word of it, of its fact, of a product or of any answer ("Wie schön, dass du an deinen Vater denkst!")."""
    if message.mode != "reply" or analysis.injection_suspected:
        return False
    # "Wann bitte, ist das Gute ... wieder gefragt?!" -> "Da halten wir uns lieber raus": no ask of ours to answer
    if (DECLINED.search(text) and not _about_us(message, analysis, profile)) or CONDOLED.search(text):
        return False
    plain = [q for q in analysis.questions if OPEN_ASK.match(LEAD_WORD.sub("", q.text))]  # "also what ratio"
    if analysis.emotion == "joking" and not plain:  # "moving and the clocks change lol. can I skip ...?" asks
        return False
    yes_no = any(ASKED_US.match(LEAD_WORD.sub("", q.text)) for q in analysis.questions)  # "Und kann ich ...?"
    if not plain and not yes_no:
        return False
    if not yes_no and (re.search(r"\d", text) or _content(text) & _profile_words(profile) or TERM_GIVEN.search(text)):
        return False  # "wie viele mahlstufen?" -> "30 Stück! Stahlmahlwerk ...": a figure, the profile's own words
    asks = [q.text for q in analysis.questions]  # "does your coffee come with a personality or ...": either half
    if "?" in text or STRONG_DEFERRAL.search(text) or ANSWER_WORDS.search(text):
        return False
    folded = fold(text)
    if any(_has(folded, fold(product.name)) for product in profile.brand.products):
        return False
    drafted = _content(SET_PHRASES.sub(" ", text))
    said = {fold(w) for w in words(text) if len(w) >= 3} - _BLAND_ASKED
    # a fact's word only as the message said it tells nothing ("moving flat ... can I skip one?" -> "moving and the
    # clock change in one weekend, what a combo!")
    fresh = {w for w in drafted if not _same_word(w, message_words(message))}
    if any(_mentions(fresh, fact) for fact in _facts_asked(message, analysis, profile)):
        return False
    drafted -= _BLAND_ASKED
    return not any(
        said & {fold(w) for w in words(q) if len(w) >= 3 and not is_stopword(w)}
        or any(_same_word(w, _content(q), short_heads=True) for w in drafted)
        for q in asks
    )


def _only_pleasantries(text: str, message: Message, analysis: Analysis) -> bool:
    """The message asks us something, and every sentence of the draft only wishes, thanks or cheers."""
    wanted = ANSWER_WANTED | {"criticism", "job_application"}  # "why are your beans more expensive? ..."
    asked = message.mode == "reply" and bool(analysis.questions) and analysis.intent in wanted
    asked = asked or (message.mode == "outreach" and bool(HELP_ASKED.search(message.post or "")))
    # "doppelt belastet und niemand antwortet" -> "Danke, dass du dich meldest. Schönen Herbst!": a complaint
    asked = asked or (message.mode == "reply" and analysis.sentiment == "negative" and analysis.escalation is not None)
    joked = analysis.emotion == "joking" and not any(PLAIN_ASK.match(q.text) for q in analysis.questions)
    asks_back = "?" in TAG_ASKED_BACK.sub(".", text)  # "autumn in Berlin really is something, isn't it?" asks nothing
    if not asked or joked or asks_back or STRONG_DEFERRAL.search(text):
        return False  # "party for 20 hungover people 😂 which one and how much?" jokes, and asks all the same
    sentences = [
        s for s in re.split(r"(?<=[.!?])\s+|[\n\U0001F300-\U0001FAFF\u2600-\u27BF]+", text) if re.search(r"\w{3}", s)
    ]
    said = message_words(message)
    return bool(sentences) and all(_pleasantry(s.strip(), said) for s in sentences)


# A yes or a figure after a pleasantry: "That's lovely to hear, and yes: ... 2–3 working days"
ANSWERED_AFTER = re.compile(r"\b(?:yes|ja|jep|yep|yeah|klar|sure|of course|natürlich)\b|\d", re.IGNORECASE)


def _pleasantry(sentence: str, said: set[str]) -> bool:
    """The sentence only wishes, thanks or cheers, with or without a greeting before it ("danke für das Angebot,
    aber wir haben keinen Bedarf" declines)."""
    if BUT.search(sentence):
        return False
    clauses = [c for c in re.split(r",\s", sentence) if re.search(r"\w{3}", c)]
    # "Easter sounds lovely, we hope ...", "Haha, sounds like a great party!"
    every_clause = len(clauses) > 1 and all(_wishes(c) or _exclaimed(c) or _cheered_back(c, said) for c in clauses)
    # "That's lovely to hear, and yes: we ship ... Hamburg included.": a pleasantry before an answer is no pleasantry
    answered = len(clauses) > 1 and bool(ANSWERED_AFTER.search(sentence))
    return every_clause or (not answered and (_wishes(sentence) or _exclaimed(sentence)))


def _wishes(part: str) -> bool:
    """The words only wish, thank or cheer, with or without a greeting before them."""
    return bool(PLEASANTRY.search(part) or PLEASANTRY.search(GREETED.sub("", part)))


def _exclaimed(sentence: str) -> bool:
    """A word or two cheered on their own ("Ostermarkt 🙌"), never a figure or a yes or no ("Stufe 12.", "Ja!")."""
    said = re.findall(r"[^\W\d_]+", sentence)
    return 0 < len(said) <= 2 and not re.search(r"\d", sentence) and not ANSWERING.search(sentence)


def _cheered_back(clause: str, said: set[str]) -> bool:
    """An exclamation made only of the message's own words and counts ("do you ship to Zurich? ... for 6 weeks" ->
    "how exciting, Zurich for six weeks!")."""
    if not clause.rstrip().endswith("!") or ANSWERING.search(clause):
        return False
    own = [fold(w) for w in words(clause) if not is_stopword(w) and not _counted(w)]
    return bool(own) and all(_same_word(w, said) for w in own)


ANSWERING = re.compile(r"\b(?:ja|nein|nee|yes|no|nope|yep|klar|sure|leider|sorry|doch)\b", re.IGNORECASE)


BUT = re.compile(r"\b(?:aber|but|leider|unfortunately|however|jedoch)\b", re.IGNORECASE)


# A greeting before the words of a sentence: "Hallo und danke, dass du uns schreibst!" thanks all the same
GREETED = re.compile(
    r"^(?:hallo|hi|hey|hello|moin|servus|liebe[rs]?|dear|good (?:morning|afternoon|evening)|guten (?:tag|morgen|abend))"
    r"\b(?: \w{2,20})?(?:,| und| and)\s",
    re.IGNORECASE,
)


HELP_ASKED = re.compile(
    r"\b(?:help|hilfe|tipps?|tips?|any ideas|ideen|how do i|wie mache? ich)\b[^.!]{0,60}\?"
    # "Welche Kaffeesorte passt zu süßem Gebäck?", "which beans would you recommend for cold brew?"
    r"|\b(?:welche\w{0,2}|which|what)\b[^.!?]{0,40}\b(?:passt|passen|empfehl\w{0,3}|recommend\w{0,3}|pairs?|goes"
    r"|go with|should i)\b[^.!]{0,60}\?",
    re.I,
)


def _other_place(text: str, message: Message) -> bool:
    """A question asks about sending to one country and the draft, deferring nothing, answers about others only
    ("shipping to austria??" -> "2–3 working days within Germany")."""
    if message.mode != "reply" or STRONG_DEFERRAL.search(text):
        return False
    asked = [countries_in(read(q)) for q in QUESTION_SENTENCE.findall(message.text) if DELIVERY_ASKED.search(q)]
    asked += [countries_in(read(m)) for m in SENT_TO.findall(message.text)]  # "ordered to salzburg 9 days ago"
    said = countries_in(read(text))
    return bool(said) and any(places and not places & said for places in asked)


QUESTION_SENTENCE = re.compile(r"[^.!?\n]{3,200}\?")
SENT_TO = re.compile(
    r"\b(?:ordered|sent|shipped|shipping|bestellt|geschickt|verschickt|geliefert|liefern lassen) (?:to|nach)"
    r" [^\W\d_]{3,30}",
    re.IGNORECASE,
)
PLACED = re.compile(r"\b(?:in|aus|from)\s{1,3}[^\W\d_]+", re.IGNORECASE)
CHOICE = re.compile(r"\b(?:oder|or|than|als|vs|versus)\b", re.IGNORECASE)


def _choice_dodged(text: str, message: Message, profile: VoiceProfile) -> bool:
    """A question picks between two of our products and the draft names neither, nor asks back or defers."""
    if message.mode != "reply" or "?" in text or STRONG_DEFERRAL.search(text):
        return False
    drafted = {fold(w) for w in words(PLACED.sub(" ", text))}  # "roasted right here in Kreuzberg" names no coffee
    for question in QUESTION_SENTENCE.findall(fold(message.text)):
        named = [p for p in profile.brand.products if any(_has(question, fold(a)) for a in (p.name, *p.aliases))]
        if len(named) >= 2 and CHOICE.search(question):
            return not any(drafted & (_product_words_of((p.name, *p.aliases)) - GENERIC_WORDS) for p in named)
    return False


# Sympathy for a loss: "Es tut uns sehr leid um deinen Verlust", "sorry for your loss" (the questions around it rage)
CONDOLED = re.compile(r"\b(?:verlust\w{0,2}|beileid|your loss|condolences)\b", re.IGNORECASE)
# A reply that stays out of a topic that is not ours: "Da halten wir uns raus", "wir bleiben beim Kaffee"
DECLINED = re.compile(
    r"\b(?:halten wir uns (?:lieber |hier )?raus|kein kommentar|no comment|wir bleiben (?:lieber )?(?:beim|bei)"
    r"|sagen wir (?:als \w+ )?(?:lieber )?nichts|überlassen wir anderen|stay out of|we'?ll stay out|stick(?:ing)? to"
    r" coffee|leave that (?:one )?to others|äußern wir uns (?:hier )?nicht|(?:ist|is) (?:aber )?nicht unseres"
    r"|unser fachgebiet ist kaffee|nicht unser fachgebiet|rösten lieber kaffee|roast coffee rather"
    # a question put to the others under the post, passed back to them: "vielleicht weiß hier jemand Rat"
    r"|maybe someone (?:here|in (?:our|the) community)|perhaps someone in our community|vielleicht (?:weiß|kann) hier"
    r" jemand|jemand (?:hier )?aus (?:der|unserer) community)\b",
    re.IGNORECASE,
)
ADDRESSED_TO_US = re.compile(r"\b(?:ihr|euch|eure?[mnrs]?|you|your|u)\b", re.IGNORECASE)


def _about_us(message: Message, analysis: Analysis, profile: VoiceProfile) -> bool:
    """The message names us, our world or our products, asks us, or is a case for a team."""
    source = _source(message)
    named = OUR_WORLD.search(fold(source)) or fold(profile.brand.name) in fold(source)
    return bool(
        named
        or (ADDRESSED_TO_US.search(source) and not source.lstrip().startswith("@"))  # "@USER seid ihr naiv": not us
        or analysis.entities.products
        or analysis.escalation
        or any(q.fact for q in analysis.questions)
        or message.mode == "outreach"
    )


PASSED_ON = re.compile(
    r"\b(?:team|kolleg\w{0,6}|colleagues?|weiter(?:geben|sagen|gegeben)|pass\w{0,3} (?:it|this) on)\b", re.I
)


def _staff_thanked(message: Message, profile: VoiceProfile) -> list[str]:
    """The names we sign with that the message thanks ("thank you to Jule who helped me")."""
    names = {w for t in profile.sign_off.text.values() for w in words(t.split(",")[-1]) if w[:1].isupper()}
    source = _source(message)
    if not THANKS.search(source):
        return []
    unnamed = ["the one who helped"] if UNNAMED_STAFF.search(source) else []  # "thanks to whoever packed my order"
    return [n for n in sorted(names) if has_phrase(fold(source), fold(n))] + unnamed


# Someone of ours thanked without a name: "whoever packed my order", "die Person, die mein Paket gepackt hat"
UNNAMED_STAFF = re.compile(
    r"\b(?:whoever|the (?:person|one|guy|lady|woman|man) who|wer auch immer"
    r"|(?:die|der) (?:person|mensch|mitarbeiter\w{0,2}|kollegin|kollege),? (?:die|der)|the team (?:that|who)"
    r"|an (?:das|euer) (?:team|packteam))\b",
    re.IGNORECASE,
)


# A call and nothing else ("hello?? anyone there", "hallo? jemand da?"): a yes and a question back answer it
CALL_ONLY = re.compile(
    r"^\W*(?:(?:hallo|hello|hi|hey|huhu|moin|yo)\W{1,6})?(?:is |ist )?(?:(?:any|some)(?:one|body)|jemand|wer)"
    r"(?: (?:there|here|da|online|awake|home|zuhause))?\W*$|^\W*(?:hallo|hello|huhu)\W*\?\W*$",
    re.IGNORECASE,
)
# "Kostümidee für Fasching: Kaffeebohne. Wer macht mit?" -> "Wir sind dabei": an invitation, accepted
INVITED = re.compile(
    r"\b(?:wer macht mit|wer ist dabei|wer kommt mit|wer noch|who'?s in|who'?s with me|anyone in|who'?s joining)\b",
    re.I,
)
ACCEPTED = re.compile(
    r"\b(?:wir sind dabei|sind dabei|bin dabei|wir machen mit|we'?re in|count us in|we'?re so in|i'?m in)\b", re.I
)
# Someone leaving the account, and a reply that lets them go kindly
LEAVING = re.compile(r"\b(?:unfollow\w{0,3}|entfolg\w{0,3}|deabonnier\w{0,3}|i'?m out|bin raus)\b", re.IGNORECASE)
GOODBYE_TAKEN = re.compile(
    r"\b(?:no hard feelings|fair enough|all good|keine? (?:bösen? )?(?:gefühle|hard feelings)|verstehen wir|alles gut"
    r"|schade|sorry to see you go|schade, dass du gehst|mach'?s gut|take care)\b",
    re.IGNORECASE,
)
BOTH = re.compile(r"\b(?:euch beiden|ihr beiden|euch zwei|ihr zwei|you both|both of you|you two)\b", re.IGNORECASE)
PAIR = re.compile(
    r"\b(?:mein(?:e)? (?:mann|frau|freund|freundin|partner\w{0,2}|mitbewohner\w{0,2}|schwester|bruder|mama|papa|mutter"
    r"|vater|tochter|sohn)|my (?:husband|wife|partner|boyfriend|girlfriend|flatmate|roommate|sister|brother|mum|mom|dad"
    r"|daughter|son))\b(?:\s\w+){0,2}\s(?:und ich|and i|and me)\b|\b(?:ich und mein\w?|me and my)\s\w+",
    re.IGNORECASE,
)
TAG_ASKED = re.compile(r"\b(?:hashtags?|taggen|tag you|tag us|markier\w{0,4})\b", re.IGNORECASE)
# Wishes that fit any message pick up nothing of it ("Lass es dir schmecken" to "schmeckt mir etwas flach").
SET_PHRASES = re.compile(
    r"\blass(?:t)? (?:es )?(?:dir|euch) (?:gut )?schmecken\b|\bkeep going\b|\benjoy (?:it|the process|every cup)\b"
    r"|\bviel spa(?:ß|ss)\b|\bhave fun\b|\b(?:von dir|dich) zu hören\b|\bto hear from you\b"
    r"|\benjoy (?:your|the) (?:coffee|cup|beans)\b|\bgenie(?:ß|ss)\w{0,2} (?:deinen|den|euren) kaffee\b"
    # "Danke dir für die Nachricht. P.S. CBD": the thanks for writing says nothing of what was written
    r"|\bdanke (?:dir |euch )?(?:für (?:die|deine|eure) |fürs? )(?:nachricht|kommentar|schreiben)\b"
    r"|\bthanks? (?:you )?for (?:the|your) (?:message|comment)\b",
    re.IGNORECASE,
)


def _short_words(text: str) -> set[str]:
    """Three-letter words of substance (Oma, Tee, Job, dog), which count only when said alike."""
    parts = _word_parts(text)  # "tee-account": Tee
    found = {fold(w) for w in parts if len(w) == 3 and w.isalpha() and not w.isupper() and not is_stopword(w)}
    return found - GREETING_WORDS - {"tag"}  # "Guten Tag" back is no answer


POSSESSED = re.compile(r"\b(?:your|dein\w{0,2}|euer|eure\w?)\s+\w{3}\b", re.IGNORECASE)


def _handle_names(text: str) -> set[str]:
    """The name parts of the @handles a message tags ("@ellie.b" -> ellie, "@tobi.tobsen" -> tobi, tobsen)."""
    parts = (p for h in re.findall(r"@([\w.]{2,40})", text) for p in re.split(r"[._\d]+", h))
    return {fold(p) for p in parts if len(p) >= 3 and p.isalpha()}


def _thanked(message: Message, analysis: Analysis) -> bool:
    """Praise or thanks for us without a question or a complaint: a warm thank-you is the answer (never under
    another creator's post: "Great post, thanks for sharing!" fits every one)."""
    if message.mode == "outreach":
        return False
    source = _source(message)
    # "Osterbestellung kam erst nach Ostern ... Enkel schon abgereist" read as praise, but disappointed: no praise
    fond = analysis.intent == "praise" and analysis.emotion not in UNHAPPY
    kind = fond or bool(THANKS.search(source) and analysis.sentiment != "negative")
    # "sie haben einen sehr schönen account", whatever mood the model reads in it, unless it reads irony
    meant = not analysis.sarcasm and (analysis.sentiment != "negative" or analysis.intent == "praise")
    kind = kind or bool(meant and COMPLIMENT.search(source))
    # The analysis' questions, not a question word: "das Beste, was ich je hatte" asks nothing.
    plain = "?" not in source and not analysis.questions
    own = message.model_copy(update={"thread": []})  # the details of the message itself, not of the help before
    return bool(kind) and plain and len(message_words(own)) < DETAILED_PRAISE


# A compliment in a word, whatever intent the reading gave it: "sie haben einen sehr schönen account"
COMPLIMENT = re.compile(
    r"\b(?:schön\w{0,3}|toll\w{0,3}|super|klasse|großartig\w{0,3}|wunderbar\w{0,3}|lovely|beautiful|great|nice"
    r"|amazing|awesome|love)\b",
    re.IGNORECASE,
)
DETAILED_PRAISE = 6  # content words: praise this detailed (the workshop, the cupping, a husband) wants one picked up


def without_sign_off(text: str, profile: VoiceProfile) -> str:
    """The draft without the brand's sign-off (it is the same under every reply)."""
    for sign_off in profile.sign_off.text.values():
        text = text.replace(sign_off, " ") if sign_off else text
    return text


def needs_anchor(message: Message, analysis: Analysis) -> bool:
    """True when the message has something concrete that a draft should pick up."""
    found = message_words(message)
    if message.mode == "reply" and len(found) == 1 and analysis.sentiment == "positive" and not analysis.questions:
        return False  # "Lecker", "obsessed": one word of praise holds nothing to pick up beyond the joy
    if message.mode == "reply" and (riddle(message.text) or spooky_question(message.text)):
        return False  # "Was trinken Gespenster? Buuuh-nenkaffee 👻": a laugh answers the riddle, no word of it
    return bool(found or analysis.entities.products)


SPEAKER = re.compile(r"^[^:\n]{1,40}:\s")


def message_words(message: Message) -> set[str]:
    """The folded content words of the message (the post in outreach) and of its thread."""
    source = message.post if message.mode == "outreach" and message.post else message.text
    turns = [SPEAKER.sub("", turn) for turn in message.thread[-3:]]  # "Werner Klose: …": a name is no topic
    text = " ".join([MENTION_OR_LINK.sub(" ", source), *turns])
    return _content(text, profanity=False) - GREETING_WORDS - VAGUE_WORDS  # "Guten Tag" back is no answer


def _word_parts(text: str) -> list[str]:
    """The words of a text and the parts of its hyphenated ones (latte-art-fails: latte, art, fails)."""
    return [part for w in words(text) for part in {w, *w.split("-")}]


def _content(text: str, *, profanity: bool = True) -> set[str]:
    tokens = _word_parts(text)
    kept = [w for w in tokens if len(w) >= COMPOUND_PART and not w.isdigit() and not is_stopword(w)]
    return {fold(w) for w in kept if profanity or not PROFANITY.search(w)}  # never ask a draft to echo an insult


def _same_word(word: str, anchors: set[str], *, short_heads: bool = False) -> bool:
    """The same word, an inflection of it, or a compound's head (`short_heads`: four letters will do, as the
    message's own compounds: Code ~ Rabattcode)."""
    word = _unprefixed(word)
    stem = STEM + 1 if VERB_PREFIX.match(word) else STEM  # "bescheid" is no "beschädigt": be- is no stem
    for anchor in map(_unprefixed, anchors):
        if word[:stem] == anchor[:stem] and min(len(word), len(anchor)) >= stem:
            return True
        if word.rstrip("s") == anchor.rstrip("s"):  # fail ~ fails
            return True
        if _inflected(word, anchor) or _inflected(anchor, word):  # duft ~ duftet, tee ~ tees
            return True
        if _inflected(anchor, word.rstrip("s")) or _inflected(word, anchor.rstrip("s")):  # tags ~ tagged
            return True
        if len(word) >= COMPOUND_PART + 1 and (_headed(anchor, word) or _headed(word, anchor)):
            return True  # compounds end in their head: plastikverpackung ~ verpackung
        if short_heads and len(word) == COMPOUND_PART and len(anchor) >= 2 * COMPOUND_PART and anchor.endswith(word):
            if word in FUNCTION_HEADS:  # "here" is no head of "somewhere", "thing" none of "everything"
                continue
            return True  # a short head of a long compound: Code ~ Rabattcode
        if len(word) > COMPOUND_PART and any(
            _headed(anchor, word[: -len(end)]) for end in PLURALS if word.endswith(end)
        ):
            return True  # a plural head: Codes ~ Rabattcode, Rabatte ~ Studentenrabatt
        if len(word) > COMPOUND_PART and any(_headed(anchor, word + end) for end in ("n", "en", "s")):
            return True  # a compound's plural: Stufe ~ Mahlstufen
        if _head_leads(word, anchor) or _head_leads(anchor, word):
            return True  # one compound's head leads the other: Herbstsonntag ~ Sonntagnachmittag
    return word in anchors


SHARED_PART = 6  # letters of a part two compounds share the other way round ("sonntag")


def _head_leads(compound: str, other: str) -> bool:
    """The head of one compound is the first part of another ("herbst|sonntag", "sonntag|nachmittag")."""
    for cut in range(MODIFIER, len(compound) - SHARED_PART + 1):
        head = compound[cut:]
        if other.startswith(head) and len(other) - len(head) >= COMPOUND_PART:
            return True
    return False


MODIFIER = 3  # letters a compound puts before its head: "account" is no compound of "count", "Rabattcode" is


def _headed(compound: str, head: str) -> bool:
    """The word itself, or a compound that ends in the head after a modifier of its own ("plastik|verpackung")."""
    return compound == head or (compound.endswith(head) and len(compound) - len(head) >= MODIFIER)


PLURALS = ("s", "e", "en", "n")  # endings of a plural head that the compound has in the singular
FUNCTION_HEADS = frozenset({"here", "body", "ever", "self", "wise", "ward", "time", "more", "what"})
VERB_PREFIX = re.compile(r"^(?:be|ver|ent|zer|er|ge)")


def _inflected(word: str, stem: str) -> bool:
    """A short word with an inflection ending ("duftet" of "duft"); stems shorter than STEM letters only."""
    if not (3 <= len(stem) < STEM and word.startswith(stem)):
        return False
    ending = word[len(stem) :]
    doubled = ending[:1] == stem[-1] and ending[1:] in _DOUBLED  # tag ~ tagged, stop ~ stopping
    return ending in _ENDINGS or doubled


_ENDINGS = frozenset({"e", "en", "er", "es", "et", "t", "st", "s", "n", "ern", "ed", "ing"})
_DOUBLED = frozenset({"ed", "ing", "er"})


def _unprefixed(word: str) -> str:
    """German participles without ge-: geröstet ~ rösten, gemahlen ~ mahlen."""
    return word[2:] if word.startswith("ge") and len(word) >= 7 else word


def _facts_asked(message: Message, analysis: Analysis, profile: VoiceProfile) -> list[tuple[str, set[str]]]:
    """(fact id, its distinctive words) for the facts the message asks about (keywords or intent)."""
    folded = fold(message.text + " " + " ".join(message.thread[-3:]))
    asked = []
    named = {q.fact for q in getattr(analysis, "questions", []) if q.fact}  # the questions' own facts
    for fact in profile.brand.facts:
        by_keyword = any(_has(folded, fold(k)) for k in fact.keywords)
        if by_keyword or analysis.intent in fact.intents or fact.id in named:
            asked.append(_fact_words(fact))
    return asked


def _fact_words(fact: Fact) -> tuple[str, set[str]]:
    """(fact id, its distinctive words in every language, its short forms too)."""
    told = _telling_in({lang: " ".join([t, *fact.short_forms(lang, lang)]) for lang, t in fact.text.items()})
    return fact.id, told - BLAND_FACT_WORDS


def _tips_fitting(message: Message, profile: VoiceProfile) -> list[tuple[str, set[str]]]:
    """(tip id, its words) for the brand-free tips that fit the post or message (outreach know-how)."""
    folded = fold(f"{message.post or ''} {message.text}").replace("-", " ")  # "no-spend" names "no spend"
    fitting = [t for t in profile.brand.tips if any(_has(folded, fold(k)) for k in t.keywords)]
    return [(t.id, _telling_in(t.text)) for t in fitting]


def _telling_in(texts: Mapping[str, str]) -> set[str]:
    """The telling words of a text given per language."""
    return {w for lang, text in texts.items() for w in _telling(text, english=lang == "en")}


def _telling(text: str, *, english: bool) -> set[str]:
    """The words of a fact that say something: nouns and names (capitalised), numbers, long English words.

    "bleiben" or "gehören" in a German fact do not make a reply about that fact.
    """
    kept = [w for w in words(text) if w[:1].isupper() or any(c.isdigit() for c in w) or (english and len(w) >= 6)]
    # "2-year" is said as "2 years" too: the word of a figure's compound counts on its own
    kept += [w.split("-", 1)[1] for w in kept if re.fullmatch(r"\d+-[^\W\d_]{4,}", w)]
    return {fold(w) for w in kept if len(w) >= 3 and not is_stopword(w)}


def _shared_number(text: str, source: str) -> str | None:
    """An amount, figure or code-like word of the message the draft picks up ("$400 richer", "9/10", "5am";
    "12h" ~ "12 Stunden"; "Drei Stück?" ~ "nach dem dritten Espresso")."""
    mine = set(FIGURE.findall(fold(source)))
    mine |= {d for d in (_digits(n) for n in mine) if len(d) >= 2}
    found = next((n for n in FIGURE.findall(fold(text)) if n in mine or _digits(n) in mine), None)
    return found or next(iter(sorted(_counted(text) & (_counted(source) | set(re.findall(r"\b\d\b", source))))), None)


# Number words, cardinal and ordinal ("drei", "dritten", "third"): the draft's say the message's count back.
NUMBER_WORDS = {
    "2": r"zwei|zweit\w{0,3}|two|second", "3": r"drei|dritt\w{0,3}|three|third",
    "4": r"vier|viert\w{0,3}|four|fourth", "5": r"fünf|fünft\w{0,3}|five|fifth",
    "6": r"sechs|sechst\w{0,3}|six|sixth", "7": r"sieben|siebt\w{0,3}|seven|seventh",
    "8": r"acht|eight|eighth", "9": r"neun|neunt\w{0,3}|nine|ninth", "10": r"zehn|zehnt\w{0,3}|ten|tenth",
}  # fmt: skip
_NUMBER = {digit: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for digit, words in NUMBER_WORDS.items()}


def _counted(text: str) -> set[str]:
    """The counts a text spells out in words, as digits."""
    return {digit for digit, pattern in _NUMBER.items() if pattern.search(text)}


def _digits(figure: str) -> str:
    return "".join(c for c in figure if c.isdigit())


def _shared_phrase(text: str, source: str) -> str | None:
    """Two words of the message in a row that the draft repeats ("kein cap"), one of them not a stopword."""
    pairs = set(itertools.pairwise(fold(w) for w in words(source)))
    for pair in itertools.pairwise(fold(w) for w in words(text)):
        greeting = GREETING_WORDS.intersection(pair)  # "Guten Tag" back is no answer
        if pair in pairs and not greeting and any(len(w) >= 3 and not is_stopword(w) for w in pair):
            return " ".join(pair)
    return None


def _creator_words(message: Message) -> set[str]:
    """In outreach, the creator's name counts too: "Danke an das Team der Bibliothek" under the library's post."""
    return _content(message.author or "") if message.mode == "outreach" else set()


def _post_name(text: str, message: Message, anchors: set[str]) -> str | None:
    """A name the post gives what the message is about ("wegen dem hund" under "Bürohund Emil schaut zu": Emil)."""
    if message.mode != "reply" or not message.post:
        return None
    drafted = {fold(w) for w in words(text)}
    for sentence in re.split(r"(?<=[.!?:,])\s+", message.post[:MAX_POST]):
        names = {fold(w) for w in words(sentence)[1:] if w[:1].isupper() and len(w) >= 3} & drafted
        if names and any(_same_word(w, anchors) for w in _content(sentence)):
            return sorted(names)[0]
    return None


MAX_POST = 2_000  # characters of the post read for names


def _source(message: Message) -> str:
    return message.post if message.mode == "outreach" and message.post else message.text


def _all_words(text: str) -> set[str]:
    """Every folded word and hyphen part, short ones too (concepts know "dm"; "1-kg-Beuteln" names bags)."""
    folded = {fold(w) for w in words(text)}
    return folded | {part for w in folded if "-" in w for part in w.split("-")}


def _shared_concept(drafted: set[str], anchors: set[str]) -> str | None:
    """A concept (price, packaging, …) that both the draft and the message name, in any words."""
    for name, stems in _concepts():
        if any(w.startswith(stems) for w in anchors) and any(w.startswith(stems) for w in drafted):
            return name
    return None


@lru_cache(maxsize=1)
def _concepts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((str(name), tuple(fold(s) for s in stems)) for name, stems in table("concepts").items())


def _next_step_words(analysis: Analysis, profile: VoiceProfile) -> set[str]:
    """What the team's rule asks for and calls itself: order number, photo, after-sales team, …"""
    rule = _team_rule(analysis, profile)
    if rule is None:
        return set()
    asks = [*rule.ask_in_dm.values(), *rule.label.values()]
    asks += [t for by_intent in rule.ask_by_intent.values() for t in by_intent.values()]
    return _content(" ".join(asks)) - STEPLESS_WORDS


def _team_rule(analysis: Analysis, profile: VoiceProfile) -> EscalationRule | None:
    """The profile's rule for the team the reading escalates to, if any."""
    return profile.brand.escalation.get(analysis.escalation.team) if analysis.escalation else None


def _team_words(analysis: Analysis, profile: VoiceProfile) -> set[str]:
    """The words of the team's own name ("after-sales", "Versandteam")."""
    rule = _team_rule(analysis, profile)
    return _content(" ".join(rule.label.values())) if rule else set()


# Words of a team's asks that name no step: "ans Team weiter", "sorry something's not right", "das Problem"
STEPLESS_WORDS = frozenset(("deine", "your", "team", "something", "etwas", "wenn", "short", "kurzes", "problem"))


def _names(folded: str, name: str) -> bool:
    """The text names the product: a short name as a word ("Abo", "Abos", not "about"), a long one at a word start."""
    if len(name) > SHORT_NAME:
        return _has(folded, name)
    return re.search(rf"(?<!\w){re.escape(name)}(?:s|es|-\w+)?(?!\w)", folded) is not None


SHORT_NAME = 4


def _has(folded: str, keyword: str) -> bool:
    return has_phrase(folded, keyword, whole=False)


@lru_cache(maxsize=16)
def _product_words_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for name in names for w in words(name))


def _profile_words(profile: VoiceProfile) -> set[str]:
    """The telling words of everything the profile knows: its facts, tips and products ("French press", "Stahlmahlwerk",
    "DHL")."""
    known = [*profile.brand.facts, *profile.brand.tips]
    found = {w for f in known for w in _telling_in(f.text)}
    return (found | {w for p in profile.brand.products for w in _telling_in(p.text)}) - GENERIC_WORDS


def _product_words(profile: VoiceProfile) -> frozenset[str]:
    """The words of the brand's product names and aliases ("handmühle", "kiez"): naming one answers nothing."""
    names = _product_words_of(tuple(n for p in profile.brand.products for n in (p.name, *p.aliases)))
    return names - GENERIC_WORDS  # "Super Kaffee 👍" -> "Danke, der Kaffee ...": coffee is everybody's word


def _mentions(drafted: set[str], fact: tuple[str, set[str]]) -> bool:
    """A drafted word tells one of the fact's words, never by a false friend's letters."""
    return any(_same_word(w, {a}) and not _false_friend(w, a) for w in drafted for a in fact[1])


def _false_friend(word: str, fact_word: str) -> bool:
    """A place told by another word's first letters ("Schwester" ~ "Schweiz"), or a fact's short word as the head
    of a longer one ("Geburtstage" tells no "14 Tage")."""
    if word == fact_word:
        return False
    if _place(fact_word) and not _place(word):
        return True
    return len(fact_word) <= COMPOUND_PART < len(word) - 2


@lru_cache(maxsize=4096)
def _place(word: str) -> bool:
    """The word names a country or a city of one."""
    return bool(countries_in(read(word)))


# Words every coffee reply says: a product's description that shares only these is not described.
MEDIA_WORDS = frozenset(
    ("video", "videos", "beitrag", "post", "posts", "reel", "reels", "clip", "clips", "tiktok", "facebook", "instagram")
)
GENERIC_WORDS = frozenset(("kaffee", "coffee", "bohnen", "beans", "tasse", "cup", "rosterei", "roastery"))
# Words a fact shares with every chat about coffee: "coffee" in a reply does not tell the workshop fact, nor "course"
# the replacement fact (the roastery stays: it is where the pickup fact sends people).
BLAND_FACT_WORDS = (GENERIC_WORDS - {"rosterei", "roastery"}) | {"through", "straight", "course", "once", "between"}
BLAND_FACT_WORDS |= {"usually", "tastes", "dafur", "wird's", "min", "test", "bescheid", "included"}


def _product_named(folded: str, message: Message, analysis: Analysis, profile: VoiceProfile) -> str | None:
    """A product the draft names or describes, when the message is about products at all."""
    source = message.post if message.mode == "outreach" and message.post else message.text
    if not analysis.entities.products and not RANGE_WORDS.search(source) and not PICK_ASKED.search(source):
        return None
    drafted = _content(folded)
    for product in profile.brand.products:
        names: Iterable[str] = (product.name, *product.aliases)
        if any(_names(folded, fold(n)) for n in names):
            return product.name
        if fold(product.name) in {fold(p) for p in analysis.entities.products}:
            described = _content(" ".join(product.text.values())) - GENERIC_WORDS
            if any(_same_word(w, described) for w in drafted - GENERIC_WORDS):
                return f"{product.name} (described)"
    return None
