"""Settings page: language, which backend drafts, a connection test, where the data lives; choices are kept."""

from __future__ import annotations

import streamlit as st

from assistant import ReplyvoiceError
from assistant.i18n import LANGUAGES
from assistant.settings import data_dir
from assistant.ui import state
from assistant.ui.lang import _, labelled, language, set_language, shown_as
from assistant.ui.messages import shown
from assistant.ui.safe import md

S = st.session_state


def language_setting() -> str:
    """German or English for every label and message."""
    chosen = st.radio(
        _("Language of the app"),
        list(LANGUAGES),
        format_func=shown_as("language", LANGUAGES),
        key=state.sticky("cfg_ui_lang", language()),
        horizontal=True,
    )
    state.remember("cfg_ui_lang", chosen)
    if chosen != language():
        set_language(chosen)
        keep({"ui_lang": chosen})
        st.rerun()
    return str(chosen)


def backend_settings() -> tuple[str, str, str]:
    """Backend choice, base URL and model (the Draft and Inbox pages use them)."""
    name_, base_url, model = state.backend_choice()
    chosen = st.radio(
        _("Backend"),
        list(state.BACKENDS),
        format_func=labelled({b: _(label) for b, label in state.BACKENDS.items()}),
        key=state.sticky("cfg_backend", name_),
        help=_(
            "The offline composer needs no network. An OpenAI-compatible endpoint can be OpenAI, Azure OpenAI, "
            "vLLM, Ollama, llama.cpp server or LM Studio; if it fails, the offline drafts are shown with a notice."
        ),
    )
    state.remember("cfg_backend", chosen)
    disabled = chosen != "openai"
    left, right = st.columns(2)
    base_url = left.text_input(
        _("Base URL"),
        key=state.sticky("cfg_base_url", base_url),
        placeholder="https://api.openai.com/v1 or http://localhost:11434/v1",
        disabled=disabled,
    )
    model = right.text_input(
        _("Model"), key=state.sticky("cfg_model", model), placeholder="gpt-4o-mini or llama3.1", disabled=disabled
    )
    state.remember("cfg_base_url", base_url.strip())
    state.remember("cfg_model", model.strip())
    keep({"backend": chosen, "base_url": base_url.strip(), "model": model.strip()})
    key_settings(base_url.strip(), disabled)
    return chosen, base_url.strip(), model.strip()


def key_settings(base_url: str, disabled: bool) -> None:
    """Which key goes with this endpoint: the server's (admin endpoint or allowlist) or the user's own."""
    if state.uses_server_key(base_url):
        st.text(_("API key: {source}").format(source=state.key_source()))
        st.caption(
            _(
                "The server's key is used only for the endpoint the admin configured (or allowed); it is never shown "
                "or written to disk."
            )
        )
        return
    st.text_input(
        _("Your API key for this endpoint (kept for this browser session only, never saved)"),
        key="cfg_own_key",
        type="password",
        disabled=disabled,
    )
    st.caption(
        _(
            "This endpoint is not the one the admin configured, so the server's key is not sent there. Leave the field "
            "empty for a local server such as Ollama."
        )
    )


def keep(values: dict[str, str]) -> None:
    """Remember changed choices in the config file (or the user's account) so a reload keeps them."""
    saved = S.setdefault("cfg_saved", {})
    changed = {k: v for k, v in values.items() if saved.get(k, "") != v}
    if not changed:
        return
    try:
        S["cfg_saved_where"] = state.save_preferences(changed)
        saved.update(changed)
    except ReplyvoiceError as exc:
        st.warning(md(_("Your choice applies to this session but could not be saved: {error}").format(error=exc)))


def describe(check_name: str, ok: bool, model: str) -> str:
    """One connection-test line in our own words: never the endpoint's answer (it could be any server)."""
    lines = {
        ("configuration", True): _("Settings are complete"),
        ("reachable", True): _("The endpoint answers"),
        ("reachable", False): _("The endpoint does not answer as an OpenAI-compatible API"),
        ("model listed", True): _("The model {model} is served").format(model=model),
        ("model listed", False): _("The model {model} is not listed by this endpoint").format(model=model),
        ("structured output", True): _("Structured (JSON) answers work"),
        ("structured output", False): _("Structured (JSON) answers do not work"),
    }
    return lines.get((check_name, ok), check_name)


def test_connection(base_url: str, model: str) -> None:
    """Run the same checks as `replyvoice doctor`; show pass or fail per check, not what the server sent."""
    from assistant.backends.openai.backend import doctor

    try:
        settings = state.openai_settings(base_url, model, str(S.get("cfg_own_key", "")))
        with st.spinner(_("Testing the connection…")):
            checks = doctor(settings)
    except ReplyvoiceError as exc:
        st.error(md(shown(exc)), icon=":material/error:")
        return
    for check in checks:
        st.text(f"{'✓' if check.ok else '✗'} {describe(check.name, check.ok, settings.model)}")
    if all(check.ok for check in checks):
        st.success(_("The endpoint works. New drafts use it."), icon=":material/check_circle:")
    else:
        st.error(_("The endpoint is not usable yet; see the failed check above."), icon=":material/error:")


st.title(_("Settings"), anchor=False)
if "cfg_saved" not in S:  # what is remembered already: only changes from here on are written
    first_backend, first_url, first_model = state.backend_choice()
    S["cfg_saved"] = {"backend": first_backend, "base_url": first_url, "model": first_model, "ui_lang": language()}
language_setting()
st.subheader(_("Drafting backend"), anchor=False)
chosen_backend, url, model_name = backend_settings()
if st.button(
    _("Test connection"), icon=":material/network_check:", disabled=chosen_backend != "openai", key="cfg_test"
):
    test_connection(url, model_name)
if S.get("cfg_saved_where"):
    st.caption(md(_("Your choices are kept in {where}.").format(where=S["cfg_saved_where"])))
st.subheader(_("Data"), anchor=False)
st.caption(_("History database (drafts, edits, approved replies); set REPLYVOICE_DATA_DIR to move it."))
st.code(str(data_dir()), language=None)
st.caption(_("Voice profiles folder; set REPLYVOICE_PERSONAS to use another one."))
st.code(str(state.personas_dir().resolve()), language=None)
