"""Who may use the app: optional OIDC login (st.login) plus an allowlist of e-mail addresses."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import InputError

DRAFTS_PER_MINUTE = 30  # per app session: bounds what one open tab can cost against a paid API


@dataclass(frozen=True)
class AccessPolicy:
    """Login is required when the secrets configure [auth]; the allowlist narrows who gets in."""

    allowed: tuple[str, ...] = ()

    @classmethod
    def from_secrets(cls, secrets: Mapping[str, Any]) -> AccessPolicy | None:
        """The policy from .streamlit/secrets.toml, or None when no login is configured."""
        if "auth" not in secrets:
            return None
        section = secrets.get("replyvoice", {}) or {}
        entries = section.get("allowed_emails", []) or []
        return cls(allowed=tuple(str(e).strip().lower() for e in entries if str(e).strip()))

    def admits(self, email: str | None) -> bool:
        """True for an allowed address or domain ("@example.com"); everyone when the list is empty."""
        if not email:
            return False
        address = email.strip().lower()
        if not self.allowed:
            return True
        return any(address == entry or (entry.startswith("@") and address.endswith(entry)) for entry in self.allowed)


@dataclass
class DraftQuota:
    """A sliding one-minute window of drafting runs for one session."""

    per_minute: int = DRAFTS_PER_MINUTE
    stamps: deque[float] = field(default_factory=deque)

    def spend(self, now: float | None = None) -> None:
        """Count one drafting run, or raise InputError saying how long to wait."""
        now = time.monotonic() if now is None else now
        while self.stamps and now - self.stamps[0] >= 60:
            self.stamps.popleft()
        if len(self.stamps) >= self.per_minute:
            wait = 60 - (now - self.stamps[0])
            raise InputError(f"{self.per_minute} drafts in a minute is the limit here; try again in {wait:.0f} s")
        self.stamps.append(now)
