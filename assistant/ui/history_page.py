"""History page: approved replies with author and full text, local times, readable names, search, export."""

from __future__ import annotations

import io

import streamlit as st

from assistant import ReplyvoiceError
from assistant.history.spreadsheet import to_csv
from assistant.history.store import Approval
from assistant.models import INTENTS
from assistant.ui import present, state
from assistant.ui.lang import _, labelled, language, name, ngettext, shown_as
from assistant.ui.messages import shown
from assistant.ui.safe import md

ALL = ""


def headers() -> list[str]:
    """Column names in the UI language, in present.FIELDS order."""
    return [
        _("Approved"),
        _("Brand"),
        _("Platform"),
        _("Channel"),
        _("Intent"),
        _("Tone"),
        _("Author"),
        _("Message"),
        _("Reply"),
        _("Approved by"),
        _("Approved past a failing check"),
    ]


def filters() -> dict[str, str | int | None]:
    """The filter row; returns keyword arguments for Store.approvals."""
    try:
        brands = state.brands(str(state.personas_dir()))
    except ReplyvoiceError:
        brands = []
    cells = st.columns([1, 1, 1, 2, 1])
    every = _("(all)")
    picked = {
        "brand": cells[0].selectbox(
            _("Brand"), [ALL, *brands], format_func=labelled({ALL: every}), key=state.sticky("hist_brand", ALL)
        ),
        "platform": cells[1].selectbox(
            _("Platform"),
            [ALL, *state.platforms()],
            format_func=shown_as("platform", state.platforms(), **{ALL: every}),
            key=state.sticky("hist_platform", ALL),
        ),
        "intent": cells[2].selectbox(
            _("Intent"),
            [ALL, *INTENTS],
            format_func=shown_as("intent", INTENTS, **{ALL: every}),
            key=state.sticky("hist_intent", ALL),
        ),
    }
    search = cells[3].text_input(
        _("Search"),
        key=state.sticky("hist_search", ""),
        placeholder=_("words in the message, the reply or the author (ä = ae = a)"),
    )
    limit = cells[4].number_input(_("Show at most"), 10, 10_000, key=state.sticky("hist_limit", 200), step=50)
    for field, value in {**picked, "search": search, "limit": limit}.items():
        state.remember(f"hist_{field}", value)
    return {**{k: v or None for k, v in picked.items()}, "search": search.strip() or None, "limit": int(limit)}


def when(item: Approval) -> str:
    """The approval time in the browser's time zone."""
    return present.local_time(item.created_at, st.context.timezone, language())


def cards(rows: list[Approval]) -> None:
    """Every approval with its full message and reply, as plain text."""
    for item in rows:
        with st.container(border=True):
            where = " · ".join(
                [
                    when(item),
                    name("platform", item.platform),
                    name("channel", item.channel),
                    name("intent", item.intent),
                    item.tone,
                ]
            )
            by = _("by {who}").format(who=item.approved_by) if item.approved_by else ""
            st.caption(md(" · ".join(part for part in (where, by) if part)))
            left, right = st.columns(2)
            left.caption(md(_("Message from {author}").format(author=item.author)) if item.author else _("Message"))
            left.text(item.message or "–")
            right.caption(_("Reply") + (" · " + _("approved although a check failed") if item.forced else ""))
            right.text(item.text)


def table(rows: list[Approval]) -> None:
    """The approvals as a sortable table."""
    data = [present.approval_row(item, when(item), lambda k, v: name(k, v), _("yes")) for item in rows]
    st.dataframe([dict(zip(headers(), row, strict=True)) for row in data], hide_index=True, width="stretch")


def exports(rows: list[Approval]) -> None:
    """CSV that German Excel opens (BOM, `;`), and JSON Lines."""
    with st.container(horizontal=True, vertical_alignment="bottom"):
        separator = st.segmented_control(
            _("CSV separator"),
            [";", ","],
            default=";",
            key="hist_separator",
            format_func=labelled({";": _("; (Excel, German)"), ",": _(", (international)")}),
        )
        data = [present.approval_row(item, when(item), lambda k, v: name(k, v), _("yes")) for item in rows]
        st.download_button(
            _("Export CSV"),
            to_csv(headers(), data, delimiter=separator or ";"),
            "replyvoice-history.csv",
            "text/csv",
            icon=":material/download:",
            key="hist_csv",
        )
        out = io.StringIO()
        state.store().export(out, "jsonl", rows)
        st.download_button(
            _("Export JSON Lines"),
            out.getvalue(),
            "replyvoice-history.jsonl",
            "application/jsonl",
            icon=":material/download:",
            key="hist_jsonl",
        )


st.title(_("History"), anchor=False)
st.caption(_("Every approved reply. Approved replies also keep new drafts from repeating them."))
try:
    found = state.store().approvals(**filters())  # type: ignore[arg-type]
except ReplyvoiceError as exc:
    st.error(md(shown(exc)), icon=":material/error:")
    st.stop()
if not found:
    st.info(_("No approved replies match. Approve a draft and it shows up here."), icon=":material/info:")
else:
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(
            ngettext("{n} approved reply, newest first", "{n} approved replies, newest first", len(found)).format(
                n=len(found)
            ),
            width="stretch",
        )
        view = st.segmented_control(
            _("View"),
            ["cards", "table"],
            default="cards",
            key="hist_view",
            label_visibility="collapsed",
            format_func=labelled({"cards": _("Full text"), "table": _("Table")}),
        )
    exports(found)
    if view == "table":
        table(found)
    else:
        cards(found)
