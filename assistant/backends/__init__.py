"""Drafting backends: the offline composer and any OpenAI-compatible endpoint; get_backend chooses."""

from __future__ import annotations

import dataclasses
import threading
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from assistant.backends.base import Backend
    from assistant.backends.openai.discovery import LocalServer
    from assistant.settings import OpenAISettings

BackendName = Literal["offline", "openai"]
BACKEND_NAMES: tuple[BackendName, ...] = ("offline", "openai")

_found: dict[str, LocalServer | None] = {}
_lock = threading.Lock()


def get_backend(name: str | None = None, *, settings: OpenAISettings | None = None) -> AbstractContextManager[Backend]:
    """The chosen backend as a context manager that closes it (see make_backend)."""
    backend = make_backend(name, settings=settings)
    return backend if isinstance(backend, AbstractContextManager) else nullcontext(backend)


def make_backend(name: str | None = None, *, settings: OpenAISettings | None = None) -> Backend:
    """The one place that chooses a backend: `name`, else settings, else openai when configured,
    else a local OpenAI-compatible server found on this machine, else offline."""
    from assistant.settings import backend_name, openai_configured  # imported here: keeps `--help` fast

    chosen = backend_name(name)
    if chosen is None and settings is None and not openai_configured():
        server = local_server()
        settings = local_settings(server) if server else None
        chosen = "openai" if server else "offline"
    if chosen == "offline":
        from assistant.backends.offline.composer import OfflineBackend  # (no openai SDK for offline runs)

        return OfflineBackend()
    from assistant.backends.openai.backend import OpenAIBackend  # loads the openai SDK

    return OpenAIBackend(settings=settings) if settings else OpenAIBackend.from_config()


def local_server(*, refresh: bool = False) -> LocalServer | None:
    """The OpenAI-compatible server on this machine replyvoice uses when nothing is configured (None: none,
    or looking is turned off by REPLYVOICE_BACKEND, REPLYVOICE_DISCOVER=off or the config file).

    Looked for once per process (about 150 ms at most); `refresh=True` looks again (the app's settings page).
    """
    from assistant.settings import discovery_enabled

    if not discovery_enabled():
        return None
    with _lock:
        if refresh or "server" not in _found:
            from assistant.backends.openai.discovery import discover  # http.client only, no SDK

            _found["server"] = discover()
        return _found["server"]


def local_settings(server: LocalServer) -> OpenAISettings:
    """Settings for a found server: its URL and model, numbers from the environment and config file."""
    from assistant.defaults import LOCAL_DEADLINE
    from assistant.settings import load_settings

    settings = load_settings(base_url=server.base_url, model=server.model)
    sources = {**settings.sources, "base_url": f"found on this machine ({server.name})", "model": "listed by it"}
    deadline = settings.deadline if "deadline" in settings.sources else LOCAL_DEADLINE
    return dataclasses.replace(settings, sources=sources, deadline=deadline)


def discovery_note(backend: Backend) -> str | None:
    """One line saying that drafts come from a model found on this machine (None: it was configured)."""
    settings = getattr(backend, "settings", None)
    source = getattr(settings, "sources", {}).get("base_url", "")
    if not source.startswith("found on this machine"):
        return None
    return (
        f"replyvoice: using {getattr(settings, 'model', '?')} {source.removeprefix('found ')} at "
        f"{getattr(settings, 'base_url', '?')}; set REPLYVOICE_BACKEND=offline to turn this off"
    )
