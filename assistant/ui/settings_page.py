"""Settings page: which backend drafts, a connection test, where the data lives."""

from __future__ import annotations

import streamlit as st

from assistant import ReplyvoiceError
from assistant.settings import data_dir
from assistant.ui import state
from assistant.ui.safe import md

S = st.session_state


def backend_settings() -> tuple[str, str, str]:
    """Backend choice, base URL and model (kept in session state for the Draft page)."""
    name, base_url, model = state.backend_choice()
    name = st.radio(
        "Backend",
        list(state.BACKENDS),
        format_func=state.BACKENDS.__getitem__,
        key=state.sticky("cfg_backend", name),
        help="The offline composer needs no network. An OpenAI-compatible endpoint can be OpenAI, Azure OpenAI, "
        "vLLM, Ollama, llama.cpp server or LM Studio; if it fails, the offline drafts are shown with a notice.",
    )
    state.remember("cfg_backend", name)
    disabled = name != "openai"
    left, right = st.columns(2)
    base_url = left.text_input(
        "Base URL",
        key=state.sticky("cfg_base_url", base_url),
        placeholder="https://api.openai.com/v1 or http://localhost:11434/v1",
        disabled=disabled,
    )
    model = right.text_input(
        "Model", key=state.sticky("cfg_model", model), placeholder="gpt-4o-mini or llama3.1", disabled=disabled
    )
    state.remember("cfg_base_url", base_url.strip())
    state.remember("cfg_model", model.strip())
    st.text(f"API key: {state.key_source()}")
    st.caption(
        "The key is read from the OPENAI_API_KEY environment variable or .streamlit/secrets.toml; "
        "this app never writes it to disk. Settings here last for this browser session."
    )
    return name, base_url.strip(), model.strip()


def test_connection(base_url: str, model: str) -> None:
    """Run the same checks as `replyvoice doctor` and show each result."""
    from assistant.backends.openai.backend import doctor

    try:
        with st.spinner("Testing the connection…"):
            checks = doctor(state.openai_settings(base_url, model))
    except ReplyvoiceError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        return
    for check in checks:
        st.text(f"{'✓' if check.ok else '✗'} {check.name}: {check.detail}")
    if all(check.ok for check in checks):
        st.success("The endpoint works. New drafts use it.", icon=":material/check_circle:")
    else:
        st.error("The endpoint is not usable yet; see the failed check above.", icon=":material/error:")


st.title("Settings")
st.subheader("Drafting backend", anchor=False)
chosen, url, name = backend_settings()
if st.button("Test connection", icon=":material/network_check:", disabled=chosen != "openai", key="cfg_test"):
    test_connection(url, name)
st.subheader("Data", anchor=False)
st.caption("History database (drafts, edits, approved replies); set REPLYVOICE_DATA_DIR to move it.")
st.code(str(data_dir()), language=None)
st.caption("Voice profiles folder; set REPLYVOICE_PERSONAS to use another one.")
st.code(str(state.personas_dir().resolve()), language=None)
