"""Insights page: messages over time, questions the profile could not answer, edits, failed checks."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant import ReplyvoiceError
from assistant.history import insights
from assistant.ui import state
from assistant.ui.lang import _, labelled, name
from assistant.ui.messages import shown
from assistant.ui.navigation import page
from assistant.ui.safe import md

S = st.session_state
WINDOWS = {7: "7", 30: "30", 90: "90", 0: "all"}


def volume_charts(rows: list[insights.Volume]) -> None:
    """Messages per day, stacked by platform and by intent (full width, so every legend entry shows)."""
    if not rows:
        st.info(_("No messages yet. Draft or import some and they show up here."), icon=":material/info:")
        return
    frame = pd.DataFrame(
        [
            {
                _("Day"): r.day,
                _("Platform"): name("platform", r.platform),
                _("Intent"): name("intent", r.intent),
                _("Messages"): r.count,
            }
            for r in rows
        ]
    )
    st.subheader(_("Messages by platform"), anchor=False)
    by_platform = frame.groupby([_("Day"), _("Platform")], as_index=False)[_("Messages")].sum()
    st.bar_chart(by_platform, x=_("Day"), y=_("Messages"), color=_("Platform"), height=300)
    st.subheader(_("Messages by intent"), anchor=False)
    by_intent = frame.groupby([_("Day"), _("Intent")], as_index=False)[_("Messages")].sum()
    st.bar_chart(by_intent, x=_("Day"), y=_("Messages"), color=_("Intent"), height=300)


def add_fact(brand: str | None, question: str) -> None:
    """Open the profile editor with a new fact for this question."""
    S["prof_new_fact"] = {"question": question, "brand": brand}
    S["prof_file_pending"] = "brand.yaml"


def open_questions(rows: list[insights.OpenQuestion], brand: str | None) -> None:
    """Questions without a fact in the profile, most asked first, each with 'add a fact'."""
    st.subheader(_("Questions the profile could not answer"), anchor=False)
    if not rows:
        st.caption(_("None so far: every question had a fact, or the analysis does not report questions yet."))
        return
    for index, row in enumerate(rows[:20]):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.badge(f"{row.count}×", color="violet")
            st.text(row.text, width="stretch")
            if st.button(
                _("Add a fact"),
                key=f"ins_fact_{index}",
                icon=":material/add_notes:",
                on_click=add_fact,
                args=(brand, row.text),
            ):
                st.switch_page(page("profiles"))


def habits(rows: list[insights.Habit]) -> None:
    """What people change most before approving."""
    st.subheader(_("What people change before approving"), anchor=False)
    if not rows:
        st.caption(_("Not enough edited approvals yet (at least 3 per platform)."))
        return
    st.dataframe(
        [
            {
                _("Platform"): name("platform", h.platform),
                _("What changed"): name("habit", h.habit),
                _("Share of edited approvals"): f"{h.share:.0%}",
                _("Approvals"): f"{h.hits} / {h.total}",
            }
            for h in rows
        ],
        hide_index=True,
        width="stretch",
    )


def failures(rows: list[insights.CheckFailures], forced: int) -> None:
    """Check failures per check, and approvals forced past one."""
    st.subheader(_("Check failures"), anchor=False)
    if not rows:
        st.caption(_("No check failed in the drafts shown so far."))
    else:
        frame = pd.DataFrame([{_("Check"): name("check", r.name), _("Failures"): r.failures} for r in rows])
        st.bar_chart(frame, x=_("Check"), y=_("Failures"), horizontal=True, height=max(160, 32 * len(rows)))
        st.caption(_("Out of {n} drafts shown.").format(n=rows[0].drafts))
    st.caption(_("Approved although a check failed: {n}").format(n=forced))


st.title(_("Insights"), anchor=False)
try:
    brands = state.brands(str(state.personas_dir()))
except ReplyvoiceError:
    brands = []
with st.container(horizontal=True):
    brand = st.selectbox(_("Brand"), ["", *brands], format_func=labelled({"": _("(all)")}), key="ins_brand")
    days = st.segmented_control(
        _("Period"),
        list(WINDOWS),
        default=30,
        key="ins_days",
        format_func=labelled({d: _("all time") if d == 0 else _("{n} days").format(n=d) for d in WINDOWS}),
    )
chosen = brand or None
try:
    store = state.store()
    volume_charts(insights.volume(store, brand=chosen, days=days or None))
    left, right = st.columns(2)
    with left:
        open_questions(insights.open_questions(store, brand=chosen, days=days or None), chosen)
    with right:
        habits(insights.habits(store, brand=chosen))
    failures(
        insights.check_failures(store, brand=chosen, days=days or None), insights.forced_approvals(store, brand=chosen)
    )
except ReplyvoiceError as exc:
    st.error(md(shown(exc)), icon=":material/error:")
