"""The Streamlit entry script inside the package: `replyvoice app` runs it; the top-level app.py delegates here."""

from __future__ import annotations

import streamlit as st

from assistant.ui import state
from assistant.ui.gate import require_login
from assistant.ui.navigation import all_pages


def run() -> None:
    """Own the frame, require a login when configured, and route to the pages."""
    st.set_page_config(page_title="replyvoice", page_icon="☕", layout="wide")
    require_login()  # with [auth] in .streamlit/secrets.toml, nothing below runs before an allowed login
    state.load_preferences()
    st.html("<style>.block-container { padding-top: 3.5rem; padding-bottom: 2rem; }</style>")
    st.navigation(all_pages(), position="top").run()


if __name__ == "__main__":  # `streamlit run .../assistant/ui/main.py`, as `replyvoice app` does
    run()
