"""The Settings page with AppTest: backend choice, connection test (the doctor's checks), data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from .conftest import new_app
from .fakeserver import FakeOpenAI


@pytest.fixture
def env(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's folders, with no backend chosen by the environment."""
    monkeypatch.delenv("REPLYVOICE_BACKEND", raising=False)
    return app_env


def settings_page() -> AppTest:
    at = new_app().run()
    at.switch_page("assistant/ui/settings_page.py").run()
    assert not at.exception
    return at


def choose_openai(at: AppTest, base_url: str, model: str) -> None:
    at.radio(key="w_cfg_backend").set_value("openai").run()
    at.text_input(key="w_cfg_base_url").set_value(base_url)
    at.text_input(key="w_cfg_model").set_value(model).run()
    assert not at.exception


def test_offline_is_the_default_and_the_data_directory_is_shown(env: Path) -> None:
    at = settings_page()
    assert at.radio(key="w_cfg_backend").value == "offline"
    assert at.button(key="cfg_test").disabled
    assert str(env / "data") in [c.value for c in at.code]
    assert any("API key: not set" in t.value for t in at.text)


def test_the_connection_test_runs_the_doctor_checks_and_drafts_use_the_endpoint(env: Path) -> None:
    with FakeOpenAI() as server:
        at = settings_page()
        choose_openai(at, server.url, "test-model")
        at.button(key="cfg_test").click().run()
        assert not at.exception
        lines = [t.value for t in at.text]
        assert any(line.startswith("✓ model listed") for line in lines)
        assert any("endpoint works" in s.value for s in at.success)
        at.switch_page("assistant/ui/draft_page.py").run()
        at.text_area(key="w_draft_message").set_value("Wie lange dauert der Versand?")
        at.button(key="draft_submit").click().run()
        assert not at.exception
        assert any("openai backend" in c.value for c in at.caption)
        assert server.chat_bodies
        st.cache_resource.clear()  # close the cached client before the server stops


def test_a_missing_model_is_reported_as_one_line(env: Path) -> None:
    at = settings_page()
    choose_openai(at, "http://127.0.0.1:9/v1", "")
    at.button(key="cfg_test").click().run()
    assert not at.exception
    assert "REPLYVOICE_MODEL" in at.error[0].value.replace("\\", "")


def test_the_choice_survives_a_page_switch_and_the_key_is_never_shown(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")
    at = settings_page()
    assert at.radio(key="w_cfg_backend").value == "openai"  # configured through the environment
    choose_openai(at, "https://api.openai.com/v1", "gpt-4o-mini")
    at.switch_page("assistant/ui/history_page.py").run()
    at.switch_page("assistant/ui/settings_page.py").run()
    assert at.text_input(key="w_cfg_model").value == "gpt-4o-mini"
    assert any("environment variable OPENAI_API_KEY" in t.value for t in at.text)
    every = [str(getattr(e, "value", "")) for e in at.main]
    assert not any("sk-secret-value" in value for value in every)
