"""Optional login: with [auth] configured, nothing shows before an allowed user logs in."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.errors import InputError
from assistant.ui.access import AccessPolicy, DraftQuota, EndpointPolicy, QuotaBook

from .conftest import ROOT, new_app

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "replyvoice",
    "client_secret": "test-client-secret",
    "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
}


def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, user: dict[str, object], allowed: list[str]) -> AppTest:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("REPLYVOICE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REPLYVOICE_UI_LANG", "en")
    at = new_app()
    at.secrets["auth"] = AUTH
    at.secrets["replyvoice"] = {"allowed_emails": allowed}
    at.user = user
    return at.run()


def test_logged_out_users_see_only_the_login(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = app(monkeypatch, tmp_path, {"is_logged_in": False}, ["jule@bohnenkiez.example"])
    assert not at.exception
    assert [b.label for b in at.button] == ["Log in"]
    assert not at.text_area  # no message box, no drafts, no history


def test_allowed_user_gets_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    user = {"is_logged_in": True, "email": "Jule@Bohnenkiez.example", "name": "Jule", "email_verified": True}
    at = app(monkeypatch, tmp_path, user, ["jule@bohnenkiez.example"])
    assert not at.exception
    assert any(area.label == "Message" for area in at.text_area)
    assert any("Logged in as" in c.value for c in at.sidebar.caption)


def test_user_not_on_the_allowlist_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    user = {"is_logged_in": True, "email": "mallory@evil.example", "email_verified": True}
    at = app(monkeypatch, tmp_path, user, ["@bohnenkiez.example"])
    assert not at.exception
    assert "allowlist" in at.error[0].value and not at.text_area


@pytest.mark.parametrize("verified", [None, False, "false"])
def test_an_unverified_address_is_refused_even_on_the_allowlist(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, verified: object
) -> None:
    user: dict[str, object] = {"is_logged_in": True, "email": "jule@bohnenkiez.example"}
    if verified is not None:
        user["email_verified"] = verified
    at = app(monkeypatch, tmp_path, user, ["@bohnenkiez.example"])
    assert not at.exception
    assert "not verified" in at.error[0].value and not at.text_area


def test_without_auth_config_there_is_no_login(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("REPLYVOICE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REPLYVOICE_UI_LANG", "en")
    at = new_app().run()
    assert not at.exception and any(area.label == "Message" for area in at.text_area)


def test_a_broken_secrets_file_locks_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import streamlit as st
    from streamlit import config

    broken = tmp_path / "secrets.toml"
    broken.write_text('[auth]\nredirect_uri = "http://x/oauth2callback"\nclient_id = replyvoice\n', encoding="utf-8")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("REPLYVOICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPLYVOICE_UI_LANG", "en")
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(broken)])
    st.secrets._reset()
    try:
        at = new_app().run()
    finally:
        config.set_option("secrets.files", before)
        st.secrets._reset()
    assert not at.exception
    assert len(at.error) == 1 and "cannot be read" in at.error[0].value and "locked" in at.error[0].value
    assert not at.text_area and not at.button  # no app, and no way around the login


def test_a_missing_secrets_file_means_no_login(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import streamlit as st
    from streamlit import config

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("REPLYVOICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPLYVOICE_UI_LANG", "en")
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(tmp_path / "absent.toml")])
    st.secrets._reset()
    try:
        at = new_app().run()
    finally:
        config.set_option("secrets.files", before)
        st.secrets._reset()
    assert not at.exception and not at.error and at.text_area


@pytest.mark.parametrize(
    ("allowed", "email", "admitted"),
    [
        ((), "anyone@example.com", True),
        (("jule@bohnenkiez.example",), "jule@bohnenkiez.example", True),
        (("@bohnenkiez.example",), "can@bohnenkiez.example", True),
        (("@bohnenkiez.example",), "can@bohnenkiez.example.evil.com", False),
        (("jule@bohnenkiez.example",), "", False),
    ],
)
def test_allowlist(allowed: tuple[str, ...], email: str, admitted: bool) -> None:
    assert AccessPolicy(allowed=allowed).admits(email, True) is admitted


@pytest.mark.parametrize(
    ("flag", "admitted"), [(True, True), ("true", True), (False, False), (None, False), (1, False)]
)
def test_email_verified_must_be_true(flag: object, admitted: bool) -> None:
    assert AccessPolicy().admits("jule@bohnenkiez.example", flag) is admitted


def test_the_quota_is_per_user_across_sessions() -> None:
    book = QuotaBook(per_minute=2)
    book.spend("jule@x.example", 0.0)
    book.spend("Jule@X.example", 1.0)  # another tab of the same person
    with pytest.raises(InputError, match="2 drafts in a minute"):
        book.spend("jule@x.example", 2.0)
    book.spend("can@x.example", 2.0)  # a colleague has their own minute


@pytest.mark.parametrize(
    ("url", "trusted"),
    [
        ("https://api.openai.com/v1", True),
        ("https://API.openai.com:443/v1/", True),
        ("https://api.openai.com.evil.example/v1", False),
        ("http://169.254.169.254/latest", False),
        ("http://localhost:11434/v1", True),
        ("http://localhost:11434/v1/other", False),
    ],
)
def test_the_endpoint_policy(url: str, trusted: bool) -> None:
    policy = EndpointPolicy.from_secrets(
        "https://api.openai.com/v1", {"replyvoice": {"allowed_base_urls": ["http://localhost:11434/v1"]}}
    )
    assert policy.trusts(url) is trusted


def test_the_drafting_quota_window() -> None:
    quota = DraftQuota(per_minute=3)
    for second in (0.0, 1.0, 2.0):
        quota.spend(second)
    with pytest.raises(InputError, match="try again in 57 s"):
        quota.spend(3.0)
    quota.spend(61.0)  # the first run left the window


def test_one_users_tabs_share_one_quota(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import streamlit as st

    from assistant.ui import state

    from .fakeserver import FakeOpenAI

    monkeypatch.setattr(state, "DRAFTS_PER_MINUTE", 1)
    monkeypatch.setenv("REPLYVOICE_BACKEND", "openai")
    monkeypatch.setenv("REPLYVOICE_MODEL", "test-model")
    st.cache_resource.clear()
    user = {"is_logged_in": True, "email": "jule@bohnenkiez.example", "email_verified": True}
    with FakeOpenAI() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        try:
            sessions = [app(monkeypatch, tmp_path, user, ["@bohnenkiez.example"]) for _ in range(2)]
            for at in sessions:
                at.text_area(key="w_draft_message").set_value("Wie lange dauert der Versand?")
                at.button(key="draft_submit").click().run()
            assert not sessions[0].error
            assert "1 drafts a minute is the limit" in sessions[1].error[0].value.replace("\\", "")
        finally:
            st.cache_resource.clear()
