"""The history: draft sets, edits and approved replies in SQLite (WAL, parameterised SQL only)."""

from __future__ import annotations

import contextlib
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
from assistant.text import csv_safe, fold

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
    # v3: the app's workspace: who wrote the message and who approved, approvals forced past a failing
    # check, edited handoff notes, the shared inbox queue and per-user app preferences
    """
    ALTER TABLE approvals ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE approvals ADD COLUMN author TEXT;
    ALTER TABLE approvals ADD COLUMN approved_by TEXT;
    CREATE INDEX approvals_by_set ON approvals(draft_set_id, tone);
    CREATE TABLE handoff_notes (
        draft_set_id INTEGER PRIMARY KEY REFERENCES draft_sets(id),
        note TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE inbox (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        brand TEXT NOT NULL,
        external_id TEXT,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        mode TEXT NOT NULL,
        author TEXT,
        text TEXT NOT NULL,
        message TEXT NOT NULL,
        intent TEXT NOT NULL,
        urgency TEXT NOT NULL,
        team TEXT,
        status TEXT NOT NULL DEFAULT 'new',
        draft_set_id INTEGER REFERENCES draft_sets(id),
        updated_by TEXT,
        fingerprint TEXT NOT NULL UNIQUE
    );
    CREATE INDEX inbox_by_status ON inbox(brand, status);
    CREATE INDEX inbox_by_set ON inbox(draft_set_id);
    CREATE TABLE prefs (
        user TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (user, key)
    );
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
    forced: bool = False
    author: str | None = None
    approved_by: str | None = None


JSONL_EXCLUDE = {"draft_set_id", "forced", "author", "approved_by"}  # the export format as before v3


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
        self._db.create_function("fold", 1, _fold, deterministic=True)
        self._lock = threading.RLock()
        self._recent: dict[tuple[str, str, int], tuple[tuple[int, int | None], list[tuple[str, str, str]]]] = {}
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

    def read(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """All rows of a parameterised read (for the modules beside the store: inbox, insights)."""
        return self._query(sql, params)

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE), serialised across the threads sharing this store."""
        return self._transaction()

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

    def approve(
        self,
        draft_set_id: int,
        tone: str,
        text: str | None = None,
        *,
        forced: bool = False,
        approved_by: str | None = None,
        replace: bool = False,
    ) -> Approval:
        """Approve one draft (optionally edited); approving the same text twice stores it once.

        `forced` records that a person approved past a failing blocking check; `replace` drops this
        tone's earlier approvals of the set with another text (a re-approval after an edit).
        """
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
            extra={"forced": int(forced), "author": result.message.author, "approved_by": approved_by},
            replace=replace,
        )

    def _insert_approval(
        self,
        *,
        draft_set_id: int | None,
        created_at: str | None = None,
        extra: dict[str, Any] | None = None,
        replace: bool = False,
        **fields: str,
    ) -> Approval:
        fingerprint = _fingerprint(draft_set_id, fields["brand"], fields["platform"], fields["message"], fields["text"])
        more = extra or {}
        with self._transaction() as db:
            if replace and draft_set_id is not None:
                db.execute(
                    "DELETE FROM approvals WHERE draft_set_id = ? AND tone = ? AND fingerprint != ?",
                    (draft_set_id, fields["tone"], fingerprint),
                )
                self._recent.clear()
            db.execute(
                "INSERT OR IGNORE INTO approvals (draft_set_id, created_at, brand, platform, channel, intent, tone,"
                " message, text, fingerprint, forced, author, approved_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    int(more.get("forced") or 0),
                    more.get("author"),
                    more.get("approved_by"),
                ),
            )
        row = self._query("SELECT * FROM approvals WHERE fingerprint = ?", (fingerprint,))[0]
        return _approval(row)

    def unapprove(self, approval_id: int) -> bool:
        """Withdraw an approval (it leaves History and the repetition corpus); False when it was not there."""
        with self._transaction() as db:
            gone = db.execute("DELETE FROM approvals WHERE id = ?", (approval_id,)).rowcount
        self._recent.clear()
        return bool(gone)

    def set_approvals(self, draft_set_id: int) -> dict[str, Approval]:
        """The approvals of one draft set by tone (what the app shows as approved after a reload)."""
        rows = self._query("SELECT * FROM approvals WHERE draft_set_id = ? ORDER BY id", (draft_set_id,))
        return {row["tone"]: _approval(row) for row in rows}

    # ------------------------------------------------------------ handoff notes

    def save_handoff_note(self, draft_set_id: int, note: str) -> None:
        """Keep the edited handoff note of a draft set (the newest edit wins)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO handoff_notes (draft_set_id, note, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(draft_set_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
                (draft_set_id, note, _now()),
            )

    def handoff_note(self, draft_set_id: int) -> str | None:
        """The edited handoff note of a draft set, or None when nobody edited it."""
        rows = self._query("SELECT note FROM handoff_notes WHERE draft_set_id = ?", (draft_set_id,))
        return str(rows[0]["note"]) if rows else None

    # ------------------------------------------------------------ preferences

    def prefs(self, user: str) -> dict[str, str]:
        """One user's stored app preferences."""
        return {r["key"]: r["value"] for r in self._query("SELECT key, value FROM prefs WHERE user = ?", (user,))}

    def save_prefs(self, user: str, values: dict[str, str]) -> None:
        """Store (or replace) some of a user's app preferences."""
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO prefs (user, key, value) VALUES (?, ?, ?)"
                " ON CONFLICT(user, key) DO UPDATE SET value = excluded.value",
                [(user, key, value) for key, value in values.items()],
            )

    def approvals(
        self,
        *,
        brand: str | None = None,
        platform: str | None = None,
        intent: str | None = None,
        search: str | None = None,
        limit: int = 100,
    ) -> list[Approval]:
        """Approved replies, newest first, filtered by brand, platform, intent and a search text.

        The search ignores case and umlaut spellings ("Ruckgabe", "Rueckgabe" and "Rückgabe" find each
        other) and also looks at the message's author.
        """
        pattern = f"%{_escape_like(search)}%" if search else None
        folded = f"%{_escape_like(fold(search))}%" if search else None
        rows = self._query(
            "SELECT * FROM approvals WHERE (?1 IS NULL OR brand = ?1) AND (?2 IS NULL OR platform = ?2)"
            " AND (?3 IS NULL OR intent = ?3)"
            " AND (?4 IS NULL OR text LIKE ?4 ESCAPE '\\' OR message LIKE ?4 ESCAPE '\\'"
            " OR fold(text) LIKE ?6 ESCAPE '\\' OR fold(message) LIKE ?6 ESCAPE '\\'"
            " OR fold(coalesce(author, '')) LIKE ?6 ESCAPE '\\')"
            " ORDER BY id DESC LIMIT ?5",
            (brand, platform, intent, pattern, limit, folded),
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
        # Another connection's commit (an approval withdrawn elsewhere) changes data_version.
        newest = (self._query("PRAGMA data_version")[0][0], self._query("SELECT MAX(id) FROM approvals")[0][0])
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
                out.write(json.dumps(item.model_dump(exclude=JSONL_EXCLUDE), ensure_ascii=False) + "\n")
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


def _fold(text: str | None) -> str:
    return fold(text or "")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
