"""The history store: schema, idempotent approvals, search, export/import, crash safety."""

from __future__ import annotations

import io
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Message, draft
from assistant.history.store import SCHEMA_VERSION, Store, StoreError

from .conftest import ROOT, profile_for


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(directory=tmp_path) as opened:
        yield opened  # type: ignore[misc]


def saved(store: Store, text: str = "welcher mahlgrad für french press?", platform: str = "tiktok") -> int:
    return store.save_draft_set(draft(Message(text=text, platform=platform), profile_for(platform)))  # type: ignore[arg-type]


def test_wal_and_schema_version(store: Store) -> None:
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    Store(directory=tmp_path).close()
    db = sqlite3.connect(tmp_path / "replyvoice.db")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer than this replyvoice understands"):
        Store(directory=tmp_path)


def test_draft_sets_round_trip(store: Store) -> None:
    draft_set_id = saved(store)
    restored = store.draft_set(draft_set_id)
    assert restored.analysis.intent == "product_question" and len(restored.drafts) == 3


def test_double_click_stores_one_approval(store: Store) -> None:
    draft_set_id = saved(store)
    first = store.approve(draft_set_id, "warm")
    second = store.approve(draft_set_id, "warm")
    assert first.id == second.id and store.count_approvals() == 1


def test_edited_approval_keeps_the_edit(store: Store) -> None:
    draft_set_id = saved(store)
    original = store.draft_set(draft_set_id).drafts[0].text
    store.approve(draft_set_id, "warm", "Grob mahlen, 4 Minuten ziehen lassen!")
    assert store.edits() == [("tiktok", original, "Grob mahlen, 4 Minuten ziehen lassen!")]
    assert store.latest_edits(draft_set_id) == {"warm": "Grob mahlen, 4 Minuten ziehen lassen!"}


@pytest.mark.parametrize(
    ("tone", "text", "message"),
    [("grumpy", None, "no tone 'grumpy'"), ("warm", "   ", "empty")],
)
def test_bad_approvals_are_refused(store: Store, tone: str, text: str | None, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.approve(saved(store), tone, text)


def test_unknown_draft_set(store: Store) -> None:
    with pytest.raises(StoreError, match="no draft set with id 42"):
        store.approve(42, "warm")


@pytest.mark.parametrize(
    ("filters", "count"),
    [
        ({}, 3),
        ({"platform": "tiktok"}, 2),
        ({"intent": "refund_request"}, 1),
        ({"search": "100%_sicher"}, 1),
        ({"search": "%"}, 1),
        ({"search": "nirgends"}, 0),
    ],
)
def test_search_and_filters_use_parameters(store: Store, filters: dict[str, str], count: int) -> None:
    store.approve(saved(store), "warm")
    store.approve(saved(store, "ich will mein geld zurück"), "crisp", "Schreib uns per DM, 100%_sicher.")
    store.approve(saved(store, "Sind eure Tüten recyclebar?", "instagram"), "warm")
    assert len(store.approvals(**filters)) == count  # type: ignore[arg-type]


def test_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    store.approve(saved(store), "warm")
    for fmt in ("csv", "jsonl"):
        out = io.StringIO()
        assert store.export(out, fmt, store.approvals()) == 1
        assert "mahlgrad" in out.getvalue()
    rows = [json.loads(line) for line in io.StringIO(_jsonl(store)).read().splitlines()]
    with Store(directory=tmp_path / "other") as other:
        records = enumerate([*rows, {"text": "", "platform": "myspace"}], start=2)
        stored, problems = other.import_rows(records, brand="bohnenkiez")
        assert (stored, problems) == (1, ["line 3: needs text and a platform (tiktok, instagram, facebook)"])
        assert other.approvals()[0].text == rows[0]["text"]


def _jsonl(store: Store) -> str:
    out = io.StringIO()
    store.export(out, "jsonl", store.approvals())
    return out.getvalue()


WRITER = """
import sys
from assistant import Message, draft, load_profile
from assistant.history.store import Store
store = Store(directory=sys.argv[1])
profile = load_profile("personas", None, "tiktok")
result = draft(Message(text="welcher mahlgrad?", platform="tiktok"), profile)
for i in range(100_000):  # far more than it can do before the kill
    draft_set_id = store.save_draft_set(result)
    approval = store.approve(draft_set_id, "warm", f"Antwort Nummer {i}")
    print(approval.id, flush=True)
"""


def test_sigkill_during_approvals_loses_nothing_confirmed(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    confirmed = [process.stdout.readline().strip() for _ in range(150)]
    time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    confirmed += [line.strip() for line in process.stdout.read().splitlines()]
    assert process.wait() == -signal.SIGKILL  # killed mid-write, not finished
    process.stdout.close()
    db = sqlite3.connect(tmp_path / "replyvoice.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {str(row[0]) for row in db.execute("SELECT id FROM approvals")}
    db.close()
    assert set(filter(None, confirmed)) <= stored and len(stored) >= 150
