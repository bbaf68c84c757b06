"""Draft page: a message in, one editable draft per tone side by side, checks, handoff, approve."""

from __future__ import annotations

import streamlit as st

from assistant import Message, ReplyvoiceError, draft
from assistant.defaults import CHANNELS, MODES
from assistant.models import Draft, DraftSet
from assistant.profiles.loading import VoiceProfile
from assistant.ui import state
from assistant.ui import variants as v
from assistant.ui.access import DraftQuota
from assistant.ui.safe import md

S = st.session_state
S.setdefault("draft_set_id", None)
S.setdefault("draft_result", None)
S.setdefault("draft_approved", {})  # draft set id -> {tone: approval id}
S.setdefault("draft_flash", None)  # a message to show once after a rerun

MODE_LABELS = {"reply": "Reply to a message", "outreach": "Comment on a creator's post"}
CHANNEL_LABELS = {"comment": "Public comment", "dm": "Direct message"}


def brand_of(result: DraftSet) -> str:
    """The brand folder of a draft set ('bohnenkiez/tiktok' -> 'bohnenkiez')."""
    return result.profile.split("/")[0]


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
        brand = top[0].selectbox("Brand", brands, key=choice("draft_brand", brands))
        platform = top[1].selectbox(
            "Platform", list(state.platforms()), key=choice("draft_platform", list(state.platforms()))
        )
        channel = top[2].selectbox(
            "Channel",
            list(CHANNELS),
            format_func=CHANNEL_LABELS.__getitem__,
            key=state.sticky("draft_channel", "comment"),
        )
        mode = top[3].selectbox(
            "Mode", list(MODES), format_func=MODE_LABELS.__getitem__, key=state.sticky("draft_mode", "reply")
        )
        voice = state.current_profile(S["draft_brand"], S["draft_platform"])
        tones_key = state.sticky(f"draft_tones_{S['draft_brand']}", list(voice.brand.default_tones))
        S[tones_key] = [t for t in S[tones_key] if t in voice.tones]
        tones = st.multiselect(
            "Tones to compare",
            list(voice.tones),
            key=tones_key,
            help="One variant per tone, side by side. Empty = the brand's default tones.",
        )
        text = st.text_area(
            "Message",
            key=state.sticky("draft_message", ""),
            height=110,
            placeholder="Paste the comment or DM you want to answer",
        )
        left, right = st.columns([1, 2])
        author = left.text_input("Author", key=state.sticky("draft_author", ""), placeholder="e.g. barista.bene")
        post = right.text_input(
            "Post (context; in outreach mode the creator's post to comment on)", key=state.sticky("draft_post", "")
        )
        with st.expander("Earlier messages in the thread"):
            thread = st.text_area("Thread (one message per line, oldest first)", key=state.sticky("draft_thread", ""))
        submitted = st.form_submit_button("Draft", type="primary", key="draft_submit", icon=":material/edit_note:")
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
    """Draft a set with the chosen backend, store it and make it the current set."""
    try:
        S.setdefault("draft_quota", DraftQuota()).spend()
        voice = state.current_profile(brand, message.platform)
        known = [t for t in tones if t in voice.tones] or None
        with st.spinner(f"Drafting {len(known or voice.brand.default_tones)} variants…"):
            result = draft(message, voice, known, state.backend(), history=state.store())
        set_id = state.store().save_draft_set(result)
    except ReplyvoiceError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        return
    show_set(set_id, result)


def show_set(set_id: int, result: DraftSet, edits: dict[str, str] | None = None) -> None:
    """Make a draft set the current one, seeding the editable texts (from stored edits after a reload)."""
    S["draft_set_id"], S["draft_result"] = set_id, result
    for item in result.drafts:
        S.setdefault(v.edit_key(set_id, item.tone), (edits or {}).get(item.tone, item.text))
    if result.handoff:
        S.setdefault(v.handoff_key(set_id), result.handoff.note)


def restore() -> None:
    """After a reload, bring back the set named in the URL with its saved edits."""
    raw = st.query_params.get("set", "")
    if S["draft_set_id"] is not None or not raw.isdigit():
        return
    try:
        stored = state.store()
        show_set(int(raw), stored.draft_set(int(raw)), stored.latest_edits(int(raw)))
    except ReplyvoiceError:
        st.query_params.pop("set", None)


# ---------------------------------------------------------------- the result


def analysis_row(result: DraftSet) -> None:
    """Language, intent, sentiment, urgency and escalation at a glance, as badges."""
    a = result.analysis
    mood = {"negative": "red", "neutral": "gray", "positive": "green"}[a.sentiment]
    urgency = {"high": "red", "medium": "orange", "low": "gray"}[a.urgency]
    with st.container(horizontal=True, gap="small"):
        st.badge(f"language {a.language}", icon=":material/translate:", color="blue")
        st.badge(f"intent {a.intent.replace('_', ' ')}", icon=":material/category:", color="violet")
        st.badge(f"sentiment {a.sentiment}", icon=":material/mood:", color=mood)  # type: ignore[arg-type]
        st.badge(f"urgency {a.urgency}", icon=":material/schedule:", color=urgency)  # type: ignore[arg-type]
        if a.escalation:
            team = a.escalation.team.replace("_", " ")
            st.badge(
                f"escalate to {team}", icon=":material/support_agent:", color="orange", help=md(a.escalation.reason)
            )
        else:
            st.badge("no escalation", icon=":material/check:", color="gray")


def message_box(result: DraftSet) -> None:
    """The incoming message, shown as plain text."""
    m = result.message
    with st.container(border=True):
        who = m.author or "someone"
        st.caption(f"{CHANNEL_LABELS[m.channel]} on {m.platform} · {MODE_LABELS[m.mode].lower()}")
        st.text(f"{who}: {m.text}" if m.text else f"{who}")
        if m.post:
            st.text(f"Post: {m.post}")


def notices(result: DraftSet) -> None:
    """The fallback warning and the pipeline's notes, as plain text."""
    if result.fallback_reason:
        st.warning(
            "The OpenAI-compatible backend did not answer usably, so these drafts come from the offline composer.",
            icon=":material/cloud_off:",
        )
        st.text(f"Reason: {result.fallback_reason}")
    for note in dict.fromkeys([*result.analysis.notes, *result.notices]):
        st.text(f"ⓘ {note}")


def variant(set_id: int, result: DraftSet, item: Draft, limit: int, differing: set[str]) -> None:
    """One tone: editable text, length, check badges, copy / regenerate / approve."""
    st.subheader(item.tone, anchor=False)
    key = v.edit_key(set_id, item.tone)
    widget = state.sticky(key, item.text)
    text = st.text_area(f"{item.tone} reply", key=widget, height=190, label_visibility="collapsed")
    if text != S[key]:
        keep_edit(set_id, item, text)
    count = v.length_label(text, limit)
    st.caption(f":red[{count}]" if len(text) > limit else count)
    badges(item, differing)
    with st.container(horizontal=True, gap="small"):
        with st.popover("Copy", icon=":material/content_copy:"):
            st.caption("Use the copy icon in the corner of the box.")
            st.code(text, language=None, wrap_lines=True)
        regenerate = st.button(
            "Redraft",
            key=f"draft_regen_{set_id}_{item.tone}",
            icon=":material/refresh:",
            help="Draft this tone again; the other variants and their edits stay",
        )
        approve = st.button("Approve", key=f"draft_approve_{set_id}_{item.tone}", type="primary")
    if regenerate:
        redraft(set_id, result, item.tone)
    if approve:
        approve_variant(set_id, item.tone, text)
    approval = S["draft_approved"].get(set_id, {}).get(item.tone)
    if approval is not None:
        st.success(f"Approved and saved to History (#{approval}).", icon=":material/check_circle:")


def badges(item: Draft, differing: set[str]) -> None:
    """Failed checks as red/orange badges, checks that differ between variants marked; details in an expander."""
    problems = v.failed(item.checks)
    with st.container(horizontal=True, gap="small"):
        if not problems:
            st.badge("all checks pass", icon=":material/check:", color="green")
        for check in problems:
            if check.severity == "block":
                st.badge(check.name.replace("_", " "), icon=":material/close:", color="red")
            else:
                st.badge(check.name.replace("_", " "), icon=":material/warning:", color="orange")
        for name in sorted(differing - {c.name for c in problems}):
            st.badge(name.replace("_", " "), icon=":material/check:", color="green")
    with st.expander(f"Checks ({len(item.checks) - len(problems)}/{len(item.checks)} pass)"):
        st.text(v.check_lines(item.checks))


def keep_edit(set_id: int, item: Draft, text: str) -> None:
    """Remember an edited text and save it to the history store (so a reload restores it)."""
    S[v.edit_key(set_id, item.tone)] = text
    try:
        state.store().save_edit(set_id, item.tone, item.text, text)
    except ReplyvoiceError as exc:
        st.error(md(f"Your edit is kept here but could not be saved: {exc}"), icon=":material/error:")


def approve_variant(set_id: int, tone: str, text: str) -> None:
    """Approve a variant with its edited text."""
    try:
        approval = state.store().approve(set_id, tone, text)
    except ReplyvoiceError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        return
    S["draft_approved"].setdefault(set_id, {})[tone] = approval.id


def redraft(set_id: int, result: DraftSet, tone: str) -> None:
    """Draft one tone again and replace only that variant (the other edits move to the new set)."""
    try:
        voice = state.current_profile(brand_of(result), result.message.platform)
        with st.spinner(f"Drafting {tone} again…"):
            old_text = next(d.text for d in result.drafts if d.tone == tone)
            fresh = draft(result.message, voice, [tone], state.backend(), history=state.store(), avoid=[old_text])
        merged = v.replace_variant(result, fresh, tone)
        new_id = state.store().save_draft_set(merged)
        for item in merged.drafts:
            edited = S.get(v.edit_key(set_id, item.tone), item.text) if item.tone != tone else item.text
            S[v.edit_key(new_id, item.tone)] = edited
            state.store().save_edit(new_id, item.tone, item.text, edited)
    except ReplyvoiceError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        return
    if result.handoff:
        S[v.handoff_key(new_id)] = S.get(v.handoff_key(set_id), result.handoff.note)
    S["draft_approved"][new_id] = dict(S["draft_approved"].get(set_id, {}))
    old = next(d.text for d in result.drafts if d.tone == tone)
    same = next(d.text for d in merged.drafts if d.tone == tone) == old
    S["draft_flash"] = f"{tone}: the composer gives the same wording for the same message; edit it." if same else None
    show_set(new_id, merged)
    st.rerun()


def handoff(set_id: int, result: DraftSet) -> None:
    """The internal note for the team that must act, editable."""
    if result.handoff is None:
        return
    st.subheader(f"Handoff: {result.handoff.team.replace('_', ' ')}", anchor=False)
    st.caption("Internal note for the team, not sent to the customer.")
    key = v.handoff_key(set_id)
    note = st.text_area("Handoff note", key=state.sticky(key, result.handoff.note), height=190)
    state.remember(key, note)
    with st.popover("Copy", icon=":material/content_copy:"):
        st.code(note, language=None, wrap_lines=True)
    if result.handoff.contact:
        st.caption(md(f"Contact: {result.handoff.contact}"))


def results(set_id: int, result: DraftSet, voice: VoiceProfile) -> None:
    """Everything about the current draft set."""
    st.divider()
    limit = voice.limit(result.message.channel)
    st.caption(
        f"Draft set #{set_id} · {result.profile} · {result.backend} backend · "
        f"{result.elapsed_ms:.0f} ms · limit {limit} characters"
    )
    message_box(result)
    analysis_row(result)
    notices(result)
    if S["draft_flash"]:
        st.info(md(S["draft_flash"]), icon=":material/info:")
        S["draft_flash"] = None
    differing = v.differing_checks(result.drafts)
    columns = st.columns(len(result.drafts) + (1 if result.handoff else 0), border=True)
    for column, item in zip(columns, result.drafts, strict=False):
        with column:
            variant(set_id, result, item, limit, differing)
    if result.handoff:
        with columns[-1]:
            handoff(set_id, result)
    texts = {d.tone: S.get(v.edit_key(set_id, d.tone), d.text) for d in result.drafts}
    st.caption("Compare the variants")
    st.dataframe(v.comparison(result, texts, limit), hide_index=True, width="stretch")


# ---------------------------------------------------------------- the page

st.title("Draft replies")
try:
    brand_names = state.brands(str(state.personas_dir()))
    if not brand_names:
        raise ReplyvoiceError(f"{state.personas_dir()}: no brand folder with a brand.yaml")
    draft_form(brand_names)
except ReplyvoiceError as exc:
    st.error(md(str(exc)), icon=":material/error:")
    st.page_link("assistant/ui/profiles_page.py", label="Fix it on the Voice profiles page", icon=":material/tune:")
    st.stop()

restore()
current: DraftSet | None = S["draft_result"]
if current is not None and S["draft_set_id"] is not None:
    st.query_params["set"] = str(S["draft_set_id"])
    try:
        results(S["draft_set_id"], current, state.current_profile(brand_of(current), current.message.platform))
    except ReplyvoiceError as exc:
        st.error(md(str(exc)), icon=":material/error:")
