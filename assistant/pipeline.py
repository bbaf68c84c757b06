"""The pipeline: analyse -> generate -> check -> repair once -> DraftSet."""

from __future__ import annotations

import re
import time

from assistant.analysis.reading import analyse
from assistant.backends.base import Backend, Generation, GenerationRequest, RepairRequest
from assistant.backends.offline.composer import OfflineBackend
from assistant.defaults import (
    AUTHOR_CAP,
    MESSAGE_HARD_CAP,
    MESSAGE_SOFT_CAP,
    THREAD_MESSAGE_CAP,
    THREAD_MESSAGES_CAP,
)
from assistant.errors import BackendError, InputError
from assistant.guard.checks import CheckContext, blocking, run_checks
from assistant.handoff import build_handoff
from assistant.history.recall import Recall, recall
from assistant.history.store import Store
from assistant.models import Draft, DraftSet, Message
from assistant.profiles.loading import VoiceProfile

SURROGATE = re.compile(r"[\ud800-\udfff]")


def draft(
    message: Message,
    profile: VoiceProfile,
    tones: list[str] | None = None,
    backend: Backend | None = None,
    *,
    fallback: bool = True,
    history: Store | None = None,
    avoid: list[str] | None = None,
) -> DraftSet:
    """Draft one reply per tone for a message, checked against the profile's rules (and history).

    `avoid` lists texts not to write again (a redraft of a variant someone did not like).
    """
    started = time.perf_counter()
    request, notices = build_request(message, profile, tones, history=history, avoid=avoid)
    message = request.message
    chosen = backend or OfflineBackend()
    generation = _generate(chosen, request, fallback)
    drafts = _check_and_repair(generation, request, chosen)
    told = next((d for d in drafts if d.ok), drafts[0])
    return DraftSet(
        backend=generation.backend,
        profile=profile.key,
        elapsed_ms=(time.perf_counter() - started) * 1000,
        message=message,
        analysis=request.analysis,
        drafts=drafts,
        handoff=build_handoff(message, request.analysis, profile, f"({told.tone}) {told.text}"),
        notices=notices + generation.notices,
        usage=generation.usage,
        fallback_reason=generation.fallback_reason,
        tone_note=generation.tone_note,
        needs_attention=generation.needs_attention,
    )


def build_request(
    message: Message,
    profile: VoiceProfile,
    tones: list[str] | None = None,
    *,
    history: Store | None = None,
    avoid: list[str] | None = None,
) -> tuple[GenerationRequest, list[str]]:
    """Validate and analyse the input, recall the history: what every backend gets (plus notices)."""
    message, notices = prepare_message(message)
    analysis = analyse(message, profile)
    remembered = recall(history, profile, message, analysis) if history else Recall(history=[], examples=[])
    request = GenerationRequest(
        message=message,
        analysis=analysis,
        profile=profile,
        tones=resolve_tones(profile, tones),
        examples=remembered.examples,
        history=remembered.history,
        avoid=list(avoid or []),
    )
    return request, notices


def prepare_message(message: Message) -> tuple[Message, list[str]]:
    """Refuse unusable input; truncate very long input with a visible notice; cap author and thread."""
    message = _capped_context(_without_surrogates(message))
    if message.mode == "reply" and not message.text.strip():
        raise InputError("the message is empty: paste the comment or DM you want to answer")
    if message.mode == "outreach" and not (message.post or message.text).strip():
        raise InputError("outreach needs the other creator's post: pass --post TEXT")
    longest = max(len(message.text), len(message.post or ""))
    if longest > MESSAGE_HARD_CAP:
        raise InputError(f"the message has {longest:,} characters; the limit is {MESSAGE_HARD_CAP:,}")
    if longest <= MESSAGE_SOFT_CAP:
        return message, []
    shortened = message.model_copy(
        update={"text": message.text[:MESSAGE_SOFT_CAP], "post": (message.post or "")[:MESSAGE_SOFT_CAP] or None}
    )
    return shortened, [f"the message was {longest:,} characters; only the first {MESSAGE_SOFT_CAP:,} were used"]


def _capped_context(message: Message) -> Message:
    """Author and thread are context: cap them silently (the latest thread messages matter most)."""
    thread = [t[:THREAD_MESSAGE_CAP] for t in message.thread[-THREAD_MESSAGES_CAP:]]
    author = message.author[:AUTHOR_CAP] if message.author else message.author
    return message.model_copy(update={"thread": thread, "author": author})


def _without_surrogates(message: Message) -> Message:
    """Lone surrogates (possible in Python strings, invalid in UTF-8) become U+FFFD."""

    def clean(text: str) -> str:
        return SURROGATE.sub("\ufffd", text)

    return message.model_copy(
        update={
            "text": clean(message.text),
            "post": clean(message.post) if message.post else message.post,
            "author": clean(message.author) if message.author else message.author,
            "thread": [clean(t) for t in message.thread],
        }
    )


def resolve_tones(profile: VoiceProfile, tones: list[str] | None) -> list[str]:
    """The requested tones, or the brand's defaults; unknown names are an InputError."""
    if not tones:
        return list(profile.brand.default_tones)
    known = profile.tones
    unknown = [t for t in tones if t not in known]
    if unknown:
        raise InputError(f"unknown tone {unknown[0]!r}; the profile defines: {', '.join(known)}")
    return list(dict.fromkeys(tones))


def _generate(backend: Backend, request: GenerationRequest, fallback: bool) -> Generation:
    try:
        return backend.generate(request)
    except BackendError as exc:
        if not fallback or backend.name == "offline":
            raise
        generation = OfflineBackend().generate(request)
        generation.fallback_reason = str(exc)
        generation.notices.append(f"{backend.name} backend failed ({exc}); these drafts come from the offline composer")
        return generation


def _check_and_repair(generation: Generation, request: GenerationRequest, backend: Backend) -> list[Draft]:
    texts = {tone: generation.drafts.get(tone, "") for tone in request.tones}
    secret = tuple(generation.confidential)
    drafts = [_checked(tone, text, request, _others(texts, tone), secret) for tone, text in texts.items()]
    failures = {d.tone: blocking(d.checks) for d in drafts if not d.ok}
    if not failures:
        return drafts
    repairer = backend if generation.backend == backend.name else OfflineBackend()
    try:
        repaired = repairer.repair(RepairRequest(request=request, drafts=generation.drafts, failures=failures))
    except BackendError as exc:
        generation.notices.append(f"repair failed ({exc}); drafts are shown with their failed checks")
        return drafts
    final = {d.tone: repaired.drafts.get(d.tone, d.text) if d.tone in failures else d.text for d in drafts}
    secret += tuple(repaired.confidential)
    if generation.usage is not None:  # usage.requests counts the repair request too
        generation.usage = generation.usage.plus(repaired.usage)
    return [
        _repaired(d, final[d.tone], request, _others(final, d.tone), secret) if d.tone in failures else d
        for d in drafts
    ]


def _others(texts: dict[str, str], tone: str) -> list[str]:
    return [text for other, text in texts.items() if other != tone]


def _repaired(
    original: Draft, text: str, request: GenerationRequest, siblings: list[str], secret: tuple[str, ...]
) -> Draft:
    candidate = _checked(original.tone, text, request, siblings, secret).model_copy(update={"repaired": True})
    return candidate if len(blocking(candidate.checks)) <= len(blocking(original.checks)) else original


def _checked(
    tone: str, text: str, request: GenerationRequest, siblings: list[str], secret: tuple[str, ...] = ()
) -> Draft:
    ctx = CheckContext(
        text=text,
        message=request.message,
        analysis=request.analysis,
        profile=request.profile,
        history=request.history,
        siblings=siblings,
        confidential=secret,
    )
    results = run_checks(ctx)
    return Draft(tone=tone, text=text, ok=not blocking(results), checks=results)
