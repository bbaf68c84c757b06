"""Working on one draft set (Draft and Inbox pages): variants side by side, honest checks, approve, handoff."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant import ReplyvoiceError, draft
from assistant.history import inbox
from assistant.models import CheckResult, Draft, DraftSet
from assistant.profiles.loading import VoiceProfile
from assistant.ui import state
from assistant.ui import variants as v
from assistant.ui.lang import _, language, name
from assistant.ui.messages import shown
from assistant.ui.safe import md
from assistant.ui.widgets import text_tools
from assistant.workspace import review

S = st.session_state
PER_ROW = 3  # at most three drafts side by side: each keeps a readable width


def brand_of(result: DraftSet) -> str:
    """The brand folder of a draft set ('bohnenkiez/tiktok' -> 'bohnenkiez')."""
    return result.profile.split("/")[0]


def team_name(result: DraftSet, team: str) -> str:
    """A team as the brand names it in the UI language (its label in the profile), else the catalog's name."""
    return team_label(brand_of(result), result.message.platform, team)


def team_label(brand: str, platform: str, team: str) -> str:
    """A brand's team by its profile label in the UI language, else the catalog's name."""
    try:
        voice = state.current_profile(brand, platform)
    except ReplyvoiceError:
        return name("team", team)
    rule = voice.brand.escalation.get(team)
    return (rule.label.get(language()) if rule else None) or name("team", team)


def open_set(set_id: int, result: DraftSet | None = None) -> DraftSet:
    """Make a draft set the current one, seeding the texts from the store (saved edits and handoff note)."""
    stored = state.store()
    result = result or stored.draft_set(set_id)
    edits = stored.latest_edits(set_id)
    for item in result.drafts:
        S.setdefault(v.edit_key(set_id, item.tone), edits.get(item.tone, item.text))
    if result.handoff:
        S.setdefault(v.handoff_key(set_id), stored.handoff_note(set_id) or result.handoff.note)
    return result


# ---------------------------------------------------------------- one variant


def verdict(set_id: int, result: DraftSet, item: Draft, text: str, voice: VoiceProfile) -> review.Verdict:
    """The checks of the text as it is now (cached per text in the session)."""
    key = f"draft_verdict_{set_id}_{item.tone}"
    cached = S.get(key)
    if cached and cached[0] == text:
        return cached[1]
    siblings = [S.get(v.edit_key(set_id, d.tone), d.text) for d in result.drafts if d.tone != item.tone]
    found = review.check_text(state.store(), set_id, result, item.tone, text, voice, siblings)
    S[key] = (text, found)
    return found


def variant(set_id: int, result: DraftSet, item: Draft, voice: VoiceProfile, differing: set[str]) -> None:
    """One tone: editable text, live count and copy, check badges that follow the text, approve."""
    key = v.edit_key(set_id, item.tone)
    widget = state.sticky(key, item.text)
    text = st.text_area(md(item.tone), key=widget, height=160)
    if text != S[key]:
        keep_edit(set_id, item, text)
    text_tools(f"draft_tools_{set_id}_{item.tone}", widget, text, voice.limit(result.message.channel))
    found = verdict(set_id, result, item, text, voice)
    badges(found.checks, differing, edited=text != item.text)
    approval = state.store().set_approvals(set_id).get(item.tone)
    with st.container(horizontal=True, gap="small"):
        if approval is not None and approval.text == text:
            st.button(
                _("Un-approve"),
                key=f"draft_unapprove_{set_id}_{item.tone}",
                icon=":material/undo:",
                on_click=withdraw,
                args=(set_id, approval.id),
            )
        else:
            label = _("Approve the edited text") if approval is not None else _("Approve")
            st.button(
                label,
                key=f"draft_approve_{set_id}_{item.tone}",
                type="primary",
                icon=":material/check:",
                on_click=approve,
                args=(set_id, item.tone),
            )
        regenerate = st.button(
            _("Redraft"),
            key=f"draft_regen_{set_id}_{item.tone}",
            icon=":material/refresh:",
            help=_("Draft this tone again; the other variants and their edits stay"),
        )
        check_details(found.checks)
    confirmation(set_id, item.tone, text)
    if approval is not None:
        message = _("Approved and saved to History (#{id}).").format(id=approval.id)
        if approval.forced:
            message += " " + _("Approved although a check failed.")
        if approval.text != text:
            st.warning(_("Edited since it was approved: History still has the approved text."), icon=":material/edit:")
        st.success(message, icon=":material/check_circle:")
    if regenerate:
        redraft(set_id, result, item.tone)


def badges(checks: list[CheckResult], differing: set[str], *, edited: bool) -> None:
    """Failed checks of the current text as red/orange badges."""
    problems = v.failed(checks)
    with st.container(horizontal=True, gap="small"):
        if not problems:
            st.badge(_("all checks pass"), icon=":material/check:", color="green")
        for check in problems:
            color = "red" if check.severity == "block" else "orange"
            icon = ":material/close:" if check.severity == "block" else ":material/warning:"
            st.badge(name("check", check.name), icon=icon, color=color)  # type: ignore[arg-type]
        for other in sorted(differing - {c.name for c in problems}):
            st.badge(name("check", other), icon=":material/check:", color="green")
        if edited:
            st.badge(_("checked as edited"), icon=":material/edit:", color="gray")


def check_details(checks: list[CheckResult]) -> None:
    """Every check with its detail, behind a small button."""
    passed = len(checks) - len(v.failed(checks))
    with st.popover(_("Checks ({passed}/{total} pass)").format(passed=passed, total=len(checks))):
        st.text(v.check_lines(checks))


def keep_edit(set_id: int, item: Draft, text: str) -> None:
    """Remember an edited text and save it to the history store (so a reload restores it)."""
    S[v.edit_key(set_id, item.tone)] = text
    try:
        state.store().save_edit(set_id, item.tone, item.text, text)
    except ReplyvoiceError as exc:
        st.error(md(_("Your edit is kept here but could not be saved: {error}").format(error=exc)))


def _confirm_key(set_id: int, tone: str) -> str:
    return f"draft_confirm_{set_id}_{tone}"


def approve(set_id: int, tone: str, confirmed: bool = False) -> None:
    """Approve the current text; with a failing blocking check, ask first (or store it as forced when confirmed)."""
    text = str(S.get(f"w_{v.edit_key(set_id, tone)}", S.get(v.edit_key(set_id, tone), "")))
    result: DraftSet = state.store().draft_set(set_id)
    item = next(d for d in result.drafts if d.tone == tone)
    voice = state.current_profile(brand_of(result), result.message.platform)
    found = verdict(set_id, result, item, text, voice)
    try:
        approval = review.approve(state.store(), set_id, tone, text, found, confirmed=confirmed, by=state.user())
    except ReplyvoiceError as exc:
        S["draft_flash"] = shown(exc)
        return
    if approval is None:
        S[_confirm_key(set_id, tone)] = {"text": text, "failing": found.failing}
    else:
        S.pop(_confirm_key(set_id, tone), None)


def confirmation(set_id: int, tone: str, text: str) -> None:
    """The explicit question before approving past failing blocking checks."""
    asked = S.get(_confirm_key(set_id, tone))
    if not asked:
        return
    if asked["text"] != text:
        S.pop(_confirm_key(set_id, tone), None)
        return
    failing = ", ".join(name("check", n) for n in asked["failing"])
    with st.container(border=True, key=f"draft_confirm_box_{set_id}_{tone}"):
        st.warning(
            _("These checks fail: {checks}. Approve this text anyway?").format(checks=failing),
            icon=":material/gpp_maybe:",
        )
        with st.container(horizontal=True, gap="small"):
            st.button(
                _("Approve anyway"),
                key=f"draft_force_{set_id}_{tone}",
                type="primary",
                on_click=approve,
                args=(set_id, tone, True),
            )
            st.button(
                _("Cancel"),
                key=f"draft_cancel_{set_id}_{tone}",
                on_click=S.pop,
                args=(_confirm_key(set_id, tone), None),
            )


def withdraw(set_id: int, approval_id: int) -> None:
    """Un-approve a variant."""
    try:
        review.withdraw(state.store(), set_id, approval_id, by=state.user())
    except ReplyvoiceError as exc:
        S["draft_flash"] = shown(exc)


def redraft(set_id: int, result: DraftSet, tone: str) -> None:
    """Draft one tone again and replace only that variant (the other edits move to the new set)."""
    try:
        state.spend_quota()
        voice = state.current_profile(brand_of(result), result.message.platform)
        with st.spinner(_("Drafting {tone} again…").format(tone=tone)):
            old_text = next(d.text for d in result.drafts if d.tone == tone)
            fresh = draft(result.message, voice, [tone], state.backend(), history=state.store(), avoid=[old_text])
        merged = v.replace_variant(result, fresh, tone)
        store = state.store()
        new_id = store.save_draft_set(merged)
        for item in merged.drafts:
            edited = S.get(v.edit_key(set_id, item.tone), item.text) if item.tone != tone else item.text
            S[v.edit_key(new_id, item.tone)] = edited
            store.save_edit(new_id, item.tone, item.text, edited)
        if result.handoff:
            S[v.handoff_key(new_id)] = S.get(v.handoff_key(set_id), result.handoff.note)
            store.save_handoff_note(new_id, S[v.handoff_key(new_id)])
        inbox.relink(store, set_id, new_id, by=state.user())
    except ReplyvoiceError as exc:
        st.error(md(shown(exc)), icon=":material/error:")
        return
    same = next(d.text for d in merged.drafts if d.tone == tone) == old_text
    S["draft_flash"] = (
        _("{tone}: the composer gives the same wording for the same message; edit it.").format(tone=tone)
        if same
        else None
    )
    if S.get("draft_set_id") == set_id:  # the Draft page follows its set; the Inbox follows the relinked message
        S["draft_set_id"], S["draft_result"] = new_id, merged
        st.query_params["set"] = str(new_id)
    st.rerun()


# ---------------------------------------------------------------- the set


def analysis_row(result: DraftSet) -> None:
    """Language, intent, sentiment, urgency and escalation at a glance, as badges."""
    a = result.analysis
    mood: Any = {"negative": "red", "neutral": "gray", "positive": "green"}[a.sentiment]
    urgency: Any = {"high": "red", "medium": "orange", "low": "gray"}[a.urgency]
    with st.container(horizontal=True, gap="small"):
        st.badge(name("language", a.language), icon=":material/translate:", color="blue")
        st.badge(name("intent", a.intent), icon=":material/category:", color="violet")
        st.badge(_("Mood: {mood}").format(mood=name("sentiment", a.sentiment)), icon=":material/mood:", color=mood)
        st.badge(
            _("Urgency: {urgency}").format(urgency=name("urgency", a.urgency)),
            icon=":material/schedule:",
            color=urgency,
        )
        if a.escalation:
            st.badge(
                _("Hand over to {team}").format(team=team_name(result, a.escalation.team)),
                icon=":material/support_agent:",
                color="orange",
            )
        else:
            st.badge(_("no handover"), icon=":material/check:", color="gray")


def where(result: DraftSet) -> str:
    """'TikTok · Comment · Reply to a message' in the UI language."""
    m = result.message
    return " · ".join([name("platform", m.platform), name("channel", m.channel), name("mode", m.mode)])


def notices(result: DraftSet) -> None:
    """The fallback warning and the pipeline's notes, as plain text."""
    if result.fallback_reason:
        st.warning(
            _("The OpenAI-compatible backend did not answer usably, so these drafts come from the offline composer."),
            icon=":material/cloud_off:",
        )
        st.text(_("Reason: {reason}").format(reason=result.fallback_reason))
    for note in dict.fromkeys([*result.analysis.notes, *result.notices]):
        st.text(f"ⓘ {note}")


def handoff(set_id: int, result: DraftSet) -> None:
    """The internal note for the team that must act, editable, saved with every change."""
    if result.handoff is None:
        return
    with st.container(border=True, key=f"draft_handoff_box_{set_id}"):
        st.subheader(_("Handover: {team}").format(team=team_name(result, result.handoff.team)), anchor=False)
        st.caption(_("Internal note for the team, not sent to the customer."))
        key = v.handoff_key(set_id)
        widget = state.sticky(key, result.handoff.note)
        note = st.text_area(_("Handover note"), key=widget, height=170, label_visibility="collapsed")
        if note != S[key]:
            state.remember(key, note)
            try:
                state.store().save_handoff_note(set_id, note)
            except ReplyvoiceError as exc:
                st.error(md(_("Your edit is kept here but could not be saved: {error}").format(error=exc)))
        text_tools(f"draft_handoff_tools_{set_id}", widget, note)
        if result.handoff.contact:
            st.caption(md(_("Contact: {contact}").format(contact=result.handoff.contact)))


def results(set_id: int, result: DraftSet, voice: VoiceProfile) -> None:
    """Everything about a draft set: analysis, drafts (three per row), handoff, comparison."""
    analysis_row(result)
    notices(result)
    if S.get("draft_flash"):
        st.info(md(S["draft_flash"]), icon=":material/info:")
        S["draft_flash"] = None
    differing = v.differing_checks(result.drafts)
    for start in range(0, len(result.drafts), PER_ROW):
        row = result.drafts[start : start + PER_ROW]
        for column, item in zip(st.columns(PER_ROW, border=True), row, strict=False):
            with column:
                variant(set_id, result, item, voice, differing)
    handoff(set_id, result)
    limit = voice.limit(result.message.channel)
    texts = {d.tone: S.get(v.edit_key(set_id, d.tone), d.text) for d in result.drafts}
    with st.expander(_("Compare the variants")):
        st.dataframe(comparison_rows(set_id, result, texts, limit), hide_index=True, width="stretch")
    st.caption(
        _("Draft set #{id} · {profile} · {backend} backend · {ms} ms · limit {limit} characters").format(
            id=set_id, profile=result.profile, backend=result.backend, ms=f"{result.elapsed_ms:.0f}", limit=limit
        )
    )


def _verdicts(set_id: int, result: DraftSet) -> dict[str, tuple[str, review.Verdict]]:
    found = {d.tone: S.get(f"draft_verdict_{set_id}_{d.tone}") for d in result.drafts}
    return {tone: value for tone, value in found.items() if value}


def comparison_rows(set_id: int, result: DraftSet, texts: dict[str, str], limit: int) -> list[dict[str, object]]:
    """The comparison table with translated column names."""
    columns = {
        "tone": _("Tone"),
        "characters": _("Characters"),
        "limit": _("Limit"),
        "words": _("Words"),
        "checks": _("Checks"),
        "failed checks": _("Failed checks"),
        "edited": _("Edited"),
    }
    checks = {tone: found.checks for tone, (_text, found) in _verdicts(set_id, result).items()}
    rows = v.comparison(result, texts, limit, checks)
    for row in rows:
        failed = [n for n in str(row["failed checks"]).split(", ") if n]
        row["failed checks"] = ", ".join(name("check", n) for n in failed)
        row["checks"] = _("ok") if not failed else _("{n} failed").format(n=len(failed))
    return [{columns[k]: value for k, value in row.items()} for row in rows]
