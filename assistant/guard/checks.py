"""The quality guard: every draft is checked against the brand's rules before a person sees it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import emoji

from assistant.analysis.intents import readings
from assistant.analysis.language import UNDETERMINED, detect_language
from assistant.analysis.pii import find_pii
from assistant.analysis.reading import PROFANITY
from assistant.guard.leakage import leaks
from assistant.guard.promises import forbidden_promises
from assistant.guard.stock_phrases import find_stock_phrases
from assistant.models import Analysis, CheckResult, Message
from assistant.profiles.loading import VoiceProfile
from assistant.similarity import closest_variant
from assistant.similarity import repetition as repeats
from assistant.text import fold, is_stopword, shorten, words


@dataclass(frozen=True, kw_only=True)
class CheckContext:
    """One draft plus everything a check may need to judge it."""

    text: str
    message: Message
    analysis: Analysis
    profile: VoiceProfile
    # The brand's recent approved replies on this platform, and the other drafts of this set.
    history: list[str] = field(default_factory=list)
    siblings: list[str] = field(default_factory=list)
    # What the writer was shown that no draft may quote (Generation.confidential).
    confidential: tuple[str, ...] = ()


Check = Callable[[CheckContext], CheckResult]
SIE_FORMS = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b")
DU_FORMS = re.compile(r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b", re.IGNORECASE)
HASHTAG = re.compile(r"(?<!\w)#\w+")
MENTION_OR_LINK = re.compile(r"@\w+|https?://\S+|www\.\S+")
LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:de|com|net|org|shop|io)\b", re.IGNORECASE)
SELF_PROMO = re.compile(
    r"\b(?:shop|onlineshop|rabatt|discount|gutschein|code|link in bio|folg(?:t|e) uns|follow us|"
    r"bestell\w*|order now|kauf\w*|buy|angebot|sale)\b",
    re.IGNORECASE,
)


def length(ctx: CheckContext) -> CheckResult:
    """The draft fits the platform's limit for this channel."""
    limit = ctx.profile.limit(ctx.message.channel)
    return CheckResult(name="length", ok=0 < len(ctx.text) <= limit, detail=f"{len(ctx.text)}/{limit}")


def stock_phrases(ctx: CheckContext) -> CheckResult:
    """No boilerplate from the built-in lists or the profile's banned phrases."""
    found = find_stock_phrases(ctx.text, tuple(ctx.profile.banned_phrases))
    detail = "stock phrase: " + "; ".join(f"“{p}”" for p in found) if found else "none found"
    return CheckResult(name="stock_phrases", ok=not found, detail=detail)


def language(ctx: CheckContext) -> CheckResult:
    """The draft is written in the language the message should be answered in."""
    found = detect_language(ctx.text, thorough=False)
    ok = found in (ctx.analysis.language, UNDETERMINED)
    detail = f"{found}, expected {ctx.analysis.language}"
    return CheckResult(name="language", ok=ok, detail=detail)


def address_form(ctx: CheckContext) -> CheckResult:
    """German drafts keep the profile's du or Sie throughout."""
    form = ctx.profile.address_form(ctx.analysis.language)
    if ctx.analysis.language != "de" or form not in ("du", "Sie"):
        return CheckResult(name="address_form", ok=True, detail=f"{form}: nothing to check")
    wrong = (SIE_FORMS if form == "du" else DU_FORMS).findall(ctx.text)
    detail = f"uses {', '.join(dict.fromkeys(wrong))} but the profile says {form}" if wrong else form
    return CheckResult(name="address_form", ok=not wrong, detail=detail)


def emoji_limit(ctx: CheckContext) -> CheckResult:
    """No more emoji than the profile allows."""
    count, limit = count_emoji(ctx.text), ctx.profile.emoji.max_per_reply
    return CheckResult(name="emoji", ok=count <= limit, severity="warn", detail=f"{count}/{limit}")


def count_emoji(text: str) -> int:
    """Emoji in text (the emoji library walks every character: skip it for plain text)."""
    if all(ord(c) < 0x2030 and c not in "\u00a9\u00ae" for c in text):
        return 0
    return int(emoji.emoji_count(text))


def hashtags(ctx: CheckContext) -> CheckResult:
    """No more hashtags than the platform allows."""
    found, limit = HASHTAG.findall(ctx.text), ctx.profile.platform.hashtags.max
    return CheckResult(name="hashtags", ok=len(found) <= limit, severity="warn", detail=f"{len(found)}/{limit}")


def personal_data(ctx: CheckContext) -> CheckResult:
    """A public comment never repeats e-mail addresses, phone numbers, order numbers or IBANs."""
    if ctx.message.channel == "dm":
        return CheckResult(name="personal_data", ok=True, detail="DM: allowed")
    found = find_pii(ctx.text, ctx.profile.brand.order_number_pattern)
    detail = "in public: " + ", ".join(f"{s.kind} {s.text}" for s in found) if found else "none"
    return CheckResult(name="personal_data", ok=not found, detail=detail)


def self_promotion(ctx: CheckContext) -> CheckResult:
    """A comment on another creator's post never advertises the brand."""
    if ctx.message.mode != "outreach":
        return CheckResult(name="self_promotion", ok=True, detail="reply: not applicable")
    found = [m.group() for m in SELF_PROMO.finditer(ctx.text)] + LINK.findall(ctx.text)
    if fold(ctx.profile.brand.name) in fold(ctx.text):
        found.append(ctx.profile.brand.name)
    found += [p.name for p in ctx.profile.brand.products if fold(p.name) in fold(ctx.text)]
    detail = "advertises: " + ", ".join(dict.fromkeys(found)) if found else "none"
    return CheckResult(name="self_promotion", ok=not found, detail=detail)


def repetition(ctx: CheckContext) -> CheckResult:
    """Not a copy of a recent approved reply (block) nor of another draft in the set (warn)."""
    threshold = ctx.profile.brand.repetition_threshold
    score, past = repeats(ctx.text, ctx.history, ctx.profile.public_texts())
    if score >= threshold:
        detail = f"{score:.0f}% like an approved reply: “{shorten(past, 80)}”"
        return CheckResult(name="repetition", ok=False, detail=detail)
    sibling_score, sibling = closest_variant(ctx.text, ctx.siblings)
    if sibling_score > 85:
        detail = f"{sibling_score:.0f}% like another variant: “{shorten(sibling, 60)}”"
        return CheckResult(name="repetition", ok=False, severity="warn", detail=detail)
    return CheckResult(name="repetition", ok=True, detail=f"max {max(score, sibling_score):.0f}% (limit {threshold}%)")


def specificity(ctx: CheckContext) -> CheckResult:
    """The draft refers to something concrete in the message (or, in outreach, the post)."""
    if ctx.analysis.intent == "spam" or ctx.analysis.injection_suspected:
        return CheckResult(name="specificity", ok=True, detail="not required here")
    anchors = concrete_anchors(ctx.message, ctx.analysis)
    if not anchors:
        return CheckResult(name="specificity", ok=True, detail="nothing concrete in the message")
    folded = fold(ctx.text)
    hit = next((a for a in anchors if a in folded), None)
    source = "post" if ctx.message.mode == "outreach" else "message"
    detail = f"refers to “{hit}…”" if hit else f"mentions nothing from the {source}; pick up its words or products"
    return CheckResult(name="specificity", ok=hit is not None, detail=detail)


def concrete_anchors(message: Message, analysis: Analysis) -> list[str]:
    """Stems of the message's own content words, products and amounts (folded, 5 letters)."""
    source = message.post if message.mode == "outreach" and message.post else message.text
    source = MENTION_OR_LINK.sub(" ", source)
    usable = [w for w in words(source) if len(w) >= 4 and not w.isdigit() and not is_stopword(w)]
    stems = [fold(w)[:5] for w in usable if not PROFANITY.search(w)]  # never ask a draft to echo an insult
    stems += [fold(p)[:5] for p in analysis.entities.products] + analysis.entities.amounts
    return list(dict.fromkeys(stems))


def promises(ctx: CheckContext) -> CheckResult:
    """No refund, discount, code, compensation or date the profile's policy does not allow."""
    found = forbidden_promises(ctx.text, ctx.profile.brand.policy.model_dump())
    detail = "; ".join(f"{kind}: “{words_}”" for kind, words_ in found) if found else "none"
    return CheckResult(name="promises", ok=not found, detail=detail)


def leakage(ctx: CheckContext) -> CheckResult:
    """Nothing from the system prompt, the canary, internal notes or team contacts."""
    found = leaks(ctx.text, ctx.profile, ctx.confidential)
    return CheckResult(name="leakage", ok=not found, detail="; ".join(found) if found else "none")


MARKUP = re.compile(
    r"!?\[[^\]]*\]\([^)]*\)|<\s*/?\s*[a-z][a-z0-9]*\b[^>]*>|javascript:|\bon[a-z]+\s*=|data:[a-z]+/[a-z]+;",
    re.IGNORECASE,
)
URL = re.compile(
    r"https?://[^\s)\]>\"']+|\bwww\.[^\s)\]>\"']+|\b[\w-]+\.(?:com|net|org|io|ly|xyz|link|shop|de|at|ch)(?:/\S*)?\b",
    re.I,
)
QUOTED = re.compile(r"[\"„“”‚‘’'«»]([^\"„“”‚‘’'«»]{4,})[\"„“”‚‘’'«»]")


def markup_and_links(ctx: CheckContext) -> CheckResult:
    """No HTML, Markdown links or images, scripts, or links to domains the brand has not allowed."""
    found = [m.group() for m in MARKUP.finditer(ctx.text)]
    allowed = [d.lower() for d in ctx.profile.brand.allowed_domains]
    found += [u for u in URL.findall(ctx.text) if not any(d in u.lower() for d in allowed)]
    detail = "contains: " + ", ".join(dict.fromkeys(f[:40] for f in found)) if found else "none"
    return CheckResult(name="markup_and_links", ok=not found, detail=detail)


def injection_echo(ctx: CheckContext) -> CheckResult:
    """When the message tries to instruct us, the draft repeats none of its payload."""
    if not ctx.analysis.injection_suspected:
        return CheckResult(name="injection_echo", ok=True, detail="no instructions in the message")
    source = ctx.message.text + "\n" + (ctx.message.post or "")
    echoed = list(dict.fromkeys(e for form in readings(source) for e in payload_echoes(form, ctx.text)))
    detail = "repeats: " + ", ".join(f"“{e}”" for e in echoed[:3]) if echoed else "repeats nothing"
    return CheckResult(name="injection_echo", ok=not echoed, detail=detail)


def payload_echoes(message: str, draft: str) -> list[str]:
    """Parts of a suspicious message found in a draft: quoted strings, codes, runs of 5 words."""
    folded = fold(draft)
    quoted = [q.strip() for q in QUOTED.findall(message) if len(q.strip()) >= 4]
    codes = [w for w in words(message) if len(w) >= 4 and (w.isupper() or any(c.isdigit() for c in w))]
    tokens = [fold(w) for w in words(message)]
    runs = [" ".join(tokens[i : i + 5]) for i in range(len(tokens) - 4)]
    draft_words = " ".join(fold(w) for w in words(draft))
    found = [q for q in quoted if fold(q) in folded] + [c for c in codes if fold(c) in draft_words.split()]
    return list(dict.fromkeys(found + [r for r in runs if r in draft_words]))


CHECKS: list[Check] = [
    length,
    stock_phrases,
    language,
    address_form,
    emoji_limit,
    hashtags,
    personal_data,
    self_promotion,
    repetition,
    specificity,
    promises,
    leakage,
    markup_and_links,
    injection_echo,
]


def run_checks(ctx: CheckContext) -> list[CheckResult]:
    """Run every check on one draft."""
    return [check(ctx) for check in CHECKS]


def blocking(results: list[CheckResult]) -> list[CheckResult]:
    """The failed checks that stop a draft from being ok."""
    return [r for r in results if not r.ok and r.severity == "block"]
