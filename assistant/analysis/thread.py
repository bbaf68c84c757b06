"""What the earlier messages of a conversation carry into the analysis of a follow-up."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.analysis.pii import find_pii
from assistant.models import Message
from assistant.profiles.loading import VoiceProfile
from assistant.text import fold, fold_pattern, table


@dataclass(frozen=True)
class ThreadContext:
    """Order numbers named earlier, whether the talk already moved to DM."""

    order_ids: list[str] = field(default_factory=list)
    in_dm: bool = False


def thread_context(message: Message, profile: VoiceProfile) -> ThreadContext:
    """Order numbers from the thread (latest first is not needed: they are few) and the DM state."""
    pattern = profile.brand.order_number_pattern
    order_ids = [s.text for earlier in message.thread for s in find_pii(earlier, pattern) if s.kind == "order_id"]
    return ThreadContext(order_ids=list(dict.fromkeys(order_ids)), in_dm=in_dm_already(message))


def in_dm_already(message: Message) -> bool:
    """True in a DM, or when the thread shows that the conversation moved to DM (asked for or sent)."""
    if message.channel == "dm":
        return True
    asked, sent = _dm_cues()
    earlier = fold("\n".join(message.thread))
    return bool(asked.search(earlier) or sent.search(earlier) or sent.search(fold(message.text)))


@lru_cache(maxsize=1)
def _dm_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = table("thread")
    return _join(data["asked_for_dm"]), _join(data["dm_sent"])


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fold_pattern(p)})" for p in patterns))
