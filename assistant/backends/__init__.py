"""Drafting backends: the offline composer and any OpenAI-compatible endpoint; get_backend chooses."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from assistant.backends.base import Backend
    from assistant.settings import OpenAISettings

BackendName = Literal["offline", "openai"]
BACKEND_NAMES: tuple[BackendName, ...] = ("offline", "openai")


def get_backend(
    name: str | None = None, *, settings: OpenAISettings | None = None
) -> AbstractContextManager[Backend]:
    """The chosen backend as a context manager that closes it (see make_backend)."""
    backend = make_backend(name, settings=settings)
    return backend if isinstance(backend, AbstractContextManager) else nullcontext(backend)


def make_backend(name: str | None = None, *, settings: OpenAISettings | None = None) -> Backend:
    """The one place that chooses a backend: `name`, else settings, else openai when configured, else offline."""
    from assistant.settings import backend_name, openai_configured  # imported here: keeps `--help` fast

    chosen = backend_name(name)
    if chosen == "offline" or (chosen is None and settings is None and not openai_configured()):
        from assistant.backends.offline.composer import OfflineBackend  # (no openai SDK for offline runs)

        return OfflineBackend()
    from assistant.backends.openai.backend import OpenAIBackend  # loads the openai SDK

    return OpenAIBackend(settings=settings) if settings else OpenAIBackend.from_config()
