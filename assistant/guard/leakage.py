"""What a draft must never reveal: the canary, system-prompt text, internal notes, team contacts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.models import INTENTS
from assistant.profiles.loading import VoiceProfile
from assistant.text import fold, is_stopword, words

SHINGLE = 7  # words in a row that count as quoting the system prompt
Shingle = tuple[str, ...]
# Talk about the machinery or about what is internal: never in a reply, whatever the exact words.
META_TALK = re.compile(
    r"\b(?:as an ai|als (?:eine )?ki\b|language model|sprachmodell|ki-assistent\w*|ai assistant|system[- ]?prompt\w*"
    r"|systemanweisung\w*|system instructions?"
    # "Das steht so in unserem Markenprofil unter „do“": the writer's brief, named
    r"|markenprofil\w{0,2}|stimmprofil\w{0,2}|(?:brand|voice) profile\w?"
    r"|(?:steht|heißt es) (?:so )?in unsere[nm] (?:vorgaben|richtlinien|regeln|leitfaden|handbuch|regelwerk|playbook)"
    r"|our (?:\w{3,12} )?(?:guidelines|rules|policy) (?:say|says|don't allow|require)"
    r"|(?:straight |right )?(?:from|according to|per) our (?:instructions|guidelines|playbook|rulebook|handbook|manual)"
    r"|unsere? (?:interne\w{0,2} )?(?:vorgabe\w{0,2}|leitlinie\w{0,2}|tonalitätsregel\w{0,2}"
    r"|tone-of-voice-regel\w{0,2})"
    r"(?: lautet| ist| sind|:\s?\w+)|our (?:brief|tone rules?|instructions) (?:is|are|says?|:\s?\w+)"
    r"|(?:meine[nr]?|my|laut meine[mn]?|per my|following (?:my|the))"
    r" (?:anweisungen|instructions|vorgaben|guidelines"
    r"|richtlinien|profil|brand guidelines|configuration|konfiguration)|brand guidelines|internal notes?"
    r"|interne\w* notiz\w*|antwort generiert"
    r"|(?:internal|interne\w*) (?:escalation|eskalation\w*|liste|list|vermerk|regel\w*|rules?|richtlinie\w*"
    r"|guidelines?|kulanz\w*|goodwill|limit\w*|grenze)|generated (?:reply|answer)|nicht für die öffentlichkeit"
    r"|not (?:supposed|meant|allowed) to (?:say|share|tell)"
    r"|sollen wir (?:eigentlich )?nicht sagen|don't tell anyone|unter uns gesagt|slack"
    # "Ich bin ein Assistent mit der Vorgabe, im Ton 'warm' zu antworten": the writer's brief told
    r"|(?:ich bin|i am|i'm) (?:ein|an) (?:assistent|assistant)|mit der (?:vorgabe|anweisung)|instructed to"
    # "drafted by an assistant whose instructions say 'nahbar und hilfsbereit'": the brief quoted as such
    r"|\b(?:whose|its|their|his|her) instructions (?:say|are|tell|read)|\banweisung\w{0,2} (?:lautet|lauten|sagt|sagen)"
    r"|(?:im|in the) (?:ton|tone) [\"'„‚]\w{3,12}[\"'“‘]"
    # "laut Prompt sollen wir …", "I'm set up as the social team", "mit dem Vermerk 'bitte priorisieren'"
    r"|laut (?:dem )?prompt|(?:according to|per) (?:the|my) prompt|i'?m (?:set up|configured|instructed) (?:as|to)"
    # "weil wir laut Vorgabe keine Rabatte nennen dürfen, die Policy ist da streng"
    # "Codes dürfen wir laut Policy nicht rausgeben, steht so in meinen Regeln"
    r"|laut (?:der )?(?:vorgabe\w{0,2}|policy)|(?:in|nach) meine[nm] regeln|die policy ist"
    # "Laut unserer Richtlinie darf das Social-Team weder ...", "das ist bei uns so eingestellt"
    r"|laut unsere[rn] (?:richtlinie\w{0,2}|vorgabe\w{0,2}|regel\w{0,2}|policy)|(?:ist|sind) bei uns so eingestellt"
    r"|the policy is (?:strict|clear)|nennen dürfen"
    r"|allowed to (?:name|quote)|\bnote to self\b|policy[- ]check(?=\s{0,2}:)"
    r"|i'?m told (?:never|not) to|mit dem vermerk"
    # "Nur dass ich warm, verspielt und knapp antworten und keine Rabatte versprechen soll": the brief told
    r"|\bdass ich\b[^.!?]{0,60}\b(?:antworten|schreiben|klingen)\b[^.!?]{0,40}\bsoll\b"
    r"|\bi(?:'m| am) (?:supposed|meant|told) to (?:answer|reply|write|sound)\b"
    # "In unserer Policy steht ... schlicht 'false'", "in our policy settings discounts ... are switched off"
    r"|(?:policy|richtlinie\w{0,2})[- ]?(?:settings|einstellung\w{0,2}|konfiguration)"
    r"|(?:in (?:unserer|our) policy|laut (?:unserer )?policy)\b[^.!?]{0,60}[\"'„“‚‘](?:false|true)"
    # "Rabattcodes darf ich laut meinen Systemvorgaben nicht rausgeben", "my system instructions"
    r"|\bsystem(?:vorgabe|einstellung|anweisung|regel|richtlinie)\w{0,2}|\bsystem (?:settings|instructions|rules)\b"
    # "the rules I'm running on literally have codes switched off"
    r"|\brules (?:i'?m|i am) (?:running on|following|set up with|programmed with)|\bregeln, (?:nach|mit) denen ich"
    # "the moment someone writes 'refund', my escalation rules send it ...": the routing told
    r"|\b(?:my|our|meine\w{0,2}|unsere\w{0,2}) (?:escalation|eskalations)[- ]?"
    r"(?:rules?|regeln?|triggers?|logi[ck]\w{0,2})"
    r"|\b(?:have|haben) (?:codes|discounts|refunds|rabatte|gutscheine|erstattungen) (?:switched|turned|set) (?:off|aus)"
    r"|(?:are|is|sind|ist) (?:all |alle |alles )?(?:switched off|turned off|abgeschaltet|ausgeschaltet|deaktiviert)"
    r" (?:in (?:our|the) (?:settings|system|config)|bei uns im system))\b|\bwith the (?:internal )?note [\"'„‚‘“]"
    r"|\b(?:mein\w{0,2}|my|our|unser\w{0,2}|der|the|dein\w{0,2}|your) (?:system )?prompts?\b|\bprompt (?:sagt|says)\b"
    r"|\bnot (?:supposed|meant|allowed) to (?:mention|talk about|reveal|discuss)\b"
    r"|\b(?:eine? ki|die ki|ki (?:schreibt|vor)|an ai|the ai|ai (?:writes|drafts)|chatbot"
    r"|(?:reply|antwort)[- ]?tools?\w{0,2}"
    r"|antwortentw[üu]rf\w{0,2}|drafting tool|unser\w{0,2} tool\w{0,2}|our tool)\b"
    # "Words like 'broken' are set up as triggers that route messages straight to our after-sales team"
    r"|\b(?:triggers?|trigger-?wörter\w{0,2}|schlüsselwörter\w{0,2}|stichwörter\w{0,2}|keywords?)\b[^.!?]{0,40}"
    r"\b(?:route|routes|routed|routing|weiterleiten|weitergeleitet|leiten|sortier\w{0,3}|set up|eingestellt|automatisch"
    r"|automatically)\b"
    r"|\[\s*(?:eskalation|escalation|intent|team|routing|handoff|übergabe|intern|internal|note|notiz|todo)\b"
    # "als Intent billing klassifiziert", "den Trigger „Erstattung“ ausgelöst": the reading and its routing told
    r"|\b(?:klassifiziert|classified as|als intent|as (?:an? )?intent)\b"
    r"|\btrigger\b[^.!?]{0,30}\b(?:ausgelöst|triggered|set off|fired)\b"
    r"|\(\s*(?:eskalation|escalation|routing|handoff|übergabe|intern|internal|note|notiz|todo)\s*:"  # "(Intern: …)"
    # "(Outreach-Modus: keine Produkte nennen)", "[mode: reply]": the writer's instructions left in
    r"|[\[(]\s{0,3}(?:[\w]{2,15}[- ])?(?:modus|mode|tonalität|anweisung|instruction|regel|rule)\s{0,3}:"
    # "Note for Jule: please approve before 5 pm", "Notiz an Jule: ...": a note to a colleague left in the reply
    r"|\b(?:note|notiz|reminder|todo) (?:for|to|an|für) (?!Sie\b)(?-i:[A-ZÄÖÜ])\w{1,20}\s{0,2}:"
    # "in unserer policy alle auf false": the profile's settings read out
    r"|\b(?:policy|richtlinie\w{0,2}|config\w{0,8}|einstellung\w{0,2}|settings?)\b[^.!?\n]{0,80}"
    r"\b(?:auf|=|:|set to|are|is)\s{0,3}(?:false|true)\b"
    # "My setup says policy: refunds false, discounts false": settings read out as a list of flags
    r"|\b(?:policy|settings?|setup|config\w{0,8}|einstellung\w{0,2})\b[^.!?\n]{0,25}:\s{0,3}\w{3,15}\s(?:false|true)\b"
    r"|\b(?:internal|interne\w{0,2}) (?:guidance|rules?|instructions?|policy|docs?|vorgaben|regeln|richtlinien"
    r"|anweisung\w{0,2})\b"
    # "laut unseren internen Social-Media-Vorgaben": a compound of the same
    r"|\binterne\w{0,2} (?:[a-zäöü]{2,15}-){1,3}(?:vorgaben|regeln|richtlinien|anweisungen)\b"
    r"|\b(?:unsere|our) (?:vorgaben|richtlinien|guidelines|style ?guide|leitlinien)\b[^.!?\n]{0,20}\b(?:sagen|besagen"
    r"|sehen vor|schreiben|say|tell us|require)\b"
    r"|\blaut (?:unseren|meinen|den) (?:[\w-]{2,20}-)?(?:vorgaben|regeln|richtlinien)\b"
    r"|\b[a-z_]{3,20}\s?:\s?(?:true|false)\b"
    r"|\bdurchwahl\b|\bintern unter\b|\binternal (?:extension|number)\b"
    r"|\binterne[nmrs]? (?:leitfaden|richtlinien|vorgaben|briefing)|\bunser\w{0,2} (?:briefing|leitfaden)\b"
    r"|\bdon'?t-liste\b|\binternal (?:guidelines|brief|playbook)\b|\bour (?:briefing|playbook|brief)\b"
    # "I'm the social team's assistant, set up to answer in a warm, playful or crisp tone and instructed never to"
    r"|\b(?:set up|configured|programmed|instructed|told) to (?:answer|reply|respond|never|always|not)\b"
    r"|\b(?:darauf )?(?:eingestellt|programmiert|angewiesen),? (?:zu antworten|nie|immer|keine?)\b"
    r"|\b(?:max\.?|maximal|höchstens|at most|caps?\b[^.!?]{0,25}\bat) \w{1,6} (?:emoji|zeichen|characters|hashtags)\b"
    # "My TikTok settings say hashtags max 0": the platform's settings read out
    r"|\b(?:emoji|emojis|zeichen|characters|hashtags)\s(?:max\.?|maximal|höchstens|limit)\s?\d"
    r"|\b(?:my|meine?n?) (?:\w{2,12} )?(?:settings|einstellungen|config\w{0,8}|konfiguration)\b"
    r"|\[(?:ton|tone|tone label)\s*:|\b(?:ton|tone|kanal|channel)\s*:\s*(?:warm|playful|crisp|formal|comment|dm)\b"
    # "Ich soll als Social-Team ... antworten und nie ... versprechen", "I'll only tell you the first line: '…'"
    r"|\bich soll\b[^.!?]{0,60}\b(?:antworten|schreiben|versprechen)\b"
    r"|\bi'?m (?:supposed|meant) to\b[^.!?]{0,60}\b(?:answer|reply|respond|write|promise)\b"
    r"|\b(?:only|nur) (?:tell|verrate|sag\w{0,2}) (?:you |dir )?(?:the |die )?(?:first|erste) (?:line|zeile)\b"
    # "(@tom pls don't mention the stock problem under this one)", "Intern hieß es: erst posten, wenn ...":
    # a note to a colleague, a team-internal remark
    r"|\(\s{0,2}@\w{1,30}\s{1,3}(?:pls|please|bitte|bitti|kannst du|can you|could you|don'?t|nicht)\b"
    r"|\b(?:intern|internally)\s{1,3}(?:hieß|hiess|heißt|heisst|hat es geheißen|we (?:said|agreed|were told))\b"
    # "[tip id: budget_coffee]", "@jule kannst du das kurz freigeben?", "(Jule, kept it brand-free per the outreach
    # guideline, ok to post?)": the machinery's ids and a colleague asked to approve, left in the reply
    r"|[\[(]\s{0,2}(?:tip|fact|tipp|fakt|note|case|draft|entwurf)[ _-]?id\s{0,2}:"
    r"|\bkannst du (?:das|den|die|ihn|sie) (?:\w{1,10} )?freigeben\b|\b(?:zur|for) (?:freigabe|approval)\b"
    r"|\b(?:ok|okay|fine|good) to (?:post|publish|send)\?"
    # "Discounts are set to false on our side", "in unserem Ticket-Tool als 'low priority' markiert", "the team note
    # says not to comment on the rent": a setting, a ticket's label and a note of the team's, said in public
    r"|\b(?:(?:is|are|ist|sind) )?(?:set to|auf) (?:false|true)\b|\bticket[- ]?(?:tool|system)\b|\bticketsystem\b"
    r"|\b(?:low|high) priority\b|\b(?:the |our |die |unsere |laut )?team[- ]?(?:note|notiz)\b"
    # "(Jule, tone check pls: not too salesy?)", "(Jule, bitte kurz drüberschauen)": a colleague asked in brackets
    r"|\(\s{0,2}[A-ZÄÖÜ]\w{1,20},\s{1,3}(?:kannst du|könntest du|can you|could you|pls|please|bitte)\b"
    r"|\(\s{0,2}(?:[A-ZÄÖÜ]\w{1,20},?\s{1,3})?(?:tone check|check pls|pls check|please check|bitte (?:kurz )?"
    r"(?:prüfen|checken|drüberschauen|drüber schauen|gegenlesen)|kurz (?:drüberschauen|gegenlesen))\b"
    r"|\b(?:kann das|darf das|passt das so) (?:so )?(?:raus|online)\?"
    r"|\bper the (?:\w{1,12} )?guidelines?\b|\blaut (?:\w{1,12}-?)?(?:leitfaden|guideline)\b"
    # "(Intern an Jule: bitte an die Geschäftsführung)", "[Tipp: budget_coffee, kein Produkt nennen]"
    r"|\(\s{0,2}(?:intern\w{0,2}|internal|note|notiz) (?:an|für|to|for) \w{1,20}\s{0,2}:"
    r"|\[\s{0,2}(?:tipp?|fact|fakt|note)\s{0,2}:\s{0,2}[a-z]{2,20}_[a-z_]{2,30}"
    # "Laut unserem Voice-Profil ...", "In meinen Notizen steht: ...", "(Achtung: Kundin hat schon dreimal ...)"
    r"|\bvoice[- ]?profil\w{0,2}\b|\blaut (?:unserem|unseren|meinen|meinem) (?:notizen|vorgaben|profil\w{0,2}"
    r"|richtlinien|anweisungen)\b|\bin meinen notizen\b|\bmy notes (?:say|said)\b"
    r"|\baccording to (?:my|our) (?:notes|instructions|guidelines|profile)\b"
    r"|\(\s{0,2}(?:achtung|hinweis|nb|fyi|intern)\s{0,2}:"
    # "[Draft: check tone with Jule before posting]", "plus ein paar textbausteine aus dem prompt, psst"
    r"|\[\s{0,2}(?:draft|entwurf|note|notiz|todo)\s{0,2}:|\b(?:aus dem|from the|from our|im) prompt\b"
    # "(Hinweis fürs Team: Outreach, ...)", "[Entwurf, vor dem Senden bitte von Jule prüfen lassen: ...]"
    r"|[(\[]\s{0,2}(?:hinweis|notiz|note|anmerkung|heads-?up) (?:fürs|für das|für|an das|for the|to the) team\b"
    # "(Outreach-Kommentar, keine Werbung, Tipp aus der Liste: cinnamon_pairing)": a tip's id in brackets
    r"|[(\[][^)\]\n]{0,60}\b[a-z]{3,20}_[a-z_]{3,30}\b[^)\]\n]{0,20}[)\]]"
    r"|\[\s{0,2}(?:entwurf|draft)\b[^\]\n]{0,40}\b(?:prüfen|freigeben|check|review|approve)\w{0,6}\b"
    # "[System: Ton warm, nächster Schritt: DM anbieten]", "[insert restock info only if approved]", "steht bei mir
    # sogar so in den Anweisungen": the machinery's slots and orders left in the reply
    r"|\[\s{0,2}(?:system|insert|placeholder|platzhalter|hier einfügen|einfügen|fill in|add)\b"
    r"|\bin den (?:anweisungen|vorgaben|instructions)\b"
    # "DRAFT v2, check with Jule before sending", "it's hard-coded in our policy file"
    r"|\b(?:draft|entwurf) v?\d\b|\bcheck with \w{2,20} before (?:sending|posting)\b|\bhard-?coded\b"
    r"|\bpolicy[- ]?(?:file|datei)\b"
    # "(Outreach-Kommentar, markenfrei, kein Produkt nennen)": the writer's brief in brackets
    r"|[(\[][^)\]\n]{0,60}\b(?:markenfrei|brand-free|kein produkt nennen|no products?|keine werbung"
    r"|no self-promo\w{0,6}|outreach-kommentar|outreach comment)\b[^)\]\n]{0,60}[)\]]",
    re.IGNORECASE,
)
# An internal note leaks when a draft carries its telling words, in any order ("KW 3", "Kulanz").
NOTE_WORDS = 2


def leaks(text: str, profile: VoiceProfile, confidential: Sequence[str] = ()) -> list[str]:
    """Descriptions of everything secret the text contains.

    `confidential` is what the writer was shown (the system prompt and its canary); it travels
    with the generation, so the guard never renders prompts itself.
    """
    folded = fold(text)
    literals = [*profile.brand.internal_notes, *_contacts(profile), *(c for c in confidential if _is_token(c))]
    found = [f"internal: “{s}”" for s in literals if fold(s) in folded]
    found += [f"internal note: “{note}”" for note in profile.brand.internal_notes if _paraphrases(text, note, profile)]
    withheld = [w.span() for w in WITHHELD.finditer(text)]
    talk = [m for m in META_TALK.finditer(text) if not any(a <= m.start() and m.end() <= b for a, b in withheld)]
    found += [f"talks about its machinery: “{m.group()}”" for m in talk][:1]
    found += [f"internal label: “{w}”" for w in LABEL.findall(text) if w in _labels(profile)]
    found += [f"the brief's tones: “{m}”" for m in _tones_listed(text, profile)]
    public = _public_shingles("\n".join(profile.public_texts()))
    secret = set().union(*(_shingles(c) for c in confidential if not _is_token(c))) - public
    quoted = _shingles(text) & secret
    if quoted:
        found.append(f"system prompt: “{' '.join(sorted(quoted)[0])}…”")
    return found


# "Interne Anweisungen teilen wir nicht, aber ...", "Interne Notizen bleiben intern": naming what stays internal,
# only to refuse it, reveals nothing
WITHHELD = re.compile(
    r"\b(?:interne\w{0,2}|internal|unsere?|our)\s(?:anweisungen|instructions|vorgaben|notizen|notes|richtlinien"
    r"|guidelines)\s(?:teilen|geben|verraten|posten|zeigen) wir (?:\w+ )?(?:nicht|keine?)\b"
    r"|\b(?:interne\w{0,2}|internal)\s(?:anweisungen|instructions|vorgaben|notizen|notes|richtlinien|guidelines)"
    r"\s(?:bleiben|stay|remain)\s(?:intern|internal|private|bei uns)\b"  # "Interne Notizen bleiben intern"
    r"|\b(?:don'?t|do not|can'?t|cannot|won'?t) share (?:our |any |the )?(?:internal (?:instructions|guidelines|notes)"
    r"|instructions|guidelines)\b",
    re.IGNORECASE,
)


LABEL = re.compile(r"(?<![\w.@/-])[a-z]+(?:_[a-z]+)+(?![\w.@/-])")  # "after_sales", "damaged_or_wrong_item"


def _tones_listed(text: str, profile: VoiceProfile) -> list[str]:
    """The profile's tone names listed together ("tones warm, playful and crisp"): the writer's brief, told."""
    names = "|".join(re.escape(t) for t in sorted(profile.brand.tones, key=len, reverse=True))
    listed = rf"\b(?:{names})\b(?:,\s{{0,2}}|\s{{1,2}}(?:and|und|&)\s{{1,2}})(?:{names})\b"
    return [m.group() for m in re.finditer(listed, text, re.IGNORECASE)] if names else []


def _labels(profile: VoiceProfile) -> frozenset[str]:
    """The names the machinery files a message under: intents, teams, fact ids."""
    return frozenset((*INTENTS, *profile.brand.escalation, *(f.id for f in profile.brand.facts)))


def _is_token(text: str) -> bool:
    """A canary or similar one-word secret (matched as a literal, not as shingles)."""
    return len(text) < 64 and not any(c.isspace() for c in text)


def _contacts(profile: VoiceProfile) -> list[str]:
    parts = []
    for rule in profile.brand.escalation.values():
        pieces = [p.strip() for p in re.split(r"[/,;()]| or | oder ", rule.contact)]
        parts += [p for p in pieces if len(p) >= 4]
    # "versand@bohnenkiez" without its ".example": the address is told all the same
    return parts + [p.split("@")[0] + "@" + p.split("@")[1].split(".")[0] for p in parts if p.count("@") == 1]


def _paraphrases(text: str, note: str, profile: VoiceProfile) -> bool:
    """The draft carries NOTE_WORDS of the note's telling words (not in anything public) or its numbers."""
    public = "\n".join(profile.public_texts())
    telling = _note_words(note, public)
    drafted = {fold(w) for w in words(text)}
    if _note_nouns(note, public) & drafted:  # "Lieferengpass" or "Kulanz" alone already tells
        return True
    noted = {w for w in (fold(t) for t in words(note)) if len(w) >= 4 and not is_stopword(w)}
    named = {d for d in drafted if len(d) >= 4 and any(n.endswith(d) for n in noted)}  # "Mühle" of "Handmühle"
    if _weeks(note) & _weeks(text) and (named or _weeks(note, CALENDAR_WEEK) & _weeks(text, CALENDAR_WEEK)):
        return True  # "die Handmühle ... vor KW 3 kommt leider keine neue rein": the note's week, and what it is about
    return len(telling & drafted) >= min(NOTE_WORDS, len(telling)) and bool(telling & drafted)


def answered_weeks(text: str, conversation: Sequence[str], profile: VoiceProfile) -> list[str]:
    """A note's week that the draft gives to a conversation about the note's subject ("shortage until calendar week 3?
    just tell me the week" -> "week 3"): the number alone confirms the note."""
    heard = {fold(w) for t in conversation for w in words(t[:MAX_HEARD])}
    found = []
    for note in profile.brand.internal_notes:
        weeks = _weeks(note) & _weeks(text)
        if weeks and _subject(note) & heard:
            found += [f"internal note's week: “{w}”" for w in sorted(weeks)]
    return found


MAX_HEARD = 4000  # characters of each conversation text read for a note's subject


@lru_cache(maxsize=64)
def _subject(note: str) -> frozenset[str]:
    """The note's telling words and their English glosses ("Lieferengpass Handmühle" -> shortage, grinder)."""
    own = [w for w in (fold(t) for t in words(note)) if len(w) >= 4 and not is_stopword(w) and not _weeks(w)]
    return frozenset([*own, *(g for w in own for g in _GLOSSES.get(w, ()))]) - {"bis", "until", "nicht"}


WEEK = re.compile(r"\b(?:kw|kalenderwoche|woche|week|calendar week)\s?(\d{1,2})\b", re.IGNORECASE)
# "vor KW 3 wird das nix": the note's calendar week tells by itself (a "week 3" of Dry January does not)
CALENDAR_WEEK = re.compile(r"\b(?:kw|kalenderwoche|calendar week)\s?(\d{1,2})\b", re.IGNORECASE)


def _weeks(text: str, pattern: re.Pattern[str] = WEEK) -> set[str]:
    """The (calendar) weeks a text names ("KW 3", "week 3")."""
    return set(pattern.findall(text))


@lru_cache(maxsize=64)
def _note_nouns(note: str, public: str) -> frozenset[str]:
    """The note's own nouns (capitalised, 6+ letters) that nothing public says."""
    said = {fold(w) for w in words(public)}
    nouns = (fold(w) for w in words(note) if w[:1].isupper() and len(w) >= 6)
    return frozenset(n for n in nouns if n not in said and n not in LOANWORDS)


# English words a German note capitalises ("nie Social"): a draft's "social team" tells nothing by itself.
LOANWORDS = frozenset(("social", "online", "support", "service", "content", "manager", "website", "feedback"))


# The English a reply would use for a German note's telling words ("Engpass" -> "shortage"); a note's week counts
# only with its number (_weeks: "KW 3", "week 3"), never "eine Woche warten".
_GLOSSES = {
    "lieferengpass": ("bottleneck", "shortage", "engpass", "supply"),
    "engpass": ("bottleneck", "shortage"),
    "handmuhle": ("grinder", "muhle", "mill"),
    "kulanz": ("goodwill",),
    "offentlich": ("public", "publicly"),
    "kommunizieren": ("communicate", "quiet", "secret", "geheim", "verraten"),
}


@lru_cache(maxsize=64)
def _note_words(note: str, public: str) -> frozenset[str]:
    said = {fold(w) for w in words(public)}
    own = [w for w in (fold(t) for t in words(note)) if w not in said and len(w) >= 2 and not is_stopword(w)]
    return frozenset([*own, *(g for w in own for g in _GLOSSES.get(w, ()) if g not in said)])


@lru_cache(maxsize=16)
def _public_shingles(text: str) -> frozenset[Shingle]:
    return frozenset(_shingles(text))


@lru_cache(maxsize=16)
def _shingles(text: str) -> frozenset[Shingle]:
    tokens = [fold(w) for w in words(text)]
    return frozenset(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
