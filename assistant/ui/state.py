"""Cached resources and session-state helpers shared by the pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.backends import make_backend
from assistant.backends.base import Backend
from assistant.defaults import PLATFORMS
from assistant.history.store import Store
from assistant.profiles.loading import VoiceProfile, list_brands, load_profile
from assistant.settings import (
    ENV_BASE_URL,
    ENV_KEY,
    ENV_MODEL,
    OpenAISettings,
    backend_name,
    data_dir,
    load_settings,
    openai_configured,
    personas_option,
)

S = st.session_state
BACKENDS = {"offline": "Offline composer (no network)", "openai": "OpenAI-compatible endpoint"}


def personas_dir() -> Path:
    """The personas folder: REPLYVOICE_PERSONAS or ./personas."""
    return personas_option() or Path("personas")


@st.cache_data(show_spinner=False)
def brands(personas: str) -> list[str]:
    """Brand names in the personas folder."""
    return list_brands(Path(personas))


@st.cache_data(show_spinner=False)
def profile(personas: str, brand: str, platform: str, _version: float = 0.0) -> VoiceProfile:
    """A merged profile (cached; `_version` is the files' mtime, so edits invalidate it)."""
    return load_profile(Path(personas), brand, platform)


def current_profile(brand: str, platform: str) -> VoiceProfile:
    """The merged profile of a brand on a platform, from the cache while its files are unchanged."""
    personas = str(personas_dir())
    return profile(personas, brand, platform, profile_mtime(personas, brand))


def profile_mtime(personas: str, brand: str) -> float:
    """Latest modification time of a brand's profile files (cache key)."""
    folder = Path(personas) / brand
    return max((p.stat().st_mtime_ns / 1e9 for p in folder.glob("*.yaml")), default=0.0)


def forget_profiles() -> None:
    """Drop the cached profiles (after a save)."""
    profile.clear()
    brands.clear()


def platforms() -> tuple[str, ...]:
    """The supported platforms."""
    return PLATFORMS


def sticky(key: str, default: Any) -> str:
    """Widget key for a value that survives page switches: `key` holds it, the widget key mirrors it."""
    S.setdefault(key, default)
    widget = f"w_{key}"
    if widget not in S:
        S[widget] = S[key]
    return widget


def remember(key: str, value: Any) -> Any:
    """Keep a widget's value under its sticky key; returns the value."""
    S[key] = value
    return value


# ---------------------------------------------------------------- history store


@st.cache_resource(show_spinner=False, on_release=lambda store: store.close())
def _store(directory: str) -> Store:
    return Store(directory=directory)


def store() -> Store:
    """The history database in the data directory (one cached connection per directory)."""
    return _store(str(data_dir()))


# ---------------------------------------------------------------- backend


def secret(name: str) -> str | None:
    """A value from the environment, else from Streamlit secrets (None when neither has it)."""
    if os.environ.get(name):
        return os.environ[name]
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets.toml, or an unreadable one: the environment is enough
        return None
    return str(value) if value else None


def key_source() -> str:
    """Where the API key comes from, for display (never the key itself)."""
    if os.environ.get(ENV_KEY):
        return f"environment variable {ENV_KEY}"
    if secret(ENV_KEY):
        return f"Streamlit secrets ({ENV_KEY})"
    return "not set (fine for a local server such as Ollama or vLLM)"


def default_backend() -> str:
    """REPLYVOICE_BACKEND when set, else openai when configured, else offline."""
    chosen = backend_name()
    if chosen in BACKENDS:
        return chosen
    return "openai" if openai_configured() else "offline"


def backend_choice() -> tuple[str, str, str]:
    """(backend, base URL, model) as chosen on the Settings page."""
    S.setdefault("cfg_backend", default_backend())
    S.setdefault("cfg_base_url", os.environ.get(ENV_BASE_URL, ""))
    S.setdefault("cfg_model", os.environ.get(ENV_MODEL, ""))
    return S["cfg_backend"], S["cfg_base_url"], S["cfg_model"]


def openai_settings(base_url: str, model: str) -> OpenAISettings:
    """Settings for the openai backend: these values, the key from environment or secrets (ConfigError if unusable)."""
    return load_settings(base_url=base_url or None, model=model or None, api_key=secret(ENV_KEY))


@st.cache_resource(show_spinner=False, on_release=lambda backend: backend.close())
def _openai_backend(base_url: str, model: str, key_digest: str, _settings: OpenAISettings) -> Backend:
    return make_backend("openai", settings=_settings)


def backend() -> Backend | None:
    """The chosen backend (None = offline); ConfigError when openai is chosen but not usable."""
    name, base_url, model = backend_choice()
    if name != "openai":
        return None
    settings = openai_settings(base_url, model)
    digest = hashlib.sha256(settings.api_key.encode()).hexdigest()
    return _openai_backend(settings.base_url, settings.model, digest, settings)
