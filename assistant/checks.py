"""The quality guard: every draft is checked against the brand's rules before a person sees it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import emoji

from .language import UNDETERMINED, detect_language
from .models import Analysis, CheckResult, Message
from .phrases import find_stock_phrases
from .pii import find_pii
from .profiles import VoiceProfile
from .text import fold


@dataclass(frozen=True, kw_only=True)
class CheckContext:
    """One draft plus everything a check may need to judge it."""

    text: str
    message: Message
    analysis: Analysis
    profile: VoiceProfile


Check = Callable[[CheckContext], CheckResult]
SIE_FORMS = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b")
DU_FORMS = re.compile(r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b", re.IGNORECASE)
HASHTAG = re.compile(r"(?<!\w)#\w+")
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
    count, limit = emoji.emoji_count(ctx.text), ctx.profile.emoji.max_per_reply
    return CheckResult(name="emoji", ok=count <= limit, severity="warn", detail=f"{count}/{limit}")


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


CHECKS: list[Check] = [
    length,
    stock_phrases,
    language,
    address_form,
    emoji_limit,
    hashtags,
    personal_data,
    self_promotion,
]


def run_checks(ctx: CheckContext) -> list[CheckResult]:
    """Run every check on one draft."""
    return [check(ctx) for check in CHECKS]


def blocking(results: list[CheckResult]) -> list[CheckResult]:
    """The failed checks that stop a draft from being ok."""
    return [r for r in results if not r.ok and r.severity == "block"]
