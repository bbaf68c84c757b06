"""CSV for spreadsheets: UTF-8 with BOM (German Excel reads umlauts), `;` or `,`, no formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from assistant.text import csv_safe

BOM = "\ufeff"
DELIMITERS = (";", ",")
neutralise = csv_safe  # one rule for every CSV writer: a cell a spreadsheet would run gets a leading '


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ";") -> bytes:
    """A CSV file as bytes: BOM, header, neutralised cells, CRLF line ends, every cell quoted when needed."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS}")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def records(reader: Any, *, field_limit: int) -> Iterator[tuple[int, list[str] | str]]:
    """(first line, values) per CSV record, or (line, problem) for one the csv module cannot read: never the end."""
    csv.field_size_limit(max(csv.field_size_limit(), field_limit))
    end = reader.line_num
    while True:
        line = end + 1
        try:
            values: list[str] | str = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            values = f"unreadable CSV record ({exc})"
        end = reader.line_num
        yield line, values
