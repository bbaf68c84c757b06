"""Cached resources and session-state helpers shared by the pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.backends import make_backend
from assistant.backends.base import Backend
from assistant.defaults import DEFAULT_BASE_URL, PLACEHOLDER_KEY, PLATFORMS
from assistant.errors import ConfigError, ReplyvoiceError
from assistant.history.store import Store
from assistant.i18n import N_
from assistant.profiles.loading import VoiceProfile, list_brands, load_profile
from assistant.profiles.safety import refuse_unsafe
from assistant.settings import (
    ENV_BASE_URL,
    ENV_KEY,
    ENV_MODEL,
    OpenAISettings,
    backend_name,
    config_file,
    data_dir,
    load_settings,
    openai_configured,
    personas_option,
    read_config,
)
from assistant.ui import gate
from assistant.ui.access import DRAFTS_PER_MINUTE, EndpointPolicy, QuotaBook
from assistant.ui.lang import _, language, set_language
from assistant.workspace.prefs import read_prefs, write_prefs

S = st.session_state
BACKENDS = {"offline": N_("Offline composer (no network)"), "openai": N_("OpenAI-compatible endpoint")}


def personas_dir() -> Path:
    """The personas folder: REPLYVOICE_PERSONAS or ./personas."""
    return personas_option() or Path("personas")


@st.cache_data(show_spinner=False)
def brands(personas: str) -> list[str]:
    """Brand names in the personas folder."""
    return list_brands(Path(personas))


@st.cache_data(show_spinner=False)
def profile(personas: str, brand: str, platform: str, _version: float = 0.0) -> VoiceProfile:
    """A merged profile (cached; `_version` is the files' mtime, so edits invalidate it); unsafe YAML is refused."""
    for name in ("brand.yaml", f"{platform}.yaml"):
        path = Path(personas) / brand / name
        if path.is_file():
            refuse_unsafe(path.read_text(encoding="utf-8", errors="replace"), str(path))
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


# ---------------------------------------------------------------- user, preferences, quota


def user() -> str | None:
    """The logged-in user's e-mail address (None without a login)."""
    return gate.current_user()


def load_preferences() -> None:
    """Once per session: the language and the Settings choices remembered for this user (or this machine)."""
    if S.get("cfg_prefs_loaded_for") == (user() or ""):
        return
    try:
        prefs = read_prefs(user=user(), store=store() if user() else None)
    except ReplyvoiceError:
        prefs = {}
    if prefs.get("ui_lang"):
        set_language(prefs["ui_lang"])
    else:
        language()
    for key in ("backend", "base_url", "model"):
        if prefs.get(key) and f"cfg_{key}" not in S:
            S[f"cfg_{key}"] = prefs[key]
    S["cfg_prefs_loaded_for"] = user() or ""


def save_preferences(values: dict[str, str]) -> str:
    """Remember Settings choices; returns where (a file path or 'your account')."""
    path = write_prefs(values, user=user(), store=store() if user() else None)
    return str(path) if path else _("your account")


@st.cache_resource(show_spinner=False)
def quota_book() -> QuotaBook:
    """The drafting quotas of all users, shared by every session of this server."""
    return QuotaBook(per_minute=DRAFTS_PER_MINUTE)


def spend_quota() -> None:
    """Count one drafting run against the user's quota when it costs money (the openai backend)."""
    if backend_choice()[0] == "openai":
        quota_book().spend(user() or "local")


# ---------------------------------------------------------------- backend


def secret(name: str) -> str | None:
    """A value from the environment, else from Streamlit secrets (None when neither has it)."""
    if os.environ.get(name):
        return os.environ[name]
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets.toml (an unreadable one stops the app in gate.secrets)
        return None
    return str(value) if value else None


def admin_base_url() -> str:
    """The endpoint the admin configured (environment, config file, secrets), else OpenAI's."""
    if os.environ.get(ENV_BASE_URL):
        return os.environ[ENV_BASE_URL]
    try:
        table = read_config(config_file()).get("openai", {})
    except ConfigError:
        table = {}
    configured = table.get("base_url") if isinstance(table, dict) else None
    return str(configured or secret(ENV_BASE_URL) or DEFAULT_BASE_URL)


def endpoint_policy() -> EndpointPolicy:
    """Where the server's key may go: the admin's endpoint and secrets' [replyvoice] allowed_base_urls."""
    return EndpointPolicy.from_secrets(admin_base_url(), gate.secrets())


def uses_server_key(base_url: str) -> bool:
    """True when drafts for this URL (empty: the admin's endpoint) would carry the server's API key."""
    return endpoint_policy().trusts(base_url.strip() or admin_base_url())


def key_source() -> str:
    """Where the API key comes from, for display (never the key itself)."""
    if os.environ.get(ENV_KEY):
        return _("environment variable {name}").format(name=ENV_KEY)
    if secret(ENV_KEY):
        return _("Streamlit secrets ({name})").format(name=ENV_KEY)
    return _("not set (fine for a local server such as Ollama or vLLM)")


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


def openai_settings(base_url: str, model: str, own_key: str = "") -> OpenAISettings:
    """Settings for the openai backend (ConfigError if unusable).

    The server's key (environment, config file, secrets) goes only to the admin's endpoint or one on
    the admin's allowlist; any other URL typed in the app gets the user's own key or none.
    """
    if uses_server_key(base_url):
        return load_settings(base_url=base_url or None, model=model or None, api_key=secret(ENV_KEY))
    return load_settings(base_url=base_url.strip(), model=model or None, api_key=own_key.strip() or PLACEHOLDER_KEY)


@st.cache_resource(show_spinner=False, on_release=lambda backend: backend.close())
def _openai_backend(base_url: str, model: str, key_digest: str, _settings: OpenAISettings) -> Backend:
    return make_backend("openai", settings=_settings)


def backend() -> Backend | None:
    """The chosen backend (None = offline); ConfigError when openai is chosen but not usable."""
    name, base_url, model = backend_choice()
    if name != "openai":
        return None
    settings = openai_settings(base_url, model, str(S.get("cfg_own_key", "")))
    digest = hashlib.sha256(settings.api_key.encode()).hexdigest()
    return _openai_backend(settings.base_url, settings.model, digest, settings)
