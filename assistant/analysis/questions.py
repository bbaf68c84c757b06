"""Every question in a message: direct ("Liefert ihr nach Graz?") and indirect ("…mitteilen, ob …")."""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.text import fold, fold_pattern

# A sentence, or 2,000 characters without an end; "vor dem 24. an??" and "3.5" end none.
# "3. januar" and "@mara.kbx" end no sentence: a dot between a word and a lowercase letter stands inside one
# A stop inside a sentence: "2.5", "am 3. bestellt", "vor dem 1. Dezember", "a.b" (never the sentence's end).
MONTH_AFTER = r"\s{1,3}(?i:jan|feb|mär|mar|apr|mai|jun|jul|aug|sep|okt|nov|dez)[a-zä]{0,7}\b"
# "for approx. 8 kg", "ca. 3 Tüten", "inkl. Versand": an abbreviation's dot ends no sentence
ABBREVIATED = (
    r"(?<=approx)\.|(?<=\bca)\.|(?<=\bCa)\.|(?<=inkl)\.|(?<=evtl)\.|(?<=ggf)\.|(?<=bzw)\.|(?<=zzgl)\.|(?<=\b[Nn]r)\."
)
# "wenn am 3. Feiertag ist", "bis zum 24. Dezember": a day's ordinal, no sentence end (a lookbehind per width)
ORDINAL_DAY = "|".join(
    f"(?<=\\b{word} {digits})\\.(?=\\s{{1,3}}[A-ZÄÖÜ])"
    for word in ("am", "Am", "zum", "vom", "bis", "ab", "den", "dem", "der", "seit")
    for digits in ("\\d", "\\d\\d")
)
SENTENCE = re.compile(
    rf"(?:[^.!?\n…]|(?<=\d)\.(?=\d|\s{{1,3}}[a-zäöüß]|{MONTH_AFTER})|(?<=\w)\.(?=[a-z_äöü])|{ABBREVIATED}"
    rf"|{ORDINAL_DAY})"
    rf"{{1,2000}}[.!?…]{{0,10}}"
)
# An emoji ends a clause too, and a laugh starts one ("... for christmas lol how long do they stay good once opened")
CLAUSE_BREAK = re.compile(
    r",\s|\s[–-]\s|;\s|:\s|(?<=[^\w\s,.;:!?'\"()\-])\s|\s(?=(?:lol|haha|lmao|btw)\s)"
    # "obsessed with the kiez blend but what grind for aeropress??": the question after "but"
    r"|\s(?:but|aber)\s(?=(?:what|which|how|where|when|why|wie|was|welche\w{0,2}|wo|wann|warum)\s)",
    re.IGNORECASE,
)
WH = (
    # "Wie gestern besprochen, ...", "wie immer": as said, no question
    r"(?:wie(?!\s(?:[a-z]{1,12}\s)?(?:besprochen|abgesprochen|gesagt|erwahnt|vereinbart|angekundigt|versprochen"
    r"|geschrieben|immer|gewohnt)\b)|was|wo|wann|warum|wieso|weshalb|wohin|woher|welche[rsmn]?|wer|wem|wen|ob"
    r"|inwiefern|bis wann|ab wann|seit wann|"
    r"(?:an|auf|in|mit|bei|fur|zu|von|nach|um|aus) welche[rsmn]?|"
    r"what|when|where|why|which|who|how|whether|if|wo ist|where's|what's|how's|whats|wheres|hows|whos)"
)
VERB_FIRST = (
    r"(?:kann|konnt|konnen|konnte|konnten|konntest|sollten|mussten|durften|hatten|kommt|kommen|gibt|gibt[’']?s|ist|sind|hast|habt|haben|hat|muss|musst|darf|durfen|"
    r"soll|sollte|will|wird|werden|wurde|wurden|kame|kamen|ware|waren|hatte|hattet|konntet|liefert|liefern|verschickt|"
    r"bekomme|krieg|kriege|geht|macht|plant|"
    r"schickt|versendet|bestellt|fallt|passt|reicht|klappt|funktioniert|halt|lauft|braucht|bietet|verkauft|taugt|lohnt|zahlt|zahlen|"
    r"can|could|would|will|is|are|do|does|did|should|shall|may|have|has)"
)
PRONOUN = (
    r"(?:ich|ihr|man|es|das|der|die|den|sie|du|wir|ein|eine|einen|denn|"
    r"i|you|u|yall|y'all|ya|it|we|they|there|this|that|my|the|a|an|he|she|people|anyone|anybody|someone|jemand|leute|"
    r"your|ur|euer|eure|euren|eurer|dein|deine|so etwas|sowas|so was|"
    r"bei euch|bei ihnen)"
)
# A greeting, a vocative or a filler before the question ("bruder wie lang ...", "wait can i pay ...") does not hide it.
VOCATIVE = (
    r"(?:(?:hey|hi|hallo|yo|bruder|bro|digga|diggi|leute|alter|moin|servus|sag mal|sagt mal|ey|"
    r"wait|ok|okay|btw|quick q|quick question|kurze frage|sorry|lol|omg|ähm|oh|ach)\W{1,3})?"
)
MENTIONS = r"(?:@[\w.]{1,30}\s{1,3}){0,5}"  # "@mara.kbx @juli.ent wann wird ausgelost": friends tagged first
TAGGED = re.compile(MENTIONS + r"(?=\w)")
# Folded like the text it reads: fold() makes "does" "dos" (as it makes "Goethe" "gothe").
QUESTION_START = re.compile(
    fold_pattern(
        rf"^{MENTIONS}{VOCATIVE}(?:und |aber |also |and |but |so |oder |or )?(?:{WH}\b|{VERB_FIRST} {PRONOUN}\b"
        # "and is espresso kreuzberg ok in a moka pot": a product named bare, then what is asked of it
        r"|(?:is|are) (?:[a-z]{3,15} ){1,3}(?:ok|okay|good|fine|suitable|safe|available|vegan|organic|strong|worth)\b"
        # "does coffee actually cure a hangover asking for a friend": "does" first asks, with or without a "?"
        r"|does (?!not\b)[a-z]{3,15} (?:actually |really |even )?[a-z]{3,15}\b"
        # "gibts workshops", "gibt's auch decaf": the "es" is in the verb ("gibt's nicht" says no)
        r"|gibt[’']?s (?!(?:\w{1,15} )?(?:nicht|nich|net|kein\w{0,2}|nix|nichts)\b)(?=[a-z]))"
    )
)
# With a "?", any verb before a formal or plural "you" asks too ("Bieten Sie …?"); without, it orders
# ("Machen Sie weiter so!").
# A question put with its verb first ("can i pause my sub", "kann ich ..."): never a relative clause
VERB_ASKED = re.compile(fold_pattern(rf"{VOCATIVE}{VERB_FIRST} {PRONOUN}\b"))
ASKED_START = re.compile(rf"{QUESTION_START.pattern}|^\w{{2,20}}(?:en|t) (?:sie|ihr)\b")
INDIRECT = re.compile(
    r"(?:mitteilen|mit|sagen|wissen|gewusst|w(?:ü|u)sste|erfahren|nachfragen|informieren|kl(?:ä|a)ren|best(?:ä|a)tigen|erkundigen|"
    r"fragen|fragt|fragte|anfragen|erfragen|asks|let (?:me|us) know|tell (?:me|us)|wondering|like to know|"
    r"want to know|confirm|advise|"
    r"inquire|enquire|ask|asking|asked|gefragt|interessier(?:t|en|e)?|curious|"
    r"grateful if you could)\b[^.!?\n]{0,40}?\b(ob|wann|wie|wo|wohin|woher|was|welche[rsmn]?|an welche[rsmn]?|"
    r"bis wann|whether|if|when|how|where|what|which|why)\b",
    re.IGNORECASE,
)
# Not knowing which one to take asks it: "weiß ich nicht welche stufe ich nehmen soll", "not sure how much to use".
UNSURE = re.compile(
    r"\b(?:wei(?:ß|ss) (?:ich )?(?:jetzt )?(?:nicht|net)|don'?t know|not sure|frag\w? mich|i wonder|wondering)\b"
    r"[^.!?\n]{0,20}?"
    r"\b((?:welche[rsmn]?|which) \w{3,20}|wie ?viel|how much|how many)\b",
    re.IGNORECASE,
)
INDIRECT_SPLIT = re.compile(
    r"\s(?:und|and)\s(?=(?:ob|wann|wie|wo|wohin|was|welche\w{0,2}|whether|if|when|how|where|what)\b)", re.IGNORECASE
)
# "Ist ein Geburtstagsgeschenk für meinen Mann.", "Soll ein Geschenk zu seinem 60. sein." without a question mark:
# "(Es) ist ein ...", "(Das) soll ein ...", a statement
_ELLIPTIC = re.compile(
    r"(?:ist|sind|war|waren|is|was|soll|sollte) (?:ein|eine|einen|a|an)\b"
    r"|(?:so|also|aber) \w{1,30} (?:man|ich|wir|es)\b"
)
# ... unless it weighs something up: "is a double espresso before the start a good idea or will I regret it"
_WEIGHED = re.compile(r"\b(?:a (?:good|bad) idea|eine (?:gute|schlechte) idee|or will i|oder werd\w{0,2} ich)\b")
# "läuft bei euch 👏": the idiom (it's all going great), said with irony, asks nothing without a "?"
_IDIOM_TOLD = re.compile(r"lauft bei (?:euch|dir|ihnen|uns|mir|denen)\b")
# "did the saturday workshop in april and ... nailed it!": without "?", a subject left out tells, it asks nothing
_NARRATED = re.compile(r"did (?:the|a|an|my|our|this|that)\b")
# "will das meiner schwester schenken.": without "?", a first person's verb with its "ich" left out tells
_DROPPED_I = re.compile(
    r"(?:will|wollte|muss|musste|mochte|hab|habe|hatte|brauch|brauche) (?!ich|du|ihr|er|man|jemand|wer)"
    r"(?:das|den|die|dem|es|meine\w?|meinem|meinen|meiner|mir|mal|noch|nur|eh|halt|einfach)\b"
)
# "When it closed I was gutted", "if you ever need a tester": without "?", a wh-word before its subject opens a
# clause of a statement (a question puts its verb first: "when is it back")
_SUBORDINATE = re.compile(r"(?:when|where|if|whether|how|why|what|which) (?:i|it|we|they|he|she|you|u|my|our|your)\b")
# "Oh wie schön ...", "how cool is that" without a "?": an exclamation
_EXCLAIMED = re.compile(
    fold_pattern(
        r"(?:oh |ach |ah |wow |omg )?(?:wie|how|was fur|what a)\s(?:schön|toll|cool|geil|süß|lecker|gut|super|lieb"
        r"|genial|praktisch|witzig|nice|lovely|great|sweet|cute|amazing|fun|schöne[rsn]?|tolle[rsn]?)\b"
    )
)
MAX_QUESTION = 300
STANCE_WORDS = 3  # "I say no.", "Ich sag nein.": a stance this short keeps the claim before it for a "settle this"
# An item of a list written inline ("3 questions: 1) ... 2) ... 3) ...", "(a) ... (b) ..."): it ends the item before.
LISTED = re.compile(r"(?:(?<=\s)|^)(?:(\d{1,2})[).]|\((\d{1,2}|[a-e])\)|([a-e])\))\s{1,3}(?=[^\W\d_])")
_LETTERS = "abcde"
ASIDE = re.compile(r"\s?\([^()\n]{1,40}\?\)")  # a parenthesis of short questions inside a question
# "pls tell me you have decaf", "sagt mir bitte, dass ihr nach Wien liefert": a hope that asks whether we do
HOPED = re.compile(
    r"\b(?:tell me|sag mir|sagt mir)(?: (?:bitte|pls|please))?,? (?:that |dass )?"
    r"((?:you|u|ihr) (?:have|got|do|ship|sell|deliver|make|still|habt|liefert|verkauft|macht|verschickt|röstet)\b"
    # "please tell me it's fixable": whether it can be repaired
    r"[^.!?\n,]{2,80}|(?:it'?s|it is|it can be|es ist|die ist|sie ist|das ist) (?:still )?(?:fixable|repairable|covered"
    r"|reparierbar|zu retten|noch zu retten)\b"
    r"[^.!?\n,]{2,80}|ihr [^.!?\n,]{2,60}?\b(?:habt|liefert|verkauft|macht|verschickt|röstet|anbietet)\b)",
    re.IGNORECASE,
)


# "Zwei Fragen:", "Quick question:", "Kurze Frage an euch:": a label before the questions, not part of them
LABELLED = re.compile(
    r"^\W{0,3}(?:(?:zwei|drei|vier|2|3|4|kurze|eine|noch (?:eine|ne)|two|three|quick|one more|a few|ein paar|small"
    r"|kleine)\s{1,3})?(?:fragen?|questions?)(?:\s{1,3}an (?:euch|sie|dich))?\s{0,2}:\s{1,3}(?=\w)"
    # "real talk is the kiez blend any good for cold brew", "ehrliche frage taugt die ...": a lead without a colon
    r"|^\W{0,3}(?:real talk|honest question|serious question|quick question|ehrliche frage|ernsthafte frage"
    r"|kurze frage|mal ehrlich|ganz ehrlich)\W{0,3}\s(?=\w)",
    re.IGNORECASE,
)


def find_questions(text: str, limit: int | None = None) -> list[str]:
    """The questions of a message in order, each as the words of the person (trimmed to the question);
    the first `limit` of them when a limit is given (the rest of a long text is not read)."""
    found: dict[str, None] = {}
    text = _spoken(ASIDE.sub("", text))  # "Woher kommen die Bohnen (Land? Farm?) und ...?" asks one question
    text = _run_on(text)
    if listed := _listed(text):  # "1) how long does it stay fresh 2) can i freeze it": a question per item
        text = LISTED.sub("\n", text)
    elif bare := _bare_listed(text):  # "3 questions: 1 do u ship to switzerland 2 how long ... 3 any sale??"
        text, listed = bare, True
    before = ""
    for match in SENTENCE.finditer(text):
        sentence = LABELLED.sub("", match.group().strip())  # "Zwei Fragen: Eignet sich ...?" asks from "Eignet"
        asked = _questions_in(sentence, listed) if sentence and not self_answered(sentence, text[match.end() :]) else []
        if not asked and before and SETTLE.match(sentence):  # "... says it keeps them fresh. settle this pls"
            asked = [f"{before} {sentence}"]
        # "My husband insists it stays fresher in the fridge. I say no. Please settle this": the claim and the stance
        before = f"{before} {sentence}" if before and len(sentence.split()) <= STANCE_WORDS else sentence
        found |= dict.fromkeys(TAGGED.sub("", q)[:MAX_QUESTION] for q in asked if _real(q))
        if limit is not None and len(found) >= limit:
            return list(found)[:limit]
    return list(found)


# A verdict asked on the claim before: "my flatmate keeps our beans in the fridge. settle this pls", "wer hat recht?"
SETTLE = re.compile(
    r"^\W{0,3}(?:(?:pls|please|bitte) )?(?:settle (?:this|it|a debate|an argument)|who(?:'s| is) right"
    r"|wer hat (?:hier )?recht"
    r"|klärt (?:das|uns) (?:mal )?(?:bitte )?auf|help settle|end this debate|beendet (?:den|diesen) streit)\b",
    re.IGNORECASE,
)
# "Glühwein? Nee danke.", "Dry January? Nope.": a word or three asked and answered by the writer at once
SELF_ANSWER = re.compile(
    r"\s{0,3}(?:nee|nein|nö|nope|no|nah|ja|yes|yep|klar|natürlich|of course)\b(?![^.!?\n]{0,40}\?)", re.IGNORECASE
)


# A riddle with its punchline: "Was trinken Gespenster am liebsten? Buuuh-nenkaffee 👻", "what do you call a sad
# cup of coffee? depresso. ok bye", "warum ist der kaffee zur polizei gegangen? er wurde gemahlen 😭 ok ich geh
# schon"; a laugh or a run-away marks the joke ("Wie lange hält er? Danke!" asks)
PUNCHLINE = re.compile(
    r"\s{0,3}(?!(?:danke|thanks|thank|thx|bitte|please|pls|lg|grüße|hallo|hi|ja|nein|yes|no)\b)"
    r"(?:(?:er|sie|es|he|she|it)\s)?[^\W\d_][\w'-]{2,25}(?:\s[^\W\d_][\w'-]{1,15}){0,2}\s{0,3}(?:[.!]|[^\w\s?]|$)",
    re.I,
)
RIDDLE = re.compile(r"^(?:was|wie|wer|warum|what|how|why|who)\b", re.IGNORECASE)
JOKE_MARK = re.compile(
    r"😂|🤣|👻|💀|🙈|\b(?:haha\w{0,6}|lol|ok(?:ay)? bye|ich geh(?:e)? (?:ja )?schon|badum\w{0,4}|ba dum"
    r"|i'?ll see myself out)\b",
    re.I,
)


def self_answered(sentence: str, after: str) -> bool:
    """Whether a short question is answered by the writer in the next words."""
    return sentence.endswith("?") and len(sentence.split()) <= 3 and SELF_ANSWER.match(after[:60]) is not None


# "what coffee do witches drink 🧙", "was ist das gruseligste an kaffee?": a playful question no fact answers
SPOOKY = re.compile(
    r"\b(?:witch\w{0,3}|ghosts?|vampires?|zombies?|mumm(?:y|ies)|skeletons?|monsters?|hexen?|gespenst\w{0,3}"
    r"|geister?|vampir\w{0,3}|mumien?|skelett\w{0,3}|gruselig\w{0,3}|spooky|scariest|creepiest)\b",
    re.IGNORECASE,
)
SHORT_RIDDLE = 12  # words


def spooky_question(text: str) -> bool:
    """Whether a short message asks a playful question about ghosts and witches ("what coffee do witches drink")."""
    short = len(text.split()) <= SHORT_RIDDLE
    return short and bool(RIDDLE.match(text.strip()) and SPOOKY.search(text))


def riddle(text: str) -> bool:
    """Whether the message is a riddle told with its punchline ("Was trinken Gespenster? Buuuh-nenkaffee 👻")."""
    head, mark, after = text.partition("?")
    return bool(mark and RIDDLE.match(head.strip()) and JOKE_MARK.search(after[:80]) and PUNCHLINE.match(after[:60]))


def _listed(text: str) -> bool:
    """Whether the text numbers its items 1, 2, ... ("meiner Mutter (87)" and "bis zum 9. Mai" number nothing)."""
    items = ["".join(groups) for groups in LISTED.findall(text)]
    numbers = [_LETTERS.index(i) + 1 if i in _LETTERS else int(i) for i in items]
    return len(numbers) >= 2 and numbers[:2] == [1, 2]


# Items numbered without a mark: "1 do u ship to switzerland 2 how long is an open bag good 3 any summer sale"
BARE_ITEM = re.compile(r"(?:(?<=[\s:])|^)([1-9])\s{1,3}(?=[^\W\d_])")


def _bare_listed(text: str) -> str | None:
    """The text with its bare item numbers as line breaks, when it numbers at least three items 1, 2, 3 in a row."""
    found = list(BARE_ITEM.finditer(text))
    for start in range(len(found) - 2):
        run = found[start : start + 3]
        if [int(m.group(1)) for m in run] == [1, 2, 3]:
            items = [m for m in found[start:] if int(m.group(1)) == found.index(m) - start + 1]
            for m in reversed(items):
                text = f"{text[: m.start()]}\n{text[m.end() :]}"
            return text
    return None


# A voice message typed by the phone: punctuation said as words ("wie mach ich das komma danke punkt"), and a
# run-on "… rumliegen wie mach ich das" that asks at its end.
SPOKEN_MARKS = (
    (re.compile(r"\s(?:fragezeichen|question mark)\b", re.IGNORECASE), "?"),
    (re.compile(r"\s(?:punkt|full stop|period)(?=\s{0,3}$|\s{1,3}[a-zäöüß])", re.IGNORECASE), "."),
    (re.compile(r"\s(?:komma|comma)\b", re.IGNORECASE), ","),
)
DICTATED = re.compile(r"\b(?:komma|fragezeichen|comma|question mark)\b|\s(?:punkt|full stop)\W{0,5}$", re.IGNORECASE)
RUN_ON_ASK = re.compile(
    r"\s((?:wie|was) (?:mach|mache|soll|kann) ich (?:das|da|jetzt)|wie geht das|how do i do (?:that|this)"
    r"|what do i do(?: now)?)(?=\s{0,3}[,.]|\s{0,3}$)",
    re.IGNORECASE,
)


# A long message typed without a single mark: "... teurer geworden warum wurde ich da nicht informiert und kann ich
# auf alle 4 wochen umstellen und liefert ihr auch nach österreich": each question starts where its verb asks
RUN_ON_MIN_WORDS = 15
RUN_ON_ASKS = re.compile(
    fold_pattern(
        # "der MAMA was in die schultüte schmuggeln": "was" before a preposition is "something", no question
        rf"^(?:(?:und|and) )?(?:{WH} (?!ich\b|i\b|(?:in|an|auf|fur|zu|mit|von|aus|uber|unter|into|for|with|to|on)\b)"
        rf"\w{{2,15}} {PRONOUN}"
        rf"|{VERB_FIRST} (?:ich|ihr|sie|du|man|i|you|u|we)"
        # "... gegönnt welche stufe für espresso und welche für filter und warum dauert mahlen so lange ..."
        r"|(?:welche[nrs]?|which) (?:\w{2,15} )?(?:fur|for)"
        r"|(?:warum|wieso|weshalb|why) (?:dauert|brauchst?|ist|sind|geht|wird|macht|is|does|do|are|takes?))\b"
    )
)


def _run_on(text: str) -> str:
    """A long text without punctuation, with a line break before each question put inside it."""
    words = text.split(" ")
    if re.search(r"[.,;:!?\n]", text) or len(words) < RUN_ON_MIN_WORDS:
        return text
    starts = [i for i in range(1, len(words)) if RUN_ON_ASKS.match(fold(" ".join(words[i : i + 4])))]
    cuts = [i for i in starts if i - 1 not in starts]  # "warum wurde ich": one question, cut before "warum"
    cuts = [_with_lead(words, i) for i in cuts]  # "und ab wann ist es zu viel": the question keeps its "ab"
    for cut in reversed(cuts):  # "und kann ich ...": the question starts after its "und"
        conjunction = words[cut].lower() in ("und", "and")
        words[cut] = "\n" if conjunction else f"\n{words[cut]}"
    return " ".join(words)


def _with_lead(words: list[str], cut: int) -> int:
    """Where a question cut before its wh-word starts: at a preposition before it ("ab wann", "bis wann"), and at the
    "und" before that."""
    moved = cut
    while moved > 1 and words[moved - 1].lower() in LEADS:
        moved -= 1
    led = words[moved].lower() in LEADS and moved > 1 and words[moved - 1].lower() in ("und", "and")
    return moved - 1 if led else moved


LEADS = frozenset({"ab", "bis", "seit", "since", "until", "till", "by", "from"})


def _spoken(text: str) -> str:
    """A dictated message without punctuation, with its spoken marks written and its closing ask set apart."""
    if re.search(r"[.!?]", text) or not DICTATED.search(text):
        return text
    for pattern, mark in SPOKEN_MARKS:
        text = pattern.sub(mark, text)
    return text if "?" in text else RUN_ON_ASK.sub(r". \1?", text, count=1)


def _real(question: str) -> bool:
    """A question with something in it: no rhetorical one, no bare "If not" leading the next, no part missing said
    with a "??" ("the crank handle isn't in the box??": the complaint, nothing to check)."""
    if len(question) < 2 or rhetorical(question) or BARE_CONDITION.match(question):
        return False
    folded = fold(question)
    return not (MISSING_TOLD.search(folded) and not ASKED_START.match(folded))


# A part said to be missing, as a statement: "and the crank handle isn't in the box??", "die Kurbel war nicht dabei??"
MISSING_TOLD = re.compile(
    r"\b(?:isn'?t|is not|wasn'?t|was not|aren'?t|weren'?t) (?:in|inside|included in|included) (?:the|my) "
    r"(?:box|parcel|package|bag|order)\b|\b(?:is|are|was|were) missing\b"
    r"|\b(?:war|ist|waren|sind) (?:nicht|gar nicht|nirgends) (?:dabei|drin|im (?:paket|karton))\b"
)


# "If not, how do I stop it?", "and if so, what are your opening hours?": the condition leads the question after it,
# asking nothing itself
BARE_CONDITION = re.compile(
    r"^\W{0,5}(?:and |und )?(?:if not|wenn nicht|falls nicht|otherwise|sonst|if so|if yes|wenn ja|falls ja|falls doch"
    r"|wenn doch)\W{0,5}$",
    re.I,
)


def rhetorical(question: str) -> bool:
    """A question nobody wants answered ("Was soll das?", "was habt ihr getan 😭")."""
    folded = fold(question).strip()
    return RHETORICAL.match(folded) is not None or INTERJECTED.search(folded) is not None


# "just finished my first bag ... and honestly?? best flat white": an "honestly" that leads on, no question
INTERJECTED = re.compile(
    r"(?:\band|\bund|\bbut|\baber|,)\s{1,3}(?:honestly|seriously|literally|ehrlich|ernsthaft|ngl|fr)\W{0,10}$"
)


# Questions nobody wants answered: "Was soll das?", "Geht's noch?", "are you kidding me?"
RHETORICAL = re.compile(
    r"(?:und |also |ey |hallo )?(?:was soll (?:das|der (?:mist|scheiss))|geht'?s noch"
    r"|seid ihr (?:noch )?(?:ganz )?(?:dicht|bei trost)|ist das euer ernst|ernsthaft|echt jetzt|wtf"
    r"|what the (?:hell|heck|f\w{0,10})|are you (?:kidding|serious)(?: me)?"
    r"|seriously|really|honestly|literally|ehrlich|ngl"
    # "Soll das ein Escape Room sein?", "is this supposed to be a treasure hunt?": sarcasm, asked of nobody
    r"|soll (?:das|der|die|es) (?:hier )?(?:ein|eine|so ein|so eine|n|ne) \w{2,25}(?: \w{2,25})? sein"
    r"|is (?:this|that|it) supposed to be (?:a|an|some kind of|some sort of) \w{2,25}"
    # "ich geh als eure Kaffeetüte, mit Aromaventil auf der Nase. Zu viel? 😂": the joke's own punchline, asked
    r"|(?:zu viel|zu krass|zu drüber|übertrieben|too much|overkill|too far)"
    # "quitting caffeine. day 3. why is this on my fyp 😭": the algorithm blamed, nobody asked
    r"|why (?:is|are) (?:this|these|you|u) (?:on|in) my (?:fyp|feed|for ?you ?page|timeline|explore)"
    r"|why am i (?:seeing|watching) this|warum (?:ist|kommt|seh ich) (?:das|dieses video|ihr|euch) (?:auf|in|bei)"
    r" meine[mr]? (?:fyp|feed|startseite|timeline)"
    # "mein Opa redet nur noch über Röstprofile, was habt ihr getan 😭": mock despair at a happy result
    r"|was habt ihr (?:nur |da |mit (?:ihm|ihr|mir|uns) )?(?:getan|gemacht|angerichtet)|wie konntet ihr(?: nur)?"
    r"|what (?:have|did) (?:you|u)(?: guys)? (?:done|do)(?: to (?:me|him|her|us|my \w{1,12}))?"
    # "my cat knocked a whole bag off the counter. is this a sign": fate asked, nobody to check it
    r"|is (?:this|that|it) a sign|ist (?:das|es) ein zeichen|coincidence|zufall"
    # "halloween costume idea: your coffee bag. who's in 😄": a call to join, asked of everyone and no one
    r"|who'?s in|who is in|who'?s with me|wer ist dabei|wer macht mit|wer ist mit dabei|anyone else"
    # "jetzt nicht mehr bitter!!! warum hat mir das keiner früher gesagt 😭": joy at the fix, asked of nobody
    r"|(?:und )?(?:warum|wieso|why) (?:hat|haben|hatte|did(?:n'?t| not)?) (?:mir |me )?(?:das |dies |this |that )?"
    r"(?:keiner|niemand|nie jemand|no ?one|nobody|anyone|anybody)(?: \w{1,12}){0,2} (?:gesagt|erzahlt|verraten|tell"
    r"|told)(?: me)?(?: \w{1,12}){0,2}"
    # "do you have decaf yet or do i have to break up with you": the joke alternative, nothing to check
    r"|(?:or |oder )?(?:do|will|must|should) i (?:have to |need to )?(?:break up with|cheat on|leave|divorce|dump)"
    r" (?:you|u|y'?all|your \w{1,12})"
    r"|(?:oder )?(?:muss|soll) ich (?:mit euch |mit dir )?(?:schluss machen|fremdgehen|euch verlassen|mich trennen)"
    # "a coffee brand that actually answers comments?? in THIS economy?? 😭": amazement, asked of nobody
    r"|in (?:this|dieser) (?:economy|wirtschaftslage)"
    # "... und ihr postet über Kaffeebohnen. Habt ihr sonst keine Sorgen??": a jab, nothing to check
    r"|(?:habt ihr|hast du|haben sie) (?:sonst |echt |eigentlich )?(?:keine (?:anderen )?(?:sorgen|probleme)|nichts"
    r" besseres zu tun)|(?:have|got) (?:you|u) (?:got )?(?:nothing better to do|no other (?:worries|problems))"
    r"|(?:a|an|eine?) (?:\w{1,20} ){1,3}(?:that|who|die|der|das) (?:actually|really|tatsachlich|wirklich)"
    r" (?:\w{1,20} ?){1,4}"
    # "Hätte man ja auch mal irgendwo erwähnen können 🙄": a reproach, no question to check
    r"|h[aä]tte(?:t|n)? (?:man|ihr|sie) (?:das )?(?:ja|doch) (?:\w{1,20} ){0,5}(?:k[oö]nnen|sollen|m[uü]ssen)"
    # "just got my first box 📦 the smell when I opened it?? unreal": delight, no question
    r"|(?![^?]{0,80}\b(?:what|how|why|which|is|does|do|can|should|wie|was|warum|welche\w?|ist|hat|kann|soll)\b)"
    r"(?:[^?]{0,80}\W)?(?:the|that|der|dieser|dieses|die) (?:smell|scent|aroma|duft|geruch|crema)\b"
    r"(?:(?: when| als| beim| after| nach)(?: \w{1,20}){1,5})?)"
    r"\W{0,10}$"
    # "Ehrlich, warum sollte ich noch bei euch bestellen?", "why would I pay that?": a challenge, no question to check
    r"|(?:\w{1,30}\W{1,5}){0,3}(?:warum|wieso|weshalb|why) (?:sollte|soll|wurde|würde|should|would)"
    r" (?:ich|i|anyone|anybody)\b"
    r"(?:\W{1,5}\w{1,30}){0,6}?\W{1,5}(?:noch|uberhaupt|still|even|ever|bei euch|from you|you guys)"
    r"(?:\W{1,5}\w{1,30}){0,4}\W{0,10}$"
)


# "wer X kauft, hat Y", "wer das trinkt ist selbst schuld": a clause of whoever, then its main verb
WHOEVER = re.compile(
    r"wer\s(?:[\w'-]{1,20}\s){0,8}?[\w'-]{2,20}(?:t|en)\s?,?\s(?:hat|hats|ist|isses|muss|kann|braucht|sollte|soll|darf"
    r"|wird|macht|trinkt|bekommt|kriegt|weiss|versteht|hat's|gehört|verdient|zahlt|lebt)\b"
)


# "january sale when 👀", "restock wann": a few words and the question word last, slang for "when is it coming?"
ASKED_LAST = re.compile(r"^\W{0,3}(?:[^\W\d_][\w'-]{1,20}\s){1,3}(?:when|wann)\b[^\w]{0,12}$", re.IGNORECASE)
# "PUMPKIN SPICE BEANS WHEN 🎃🎃🎃 its ...": asked up to the emoji (an emoji, never "15€ drip machine")
EMOJI_BREAK = re.compile("(?<=[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f])\\s")
# A modal put before "ich"/"man" inside a sentence without "?": "... und kopfweh darf ich trotzdem kaffee trinken"
MODAL_ASKED = re.compile(
    r"(?<=\s)(?<!ob )(?<!wenn )(?<!weil )(?<!dass )(?<!was )(?<!wie )(?<!falls )(?<!das )"
    r"\b(?:darf|kann|soll|sollte) (?:ich|man) (?:\w{1,15} ){0,4}(?:trinken|essen|nehmen|benutzen|verwenden|mahlen"
    # "darf ich trotzdem meinen espresso oder ist das schlecht": the drink named, its verb left out
    r"|lagern|einfrieren|espresso|kaffee|cappuccino|latte|koffein)\b(?=\s(?:oder|lol)\b|\W{0,5}$)",
    re.IGNORECASE,
)
OTHERS_ASKED = re.compile(
    r"\b(?:people|everyone|everybody|guests|friends|they|alle|leute|gäste|jeder|freunde)\b[^.!?]{0,20}"
    r"\b(?:kept asking|were asking|asked|haben (?:\w{1,12} ){0,2}gefragt|fragten|wollten wissen)\b",
    re.IGNORECASE,
)
# "Ihr wisst, was ich wähle": a wh-clause after "you know" tells (asked, the verb comes first: "Wisst ihr, ...")
KNOWN_LEAD = re.compile(
    r"(?:^|\s)(?:ihr wisst|du weisst|ihr kennt|du kennst|wir wissen|ich weiss)(?: ja| schon| doch| eh)?,?\s{0,3}$"
)


# "... or even better can you send it to my hotel instead lol": a second wish, asked on its own
OR_BETTER = re.compile(
    r"^(?:or|oder)(?: (?:even better|better yet|better still|alternatively|noch besser|besser noch|alternativ|lieber))"
    r"?,?\s{1,3}(?=(?:can|could|would|will|do|kann|könnt|könntet|würdet|würden|geht)\b)",
    re.IGNORECASE,
)


# A subordinate clause put first: the verb-first clause after it is its main clause, a statement (without "?")
FRONTED_CLAUSE = re.compile(
    # "Jetzt wo die Heizung wieder läuft, wird es in der Küche warm.": "jetzt, wo" fronts a clause too
    r"(?:sobald|weil|nachdem|obwohl|seit|seitdem|während|solange|als|jetzt,? wo|jetzt,? da|nun,? wo|wo jetzt)"
    r"\s[^,]{2,80},"
    r"\s{0,3}$",
    re.IGNORECASE,
)


# A wh-word with its verb before the subject asks, even after a comma and without "?" ("so tired after the night
# shift, which coffee do u recommend"; "müde, welchen Kaffee empfehlt ihr"), where "..., which I loved" tells
WH_INVERTED = re.compile(
    r"^(?:which|what|welche\w{0,2}|was fur)\s(?:\w{1,20}\s){0,2}(?:(?:do|does|would|should|can|could|will|are)\s"
    r"(?:u|you|i|we|ya)|\w{2,20}(?:t|en)\s(?:ihr|sie))\b"
    # "zeitumstellung hat mich gekillt, welcher kaffee von euch hat am meisten koffein": one of ours, picked
    r"|^(?:which|welche\w{0,2})\s(?:\w{1,20}\s){0,2}(?:von (?:euch|ihnen|euren \w{2,15})"
    r"|of (?:yours|urs|your \w{2,15}))\b"
)


# A tag that asks whether the clause before it holds: "..., is that right?", "..., stimmt das?"
TAG_CHECK = re.compile(
    r"(?:is (?:that|this|it) (?:right|true|correct|so|a myth)|stimmt das|ist das (?:so|richtig|wahr|korrekt)"
    r"|hat (?:er|sie) recht)\W{0,5}$"
)


# A choice put without a "?": "ja oder nein", "ja oder dumme idee", "good idea or bad idea"
YES_OR_NO = re.compile(
    r"\b(?:ja oder (?:nein|nee|nö|lieber nicht|dumme idee|schlechte idee|keine gute idee)|yes or no"
    r"|(?:good|smart) (?:idea )?or (?:bad|dumb|stupid) idea)\b",
    re.IGNORECASE,
)


def _questions_in(sentence: str, listed: bool = False) -> list[str]:
    """A direct question from its question-like clause on; an indirect one from its wh-word, split at 'und ob'
    (in a list, "Could you let me know" leads its items, and an item "whether you deliver to Austria" asks)."""
    sentence = OR_BETTER.sub("", sentence)
    if listed and "?" not in sentence and TOLD_TO_SAY.search(sentence):
        return []
    if "?" in sentence:
        begin = _question_clause(sentence, ASKED_START) or 0
        if begin and TAG_CHECK.match(fold(sentence[begin:])):
            begin = 0  # "my neighbour swears beans belong in the freezer, is that right?": the claim is asked
        return [part.strip(" ,") for part in _joined_questions(sentence[begin:])]
    if YES_OR_NO.search(sentence):
        return [sentence.strip(" .!")]  # "espresso kreuzberg vorm start ja oder dumme idee 😅": asked without a "?"
    if WHOEVER.match(fold(sentence).lstrip()):
        return []  # "wer sowas kauft hat auch ne Siebträgermaschine": whoever buys it, no one is asked
    if ASKED_LAST.match(first := EMOJI_BREAK.split(sentence, maxsplit=1)[0]):
        return [first.strip(" .!")]  # "january sale when 👀", "decaf when": the question word said last
    indirect = INDIRECT.search(sentence) or UNSURE.search(sentence)
    if indirect and OTHERS_ASKED.search(sentence[: indirect.start(1)]):
        return []  # "people kept asking what coffee it was": what others asked, told (and answered) already
    hoped = None if indirect else HOPED.search(sentence)
    if hoped:
        return [hoped.group(1).strip()]
    start = indirect.start(1) if indirect else _question_clause(sentence)
    if start is None and (modal := MODAL_ASKED.search(sentence)):
        start = modal.start()  # "hab grippe und kopfweh darf ich trotzdem kaffee trinken": asked after a told part
    asked_after = fold(sentence[start or 0 :]).lstrip()  # not "..., can i pause my sub", "..., which one do u rec"
    relative = start and not (VERB_ASKED.match(asked_after) or WH_INVERTED.match(asked_after))
    chosen = re.search(r"\b(?:or|oder)\b", sentence[: start or 0])  # "kiez blend or espresso, which one hits harder"
    if (
        not indirect
        and relative
        and not chosen
        and len(sentence[:start].split()) > 2
        and sentence[:start].rstrip().endswith(",")
    ):
        return []  # "das Beste, was ich je hatte": without "?", a clause after a comma is a relative one
    if not indirect and start and KNOWN_LEAD.search(fold(sentence[:start])):
        return []
    if not indirect and start and FRONTED_CLAUSE.match(sentence[:start].lstrip()):
        return []  # "Sobald es russlandfeindlich ist, sind die Arme ... offen": a main clause after "sobald", told
    plain = fold(sentence[start or 0 :]).lstrip()
    exclaimed = _EXCLAIMED.match(plain)  # "Oh wie schön, die ganzen Tüten 😍": delight, asked of nobody
    subordinate = _SUBORDINATE.match(plain) and not (listed and plain.startswith(("whether", "if")))
    told = (
        (_ELLIPTIC.match(plain) and not _WEIGHED.search(plain))
        or _NARRATED.match(plain)
        or _DROPPED_I.match(plain)
        or _IDIOM_TOLD.match(plain)
        or subordinate
    )
    if start is None or (not indirect and (told or exclaimed)):
        return []
    asked = EMOJI_BREAK.split(sentence[start:], maxsplit=1)[0]  # "... dazu passt 👵 sie hat ne ...": asked up to 👵
    return [p.strip(" .,!") for p in INDIRECT_SPLIT.split(asked)]


# "Bieten Sie eine Geschenkverpackung an, und würde sie bis zum 9. Mai ankommen?": two questions joined by "und"
# also "Was kostet der Versand nach Zürich und wie lange dauert das?", "Welchen Mahlgrad ..., wie lange hält ...":
# a second question word after "und" or a comma starts a second question (not "Kannst du mir sagen, wie ...")
JOINED = re.compile(
    r",\s(?=(?:und|and)\s)|\s(?=(?:und|and)\s)"
    # "..., wo der Laden zu ist?" after "jetzt" or "da" ("now that"): the reason, no second question
    r"|(?<!\bjetzt)(?<!\bnun)(?<!\bda),\s(?=(?:wie|was|wo|wann|welche\w{0,2}|how|what|where|when|which)\s)"
    # "how much is it, is it in english, and ...": a question put with its verb first after a comma
    r"|,\s(?=(?:is|are|can|do|does|ist|sind|kann|gibt)\s(?:it|there|es|das)\b)",
    re.IGNORECASE,
)  # "..., oder muss ich ...?" asks one
TOLD_TO_SAY = re.compile(
    r"\b(?:sagen|wissen|erklären|verraten|zeigen|mitteilen|fragen|know|tell (?:me|us)|explain|show me|ask"
    r"|advise)\W{0,5}$",
    re.IGNORECASE,
)
CONJUNCTION = re.compile(r"^(?:und|and|oder|or)\s{1,3}", re.IGNORECASE)


def _joined_questions(question: str) -> list[str]:
    """A direct question split where ', und' starts a second question."""
    # a bare "und" cuts only a question: "Kann ich ... und ist das ...?", not "Ich hab ... und kann ich ...?"
    asks = bool(QUESTION_START.search(fold(question)))
    cuts = [
        m.start()
        for m in JOINED.finditer(question)
        if (asks or m.group().startswith(","))
        and QUESTION_START.search(fold(question[m.end() :][:80]).lstrip())
        and not TOLD_TO_SAY.search(question[: m.start()])
    ]
    parts = [question[a:b] for a, b in pairwise([0, *cuts, len(question)])]
    return [parts[0], *(CONJUNCTION.sub("", part.strip(" ,")) for part in parts[1:])]


def _question_clause(sentence: str, start: re.Pattern[str] = QUESTION_START) -> int | None:
    """Where the first clause that reads like a question starts (None when none does)."""
    starts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(sentence))]
    return next((s for s in starts if start.search(fold(sentence[s : s + 80]).lstrip())), None)


# Our promise to find something out, said back by the person chasing it ("you said youd check with the team
# whether the Kiezmischung works in a Chemex", "ihr wolltet nachfragen, ob ..."); group 1: what was to be found out
PROMISED_CHECK = re.compile(
    r"\b(?:(?:you|u|ya) (?:said|promised|told me)(?: (?:you|u)(?:'?d| would| will))?|(?:ihr|du|sie) (?:wolltet|wolltest"
    r"|wollten|meintet|meintest|habt gesagt|hast gesagt)(?:,? (?:ihr|du))?) (?:[\w'’]{1,15} ){0,4}?"
    r"(?:check|ask|find out|look into|get back|nachfragen|nachschauen|nachsehen|prüfen|klären|melden|fragen|fragt"
    r"|tell (?:us|me)|let (?:us|me) know|bescheid (?:sagen|geben))\w{0,3}(?: (?:with|im|beim) (?:the )?team)?"
    # "ask the roasters about ...", "fragt die Röster"
    r"(?: (?:the|your|die|den|eure[nm]?) (?:roasters?|röster\w{0,2}|team|kolleg\w{1,5}|colleagues))?,?"
    r"(?: (?:on|about|zu|wegen))?\s"
    r"((?:whether|if|which|how|when|what|ob|wie|wann|was|welche\w?)\b[^.!?\n…]{5,120}"
    r"|(?<=about )(?:the|your|my) [^.!?\n…]{3,60}?(?=\W{0,3}(?:…|\.\.\.|[.!?,]|\s(?:any|still|gibt)\b))"
    # "ihr meintet, ihr fragt wegen der neuen ernte nach... und??"
    r"|(?<=wegen )(?:der|dem|den|des|eure[mnrs]?) [^.!?\n…]{3,60}?(?=\s(?:nach|noch)\b|\W{0,3}(?:…|\.\.\.|[.!?,])))",
    re.IGNORECASE,
)
