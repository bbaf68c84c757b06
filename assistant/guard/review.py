"""The guard on a person's own text: what `replyvoice check`, `approve` and the app's editor use."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.analysis.reading import analyse
from assistant.guard.checks import CheckContext, blocking, run_checks
from assistant.models import Analysis, CheckResult, Message
from assistant.profiles.loading import VoiceProfile


def check_text(
    text: str,
    message: Message,
    profile: VoiceProfile,
    *,
    analysis: Analysis | None = None,
    history: Sequence[str] = (),
    siblings: Sequence[str] = (),
) -> list[CheckResult]:
    """Every check on `text` as a reply to `message` (the analysis is made when not given)."""
    ctx = CheckContext(
        text=text,
        message=message,
        analysis=analysis or analyse(message, profile),
        profile=profile,
        history=list(history),
        siblings=list(siblings),
    )
    return run_checks(ctx)


def failing(results: Sequence[CheckResult]) -> list[CheckResult]:
    """The blocking checks that failed (empty: the text may be sent)."""
    return blocking(list(results))
