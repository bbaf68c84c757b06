"""What the history says about the community: messages over time, open questions, edits, failed checks.

Everything is read from the stored draft sets as JSON, so a field the analysis does not carry yet
(such as `analysis.questions`) simply yields nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from assistant.history.habits import HABITS, MIN_EDITS
from assistant.history.store import Store


@dataclass(frozen=True)
class Volume:
    """Messages of one day, platform and intent."""

    day: str
    platform: str
    intent: str
    count: int


@dataclass(frozen=True)
class OpenQuestion:
    """A question the profile had no fact for, with how often it was asked."""

    text: str
    count: int
    last_seen: str


@dataclass(frozen=True)
class Habit:
    """How often people made one kind of change on a platform before approving."""

    platform: str
    habit: str
    hits: int
    total: int

    @property
    def share(self) -> float:
        """hits / total."""
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True)
class CheckFailures:
    """How often one check failed in the drafts shown, and how many approvals were forced past a check."""

    name: str
    severity: str
    failures: int
    drafts: int


def _since(days: int | None) -> str | None:
    if not days:
        return None
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def volume(store: Store, *, brand: str | None = None, days: int | None = None) -> list[Volume]:
    """Distinct messages per day (UTC), platform and intent: drafted ones and those waiting in the inbox."""
    rows = store.read(
        "SELECT day, platform, intent, COUNT(*) AS n FROM ("
        " SELECT substr(created_at, 1, 10) AS day, platform, intent, message FROM draft_sets"
        "  WHERE (?1 IS NULL OR brand = ?1) AND (?2 IS NULL OR created_at >= ?2)"
        " UNION"
        " SELECT substr(created_at, 1, 10), platform, intent, text FROM inbox"
        "  WHERE (?1 IS NULL OR brand = ?1) AND (?2 IS NULL OR created_at >= ?2)"
        ") GROUP BY day, platform, intent ORDER BY day, platform, intent",
        (brand, _since(days)),
    )
    return [Volume(day=r["day"], platform=r["platform"], intent=r["intent"], count=r["n"]) for r in rows]


def open_questions(store: Store, *, brand: str | None = None, days: int | None = None) -> list[OpenQuestion]:
    """Questions without an answering fact (`analysis.questions[].fact` null), grouped by text, most asked first."""
    rows = store.read(
        "SELECT min(text) AS text, COUNT(DISTINCT message) AS n, max(created_at) AS last_seen FROM ("
        " SELECT trim(json_extract(q.value, '$.text')) AS text, s.message AS message, s.created_at AS created_at"
        " FROM draft_sets s, json_each(s.payload, '$.analysis.questions') q"
        " WHERE json_type(q.value, '$.fact') IS NOT 'text' AND json_extract(q.value, '$.text') IS NOT NULL"
        " AND (?1 IS NULL OR s.brand = ?1) AND (?2 IS NULL OR s.created_at >= ?2)"
        ") WHERE text != '' GROUP BY fold(text) ORDER BY n DESC, last_seen DESC",
        (brand, _since(days)),
    )
    return [OpenQuestion(text=r["text"], count=r["n"], last_seen=r["last_seen"]) for r in rows]


def approved_edits(store: Store, *, brand: str | None = None) -> list[tuple[str, str, str]]:
    """(platform, drafted text, approved text) of every approval that changed its draft."""
    rows = store.read(
        "SELECT a.platform AS platform, json_extract(d.value, '$.text') AS before, a.text AS after"
        " FROM approvals a JOIN draft_sets s ON s.id = a.draft_set_id, json_each(s.payload, '$.drafts') d"
        " WHERE json_extract(d.value, '$.tone') = a.tone AND (?1 IS NULL OR a.brand = ?1)"
        " ORDER BY a.id",
        (brand,),
    )
    return [(r["platform"], r["before"], r["after"]) for r in rows if r["before"] != r["after"]]


def habits(store: Store, *, brand: str | None = None) -> list[Habit]:
    """What people change before approving, per platform (from MIN_EDITS edited approvals on), most common first."""
    by_platform: dict[str, list[tuple[str, str]]] = {}
    for platform, before, after in approved_edits(store, brand=brand):
        by_platform.setdefault(platform, []).append((before, after))
    found = [
        Habit(platform=platform, habit=label, hits=sum(changed(b, a) for b, a in pairs), total=len(pairs))
        for platform, pairs in sorted(by_platform.items())
        if len(pairs) >= MIN_EDITS
        for label, changed in HABITS
    ]
    return sorted((h for h in found if h.hits), key=lambda h: (-h.share, h.platform, h.habit))


def check_failures(store: Store, *, brand: str | None = None, days: int | None = None) -> list[CheckFailures]:
    """Failures per check over every draft shown (after repair), most frequent first."""
    since = _since(days)
    total = store.read(
        "SELECT COUNT(*) FROM draft_sets s, json_each(s.payload, '$.drafts') d"
        " WHERE (?1 IS NULL OR s.brand = ?1) AND (?2 IS NULL OR s.created_at >= ?2)",
        (brand, since),
    )[0][0]
    rows = store.read(
        "SELECT json_extract(c.value, '$.name') AS name, json_extract(c.value, '$.severity') AS severity,"
        " COUNT(*) AS n FROM draft_sets s, json_each(s.payload, '$.drafts') d, json_each(d.value, '$.checks') c"
        " WHERE json_extract(c.value, '$.ok') = 0"
        " AND (?1 IS NULL OR s.brand = ?1) AND (?2 IS NULL OR s.created_at >= ?2)"
        " GROUP BY name, severity ORDER BY n DESC, name",
        (brand, since),
    )
    return [
        CheckFailures(name=r["name"], severity=r["severity"] or "block", failures=r["n"], drafts=total) for r in rows
    ]


def forced_approvals(store: Store, *, brand: str | None = None) -> int:
    """How many approvals went out past a failing blocking check."""
    return int(
        store.read("SELECT COUNT(*) FROM approvals WHERE forced = 1 AND (?1 IS NULL OR brand = ?1)", (brand,))[0][0]
    )
