"""Batch files: input rows from CSV or JSONL, and resumable, append-only result files.

A result file is appended one finished row at a time, each row in a single write and
flushed at once (fsync every few rows), so a crash or Ctrl-C loses nothing already
written. Opening an existing file collects the ids already there and cuts off a row
that a crash left half-written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import ValidationError

from assistant.defaults import MESSAGE_HARD_CAP, PLATFORMS
from assistant.errors import InputError, ReplyvoiceError
from assistant.history.spreadsheet import records
from assistant.models import DraftSet, Message
from assistant.pipeline import prepare_message
from assistant.text import csv_safe, csv_unsafe

Format = Literal["jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv")
FIELD_LIMIT = MESSAGE_HARD_CAP + 1  # larger CSV fields are a bad row, not a crash
INPUT_FIELDS = ("id", "platform", "channel", "mode", "author", "message", "post")
# Optional beside them: thread (earlier messages; a JSON list, or one message per line in CSV).
CSV_FIELDS = (
    "id",
    "platform",
    "channel",
    "mode",
    "author",
    "message",
    "post",
    "backend",
    "language",
    "intent",
    "sentiment",
    "urgency",
    "escalation",
    "tone",
    "text",
    "ok",
    "failed_checks",
    "repaired",
    "handoff_team",
    "handoff_note",
    "fallback_reason",
    "draft_index",
    "draft_count",
)
# fsync the result file at least this often (rows are flushed to the OS after every row).
FSYNC_SECONDS = 1.0


class OutputError(ReplyvoiceError):
    """The result file exists but is not a replyvoice result file of the chosen format."""


@dataclass(frozen=True, kw_only=True)
class Row:
    """One valid input row: its id, where it starts in the file, the message."""

    id: str
    line: int
    message: Message


@dataclass(frozen=True, kw_only=True)
class BadRow:
    """An input row that cannot be drafted, with the reason."""

    line: int
    reason: str

    def describe(self, path: Path | str) -> str:
        """`in.csv:17: skipped: ...`."""
        return f"{path}:{self.line}: skipped: {self.reason}"


# ---------------------------------------------------------------- input


def format_of(path: Path, explicit: str | None = None) -> Format:
    """The file format: explicit, else by suffix (.csv), else JSONL."""
    if explicit:
        if explicit not in FORMATS:
            raise InputError(f"unknown format {explicit!r}; use jsonl or csv")
        return explicit
    return "csv" if path.suffix.lower() in (".csv", ".tsv") else "jsonl"


def read_rows(path: Path, *, default_platform: str | None = None) -> Iterator[Row | BadRow]:
    """Every input row in file order: a Row, or a BadRow naming its line; duplicate ids are bad."""
    seen: dict[str, int] = {}
    for line, record in _records(path, required=("message",) if default_platform else ("platform", "message")):
        row = record if isinstance(record, BadRow) else _row(line, record, default_platform)
        if isinstance(row, Row):
            try:
                prepare_message(row.message)
            except InputError as exc:
                row = BadRow(line=line, reason=str(exc))
        if isinstance(row, Row):
            if row.id in seen:
                row = BadRow(line=line, reason=f"duplicate id {row.id!r} (first on line {seen[row.id]})")
            else:
                seen[row.id] = line
        yield row


def _records(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    if not path.is_file():
        raise InputError(f"{path}: input file not found")
    yield from (_csv_records(path, required) if format_of(path) == "csv" else _jsonl_records(path))


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield line, BadRow(line=line, reason=f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            except RecursionError:
                yield line, BadRow(line=line, reason="invalid JSON (nested too deeply)")
                continue
            if not isinstance(data, dict):
                yield line, BadRow(line=line, reason="expected a JSON object with message and platform")
                continue
            yield line, data


def _csv_records(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        reader = csv.reader(handle, dialect=dialect)
        header = next(reader, None)
        if header is None:
            return
        columns = [name.strip().lower() for name in header]
        missing = [name for name in required if name not in columns]
        if missing:
            raise InputError(
                f"{path}:1: the header has no column {missing[0]!r}; columns: {', '.join(INPUT_FIELDS)} "
                "(only message and platform are required; --platform gives a default platform)"
            )
        for line, values in records(reader, field_limit=FIELD_LIMIT):
            if isinstance(values, str):
                yield line, BadRow(line=line, reason=values)
                continue
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(columns):
                reason = f"{len(values)} fields but the header has {len(columns)} (quote fields with commas)"
                yield line, BadRow(line=line, reason=reason)
                continue
            yield line, dict(zip(columns, values, strict=False))


def _thread(value: Any) -> list[str] | None:
    """Earlier messages: a JSON list of strings, or text with one message per line (None: unusable)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    return None


def _row(line: int, record: dict[str, Any], default_platform: str | None = None) -> Row | BadRow:
    thread = _thread(record.get("thread"))
    if thread is None:
        return BadRow(line=line, reason="field 'thread' must be text or a list of texts")
    fields: dict[str, Any] = {}
    for name in INPUT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str | int | float):
            return BadRow(line=line, reason=f"field {name!r} must be text")
        fields[name] = str(value).strip() if name != "message" and value is not None else value
    platform = (fields["platform"] or default_platform or "").lower()
    if platform not in PLATFORMS:
        shown = f"platform {fields['platform']!r}" if fields["platform"] else "no platform"
        return BadRow(line=line, reason=f"{shown}; use one of: {', '.join(PLATFORMS)}")
    try:
        message = Message(
            text=str(fields["message"] or ""),
            platform=platform,
            channel=(fields["channel"] or "comment").lower(),
            mode=(fields["mode"] or "reply").lower(),
            author=fields["author"] or None,
            post=fields["post"] or None,
            thread=thread,
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        return BadRow(line=line, reason=f"field {err['loc'][0]!r}: {err['msg']}")
    return Row(id=fields["id"] or str(line), line=line, message=message)


# ---------------------------------------------------------------- output


def contract_line(row_id: str, result: DraftSet) -> str:
    """One JSONL result line: {"id": ..., **the DESIGN.md contract}."""
    return json.dumps({"id": row_id, **result.contract()}, ensure_ascii=False) + "\n"


def csv_records(row_id: str, result: DraftSet) -> str:
    """One CSV record per draft of a result (all written at once)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    message, analysis = result.message, result.analysis
    # Every cell goes through csv_safe: messages and drafts are untrusted and may start with "=".
    for index, item in enumerate(result.drafts, start=1):
        failed = [c.name for c in item.checks if not c.ok and c.severity == "block"]
        cells = [
            row_id,
            message.platform,
            message.channel,
            message.mode,
            message.author or "",
            message.text,
            message.post or "",
            result.backend,
            analysis.language,
            analysis.intent,
            analysis.sentiment,
            analysis.urgency,
            analysis.escalation.team if analysis.escalation else "",
            item.tone,
            item.text,
            "true" if item.ok else "false",
            " ".join(failed),
            "true" if item.repaired else "false",
            result.handoff.team if result.handoff else "",
            result.handoff.note if result.handoff else "",
            result.fallback_reason or "",
            index,
            len(result.drafts),
        ]
        writer.writerow([csv_safe(c) for c in cells[:-2]] + cells[-2:])
    return buffer.getvalue()


class ResultFile:
    """An append-only result file (JSONL or CSV) that knows which ids it already holds."""

    def __init__(self, *, path: Path, fmt: Format) -> None:
        self.path, self.format = path, fmt
        self.dropped = False  # a half-written last row was cut off on opening
        self.done: set[str] = set()
        self._handle: IO[str] | None = None
        self._synced = time.monotonic()
        self.rows_written = 0

    def open(self) -> ResultFile:
        """Recover the existing file (ids done, cut a torn last row) and open it for appending."""
        if self.path.exists() and self.path.stat().st_size:
            keep = self._recover_jsonl() if self.format == "jsonl" else self._recover_csv()
            if keep < self.path.stat().st_size:
                os.truncate(self.path, keep)
                self.dropped = True
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("a", encoding="utf-8", newline="")
        if self.format == "csv" and self._handle.tell() == 0:
            self._append(_csv_header())
        return self

    def write(self, row_id: str, result: DraftSet) -> None:
        """Append one finished row (flushed at once; fsync at most every FSYNC_SECONDS)."""
        text = contract_line(row_id, result) if self.format == "jsonl" else csv_records(row_id, result)
        self._append(text)
        self.done.add(row_id)
        self.rows_written += 1

    def close(self) -> None:
        """Flush, fsync and close."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()

    def __enter__(self) -> ResultFile:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _append(self, text: str) -> None:
        assert self._handle is not None, "open() the result file first"
        self._handle.write(text)
        self._handle.flush()
        now = time.monotonic()
        if now - self._synced >= FSYNC_SECONDS:
            os.fsync(self._handle.fileno())
            self._synced = now

    # ------------------------------------------------------------ recovery

    def _recover_jsonl(self) -> int:
        """Collect ids; return the byte offset to keep (before a torn last line)."""
        offset, torn = 0, None
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if torn is not None:
                    raise self._foreign(torn[0], "a broken line in the middle")
                row_id = _jsonl_id(raw)
                if row_id is None and raw.endswith(b"\n"):
                    raise self._foreign(number, "not a replyvoice JSONL result")
                if row_id is None:
                    torn = (number, offset)
                else:
                    self.done.add(row_id)
                offset += len(raw)
        return torn[1] if torn else offset

    def _recover_csv(self) -> int:
        """Collect ids of complete draft groups; return the offset before an incomplete last group."""
        with self.path.open(encoding="utf-8", newline="") as handle:
            offsets = _Offsets(handle)
            reader = csv.reader(offsets)
            if next(reader, None) != list(CSV_FIELDS):
                raise self._foreign(1, f"the header is not {','.join(CSV_FIELDS[:4])},… (another format?)")
            group = _Group(start=offsets.position)
            for values in reader:
                if len(values) != len(CSV_FIELDS) or not values[-1].isdigit():
                    return group.end if group.complete else group.start  # torn: only the last record can be
                values[0] = csv_unsafe(values[0])
                if values[0] != group.id:
                    if not group.complete:
                        raise self._foreign(reader.line_num, f"id {group.id!r} has missing drafts")
                    group = _Group(start=group.end, id=values[0], expected=int(values[-1]))
                group.seen += 1
                group.end = offsets.position
                if group.complete and group.id is not None:
                    self.done.add(group.id)
            complete = group.complete and offsets.ended_with_newline
            return group.end if complete else group.start

    def _foreign(self, line: int, problem: str) -> OutputError:
        return OutputError(f"{self.path}:{line}: {problem}; choose another --output or remove the file to start over")


def _csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_FIELDS)
    return buffer.getvalue()


def _jsonl_id(raw: bytes) -> str | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or "drafts" not in data:
        return None
    return str(data["id"])


@dataclass(kw_only=True)
class _Group:
    """The CSV records of one result: one per draft."""

    start: int
    id: str | None = None
    expected: int = 0
    seen: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        self.end = self.end or self.start

    @property
    def complete(self) -> bool:
        """All drafts of the row are there (a header-only file counts as complete)."""
        return self.seen == self.expected


class _Offsets:
    """Iterates a text file's lines for csv.reader while counting bytes consumed."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle
        self.position = 0
        self.ended_with_newline = True

    def __iter__(self) -> _Offsets:
        return self

    def __next__(self) -> str:
        line = self._handle.readline()
        if not line:
            raise StopIteration
        self.position += len(line.encode("utf-8"))
        self.ended_with_newline = line.endswith("\n")
        return line
