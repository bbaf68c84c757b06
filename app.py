"""Streamlit entry point: owns the frame and routes to the pages in assistant/ui."""

import streamlit as st

st.set_page_config(page_title="replyvoice", page_icon="☕", layout="wide")
pages = [st.Page("assistant/ui/draft_page.py", title="Draft", icon="✍️", default=True)]
st.navigation(pages).run()
