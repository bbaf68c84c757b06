"""Streamlit entry point: owns the frame and routes to the pages in assistant/ui."""

import streamlit as st

from assistant.ui.gate import require_login

st.set_page_config(page_title="replyvoice", page_icon="☕", layout="wide")
require_login()  # with [auth] in .streamlit/secrets.toml, nothing below runs before an allowed login
pages = [
    st.Page("assistant/ui/draft_page.py", title="Draft", icon=":material/edit_note:", default=True),
    st.Page("assistant/ui/profiles_page.py", title="Voice profiles", icon=":material/tune:"),
    st.Page("assistant/ui/history_page.py", title="History", icon=":material/history:"),
    st.Page("assistant/ui/settings_page.py", title="Settings", icon=":material/settings:"),
]
st.navigation(pages).run()
