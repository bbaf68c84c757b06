"""Data passed between the pipeline stages: Message in, DraftSet out."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.defaults import Channel, Mode, Platform

Intent = Literal[
    "refund_request",
    "order_status",
    "delivery_problem",
    "damaged_or_wrong_item",
    "defect",
    "billing",
    "order_via_message",
    "product_question",
    "praise",
    "criticism",
    "collaboration",
    "troll",
    "spam",
    "other",
]
INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]
Sentiment = Literal["positive", "neutral", "negative"]
Urgency = Literal["low", "medium", "high"]
Severity = Literal["block", "warn"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Message(_Model):
    """One incoming comment or DM (or, in outreach mode, another creator's post)."""

    text: str = ""
    platform: Platform
    channel: Channel = "comment"
    mode: Mode = "reply"
    author: str | None = None
    post: str | None = None
    thread: list[str] = Field(default_factory=list)


class Span(_Model):
    """A piece of personal data found in the message."""

    kind: Literal["email", "phone", "order_id", "iban", "card"]
    start: int
    end: int
    text: str


class Entities(_Model):
    """Concrete things the message mentions."""

    order_ids: list[str] = Field(default_factory=list)
    products: list[str] = Field(default_factory=list)
    amounts: list[str] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Escalation(_Model):
    """Which team must act, and why."""

    team: str
    reason: str


class Analysis(_Model):
    """What the message is: language, intent, mood, entities, escalation, risk."""

    language: str
    detected_language: str
    intent: Intent
    secondary_intents: list[Intent] = Field(default_factory=list)
    sentiment: Sentiment
    urgency: Urgency
    entities: Entities = Field(default_factory=Entities)
    pii: list[Span] = Field(default_factory=list)
    escalation: Escalation | None = None
    injection_suspected: bool = False
    recommend_reply: bool = True
    notes: list[str] = Field(default_factory=list)


class CheckResult(_Model):
    """The outcome of one quality check on one draft."""

    name: str
    ok: bool
    severity: Severity = "block"
    detail: str = ""


class Draft(_Model):
    """One reply text for one tone, with its check results."""

    tone: str
    text: str
    ok: bool = True
    checks: list[CheckResult] = Field(default_factory=list)
    repaired: bool = False


class Handoff(_Model):
    """An internal note for the team that must act."""

    team: str
    note: str
    contact: str | None = None


class DraftSet(_Model):
    """Everything one drafting run produced; serialises to the DESIGN.md contract."""

    backend: str
    profile: str
    elapsed_ms: float
    message: Message
    analysis: Analysis
    drafts: list[Draft]
    handoff: Handoff | None = None
    notices: list[str] = Field(default_factory=list)
    usage: dict[str, Any] | None = None
    fallback_reason: str | None = None

    def contract(self) -> dict[str, Any]:
        """Return the JSON object that `replyvoice draft --json` prints."""
        data = self.model_dump(mode="json", exclude={"message"})
        data["elapsed_ms"] = round(self.elapsed_ms, 1)
        return data
