"""Presentation helpers without Streamlit: local times and the rows of History's table and CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.history.store import Approval

FALLBACK_ZONE = "Europe/Berlin"
PATTERNS = {"de": "dd.MM.yyyy, HH:mm", "en": "d MMM yyyy, HH:mm"}


def zone(name: str | None) -> ZoneInfo:
    """The browser's time zone by IANA name, else Berlin (where the teams work)."""
    try:
        return ZoneInfo(name or FALLBACK_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(FALLBACK_ZONE)


def local_time(stamp: str, zone_name: str | None, language: str) -> str:
    """A stored UTC ISO time as local time ('30.11.2026, 19:10'); unparsable stamps as they are."""
    from babel.dates import format_datetime  # Babel's locale data loads only when times are shown

    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(zone(zone_name))
    return format_datetime(local, PATTERNS.get(language, PATTERNS["en"]), locale=language)


FIELDS = (
    "created_at",
    "brand",
    "platform",
    "channel",
    "intent",
    "tone",
    "author",
    "message",
    "text",
    "approved_by",
    "forced",
)


def approval_row(item: Approval, when: str, name: Callable[[str, str], str], yes: str) -> list[str]:
    """One approval as cells in FIELDS order, platform, channel and intent by their display names."""
    return [
        when,
        item.brand,
        name("platform", item.platform),
        name("channel", item.channel),
        name("intent", item.intent),
        item.tone,
        item.author or "",
        item.message,
        item.text,
        item.approved_by or "",
        yes if item.forced else "",
    ]
