"""Streamlit pages: thin over the library (gather input, call one function, render)."""
