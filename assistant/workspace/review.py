"""Honest review: checks that follow the edited text, and approvals that say when they were forced."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.guard.checks import blocking
from assistant.guard.review import check_text as guard_check
from assistant.history import inbox
from assistant.history.recall import HISTORY_LIMIT
from assistant.history.store import Approval, Store
from assistant.models import CheckResult, DraftSet, brand_of
from assistant.profiles.loading import VoiceProfile, load_profile


@dataclass(frozen=True)
class Verdict:
    """The checks of a text and the blocking ones that fail (an approval must then be confirmed)."""

    checks: list[CheckResult]

    @property
    def failing(self) -> list[str]:
        """Names of the failing blocking checks."""
        return [c.name for c in blocking(self.checks)]

    @property
    def ok(self) -> bool:
        """No blocking check fails."""
        return not self.failing


def check_text(
    store: Store | None,
    draft_set_id: int | None,
    result: DraftSet,
    tone: str,
    text: str,
    profile: VoiceProfile,
    siblings: list[str] | None = None,
) -> Verdict:
    """The guard's checks on a person's text for one variant (the drafted checks when it is unchanged)."""
    drafted = next((d for d in result.drafts if d.tone == tone), None)
    if drafted is not None and drafted.text == text and drafted.checks:
        return Verdict(checks=list(drafted.checks))
    others = siblings if siblings is not None else [d.text for d in result.drafts if d.tone != tone]
    history = _history(store, draft_set_id, result)
    checks = guard_check(text, result.message, profile, analysis=result.analysis, history=history, siblings=others)
    return Verdict(checks=checks)


def _history(store: Store | None, draft_set_id: int | None, result: DraftSet) -> list[str]:
    """Recent approvals on the platform, minus this set's own (approving must not make it a repeat of itself)."""
    if store is None:
        return []
    own = {a.text for a in store.set_approvals(draft_set_id).values()} if draft_set_id is not None else set()
    recent = store.recent(brand=brand_of(result.profile), platform=result.message.platform, limit=HISTORY_LIMIT)
    return [text for text, _, _ in recent if text not in own]


def approve(
    store: Store, draft_set_id: int, tone: str, text: str, verdict: Verdict, *, confirmed: bool, by: str | None = None
) -> Approval | None:
    """Approve a variant's text; None when a blocking check fails and the person has not confirmed yet.

    Approving the same text again returns the stored approval; a changed text replaces this tone's
    earlier approval. A confirmed approval past failing checks is stored as forced.
    """
    if not verdict.ok and not confirmed:
        return None
    approval = store.approve(draft_set_id, tone, text, forced=not verdict.ok, approved_by=by, replace=True)
    inbox.sync(store, draft_set_id, by=by)
    return approval


def withdraw(store: Store, draft_set_id: int, approval_id: int, *, by: str | None = None) -> None:
    """Un-approve: the reply leaves History, the inbox message goes back to drafted when nothing else is approved."""
    store.unapprove(approval_id)
    inbox.sync(store, draft_set_id, by=by)


def approve_checked(
    store: Store, draft_set_id: int, tone: str, text: str | None, *, personas: Path, force: bool, by: str | None = None
) -> tuple[Approval | None, list[str]]:
    """Approve after re-checking the (edited) text: (approval or None when refused, failing blocking checks)."""
    result = store.draft_set(draft_set_id)
    drafted = next((d.text for d in result.drafts if d.tone == tone), None)
    final = text if text is not None else drafted
    if final is None:
        return store.approve(draft_set_id, tone, text), []  # the store names the tones this set has
    brand, _, platform = result.profile.partition("/")
    verdict = check_text(store, draft_set_id, result, tone, final, load_profile(personas, brand, platform))
    return approve(store, draft_set_id, tone, final, verdict, confirmed=force, by=by), verdict.failing
