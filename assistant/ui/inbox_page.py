"""Inbox page: import messages, a shared queue by urgency, draft them all, work through them with Next."""

from __future__ import annotations

import streamlit as st

from assistant import ReplyvoiceError, draft
from assistant.defaults import CHANNELS
from assistant.errors import InputError
from assistant.history import inbox
from assistant.history.inbox import InboxItem
from assistant.models import INTENTS, DraftSet
from assistant.text import shorten
from assistant.ui import intake, state
from assistant.ui import workbench as wb
from assistant.ui.lang import _, name, ngettext, shown_as
from assistant.ui.messages import shown
from assistant.ui.safe import md

S = st.session_state
S.setdefault("inbox_current", None)
S.setdefault("inbox_flash", None)
ALL = ""
FILTERS = ("platform", "intent", "team", "status")


# ---------------------------------------------------------------- import


def import_panel(brands: list[str], expanded: bool) -> None:
    """Upload a CSV/JSONL file or paste messages; both go into the shared queue."""
    with st.expander(_("Import messages"), expanded=expanded, icon=":material/upload:"), st.form("inbox_import"):
        left, middle, right = st.columns(3)
        brand = left.selectbox(_("Brand"), brands, key="inbox_import_brand")
        platform = middle.selectbox(
            _("Platform (for rows without one)"),
            list(state.platforms()),
            format_func=shown_as("platform", state.platforms()),
            key="inbox_import_platform",
        )
        channel = right.selectbox(
            _("Channel (for pasted messages)"),
            list(CHANNELS),
            format_func=shown_as("channel", CHANNELS),
            key="inbox_import_channel",
        )
        upload = st.file_uploader(
            _("CSV or JSONL file (columns as for replyvoice batch: id, platform, channel, author, message)"),
            type=["csv", "tsv", "jsonl", "json"],
            key="inbox_upload",
        )
        pasted = st.text_area(
            _("Or paste messages: one per line, or separated by a blank line"), key="inbox_paste", height=120
        )
        if st.form_submit_button(
            _("Add to the inbox"), type="primary", key="inbox_import_submit", icon=":material/add:"
        ):
            run_import(brand, platform, channel, upload, pasted)


def run_import(brand: str, platform: str, channel: str, upload: object, pasted: str) -> None:
    """Read the messages and queue them; say how many came in."""
    try:
        queued, skipped = intake.from_paste(pasted, platform, channel), list[str]()
        if upload is not None:
            from_file, skipped = intake.from_file(upload.name, upload.getvalue(), platform)  # type: ignore[attr-defined]
            queued += from_file
        if not queued and not skipped:
            raise InputError(_("Choose a file or paste at least one message."))
        added = inbox.add(state.store(), brand, queued, lambda p: state.current_profile(brand, p))
    except ReplyvoiceError as exc:
        st.error(md(shown(exc)), icon=":material/error:")
        return
    note = ngettext("{n} message added", "{n} messages added", added.added).format(n=added.added)
    if added.duplicates:
        note += " · " + ngettext("{n} was already there", "{n} were already there", added.duplicates).format(
            n=added.duplicates
        )
    S["inbox_flash"] = (note, skipped)
    st.rerun()


# ---------------------------------------------------------------- the queue


def filters(teams: list[str]) -> dict[str, str | None]:
    """Platform, intent, team and status filters (sticky), one under the other."""
    options: dict[str, list[str]] = {
        "platform": [ALL, *state.platforms()],
        "intent": [ALL, *INTENTS],
        "team": [ALL, *teams, "-"],
        "status": [ALL, *inbox.STATUSES],
    }
    labels = {"platform": _("Platform"), "intent": _("Intent"), "team": _("Team"), "status": _("Status")}
    picked: dict[str, str | None] = {}
    for field, values in options.items():
        if S.get(f"inbox_{field}", ALL) not in values:
            S[f"inbox_{field}"] = S[f"w_inbox_{field}"] = ALL
        value = st.selectbox(
            labels[field],
            values,
            format_func=shown_as(field, values, **{ALL: _("(all)"), "-": _("(none)")}),
            key=state.sticky(f"inbox_{field}", ALL),
        )
        picked[field] = state.remember(f"inbox_{field}", value) or None
    if picked["team"] == "-":
        picked["team"] = ""
    return picked


def queue_table(queue: list[InboxItem]) -> None:
    """The queue as a table; clicking a row opens that message."""
    rows = [
        {
            "#": entry.id,
            _("Status"): name("status", entry.status),
            _("Urgency"): name("urgency", entry.urgency),
            _("Team"): wb.team_label(entry.brand, entry.platform, entry.team) if entry.team else "",
            _("Platform"): name("platform", entry.platform),
            _("Channel"): name("channel", entry.channel),
            _("Intent"): name("intent", entry.intent),
            _("Author"): entry.author or "",
            _("Message"): shorten(" ".join(entry.text.split()), 160),
        }
        for entry in queue
    ]
    event = st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(rows), 320),
        on_select="rerun",
        selection_mode="single-row",
        key="inbox_table",
    )
    chosen = getattr(getattr(event, "selection", None), "rows", None) or []
    if chosen and queue[chosen[0]].id != S["inbox_current"] and S.get("inbox_picked") != queue[chosen[0]].id:
        S["inbox_current"] = S["inbox_picked"] = queue[chosen[0]].id
        st.rerun()


def drafter(entry: InboxItem) -> DraftSet:
    """Draft one queued message with the chosen backend (a used-up quota halts draft all)."""
    try:
        state.spend_quota()
    except InputError as exc:
        raise inbox.Halt(str(exc)) from None
    voice = state.current_profile(entry.brand, entry.platform)
    return draft(entry.as_message(), voice, None, state.backend(), history=state.store())


def draft_all(queue: list[InboxItem]) -> None:
    """Draft every new message of the (filtered) queue with a progress bar."""
    todo = [entry for entry in queue if entry.status == "new"]
    bar = st.progress(0.0, text=_("Drafting {n} messages…").format(n=len(todo)))
    last = None
    for step in inbox.draft_all(state.store(), queue, drafter, by=state.user()):
        bar.progress(
            step.done / max(step.total, 1), text=_("{done} of {total} drafted").format(done=step.done, total=step.total)
        )
        last = step
    done = last.done if last else 0
    note = ngettext("{n} message drafted", "{n} messages drafted", done).format(n=done)
    S["inbox_flash"] = (note, last.problems if last else [])
    if S["inbox_current"] is None and todo:
        S["inbox_current"] = todo[0].id
    st.rerun()


def go_next(queue: list[InboxItem]) -> None:
    """Open the next message still to work on."""
    following = inbox.next_item(queue, S["inbox_current"])
    S["inbox_current"] = following.id if following else None
    if following is None:
        S["inbox_flash"] = (_("Nothing left to work on in this view."), [])


def change_status(entry: InboxItem, status: str) -> None:
    """Skip, mark done or reopen a message."""
    try:
        inbox.set_status(state.store(), entry.id, status, by=state.user())
    except ReplyvoiceError as exc:
        S["inbox_flash"] = (shown(exc), [])


def draft_one(entry: InboxItem) -> None:
    """Draft the open message now."""
    try:
        result = drafter(entry)
        inbox.link(state.store(), entry.id, state.store().save_draft_set(result), by=state.user())
    except ReplyvoiceError as exc:
        S["inbox_flash"] = (shown(exc), [])


# ---------------------------------------------------------------- one message


def work(entry: InboxItem, queue: list[InboxItem]) -> None:
    """The open message: where it came from, its status, the actions and its drafts."""
    with st.container(border=True, key="inbox_work"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            urgency = {"high": "red", "medium": "orange", "low": "gray"}.get(entry.urgency, "gray")
            st.badge(name("status", entry.status), color="blue")
            st.badge(_("Urgency: {urgency}").format(urgency=name("urgency", entry.urgency)), color=urgency)  # type: ignore[arg-type]
            if entry.team:
                team = wb.team_label(entry.brand, entry.platform, entry.team)
                st.badge(_("Hand over to {team}").format(team=team), color="orange")
            where = " · ".join(
                [name("platform", entry.platform), name("channel", entry.channel), entry.author or _("someone")]
            )
            st.caption(md(f"#{entry.id} · {where}"), width="stretch")
            if entry.status == "new":
                st.button(_("Draft"), key="inbox_draft_one", type="primary", on_click=draft_one, args=(entry,))
            for status in inbox.MANUAL.get(entry.status, ()):
                label = {"skipped": _("Skip"), "done": _("Mark as posted"), "new": _("Reopen"), "approved": _("Reopen")}
                st.button(label[status], key=f"inbox_status_{status}", on_click=change_status, args=(entry, status))
            st.button(_("Next"), key="inbox_next", icon=":material/arrow_forward:", on_click=go_next, args=(queue,))
        st.text(entry.text)
    if entry.draft_set_id is None:
        return
    try:
        result = wb.open_set(entry.draft_set_id)
        wb.results(entry.draft_set_id, result, state.current_profile(entry.brand, entry.platform))
    except ReplyvoiceError as exc:
        st.error(md(shown(exc)), icon=":material/error:")


# ---------------------------------------------------------------- the page

st.title(_("Inbox"), anchor=False)
try:
    brand_names = state.brands(str(state.personas_dir()))
    everything = inbox.items(state.store())
except ReplyvoiceError as exc:
    st.error(md(shown(exc)), icon=":material/error:")
    st.stop()
if S["inbox_flash"]:
    message, problems = S["inbox_flash"]
    S["inbox_flash"] = None
    st.success(md(message), icon=":material/check_circle:")
    if problems:
        with st.expander(ngettext("{n} problem", "{n} problems", len(problems)).format(n=len(problems)), expanded=True):
            st.text("\n".join(problems))
import_panel(brand_names, expanded=not everything)
tally = inbox.counts(everything)
with st.container(horizontal=True, vertical_alignment="center", gap="small"):
    st.caption(" · ".join(f"{name('status', s)}: {n}" for s, n in tally.items()), width="stretch")
    active = sum(1 for f in FILTERS if S.get(f"inbox_{f}", ALL) != ALL)
    with st.popover(_("Filter ({n})").format(n=active) if active else _("Filter"), icon=":material/filter_list:"):
        chosen = filters(sorted({entry.team for entry in everything if entry.team}))
    view = inbox.items(state.store(), **chosen)
    fresh = sum(1 for entry in view if entry.status == "new")
    drafting = st.button(
        _("Draft all new ({n})").format(n=fresh),
        key="inbox_draft_all",
        type="primary",
        disabled=not fresh,
        icon=":material/auto_awesome:",
    )
    if S["inbox_current"] is None:
        st.button(
            _("Start"),
            key="inbox_start",
            icon=":material/play_arrow:",
            on_click=go_next,
            args=(view,),
            disabled=not any(e.status in inbox.TO_WORK for e in view),
        )
if drafting:
    draft_all(view)
current = next((entry for entry in everything if entry.id == S["inbox_current"]), None)
if current is not None:
    work(current, view)
with st.expander(_("Queue ({n})").format(n=len(view)), expanded=current is None, icon=":material/list:"):
    if view:
        queue_table(view)
    else:
        st.info(_("No messages in this view. Import some above, or change the filters."), icon=":material/info:")
