"""Messages for the inbox from an uploaded CSV/JSONL file (read as `replyvoice batch` reads it) or a paste."""

from __future__ import annotations

import tempfile
from pathlib import Path

from assistant.batch.files import BadRow, read_rows
from assistant.defaults import PLATFORMS
from assistant.errors import InputError
from assistant.history.inbox import split_pasted
from assistant.models import Message

SUFFIXES = (".csv", ".tsv", ".jsonl", ".json", ".ndjson")
MAX_UPLOAD_BYTES = 20_000_000

Queued = list[tuple[str | None, Message]]


def from_file(filename: str, data: bytes, default_platform: str | None) -> tuple[Queued, list[str]]:
    """(id, message) pairs of an uploaded file and one line per row that was skipped."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{filename}: use a .csv, .tsv or .jsonl file")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(f"{filename}: {len(data):,} bytes is more than the inbox takes at once")
    with tempfile.TemporaryDirectory(prefix="replyvoice-inbox-") as folder:
        path = Path(folder) / f"upload{suffix if suffix != '.json' else '.jsonl'}"
        path.write_bytes(data)
        queued: Queued = []
        skipped: list[str] = []
        for row in read_rows(path, default_platform=default_platform):
            if isinstance(row, BadRow):
                skipped.append(f"{filename}:{row.line}: {row.reason}")
            else:
                queued.append((None if row.id == str(row.line) else row.id, row.message))
    return queued, skipped


def from_paste(text: str, platform: str, channel: str = "comment") -> Queued:
    """One message per pasted line (or per blank-line separated block)."""
    if platform not in PLATFORMS:
        raise InputError(f"unknown platform {platform!r}")
    return [(None, Message(text=part, platform=platform, channel=channel)) for part in split_pasted(text)]
