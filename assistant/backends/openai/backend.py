"""The `openai` backend: any OpenAI-compatible chat-completions endpoint.

All tones are written in one request that returns JSON (``response_format`` with a
JSON schema where the server supports it, JSON mode or a plain-text parse where it
does not; the capability is remembered per backend instance). Retries, Retry-After
and timeouts are handled here, not by the SDK, so that one generate() call never
takes longer than the configured deadline. The SDK is imported lazily.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import contextvars
import dataclasses
import json
import re
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ValidationError

from assistant import defaults
from assistant.backends.base import ChatMessage, FinishedDraft, Generation, GenerationRequest, RepairRequest
from assistant.backends.openai.discovery import clean_model_id
from assistant.backends.openai.prompting import confidential, restore_drafts
from assistant.backends.openai.streaming import DraftScanner
from assistant.backends.openai.tokens import (
    Budgeted,
    EncodingIntegrityError,
    budget_request,
    count_messages,
    estimate_cost,
)
from assistant.errors import BackendError, ConfigError
from assistant.models import INTENTS, ModelReading, Usage
from assistant.profiles.loading import VoiceProfile
from assistant.settings import OpenAISettings, load_settings

Mode = Literal["json_schema", "json_object", "text"]
MODES: tuple[Mode, ...] = ("json_schema", "json_object", "text")

DRAFTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["drafts"],
    "properties": {
        "drafts": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["tone", "text"],
                "properties": {"tone": {"type": "string"}, "text": {"type": "string"}},
            },
        }
    },
}

# The reading's team when none must act.
NO_TEAM = "none"


def answer_schema(profile: VoiceProfile) -> dict[str, Any]:
    """The JSON schema of a draft set: the model's reading first, then a tone note, then the drafts."""
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": ["text", "fact"],
        "properties": {"text": {"type": "string"}, "fact": {"type": ["string", "null"]}},
    }
    reading = {
        "type": "object",
        "additionalProperties": False,
        "required": ["intent", "sentiment", "sarcasm", "team", "questions"],
        "properties": {
            "intent": {"type": "string", "enum": list(INTENTS)},
            "sentiment": {"type": "string", "enum": ["positive", "neutral", "negative"]},
            "sarcasm": {"type": "boolean"},
            "team": {"type": "string", "enum": [*profile.brand.escalation, NO_TEAM]},
            "questions": {"type": "array", "items": question},
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["reading", "tone_note", "drafts"],
        "properties": {
            "reading": reading,
            "tone_note": {"type": ["string", "null"]},
            "drafts": DRAFTS_SCHEMA["properties"]["drafts"],
        },
    }


_FORMAT_WORDS = re.compile(r"response_format|json_schema|json_object|structured|format", re.I)
# The unusable answer is quoted back in the format fix up to this many characters.
FIX_EXCERPT_CHARS = 1_000
_TOKEN_WORDS = re.compile(r"max_tokens|max_completion_tokens", re.I)


class MalformedOutput(ValueError):
    """The model's answer is not the JSON object with one draft per requested tone."""


class _DraftItem(BaseModel):
    tone: str
    text: str


class _Payload(BaseModel):
    drafts: list[_DraftItem]
    reading: Any = None
    tone_note: Any = None


@dataclass(frozen=True, kw_only=True)
class Parsed:
    """A usable answer: text by requested tone, the model's reading (if it gave one) and its tone note."""

    drafts: dict[str, str]
    reading: ModelReading | None = None
    tone_note: str | None = None


class DoctorCheck(NamedTuple):
    """One line of `replyvoice doctor`: what was checked, whether it passed, detail or fix."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, kw_only=True)
class _Shape:
    """What the answer must look like: the schema sent as response_format and whether it has a reading."""

    name: str
    schema: dict[str, Any]
    with_reading: bool

    @classmethod
    def full(cls, profile: VoiceProfile) -> _Shape:
        """A draft set: reading, tone note, drafts."""
        return cls(name="draft_set", schema=answer_schema(profile), with_reading=True)

    @classmethod
    def drafts_only(cls) -> _Shape:
        """Repairs and the doctor's ping: drafts only."""
        return cls(name="drafts", schema=DRAFTS_SCHEMA, with_reading=False)


@dataclass(kw_only=True)
class _Answer:
    content: str | None
    finish_reason: str | None
    refusal: str | None


@dataclass(kw_only=True)
class _Call:
    """One generate()/repair() call: its deadline, request count and token usage."""

    deadline: float
    clock: Callable[[], float]
    sleep: Callable[[float], None]
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int | None = None
    cost: float | None = 0.0
    reported: bool = False
    notices: list[str] = field(default_factory=list)

    def remaining(self) -> float:
        """Seconds left before the deadline."""
        return self.deadline - self.clock()


# ---------------------------------------------------------------- parsing


def parse_drafts(content: str | None, tones: list[str]) -> dict[str, str]:
    """Validate the model's answer; return text by requested tone or raise MalformedOutput."""
    return parse_answer(content, tones).drafts


def parse_answer(content: str | None, tones: list[str], profile: VoiceProfile | None = None) -> Parsed:
    """Validate the model's answer: drafts by tone (or MalformedOutput), its reading and tone note if usable."""
    if not content or not content.strip():
        raise MalformedOutput("the answer was empty")
    try:
        payload = _Payload.model_validate(_coerce(_load_json(content)))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "top level"
        raise MalformedOutput(f"{where}: {err['msg']}") from None
    note = payload.tone_note.strip() if isinstance(payload.tone_note, str) else ""
    return Parsed(
        drafts=_by_tone(payload, tones),
        reading=parse_reading(payload.reading, profile),
        tone_note=one_line(note, defaults.SERVER_TEXT_CAP) or None,
    )


def parse_reading(data: Any, profile: VoiceProfile | None = None) -> ModelReading | None:
    """The model's reading, with teams and facts the profile does not know dropped (None: unusable)."""
    if not isinstance(data, dict):
        return None
    try:
        team = data.get("team")
        reading = ModelReading.model_validate({**data, "team": None if team in (None, "", NO_TEAM) else team})
    except (ValidationError, TypeError):
        return None
    if profile is None:
        return reading
    teams, facts = set(profile.brand.escalation), {f.id for f in profile.brand.facts}
    questions = [q.model_copy(update={"fact": q.fact if q.fact in facts else None}) for q in reading.questions]
    return reading.model_copy(update={"team": reading.team if reading.team in teams else None, "questions": questions})


def one_line(text: str, cap: int) -> str:
    """Server-supplied text as one line of at most `cap` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= cap else flat[:cap] + " …"


def _load_json(content: str) -> Any:
    text = content.strip()
    fenced = re.match(r"^```(?:json)?\s*(.*?)\s*```$", text, re.S)
    text = fenced.group(1) if fenced else text
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise MalformedOutput("the answer contains no JSON object")
    try:
        return json.loads(text[start : end + 1])
    except json.JSONDecodeError as exc:
        raise MalformedOutput(f"invalid JSON ({exc.msg} at character {exc.pos})") from None
    except RecursionError:
        raise MalformedOutput("the JSON is nested too deeply") from None


def _coerce(data: Any) -> Any:
    """Accept {"warm": "..."} as well as the documented {"drafts": [...]}."""
    plain = isinstance(data, dict) and data and "drafts" not in data
    if plain and all(isinstance(v, str) for v in data.values()):
        return {"drafts": [{"tone": k, "text": v} for k, v in data.items()]}
    return data


def _by_tone(payload: _Payload, tones: list[str]) -> dict[str, str]:
    wanted = {t.lower(): t for t in tones}
    found: dict[str, str] = {}
    for item in payload.drafts:
        tone = wanted.get(item.tone.strip().lower())
        if tone and item.text.strip() and tone not in found:
            found[tone] = item.text.strip()
    missing = [t for t in tones if t not in found]
    if missing:
        raise MalformedOutput(f"no draft for tone(s): {', '.join(missing)}")
    return {t: found[t] for t in tones}


# ---------------------------------------------------------------- backend


Send = Callable[[dict[str, Any], float], Any]


class OpenAIBackend:
    """Drafts with an OpenAI-compatible endpoint; one request for all tones."""

    name = "openai"

    def __init__(
        self,
        *,
        settings: OpenAISettings,
        prompts_dir: Path | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        send: Send | None = None,
    ) -> None:
        """`send(params, seconds)` replaces the HTTP call (batch routes it through one async client);
        it must raise TimeoutError when the seconds run out."""
        import openai

        self.settings = settings
        self.mode: Mode = "json_schema"
        self.token_param = "max_completion_tokens" if settings.is_openai else "max_tokens"
        self._prompts_dir, self._sleep, self._clock = prompts_dir, sleep, clock
        self._openai = openai
        self._client: Any = self._new_client() if send is None else None  # `send` brings its own HTTP
        self._send = send or self._send_in_thread
        # Several app sessions may share one backend: don't let one slow request queue the others.
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="replyvoice-openai")

    @classmethod
    def from_config(cls, **options: Any) -> OpenAIBackend:
        """Build from load_settings(**options): explicit options, environment, config file."""
        return cls(settings=load_settings(**options))

    def _new_client(self) -> Any:
        """The SDK client over a capped transport: bytes, decoded size and time per response, one host."""
        import httpx2

        from assistant.backends.openai.transport import CappedTransport

        transport = CappedTransport(base_url=self.settings.base_url, seconds=self.settings.deadline)
        http = httpx2.Client(transport=transport, follow_redirects=True, trust_env=False)
        return self._openai.OpenAI(
            api_key=self.settings.api_key,
            base_url=self.settings.base_url,
            max_retries=0,
            timeout=self._timeout(self.settings.read_timeout),
            http_client=http,
        )

    def close(self) -> None:
        """Close the HTTP connection pool and the worker thread."""
        if self._client is not None:
            self._client.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> OpenAIBackend:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------ protocol

    def generate(self, request: GenerationRequest) -> Generation:
        """Write one draft per requested tone in a single request (plus one format fix at most)."""
        budget = self.budget(request)
        call = self._start()
        limit = request.profile.limit(request.message.channel)
        shape = _Shape.full(request.profile)
        with self._accounted(call, budget):
            parsed = self._drafts(budget.messages, list(request.tones), limit, call, request, shape)
        return self._generation(parsed, call, budget, budget.request)

    def repair(self, repair: RepairRequest) -> Generation:
        """Rewrite the drafts that failed blocking checks, in one request, within the draft set's deadline."""
        from assistant.backends.openai.prompting import build_repair_messages

        budget = self.budget(repair.request)
        repair = dataclasses.replace(repair, request=budget.request)
        messages = build_repair_messages(repair, directory=self._prompts_dir)
        self._check_context(messages)
        tones = [t for t in repair.failures if t in repair.drafts] or list(repair.drafts)
        call = self._start(repair.deadline)
        limit = repair.request.profile.limit(repair.request.message.channel)
        with self._accounted(call, budget):
            parsed = self._drafts(messages, tones, limit, call, repair.request, _Shape.drafts_only())
        return self._generation(Parsed(drafts=parsed.drafts), call, budget, repair.request)

    def stream(self, request: GenerationRequest) -> Iterator[FinishedDraft | Generation]:
        """Like generate(), but yield each draft as soon as the model has written its text, then the Generation."""
        if self._client is None:  # a custom `send` (batch) has no stream: everything at the end
            yield self.generate(request)
            return
        budget = self.budget(request)
        call = self._start()
        shape = _Shape.full(request.profile)
        secret = tuple(confidential(request.profile, directory=self._prompts_dir))
        tones = list(request.tones)
        scanner = DraftScanner(tones)
        with self._accounted(call, budget):
            answer = yield from self._streamed(budget, call, shape, scanner, secret)
            parsed = self._parse_or_fix(answer, budget, call, shape, request)
        yield self._generation(parsed, call, budget, budget.request)

    def _parse_or_fix(
        self, answer: _Answer, budget: Budgeted, call: _Call, shape: _Shape, request: GenerationRequest
    ) -> Parsed:
        """The streamed answer parsed, or the format fix as generate() does it (not streamed)."""
        tones = list(request.tones)
        try:
            return parse_answer(answer.content, tones, request.profile)
        except MalformedOutput as exc:
            problem = _problem(exc, answer)
        call.notices.append(f"the model's first answer was unusable ({problem}); asked once more")
        limit = request.profile.limit(request.message.channel)
        retry = self._fix_messages(budget.messages, answer, problem, tones, limit, shape)
        second = self._complete(retry, call, _cache_key(request), shape)
        try:
            return parse_answer(second.content, tones, request.profile)
        except MalformedOutput as again:
            reason = _problem(again, second)
            raise BackendError(f"openai backend: the model returned unusable output twice ({reason})") from None

    @contextlib.contextmanager
    def _accounted(self, call: _Call, budget: Budgeted) -> Iterator[None]:
        """A BackendError leaving this block carries the usage so far (`exc.usage`): failed requests count too."""
        try:
            yield
        except BackendError as exc:
            exc.usage = self._usage(call, budget)  # type: ignore[attr-defined]
            raise

    def _streamed(
        self, budget: Budgeted, call: _Call, shape: _Shape, scanner: DraftScanner, secret: tuple[str, ...]
    ) -> Generator[FinishedDraft, None, _Answer]:
        """Read the streamed answer, yielding finished drafts; return the whole answer."""
        from assistant.backends.openai.transport import deadline

        request = budget.request
        with deadline(time.monotonic() + max(call.remaining(), 0.0)):
            chunks = self._open_stream(budget.messages, call, _cache_key(request), shape)
            finish: str | None = None
            with contextlib.closing(chunks):
                for chunk in self._chunks(chunks, call):
                    self._add_usage(chunk, call)
                    if not chunk.choices:
                        continue
                    choice = chunk.choices[0]
                    finish = choice.finish_reason or finish
                    if getattr(choice.delta, "refusal", None):
                        raise BackendError("openai backend: the model refused to write drafts")
                    for tone, text in scanner.feed(choice.delta.content or ""):
                        reading = parse_reading(scanner.reading, request.profile)
                        restored = restore_drafts({tone: text}, request)[tone]
                        yield FinishedDraft(tone=tone, text=restored, reading=reading, confidential=secret)
        if finish == "content_filter":
            raise BackendError("openai backend: the server's content filter blocked the drafts")
        return _Answer(content=scanner.text, finish_reason=finish, refusal=None)

    def _open_stream(self, messages: list[ChatMessage], call: _Call, cache_key: str, shape: _Shape) -> Any:
        """Start a streamed completion (stepping down the format as _complete does); returns the SDK stream."""
        swapped = False
        while True:
            params = {**self._params(messages, cache_key, shape), "stream": True}
            if self.settings.is_openai:
                params["stream_options"] = {"include_usage": True}
            try:
                return self._post_stream(params, call)
            except self._openai.APIStatusError as exc:
                swapped = self._step_down(exc, swapped)

    def _step_down(self, exc: Any, swapped: bool) -> bool:
        """After a 400/422: swap the token parameter once or fall back one output format; else BackendError."""
        if exc.status_code not in (400, 422):
            raise BackendError(self._status_reason(exc)) from None
        text = _error_text(exc)
        if not swapped and _TOKEN_WORDS.search(text):
            self.token_param = _other_token_param(self.token_param)
            return True
        if self.mode != "text" and _FORMAT_WORDS.search(text):
            self.mode = MODES[MODES.index(self.mode) + 1]
            return swapped
        raise BackendError(self._status_reason(exc)) from None

    def _post_stream(self, params: dict[str, Any], call: _Call) -> Any:
        """POST a streamed request with the same retries as _post (in this thread: the stream is read here)."""
        openai, attempt = self._openai, 0
        while True:
            if call.requests and call.remaining() < defaults.MIN_ATTEMPT_SECONDS:
                raise BackendError(f"openai backend: no time left within the {self.settings.deadline:g} s limit")
            call.requests += 1
            try:
                return self._client.chat.completions.create(**params, timeout=self._timeout(call.remaining()))
            except openai.APIStatusError as exc:
                if not _retryable(exc.status_code):
                    raise
                wait, reason = self._status_wait(exc, attempt), self._status_reason(exc)
            except openai.APIConnectionError as exc:
                wait, reason = self._backoff(attempt), self._connection_reason(exc)
            except openai.OpenAIError as exc:
                raise BackendError(f"openai backend: {type(exc).__name__}: {one_line(str(exc), CAP)}") from None
            attempt += 1
            self._pause(wait, reason, attempt, call)

    def _chunks(self, stream: Any, call: _Call) -> Iterator[Any]:
        """The stream's chunks; transport and parse failures become one BackendError."""
        openai = self._openai
        try:
            for chunk in stream:
                yield chunk
                if call.remaining() <= 0:
                    raise BackendError(
                        f"openai backend: {self.settings.base_url} did not finish within the "
                        f"{self.settings.deadline:g} s limit"
                    )
        except openai.APIError as exc:
            raise BackendError(f"openai backend: the stream broke off ({one_line(str(exc), CAP)})") from None
        except (ValueError, RecursionError):
            raise BackendError("openai backend: the server's stream is not valid JSON") from None
        except Exception as exc:
            if isinstance(exc, BackendError):
                raise
            import httpx2

            if isinstance(exc, httpx2.HTTPError):
                raise BackendError(f"openai backend: the stream broke off ({type(exc).__name__})") from None
            raise

    def budget(self, request: GenerationRequest) -> Budgeted:
        """The request fitted into the configured context (BackendError when it cannot fit)."""
        s = self.settings
        try:
            return budget_request(
                request,
                model=s.model,
                context_tokens=s.context_tokens,
                max_output_tokens=s.max_output_tokens,
                message_cap=s.message_token_cap,
                directory=self._prompts_dir,
            )
        except (ConfigError, EncodingIntegrityError) as exc:
            raise BackendError(f"openai backend: {exc}") from None

    # ------------------------------------------------------------ drafting

    def _start(self, deadline: float | None = None) -> _Call:
        """A new call with the given deadline (a repair's is its draft set's), else a fresh one."""
        fresh = self._clock() + self.settings.deadline
        chosen = fresh if deadline is None else min(deadline, fresh)
        return _Call(deadline=chosen, clock=self._clock, sleep=self._sleep)

    def _check_context(self, messages: list[ChatMessage]) -> None:
        used = count_messages(messages, self.settings.model) + self.settings.max_output_tokens
        if used > self.settings.context_tokens:
            raise BackendError(
                f"openai backend: the repair prompt needs {used} tokens, more than the context "
                f"of {self.settings.context_tokens}; raise REPLYVOICE_CONTEXT_TOKENS"
            )

    def _drafts(
        self,
        messages: list[ChatMessage],
        tones: list[str],
        limit: int,
        call: _Call,
        request: GenerationRequest,
        shape: _Shape,
    ) -> Parsed:
        cache_key = _cache_key(request)
        answer = self._complete(messages, call, cache_key, shape)
        try:
            return parse_answer(answer.content, tones, request.profile)
        except MalformedOutput as exc:
            problem = _problem(exc, answer)
        call.notices.append(f"the model's first answer was unusable ({problem}); asked once more")
        retry = self._fix_messages(messages, answer, problem, tones, limit, shape)
        second = self._complete(retry, call, cache_key, shape)
        try:
            return parse_answer(second.content, tones, request.profile)
        except MalformedOutput as exc:
            problem = _problem(exc, second)
            raise BackendError(f"openai backend: the model returned unusable output twice ({problem})") from None

    def _fix_messages(
        self,
        messages: list[ChatMessage],
        answer: _Answer,
        problem: str,
        tones: list[str],
        limit: int,
        shape: _Shape,
    ) -> list[ChatMessage]:
        """The format-fix conversation; the bad answer is shortened so the context still fits."""
        from assistant.backends.openai.prompting import build_format_fix_messages

        bad = answer.content or ""
        excerpt = bad if len(bad) <= FIX_EXCERPT_CHARS else bad[:FIX_EXCERPT_CHARS] + " …"
        for shown in (excerpt, "(left out)"):
            retry = build_format_fix_messages(
                messages,
                answer=shown,
                problem=problem,
                tones=tones,
                limit=limit,
                with_reading=shape.with_reading,
                directory=self._prompts_dir,
            )
            needed = count_messages(retry, self.settings.model) + self.settings.max_output_tokens
            if needed <= self.settings.context_tokens:
                break
        return retry

    def _generation(self, parsed: Parsed, call: _Call, budget: Budgeted, request: GenerationRequest) -> Generation:
        notices = [*budget.notices, *call.notices]
        if self.mode != "json_schema":
            notices.append(f"the server does not support JSON-schema output; used {self.mode} mode")
        secret = confidential(request.profile, directory=self._prompts_dir)
        return Generation(
            drafts=restore_drafts(parsed.drafts, request),
            backend=self.name,
            usage=self._usage(call, budget),
            notices=notices,
            confidential=secret,
            reading=parsed.reading,
            tone_note=parsed.tone_note,
            deadline=call.deadline,
        )

    def _usage(self, call: _Call, budget: Budgeted) -> Usage:
        prompt = call.prompt_tokens if call.reported else budget.prompt_tokens * call.requests
        return Usage(
            model=self.settings.model,
            requests=call.requests,
            prompt_tokens=prompt,
            completion_tokens=call.completion_tokens if call.reported else None,
            cached_tokens=call.cached_tokens,
            estimated_cost_usd=call.cost if call.reported else None,
            reported_by_server=call.reported,
            system_tokens=budget.system_tokens,
            user_tokens=budget.user_tokens,
            tokenizer=budget.encoding,
            token_count_is_estimate=budget.estimate,
            output_format=self.mode,
        )

    # ------------------------------------------------------------ HTTP

    def _complete(self, messages: list[ChatMessage], call: _Call, cache_key: str, shape: _Shape) -> _Answer:
        """One chat completion, stepping down the output format when the server rejects it."""
        swapped = False
        while True:
            try:
                completion = self._post(self._params(messages, cache_key, shape), call)
            except self._openai.APIStatusError as exc:
                swapped = self._step_down(exc, swapped)
                continue
            return self._answer(completion, call)

    def _params(self, messages: list[ChatMessage], cache_key: str, shape: _Shape | None = None) -> dict[str, Any]:
        """The request body: model, messages, output cap and the answer's shape (default: drafts only)."""
        shape = shape or _Shape.drafts_only()
        params: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            self.token_param: self.settings.max_output_tokens,
        }
        if self.mode == "json_schema":
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": shape.name, "strict": True, "schema": shape.schema},
            }
        elif self.mode == "json_object":
            params["response_format"] = {"type": "json_object"}
        if self.settings.is_openai:
            params["prompt_cache_key"] = cache_key
        return params

    def _post(self, params: dict[str, Any], call: _Call) -> Any:
        """POST with our own retries: 429 (Retry-After, capped), 5xx, timeouts, dropped links."""
        openai, attempt = self._openai, 0
        while True:
            if call.requests and call.remaining() < defaults.MIN_ATTEMPT_SECONDS:
                raise BackendError(f"openai backend: no time left within the {self.settings.deadline:g} s limit")
            call.requests += 1
            try:
                return self._within_deadline(params, call)
            except ValueError:  # the body was not JSON (json.JSONDecodeError is a ValueError)
                raise BackendError("openai backend: the server's answer is not valid JSON") from None
            except RecursionError:
                raise BackendError("openai backend: the server's answer is JSON nested too deeply") from None
            except openai.APIStatusError as exc:
                if not _retryable(exc.status_code):
                    raise
                wait, reason = self._status_wait(exc, attempt), self._status_reason(exc)
            except openai.APIConnectionError as exc:
                wait, reason = self._backoff(attempt), self._connection_reason(exc)
            except openai.OpenAIError as exc:
                raise BackendError(f"openai backend: {type(exc).__name__}: {one_line(str(exc), CAP)}") from None
            attempt += 1
            self._pause(wait, reason, attempt, call)

    def _within_deadline(self, params: dict[str, Any], call: _Call) -> Any:
        """One request that ends by the deadline, even if the server trickles bytes forever."""
        remaining = call.remaining()
        try:
            return self._send({**params, "timeout": self._timeout(remaining)}, remaining + 0.2)
        except TimeoutError:
            raise BackendError(
                f"openai backend: {self.settings.base_url} did not answer within the {self.settings.deadline:g} s limit"
            ) from None

    def _send_in_thread(self, params: dict[str, Any], seconds: float) -> Any:
        """HTTP timeouts apply per read, so a slow trickle never trips them: the call runs in a
        worker thread and is abandoned (its connection pool closed) when the time is up."""
        from assistant.backends.openai.transport import deadline

        def create() -> Any:
            with deadline(time.monotonic() + seconds):
                return self._client.chat.completions.create(**params)

        future = self._pool.submit(contextvars.copy_context().run, create)
        try:
            return future.result(timeout=seconds)
        except concurrent.futures.TimeoutError:
            self._client.close()  # unblocks the worker; a fresh client serves the next call
            self._client = self._new_client()
            raise TimeoutError from None

    def request_params(self, request: GenerationRequest) -> dict[str, Any]:
        """The chat-completions body this backend would send for a request (e.g. for the Batch API)."""
        budget = self.budget(request)
        return self._params(budget.messages, _cache_key(request), _Shape.full(request.profile))

    def _pause(self, wait: float, reason: str, attempt: int, call: _Call) -> None:
        """Sleep before the next attempt, or raise when retries or time are used up."""
        if attempt > self.settings.max_retries:
            raise BackendError(f"{reason} (gave up after {call.requests} attempts)")
        if call.remaining() - wait < defaults.MIN_ATTEMPT_SECONDS:
            limit = self.settings.deadline
            raise BackendError(f"{reason} (no time left within the {limit:g} s limit)")
        call.sleep(wait)

    def _status_wait(self, exc: Any, attempt: int) -> float:
        retry_after = _retry_after(exc.response.headers)
        if exc.status_code != 429 or retry_after is None:
            return self._backoff(attempt)
        if retry_after > self.settings.retry_after_cap:
            raise BackendError(
                f"openai backend: rate limited (429) at {self.settings.base_url}; the server asks "
                f"to wait {retry_after:g} s, more than the {self.settings.retry_after_cap:g} s cap"
            )
        return max(retry_after, 0.0)

    def _backoff(self, attempt: int) -> float:
        return float(defaults.BACKOFF_BASE * (2**attempt))

    def _timeout(self, seconds: float) -> Any:
        import httpx2

        read = max(min(self.settings.read_timeout, seconds), 0.001)
        return httpx2.Timeout(read, connect=min(self.settings.connect_timeout, read))

    def _answer(self, completion: Any, call: _Call) -> _Answer:
        self._add_usage(completion, call)
        if not getattr(completion, "choices", None):
            return _Answer(content=None, finish_reason=None, refusal=None)
        choice = completion.choices[0]
        refusal = getattr(choice.message, "refusal", None)
        if refusal:
            raise BackendError(f"openai backend: the model refused to write drafts: {one_line(refusal, CAP)}")
        if choice.finish_reason == "content_filter":
            raise BackendError("openai backend: the server's content filter blocked the drafts")
        return _Answer(content=choice.message.content, finish_reason=choice.finish_reason, refusal=None)

    def _add_usage(self, completion: Any, call: _Call) -> None:
        usage = getattr(completion, "usage", None)
        if usage is None:
            return
        details = getattr(usage, "prompt_tokens_details", None)
        cached = getattr(details, "cached_tokens", None) if details else None
        call.reported = True
        call.prompt_tokens += usage.prompt_tokens
        call.completion_tokens += usage.completion_tokens
        if cached is not None:
            call.cached_tokens = (call.cached_tokens or 0) + cached
        cost = estimate_cost(
            prompt_tokens=usage.prompt_tokens,
            cached_tokens=cached or 0,
            completion_tokens=usage.completion_tokens,
            price=self.settings.price(getattr(completion, "model", None)),
        )
        call.cost = None if cost is None or call.cost is None else round(call.cost + cost, 8)

    # ------------------------------------------------------------ reasons

    def _status_reason(self, exc: Any) -> str:
        status, where = exc.status_code, self.settings.base_url
        detail = one_line(_error_text(exc), CAP)
        fixes = {
            401: "check OPENAI_API_KEY",
            403: "the key may not use this model; check OPENAI_API_KEY and REPLYVOICE_MODEL",
            404: f"is model {self.settings.model!r} served there (REPLYVOICE_MODEL) and does "
            "OPENAI_BASE_URL end with /v1?",
            429: "rate limited; try again in a moment",
        }
        fix = fixes.get(status, "server error" if status >= 500 else "request rejected")
        return f"openai backend: HTTP {status} from {where}: {detail} ({fix})"

    def _connection_reason(self, exc: Any) -> str:
        where = self.settings.base_url
        if isinstance(exc, self._openai.APITimeoutError):
            return f"openai backend: {where} did not answer in time"
        cause = exc.__cause__ or exc
        return f"openai backend: connection to {where} failed ({type(cause).__name__}: {one_line(str(cause), CAP)})"

    # ------------------------------------------------------------ doctor

    def check_models(self) -> tuple[DoctorCheck, list[str]]:
        """Reachability: GET /models; returns the check and the model ids listed."""
        openai = self._openai
        try:
            page = self._client.models.list(timeout=self._timeout(self.settings.deadline))
        except BackendError as exc:  # too large, too slow, another host
            return DoctorCheck("reachable", False, str(exc)), []
        except (ValueError, RecursionError):
            return DoctorCheck("reachable", False, "openai backend: /models did not answer with a model list"), []
        except openai.APIStatusError as exc:
            return DoctorCheck("reachable", False, self._status_reason(exc)), []
        except openai.APIConnectionError as exc:
            reason = self._connection_reason(exc)
            fix = "start the server or set OPENAI_BASE_URL"
            return DoctorCheck("reachable", False, f"{reason}; fix: {fix}"), []
        ids = sorted({clean_model_id(m.id) for m in page.data} - {""})
        detail = f"{self.settings.base_url} lists {len(ids)} models"
        return DoctorCheck("reachable", True, detail), ids

    def check_structured_output(self) -> DoctorCheck:
        """Send a tiny request with JSON-schema output and report what the server accepts."""
        messages = [
            {"role": "system", "content": 'Answer with the JSON object {"drafts": []}.'},
            {"role": "user", "content": "ping"},
        ]
        call = self._start()
        try:
            self._complete(messages, call, "replyvoice-doctor", _Shape.drafts_only())
        except BackendError as exc:
            return DoctorCheck("structured output", False, str(exc))
        if self.mode == "json_schema":
            return DoctorCheck("structured output", True, "JSON-schema output supported")
        detail = f"no JSON-schema support; replyvoice will use {self.mode} mode (less reliable)"
        return DoctorCheck("structured output", self.mode == "json_object", detail)


def _cache_key(request: GenerationRequest) -> str:
    """Requests of one profile version share a prompt-cache key (their system prefix is identical)."""
    return f"replyvoice-{request.profile.key}-{request.profile.version}"


def doctor(settings: OpenAISettings) -> list[DoctorCheck]:
    """Check the configured endpoint: reachable, model listed, structured output supported."""
    checks = [DoctorCheck("configuration", True, settings.describe())]
    with OpenAIBackend(settings=settings) as backend:
        reach, ids = backend.check_models()
        checks.append(reach)
        if not reach.ok:
            return checks
        checks.append(_model_check(settings.model, ids))
        checks.append(backend.check_structured_output())
    return checks


def _model_check(model: str, ids: list[str]) -> DoctorCheck:
    if model in ids:
        return DoctorCheck("model listed", True, f"{model} is served")
    shown = ", ".join(ids[:10]) or "none"
    return DoctorCheck("model listed", False, f"{model} is not in /v1/models (listed: {shown}); set REPLYVOICE_MODEL")


# ---------------------------------------------------------------- helpers

CAP = defaults.SERVER_TEXT_CAP


def _retryable(status: int) -> bool:
    return status in (408, 409, 429) or status >= 500


def _retry_after(headers: Any) -> float | None:
    """Seconds from Retry-After-Ms / Retry-After (seconds or HTTP date); None if absent."""
    import email.utils

    if headers.get("retry-after-ms"):
        try:
            return float(headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        return None if parsed is None else float(email.utils.mktime_tz(parsed) - time.time())


def _error_text(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        body = body.get("message") or body.get("error") or body
    return str(body or getattr(exc, "message", "") or exc)


def _other_token_param(param: str) -> str:
    return "max_tokens" if param == "max_completion_tokens" else "max_completion_tokens"


def _problem(exc: MalformedOutput, answer: _Answer) -> str:
    if answer.finish_reason == "length":
        return f"{exc}; the answer was cut off at the token limit, keep the drafts shorter"
    return str(exc)
