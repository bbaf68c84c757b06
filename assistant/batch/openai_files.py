"""The OpenAI Batch API: write the requests as a JSONL file, turn the results file into drafts.

`emit()` writes one request per input row (custom_id = the row id) with exactly the
body the openai backend would send. `collect()` reads the results file and drafts each
row through the single-draft pipeline with the model's answer as the generation, so
checks, repair, fallback and handoff are the same as everywhere else.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import defaults
from assistant.backends.base import Backend, Generation, GenerationRequest, RepairRequest
from assistant.backends.offline.composer import OfflineBackend
from assistant.backends.openai.backend import MalformedOutput, OpenAIBackend, parse_drafts
from assistant.backends.openai.prompting import confidential
from assistant.backends.openai.tokens import estimate_cost
from assistant.batch.files import BadRow, Row, read_rows
from assistant.batch.jobs import Job, Profiles, Reporter, Summary, run
from assistant.errors import BackendError, ConfigError, InputError
from assistant.models import Usage
from assistant.pipeline import build_request
from assistant.settings import OpenAISettings, load_settings

BATCH_URL = "/v1/chat/completions"
# The Batch API takes at most this many requests per file.
MAX_REQUESTS = 50_000
# Batch requests cost half the synchronous price.
BATCH_DISCOUNT = 0.5


def batch_settings() -> OpenAISettings:
    """Model, limits and prices as configured; no API key is needed to write the file."""
    return load_settings(api_key=defaults.PLACEHOLDER_KEY)


def request_body(request: GenerationRequest, settings: OpenAISettings) -> dict[str, Any]:
    """The chat-completions body the openai backend sends for this request."""
    backend = OpenAIBackend(settings=settings, send=_never_sent)
    try:
        return backend.request_params(request)
    finally:
        backend.close()


def _never_sent(params: dict[str, Any], seconds: float) -> Any:
    raise RuntimeError("Batch API requests are written to a file, not sent")


@dataclass(kw_only=True)
class Emitted:
    """What `emit()` wrote."""

    rows: int = 0
    requests: int = 0
    malformed: int = 0
    failed: int = 0


def emit(job: Job, target: Path, *, settings: OpenAISettings, reporter: Reporter | None = None) -> Emitted:
    """Write one Batch API request per valid input row to `target` (atomically)."""
    reporter = reporter or Reporter()
    profiles = Profiles(personas=job.personas, brand=job.brand)
    counts = Emitted()
    partial = target.with_name(f".{target.name}.partial")
    target.parent.mkdir(parents=True, exist_ok=True)
    with partial.open("w", encoding="utf-8") as handle:
        for row in read_rows(job.input, default_platform=job.platform):
            counts.rows += 1
            if isinstance(row, BadRow):
                counts.malformed += 1
                reporter.note(row.describe(job.input))
                continue
            line = _request_line(row, job, profiles, settings, reporter)
            if line is None:
                counts.failed += 1
                continue
            handle.write(line)
            counts.requests += 1
    os.replace(partial, target)
    if counts.requests > MAX_REQUESTS:
        reporter.note(f"{target}: {counts.requests} requests; the Batch API takes {MAX_REQUESTS:,} per file: split it")
    return counts


def _request_line(row: Row, job: Job, profiles: Profiles, settings: OpenAISettings, reporter: Reporter) -> str | None:
    try:
        request, _ = build_request(row.message, profiles(row.message.platform), job.tones)
        body = request_body(request, settings)
    except (InputError, ConfigError) as exc:
        reporter.note(f"line {row.line} (id {row.id}): failed: {exc}")
        return None
    item = {"custom_id": row.id, "method": "POST", "url": BATCH_URL, "body": body}
    return json.dumps(item, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- collect


@dataclass(frozen=True, kw_only=True)
class BatchResult:
    """One line of a Batch API results file, reduced to what drafting needs."""

    content: str | None = None
    error: str | None = None
    usage: Usage | None = None


def read_results(path: Path, settings: OpenAISettings) -> dict[str, BatchResult]:
    """custom_id -> result; every line that is not a result is an InputError naming its line."""
    if not path.is_file():
        raise InputError(f"{path}: results file not found")
    results: dict[str, BatchResult] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, text in enumerate(handle, start=1):
            if text.strip():
                custom_id, result = _parse_line(text, f"{path}:{number}", settings)
                results[custom_id] = result
    return results


def _parse_line(text: str, where: str, settings: OpenAISettings) -> tuple[str, BatchResult]:
    """One results line; anything malformed inside it is an InputError naming the line, never a crash."""
    try:
        return _parse_result(text, where, settings)
    except (AttributeError, TypeError, ValueError, KeyError, IndexError, RecursionError):
        raise InputError(f"{where}: a malformed Batch API result line (unexpected structure)") from None


def _parse_result(text: str, where: str, settings: OpenAISettings) -> tuple[str, BatchResult]:
    try:
        data = json.loads(text)
        custom_id = str(data["custom_id"])
    except (json.JSONDecodeError, KeyError, TypeError, RecursionError):
        raise InputError(f"{where}: not a Batch API result line (needs custom_id and response)") from None
    error = data.get("error")
    response = data.get("response") or {}
    if error:
        message = error.get("message") if isinstance(error, dict) else str(error)
        return custom_id, BatchResult(error=f"the batch request failed: {message}")
    status, body = response.get("status_code"), response.get("body") or {}
    if status != 200:
        detail = (body.get("error") or {}).get("message", "") if isinstance(body, dict) else ""
        return custom_id, BatchResult(error=f"the batch request got HTTP {status}: {detail}".rstrip(": "))
    return custom_id, _completion(body, settings)


def _completion(body: dict[str, Any], settings: OpenAISettings) -> BatchResult:
    choices = body.get("choices") or []
    usage = _usage(body, settings)
    if not choices:
        return BatchResult(error="the batch response has no choices", usage=usage)
    choice = choices[0]
    message = choice.get("message") or {}
    if message.get("refusal"):
        return BatchResult(error=f"the model refused to write drafts: {message['refusal']}", usage=usage)
    if choice.get("finish_reason") == "content_filter":
        return BatchResult(error="the server's content filter blocked the drafts", usage=usage)
    return BatchResult(content=message.get("content"), usage=usage)


def _usage(body: dict[str, Any], settings: OpenAISettings) -> Usage:
    usage = body.get("usage") or {}
    prompt, completion = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    cached = int((usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)
    model = body.get("model") or settings.model
    cost = estimate_cost(
        prompt_tokens=prompt, completion_tokens=completion, cached_tokens=cached, price=settings.price(model)
    )
    return Usage(
        model=model,
        requests=1,
        prompt_tokens=prompt,
        completion_tokens=completion,
        cached_tokens=cached,
        estimated_cost_usd=None if cost is None else round(cost * BATCH_DISCOUNT, 8),
        reported_by_server=bool(usage),
        batch_api=True,
    )


class CollectedBackend:
    """A backend that 'generates' by handing over a Batch API result (or failing with its error)."""

    name = "openai"

    def __init__(self, *, result: BatchResult | None, source: Path) -> None:
        self.result, self.source = result, source

    def generate(self, request: GenerationRequest) -> Generation:
        """The model's drafts from the results file; BackendError when there are none usable."""
        if self.result is None:
            raise BackendError(f"openai batch: no result for this row in {self.source}")
        if self.result.error:
            raise BackendError(f"openai batch: {self.result.error}")
        try:
            drafts = parse_drafts(self.result.content, list(request.tones))
        except MalformedOutput as exc:
            raise BackendError(f"openai batch: the model's output is unusable ({exc})") from None
        secret = confidential(request.profile)
        return Generation(drafts=drafts, backend=self.name, usage=self.result.usage, confidential=secret)

    def repair(self, repair: RepairRequest) -> Generation:
        """No live requests while collecting: the offline composer rewrites failed drafts."""
        return OfflineBackend().repair(repair)


def collect(
    job: Job,
    results_path: Path,
    *,
    settings: OpenAISettings,
    reporter: Reporter | None = None,
    make_progress: Callable[[int], Any] | None = None,
) -> Summary:
    """Turn a Batch API results file into the same output as `run()` (resumable too)."""
    results = read_results(results_path, settings)

    def backend_for(row: Row) -> Backend:
        return CollectedBackend(result=results.get(row.id), source=results_path)

    return run(job, reporter=reporter, make_progress=make_progress, backend_for=backend_for)
