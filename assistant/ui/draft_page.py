"""Draft page: one message in; after drafting the form folds into one line and the drafts fill the screen."""

from __future__ import annotations

import streamlit as st

from assistant import Message, ReplyvoiceError, draft
from assistant.defaults import CHANNELS, MODES
from assistant.models import DraftSet
from assistant.ui import state
from assistant.ui import workbench as wb
from assistant.ui.lang import _, shown_as
from assistant.ui.messages import shown
from assistant.ui.navigation import page
from assistant.ui.safe import md

S = st.session_state
S.setdefault("draft_set_id", None)
S.setdefault("draft_result", None)
S.setdefault("draft_editing", False)  # the form is open again over a current set


def choice(key: str, options: list[str]) -> str:
    """A sticky selectbox key whose stored value is still one of the options."""
    widget = state.sticky(key, options[0])
    if S[key] not in options:
        S[key] = S[widget] = options[0]
    return widget


# ---------------------------------------------------------------- the form


def draft_form(brands: list[str]) -> None:
    """The input form; drafts and stores a new set when submitted."""
    with st.form("draft_form", border=True):
        top = st.columns(4)
        brand = top[0].selectbox(_("Brand"), brands, key=choice("draft_brand", brands))
        platform = top[1].selectbox(
            _("Platform"),
            list(state.platforms()),
            format_func=shown_as("platform", state.platforms()),
            key=choice("draft_platform", list(state.platforms())),
        )
        channel = top[2].selectbox(
            _("Channel"),
            list(CHANNELS),
            format_func=shown_as("channel", CHANNELS),
            key=state.sticky("draft_channel", "comment"),
        )
        mode = top[3].selectbox(
            _("Mode"), list(MODES), format_func=shown_as("mode", MODES), key=state.sticky("draft_mode", "reply")
        )
        voice = state.current_profile(S["draft_brand"], S["draft_platform"])
        tones_key = state.sticky(f"draft_tones_{S['draft_brand']}", list(voice.brand.default_tones))
        S[tones_key] = [t for t in S[tones_key] if t in voice.tones]
        tones = st.multiselect(
            _("Tones to compare"),
            list(voice.tones),
            key=tones_key,
            help=_("One variant per tone, side by side. Empty = the brand's default tones."),
        )
        text = st.text_area(
            _("Message"),
            key=state.sticky("draft_message", ""),
            height=110,
            placeholder=_("Paste the comment or DM you want to answer"),
        )
        left, right = st.columns([1, 2])
        author = left.text_input(_("Author"), key=state.sticky("draft_author", ""), placeholder=_("e.g. barista.bene"))
        post = right.text_input(
            _("Post (context; in outreach mode the creator's post to comment on)"), key=state.sticky("draft_post", "")
        )
        with st.expander(_("Earlier messages in the thread")):
            thread = st.text_area(
                _("Thread (one message per line, oldest first)"), key=state.sticky("draft_thread", "")
            )
        submitted = st.form_submit_button(_("Draft"), type="primary", key="draft_submit", icon=":material/edit_note:")
    for key, value in {
        "draft_brand": brand,
        "draft_platform": platform,
        "draft_channel": channel,
        "draft_mode": mode,
        f"draft_tones_{S['draft_brand']}": tones,
        "draft_message": text,
        "draft_author": author,
        "draft_post": post,
        "draft_thread": thread,
    }.items():
        state.remember(key, value)
    if submitted:
        message = Message(
            text=text,
            platform=platform,
            channel=channel,
            mode=mode,
            author=author.strip() or None,
            post=post.strip() or None,
            thread=[line.strip() for line in thread.splitlines() if line.strip()],
        )
        run_draft(message, brand, tones)


def run_draft(message: Message, brand: str, tones: list[str]) -> None:
    """Draft a set with the chosen backend, store it, make it the current set and fold the form."""
    try:
        state.spend_quota()
        voice = state.current_profile(brand, message.platform)
        known = [t for t in tones if t in voice.tones] or None
        count = len(known or voice.brand.default_tones)
        with st.spinner(_("Drafting {n} variants…").format(n=count)):
            result = draft(message, voice, known, state.backend(), history=state.store())
        set_id = state.store().save_draft_set(result)
    except ReplyvoiceError as exc:
        st.error(md(shown(exc)), icon=":material/error:")
        return
    S["draft_set_id"], S["draft_result"], S["draft_editing"] = set_id, wb.open_set(set_id, result), False
    st.query_params["set"] = str(set_id)
    st.rerun()


def new_message() -> None:
    """Start over with an empty message (brand, platform and tones stay)."""
    for key in ("draft_message", "draft_author", "draft_post", "draft_thread"):
        S[key] = S[f"w_{key}"] = ""
    S["draft_set_id"], S["draft_result"], S["draft_editing"] = None, None, False
    st.query_params.pop("set", None)


def restore() -> None:
    """After a reload, bring back the set named in the URL with its saved edits and handoff note."""
    raw = st.query_params.get("set", "")
    if S["draft_set_id"] is not None or not raw.isdigit():
        return
    try:
        S["draft_result"] = wb.open_set(int(raw))
        S["draft_set_id"] = int(raw)
    except ReplyvoiceError:
        st.query_params.pop("set", None)


def summary(result: DraftSet) -> None:
    """The folded form: where the message came from, the message itself, and the two ways on."""
    m = result.message
    with st.container(border=True, key="draft_summary"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            who = m.author or _("someone")
            st.caption(md(f"{wb.where(result)} · {who}"), width="stretch")
            st.button(
                _("Change"),
                key="draft_change",
                icon=":material/edit:",
                on_click=S.__setitem__,
                args=("draft_editing", True),
            )
            st.button(_("New message"), key="draft_new", icon=":material/add:", type="primary", on_click=new_message)
        st.text(m.text or m.post or "")
        if m.post and m.text:
            st.text(_("Post: {post}").format(post=m.post))


# ---------------------------------------------------------------- the page

st.title(_("Draft replies"), anchor=False)
restore()
current: DraftSet | None = S["draft_result"]
try:
    brand_names = state.brands(str(state.personas_dir()))
    if not brand_names:
        raise ReplyvoiceError(_("{folder}: no brand folder with a brand.yaml").format(folder=state.personas_dir()))
    if current is None or S["draft_editing"]:
        draft_form(brand_names)
except ReplyvoiceError as exc:
    st.error(md(shown(exc)), icon=":material/error:")
    st.page_link(page("profiles"), label=_("Fix it on the Voice profiles page"), icon=":material/tune:")
    st.stop()

current = S["draft_result"]
if current is not None and S["draft_set_id"] is not None:
    st.query_params["set"] = str(S["draft_set_id"])
    if not S["draft_editing"]:
        summary(current)
    try:
        wb.results(S["draft_set_id"], current, state.current_profile(wb.brand_of(current), current.message.platform))
    except ReplyvoiceError as exc:
        st.error(md(shown(exc)), icon=":material/error:")
