"""The small error hierarchy: every error a user can cause has one readable line."""

from __future__ import annotations


class ReplyvoiceError(Exception):
    """Base class; ``str(err)`` is the one line the CLI prints."""


class InputError(ReplyvoiceError):
    """The incoming message or an option is unusable (empty, too large, unknown platform)."""


class ProfileError(ReplyvoiceError):
    """A voice profile is missing or invalid; the message names file, line, field and fix."""


class BackendError(ReplyvoiceError):
    """A drafting backend failed (unreachable, slow, malformed output)."""


class ConfigError(ReplyvoiceError):
    """Configuration is missing; the message names the variable or option to set."""
