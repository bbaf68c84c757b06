"""Chat prompts from the jinja2 templates in prompts/: a static system part, a variable task.

The system message is rendered only from the voice profile, so it is byte-identical
for every message of one brand/platform (what prompt and prefix caching reward).
Untrusted text (message, author, post, thread, examples) goes into the user message
only, inside ``<<<NAME ... NAME>>>`` blocks whose markers cannot be forged, and with
personal data replaced by placeholders (assistant.backends.openai.redaction) unless the profile turns
that off. The system part carries a canary token that no draft may ever contain.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from assistant.backends.base import ChatMessage, GenerationRequest, RepairRequest, unfit_tones
from assistant.backends.openai.redaction import Redaction, Redactor, redact_unrestorable, redactor_for, restore
from assistant.defaults import CHECK_DETAIL_CAP, PLATFORM_NAMES
from assistant.models import INTENTS, CheckResult
from assistant.profiles.loading import VoiceProfile


def _prompts_dir() -> Path:
    """prompts/ beside the package (source checkout, editable install) or in the wheel's data files."""
    source = Path(__file__).resolve().parents[3] / "prompts"
    installed = Path(sys.prefix) / "share" / "replyvoice" / "prompts"
    return source if source.is_dir() or not installed.is_dir() else installed


PROMPTS_DIR = _prompts_dir()

_FENCE_RUN = re.compile(r"<{3,}|>{3,}")
_FENCE_LOOKALIKE = {"<": "‹", ">": "›"}
_PROMISES = {
    "refunds": "refunds or money back",
    "discounts": "discounts",
    "codes": "discount or voucher codes",
    "compensation": "compensation or goodwill gestures",
    "delivery_dates": "fixed delivery dates",
}
# How often emoji appear, in words that agree with the maximum per draft (one rule, never two).
_DENSITY = {
    "low": "and most drafts carry none",
    "medium": "used as an accent, not as decoration",
    "high": "and most drafts carry one or two",
    "none": "none",
}
_PII_LABELS = {
    "email": "e-mail address",
    "phone": "phone number",
    "order_id": "order number",
    "iban": "bank account number",
    "card": "card number",
    "address": "postal address",
    "name": "full name",
    "id_number": "ID number",
    "ip": "IP address",
}


def neutralise(text: object) -> str:
    """Make untrusted text unable to open or close a <<<BLOCK>>>: runs of 3+ <, > are replaced."""
    return _FENCE_RUN.sub(lambda m: _FENCE_LOOKALIKE[m.group()[0]] * len(m.group()), str(text))


@lru_cache(maxsize=8)
def environment(directory: Path | None = None) -> jinja2.Environment:
    """The one jinja2 environment over prompts/ (or an override folder)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory or PROMPTS_DIR)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["neutralise"] = neutralise
    return env


def render(template: str, directory: Path | None = None, **context: Any) -> str:
    """Render one template; a missing variable raises jinja2.UndefinedError."""
    return environment(directory).get_template(template).render(**context)


# ---------------------------------------------------------------- system part


def canary(profile: VoiceProfile) -> str:
    """The profile's canary token: deterministic, so the system part stays byte-identical."""
    digest = hashlib.sha256(f"{profile.key}{profile.version}".encode()).hexdigest()
    return f"rv-{digest[:12]}"


def render_system(profile: VoiceProfile, *, directory: Path | None = None) -> str:
    """The static system message: depends on the profile only (so it is rendered once per version)."""
    folder = Path(directory or PROMPTS_DIR)
    template = folder / "system.j2"
    stamp = template.stat().st_mtime_ns if template.exists() else 0
    key = (profile.key, profile.version, str(folder.resolve()), stamp)
    if key in _SYSTEM_CACHE:
        _SYSTEM_CACHE.move_to_end(key)
        return _SYSTEM_CACHE[key]
    _SYSTEM_CACHE[key] = rendered = render("system.j2", directory, **system_context(profile))
    if len(_SYSTEM_CACHE) > SYSTEM_CACHE_SIZE:
        _SYSTEM_CACHE.popitem(last=False)
    return rendered


# The last few rendered system messages (profiles are edited, so old versions must fall out).
SYSTEM_CACHE_SIZE = 16
_SYSTEM_CACHE: OrderedDict[tuple[str, str, str, int], str] = OrderedDict()


def confidential(profile: VoiceProfile, *, directory: Path | None = None) -> list[str]:
    """What the model is shown that no draft may quote: the system prompt and its canary."""
    return [render_system(profile, directory=directory), canary(profile)]


def system_context(profile: VoiceProfile) -> dict[str, Any]:
    """Template variables of the system part, all taken from the profile."""
    brand, platform = profile.brand, profile.platform
    lang = brand.default_language
    return {
        "canary": canary(profile),
        "brand": brand,
        "platform": platform,
        "platform_name": _platform_name(profile),
        "tones": profile.tones,
        "emoji": profile.emoji,
        "sign_off": profile.sign_off,
        "do": [*brand.do, *platform.do],
        "dont": [*brand.dont, *platform.dont],
        "banned": banned_phrases(profile),
        "forbidden": [label for key, label in _PROMISES.items() if not getattr(brand.policy, key)],
        "allowed": [label for key, label in _PROMISES.items() if getattr(brand.policy, key)],
        "facts": [{"id": f.id, "text": profile.localized(f.text, lang)} for f in brand.facts],
        "products": [{"name": p.name, "text": profile.localized(p.text, lang) or p.name} for p in brand.products],
        "escalation": _escalation_rules(profile),
        "examples": platform.examples,
        "density": _DENSITY,
        "mirror": brand_mirrors(profile),
        "intents": list(INTENTS),
        "teams": list(brand.escalation),
    }


def brand_mirrors(profile: VoiceProfile) -> bool:
    """True when the brand answers a formal message (Sie) with Sie (address_form.mirror)."""
    return bool(getattr(profile.brand, "address_mirror", False))


def address_for(request: GenerationRequest) -> str:
    """du, Sie or you for this message: the brand's form, or Sie for a formal German message when it mirrors."""
    profile, analysis = request.profile, request.analysis
    form = profile.address_form(analysis.language)
    formal = getattr(analysis, "register", "casual") == "formal"
    return "Sie" if form == "du" and formal and brand_mirrors(profile) else form


# The guard rejects every built-in stock phrase; the prompt shows the most common ones per language
# (the list keeps growing, the context of a small local model does not).
STOCK_PHRASES_SHOWN = 40


def banned_phrases(profile: VoiceProfile) -> list[str]:
    """The profile's banned phrases plus the built-in stock phrases of its languages."""
    phrases = [*profile.banned_phrases]
    for language in profile.brand.languages:
        phrases.extend(_stock_phrases(language)[:STOCK_PHRASES_SHOWN])
    unique: dict[str, str] = {}
    for phrase in (p.strip() for p in phrases):
        if phrase:
            unique.setdefault(phrase.casefold(), phrase)
    return list(unique.values())


def _stock_phrases(language: str) -> list[str]:
    try:
        from assistant.guard.stock_phrases import stock_phrases
    except ImportError:
        return []
    return list(stock_phrases(language))


def _escalation_rules(profile: VoiceProfile) -> list[dict[str, Any]]:
    """Escalation rules without contacts (those are internal, for the handoff only)."""
    lang = profile.brand.default_language
    return [
        {
            "team": team,
            "label": profile.localized(rule.label, lang) or team,
            "intents": rule.intents or ["messages with these signs"],
            "triggers": rule.triggers,
            "ask": profile.localized(rule.ask_in_dm, lang),
        }
        for team, rule in profile.brand.escalation.items()
    ]


def _platform_name(profile: VoiceProfile) -> str:
    return PLATFORM_NAMES.get(profile.platform.platform, profile.platform.platform)


# ---------------------------------------------------------------- user part


def render_task(request: GenerationRequest, *, directory: Path | None = None) -> str:
    """The variable user message: the reply or outreach task with the untrusted text."""
    template = "outreach.j2" if request.message.mode == "outreach" else "reply.j2"
    return render(template, directory, **task_context(request))


def task_context(request: GenerationRequest) -> dict[str, Any]:
    """Template variables of the reply/outreach task."""
    message, analysis = request.message, request.analysis
    context = _common_context(request)
    post, text = (message.post or "").strip(), message.text.strip()
    if message.mode == "outreach":
        post, text = (post or text), (text if post and text != post else "")
    context.update(
        {
            "analysis": analysis,
            "message": text,
            "post": post,
            "note": text,
            "author": " ".join((message.author or "").split()),
            "thread": format_thread(message.thread),
            "examples": [e.strip() for e in request.examples if e.strip()],
            "products": analysis.entities.products,
            "pii_kinds": sorted({_PII_LABELS.get(s.kind, s.kind) for s in analysis.pii}),
            "team": _team(request),
            "unfit_tones": unfit_tones(request),
            "questions": list(getattr(analysis, "questions", []) or []),
        }
    )
    return context


def _common_context(request: GenerationRequest) -> dict[str, Any]:
    """Platform, channel, language, address form, limit and tones of a request."""
    message, profile = request.message, request.profile
    language = request.analysis.language
    public = message.channel == "comment"
    return {
        "platform_name": _platform_name(profile),
        "channel": message.channel,
        "channel_label": "public comment (everybody can read the reply)"
        if public
        else "private message (only the person reads the reply)",
        "language": language,
        "address": address_for(request),
        "limit": profile.limit(message.channel),
        "tones": list(request.tones),
    }


def _team(request: GenerationRequest) -> dict[str, str] | None:
    escalation = request.analysis.escalation
    if escalation is None:
        return None
    profile, lang = request.profile, request.analysis.language
    rule = profile.brand.escalation.get(escalation.team)
    label = profile.localized(rule.label, lang) if rule else ""
    ask = profile.localized(rule.ask_in_dm, lang) if rule else ""
    return {"label": label or escalation.team, "reason": escalation.reason, "ask": ask or "the details the team needs"}


def format_thread(entries: Iterable[str]) -> str:
    """Thread entries, oldest first, numbered one per paragraph."""
    kept = [entry.strip() for entry in entries if entry.strip()]
    return "\n".join(f"[{i}] {entry}" for i, entry in enumerate(kept, 1))


# ---------------------------------------------------------------- messages


def build_messages(request: GenerationRequest, *, directory: Path | None = None) -> list[ChatMessage]:
    """The chat messages for one draft set: [system (static), user (this message, redacted)]."""
    request, _ = redact_request(request)
    return [
        {"role": "system", "content": render_system(request.profile, directory=directory)},
        {"role": "user", "content": render_task(request, directory=directory)},
    ]


def build_repair_messages(repair: RepairRequest, *, directory: Path | None = None) -> list[ChatMessage]:
    """The chat messages asking to rewrite failed drafts: [system (static), repair task]."""
    request, redactor = _redacted(repair.request)
    tones = [t for t in repair.failures if t in repair.drafts] or list(repair.drafts)
    context = _common_context(request)
    failures = {t: repair.failures.get(t, []) for t in tones}
    context.update(
        {
            "tones": tones,
            "failures": {t: [p.name for p in problems] for t, problems in failures.items()},
            "details": check_details(failures),
            "drafts": {t: redactor(repair.drafts[t]) for t in tones},
            "message": request.message.text.strip() or (request.message.post or "").strip(),
        }
    )
    return [
        {"role": "system", "content": render_system(request.profile, directory=directory)},
        {"role": "user", "content": render("repair.j2", directory, **context)},
    ]


def check_details(failures: dict[str, list[CheckResult]]) -> str:
    """What the failed checks found, one capped line each (they may quote untrusted text: fence them)."""
    lines = []
    for tone, problems in failures.items():
        for problem in problems:
            detail = " ".join(problem.detail.split())
            if detail:
                cut = detail if len(detail) <= CHECK_DETAIL_CAP else detail[:CHECK_DETAIL_CAP] + " …"
                lines.append(f"- {tone}, {problem.name}: {cut}")
    return "\n".join(lines)


def build_format_fix_messages(
    messages: list[ChatMessage],
    *,
    answer: str,
    problem: str,
    tones: list[str],
    limit: int,
    with_reading: bool = False,
    directory: Path | None = None,
) -> list[ChatMessage]:
    """The same conversation plus the unusable answer and a request to answer in the format."""
    fix = render("format_fix.j2", directory, problem=problem, tones=tones, limit=limit, with_reading=with_reading)
    return [*messages, {"role": "assistant", "content": answer}, {"role": "user", "content": fix}]


# ---------------------------------------------------------------- personal data


def redact_request(request: GenerationRequest) -> tuple[GenerationRequest, Redaction]:
    """The request with personal data in message, post, author, thread and examples replaced."""
    redacted, redactor = _redacted(request)
    return redacted, redactor.result(redacted.message.text)


def restore_drafts(drafts: dict[str, str], request: GenerationRequest) -> dict[str, str]:
    """Drafts written from the redacted request, with values restored (DM) or placeholders removed."""
    _, redaction = redact_request(request)
    channel = request.message.channel
    return {tone: restore(text, redaction, channel) for tone, text in drafts.items()}


def _redacted(request: GenerationRequest) -> tuple[GenerationRequest, Redactor]:
    """Redact the untrusted fields in a fixed order, so numbering is the same on every call."""
    redactor = redactor_for(request.profile)
    if not redactor.enabled:
        return request, redactor
    message = request.message
    text, post, author = redactor(message.text), redactor(message.post or ""), redactor(message.author or "")
    changed = message.model_copy(
        update={
            "text": text,
            "post": post if message.post is not None else None,
            "author": author if message.author is not None else None,
            "thread": redactor.all(message.thread),
        }
    )
    # Examples are other customers' approved replies: their personal data is masked for good, never restorable.
    examples = [redact_unrestorable(e, redactor.order_pattern) for e in request.examples]
    return dataclasses.replace(request, message=changed, examples=examples), redactor
