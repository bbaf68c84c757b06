"""Draft page: a message in, one editable draft per tone side by side, checks and handoff."""

from __future__ import annotations

import streamlit as st

from assistant import Message, ReplyvoiceError, draft
from assistant.models import DraftSet
from assistant.ui import state

S = st.session_state
S.setdefault("draft_result", None)

st.title("Draft replies")
personas = str(state.personas_dir())
try:
    brand_names = state.brands(personas)
except ReplyvoiceError as exc:
    st.error(str(exc))
    st.stop()

with st.form("draft_form"):
    left, middle, right = st.columns(3)
    platform = left.selectbox("Platform", state.platforms(), key="draft_platform")
    channel = middle.selectbox("Channel", ["comment", "dm"], key="draft_channel")
    mode = right.selectbox("Mode", ["reply", "outreach"], key="draft_mode")
    brand = left.selectbox("Brand", brand_names, key="draft_brand")
    author = middle.text_input("Author", key="draft_author")
    tones = right.text_input("Tones (comma-separated, empty = brand default)", key="draft_tones")
    text = st.text_area("Message", height=120, key="draft_message")
    post = st.text_area("Post (context, or the post to comment on in outreach mode)", height=80, key="draft_post")
    submitted = st.form_submit_button("Draft", type="primary")

if submitted:
    try:
        voice = state.profile(personas, brand, platform, state.profile_mtime(personas, brand))
        message = Message(
            text=text, platform=platform, channel=channel, mode=mode, author=author or None, post=post or None
        )
        chosen = [t.strip() for t in tones.split(",") if t.strip()] or None
        with st.spinner("Drafting…"):
            S["draft_result"] = draft(message, voice, chosen)
    except ReplyvoiceError as exc:
        st.error(str(exc))

result: DraftSet | None = S["draft_result"]
if result is not None:
    a = result.analysis
    escalation = a.escalation.team if a.escalation else "none"
    st.caption(
        f"{result.profile} · {result.backend} · language {a.language} · intent {a.intent} · "
        f"sentiment {a.sentiment} · urgency {a.urgency} · escalation {escalation}"
    )
    for note in [*a.notes, *result.notices]:
        st.info(note)
    columns = st.columns(len(result.drafts))
    for column, item in zip(columns, result.drafts, strict=True):
        with column:
            st.subheader(item.tone)
            edited = st.text_area("Reply", value=item.text, key=f"draft_edit_{item.tone}", height=200)
            st.caption(f"{len(edited)} characters")
            for check in item.checks:
                st.text(f"{'✓' if check.ok else '✗'} {check.name}: {check.detail}")
    if result.handoff:
        st.subheader(f"Handoff to {result.handoff.team}")
        st.text_area("Note", value=result.handoff.note, key="draft_handoff", height=160)
