"""Drafts out of a JSON answer that is still being written: each one as soon as its text is complete.

The answer is parsed again as it grows with jiter's partial mode, which leaves out strings that are
not closed yet: a draft whose "tone" and "text" are both present is finished. Answers are a few
kilobytes, so parsing the prefix again per chunk costs microseconds.
"""

from __future__ import annotations

from typing import Any

import jiter


class DraftScanner:
    """Feed it the answer's pieces; it hands out each requested tone's draft once, when complete."""

    def __init__(self, tones: list[str]) -> None:
        """`tones` are the requested ones (matched case-insensitively, as parse_answer does)."""
        self.wanted = {t.lower(): t for t in tones}
        self.text = ""
        self.done: dict[str, str] = {}
        self.reading: Any = None

    def feed(self, piece: str) -> list[tuple[str, str]]:
        """Add a piece of the answer; return the (tone, text) pairs finished by it."""
        self.text += piece
        data = self._partial()
        if not isinstance(data, dict):
            return []
        if isinstance(data.get("reading"), dict):
            self.reading = data["reading"]
        items = data.get("drafts")
        return self._finished(items) if isinstance(items, list) else []

    def _partial(self) -> Any:
        start = self.text.find("{")
        if start < 0:
            return None
        try:
            return jiter.from_json(self.text[start:].encode(), partial_mode="on")
        except ValueError:
            return None  # not JSON (yet, or at all): the final parse decides

    def _finished(self, items: list[Any]) -> list[tuple[str, str]]:
        new = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                continue
            tone = self.wanted.get(str(item.get("tone", "")).strip().lower())
            text = item["text"].strip()
            if tone and text and tone not in self.done:
                self.done[tone] = text
                new.append((tone, text))
        return new
