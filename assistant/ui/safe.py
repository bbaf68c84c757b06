"""Showing library messages safely: text that may quote untrusted input never becomes Markdown."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^])")


def md(text: str) -> str:
    """Escape Markdown so a message (which may quote a user's text) shows literally in st.error & co."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split("\n")))
