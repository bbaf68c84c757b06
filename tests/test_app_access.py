"""Optional login: with [auth] configured, nothing shows before an allowed user logs in."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.errors import InputError
from assistant.ui.access import AccessPolicy, DraftQuota

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
    user = {"is_logged_in": True, "email": "Jule@Bohnenkiez.example", "name": "Jule"}
    at = app(monkeypatch, tmp_path, user, ["jule@bohnenkiez.example"])
    assert not at.exception
    assert any(area.label == "Message" for area in at.text_area)
    assert any("Logged in as" in c.value for c in at.sidebar.caption)


def test_user_not_on_the_allowlist_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    user = {"is_logged_in": True, "email": "mallory@evil.example"}
    at = app(monkeypatch, tmp_path, user, ["@bohnenkiez.example"])
    assert not at.exception
    assert "allowlist" in at.error[0].value and not at.text_area


def test_without_auth_config_there_is_no_login(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("REPLYVOICE_DATA_DIR", str(tmp_path))
    at = new_app().run()
    assert not at.exception and any(area.label == "Message" for area in at.text_area)


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
    assert AccessPolicy(allowed=allowed).admits(email) is admitted


def test_the_drafting_quota_per_session() -> None:
    quota = DraftQuota(per_minute=3)
    for second in (0.0, 1.0, 2.0):
        quota.spend(second)
    with pytest.raises(InputError, match="try again in 57 s"):
        quota.spend(3.0)
    quota.spend(61.0)  # the first run left the window
