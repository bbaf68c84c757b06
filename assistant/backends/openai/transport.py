"""The HTTP transport under the openai SDK: every response capped in bytes, decoded size and time.

A server is untrusted input too: a 300 MB answer, a 2 GB gzip bomb or a /models that sends one
byte per second must cost a bounded amount of memory and time. ``CappedTransport`` wraps httpx2's
transport and

- refuses any request to another origin than the configured base URL (a redirect to another host
  would re-send the prompt there),
- decodes gzip/deflate itself, in bounded steps, and stops at ``max_decoded`` bytes,
- stops reading at ``max_bytes`` raw bytes and when the response's time is up (the configured
  limit, or the caller's deadline set with ``deadline()``, whichever comes first).

Each stop is one exception class, a BackendError, so the pipeline falls back with one clear line.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx2

from assistant import defaults
from assistant.errors import BackendError

# The caller's deadline (time.monotonic() value) for requests made in this context.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("replyvoice_deadline", default=None)
_READ_SIZE = 64 * 1024


class ResponseTooLarge(BackendError):
    """The server sent more bytes (raw or decoded) than one response may have."""


class ResponseTooSlow(BackendError):
    """One response took longer than its time limit."""


class ForeignHost(BackendError):
    """A request (for example after a redirect) would leave the configured server."""


class UnsupportedEncoding(BackendError):
    """The server compressed its answer in a way replyvoice does not decode."""


@contextlib.contextmanager
def deadline(at: float) -> Iterator[None]:
    """Requests made inside this block end by `at` (a time.monotonic() value)."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def origin(url: str | httpx2.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port of a URL (the default port made explicit)."""
    parts = urlsplit(str(url))
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


class CappedTransport(httpx2.BaseTransport):
    """httpx2's transport with every response capped (see the module docstring)."""

    def __init__(
        self,
        *,
        base_url: str,
        seconds: float,
        max_bytes: int = defaults.MAX_RESPONSE_BYTES,
        max_decoded: int = defaults.MAX_DECODED_BYTES,
        inner: httpx2.BaseTransport | None = None,
    ) -> None:
        """`seconds` caps each response (headers to last byte); `inner` defaults to httpx2.HTTPTransport()."""
        self.origin = origin(base_url)
        self.seconds, self.max_bytes, self.max_decoded = seconds, max_bytes, max_decoded
        self.inner = inner or httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send the request if it stays on the configured server; return a capped response."""
        if origin(request.url) != self.origin:
            raise ForeignHost(
                f"openai backend: refused to send the request to {request.url.host}: "
                "only the configured server gets prompts (a redirect to another host is not followed)"
            )
        until = time.monotonic() + self.seconds
        caller = _DEADLINE.get()
        until = min(until, caller) if caller is not None else until
        request.headers["Accept-Encoding"] = "gzip, deflate"
        response = self.inner.handle_request(request)
        encoding = response.headers.get("content-encoding", "identity").strip().lower() or "identity"
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            response.close()
            raise UnsupportedEncoding(f"openai backend: the server's answer uses the {encoding!r} encoding")
        headers = [(k, v) for k, v in response.headers.raw if k.lower() not in (b"content-encoding", b"content-length")]
        stream = CappedStream(
            response.stream,
            decode=encoding != "identity",
            until=until,
            max_bytes=self.max_bytes,
            max_decoded=self.max_decoded,
        )
        return httpx2.Response(response.status_code, headers=headers, stream=stream, extensions=response.extensions)

    def close(self) -> None:
        """Close the inner transport's connections."""
        self.inner.close()


class CappedStream(httpx2.SyncByteStream):
    """A response body read within a byte budget, a decoded-size budget and a deadline."""

    def __init__(self, inner: Any, *, decode: bool, until: float, max_bytes: int, max_decoded: int) -> None:
        """`inner` is the transport's raw byte stream; `decode` inflates gzip/deflate in bounded steps."""
        self.inner, self.until = inner, until
        self.max_bytes, self.max_decoded = max_bytes, max_decoded
        self.inflater = zlib.decompressobj(wbits=47) if decode else None  # 47: gzip or zlib, detected
        self.read = self.decoded = 0

    def __iter__(self) -> Iterator[bytes]:
        """The decoded body in pieces; raises when a budget is exceeded."""
        for chunk in self.inner:
            self._account(len(chunk))
            yield from self._decoded(chunk)
        if self.inflater is not None:
            tail = self.inflater.flush()
            self._grow(len(tail))
            if tail:
                yield tail

    def _account(self, size: int) -> None:
        self.read += size
        if self.read > self.max_bytes:
            raise ResponseTooLarge(
                f"openai backend: the server's answer is larger than {self.max_bytes // 1024 // 1024} MB; stopped"
            )
        if time.monotonic() > self.until:
            raise ResponseTooSlow("openai backend: the server's answer took too long to arrive; stopped reading")

    def _decoded(self, chunk: bytes) -> Iterator[bytes]:
        if self.inflater is None:
            yield chunk
            return
        data = chunk
        while data:
            try:
                out = self.inflater.decompress(data, _READ_SIZE)
            except zlib.error:
                raise BackendError("openai backend: the server's compressed answer is corrupt") from None
            self._grow(len(out))
            if out:
                yield out
            data = self.inflater.unconsumed_tail

    def _grow(self, size: int) -> None:
        self.decoded += size
        if self.decoded > self.max_decoded:
            raise ResponseTooLarge(
                f"openai backend: the server's answer decompresses to more than "
                f"{self.max_decoded // 1024 // 1024} MB; stopped"
            )

    def close(self) -> None:
        """Close the raw stream (and its connection)."""
        closer = getattr(self.inner, "close", None)
        if closer is not None:
            closer()
