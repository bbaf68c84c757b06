"""Progress on stderr: a redrawn bar with rate and ETA on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24
# Seconds between redraws of the bar (terminal) and between plain lines (pipes, logs, CI).
TTY_REFRESH = 0.1
PLAIN_INTERVAL = 5.0


def rows_per_second(rows: int, seconds: float) -> float:
    """The one rate the bar and the summary show: rows finished (drafted or failed) per second of drafting."""
    return rows / seconds if seconds > 0 else 0.0


def duration(seconds: float) -> str:
    """0:07, 3:25, 1:02:03."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts finished rows and shows rate and ETA; `note()` prints a line above the bar."""

    def __init__(
        self,
        *,
        total: int,
        stream: TextIO | None = None,
        tty: bool | None = None,
        interval: float = PLAIN_INTERVAL,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.total, self.enabled, self.interval, self._clock = total, enabled, interval, clock
        self.done = self.fell_back = self.failed = 0
        self.started = self._last = clock()
        self._drawn = False

    @property
    def rate(self) -> float:
        """Rows finished per second since drafting started."""
        return rows_per_second(self.done, self._clock() - self.started)

    def advance(self, *, fell_back: bool = False, failed: bool = False) -> None:
        """One more row finished (drafted, drafted by the fallback, or failed)."""
        self.done += 1
        self.fell_back += fell_back
        self.failed += failed
        now = self._clock()
        if now - self._last >= (TTY_REFRESH if self.tty else self.interval):
            self._last = now
            self.show()

    def note(self, text: str) -> None:
        """Print one line (a skipped row, a failure) without breaking the bar."""
        self._clear()
        print(text, file=self.stream, flush=True)
        if self.tty and self._drawn:
            self.show()

    def show(self) -> None:
        """Draw the bar (terminal) or print one status line."""
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r\x1b[2K" + self.line(bar=True))
            self._drawn = True
        else:
            self.stream.write(self.line(bar=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Final state, then a newline so the summary starts on its own line."""
        if not self.enabled:
            return
        self.show()
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
        self._drawn = False

    def line(self, *, bar: bool) -> str:
        """`[#####-----] 430/1000 43% · 88.1 rows/s · ETA 0:06 · fell back 0 · failed 0`."""
        total = max(self.total, self.done)
        share = self.done / total if total else 1.0
        rate = self.rate
        eta = duration((total - self.done) / rate) if rate > 0 else "?"
        filled = round(share * BAR_WIDTH)
        head = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] " if bar else "batch: "
        return (
            f"{head}{self.done}/{total} {share:.0%} · {rate:.1f} rows/s · ETA {eta}"
            f" · fell back {self.fell_back} · failed {self.failed}"
        )

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[2K")
