"""Streamlit entry point for `streamlit run app.py` (and `make run`): the app itself is assistant/ui/main.py."""

from assistant.ui.main import run

run()
