"""The app's pages in one place, so links work whether app.py or assistant/ui/main.py is the main script."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.ui.lang import _

HERE = Path(__file__).resolve().parent
# name -> (script, English title (translated when shown), icon)
PAGES = {
    "draft": ("draft_page.py", "Draft", ":material/edit_note:"),
    "inbox": ("inbox_page.py", "Inbox", ":material/inbox:"),
    "history": ("history_page.py", "History", ":material/history:"),
    "insights": ("insights_page.py", "Insights", ":material/insights:"),
    "profiles": ("profiles_page.py", "Voice profiles", ":material/tune:"),
    "settings": ("settings_page.py", "Settings", ":material/settings:"),
}


def page(name: str) -> st.Page:
    """The st.Page for a name (absolute path: independent of the main script's folder)."""
    script, title, icon = PAGES[name]
    return st.Page(HERE / script, title=_(title), icon=icon, default=name == "draft")


def all_pages() -> list[st.Page]:
    """Every page in the order of the navigation."""
    return [page(name) for name in PAGES]
