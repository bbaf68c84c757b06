"""Defaults in one place: platform limits, input caps, timeouts."""

from __future__ import annotations

from typing import Final, Literal

Platform = Literal["tiktok", "instagram", "facebook"]
Channel = Literal["comment", "dm"]
Mode = Literal["reply", "outreach"]

PLATFORMS: Final = ("tiktok", "instagram", "facebook")
CHANNELS: Final = ("comment", "dm")
MODES: Final = ("reply", "outreach")

# Per-channel length limits in characters (DESIGN.md); profiles may lower them.
DEFAULT_LIMITS: Final[dict[str, dict[str, int]]] = {
    "tiktok": {"comment": 150, "dm": 1000},
    "instagram": {"comment": 2200, "dm": 1000},
    "facebook": {"comment": 8000, "dm": 2000},
}

# Incoming text beyond this is analysed and drafted from a truncated copy, with a notice.
MESSAGE_SOFT_CAP: Final = 8_000
# Incoming text beyond this is refused outright (1 MB pastes are mistakes or attacks).
MESSAGE_HARD_CAP: Final = 200_000

MIN_DEFAULT_TONES: Final = 3
