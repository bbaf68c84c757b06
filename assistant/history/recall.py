"""Learning from approvals: what the brand already said, and the replies most like this one."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.history.store import Store
from assistant.models import Analysis, Message, brand_of
from assistant.profiles.loading import VoiceProfile
from assistant.similarity import ranked

HISTORY_LIMIT = 500  # recent approvals the repetition check compares against
EXAMPLES = 3
MIN_EXAMPLE_SCORE = 45.0
SAME_INTENT_BONUS = 20.0


@dataclass(frozen=True)
class Recall:
    """Recent approved replies (for the repetition check) and the best few-shot examples."""

    history: list[str]
    examples: list[str]


def recall(store: Store, profile: VoiceProfile, message: Message, analysis: Analysis) -> Recall:
    """The brand's recent approvals on this platform and the most similar ones as examples."""
    brand = brand_of(profile.key)
    approvals = store.recent(brand=brand, platform=message.platform, limit=HISTORY_LIMIT)
    return Recall(history=[text for text, _, _ in approvals], examples=_examples(approvals, message, analysis))


def _examples(approvals: list[tuple[str, str, str]], message: Message, analysis: Analysis) -> list[str]:
    if not approvals:
        return []
    scored = ranked(message.text or message.post or "", [m for _, m, _ in approvals], limit=EXAMPLES * 5)
    boosted = sorted(
        ((score + SAME_INTENT_BONUS * (approvals[i][2] == analysis.intent), i) for score, i in scored),
        reverse=True,
    )
    chosen = [approvals[i][0] for score, i in boosted if score >= MIN_EXAMPLE_SCORE]
    return list(dict.fromkeys(chosen))[:EXAMPLES]
