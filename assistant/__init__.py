"""replyvoice: individual replies in a brand's voice for TikTok, Instagram and Facebook."""

from assistant.errors import BackendError, ConfigError, InputError, ProfileError, ReplyvoiceError
from assistant.models import Analysis, CheckResult, Draft, DraftSet, Handoff, Message
from assistant.pipeline import draft
from assistant.profiles.loading import VoiceProfile, load_profile

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
