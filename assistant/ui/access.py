"""Who may use the app and what it may spend: login allowlist, per-user quota, trusted endpoints (no Streamlit)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from assistant.errors import InputError

DRAFTS_PER_MINUTE = 30  # per user: bounds what one person can cost against a paid API, however many tabs


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

    def admits(self, email: str | None, verified: object = True) -> bool:
        """True for a verified, allowed address or domain ("@example.com"); any verified one when the list is empty."""
        if not email or not is_verified(verified):
            return False
        address = email.strip().lower()
        if not self.allowed:
            return True
        return any(address == entry or (entry.startswith("@") and address.endswith(entry)) for entry in self.allowed)


def is_verified(flag: object) -> bool:
    """The identity provider's email_verified claim: True (or the string "true" some providers send)."""
    return flag is True or (isinstance(flag, str) and flag.strip().lower() == "true")


@dataclass
class DraftQuota:
    """A sliding one-minute window of drafting runs for one user."""

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


@dataclass
class QuotaBook:
    """One DraftQuota per user, shared by all of that user's sessions (tabs, browsers)."""

    per_minute: int = DRAFTS_PER_MINUTE
    quotas: dict[str, DraftQuota] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def spend(self, user: str, now: float | None = None) -> None:
        """Count one drafting run for a user (InputError when their minute is used up)."""
        with self.lock:
            quota = self.quotas.setdefault(user.strip().lower(), DraftQuota(per_minute=self.per_minute))
            quota.spend(now)


def normalised_url(url: str) -> str:
    """A base URL for comparison: scheme and host in lower case, no trailing slash, default port dropped."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{parts.scheme.lower()}://{host}{port}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class EndpointPolicy:
    """Where the server's API key may go: the endpoint the admin configured, and the admin's allowlist."""

    admin_url: str
    allowed: tuple[str, ...] = ()

    @classmethod
    def from_secrets(cls, admin_url: str, secrets: Mapping[str, Any]) -> EndpointPolicy:
        """The policy for an admin endpoint plus secrets' [replyvoice] allowed_base_urls."""
        section = secrets.get("replyvoice", {}) or {}
        entries = section.get("allowed_base_urls", []) or []
        return cls(admin_url=admin_url, allowed=tuple(str(e).strip() for e in entries if str(e).strip()))

    def trusts(self, url: str) -> bool:
        """True when the server's key may be sent to this URL."""
        target = normalised_url(url)
        return target == normalised_url(self.admin_url) or any(target == normalised_url(u) for u in self.allowed)
