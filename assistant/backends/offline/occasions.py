"""A life event that a friendly message mentions (a birthday present, a trip, a move), to wish the person well,
and the moment a fan's praise or joke is set in (rain, snow, a Monday, exams), to pick it up."""

from __future__ import annotations

import re

from assistant.text import fold, fold_pattern

# Dressed up as something of ours: "going as your hand grinder", "als Kaffeebohne verkleidet", "Kostüm"
COSTUME = (
    r"\b(?:going as (?:a|an|your|the)|dress(?:ed|ing)? (?:up )?as|(?:my|our|a) costume"
    r"|verkleid\w{0,4} (?:\w{1,10} ){0,3}als"
    r"|(?:geh|komm)\w{0,2} (?:\w{1,10} ){0,2}als (?:eure|euer|eine?|kaffee)\w{0,3}"
    r"|kostüm\w{0,3})\b"
)

Table = tuple[tuple[str, re.Pattern[str]], ...]


def _compiled(patterns: tuple[tuple[str, str], ...]) -> Table:
    return tuple((name, re.compile(fold_pattern(pattern), re.IGNORECASE)) for name, pattern in patterns)


def _first(table: Table, text: str) -> str:
    """The name of the first pattern of the table that the text matches, or ""."""
    folded = fold(text[:2000])
    return next((name for name, pattern in table if pattern.search(folded) and _unfolded(name, text)), "")


def _unfolded(name: str, text: str) -> bool:
    """A cake is named in the text itself: folding makes "WG-Küchen-Tour" a "kuchen"."""
    return name != "cake" or _CAKE_NAMED.search(text[:2000]) is not None


# The first that matches is the occasion: "Geburtstagsgeschenk" is a birthday, not just a gift.
_OCCASIONS = _compiled(
    (
        # "pollen sind da, nase zu, ich schmeck nich mal mehr euren espresso 😭🤧": get well first
        (
            "sick",
            # "bin krank", never the slang "ist einfach krank 🤯", "krank gut"
            r"heuschnupfen|\bpollen\b|erkält\w{0,4}|\bgrippe\b|\bschnupfen\b|nase (?:ist )?zu\b|hay ?fever"
            r"|\bbin\b(?: \w+){0,2} krank\b(?! gut)|krank geworden|krankgeschrieben|liege\w? krank"
            # not "Allergie" (a question on nuts), not "do you have a cold brew blend"
            r"|\b(?:i'?m|am|got|have) (?:a )?(?:cold(?! ?brew)|flu|sick|ill)\b|🤧|🤒"
            r"|\b(?:a|nasty|bad|head|horrible|awful) (?:cold|flu)\b(?! ?brew)|\bsick day\b|\bman flu\b"
            r"|\bcaught (?:a |the )?(?:\w+ ){0,3}(?:cold|flu)\b(?! ?brew)"
            r"|\bhangover\b|\bhung ?over\b|\bverkatert\b|\b(?:hab\w{0,2}|mit|nen|einen?|ordentlichen?|dicken?) kater\b"
            # "wiesn-kater deluxe", "Partykater": the morning after, never a tomcat
            r"|\b(?:wiesn|oktoberfest|party|feier|silvester|geburtstags|hochzeits|montags)-?kater\b",
        ),
        # "Ramadan is over ... Eid Mubarak to everyone", "iftar coffee": the feast wished well
        ("eid", r"\beid mubarak\b|\beid al-fitr\b|\bzuckerfest\b|\bramadan (?:is )?(?:over|vorbei)\b"),
        ("ramadan", r"\bramadan\b|\biftar\b|\bsuhoor\b|\bfastenbrechen\b"),
        ("own_birthday", r"\bhab(?:e)? (?:heute |morgen |bald |am \w{2,12} )?geburtstag|\bmy (?:birthday|bday)\b"),
        ("birthday", r"geburtstag|birthday|\bb-?day\b"),
        ("anniversary", r"hochzeitstag|jahrestag|\banniversary\b"),  # a day to wish well, never a new wedding
        (
            "wedding",
            # never Berlin's district: "opening a café in Wedding", "wohne in Wedding", "aus dem Wedding"
            r"hochzeit|\bheirat|(?<!\bin )(?<!\bim )(?<!\bnach )(?<!\baus )(?<!\bdem )(?<!\bden )(?<!\bvom )"
            r"(?<!\bfrom )(?<!\bnear )(?<!\bvon )(?<!\bbis )(?<!\bzum )wedding"
            r"|getting married|\b(?:just|got|we're|we are|finally) married\b|^\W*married\b"
            r"|\bverheiratet\b",
        ),
        # "meine schwester ist schwanger": the mum-to-be is someone else, wished well by no "you and the baby"
        (
            "pregnancy_other",
            r"\b(?:meine|unsere|my|our)\s(?:\w{1,12}\s)?(?:schwester|frau|freundin|partnerin|tochter|kollegin|cousine"
            r"|schwägerin|sister|wife|girlfriend|partner|daughter|colleague|cousin|friend|best friend|sister-in-law)"
            r"\s(?:\w{1,12}\s){0,2}(?:ist|is|wird|will be)\s(?:\w{1,12}\s)?(?:schwanger|pregnant|expecting)"
            # "asking for my pregnant sister", "für meine schwangere Frau"
            r"|\b(?:meine[rmn]?|unsere[rmn]?|my|our)\s(?:schwangere[nr]?|pregnant|expecting)\s(?:schwester|frau"
            r"|freundin|partnerin|tochter|kollegin|cousine|schwägerin|sister|wife|girlfriend|gf|partner|daughter"
            r"|colleague|cousin|friend|best friend|sister-in-law)\b",
        ),
        ("pregnancy", r"schwanger|pregnan|\bstillzeit|breastfeeding"),
        ("opening", r"\b(?:wir|ich) er(?:o|ö)ffne|\b(?:we'?re|we are|i'?m|i am) opening (?:a|our|my)\b"),
        # a move ahead, not one told of ("ein hartes Jahr (Jobwechsel, Umzug, alles)")
        (
            "move",
            r"\b(?:bald|demnächst|nächste\w{0,2} \w{1,12}|mitten im|vor dem|steht (?:\w{1,12} )?an\w{0,3}) umzug"
            r"|\bumzug (?:steht|ist (?:bald|nächste|am)|am \d)|\bumziehen"
            r"|\bzieh(?:e|en)? (?:[\w.]{1,20} ){0,7}um\b(?! \d)"
            r"|\bmoving (?:to|from|house)\b|\bi'?m moving\b"
            # "ich zieh Ende Oktober von Friedrichshain nach Leipzig", "für die Umzugszeit"
            r"|\bich zieh\w? (?:\w+ ){0,5}?(?:nach|in den|in die|ins)\b|\bumzugszeit\b",
        ),
        # "erstes semester, neue wg", "first semester and already broke": a start to wish well
        (
            "semester",
            r"\b(?:erste[nms]?|first) (?:semester|uni-?woche|uni week|year at uni)\b|\bsemester(?:start|beginn)\w{0,2}"
            r"|\bstart of (?:the |my )?semester\b|\bsemester (?:just |has )?(?:started|begonnen|angefangen)\b"
            r"|\berasmus\b"
            r"|\bersti\w{0,2}\b"
            # "freshers' week", "as a fresher", never "stays fresher in the fridge"
            r"|\bfreshers\b|\bfresher(?:'s)? (?:week|year)\b|\b(?:a|as a) fresher\b"
            # "just moved into my dorm for the semester", "ins Wohnheim gezogen"
            r"|\b(?:moved|moving) into (?:my |the |a )?(?:dorm|student)\w{0,6}|\bins (?:studenten)?wohnheim\b"
            # "just moved to berlin for my master's", "fürs Studium nach Berlin gezogen": the studies, not a flat
            r"|\b(?:moved|moving|came) to \w{3,20} (?:for|to (?:start|do)) (?:my |a |the )?"
            r"(?:master'?s|bachelor'?s|studies|degree|uni|phd)\b"
            r"|\b(?:fürs|für das|für mein) (?:studium|master|bachelor)\b[^.!?]{0,30}\bgezogen\b"
            # "espresso at 6am before an 8am lecture", "vor der 8-Uhr-Vorlesung": the semester under way
            r"|\bbefore (?:an?|my|the) (?:\d{1,2} ?(?:am|uhr) )?(?:lecture|seminar|class)\b"
            r"|\bvor (?:der|meiner) (?:[\w-]{1,12} )?vorlesung\b",
        ),
        # "just moved into my first flat", "endlich in der neuen Wohnung": a new home to congratulate on
        (
            "new_home",
            r"(?<!son )(?<!daughter )(?<!sister )(?<!brother )(?<!friend )(?<!mum )(?<!mom )(?<!dad )(?<!kid )"
            r"\bjust moved\b|\bmoved into\b|\b(?:my )?(?:first|new) (?:flat|apartment)\b|\bneue\w{0,2} (?:wohnung|wg)\b"
            r"|\berste\w{0,2} (?:eigene\w{0,2} )?wohnung\b|\bfrisch (?:eingezogen|umgezogen)\b",
        ),
        # "Our office is back from summer break": a break over, nothing to wish
        (
            "school_holidays",
            r"\bferien endlich\b|\bendlich (?:sommer)?ferien\b|\bschool'?s out\b"
            r"|(?<!back from )(?<!back from the )(?<!back from our )(?<!after the )(?<!after )\bsummer break\b",
        ),
        # "before the autumn holidays", "bis zu den Ferien": a date to be in time for, no trip to wish well
        (
            "trip",
            # "jetzt wo alle aus dem urlaub zurück sind", "back from vacation": a trip over, nothing to wish
            r"(?<!aus dem )(?<!nach dem )(?<!nach der )(?<!vom )urlaub(?!\w{0,3} zur(?:u|ü)ck)"
            r"|(?<!vor den )(?<!bis zu den )"
            r"(?<!nach den )(?<!aus den )\bferien\b(?! (?:sind )?vorbei)"
            # "Wir sind in den Herbstferien zwei Wochen in Italien", "sind zwei Wochen an der Ostsee": away
            r"|\b(?:wir sind|ich bin|sind wir|bin ich)\b[^.!?]{0,40}\b(?:wochen?|tage)\b[^.!?]{0,5}"
            r"\b(?:in|an der|am|auf|nach)\b"
            r"|\bverreis|(?<!back from )(?<!back from the )"
            r"(?<!back from our )(?<!back from my )vacation|\btravell?ing\b|\bon a trip\b|(?<!before the )"
            r"(?<!before the autumn )(?<!before the summer )(?<!before the easter )(?<!before the christmas )"
            r"(?<!before the school )(?<!after the )(?<!back from )(?<!back from the )(?<!back from our )"
            # "With the holiday on the 3rd", "a public holiday": a day off for everyone, no trip of theirs
            r"(?<!public )(?<!bank )(?<!national )(?<!from summer )(?<!from the summer )(?<!from our summer )"
            r"(?<!after summer )(?<!after the summer )(?<!back from autumn )"
            r"\bholiday(?!s?\s(?:on|this|next)\s(?:the\s)?\d)",
        ),
        ("festival", r"festival|open ?air|stra(?:ß|ss)enfest|stadtfest|street (?:party|fest)|\bkonzert|\bconcert"),
        # "tochter wird samstag eingeschult": the first day of school, wished well (the parents too)
        ("school_start", r"\beingeschult\b|\beinschulung\b|\bfirst day of school\b"),
        ("gift", r"geschenk(?!t)|verschenk|\bschenk(?:e|en|st)?\b|\bgift(?!ed)|\b(?:a|as a|the) present\b"),
    )
)


def occasion(text: str) -> str:
    """The life event a message mentions ("birthday", "trip", ...), or ""; "birthday_given" when the present was
    already given and went well (no wish for a day that is over); "new_aeropress" and the like for a brewer the
    writer just got."""
    found = _first(_OCCASIONS, text)
    if found in ("", "gift", "semester") and (brewer := new_brewer(text)):
        return f"new_{brewer}"  # "hab die zu weihnachten bekommen und bin komplett lost": welcome to the club
    if found in ("birthday", "gift") and _RECEIVED.search(text):
        return ""  # "mein Enkel hat mir zum Geburtstag Ihre Handmühle geschenkt": their present, already unwrapped
    if found in ("birthday", "gift", "wedding") and _GIVEN.search(text):
        return f"{found}_given"
    # "ich backe für den 70. Geburtstag meiner Mutter": a birthday to wish well, no present to praise
    party = found == "birthday" and _CELEBRATED.search(text) and not _GIFT.search(text)
    return "birthday_party" if party else found


_DEVICES = (
    ("aeropress", r"aero ?press"),
    ("pourover", r"\bv ?60\b|handfilter|\bhario\b|pour ?over|chemex"),
    ("french_press", r"french ?press|stempelkanne|cafeti(?:e|è)re"),
    ("moka", r"\bmoka|espressokocher|bialetti|herdkanne"),
    ("portafilter", r"siebtr(?:ä|a)ger|portafilter|espresso ?(?:machine|maschine)"),
    ("grinder", r"handm(?:ü|u)hle|\bm(?:ü|u)hle\b|\bgrinder\b"),
)
ANY_DEVICE = "|".join(device for _, device in _DEVICES)
# The writer's own brewer, new: "meine erste AeroPress", "hab mir so nen v60 gekauft", "just got a french press",
# "die mühle zu weihnachten bekommen", "erster versuch mit der moka"
_NEW_BREWER = _compiled(
    tuple(
        (
            name,
            rf"\b(?:neue[nrs]?|erste[nrs]?|new|first)\s(?:[\w-]{{1,15}}\s)?(?:{device})"
            rf"|\b(?:hab|habe|hab's|hat mir|habe mir|hab mir)\b[^.!?]{{0,40}}(?:{device})[^.!?]{{0,40}}"
            r"\b(?:gekauft|bekommen|zugelegt|geholt|geschenkt bekommen)\b"
            rf"|(?:{device})[^.!\n]{{0,15}}\b(?:hab|habe) (?:ich )?(?:die|den|das|sie|ihn|es)\b"
            rf"(?!\s(?:[\w-]{{1,15}}\s)?(?:{ANY_DEVICE}))[^.!?]{{0,30}}"
            r"\b(?:bekommen|gekauft|geschenkt bekommen)\b"
            rf"|\b(?:just )?(?:got|bought|received|treated myself to) (?:a|an|my|myself a|myself an|the|this)\s"
            rf"(?:[\w-]{{1,15}}\s)?(?:{device})"
            rf"|\b(?:erster versuch|zum ersten mal|first (?:try|time|attempt|go))\b[^.!?]{{0,30}}(?:{device})",
        )
        for name, device in _DEVICES
    )
)
# Trouble with it is no welcome ("meine neue Mühle ist kaputt"), nor is a brewer bought for someone else or long
# ago ("bought the grinder for my dad", "vor zwei Jahren")
_BREWER_TROUBLE = re.compile(
    fold_pattern(
        r"kaputt|defekt|broken|zurück|return|reklam|leider|enttäusch|disappoint|funktioniert nicht|years? ago|jahren\b"
        r"|\bfor my (?:dad|mum|mom|husband|wife|son|daughter|brother|sister|partner|boyfriend|girlfriend|friend"
        r"|father|mother|grandma|grandpa)|\bfür (?:meine?n?|seine?n?|ihre?n?) (?:vater|papa|mutter|mama|mann|frau"
        r"|sohn|tochter|bruder|schwester|freund\w{0,3}|partner\w{0,3}|opa|oma)"
    ),
    re.IGNORECASE,
)


def new_brewer(text: str) -> str:
    """The brewer the writer just got ("aeropress", "grinder", ...), or "" (never one with trouble)."""
    return "" if _BREWER_TROUBLE.search(fold(text[:2000])) else _first(_NEW_BREWER, text)


# A present the writer got: "hat mir ... geschenkt", "geschenkt bekommen", "got it as a gift", "my son gave me"
_RECEIVED = re.compile(
    r"\b(?:hat|haben) mir\b[^.!?]{0,60}\bgeschenkt\b|\bgeschenkt bekommen\b|\b(?:got|received) (?:it|this|one|the \w+)"
    r" (?:as a|for my) (?:gift|present|birthday)\b|\b(?:gave|gifted|got) me\b[^.!?]{0,40}\b(?:for my|as a) \w+",
    re.IGNORECASE,
)
# The occasion is over and went well: "was a huge success", "kam super an", "hat ihm sehr gefallen"
_GIFT = re.compile(r"geschenk(?!t)|verschenk|\bschenk(?:e|en|st)?\b|\bgifts?\b|\bpresents?\b", re.IGNORECASE)
_CELEBRATED = re.compile(
    r"\b(?:back\w{0,3}|bake[sd]?|baking|kuchen\w{0,2}|cake|feier\w{0,3}|party|gäste|guests|besuch)\b", re.IGNORECASE
)
_GIVEN = re.compile(
    r"\b(?:was a (?:huge |big |great |real )?(?:success|hit)"
    r"|war ein (?:voller |riesen ?|großer )?(?:erfolg|hit|volltreffer)|went down (?:well|great|a treat)"
    r"|kam (?:super|total|mega|richtig|sehr)? ?(?:gut )?an\b(?<!kam an)|ist (?:super |sehr )?gut angekommen"
    r"|(?:he|she|they|everyone|everybody|my \w{2,12}) loved (?:it|them)"
    r"|hat (?:ihm|ihr|ihnen|allen|uns|mir) (?:\w{2,12} )?(?:gefallen|geschmeckt)"
    r"|(?:war|was) (?:zu tränen |so |ganz |total |richtig )?(?:gerührt|begeistert|moved|touched|thrilled|over the moon)"
    r"|(?:hat|haben) sich (?:riesig |sehr |total |so |mega )?gefreut)\b",
    re.IGNORECASE,
)


_RACE = r"[\s\S]{0,2000}?\b(?:(?:halb)?marathon\w{0,2}|half marathon|42(?:[,.]195)? ?km)\b"  # a race named
# The race still ahead: "32k long run done, 3 weeks to Berlin Marathon", "noch 10 Tage bis zum Marathon"
_NOT_YET = (
    r"(?![\s\S]{0,2000}?\b(?:\d{1,2}|one|two|three|four|five|six|zwei|drei|vier|fünf|sechs) (?:weeks?|days?|wochen"
    r"|tage) (?:to|until|till|left|bis|vor)\b)"
)
_CAKE = r"\b\w{0,12}kuchen\b|\bzwetschg\w{0,12}|\bdatschi\b|\b(?:apple |plum |carrot |lemon |coffee )?cake\b"
_CAKE_NAMED = re.compile(_CAKE, re.IGNORECASE)


def named_cake(text: str) -> str:
    """The cake a message names, capitalised to start a sentence ("Zwetschgendatschi", "Apple cake"), or ""."""
    found = _CAKE_NAMED.search(text[:2000])
    return found.group()[:1].upper() + found.group()[1:] if found else ""


# The day a fan is having: "bei dem Regen", "eingeschneit", "Montag", "Hausarbeit". Only for praise and jokes: in a
# question "bestellt am Montag" is an order date and "wie heiß soll das Wasser sein" a brewing question.
_MOMENTS = _compiled(
    (
        # "your coffee got me through my thesis defense", "Klausur bestanden": over, congratulated, not wished luck
        (
            "exams_done",
            r"(?:got me through|passed|bestanden|geschafft|überstanden|survived|defended|verteidigt|abgegeben"
            r"|handed in|submitted|done with)\b[^.!?]{0,40}(?:prüfung|klausur|exam|finals|thesis|defen[cs]e"
            r"|abschlussarbeit|hausarbeit|masterarbeit|bachelorarbeit)|(?:prüfung|klausur|exams?|finals|thesis"
            r"|abschlussarbeit|hausarbeit|masterarbeit|bachelorarbeit)\w*\b[^.!?]{0,30}\b(?:bestanden|geschafft|passed"
            r"|done|over|vorbei|abgegeben|submitted)\b",
        ),
        ("exams", r"prüfung|klausur|hausarbeit|lernphase|\bexams?\b|\bfinals\b|\bthesis\b|abschlussarbeit"),
        ("nightshift", r"nachtschicht|night ?shift"),
        # "my wife says I have a coffee problem ... the only problem is that the bag is empty again": on their side
        (
            "empty_bag",
            r"\b(?:bag|tüte|packung|dose|jar|beutel)\b[^.!?]{0,20}\b(?:is |ist |schon |already |again |wieder )*"
            r"(?:empty|leer)\b|\b(?:ran|run|running) out of (?:coffee|beans)\b|\b(?:kaffee|bohnen) (?:sind |ist )"
            r"(?:schon |wieder )*(?:alle|leer)\b",
        ),
        ("wasp", r"\bwespe\w{0,2}|\bwasps?\b"),  # "die wespe trinkt mehr von meinem eiskaffee als ich"
        # "my cat knocked a whole bag of your beans off the counter at 6am. is this a sign"
        ("cat", r"\b(?:katze\w{0,2}|(?<!-)kater|cats?|kitten|kitty)\b"),
        ("dog", r"\b(?:hund\w{0,2}|dogs?|puppy|welpe\w{0,2})\b"),
        # "kaffee oder bier zum public viewing?", "EM-Finale, Balkon, Espresso Tonic": a match to enjoy
        (
            "football",
            r"\bpublic viewing\b|\bfu(?:ß|ss)ball\w{0,6}|\bfootball\b|\bsoccer\b|\banpfiff\b|\bkick-?off\b"
            r"|\bem-?(?:finale|spiel|halbfinale|viertelfinale|achtelfinale)\b|\bhalbzeit\b|\bhalf-?time\b|⚽",
        ),
        ("storm", r"\bgewitter\w{0,2}|\bunwetter\b|\bthunder(?:storms?)?\b"),
        # "umzugstag 3 von 5", "got me through the move": in the middle of a move or just done with it
        (
            "moving_day",
            r"\bumzugs?(?:tag|chaos|kartons?|kisten|stress)\b|\bdurch den umzug\b|\bumzugskarton\w{0,2}|\bmoving day\b"
            r"|\bmoving boxes\b|\bthrough the move\b|\bunpacking boxes\b|\bkisten schleppen\b|\bumzug (?:nr|nummer|\d)"
            r"|\bumziehen\b|\bziehen um\b|\bmoving (?:flats?|house|out)\b|\bkarton \d+"
            # "moved into my first solo flat today", "erster tag in der WG", "endlich eingezogen"
            r"|\bmoved into\b|\bjust moved\b|\b(?:first|new) (?:solo )?(?:flat|apartment)\b|\beingezogen\b"
            r"|\berste[rn]? (?:tag|nacht|woche) in der (?:wg|neuen wohnung)\b|\bneue[n]? wohnung\b|\bnach dem einzug\b",
        ),
        # "first iced coffee of the year", "Eiskaffee auf dem Balkon": cold coffee on a warm day
        (
            "iced",
            r"\biced (?:coffee|latte|americano|espresso)|\beis ?kaffee|\beis-?latte|\bcold brew\b|\bover ice\b"
            r"|\bauf eis\b|\beiswürfel|\bice cubes?\b|🧊",
        ),
        ("tax", r"\bsteuererklärung\w{0,2}|\btax (?:return|form|forms|season)\b|\belster\b"),
        # spring: the garden season, Easter and its baking
        ("garden", r"\bkleingarten\w{0,2}|\bschrebergarten\w{0,2}|\blaube\b|\bbeete\b|\ballotment\b|\bgardening\b"),
        (
            "easter",
            r"\bostern\b|\boster(?:brunch|zopf|hase\w{0,2}|nest\w{0,2}|frühstück|backen|eier)\b|\beaster\b",
        ),
        ("camping", r"\bcamping\w{0,6}|\bzelt(?:en|platz|e)?\b|\btent\b|\bvan ?life\b|\bcampervan\b|\bwohnmobil\b"),
        # autumn: the clocks going back (forward in spring), a cold caught, Halloween, St. Martin, the Wiesn, leaves
        # "clocks go back on sunday = one extra hour for coffee": the hour gained, enjoyed
        (
            "clocks_gained",
            # never an either-or ("eine stunde mehr schlaf oder eine stunde mehr kaffee?"): that picks a side
            r"^(?![^?]{0,300}\b(?:oder|or)\b[^?]{0,80}\?|[\s\S]{0,300}\b(?:oder|or)\b[^.!?]{0,30}\b(?:hour|stunde))"
            r"[\s\S]{0,600}?(?:"
            r"\b(?:extra|bonus|zusätzliche|geschenkte|one more|eine? (?:ganze )?stunde mehr)\b[^.!?]{0,12}"
            r"\b(?:hour|stunde)\b(?:(?!\b(?:oder|or)\b)[^.!?]){0,30}\b(?:coffee|kaffee|espresso|cups?|tassen?)\b"
            r"|\b(?:hour|stunde) (?:more|mehr)\b(?:(?!\b(?:oder|or)\b)[^.!?]){0,30}"
            r"\b(?:coffee|kaffee|espresso|cups?|tassen?)\b)",
        ),
        (
            "clocks",
            r"\bzeitumstellung\b|\buhren?\b[^.!?]{0,30}\b(?:umgestellt|zurückgestellt|vorgestellt)|\bclocks? (?:went|go"
            r"|going|goes) (?:back|forward)\b|\bclocks? changed?\b|\bdaylight saving\b|\bextra hour\b"
            r"|\bspring forward\b|\bgeschenkte stunde\b|\bverlorene stunde\b|\blost (?:an |one |that )?hour\b"
            r"|\bsommerzeit\b",
        ),
        # "halloween kostüm: ich geh als eure leere kaffeetüte", "going as your hand grinder for halloween"
        ("costume", rf"^(?=[\s\S]*\bhalloween)[\s\S]*?{COSTUME}"),
        ("halloween", r"\bhalloween\b|\bsüßes oder saures\b|\btrick or treat"),
        ("martin", r"\bst\.? ?martin\b|\bsankt martin\b|\bmartinsumzug\b|\blaternen?(?:umzug|lauf)\b"),
        # "wiesn is vorbei und ich brauch jetzt literweise kaffee": over, so no "Ein schönes Oktoberfest!"
        (
            "wiesn",
            r"\b(?:oktoberfest|wiesn)\b(?!\s+(?:is|ist|was|war)\s+(?:jetzt\s+|nun\s+|endlich\s+)?(?:vorbei|rum|over))",
        ),
        # winter: Advent and Christmas, the markets, New Year, Valentine's Day, carnival (days of the calendar)
        (
            "market",
            # "Herbstmarkt ... nächstes Mal Glühwein 😂": another market, the mulled wine only wished for
            r"\bweihnachtsm(?:ä|a)rkt\w{0,2}|\bchristmas markets?\b"
            r"|^(?![\s\S]*\b(?:herbst|floh|wochen|bauern|trödel|kürbis|kunst|antik)m(?:ä|a)rkt)[\s\S]*?"
            r"\b(?:glühwein\w{0,2}|mulled wine)\b"
            r"|\bfeuerzangenbowle\b",
        ),
        (
            "new_year",
            r"\bsilvester\b|\bneujahr\w{0,2}|\bneue[ns]? jahr\b|\bjahreswechsel\b|\bzwischen den jahren\b"
            r"|\bguten rutsch\b|\bnew year\b|\bnye\b",
        ),
        (
            "christmas",
            r"\bweihnacht\w{0,8}|\bheiligabend\b|\badvent\w{0,8}|\bnikolaus\w{0,2}|\bplätzchen\w{0,12}|\bxmas\b"
            r"|\bchristmas\b|\bfestive season\b",
        ),
        ("valentine", r"\bvalentin\w{0,6}|\bvalentine\w{0,2}"),
        ("carnival", r"\bkarneval\w{0,2}|\bfasching\w{0,2}|\bfastnacht\w{0,2}|\bhelau\b|\balaaf\b|\bcarnival\b"),
        # "I did it. My first Berlin Marathon, 4:38:12", "Nach 42 km gestern ...": run, congratulated
        (
            "marathon_done",
            rf"^(?={_RACE}){_NOT_YET}[\s\S]{{0,2000}}?\b(?:geschafft|finished|finish line|im ziel|ziellinie|i did it"
            r"|did it|gelaufen|completed|nach 42|\d:\d\d:\d\d|gestern|yesterday|medaille|medal|gefinisht|finisht"
            r"|ins ziel|\d:\d\d ?h|legs are dead|beine sind tot|done|erledigt|legs are jelly|\d:\d\d(?=[,.!\s]))\b"
            # "Ran the Berlin Marathon on Sunday ... 3:41!!": run, in the past tense
            r"|^[\s\S]{0,200}?\b(?:ran|lief)\b[^.!?\n]{0,20}\b(?:halb)?marathon\w{0,2}\b",
        ),
        # "cheer crew meeting at km 30 ... bring cowbells": cheering, not running
        (
            "marathon_cheer",
            rf"^(?={_RACE})[\s\S]{{0,2000}}?\b(?:cheer\w{{0,4}}|anfeuer\w{{0,4}}|an der strecke|cowbells?"
            r"|kuhglocke\w{0,2}|jubeln)\b",
        ),
        # "42,195 km beim Berlin Marathon", "running the marathon on sunday": ahead, cheered for every kilometre
        ("marathon", r"\b(?:halb)?marathon\w{0,2}|\bhalf marathon\b|\b42[,.]195\b"),
        # "Apfelkuchen mit Sahne", "grandma's apple cake", "Zwetschgendatschi": cake and coffee
        ("cake", _CAKE),
        ("snow", r"\bschnee|eingeschneit|\bsnow(?:s|ing|y|ed|fall|storm|flakes?)?\b"),  # never "Snowden"
        ("rain", r"\bregen\b|\bregnet|verregnet|\brain(?:y|ing)?\b"),
        ("heat", r"\bhitze|heatwave|\b3\d ?(?:grad|°|degrees)|so heiß|\bhot (?:day|outside|today)"),
        # after the weather: "first proper autumn rain" is a rainy day first
        ("autumn", r"\bherbst\w{0,6}|\bautumn\w{0,3}|\bfall leaves\b|\blaub\b|\bfallen leaves\b"),
        # "Wie haltet ihr euch warm, ohne dass die Nebenkosten explodieren?": how we keep warm, told
        (
            "keeping_warm",
            r"\b(?:haltet|halten|hältst) (?:ihr |du |wir )?(?:euch |dich |uns )?warm\b|\bwarm (?:halten|bleiben)\b"
            r"|\bkeep(?:ing)? (?:yourselves |yourself |you |us )?warm\b|\bstay(?:ing)? warm\b|\bheizkosten\b"
            r"|\bnebenkosten\b|\bheating (?:bill|costs?)\b|\bheizung\b[^.!?]{0,40}\b(?:pfeift|kaputt|aus)\b",
        ),
        (
            "cold",
            # "cold-proofed focaccia", "kalt gegangener Teig": the dough's rest, no weather
            r"\bkalt(?!\s?gebr|\s?gegangen|\s?geführt)|\bkälte|\bfreezing\b"
            r"|\bcold\b(?![ -]?(?:brew|proof|ferment|retard))|\bfrost\w{0,2}\b|(?<![\d-])-?\d ?(?:grad|°)",
        ),
        ("monday", r"\bmontag|\bmonday"),
        # "mein einziger grund morgens aufzustehen", "the only reason I get out of bed": the morning it carries
        ("morning", r"\baufstehen\b|\baufzustehen\b|aus dem bett|\bwecker\b|\bwake up\b|\bwaking up\b|out of bed"),
        ("dry_january", r"\bdry[- ]?january\b|\btrockene[nr]? januar\b"),  # "zählt kaffee bei dry january?"
        ("january", r"\bjanuar\b|\bjanuary\b|\bwinterblues\b|\bwinter blues\b"),
    )
)


def is_moment(name: str) -> bool:
    """The name is a moment of the day (rain, a wasp, iced coffee), not a life event to wish well."""
    return any(name == known for known, _ in _MOMENTS)


# Days of the calendar: a wish for them fits a chat about the day, never a thank-you or a laugh ("survived 5 days
# of christmas with my family" is over, and its joke is not the season's)
CALENDAR = frozenset({"market", "new_year", "christmas", "valentine", "carnival"})
_WEATHER_AND_DAYS = tuple((name, pattern) for name, pattern in _MOMENTS if name not in CALENDAR)


# A creator's day that a comment under their post congratulates or cheers on ("Married!! ...", "festival day 2")
_POST_EVENTS = frozenset({"wedding", "festival", "birthday", "birthday_party", "own_birthday"})


def post_moment(text: str) -> str:
    """The event of a creator's post ("post_wedding"), or else the moment it is set in, a day of the calendar too
    ("Plätzchenmarathon Tag 3"), or "" (a wedding with an iced coffee bar is a wedding first)."""
    event = occasion(text) or ("wedding" if _RECEPTION.search(fold(text[:2000])) else "")
    name = event.removeprefix("own_").removesuffix("_party")
    if event in _POST_EVENTS:
        return f"post_{name}"
    milestone = _first(_MILESTONES, text)  # "Einschulung geschafft 🎒", "Erster Monat Ausbildung geschafft 🎉"
    return f"post_{milestone}" if milestone else moment(text, calendar=True)


_STEPS_DE = "ausbildung|probezeit|prüfung|abschluss|bachelor|master|examen|führerschein"  # steps a post celebrates
_MILESTONE_WORD = re.compile(
    r"\b(?:(?:erste[rnms]?|first) (?:monat|woche|month|week) (?:of (?:my )?)?)?"
    rf"(?:{_STEPS_DE}|driving test|exams?|degree"
    r"|apprenticeship|first job|new job)\b",
    re.IGNORECASE,
)


def milestone_word(text: str) -> str:
    """The step a post celebrates, as the post names it, capitalised ("Ausbildung", "Driving test"), or ""."""
    found = _MILESTONE_WORD.search(text[:2000])
    if not found:
        return ""
    words = found.group().split(" ")
    if re.match(r"(?i)erste[rnms]?$", words[0]):  # "erste woche ausbildung" -> "Erste Woche Ausbildung"
        return " ".join(w[:1].upper() + w[1:] for w in words)  # German nouns, and the sentence's first word
    return found.group()[:1].upper() + found.group()[1:]


# A step in a creator's life their post celebrates: congratulated first, whatever the weather
_MILESTONES = _compiled(
    (
        # "morgen erster tag ausbildung ... so nervös 😭 tipps??": a start ahead, wished luck, never congratulated
        (
            "start_ahead",
            r"\b(?:morgen|übermorgen|tomorrow|bald|soon|nächste woche|next week)\b[^.!?\n]{0,20}"
            r"\b(?:(?:mein )?erste[rn]? (?:tag|arbeitstag|schultag)|(?:my )?first day)\b"
            r"|\b(?:erste[rn]? (?:tag|arbeitstag)|first day)\b[^.!?\n]{0,60}"
            r"\b(?:nervös|aufgeregt|nervous|anxious|scared)\b",
        ),
        (
            "school_start",
            r"\beinschul\w{0,4}|\beingeschult\b|\bschulstart\b|\berste[rn]? schultag\b|first day of school",
        ),
        (
            "milestone",
            rf"\b(?:{_STEPS_DE})\w{{0,2}}"
            r" (?:\w{1,12} ){0,2}(?:geschafft|bestanden|in der tasche|angefangen|gestartet)\b"
            r"|\berste[rnms]? (?:monat|woche|tag|gehalt)\w{0,2} (?:ausbildung|im job|im neuen job|bei)\b"
            r"|\b(?:passed|finished|graduated|started) (?:my |the )?(?:exams?|degree|apprenticeship|training"
            r"|driving test|first (?:month|week|job))\b"
            r"|\bfirst (?:month|week|day) (?:at|of) (?:my )?(?:new )?(?:job|apprenticeship)\b",
        ),
        # "alle Zimtschnecken vom Herbstmarkt getestet, damit ihr es nicht müsst", "I tried every ... so you don't
        # have to": research done for the audience, thanked with a laugh
        (
            "tested",
            r"\b(?:getestet|durchprobiert|probiert|verkostet|tested|tried|ranked)\b[^.!?\n]{0,50}"
            r"\b(?:damit ihr (?:es |das )?nicht müsst|so you don'?t have to)\b",
        ),
    )
)


_RECEPTION = re.compile(r"\b(?:our|the) (?:wedding )?reception\b|\bhochzeitsfeier\b|\bbrautpaar\b", re.IGNORECASE)


def moment(text: str, *, calendar: bool = False) -> str:
    """The moment a friendly message is set in ("rain", "monday", ...), or ""; days of the calendar ("christmas")
    only when asked for."""
    return _first(_MOMENTS if calendar else _WEATHER_AND_DAYS, text)


# What a fan praises beyond the coffee, to thank for it by name: the first that matches.
_PRAISED = _compiled(
    (
        # "my blood type is espresso kreuzberg at this point", "meine Blutgruppe ist Kiezmischung": devotion, told
        (
            "devotion",
            r"\bblood ?type\b|\bblutgruppe\b|\b(?:in|through) my veins\b|\bin meinen adern\b"
            r"|\bi'?m (?:basically |literally |mostly )?(?:made of|\d{1,3}\s?%)"
            r"|\bbestehe (?:quasi |nur noch |zu \d{1,3}\s?% )aus\b",
        ),
        (
            "delivery",
            r"\b(?:schnell\w{0,3}|flott\w{0,3}|zügig\w{0,3}) (?:lieferung|versand|geliefert|verschickt|da|angekommen)\b"
            r"|\b(?:lieferung|versand|paket)\w{0,2} (?:war |kam |ging )?(?:so |super |mega |echt )?"
            r"(?:schnell|flott|fix)\b|\b(?:fast|quick|speedy|super quick) (?:delivery|shipping|dispatch)\b"
            r"|\barrived (?:so |super )?(?:fast|quick)"
            r"|\b(?:delivery|shipping|parcel) (?:was )?(?:so |super )?(?:fast|quick)\b",
        ),
        (
            "note",
            r"\b(?:handgeschrieben\w{0,3}|lieb\w{0,3}|nett\w{0,3}|süß\w{0,3}|persönlich\w{0,3}|handwritten|sweet|cute"
            r"|lovely|personal|kind) (?:gruß|grüße|grußkarte|karte|kärtchen|zettel|notiz|note|card|message)\b",
        ),
        (
            "packaging",
            r"\b(?:schön|liebevoll|toll|hübsch|nicely|beautifully|lovingly) (?:verpackt|packed|wrapped)\b"
            r"|\b(?:verpackung|packaging) (?:ist|is|war|was) (?:so |super |echt )?"
            r"(?:schön|hübsch|toll|beautiful|gorgeous|lovely)\b",
        ),
    )
)


def praised(text: str) -> str:
    """What a fan's praise names beyond the coffee ("delivery", "note", "packaging"), or ""."""
    return _first(_PRAISED, text)
