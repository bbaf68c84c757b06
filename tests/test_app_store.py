"""The store's workspace additions (schema v3): forced approvals, un-approve, re-approve, handoff notes, prefs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant import Message, draft
from assistant.history.store import SCHEMA_VERSION, Store

from .conftest import profile_for


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(directory=tmp_path) as opened:
        yield opened  # type: ignore[misc]


def saved(store: Store, text: str = "ich will mein geld zurück, bestellung 51877", author: str | None = "bene") -> int:
    message = Message(text=text, platform="tiktok", author=author)
    return store.save_draft_set(draft(message, profile_for("tiktok")))


def test_the_schema_has_the_workspace_columns_and_tables(tmp_path: Path) -> None:
    from assistant.history import store as module

    with Store(directory=tmp_path) as current:
        current.approve(saved(current), "warm", "alt")
    db = sqlite3.connect(tmp_path / "replyvoice.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(module.MIGRATIONS)
    columns = {row[1] for row in db.execute("PRAGMA table_info(approvals)")}
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert {"forced", "author", "approved_by"} <= columns and {"inbox", "handoff_notes", "prefs"} <= tables


def test_v2_to_v3_in_place(tmp_path: Path) -> None:
    from assistant.history.store import MIGRATIONS

    db = sqlite3.connect(tmp_path / "replyvoice.db")
    for number, script in enumerate(MIGRATIONS[:2], start=1):
        db.executescript(script)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute(
        "INSERT INTO approvals (created_at, brand, platform, channel, intent, tone, message, text, fingerprint)"
        " VALUES ('2025-01-01T00:00:00+00:00', 'b', 'tiktok', 'comment', 'other', 'warm', 'm', 'old', 'f')"
    )
    db.commit()
    db.close()
    with Store(directory=tmp_path) as migrated:
        (old,) = migrated.approvals()
        assert old.text == "old" and old.forced is False and old.author is None


def test_approving_twice_is_one_row_and_records_author_and_approver(store: Store) -> None:
    set_id = saved(store)
    first = store.approve(set_id, "warm", "Schreib uns per DM.", approved_by="jule@x.example")
    again = store.approve(set_id, "warm", "Schreib uns per DM.", approved_by="jule@x.example")
    assert first.id == again.id and store.count_approvals() == 1
    assert first.author == "bene" and first.approved_by == "jule@x.example" and first.forced is False
    assert store.set_approvals(set_id) == {"warm": first}


def test_a_forced_approval_is_recorded(store: Store) -> None:
    approval = store.approve(saved(store), "crisp", "x" * 400, forced=True)
    assert approval.forced is True and store.approvals()[0].forced is True


def test_re_approving_an_edit_replaces_the_tone_and_unapprove_withdraws(store: Store) -> None:
    set_id = saved(store)
    store.approve(set_id, "warm", "erste Fassung")
    second = store.approve(set_id, "warm", "zweite Fassung", replace=True)
    assert [a.text for a in store.approvals()] == ["zweite Fassung"]
    recent_before = store.recent(brand="bohnenkiez", platform="tiktok", limit=10)
    assert store.unapprove(second.id) is True and store.unapprove(second.id) is False
    assert store.approvals() == [] and store.set_approvals(set_id) == {}
    assert recent_before and store.recent(brand="bohnenkiez", platform="tiktok", limit=10) == []


def test_a_withdrawal_by_another_connection_reaches_the_cache(store: Store, tmp_path: Path) -> None:
    first = store.approve(saved(store), "warm", "eins")
    store.approve(saved(store, "noch eine frage"), "warm", "zwei")
    assert len(store.recent(brand="bohnenkiez", platform="tiktok", limit=10)) == 2
    with Store(directory=tmp_path) as other:
        other.unapprove(first.id)  # not the newest row: MAX(id) stays the same
    assert [t for t, _, _ in store.recent(brand="bohnenkiez", platform="tiktok", limit=10)] == ["zwei"]


def test_handoff_notes_keep_the_newest_edit(store: Store) -> None:
    set_id = saved(store)
    assert store.handoff_note(set_id) is None
    store.save_handoff_note(set_id, "Notiz 1")
    store.save_handoff_note(set_id, "Notiz 2")
    assert store.handoff_note(set_id) == "Notiz 2"


def test_prefs_are_per_user(store: Store) -> None:
    store.save_prefs("jule@x.example", {"ui_lang": "en"})
    store.save_prefs("jule@x.example", {"ui_lang": "de", "backend": "offline"})
    store.save_prefs("can@x.example", {"ui_lang": "en"})
    assert store.prefs("jule@x.example") == {"ui_lang": "de", "backend": "offline"}
    assert store.prefs("can@x.example") == {"ui_lang": "en"}


@pytest.mark.parametrize("search", ["Ruckgabe", "rueckgabe", "RÜCKGABE", "Jürgen", "juergen", "100%_sicher"])
def test_search_folds_umlauts_and_finds_the_author(store: Store, search: str) -> None:
    set_id = saved(store, "Rückgabe möglich?", author="Jürgen")
    store.approve(set_id, "warm", "Klar, 14 Tage, 100%_sicher.")
    store.approve(saved(store, "welcher mahlgrad?", author=None), "warm")
    assert len(store.approvals(search=search)) == 1


def test_the_jsonl_export_keeps_its_keys(store: Store) -> None:
    import io
    import json

    store.approve(saved(store), "warm", forced=True, approved_by="jule@x.example")
    out = io.StringIO()
    store.export(out, "jsonl", store.approvals())
    keys = set(json.loads(out.getvalue()))
    assert keys == {"id", "created_at", "brand", "platform", "channel", "intent", "tone", "message", "text"}
