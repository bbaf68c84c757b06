"""Files and the history database under hostile or broken input: one bad row or file never aborts."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from assistant.batch.files import BadRow, Row, read_rows
from assistant.batch.jobs import Job, run
from assistant.batch.openai_files import read_results
from assistant.errors import InputError
from assistant.history.store import Store, StoreError, storage_problem
from assistant.history.transfer import read_records
from assistant.models import Message
from assistant.pipeline import draft
from assistant.profiles.loading import load_profile
from assistant.settings import load_settings
from assistant.text import csv_safe, csv_unsafe

from .conftest import PERSONAS

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "＝1"]


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_cells_never_start_a_formula(value: str) -> None:
    assert csv_safe(value).startswith("'") and csv_unsafe(csv_safe(value)) == value


@pytest.mark.parametrize("value", ["Hallo", "", "'quoted", "1-2", "a=b"])
def test_harmless_cells_stay_as_they_are(value: str) -> None:
    assert csv_safe(value) == value


def test_batch_csv_output_neutralises_the_message_and_resumes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"id": "=1+1", "platform": "tiktok", "message": '=HYPERLINK("http://evil.example","x") kaputt?'}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    job = Job(input=source, output=tmp_path / "out.csv", format="csv", personas=PERSONAS)
    assert run(job).drafted == 1
    cells = [c for record in csv.reader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))) for c in record]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert run(job).drafted == 0  # the neutralised id still counts as done


def test_a_huge_csv_field_is_one_bad_row_and_the_rest_is_drafted(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    huge = "x" * 300_000
    source.write_text(f'platform,message\ntiktok,"{huge}"\ntiktok,"wie lange dauert der versand?"\n', "utf-8")
    found = list(read_rows(source))
    assert isinstance(found[0], BadRow) and found[0].line == 2
    assert isinstance(found[-1], Row) and found[-1].line == 3


def test_a_deeply_nested_jsonl_line_is_one_bad_row(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    nested = "[" * 5_000 + "]" * 5_000
    source.write_text(nested + "\n" + json.dumps({"platform": "tiktok", "message": "Hallo"}) + "\n", "utf-8")
    found = list(read_rows(source))
    assert isinstance(found[0], BadRow) and "nested" in found[0].reason
    assert isinstance(found[1], Row)


def test_the_batch_thread_column_reaches_the_message(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    row = {"platform": "tiktok", "message": "Und? Schon was Neues??", "thread": ["Bestellung 51877 fehlt"]}
    source.write_text(json.dumps(row) + "\n", "utf-8")
    found = list(read_rows(source))
    assert isinstance(found[0], Row) and found[0].message.thread == ["Bestellung 51877 fehlt"]


@pytest.mark.parametrize(
    "line",
    [
        '{"custom_id": "a", "response": "oops"}',
        '{"custom_id": "a", "response": {"status_code": 200, "body": "x"}}',
        "[" * 3_000 + "]" * 3_000,
        '{"custom_id": "a", "response": {"status_code": 200, "body": {"choices": [1]}}}',
    ],
)
def test_a_malformed_results_line_is_one_input_error(tmp_path: Path, line: str) -> None:
    path = tmp_path / "results.jsonl"
    path.write_text(line + "\n", "utf-8")
    with pytest.raises(InputError, match=r"results.jsonl:1:"):
        read_results(path, load_settings(api_key="k", env={}))


def test_history_export_neutralises_formulas(tmp_path: Path) -> None:
    profile = load_profile(PERSONAS, None, "tiktok")
    message = Message(text='=HYPERLINK("http://evil.example") wo ist mein paket?', platform="tiktok")
    with Store(directory=tmp_path) as store:
        result = draft(message, profile)
        store.approve(store.save_draft_set(result), result.drafts[0].tone)
        out = io.StringIO()
        store.export(out, "csv", store.approvals())
    assert "'=HYPERLINK" in out.getvalue()
    assert not any(c.startswith("=") for r in csv.reader(io.StringIO(out.getvalue())) for c in r)


def test_history_import_keeps_line_breaks_and_real_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "past.csv"
    path.write_text(
        'text,platform,intent,created_at,brand\n"Zeile eins\nZeile zwei",tiktok,praise,2025-01-02T10:00:00,bohnenkiez\n'
        "ok,tiktok,hacked,,bohnenkiez\nok,tiktok,praise,gestern,bohnenkiez\nok,tiktok,praise,,../../etc\n",
        "utf-8",
    )
    with Store(directory=tmp_path / "data") as store:
        stored, problems = store.import_rows(read_records(path), brand="bohnenkiez")
        texts = [a.text for a in store.approvals()]
    assert stored == 1 and texts == ["Zeile eins\nZeile zwei"]
    assert [p.split(":")[0] for p in problems] == ["line 4", "line 5", "line 6"]
    assert "intent 'hacked'" in problems[0] and "created_at" in problems[1] and "brand" in problems[2]


def test_history_import_reports_a_jsonl_array_line_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "past.jsonl"
    path.write_text('["a", "b"]\n{"text": "Danke!", "platform": "instagram"}\n', "utf-8")
    with Store(directory=tmp_path / "data") as store:
        stored, problems = store.import_rows(read_records(path), brand="bohnenkiez")
    assert stored == 1 and problems == ["line 1: expected one JSON object per line"]


def test_a_corrupt_history_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "replyvoice.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="damaged or not a replyvoice history"):
        Store(directory=tmp_path)


def test_a_truncated_history_is_one_clear_error(tmp_path: Path) -> None:
    with Store(directory=tmp_path) as store:
        store.approvals()
    db = tmp_path / "replyvoice.db"
    db.write_bytes(db.read_bytes()[:300])
    with pytest.raises(StoreError, match=str(tmp_path)):
        Store(directory=tmp_path).approvals()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files anyway")
def test_a_read_only_history_is_one_clear_error(tmp_path: Path) -> None:
    with Store(directory=tmp_path):
        pass
    (tmp_path / "replyvoice.db").chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StoreError, match="read-only"), Store(directory=tmp_path) as store:
            store.import_rows([(1, {"text": "x", "platform": "tiktok"})], brand="b")
    finally:
        tmp_path.chmod(0o755)


def test_sqlite_errors_inside_a_transaction_become_store_errors(tmp_path: Path) -> None:
    with Store(directory=tmp_path) as store, pytest.raises(StoreError), store._transaction():
        raise sqlite3.OperationalError("database or disk is full")


@pytest.mark.parametrize(
    ("error", "said"),
    [
        ("attempt to write a readonly database", "read-only"),
        ("database or disk is full", "disk is full"),
        ("file is not a database", "damaged"),
        ("database disk image is malformed", "damaged"),
    ],
)
def test_storage_problems_say_what_is_wrong(tmp_path: Path, error: str, said: str) -> None:
    line = storage_problem(tmp_path / "replyvoice.db", sqlite3.OperationalError(error))
    assert said in line and "REPLYVOICE_DATA_DIR" in line and "\n" not in line
