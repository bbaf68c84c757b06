"""The history: draft sets, edits and approved replies in SQLite (WAL, parameterised SQL only)."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from assistant.errors import ReplyvoiceError
from assistant.history.transfer import checked
from assistant.models import DraftSet, StrictModel, brand_of
from assistant.settings import ENV_DATA_DIR, data_dir
from assistant.text import csv_safe

DB_NAME = "replyvoice.db"
BUSY_TIMEOUT_MS = 5_000
EXPORT_FIELDS = ("id", "created_at", "brand", "platform", "channel", "intent", "tone", "message", "text")

MIGRATIONS: list[str] = [
    # v1: draft sets, edits, approvals
    """
    CREATE TABLE draft_sets (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        brand TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        intent TEXT NOT NULL,
        backend TEXT NOT NULL,
        message TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    CREATE TABLE edits (
        id INTEGER PRIMARY KEY,
        draft_set_id INTEGER NOT NULL REFERENCES draft_sets(id),
        tone TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX edits_by_set ON edits(draft_set_id, tone);
    CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        draft_set_id INTEGER REFERENCES draft_sets(id),
        created_at TEXT NOT NULL,
        brand TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        intent TEXT NOT NULL,
        tone TEXT NOT NULL,
        message TEXT NOT NULL,
        text TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE
    );
    CREATE INDEX approvals_by_profile ON approvals(brand, platform, created_at);
    """,
    # v2: the newest approvals of one brand and platform, fast (the repetition check reads them per draft)
    """
    CREATE INDEX approvals_recent ON approvals(brand, platform, id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(ReplyvoiceError):
    """The history database cannot be used (newer schema, unreadable file, unknown id)."""


class Approval(StrictModel):
    """One approved reply: what the brand actually said."""

    id: int
    created_at: str
    brand: str
    platform: str
    channel: str
    intent: str
    tone: str
    message: str
    text: str
    draft_set_id: int | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()


class Store:
    """The history database; one connection per Store, safe to open from many processes."""

    def __init__(self, *, directory: str | Path | None = None) -> None:
        folder = data_dir(directory)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / DB_NAME
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{folder}: cannot open the history database ({exc}); set {ENV_DATA_DIR}") from None
        self._db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._recent: dict[tuple[str, str, int], tuple[int | None, list[tuple[str, str, str]]]] = {}
        try:
            self._configure()
            self._migrate()
        except sqlite3.Error as exc:
            self._db.close()
            raise StoreError(storage_problem(self.path, exc)) from None

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ schema

    def _configure(self) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")  # an approval confirmed to the caller survives a crash
        self._db.execute("PRAGMA foreign_keys = ON")

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: the history uses schema v{version}, newer than this replyvoice understands "
                f"(v{SCHEMA_VERSION}); upgrade replyvoice or point {ENV_DATA_DIR} elsewhere"
            )
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """All rows of a read (parameterised, and one at a time across threads)."""
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(storage_problem(self.path, exc)) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # One connection may serve several app sessions (threads): one transaction at a time.
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(storage_problem(self.path, exc)) from None
            try:
                yield self._db
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(storage_problem(self.path, exc)) from None
            except BaseException:
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(storage_problem(self.path, exc)) from None

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):  # the transaction may already be gone (e.g. the disk filled up)
            self._db.execute("ROLLBACK")

    # ------------------------------------------------------------ draft sets and edits

    def save_draft_set(self, result: DraftSet) -> int:
        """Store a draft set; returns its id."""
        brand = brand_of(result.profile)
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO draft_sets (created_at, brand, platform, channel, intent, backend, message, payload)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _now(),
                    brand,
                    result.message.platform,
                    result.message.channel,
                    result.analysis.intent,
                    result.backend,
                    result.message.text,
                    result.model_dump_json(),
                ),
            )
        return int(cursor.lastrowid or 0)

    def draft_set(self, draft_set_id: int) -> DraftSet:
        """A stored draft set by id."""
        row = next(iter(self._query("SELECT payload FROM draft_sets WHERE id = ?", (draft_set_id,))), None)
        if row is None:
            raise StoreError(f"no draft set with id {draft_set_id} in {self.path}; see `replyvoice history`")
        return DraftSet.model_validate_json(row["payload"])

    def save_edit(self, draft_set_id: int, tone: str, before: str, after: str) -> None:
        """Keep a person's edit of one draft (before and after)."""
        if before == after:
            return
        with self._transaction() as db:
            db.execute(
                "INSERT INTO edits (draft_set_id, tone, before, after, created_at) VALUES (?, ?, ?, ?, ?)",
                (draft_set_id, tone, before, after, _now()),
            )

    def latest_edits(self, draft_set_id: int) -> dict[str, str]:
        """The newest edited text per tone of a draft set (to restore after a reload)."""
        rows = self._query("SELECT tone, after FROM edits WHERE draft_set_id = ? ORDER BY id", (draft_set_id,))
        return {row["tone"]: row["after"] for row in rows}

    def edits(self, *, platform: str | None = None) -> list[tuple[str, str, str]]:
        """(platform, before, after) of every edit, optionally for one platform."""
        rows = self._query(
            "SELECT s.platform, e.before, e.after FROM edits e JOIN draft_sets s ON s.id = e.draft_set_id"
            " WHERE (? IS NULL OR s.platform = ?) ORDER BY e.id",
            (platform, platform),
        )
        return [(r["platform"], r["before"], r["after"]) for r in rows]

    # ------------------------------------------------------------ approvals

    def approve(self, draft_set_id: int, tone: str, text: str | None = None) -> Approval:
        """Approve one draft (optionally edited); approving the same text twice stores it once."""
        result = self.draft_set(draft_set_id)
        original = next((d.text for d in result.drafts if d.tone == tone), None)
        if original is None:
            tones = ", ".join(d.tone for d in result.drafts)
            raise StoreError(f"draft set {draft_set_id} has no tone {tone!r} (it has: {tones})")
        final = original if text is None else text
        if not final.strip():
            raise StoreError("the approved text is empty; approve a draft or pass the edited text")
        self.save_edit(draft_set_id, tone, original, final)
        return self._insert_approval(
            draft_set_id=draft_set_id,
            brand=brand_of(result.profile),
            platform=result.message.platform,
            channel=result.message.channel,
            intent=result.analysis.intent,
            tone=tone,
            message=result.message.text,
            text=final,
        )

    def _insert_approval(self, *, draft_set_id: int | None, created_at: str | None = None, **fields: str) -> Approval:
        fingerprint = _fingerprint(draft_set_id, fields["brand"], fields["platform"], fields["message"], fields["text"])
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO approvals (draft_set_id, created_at, brand, platform, channel, intent, tone,"
                " message, text, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    draft_set_id,
                    created_at or _now(),
                    fields["brand"],
                    fields["platform"],
                    fields["channel"],
                    fields["intent"],
                    fields["tone"],
                    fields["message"],
                    fields["text"],
                    fingerprint,
                ),
            )
        row = self._query("SELECT * FROM approvals WHERE fingerprint = ?", (fingerprint,))[0]
        return _approval(row)

    def approvals(
        self,
        *,
        brand: str | None = None,
        platform: str | None = None,
        intent: str | None = None,
        search: str | None = None,
        limit: int = 100,
    ) -> list[Approval]:
        """Approved replies, newest first, filtered by brand, platform, intent and a search text."""
        pattern = f"%{_escape_like(search)}%" if search else None
        rows = self._query(
            "SELECT * FROM approvals WHERE (?1 IS NULL OR brand = ?1) AND (?2 IS NULL OR platform = ?2)"
            " AND (?3 IS NULL OR intent = ?3)"
            " AND (?4 IS NULL OR text LIKE ?4 ESCAPE '\\' OR message LIKE ?4 ESCAPE '\\')"
            " ORDER BY id DESC LIMIT ?5",
            (brand, platform, intent, pattern, limit),
        )
        return [_approval(row) for row in rows]

    def draft_sets(
        self, *, brand: str | None = None, platform: str | None = None, limit: int = 20
    ) -> list[dict[str, Any]]:
        """The newest draft sets: id, created_at, brand, platform, channel, intent, message, approved (bool)."""
        rows = self._query(
            "SELECT s.id, s.created_at, s.brand, s.platform, s.channel, s.intent, s.message,"
            " EXISTS(SELECT 1 FROM approvals a WHERE a.draft_set_id = s.id) AS approved FROM draft_sets s"
            " WHERE (?1 IS NULL OR s.brand = ?1) AND (?2 IS NULL OR s.platform = ?2) ORDER BY s.id DESC LIMIT ?3",
            (brand, platform, limit),
        )
        return [{**dict(row), "approved": bool(row["approved"])} for row in rows]

    def recent(self, *, brand: str, platform: str, limit: int) -> list[tuple[str, str, str]]:
        """(text, message, intent) of the newest approvals: cheap, cached until an approval is added."""
        newest = self._query("SELECT MAX(id) FROM approvals")[0][0]
        key = (brand, platform, limit)
        cached = self._recent.get(key)
        if cached is None or cached[0] != newest:
            rows = self._query(
                "SELECT text, message, intent FROM approvals WHERE brand = ? AND platform = ? ORDER BY id DESC LIMIT ?",
                (brand, platform, limit),
            )
            cached = (newest, [(r[0], r[1], r[2]) for r in rows])
            self._recent[key] = cached
        return cached[1]

    def count_approvals(self) -> int:
        """How many approvals are stored."""
        return int(self._query("SELECT COUNT(*) FROM approvals")[0][0])

    # ------------------------------------------------------------ export / import

    def export(self, out: IO[str], fmt: str, approvals: Iterable[Approval]) -> int:
        """Write approvals as csv or jsonl; returns how many."""
        count = 0
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
            writer.writeheader()
        for item in approvals:
            if fmt == "csv":
                writer.writerow({k: csv_safe(v) for k, v in item.model_dump().items()})
            else:
                out.write(json.dumps(item.model_dump(exclude={"draft_set_id"}), ensure_ascii=False) + "\n")
            count += 1
        return count

    def import_rows(self, records: Iterable[tuple[int, dict[str, Any] | str]], *, brand: str) -> tuple[int, list[str]]:
        """Import past replies ((line, row) records, see history.transfer); returns (stored, problems)."""
        stored, problems = 0, []
        for line, record in records:
            row = record if isinstance(record, str) else checked(line, record, brand)
            if isinstance(row, str):
                problems.append(row if row.startswith("line ") else f"line {line}: {row}")
                continue
            self._insert_approval(draft_set_id=None, **row)
            stored += 1
        return stored, problems


def storage_problem(path: Path, exc: sqlite3.Error) -> str:
    """One line saying what is wrong with the history database and what to do."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        why = "the history folder is read-only; make it writable"
    elif "full" in text:
        why = "the disk is full; free some space"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        why = "the file is damaged or not a replyvoice history; move it away to start a new one"
    else:
        why = f"the database failed ({exc})"
    return f"{path}: {why} (or point {ENV_DATA_DIR} elsewhere)"


def _approval(row: sqlite3.Row) -> Approval:
    return Approval(**{k: row[k] for k in Approval.model_fields})


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
