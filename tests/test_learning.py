"""Learning from approvals: no repeats after approving, the team's phrasing as inspiration."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant import Message, draft
from assistant.history.habits import edit_summary
from assistant.history.store import Store

from .conftest import profile_for, sample_message, shared_samples

OWN = [
    Message(text="welcher mahlgrad für french press? meine ist immer so bitter", platform="tiktok"),
    Message(text="Ich will mein Geld zurück. Sofort!!!11", platform="facebook", channel="dm"),
    Message(text="Sind eure Tüten recyclebar oder landet das alles im Restmüll?", platform="instagram"),
    Message(text="Honestly the best beans I've had in Berlin. Do you do office deliveries?", platform="instagram"),
    Message(text="", platform="tiktok", mode="outreach", post="Mein Budget-Frühstück: Haferflocken und Filterkaffee"),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(directory=tmp_path) as opened:
        yield opened  # type: ignore[misc]


@pytest.mark.parametrize("message", OWN, ids=lambda m: (m.text or m.post or "")[:30])
def test_drafting_again_after_approving_does_not_repeat(store: Store, message: Message) -> None:
    profile = profile_for(message.platform)
    first = draft(message, profile, history=store)
    store.approve(store.save_draft_set(first), first.drafts[0].tone)
    second = draft(message, profile, history=store)
    for item in second.drafts:
        repetition = next(c for c in item.checks if c.name == "repetition")
        assert repetition.ok, (item.text, repetition.detail)
        assert item.text != first.drafts[0].text


def test_the_team_phrasing_is_inspiration_not_copy(store: Store) -> None:
    profile = profile_for("instagram")
    first = draft(Message(text="Wie lange hält sich der Kaffee offen?", platform="instagram"), profile)
    team = "Am besten 4 Wochen, luftdicht und dunkel. Verrätst du uns, wie du ihn gerade zubereitest?"
    store.approve(store.save_draft_set(first), "warm", team)
    second = draft(
        Message(text="Wie lange ist der Kaffee nach dem Öffnen haltbar?", platform="instagram"), profile, history=store
    )
    assert any("Verrätst du uns, wie du ihn gerade zubereitest?" in d.text for d in second.drafts)
    assert all(d.text != team and next(c for c in d.checks if c.name == "repetition").ok for d in second.drafts)


def test_examples_reach_the_request(store: Store) -> None:
    from assistant.pipeline import build_request

    profile = profile_for("tiktok")
    first = draft(OWN[0], profile)
    store.approve(store.save_draft_set(first), "crisp")
    request, _ = build_request(OWN[0], profile, history=store)
    assert request.examples == [first.drafts[2].text] and request.history == [first.drafts[2].text]


def test_edit_summary_names_what_people_change() -> None:
    edits = [("facebook", "Danke dir! ☕ Wir schauen nach.", "Danke dir, wir schauen nach.")] * 7
    edits += [("facebook", "Wir schauen nach.", "Wir schauen nach, versprochen.")] * 3
    summary = edit_summary(edits)
    assert summary[0] == "facebook: removed the emoji in 70% of edited drafts (7 of 10)"


def test_check_flags_over_three_rounds_with_approvals(store: Store) -> None:
    """For the closing note: how many drafts each check flagged, samples drafted 3x with approvals."""
    messages = [sample_message(s) for s in shared_samples()] or OWN
    flagged: list[Counter[str]] = [Counter(), Counter(), Counter()]
    repaired = total = repeats = 0
    for round_ in range(3):
        for message in messages:
            result = draft(message, profile_for(message.platform), history=store)
            total += len(result.drafts)
            repaired += sum(d.repaired for d in result.drafts)
            flagged[round_].update(c.name for d in result.drafts for c in d.checks if not c.ok)
            if round_ == 1:  # a blocking repetition is a copy of an approved reply; a warning, of a sibling
                repeats += sum(
                    c.name == "repetition" and c.severity == "block" and not c.ok
                    for d in result.drafts
                    for c in d.checks
                )
            store.approve(store.save_draft_set(result), result.drafts[0].tone)
    print(f"\n{len(messages)} messages x 3 rounds = {total} drafts, {repaired} repaired once; still flagged by round:")
    for name in CHECK_NAMES:
        print(f"  {name:15} {' / '.join(str(counter[name]) for counter in flagged)}")
    assert repeats == 0  # the second drafting after an approval never repeats it
    assert all(c["stock_phrases"] == c["leakage"] == c["promises"] == c["personal_data"] == 0 for c in flagged)


CHECK_NAMES = (
    "length",
    "stock_phrases",
    "language",
    "address_form",
    "emoji",
    "hashtags",
    "personal_data",
    "self_promotion",
    "repetition",
    "specificity",
    "promises",
    "leakage",
)


@pytest.mark.parametrize("message", OWN, ids=lambda m: (m.text or m.post or "")[:30])
def test_a_redraft_avoids_the_text_it_replaces(message: Message) -> None:
    profile = profile_for(message.platform)
    first = draft(message, profile, ["warm"])
    again = draft(message, profile, ["warm"], avoid=[first.drafts[0].text])
    assert again.drafts[0].text != first.drafts[0].text
