"""What every backend takes and returns; the pipeline depends only on this."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from assistant.defaults import COMPLAINT_INTENTS, LIGHT_TONE_CUES
from assistant.models import Analysis, CheckResult, Message, ModelReading, Usage
from assistant.profiles.loading import VoiceProfile

# One chat message as OpenAI-compatible APIs take it: {"role": ..., "content": ...}.
ChatMessage = dict[str, str]


@dataclass(frozen=True, kw_only=True)
class GenerationRequest:
    """Everything a backend needs to write one draft per tone."""

    message: Message
    analysis: Analysis
    profile: VoiceProfile
    tones: list[str]
    # Approved replies similar to this message (few-shot examples for the LLM, inspiration offline).
    examples: list[str] = field(default_factory=list)
    # The brand's recent approved replies on this platform: drafts must not repeat them.
    history: list[str] = field(default_factory=list)
    # Texts this request must not produce again (e.g. the draft a person asked to redraft).
    avoid: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class RepairRequest:
    """A second attempt for the drafts that failed blocking checks."""

    request: GenerationRequest
    drafts: dict[str, str]
    failures: dict[str, list[CheckResult]]
    # The draft set's deadline on the backend's clock (Generation.deadline): a repair gets no fresh time.
    deadline: float | None = None


@dataclass(kw_only=True)
class Generation:
    """Draft texts by tone, plus what the backend wants the user to know."""

    drafts: dict[str, str]
    backend: str
    usage: Usage | None = None
    notices: list[str] = field(default_factory=list)
    # Set when another backend failed and these drafts are the offline fallback.
    fallback_reason: str | None = None
    # What the writer was shown that no draft may quote (the system prompt, its canary).
    confidential: list[str] = field(default_factory=list)
    # The model's own reading of the message (None: the backend has no reading of its own).
    reading: ModelReading | None = None
    # The writer's word on requested tones that did not fit the message.
    tone_note: str | None = None
    # When this draft set's time runs out, on the backend's clock (None: no deadline).
    deadline: float | None = None
    # Why a person should look closely at this set (a reading of low confidence), or None.
    needs_attention: str | None = None


@dataclass(frozen=True, kw_only=True)
class FinishedDraft:
    """One draft whose text is complete while the rest of the set is still being written."""

    tone: str
    text: str
    # The model's reading (it comes before the drafts) and what no draft may quote, for checking it at once.
    reading: ModelReading | None = None
    confidential: tuple[str, ...] = ()


class Backend(Protocol):
    """A drafting backend: writes drafts and repairs failed ones."""

    name: str

    def generate(self, request: GenerationRequest) -> Generation:
        """Write one draft per requested tone."""
        ...

    def repair(self, repair: RepairRequest) -> Generation:
        """Rewrite the failed drafts so the named checks pass."""
        ...


@runtime_checkable
class StreamingBackend(Protocol):
    """A backend that hands out each draft as soon as its text is complete."""

    name: str

    def stream(self, request: GenerationRequest) -> Iterator[FinishedDraft | Generation]:
        """Yield each finished draft as it is written, then the whole Generation last."""
        ...


def is_complaint(analysis: Analysis) -> bool:
    """A negative message about money or trouble (a refund demand, a price rant, a late or broken order)."""
    intents = {analysis.intent, *analysis.secondary_intents}
    return analysis.sentiment == "negative" and bool(intents & COMPLAINT_INTENTS)


def unfit_tones(request: GenerationRequest) -> list[str]:
    """Requested tones that joke, when the message is a complaint about money or trouble."""
    if request.message.mode == "outreach" or not is_complaint(request.analysis):
        return []
    instructions = request.profile.tones
    return [
        tone
        for tone in request.tones
        if any(cue in f"{tone} {instructions.get(tone, '')}".casefold() for cue in LIGHT_TONE_CUES)
    ]


def tone_note(request: GenerationRequest) -> str | None:
    """The rules' note on tones that did not fit (used when the writer gave none)."""
    unfit = unfit_tones(request)
    if not unfit:
        return None
    names = ", ".join(unfit)
    return (
        f"{names}: the message is a complaint about money or trouble, so no joke; "
        "written in the tone's gentle form (light, never at the person's expense)"
    )
