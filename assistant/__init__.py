"""replyvoice: individual replies in a brand's voice for TikTok, Instagram and Facebook."""

from .drafting import draft
from .errors import BackendError, ConfigError, InputError, ProfileError, ReplyvoiceError
from .models import Analysis, CheckResult, Draft, DraftSet, Handoff, Message
from .profiles import VoiceProfile, load_profile

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
