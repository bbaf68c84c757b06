"""The Settings page with AppTest: backend choice, connection test (the doctor's checks), data directory."""

from __future__ import annotations

import re
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
        assert "✓ The model test-model is served" in lines
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


def received_keys(server: FakeOpenAI) -> set[str]:
    """The Authorization headers the endpoint saw."""
    return {r.headers.get("authorization", "") for r in server.requests}


def test_a_typed_url_never_receives_the_servers_key(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-server-secret")
    with FakeOpenAI() as server:
        at = settings_page()
        choose_openai(at, server.url, "test-model")
        assert any(area.key == "cfg_own_key" for area in at.text_input)  # the user may bring their own
        at.button(key="cfg_test").click().run()
        assert not at.exception
        assert server.requests and not any("sk-server-secret" in key for key in received_keys(server))
        at.switch_page("assistant/ui/draft_page.py").run()
        at.text_area(key="w_draft_message").set_value("Wie lange dauert der Versand?")
        at.button(key="draft_submit").click().run()
        assert server.chat_bodies and not any("sk-server-secret" in key for key in received_keys(server))
        st.cache_resource.clear()


def test_the_users_own_key_goes_to_their_endpoint(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-server-secret")
    with FakeOpenAI() as server:
        at = settings_page()
        choose_openai(at, server.url, "test-model")
        at.text_input(key="cfg_own_key").set_value("sk-my-own").run()
        at.button(key="cfg_test").click().run()
        assert received_keys(server) == {"Bearer sk-my-own"}
        st.cache_resource.clear()


@pytest.mark.parametrize("how", ["environment", "allowlist"])
def test_the_admins_endpoint_and_allowlist_get_the_servers_key(
    env: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-server-secret")
    with FakeOpenAI() as server:
        if how == "environment":
            monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        at = new_app()
        if how == "allowlist":
            at.secrets["replyvoice"] = {"allowed_base_urls": [server.url + "/"]}
        at.run()
        at.switch_page("assistant/ui/settings_page.py").run()
        choose_openai(at, server.url, "test-model")
        assert not any(area.key == "cfg_own_key" for area in at.text_input)
        at.button(key="cfg_test").click().run()
        assert received_keys(server) == {"Bearer sk-server-secret"}
        st.cache_resource.clear()


def test_the_connection_test_never_shows_what_the_target_answered(env: Path) -> None:
    with FakeOpenAI(models=["INTERNAL-SECRET-42"]) as server:
        at = settings_page()
        choose_openai(at, server.url, "test-model")
        at.button(key="cfg_test").click().run()
        shown = " ".join(str(getattr(e, "value", "")) for e in at.main)
        assert "✗ The model test-model is not listed by this endpoint" in shown
        assert "INTERNAL-SECRET-42" not in shown
        server.models_status = 403
        at.button(key="cfg_test").click().run()
        shown = " ".join(str(getattr(e, "value", "")) for e in at.main).replace(server.url, "<url>")  # a port ":40312"
        shown = re.sub(r"/\S+", "<path>", shown)  # the settings' own folders ("…/home403/config"): no answer of theirs
        assert "models failed" not in shown and "403" not in shown
        assert "✗ The endpoint does not answer as an OpenAI-compatible API" in shown


def test_choices_survive_a_reload_in_the_config_file_without_the_key(
    env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# mine\n[replyvoice]\npersonas = "%s"\n' % (env / "personas"), encoding="utf-8")
    monkeypatch.setenv("REPLYVOICE_CONFIG", str(config))
    at = settings_page()
    choose_openai(at, "http://127.0.0.1:9/v1", "llama3.1")
    at.text_input(key="cfg_own_key").set_value("sk-my-own").run()
    at.radio(key="w_cfg_ui_lang").set_value("de").run()
    assert not at.exception
    written = config.read_text(encoding="utf-8")
    assert written.startswith("# mine") and 'backend = "openai"' in written and 'ui_lang = "de"' in written
    assert "[app]" in written and 'base_url = "http://127.0.0.1:9/v1"' in written and "[openai]" not in written
    assert "sk-" not in written
    monkeypatch.delenv("REPLYVOICE_UI_LANG")
    reloaded = new_app().run()
    reloaded.switch_page("assistant/ui/settings_page.py").run()
    assert reloaded.radio(key="w_cfg_backend").value == "openai"
    assert reloaded.text_input(key="w_cfg_model").value == "llama3.1"
    assert reloaded.title[0].value == "Einstellungen"


def test_the_toml_writer_keeps_comments_and_other_tables() -> None:
    import tomllib

    from assistant.workspace.prefs import set_toml_values

    text = '# my config\n[replyvoice]\nbackend = "offline" # chosen by hand\n\n[openai]\nbase_url = "http://x/v1"\n'
    updated = set_toml_values(text, "replyvoice", {"backend": "openai", "ui_lang": "en"})
    assert updated.startswith("# my config\n[replyvoice]\n") and '[openai]\nbase_url = "http://x/v1"' in updated
    assert tomllib.loads(updated)["replyvoice"] == {"backend": "openai", "ui_lang": "en"}
    quoted = set_toml_values("", "app", {"model": 'odd "name" \\ ünï'})
    assert tomllib.loads(quoted)["app"]["model"] == 'odd "name" \\ ünï'


def test_the_app_never_writes_keys_it_does_not_know(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.errors import ConfigError
    from assistant.workspace.prefs import write_prefs

    monkeypatch.setenv("REPLYVOICE_CONFIG", str(tmp_path / "config.toml"))
    with pytest.raises(ConfigError, match="does not store api_key"):
        write_prefs({"api_key": "sk-x"})
    assert not (tmp_path / "config.toml").exists()
    write_prefs({"ui_lang": "en"})
    assert (tmp_path / "config.toml").stat().st_mode & 0o777 == 0o600


def test_with_a_login_choices_are_kept_per_user(env: Path) -> None:
    from assistant.history.store import Store

    at = new_app()
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "s",
        "client_id": "c",
        "client_secret": "s",
        "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
    }
    at.user = {"is_logged_in": True, "email": "jule@bohnenkiez.example", "email_verified": True}
    at.run()
    at.switch_page("assistant/ui/settings_page.py").run()
    at.radio(key="w_cfg_ui_lang").set_value("de").run()
    assert not at.exception
    with Store(directory=env / "data") as store:
        assert store.prefs("jule@bohnenkiez.example") == {"ui_lang": "de"}
