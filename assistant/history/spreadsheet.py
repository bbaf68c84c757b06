"""CSV for spreadsheets: UTF-8 with BOM (German Excel reads umlauts), `;` or `,`, no formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

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
