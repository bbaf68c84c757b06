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
    """The one place that chooses a backend: `name`, else openai when configured, else offline."""
    from assistant.settings import openai_configured  # the openai SDK loads only when it is chosen

    if name == "offline" or (name is None and settings is None and not openai_configured()):
        from assistant.backends.offline.composer import OfflineBackend

        return nullcontext(OfflineBackend())
    from assistant.backends.openai.backend import OpenAIBackend

    return OpenAIBackend(settings=settings) if settings else OpenAIBackend.from_config()
