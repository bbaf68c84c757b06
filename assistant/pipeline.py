"""The pipeline: analyse -> generate -> reconcile the readings -> check -> repair once -> DraftSet.

Reconciling the readings: a model that returns its own reading of the message (the openai backend)
is usually right where cue rules are not (irony, negation, context). So the model's intent,
sentiment and sarcasm win, except that a refund request the rules saw stays one; the model's
team wins too (including "no team"), unless the rules chose their team on hard evidence: an order
number in the message or a refund request. Every field where the two differ is listed in
``analysis.disagreements`` (with the reading that was kept) and in the handoff note; the model's
reading itself is kept in ``analysis.model_reading``.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Generator, Iterator

from assistant.analysis.reading import analyse
from assistant.backends.base import (
    Backend,
    FinishedDraft,
    Generation,
    GenerationRequest,
    RepairRequest,
    StreamingBackend,
    tone_note,
)
from assistant.backends.offline.composer import OfflineBackend
from assistant.defaults import (
    AUTHOR_CAP,
    MESSAGE_HARD_CAP,
    MESSAGE_SOFT_CAP,
    SERVER_TEXT_CAP,
    THREAD_MESSAGE_CAP,
    THREAD_MESSAGES_CAP,
)
from assistant.errors import BackendError, InputError
from assistant.guard.checks import CheckContext, blocking, run_checks
from assistant.handoff import build_handoff
from assistant.history.recall import Recall, recall
from assistant.history.store import Store
from assistant.models import Analysis, Disagreement, Draft, DraftSet, Escalation, Handoff, Message, ModelReading
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
    run = _run(message, profile, tones, backend, fallback=fallback, history=history, avoid=avoid, stream=False)
    *_, result = run
    assert isinstance(result, DraftSet)
    return result


def draft_stream(
    message: Message,
    profile: VoiceProfile,
    tones: list[str] | None = None,
    backend: Backend | None = None,
    *,
    fallback: bool = True,
    history: Store | None = None,
    avoid: list[str] | None = None,
) -> Iterator[Draft | DraftSet]:
    """Like draft(), but yields each checked Draft as soon as its text is complete, then the DraftSet.

    With a streaming backend (openai) the drafts come one by one while the model writes; the final
    DraftSet is authoritative (repairs and an offline fallback show only there). Other backends
    yield their drafts together once they are checked.
    """
    yield from _run(message, profile, tones, backend, fallback=fallback, history=history, avoid=avoid, stream=True)


def _run(
    message: Message,
    profile: VoiceProfile,
    tones: list[str] | None,
    backend: Backend | None,
    *,
    fallback: bool,
    history: Store | None,
    avoid: list[str] | None,
    stream: bool,
) -> Iterator[Draft | DraftSet]:
    """The one drafting run behind draft() and draft_stream()."""
    started = time.perf_counter()
    request, notices = build_request(message, profile, tones, history=history, avoid=avoid)
    message = request.message
    chosen = backend or OfflineBackend()
    streaming = stream and isinstance(chosen, StreamingBackend)
    if streaming:
        generation = yield from _streamed(chosen, request, fallback)  # type: ignore[arg-type]
    else:
        generation = _generate(chosen, request, fallback)
    request = reconciled(request, generation.reading)
    drafts = _check_and_repair(generation, request, chosen)
    if stream and not streaming:
        yield from drafts
    told = next((d for d in drafts if d.ok), drafts[0])
    yield DraftSet(
        backend=generation.backend,
        profile=profile.key,
        elapsed_ms=(time.perf_counter() - started) * 1000,
        message=message,
        analysis=request.analysis,
        drafts=drafts,
        handoff=_with_disagreements(
            build_handoff(message, request.analysis, profile, f"({told.tone}) {told.text}"), request
        ),
        notices=notices + generation.notices,
        usage=generation.usage,
        fallback_reason=generation.fallback_reason,
        tone_note=generation.tone_note or tone_note(request),
        needs_attention=_spam_note(request.analysis) or generation.needs_attention,
    )


SPAM_NOTE = "spam: better not to reply; hide or delete it and report the account"


def _spam_note(analysis: Analysis) -> str | None:
    """Spam needs no reply: any reply gives it reach, so the draft set says so (the person decides)."""
    return None if analysis.recommend_reply else SPAM_NOTE


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
    if message.mode == "outreach" and not (message.post or "").strip():  # the post pasted as the message
        message = message.model_copy(update={"post": message.text, "text": ""})
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
        return _fallback(request, exc, backend.name)


def _streamed(
    backend: StreamingBackend, request: GenerationRequest, fallback: bool
) -> Generator[Draft, None, Generation]:
    """Check and yield each draft the backend finishes; return its Generation (or the offline fallback)."""
    finished: dict[str, str] = {}
    try:
        for event in backend.stream(request):
            if isinstance(event, Generation):
                return event
            finished[event.tone] = event.text
            yield _early(event, request, finished)
        raise BackendError(f"{backend.name} backend: the stream ended without a draft set")
    except BackendError as exc:
        if not fallback:
            raise
        return _fallback(request, exc, backend.name)


def _early(event: FinishedDraft, request: GenerationRequest, finished: dict[str, str]) -> Draft:
    """A streamed draft, checked with what is known so far (the final set is checked again)."""
    early = reconciled(request, event.reading)
    return _checked(event.tone, event.text, early, _others(finished, event.tone), event.confidential)


def _fallback(request: GenerationRequest, exc: BackendError, name: str) -> Generation:
    """The offline composer's drafts, with the reason the backend failed (one line, capped)."""
    reason = _one_line(str(exc))
    generation = OfflineBackend().generate(request)
    generation.fallback_reason = reason
    generation.usage = getattr(exc, "usage", None)  # what the failed attempts cost (requests, tokens)
    generation.notices.append(f"{name} backend failed ({reason}); these drafts come from the offline composer")
    return generation


def _one_line(text: str, cap: int = SERVER_TEXT_CAP) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= cap else flat[:cap] + " …"


# ---------------------------------------------------------------- the two readings


def reconciled(request: GenerationRequest, reading: ModelReading | None) -> GenerationRequest:
    """The request with its analysis reconciled with the model's reading (see the module docstring)."""
    if reading is None:
        return request
    return dataclasses.replace(request, analysis=reconcile(request.analysis, reading, request.profile))


def reconcile(analysis: Analysis, reading: ModelReading, profile: VoiceProfile) -> Analysis:
    """The rules' analysis with the model's reading merged in by the documented rule, differences listed."""
    intents = {analysis.intent, *analysis.secondary_intents}
    refund = "refund_request" in intents
    evidence = bool(analysis.entities.order_ids) or refund
    update: dict[str, object] = {"model_reading": reading}
    differences: list[Disagreement] = []

    def weigh(field: str, rules: object, model: object, model_wins: bool) -> None:
        if rules == model:
            return
        kept = "model" if model_wins else "rules"
        differences.append(Disagreement(field=field, rules=_shown(rules), model=_shown(model), kept=kept))
        if model_wins:
            update[field] = model

    weigh("intent", analysis.intent, reading.intent, not (refund and analysis.intent == "refund_request"))
    weigh("sentiment", analysis.sentiment, reading.sentiment, True)
    if "sarcasm" in type(analysis).model_fields:
        weigh("sarcasm", getattr(analysis, "sarcasm", False), reading.sarcasm, True)
    rules_team = analysis.escalation.team if analysis.escalation else None
    keep_rules_team = evidence and rules_team is not None
    weigh("team", rules_team, reading.team, not keep_rules_team)
    if "team" in update:
        del update["team"]
        update["escalation"] = _escalation(reading)
    update["disagreements"] = differences
    return analysis.model_copy(update=update)


def _escalation(reading: ModelReading) -> Escalation | None:
    if reading.team is None:
        return None
    return Escalation(team=reading.team, reason=f"the model's reading: {reading.intent.replace('_', ' ')}")


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


_DIFFER = {
    "de": ("Regeln und Modell lesen die Nachricht unterschiedlich", {"rules": "Regeln", "model": "Modell"}),
    "en": ("The rules and the model read the message differently", {"rules": "rules", "model": "model"}),
}


def _with_disagreements(handoff: Handoff | None, request: GenerationRequest) -> Handoff | None:
    """The handoff note plus one line naming where the two readings differed and which was kept."""
    differences = request.analysis.disagreements
    if handoff is None or not differences:
        return handoff
    title, who = _DIFFER.get(request.profile.brand.default_language, _DIFFER["en"])
    parts = [f"{d.field} {d.rules} ({who['rules']}) / {d.model} ({who['model']}) → {who[d.kept]}" for d in differences]
    return handoff.model_copy(update={"note": f"{handoff.note}\n{title}: {'; '.join(parts)}"})


def _check_and_repair(generation: Generation, request: GenerationRequest, backend: Backend) -> list[Draft]:
    texts = {tone: generation.drafts.get(tone, "") for tone in request.tones}
    secret = tuple(generation.confidential)
    drafts = [_checked(tone, text, request, _others(texts, tone), secret) for tone, text in texts.items()]
    failures = {d.tone: blocking(d.checks) for d in drafts if not d.ok}
    if not failures:
        return drafts
    repairer = backend if generation.backend == backend.name else OfflineBackend()
    try:
        deadline = generation.deadline
        repaired = repairer.repair(
            RepairRequest(request=request, drafts=generation.drafts, failures=failures, deadline=deadline)
        )
    except BackendError as exc:
        generation.notices.append(f"repair failed ({_one_line(str(exc))}); drafts are shown with their failed checks")
        if generation.usage is not None:  # the failed repair's requests count too
            generation.usage = generation.usage.plus(getattr(exc, "usage", None))
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
    tone: str, text: str, request: GenerationRequest, siblings: list[str], secret: tuple[str, ...] | list[str] = ()
) -> Draft:
    ctx = CheckContext(
        text=text,
        message=request.message,
        analysis=request.analysis,
        profile=request.profile,
        history=request.history,
        siblings=siblings,
        confidential=tuple(secret),
    )
    results = run_checks(ctx)
    return Draft(tone=tone, text=text, ok=not blocking(results), checks=results)
