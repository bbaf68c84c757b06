"""The Streamlit entry script inside the package: `replyvoice app` runs it; the top-level app.py delegates here."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.ui.gate import require_login

PAGES = Path(__file__).resolve().parent


def run() -> None:
    """Own the frame, require a login when configured, and route to the pages."""
    st.set_page_config(page_title="replyvoice", page_icon="☕", layout="wide")
    require_login()  # with [auth] in .streamlit/secrets.toml, nothing below runs before an allowed login
    pages = [
        st.Page(PAGES / "draft_page.py", title="Draft", icon=":material/edit_note:", default=True),
        st.Page(PAGES / "profiles_page.py", title="Voice profiles", icon=":material/tune:"),
        st.Page(PAGES / "history_page.py", title="History", icon=":material/history:"),
        st.Page(PAGES / "settings_page.py", title="Settings", icon=":material/settings:"),
    ]
    st.navigation(pages).run()


if __name__ == "__main__":  # `streamlit run .../assistant/ui/main.py`, as `replyvoice app` does
    run()
