"""Drafts must survive 944 real, often hostile German Facebook comments (GermEval 2021)."""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache

import pytest

from assistant import Message, draft
from assistant.analysis.reading import PROFANITY
from assistant.models import DraftSet

from .conftest import GERMEVAL, needs_shared, profile_for

pytestmark = [needs_shared, pytest.mark.xdist_group(name="germeval")]  # one drafting of the corpus


@pytest.fixture
def comments() -> list[dict[str, str]]:
    return _comments()


@pytest.fixture
def drafted() -> list[tuple[dict[str, str], DraftSet]]:
    return _drafted()


@cache
def _comments() -> list[dict[str, str]]:
    with GERMEVAL.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# Once per process, not per module fixture: a worker that runs other tests between two of these would otherwise
# tear the module's drafts down and draft all 944 comments again (two 50-second setups in one run).
@cache
def _drafted() -> list[tuple[dict[str, str], DraftSet]]:
    results = []
    for index, row in enumerate(_comments()):
        platform = ("facebook", "tiktok", "instagram")[index % 3]
        message = Message(text=row["text"], platform=platform, channel="comment")
        results.append((row, draft(message, profile_for(platform))))
    return results


def test_the_corpus_is_complete(comments: list[dict[str, str]]) -> None:
    assert len(comments) == 944


def test_every_comment_gets_three_distinct_drafts_within_limits(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    for row, result in drafted:
        texts = [d.text for d in result.drafts]
        assert len(set(texts)) == 3, (row["text"], texts)
        limit = profile_for(result.message.platform).limit("comment")
        assert all(0 < len(t) <= limit for t in texts)


def test_drafts_pass_the_blocking_checks(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    failing = [(row["text"][:80], d.tone, d.text) for row, r in drafted for d in r.drafts if not d.ok]
    total = sum(len(r.drafts) for _, r in drafted)
    print(f"\nGermEval: {len(failing)} of {total} drafts still fail a blocking check after repair")
    # Off-topic political rants sometimes look like complaints; the guard flags those drafts, never hides them.
    assert len(failing) <= total * 0.005, failing[:5]


def test_insults_are_never_echoed(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    for row, result in drafted:
        insults = {m.group().lower() for m in PROFANITY.finditer(row["text"])}
        for d in result.drafts:
            assert not any(word in d.text.lower() for word in insults), (row["text"], d.text)


def test_toxic_comments_are_not_met_with_cheer(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    toxic = [r for row, r in drafted if row["toxic"] == "1"]
    cheerful = sum(1 for r in toxic if r.analysis.intent == "praise")
    assert cheerful / len(toxic) < 0.05


def test_openings_vary(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    openings = Counter(" ".join(d.text.split()[:3]).lower() for _, r in drafted for d in r.drafts)
    common, count = openings.most_common(1)[0]
    assert count / sum(openings.values()) < 0.10, (common, count)


def test_off_topic_rants_raise_no_handoff(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    teams = [(row["text"][:80], r.analysis.intent) for row, r in drafted if r.handoff or r.analysis.escalation]
    print(f"\nGermEval: {len(teams)} of {len(drafted)} comments raised a handoff")
    assert len(teams) <= len(drafted) * 0.01, teams[:10]


def test_insults_never_read_as_positive(drafted: list[tuple[dict[str, str], DraftSet]]) -> None:
    insults = [(row, r) for row, r in drafted if PROFANITY.search(row["text"])]
    positive = [row["text"][:80] for row, r in insults if r.analysis.sentiment == "positive"]
    assert insults and not positive, positive[:10]
