"""Many messages at once: draft every input row and append the results resumably.

The offline backend drafts in-process, one row after the other. The openai backend
runs up to `concurrency` rows at a time: each row goes through the same pipeline as a
single draft (`assistant.pipeline.draft` with an `OpenAIBackend`: same prompt, budget,
parsing, deadline, retries, repair and offline fallback) in a worker thread, while its
HTTP requests go through one shared `openai.AsyncOpenAI` client on the event loop,
bounded by an `asyncio.Semaphore` and a requests/tokens-per-minute limiter.
"""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.backends.base import Backend
from assistant.backends.offline.composer import OfflineBackend
from assistant.backends.openai.backend import OpenAIBackend
from assistant.backends.openai.tokens import count_messages, count_tokens, encoding_name_for_model, get_encoding
from assistant.batch.files import BadRow, Format, ResultFile, Row, read_rows
from assistant.batch.progress import Progress, duration, rows_per_second
from assistant.batch.ratelimit import RateLimiter
from assistant.errors import ReplyvoiceError
from assistant.models import DraftSet
from assistant.pipeline import draft
from assistant.profiles.loading import VoiceProfile, load_profile
from assistant.settings import OpenAISettings

# Rows drafted concurrently against an OpenAI-compatible endpoint, unless told otherwise.
DEFAULT_CONCURRENCY = 8
# How often (seconds) the event loop looks at the stop flag while rows are in flight.
POLL_SECONDS = 0.2


@dataclass(kw_only=True)
class Job:
    """What to draft: input, output, profiles and tones."""

    input: Path
    output: Path
    format: Format = "jsonl"
    personas: Path = Path("personas")
    brand: str | None = None
    tones: list[str] | None = None
    fallback: bool = True
    # For rows without a platform.
    platform: str | None = None


@dataclass(kw_only=True)
class Summary:
    """What one run did; `lines()` is the closing report."""

    rows: int = 0
    already_done: int = 0
    drafted: int = 0
    fell_back: int = 0
    failed: int = 0
    malformed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    cost_usd: float | None = 0.0
    cost_known: bool = False
    wall_s: float = 0.0
    # Seconds from the first row to the last (the progress bar's clock; wall_s adds planning and skipping).
    drafting_s: float = 0.0
    interrupted: bool = False
    dropped_torn_row: bool = False

    def add(self, result: DraftSet) -> None:
        """Count one drafted row and its token usage."""
        self.drafted += 1
        self.fell_back += result.fallback_reason is not None
        usage = result.usage
        if usage is None:
            return
        self.prompt_tokens += usage.prompt_tokens or 0
        self.completion_tokens += usage.completion_tokens or 0
        self.cached_tokens += usage.cached_tokens or 0
        self.cost_known = True
        cost = usage.estimated_cost_usd
        self.cost_usd = None if cost is None or self.cost_usd is None else self.cost_usd + cost

    @property
    def left(self) -> int:
        """Valid rows not in the output yet (failed ones included: a rerun retries them)."""
        return self.rows - self.malformed - self.already_done - self.drafted

    def lines(self) -> list[str]:
        """The summary printed at the end of a run."""
        rate = rows_per_second(self.drafted + self.failed, self.drafting_s)
        state = ""
        if self.interrupted:
            state = f" · interrupted with {self.left} left: rerun the same command to resume"
        elif self.failed:
            state = " · rerun the same command to retry the failed rows"
        if self.cost_known:
            cost = "unknown (no price for this model)" if self.cost_usd is None else f"${self.cost_usd:.4f}"
        else:
            cost = "$0 (no API requests)"
        return [
            f"rows {self.rows} · drafted {self.drafted} · fell back {self.fell_back} · failed {self.failed}"
            f" · malformed {self.malformed} · already done {self.already_done}{state}",
            f"tokens: prompt {self.prompt_tokens:,} (cached {self.cached_tokens:,}) · completion "
            f"{self.completion_tokens:,} · estimated cost {cost}",
            f"wall time {duration(self.wall_s)} ({self.wall_s:.1f} s) · {rate:.1f} rows/s",
        ]


@dataclass(kw_only=True)
class Reporter:
    """Where a run reports: a Progress, plus a stop flag (set on the first Ctrl-C)."""

    progress: Progress | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        """A line for the user (skipped or failed row)."""
        if self.progress:
            self.progress.note(text)
        else:
            self.notes.append(text)

    def advance(self, *, fell_back: bool = False, failed: bool = False) -> None:
        """One row finished."""
        if self.progress:
            self.progress.advance(fell_back=fell_back, failed=failed)


class Profiles:
    """Merged voice profiles by platform, loaded once."""

    def __init__(self, *, personas: Path, brand: str | None) -> None:
        self.personas, self.brand = personas, brand
        self._loaded: dict[str, VoiceProfile] = {}

    def __call__(self, platform: str) -> VoiceProfile:
        """The profile for a platform (a ProfileError when it is missing or invalid)."""
        if platform not in self._loaded:
            self._loaded[platform] = load_profile(self.personas, self.brand, platform)
        return self._loaded[platform]


# ---------------------------------------------------------------- planning


@dataclass(kw_only=True)
class Plan:
    """A first pass over the input: how many rows, which are already done, which platforms."""

    rows: int
    todo: int
    malformed: int
    platforms: set[str]


def plan(job: Job, done: set[str]) -> Plan:
    """Count the input rows (so the progress bar has a total) and load every needed profile."""
    rows = todo = malformed = 0
    platforms: set[str] = set()
    for row in read_rows(job.input, default_platform=job.platform):
        rows += 1
        if isinstance(row, BadRow):
            malformed += 1
            continue
        platforms.add(row.message.platform)
        todo += row.id not in done
    return Plan(rows=rows, todo=todo, malformed=malformed, platforms=platforms)


def pending_rows(job: Job, done: set[str], summary: Summary, reporter: Reporter) -> Iterator[Row]:
    """The input rows still to draft; malformed ones are reported with their line and skipped."""
    for row in read_rows(job.input, default_platform=job.platform):
        summary.rows += 1
        if isinstance(row, BadRow):
            summary.malformed += 1
            reporter.note(row.describe(job.input))
        elif row.id in done:
            summary.already_done += 1
        else:
            yield row


# ---------------------------------------------------------------- running


def run(
    job: Job,
    *,
    settings: OpenAISettings | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    rpm: float | None = None,
    tpm: float | None = None,
    reporter: Reporter | None = None,
    make_progress: Callable[[int], Progress] | None = None,
    backend_for: Callable[[Row], Backend] | None = None,
) -> Summary:
    """Draft every row not yet in the output: concurrently via openai with settings, else in-process.

    In-process rows use `backend_for(row)` (default: the offline composer).
    """
    reporter = reporter or Reporter()
    summary = Summary()
    started = time.perf_counter()
    profiles = Profiles(personas=job.personas, brand=job.brand)
    with ResultFile(path=job.output, fmt=job.format) as out:
        summary.dropped_torn_row = out.dropped
        if out.dropped:
            reporter.note(f"{job.output}: dropped a half-written last row (it will be drafted again)")
        first = plan(job, out.done)
        for platform in sorted(first.platforms):
            profiles(platform)  # a missing profile fails now, not after thousands of rows
        drafting = time.monotonic()
        if make_progress:
            reporter.progress = make_progress(first.todo)
        rows = pending_rows(job, set(out.done), summary, reporter)
        try:
            if settings is None:
                offline = OfflineBackend()
                chosen = backend_for or (lambda row: offline)
                _run_in_process(rows, chosen, job=job, profiles=profiles, out=out, summary=summary, reporter=reporter)
            else:
                runner = _Concurrent(settings=settings, concurrency=concurrency, limiter=RateLimiter(rpm=rpm, tpm=tpm))
                asyncio.run(runner.run(rows, job=job, profiles=profiles, out=out, summary=summary, reporter=reporter))
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            summary.interrupted = summary.interrupted or reporter.stop.is_set()
            summary.wall_s = time.perf_counter() - started
            summary.drafting_s = time.monotonic() - drafting
            if reporter.progress:
                reporter.progress.close()
    return summary


def draft_row(row: Row, *, job: Job, profiles: Profiles, backend: Backend) -> DraftSet:
    """One row through the single-draft pipeline (checks, repair, fallback, handoff)."""
    message = row.message
    return draft(message, profiles(message.platform), job.tones, backend, fallback=job.fallback)


def _finished(
    row: Row, outcome: DraftSet | BaseException, *, out: ResultFile, summary: Summary, reporter: Reporter
) -> None:
    """Write a drafted row, or report a failed one (it is not written: a rerun retries it)."""
    if isinstance(outcome, DraftSet):
        out.write(row.id, outcome)
        summary.add(outcome)
        reporter.advance(fell_back=outcome.fallback_reason is not None)
        return
    summary.failed += 1
    reason = str(outcome) if isinstance(outcome, ReplyvoiceError) else f"{type(outcome).__name__}: {outcome}"
    reporter.note(f"line {row.line} (id {row.id}): failed: {reason}")
    reporter.advance(failed=True)


def _run_in_process(
    rows: Iterable[Row],
    backend_for: Callable[[Row], Backend],
    *,
    job: Job,
    profiles: Profiles,
    out: ResultFile,
    summary: Summary,
    reporter: Reporter,
) -> None:
    for row in rows:
        if reporter.stop.is_set():
            return
        outcome: DraftSet | BaseException
        try:
            outcome = draft_row(row, job=job, profiles=profiles, backend=backend_for(row))
        except Exception as exc:  # one odd row must not end a run of thousands
            outcome = exc
        _finished(row, outcome, out=out, summary=summary, reporter=reporter)


# ---------------------------------------------------------------- concurrent openai


class _Bridge:
    """Looks like `openai.OpenAI` to OpenAIBackend; sends through AsyncOpenAI on the event loop.

    Called from worker threads. Time spent waiting for the rate limiter is not
    charged to a row's deadline: `clock()` runs slower by that much in each thread.
    """

    def __init__(self, *, loop: asyncio.AbstractEventLoop, client: Any, concurrency: int, limiter: RateLimiter) -> None:
        self.loop, self.client, self.limiter = loop, client, limiter
        self.semaphore = asyncio.Semaphore(concurrency)
        self.chat = self.completions = self  # backend calls self._client.chat.completions.create(...)
        self._local = threading.local()
        self._system_tokens: dict[str, int] = {}

    def clock(self) -> float:
        """Monotonic time minus this thread's rate-limit waits (the deadline clock)."""
        return time.monotonic() - getattr(self._local, "waited", 0.0)

    def create(self, *, deadline: float | None = None, **params: Any) -> Any:
        """Blocking chat completion for a worker thread; TimeoutError after `deadline` seconds on the wire."""
        cost = self._cost(params) if self.limiter.limits_tokens else 0
        future = asyncio.run_coroutine_threadsafe(self._send(params, cost, deadline), self.loop)
        completion, waited = future.result()
        self._local.waited = getattr(self._local, "waited", 0.0) + waited
        return completion

    def close(self) -> None:
        """The AsyncOpenAI client is closed by the runner."""

    async def _send(self, params: dict[str, Any], cost: int, deadline: float | None) -> tuple[Any, float]:
        waited = await self.limiter.acquire(cost)
        async with self.semaphore:
            request = self.client.chat.completions.create(**params)
            return await asyncio.wait_for(request, timeout=deadline), waited

    def _cost(self, params: dict[str, Any]) -> int:
        """Prompt tokens plus the output cap: what a tokens-per-minute limit counts."""

        model = params["model"]
        messages = params["messages"]
        system = messages[0]["content"]
        if system not in self._system_tokens:
            self._system_tokens = {system: count_tokens(system, model)}  # one profile at a time, mostly
        rest = count_messages(messages[1:], model)
        cap = int(params.get("max_completion_tokens") or params.get("max_tokens") or 0)
        return self._system_tokens[system] + rest + 4 + cap


def _concurrent_backend(settings: OpenAISettings, bridge: _Bridge) -> OpenAIBackend:
    """An OpenAIBackend (prompt, budget, parsing, retries, repair) whose requests go through the bridge."""

    def send(params: dict[str, Any], seconds: float) -> Any:
        return bridge.create(**params, deadline=seconds)

    return OpenAIBackend(settings=settings, clock=bridge.clock, send=send)


def _warm_up(settings: OpenAISettings) -> None:
    """Build the tokenizer once before the workers start (each would build its own at first)."""

    get_encoding(encoding_name_for_model(settings.model)[0])


@dataclass(kw_only=True)
class _Concurrent:
    """Runs rows in worker threads; their HTTP shares one AsyncOpenAI client."""

    settings: OpenAISettings
    concurrency: int
    limiter: RateLimiter

    async def run(
        self,
        rows: Iterable[Row],
        *,
        job: Job,
        profiles: Profiles,
        out: ResultFile,
        summary: Summary,
        reporter: Reporter,
    ) -> None:
        """Keep `concurrency` rows in flight; write each as it finishes."""
        import openai  # the SDK loads only for openai batches

        loop = asyncio.get_running_loop()
        s = self.settings
        _warm_up(s)
        client = openai.AsyncOpenAI(api_key=s.api_key, base_url=s.base_url, max_retries=0, timeout=s.read_timeout)
        bridge = _Bridge(loop=loop, client=client, concurrency=self.concurrency, limiter=self.limiter)
        backend = _concurrent_backend(s, bridge)
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="replyvoice-batch")
        flight: dict[asyncio.Future[DraftSet], Row] = {}
        try:
            for row in rows:
                while len(flight) >= self.concurrency and not reporter.stop.is_set():
                    await self._collect(flight, out=out, summary=summary, reporter=reporter)
                if reporter.stop.is_set():
                    break
                work = functools.partial(draft_row, row, job=job, profiles=profiles, backend=backend)
                task = loop.run_in_executor(pool, work)
                flight[task] = row
            if reporter.stop.is_set() and flight:
                reporter.note(f"finishing {len(flight)} rows in flight; Ctrl-C again to stop at once")
            while flight:
                await self._collect(flight, out=out, summary=summary, reporter=reporter)
        finally:
            for task in flight:
                task.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            backend.close()
            await client.close()

    async def _collect(
        self, flight: dict[asyncio.Future[DraftSet], Row], *, out: ResultFile, summary: Summary, reporter: Reporter
    ) -> None:
        done, _ = await asyncio.wait(flight, timeout=POLL_SECONDS, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            row = flight.pop(task)
            exc = task.exception()
            _finished(row, exc if exc is not None else task.result(), out=out, summary=summary, reporter=reporter)
