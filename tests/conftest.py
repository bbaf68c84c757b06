"""Shared fixtures: the example profiles, the shared samples, and a drafting helper."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from assistant import DraftSet, Message, draft, load_profile
from assistant.profiles.loading import VoiceProfile

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PERSONAS = ROOT / "personas"
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "messages.yaml"
GERMEVAL = SHARED / "corpora" / "germeval2021" / "comments.csv"


@functools.cache
def profile_for(platform: str) -> VoiceProfile:
    """The example brand's merged profile for a platform."""
    return load_profile(PERSONAS, "bohnenkiez", platform)


def draft_text(text: str, platform: str = "tiktok", **fields: Any) -> DraftSet:
    """Draft a reply offline for a message with the example brand."""
    return draft(Message(text=text, platform=platform, **fields), profile_for(platform))  # type: ignore[arg-type]


def shared_samples() -> list[dict[str, Any]]:
    """The shared sample messages (empty when ../shared is not there)."""
    if not SAMPLES.exists():
        return []
    return list(yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))["messages"])


def sample_message(sample: dict[str, Any], *, text_key: str = "message") -> Message:
    """A Message from one entry of the shared samples (or of a test table, with `text_key="text"`)."""
    return Message(
        text=sample.get(text_key, "") or "",
        platform=sample["platform"],
        channel=sample.get("channel", "comment"),
        mode=sample.get("mode", "reply"),
        author=sample.get("author"),
        post=sample.get("post"),
    )


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not next to this clone")


@pytest.fixture(autouse=True)
def _no_user_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never see the developer's own OpenAI settings, config file or local model server."""
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "REPLYVOICE_MODEL",
        "REPLYVOICE_CONFIG",
        "REPLYVOICE_DATA_DIR",
        "REPLYVOICE_UI_LANG",
    ):
        monkeypatch.delenv(name, raising=False)
    # Never find (and draft with) a real local model server on the developer's machine.
    monkeypatch.setenv("REPLYVOICE_DISCOVER", "off")
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """For app tests: a private copy of the personas and a data directory; the app runs from the root."""
    import streamlit as st

    shutil.copytree(PERSONAS, tmp_path / "personas")
    monkeypatch.setenv("REPLYVOICE_PERSONAS", str(tmp_path / "personas"))
    monkeypatch.setenv("REPLYVOICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPLYVOICE_BACKEND", "offline")
    monkeypatch.setenv("REPLYVOICE_UI_LANG", "en")  # these tests read English labels; test_app_german.py the German
    monkeypatch.chdir(ROOT)
    yield tmp_path
    st.cache_resource.clear()  # cached stores and clients belong to this test's folders


def new_app(**secrets: object) -> AppTest:
    """A fresh, not yet run session of the app (app.py at the project root), with optional secrets."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in secrets.items():
        at.secrets[name] = value
    return at


def text_tools(at: AppTest, key: str) -> dict[str, Any]:
    """The data of the live counter / copy component with this key (what the browser counts and copies)."""
    import json

    for element in at.get("bidi_component") or []:
        proto = element.proto  # type: ignore[attr-defined]
        if proto.id.endswith(f"-{key}"):
            return dict(json.loads(proto.json))
    raise AssertionError(f"no text tools component {key!r}")
