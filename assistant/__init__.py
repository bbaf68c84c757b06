"""replyvoice: individual replies in a brand's voice for TikTok, Instagram and Facebook.

The public names load on first use, so `replyvoice --help` (which imports this
package first) does not pay for pydantic models, the pipeline and the backends.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.errors import BackendError, ConfigError, InputError, ProfileError, ReplyvoiceError
    from assistant.models import Analysis, CheckResult, Draft, DraftSet, Handoff, Message
    from assistant.pipeline import draft
    from assistant.profiles.loading import VoiceProfile, load_profile

_WHERE = {
    "assistant.errors": ("BackendError", "ConfigError", "InputError", "ProfileError", "ReplyvoiceError"),
    "assistant.models": ("Analysis", "CheckResult", "Draft", "DraftSet", "Handoff", "Message"),
    "assistant.pipeline": ("draft",),
    "assistant.profiles.loading": ("VoiceProfile", "load_profile"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "Analysis",
    "BackendError",
    "CheckResult",
    "ConfigError",
    "Draft",
    "DraftSet",
    "Handoff",
    "InputError",
    "Message",
    "ProfileError",
    "ReplyvoiceError",
    "VoiceProfile",
    "draft",
    "load_profile",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
