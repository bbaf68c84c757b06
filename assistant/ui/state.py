"""Cached resources and session-state helpers shared by the pages."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from assistant.constants import PLATFORMS
from assistant.profiles import VoiceProfile, list_brands, load_profile


def personas_dir() -> Path:
    """The personas folder: REPLYVOICE_PERSONAS or ./personas."""
    return Path(os.environ.get("REPLYVOICE_PERSONAS", "personas"))


@st.cache_data(show_spinner=False)
def brands(personas: str) -> list[str]:
    """Brand names in the personas folder."""
    return list_brands(Path(personas))


@st.cache_data(show_spinner=False)
def profile(personas: str, brand: str, platform: str, _version: float = 0.0) -> VoiceProfile:
    """A merged profile (cached; `_version` is the files' mtime, so edits invalidate it)."""
    return load_profile(Path(personas), brand, platform)


def profile_mtime(personas: str, brand: str) -> float:
    """Latest modification time of a brand's profile files (cache key)."""
    folder = Path(personas) / brand
    return max((p.stat().st_mtime for p in folder.glob("*.yaml")), default=0.0)


def platforms() -> tuple[str, ...]:
    """The supported platforms."""
    return PLATFORMS
