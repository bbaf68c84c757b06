"""A hook for the draft page: each draft appears the moment the model has written it.

Usage on a page (the page decides the layout)::

    box = st.container()
    result = streaming.show_drafts(box, message, profile, tones, backend, history=store)

Every draft is shown as plain text (never markdown) with its check status; the returned DraftSet is
the final, authoritative one (repairs and an offline fallback appear only there).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.models import Draft, DraftSet, Message
from assistant.pipeline import draft_stream
from assistant.profiles.loading import VoiceProfile


def show_drafts(
    container: Any, message: Message, profile: VoiceProfile, tones: list[str] | None, backend: Any, **options: Any
) -> DraftSet:
    """Run the streaming pipeline, writing each finished draft into `container`; return the DraftSet."""
    result = None
    for item in draft_stream(message, profile, tones, backend, **options):
        if isinstance(item, DraftSet):
            result = item
        else:
            show_one(container, item)
    assert result is not None
    return result


def show_one(container: Any, item: Draft) -> None:
    """One streamed draft: its tone and status as a caption, the text as plain text."""
    with container:
        st.caption(f"{item.tone} · {'ok' if item.ok else 'needs edit'} · {len(item.text)} chars")
        st.text(item.text)
