"""The offline composer: builds each draft from moves that fit the intent, per tone."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from functools import lru_cache

import emoji as emoji_lib

from assistant.analysis.intents import FAMILY
from assistant.analysis.reading import PROFANITY, find_products
from assistant.backends.base import Generation, GenerationRequest, RepairRequest
from assistant.backends.offline.facts import fact_mentions, relevant_facts, relevant_tips
from assistant.backends.offline.phrasebook import CONCRETE, STYLES, Phrasebook, load_phrasebook, render_all
from assistant.guard.specific import needs_anchor, refers_to_message
from assistant.guard.stock_phrases import find_stock_phrases
from assistant.profiles.loading import VoiceProfile
from assistant.similarity import closest_variant, repetition
from assistant.text import fold, sentences, shorten, words

# Moves per situation, in reading order. "fact" inserts the profile's best matching fact.
PLANS: dict[str, list[str]] = {
    "refund_request": ["open", "fact", "escalate", "close"],
    "damaged_or_wrong_item": ["open", "fact", "escalate", "close"],
    "defect": ["open", "fact", "escalate", "close"],
    "billing": ["open", "escalate", "close"],
    "delivery_problem": ["open", "escalate", "close"],
    "order_status": ["open", "fact", "escalate", "close"],
    "order_via_message": ["open", "fact", "offer", "close"],
    "product_question": ["open", "fact", "engage", "close"],
    "praise": ["open", "fact", "engage", "close"],
    "criticism": ["open", "fact", "pass_on", "close"],
    "collaboration": ["open", "next", "close"],
    "troll": ["open", "engage"],
    "spam": ["open"],
    "other": ["open", "engage", "close"],
    "injection": ["open", "engage"],
    "outreach": ["open", "add", "engage"],
}
# When a draft is too long, moves are dropped in this order (the concern and the answer stay).
DROP_ORDER = ("close", "engage", "add", "pass_on", "offer", "open")
# Recomposing with another seed until a draft is new: how often before taking the least repetitive.
FRESH_ATTEMPTS = 6
ANY_STYLE_FROM = 4  # from this attempt on, borrow openings from the other tones too
# Two tones whose texts are more alike than this (edit-distance ratio) read as one sentence twice.
VARIANTS_ALIKE = 85.0
# Dropped first when a draft is too long, before any wording is swapped for a shorter one.
EXTRAS = ("close", "engage", "add")
EXTRAS_OUTREACH = ("close", "engage")
# On another creator's post, a useful tip beats our reaction to it.
DROP_ORDER_OUTREACH = ("close", "engage", "open", "add")
# With a team to involve, the next step matters more than the fact.
DROP_ORDER_ESCALATION = ("close", "engage", "offer", "pass_on", "fact", "open")
NEGATIVE = frozenset({"refund_request", "damaged_or_wrong_item", "defect", "billing", "delivery_problem", "criticism"})
STYLE_HINTS = {
    "playful": ("playful", "verspielt", "witz", "humor", "augenzwinkern", "locker", "frech", "fun"),
    "crisp": ("crisp", "kurz", "knapp", "klar", "short", "concise", "brief", "direkt"),
    "formal": ("formal", "förmlich", "sachlich", "höflich", "polite", "seriös"),
}


def tone_style(name: str, instruction: str) -> str:
    """The composer style for a tone: its name if known, else guessed from its instruction."""
    if name in STYLES:
        return name
    text = fold(f"{name} {instruction}")
    for style, hints in STYLE_HINTS.items():
        if any(fold(h) in text for h in hints):
            return style
    return "warm"


@dataclass(frozen=True)
class _Context:
    request: GenerationRequest
    book: Phrasebook
    situation: str
    style: str
    slots: dict[str, str]
    rng: random.Random
    avoid: frozenset[str]
    attempt: int = 0


class OfflineBackend:
    """Writes drafts without network or model, from the profile and a phrasebook."""

    name = "offline"

    def generate(self, request: GenerationRequest) -> Generation:
        """One draft per tone, deterministic for the same input and history."""
        drafts: dict[str, str] = {}
        slots = request_slots(request)
        for tone in request.tones:
            drafts[tone] = fresh(request, tone, taken=list(drafts.values()), slots=slots)
        return Generation(drafts=drafts, backend=self.name)

    def repair(self, repair: RepairRequest) -> Generation:
        """Recompose the failed drafts with other templates, avoiding what failed."""
        drafts = dict(repair.drafts)
        slots = request_slots(repair.request)
        for tone, failures in repair.failures.items():
            taken = [text for other, text in drafts.items() if other != tone]
            avoid = {f.name for f in failures}
            drafts[tone] = fresh(repair.request, tone, taken=taken, first_attempt=1, avoid=avoid, slots=slots)
        return Generation(drafts=drafts, backend=self.name)


def fresh(
    request: GenerationRequest,
    tone: str,
    *,
    taken: list[str],
    first_attempt: int = 0,
    avoid: set[str] | None = None,
    slots: dict[str, dict[str, str]] | None = None,
) -> str:
    """A draft that repeats neither the brand's recent approvals nor the other variants."""
    threshold = request.profile.brand.repetition_threshold
    best: tuple[float, str] | None = None
    for attempt in range(first_attempt, first_attempt + FRESH_ATTEMPTS):
        # Half-way through, leave out the generic moves (question back, pass-on): they repeat first.
        lean = attempt - first_attempt >= FRESH_ATTEMPTS // 2
        avoided = {*(avoid or ()), *(["repetition"] if lean else [])}
        text = compose(request, tone, attempt=attempt, avoid=avoided, slots=slots)
        past = repetition(text, [*request.history, *request.avoid], request.profile.public_texts())[0]
        alike = closest_variant(text, taken)[0] > VARIANTS_ALIKE
        score = max(past, 100.0 if alike else 0.0) + (0 if _specific(text, request) else 50)
        if score < threshold:
            return text
        if best is None or score < best[0]:
            best = (score, text)
    assert best is not None
    return best[1]


def _specific(text: str, request: GenerationRequest) -> bool:
    """The draft picks up something from the message (the guard's own test, so both always agree)."""
    if request.analysis.intent in ("spam", "troll") or request.analysis.injection_suspected:
        return True
    if not needs_anchor(request.message, request.analysis):
        return True
    return refers_to_message(text, request.message, request.analysis, request.profile) is not None


def compose(
    request: GenerationRequest,
    tone: str,
    *,
    attempt: int = 0,
    avoid: set[str] | None = None,
    slots: dict[str, dict[str, str]] | None = None,
) -> str:
    """Compose one draft for one tone (slots: request_slots(request), computed once per request)."""
    ctx = _context(request, tone, attempt, frozenset(avoid or ()), slots or request_slots(request))
    options = [(move, _move(ctx, move)) for move in _plan(ctx)]
    options = [(move, texts) for move, texts in options if texts]
    return _fit(ctx, options, request.profile.limit(request.message.channel))


def _context(
    request: GenerationRequest, tone: str, attempt: int, avoid: frozenset[str], slots: dict[str, dict[str, str]]
) -> _Context:
    profile, analysis = request.profile, request.analysis
    book = load_phrasebook(analysis.language) or load_phrasebook(profile.brand.default_language)
    if book is None:
        book = load_phrasebook("en")
    assert book is not None, "the package ships phrasebook_en.yaml"
    style = tone_style(tone, profile.tones.get(tone, ""))
    seed = hashlib.sha256(f"{request.message.text}\x00{request.message.post}\x00{tone}\x00{attempt}".encode())
    return _Context(
        request=request,
        book=book,
        situation=_situation(request),
        style=style,
        slots=slots[book.language],
        rng=random.Random(seed.digest()),
        avoid=avoid,
        attempt=attempt,
    )


def request_slots(request: GenerationRequest) -> dict[str, dict[str, str]]:
    """The slots of every phrasebook language this request may use (the same for all its tones)."""
    languages = {request.analysis.language, request.profile.brand.default_language}
    return {lang: _slots(request, lang) for lang in languages if load_phrasebook(lang)}


def _situation(request: GenerationRequest) -> str:
    if request.message.mode == "outreach":
        return "outreach"
    if request.analysis.injection_suspected and request.analysis.intent in ("other", "troll"):
        return "injection"
    return FAMILY.get(request.analysis.intent, request.analysis.intent)  # new intents reply like their family


def _plan(ctx: _Context) -> list[str]:
    plan = list(PLANS[ctx.situation])
    if ctx.style == "crisp" and "engage" in plan and ctx.situation not in ("troll", "injection", "other"):
        plan.remove("engage")
    if "length" in ctx.avoid or "repetition" in ctx.avoid:
        plan = [m for m in plan if m in ("open", "fact", "escalate", "next", "add", "close")]
    if ctx.style == "crisp" and "escalate" in plan:
        plan = [m for m in plan if m != "fact"]  # crisp: acknowledge and hand over, nothing more
    return plan


def _move(ctx: _Context, move: str) -> list[str]:
    """The texts this move could use: the preferred one first, then shorter alternatives."""
    if move == "fact":
        return _fact_move(ctx)
    if move == "close":
        sign_off = _sign_off(ctx)
        return [sign_off] if sign_off else []
    tip = ctx.slots.get({"warm": "tip", "formal": "tip", "playful": "tip2"}.get(ctx.style, ""), "")
    if move == "add" and tip:
        return [tip]  # each tone its own tip, so no two drafts share a sentence
    if move == "escalate":
        move = "escalate_dm" if ctx.request.message.channel == "dm" else "escalate_public"
    team = _team_line(ctx) if move == "engage" else ""
    rendered = _render(ctx, move)
    return [team, *rendered] if team else rendered


def _team_line(ctx: _Context) -> str:
    """A closing line the team itself wrote in a similar approved reply (one per tone, never crisp)."""
    index = {"warm": 0, "formal": 0, "playful": 1}.get(ctx.style)
    lines = team_lines(ctx.request)
    return lines[index] if index is not None and len(lines) > index else ""


def team_lines(request: GenerationRequest) -> list[str]:
    """Generic questions or wishes from the approved examples: the team's own phrasing to reuse."""
    profile = request.profile
    banned = [fold(p.name) for p in profile.brand.products] + [fold(profile.brand.name)]
    sign_offs = {fold(t) for t in profile.sign_off.text.values()}
    lines = []
    for example in request.examples:
        for sentence in sentences(emoji_lib.replace_emoji(example, "").replace("\n", " ")):
            folded = fold(sentence)
            generic = not re.search(r"[\d@#/]|https?:", sentence) and not any(b in folded for b in banned)
            if generic and sentence.endswith(("?", "!")) and 12 <= len(sentence) <= 90 and folded not in sign_offs:
                lines.append(" ".join(sentence.split()))
    return [line for line in dict.fromkeys(lines) if not find_stock_phrases(line, tuple(profile.banned_phrases))]


def _render(ctx: _Context, move: str) -> list[str]:
    templates = ctx.book.candidates(move, _situations(ctx, move), ctx.style, any_style=ctx.attempt >= ANY_STYLE_FROM)
    address = ctx.request.profile.address_form(ctx.book.language)
    return render_all(templates, ctx.slots, address, ctx.rng, variety=ctx.attempt)


def _situations(ctx: _Context, move: str) -> list[str]:
    """Where to look for templates, most specific first (e.g. a wrong item before any item problem)."""
    secondary = ctx.request.analysis.secondary_intents
    if move == "open" and ctx.situation == "product_question" and "praise" in secondary:
        return ["praise_question", ctx.situation]
    if move == "open" and ctx.situation == "damaged_or_wrong_item":
        wrong = ctx.slots.get("got") or "wrong" in ctx.request.analysis.entities.keywords
        return ["wrong_item" if wrong or _mentions_wrong(ctx) else "damaged_item", ctx.situation]
    return [ctx.situation]


def _mentions_wrong(ctx: _Context) -> bool:
    return bool(re.search(r"falsch|statt|wrong|instead|fehlt|missing|nur (?:eine?|1)", fold(ctx.request.message.text)))


def _fact_move(ctx: _Context) -> list[str]:
    """The fact's wordings for this tone: warm leads with the full text, others with a short one."""
    fact = next((f for f in ctx.request.profile.brand.facts if f.id == ctx.slots.get("fact_id")), None)
    if fact is None:
        return _render(ctx, "unknown") if ctx.situation == "product_question" else []
    profile = ctx.request.profile
    full = profile.localized(fact.text, ctx.book.language)
    shorts = fact.short_forms(ctx.book.language, profile.brand.default_language) or [sentences(full)[0]]
    index = STYLES.index(ctx.style) if ctx.style in STYLES else 0
    rotated = shorts[index % len(shorts) :] + shorts[: index % len(shorts)]
    ordered = [full, *rotated] if ctx.style == "warm" else [*rotated, full]
    ordered += [sentences(t)[0] for t in rotated]
    return list(dict.fromkeys(t for t in ordered if t))


def _sign_off(ctx: _Context) -> str:
    sign_off = ctx.request.profile.sign_off
    if ctx.request.message.channel not in sign_off.channels or ctx.situation in ("spam", "troll", "outreach"):
        return ""
    return ctx.request.profile.localized(sign_off.text, ctx.book.language)


# ------------------------------------------------------------------- slots


def _slots(request: GenerationRequest, language: str) -> dict[str, str]:
    message, analysis, profile = request.message, request.analysis, request.profile
    entities = analysis.entities
    source = message.post if message.mode == "outreach" and message.post else message.text
    keywords = _echoable(entities.keywords, source)
    slots = {
        "name": _first_name(message.author),
        "product": entities.products[0] if entities.products else "",
        "order_lines": _order_lines(message.text, request),
        "place": _place(message.text),
        "keyword": _cap(_keyword(keywords, entities.products, 0), language),
        "keyword2": _cap(_keyword(keywords, entities.products, 1), language),
        "topic": _cap(_keyword(keywords, [], 0), language) if message.mode == "outreach" else "",
        "topic2": _cap(_keyword(keywords, [], 1), language) if message.mode == "outreach" else "",
        "fact": "",
        "team": "",
        "ask": "",
        "order": entities.order_ids[0] if entities.order_ids and message.channel == "dm" else "",
        "amount": entities.amounts[0] if entities.amounts and message.mode == "reply" else "",
        **_swap(message.text, request),
    }
    if analysis.injection_suspected:  # never echo an attacker's words back, not even as a "keyword"
        slots.update({"keyword": "", "keyword2": "", "topic": "", "topic2": "", "amount": ""})
    slots.update(_fact_slots(source, request, language))
    if slots.get("fact_keyword"):
        slots["keyword"] = _cap(slots["fact_keyword"], language)
    slots.update(
        _team_slots(analysis.escalation.team if analysis.escalation else "", analysis.intent, profile, language)
    )
    return slots


def _fact_slots(text: str, request: GenerationRequest, language: str) -> dict[str, str]:
    if request.message.mode == "outreach":
        tips = [request.profile.localized(t.text, language) for t in relevant_tips(text, request.profile)]
        return {"tip": tips[0], "tip2": tips[1] if len(tips) > 1 else ""} if tips else {}
    if request.analysis.intent in ("spam", "troll", "collaboration"):
        return {}
    facts = relevant_facts(text, request.analysis, request.profile)
    if not facts:
        return {}
    fact = facts[0]
    topic = next((k for k in request.analysis.entities.keywords if fact_mentions(fact, k)), "")
    return {"fact_id": fact.id, "fact_keyword": topic}


def _team_slots(team: str, intent: str, profile: VoiceProfile, language: str) -> dict[str, str]:
    rule = profile.brand.escalation.get(team)
    if rule is None:
        return {}
    label = profile.localized(rule.label, language) or team.replace("_", " ")
    ask = rule.ask_by_intent.get(intent) or rule.ask_in_dm
    return {"team": label, "ask": profile.localized(ask, language)}


def _first_name(author: str | None) -> str:
    """A first name from "Renate Vogel" (or "Sabine" from "Sab Ine"); handles give none."""
    parts = (author or "").split()
    if len(parts) < 2 or not all(p.isalpha() for p in parts[:2]) or not parts[0][0].isupper():
        return ""
    if len(parts[0]) <= 3 and len(parts[1]) <= 3:
        return "".join(parts[:2]).capitalize()
    return parts[0] if len(parts[0]) >= 3 else ""


def _cap(word: str, language: str) -> str:
    """German nouns are capitalised; people typing fast often don't."""
    return word[:1].upper() + word[1:] if language == "de" else word


# Accusations are never echoed back as the topic ("Bei Kinderarbeit können wir helfen").
ACCUSATION = re.compile(
    r"kinderarbeit|child.?labou?r|betrug|betrüg|scam|fraud|abzock|lüge|lügn|liar|ausbeut|exploit|sklav|slave|rassis|racis",
    re.IGNORECASE,
)


def _echoable(keywords: list[str], source: str) -> list[str]:
    """Keywords a reply may echo: never shouted words, codes, insults or accusations."""
    shouted = {fold(w) for w in words(source) if len(w) >= 4 and w.isupper()}
    return [
        k
        for k in keywords
        if fold(k) not in shouted
        and not any(c.isdigit() for c in k)
        and not PROFANITY.search(k)
        and not ACCUSATION.search(k)
    ]


def _keyword(keywords: list[str], products: list[str], index: int) -> str:
    taken = fold(" ".join(products))
    usable = [k for k in keywords if fold(k) not in taken]
    return usable[index] if len(usable) > index else ""


def _order_lines(text: str, request: GenerationRequest) -> str:
    lines = []
    for match in re.finditer(r"(\d+)\s?[x×]\s?([^\d,;.!?\n]+?)(?=\s*(?:,|;|\.|!|\?|\bund\b|\band\b|$))", text):
        products = find_products(match.group(2), request.profile)
        if products:
            lines.append(f"{match.group(1)}x {products[0]}")
    joiner = " und " if request.analysis.language == "de" else " and "
    return joiner.join(lines)


def _swap(text: str, request: GenerationRequest) -> dict[str, str]:
    """For a wrong item: what was ordered ("statt X") and what came instead."""
    match = re.search(r"\b(?:statt|anstatt|instead of)\b", text, re.IGNORECASE)
    if not match:
        return {}
    after = find_products(text[match.end() :], request.profile)
    if len(after) >= 2:  # "statt X war Y drin"
        return {"wanted": after[0], "got": after[1]}
    before = find_products(text[: match.start()], request.profile)
    if after and before:  # "Y statt X"
        return {"wanted": after[0], "got": before[-1]}
    return {}


def _place(text: str) -> str:
    match = re.search(
        r"\b(?:lieferung|liefern|versand|schicken|deliver\w*|ship\w*)\s+(?:an|nach|to)\s+([A-ZÄÖÜ][\wäöüß-]{2,})", text
    )
    return match.group(1) if match else ""


# ------------------------------------------------------------ emoji, length


def _with_emoji(ctx: _Context, parts: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    count = _emoji_budget(ctx)
    palette = _palette(ctx)
    if not count or not parts or not palette or "emoji" in ctx.avoid:
        return parts
    chosen = "".join(ctx.rng.sample(palette, min(count, len(palette))))
    if len(_join(parts)) + len(chosen) + 1 > limit:
        return parts
    first_move, first = parts[0]
    if first.rstrip().endswith((".", "!", "?")) or len(parts) == 1:
        return [(first_move, f"{first} {chosen}"), *parts[1:]]
    body = [i for i, (move, _) in enumerate(parts) if move != "close"]
    last = body[-1]
    return [(m, f"{t} {chosen}" if i == last else t) for i, (m, t) in enumerate(parts)]


def _palette(ctx: _Context) -> list[str]:
    """Emoji that fit the situation: faces for jokes and praise, objects for answers."""
    palette = ctx.request.profile.emoji.palette
    jokes = ctx.situation in ("praise", "troll", "other", "outreach", "collaboration")
    if jokes and ctx.style == "playful":
        return [e for e in palette if e != "📦"] or palette
    return [e for e in palette if not _is_face(e) and e != "📦"]


@lru_cache(maxsize=256)
def _is_face(symbol: str) -> bool:
    name = emoji_lib.demojize(symbol)
    return any(word in name for word in ("face", "skull", "grin", "smil", "joy", "wink"))


def _emoji_budget(ctx: _Context) -> int:
    profile = ctx.request.profile
    density = profile.platform.emoji_density
    wanted = {"playful": 2, "warm": 1}.get(ctx.style, 0)
    if ctx.situation in NEGATIVE or ctx.situation in ("spam", "injection"):
        wanted = min(wanted, 1) if ctx.style == "playful" and ctx.situation == "criticism" else 0
    wanted = min(wanted, {"none": 0, "low": 1 if ctx.style == "playful" else 0, "medium": 1, "high": 2}[density])
    return min(wanted, profile.emoji.max_per_reply)


def _fit(ctx: _Context, options: list[tuple[str, list[str]]], limit: int) -> str:
    """Preferred wording if it fits; else fewer extras, other wordings, fewer moves, then a cut."""
    outreach = ctx.situation == "outreach"
    kept = list(options)
    for move in EXTRAS_OUTREACH if outreach else EXTRAS:
        if len(_join(_preferred(kept))) > limit:
            kept = [(m, texts) for m, texts in kept if m != move]
    drop_order: tuple[str, ...] = DROP_ORDER_ESCALATION if any(m == "escalate" for m, _ in kept) else DROP_ORDER
    parts = _shrink(kept, limit)
    for move in DROP_ORDER_OUTREACH if outreach else drop_order:
        if len(_join(parts)) <= limit or len(kept) == 1:
            break
        kept = [(m, texts) for m, texts in kept if m != move] or kept
        parts = _shrink(kept, limit)  # with a move gone, preferred wordings may fit again
    parts = _keep_concrete_open(ctx, kept, parts, limit)
    text = _join(_with_emoji(ctx, parts, limit))
    if len(text) > limit and len(sentences(text)) > 1:
        text = sentences(text)[0]
    text = shorten(text, limit)
    return text[:1].upper() + text[1:]


def _keep_concrete_open(
    ctx: _Context, options: list[tuple[str, list[str]]], parts: list[tuple[str, str]], limit: int
) -> list[tuple[str, str]]:
    """If fitting cost the opening its concrete words, shorten or drop the other moves instead."""
    index = next((i for i, (move, _) in enumerate(parts) if move == "open"), None)
    if index is None or _is_concrete(parts[index][1], ctx.slots) or not _is_concrete(options[index][1][0], ctx.slots):
        return parts  # concrete already, or a deliberately plain opening (for variety)
    concrete = [t for t in options[index][1] if _is_concrete(t, ctx.slots)]
    shortest = [(move, min(texts, key=len)) for move, texts in options if move != "open"]
    droppable = [m for m in (*EXTRAS, *DROP_ORDER_ESCALATION) if m not in ("open", "escalate")]
    for move in (None, *droppable):
        shortest = [(m, t) for m, t in shortest if m != move]
        room = limit - len(_join(shortest)) - 1
        fitting = next((t for t in concrete if len(t) <= room), None)
        if fitting:
            return [("open", fitting), *shortest]
    return parts


def _is_concrete(text: str, slots: dict[str, str]) -> bool:
    values = [slots.get(name, "") for name in CONCRETE]
    return any(value and value in text for value in values)


def _preferred(options: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    return [(move, texts[0]) for move, texts in options]


def _shrink(options: list[tuple[str, list[str]]], limit: int) -> list[tuple[str, str]]:
    """Start from the preferred wordings; swap in others, move by move, until the draft fits.

    The opening goes last: it carries the person's own words, so the other moves shrink first.
    """
    parts = _preferred(options)
    order = sorted(range(len(options)), key=lambda i: options[i][0] == "open")
    for index in order:
        move, texts = options[index]
        if len(_join(parts)) <= limit:
            break
        others = [*parts[:index], *parts[index + 1 :]]
        room = limit - len(_join(others)) - 1
        fitting = next((t for t in texts if len(t) <= room), min(texts, key=len))
        parts[index] = (move, fitting)
    return parts


def _join(parts: list[tuple[str, str]]) -> str:
    text = ""
    for move, part in parts:
        if part.strip():
            text += ("\n" if move == "close" else " ") + part.strip()
    return text.strip()
