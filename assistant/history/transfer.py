"""Past replies in from CSV or JSONL: every row checked, every problem named with its real line."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.defaults import CHANNELS, MESSAGE_HARD_CAP, PLATFORMS
from assistant.errors import InputError
from assistant.history.spreadsheet import records
from assistant.models import INTENTS

BRAND = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
FIELD_LIMIT = MESSAGE_HARD_CAP + 1  # larger CSV fields are reported, not read
Record = tuple[int, dict[str, Any] | str]  # (line, row) or (line, problem)


def read_records(path: Path) -> Iterator[Record]:
    """The file's rows with the line each starts on; a row that cannot be read is its problem."""
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    yield from _csv(path) if path.suffix.lower() in (".csv", ".tsv") else _jsonl(path)


def checked(line: int, row: dict[str, Any], brand: str) -> dict[str, Any] | str:
    """The row as the store keeps it, or what is wrong with it."""
    value = {k: row.get(k) for k in ("text", "platform", "channel", "intent", "tone", "message", "created_at", "brand")}
    if any(v is not None and not isinstance(v, str | int | float) for v in value.values()):
        return f"line {line}: every field must be text"
    text, platform = str(value["text"] or "").strip(), str(value["platform"] or "").strip().lower()
    if not text or platform not in PLATFORMS:
        return f"line {line}: needs text and a platform ({', '.join(PLATFORMS)})"
    problem = _field_problem(value, brand)
    if problem:
        return f"line {line}: {problem}"
    return {
        "text": text[:MESSAGE_HARD_CAP],
        "platform": platform,
        "channel": str(value["channel"] or "comment").lower(),
        "intent": str(value["intent"] or "other"),
        "tone": str(value["tone"] or "imported")[:40],
        "message": str(value["message"] or "")[:MESSAGE_HARD_CAP],
        "created_at": _timestamp(value["created_at"]),
        "brand": str(value["brand"] or brand),
    }


def _field_problem(value: dict[str, Any], brand: str) -> str | None:
    if str(value["channel"] or "comment").lower() not in CHANNELS:
        return f"channel {value['channel']!r} is unknown; use {' or '.join(CHANNELS)}"
    if str(value["intent"] or "other") not in INTENTS:
        return f"intent {str(value['intent'])[:40]!r} is unknown"
    if not BRAND.fullmatch(str(value["brand"] or brand)):
        return f"brand {str(value['brand'])[:40]!r} is not a brand folder name"
    if value["created_at"] and _timestamp(value["created_at"]) is None:
        return f"created_at {str(value['created_at'])[:40]!r} is not an ISO date and time"
    return None


def _timestamp(raw: object) -> str | None:
    if not raw:
        return None
    try:
        return datetime.fromisoformat(str(raw)[:40]).isoformat(timespec="seconds")
    except ValueError:
        return None


def _jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for line, text in enumerate(handle, start=1):
            if text.strip():
                yield line, _json_object(text)


def _json_object(text: str) -> dict[str, Any] | str:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested arrays
        return "not valid JSON"
    return data if isinstance(data, dict) else "expected one JSON object per line"


def _csv(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle, dialect="excel-tab" if path.suffix.lower() == ".tsv" else "excel")
        header = [h.strip().lower() for h in next(reader, [])]
        for line, values in records(reader, field_limit=FIELD_LIMIT):
            if isinstance(values, str):
                yield line, values
            elif any(v.strip() for v in values):
                yield line, dict(zip(header, values, strict=False))
