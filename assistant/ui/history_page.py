"""History page: approved replies, searchable and filterable, with export."""

from __future__ import annotations

import io

import streamlit as st

from assistant import ReplyvoiceError
from assistant.history.store import Approval
from assistant.models import INTENTS
from assistant.ui import state
from assistant.ui.safe import md

ALL = "(all)"
COLUMNS = ("created_at", "brand", "platform", "channel", "intent", "tone", "message", "text")


def filters() -> dict[str, str | int | None]:
    """The filter row; returns keyword arguments for Store.approvals."""
    try:
        brands = state.brands(str(state.personas_dir()))
    except ReplyvoiceError:
        brands = []
    cells = st.columns([1, 1, 1, 2, 1])
    picked = {
        "brand": cells[0].selectbox("Brand", [ALL, *brands], key=state.sticky("hist_brand", ALL)),
        "platform": cells[1].selectbox("Platform", [ALL, *state.platforms()], key=state.sticky("hist_platform", ALL)),
        "intent": cells[2].selectbox("Intent", [ALL, *INTENTS], key=state.sticky("hist_intent", ALL)),
    }
    search = cells[3].text_input(
        "Search", key=state.sticky("hist_search", ""), placeholder="words in the message or the reply"
    )
    limit = cells[4].number_input("Show at most", 10, 10_000, key=state.sticky("hist_limit", 200), step=50)
    for name, value in {**picked, "search": search, "limit": limit}.items():
        state.remember(f"hist_{name}", value)
    chosen = {k: (None if v == ALL else v) for k, v in picked.items()}
    return {**chosen, "search": search.strip() or None, "limit": int(limit)}


def exported(approvals: list[Approval], fmt: str) -> str:
    """The approvals as CSV or JSON Lines text."""
    out = io.StringIO()
    state.store().export(out, fmt, approvals)
    return out.getvalue()


st.title("History")
st.caption("Every approved reply. Approved replies also keep new drafts from repeating them.")
try:
    rows = state.store().approvals(**filters())  # type: ignore[arg-type]
except ReplyvoiceError as exc:
    st.error(md(str(exc)), icon=":material/error:")
    st.stop()
if not rows:
    st.info(
        "No approved replies match. Approve a draft on the Draft page and it shows up here.", icon=":material/info:"
    )
else:
    st.caption(f"{len(rows)} approved {'reply' if len(rows) == 1 else 'replies'}, newest first")
    st.dataframe(
        [{column: getattr(item, column) for column in COLUMNS} for item in rows],
        hide_index=True,
        width="stretch",
        column_config={
            "created_at": st.column_config.TextColumn("approved (UTC)", width="small"),
            "message": st.column_config.TextColumn("message", width="medium"),
            "text": st.column_config.TextColumn("reply", width="large"),
        },
    )
    with st.container(horizontal=True):
        st.download_button(
            "Export CSV", exported(rows, "csv"), "replyvoice-history.csv", "text/csv", icon=":material/download:"
        )
        st.download_button(
            "Export JSON Lines",
            exported(rows, "jsonl"),
            "replyvoice-history.jsonl",
            "application/jsonl",
            icon=":material/download:",
        )
