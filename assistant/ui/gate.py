"""The login gate: when [auth] is configured, nothing is shown before an allowed user logs in."""

from __future__ import annotations

import streamlit as st

from assistant.ui.access import AccessPolicy


def require_login() -> None:
    """Stop the script unless login is off, or the user is logged in and on the allowlist."""
    policy = AccessPolicy.from_secrets(_secrets())
    if policy is None:
        return
    if not st.user.is_logged_in:
        st.title("replyvoice", anchor=False)
        st.text("Please log in with your company account.")
        st.button("Log in", on_click=st.login, type="primary", key="gate_login")
        st.stop()
    email = str(st.user.get("email") or "")
    if not policy.admits(email):
        st.error("This account is not on the replyvoice allowlist; ask an admin to add it.")
        st.button("Log out", on_click=st.logout, key="gate_logout")
        st.stop()
    with st.sidebar:
        st.caption(f"Logged in as {email}")
        st.button("Log out", on_click=st.logout, key="gate_sidebar_logout")


def _secrets() -> dict[str, object]:
    """The app's secrets; none at all (no secrets.toml) means login is off."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError when there is no secrets.toml
        return {}
