"""The login gate: when [auth] is configured, nothing is shown before a verified, allowed user logs in."""

from __future__ import annotations

import os

import streamlit as st

from assistant.ui.access import AccessPolicy
from assistant.ui.lang import _
from assistant.ui.safe import md


def require_login() -> None:
    """Stop the script unless login is off, or the user is logged in, verified and on the allowlist."""
    policy = AccessPolicy.from_secrets(secrets())
    if policy is None:
        return
    if not st.user.is_logged_in:
        st.title("replyvoice", anchor=False)
        st.text(_("Please log in with your company account."))
        st.button(_("Log in"), on_click=st.login, type="primary", key="gate_login")
        st.stop()
    email = str(st.user.get("email") or "")
    if not policy.admits(email, st.user.get("email_verified")):
        st.error(_("This account is not verified or not on the replyvoice allowlist; ask an admin to add it."))
        st.button(_("Log out"), on_click=st.logout, key="gate_logout")
        st.stop()
    with st.sidebar:
        st.caption(md(_("Logged in as {email}").format(email=email)))
        st.button(_("Log out"), on_click=st.logout, key="gate_sidebar_logout")


def current_user() -> str | None:
    """The logged-in user's e-mail address, or None when login is off."""
    if AccessPolicy.from_secrets(secrets()) is None or not st.user.is_logged_in:
        return None
    return str(st.user.get("email") or "").strip().lower() or None


def secrets() -> dict[str, object]:
    """The app's secrets; no secrets file means login is off, but a file that cannot be read stops the app."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError as exc:  # StreamlitSecretNotFoundError: missing *or* unreadable (a TOML typo)
        present = [path for path in _secret_paths() if os.path.exists(path)]
        if not present:
            return {}
        message = _("{path} exists but cannot be read, so the app stays locked until an admin fixes it: {problem}")
        st.error(md(message.format(path=present[0], problem=_first_line(exc))), icon=":material/lock:")
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers the function ends here


def _secret_paths() -> list[str]:
    return [str(p) for p in st.get_option("secrets.files") or []]


def _first_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text.split(": ", 1)[-1] if text.startswith("Error parsing secrets file") else text
