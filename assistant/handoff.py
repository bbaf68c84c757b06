"""Internal handoff notes: what the team that must act needs to know."""

from __future__ import annotations

from assistant.analysis.pii import mask_payment_data
from assistant.i18n import LANGUAGES, display_name
from assistant.models import Analysis, Handoff, Message
from assistant.profiles.loading import VoiceProfile
from assistant.text import clean, shorten, table

QUOTE_LIMIT = 500
LABELS: dict[str, dict[str, str]] = table("handoff_labels")


def build_handoff(message: Message, analysis: Analysis, profile: VoiceProfile, told: str) -> Handoff | None:
    """A note for the escalation team, every value in the brand's language; None when no team must act."""
    if analysis.escalation is None:
        return None
    team = analysis.escalation.team
    rule = profile.brand.escalation.get(team)
    language = profile.brand.default_language if profile.brand.default_language in LANGUAGES else "en"
    t = LABELS.get(language, LABELS["en"])
    lines = [
        f"{t['concern']}: {display_name('intent', analysis.intent, language)} ({_where(message, t, language)}; "
        f"{t['urgency']}: {display_name('urgency', analysis.urgency, language)})",
        f"{t['words']}: „{shorten(clean(mask_payment_data(message.text)), QUOTE_LIMIT)}“",  # no full card numbers
        f"{t['order']}: {', '.join(analysis.entities.order_ids) or t['none']}",
        *_extras(analysis, t),
        f"{t['told']}: {told}",
        t["promises"],
    ]
    return Handoff(team=team, note="\n".join(lines), contact=rule.contact if rule else None)


def _where(message: Message, t: dict[str, str], language: str) -> str:
    """'TikTok · Kommentar, von bene': platform and channel by their display names, in the team's language."""
    platform = display_name("platform", message.platform, language)
    channel = display_name("channel", message.channel, language)
    author = f", {t['by']} {clean(message.author)}" if message.author else ""
    return f"{platform} · {channel}{author}"


def _extras(analysis: Analysis, t: dict[str, str]) -> list[str]:
    extras = []
    if analysis.entities.products:
        extras.append(f"{t['products']}: {', '.join(analysis.entities.products)}")
    if analysis.entities.dates:
        extras.append(f"{t['dates']}: {', '.join(analysis.entities.dates)}")
    return extras
