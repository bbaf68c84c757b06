"""The inbox: incoming messages as a shared queue in the history database.

Statuses: new -> drafted -> approved -> done (posted), or skipped. The queue puts urgent and
escalated messages first, then the oldest; a reload or a colleague's browser reads the same rows.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from assistant.analysis.reading import analyse
from assistant.errors import InputError, ReplyvoiceError
from assistant.history.store import Store, StoreError
from assistant.models import DraftSet, Message, StrictModel
from assistant.profiles.loading import VoiceProfile

Status = Literal["new", "drafted", "approved", "done", "skipped"]
STATUSES: tuple[Status, ...] = ("new", "drafted", "approved", "done", "skipped")
OPEN: tuple[Status, ...] = ("new", "drafted", "approved")
TO_WORK: tuple[Status, ...] = ("new", "drafted")
URGENCY_RANK = {"high": 0, "medium": 1, "low": 2}
# Which status a person may set by hand from which (drafting and approving set the others).
MANUAL: dict[str, tuple[Status, ...]] = {
    "new": ("skipped",),
    "drafted": ("skipped",),
    "approved": ("done", "skipped"),
    "done": ("approved",),
    "skipped": ("new",),
}
_BLANK_LINE = re.compile(r"\n\s*\n")


class Halt(ReplyvoiceError):
    """Raised by a drafter to stop draft_all (a drafting quota is used up); the rest stays new."""


class InboxItem(StrictModel):
    """One incoming message in the queue."""

    id: int
    created_at: str
    updated_at: str
    brand: str
    external_id: str | None = None
    platform: str
    channel: str
    mode: str
    author: str | None = None
    text: str
    message: str  # the Message as JSON (post and thread included)
    intent: str
    urgency: str
    team: str | None = None
    status: Status
    draft_set_id: int | None = None
    updated_by: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> InboxItem:
        """An item from a database row (the fingerprint stays in the table)."""
        return cls(**{name: row[name] for name in cls.model_fields})

    def as_message(self) -> Message:
        """The stored message, ready for the pipeline."""
        return Message.model_validate_json(self.message)

    def sort_key(self) -> tuple[int, int, int, int]:
        """Open before closed, urgent before calm, escalated before not, older before newer."""
        return (self.status not in OPEN, URGENCY_RANK.get(self.urgency, 3), self.team is None, self.id)


@dataclass
class Added:
    """What an import did: new rows, and messages already in the queue."""

    added: int = 0
    duplicates: int = 0


@dataclass
class Progress:
    """One step of draft_all: how far, which item, and what went wrong on the way."""

    done: int
    total: int
    item: InboxItem
    problems: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def split_pasted(text: str) -> list[str]:
    """Several pasted messages: separated by blank lines when there are any, else one per line."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return []
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [part.strip() for part in parts if part.strip()]


def _fingerprint(brand: str, external_id: str | None, message: Message) -> str:
    parts = (brand, external_id or "", message.platform, message.channel, message.author or "", message.text)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def add(
    store: Store,
    brand: str,
    messages: Iterable[tuple[str | None, Message]],
    profile_for: Callable[[str], VoiceProfile],
) -> Added:
    """Queue (id, message) pairs for a brand, analysed for intent, urgency and team; repeats are skipped."""
    result = Added()
    for external_id, message in messages:
        if not (message.text or message.post or "").strip():
            raise InputError("an empty message cannot be queued")
        analysis = analyse(message, profile_for(message.platform))
        now = _now()
        with store.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO inbox (created_at, updated_at, brand, external_id, platform, channel, mode,"
                " author, text, message, intent, urgency, team, status, fingerprint)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)",
                (
                    now,
                    now,
                    brand,
                    external_id,
                    message.platform,
                    message.channel,
                    message.mode,
                    message.author,
                    message.text,
                    message.model_dump_json(),
                    analysis.intent,
                    analysis.urgency,
                    analysis.escalation.team if analysis.escalation else None,
                    _fingerprint(brand, external_id, message),
                ),
            )
        if cursor.rowcount:
            result.added += 1
        else:
            result.duplicates += 1
    return result


def items(
    store: Store,
    *,
    brand: str | None = None,
    platform: str | None = None,
    intent: str | None = None,
    team: str | None = None,
    status: str | None = None,
) -> list[InboxItem]:
    """The queue, filtered, in working order (see InboxItem.sort_key)."""
    rows = store.read(
        "SELECT * FROM inbox WHERE (?1 IS NULL OR brand = ?1) AND (?2 IS NULL OR platform = ?2)"
        " AND (?3 IS NULL OR intent = ?3) AND (?4 IS NULL OR coalesce(team, '') = ?4)"
        " AND (?5 IS NULL OR status = ?5)",
        (brand, platform, intent, team, status),
    )
    return sorted((InboxItem.from_row(row) for row in rows), key=InboxItem.sort_key)


def item(store: Store, item_id: int) -> InboxItem:
    """One queued message by id."""
    rows = store.read("SELECT * FROM inbox WHERE id = ?", (item_id,))
    if not rows:
        raise StoreError(f"no inbox message with id {item_id}")
    return InboxItem.from_row(rows[0])


def for_draft_set(store: Store, draft_set_id: int) -> InboxItem | None:
    """The queued message a draft set answers, if it came from the inbox."""
    rows = store.read("SELECT * FROM inbox WHERE draft_set_id = ?", (draft_set_id,))
    return InboxItem.from_row(rows[0]) if rows else None


def counts(queue: Iterable[InboxItem]) -> dict[str, int]:
    """How many messages are in each status (every status present, zero included)."""
    seen = Counter(entry.status for entry in queue)
    return {status: seen.get(status, 0) for status in STATUSES}


def next_item(queue: list[InboxItem], current: int | None) -> InboxItem | None:
    """The next message still to work on after `current` in queue order (wrapping around), or None."""
    todo = [entry for entry in queue if entry.status in TO_WORK]
    if not todo:
        return None
    ids = [entry.id for entry in queue]
    start = ids.index(current) + 1 if current in ids else 0
    for entry in queue[start:] + queue[:start]:
        if entry.status in TO_WORK and entry.id != current:
            return entry
    return None


def link(store: Store, item_id: int, draft_set_id: int, *, by: str | None = None) -> None:
    """Attach a draft set to a queued message (it is drafted now, or stays approved when it was)."""
    with store.transaction() as db:
        db.execute(
            "UPDATE inbox SET draft_set_id = ?, updated_at = ?, updated_by = ?,"
            " status = CASE WHEN status = 'new' THEN 'drafted' ELSE status END WHERE id = ?",
            (draft_set_id, _now(), by, item_id),
        )
    sync(store, draft_set_id, by=by)


def relink(store: Store, old_set: int, new_set: int, *, by: str | None = None) -> None:
    """A redraft replaced a draft set: the queued message follows it."""
    entry = for_draft_set(store, old_set)
    if entry is not None:
        link(store, entry.id, new_set, by=by)


def sync(store: Store, draft_set_id: int, *, by: str | None = None) -> None:
    """After an approval or its withdrawal: the message is approved while its set has approvals."""
    entry = for_draft_set(store, draft_set_id)
    if entry is None or entry.status in ("done", "skipped"):
        return
    approved = bool(store.set_approvals(draft_set_id))
    status = "approved" if approved else "drafted"
    if status != entry.status:
        _write_status(store, entry.id, status, by)


def set_status(store: Store, item_id: int, status: str, *, by: str | None = None) -> InboxItem:
    """A person's status change (skip, done, reopen); other changes are refused with the allowed ones."""
    entry = item(store, item_id)
    allowed = MANUAL.get(entry.status, ())
    if status not in allowed:
        raise InputError(f"a {entry.status} message cannot become {status}; allowed: {', '.join(allowed) or 'none'}")
    if status == "new" and entry.draft_set_id is not None:
        status = "approved" if store.set_approvals(entry.draft_set_id) else "drafted"
    _write_status(store, item_id, status, by)
    return item(store, item_id)


def _write_status(store: Store, item_id: int, status: str, by: str | None) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE inbox SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?", (status, _now(), by, item_id)
        )


def draft_all(
    store: Store,
    queue: list[InboxItem],
    drafter: Callable[[InboxItem], DraftSet],
    *,
    by: str | None = None,
) -> Iterator[Progress]:
    """Draft every new message of the queue, one at a time, yielding progress; failures are noted and skipped."""
    todo = [entry for entry in queue if entry.status == "new"]
    problems: list[str] = []
    for done, entry in enumerate(todo, start=1):
        try:
            result = drafter(entry)
            link(store, entry.id, store.save_draft_set(result), by=by)
        except Halt as exc:
            problems.append(str(exc))
            yield Progress(done=done - 1, total=len(todo), item=entry, problems=list(problems))
            return
        except ReplyvoiceError as exc:
            problems.append(f"#{entry.id}: {exc}")
        yield Progress(done=done, total=len(todo), item=entry, problems=list(problems))
