"""The inbox: the queue library (statuses, order, next, draft all) and the Inbox page with AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import Message, draft
from assistant.errors import InputError
from assistant.history import inbox
from assistant.history.store import Store
from assistant.ui import intake
from assistant.workspace import review

from .conftest import new_app, profile_for

MESSAGES = [
    ("a1", Message(text="Welche Bohne für Cold Brew?", platform="tiktok")),
    ("a2", Message(text="ich will mein geld zurück. SOFORT!!!11", platform="tiktok", author="petens022")),
    ("a3", Message(text="Paket seit Montag in der Filiale, Bestellnummer 51877", platform="facebook", channel="dm")),
    ("a4", Message(text="euer espresso hat mich durch die prüfungsphase gebracht", platform="instagram")),
    ("a5", Message(text="Wie lange dauert der Versand nach Wien?", platform="instagram")),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(directory=tmp_path) as opened:
        yield opened  # type: ignore[misc]


def queued(store: Store) -> list[inbox.InboxItem]:
    added = inbox.add(store, "bohnenkiez", MESSAGES, profile_for)
    assert (added.added, added.duplicates) == (5, 0)
    return inbox.items(store)


def drafter(entry: inbox.InboxItem):  # type: ignore[no-untyped-def]
    return draft(entry.as_message(), profile_for(entry.platform))


def test_the_queue_puts_urgent_and_escalated_messages_first(store: Store) -> None:
    queue = queued(store)
    assert queue[0].text.startswith("ich will mein geld zurück") and queue[0].urgency == "high"
    assert queue[0].team == "after_sales"
    ranks = [(inbox.URGENCY_RANK[e.urgency], e.team is None) for e in queue]
    assert ranks == sorted(ranks)
    assert all(e.status == "new" for e in queue)


def test_importing_the_same_messages_again_adds_nothing(store: Store) -> None:
    queued(store)
    again = inbox.add(store, "bohnenkiez", MESSAGES, profile_for)
    assert (again.added, again.duplicates) == (0, 5) and len(inbox.items(store)) == 5


def test_filters(store: Store) -> None:
    queued(store)
    assert {e.platform for e in inbox.items(store, platform="instagram")} == {"instagram"}
    assert len(inbox.items(store, platform="instagram")) == 2
    assert [e.team for e in inbox.items(store, team="logistics")] == ["logistics"]
    assert all(e.team is None for e in inbox.items(store, team=""))
    assert inbox.items(store, status="done") == []
    assert inbox.items(store, intent="refund_request")[0].author == "petens022"


def test_draft_all_then_approve_then_done_and_withdraw(store: Store) -> None:
    queue = queued(store)
    steps = list(inbox.draft_all(store, queue, drafter))
    assert [s.done for s in steps] == [1, 2, 3, 4, 5] and steps[-1].total == 5 and not steps[-1].problems
    queue = inbox.items(store)
    assert all(e.status == "drafted" and e.draft_set_id for e in queue)
    first = queue[0]
    result = store.draft_set(first.draft_set_id)  # type: ignore[arg-type]
    text = result.drafts[0].text
    verdict = review.check_text(store, first.draft_set_id, result, result.drafts[0].tone, text, profile_for("tiktok"))
    approval = review.approve(store, first.draft_set_id, result.drafts[0].tone, text, verdict, confirmed=True)  # type: ignore[arg-type]
    assert approval is not None and inbox.item(store, first.id).status == "approved"
    done = inbox.set_status(store, first.id, "done", by="jule@x.example")
    assert done.status == "done" and done.updated_by == "jule@x.example"
    reopened = inbox.set_status(store, first.id, "approved")
    assert reopened.status == "approved"
    review.withdraw(store, first.draft_set_id, approval.id)  # type: ignore[arg-type]
    assert inbox.item(store, first.id).status == "drafted"


def test_status_changes_by_hand_are_checked(store: Store) -> None:
    entry = queued(store)[0]
    with pytest.raises(InputError, match="a new message cannot become done"):
        inbox.set_status(store, entry.id, "done")
    assert inbox.set_status(store, entry.id, "skipped").status == "skipped"
    assert inbox.set_status(store, entry.id, "new").status == "new"


def test_next_works_through_the_queue_and_wraps(store: Store) -> None:
    queue = queued(store)
    inbox.set_status(store, queue[1].id, "skipped")
    queue = inbox.items(store)
    open_ids = [e.id for e in queue if e.status in inbox.TO_WORK]
    seen, current = [], None
    for _ in range(len(open_ids)):
        following = inbox.next_item(queue, current)
        assert following is not None
        seen.append(following.id)
        current = following.id
    assert seen == open_ids
    assert inbox.next_item(queue, current).id == open_ids[0]  # type: ignore[union-attr]


def test_a_halt_stops_draft_all_and_leaves_the_rest_new(store: Store) -> None:
    queue = queued(store)
    calls = []

    def limited(entry: inbox.InboxItem):  # type: ignore[no-untyped-def]
        calls.append(entry.id)
        if len(calls) > 2:
            raise inbox.Halt("2 drafts in a minute is the limit here; try again in 58 s")
        return drafter(entry)

    steps = list(inbox.draft_all(store, queue, limited))
    assert steps[-1].done == 2 and "limit" in steps[-1].problems[-1]
    assert inbox.counts(inbox.items(store)) == {"new": 3, "drafted": 2, "approved": 0, "done": 0, "skipped": 0}


def test_a_redraft_moves_the_message_to_the_new_set(store: Store) -> None:
    entry = queued(store)[0]
    first = store.save_draft_set(drafter(entry))
    inbox.link(store, entry.id, first)
    second = store.save_draft_set(drafter(entry))
    inbox.relink(store, first, second)
    assert inbox.item(store, entry.id).draft_set_id == second


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("eins\nzwei\n\n", ["eins", "zwei"]),
        (
            "erste Nachricht\nmit zwei Zeilen\n\nzweite\r\n\r\ndritte",
            ["erste Nachricht\nmit zwei Zeilen", "zweite", "dritte"],
        ),
        ("  \n ", []),
    ],
)
def test_pasted_messages_split_by_line_or_blank_line(pasted: str, expected: list[str]) -> None:
    assert inbox.split_pasted(pasted) == expected


def test_files_are_read_as_batch_reads_them(tmp_path: Path) -> None:
    rows = [
        {"id": "x1", "platform": "tiktok", "message": "Welche Bohne für Cold Brew?"},
        {"platform": "facebook", "channel": "dm", "author": "bene", "message": "Paket fehlt"},
        {"platform": "myspace", "message": "?"},
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    messages, skipped = intake.from_file("in.jsonl", data, None)
    assert [i for i, _ in messages] == ["x1", None] and messages[1][1].channel == "dm"
    assert skipped and skipped[0].startswith("in.jsonl:3:")
    csv_data = "platform,message\r\ntiktok,Hallo?\r\n".encode("utf-8-sig")
    assert intake.from_file("in.csv", csv_data, None)[0][0][1].text == "Hallo?"
    with pytest.raises(InputError, match=r"use a \.csv"):
        intake.from_file("in.xlsx", b"", None)


# ---------------------------------------------------------------- the page


@pytest.fixture
def env(app_env: Path) -> Path:
    return app_env


def inbox_page() -> AppTest:
    at = new_app().run()
    at.switch_page("assistant/ui/inbox_page.py").run()
    assert not at.exception
    return at


def test_paste_import_draft_all_approve_and_done_in_the_app(env: Path) -> None:
    at = inbox_page()
    at.text_area(key="inbox_paste").set_value("\n".join(m.text for _, m in MESSAGES))
    at.button(key="inbox_import_submit").click().run()
    assert not at.exception
    assert any("5 messages added" in s.value for s in at.success)
    assert at.button(key="inbox_draft_all").label == "Draft all new (5)"
    at.button(key="inbox_draft_all").click().run()
    assert not at.exception
    assert any("5 messages drafted" in s.value for s in at.success)
    with Store(directory=env / "data") as store:
        queue = inbox.items(store)
    assert all(e.status == "drafted" for e in queue)
    current = at.session_state["inbox_current"]
    assert current == queue[0].id  # the most urgent first
    set_id = queue[0].draft_set_id
    at.button(key=f"draft_approve_{set_id}_warm").click().run()
    assert not at.exception
    assert any("Approved" in s.value for s in at.success)
    at.button(key="inbox_status_done").click().run()
    at.button(key="inbox_next").click().run()
    assert not at.exception
    assert at.session_state["inbox_current"] == queue[1].id
    with Store(directory=env / "data") as store:
        assert inbox.item(store, queue[0].id).status == "done"


def test_a_colleague_sees_the_same_queue(env: Path) -> None:
    at = inbox_page()
    at.text_area(key="inbox_paste").set_value("Wie lange dauert der Versand?\nHabt ihr Decaf?")
    at.button(key="inbox_import_submit").click().run()
    colleague = inbox_page()
    assert colleague.button(key="inbox_draft_all").label == "Draft all new (2)"
    colleague.selectbox(key="w_inbox_status").set_value("new").run()
    assert not colleague.exception
    assert len(colleague.dataframe[0].value) == 2
