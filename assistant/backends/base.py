"""What every backend takes and returns; the pipeline depends only on this."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from assistant.models import Analysis, CheckResult, Message, Usage
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
    # The writer's word on requested tones that did not fit the message.
    tone_note: str | None = None
    # Why a person should look closely at this set (a reading of low confidence), or None.
    needs_attention: str | None = None


class Backend(Protocol):
    """A drafting backend: writes drafts and repairs failed ones."""

    name: str

    def generate(self, request: GenerationRequest) -> Generation:
        """Write one draft per requested tone."""
        ...

    def repair(self, repair: RepairRequest) -> Generation:
        """Rewrite the failed drafts so the named checks pass."""
        ...
