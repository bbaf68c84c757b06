"""Streamlit entry point: owns the frame and routes to the pages in assistant/ui."""

import streamlit as st

from assistant.ui import state
from assistant.ui.gate import require_login
from assistant.ui.lang import _

st.set_page_config(page_title="replyvoice", page_icon="☕", layout="wide")
require_login()  # with [auth] in .streamlit/secrets.toml, nothing below runs before an allowed login
state.load_preferences()
st.html("<style>.block-container { padding-top: 3.5rem; padding-bottom: 2rem; }</style>")
pages = [
    st.Page("assistant/ui/draft_page.py", title=_("Draft"), icon=":material/edit_note:", default=True),
    st.Page("assistant/ui/inbox_page.py", title=_("Inbox"), icon=":material/inbox:"),
    st.Page("assistant/ui/history_page.py", title=_("History"), icon=":material/history:"),
    st.Page("assistant/ui/insights_page.py", title=_("Insights"), icon=":material/insights:"),
    st.Page("assistant/ui/profiles_page.py", title=_("Voice profiles"), icon=":material/tune:"),
    st.Page("assistant/ui/settings_page.py", title=_("Settings"), icon=":material/settings:"),
]
st.navigation(pages, position="top").run()
