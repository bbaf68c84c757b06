"""Data passed between the pipeline stages: Message in, DraftSet out."""

from __future__ import annotations

import warnings
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
    "service_complaint",
    "stock_question",
    "job_application",
]
INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]
Sentiment = Literal["positive", "neutral", "negative"]
Urgency = Literal["low", "medium", "high"]
Wants = Literal["information", "refund", "replacement", "attention", "nothing", "other"]
Emotion = Literal["angry", "disappointed", "worried", "joking", "happy", "curious", "neutral"]
UNHAPPY: frozenset[str] = frozenset({"angry", "disappointed", "worried"})  # no cheer, no thanks alone
Register = Literal["formal", "casual"]
Severity = Literal["block", "warn"]


def brand_of(profile_key: str) -> str:
    """The brand part of a profile key such as "bohnenkiez/tiktok"."""
    return profile_key.partition("/")[0]


class StrictModel(BaseModel):
    """The base of every data model: unknown fields are an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Message(StrictModel):
    """One incoming comment or DM (or, in outreach mode, another creator's post)."""

    text: str = ""
    platform: Platform
    channel: Channel = "comment"
    mode: Mode = "reply"
    author: str | None = None
    post: str | None = None
    thread: list[str] = Field(default_factory=list)


class Span(StrictModel):
    """A piece of personal data found in the message."""

    kind: Literal["email", "phone", "order_id", "iban", "card", "address", "name", "id_number", "ip"]
    start: int
    end: int
    text: str


class Entities(StrictModel):
    """Concrete things the message mentions."""

    order_ids: list[str] = Field(default_factory=list)
    products: list[str] = Field(default_factory=list)
    amounts: list[str] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Escalation(StrictModel):
    """Which team must act, and why."""

    team: str
    reason: str


class ModelQuestion(StrictModel):
    """A question the model found in the message and the profile fact that answers it (None: no fact does)."""

    text: str
    fact: str | None = None


class ModelReading(StrictModel):
    """The model's own reading of the message, returned beside its drafts (team None: no team must act)."""

    intent: Intent
    sentiment: Sentiment
    sarcasm: bool = False
    team: str | None = None
    questions: list[ModelQuestion] = Field(default_factory=list)


class Disagreement(StrictModel):
    """One field the rules and the model read differently, and whose reading the pipeline kept."""

    field: str
    rules: str
    model: str
    kept: Literal["rules", "model"]


class Question(StrictModel):
    """One question in the message and the profile fact that answers it (None: no fact does)."""

    text: str
    fact: str | None = None


class Reading(StrictModel):
    """The message read once: folded text, word tokens and their stems (for every analysis module)."""

    folded: str = ""
    tokens: list[str] = Field(default_factory=list)
    stems: list[str] = Field(default_factory=list)


with warnings.catch_warnings():
    # "register" is a key of the JSON contract; it shadows only ABCMeta.register, never called on an Analysis.
    warnings.filterwarnings("ignore", 'Field name "register"', UserWarning)

    class Analysis(StrictModel):
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
        wants: Wants = "nothing"
        sarcasm: bool = False
        emotion: Emotion = "neutral"
        register: Register = "casual"
        questions: list[Question] = Field(default_factory=list)
        in_dm_already: bool = False
        injection_fields: list[str] = Field(default_factory=list)
        confidence: float = Field(default=1.0, ge=0.0, le=1.0)
        confidence_reason: str | None = None
        # The normalised message, computed once in analyse(); internal, never part of the JSON contract.
        reading: Reading | None = Field(default=None, exclude=True, repr=False)
        # Set by the pipeline when a model returned its own reading (openai backend): see pipeline.reconcile.
        model_reading: ModelReading | None = None
        disagreements: list[Disagreement] = Field(default_factory=list)


class CheckResult(StrictModel):
    """The outcome of one quality check on one draft."""

    name: str
    ok: bool
    severity: Severity = "block"
    detail: str = ""


class Draft(StrictModel):
    """One reply text for one tone, with its check results."""

    tone: str
    text: str
    ok: bool = True
    checks: list[CheckResult] = Field(default_factory=list)
    repaired: bool = False


class Handoff(StrictModel):
    """An internal note for the team that must act."""

    team: str
    note: str
    contact: str | None = None


class Usage(StrictModel):
    """What drafting with a model cost: requests (repairs included), tokens and an estimated price."""

    model: str
    requests: int = 1
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cached_tokens: int | None = None
    estimated_cost_usd: float | None = None
    reported_by_server: bool = False
    system_tokens: int | None = None
    user_tokens: int | None = None
    tokenizer: str | None = None
    token_count_is_estimate: bool = False
    output_format: str | None = None
    batch_api: bool = False

    def plus(self, other: Usage | None) -> Usage:
        """This usage and another request's (a repair) added up: requests, tokens and cost."""
        if other is None:
            return self

        def add(a: float | None, b: float | None) -> float | None:
            return None if a is None or b is None else a + b

        return self.model_copy(
            update={
                "requests": self.requests + other.requests,
                "prompt_tokens": add(self.prompt_tokens, other.prompt_tokens),
                "completion_tokens": add(self.completion_tokens, other.completion_tokens),
                "cached_tokens": add(self.cached_tokens, other.cached_tokens),
                "estimated_cost_usd": add(self.estimated_cost_usd, other.estimated_cost_usd),
            }
        )


class DraftSet(StrictModel):
    """Everything one drafting run produced; serialises to the DESIGN.md contract."""

    backend: str
    profile: str
    elapsed_ms: float
    message: Message
    analysis: Analysis
    drafts: list[Draft]
    handoff: Handoff | None = None
    notices: list[str] = Field(default_factory=list)
    usage: Usage | None = None
    fallback_reason: str | None = None
    # Which requested tones did not fit this message and what was written instead (None: all fitted).
    tone_note: str | None = None
    # Why a person should look closely at this set (e.g. a reading of low confidence), or None.
    needs_attention: str | None = None

    def contract(self) -> dict[str, Any]:
        """Return the JSON object that `replyvoice draft --json` prints."""
        data = self.model_dump(mode="json", exclude={"message"})
        data["elapsed_ms"] = round(self.elapsed_ms, 1)
        return data
